"""Light axis furniture drawn directly: grid lines, tick marks, tick labels and series keys.

Matplotlib's tick machinery makes five artists per tick and its legends pack boxes at draw time;
for the handful of fixed ticks a briefing chart has, plain texts and one path per grid cost a
third of the time through matplotlib and svglib. Offsets are given in points, so the furniture
keeps its distances when the figure is drawn at another size (e.g. on a Qt canvas).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, cast

from briefer.core.charts import style as st

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.transforms import Affine2DBase, Transform


def no_ticks(ax: Axes) -> None:
    """Remove matplotlib's own ticks from both axes (their labels too)."""
    ax.set_xticks([])
    ax.set_yticks([])


def offset(ax: Axes, base: Transform, dx_pt: float = 0.0, dy_pt: float = 0.0) -> Transform:
    """`base` shifted by a distance in points."""
    from matplotlib.transforms import ScaledTranslation

    return base + ScaledTranslation(dx_pt / 72, dy_pt / 72, ax.figure.dpi_scale_trans)


def hgrid(ax: Axes, ys: Sequence[float], colour: str = st.GRID, width: float = 0.6) -> None:
    """Horizontal lines across the plot at data heights `ys`, behind everything, as one path."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    verts = [pt for y in ys for pt in ((0.0, y), (1.0, y))]
    codes = [int(code) for _ in ys for code in (Path.MOVETO, Path.LINETO)]
    if not verts:
        return
    patch = PathPatch(Path(verts, codes), fill=False, edgecolor=colour, linewidth=width, zorder=0.5,
                      transform=ax.get_yaxis_transform(), capstyle="butt")
    patch.set_clip_on(False)
    ax.add_artist(patch)


def y_labels(
    ax: Axes, ys: Sequence[float], texts: Sequence[str], side: Literal["left", "right"] = "left",
    pad_pt: float = 4.0, colour: str = st.INK, va: str = "center_baseline",
) -> None:
    """Labels beside the plot at data heights `ys`, right-aligned on the left or left-aligned on the right."""
    x, sign, ha = (0.0, -1, "right") if side == "left" else (1.0, 1, "left")
    where = offset(ax, ax.get_yaxis_transform(), sign * pad_pt, 0)
    for y, text in zip(ys, texts, strict=True):
        ax.text(x, y, text, transform=where, ha=ha, va=va, fontsize=st.TEXT_PT, color=colour, multialignment=ha)


def x_ticks(ax: Axes, xs: Sequence[float], texts: Sequence[str], length_pt: float = 3.0, pad_pt: float = 3.0) -> None:
    """Tick marks under the plot at data positions `xs`, with centred labels below them."""
    from matplotlib.markers import TICKDOWN

    base = ax.get_xaxis_transform()
    ax.plot(xs, [0.0] * len(xs), linestyle="none", marker=TICKDOWN, markersize=length_pt, markeredgewidth=0.6,
            color=st.AXIS, transform=base, clip_on=False)
    # One text per line on its baseline: "août" and "déc." must not sit lower than "juil." because
    # of their accents (matplotlib aligns the top of a text by its tallest glyph).
    first = length_pt + pad_pt + st.ASCENT * st.TEXT_PT
    for x, text in zip(xs, texts, strict=True):
        for i, line in enumerate(text.split("\n")):
            where = offset(ax, base, 0, -(first + i * st.TEXT_PT * st.LINE_HEIGHT))
            ax.text(x, 0.0, line, transform=where, ha="center", va="baseline", fontsize=st.TEXT_PT, color=st.INK)


def key(
    ax: Axes, entries: Sequence[tuple[str, str, str]], corner: Literal["left", "right"] = "left",
    above_pt: float = 6.0, gap_pt: float = 12.0,
) -> None:
    """Series keys in one row above the plot, from its left or right corner.

    `entries` are (kind, colour, label) with kind "box" (a bar series) or "line". On the right the
    swatch follows the label, so the keys read outward from the plot's edge.
    """
    base = ax.transAxes
    x0 = 0.0 if corner == "left" else 1.0
    cursor = 0.0  # points from the corner, outward
    for kind, colour, label in entries if corner == "left" else reversed(entries):
        width = st.text_width(label)
        if corner == "left":
            _swatch(ax, x0, cursor, above_pt, kind, colour)
            ax.text(x0, 1.0, label, transform=offset(ax, base, cursor + 14, above_pt), ha="left", va="baseline",
                    fontsize=st.TEXT_PT, color=st.INK)
        else:
            ax.text(x0, 1.0, label, transform=offset(ax, base, -cursor - 14, above_pt), ha="right", va="baseline",
                    fontsize=st.TEXT_PT, color=st.INK)
            _swatch(ax, x0, -cursor - 11, above_pt, kind, colour)
        cursor += 14 + width + gap_pt


def _swatch(ax: Axes, x0: float, dx: float, above: float, kind: str, colour: str) -> None:
    """An 11 × 7 pt box or an 11 pt line whose left end is `dx` points from the corner."""
    from matplotlib.artist import Artist
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    artist: Artist
    if kind == "box":
        artist = Rectangle((0, 0), 11 / 72, 7 / 72, facecolor=colour, edgecolor="none", linewidth=0,
                           transform=_inches_from(ax, x0, dx, above - 0.5))
    else:
        artist = Line2D([0, 11 / 72], [3 / 72, 3 / 72], color=colour, linewidth=1.4, solid_capstyle="butt",
                        transform=_inches_from(ax, x0, dx, above))
    artist.set_clip_on(False)
    ax.add_artist(artist)


def _inches_from(ax: Axes, x0: float, dx_pt: float, dy_pt: float) -> Transform:
    """Coordinates in inches measured from the point (x0, 1) of the axes shifted by (dx, dy) points."""
    from matplotlib.transforms import ScaledTranslation

    corner = ScaledTranslation(x0, 1.0, cast("Affine2DBase", ax.transAxes))
    return ax.figure.dpi_scale_trans + corner + ScaledTranslation(
        dx_pt / 72, dy_pt / 72, ax.figure.dpi_scale_trans
    )
