"""The geography behind the map: outlines from `resources/maps`, the frame around a selection,
the countries in it, region names matched across sources, and points thinned for drawing.

Contracts:
- Pure Python: imports neither matplotlib nor numpy, so the assembly may use it cheaply.
- Files are read once per process, and the outlines only when a map is drawn (the small index
  answers `frame_for` and `countries_in`); coordinates are (longitude, latitude) in degrees.
- `frame_for(countries)` is None when a country has no outline (briefer's outlines cover Africa
  and the shores facing it); the map is then left out rather than drawn wrong.
- `match_regions` never guesses between two candidates: a name that matches nothing, or more than
  one region equally well, stays unmatched (and its events stay drawn as points).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from briefer.core.domain import MapPoint, MapRegion
from briefer.core.regionnames import key, sound

MAPS_DIR = Path(__file__).resolve().parents[3] / "resources" / "maps"
INDEX = "africa_countries.json"
FILES = ("africa_admin0.geojson", "africa_admin1.geojson", "africa_lakes.geojson",
         "africa_admin0_coarse.geojson", "africa_admin1_coarse.geojson")
COARSE_FROM = 0.03  # degrees of longitude per printed point from which the coarse outlines do
NO_CODE = "-99"  # land Natural Earth gives no country code at 1:110m (small island states)

PAD_SHARE = 0.06  # of the selection's larger span, added on every side
MIN_PAD = 0.5  # degrees
MAX_POINTS = 300  # beyond this many locations, nearby ones are merged for drawing
MERGE_CELLS = 160  # grid cells across the frame's width when merging

Ring = list[list[float]]  # [[longitude, latitude], …] as GeoJSON has them
Polygon = list[Ring]  # outer ring first, then holes


@dataclass(frozen=True)
class CountryInfo:
    iso3: str
    name_en: str
    name_fr: str
    continent: str
    label: tuple[float, float]  # (longitude, latitude) where Natural Earth puts the name
    bbox: tuple[float, float, float, float]  # west, south, east, north


def _read(name: str) -> dict:  # type: ignore[type-arg]
    path = MAPS_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError) as exc:
        raise FileNotFoundError(f"map outlines {path} are missing or damaged; reinstall briefer") from exc


def _polygons(geometry: dict) -> list[Polygon]:  # type: ignore[type-arg]
    coords = geometry["coordinates"]
    return coords if geometry["type"] == "MultiPolygon" else [coords]  # type: ignore[no-any-return]


@cache
def countries() -> dict[str, CountryInfo]:
    """Every country of the outlines by ISO3, from the small index (no outline is read)."""
    return {
        iso: CountryInfo(iso, p["name_en"], p["name_fr"], p["continent"], (p["label"][0], p["label"][1]),
                         (p["bbox"][0], p["bbox"][1], p["bbox"][2], p["bbox"][3]))
        for iso, p in _read(INDEX).items()
    }


def level(degrees_per_point: float) -> str:
    """"coarse" when a printed point spans COARSE_FROM degrees or more, else "fine"."""
    return "coarse" if degrees_per_point >= COARSE_FROM else "fine"


@cache
def outlines(detail: str = "fine") -> dict[str, list[Polygon]]:
    """Country polygons by ISO3 (NO_CODE: land without a country code), as read."""
    name = FILES[3] if detail == "coarse" else FILES[0]
    return {f["properties"]["iso_a3"]: _polygons(f["geometry"]) for f in _read(name)["features"]}


@cache
def admin1_lines(detail: str = "fine") -> dict[str, list[Ring]]:
    """First-level boundary lines (no names: Natural Earth's lines only) by country ISO3."""
    name = FILES[4] if detail == "coarse" else FILES[1]
    return {f["properties"]["iso_a3"]: f["geometry"]["coordinates"] for f in _read(name)["features"]}


@cache
def lakes() -> list[Polygon]:
    return [p for f in _read(FILES[2])["features"] for p in _polygons(f["geometry"])]


@cache
def digest() -> str:
    """A short hash of the outline files, so cached maps are redrawn when they change."""
    h = hashlib.sha256()
    for name in (INDEX, *FILES):
        try:
            h.update((MAPS_DIR / name).read_bytes())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:16]


# --- Frame and countries in it -------------------------------------------------------------------


def frame_for(isos: Iterable[str]) -> tuple[float, float, float, float] | None:
    """The selected countries' bounding box with a margin, or None if one has no outline."""
    known = countries()
    boxes = [known[c].bbox if c in known and c != NO_CODE else None for c in isos]
    if not boxes or any(b is None for b in boxes):
        return None
    west = min(b[0] for b in boxes if b)
    south = min(b[1] for b in boxes if b)
    east = max(b[2] for b in boxes if b)
    north = max(b[3] for b in boxes if b)
    pad = max(MIN_PAD, PAD_SHARE * max(east - west, north - south))
    return (round(west - pad, 3), round(south - pad, 3), round(east + pad, 3), round(north + pad, 3))


def fit_frame(frame: tuple[float, float, float, float], width: float, height: float) -> tuple[float, float, float, float]:
    """`frame` widened (never narrowed) about its centre to fill a `width` × `height` box in the
    equirectangular projection with cos(middle latitude) as the aspect of a degree of longitude."""
    west, south, east, north = frame
    k = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * k, north - south
    if span_x / span_y < width / height:
        grow = (span_y * width / height / k - (east - west)) / 2
        return (west - grow, south, east + grow, north)
    grow = (span_x * height / width - span_y) / 2
    return (west, south - grow, east, north + grow)


def countries_in(frame: tuple[float, float, float, float]) -> list[str]:
    """ISO3 codes of the countries whose bounding box meets `frame`, in code order."""
    west, south, east, north = frame
    return sorted(
        c.iso3 for c in countries().values()
        if c.iso3 != NO_CODE and c.bbox[0] <= east and c.bbox[2] >= west and c.bbox[1] <= north and c.bbox[3] >= south
    )


def km_per_degree(latitude: float) -> float:
    """Kilometres in one degree of longitude at `latitude` (spherical Earth, 6,371 km)."""
    return math.pi * 6371.0 / 180.0 * math.cos(math.radians(latitude))


# --- Points --------------------------------------------------------------------------------------


def thin(points: Iterable[MapPoint], frame: tuple[float, float, float, float], limit: int = MAX_POINTS) -> tuple[MapPoint, ...]:
    """Points inside `frame`; beyond `limit` of them, those in the same small grid cell (1/160 of
    the frame's width, under 3 pt printed; larger cells while too many are left) are merged at
    their event-weighted mean position.
    Counts and fatalities are kept; the order is most fatalities first, then most events."""
    west, south, east, north = frame
    inside = [p for p in points if west <= p.longitude <= east and south <= p.latitude <= north]
    cells = MERGE_CELLS
    while len(inside) > limit:
        inside = _merge(inside, (east - west) / cells)
        cells = cells * 2 // 3
    return tuple(sorted(inside, key=lambda p: (-p.fatalities, -p.events, p.latitude, p.longitude)))


def _merge(points: list[MapPoint], cell: float) -> list[MapPoint]:
    groups: dict[tuple[int, int], list[MapPoint]] = {}
    for p in points:
        groups.setdefault((math.floor(p.longitude / cell), math.floor(p.latitude / cell)), []).append(p)
    merged = []
    for members in groups.values():
        n = sum(p.events for p in members)
        lat = sum(p.latitude * p.events for p in members) / n
        lon = sum(p.longitude * p.events for p in members) / n
        merged.append(MapPoint(round(lat, 3), round(lon, 3), n, sum(p.fatalities for p in members)))
    return merged


# --- Region names across sources -----------------------------------------------------------------

def match_regions(regions: Iterable[str], admin1: Iterable[str]) -> dict[str, str]:
    """Admin-1 names of the events -> region names of a boundary file, for one country.

    A name matches the one region with the same `regionnames.key`, else the one region left with
    the same `regionnames.sound`; two candidates, or none, leave it unmatched.
    """
    names = list(dict.fromkeys(admin1))
    regions = list(dict.fromkeys(regions))
    found: dict[str, str] = {}
    for keyer in (key, sound):
        free = [r for r in regions if r not in found.values()]
        for name in names:
            if name not in found:
                hits = [r for r in free if keyer(r) == keyer(name)]
                if len(hits) == 1:
                    found[name] = hits[0]
    return found


Polygons = tuple[tuple[tuple[tuple[float, float], ...], ...], ...]


def geojson_polygons(geometry: dict[str, Any]) -> Polygons:
    """The polygons of a GeoJSON Polygon or MultiPolygon geometry as (longitude, latitude) rings;
    () for any other geometry type."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    polygons = coordinates if kind == "MultiPolygon" else [coordinates] if kind == "Polygon" else []
    return tuple(tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in polygon) for polygon in polygons)


def choropleth_regions(
    boundaries: Iterable[tuple[str, str, Polygons]], counts: dict[tuple[str, str], float],
) -> tuple[tuple[MapRegion, ...], tuple[str, ...]]:
    """Regions of a boundary file (country ISO3, region name, polygons) shaded by `counts` keyed by
    (country ISO3, admin-1 name of the events); also the admin-1 names no region matched, whose
    events the map still shows as points only."""
    shapes = list(boundaries)
    values: dict[tuple[str, str], float] = {}
    unmatched: list[str] = []
    for iso in sorted({c for c, _ in counts}):
        names = [a for c, a in counts if c == iso and a]
        found = match_regions([n for c, n, _ in shapes if c == iso], names)
        for admin1 in names:
            if admin1 in found:
                key = (iso, found[admin1])
                values[key] = values.get(key, 0.0) + counts[(iso, admin1)]
            else:
                unmatched.append(admin1)
    regions = tuple(MapRegion(c, n, polys, values.get((c, n), 0.0)) for c, n, polys in shapes)
    return regions, tuple(sorted(unmatched))
