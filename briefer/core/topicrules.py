"""The user's edits to topic tagging: the rules that tie events to a topic.

Contract: `topic_rules(store, slug)` lists a topic's rules (every topic's when `slug` is None).
`add_topic_rule` and `remove_topic_rule` change one rule and re-tag and re-index every event in
ONE transaction, returning how many events changed topics. An unknown topic or field, an empty
pattern, a rule already there (compared ignoring case and accents) or one that is not there
raises `SelectionError`/`ValidationError` with nothing changed. A topic left with no rules
matches every event (see `briefer.core.tagging`), so removing its last rule is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefer.core.errors import SelectionError, ValidationError
from briefer.core.store import reads, writes
from briefer.core.store.db import Store
from briefer.core.tagging import fold

FIELDS = ("event_type", "sub_event_type", "actor", "keyword")


@dataclass(frozen=True)
class TopicRule:
    """An event belongs to `topic` when its `field` matches `pattern` (see `briefer.core.tagging`)."""

    id: int
    topic: str
    field: str
    pattern: str


def topic_rules(store: Store, slug: str | None = None) -> list[TopicRule]:
    """The rules of topic `slug` (or of every topic), by topic, field and pattern."""
    sql, params = "SELECT r.id, r.topic, r.field, r.pattern FROM topic_rules r JOIN topics t ON t.slug = r.topic", []
    if slug is not None:
        sql, params = sql + " WHERE r.topic = ?", [_topic(store, slug)]
    rows = store.db.execute(sql + " ORDER BY t.position, r.field, r.pattern COLLATE NOCASE", params)
    return [TopicRule(*row) for row in rows]


def add_topic_rule(store: Store, slug: str, field: str, pattern: str) -> int:
    """Add a rule and re-tag every event; returns the number of events whose topics changed."""
    topic, field, pattern = _topic(store, slug), _field(field), " ".join(pattern.split())
    if not pattern:
        raise ValidationError.of("rule-no-pattern")
    if _find(store, topic, field, pattern) is not None:
        raise ValidationError.of("rule-exists", topic=topic, field=field, pattern=pattern)
    with store.db.atomic():
        store.db.table("topic_rules").insert({"topic": topic, "field": field, "pattern": pattern})
        return writes.retag_events(store)


def remove_topic_rule(store: Store, slug: str, field: str, pattern: str) -> int:
    """Remove a rule and re-tag every event; returns the number of events whose topics changed."""
    topic, field = _topic(store, slug), _field(field)
    rule = _find(store, topic, field, pattern)
    if rule is None:
        raise ValidationError.of("rule-missing", topic=topic, field=field, pattern=pattern)
    if len(topic_rules(store, topic)) == 1:
        raise ValidationError.of("rule-last", pattern=pattern, topic=topic)
    with store.db.atomic():
        store.db.execute("DELETE FROM topic_rules WHERE id = ?", [rule.id])
        return writes.retag_events(store)


def _topic(store: Store, slug: str) -> str:
    slugs = [t.slug for t in reads.topics(store)]
    wanted = slug.strip().lower()
    if wanted not in slugs:
        raise SelectionError.of("sel-unknown-topic", slug=slug, known=", ".join(slugs))
    return wanted


def _field(field: str) -> str:
    wanted = field.strip().lower().replace("-", "_")
    if wanted not in FIELDS:
        raise ValidationError.of("rule-unknown-field", field=field, fields=", ".join(FIELDS))
    return wanted


def _find(store: Store, topic: str, field: str, pattern: str) -> TopicRule | None:
    wanted = " ".join(fold(pattern).split())
    for rule in topic_rules(store, topic):
        if rule.field == field and " ".join(fold(rule.pattern).split()) == wanted:
            return rule
    return None
