"""An organisation's own incident log (CSV or XLSX, any headings) read through a column mapping.

Contract of `incident_format(store, profile)`: an `EventFormat` whose parser turns one row into
one event of the log's own dataset (never summed with ACLED or UCDP):
- `date` (required; day/month/year unless the profile says "mdy"; French month names accepted);
  `country` from its column, else the profile's default country; unknown or missing is a
  problem in that column;
- `act` -> event type, the organisation's own wording (empty: "Incident"); topic keyword rules
  still apply to the notes; `actor` -> actor 1, `target` -> actor 2, `source` -> source;
- `admin1` -> the store's region name when it matches one of that country (`RegionMatcher` over
  the store's names and `admin1_aliases`), else kept as written; without an admin1 column a
  `place` that names a region ("Ménaka", "Boni, Mopti") gives it; `place` -> location;
- `latitude`/`longitude` or one `coordinates` cell ("14.35, -3.61"); geo precision 1 with
  coordinates, 2 with a place, 3 otherwise;
- deaths: `killed` (a number; "?", "inconnu", "n/a" count as 0); without a `killed` column,
  deaths written in `impact` or `casualties` ("2 morts, 3 blessés", "1 killed") are summed;
  a bare number of `casualties` is not taken as deaths. Injured, impact and casualties are kept
  in the notes after the description;
- `id` is the event id; without one the id is a hash of the content (`base.content_id`), so
  importing the same log again adds nothing. A repeated explicit id is a row problem.
Every problem names the file's own heading as its column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from briefer.core import aliases
from briefer.core.errors import ImportFileError
from briefer.core.importers import base
from briefer.core.importers.dates import DateParser
from briefer.core.importers.fields import Columns, RowProblem, normalise_name, to_float, to_int
from briefer.core.importers.profiles import FIELDS, IncidentProfile
from briefer.core.messages import msg
from briefer.core.regionnames import RegionMatcher
from briefer.core.store.db import Store

DEFAULT_TYPE = "Incident"
UNKNOWN = frozenset({"?", "-", "inconnu", "inconnue", "unknown", "n/a", "na", "nc", "nd", "x"})
_DEATHS = re.compile(r"(\d+)\s*(?:morts?|tu[ée]e?s?|d[ée]c[èe]s|d[ée]c[ée]d[ée]e?s?|killed|dead|deaths?|"
                     r"fatalit(?:y|ies))\b", re.IGNORECASE)
_LEADING = re.compile(r"\s*(\d+)")
_NUMBER = r"[-+]?\d{1,3}(?:[.,]\d+)?"
_PAIR = re.compile(rf"\s*\(?\s*({_NUMBER})\s*(?:[;,/]\s*|\s+)({_NUMBER})\s*\)?\s*")
NOT_STORED = ("disorder_type", "sub_event_type", "admin2", "admin3", "assoc_actor_1", "assoc_actor_2",
              "source_scale")


def dataset_info(name: str, organisation: str = "") -> base.DatasetInfo:
    """The datasets row of an organisation's log called `name`."""
    safe = name.replace("{", "{{").replace("}", "}}")
    return base.DatasetInfo(
        name=name, publisher=organisation or "incident log", licence="the organisation's own records (not for redistribution)",
        url="", attribution=f"Source: {safe}, imported {{accessed}}",
    )


def incident_format(store: Store, profile: IncidentProfile, dataset: str) -> base.EventFormat:
    """The event format reading a log with `profile`'s mapping into the dataset `dataset`."""
    profile = profile.checked()
    regions = _Regions(store)
    return base.EventFormat(
        kind="incidents", label="incident log", dataset=dataset_info(dataset, profile.options.organisation),
        expected=frozenset(normalise_name(h) for h in profile.mapping.values()),
        least=min(2, len(profile.mapping)),
        make_parser=lambda columns, context: IncidentRow(columns, context, profile, regions),
    )


class _Regions:
    """The store's region matchers, one per country, built when first needed; answers cached
    (a log names the same few places again and again)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.matchers: dict[str, RegionMatcher] = {}
        self.found: dict[tuple[str, str], str | None] = {}

    def match(self, iso3: str, name: str) -> str | None:
        if (iso3, name) not in self.found:
            if iso3 not in self.matchers:
                self.matchers[iso3] = RegionMatcher(aliases.region_names(self.store, iso3))
            self.found[(iso3, name)] = self.matchers[iso3].match(name) if name.strip() else None
        return self.found[(iso3, name)]


class IncidentRow:
    """Parser of one row of an incident log (see the module's contract)."""

    merge: base.Merge | None = None

    def __init__(self, columns: Columns, context: base.Context, profile: IncidentProfile, regions: _Regions) -> None:
        missing = [h for h in profile.mapping.values() if not columns.has(normalise_name(h))]
        if missing:
            raise ImportFileError(columns.file, msg("imp-column-missing", name=missing[0],
                                      shown=", ".join(repr(n) for n in columns.names if n)), line=columns.line)
        self.width, self.context, self.regions = len(columns.names), context, regions
        self.heading = dict(profile.mapping)
        self.at = {name: columns.index[normalise_name(h)] for name, h in profile.mapping.items()}
        self.options = profile.options
        self.blank = dict.fromkeys(FIELDS, "")
        self.default_country = self._default_country()
        self.dates = DateParser(french=True)

    def _default_country(self) -> str | None:
        given = self.options.country.strip()
        if given and self.context.countries.by_name(given) is None:
            raise ImportFileError(self.context.file, msg("imp-default-country", name=given))
        return self.context.countries.by_name(given) if given else None

    def column(self, name: str) -> str:
        return self.heading.get(name, name)

    def __call__(self, values: list[str]) -> base.Event:
        values = base.fit(values, self.width)
        get = {**self.blank, **{name: values[i].strip() for name, i in self.at.items()}}.__getitem__
        event: dict[str, Any] = {name: "" for name in NOT_STORED}
        event["event_date"] = base.parse_day(self.dates, self._ordered(get("date")), self.column("date"))
        event["country_iso3"] = iso3 = self.country(get("country"))
        event["latitude"], event["longitude"] = self.coordinates(get)
        event["location"], event["admin1"] = self.place(iso3, get("place"), get("admin1"))
        event["geo_precision"] = 1 if event["latitude"] is not None else 2 if event["location"] else 3
        event.update(event_type=get("act") or DEFAULT_TYPE, actor1=get("actor"), actor2=get("target"),
                     source=get("source"), time_precision=1, civilian_targeting=0, timestamp=None,
                     fatalities_low=None, fatalities_high=None)
        event["fatalities"] = self.deaths(get)
        event["notes"] = self.notes(get)
        event["external_id"] = get("id")
        if not event["external_id"]:
            event["external_id"], event[base.DERIVED] = base.content_id(event), True
        return event

    def _ordered(self, text: str) -> str:
        """Month/day/year written as day/month/year when the profile says so."""
        if self.options.date_order == "mdy":
            return re.sub(r"^\s*(\d{1,2})([/.])(\d{1,2})\2", r"\3\2\1\2", text)
        return text

    def country(self, text: str) -> str:
        if not text:
            if self.default_country is None:
                raise RowProblem(self.column("country"), msg("row-no-country"))
            return self.default_country
        iso3 = self.context.countries.by_name(text)
        if iso3 is None:
            raise RowProblem(self.column("country"), msg("row-unknown-country", name=text))
        return iso3

    def coordinates(self, get: Callable[[str], str]) -> tuple[float | None, float | None]:
        pair = get("coordinates")
        if pair:
            match = _PAIR.fullmatch(pair)
            if match is None:
                raise RowProblem(self.column("coordinates"), msg("row-coordinates", value=pair))
            lat, lon = match.groups()
        else:
            lat, lon = get("latitude"), get("longitude")
        latitude = to_float(lat, self.column("latitude" if not pair else "coordinates"), limit=90)
        longitude = to_float(lon, self.column("longitude" if not pair else "coordinates"), limit=180)
        if (latitude is None) != (longitude is None):
            raise RowProblem(self.column("latitude" if latitude is None else "longitude"),
                             msg("row-lat-lon"))
        return latitude, longitude

    def place(self, iso3: str, place: str, admin1: str) -> tuple[str, str]:
        """(location, admin1): the region matched to the store's name when it can be."""
        if admin1:
            return place, self.regions.match(iso3, admin1) or admin1
        parts = [p.strip() for p in place.split(",") if p.strip()]
        for part in reversed(parts):
            region = self.regions.match(iso3, part)
            if region is not None:
                return (parts[0] if parts else ""), region
        return place, ""

    def deaths(self, get: Callable[[str], str]) -> int:
        if "killed" in self.at:
            text = get("killed")
            if text.lower().strip(" .") in UNKNOWN:
                return 0
            leading = _LEADING.match(text)
            if leading is None and text:
                raise RowProblem(self.column("killed"), msg("row-deaths", value=text))
            return to_int(leading.group(1) if leading else "", self.column("killed"), 0, low=0) or 0
        return sum(int(n) for name in ("impact", "casualties") for n in _DEATHS.findall(get(name)))

    def notes(self, get: Callable[[str], str]) -> str:
        parts = [get("description").rstrip(".")]
        for name, label in (("injured", "Injured"), ("casualties", "Casualties"), ("impact", "Impact")):
            if get(name) and get(name) != "0":
                parts.append(f"{label}: {get(name)}")
        return ". ".join(p for p in parts if p) + ("." if any(parts) else "")
