"""Ranking the quotations and figures of a store for a selection.

Contract: candidates are the quotations (figures) that share a country with the selection or carry
its topic. They are ordered by a score — topic match, country match, date near the period and
full-text relevance to the topic's words — then by date (newest first) and id, so the order is
stable. `search_quotations` is the user's full-text filter (diacritics folded).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from briefer.core.domain import Figure, Quotation, Selection, Topic
from briefer.core.store import reads
from briefer.core.store.db import Store

TOPIC_WEIGHT, COUNTRY_WEIGHT, DATE_WEIGHT, TEXT_WEIGHT, SPEAKER_WEIGHT = 4.0, 3.0, 1.0, 2.0, 0.5
SAME_SOURCE_PENALTY = 1.5  # per quotation already taken from the same source: favours a spread of sources
DIVERSIFY_TOP = 60
DATE_MARGIN_BEFORE = dt.timedelta(days=365)
DATE_MARGIN_AFTER = dt.timedelta(days=31)


def topic_terms(store: Store, topic: Topic) -> list[str]:
    """Distinct words (4+ letters) of the topic's labels and keyword rules."""
    rules = reads.topic_rules(store).get(topic.slug, {})
    text = " ".join([topic.label_en, topic.label_fr, *rules.get("keyword", []), *rules.get("actor", [])])
    words = {w.lower() for w in re.findall(r"\w{4,}", text)}
    return sorted(words - {"with", "from", "that", "this", "dans", "pour", "avec"})


def _fts_scores(store: Store, table: str, terms: list[str]) -> dict[int, float]:
    """rowid -> relevance in [0, 1] (bm25, best = 1) for an OR query of prefix terms."""
    if not terms:
        return {}
    query = " OR ".join(f'"{t}"*' for t in terms)
    rows = store.db.execute(f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH ?", [query]).fetchall()
    if not rows:
        return {}
    best = min(score for _, score in rows)
    return {rowid: (score / best if best else 0.0) for rowid, score in rows}


def _date_score(day: dt.date | None, selection: Selection) -> float:
    if day is None:
        return 0.0
    period = selection.period
    return 1.0 if period.start - DATE_MARGIN_BEFORE <= day <= period.end + DATE_MARGIN_AFTER else 0.0


def rank_quotations(store: Store, selection: Selection, topic: Topic) -> list[Quotation]:
    """Quotations relevant to the selection, best first (see module contract)."""
    relevance = _fts_scores(store, "quotations_fts", topic_terms(store, topic))
    wanted = set(selection.countries)
    scored = []
    for q in reads.quotations(store):
        topic_hit = selection.topic in q.topics
        country_hit = bool(wanted.intersection(q.countries))
        if not (topic_hit or country_hit):
            continue
        score = (TOPIC_WEIGHT * topic_hit + COUNTRY_WEIGHT * country_hit + SPEAKER_WEIGHT * bool(q.speaker)
                 + DATE_WEIGHT * _date_score(q.date, selection) + TEXT_WEIGHT * relevance.get(q.id, 0.0))
        scored.append((-score, -(q.date or dt.date.min).toordinal(), q.id, q))
    ranked = sorted(scored)
    return _diversified(ranked[:DIVERSIFY_TOP]) + [item[-1] for item in ranked[DIVERSIFY_TOP:]]


def _diversified(ranked: Sequence[tuple[float, int, int, Quotation]]) -> list[Quotation]:
    """Greedy re-ranking: each pick pays a penalty per quotation already taken from its source."""
    remaining, taken, per_source = list(ranked), [], Counter[int]()
    while remaining:
        best = min(remaining, key=lambda r: (r[0] + SAME_SOURCE_PENALTY * per_source[r[3].source_id], r[1], r[2]))
        remaining.remove(best)
        taken.append(best[3])
        per_source[best[3].source_id] += 1
    return taken


def rank_figures(store: Store, selection: Selection) -> list[Figure]:
    """Figures for the selection's countries, those on its topic first, then newest, then by id."""
    figures = reads.figures(store, selection.countries)

    def key(f: Figure) -> tuple[int, int, int]:
        as_of = f.as_of.first_day().toordinal() if f.as_of else 0
        return (0 if f.topic == selection.topic else 1, -as_of, f.id)

    return sorted(figures, key=key)


def search_quotations(store: Store, text: str) -> list[int]:
    """Ids of quotations whose text or speaker match the user's words (all of them, any accents)."""
    if not text.strip():
        return [q.id for q in reads.quotations(store)]
    return [r["id"] for r in store.db.table("quotations").search(text, quote=True, columns=["id"])]
