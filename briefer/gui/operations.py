"""The one door from the GUI into briefer.core.

Contract:
- This is the only GUI module that imports `briefer.core`. Every operation is a plain function
  `op(store, arg) -> result` (export also takes a progress handle) run by `tasks.TaskRunner` on its
  single worker thread, with the worker's own `Store`; no operation touches Qt.
- Results are frozen dataclasses (core domain objects, or the small row types below) that the GUI
  thread may read freely; a `Store` never leaves the worker.
- User mistakes and unusable inputs raise `BrieferError` (shown in a dialog); anything else is a bug.
- Importing this module is cheap: only `domain`, `errors` and `periods` load at import time. The heavy
  modules (sqlite-utils and numpy, babel, reportlab, matplotlib) load on the worker, in `warm_up`
  or on first use, so the window appears before them.
- A few helpers that need no store (`period_preset`, `default_file_name`, `is_user_error`) are pure
  and fast, and may be called on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefer.core.domain import LANGUAGES, MARKINGS, BriefingOptions, Period, Selection
from briefer.core.errors import BrieferError, OutputError, StoreError
from briefer.core.periods import PRESETS, preset

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

    from briefer.core.domain import ChartData, Country, Incident, KeyFigure, Topic
    from briefer.core.recipes import Recipe
    from briefer.core.store.db import Store
    from briefer.core.templates import Template

__all__ = [
    "LANGUAGES", "MARKINGS", "PRESETS", "BriefingOptions", "BrieferError", "Period", "Selection",
]

EVENT_LIMIT = 10_000  # rows in the events tab; the count above it is still shown


class Progress(Protocol):
    """What a long operation may do with its progress handle (see `tasks.ProgressHandle`)."""

    def report(self, fraction: float, stage: str, **values: object) -> None: ...

    def check(self) -> None: ...


# --- Pure helpers (no store; safe on the GUI thread) ----------------------------------------------


def no_store() -> BrieferError:
    """The error of an operation asked for while no store is open."""
    return StoreError("No store is open. Open one from the Store menu.")


def is_user_error(exc: BaseException) -> bool:
    """True for errors a user can act on (shown as a plain dialog, without a traceback)."""
    return isinstance(exc, BrieferError)


def period_preset(name: str, newest: dt.date) -> Period:
    """The preset period `name` ending on `newest`, the last day with data."""
    return preset(name, newest)


def slug(text: str) -> str:
    """"Côte d'Ivoire" -> "cote-d-ivoire"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def default_file_name(country_names: Sequence[str], topic: str, period: Period) -> str:
    """mali-peacekeeping-2023-06-01_2023-12-31.pdf (several countries joined by "-")."""
    countries = "-".join(slug(n) for n in country_names) or "briefing"
    return f"{countries}-{slug(topic)}-{period.start.isoformat()}_{period.end.isoformat()}.pdf"


# --- Store ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenRequest:
    """Which store to open. kind: "path" (an existing file), "default" (the user's store, built from
    the demo data on first run), "new" (create an empty store at `path`). `read_only` None means
    "read-only when the file is not writable"."""

    kind: str = "default"
    path: Path | None = None
    read_only: bool | None = None


@dataclass(frozen=True)
class CountryEntry:
    country: Country
    events: int


@dataclass(frozen=True)
class StoreInfo:
    """What the GUI shows about the open store and needs to fill its pickers."""

    path: Path
    read_only: bool
    countries: tuple[CountryEntry, ...]
    topics: tuple[Topic, ...]
    templates: tuple[Template, ...]
    sections: tuple[str, ...]
    first_day: dt.date | None
    newest_day: dt.date | None
    event_count: int
    quotation_count: int
    saved: tuple[str, ...]
    synthetic: bool


def warm_up(store: Store | None, _: object = None) -> None:
    """Import the heavy core modules (on the worker, while the window is being built)."""
    import briefer.core.assemble  # noqa: F401
    import briefer.core.recipes  # noqa: F401
    import briefer.core.store.db  # noqa: F401


def open_store(store: Store | None, request: OpenRequest) -> tuple[Store, StoreInfo]:
    """Open the requested store (the worker then closes `store`); StoreError when it cannot be used."""
    from briefer.core.pipeline import default_store
    from briefer.core.store.db import open_store as open_file

    if request.kind == "default":
        path = default_store()
    elif request.path is None:
        raise StoreError("no store file was given")
    else:
        path = Path(request.path)
    if request.kind == "new":
        created = _create_empty(path)
        return created, store_info(created)
    read_only = request.read_only
    if read_only is None:
        read_only = path.exists() and not os.access(path, os.W_OK)
    opened = open_file(path, read_only=read_only)
    try:
        return opened, store_info(opened)
    except BaseException:
        opened.close()
        raise


def _create_empty(path: Path) -> Store:
    """A new store at `path` holding only the reference data (countries, topics, regions)."""
    from briefer.core.demo.build import load_reference_data
    from briefer.core.store.db import open_store as open_file

    if path.exists():
        raise StoreError(f"{path}: already exists. Choose a new file name, or open it instead.")
    store = open_file(path, create=True)
    try:
        with store.db.atomic():
            load_reference_data(store)
    except BaseException:
        store.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return store


def store_info(store: Store) -> StoreInfo:
    """Everything the pickers need, read once when a store is opened."""
    from briefer.core import recipes
    from briefer.core.store import reads
    from briefer.core.templates import SECTIONS, load_templates

    counts = reads.countries_with_events(store)
    countries = sorted(
        (CountryEntry(c, counts.get(c.iso3, 0)) for c in reads.countries(store)),
        key=lambda e: (-e.events, e.country.name_en),
    )
    span = reads.event_date_range(store)
    datasets = reads.datasets(store)
    n_quotations = store.db.execute("SELECT count(*) FROM quotations").fetchone()[0]
    return StoreInfo(
        path=store.path, read_only=store.read_only, countries=tuple(countries),
        topics=tuple(reads.topics(store)), templates=tuple(load_templates().values()), sections=SECTIONS,
        first_day=span[0] if span else None, newest_day=span[1] if span else None,
        event_count=sum(counts.values()), quotation_count=n_quotations,
        saved=tuple(recipes.names(store)), synthetic=any(d.synthetic for d in datasets),
    )


# --- Preview ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRequest:
    selection: Selection
    template: str
    language: str


@dataclass(frozen=True)
class QuotationRow:
    id: int
    text: str
    speaker: str
    source: str
    date: dt.date | None
    paraphrase: bool


@dataclass(frozen=True)
class FigureRow:
    id: int
    label: str
    value: float | None
    unit: str
    qualifier: str
    sentence: str
    source: str
    as_of: str
    on_topic: bool


@dataclass(frozen=True)
class Preview:
    """What the preview tabs show for one selection (texts in the briefing's language)."""

    selection: Selection
    language: str
    title: str
    subtitle: str
    key_figures: tuple[KeyFigure, ...]
    charts: tuple[ChartData, ...]
    quotations: tuple[QuotationRow, ...]
    figures: tuple[FigureRow, ...]
    default_quotations: int
    default_figures: int
    event_count: int
    dataset: str
    synthetic: bool
    other_datasets: tuple[str, ...] = ()


def preview(store: Store, request: PreviewRequest) -> Preview:
    """Key figures, charts, ranked quotations and figures for the selection (see Preview)."""
    from briefer.core import ranking
    from briefer.core.assemble import assemble
    from briefer.core.store import reads
    from briefer.core.templates import get_template

    template = get_template(request.template)
    lang: Any = request.language
    briefing = assemble(store, request.selection, template, BriefingOptions(language=lang, top_quotations=0))
    quotations = ranking.rank_quotations(store, request.selection, briefing.topic)
    figures = [f for f in ranking.rank_figures(store, request.selection) if not _is_date_figure(f)]
    sources = reads.sources(store, {q.source_id for q in quotations} | {f.source_id for f in figures})
    datasets = briefing.data_note.datasets
    return Preview(
        selection=request.selection, language=request.language,
        title=briefing.title, subtitle=briefing.subtitle,
        key_figures=briefing.key_figures, charts=briefing.charts,
        quotations=tuple(_quotation_row(q, sources) for q in quotations),
        figures=tuple(_figure_row(f, sources, request.selection.topic, lang) for f in figures),
        default_quotations=template.quotations, default_figures=template.figures,
        event_count=briefing.data_note.event_count,
        dataset=datasets[0].name if datasets else "",
        synthetic=briefing.data_note.synthetic,
        other_datasets=tuple(d.name for d in datasets[1:]),
    )


def _is_date_figure(figure: Any) -> bool:
    """Figures that are dates belong to the chronology, not to the figures table."""
    return figure.value is None and figure.unit.strip().lower() == "date"


def _source_name(source: Any) -> str:
    if source is None:
        return ""
    who = source.publisher or source.container or (source.authors[0] if source.authors else "")
    return f"{who} — {source.title}" if who else source.title


def _quotation_row(q: Any, sources: dict[Any, Any]) -> QuotationRow:
    return QuotationRow(q.id, q.text, q.speaker, _source_name(sources.get(q.source_id)), q.date, q.paraphrase)


def _figure_row(f: Any, sources: dict[Any, Any], topic: str, lang: Any) -> FigureRow:
    from briefer.core import i18n

    label = f.display_label(lang) if hasattr(f, "display_label") else f.label
    return FigureRow(
        id=f.id, label=label, value=f.value, unit=f.unit, qualifier=f.qualifier, sentence=f.sentence,
        source=_source_name(sources.get(f.source_id)), as_of=i18n.fmt_partial(f.as_of, lang),
        on_topic=f.topic == topic,
    )


@dataclass(frozen=True)
class EventList:
    selection: Selection
    rows: tuple[Incident, ...]
    total: int


def events(store: Store, selection: Selection) -> EventList:
    """The selection's events, newest first, at most EVENT_LIMIT, with the full count."""
    from briefer.core import analysis

    rows = analysis.list_events(store, selection, limit=EVENT_LIMIT + 1)
    total = len(rows)
    if total > EVENT_LIMIT:
        rows = rows[:EVENT_LIMIT]
        total = _count_events(store, selection)
    return EventList(selection, tuple(rows), total)


def _count_events(store: Store, selection: Selection) -> int:
    from briefer.core import analysis

    return analysis.analyse(store, selection, incidents=0).totals.events


def search_quotations(store: Store, text: str) -> frozenset[int] | None:
    """Ids of the quotations matching the user's words (accents folded); None when `text` is blank."""
    from briefer.core import ranking

    if not text.strip():
        return None
    return frozenset(ranking.search_quotations(store, text))


@dataclass(frozen=True)
class ChartRequest:
    charts: tuple[ChartData, ...]
    language: str


def chart_figures(store: Store | None, request: ChartRequest) -> list[MplFigure]:
    """matplotlib Figures drawn by the same renderer as the PDF, ready for a Qt canvas."""
    from briefer.core.charts import chart_figure

    lang: Any = request.language
    return [chart_figure(chart, lang) for chart in request.charts]


# --- Export -----------------------------------------------------------------------------------------


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


def export_pdf(store: Store, request: ExportRequest, progress: Progress) -> Path:
    """Write the PDF to `request.path` atomically: the file is either complete or untouched.

    Stages report progress; `progress.check()` between them raises when the user cancelled, and
    nothing is left on disk. OutputError when the folder cannot take the file.
    """
    from briefer.core.assemble import assemble
    from briefer.core.pdf import render_pdf
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


# --- Saved briefings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveRequest:
    name: str
    composition: Composition


def save_recipe(store: Store, request: SaveRequest) -> tuple[str, ...]:
    """Save (or replace) the composition under `name`; returns the saved names."""
    from briefer.core import recipes

    _writable(store)
    comp = request.composition
    recipes.save(store, request.name, recipes.Recipe(comp.selection, comp.template, comp.options))
    return tuple(recipes.names(store))


def list_recipes(store: Store, _: object = None) -> tuple[str, ...]:
    from briefer.core import recipes

    return tuple(recipes.names(store))


@dataclass(frozen=True)
class LoadRequest:
    name: str
    refresh: bool = False  # move the period to end on the newest data ("this week's update")


def load_recipe(store: Store, request: LoadRequest) -> Composition:
    from briefer.core import recipes
    from briefer.core.store import reads

    recipe: Recipe = recipes.load(store, request.name)
    if request.refresh:
        span = reads.event_date_range(store)
        if span is not None:
            recipe = recipes.refreshed(recipe, span[1])
    return Composition(recipe.selection, recipe.template, recipe.options)


@dataclass(frozen=True)
class RenameRequest:
    old: str
    new: str


def rename_recipe(store: Store, request: RenameRequest) -> tuple[str, ...]:
    from briefer.core import recipes

    _writable(store)
    recipes.rename(store, request.old, request.new)
    return tuple(recipes.names(store))


def delete_recipe(store: Store, name: str) -> tuple[str, ...]:
    from briefer.core import recipes

    _writable(store)
    recipes.delete(store, name)
    return tuple(recipes.names(store))


def _writable(store: Store) -> None:
    if store.read_only:
        raise StoreError(f"{store.path}: opened read-only; saved briefings cannot be changed. "
                         "Open a writable copy of the store to save.")
