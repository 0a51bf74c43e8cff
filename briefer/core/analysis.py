"""Selection queries and aggregates, done in SQL over the selection index `event_index`.

Contract: `analyse(store, selection)` reads the events of ONE dataset (the selection's, or the one
with most events in it) for the selection's countries, period and topic, and returns counts and
fatalities by day, event type, admin1 and actor, precision shares, the most serious incidents and
the same totals for the previous period of equal length. Datasets are never summed together.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from briefer.core.aliases import actor_names
from briefer.core.domain import Change, Dataset, Incident, MapPoint, Period, Selection
from briefer.core.errors import SelectionError
from briefer.core.store import reads
from briefer.core.store.db import Store

SMALL_BASELINE = 10  # below this many events in the baseline, no percentage is printed


@dataclass(frozen=True)
class Totals:
    events: int = 0
    fatalities: int = 0
    civilian_events: int = 0
    civilian_fatalities: int = 0


@dataclass(frozen=True)
class Analysis:
    selection: Selection
    dataset: Dataset | None
    totals: Totals
    previous: Totals
    by_day: dict[dt.date, tuple[int, int]]
    by_type: list[tuple[str, int, int]]
    by_admin1: list[tuple[str, str, int, int]]
    by_actor: list[tuple[str, int, int]]
    by_country: dict[str, Totals]
    previous_by_country: dict[str, Totals]
    context: Totals
    context_previous: Totals
    low_geo: int
    low_time: int
    incidents: list[Incident] = field(default_factory=list)
    other_datasets: list[Dataset] = field(default_factory=list)


def topic_bit(store: Store, slug: str) -> int:
    """The bit of topic `slug`, or SelectionError listing the known topics."""
    topics = {t.slug: t.bit for t in reads.topics(store)}
    if slug not in topics:
        raise SelectionError.of("sel-unknown-topic", slug=slug, known=", ".join(topics))
    return topics[slug]


def _where(selection: Selection, bit: int, period: Period, dataset_id: int | None) -> tuple[str, list[Any]]:
    """The WHERE clause on `event_index` for a topic bit (or the context bit), countries and period."""
    marks = ",".join("?" * len(selection.countries))
    sql = f"bit = ? AND country_iso3 IN ({marks}) AND event_date BETWEEN ? AND ?"
    params: list[Any] = [bit, *selection.countries, period.start.isoformat(), period.end.isoformat()]
    if dataset_id is not None:
        sql += " AND dataset_id = ?"
        params.append(dataset_id)
    return sql, params


def datasets_in(store: Store, selection: Selection, bit: int) -> list[tuple[int, int]]:
    """(dataset id, event count) in the selection, most events first."""
    where, params = _where(selection, bit, selection.period, None)
    sql = f"SELECT dataset_id, sum(events) FROM topic_daily WHERE {where} GROUP BY dataset_id ORDER BY 2 DESC, 1"
    return [(r[0], r[1]) for r in store.db.execute(sql, params).fetchall()]


def analyse(store: Store, selection: Selection, incidents: int = 15, previous: Period | None = None) -> Analysis:
    """Aggregate the selection (see module contract). `previous` is the comparison period, ending
    the day before the selection's period starts (default: the same length as the period)."""
    bit = topic_bit(store, selection.topic)
    present = datasets_in(store, selection, bit)
    dataset_id = selection.dataset_id or (present[0][0] if present else None)
    others = [reads.dataset(store, d) for d, _ in present if d != dataset_id]
    if dataset_id is None:
        return _empty(selection)
    where, params = _where(selection, bit, selection.period, dataset_id)
    days, types, admin1, countries, low_geo, low_time = _main_pass(store, where, params)
    previous = previous or selection.period.previous()
    before = _totals(store, selection, bit, previous, dataset_id)
    context, context_before = _context(store, selection, dataset_id, previous)
    return Analysis(
        selection=selection,
        dataset=reads.dataset(store, dataset_id),
        totals=_sum_totals(countries.values()),
        previous=_sum_totals(before.values()),
        by_day=days,
        by_type=sorted(((t, n, f) for t, (n, f) in types.items()), key=lambda r: (-r[1], r[0])),
        by_admin1=sorted(((c, a, n, f) for (c, a), (n, f) in admin1.items()), key=lambda r: (-r[2], r[1])),
        by_actor=_actors(store, where, params),
        by_country=countries,
        previous_by_country=before,
        context=context,
        context_previous=context_before,
        low_geo=low_geo,
        low_time=low_time,
        incidents=_incidents(store, where, params, incidents),
        other_datasets=others,
    )


def _empty(selection: Selection) -> Analysis:
    return Analysis(selection, None, Totals(), Totals(), {}, [], [], [], {}, {}, Totals(), Totals(), 0, 0)


def _main_pass(store: Store, where: str, params: list[Any]) -> tuple[Any, ...]:
    """Three small GROUP BYs over the selection's daily aggregates: by day, by type, by region."""
    def rows(group: str, extra: str = "") -> list[tuple[Any, ...]]:
        sql = f"SELECT {group}, sum(events), sum(fatalities){extra} FROM topic_daily WHERE {where} GROUP BY {group}"
        return store.db.execute(sql, params).fetchall()

    days = {dt.date.fromisoformat(d): (n, f) for d, n, f in rows("event_date")}
    types = {t: (n, f) for t, n, f in rows("event_type")}
    admin1: dict[tuple[str, str], tuple[int, int]] = {}
    countries: dict[str, list[int]] = {}
    low_geo = low_time = 0
    extra = (", sum(low_geo), sum(low_time), sum(CASE WHEN event_type = 'Violence against civilians' THEN events "
             "ELSE 0 END), sum(CASE WHEN event_type = 'Violence against civilians' THEN fatalities ELSE 0 END)")
    for iso3, adm, n, fat, geo, tim, civ_n, civ_f in rows("country_iso3, admin1", extra):
        admin1[(iso3, adm)] = (n, fat)
        _add(countries, iso3, n, fat, civ_n, civ_f)
        low_geo, low_time = low_geo + geo, low_time + tim
    return days, types, admin1, {k: Totals(*v) for k, v in sorted(countries.items())}, low_geo, low_time


def _add(table: dict[Any, list[int]], key: Any, *values: int) -> None:
    row = table.setdefault(key, [0] * len(values))
    for i, value in enumerate(values):
        row[i] += value


def _sum_totals(rows: Any) -> Totals:
    rows = list(rows)
    return Totals(*(sum(getattr(r, f) for r in rows) for f in ("events", "fatalities", "civilian_events", "civilian_fatalities")))


def _totals(store: Store, selection: Selection, bit: int, period: Period, dataset_id: int) -> dict[str, Totals]:
    """Totals per country for `period`."""
    where, params = _where(selection, bit, period, dataset_id)
    sql = f"""SELECT country_iso3, sum(events), sum(fatalities),
                     sum(CASE WHEN event_type = 'Violence against civilians' THEN events ELSE 0 END),
                     sum(CASE WHEN event_type = 'Violence against civilians' THEN fatalities ELSE 0 END)
              FROM topic_daily WHERE {where} GROUP BY country_iso3"""
    return {r[0]: Totals(*r[1:]) for r in store.db.execute(sql, params).fetchall()}


def _context(store: Store, selection: Selection, dataset_id: int, previous: Period) -> tuple[Totals, Totals]:
    """Political violence (battles, explosions, violence against civilians) whatever the topic,
    for the period and the `previous` one (just before it): the security context a topic sits in."""
    period = selection.period
    marks = ",".join("?" * len(selection.countries))
    sql = f"""SELECT event_date >= ?, sum(events), sum(fatalities),
                     coalesce(sum(CASE WHEN event_type = 'Violence against civilians' THEN events END), 0),
                     coalesce(sum(CASE WHEN event_type = 'Violence against civilians' THEN fatalities END), 0)
              FROM context_daily
              WHERE country_iso3 IN ({marks}) AND event_date BETWEEN ? AND ? AND dataset_id = ?
              GROUP BY 1"""
    params = [period.start.isoformat(), *selection.countries, previous.start.isoformat(),
              period.end.isoformat(), dataset_id]
    found = {bool(r[0]): Totals(*r[1:]) for r in store.db.execute(sql, params).fetchall()}
    return found.get(True, Totals()), found.get(False, Totals())


def _actors(store: Store, where: str, params: list[Any], limit: int = 10) -> list[tuple[str, int, int]]:
    """Actors by number of events they took part in (as actor 1 or 2), with those events' fatalities;
    actors under the names briefings show (the store's actor aliases)."""
    sql = f"SELECT actor1, actor2, count(*), sum(fatalities) FROM event_index WHERE {where} GROUP BY 1, 2"
    table: dict[str, list[int]] = {}
    shown = actor_names(store)
    for first, second, n, fatalities in store.db.execute(sql, params):
        for actor in {shown(first), shown(second)} - {""}:
            _add(table, actor, n, fatalities or 0)
    ranked = sorted(table.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    return [(actor, n, f) for actor, (n, f) in ranked]


def list_events(store: Store, selection: Selection, limit: int = 10_000) -> list[Incident]:
    """The selection's events (its dataset's, as `analyse` picks it), newest first, at most `limit`."""
    bit = topic_bit(store, selection.topic)
    present = datasets_in(store, selection, bit)
    dataset_id = selection.dataset_id or (present[0][0] if present else None)
    if dataset_id is None:
        return []
    where, params = _where(selection, bit, selection.period, dataset_id)
    return _incidents(store, where, params, limit, order="event_date DESC, event_id DESC")


def _incidents(store: Store, where: str, params: list[Any], limit: int,
               order: str = "fatalities DESC, event_date DESC, event_id") -> list[Incident]:
    """Events of the selection in `order`: ids from the index first, then only those rows read;
    actors under the names briefings show."""
    shown = actor_names(store)
    ids = [r[0] for r in store.db.execute(
        f"SELECT event_id FROM event_index WHERE {where} ORDER BY {order} LIMIT ?", [*params, limit])]
    rows: dict[int, Incident] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        sql = f"""SELECT id, event_date, country_iso3, admin1, location, event_type, sub_event_type,
                         actor1, actor2, fatalities, notes
                  FROM events WHERE id IN ({','.join('?' * len(part))})"""
        for r in store.db.execute(sql, part):
            rows[r[0]] = Incident(dt.date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6],
                                  " — ".join(shown(a) for a in (r[7], r[8]) if a), r[9], r[10])
    return [rows[i] for i in ids]


def compare(current: int, previous: int, scale: float = 1.0) -> Change:
    """The change of a count against its baseline, classed; no percentage on a small baseline.

    `scale` normalises a baseline counted over a longer span to the period's length (7/28 for a
    week against the four weeks before): `Change.previous` is then the rounded average.
    """
    average = previous * scale
    if previous == 0:
        trend: Any = "new" if current else "none"
        return Change(current, 0, None, True, trend)
    percent = (current - average) * 100.0 / average
    small = average < SMALL_BASELINE
    return Change(current, round(average), None if small else percent, small, _trend(percent))


def _trend(percent: float) -> Literal["sharp-increase", "increase", "stable", "decrease", "sharp-decrease"]:
    if percent > 25:
        return "sharp-increase"
    if percent >= 10:
        return "increase"
    if percent > -10:
        return "stable"
    if percent >= -25:
        return "decrease"
    return "sharp-decrease"


def buckets(period: Period) -> Literal["week", "month"]:
    """Weekly buckets for periods up to about seven months (30 bars or so), monthly beyond."""
    return "week" if period.days <= 230 else "month"


def bucket_start(day: dt.date, unit: Literal["week", "month"]) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if unit == "week" else day.replace(day=1)


def series_by_bucket(analysis: Analysis) -> tuple[list[dt.date], list[int], list[int]]:
    """Bucket start dates (every bucket of the period, empty ones included), events, fatalities."""
    period = analysis.selection.period
    unit = buckets(period)
    starts: list[dt.date] = []
    day = bucket_start(period.start, unit)
    while day <= period.end:
        starts.append(day)
        day = day + dt.timedelta(days=7) if unit == "week" else (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    events: Counter[dt.date] = Counter()
    deaths: Counter[dt.date] = Counter()
    for d, (n, f) in analysis.by_day.items():
        events[bucket_start(d, unit)] += n
        deaths[bucket_start(d, unit)] += f
    return starts, [events[s] for s in starts], [deaths[s] for s in starts]


def event_locations(store: Store, selection: Selection, dataset_id: int | None) -> tuple[list[MapPoint], int]:
    """The selection's events grouped by location, coordinates rounded to 0.01° (about 1 km) in
    SQL, most fatalities first; and the number of events that have no coordinates.

    One row per place, never per event: a map draws one marker per row.
    """
    if dataset_id is None:
        return [], 0
    where, params = _where(selection, topic_bit(store, selection.topic), selection.period, dataset_id)
    sql = f"""SELECT round(latitude, 2), round(longitude, 2), count(*), sum(fatalities)
              FROM events WHERE id IN (SELECT event_id FROM event_index WHERE {where})
              GROUP BY 1, 2 ORDER BY 4 DESC, 3 DESC, 1, 2"""
    points: list[MapPoint] = []
    unlocated = 0
    for lat, lon, n, fatalities in store.db.execute(sql, params):
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            unlocated += n
        else:
            points.append(MapPoint(lat, lon, n, fatalities or 0))
    return points, unlocated


def admin1_places(store: Store, countries: tuple[str, ...]) -> list[tuple[str, str, str, float, float]]:
    """(country ISO3, name, French name, latitude, longitude) of the countries' first-level regions
    whose label point the store knows."""
    marks = ",".join("?" * len(countries))
    sql = f"""SELECT country_iso3, name, name_fr, latitude, longitude FROM admin1
              WHERE country_iso3 IN ({marks}) AND latitude IS NOT NULL AND longitude IS NOT NULL
              ORDER BY country_iso3, name"""
    return [(r[0], r[1], r[2], r[3], r[4]) for r in store.db.execute(sql, list(countries))]
