"""The charts section: numbered figures at full text width with caption and source line.

Contract: `charts(ctx)` returns the section heading and, for each chart in order, a block kept
on one page: "Figure n. Title" (an outline and contents entry at level 1), the drawing from
`briefer.core.charts.chart_drawing` at the full text width, the caption, and the source line in
small grey type directly under it. Returns [] when the briefing has no chart.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from briefer.core import i18n
from briefer.core.charts.markers import marker_numbers
from briefer.core.domain import ChartData
from briefer.core.pdf.context import Context, keep_first

TIMELINE_RATIO = 0.46
BAR_SLOT_PT = 19.0


def charts(ctx: Context) -> list[Flowable]:
    if not ctx.briefing.charts:
        return []
    heading = ctx.heading(ctx.t("charts"))
    return keep_first([heading], [_figure(ctx, chart) for chart in ctx.briefing.charts])


def chart_height(chart: ChartData, width: float) -> float:
    """A height that suits the chart: fixed ratio for timelines, by category count for bars."""
    if chart.kind != "bars":
        return round(width * TIMELINE_RATIO, 1)
    rows = max(1, len(chart.categories)) * max(1, len(chart.series))
    return round(min(max(36.0 + BAR_SLOT_PT * rows, width * 0.28), width * 0.75), 1)


def _figure(ctx: Context, chart: ChartData) -> Flowable:
    from briefer.core.charts import chart_drawing

    number = ctx.next_figure()
    title = f"{ctx.t('figure-number', n=number)} {chart.title}"
    parts: list[Flowable] = [
        ctx.heading(title, level=1, style="figure-title"),
        chart_drawing(chart, ctx.lang, ctx.width, chart_height(chart, ctx.width)),
    ]
    if chart.markers:
        parts.append(ctx.markup(_marker_key(ctx, chart), "caption"))
    if chart.caption:
        parts.append(ctx.para(chart.caption, "caption"))
    if chart.source_line:
        parts.append(ctx.para(chart.source_line, "source-line"))
    return KeepTogether(parts)


def _marker_key(ctx: Context, chart: ChartData) -> str:
    """"1 16 June 2023 — Mali requests …   2 21 June 2023 — …": the key to the numbered key dates."""
    items = []
    for marker, number in marker_numbers(chart.markers).items():
        day = i18n.fmt_date(marker.day, ctx.lang, "medium")
        items.append(f"<b>{number}</b>\u00a0{ctx.esc(day)}\u00a0— {ctx.esc(marker.label(ctx.lang))}")
    return "<br/>".join(items)
