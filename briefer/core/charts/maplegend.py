"""The map's furniture: circle sizes, the legend strip under the map, scale bar and north arrow.

Circle areas are proportional to reported fatalities, from a minimum radius up to `RMAX` for the
largest count of the map (at least `MIN_REFERENCE`); the legend draws three round values of that
same scale (e.g. 1, 10 and 50), and the small white ring of locations with no fatality reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.core.charts import geo
from briefer.core.charts import style as st
from briefer.core.domain import Language, MapData
from briefer.core.i18n import fmt_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

RMAX = 11.0  # points: radius of the largest circle
RMIN = 2.2
RING = 1.8
MIN_REFERENCE = 10
LEGEND_VALUES = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000)
KM_STEPS = (5, 10, 20, 25, 50, 100, 150, 200, 250, 300, 400, 500, 1000)
LEGEND_PT = 7.5
ROW_PT = 2 * RMAX + 8
REGION_ROW_PT = 16.0


@dataclass(frozen=True)
class Scale:
    """Circle radius (points) for a number of fatalities."""

    reference: float
    ring: float = RING

    @classmethod
    def of(cls, data: MapData) -> Scale:
        return cls(float(max([MIN_REFERENCE, *(p.fatalities for p in data.points)])))

    def radius(self, fatalities: float) -> float:
        return max(RMIN, RMAX * math.sqrt(max(fatalities, 0) / self.reference))

    def legend_values(self, largest: int) -> list[int]:
        """Up to three round values: the largest at or below `largest`, one about a fifth of it, and 1."""
        if largest < 1:
            return []
        top = max(v for v in LEGEND_VALUES if v <= largest)
        mid = max((v for v in LEGEND_VALUES if v <= top / 4), default=0)
        return sorted({v for v in (1, mid, top) if v >= 1})


def strip_height(data: MapData) -> float:
    return ROW_PT + (REGION_ROW_PT if data.regions else 0.0)


def figure_height(data: MapData, width: float, ratio: tuple[float, float] = (0.55, 0.8)) -> float:
    """The height in points of a map figure `width` points wide: the map box takes the shape of
    the frame, kept between ratio[0] and ratio[1] times the width, and the legend strip goes under
    it. For a window as for the PDF: `chart_figure(data, lang, w_in, figure_height(data, w_in * 72) / 72)`."""
    west, south, east, north = data.frame
    aspect = (north - south) / ((east - west) * math.cos(math.radians((south + north) / 2)))
    return round(width * min(max(aspect, ratio[0]), ratio[1]) + strip_height(data), 1)


def draw_strip(
    ax: Axes, data: MapData, lang: Language, scale: Scale, classes: tuple[tuple[str, float, float], ...],
    view: tuple[float, float, float, float], width: float, height: float,
) -> None:
    """The legend strip: circle sizes (and choropleth classes) from the left, scale bar on the right."""
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    row = height - ROW_PT / 2
    _sizes(ax, data, lang, scale, row)
    if classes:
        _classes(ax, data, lang, classes, (height - ROW_PT) / 2)
    _scale_bar(ax, view, width, row, lang)


def _text(ax: Axes, x: float, y: float, text: str, ha: str = "left", colour: str = st.INK, size: float = LEGEND_PT) -> float:
    ax.text(x, y, text, ha=ha, va="center_baseline", fontsize=size, color=colour)
    return st.text_width(text, size)


def _sizes(ax: Axes, data: MapData, lang: Language, scale: Scale, y: float) -> None:
    from briefer.core.charts.map import POINT, POINT_ON_REGIONS

    colour = POINT_ON_REGIONS if data.regions else POINT
    if not data.points:
        return
    x = 0.0
    if data.size_legend:
        x += _text(ax, x, y, st.label(data.size_legend, lang), colour=st.MUTED) + 8
    largest = max((p.fatalities for p in data.points), default=0)
    values = scale.legend_values(largest)
    for value in values:
        r = scale.radius(value)
        ax.scatter([x + r], [y], s=(2 * r) ** 2, facecolors=colour, edgecolors="white", linewidths=0.4, alpha=0.72,
                   clip_on=False)
        x += 2 * r + 3
        x += _text(ax, x, y, fmt_number(value, lang)) + 9
    if data.zero_legend and any(p.fatalities <= 0 for p in data.points):
        ax.scatter([x + RING], [y], s=(2 * RING) ** 2, facecolors="white", edgecolors=colour, linewidths=0.6,
                   clip_on=False)
        _text(ax, x + 2 * RING + 3, y, st.label(data.zero_legend, lang))


def _classes(ax: Axes, data: MapData, lang: Language, classes: tuple[tuple[str, float, float], ...], y: float) -> None:
    from matplotlib.patches import Rectangle

    x = 0.0
    if data.region_legend:
        x += _text(ax, x, y, st.label(data.region_legend, lang), colour=st.MUTED) + 8
    for colour, low, high in classes:
        ax.add_patch(Rectangle((x, y - 3.5), 11, 7, facecolor=colour, edgecolor=st.AXIS, linewidth=0.3))
        text = f"{fmt_number(math.floor(low) + 1, lang)}–{fmt_number(high, lang)}"
        x += 14 + _text(ax, x + 14, y, text) + 8


def scale_length(view: tuple[float, float, float, float], width: float) -> tuple[int, float]:
    """(kilometres, points): the longest round distance that takes at most a fifth of the width."""
    west, south, east, north = view
    km_per_pt = geo.km_per_degree((south + north) / 2) * (east - west) / width
    km = max((k for k in KM_STEPS if k / km_per_pt <= width / 5), default=KM_STEPS[0])
    return km, km / km_per_pt


def _scale_bar(ax: Axes, view: tuple[float, float, float, float], width: float, y: float, lang: Language) -> None:
    from matplotlib.patches import Rectangle

    km, length = scale_length(view, width)
    unit = f"{fmt_number(km, lang)}\u00a0km"
    right = width - 2 - st.text_width(unit, LEGEND_PT) - 4
    left = right - length
    bar_y = y - 1.5
    for k, colour in enumerate((st.INK, "white", st.INK, "white")):
        ax.add_patch(Rectangle((left + k * length / 4, bar_y), length / 4, 3, facecolor=colour, edgecolor=st.INK,
                               linewidth=0.5, clip_on=False))
    _text(ax, left - 3, y, "0", ha="right")
    _text(ax, right + 4, y, unit)


def north_arrow_box(width: float, height: float) -> tuple[float, float, float, float]:
    """The area (points from the map's lower left) the north arrow takes, kept free of names."""
    return (width - 24, height - 34, width - 2, height - 2)


def north_arrow(ax: Axes) -> None:
    """A small arrow with "N", in the map's upper right corner."""
    from matplotlib.patches import Polygon

    from briefer.core.charts.axes import offset

    arrow = Polygon([(0, 0), (4 / 72, 4 / 72), (0, 15 / 72), (-4 / 72, 4 / 72)], closed=True, facecolor=st.INK,
                    edgecolor=st.INK, linewidth=0.5, transform=_from_corner(ax, -13, -31), zorder=9)
    ax.add_patch(arrow)
    ax.text(1.0, 1.0, "N", transform=offset(ax, ax.transAxes, -13, -9), ha="center", va="center", fontsize=LEGEND_PT,
            fontweight="bold", color=st.INK, zorder=9)


def _from_corner(ax: Axes, dx_pt: float, dy_pt: float):  # type: ignore[no-untyped-def]
    """Coordinates in inches from the axes' upper right corner shifted by (dx, dy) points."""
    from typing import cast

    from matplotlib.transforms import Affine2DBase, ScaledTranslation

    corner = ScaledTranslation(1.0, 1.0, cast("Affine2DBase", ax.transAxes))
    return ax.figure.dpi_scale_trans + corner + ScaledTranslation(dx_pt / 72, dy_pt / 72, ax.figure.dpi_scale_trans)
