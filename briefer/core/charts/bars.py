"""Horizontal bar charts: categories top to bottom in the given order, one bar per series in each
category (grouped when there are several), the value printed at the end of every bar.

The value axis carries no ticks (every bar is labelled); the category labels are wrapped to at
most two lines and shortened with "…" beyond that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.core.charts import axes as ax_
from briefer.core.charts import style as st
from briefer.core.domain import ChartData, Language, Series
from briefer.core.i18n import fmt_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LH = st.TEXT_PT * st.LINE_HEIGHT
LABEL_SHARE = 0.36  # of the figure width, at most, for category labels
GROUP_SHARE = 0.74  # of a category's slot taken by its bars
MAX_BAR_PT = 13.0  # bars never get fatter than this, however few the categories
VALUE_PAD_PT = 3.0
LABEL_PAD_PT = 6.0


def draw_bars(fig: Figure, chart: ChartData, lang: Language) -> None:
    """Draw `chart` (kind "bars") on an empty figure."""
    for s in chart.series:
        if len(s.values) != len(chart.categories):
            raise ValueError(
                f"chart {chart.key!r}: series {s.name!r} has {len(s.values)} values for {len(chart.categories)} categories"
            )
    if not chart.categories or not chart.series or st.is_empty([s.values for s in chart.series]):
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        st.draw_message(ax, lang)
        return
    width, height = (float(v) * 72 for v in fig.get_size_inches())
    labels = [st.wrap(st.data_label(c), width * LABEL_SHARE) for c in chart.categories]
    left = max(st.block_width(t) for t in labels) + LABEL_PAD_PT + 4
    top = LH + 8 if len(chart.series) > 1 else 4
    bottom = LH + 6 if chart.value_label else 3
    fig.subplots_adjust(left=left / width, right=1 - 4 / width, bottom=bottom / height, top=1 - top / height)
    ax = fig.add_subplot()
    axis_w, axis_h = width - left - 4, height - top - bottom
    _draw(ax, chart, labels, lang, axis_w, axis_h)


def _draw(ax: Axes, chart: ChartData, labels: list[str], lang: Language, axis_w: float, axis_h: float) -> None:
    n, m = len(chart.categories), len(chart.series)
    slot_pt = axis_h / n
    bar = min(GROUP_SHARE / m, MAX_BAR_PT / slot_pt)  # one bar's thickness, in category units
    value_size = max(6.0, min(st.TEXT_PT, bar * slot_pt + 1.0))
    texts = [[fmt_number(v, lang, _decimals(s)) for v in s.values] for s in chart.series]
    widest = max(st.text_width(t, value_size) for row in texts for t in row)
    vmax = max(max(s.values) for s in chart.series)
    ax.set_xlim(0, vmax * axis_w / max(axis_w - widest - VALUE_PAD_PT - 2, axis_w * 0.3))
    ax.set_ylim(n - 0.5, -0.5)
    for k, (series, row) in enumerate(zip(chart.series, texts, strict=True)):
        ys = [i + (k - (m - 1) / 2) * bar for i in range(n)]
        colour = st.BAR if m == 1 else st.PALETTE[k % len(st.PALETTE)]
        thick = bar * (0.92 if m > 1 else 1.0)
        st.add_rects(ax, [(0.0, y - thick / 2, v, thick) for y, v in zip(ys, series.values, strict=True)], colour)
        _values(ax, ys, series, row, value_size)
    ax_.no_ticks(ax)
    ax_.y_labels(ax, list(range(n)), labels, "left", LABEL_PAD_PT, va="center")
    st.strip_axes(ax, keep=("left",))
    ax.spines["left"].set_color(st.AXIS)
    if chart.value_label:
        ax.text(0.0, 0.0, st.label(chart.value_label, lang), transform=ax_.offset(ax, ax.transAxes, 0, -3), ha="left", va="top",
                fontsize=st.TEXT_PT, color=st.MUTED)
    if m > 1:
        _legend(ax, [st.label(s.name, lang) for s in chart.series])


def _decimals(series: Series) -> int:
    return 0 if all(float(v).is_integer() for v in series.values) else 1


def _values(ax: Axes, ys: list[float], series: Series, texts: list[str], size: float) -> None:
    shift = ax_.offset(ax, ax.transData, VALUE_PAD_PT, 0)
    for y, value, text in zip(ys, series.values, texts, strict=True):
        ax.text(value, y, text, transform=shift, ha="left", va="center_baseline", fontsize=size, color=st.INK)


def _legend(ax: Axes, names: list[str]) -> None:
    ax_.key(ax, [("box", st.PALETTE[k % len(st.PALETTE)], name) for k, name in enumerate(names)], "left")
