"""Operations for the preview: key figures, charts, ranked quotations and figures, events, search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefer.core.domain import BriefingOptions, Selection

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

    from briefer.core.domain import ChartData, Incident, KeyFigure
    from briefer.core.store.db import Store

EVENT_LIMIT = 10_000  # rows in the events tab; the count above it is still shown
EVENT_LISTS_KEPT = 4  # event lists seen again are shown at once (each up to EVENT_LIMIT rows)


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
    topic_label: str
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
    request: PreviewRequest | None = None  # what the charts tab asks for, when it is shown


def preview(store: Store, request: PreviewRequest) -> Preview:
    """Key figures, chart data, ranked quotations and figures for the selection (see Preview).

    The map is left out here (placing ~10,000 events on it is the slowest part of a briefing): the
    charts tab asks for it with the charts' images, only when it is shown. A request seen again on
    unchanged data (and template file) is answered from `recent` without reading the store.
    """
    from briefer.core.templates import get_template
    from briefer.gui.operations.recent import recent

    template = get_template(request.template)
    return recent("preview", store, (request, template), lambda: _preview(store, request, template))


def _preview(store: Store, request: PreviewRequest, template: Any) -> Preview:
    from briefer.core import ranking
    from briefer.core.assemble import assemble
    from briefer.core.store import reads

    without_map = replace(template, charts=tuple(c for c in template.charts if c != "map"))
    lang: Any = request.language
    briefing = assemble(store, request.selection, without_map, BriefingOptions(language=lang, top_quotations=0))
    quotations = ranking.rank_quotations(store, request.selection, briefing.topic)
    figures = [f for f in ranking.rank_figures(store, request.selection) if not _is_date_figure(f)]
    sources = reads.sources(store, {q.source_id for q in quotations} | {f.source_id for f in figures})
    datasets = briefing.data_note.datasets
    return Preview(
        selection=request.selection, language=request.language,
        title=briefing.title, subtitle=briefing.subtitle, topic_label=briefing.topic.label(lang),
        key_figures=briefing.key_figures, charts=briefing.charts,
        quotations=tuple(_quotation_row(q, sources) for q in quotations),
        figures=tuple(_figure_row(f, sources, request.selection.topic, lang) for f in figures),
        default_quotations=template.quotations, default_figures=template.figures,
        event_count=briefing.data_note.event_count,
        dataset=datasets[0].name if datasets else "",
        synthetic=briefing.data_note.synthetic,
        other_datasets=tuple(d.name for d in datasets[1:]),
        request=request,
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
    """At most EVENT_LIMIT events, newest first; `complete` is False when the selection holds more
    (the preview's event count is then the total)."""

    selection: Selection
    rows: tuple[Incident, ...]
    complete: bool


def events(store: Store, selection: Selection) -> EventList:
    """The selection's events, newest first, at most EVENT_LIMIT (kept in `recent` like previews)."""
    from briefer.gui.operations.recent import recent

    return recent("events", store, selection, lambda: _events(store, selection), keep=EVENT_LISTS_KEPT)


def _events(store: Store, selection: Selection) -> EventList:
    from briefer.core import analysis

    rows = analysis.list_events(store, selection, limit=EVENT_LIMIT + 1)
    return EventList(selection, tuple(rows[:EVENT_LIMIT]), len(rows) <= EVENT_LIMIT)


def interrupt(store: Store) -> None:
    """Stop the SQL statement the worker is running on `store` (it then raises "interrupted").

    The one call made on a Store from another thread: SQLite documents `sqlite3_interrupt` as safe
    to call from any thread, and it has no effect on statements started after it returns.
    """
    store.db.conn.interrupt()


def search_quotations(store: Store, text: str) -> frozenset[int] | None:
    """Ids of the quotations matching the user's words (accents folded); None when `text` is blank."""
    from briefer.core import ranking

    if not text.strip():
        return None
    return frozenset(ranking.search_quotations(store, text))


SCREEN_DPI = 100  # charts on screen: 100 pixels per inch (times the screen's pixel ratio)
PRINT_WIDTH_IN = 6.3  # the PDF's text width on A4: chart heights are taken from the PDF's layout


@dataclass(frozen=True)
class ChartRequest:
    preview: PreviewRequest
    width_px: int = 630
    pixel_ratio: float = 1.0


@dataclass(frozen=True)
class ChartImage:
    """One chart (or the map) as the PDF shows it: texts, and the Figure rendered with Agg
    (RGBA, `width` × `height` device pixels)."""

    key: str
    title: str
    caption: str
    source_line: str
    note: str  # the key to numbered key dates, or the map's disclaimer
    figure: MplFigure
    rgba: bytes
    width: int
    height: int
    pixel_ratio: float


def chart_images(store: Store, request: ChartRequest) -> list[ChartImage]:
    """Every chart of the briefing, the map in its place, drawn by the same renderer as the PDF
    (`chart_figure`) and rendered here with Agg, so that the GUI thread only paints pixels."""
    from briefer.core.assemble import assemble
    from briefer.core.templates import get_template

    wanted = request.preview
    lang: Any = wanted.language
    briefing = assemble(store, wanted.selection, get_template(wanted.template), BriefingOptions(language=lang))
    items: list[Any] = list(briefing.charts)
    if briefing.map is not None:
        items.insert(min(briefing.map.position, len(items)), briefing.map)
    return [_render(item, lang, request) for item in items]


def _render(item: Any, lang: Any, request: ChartRequest) -> ChartImage:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from briefer.core.charts import chart_figure
    from briefer.core.pdf.visuals import chart_height

    height_in = chart_height(item, PRINT_WIDTH_IN * 72) / 72
    figure = chart_figure(item, lang, max(request.width_px, 320) / SCREEN_DPI, height_in)
    figure.set_dpi(SCREEN_DPI * request.pixel_ratio)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    return ChartImage(item.key, item.title, item.caption, item.source_line, _note(item, lang), figure,
                      bytes(canvas.buffer_rgba()), width, height, request.pixel_ratio)


def _note(item: Any, lang: Any) -> str:
    from briefer.core import i18n
    from briefer.core.charts.markers import marker_numbers

    if item.kind == "map":
        return str(item.disclaimer)
    numbers = sorted((n, m) for m, n in marker_numbers(item.markers).items())
    return "\n".join(f"{n}  {i18n.fmt_date(m.day, lang, 'medium')} — {m.label(lang)}" for n, m in numbers)
