"""Load the demo geography and calibration and compile them into lookup tables.

This module turns ``resources/demo/geography.json`` and
``resources/demo/synthetic.toml`` into immutable, precomputed structures
(:class:`Country`, :class:`Admin1`, :class:`Location`, ...; episodes are
compiled in :mod:`briefer.core.demo.synth_episodes`)
that the generator in :mod:`briefer.core.demo.synth` can use without further
parsing.  Everything here is deterministic and uses the standard library only.

Contract: the ``build_*`` functions either return validated objects or raise
:class:`ValueError` naming the offending entry of the input files.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import tomllib
from bisect import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_first, _second = itemgetter(0), itemgetter(1)

#: Directory holding ``geography.json`` and ``synthetic.toml``.
DEMO_DIR: Path = Path(__file__).resolve().parents[3] / "resources" / "demo"

#: Internal keys of the six ACLED event types, in the order of count columns.
TYPE_KEYS: tuple[str, ...] = ("battles", "explosions", "vac", "protests", "riots", "strategic")

#: Roles that every country gets automatically (generic ACLED actors).
AUTO_ROLES: dict[str, tuple[str, str]] = {
    "unidentified": ("Unidentified Armed Group ({c})", "unidentified gunmen"),
    "civilians": ("Civilians ({c})", "civilians"),
    "protesters": ("Protesters ({c})", "protesters"),
    "rioters": ("Rioters ({c})", "rioters"),
}


def load_geography(path: Path | None = None) -> dict[str, Any]:
    """Read ``geography.json`` (default: the copy in :data:`DEMO_DIR`)."""
    target = path or DEMO_DIR / "geography.json"
    with open(target, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def load_calibration(path: Path | None = None) -> dict[str, Any]:
    """Read ``synthetic.toml`` (default: the copy in :data:`DEMO_DIR`)."""
    target = path or DEMO_DIR / "synthetic.toml"
    with open(target, "rb") as handle:
        return tomllib.load(handle)


def to_date(value: object, what: str) -> dt.date:
    """Return *value* as a date; accepts ``datetime.date`` or ``"YYYY-MM-DD"``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{what}: expected a date, got {value!r}")


@dataclass(frozen=True, slots=True)
class Choice(Generic[T]):
    """Items with cumulative weights; :meth:`pick` draws one with a uniform RNG."""

    items: tuple[T, ...]
    cum: tuple[float, ...]
    total: float
    single: bool

    @classmethod
    def of(cls, pairs: Iterable[tuple[T, float]], what: str) -> Choice[T]:
        """Build from ``(item, weight)`` pairs; zero weights are dropped.

        Raises ValueError when a weight is negative or nothing is left.
        """
        items: list[T] | tuple[T, ...]
        listed = pairs if isinstance(pairs, list) else list(pairs)
        kept = list(map(float, map(_second, listed)))
        if kept and min(kept) > 0 and not math.isnan(sum(kept)):  # the common case, in C loops
            items = tuple(map(_first, listed))
        else:
            items, kept = [], []
            for item, weight in listed:
                w = float(weight)
                if w > 0:
                    items.append(item)
                    kept.append(w)
                elif w < 0:
                    raise ValueError(f"{what}: negative weight {w} for {item!r}")
        if not kept:
            raise ValueError(f"{what}: no item with a positive weight")
        cum = list(accumulate(kept))
        total = cum[-1]
        cum[-1] = math.inf  # so that bisect(cum, u * total) < len(items) for any u in [0, 1)
        return cls(tuple(items), tuple(cum), total, len(kept) == 1)

    def pick(self, rnd: Any) -> T:
        """Return one item; calls ``rnd()`` (uniform in [0, 1)) only if needed."""
        if self.single:
            return self.items[0]
        return self.items[bisect(self.cum, rnd() * self.total)]


@dataclass(frozen=True, slots=True)
class Location:
    """A real town/village: ACLED ``location``, ``admin2`` and coordinates."""

    name: str
    admin2: str
    admin1: str
    lat: float
    lon: float
    border: str  # neighbour named in notes, or ""
    place: str  # "Kidal (Kidal, Kidal)"
    where_in: str  # "in Kidal (Kidal, Kidal)"
    where_near: str  # "near Kidal (Kidal, Kidal)"
    border_phrase: str  # " near the border with Algeria" or ""
    border_phrase_near: str  # ", close to the border with Algeria" (after "near <place>") or ""


@dataclass(frozen=True, slots=True)
class Admin1:
    """A first-level region with its locations (uniform choice)."""

    name: str
    centroid: tuple[float, float]
    locations: Choice[Location]
    capital: Location  # first listed location, used for region-level events
    group: str  # admin1 name if it has role overrides, else ""
    region: str  # "Kidal region"
    region_in: str  # "in Kidal region"


@dataclass(frozen=True, slots=True)
class FatalityParams:
    """Zero-inflated, capped lognormal fatality distribution."""

    p_zero: float
    median: float
    sigma: float
    cap: int


@dataclass(frozen=True, slots=True)
class Country:
    """Compiled per-country calibration and geography."""

    iso: str
    index: int
    name: str
    acled_name: str
    admin1: Mapping[str, Admin1]
    conflict_pick: Choice[Admin1]
    demo_pick: Choice[Admin1]
    locations: Mapping[str, Location]
    counts: Mapping[int, tuple[float, ...]]
    monthly: Mapping[int, tuple[float, ...]]
    fatality_scale: Mapping[int, float]
    roles: Mapping[str, Mapping[str, float]]
    admin1_roles: Mapping[str, Mapping[str, Mapping[str, float]]]
    extra_dyads: Mapping[str, tuple[Mapping[str, Any], ...]]
    topics: tuple[str, ...]


def role_spec(value: object, what: str) -> dict[str, float]:
    """Normalise a role value (key, list of keys or {key: weight})."""
    if isinstance(value, str):
        return {value: 1.0}
    if isinstance(value, list):
        return {str(v): 1.0 for v in value}
    if isinstance(value, dict):
        return {str(k): float(v) for k, v in value.items()}
    raise ValueError(f"{what}: unsupported role value {value!r}")


def weights_table(
    names: Sequence[str], weights: Mapping[str, float], default: Mapping[str, float], what: str
) -> list[tuple[str, float]]:
    """Pair admin1 names with weights; unknown names in *weights* are errors."""
    unknown = set(weights) - set(names)
    if unknown:
        raise ValueError(f"{what}: unknown admin1 {sorted(unknown)}")
    return [(n, float(weights.get(n, default.get(n, 0.0)))) for n in names]


def _location(
    raw: Mapping[str, Any], admin1: str, border: Mapping[str, str], what: str
) -> Location:
    try:
        name, admin2 = str(raw["name"]), str(raw["admin2"])
        lat, lon = round(float(raw["lat"]), 4), round(float(raw["lon"]), 4)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{what}: bad location {raw!r}") from exc
    place = f"{name} ({admin2}, {admin1})"
    near = border.get(name, "")
    return Location(
        name,
        admin2,
        admin1,
        lat,
        lon,
        near,
        place,
        "in " + place,
        "near " + place,
        f" near the border with {near}" if near else "",
        f", close to the border with {near}" if near else "",
    )


def _admin1(
    raw: Mapping[str, Any], border: Mapping[str, str], grouped: set[str], what: str
) -> Admin1:
    name = str(raw["name"])
    locs = [_location(r, name, border, f"{what}/{name}") for r in raw.get("locations", [])]
    if not locs:
        raise ValueError(f"{what}/{name}: no locations")
    lat, lon = raw.get("centroid", (locs[0].lat, locs[0].lon))
    choice = Choice.of(((loc, 1.0) for loc in locs), f"{what}/{name}")
    group = name if name in grouped else ""
    return Admin1(
        name,
        (round(float(lat), 4), round(float(lon), 4)),
        choice,
        locs[0],
        group,
        f"{name} region",
        f"in {name} region",
    )


def _year_table(raw: Mapping[str, Any], size: int, what: str) -> dict[int, tuple[float, ...]]:
    out: dict[int, tuple[float, ...]] = {}
    for year, values in raw.items():
        if not isinstance(values, list) or len(values) != size:
            raise ValueError(f"{what}.{year}: expected a list of {size} numbers")
        out[int(year)] = tuple(float(v) for v in values)
    return out


def build_country(
    iso: str, index: int, geo: Mapping[str, Any], cal: Mapping[str, Any], topics: Sequence[str]
) -> Country:
    """Compile one country from its geography entry and calibration table."""
    what = f"countries.{iso}"
    border = {str(k): str(v) for k, v in cal.get("border", {}).items()}
    admin1_roles_raw: Mapping[str, Any] = cal.get("admin1_roles", {})
    admins = [_admin1(a, border, set(admin1_roles_raw), f"geography.{iso}") for a in geo["admin1"]]
    by_name = {a.name: a for a in admins}
    names = [a.name for a in admins]
    conflict = {a["name"]: float(a.get("weight", 0.0)) for a in geo["admin1"]}
    locations: dict[str, Location] = {}
    for admin in admins:
        for loc in admin.locations.items:
            if loc.name in locations:
                raise ValueError(f"geography.{iso}: duplicate location name {loc.name!r}")
            locations[loc.name] = loc
    missing = set(border) - set(locations)
    if missing:
        raise ValueError(f"{what}.border: unknown locations {sorted(missing)}")
    if set(admin1_roles_raw) - set(names):
        raise ValueError(
            f"{what}.admin1_roles: unknown admin1 {sorted(set(admin1_roles_raw) - set(names))}"
        )
    demo_raw = cal.get("demo_weights", {})
    return Country(
        iso=iso,
        index=index,
        name=str(geo.get("name", iso)),
        acled_name=str(cal.get("acled_name", geo.get("name", iso))),
        admin1=by_name,
        conflict_pick=Choice.of(
            ((by_name[n], w) for n, w in weights_table(names, {}, conflict, what)), what
        ),
        demo_pick=Choice.of(
            (
                (by_name[n], w)
                for n, w in weights_table(names, demo_raw, conflict, f"{what}.demo_weights")
            ),
            what,
        ),
        locations=locations,
        counts=_year_table(cal.get("counts", {}), len(TYPE_KEYS), f"{what}.counts"),
        monthly=_year_table(cal.get("monthly", {}), 12, f"{what}.monthly"),
        fatality_scale={int(y): float(v) for y, v in cal.get("fatality_scale", {}).items()},
        roles={k: role_spec(v, f"{what}.roles.{k}") for k, v in cal.get("roles", {}).items()},
        admin1_roles={
            a: {k: role_spec(v, f"{what}.admin1_roles.{a}.{k}") for k, v in table.items()}
            for a, table in admin1_roles_raw.items()
        },
        extra_dyads={k: tuple(v) for k, v in cal.get("dyads", {}).items()},
        topics=tuple(topics) + tuple(cal.get("topics", [])),
    )


def fatality_params(raw: Mapping[str, Any], what: str) -> FatalityParams:
    """Parse ``{p_zero, median, sigma, cap}``."""
    try:
        return FatalityParams(
            float(raw["p_zero"]), float(raw["median"]), float(raw["sigma"]), int(raw["cap"])
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{what}: expected p_zero, median, sigma and cap") from exc
