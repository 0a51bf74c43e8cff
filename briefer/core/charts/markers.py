"""Where the labels of key-date markers go, so that they neither collide nor leave the plot.

Pure geometry in points along the x axis: no matplotlib here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefer.core.domain import KeyDate

GAP_PT = 4.0  # between two labels on the same level
OFFSET_PT = 3.0  # between a dashed line and its label
MAX_LEVELS = 3


@dataclass(frozen=True)
class Placement:
    side: int  # +1: label right of its line, -1: left of it
    level: int  # 0 is the top row
    left: float  # extent of the label, in points from the axis' left end
    right: float


def place_labels(xs: Sequence[float], widths: Sequence[float], axis_width: float) -> list[Placement]:
    """One placement per marker (same order as `xs`): right of the line when it fits inside the
    axis, else left; on the highest level where it overlaps no other label and, if possible,
    crosses no other marker's line. Markers must be sorted by x."""
    placed: list[Placement] = []
    for i, (x, width) in enumerate(zip(xs, widths, strict=True)):
        others = [o for j, o in enumerate(xs) if j != i]
        candidates = [_extent(x, width, side) for side in _sides(x, width, axis_width)]
        choice = _first_free(candidates, placed, others) or _first_free(candidates, placed, ())
        placed.append(choice or _least_bad(candidates, placed))
    return placed


def _sides(x: float, width: float, axis_width: float) -> list[int]:
    fits_right = x + OFFSET_PT + width <= axis_width
    fits_left = x - OFFSET_PT - width >= 0
    if fits_right and fits_left:
        return [1, -1]
    if fits_right or not fits_left:
        return [1] if fits_right else [1 if axis_width - x >= x else -1]
    return [-1]


def _extent(x: float, width: float, side: int) -> tuple[int, float, float]:
    if side > 0:
        return side, x + OFFSET_PT, x + OFFSET_PT + width
    return side, x - OFFSET_PT - width, x - OFFSET_PT


def _first_free(
    candidates: list[tuple[int, float, float]], placed: list[Placement], lines: Sequence[float]
) -> Placement | None:
    for level in range(MAX_LEVELS):
        for side, left, right in candidates:
            clash = any(p.level == level and left < p.right + GAP_PT and right > p.left - GAP_PT for p in placed)
            crosses = any(left - 1 <= line <= right + 1 for line in lines)
            if not clash and not crosses:
                return Placement(side, level, left, right)
    return None


def _least_bad(candidates: list[tuple[int, float, float]], placed: list[Placement]) -> Placement:
    def overlap(level: int, left: float, right: float) -> float:
        return sum(max(0.0, min(right, p.right) - max(left, p.left)) for p in placed if p.level == level)

    side, left, right = candidates[0]
    level = min(range(MAX_LEVELS), key=lambda lv: overlap(lv, left, right))
    return Placement(side, level, left, right)


def marker_numbers(markers: Sequence[KeyDate]) -> dict[KeyDate, int]:
    """Key dates numbered 1, 2, … in date order: the chart shows the numbers, the document the key."""
    return {m: n for n, m in enumerate(sorted(markers, key=lambda m: (m.day, m.label_en)), 1)}
