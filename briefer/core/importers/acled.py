"""ACLED exports (CSV or XLSX) of every vintage: the current 31 columns, older numeric-code files,
"monadic" files (one row per actor) and reduced API pulls.

Contract of `FORMAT.make_parser(columns, context)`: a row becomes one event of the events table:
- `event_id_cnty` is the id; a row without one gets a content id (`base.content_id`);
- the country comes from `country` (any name or alias the store knows), else `iso3`, else the
  ISO numeric `iso`; none of them known is a problem in column `country` (or `iso`);
- pre-2019 event types are mapped to the current taxonomy (`acled_types.modernise`);
- `inter1`, `inter2`, `interaction`, `region`, `year`, `tags`, population columns are read only to
  help that mapping, never stored (the events table has no column for them);
- `civilian_targeting` is read when present; older files get it for "Violence against civilians".
Rows sharing an id are one event: in a "monadic" export (no `actor2` column, one row per actor)
the actors are joined in file order; elsewhere the newer row wins. Fatalities count once.
"""

from __future__ import annotations

import datetime as dt
import operator
from typing import Any

from briefer.core.importers import base
from briefer.core.importers.acled_types import modernise
from briefer.core.importers.dates import DateFormatError
from briefer.core.importers.fields import Columns, RowProblem, to_float, to_int
from briefer.core.messages import msg

CURRENT_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
OLDER_COLUMNS = ("data_id", "event_id_no_cnty", "iso3")
TEXT = ("disorder_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
        "admin1", "admin2", "admin3", "location", "source", "source_scale", "notes")
NOT_STORED = ("inter1",)

DATASET = base.DatasetInfo(
    name="ACLED",
    publisher="Armed Conflict Location & Event Data (ACLED)",
    licence="ACLED terms of use (no redistribution)",
    url="https://acleddata.com",
    attribution="Source: ACLED, accessed {accessed}",
)


# Current event types that `modernise` returns unchanged when a sub-event type is given.
_CURRENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians",
                            "Protests", "Riots", "Strategic developments"})


class AcledRow:
    """Parser of one ACLED row (see the module's contract).

    Built for files of a million rows: column positions are resolved once (an absent column
    reads the empty cell appended to each row), and countries are cached by their cells.
    """

    def __init__(self, columns: Columns, context: base.Context) -> None:
        columns.require("event_date", "event_type", kind="ACLED")
        if not any(columns.has(name) for name in ("country", "iso3", "iso")):
            columns.require("country", kind="ACLED")
        self.width = len(columns.names)
        self.text = columns.picker(TEXT)
        self.blank = {name: "" for name in TEXT if not columns.has(name)}
        self.at = {name: columns.index.get(name) for name in CURRENT_COLUMNS + OLDER_COLUMNS}
        self.context = context
        self.merge: base.Merge | None = merge_repeated if columns.has("actor2") else merge_monadic
        self.pos = {name: self.width if i is None else i for name, i in self.at.items()}
        self._texts = operator.itemgetter(*(i for _, i in self.text)) if len(self.text) > 1 else None
        self._text_names = tuple(name for name, _ in self.text)
        self._countries: dict[tuple[str, str, str], str | RowProblem] = {}

    def cell(self, values: list[str], name: str) -> str:
        index = self.at[name]
        return values[index] if index is not None else ""

    def __call__(self, values: list[str]) -> base.Event:
        row = base.fit(values, self.width)
        row.append("")  # the cell of every absent column (see `pos`)
        at = self.pos
        event: dict[str, Any] = self._text_cells(row)
        if self.blank:
            event.update(self.blank)
        try:
            event["event_date"] = self.context.dates(row[at["event_date"]])
        except DateFormatError as exc:
            raise RowProblem("event_date", exc.args[0]) from None
        event["country_iso3"] = self.country_of(row[at["country"]], row[at["iso3"]], row[at["iso"]])
        fatalities = event["fatalities"] = to_int(row[at["fatalities"]], "fatalities", 0, low=0)
        event["time_precision"] = to_int(row[at["time_precision"]], "time_precision", 1, low=1, high=3)
        event["geo_precision"] = to_int(row[at["geo_precision"]], "geo_precision", 1, low=1, high=3)
        event["latitude"] = to_float(row[at["latitude"]], "latitude", limit=90)
        event["longitude"] = to_float(row[at["longitude"]], "longitude", limit=180)
        event["timestamp"] = timestamp(row[at["timestamp"]])
        kind, sub = row[at["event_type"]].strip(), event["sub_event_type"]
        if not (sub and kind in _CURRENT_TYPES):
            kind, sub = self.types(row, event, fatalities)
        event["event_type"], event["sub_event_type"] = kind, sub
        event["civilian_targeting"] = self.civilians(row, kind)
        event["fatalities_low"] = event["fatalities_high"] = None
        external_id = event["external_id"] = row[at["event_id_cnty"]].strip()
        if not external_id:
            event["external_id"], event[base.DERIVED] = base.content_id(event), True
        return event

    def _text_cells(self, row: list[str]) -> dict[str, Any]:
        if self._texts is None:
            return {name: row[i].strip() for name, i in self.text}
        return dict(zip(self._text_names, map(str.strip, self._texts(row))))

    def country_of(self, name: str, iso3: str, numeric: str) -> str:
        """ISO3 of the row's country cells (cached: a file names few countries)."""
        key = (name, iso3, numeric)
        found = self._countries.get(key)
        if found is None:
            try:
                found = self._country(name.strip(), iso3.strip(), numeric)
            except RowProblem as problem:
                found = problem
            self._countries[key] = found
        if isinstance(found, RowProblem):
            raise RowProblem(found.column, found.message)
        return found

    def _country(self, name: str, iso3: str, numeric: str) -> str:
        countries = self.context.countries
        found = (countries.by_name(name) if name else None) or (
            countries.by_name(iso3) if self.at["iso3"] is not None else None
        ) or countries.by_numeric(numeric)
        if found is None:
            column = "country" if self.at["country"] is not None else "iso"
            shown = name or numeric.strip()
            raise RowProblem(column, msg("row-unknown-country", name=shown))
        return found

    def types(self, values: list[str], event: base.Event, fatalities: int | None = None) -> tuple[str, str]:
        kind = self.cell(values, "event_type").strip()
        if not kind:
            raise RowProblem("event_type", msg("row-empty-event-type"))
        return modernise(kind, event["sub_event_type"], event["actor1"], event["actor2"],
                         self.cell(values, "inter1"), event["notes"],
                         event["fatalities"] if fatalities is None else fatalities)

    def civilians(self, values: list[str], event_type: str) -> int:
        if self.at["civilian_targeting"] is None:
            return int(event_type == "Violence against civilians")
        text = self.cell(values, "civilian_targeting").strip().lower()
        return int(bool(text) and text not in ("0", "no", "false"))


def timestamp(text: str) -> int | None:
    """ACLED's `timestamp` (Unix seconds); an ISO date-time is accepted; empty gives None."""
    try:
        return int(text)  # the common case
    except ValueError:
        pass
    value = text.strip()
    if not value:
        return None
    try:
        return to_int(value, "timestamp", None)
    except RowProblem:
        pass
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RowProblem("timestamp", msg("row-timestamp", value=text)) from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return int(moment.timestamp())


def merge_monadic(first: base.Event, later: base.Event) -> base.Event:
    """One event from the rows of a monadic export (one row per actor, no actor2 column): the
    actors in file order, even when both sides bear the same name; fatalities once, never summed."""
    merged = _once(first, later)
    if not first["actor1"]:
        merged["actor1"], merged["assoc_actor_1"] = later["actor1"], later["assoc_actor_1"]
    elif not first["actor2"]:
        merged["actor2"], merged["assoc_actor_2"] = later["actor1"], later["assoc_actor_1"]
    else:
        extra = (first["assoc_actor_2"], later["actor1"], *later["assoc_actor_1"].split("; "))
        merged["assoc_actor_2"] = "; ".join(a for a in extra if a)
    return merged


def merge_repeated(first: base.Event, later: base.Event) -> base.Event:
    """An event listed twice in a file with actor2 columns: the row with the newer timestamp wins."""
    newer = later["timestamp"] is not None and (first["timestamp"] is None or later["timestamp"] > first["timestamp"])
    return dict(later) if newer else dict(first)


def _once(first: base.Event, later: base.Event) -> base.Event:
    merged = dict(first)
    merged["fatalities"] = max(first["fatalities"], later["fatalities"])
    merged["civilian_targeting"] = max(first["civilian_targeting"], later["civilian_targeting"])
    stamps = [s for s in (first["timestamp"], later["timestamp"]) if s is not None]
    merged["timestamp"] = max(stamps) if stamps else None
    return merged


FORMAT = base.EventFormat(
    kind="acled", label="ACLED", dataset=DATASET,
    expected=frozenset(CURRENT_COLUMNS + OLDER_COLUMNS), least=3,
    make_parser=AcledRow,
)
