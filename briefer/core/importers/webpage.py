"""Saved web pages (HTML) as documents, through trafilatura, never touching the network.

Contract of `read_web_page(name, raw)`:
- only `trafilatura.bare_extraction` on the file's bytes is used (no fetching, no URL resolution);
  it keeps the article's main text and drops menus, share buttons, newsletter and advertising
  blocks; a page too short for its precise mode is read again favouring recall;
- metadata: title, authors (split on ";" and " and "), publisher (site name), date (day precision,
  from the page's own metadata), URL (canonical link), language (the page's `lang` attribute or
  content-language meta, else a guess from the text), kind "article"; `accessed` is the date the
  file was saved when the caller passes it;
- the stored text has one paragraph per block, separated by blank lines; a first block repeating
  the headline is left out; furniture lines that slipped through ("Email this article") are dropped.
Raises `ImportFileError` when no text can be found in the page.
"""

from __future__ import annotations

import re
from typing import Any

from briefer.core.errors import ImportFileError
from briefer.core.importers.boilerplate import is_furniture
from briefer.core.importers.langguess import guess_language
from briefer.core.importers.sourcemeta import (
    Document,
    SourceFields,
    language_code,
    optional_date,
    person,
)
from briefer.core.importers.textdoc import decode
from briefer.core.importers.textnorm import clean_text, join_blocks, plain_text
from briefer.core.messages import msg

_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE)
_META_LANG = re.compile(r"<meta\b[^>]*(?:http-equiv\s*=\s*[\"']?content-language|property\s*=\s*[\"']og:locale)"
                        r"[^>]*content\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)


def read_web_page(name: str, raw: bytes) -> Document:
    """A saved web page as a document (see the module's contract)."""
    found = _extract(raw)
    if found is None or not (found.get("text") or "").strip():
        raise ImportFileError(name, msg("imp-no-article"))
    title = plain_text(found.get("title") or "")
    blocks = [plain_text(line) for line in found["text"].split("\n")]
    if blocks and title and _same(blocks[0], title, prefix=True):
        blocks = blocks[1:]
    text = clean_text(join_blocks(b for b in blocks if not is_furniture(b)))
    fields = SourceFields(
        title=title or name, authors=_authors(found.get("author")), publisher=plain_text(found.get("sitename") or ""),
        published=_date(found.get("date")), url=(found.get("url") or "").strip(),
        language=_language(raw, text), kind="article",
    )
    return Document(fields, text, "web page (HTML)")


def _extract(raw: bytes) -> dict[str, Any] | None:
    import trafilatura

    for precise in (True, False):
        result = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, favor_precision=precise, favor_recall=not precise)
        found = result.as_dict() if result is not None and hasattr(result, "as_dict") else result
        if isinstance(found, dict) and (found.get("text") or "").strip():
            return found
    return None


def _same(block: str, title: str, *, prefix: bool = False) -> bool:
    a, b = (" ".join(s.casefold().split()) for s in (block, title))
    return a == b or (prefix and a.endswith(b) and len(a) - len(b) < 60)


def _authors(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    parts = re.split(r";|\s+and\s+|\s+et\s+|\|", plain_text(text))
    return tuple(dict.fromkeys(person(p) for p in parts if p.strip()))


def _date(text: str | None) -> str | None:
    try:
        return optional_date(text)
    except ValueError:
        return None


def _language(raw: bytes, text: str) -> str:
    head = decode(raw[:16384])
    for pattern in (_LANG, _META_LANG):
        match = pattern.search(head)
        if match:
            try:
                return language_code(match.group(1))
            except ValueError:
                pass
    return guess_language(text)
