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

_SPECIAL = re.compile(r"\r\n|[\U00010000-\U0010FFFF]")


class TextMap:
    def __init__(self, full_text: str) -> None:
        self.full_text = full_text
        self.display = full_text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
        # Only characters whose width in the view is not one unit are kept: where they are, and the
        # view's total offset after each (a "\r" before "\n" takes none, a character beyond the BMP two).
        self._at: list[int] = []
        self._shift: list[int] = []
        shift = 0
        for match in _SPECIAL.finditer(full_text):
            shift += -1 if match.group() == "\r\n" else 1
            self._at.append(match.start())
            self._shift.append(shift)

    def to_view(self, index: int) -> int:
        index = max(0, min(index, len(self.full_text)))
        before = bisect.bisect_left(self._at, index)  # special characters starting before `index`
        return index + (self._shift[before - 1] if before else 0)

    def to_source(self, position: int) -> int:
        """The first source offset whose view position is at or after `position`."""
        low, high = 0, len(self.full_text)
        while low < high:
            middle = (low + high) // 2
            if self.to_view(middle) < position:
                low = middle + 1
            else:
                high = middle
        return low

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the view's selection `start`–`end` (in either order)."""
        low, high = sorted((start, end))
        return self.to_source(low), self.to_source(high)
