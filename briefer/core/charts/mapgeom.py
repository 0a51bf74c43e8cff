"""Geometry for the map renderer, in numpy: outlines as arrays, clipped to the view, oriented,
and joined into compound matplotlib paths (one SVG element per layer, not one per polygon).

Rings are (n, 2) arrays of (longitude, latitude) without the closing vertex. A polygon is a list
of rings, outer ring first. Clipping is Sutherland–Hodgman against an axis-aligned box, which is
exact for filling; the straight pieces it adds along the box lie outside the visible area when
the box is a little larger than the view (see `margin`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from briefer.core.charts import geo

if TYPE_CHECKING:
    from matplotlib.path import Path

Box = tuple[float, float, float, float]  # west, south, east, north
Ring = np.ndarray
Polygon = list[np.ndarray]


def _ring(coords: Sequence[Sequence[float]]) -> Ring:
    ring = np.asarray(coords, dtype=float)
    if len(ring) > 1 and ring[0, 0] == ring[-1, 0] and ring[0, 1] == ring[-1, 1]:
        ring = ring[:-1]
    return ring


@cache
def country(iso: str, detail: str = "fine") -> list[Polygon]:
    """A country's polygons as arrays (see module doc); [] for a code without outline."""
    return [[_ring(r) for r in poly] for poly in geo.outlines(detail).get(iso, [])]


def countries_near(box: Box) -> list[str]:
    """The countries whose outline may meet `box`, land without a country code included."""
    return [*geo.countries_in(box), geo.NO_CODE]


@cache
def admin1_lines(iso: str, detail: str = "fine") -> list[np.ndarray]:
    return [np.asarray(line, dtype=float) for line in geo.admin1_lines(detail).get(iso, [])]


@cache
def lake_polygons() -> list[Polygon]:
    return [[_ring(r) for r in poly] for poly in geo.lakes()]


def margin(box: Box, share: float = 0.03) -> Box:
    west, south, east, north = box
    dx, dy = (east - west) * share, (north - south) * share
    return (west - dx, south - dy, east + dx, north + dy)


def clip_polygons(polygons: Iterable[Polygon], box: Box, grid: float = 0.0) -> list[Polygon]:
    """The parts of `polygons` inside `box`; polygons whose outer ring vanishes are dropped.

    With `grid` > 0, vertices are also snapped to a grid of that step and repeats dropped: detail
    finer than the printed line width goes, and shared borders stay identical on both sides.
    """
    kept = []
    for poly in polygons:
        outer = _clip_ring(poly[0], box)
        if outer is not None and grid > 0:
            outer = snap(outer, grid)
        if outer is None or len(outer) < 3:
            continue
        holes = [h for h in (_clip_ring(r, box) for r in poly[1:]) if h is not None]
        if grid > 0:
            holes = [h for h in (snap(r, grid) for r in holes) if len(h) >= 3]
        kept.append([outer, *holes])
    return kept


def snap(ring: np.ndarray, grid: float) -> np.ndarray:
    """`ring` (or line) on a grid of step `grid`, consecutive repeats removed."""
    snapped = np.round(ring / grid) * grid
    if len(snapped) < 2:
        return snapped
    keep = np.ones(len(snapped), dtype=bool)
    keep[1:] = np.any(snapped[1:] != snapped[:-1], axis=1)
    return snapped[keep]


def _clip_ring(ring: Ring, box: Box) -> Ring | None:
    west, south, east, north = box
    lo, hi = ring.min(axis=0), ring.max(axis=0)
    if hi[0] < west or lo[0] > east or hi[1] < south or lo[1] > north:
        return None
    if lo[0] >= west and hi[0] <= east and lo[1] >= south and hi[1] <= north:
        return ring
    for axis, value, keep_greater in ((0, west, True), (0, east, False), (1, south, True), (1, north, False)):
        ring = _clip_edge(ring, axis, value, keep_greater)
        if len(ring) < 3:
            return None
    return ring


def _clip_edge(ring: Ring, axis: int, value: float, keep_greater: bool) -> Ring:
    """One Sutherland–Hodgman pass: each vertex inside is kept, and each edge crossing the line
    contributes its crossing point, in ring order."""
    inside = ring[:, axis] >= value if keep_greater else ring[:, axis] <= value
    nxt = np.roll(ring, -1, axis=0)
    crossing = inside != np.roll(inside, -1)
    delta = nxt[:, axis] - ring[:, axis]
    t = np.divide(value - ring[:, axis], delta, out=np.zeros_like(delta), where=crossing)
    cut = ring + t[:, None] * (nxt - ring)
    cut[crossing, axis] = value
    both = np.stack([ring, cut], axis=1).reshape(-1, 2)
    return both[np.stack([inside, crossing], axis=1).reshape(-1)]


def signed_area(ring: Ring) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2


def centroid(ring: Ring) -> tuple[float, float] | None:
    """The area centroid of a ring, None for a degenerate one."""
    x, y = ring[:, 0], ring[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    area = cross.sum() / 2
    if abs(area) < 1e-12:
        return None
    return float(((x + xn) * cross).sum() / (6 * area)), float(((y + yn) * cross).sum() / (6 * area))


def polygon_path(polygons: Iterable[Polygon]) -> Path | None:
    """One compound path of all `polygons`, outer rings counter-clockwise and holes clockwise, so
    the nonzero fill rule of matplotlib and SVG leaves the holes empty."""
    from matplotlib.path import Path

    verts: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for poly in polygons:
        for k, ring in enumerate(poly):
            if len(ring) < 3:
                continue
            outer = k == 0
            if (signed_area(ring) > 0) != outer:
                ring = ring[::-1]
            verts.append(np.vstack([ring, ring[:1]]))
            part = np.full(len(ring) + 1, Path.LINETO, dtype=np.uint8)
            part[0], part[-1] = Path.MOVETO, Path.CLOSEPOLY
            codes.append(part)
    if not verts:
        return None
    return Path(np.vstack(verts), np.concatenate(codes))


def line_path(lines: Iterable[np.ndarray]) -> Path | None:
    """One compound path of open polylines."""
    from matplotlib.path import Path

    verts = [line for line in lines if len(line) >= 2]
    if not verts:
        return None
    codes = []
    for line in verts:
        part = np.full(len(line), Path.LINETO, dtype=np.uint8)
        part[0] = Path.MOVETO
        codes.append(part)
    return Path(np.vstack(verts), np.concatenate(codes))


def lines_in(lines: Iterable[np.ndarray], box: Box) -> list[np.ndarray]:
    """Lines whose bounding box meets `box` (the axes clip the rest of them)."""
    west, south, east, north = box
    kept = []
    for line in lines:
        lo, hi = line.min(axis=0), line.max(axis=0)
        if hi[0] >= west and lo[0] <= east and hi[1] >= south and lo[1] <= north:
            kept.append(line)
    return kept


def circles(centres: Sequence[tuple[float, float]], radii: Sequence[float], scale: tuple[float, float]) -> Path | None:
    """Circles as one compound path in data units: `centres` in data units, `radii` in points,
    `scale` the points per data unit along x and y (circles stay round at the printed size).
    Regular polygons with as few sides as keep them within 0.15 pt of a true circle."""
    from matplotlib.path import Path

    verts: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for (x, y), r in zip(centres, radii, strict=True):
        n = max(8, math.ceil(math.pi / math.acos(max(-1.0, 1 - 0.15 / r)))) if r > 0.15 else 8
        angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
        ring = np.column_stack([x + r / scale[0] * np.cos(angles), y + r / scale[1] * np.sin(angles)])
        verts.append(np.vstack([ring, ring[:1]]))
        part = np.full(n + 1, Path.LINETO, dtype=np.uint8)
        part[0], part[-1] = Path.MOVETO, Path.CLOSEPOLY
        codes.append(part)
    if not verts:
        return None
    return Path(np.vstack(verts), np.concatenate(codes))


def region_polygons(polygons: Sequence[Sequence[Sequence[tuple[float, float]]]]) -> list[Polygon]:
    """A MapRegion's polygons as arrays."""
    return [[_ring(r) for r in poly if len(r) >= 3] for poly in polygons if poly and len(poly[0]) >= 3]
