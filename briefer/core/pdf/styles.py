"""The look of the briefing: colours, page geometry, paragraph and table styles, all in DejaVu.

Contract: `stylesheet()` returns the paragraph styles by name; every style names a registered
DejaVu face (call `fonts.register_fonts()` first), so no Helvetica can slip into the document.
`marking_colour(marking)` gives the TLP 2.0 text colour of a handling marking.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefer.core import fonts

NAVY = colors.HexColor("#16324F")
TEAL = colors.HexColor("#0E7C86")
INK = colors.HexColor("#1D2329")
GREY = colors.HexColor("#5B6770")
LIGHT_GREY = colors.HexColor("#8A959D")
RULE = colors.HexColor("#C8D1D8")
TINT = colors.HexColor("#EDF4F6")
BAND_TEXT = colors.HexColor("#D3E4EC")
WARN = colors.HexColor("#A4261D")
WARN_TINT = colors.HexColor("#FBEDEA")
UP = colors.HexColor("#B03A2E")
DOWN = colors.HexColor("#1E7B4F")

TLP_COLOURS: dict[str, colors.Color] = {
    "TLP:RED": colors.HexColor("#FF2B2B"),
    "TLP:AMBER": colors.HexColor("#FFC000"),
    "TLP:AMBER+STRICT": colors.HexColor("#FFC000"),
    "TLP:GREEN": colors.HexColor("#33FF00"),
    "TLP:CLEAR": colors.HexColor("#FFFFFF"),
}

PAPERS = {"a4": A4, "letter": LETTER}


@dataclass(frozen=True)
class Geometry:
    """Page size and the frame of running text, in points."""

    width: float
    height: float
    left: float = 20 * mm
    right: float = 20 * mm
    top: float = 24 * mm
    bottom: float = 21 * mm

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


def geometry(paper: str) -> Geometry:
    """The page geometry for "a4" or "letter" (anything else is A4)."""
    width, height = PAPERS.get(paper, A4)
    return Geometry(width, height)


def marking_colour(marking: str) -> colors.Color:
    """The TLP 2.0 colour of a marking, printed on black; white for an unknown marking."""
    return TLP_COLOURS.get(marking, colors.white)


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": fonts.SANS, "fontSize": 10, "leading": 14, "textColor": INK,
        "alignment": TA_LEFT, "splitLongWords": 1, "allowWidows": 0, "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


@cache
def stylesheet() -> dict[str, ParagraphStyle]:
    """All paragraph styles by name (cached; styles are never mutated)."""
    fonts.register_fonts()
    s = [
        _style("body", spaceAfter=6),
        _style("body-small", fontSize=8.5, leading=11.5, spaceAfter=4, textColor=GREY),
        _style("intro", fontSize=8.5, leading=11.5, spaceAfter=6, textColor=GREY, keepWithNext=1),
        _style("table-note", fontSize=8, leading=11, spaceBefore=5, spaceAfter=4, textColor=GREY),
        _style("h1", fontName=fonts.SANS_BOLD, fontSize=15, leading=19, textColor=NAVY,
               spaceBefore=16, spaceAfter=8, keepWithNext=1),
        _style("h2", fontName=fonts.SANS_BOLD, fontSize=10.5, leading=14, textColor=NAVY,
               spaceBefore=12, spaceAfter=5, keepWithNext=1),
        _style("toc-title", fontName=fonts.SANS_BOLD, fontSize=15, leading=19, textColor=NAVY,
               spaceAfter=14),
        _style("toc-0", fontName=fonts.SANS_BOLD, fontSize=10.5, leading=14, textColor=NAVY,
               spaceBefore=7),
        _style("toc-1", fontSize=9.5, leading=13, leftIndent=14, textColor=INK, spaceBefore=1),
        _style("kicker", fontName=fonts.SANS_BOLD, fontSize=9, leading=12, textColor=BAND_TEXT,
               spaceAfter=8),
        _style("cover-title", fontName=fonts.SANS_BOLD, fontSize=24, leading=29,
               textColor=colors.white, spaceAfter=8),
        _style("cover-subtitle", fontSize=12.5, leading=17, textColor=BAND_TEXT),
        _style("cover-label", fontName=fonts.SANS_BOLD, fontSize=7.5, leading=12, textColor=GREY),
        _style("cover-value", fontSize=10.5, leading=14),
        _style("marking-big", fontName=fonts.SANS_BOLD, fontSize=17, leading=20),
        _style("marking-text", fontSize=8.5, leading=11.5, textColor=colors.white),
        _style("warn-title", fontName=fonts.SANS_BOLD, fontSize=10, leading=13, textColor=WARN,
               spaceAfter=3),
        _style("warn-text", fontName=fonts.SANS_BOLD, fontSize=9.5, leading=13, textColor=INK),
        _style("notice", fontSize=10.5, leading=15, textColor=NAVY),
        _style("message-num", fontName=fonts.SANS_BOLD, fontSize=13, leading=15, textColor=TEAL,
               alignment=TA_RIGHT),
        _style("message", fontSize=10.5, leading=15, textColor=INK),
        _style("th", fontName=fonts.SANS_BOLD, fontSize=8, leading=10, textColor=NAVY),
        _style("th-right", fontName=fonts.SANS_BOLD, fontSize=8, leading=10, textColor=NAVY,
               alignment=TA_RIGHT),
        _style("td", fontSize=8.5, leading=11),
        _style("td-right", fontSize=8.5, leading=11, alignment=TA_RIGHT),
        _style("td-strong", fontName=fonts.SANS_BOLD, fontSize=8.5, leading=11),
        _style("td-small", fontSize=7.5, leading=9.5, textColor=GREY),
        _style("td-notes", fontSize=7.5, leading=9.5),
        _style("td-notes-right", fontSize=7.5, leading=9.5, alignment=TA_RIGHT),
        _style("figure-title", fontName=fonts.SANS_BOLD, fontSize=10, leading=13, textColor=NAVY,
               spaceBefore=12, spaceAfter=6, keepWithNext=1),
        _style("caption", fontSize=8.5, leading=11.5, textColor=INK, spaceBefore=4),
        _style("source-line", fontSize=7.5, leading=10, textColor=GREY, spaceBefore=2,
               spaceAfter=8),
        _style("quote", fontName=fonts.SERIF_ITALIC, fontSize=10, leading=14.5, textColor=INK),
        _style("quote-plain", fontName=fonts.SERIF, fontSize=10, leading=14.5, textColor=INK),
        _style("attribution", fontSize=8.5, leading=11.5, textColor=GREY, spaceBefore=3),
        _style("reference", fontSize=9, leading=12.5),
        _style("reference-num", fontName=fonts.SANS_BOLD, fontSize=9, leading=12.5, textColor=TEAL),
        _style("dn-label", fontName=fonts.SANS_BOLD, fontSize=8.5, leading=11.5, textColor=GREY),
        _style("dn-value", fontSize=8.5, leading=11.5),
    ]
    return {style.name: style for style in s}
