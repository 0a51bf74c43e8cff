"""What every reference format reader shares: the parsed entry, its problems, kinds and identifiers.

Contract: a reader returns `Parsed` — the good entries as `Reference` (the file line where each
starts, its `SourceFields`, its DOI) and one `RowError` per entry it could not use (line, field,
message). `make_reference(...)` builds a Reference from raw values, raising `EntryProblem` for a
missing title or a malformed date or language. The DOI goes into the note ("DOI 10.…") and, when
the entry has no URL, into the URL (https://doi.org/…).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefer.core.importers.report import RowError
from briefer.core.importers.sourcemeta import SourceFields, language_code, optional_date
from briefer.core.importers.textnorm import plain_text
from briefer.core.messages import msg

DOI = re.compile(r"\b(10\.\d{4,9}/\S+?)(?=[\s\"<>]|[.,;)]?(?:\s|$))", re.IGNORECASE)
KINDS = {
    # RIS types
    "jour": "article", "mgzn": "article", "news": "article", "elec": "web-page", "web": "web-page",
    "blog": "web-page", "rprt": "report", "govdoc": "report", "pamp": "report", "book": "book",
    "chap": "chapter", "thes": "thesis", "conf": "paper", "cpaper": "paper", "data": "dataset",
    "gen": "document", "stat": "document", "hear": "document", "bill": "document", "ejour": "article",
    # BibTeX / BibLaTeX types
    "article": "article", "techreport": "report", "report": "report", "incollection": "chapter",
    "inbook": "chapter", "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "inproceedings": "paper", "online": "web-page", "electronic": "web-page", "www": "web-page",
    "misc": "document", "unpublished": "document", "manual": "document", "booklet": "document",
    # CSL types
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "chapter": "chapter", "webpage": "web-page", "post": "web-page", "post-weblog": "web-page",
    "paper-conference": "paper", "dataset": "dataset", "document": "document", "speech": "document",
    "interview": "document", "legislation": "document", "broadcast": "document", "manuscript": "document",
}


class EntryProblem(Exception):
    """An entry that cannot be imported: `field` names the culprit ("" for the whole entry)."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field_name, message


@dataclass(frozen=True)
class Reference:
    """One good entry: where it starts in the file, its fields, its DOI ("" when none)."""

    line: int
    fields: SourceFields
    doi: str = ""


@dataclass
class Parsed:
    """What a reader made of a file: good entries and one error per bad one, in file order."""

    references: list[Reference] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    entries: int = 0

    def add(self, file: str, line: int, build: object) -> None:
        """Count an entry; keep its Reference, or its error when `build()` raises EntryProblem."""
        self.entries += 1
        try:
            self.references.append(build())  # type: ignore[operator]
        except EntryProblem as problem:
            self.errors.append(RowError(file, line, problem.field, problem.message))


def kind_of(type_name: str) -> str:
    """briefer's kind ("article", "report", "book"…) of a RIS, BibTeX or CSL type; "document" if unknown."""
    return KINDS.get(type_name.strip().lower(), "document")


def find_doi(*texts: str) -> str:
    """The first DOI in `texts` (a bare DOI, a doi.org URL or "doi:10.…"), lower-cased, or ""."""
    for text in texts:
        match = DOI.search(text or "")
        if match:
            return match.group(1).rstrip(".").lower()
    return ""


def make_reference(line: int, *, title: str, authors: Sequence[str] = (), publisher: str = "",
                   container: str = "", published: str = "", url: str = "", accessed: str = "",
                   kind: str = "document", language: str = "", doi: str = "", note: str = "") -> Reference:
    """A Reference from an entry's raw values (see the module's contract)."""
    clean_title = plain_text(title)
    if not clean_title:
        raise EntryProblem("title", msg("ent-no-title"))
    doi = find_doi(doi) if doi else ""
    return Reference(line, SourceFields(
        title=clean_title, authors=tuple(dict.fromkeys(a for a in (plain_text(x) for x in authors) if a)),
        publisher=plain_text(publisher), container=plain_text(container),
        published=_date("date", published), url=plain_text(url) or (f"https://doi.org/{doi}" if doi else ""),
        accessed=_accessed(accessed), kind=kind, language=_language(language),
        note="; ".join(p for p in (plain_text(note), f"DOI {doi}" if doi else "") if p),
    ), doi)


def _date(name: str, text: str) -> str | None:
    try:
        return optional_date(plain_text(text))
    except ValueError as exc:
        raise EntryProblem(name, exc.args[0]) from None


def _accessed(text: str) -> str | None:
    value = _date("accessed", text)
    if value is not None and value.count("-") != 2:
        raise EntryProblem("accessed", msg("ent-accessed-day", text=text))
    return value


def _language(text: str) -> str:
    if not text.strip():
        return "en"
    try:
        return language_code(plain_text(text))
    except ValueError as exc:
        raise EntryProblem("language", exc.args[0]) from None
