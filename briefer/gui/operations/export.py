"""Exporting the PDF: assemble, draw the charts, lay out, write atomically; progress and cancel."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefer.core.domain import BriefingOptions, Selection

if TYPE_CHECKING:
    from briefer.core.store.db import Store


class Progress(Protocol):
    """What a long operation may do with its progress handle (see `tasks.ProgressHandle`)."""

    def report(self, fraction: float, stage: str, **values: object) -> None: ...

    def check(self) -> None: ...


@dataclass(frozen=True)
class Composition:
    """Everything the user chose: selection, template, options (with picked quotations/figures)."""

    selection: Selection
    template: str
    options: BriefingOptions = field(default_factory=BriefingOptions)


@dataclass(frozen=True)
class ExportRequest:
    composition: Composition
    path: Path
    password: str | None = field(default=None, repr=False)  # AES-256 encryption when set


def prepare_export(store: Store | None, _: object = None) -> None:
    """Load the PDF and chart machinery (reportlab, svglib, matplotlib, the fonts) ahead of time.

    Loading extension modules holds the interpreter lock for up to ~0.2 s at a time; done while
    the user reads the preview, it keeps those pauses out of the first export and charts tab.
    Then the objects alive so far are moved out of the garbage collector's sight (`gc.freeze`):
    a full collection over them would otherwise pause both threads for ~0.1 s now and then.
    """
    import matplotlib.figure  # noqa: F401

    from briefer.core import fonts
    from briefer.core.charts import style  # noqa: F401
    from briefer.core.pdf import render  # noqa: F401

    fonts.register_fonts()
    gc.freeze()  # the long-lived objects just loaded no longer slow down the collector's full passes


def export_pdf(store: Store, request: ExportRequest, progress: Progress) -> Path:
    """Write the PDF to `request.path` atomically: the file is either complete or untouched.

    Stages report progress; `progress.check()` between them raises when the user cancelled, and
    nothing is left on disk. OutputError when the folder cannot take the file. With a password the
    PDF is encrypted in memory before anything is written.
    """
    from briefer.core.assemble import assemble
    from briefer.core.pdf import render_pdf
    from briefer.core.pdf.render import check_writable, write_atomic
    from briefer.core.templates import get_template

    path = Path(request.path)
    check_writable(path)
    progress.report(0.05, "export-reading")
    comp = request.composition
    template = get_template(comp.template)
    options = replace(comp.options, paper=template.paper)
    briefing = assemble(store, comp.selection, template, options)
    progress.check()
    _prerender_charts(briefing, progress)
    progress.report(0.6, "export-layout")
    data = render_pdf(briefing)
    if request.password:
        from briefer.core.pdf.protect import encrypt_pdf

        data = encrypt_pdf(data, request.password)
    progress.check()
    progress.report(0.95, "export-writing")
    write_atomic(path, data)
    return path


def _prerender_charts(briefing: Any, progress: Progress) -> None:
    """Draw the charts at their printed size (cached by the core, so the layout reuses them)."""
    from briefer.core.charts import chart_drawing
    from briefer.core.pdf.styles import geometry
    from briefer.core.pdf.visuals import chart_height

    if "charts" not in briefing.sections:
        return
    width = geometry(briefing.paper).text_width
    total = len(briefing.charts)
    for number, chart in enumerate(briefing.charts, 1):
        progress.report(0.1 + 0.5 * (number - 1) / max(total, 1), "export-charts", n=number, total=total)
        chart_drawing(chart, briefing.language, width, chart_height(chart, width))
        progress.check()


