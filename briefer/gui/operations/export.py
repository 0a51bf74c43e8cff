"""Exporting the PDF: assemble, draw the charts, lay out, write atomically; progress and cancel."""

from __future__ import annotations

import errno
import gc
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefer.core.domain import BriefingOptions, Selection
from briefer.core.errors import OutputError

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
    from briefer.core.templates import get_template

    path = Path(request.path)
    check_writable(path)
    progress.report(0.05, "export-reading")
    comp = request.composition
    template = get_template(comp.template)
    options = replace(comp.options, paper="letter" if template.paper == "letter" else "a4")
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


def check_writable(path: Path) -> None:
    """OutputError, before any work, when `path`'s folder is missing or cannot take a new file."""
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"Cannot write {path}: it is a folder. Give a file name ending in .pdf.")
    if not folder.is_dir():
        raise OutputError(f"Cannot write {path}: the folder {folder} does not exist. "
                          "Create it or choose another folder.")
    try:
        handle, name = tempfile.mkstemp(prefix=".briefer-check-", dir=folder)
    except OSError as exc:
        raise OutputError(os_message(path, exc)) from exc
    os.close(handle)
    os.unlink(name)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path` and move it into place; no leftovers on error."""
    temp: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        temp = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise OutputError(os_message(path, exc)) from exc


def os_message(path: Path, exc: OSError) -> str:
    reasons = {
        errno.ENOENT: f"the folder {path.parent} does not exist. Create it or choose another folder.",
        errno.EACCES: f"permission denied in {path.parent}. Choose a folder you can write to.",
        errno.EPERM: f"permission denied in {path.parent}. Choose a folder you can write to.",
        errno.EROFS: f"{path.parent} is on a read-only disk. Choose another folder.",
        errno.ENOSPC: "the disk is full. Free some space or choose another disk.",
        errno.EDQUOT: "the disk quota is exceeded. Free some space or choose another disk.",
    }
    return f"Cannot write {path}: {reasons.get(exc.errno or 0, f'{exc.strerror or exc}.')}"
