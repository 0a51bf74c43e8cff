"""The map of events, in the manner of a humanitarian situation map.

Contract: `draw_map(fig, data, lang)` draws `MapData` on an empty figure at its printed size: the
map box on top, a legend strip below it (circle sizes, choropleth classes, scale bar). In the box:
sea, neighbouring countries lighter than the selected ones, lakes, the selected countries' admin-1
lines thin and grey, borders (the selected countries' darker), an optional choropleth of regions,
one circle per grouped location (area by reported fatalities; a small ring where none were
reported), a few names that do not collide, and a north arrow. With no point, the countries are
still drawn with "No events recorded". The projection is equirectangular with cos(middle
latitude) as the aspect of a degree of longitude; the frame is widened to fill the box.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

import numpy as np

from briefer.core.charts import geo, maplegend
from briefer.core.charts import mapgeom as mg
from briefer.core.charts import style as st
from briefer.core.domain import Language, MapData, MapLabel

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SEA = "#DCE9F2"
SELECTED = "#EAE6DC"
NEIGHBOUR = "#F4F3EF"
ADMIN1 = "#A3A3A3"
BORDER = "#8F8F8F"
SELECTED_BORDER = "#404040"
POINT = "#CC3311"  # Paul Tol's vibrant red: distinct from the greys and the sea for all colour visions
POINT_EDGE = "#7D1F0A"
POINT_ON_REGIONS = "#33228B"  # Tol indigo, over the yellow-orange choropleth
CHOROPLETH = ("#FFF7BC", "#FEE391", "#FEC44F", "#FB9A29", "#E1640C")  # YlOrBr, print-safe

LABEL_SIZES = {"country": 8.0, "neighbour": 7.0, "admin1": 6.5}
LABEL_COLOURS = {"country": st.INK, "neighbour": "#8A8A8A", "admin1": "#3A3A3A"}
EDGE_PT = 8.0  # labels keep this far from the map's edge
NEATLINE_PT = 0.6
MAX_COVERED = 2  # a region's name may hide this many circles, no more
GRID_PT = 0.3  # outlines are simplified to a grid of this step at the printed size


def draw_map(fig: Figure, data: MapData, lang: Language) -> None:
    width, height = (float(v) * 72 for v in fig.get_size_inches())
    strip = maplegend.strip_height(data)
    view = geo.fit_frame(data.frame, width, height - strip)
    inset = NEATLINE_PT / 2
    ax = fig.add_axes((inset / width, strip / height, 1 - 2 * inset / width, 1 - (strip + inset) / height))
    _frame(ax, view)
    selected = set(data.countries)
    grid = GRID_PT * (view[2] - view[0]) / width
    detail = geo.level((view[2] - view[0]) / width)
    _land(ax, view, selected, grid, detail)
    classes = _regions(ax, data, grid) if data.regions else ()
    _lines(ax, view, selected, grid, detail)
    scale = maplegend.Scale.of(data)
    _points(ax, data, scale, (width / (view[2] - view[0]), (height - strip) / (view[3] - view[1])))
    _labels(ax, data, view, width, height - strip, scale)
    maplegend.north_arrow(ax)
    if not data.points and not data.redacted:
        st.draw_message(ax, lang)
        ax.texts[-1].set_bbox({"facecolor": "white", "edgecolor": "none", "pad": 4, "alpha": 0.85})
    legend = fig.add_axes((0, 0, 1, strip / height))
    maplegend.draw_strip(legend, data, lang, scale, classes, view, width, strip)


def _view(ax: Axes) -> mg.Box:
    (west, east), (south, north) = ax.get_xlim(), ax.get_ylim()
    return (west, south, east, north)


def _frame(ax: Axes, view: mg.Box) -> None:
    west, south, east, north = view
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor(SEA)
    for spine in ax.spines.values():
        spine.set_edgecolor(st.INK)
        spine.set_linewidth(NEATLINE_PT)
        spine.set_zorder(20)


def _patch(ax: Axes, path, zorder: float, clip: bool = True, **style: object):  # type: ignore[no-untyped-def]
    """Add one compound path (add_artist: add_patch would walk every curve to update limits)."""
    from matplotlib.patches import PathPatch

    if path is None:
        return None
    patch = PathPatch(path, zorder=zorder, **style)  # type: ignore[arg-type]
    ax.add_artist(patch)
    if not clip:
        patch.set_clip_on(False)
    return patch


def _land(ax: Axes, view: mg.Box, selected: set[str], grid: float, detail: str) -> None:
    """Fills, lakes and borders: neighbours (fill and border in one path), then the selected
    countries over them, lakes, and the selected countries' border over all."""
    box = mg.margin(view)
    mine = mg.clip_polygons((p for iso in sorted(selected) for p in mg.country(iso, detail)), box, grid)
    near = [iso for iso in mg.countries_near(box) if iso not in selected]
    others = mg.clip_polygons((p for iso in near for p in mg.country(iso, detail)), box, grid)
    lakes = mg.clip_polygons(mg.lake_polygons(), box, grid)
    _patch(ax, mg.polygon_path(others), 1, facecolor=NEIGHBOUR, edgecolor=BORDER, linewidth=0.5, joinstyle="round")
    mine_path = mg.polygon_path(mine)
    _patch(ax, mine_path, 1.1, facecolor=SELECTED, edgecolor="none", linewidth=0)
    _patch(ax, mg.polygon_path(lakes), 1.5, facecolor=SEA, edgecolor="none", linewidth=0)
    _patch(ax, mine_path, 3.2, fill=False, edgecolor=SELECTED_BORDER, linewidth=0.9, joinstyle="round")


def _lines(ax: Axes, view: mg.Box, selected: set[str], grid: float, detail: str) -> None:
    lines = mg.lines_in((line for iso in sorted(selected) for line in mg.admin1_lines(iso, detail)), view)
    inside = [mg.snap(line, grid) for line in lines]
    _patch(ax, mg.line_path(inside), 2.5, fill=False, edgecolor=ADMIN1, linewidth=0.4, joinstyle="round")


def _regions(ax: Axes, data: MapData, grid: float) -> tuple[tuple[str, float, float], ...]:
    """Regions shaded in up to five classes of `value`; returns (colour, low, high) per class."""
    box = mg.margin(_view(ax))
    values = [r.value for r in data.regions if r.value is not None]
    top = max(values, default=0.0)
    if top <= 0:
        return ()
    ticks = st.nice_ticks(top)
    bounds = list(itertools.pairwise(ticks))[: len(CHOROPLETH)]
    groups: dict[int, list[mg.Polygon]] = {}
    for region in data.regions:
        if region.value is None or region.value <= 0:
            continue
        k = next((i for i, (_, hi) in enumerate(bounds) if region.value <= hi), len(bounds) - 1)
        groups.setdefault(k, []).extend(mg.clip_polygons(mg.region_polygons(region.polygons), box, grid))
    for k, polys in sorted(groups.items()):
        colour = CHOROPLETH[round(k * (len(CHOROPLETH) - 1) / max(1, len(bounds) - 1))]
        _patch(ax, mg.polygon_path(polys), 1.3, facecolor=colour, edgecolor="none", linewidth=0)
    outlines = mg.clip_polygons((p for r in data.regions for p in mg.region_polygons(r.polygons)), box, grid)
    _patch(ax, mg.polygon_path(outlines), 2.6, fill=False, edgecolor=ADMIN1, linewidth=0.4)
    return tuple(
        (CHOROPLETH[round(k * (len(CHOROPLETH) - 1) / max(1, len(bounds) - 1))], lo, hi)
        for k, (lo, hi) in enumerate(bounds)
    )


def _points(ax: Axes, data: MapData, scale: maplegend.Scale, pt_per_unit: tuple[float, float]) -> None:
    """Circles as two compound paths (one SVG element each, however many places): rings where no
    fatality was reported, under filled circles, largest first, where some were."""
    colour = POINT_ON_REGIONS if data.regions else POINT
    dead = sorted((p for p in data.points if p.fatalities > 0), key=lambda p: (-p.fatalities, p.longitude, p.latitude))
    none = sorted((p for p in data.points if p.fatalities <= 0), key=lambda p: (p.longitude, p.latitude))
    rings = mg.circles([(p.longitude, p.latitude) for p in none], [scale.ring] * len(none), pt_per_unit)
    patch = _patch(ax, rings, 5, clip=False, facecolor="white", edgecolor=colour, linewidth=0.6)
    if patch is not None:
        patch.set_gid("map-points-none")
    radii = [scale.radius(p.fatalities) for p in dead]
    filled = mg.circles([(p.longitude, p.latitude) for p in dead], radii, pt_per_unit)
    patch = _patch(ax, filled, 6, clip=False, facecolor=colour, edgecolor="white", linewidth=0.4, alpha=0.75)
    if patch is not None:
        patch.set_gid("map-points")


# --- Labels --------------------------------------------------------------------------------------

Rect = tuple[float, float, float, float]


def _labels(ax: Axes, data: MapData, view: mg.Box, width: float, height: float, scale: maplegend.Scale) -> None:
    """Names by priority (selected countries, neighbours, regions busiest first), each at the
    first of a few positions around its point that overlaps no name already placed, the north
    arrow or the map's edge, and the fewest circles; a name with no such position, or a region's
    name that would hide more than MAX_COVERED circles, is left out."""
    west, south, east, north = view
    sx, sy = width / (east - west), height / (north - south)
    circles = np.array([((p.longitude - west) * sx, (p.latitude - south) * sy,
                         scale.radius(p.fatalities) if p.fatalities > 0 else scale.ring) for p in data.points])
    taken: list[Rect] = [maplegend.north_arrow_box(width, height)]
    order = {"country": 0, "neighbour": 1, "admin1": 2}
    for item in sorted(data.labels, key=lambda lab: order[lab.kind]):  # stable: assembly order within a kind
        where = _anchor(item, view)
        if where is None:
            continue
        x, y = (where[0] - west) * sx, (where[1] - south) * sy
        best = _place(item, x, y, width, height, taken, circles)
        if best is None or (item.kind == "admin1" and _circles_under(best, circles) > MAX_COVERED):
            continue
        taken.append(best)
        cx, cy = (best[0] + best[2]) / 2, (best[1] + best[3]) / 2
        ax.text(west + cx / sx, south + cy / sy, _text(item), ha="center", va="center_baseline",
                fontsize=LABEL_SIZES[item.kind], color=LABEL_COLOURS[item.kind],
                fontweight="bold" if item.kind == "country" else "normal", zorder=8)


def _place(item: MapLabel, x: float, y: float, width: float, height: float, taken: list[Rect],
           circles: np.ndarray) -> Rect | None:
    rect = _rect(item, x, y)
    half_w, h = (rect[2] - rect[0]) / 2, rect[3] - rect[1]
    moves = [(0.0, 0.0), (0.0, h), (0.0, -h)]
    if item.kind == "admin1":
        moves += [(half_w + 3, 0.0), (-half_w - 3, 0.0), (half_w, h), (-half_w, h), (half_w, -h), (-half_w, -h)]
    best: tuple[int, Rect] | None = None
    for dx, dy in moves:
        moved = (rect[0] + dx, rect[1] + dy, rect[2] + dx, rect[3] + dy)
        if not _fits(moved, width, height) or any(_overlap(moved, r) for r in taken):
            continue
        covered = _circles_under(moved, circles)
        if best is None or covered < best[0]:
            best = (covered, moved)
        if covered == 0:
            break
    return None if best is None else best[1]


def _circles_under(rect: Rect, circles: np.ndarray) -> int:
    if not len(circles):
        return 0
    dx = np.maximum(np.maximum(rect[0] - circles[:, 0], 0), circles[:, 0] - rect[2])
    dy = np.maximum(np.maximum(rect[1] - circles[:, 1], 0), circles[:, 1] - rect[3])
    return int(np.count_nonzero(dx * dx + dy * dy < circles[:, 2] ** 2))


def _text(item: MapLabel) -> str:
    return item.text.upper() if item.kind in ("country", "neighbour") else item.text


def _rect(item: MapLabel, x: float, y: float) -> Rect:
    size = LABEL_SIZES[item.kind]
    half_w = st.text_width(_text(item), size) / 2 * (1.08 if item.kind == "country" else 1.0) + 3
    half_h = size * 0.75
    return (x - half_w, y - half_h, x + half_w, y + half_h)


def _fits(rect: Rect, width: float, height: float) -> bool:
    return rect[0] >= EDGE_PT and rect[1] >= EDGE_PT and rect[2] <= width - EDGE_PT and rect[3] <= height - EDGE_PT


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _anchor(item: MapLabel, view: mg.Box) -> tuple[float, float] | None:
    """Where the label goes: its own point when inside the view; for a country whose point lies
    outside, the middle of its largest visible part, if that part is big enough to hold a name."""
    west, south, east, north = view
    inset_x, inset_y = (east - west) * 0.04, (north - south) * 0.04
    if west + inset_x <= item.longitude <= east - inset_x and south + inset_y <= item.latitude <= north - inset_y:
        return item.longitude, item.latitude
    if item.kind == "admin1" or not item.iso3:
        return None
    parts = mg.clip_polygons(mg.country(item.iso3), view)
    if not parts:
        return None
    largest = max((p[0] for p in parts), key=lambda r: abs(mg.signed_area(r)))
    if abs(mg.signed_area(largest)) < 0.06 * (east - west) * (north - south):
        return None
    middle = mg.centroid(largest)
    return middle if middle and not math.isnan(middle[0]) else None
