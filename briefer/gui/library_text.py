"""A source's full text shown in a Qt text view, and the map between the two kinds of offsets.

Contract: `TextMap(full_text).display` is the text to hand to `setPlainText`; `to_view(i)` is the
document position of the source's character offset `i` (Python code points), `to_source(p)` the
source offset of document position `p`, so that a selection in the view is `full_text[a:b]` with
`a, b = to_source(start), to_source(end)`. Qt counts UTF-16 units (an emoji is two), folds "\\r\\n"
into one paragraph break and shows a form feed as a box: the display text replaces "\\r" and "\\f"
with "\\n" and the map accounts for the rest. `to_source(to_view(i)) == i` for every offset `i`
but that of the "\\n" of a "\\r\\n" pair (which maps to its "\\r").
"""

from __future__ import annotations

import bisect
import re

_SPECIAL = re.compile(r"[\r\f\U00010000-\U0010FFFF]")


class TextMap:
    def __init__(self, full_text: str) -> None:
        self.full_text = full_text
        self._view: list[int] | None = None  # view position of each source offset 0..n; None: the same
        if _SPECIAL.search(full_text):
            self._view = _positions(full_text)
        self.display = full_text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")

    def to_view(self, index: int) -> int:
        index = max(0, min(index, len(self.full_text)))
        return index if self._view is None else self._view[index]

    def to_source(self, position: int) -> int:
        if self._view is None:
            return max(0, min(position, len(self.full_text)))
        return min(bisect.bisect_left(self._view, position), len(self.full_text))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the view's selection `start`–`end` (in either order)."""
        low, high = sorted((start, end))
        return self.to_source(low), self.to_source(high)


def _positions(text: str) -> list[int]:
    """Cumulative view positions: a "\\r" before "\\n" takes none, a character beyond the BMP two."""
    positions, at = [0] * (len(text) + 1), 0
    for i, char in enumerate(text):
        positions[i] = at
        if char == "\r" and text[i + 1:i + 2] == "\n":
            continue
        at += 2 if ord(char) > 0xFFFF else 1
    positions[len(text)] = at
    return positions
