"""The cross-border picture of several countries: border areas and actors present in more than one.

Contract: `border_areas` lists the selected countries' regions with events within `km` of another
country's border (from the Natural Earth outlines in resources/maps; places grouped to 0.1° in
SQL, so a few hundred rows at most), busiest first, naming the countries across the border.
`cross_border_actors` lists actors with events in at least two selected countries, most events
first. Both read one dataset's rows of the selection only; neither imports numpy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from briefer.core import analysis as an
from briefer.core.charts import geo
from briefer.core.depth import BorderArea, CrossBorderActor
from briefer.core.store.db import Store

CELL = 0.5  # degrees: the grid that buckets border vertices
KM_PER_DEGREE_LAT = 111.2


def _places(store: Store, result: an.Analysis) -> list[tuple[str, str, float, float, int, int]]:
    """(country, region, latitude, longitude, events, fatalities) of the selection's places."""
    if result.dataset is None:
        return []
    selection = result.selection
    where, params = an._where(selection, an.topic_bit(store, selection.topic), selection.period, result.dataset.id)
    sql = f"""SELECT country_iso3, admin1, round(latitude, 1), round(longitude, 1), count(*), sum(fatalities)
              FROM events WHERE id IN (SELECT event_id FROM event_index WHERE {where})
                AND latitude IS NOT NULL AND longitude IS NOT NULL
              GROUP BY 1, 2, 3, 4"""
    return [(r[0], r[1] or "", r[2], r[3], r[4], r[5] or 0) for r in store.db.execute(sql, params)]


def _grid(isos: Iterable[str]) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """Outline vertices of `isos` by grid cell: (longitude, latitude, country)."""
    outlines = geo.outlines("fine")
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for iso in isos:
        for polygon in outlines.get(iso, []):
            for ring in polygon:
                for lon, lat in ring:
                    grid.setdefault((math.floor(lon / CELL), math.floor(lat / CELL)), []).append((lon, lat, iso))
    return grid


def _near(grid: dict[tuple[int, int], list[tuple[float, float, str]]], lat: float, lon: float, own: str,
          km: float) -> set[str]:
    """Countries other than `own` with an outline vertex within `km` of the point."""
    reach = math.ceil(km / KM_PER_DEGREE_LAT / CELL / max(math.cos(math.radians(lat)), 0.2)) + 1
    cx, cy = math.floor(lon / CELL), math.floor(lat / CELL)
    per_lon = geo.km_per_degree(lat)
    found: set[str] = set()
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            for vlon, vlat, iso in grid.get((cx + dx, cy + dy), ()):
                if iso != own and iso not in found and \
                        math.hypot((vlon - lon) * per_lon, (vlat - lat) * KM_PER_DEGREE_LAT) <= km:
                    found.add(iso)
    return found


def border_areas(store: Store, result: an.Analysis, km: float, names: dict[str, str]) -> tuple[BorderArea, ...]:
    """Regions with events within `km` of a border (see module contract); `names` maps ISO3 to names."""
    frame = geo.frame_for(result.selection.countries)
    if frame is None or km <= 0:
        return ()
    grid = _grid(geo.countries_in(frame))
    counts: dict[tuple[str, str], list[int]] = {}
    across_by: dict[tuple[str, str], set[str]] = {}
    for iso, adm, lat, lon, n, fatalities in _places(store, result):
        across = _near(grid, lat, lon, iso, km)
        if across:
            entry = counts.setdefault((iso, adm), [0, 0])
            entry[0] += n
            entry[1] += fatalities
            across_by.setdefault((iso, adm), set()).update(across)
    several = len(result.selection.countries) > 1
    out = []
    for (iso, adm), (n, fatalities) in counts.items():
        label = f"{adm or '—'} ({names.get(iso, iso)})" if several else (adm or "—")
        neighbours = tuple(sorted(names.get(c, c) for c in across_by[(iso, adm)]))
        out.append(BorderArea(iso, adm, label, n, fatalities, neighbours))
    return tuple(sorted(out, key=lambda a: (-a.events, a.label)))


def cross_border_actors(store: Store, result: an.Analysis, names: dict[str, str], limit: int) -> tuple[CrossBorderActor, ...]:
    """Actors with events in two or more selected countries (see module contract)."""
    if result.dataset is None or len(result.selection.countries) < 2:
        return ()
    selection = result.selection
    where, params = an._where(selection, an.topic_bit(store, selection.topic), selection.period, result.dataset.id)
    sql = f"SELECT actor1, actor2, country_iso3, count(*) FROM event_index WHERE {where} GROUP BY 1, 2, 3"
    table: dict[str, dict[str, int]] = {}
    for first, second, iso, n in store.db.execute(sql, params):
        for actor in {first, second} - {"", None}:
            per = table.setdefault(actor, {})
            per[iso] = per.get(iso, 0) + n
    order = {iso: i for i, iso in enumerate(selection.countries)}
    found = [CrossBorderActor(actor, tuple(names.get(c, c) for c in sorted(per, key=order.__getitem__)), sum(per.values()))
             for actor, per in table.items() if len(per) > 1]
    return tuple(sorted(found, key=lambda a: (-a.events, a.name))[:limit])
