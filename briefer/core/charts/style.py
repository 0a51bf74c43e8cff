"""The house style of every chart: palette, sizes, rc settings, scales and text fitting.

Sizes are in points at the final printed size (figures are built at the size they are printed,
never scaled up or down). Colours follow Paul Tol's colour-blind-safe "bright" scheme.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from briefer.core.domain import Language
from briefer.core.i18n import typeset

if TYPE_CHECKING:
    from matplotlib.axes import Axes

FAMILY = "DejaVu Sans"
TEXT_PT = 8.0  # ticks, labels, legends, values
MESSAGE_PT = 9.0  # the "no events" message

INK = "#262626"  # text
MUTED = "#5E5E5E"  # secondary text, axis labels
AXIS = "#8C8C8C"  # baseline spines and ticks
GRID = "#E3E3E3"  # light horizontal grid
MARKER = "#4D4D4D"  # key-date lines

BAR = "#4477AA"  # Tol blue: the primary series (bars)
LINE = "#BB2A1E"  # dark vermilion: the line series (contrasts with BAR for every colour vision)
PALETTE = ("#4477AA", "#CCBB44", "#66CCEE", "#228833", "#EE6677", "#AA3377", "#BBBBBB")  # Tol bright, reordered
LINE_PALETTE = (LINE, "#222222", "#AA3377", "#228833")

LINE_HEIGHT = 1.2  # times the font size
ASCENT = 0.76  # height of DejaVu Sans capitals and ascenders, times the font size

NO_EVENTS = {"en": "No events recorded", "fr": "Aucun événement enregistré"}

RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "briefer",
    "svg.image_inline": True,
    "font.family": FAMILY,
    "font.size": TEXT_PT,
    "text.color": INK,
    "text.parse_math": False,  # "$" in an actor's name is text, not mathtext
    "axes.unicode_minus": True,
    "axes.edgecolor": AXIS,
    "axes.linewidth": 0.6,
    "axes.labelcolor": MUTED,
    "axes.labelsize": TEXT_PT,
    "axes.titlesize": TEXT_PT,
    "xtick.color": AXIS,
    "ytick.color": AXIS,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "xtick.labelsize": TEXT_PT,
    "ytick.labelsize": TEXT_PT,
    "legend.fontsize": TEXT_PT,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "hatch.linewidth": 0.5,
}


@contextmanager
def house_style() -> Iterator[None]:
    """Apply the house rc settings for the duration of a build or a save, then restore them."""
    import matplotlib

    with matplotlib.rc_context(RC):  # type: ignore[arg-type]
        yield


def text_width(text: str, size: float = TEXT_PT) -> float:
    """Width in points of one line of text in DejaVu Sans, by the font's advance widths: the metric
    reportlab uses when it draws the chart's text in the PDF."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from briefer.core.fonts import SANS, register_fonts

    register_fonts()
    return float(stringWidth(text, SANS, size))


def block_width(text: str, size: float = TEXT_PT) -> float:
    """Width in points of the widest line of a multi-line text."""
    return max((text_width(line, size) for line in text.split("\n")), default=0.0)


def label(text: str, lang: Language) -> str:
    """Text from the data as printed: French typography (no-break space before ":" …), one line."""
    return typeset(_one_line(text), lang)


def data_label(text: str) -> str:
    """A name from the data (an actor, a region) as printed: one line, otherwise verbatim — no
    typographic changes, since "JNIM: Group for Support of Islam and Muslims" is a proper name."""
    return _one_line(text)


def _one_line(text: str) -> str:
    """Collapse ordinary white space (not the no-break spaces French typography relies on)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip(" ")


def wrap(text: str, max_width: float, size: float = TEXT_PT, max_lines: int = 2) -> str:
    """Break `text` into lines no wider than `max_width` points; shorten the last line with "…".

    Words are never split unless one alone is too wide. "JNIM: Group for Support of Islam and
    Muslims" stays whole on two lines; a longer name keeps its acronym and the start of its name.
    """
    text = _one_line(text)
    if text_width(text, size) <= max_width:
        return text
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size) <= max_width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words or text_width(lines[-1], size) > max_width:
        lines[-1] = _ellipsize(" ".join([lines[-1], *words]), max_width, size)
    elif len(lines) == 2:
        lines = _balanced(text, max_width, size)
    return "\n".join(lines)


def _balanced(text: str, max_width: float, size: float) -> list[str]:
    """The break into two lines that fit and have the shortest longer line."""
    words = text.split(" ")
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    fitting = [s for s in splits if max(text_width(s[0], size), text_width(s[1], size)) <= max_width]
    best = min(fitting, key=lambda s: max(text_width(s[0], size), text_width(s[1], size)))
    return list(best)


def _ellipsize(text: str, max_width: float, size: float) -> str:
    """The longest start of `text` that fits with "…", cut at a word boundary when possible."""
    if text_width(text, size) <= max_width:
        return text
    cut = len(text)
    while cut > 1 and text_width(text[:cut].rstrip(" ,;:–-") + "…", size) > max_width:
        cut -= 1
    head = text[:cut]
    if " " in head and not text[cut : cut + 1].isspace() and cut < len(text):
        word_cut = head.rsplit(" ", 1)[0]
        if len(word_cut) >= len(head) * 0.6:
            head = word_cut
    return head.rstrip(" ,;:–-") + "…"


NICE = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
INTERVALS = (4, 3, 5, 2, 1)  # grid intervals, preferred first
FEW_INTERVALS_PENALTY = 0.15  # 1 or 2 intervals only when clearly tighter


def nice_step(span: float, intervals: int, integer: bool = True) -> float:
    """The smallest "nice" step (NICE × 10^k) with `intervals` steps covering `span`; a whole
    number when `integer` (counts of events are never split)."""
    if span <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(span / intervals))
    for mult in NICE:
        step = mult * magnitude
        if integer and not float(step).is_integer():
            continue
        if step * intervals >= span * (1 - 1e-9):
            return float(step)
    return float(10 * magnitude)


def nice_ticks(vmax: float, integer: bool = True) -> list[float]:
    """Ticks 0, step, 2·step … whose top is the tightest above vmax."""
    return aligned_ticks(vmax, integer=integer)[0]


def aligned_ticks(*maxima: float, integer: bool = True) -> list[list[float]]:
    """One tick list per maximum, all with the same number of intervals (so two y axes share one
    grid), choosing the count that wastes least space on the worst-served axis."""
    best: tuple[float, list[list[float]]] | None = None
    for k in INTERVALS:
        ticks = [_ticks(v, k, integer) for v in maxima]
        waste = max(t[-1] / v if v > 0 else 1.0 for t, v in zip(ticks, maxima, strict=True))
        waste += FEW_INTERVALS_PENALTY if k <= 2 else 0.0
        if best is None or waste < best[0] - 0.02:
            best = (waste, ticks)
    assert best is not None
    return best[1]


def _ticks(vmax: float, intervals: int, integer: bool) -> list[float]:
    step = nice_step(vmax if vmax > 0 else 1.0, intervals, integer)
    return [round(i * step, 9) for i in range(intervals + 1)]


def decimals_for(step: float) -> int:
    for places in range(4):
        scaled = step * 10**places
        if abs(scaled - round(scaled)) < 1e-9:
            return places
    return 3


def strip_axes(ax: Axes, keep: Sequence[str] = ("bottom",)) -> None:
    """Hide every spine not in `keep`; no chart junk."""
    for name, spine in ax.spines.items():
        spine.set_visible(name in keep)


def is_empty(values: Sequence[Sequence[float]]) -> bool:
    """True when there is nothing to draw: no values, or all of them zero."""
    return not any(v for series in values for v in series)


def draw_message(ax: Axes, lang: Language) -> None:
    """The centred "No events recorded" message in an otherwise blank plot area."""
    ax.text(
        0.5,
        0.5,
        NO_EVENTS.get(lang, NO_EVENTS["en"]),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=MESSAGE_PT,
        color=MUTED,
    )


def add_rects(ax: Axes, rects: Sequence[tuple[float, float, float, float]], colour: str, zorder: float = 2) -> None:
    """Bars (x, y, width, height in data units) as one compound path: one SVG element for all bars,
    unclipped, far cheaper than one patch per bar through matplotlib and svglib."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    verts: list[tuple[float, float]] = []
    codes: list[int] = []  # Path codes are numpy uint8 constants
    for x, y, w, h in rects:
        if w and h:
            verts += [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]
            codes += [int(Path.MOVETO), int(Path.LINETO), int(Path.LINETO), int(Path.LINETO), int(Path.CLOSEPOLY)]
    if verts:
        patch = PathPatch(Path(verts, codes), facecolor=colour, edgecolor="none", linewidth=0, zorder=zorder)
        patch.set_clip_on(False)
        ax.add_artist(patch)
