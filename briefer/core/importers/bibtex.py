"""BibTeX and BibLaTeX files, read with bibtexparser 2.

Contract of `parse_bibtex(file, text) -> Parsed`: every entry is read with @string macros resolved
and enclosing braces removed; LaTeX in values is turned into plain text ("{\\'e}" -> "é", "\\&" ->
"&"). Authors are split on " and " outside braces; "{Institute for Security Studies}" stays one
corporate name, "Koné, Fahiraman Rodrigue" becomes "Fahiraman Rodrigue Koné". Dates: `date`
(BibLaTeX, "2023-07-07" or "2023-07") over `year` + `month` ("jul", "7", "July") + `day`;
`urldate` is the access date. Container: journal / journaltitle / booktitle;
publisher: publisher / institution / organization / school. A block bibtexparser cannot read, or
a key used twice, is an error naming the line where it starts.
"""

from __future__ import annotations

import logging
import re
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
from briefer.core.importers.report import RowError
from briefer.core.importers.sourcemeta import MONTHS, person
from briefer.core.messages import msg


def parse_bibtex(file: str, text: str) -> Parsed:
    """The entries of a BibTeX file (see the module's contract)."""
    import bibtexparser

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # bibtexparser raises plain exceptions on hopeless input
        raise ImportFileError(file, msg("imp-bad-bibtex", reason=exc)) from exc
    parsed = Parsed()
    blocks: list[tuple[int, Any]] = [(e.start_line or 0, e) for e in library.entries]
    blocks += [(b.start_line or 0, b) for b in library.failed_blocks]
    for start_line, block in sorted(blocks, key=lambda pair: pair[0]):
        line = start_line + 1
        if hasattr(block, "fields_dict"):
            parsed.add(file, line, lambda entry=block, at=line: _reference(entry, at))
        else:
            parsed.entries += 1
            parsed.errors.append(RowError(file, line, "", _failure(block)))
    if not parsed.entries:
        raise ImportFileError(file, msg("imp-no-bibtex"))
    return parsed


def _failure(block: Any) -> str:
    kind = type(block).__name__
    head = str(getattr(block, "raw", "")).strip().splitlines()[0][:60] if getattr(block, "raw", "") else ""
    if "Duplicate" in kind:
        return f"the key of {head!r} is used twice; give each entry its own key"
    return f"the entry {head!r} cannot be read: a brace, quote or comma is probably missing"


def _latex(value: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    if "\\" not in value and "{" not in value and "$" not in value:
        return value
    try:
        return str(LatexNodes2Text(math_mode="verbatim").latex_to_text(value))
    except Exception:  # noqa: BLE001 - pylatexenc gives up on odd input: keep the text without braces
        return value.replace("{", "").replace("}", "")


def _names(value: str) -> list[str]:
    """Authors split on " and " at brace depth 0; a name wholly in braces is a corporate name."""
    names: list[str] = []
    depth, current = 0, list[str]()
    for token in re.split(r"(\{|\}|\s+and\s+)", value):
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        if depth == 0 and re.fullmatch(r"\s+and\s+", token or ""):
            names.append("".join(current))
            current = []
        else:
            current.append(token)
    names.append("".join(current))
    return [_name(n.strip()) for n in names if n.strip()]


def _name(name: str) -> str:
    if name.startswith("{") and name.endswith("}") and name.count("{") == 1:
        return _latex(name[1:-1]).strip()
    return person(_latex(name))


def _date(fields: dict[str, str]) -> str:
    if fields.get("date"):
        return fields["date"]
    year, month, day = fields.get("year", ""), fields.get("month", "").strip().lower(), fields.get("day", "")
    if not year:
        return ""
    number = month if month.isdigit() else str(MONTHS.get(month.rstrip("."), "")) if month else ""
    if month and not number:
        raise EntryProblem("month", msg("ent-month", month=month))
    return "-".join(p.zfill(2) if i else p for i, p in enumerate(q for q in (year, number, day if number else "") if q))


def _reference(entry: Any, line: int) -> Reference:
    raw = {k.lower(): str(f.value) for k, f in entry.fields_dict.items()}
    fields = {k: _latex(v).strip() for k, v in raw.items() if k != "author"}

    def first(*keys: str) -> str:
        return next((fields[k] for k in keys if fields.get(k)), "")

    return make_reference(
        line, title=first("title"), authors=_names(raw.get("author", "")), publisher=first(
            "publisher", "institution", "organization", "school"),
        container=first("journal", "journaltitle", "booktitle", "maintitle"),
        published=_date(fields), url=first("url"), accessed=first("urldate"),
        kind=kind_of(entry.entry_type), language=first("language", "langid"),
        doi=find_doi(first("doi")), note=first("note") if len(first("note")) < 200 else "",
    )
