"""What every event importer shares: the shape of a format, the parsing context, content ids.

An `EventFormat` names its dataset, the header names that recognise its files, and a factory
`make_parser(columns, context)` giving a `RowParser`: called with one row's values it returns an
event dict (every column of the events table but `dataset_id` and `topic_mask`, plus `DERIVED`
when the id was made from the content) or raises `RowProblem`; its `merge(first, later)` joins
rows that share an event id in that file (None: a repeated id is a row error).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from briefer.core.importers.dates import DateFormatError, DateParser
from briefer.core.importers.fields import Columns, CountryLookup, RowProblem
from briefer.core.messages import msg

Event = dict[str, Any]
Merge = Callable[[Event, Event], Event]


class RowParser(Protocol):
    """Turns one row into an event; `merge` joins rows of one id (None: repeats are errors)."""

    merge: Merge | None

    def __call__(self, values: list[str]) -> Event: ...

DERIVED = "_derived"
HASH_FIELDS = ("event_date", "country_iso3", "admin1", "admin2", "admin3", "location", "event_type",
               "sub_event_type", "actor1", "actor2", "notes")


@dataclass(frozen=True)
class DatasetInfo:
    """The datasets row an importer files its events under; `attribution` has an {accessed} slot."""

    name: str
    publisher: str
    licence: str
    url: str
    attribution: str

    def row(self, accessed: str) -> dict[str, Any]:
        return {"name": self.name, "kind": "events", "publisher": self.publisher, "licence": self.licence,
                "url": self.url, "attribution": self.attribution.format(accessed=accessed),
                "accessed": accessed, "synthetic": 0}


@dataclass(frozen=True)
class Context:
    """What a row parser needs besides the row: the file's name, countries, dates."""

    file: str
    countries: CountryLookup
    dates: DateParser


@dataclass(frozen=True)
class EventFormat:
    """One kind of event file (see the module's docstring)."""

    kind: str
    label: str
    dataset: DatasetInfo
    expected: frozenset[str]
    least: int
    make_parser: Callable[[Columns, Context], RowParser]


def content_id(event: Mapping[str, Any]) -> str:
    """A stable id for an event that has none: a hash of what it says (date, place, type, actors, notes)."""
    key = "\x1f".join(str(event.get(name) or "") for name in HASH_FIELDS)
    return "h-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def parse_day(dates: DateParser, text: str, column: str) -> str:
    """ISO date of a cell, or a RowProblem naming `column`."""
    try:
        return dates(text)
    except DateFormatError as exc:
        raise RowProblem(column, exc.args[0]) from None


def fit(values: list[str], width: int) -> list[str]:
    """Values padded to the header's width; a row longer than the header (not just trailing
    empty cells) is a RowProblem: a quote or delimiter is out of place."""
    if len(values) == width:
        return values
    if len(values) < width:
        return values + [""] * (width - len(values))
    if any(v.strip() for v in values[width:]):
        raise RowProblem("", msg("row-width", values=len(values), width=width))
    return values[:width]
