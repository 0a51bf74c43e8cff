"""Notes: footnotes at the foot of the page of the citing text, or endnotes before the references.

Contract:
- `Footnotes` is an invisible indexing flowable that lives in the story. Each footnote mark
  calls the canvas callback `briefer-note` when it is drawn: its note belongs to that page, and
  the body frame is shortened at once by the height of the page's notes, so what follows leaves
  them room. After the page's content the notes are drawn at its foot under a short rule. When
  the text already placed on the page ran into that room (a mark low in a block), the page is
  remembered and, on the next layout pass, its frame is shortened from the start. Room kept for a
  page only grows from pass to pass, so layout settles; the document is finished only when no
  page's notes overlap its text (`isSatisfied`), and a note never prints away from its mark.
- `endnotes(ctx, notes)` returns the "Notes" section: every note with its number and the anchor
  `note-N` that the marks link to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Table
from reportlab.platypus.doctemplate import IndexingFlowable

from briefer.core.citations import Note
from briefer.core.citations.base import NOTE_CALLBACK, note_anchor
from briefer.core.pdf.context import Context
from briefer.core.pdf.styles import GREY, RULE, Geometry
from briefer.core.pdf.tables import SPLIT_IN_ROW, table_style

RULE_GAP = 9.0  # points between the text and the notes (the rule sits in this gap)
NOTE_GAP = 1.5  # points between two notes
NUMBER_WIDTH = 7 * mm


def note_style(parent: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle("footnote", parent=parent, fontSize=7.5, leading=9.5, spaceAfter=0, spaceBefore=0,
                          leftIndent=4 * mm, firstLineIndent=-4 * mm, textColor=GREY)


class Footnotes(IndexingFlowable):
    """Page-bottom footnotes across layout passes (see module contract)."""

    _ZEROSIZE = True

    def __init__(self, notes: Sequence[Note], style: ParagraphStyle, geometry: Geometry) -> None:
        super().__init__()
        self.texts = {n.number: n.markup for n in notes}
        self.style = style
        self.geometry = geometry
        self.doc: Any = None
        self.reserved: dict[int, float] = {}  # page -> points kept free at its foot from the start
        self.placed: dict[int, list[int]] = {}  # page -> note numbers whose marks it carries (this pass)
        self.overlaps: dict[int, float] = {}  # page -> room its notes needed but text took (this pass)
        self.lowest: dict[int, float] = {}  # page -> the lowest point of its text (this pass)
        self._heights: dict[int, float] = {}  # note number -> its height at the text width (fixed)

    # --- layout passes ---------------------------------------------------------------------------

    def beforeBuild(self) -> None:
        for page, needed in self.overlaps.items():
            self.reserved[page] = max(self.reserved.get(page, 0.0), needed)
        self.placed, self.overlaps, self.lowest = {}, {}, {}

    def isSatisfied(self) -> bool:
        return not self.overlaps

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass

    # --- hooks of the document -----------------------------------------------------------------

    def mark_drawn(self, page: int, label: str) -> None:
        """A mark is drawn: its note belongs to `page`; what follows on the page leaves it room."""
        numbers = self.placed.setdefault(page, [])
        if int(label) in numbers:
            return
        numbers.append(int(label))
        doc = self.doc
        if doc is not None and doc.pageTemplate.id == "body":
            frame = doc.frame
            self._set_bottom(frame, max(frame._y1p - frame._y1 - frame._bottomPadding, self.notes_height(numbers)))

    def text_placed(self, page: int, bottom: float) -> None:
        """A flowable of the page's text ends at `bottom` (its space after left out)."""
        self.lowest[page] = min(self.lowest.get(page, bottom), bottom)

    def shorten_frame(self, frame: Frame, page: int) -> None:
        """Keep the foot of `frame` free for the notes of `page` when a previous pass found that
        its text ran into them (or give the room back)."""
        self._set_bottom(frame, self.reserved.get(page, 0.0))

    @staticmethod
    def _set_bottom(frame: Frame, room: float) -> None:
        frame._y1p = frame._y1 + frame._bottomPadding + room
        frame._aH = frame._y2 - frame._y1p - frame._topPadding

    def draw_page(self, canv: Canvas, page: int) -> None:
        """Draw the notes whose marks are on `page` at its foot, under a short rule; remember an
        overlap with the page's text for the next pass."""
        numbers = self.placed.get(page)
        if not numbers:
            return
        geo = self.geometry
        needed = self.notes_height(numbers)
        if self.lowest.get(page, geo.height) < geo.bottom + needed - 0.01:
            self.overlaps[page] = needed
        y = geo.bottom + needed
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(geo.left, y - RULE_GAP / 2, geo.left + 40 * mm, y - RULE_GAP / 2)
        canv.restoreState()
        y -= RULE_GAP
        for paragraph in self._paragraphs(numbers):
            _, h = paragraph.wrap(geo.text_width, geo.height)
            y -= h
            paragraph.drawOn(canv, geo.left, y)
            y -= NOTE_GAP

    def notes_height(self, numbers: Sequence[int]) -> float:
        if not numbers:
            return 0.0
        heights = [self._height(n) for n in numbers]
        return RULE_GAP + sum(heights) + NOTE_GAP * len(heights)

    def _height(self, number: int) -> float:
        """A note's height, measured once (it is asked for at every mark of every pass)."""
        if number not in self._heights:
            paragraph = self._paragraphs([number])[0]
            self._heights[number] = paragraph.wrap(self.geometry.text_width, self.geometry.height)[1]
        return self._heights[number]

    def _paragraphs(self, numbers: Sequence[int]) -> list[Paragraph]:
        return [Paragraph(f"<super>{n}</super>\u00a0{self.texts[n]}", self.style) for n in sorted(numbers)]


def install(doc: Any, footnotes: Footnotes) -> None:
    """Let `doc`'s canvas report drawn marks to `footnotes` (call at the start of every pass)."""
    footnotes.doc = doc
    doc.canv.setNamedCB(NOTE_CALLBACK, lambda canv, kind, label: footnotes.mark_drawn(doc.page, label))


def endnotes(ctx: Context, notes: Sequence[Note]) -> list[Flowable]:
    """The "Notes" section (see module contract); [] without notes."""
    if not notes:
        return []
    rows = [[ctx.markup(f'<a name="{note_anchor(n.number)}"/>{n.number}.', "reference-num"),
             ctx.markup(n.markup, "reference")] for n in notes]
    table = Table(rows, colWidths=[NUMBER_WIDTH + 3 * mm, ctx.width - NUMBER_WIDTH - 3 * mm], hAlign="LEFT",
                  splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return [ctx.heading(ctx.t("notes")), table]
