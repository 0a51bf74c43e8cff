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
from typing import Any

from briefer.core.importers import base
from briefer.core.importers.acled_types import modernise
from briefer.core.importers.fields import Columns, RowProblem, to_float, to_int

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


class AcledRow:
    """Parser of one ACLED row (see the module's contract)."""

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

    def cell(self, values: list[str], name: str) -> str:
        index = self.at[name]
        return values[index] if index is not None else ""

    def __call__(self, values: list[str]) -> base.Event:
        values = base.fit(values, self.width)
        event: dict[str, Any] = {name: values[i].strip() for name, i in self.text}
        event.update(self.blank)
        cell = self.cell
        event["event_date"] = base.parse_day(self.context.dates, cell(values, "event_date"), "event_date")
        event["country_iso3"] = self.country(values)
        event["fatalities"] = to_int(cell(values, "fatalities"), "fatalities", 0, low=0)
        event["time_precision"] = to_int(cell(values, "time_precision"), "time_precision", 1, low=1, high=3)
        event["geo_precision"] = to_int(cell(values, "geo_precision"), "geo_precision", 1, low=1, high=3)
        event["latitude"] = to_float(cell(values, "latitude"), "latitude", limit=90)
        event["longitude"] = to_float(cell(values, "longitude"), "longitude", limit=180)
        event["timestamp"] = timestamp(cell(values, "timestamp"))
        event["event_type"], event["sub_event_type"] = self.types(values, event)
        event["civilian_targeting"] = self.civilians(values, event["event_type"])
        event["fatalities_low"] = event["fatalities_high"] = None
        event["external_id"] = cell(values, "event_id_cnty").strip()
        if not event["external_id"]:
            event["external_id"], event[base.DERIVED] = base.content_id(event), True
        return event

    def country(self, values: list[str]) -> str:
        countries, cell = self.context.countries, self.cell
        name = cell(values, "country").strip()
        iso3 = (countries.by_name(name) if name else None) or (
            countries.by_name(cell(values, "iso3").strip()) if self.at["iso3"] is not None else None
        ) or countries.by_numeric(cell(values, "iso"))
        if iso3 is None:
            column = "country" if self.at["country"] is not None else "iso"
            shown = name or cell(values, "iso").strip()
            raise RowProblem(column, f"unknown country {shown!r}; use an English or French country name "
                                     "or an ISO code (see `briefer countries`)")
        return iso3

    def types(self, values: list[str], event: base.Event) -> tuple[str, str]:
        kind = self.cell(values, "event_type").strip()
        if not kind:
            raise RowProblem("event_type", "the event type is empty")
        return modernise(kind, event["sub_event_type"], event["actor1"], event["actor2"],
                         self.cell(values, "inter1"), event["notes"], event["fatalities"])

    def civilians(self, values: list[str], event_type: str) -> int:
        if self.at["civilian_targeting"] is None:
            return int(event_type == "Violence against civilians")
        text = self.cell(values, "civilian_targeting").strip().lower()
        return int(bool(text) and text not in ("0", "no", "false"))


def timestamp(text: str) -> int | None:
    """ACLED's `timestamp` (Unix seconds); an ISO date-time is accepted; empty gives None."""
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
        raise RowProblem("timestamp", f"{text!r} is neither Unix seconds nor a date and time") from None
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
