"""What is drawn straight on every page: running header, footer, handling marking, cover band.

Contract: `draw_page(canvas, page, total, ...)` paints the header (short title, date of issue,
marking) and the footer (organisation, "Page X of Y", marking) inside the margins, in DejaVu,
and leaves the canvas state as it found it. The marking is upper-case, right-aligned and set in
its TLP colour on a black box (TLP 2.0).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefer.core import fonts
from briefer.core.pdf.styles import GREY, NAVY, RULE, TEAL, Geometry, marking_colour

HEADER_SIZE = 7.5
MARK_SIZE = 7.5
COVER_BAND_TOP = 19 * mm
COVER_BAND_HEIGHT = 80 * mm


@dataclass(frozen=True)
class Furniture:
    """The texts of the running header and footer, already in the briefing language."""

    title: str
    issued: str
    organisation: str
    marking: str
    page_label: str  # "Page {page} of {total}" with placeholders


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with an ellipsis so that it fits in `width` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_marking(canv: Canvas, marking: str, right: float, baseline: float, size: float = MARK_SIZE) -> float:
    """The marking in its colour on black, right edge at `right`; returns the box width."""
    text = marking.upper()
    pad = size * 0.55
    width = stringWidth(text, fonts.SANS_BOLD, size) + 2 * pad
    canv.setFillColor(colors.black)
    canv.rect(right - width, baseline - size * 0.38, width, size * 1.5, stroke=0, fill=1)
    canv.setFillColor(marking_colour(marking))
    canv.setFont(fonts.SANS_BOLD, size)
    canv.drawRightString(right - pad, baseline, text)
    return width


def draw_page(canv: Canvas, geo: Geometry, furniture: Furniture, page: int, total: int) -> None:
    """Header and footer of one page; `total` 0 means "not known yet" (first layout pass)."""
    canv.saveState()
    _header(canv, geo, furniture)
    _footer(canv, geo, furniture, page, total)
    canv.restoreState()


def _header(canv: Canvas, geo: Geometry, furniture: Furniture) -> None:
    right = geo.width - geo.right
    baseline = geo.height - 12 * mm
    mark_width = draw_marking(canv, furniture.marking, right, baseline)
    room = geo.text_width - mark_width - 8 * mm
    date_text = "  ·  " + furniture.issued
    date_width = stringWidth(date_text, fonts.SANS, HEADER_SIZE)
    title = fit_text(furniture.title, fonts.SANS_BOLD, HEADER_SIZE, room - date_width)
    canv.setFont(fonts.SANS_BOLD, HEADER_SIZE)
    canv.setFillColor(NAVY)
    canv.drawString(geo.left, baseline, title)
    canv.setFont(fonts.SANS, HEADER_SIZE)
    canv.setFillColor(GREY)
    canv.drawString(geo.left + stringWidth(title, fonts.SANS_BOLD, HEADER_SIZE), baseline, date_text)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(geo.left, baseline - 3.2 * mm, right, baseline - 3.2 * mm)


def _footer(canv: Canvas, geo: Geometry, furniture: Furniture, page: int, total: int) -> None:
    right = geo.width - geo.right
    baseline = 10 * mm
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(geo.left, baseline + 4.2 * mm, right, baseline + 4.2 * mm)
    draw_marking(canv, furniture.marking, right, baseline)
    page_text = furniture.page_label.format(page=page, total=total or "?")
    canv.setFont(fonts.SANS, HEADER_SIZE)
    canv.setFillColor(GREY)
    canv.drawCentredString(geo.width / 2, baseline, page_text)
    room = geo.width / 2 - geo.left - stringWidth(page_text, fonts.SANS, HEADER_SIZE) / 2 - 6 * mm
    canv.drawString(geo.left, baseline, fit_text(furniture.organisation, fonts.SANS, HEADER_SIZE, room))


def draw_cover_band(canv: Canvas, geo: Geometry) -> None:
    """The dark band across the top of the cover, bled to the page edges."""
    canv.saveState()
    top = geo.height - COVER_BAND_TOP
    canv.setFillColor(NAVY)
    canv.rect(0, top - COVER_BAND_HEIGHT, geo.width, COVER_BAND_HEIGHT, stroke=0, fill=1)
    canv.setFillColor(TEAL)
    canv.rect(0, top - COVER_BAND_HEIGHT - 2.2 * mm, geo.width, 2.2 * mm, stroke=0, fill=1)
    canv.restoreState()


def cover_band_bottom(geo: Geometry) -> float:
    """The y of the lower edge of the cover band (teal stripe included)."""
    return geo.height - COVER_BAND_TOP - COVER_BAND_HEIGHT - 2.2 * mm
