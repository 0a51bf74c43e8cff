"""Where a passage sits in a stored text: "para. 4" for articles and text, "p. 4" for paged documents.

Contract of `locator(full_text, start, end) -> Locator`:
- a text with form feeds is paged: the page is 1 + the form feeds before `start`; the locator is
  "p. N", or "pp. N–M" for a passage running onto later pages;
- any other text counts paragraphs, blocks separated by blank lines (as `textnorm.clean_text`
  stores them): "para. N", or "paras. N–M" for a passage over several paragraphs; `page` is None;
- offsets out of range raise `ValueError` (a bug, not a user's mistake).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Locator:
    """A passage's locator text and page (None for unpaged texts)."""

    text: str
    page: int | None = None


def is_paged(full_text: str) -> bool:
    return "\f" in full_text


def page_of(full_text: str, offset: int) -> int:
    """1-based page of `offset` in a paged text."""
    return full_text.count("\f", 0, offset) + 1


def paragraph_of(full_text: str, offset: int) -> int:
    """1-based paragraph of `offset` (blank-line separated blocks; leading blank lines ignored)."""
    head = full_text[:offset].lstrip()
    return sum(1 for _ in _PARAGRAPH_BREAK.finditer(head)) + 1


def locator(full_text: str, start: int, end: int) -> Locator:
    """The locator of the passage `full_text[start:end]` (see the module's contract)."""
    if not 0 <= start <= end <= len(full_text):
        raise ValueError(f"offsets {start}-{end} outside a text of {len(full_text)} characters")
    last = max(start, end - 1)
    if is_paged(full_text):
        first, final = page_of(full_text, start), page_of(full_text, last)
        return Locator(f"p. {first}" if first == final else f"pp. {first}–{final}", first)
    first, final = paragraph_of(full_text, start), paragraph_of(full_text, last)
    return Locator(f"para. {first}" if first == final else f"paras. {first}–{final}")
