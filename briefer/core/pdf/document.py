"""The document template: page templates, headings that feed the outline and the contents, page count.

Contract: `BriefingDoc(buffer, setup).multiBuild(story)` lays the story out until the contents
and the page total are stable, then writes the PDF. Every `Heading` in the story becomes a PDF
outline entry (bookmark) at its level and, unless `toc=False`, a contents entry linked to it.
Heading keys are fixed when the story is made, so every layout pass and every run use the same
destination names. Each page gets the running header and footer with "Page X of Y".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import IndexingFlowable

from briefer.core import fonts
from briefer.core.pdf import furniture
from briefer.core.pdf.furniture import Furniture
from briefer.core.pdf.styles import Geometry

PRODUCER = "briefer PDF renderer (ReportLab)"


class Heading(Paragraph):
    """A section heading: `markup` is escaped text, `title` the same text plain (for the outline)."""

    def __init__(self, markup: str, title: str, style: ParagraphStyle, level: int, key: str, toc: bool = True) -> None:
        super().__init__(markup, style)
        self.title = title
        self.level = level
        self.key = key
        self.toc = toc
        self.markup = markup

    def draw(self) -> None:
        super().draw()
        self.canv.bookmarkHorizontal(self.key, 0, self.height + self.style.fontSize * 0.6)


class PageCounter(IndexingFlowable):
    """An invisible flowable that remembers how many pages the previous layout pass made."""

    _ZEROSIZE = True

    def __init__(self) -> None:
        super().__init__()
        self.total = 0  # pages of the last finished pass; 0 before the first pass ends
        self._seen = 0

    def beforeBuild(self) -> None:
        self.total, self._seen = self._seen, 0

    def isSatisfied(self) -> bool:
        return self._seen == self.total

    def notify(self, kind: str, stuff: Any) -> None:
        if kind == "PageCount":
            self._seen = max(self._seen, int(stuff))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


@dataclass(frozen=True)
class DocSetup:
    """Everything the template needs besides the story."""

    geometry: Geometry
    furniture: Furniture
    issued: dt.date
    cover_first: bool
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    lang: str


class BriefingDoc(BaseDocTemplate):
    """Cover and body page templates, header/footer on every page, outline and contents hooks."""

    def __init__(self, buffer: Any, setup: DocSetup, counter: PageCounter, footnotes: Any = None) -> None:
        geo = setup.geometry
        self.setup = setup
        self.counter = counter
        self.footnotes = footnotes  # cite5: a notes.Footnotes when notes go at the foot of pages
        super().__init__(
            buffer, pagesize=(geo.width, geo.height),
            leftMargin=geo.left, rightMargin=geo.right, topMargin=geo.top, bottomMargin=geo.bottom,
            title=setup.title, author=setup.author, subject=setup.subject,
            keywords=list(setup.keywords), creator="briefer", producer=PRODUCER,
            invariant=1, initialFontName=fonts.SANS, initialFontSize=9, initialLeading=11,
            lang=setup.lang, displayDocTitle=1,
        )
        templates = [self._cover_template(), self._body_template()]
        self.addPageTemplates(templates if setup.cover_first else templates[::-1])

    def _body_template(self) -> PageTemplate:
        geo = self.setup.geometry
        frame = Frame(geo.left, geo.bottom, geo.text_width, geo.text_height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return PageTemplate(id="body", frames=[frame], onPage=self._on_page)

    def _cover_template(self) -> PageTemplate:
        geo = self.setup.geometry
        band_bottom = furniture.cover_band_bottom(geo)
        band_top = geo.height - furniture.COVER_BAND_TOP
        band = Frame(geo.left, band_bottom + 9 * mm, geo.text_width, band_top - band_bottom - 17 * mm,
                     id="band", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        lower = Frame(geo.left, geo.bottom, geo.text_width, band_bottom - 10 * mm - geo.bottom,
                      id="cover", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return PageTemplate(id="cover", frames=[band, lower], onPage=self._on_cover_page,
                            autoNextPageTemplate="body")

    def _on_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.setFont(fonts.SANS, 9)
        furniture.draw_page(canv, self.setup.geometry, self.setup.furniture, doc.page, self.counter.total)

    def _on_cover_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        furniture.draw_cover_band(canv, self.setup.geometry)
        self._on_page(canv, doc)

    # --- hooks called by platypus ------------------------------------------------------------

    def beforeDocument(self) -> None:
        """Each pass starts a fresh canvas: reset per-pass state and fix the creation date."""
        self._outlined: set[str] = set()
        stamp = self.setup.issued.strftime("D:%Y%m%d000000+00'00'")
        self.canv.setDateFormatter(lambda *_: stamp)
        if self.footnotes is not None:
            from briefer.core.pdf.notes import install

            install(self, self.footnotes)

    def beforePage(self) -> None:
        if self.footnotes is not None and self.pageTemplate.id == "body":
            self.footnotes.shorten_frame(self.pageTemplate.frames[0], self.page)

    def afterPage(self) -> None:
        if self.footnotes is not None:
            self.footnotes.draw_page(self.canv, self.page)
        self.notify("PageCount", self.page)

    def afterFlowable(self, flowable: Any) -> None:
        frame = getattr(self, "frame", None)
        if self.footnotes is not None and frame is not None and self.pageTemplate.id == "body":
            self.footnotes.text_placed(self.page, frame._y + flowable.getSpaceAfter())
        if not isinstance(flowable, Heading) or flowable.key in self._outlined:
            return
        self._outlined.add(flowable.key)
        self.canv.addOutlineEntry(flowable.title, flowable.key, level=flowable.level, closed=False)
        if flowable.toc:
            self.notify("TOCEntry", (flowable.level, flowable.markup, self.page, flowable.key))
