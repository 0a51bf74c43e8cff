"""Timeline charts: the first series as bars per bucket (left scale), the others as lines on a
right scale whose ticks sit on the same grid lines, key dates as dashed lines with labels.

All series share one Axes: line values are rescaled so that right tick i lands on left tick i.
Layout is computed in points from the measured text, so a figure built at its printed size has
exactly the margins it needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.core.charts import axes as ax_
from briefer.core.charts import style as st
from briefer.core.charts.markers import Placement, marker_numbers, place_labels
from briefer.core.charts.timeaxis import bucket_ends, date_ticks
from briefer.core.domain import ChartData, KeyDate, Language
from briefer.core.i18n import fmt_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LH = st.TEXT_PT * st.LINE_HEIGHT
BAR_SHARE = 0.78  # of a bucket's width
TICK_PAD = 4.0  # between the plot and the y tick labels
TOP = LH + 9  # room for the series keys
BOTTOM = 3 + 3 + 2 * LH + 4  # tick, gap, month and year lines


@dataclass(frozen=True)
class _Frame:
    """Figure and plot sizes in points, and the x range in ordinals."""

    width: float
    height: float
    left: float
    right: float
    x0: float
    x1: float

    @property
    def axis_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def axis_height(self) -> float:
        return self.height - TOP - BOTTOM

    def x_pt(self, ordinal: float) -> float:
        return (ordinal - self.x0) / (self.x1 - self.x0) * self.axis_width

    def ordinal(self, x_pt: float) -> float:
        return self.x0 + x_pt / self.axis_width * (self.x1 - self.x0)

    def place(self, fig: Figure) -> Axes:
        fig.subplots_adjust(left=self.left / self.width, right=1 - self.right / self.width,
                            bottom=BOTTOM / self.height, top=1 - TOP / self.height)
        ax = fig.add_subplot()
        ax_.no_ticks(ax)
        st.strip_axes(ax, keep=("bottom",))
        ax.set_xlim(self.x0, self.x1)
        return ax


def draw_timeline(fig: Figure, chart: ChartData, lang: Language) -> None:
    """Draw `chart` (kind "timeline") on an empty figure."""
    starts, ends = list(chart.dates), bucket_ends(chart.dates)
    for s in chart.series:
        if len(s.values) != len(starts):
            raise ValueError(f"chart {chart.key!r}: series {s.name!r} has {len(s.values)} values for {len(starts)} dates")
    if not starts or not chart.series or st.is_empty([s.values for s in chart.series]):
        _draw_empty(fig, starts, ends, lang)
        return
    bars, lines = chart.series[0], chart.series[1:]
    whole = all(float(v).is_integer() for s in chart.series for v in s.values)
    if lines:
        left_ticks, right_ticks = st.aligned_ticks(max(bars.values), max(max(s.values) for s in lines), integer=whole)
    else:
        left_ticks, right_ticks = st.nice_ticks(max(bars.values), integer=whole), []
    left_texts = [_fmt(t, left_ticks, lang) for t in left_ticks]
    right_texts = [_fmt(t, right_ticks, lang) for t in right_ticks]
    frame = _frame(fig, starts, ends, left_texts, right_texts, bool(chart.value_label))
    ax = frame.place(fig)
    ratio = left_ticks[-1] / right_ticks[-1] if lines else 1.0
    line_values = [[v * ratio for v in s.values] for s in lines]
    _bars(ax, starts, ends, bars.values)
    ax_.hgrid(ax, left_ticks[1:])
    ax_.y_labels(ax, left_ticks, left_texts, "left", TICK_PAD)
    if chart.value_label:
        _value_label(ax, st.label(chart.value_label, lang), max(st.text_width(t) for t in left_texts))
    _x_axis(ax, frame, starts, lang)
    if lines:
        _lines(ax, starts, ends, line_values)
        colour = st.LINE_PALETTE[0] if len(lines) == 1 else st.INK
        ax_.y_labels(ax, left_ticks, right_texts, "right", TICK_PAD, colour)
    headroom = _markers(ax, frame, chart.markers, lang, starts, ends, [bars.values, *line_values], left_ticks[-1])
    ax.set_ylim(0, left_ticks[-1] * headroom)
    ax_.key(ax, [("box", st.BAR, st.label(bars.name, lang))], "left")
    if lines:
        names = [st.label(s.name, lang) for s in lines]
        ax_.key(ax, [("line", c, name) for name, c in zip(names, st.LINE_PALETTE * 4, strict=False)], "right")


def _frame(
    fig: Figure, starts: list[dt.date], ends: list[dt.date], left_texts: list[str], right_texts: list[str],
    ylabel: bool,
) -> _Frame:
    width, height = (float(v) * 72 for v in fig.get_size_inches())
    left = max(st.text_width(t) for t in left_texts) + TICK_PAD + (LH + 4 if ylabel else 0) + 4
    right = max(st.text_width(t) for t in right_texts) + TICK_PAD + 4 if right_texts else 14
    return _Frame(width, height, left, right, starts[0].toordinal(), ends[-1].toordinal())


def _fmt(value: float, ticks: list[float], lang: Language) -> str:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    return fmt_number(value, lang, st.decimals_for(step))


def _bars(ax: Axes, starts: list[dt.date], ends: list[dt.date], values: Sequence[float]) -> None:
    rects = [
        (s.toordinal() + (e - s).days * (1 - BAR_SHARE) / 2, 0.0, (e - s).days * BAR_SHARE, v)
        for s, e, v in zip(starts, ends, values, strict=True)
    ]
    st.add_rects(ax, rects, st.BAR)


def _value_label(ax: Axes, text: str, ticks_width: float) -> None:
    where = ax_.offset(ax, ax.transAxes, -(ticks_width + TICK_PAD + 4), 0)
    ax.text(0.0, 0.5, text, transform=where, rotation=90, ha="center", va="bottom", rotation_mode="anchor",
            fontsize=st.TEXT_PT, color=st.MUTED)


def _x_axis(ax: Axes, frame: _Frame, starts: list[dt.date], lang: Language) -> None:
    first, last = dt.date.fromordinal(int(frame.x0)), dt.date.fromordinal(int(frame.x1))
    ticks = date_ticks(first, last - dt.timedelta(days=1), starts, lang, frame.axis_width)
    ax_.x_ticks(ax, [t for t, _ in ticks], [label for _, label in ticks])


def _lines(ax: Axes, starts: list[dt.date], ends: list[dt.date], values: list[list[float]]) -> None:
    mids = [s.toordinal() + (e - s).days / 2 for s, e in zip(starts, ends, strict=True)]
    small = len(starts) <= 14
    for series, colour in zip(values, st.LINE_PALETTE * 4, strict=False):
        ax.plot(mids, series, color=colour, linewidth=1.4, solid_joinstyle="round", zorder=3,
                marker="o" if small else None, markersize=3, clip_on=False)


def _markers(
    ax: Axes, frame: _Frame, markers: Sequence[KeyDate], lang: Language, starts: list[dt.date],
    ends: list[dt.date], values: list[Sequence[float]], top: float,
) -> float:
    """Draw the key dates inside the x range; return the factor by which the y axis must extend
    above its top tick so that no bar or line point runs under a label."""
    numbered = marker_numbers(markers)
    inside = sorted((m for m in markers if frame.x0 <= m.day.toordinal() <= frame.x1), key=lambda m: m.day)
    if not inside:
        return 1.0
    texts = [str(numbered[m]) for m in inside]
    xs = [frame.x_pt(m.day.toordinal()) for m in inside]
    places = place_labels(xs, [st.block_width(t) for t in texts], frame.axis_width)
    level_h = max(t.count("\n") + 1 for t in texts) * LH + 3
    for marker, text, place in zip(inside, texts, places, strict=True):
        _marker(ax, marker.day.toordinal(), text, place, level_h)
    return max([1.0] + [_room(frame, p, level_h, starts, ends, values, top) for p in places])


def _marker(ax: Axes, x: float, text: str, place: Placement, level_h: float) -> None:
    from matplotlib.transforms import blended_transform_factory

    ax.axvline(x, color=st.MARKER, linewidth=0.7, linestyle=(0, (3, 2)), zorder=2.5)
    base = blended_transform_factory(ax.transData, ax.transAxes)
    ax.text(
        x, 1.0, text,
        transform=ax_.offset(ax, base, 3.0 * place.side, -(place.level * level_h + 2)),
        ha="left" if place.side > 0 else "right", va="top",
        fontsize=st.TEXT_PT, color=st.INK, fontweight="bold", linespacing=1.05, zorder=5,
        bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
    )


def _room(
    frame: _Frame, place: Placement, level_h: float, starts: list[dt.date], ends: list[dt.date],
    values: list[Sequence[float]], top: float,
) -> float:
    """Headroom factor so that the data under one label stays below it."""
    free = 1 - ((place.level + 1) * level_h + 4) / frame.axis_height
    lo, hi = frame.ordinal(place.left - 2), frame.ordinal(place.right + 2)
    under = [i for i, (s, e) in enumerate(zip(starts, ends, strict=True)) if s.toordinal() < hi and e.toordinal() > lo]
    need = [v[i] / top for v in values for i in under]
    return max(need, default=0.0) / max(free, 0.2)


def _draw_empty(fig: Figure, starts: list[dt.date], ends: list[dt.date], lang: Language) -> None:
    """The date axis of the period (when known) under the "No events recorded" message."""
    if not starts:
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        st.draw_message(ax, lang)
        return
    width, height = (float(v) * 72 for v in fig.get_size_inches())
    frame = _Frame(width, height, 14, 14, starts[0].toordinal(), ends[-1].toordinal())
    ax = frame.place(fig)
    _x_axis(ax, frame, starts, lang)
    st.draw_message(ax, lang)
