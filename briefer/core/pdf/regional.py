"""The regional-spillover sections: countries side by side, border areas, cross-border actors.

Contract: each builder returns its heading, a one-line intro and a data table, or a plain
statement when there is nothing to list; [] when the briefing lacks the data (another template).
Every percentage is printed with its count.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from briefer.core import i18n
from briefer.core.domain import Change
from briefer.core.pdf.context import Context, keep_first
from briefer.core.pdf.summary import change_text, trend_mark
from briefer.core.pdf.tables import data_table, share_widths


def country_table(ctx: Context) -> list[Flowable]:
    rows_in = ctx.briefing.country_rows
    trend = ctx.briefing.trends
    if not rows_in or trend is None:
        return []
    baseline = trend.baseline is not None
    keys = [("ct-country", "th"), ("ct-events", "th-right"), ("ct-fatalities", "th-right")]
    header = [ctx.para(ctx.t(k), s) for k, s in keys]
    if baseline:
        header.append(ctx.para(ctx.t("kf-baseline", weeks=trend.baseline_weeks), "th-right"))
    header.append(ctx.para(ctx.t("ct-surges"), "th-right"))
    rows = [header]
    for r in rows_in:
        row = [ctx.markup(f"<b>{ctx.esc(r.name)}</b>", "td"), _cell(ctx, r.events), _cell(ctx, r.fatalities)]
        if baseline:
            row.append(_cell(ctx, r.baseline, average=True))
        row.append(ctx.para(i18n.fmt_number(r.surges, ctx.lang), "td-right"))
        rows.append(row)
    weights = (22, 24, 24, 22, 10) if baseline else (30, 30, 30, 10)
    table = data_table(rows, share_widths(ctx.width, weights))
    note = ctx.t("ct-note", previous=i18n.fmt_period(trend.previous, ctx.lang))
    return [*keep_first([ctx.heading(ctx.t("country-table"))], [table]), ctx.para(note, "table-note")]


def _cell(ctx: Context, change: Change | None, average: bool = False) -> Flowable:
    """"1 234" in bold (or "avg. 717" against the baseline), then "+38% (+12)" and the trend class."""
    if change is None:
        return ctx.para("–", "td-right")
    first = f"<b>{ctx.esc(i18n.fmt_number(change.current, ctx.lang))}</b>"
    if average:
        first = ctx.esc(ctx.t("kf-average", value=i18n.fmt_number(change.previous, ctx.lang)))
    return ctx.markup(f"{first}<br/>{ctx.esc(change_text(change, ctx.lang))}<br/>{trend_mark(ctx, change)}", "td-right")


def border_areas(ctx: Context) -> list[Flowable]:
    if "border-areas" not in ctx.briefing.sections or ctx.briefing.trends is None:
        return []
    km = ctx.briefing.trends.border_km
    heading = [ctx.heading(ctx.t("border-areas")), ctx.para(ctx.t("ba-intro", km=km), "intro")]
    areas = ctx.briefing.border_areas
    if not areas:
        return [*heading, ctx.para(ctx.t("ba-none", km=km), "body")]
    header = [ctx.para(ctx.t(k), s) for k, s in (
        ("rg-region", "th"), ("ba-events", "th-right"), ("rg-fatalities", "th-right"), ("ba-across", "th"))]
    rows = [header, *([ctx.para(a.label, "td"), ctx.para(i18n.fmt_number(a.events, ctx.lang), "td-right"),
                       ctx.para(i18n.fmt_number(a.fatalities, ctx.lang), "td-right"),
                       ctx.para(", ".join(a.neighbours), "td")] for a in areas)]
    return keep_first(heading, [data_table(rows, share_widths(ctx.width, (34, 16, 12, 38)))])


def cross_border_actors(ctx: Context) -> list[Flowable]:
    if len(ctx.briefing.countries) < 2:
        return []
    heading = [ctx.heading(ctx.t("cross-border-actors")), ctx.para(ctx.t("cb-intro"), "intro")]
    actors = ctx.briefing.cross_border_actors
    if not actors:
        return [*heading, ctx.para(ctx.t("cb-none"), "body")]
    header = [ctx.para(ctx.t(k), s) for k, s in (("cb-actor", "th"), ("cb-countries", "th"), ("ct-events", "th-right"))]
    rows = [header, *([ctx.para(a.name, "td"), ctx.para(", ".join(a.countries), "td"),
                       ctx.para(i18n.fmt_number(a.events, ctx.lang), "td-right")] for a in actors)]
    return keep_first(heading, [data_table(rows, share_widths(ctx.width, (52, 34, 14)))])
