"""RIS reference files (Zotero, EndNote, Mendeley exports), read entry by entry with rispy.

Contract of `parse_ris(file, text) -> Parsed`: entries run from a "TY  - " line to an "ER  - "
line; each is read by rispy on its own so every error names the line where its entry starts.
A tag before any "TY", an entry without "ER" at the end of the file, a line that is neither a tag
nor the continuation of one, a missing title or a malformed date is an error of that entry.
Dates: DA (or Y1) over PY for the publication date, "2023/07/07/", "2023///", "2023"; Y2 is the
access date (as Zotero writes it). Authors: AU, A1 (persons, "Family, Given"); A2 editors are
ignored. Container: T2/JO/JF/BT (the journal or site), publisher PB, URL UR, DOI DO, language LA.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from briefer.core.errors import ImportFileError
from briefer.core.importers.refmodel import (
    EntryProblem,
    Parsed,
    Reference,
    find_doi,
    kind_of,
    make_reference,
)
from briefer.core.importers.sourcemeta import person
from briefer.core.messages import msg

TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
LOOKS_LIKE_TAG = re.compile(r"^[A-Z][A-Z0-9]\s{0,3}-")


def parse_ris(file: str, text: str) -> Parsed:
    """The entries of a RIS file (see the module's contract)."""
    parsed = Parsed()
    entry: list[str] = []
    start, problem = 0, ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip().lstrip("\ufeff")
        tag = TAG.match(line)
        name = tag.group(1) if tag else ""
        if name == "TY":
            if entry:
                parsed.add(file, start, _failing("the entry has no ER line (end of record) before the next TY"))
            entry, start, problem = [line], number, ""
        elif name == "ER" and entry:
            parsed.add(file, start, _failing(problem) if problem else _reader(entry + [line], start))
            entry = []
        elif entry:
            if not tag and LOOKS_LIKE_TAG.match(line) and not problem:
                problem = f"line {number} is a malformed tag line; write it as \"XX  - value\" (two spaces)"
            entry.append(line)
        elif line.strip():
            parsed.add(file, number, _failing("a line outside any entry; each entry starts with \"TY  - \""))
    if entry:
        parsed.add(file, start, _failing("the entry has no ER line (end of record)"))
    if not parsed.entries:
        raise ImportFileError(file, msg("imp-no-ris"))
    return parsed


def _failing(message: str) -> Callable[[], Reference]:
    def fail() -> Reference:
        raise EntryProblem("", message)
    return fail


def _reader(lines: list[str], start: int) -> Callable[[], Reference]:
    return lambda: _entry(lines, start)


def _entry(lines: list[str], start: int) -> Reference:
    import rispy

    try:
        record = rispy.loads("\n".join(lines) + "\n")[0]
    except (IndexError, ValueError, KeyError) as exc:
        raise EntryProblem("", msg("ent-unreadable", reason=exc)) from None
    return _reference(record, start)


def _first(record: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = value[0] if value else ""
        if value:
            return str(value).strip()
    return ""


def _reference(record: dict[str, Any], start: int) -> Reference:
    authors = [person(a) for key in ("authors", "first_authors") for a in record.get(key, [])]
    doi = find_doi(_first(record, "doi"))
    return make_reference(
        start, title=_first(record, "title", "primary_title", "translated_title"), authors=authors,
        publisher=_first(record, "publisher"),
        container=_first(record, "secondary_title", "journal_name", "alternate_title3", "alternate_title1"),
        published=_first(record, "date", "publication_year", "year"), url=_first(record, "urls", "url"),
        accessed=_first(record, "access_date"), kind=kind_of(_first(record, "type_of_reference")),
        language=_first(record, "language"), doi=doi,
    )
