"""What a document or a reference says about itself: the fields of a `sources` row.

Contract: `SourceFields` holds plain text only (no markup), authors as display names ("Djiby
Sow"), `published`/`accessed` as partial ISO dates ("2023", "2023-07", "2023-07-07") already
checked; `row()` gives the columns of the `sources` table (precision derived from the date).
`partial_date(text)` reads the dates users and reference managers write, `language_code` the
languages, both raising `ValueError` with a message a user can act on.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from briefer.core.domain import PartialDate
from briefer.core.messages import msg

MONTHS = _MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS |= {"sept": 9, "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
            "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
            "decembre": 12}
_FILLERS = frozenset({"st", "nd", "rd", "th", "of", "the", "er", "le"})
_ISOISH = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?[-/.]?(?:[ T/].*)?")
_LANGUAGES = {"english": "en", "anglais": "en", "french": "fr", "français": "fr", "francais": "fr",
              "eng": "en", "fre": "fr", "fra": "fr", "german": "de", "deutsch": "de", "spanish": "es",
              "español": "es", "portuguese": "pt", "arabic": "ar"}


@dataclass(frozen=True)
class SourceFields:
    """The describing fields of a source (see the module's contract)."""

    title: str
    authors: tuple[str, ...] = ()
    publisher: str = ""
    container: str = ""
    published: str | None = None
    url: str = ""
    accessed: str | None = None
    kind: str = "article"
    language: str = "en"
    note: str = ""

    def row(self) -> dict[str, Any]:
        """Columns of the `sources` table (authors as a list, precision from the date)."""
        row = dataclasses.asdict(self)
        row["authors"] = list(self.authors)
        date = PartialDate.of(self.published)
        row["published_precision"] = date.precision if date else None
        return row

    def but(self, **changes: Any) -> SourceFields:
        """A copy with `changes` applied (values that are None or empty are ignored)."""
        kept = {k: v for k, v in changes.items() if v not in (None, "", (), [])}
        if "authors" in kept:
            kept["authors"] = tuple(kept["authors"])
        return dataclasses.replace(self, **kept)


def partial_date(text: str) -> str:
    """"2023", "2023-07", "2023-07-07" from ISO-like text ("2023/07/07/", "2023-07-07T10:00")
    or words ("7 July 2023", "July 2023", "juillet 2023"); ValueError otherwise."""
    value = text.strip()
    match = _ISOISH.fullmatch(value)
    if match:
        parts = [p for p in match.groups() if p]
        return _checked(*map(int, parts))
    words = re.findall(r"[^\W\d_]+|\d+", value.lower())
    numbers = [int(w) for w in words if w.isdigit()]
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if n < 32]
    unknown = [w for w in words if not w.isdigit() and w not in _MONTHS and w not in _FILLERS]
    if not unknown and len(years) == 1 and len(months) <= 1 and len(days) <= (1 if months else 0):
        return _checked(years[0], *months, *days)
    raise ValueError(msg("val-partial-date", text=text))


def _checked(year: int, month: int | None = None, day: int | None = None) -> str:
    iso = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    try:
        PartialDate(iso)
    except ValueError:
        raise ValueError(msg("val-invalid-date", iso=iso)) from None
    return iso


def optional_date(text: str | None) -> str | None:
    """`partial_date` of a value that may be missing or empty."""
    return partial_date(text) if text and text.strip() else None


def language_code(text: str) -> str:
    """Two-letter language code of "en", "en-GB", "English", "français", "fra"…; ValueError if unknown."""
    value = text.strip().lower().replace("_", "-")
    if re.fullmatch(r"[a-z]{2}(-[a-z0-9]+)*", value):
        return value[:2]
    if value in _LANGUAGES:
        return _LANGUAGES[value]
    import pycountry

    found = pycountry.languages.get(alpha_3=value) or pycountry.languages.get(name=value.title())
    if found is not None and getattr(found, "alpha_2", None):
        return str(found.alpha_2)
    raise ValueError(msg("val-unknown-language", text=text))


def display_name(family: str, given: str = "", particle: str = "") -> str:
    """"Fahiraman Rodrigue Koné" from family, given names and a particle ("de", "van")."""
    return " ".join(p for p in (given.strip(), particle.strip(), family.strip()) if p)


def person(name: str) -> str:
    """A display name from "Family, Given" or "Given Family" (a corporate name stays as it is)."""
    name = re.sub(r"\s+", " ", name).strip().strip(",;")
    if name.count(",") == 1:
        family, given = (p.strip() for p in name.split(","))
        return display_name(family, given)
    return name


@dataclass(frozen=True)
class Document:
    """A document read from a file: its fields, its stored text and how it was read.

    `text` is in stored form (`textnorm.clean_text`): paragraphs separated by one blank line; a
    paged document (PDF) has its pages separated by form feeds ("\\f"), page N after N-1 of them.
    """

    fields: SourceFields
    text: str
    file_format: str
    pages: int = 0
    notes: tuple[str, ...] = ()
