"""Actors, roles and dyad tables of the synthetic demo dataset.

:func:`build_model` compiles the geography and calibration into a
:class:`Model`.  Actor names change over time (e.g. Niger's state forces on
26 July 2023), so the period is cut into *segments* at every date where an
actor or a dyad starts or stops being valid; dyad tables are compiled lazily
per (country, admin1 role group, event type, segment) and cached.

Contract: every table returned by :meth:`Model.dyad_table` only contains
actors valid on every day of the segment it was built for.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from briefer.core.demo.synth_episodes import Episode, build_episode
from briefer.core.demo.synth_model import (
    AUTO_ROLES,
    TYPE_KEYS,
    Admin1,
    Choice,
    Country,
    FatalityParams,
    build_country,
    fatality_params,
    to_date,
)

_MIN_ORD = dt.date.min.toordinal()
_MAX_ORD = dt.date.max.toordinal()


@dataclass(frozen=True, slots=True)
class Actor:
    """An ACLED actor, valid from ``start`` to ``end`` (inclusive ordinals)."""

    key: str
    name: str
    short: str
    start: int
    end: int
    civilian: bool  # actor2 of this kind makes a political-violence event "Civilian targeting"


EMPTY = Actor("", "", "", _MIN_ORD, _MAX_ORD, False)
_EMPTY_CHOICE: Choice[Actor] = Choice.of([(EMPTY, 1.0)], "empty actor")


@dataclass(frozen=True, slots=True)
class Dyad:
    """Resolved actor choices and sub-event mix for one who-does-what-to-whom template."""

    a1: Choice[Actor]
    as1: Choice[Actor]
    a2: Choice[Actor]
    as2: Choice[Actor]
    subs: Choice[str]


@dataclass(frozen=True, slots=True)
class EventType:
    """One ACLED event type with its defaults."""

    key: str
    index: int
    name: str
    disorder: str
    demo_geography: bool
    subs: Mapping[str, float]
    fatalities: FatalityParams


def make_actor(key: str, raw: Mapping[str, Any]) -> Actor:
    """Build an :class:`Actor` from ``{name, short, from?, until?}``."""
    name = str(raw.get("name", ""))
    if not name:
        raise ValueError(f"actors.{key}: missing name")
    start = to_date(raw["from"], f"actors.{key}.from").toordinal() if "from" in raw else _MIN_ORD
    end = to_date(raw["until"], f"actors.{key}.until").toordinal() if "until" in raw else _MAX_ORD
    civilian = name.startswith(("Civilians (", "Protesters ("))
    return Actor(key, name, str(raw.get("short", name)), start, end, civilian)


def _validity(raw: Mapping[str, Any], what: str) -> tuple[int, int]:
    start = to_date(raw["from"], f"{what}.from").toordinal() if "from" in raw else _MIN_ORD
    end = to_date(raw["until"], f"{what}.until").toordinal() if "until" in raw else _MAX_ORD
    return start, end


@dataclass
class Model:
    """Everything the generator needs, compiled once per call."""

    start: dt.date
    end: dt.date
    meta: Mapping[str, Any]
    types: tuple[EventType, ...]
    disorder_overrides: Mapping[str, str]
    sub_fatalities: Mapping[str, FatalityParams]
    actors: Mapping[str, Actor]
    countries: tuple[Country, ...]
    global_dyads: Mapping[str, tuple[Mapping[str, Any], ...]]
    crowds: tuple[str, ...]
    episodes: tuple[Episode, ...] = ()
    boundaries: tuple[int, ...] = ()
    local_segments: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _auto: dict[tuple[str, str], Actor] = field(default_factory=dict)
    _cache: dict[tuple[object, ...], Choice[Dyad] | None] = field(default_factory=dict)
    _actor_choices: dict[tuple[object, ...], Choice[Actor] | None] = field(default_factory=dict)
    _dyad_spans: dict[int, tuple[Mapping[str, Any], int, int]] = field(default_factory=dict)
    _dyad_subs: dict[int, tuple[Mapping[str, float], Choice[str]]] = field(default_factory=dict)

    # -- time segments -------------------------------------------------------
    def segment(self, ordinal: int) -> int:
        """Index of the validity segment containing the day *ordinal*."""
        return bisect_right(self.boundaries, ordinal)

    def segment_start(self, seg: int) -> int:
        """First day (ordinal) of segment *seg*."""
        return self.start.toordinal() if seg == 0 else self.boundaries[seg - 1]

    def local_segment(self, country: Country, seg: int) -> int:
        """Index of the segment of *country* containing global segment *seg*.

        Only cuts that matter to the country (its actors and dyads) separate
        its local segments, so tables are compiled once per local segment.
        """
        return self.local_segments[country.iso][seg]

    # -- roles ---------------------------------------------------------------
    def _role_pairs(
        self, country: Country, group: str, role: str, day: int
    ) -> list[tuple[Actor, float]] | None:
        spec = country.admin1_roles.get(group, {}).get(role) if group else None
        if spec is None:
            spec = country.roles.get(role)
        if spec is None:
            if role in AUTO_ROLES:
                return [(self._auto[(country.iso, role)], 1.0)]
            if role not in self.actors:
                return None
            spec = {role: 1.0}
        pairs: list[tuple[Actor, float]] = []
        for key, weight in spec.items():
            actor = EMPTY if key == "" else self.actors.get(key)
            if actor is None:
                raise ValueError(
                    f"countries.{country.iso}: role {role!r} names unknown actor {key!r}"
                )
            if actor.start <= day <= actor.end:
                pairs.append((actor, weight))
        return pairs

    def actors_for(
        self, country: Country, group: str, role: object, day: int, required: bool
    ) -> Choice[Actor] | None:
        """Actors playing *role* on *day*; ``None`` if a required role is absent."""
        if role is None or role == "":
            return None if required else _EMPTY_CHOICE
        key = (country.iso, group, role, day, required)
        if key not in self._actor_choices:
            self._actor_choices[key] = self._actors_for(country, group, str(role), day, required)
        return self._actor_choices[key]

    def _actors_for(
        self, country: Country, group: str, role: str, day: int, required: bool
    ) -> Choice[Actor] | None:
        pairs = self._role_pairs(country, group, role, day)
        if required:
            pairs = [(a, w) for a, w in pairs or [] if a is not EMPTY]
        if not pairs:
            return None if required else _EMPTY_CHOICE
        return Choice.of(pairs, f"{country.iso}/{role}")

    # -- dyads ---------------------------------------------------------------
    def _dyad(
        self,
        country: Country,
        group: str,
        raw: Mapping[str, Any],
        subs: Mapping[str, float],
        day: int,
    ) -> Dyad | None:
        span = self._dyad_spans.get(id(raw))
        if span is None or span[0] is not raw:  # parsed once per dyad, not once per segment
            span = self._dyad_spans[id(raw)] = (raw, *_validity(raw, f"dyad {dict(raw)!r}"))
        if not span[1] <= day <= span[2]:
            return None
        a1 = self.actors_for(country, group, raw.get("a1"), day, True)
        a2 = (
            self.actors_for(country, group, raw.get("a2"), day, True)
            if raw.get("a2")
            else _EMPTY_CHOICE
        )
        if a1 is None or a2 is None:
            return None
        as1 = self.actors_for(country, group, raw.get("as1"), day, False) or _EMPTY_CHOICE
        as2 = self.actors_for(country, group, raw.get("as2"), day, False) or _EMPTY_CHOICE
        mix = raw.get("subs") or subs
        mixed = self._dyad_subs.get(id(mix))
        if mixed is None or mixed[0] is not mix:
            mixed = self._dyad_subs[id(mix)] = (mix, Choice.of(mix.items(), f"subs of {dict(raw)!r}"))
        return Dyad(a1, as1, a2, as2, mixed[1])

    def _table(
        self,
        country: Country,
        group: str,
        raws: tuple[Mapping[str, Any], ...],
        subs: Mapping[str, float],
        seg: int,
    ) -> Choice[Dyad] | None:
        day = self.segment_start(seg)
        pairs = []
        for raw in raws:
            dyad = self._dyad(country, group, raw, subs, day)
            if dyad is not None:
                pairs.append((dyad, float(raw.get("w", 1.0))))
        return Choice.of(pairs, "dyads") if any(w > 0 for _, w in pairs) else None

    def dyad_table(
        self, country: Country, admin1: Admin1, type_index: int, seg: int
    ) -> Choice[Dyad]:
        """Background dyads for an event of *type_index* in *admin1* (cached).

        Falls back to the country-wide roles when the admin1 overrides leave no
        usable dyad; raises ValueError if the country has none either.
        """
        key = (country.iso, admin1.group, type_index, self.local_segment(country, seg))
        if key not in self._cache:
            etype = self.types[type_index]
            raws = self.global_dyads.get(etype.key, ()) + country.extra_dyads.get(etype.key, ())
            table = self._table(country, admin1.group, raws, etype.subs, seg)
            if table is None and admin1.group:
                table = self._table(country, "", raws, etype.subs, seg)
            self._cache[key] = table
        table = self._cache[key]
        if table is None:
            raise ValueError(
                f"countries.{country.iso}: no usable dyad for {self.types[type_index].name}"
            )
        return table

    def episode_table(self, episode: Episode, admin1: Admin1, seg: int) -> Choice[Dyad]:
        """Dyads of *episode* for an event in *admin1* during *seg* (cached)."""
        key = ("episode", episode.index, admin1.group, self.local_segment(episode.country, seg))
        if key not in self._cache:
            subs = episode.subs or self.types[episode.type_index].subs
            self._cache[key] = self._table(episode.country, admin1.group, episode.dyads, subs, seg)
        table = self._cache[key]
        if table is None:
            raise ValueError(
                f"episodes[{episode.id}]: no usable dyad (actor not valid on these dates?)"
            )
        return table


def _types(cal: Mapping[str, Any]) -> tuple[EventType, ...]:
    out = []
    for index, key in enumerate(TYPE_KEYS):
        raw = cal.get("event_types", {}).get(key)
        fat = cal.get("fatalities", {}).get(key)
        if raw is None or fat is None:
            raise ValueError(f"event_types.{key} and fatalities.{key} are required")
        out.append(
            EventType(
                key,
                index,
                str(raw["name"]),
                str(raw["disorder"]),
                raw.get("geography") == "demonstrations",
                {str(k): float(v) for k, v in raw.get("subs", {}).items()},
                fatality_params(fat, f"fatalities.{key}"),
            )
        )
    return tuple(out)


def _boundaries(model: Model, cal: Mapping[str, Any]) -> tuple[int, ...]:
    cuts: set[int] = set()
    for actor in model.actors.values():
        cuts.update((actor.start, actor.end + 1))
    raws = [d for ds in model.global_dyads.values() for d in ds]
    raws += [d for c in model.countries for ds in c.extra_dyads.values() for d in ds]
    raws += [d for e in model.episodes for d in e.dyads]
    for raw in raws:
        lo, hi = _validity(raw, "dyad")
        cuts.update((lo, hi + 1))
    first, last = model.start.toordinal(), model.end.toordinal()
    return tuple(sorted(c for c in cuts if first < c <= last))


def _actor_keys(spec: object) -> set[str]:
    if isinstance(spec, str):
        return {spec}
    if isinstance(spec, (list, tuple)):
        return {str(k) for k in spec}
    if isinstance(spec, Mapping):
        return {str(k) for k in spec}
    return set()


def _local_segments(model: Model, country: Country) -> tuple[int, ...]:
    """Map each global segment to the index of the country's own segment."""
    keys: set[str] = set()
    for spec in list(country.roles.values()) + [
        v for t in country.admin1_roles.values() for v in t.values()
    ]:
        keys |= _actor_keys(spec)
    raws = [d for ds in model.global_dyads.values() for d in ds]
    raws += [d for ds in country.extra_dyads.values() for d in ds]
    raws += [d for e in model.episodes if e.country is country for d in e.dyads]
    cuts: set[int] = set()
    for raw in raws:
        keys |= {str(raw[r]) for r in ("a1", "as1", "a2", "as2") if r in raw}
        lo, hi = _validity(raw, "dyad")
        cuts.update((lo, hi + 1))
    for key in keys & set(model.actors):
        cuts.update((model.actors[key].start, model.actors[key].end + 1))
    local = sorted(c for c in cuts if c in set(model.boundaries))
    return tuple(
        bisect_right(local, model.segment_start(s)) for s in range(len(model.boundaries) + 1)
    )


def _check_episodes(model: Model) -> None:
    first, last = model.start, model.end
    for ep in model.episodes:
        if not first <= ep.start <= ep.end <= last:
            raise ValueError(f"episodes[{ep.id}]: dates must lie within {first}..{last}")
        places = [loc for _, loc in ep.schedule] or list(ep.locations.items if ep.locations else ())
        for loc in places:
            admin1 = ep.country.admin1[loc.admin1]
            for day in (ep.start, ep.end):
                model.episode_table(ep, admin1, model.segment(day.toordinal()))


def build_model(geography: Mapping[str, Any], calibration: Mapping[str, Any]) -> Model:
    """Validate and compile *geography* and *calibration* into a :class:`Model`."""
    meta = calibration.get("meta", {})
    if list(meta.get("type_order", TYPE_KEYS)) != list(TYPE_KEYS):
        raise ValueError(f"meta.type_order must be {list(TYPE_KEYS)}")
    start = to_date(meta.get("period_start"), "meta.period_start")
    end = to_date(meta.get("period_end"), "meta.period_end")
    if end < start:
        raise ValueError("meta.period_end is before meta.period_start")
    topics = calibration.get("topics", {})
    countries = []
    for index, iso in enumerate(calibration.get("countries", {})):
        if iso not in geography:
            raise ValueError(f"countries.{iso}: not in geography")
        countries.append(
            build_country(
                iso, index, geography[iso], calibration["countries"][iso], topics.get("default", [])
            )
        )
    model = Model(
        start=start,
        end=end,
        meta=meta,
        types=_types(calibration),
        disorder_overrides={
            str(k): str(v) for k, v in calibration.get("disorder_overrides", {}).items()
        },
        sub_fatalities={
            k: fatality_params(v, f"fatalities.sub.{k}")
            for k, v in calibration.get("fatalities", {}).get("sub", {}).items()
        },
        actors={k: make_actor(k, v) for k, v in calibration.get("actors", {}).items()},
        countries=tuple(countries),
        global_dyads={k: tuple(v) for k, v in calibration.get("dyads", {}).items()},
        crowds=tuple(topics.get("crowds", ["residents"])),
    )
    for country in model.countries:
        for role, (pattern, short) in AUTO_ROLES.items():
            raw = {"name": pattern.format(c=country.acled_name), "short": short}
            model._auto[(country.iso, role)] = make_actor(f"{role}:{country.iso}", raw)
    by_iso = {c.iso: c for c in model.countries}
    model.episodes = tuple(
        build_episode(raw, i, by_iso) for i, raw in enumerate(calibration.get("episodes", []))
    )
    model.boundaries = _boundaries(model, calibration)
    model.local_segments = {c.iso: _local_segments(model, c) for c in model.countries}
    _check_episodes(model)
    return model
