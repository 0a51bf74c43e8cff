"""Scripted episodes of the synthetic demo dataset (``[[episodes]]`` in synthetic.toml).

An episode is either a *window* (``start``/``end``/``count`` events at
weighted ``locations``) or a list of *one-off* events (``fixed = true`` with a
``schedule`` of ``{date, location}``).  Dates and places are real; the events
are synthetic.

Contract: :func:`build_episode` returns a validated :class:`Episode` or
raises ValueError/TypeError naming the episode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefer.core.demo.synth_model import (
    TYPE_KEYS,
    Choice,
    Country,
    FatalityParams,
    Location,
    fatality_params,
    to_date,
)


@dataclass(frozen=True, slots=True)
class Episode:
    """A scripted episode: a window of synthetic events or one-off events."""

    id: str
    index: int
    country: Country
    type_index: int
    fixed: bool
    start: dt.date
    end: dt.date
    count: float
    locations: Choice[Location] | None
    schedule: tuple[tuple[dt.date, Location], ...]
    dyads: tuple[Mapping[str, Any], ...]
    subs: Mapping[str, float]
    fatalities: FatalityParams | int | None
    geo_precision: int | None
    time_precision: int | None
    notes: Mapping[str, tuple[str, ...]]  # sub-event type (or "*") -> templates


def _episode_locations(country: Country, raw: Mapping[str, Any], what: str) -> Choice[Location]:
    unknown = set(raw) - set(country.locations)
    if unknown:
        raise ValueError(f"{what}.locations: unknown in {country.iso}: {sorted(unknown)}")
    return Choice.of(((country.locations[k], float(w)) for k, w in raw.items()), what)


def _episode_schedule(
    country: Country, raw: Sequence[Mapping[str, Any]], what: str
) -> tuple[tuple[dt.date, Location], ...]:
    out = []
    for item in raw:
        name = str(item.get("location", ""))
        if name not in country.locations:
            raise ValueError(f"{what}.schedule: unknown location {name!r} in {country.iso}")
        out.append((to_date(item.get("date"), f"{what}.schedule"), country.locations[name]))
    if not out:
        raise ValueError(f"{what}: fixed episode without schedule")
    return tuple(out)


def _episode_notes(raw: object, what: str) -> dict[str, tuple[str, ...]]:
    """Notes as ``{sub_event: templates}``; a plain list applies to every sub-event ("*")."""
    if isinstance(raw, list):
        table = {"*": raw}
    elif isinstance(raw, dict):
        table = raw
    else:
        raise TypeError(f"{what}: notes must be a list or a table of lists")
    out = {str(k): tuple(str(t) for t in v) for k, v in table.items() if v}
    if not out:
        raise ValueError(f"{what}: at least one notes template is required")
    return out


def build_episode(raw: Mapping[str, Any], index: int, countries: Mapping[str, Country]) -> Episode:
    """Compile one ``[[episodes]]`` entry."""
    what = f"episodes[{raw.get('id', index)}]"
    country = countries.get(str(raw.get("country")))
    if country is None:
        raise ValueError(f"{what}: unknown country {raw.get('country')!r}")
    etype = str(raw.get("event_type"))
    if etype not in TYPE_KEYS:
        raise ValueError(f"{what}: unknown event_type {etype!r}")
    fixed = bool(raw.get("fixed", False))
    if not fixed and float(raw.get("count", 0)) < 0:
        raise ValueError(f"{what}: negative count")
    schedule = _episode_schedule(country, raw.get("schedule", []), what) if fixed else ()
    start = min(d for d, _ in schedule) if fixed else to_date(raw.get("start"), f"{what}.start")
    end = max(d for d, _ in schedule) if fixed else to_date(raw.get("end"), f"{what}.end")
    fat_raw = raw.get("fatalities")
    fat: FatalityParams | int | None = (
        int(fat_raw)
        if isinstance(fat_raw, int)
        else fatality_params(fat_raw, f"{what}.fatalities")
        if isinstance(fat_raw, dict)
        else None
    )
    notes = _episode_notes(raw.get("notes"), what)
    subs = {str(k): float(v) for k, v in raw.get("subs", {}).items()}
    missing = [sub for sub in subs if sub not in notes and "*" not in notes]
    if missing:
        raise ValueError(f"{what}: no notes template for {missing}")
    return Episode(
        id=str(raw.get("id", index)),
        index=index,
        country=country,
        type_index=TYPE_KEYS.index(etype),
        fixed=fixed,
        start=start,
        end=end,
        count=float(raw.get("count", 0)),
        locations=None if fixed else _episode_locations(country, raw.get("locations", {}), what),
        schedule=schedule,
        dyads=tuple(raw.get("dyads", [])),
        subs=subs,
        fatalities=fat,
        geo_precision=raw.get("geo_precision"),
        time_precision=raw.get("time_precision"),
        notes=notes,
    )
