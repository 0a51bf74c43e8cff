"""UCDP Georeferenced Event Dataset (GED) files, CSV or XLSX, kept in UCDP's own terms.

Contract of `FORMAT.make_parser(columns, context)`: one row is one event of the dataset
"UCDP GED", never added to ACLED's figures:
- `id` is the id; `date_start` the date (`date_prec` 1–5 → time precision 1 day, 2 week, 3 month);
- `type_of_violence` 1, 2, 3 → event type "State-based violence", "Non-state violence",
  "One-sided violence" (UCDP's taxonomy, not ACLED's); one-sided violence targets civilians;
- deaths: `best` → fatalities, `low` → fatalities_low, `high` → fatalities_high;
- `side_a`/`side_b` → actors; `conflict_name` → sub-event type; `dyad_name` and the sources'
  headlines → notes (what topic keywords are matched against); `source_office` → source;
- `where_prec` 1–7 → geo precision 1 (exact), 2 (near or district), 3 (region or wider);
- `country` is UCDP's name ("DR Congo (Zaire)", "Russia (Soviet Union)"), matched with or
  without its parenthesis; an unknown one is a problem in column `country`.
"""

from __future__ import annotations

from typing import Any

from briefer.core.importers import base
from briefer.core.importers.fields import Columns, RowProblem, to_float, to_int
from briefer.core.messages import msg

VIOLENCE = {1: "State-based violence", 2: "Non-state violence", 3: "One-sided violence"}
TIME_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
GEO_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}
NAMES = {"Macedonia, FYR": "North Macedonia", "Surinam": "Suriname"}
COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_name",
    "dyad_name", "side_a", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "country", "country_id",
    "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low",
)
TEXT = {"side_a": "actor1", "side_b": "actor2", "adm_1": "admin1", "adm_2": "admin2",
        "where_coordinates": "location", "source_office": "source", "conflict_name": "sub_event_type"}

DATASET = base.DatasetInfo(
    name="UCDP GED",
    publisher="Uppsala Conflict Data Program",
    licence="CC BY 4.0",
    url="https://ucdp.uu.se",
    attribution="Source: UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, "
                "CC BY 4.0, accessed {accessed}",
)


class UcdpRow:
    """Parser of one UCDP GED row (see the module's contract)."""

    merge: base.Merge | None = None

    def __init__(self, columns: Columns, context: base.Context) -> None:
        columns.require("id", "date_start", "type_of_violence", "country", "best", kind="UCDP GED")
        self.width = len(columns.names)
        self.at = {name: columns.index.get(name) for name in COLUMNS}
        self.context = context

    def cell(self, values: list[str], name: str) -> str:
        index = self.at[name]
        return values[index].strip() if index is not None else ""

    def __call__(self, values: list[str]) -> base.Event:
        values = base.fit(values, self.width)
        cell = self.cell
        event: dict[str, Any] = {target: cell(values, name) for name, target in TEXT.items()}
        event["external_id"] = cell(values, "id").removesuffix(".0")
        if not event["external_id"]:
            raise RowProblem("id", msg("row-empty-id"))
        event["event_date"] = base.parse_day(self.context.dates, cell(values, "date_start"), "date_start")
        violence = to_int(cell(values, "type_of_violence"), "type_of_violence", None, low=1, high=3)
        if violence is None:
            raise RowProblem("type_of_violence", msg("row-ucdp-type"))
        event.update(event_type=VIOLENCE[violence], civilian_targeting=int(violence == 3),
                     disorder_type="", admin3="", assoc_actor_1="", assoc_actor_2="", source_scale="",
                     timestamp=None, country_iso3=self.country(values), notes=self.notes(values))
        event["fatalities"] = to_int(cell(values, "best"), "best", 0, low=0)
        event["fatalities_low"] = to_int(cell(values, "low"), "low", None, low=0)
        event["fatalities_high"] = to_int(cell(values, "high"), "high", None, low=0)
        event["time_precision"] = TIME_PRECISION[to_int(cell(values, "date_prec"), "date_prec", 1, low=1, high=5) or 1]
        event["geo_precision"] = GEO_PRECISION[to_int(cell(values, "where_prec"), "where_prec", 1, low=1, high=7) or 1]
        event["latitude"] = to_float(cell(values, "latitude"), "latitude", limit=90)
        event["longitude"] = to_float(cell(values, "longitude"), "longitude", limit=180)
        return event

    def country(self, values: list[str]) -> str:
        name = self.cell(values, "country")
        iso3 = self.context.countries.by_name(NAMES.get(name, name)) if name else None
        if iso3 is None:
            raise RowProblem("country", msg("row-unknown-country", name=name))
        return iso3

    def notes(self, values: list[str]) -> str:
        dyad, headlines = self.cell(values, "dyad_name"), self.cell(values, "source_headline")
        return ". ".join(part for part in (dyad, " ".join(headlines.split())) if part)


FORMAT = base.EventFormat(
    kind="ucdp", label="UCDP GED", dataset=DATASET, expected=frozenset(COLUMNS), least=4,
    make_parser=UcdpRow,
)
