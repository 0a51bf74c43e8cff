"""Charts: `ChartData` (or `MapData`) -> matplotlib `Figure` -> SVG, PNG or a reportlab `Drawing`.

Contracts:
- pyplot is never used: figures are plain `matplotlib.figure.Figure` objects, which the desktop
  app may put on a Qt canvas as they are. Importing this package imports no matplotlib at all.
- Sizes are the printed sizes; text is 8 pt (9 pt for the "no events" message) at that size.
- The chart's title, caption and source line belong to the PDF layer and are not drawn here.
- Output is deterministic: the same inputs give byte-identical SVG and PNG.
- `chart_drawing` uses only the embedded DejaVu TrueType fonts (see `briefer.core.fonts`).
- Values are counts or other non-negative quantities; series must match the dates/categories.
- A `MapData` goes through the same functions and caches (see `map`); its cache key includes a
  hash of the outline files in `resources/maps`.
- SVG, PNG and drawings are cached by their inputs in memory, and SVG on disk too (see
  `diskcache`), so rebuilding an unchanged briefing never imports matplotlib; each call of
  `chart_drawing` returns a deep copy the caller may scale or mutate freely.
"""

from __future__ import annotations

import copy
import io
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from briefer.core.domain import ChartData, Language, MapData

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from reportlab.graphics.shapes import Drawing

__all__ = ["PNG_DPI", "chart_drawing", "chart_figure", "chart_png", "chart_svg", "clear_cache"]

PNG_DPI = 200
CACHE_SIZE = 64

Drawable = ChartData | MapData

# rc_context changes matplotlib's global settings while it lasts: one render at a time.
_render_lock = threading.RLock()


def chart_figure(chart: Drawable, lang: Language, width_in: float = 6.3, height_in: float = 2.8) -> Figure:
    """A new figure of `width_in` × `height_in` inches showing `chart` in the house style."""
    from briefer.core.charts import style

    with _render_lock, style.house_style():
        return _build(chart, lang, width_in, height_in)


def chart_svg(chart: Drawable, lang: Language, width_in: float = 6.3, height_in: float = 2.8) -> bytes:
    """The chart as SVG with its text kept as text in "DejaVu Sans"; identical bytes for identical inputs."""
    return _cached(_svg, chart, lang, float(width_in), float(height_in))


def chart_png(
    chart: Drawable, lang: Language, width_in: float = 6.3, height_in: float = 2.8, dpi: int = PNG_DPI
) -> bytes:
    """The chart as a PNG image (the fallback when vector output is not wanted)."""
    return _cached(_png, chart, lang, float(width_in), float(height_in), int(dpi))


def chart_drawing(chart: Drawable, lang: Language, width_pt: float, height_pt: float) -> Drawing:
    """The chart as a reportlab Drawing of exactly `width_pt` × `height_pt` points, all text in DejaVu."""
    drawing: Drawing = _cached(_drawing, chart, lang, float(width_pt), float(height_pt))
    return copy.deepcopy(drawing)


def clear_cache() -> None:
    for fn in (_svg, _png, _drawing):
        fn.cache_clear()


def _cached(fn, *args):  # type: ignore[no-untyped-def]
    """Call the cached `fn`; fall back to the uncached one when an input is not hashable."""
    try:
        hash(args)
    except TypeError:
        return fn.__wrapped__(*args)
    return fn(*args)


def _build(chart: Drawable, lang: Language, width_in: float, height_in: float) -> Figure:
    from matplotlib.figure import Figure

    from briefer.core.charts.bars import draw_bars
    from briefer.core.charts.timeline import draw_timeline

    if width_in <= 0 or height_in <= 0:
        raise ValueError(f"chart size must be positive, got {width_in} × {height_in} in")
    if isinstance(chart, MapData):
        from briefer.core.charts.map import draw_map

        fig = Figure(figsize=(width_in, height_in))
        draw_map(fig, chart, lang)
        return fig
    if any(not v >= 0 for s in chart.series for v in s.values):  # also refuses NaN
        raise ValueError(f"chart {chart.key!r}: values must be non-negative numbers")
    fig = Figure(figsize=(width_in, height_in))
    if chart.kind == "timeline":
        draw_timeline(fig, chart, lang)
    elif chart.kind == "bars":
        draw_bars(fig, chart, lang)
    else:
        raise ValueError(f"chart {chart.key!r}: unknown kind {chart.kind!r} (expected 'timeline' or 'bars')")
    return fig


def _save(chart: Drawable, lang: Language, width_in: float, height_in: float, **kwargs: object) -> bytes:
    from briefer.core.charts import style

    with _render_lock, style.house_style():
        fig = _build(chart, lang, width_in, height_in)
        buf = io.BytesIO()
        fig.savefig(buf, **kwargs)  # type: ignore[arg-type]
    return buf.getvalue()


@lru_cache(maxsize=CACHE_SIZE)
def _svg(chart: Drawable, lang: Language, width_in: float, height_in: float) -> bytes:
    from briefer.core.charts import diskcache

    key: tuple[object, ...] = ("svg", chart, lang, width_in, height_in)
    if isinstance(chart, MapData):
        from briefer.core.charts import geo

        key += (geo.digest(),)
    stored = diskcache.get(key)
    if stored is not None:
        return stored
    data = _save(chart, lang, width_in, height_in, format="svg", metadata={"Date": None})
    diskcache.put(key, data)
    return data


@lru_cache(maxsize=CACHE_SIZE)
def _png(chart: Drawable, lang: Language, width_in: float, height_in: float, dpi: int) -> bytes:
    return _save(chart, lang, width_in, height_in, format="png", dpi=dpi, metadata={"Software": None})


@lru_cache(maxsize=CACHE_SIZE)
def _drawing(chart: Drawable, lang: Language, width_pt: float, height_pt: float) -> Drawing:
    from svglib.svglib import svg2rlg

    from briefer.core.fonts import SANS, svg_font_map

    svg = _cached(_svg, chart, lang, width_pt / 72, height_pt / 72)
    drawing = svg2rlg(io.BytesIO(svg), font_map=svg_font_map())
    if drawing is None:  # pragma: no cover - matplotlib's SVG always parses
        raise RuntimeError(f"svglib could not read the SVG of chart {chart.key!r}")
    sx, sy = width_pt / drawing.width, height_pt / drawing.height
    if abs(sx - 1) > 1e-6 or abs(sy - 1) > 1e-6:
        drawing.scale(sx, sy)
    drawing.width, drawing.height = width_pt, height_pt
    drawing.initialFontName = SANS
    drawing.initialFontSize = 8
    return drawing
