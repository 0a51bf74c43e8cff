"""Domain objects for trends and the weekly-update, flash-report and regional-spillover templates.

Frozen dataclasses, like `briefer.core.domain`, kept apart so the Briefing gains them as a few
optional fields. Texts are final; counts are of ONE dataset (never summed across datasets).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefer.core.domain import Change, Incident, Period


@dataclass(frozen=True)
class TrendSettings:
    """How changes were computed, so the PDF can state it.

    `previous` is the comparison period (the same length as the period, or longer: then counts
    are normalised to the period's length and `scaled` is True); `baseline` the 52-week (or
    `baseline_weeks`) span before the period, averaged per period length, or None. A region is
    flagged as a surge when its count rose by at least `surge_percent` % on the previous period
    and it has at least `surge_minimum` events now. `border_km`: the distance from a border within
    which a region's events make it a border area.
    """

    previous: Period
    scaled: bool
    baseline: Period | None
    baseline_weeks: int
    surge_percent: int
    surge_minimum: int
    border_km: int = 50


@dataclass(frozen=True)
class RegionTrend:
    """One first-level region (admin 1) against the previous period; `surge` as in TrendSettings."""

    country: str
    admin1: str
    label: str  # "Mopti" or, with several countries, "Mopti (Mali)"
    fatalities: int
    change: Change
    surge: bool


@dataclass(frozen=True)
class CountryRow:
    """One country side by side with the others (regional-spillover)."""

    iso3: str
    name: str
    events: Change
    fatalities: Change
    baseline: Change | None
    surges: int  # regions flagged as a surge


@dataclass(frozen=True)
class BorderArea:
    """A region with events within `km` of another country's border, and those countries."""

    country: str
    admin1: str
    label: str
    events: int
    fatalities: int
    neighbours: tuple[str, ...]  # names, in the briefing's language


@dataclass(frozen=True)
class CrossBorderActor:
    """An actor with events in more than one of the selected countries."""

    name: str
    countries: tuple[str, ...]  # names, in the briefing's language
    events: int


@dataclass(frozen=True)
class ReportHeader:
    """The OCHA-style header block: report kind and number, "as of" date, period covered."""

    kind: str
    number: str
    as_of: dt.date
    period: Period
    previous: Period


@dataclass(frozen=True)
class FlashFacts:
    """A flash report's facts: the incidents, where they happened, and the context around them.

    `places` are the regions with events in the period (label, events, fatalities); `context` the
    same regions' events in the `context_period` before it.
    """

    incidents: tuple[Incident, ...]
    places: tuple[tuple[str, int, int], ...]
    context: tuple[tuple[str, int, int], ...]
    context_period: Period
