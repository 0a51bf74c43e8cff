"""CSL-JSON reference files (Zotero's "CSL JSON" export), read with the json module.

Contract of `parse_csl_json(file, text) -> Parsed`: the file is a JSON array of items (a single
item object is accepted too); invalid JSON raises `ImportFileError` naming its line and column.
Each item's line is where its object starts. Authors: `author` entries with family/given (and a
particle) or a `literal` name. Dates: `issued` and `accessed` as "date-parts" ([[2023, 7, 7]],
[[2023, 7]], [[2023]]) or "raw"/"literal" text. Title `title`, container `container-title`,
publisher `publisher`, URL `URL`, DOI `DOI`, language `language`, kind from `type`. An item that
is not an object, or has no title or a malformed date, is an error of that item.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
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
from briefer.core.importers.sourcemeta import display_name
from briefer.core.messages import msg


def parse_csl_json(file: str, text: str) -> Parsed:
    """The items of a CSL-JSON file (see the module's contract)."""
    parsed = Parsed()
    for line, item in _items(file, text.lstrip("\ufeff")):
        parsed.add(file, line, lambda value=item, at=line: _reference(value, at))
    if not parsed.entries:
        raise ImportFileError(file, msg("imp-csl-empty"))
    return parsed


def _items(file: str, text: str) -> Iterator[tuple[int, Any]]:
    """(line, value) of each element of the top-level array, decoded one by one."""
    decoder = json.JSONDecoder()
    index = _skip(text, 0)
    if text[index:index + 1] == "{":
        yield _line(text, index), _decode(file, decoder, text, index)[0]
        return
    if text[index:index + 1] != "[":
        raise ImportFileError(file, msg("imp-not-csl"), line=_line(text, index))
    index = _skip(text, index + 1)
    while text[index:index + 1] not in ("]", ""):
        value, end = _decode(file, decoder, text, index)
        yield _line(text, index), value
        index = _skip(text, end)
        if text[index:index + 1] == ",":
            index = _skip(text, index + 1)
        elif text[index:index + 1] != "]":
            raise ImportFileError(file, msg("imp-json-comma"), line=_line(text, index))
    if not text[index:index + 1]:
        raise ImportFileError(file, msg("imp-json-unclosed"), line=_line(text, index))


def _decode(file: str, decoder: json.JSONDecoder, text: str, index: int) -> tuple[Any, int]:
    try:
        return decoder.raw_decode(text, index)
    except json.JSONDecodeError as exc:
        raise ImportFileError(file, msg("imp-bad-json", reason=exc.msg, column=exc.colno), line=exc.lineno) from None


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _date(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if not value:
        return ""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        raise EntryProblem(key, msg("ent-date-object", key=key))
    parts = value.get("date-parts")
    if parts:
        try:
            numbers = [int(p) for p in parts[0]]
        except (TypeError, ValueError, IndexError):
            raise EntryProblem(key, msg("ent-date-parts", key=key, parts=parts)) from None
        return "-".join(f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(numbers[:3]))
    return str(value.get("raw") or value.get("literal") or "")


def _author(name: Any) -> str:
    if isinstance(name, str):
        return name
    if not isinstance(name, dict):
        return ""
    if name.get("literal"):
        return str(name["literal"])
    particle = " ".join(str(name.get(k, "")) for k in ("dropping-particle", "non-dropping-particle")).strip()
    return display_name(str(name.get("family", "")), str(name.get("given", "")), particle)


def _reference(item: Any, line: int) -> Reference:
    if not isinstance(item, dict):
        raise EntryProblem("", msg("ent-not-object"))

    def text(key: str) -> str:
        value = item.get(key, "")
        return value if isinstance(value, str) else str(value) if isinstance(value, (int, float)) else ""

    return make_reference(
        line, title=text("title"), authors=[_author(a) for a in item.get("author") or [] if _author(a)],
        publisher=text("publisher"), container=text("container-title"), published=_date(item, "issued"),
        url=text("URL"), accessed=_date(item, "accessed"), kind=kind_of(text("type")),
        language=text("language"), doi=find_doi(text("DOI")),
    )
