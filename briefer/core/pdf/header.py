"""The OCHA-style header block of a weekly update or flash report, in place of a cover page.

Contract: `situation_header(ctx)` returns a navy band with the report kind and number, the title,
then a line with the "as of" date, the period covered (and the period compared with) and the
date of issue, the handling marking, and the synthetic-data warning when the data are synthetic.
Returns [] when the briefing has no report header.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from briefer.core import fonts, i18n
from briefer.core.pdf.context import Context
from briefer.core.pdf.cover import warning_box
from briefer.core.pdf.document import Heading
from briefer.core.pdf.styles import NAVY, TINT, marking_colour
from briefer.core.pdf.tables import table_style

BAND_TEXT = colors.white


def situation_header(ctx: Context) -> list[Flowable]:
    report = ctx.briefing.report
    if report is None:
        return []
    kind = report.kind.upper()
    if report.number:
        kind += "  ·  " + ctx.t("report-number", number=report.number).upper()
    kicker = ParagraphStyle("hdr-kicker", parent=ctx.styles["kicker"], textColor=BAND_TEXT)
    title = ParagraphStyle("hdr-title", parent=ctx.styles["cover-title"], fontSize=18, leading=22, textColor=BAND_TEXT)
    first = ctx.heading(ctx.briefing.title, level=0, toc=False, style="cover-title")
    heading = Heading(first.markup, first.title, title, 0, first.key, toc=False)  # the band's type
    band = Table([[Paragraph(ctx.esc(kind), kicker), _marking(ctx)], [heading, ""]],
                 colWidths=[ctx.width - 34 * mm, 34 * mm], hAlign="LEFT")
    band.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), NAVY),
        ("SPAN", (0, 1), (-1, 1)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]))
    story: list[Flowable] = [band, _facts(ctx)]
    if ctx.briefing.data_note.synthetic:
        story += [Spacer(1, 3 * mm), warning_box(ctx)]
    return [*story, Spacer(1, 2 * mm)]


def _marking(ctx: Context) -> Paragraph:
    marking = ctx.briefing.marking
    style = ParagraphStyle("hdr-marking", fontName=fonts.SANS_BOLD, fontSize=10, leading=12,
                           textColor=marking_colour(marking), alignment=2)
    return Paragraph(ctx.esc(marking.upper()), style)


def _facts(ctx: Context) -> Table:
    """As of, period covered (compared with), organisation and date of issue, in a tinted strip."""
    b, lang = ctx.briefing, ctx.lang
    report = b.report
    assert report is not None
    covered = ctx.t("period-covered", period=i18n.fmt_period(report.period, lang))
    if b.trends is not None:
        covered += " " + ctx.t("compared-with", period=i18n.fmt_period(report.previous, lang))
    left = [f"<b>{ctx.esc(ctx.t('as-of', date=i18n.fmt_date(report.as_of, lang)))}</b>", ctx.esc(covered)]
    right = [ctx.esc(ctx.t("issued-on", date=i18n.fmt_date(b.issued, lang)))]
    right += [ctx.esc(v) for v in (b.organisation, b.author) if v]
    table = Table([[ctx.markup("<br/>".join(left), "body-small"), ctx.markup("<br/>".join(right), "body-small")]],
                  colWidths=[ctx.width * 0.7, ctx.width * 0.3], hAlign="LEFT")
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table
