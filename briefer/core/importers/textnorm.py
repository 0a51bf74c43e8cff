"""Text as briefer stores it, and the hash that spots a document imported twice.

Contract:
- `plain_text(s)`: markup removed — HTML/XML tags dropped, entities decoded, whitespace runs made one
  space: "<b>MINUSMA</b> &amp; ECOWAS" -> "MINUSMA & ECOWAS". A "<" that opens no tag ("a < b") stays.
- `clean_text(s)`: the stored form of a document's text: NFC, LF line ends, no soft hyphens,
  zero-width characters or byte-order marks, no trailing spaces, paragraphs separated by exactly
  one blank line; form feeds (page breaks) are kept.
- `join_blocks(blocks)`: paragraphs joined by one blank line (the paragraph unit of "para. N").
- `content_hash(text)`: sha256 (hex) of the text with quotes straightened, whitespace (page breaks
  included) collapsed and case folded: the same document saved twice gives the same hash.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable

from briefer.core.store.writes import normalise_for_match

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"), None)
_TRAILING = re.compile(r"[ \t\u00a0]+(?=\n|\f|$)")
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\f")


def plain_text(text: str) -> str:
    """`text` without markup, entities decoded, whitespace runs made one space (see module)."""
    without = _TAG.sub(" ", text) if "<" in text else text
    return re.sub(r"\s+", " ", html.unescape(without).translate(_INVISIBLE)).strip()


def clean_text(text: str) -> str:
    """The stored form of a document's text (see the module's contract)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _TRAILING.sub("", text.translate(_INVISIBLE))
    text = _BLANKS.sub("\n\n", text)
    return "\f".join(page.strip("\n") for page in text.split("\f")).strip("\n")


def join_blocks(blocks: Iterable[str]) -> str:
    """Paragraphs joined by one blank line, empty ones left out."""
    return "\n\n".join(b.strip() for b in blocks if b.strip())


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks of `text`; a text with no blank line at all gives its lines."""
    if not re.search(r"\n[ \t]*\n", text):
        return [line.strip() for line in text.splitlines() if line.strip()]
    return [b.strip() for b in _PARAGRAPH_BREAK.split(text) if b.strip()]


def block_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of stored text: blocks between blank lines or page breaks."""
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start:match.start()].strip():
            spans.append(_trimmed(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def content_hash(text: str) -> str:
    """sha256 of the normalised text (see the module's contract)."""
    return hashlib.sha256(normalise_for_match(text).casefold().encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    return len(text.split())
