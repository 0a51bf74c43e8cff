"""Key messages and the key-figures table.

Contract: each builder returns its section's flowables (heading first) or [] when it has nothing
to show. In the key-figures table every percentage is printed with the count behind it, and a
change on a small baseline is worded ("small baseline") instead of given as a percentage.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from briefer.core import i18n
from briefer.core.domain import Change, KeyFigure, Language
from briefer.core.pdf.context import Context
from briefer.core.pdf.labels import label
from briefer.core.pdf.markup import percent
from briefer.core.pdf.styles import TEAL, TINT
from briefer.core.pdf.tables import SPLIT_IN_ROW, data_table, share_widths, table_style

GREY_HEX = "#5B6770"
TREND_MARKS: dict[str, tuple[str, str]] = {
    "sharp-increase": ("⇈", "#B03A2E"),
    "increase": ("↗", "#B03A2E"),
    "stable": ("→", "#5B6770"),
    "decrease": ("↘", "#1E7B4F"),
    "sharp-decrease": ("⇊", "#1E7B4F"),
    "new": ("↑", "#B03A2E"),
    "none": ("–", "#5B6770"),
}


def key_messages(ctx: Context) -> list[Flowable]:
    """Numbered key messages in a tinted box with an accent rule."""
    messages = ctx.briefing.key_messages
    if not messages:
        return []
    rows = [[ctx.para(str(n), "message-num"), ctx.para(text, "message")] for n, text in enumerate(messages, 1)]
    table = Table(rows, colWidths=[11 * mm, ctx.width - 11 * mm], hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LINEBEFORE", (0, 0), (0, -1), 3, TEAL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 7),
        ("RIGHTPADDING", (1, 0), (1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, 0), 11),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 11),
    ]))
    return [ctx.heading(ctx.t("key-messages")), table]


def key_figures(ctx: Context) -> list[Flowable]:
    """The table of computed key figures against the previous period (and, when the briefing has
    one, the baseline average), with a reading note."""
    figures = ctx.briefing.key_figures
    if not figures:
        return []
    baseline = any(f.baseline is not None for f in figures)
    header = [ctx.para(ctx.t(k), s) for k, s in (
        ("kf-indicator", "th"), ("kf-current", "th-right"), ("kf-previous", "th-right"),
        ("kf-change", "th-right"), ("kf-trend", "th"))]
    header[2] = ctx.para(previous_title(ctx), "th-right")
    if baseline:
        header.insert(4, ctx.para(ctx.t("kf-baseline", weeks=_weeks(ctx)), "th-right"))
    blank = [""] * (len(header) - 1)
    rows, group_rows = [header], []
    for group in ("topic", "context", "country"):
        members = [f for f in figures if f.group == group]
        if members:
            group_rows.append(len(rows))
            rows.append([ctx.markup(_group_title(ctx, group), "td-strong"), *blank])
            rows.extend(_figure_row(ctx, f, baseline) for f in members)
    weights = (28, 10, 15, 17, 17, 13) if baseline else (36, 13, 13, 20, 18)
    table = data_table(rows, share_widths(ctx.width, weights))
    table.setStyle(table_style([cmd for r in group_rows for cmd in (
        ("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), TINT))]))
    return [ctx.heading(ctx.t("key-figures")), table, *[ctx.para(n, "table-note") for n in _notes(ctx, baseline)]]


def _weeks(ctx: Context) -> int:
    trend = ctx.briefing.trends
    return trend.baseline_weeks if trend else 52


def previous_title(ctx: Context) -> str:
    """"Previous period", or "Previous 4 weeks, per week" when counts are normalised."""
    trend, period = ctx.briefing.trends, ctx.briefing.selection.period
    if trend is None or not trend.scaled:
        return ctx.t("kf-previous")
    if period.days == 7 and trend.previous.days % 7 == 0:
        return ctx.t("kf-previous-scaled", weeks=trend.previous.days // 7)
    if period.days == 1:
        return ctx.t("kf-previous-scaled-days", days=trend.previous.days)
    return ctx.t("kf-previous")


def _notes(ctx: Context, baseline: bool) -> list[str]:
    """The reading notes under the key figures: periods compared, baseline, trend classes."""
    period, trend = ctx.briefing.selection.period, ctx.briefing.trends
    previous = trend.previous if trend else period.previous()
    fmt = i18n.fmt_period
    if trend is not None and trend.scaled:
        notes = [ctx.t("kf-note-scaled", current=fmt(period, ctx.lang), previous=fmt(previous, ctx.lang))]
    else:
        notes = [ctx.t("kf-note", current=fmt(period, ctx.lang), previous=fmt(previous, ctx.lang))]
    if baseline and trend is not None and trend.baseline is not None:
        notes.append(ctx.t("kf-note-baseline", weeks=trend.baseline_weeks, baseline=fmt(trend.baseline, ctx.lang)))
    return [*notes, ctx.t("trend-classes")]


def _group_title(ctx: Context, group: str) -> str:
    """The row that heads a group of key figures: the topic's name, the context, the countries."""
    if group == "topic":
        return ctx.esc(ctx.t("kf-group-topic", topic=ctx.briefing.topic.label(ctx.lang)))
    return ctx.esc(ctx.t(f"kf-group-{group}"))


def _figure_row(ctx: Context, figure: KeyFigure, baseline: bool = False) -> list[Paragraph]:
    change, lang = figure.change, ctx.lang
    previous = i18n.fmt_number(change.previous, lang)
    if figure.previous_total is not None:
        total = ctx.esc(ctx.t("kf-raw-total", n=i18n.fmt_number(figure.previous_total, lang)))
        previous = f'{ctx.esc(previous)}<br/><font size="7" color="{GREY_HEX}">{total}</font>'
    else:
        previous = ctx.esc(previous)
    row = [
        ctx.para(figure.label, "td"),
        ctx.para(i18n.fmt_number(change.current, lang), "td-right"),
        ctx.markup(previous, "td-right"),
        ctx.para(change_text(change, lang), "td-right"),
        ctx.markup(trend_mark(ctx, change), "td"),
    ]
    if baseline:
        row.insert(4, ctx.markup(_baseline_cell(ctx, figure.baseline), "td-right"))
    return row


def trend_mark(ctx: Context, change: Change) -> str:
    """The coloured arrow and class word of a change (greyed on a small baseline)."""
    arrow, hex_colour = TREND_MARKS.get(change.trend, ("", GREY_HEX))
    word = ctx.esc(ctx.t("trend-" + change.trend))
    if change.small_baseline and change.trend not in ("new", "none"):
        hex_colour, word = GREY_HEX, f'<font color="{GREY_HEX}">{word}</font>'  # too few to call a trend
    return f'<font color="{hex_colour}"><b>{arrow}</b></font>\u00a0{word}'


def _baseline_cell(ctx: Context, change: Change | None) -> str:
    """"+38% (+5)", the average in small type, and the class word: the change on the baseline."""
    if change is None:
        return "–"
    average = ctx.esc(ctx.t("kf-average", value=i18n.fmt_number(change.previous, ctx.lang)))
    return (f"{ctx.esc(change_text(change, ctx.lang))}<br/>"
            f'<font size="7"><font color="{GREY_HEX}">{average} ·</font> {trend_mark(ctx, change)}</font>')


def signed_count(diff: int, lang: Language) -> str:
    """+12, −4 (true minus sign) or ±0, with the language's digit grouping."""
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return sign + i18n.fmt_number(abs(diff), lang)


def change_text(change: Change, lang: Language) -> str:
    """"+38% (+12)"; "+3 (small baseline)" when the baseline is too small for a percentage."""
    count = signed_count(change.current - change.previous, lang)
    if change.percent is not None and not change.small_baseline:
        return f"{percent(change.percent, lang)} ({count})"
    if change.current == change.previous == 0:
        return count
    return f"{count} ({label('small-baseline', lang)})"
