"""The regions section: every first-level region against the previous period, surges marked ▲.

Contract: `regions(ctx)` returns the heading, an intro, a table (region, events now, previous,
change with its count, trend class, deaths) of the busiest MAX_ROWS regions, a line counting
the others, and the surge rule stated in words. [] when the briefing has no region.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from briefer.core import i18n
from briefer.core.depth import RegionTrend
from briefer.core.pdf.context import Context, keep_first
from briefer.core.pdf.summary import change_text, previous_title, trend_mark
from briefer.core.pdf.tables import data_table, share_widths

MAX_ROWS = 12
SURGE_HEX = "#B03A2E"


def regions(ctx: Context) -> list[Flowable]:
    found = [r for r in ctx.briefing.regions if r.change.current or r.change.previous]
    trend = ctx.briefing.trends
    if not found or trend is None:
        return []
    header = [ctx.para(ctx.t(k), s) for k, s in (
        ("rg-region", "th"), ("kf-current", "th-right"), ("kf-previous", "th-right"),
        ("kf-change", "th-right"), ("kf-trend", "th"), ("rg-fatalities", "th-right"))]
    header[2] = ctx.para(previous_title(ctx), "th-right")
    rows = [header, *(_row(ctx, r) for r in found[:MAX_ROWS])]
    table = data_table(rows, share_widths(ctx.width, (31, 11, 12, 17, 18, 11)))
    notes = []
    if len(found) > MAX_ROWS:
        notes.append(ctx.para(ctx.t("rg-more", n=i18n.fmt_number(len(found) - MAX_ROWS, ctx.lang)), "table-note"))
    if not any(r.surge for r in found):
        notes.append(ctx.para(ctx.t("surge-none"), "table-note"))
    notes.append(ctx.para(ctx.t("surge-rule", percent=trend.surge_percent, minimum=trend.surge_minimum), "table-note"))
    return [*keep_first([ctx.heading(ctx.t("regions")), ctx.para(ctx.t("regions-intro"), "intro")], [table]), *notes]


def _row(ctx: Context, region: RegionTrend) -> list[Flowable]:
    name = ctx.esc(region.label)
    if region.surge:
        name = f'<b>{name}</b> <font color="{SURGE_HEX}">▲</font>'
    lang = ctx.lang
    return [
        ctx.markup(name, "td"),
        ctx.para(i18n.fmt_number(region.change.current, lang), "td-right"),
        ctx.para(i18n.fmt_number(region.change.previous, lang), "td-right"),
        ctx.para(change_text(region.change, lang), "td-right"),
        ctx.markup(trend_mark(ctx, region.change), "td"),
        ctx.para(i18n.fmt_number(region.fatalities, lang), "td-right"),
    ]
