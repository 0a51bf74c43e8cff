"""The state shared by the section builders while the story is made.

Contract: a `Context` holds the Briefing, the styles and the frame width, and hands out
escaped paragraphs, headings with stable keys, and figure numbers in story order. It never
touches the canvas; section builders return lists of flowables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from briefer.core import i18n
from briefer.core.citations import Citer, citer_for
from briefer.core.domain import Briefing, Language
from briefer.core.pdf.document import Heading
from briefer.core.pdf.labels import label
from briefer.core.pdf.markup import esc
from briefer.core.pdf.styles import Geometry


@dataclass
class Context:
    briefing: Briefing
    styles: dict[str, ParagraphStyle]
    geometry: Geometry
    _headings: int = field(default=0)
    _figures: int = field(default=0)
    _citer: Citer | None = field(default=None)  # cite5: made on first use

    @property
    def citer(self) -> Citer:
        """How this briefing cites its sources; it numbers notes in the order marks are asked for."""
        if self._citer is None:
            self._citer = citer_for(self.briefing)
        return self._citer

    @property
    def lang(self) -> Language:
        return self.briefing.language

    @property
    def width(self) -> float:
        """The width of the running-text frame, in points."""
        return self.geometry.text_width

    def t(self, key: str, **values: object) -> str:
        """A fixed label in the briefing language (plain text)."""
        return label(key, self.lang, **values)

    def esc(self, text: str) -> str:
        """Plain text in the briefing language -> escaped, typeset markup."""
        return esc(text, self.lang)

    def para(self, text: str, style: str) -> Paragraph:
        """A paragraph of plain text (escaped and typeset here)."""
        return Paragraph(self.esc(text), self.styles[style])

    def markup(self, markup: str, style: str) -> Paragraph:
        """A paragraph of markup the caller has already built from escaped parts."""
        return Paragraph(markup, self.styles[style])

    def heading(self, text: str, level: int = 0, toc: bool = True, style: str | None = None) -> Heading:
        """A heading of plain `text`: outline entry at `level`, contents entry unless `toc` is False."""
        self._headings += 1
        name = style or ("h1" if level == 0 else "h2")
        title = i18n.typeset(text, self.lang)
        return Heading(self.esc(text), title, self.styles[name], level, f"sec-{self._headings}", toc)

    def next_figure(self) -> int:
        self._figures += 1
        return self._figures



def keep_first(leading: list[Flowable], blocks: list[Flowable]) -> list[Flowable]:
    """`leading` (a heading, an intro) kept on the same page as the first of `blocks`."""
    if not blocks:
        return leading
    first = blocks[0]
    content = list(first._content) if isinstance(first, KeepTogether) else [first]
    return [KeepTogether([*leading, *content]), *blocks[1:]]
