"""Citations in a CSL style the user supplies, rendered by citeproc-py (no network: the CSL
locales ship inside citeproc-py).

Contract: `CslCiter(briefing)` reads the style's XML from `briefing.csl`; a style of class
"note" puts its citations in notes (footnotes, or endnotes when the briefing asks for them),
an "in-text" style puts them in the text; the reference list is the style's bibliography, in its
order (or the house alphabetical list when the style has none). `check_csl(xml)` raises
ValidationError when the text is not a usable CSL style. Locators "para. N" and "p. N" become CSL
paragraph and page locators.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import Any

from briefer.core.citations import rlformat
from briefer.core.citations.base import Entry, family, source_esc
from briefer.core.citations.house import NumberedCiter
from briefer.core.domain import Briefing, PartialDate, Source
from briefer.core.errors import ValidationError
from briefer.core.pdf.markup import ref_anchor

LOCATORS = (("paras. ", "paragraph"), ("para. ", "paragraph"), ("pp. ", "page"), ("p. ", "page"))
TYPES = {"report": "report", "book": "book", "press-release": "webpage", "dataset": "dataset"}


def _style(xml: str, lang: str) -> Any:
    from citeproc import CitationStylesStyle

    locale = "fr-FR" if lang == "fr" else "en-GB"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(io.BytesIO(xml.encode("utf-8")), locale=locale, validate=False)


def check_csl(xml: str) -> None:
    """ValidationError unless `xml` is a CSL style citeproc-py can use."""
    try:
        style = _style(xml, "en")
        if style.root.citation is None:
            raise ValueError("it has no <citation> element")
    except Exception as exc:  # lxml, citeproc and our own errors alike: the file is not usable
        raise ValidationError.of("cite-unusable", reason=exc) from exc


def csl_item(number: int, source: Source) -> dict[str, Any]:
    """A source as CSL-JSON; a source without authors is authored by its publisher."""
    item: dict[str, Any] = {"id": f"ref{number}", "type": _type(source), "title": source.title}
    if source.authors:
        item["author"] = [_name(a) for a in source.authors]
    elif source.publisher or source.container:
        item["author"] = [{"literal": source.publisher or source.container}]
    for key, value in (("container-title", source.container), ("publisher", source.publisher),
                       ("URL", source.url), ("note", "")):
        if value:
            item[key] = value
    if source.published:
        item["issued"] = _date(source.published)
    if source.accessed:
        item["accessed"] = _date(PartialDate(source.accessed.isoformat()))
    return item


def _type(source: Source) -> str:
    if source.kind in TYPES:
        return TYPES[source.kind]
    return "article-newspaper" if source.container else "webpage"


def _name(name: str) -> dict[str, str]:
    last = family(name)
    given = name.split(",", 1)[1].strip() if "," in name else name[: -len(last)].strip()
    return {"family": last, "given": given} if given else {"literal": last}


def _date(day: PartialDate) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(p) for p in day.iso.split("-")]]}


def csl_locator(locator: str) -> Any:
    """"para. 4" -> Locator("paragraph", "4"); "p. 12" -> Locator("page", "12"); else None."""
    from citeproc.source import Locator

    for prefix, kind in LOCATORS:
        if locator.startswith(prefix) and re.match(r"^[\w\u2013-]+$", locator[len(prefix):]):
            return Locator(kind, locator[len(prefix):])
    return None


class CslCiter(NumberedCiter):
    """Marks, notes and entries from citeproc-py (see module contract)."""

    def __init__(self, briefing: Briefing) -> None:
        from citeproc import Citation, CitationItem, CitationStylesBibliography
        from citeproc.source.json import CiteProcJSON

        super().__init__(briefing)
        self.style = _style(briefing.csl, briefing.language)
        self.note_style = self.style.root.get("class") == "note"
        self.numbered_list = False
        items = [csl_item(n, s) for n, s in sorted(self.sources.items()) if not self.withheld(s)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.bib = CitationStylesBibliography(self.style, CiteProcJSON(items), rlformat)
            for item in items:
                self.bib.register(Citation([CitationItem(item["id"])]))
            if self.style.has_bibliography():
                self.bib.sort()
        self._citation, self._item = Citation, CitationItem

    @property
    def uses_notes(self) -> bool:
        return self.note_style

    def _cite(self, number: int, locator: str) -> str:
        source = self.sources[number]
        if self.withheld(source):
            return source_esc(self.t("protected-source"), source)
        extra = {}
        found = csl_locator(locator)
        if found is not None:
            extra["locator"] = found
        citation = self._citation([self._item(f"ref{number}", **extra)])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.bib.register(citation)
            text = rlformat.to_markup(self.bib.cite(citation, lambda _: None))
        if locator and found is None:
            text += ", " + source_esc(locator, source)
        return text

    def mark(self, number: int, locator: str = "", narrative: bool = False) -> str:
        text = self._cite(number, locator)
        if self.note_style:
            return self.note_mark(self.linked(number, text) + ("" if text.rstrip().endswith(".") else "."))
        return self.linked(number, text)

    def entries(self) -> list[Entry]:
        if not self.style.has_bibliography():
            return super().entries()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rendered = [rlformat.to_markup(str(e)) for e in self.bib.bibliography()]
        numbers = [int(k.removeprefix("ref")) for k in self.bib.keys]
        found = [Entry(n, "", f'<a name="{ref_anchor(n)}"/>{text}') for n, text in zip(numbers, rendered, strict=True)]
        withheld = [Entry(n, "", self.entry(n, True)) for n, s in sorted(self.sources.items()) if self.withheld(s)]
        return found + withheld
