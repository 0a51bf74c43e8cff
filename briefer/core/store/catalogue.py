"""Reading the library of sources: a searchable list with counts, and one source with what it gives.

Contract: `source_summaries(store, query)` lists every source (or those whose title, authors,
publisher or text match every word of `query`, accents folded, words as prefixes), newest
publication first; `source_items(store, id)` is a source's quotations and figures, by id, and `quotation_spans` where
its quotations sit in its text. Reads only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from briefer.core.domain import Figure, PartialDate, Quotation
from briefer.core.store import reads
from briefer.core.store.db import Store


@dataclass(frozen=True)
class SourceSummary:
    id: int
    title: str
    authors: tuple[str, ...]
    publisher: str
    published: PartialDate | None
    kind: str
    language: str
    has_text: bool
    quotations: int
    figures: int


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: every word, each as a prefix, any punctuation harmless."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"*' for w in words)


_SUMMARY_SQL = """
    SELECT s.id, s.title, s.authors, s.publisher, s.published, s.kind, s.language,
           coalesce(length(s.full_text), 0) > 0 AS has_text,
           (SELECT count(*) FROM quotations q WHERE q.source_id = s.id) AS quotations,
           (SELECT count(*) FROM figures f WHERE f.source_id = s.id) AS figures
    FROM sources s {where}
    ORDER BY coalesce(s.published, '') DESC, s.id DESC"""


def source_summaries(store: Store, query: str = "") -> list[SourceSummary]:
    """Sources matching `query` (all when it holds no word), newest first (see the module)."""
    match = fts_query(query)
    where, params = ("WHERE s.id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?)", [match]) \
        if match else ("", [])
    rows = store.db.execute(_SUMMARY_SQL.format(where=where), params).fetchall()
    return [SourceSummary(r[0], r[1], tuple(json.loads(r[2] or "[]")), r[3], PartialDate.of(r[4]), r[5], r[6],
                          bool(r[7]), r[8], r[9]) for r in rows]


def source_items(store: Store, source_id: int) -> tuple[list[Quotation], list[Figure]]:
    """The source's quotations and figures, each by id."""
    ids = [r[0] for r in store.db.execute("SELECT id FROM quotations WHERE source_id = ?", [source_id])]
    quotations = reads.quotations(store, ids) if ids else []
    return quotations, [f for f in reads.figures(store) if f.source_id == source_id]


def quotation_spans(store: Store, source_id: int) -> list[tuple[int, int, int]]:
    """(quotation id, start, end): where the source's quotations sit in its text (those placed there)."""
    rows = store.db.execute("""SELECT id, start_offset, end_offset FROM quotations WHERE source_id = ?
                               AND start_offset IS NOT NULL AND end_offset IS NOT NULL ORDER BY id""", [source_id])
    return [(r[0], r[1], r[2]) for r in rows.fetchall()]
