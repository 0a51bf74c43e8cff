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
    """The table of computed key figures against the previous period, with a reading note."""
    figures = ctx.briefing.key_figures
    if not figures:
        return []
    header = [ctx.para(ctx.t(k), s) for k, s in (
        ("kf-indicator", "th"), ("kf-current", "th-right"), ("kf-previous", "th-right"),
        ("kf-change", "th-right"), ("kf-trend", "th"))]
    rows, group_rows = [header], []
    for group in ("topic", "context", "country"):
        members = [f for f in figures if f.group == group]
        if members:
            group_rows.append(len(rows))
            rows.append([ctx.markup(_group_title(ctx, group), "td-strong"), "", "", "", ""])
            rows.extend(_figure_row(ctx, f) for f in members)
    table = data_table(rows, share_widths(ctx.width, (36, 13, 13, 20, 18)))
    table.setStyle(table_style([cmd for r in group_rows for cmd in (
        ("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), TINT))]))
    period = ctx.briefing.selection.period
    note = ctx.t("kf-note", current=i18n.fmt_period(period, ctx.lang),
                 previous=i18n.fmt_period(period.previous(), ctx.lang))
    return [ctx.heading(ctx.t("key-figures")), table, ctx.para(note, "table-note")]


def _group_title(ctx: Context, group: str) -> str:
    """The row that heads a group of key figures: the topic's name, the context, the countries."""
    if group == "topic":
        return ctx.esc(ctx.t("kf-group-topic", topic=ctx.briefing.topic.label(ctx.lang)))
    return ctx.esc(ctx.t(f"kf-group-{group}"))


def _figure_row(ctx: Context, figure: KeyFigure) -> list[Paragraph]:
    change, lang = figure.change, ctx.lang
    arrow, hex_colour = TREND_MARKS.get(change.trend, ("", GREY_HEX))
    word = ctx.esc(ctx.t("trend-" + change.trend))
    if change.small_baseline and change.trend not in ("new", "none"):
        hex_colour, word = GREY_HEX, f'<font color="{GREY_HEX}">{word}</font>'  # too few to call a trend
    trend = f'<font color="{hex_colour}"><b>{arrow}</b></font>\u00a0{word}'
    return [
        ctx.para(figure.label, "td"),
        ctx.para(i18n.fmt_number(change.current, lang), "td-right"),
        ctx.para(i18n.fmt_number(change.previous, lang), "td-right"),
        ctx.para(change_text(change, lang), "td-right"),
        ctx.markup(trend, "td"),
    ]


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
