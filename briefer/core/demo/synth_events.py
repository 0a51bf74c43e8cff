"""The hot loop that turns a :class:`~briefer.core.demo.synth_plan.Plan` into records.

Speed matters (the benchmark asks for a million records), so everything that
can be decided once is precomputed (see :mod:`briefer.core.demo.synth_profiles`):
one weighted draw picks a whole *profile* (actors, sub-event, templates,
fatality parameters), another a whole *place* (admin1, location, geo and
time precision, source scale).  Fatalities are drawn along two Weyl
sequences per (country, year, distribution) rather than with ``rnd()``, which
stratifies the draws and keeps yearly fatality totals stable across seeds.

Contract: for a given model, RNG state and plan the records are identical on
every run; each record is a tuple of the values of ``EVENT_KEYS``, in that order (plain tuples:
the demo build inserts them without building a dict per event).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from bisect import bisect
from collections.abc import Iterator
from typing import Any

from briefer.core.demo.synth_episodes import Episode
from briefer.core.demo.synth_model import Admin1, Choice, Country, Location
from briefer.core.demo.synth_plan import Plan
from briefer.core.demo.synth_profiles import (
    FAT_TEXTS,
    Z_SIZE,
    Part,
    Place,
    Profile,
    build_profiles,
    fatality_texts,
    meta_choice,
    normal_quantiles,
    weights,
)
from briefer.core.demo.synth_tables import Model
from briefer.core.demo.synth_text import DayText, day_text, fatality_text

#: Fields of every generated record, in this order.
EVENT_KEYS: tuple[str, ...] = (
    "external_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting",
    "country_iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp",
)
_PHI = (math.sqrt(5.0) - 1.0) / 2.0  # golden-ratio step of the fatality quantile sequence
_SQRT2 = math.sqrt(2.0) - 1.0  # step of the zero / non-zero fatality sequence


class EventStream:
    """Generates the records of a plan; one instance per :func:`generate_events` call."""

    def __init__(self, model: Model, rng: random.Random) -> None:
        meta = model.meta
        self.model, self.rnd = model, rng.random
        self.geo = meta_choice(meta.get("geo_precision", {"1": 1}), "meta.geo_precision")
        self.tp = meta_choice(meta.get("time_precision", {"1": 1}), "meta.time_precision")
        self.ss = weights(
            Choice.of(meta.get("source_scale", {"National": 1}).items(), "meta.source_scale")
        )
        self.jitter = float(meta.get("near_jitter_deg", 0.1))
        lo, hi = meta.get("report_delay_days", [2, 12])
        self.delay_lo, self.delay_span = float(lo) * 86400, float(hi - lo) * 86400
        self.border_p = float(meta.get("border_phrase_probability", 0.3))
        self.source = str(meta.get("source", "briefer synthetic demo data (not real events)"))
        self.prefix = str(meta.get("note_prefix", "[SYNTHETIC] "))
        self.id_prefix = str(meta.get("id_prefix", "SYN"))
        self.counters: dict[tuple[str, int], int] = {}
        self.fatality_offset = rng.random()
        self.fatality_streams: dict[tuple[str, int], dict[tuple[float, ...], list[int]]] = {}
        self.profile_cache: dict[tuple[Any, ...], dict[str, Choice[Profile]]] = {}
        self.place_cache: dict[tuple[Any, ...], Choice[Place]] = {}

    def _places(
        self,
        key: tuple[Any, ...],
        locations: list[tuple[tuple[Admin1, Location], float]],
        geo: int | None,
        tp: int | None,
    ) -> Choice[Place]:
        """Cached choice of (admin1, location, geo precision, time precision, source scale)."""
        if key not in self.place_cache:
            geos = [(geo, 1.0)] if geo else self.geo
            tps = [(tp, 1.0)] if tp else self.tp
            pairs = [
                ((a, loc, g, t, s), wl * wg * wt * ws)
                for (a, loc), wl in locations
                for g, wg in geos
                for t, wt in tps
                for s, ws in self.ss
            ]
            self.place_cache[key] = Choice.of(pairs, str(key))
        return self.place_cache[key]

    def rows(self, plan: Plan) -> Iterator[tuple[object, ...]]:
        """Yield every record of *plan* as a tuple of values in ``EVENT_KEYS`` order, day by day."""
        model, first = self.model, self.model.start.toordinal()
        for d, (background, episodes) in enumerate(zip(plan.background, plan.episodes)):
            if not background and not episodes:
                continue
            ordinal = first + d
            day, seg = day_text(dt.date.fromordinal(ordinal)), model.segment(ordinal)
            parts: list[Part] = []
            for i, (ci, ti, n) in enumerate(background):
                parts.append(self._background(day, seg, model.countries[ci], ti, n))
                if i + 1 == len(background) or background[i + 1][0] != ci:
                    yield from self._batch(day, model.countries[ci], parts)
                    parts = []
            for ei, k in episodes:
                ep = model.episodes[ei]
                yield from self._batch(day, ep.country, [self._episode(day, seg, ep, k)])

    def _background(self, day: DayText, seg: int, country: Country, ti: int, n: int) -> Part:
        """The batch part for *n* ordinary events of type *ti* in *country*."""
        etype = self.model.types[ti]
        cache = self.profile_cache.setdefault(
            (country.iso, ti, self.model.local_segment(country, seg)), {}
        )

        def fill(admin1: Admin1) -> Choice[Profile]:
            table = self.model.dyad_table(country, admin1, ti, seg)
            cache[admin1.group] = build_profiles(self.model, etype, table, None, None)
            return cache[admin1.group]

        demo = etype.demo_geography
        key = (country.iso, demo)
        if key not in self.place_cache:
            admins = weights(country.demo_pick if demo else country.conflict_pick)
            locations = [
                ((a, loc), wa * wl) for a, wa in admins for loc, wl in weights(a.locations)
            ]
            self._places(key, locations, None, None)
        scale = country.fatality_scale.get(day.year, 1.0)
        return n, self.place_cache[key], cache, fill, scale

    def _episode(self, day: DayText, seg: int, ep: Episode, k: int) -> Part:
        """The batch part for one event of episode *ep* (*k*: schedule index or -1)."""
        etype = self.model.types[ep.type_index]
        cache = self.profile_cache.setdefault(
            ("episode", ep.index, self.model.local_segment(ep.country, seg)), {}
        )

        def fill(admin1: Admin1) -> Choice[Profile]:
            table = self.model.episode_table(ep, admin1, seg)
            cache[admin1.group] = build_profiles(self.model, etype, table, ep.notes, ep.fatalities)
            return cache[admin1.group]

        key = ("episode", ep.index, k)
        if key not in self.place_cache:
            places = [(ep.schedule[k][1], 1.0)] if k >= 0 else weights(ep.locations)  # type: ignore[arg-type]
            locations = [((ep.country.admin1[p.admin1], p), w) for p, w in places]
            self._places(key, locations, ep.geo_precision, ep.time_precision)
        scale = 1.0 if ep.fatalities is not None else ep.country.fatality_scale.get(day.year, 1.0)
        return 1, self.place_cache[key], cache, fill, scale

    def _batch(
        self, day: DayText, country: Country, parts: list[Part]
    ) -> Iterator[tuple[object, ...]]:
        """Yield the records of *parts*, all in one country on one day (the hot loop)."""
        rnd, exp, z = self.rnd, math.exp, normal_quantiles()
        jit, jit2, border_p = self.jitter, 2.0 * self.jitter, self.border_p
        crowds, topics = self.model.crowds, country.topics or ("",)
        n_crowds, n_topics = len(crowds), len(topics)
        iso, year, when, date, epoch = country.iso, day.year, day.when, day.iso, day.epoch
        source, prefix, d_lo, d_span = self.source, self.prefix, self.delay_lo, self.delay_span
        id_head = f"{self.id_prefix}-{iso}-{year}-"
        counters, ckey = self.counters, (iso, year)
        serial = counters.get(ckey, 0)
        fat_pv, fat_other = fatality_texts()
        f_off = self.fatality_offset
        streams = self.fatality_streams.setdefault(ckey, {})
        try:
            for n, places, cache, fill, fscale in parts:
                l_items, l_cum, l_total = places.items, places.cum, places.total
                for _ in range(n):
                    admin1, loc, geo, tp, ss = l_items[bisect(l_cum, rnd() * l_total)]
                    ptab = cache.get(admin1.group) or fill(admin1)
                    (
                        a1,
                        as1,
                        a2,
                        as2,
                        sub,
                        disorder,
                        civ,
                        political,
                        tmpls,
                        a1s,
                        a2s,
                        p0,
                        med,
                        sigma,
                        cap,
                        demo,
                        ename,
                        sid,
                    ) = ptab.items[bisect(ptab.cum, rnd() * ptab.total)]
                    if geo == 1:
                        lat, lon, place, where = loc.lat, loc.lon, loc.place, loc.where_in
                    elif geo == 2:
                        lat = round(loc.lat + rnd() * jit2 - jit, 4)
                        lon = round(loc.lon + rnd() * jit2 - jit, 4)
                        place, where = loc.place, loc.where_near
                    else:
                        (lat, lon), loc = admin1.centroid, admin1.capital
                        place, where = admin1.region, admin1.region_in
                    border = loc.border_phrase
                    if border:
                        if geo == 3 or rnd() >= border_p:
                            border = ""
                        elif geo == 2:
                            border = loc.border_phrase_near
                    if p0 >= 1.0:
                        fat = 0
                    else:
                        # Two Weyl sequences per (country, year, distribution) instead of rnd():
                        # stratified draws keep yearly fatality totals stable across seeds.
                        stream = streams.get(sid)
                        if stream is None:
                            stream = streams[sid] = [0, 0]
                        m = stream[0] = stream[0] + 1
                        if (f_off + m * _SQRT2) % 1.0 < p0:
                            fat = 0
                        else:
                            k = stream[1] = stream[1] + 1
                            fat = int(
                                med
                                * fscale
                                * exp(sigma * z[int((f_off + k * _PHI) % 1.0 * Z_SIZE)])
                                + 0.5
                            )
                            fat = 1 if fat < 1 else (min(fat, cap))
                    tmpl = tmpls[0] if len(tmpls) == 1 else tmpls[int(rnd() * len(tmpls))]
                    if demo:
                        crowd, topic = crowds[int(rnd() * n_crowds)], topics[int(rnd() * n_topics)]
                    else:
                        crowd = topic = ""
                    if fat < FAT_TEXTS:
                        ftext = fat_pv[fat] if political else fat_other[fat]
                    else:
                        ftext = " " + fatality_text(fat, political)
                    serial += 1
                    yield (  # in EVENT_KEYS order
                        f"{id_head}{serial:06d}", date, tp, disorder, ename, sub,
                        a1, as1, a2, as2, civ,  # actors, civilian targeting
                        iso, admin1.name, loc.admin2, loc.name, lat, lon, geo,  # where
                        source, ss,
                        prefix + tmpl.format(when[tp], where, place, border, a1s, a2s, ftext, crowd, topic),
                        fat, epoch + int(d_lo + rnd() * d_span),  # fatalities, timestamp
                    )
        finally:
            counters[ckey] = serial
