"""The cover page: title band, what the briefing covers, the handling marking, data warnings.

Contract: `cover(ctx)` returns the flowables of the cover page, ending with a page break. The
first part fills the band frame of the cover template (title shrunk until it fits the band);
the rest fills the lower frame. A synthetic-data warning appears whenever the data are synthetic.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, FrameBreak, PageBreak, Paragraph, Spacer, Table

from briefer.core import i18n
from briefer.core.pdf import furniture
from briefer.core.pdf.analyst import trend_badge
from briefer.core.pdf.context import Context
from briefer.core.pdf.document import Heading
from briefer.core.pdf.labels import tlp_description
from briefer.core.pdf.markup import esc, shorten
from briefer.core.pdf.styles import NAVY, RULE, TINT, WARN, WARN_TINT, marking_colour
from briefer.core.pdf.tables import SPLIT_IN_ROW, table_style

SUBTITLE_LIMIT = 160
TITLE_SIZES = (28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0, 14.0)


def cover(ctx: Context) -> list[Flowable]:
    """All flowables of the cover page."""
    story: list[Flowable] = [*_band(ctx), FrameBreak()]
    story += [_facts(ctx), Spacer(1, 7 * mm)]
    badge = trend_badge(ctx)  # cite5: the analyst's overall trend
    if badge is not None:
        story += [badge, Spacer(1, 5 * mm)]
    story.append(marking_panel(ctx))
    if ctx.briefing.data_note.synthetic:
        story += [Spacer(1, 5 * mm), warning_box(ctx)]
    if ctx.briefing.empty:
        story += [Spacer(1, 5 * mm), notice_box(ctx, ctx.t("no-events"))]
    return [*story, PageBreak()]


def _band(ctx: Context) -> list[Flowable]:
    """Kicker, title and subtitle, shrunk (and as a last resort shortened) to fit the band."""
    b = ctx.briefing
    room = furniture.COVER_BAND_HEIGHT - 17 * mm
    kicker = ctx.para(ctx.t("document-kind").upper(), "kicker")
    subtitle = ctx.para(shorten(b.subtitle, SUBTITLE_LIMIT), "cover-subtitle") if b.subtitle else Spacer(1, 0)
    first = ctx.heading(b.title, level=0, toc=False, style="cover-title")
    text = b.title
    while True:
        for size in TITLE_SIZES:
            title = _title(ctx, first, text, size)
            if _height([kicker, title, subtitle], ctx.width) <= room:
                return [kicker, title, subtitle]
        text = shorten(text, int(len(text) * 0.8))


def _title(ctx: Context, first: Heading, text: str, size: float) -> Heading:
    """The cover title at `size` points, with the outline entry (full title) of `first`."""
    style = ParagraphStyle(f"cover-title-{size:g}", parent=ctx.styles["cover-title"], fontSize=size, leading=size * 1.2)
    return Heading(ctx.esc(text), first.title, style, 0, first.key, toc=False)


def _height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        _, h = f.wrap(width, 10_000)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _facts(ctx: Context) -> Table:
    b = ctx.briefing
    names = [c.name(ctx.lang) for c in b.countries] or list(b.selection.countries)
    topic = ctx.esc(b.topic.label(ctx.lang))
    description = b.topic.description(ctx.lang)
    if description:
        topic += f'<br/><font size="8.5" color="#5B6770">{ctx.esc(description)}</font>'
    rows: list[tuple[str, str]] = [
        ("cover-countries" if len(names) > 1 else "cover-country", ctx.esc(", ".join(names))),
        ("cover-period", ctx.esc(i18n.fmt_period(b.selection.period, ctx.lang))),
        ("cover-topic", topic),
        ("cover-organisation", ctx.esc(b.organisation)),
        ("cover-author", ctx.esc(b.author)),
        ("cover-issued", ctx.esc(i18n.fmt_date(b.issued, ctx.lang))),
        ("cover-marking", ctx.esc(b.marking.upper())),
    ]
    data = [[ctx.para(ctx.t(key).upper(), "cover-label"), ctx.markup(value, "cover-value")]
            for key, value in rows if value]
    table = Table(data, colWidths=[38 * mm, ctx.width - 38 * mm], hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (0, -1), 7),
    ]))
    return table


def marking_panel(ctx: Context) -> Table:
    """The handling marking, large, in its TLP colour on black, with its TLP 2.0 meaning."""
    marking = ctx.briefing.marking
    big = ParagraphStyle("marking-big-c", parent=ctx.styles["marking-big"], textColor=marking_colour(marking))
    cells: list[list[Flowable]] = [[Paragraph(esc(marking.upper()), big)]]
    meaning = tlp_description(marking, ctx.lang)
    if meaning:
        cells.append([ctx.para(meaning, "marking-text")])
    table = Table(cells, colWidths=[ctx.width], hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 9),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]))
    return table


def warning_box(ctx: Context) -> Table:
    """The synthetic-data warning: a red-ruled box that cannot be missed."""
    cells = [[ctx.para("⚠ " + ctx.t("synthetic-title").upper(), "warn-title")],
             [ctx.para(ctx.t("synthetic-text"), "warn-text")]]
    table = Table(cells, colWidths=[ctx.width], hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), WARN_TINT),
        ("BOX", (0, 0), (-1, -1), 1.2, WARN),
        ("LINEBEFORE", (0, 0), (0, -1), 5, WARN),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("TOPPADDING", (0, 1), (-1, -1), 0),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
    ]))
    return table


def notice_box(ctx: Context, text: str, detail: str = "") -> Table:
    """A plain, tinted statement (e.g. "No events are recorded for this selection.")."""
    cells = [[ctx.markup(f"<b>{ctx.esc(text)}</b>", "notice")]]
    if detail:
        cells.append([ctx.para(detail, "body-small")])
    table = Table(cells, colWidths=[ctx.width], hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LINEBEFORE", (0, 0), (0, -1), 3, NAVY),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, 0), 9),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
    ]))
    return table
