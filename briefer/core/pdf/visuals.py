"""The charts section: numbered figures at full text width with caption and source line.

Contract: `charts(ctx)` returns the section heading and, for each chart in order, a block kept
on one page: "Figure n. Title" (an outline and contents entry at level 1), the drawing from
`briefer.core.charts.chart_drawing` at the full text width, the caption, and the source line in
small grey type directly under it. The map, when the briefing has one, is such a block at its
place among the charts, with the boundaries disclaimer under its source line. Returns [] when
the briefing has neither chart nor map.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from briefer.core import i18n
from briefer.core.charts.markers import marker_numbers
from briefer.core.domain import ChartData, MapData
from briefer.core.pdf.context import Context, keep_first

TIMELINE_RATIO = 0.46
BAR_SLOT_PT = 19.0
MAP_RATIO = (0.55, 0.8)  # the map box's height, times the width: least, most


def charts(ctx: Context) -> list[Flowable]:
    items: list[ChartData | MapData] = list(ctx.briefing.charts)
    if ctx.briefing.map is not None:
        items.insert(min(ctx.briefing.map.position, len(items)), ctx.briefing.map)
    if not items:
        return []
    heading = ctx.heading(ctx.t("charts"))
    return keep_first([heading], [figure_block(ctx, item) for item in items])


def map_height(data: MapData, width: float) -> float:
    """The map box takes the shape of the frame (within MAP_RATIO), the legend strip goes under it."""
    from briefer.core.charts.maplegend import figure_height

    return figure_height(data, width, MAP_RATIO)


def chart_height(chart: ChartData | MapData, width: float) -> float:
    """A height that suits the chart: fixed ratio for timelines, by category count for bars."""
    if isinstance(chart, MapData):
        return map_height(chart, width)
    if chart.kind != "bars":
        return round(width * TIMELINE_RATIO, 1)
    rows = max(1, len(chart.categories)) * max(1, len(chart.series))
    return round(min(max(36.0 + BAR_SLOT_PT * rows, width * 0.28), width * 0.75), 1)


def figure_block(ctx: Context, chart: ChartData | MapData, height: float | None = None) -> Flowable:
    from briefer.core.charts import chart_drawing

    number = ctx.next_figure()
    title = f"{ctx.t('figure-number', n=number)} {chart.title}"
    parts: list[Flowable] = [
        ctx.heading(title, level=1, style="figure-title"),
        chart_drawing(chart, ctx.lang, ctx.width, height or chart_height(chart, ctx.width)),
    ]
    if isinstance(chart, ChartData) and chart.markers:
        parts.append(ctx.markup(_marker_key(ctx, chart), "caption"))
    if chart.caption:
        parts.append(ctx.para(chart.caption, "caption"))
    lines = [chart.source_line, chart.disclaimer if isinstance(chart, MapData) else ""]
    if any(lines):
        parts.append(ctx.markup("<br/>".join(ctx.esc(line) for line in lines if line), "source-line"))
    return KeepTogether(parts)


def _marker_key(ctx: Context, chart: ChartData) -> str:
    """"1 16 June 2023 — Mali requests …   2 21 June 2023 — …": the key to the numbered key dates."""
    items = []
    for marker, number in marker_numbers(chart.markers).items():
        day = i18n.fmt_date(marker.day, ctx.lang, "medium")
        items.append(f"<b>{number}</b>\u00a0{ctx.esc(day)}\u00a0— {ctx.esc(marker.label(ctx.lang))}")
    return "<br/>".join(items)
