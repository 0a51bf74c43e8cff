"""Curation of the open store: actor aliases (the names briefings show) and topic rules.

Contract:
- `curation_state(store)` reads everything the curation dialog shows: the aliases, the most frequent
  actor names as imported (with the name each is shown as), the topics and every topic's rules, and
  whether the store is read-only.
- Every write (`save_alias`, `remove_alias`, `restore_builtin_aliases`, `add_rule`, `remove_rule`)
  refuses a read-only store with `StoreError` before changing anything, runs the core's one
  transaction (re-tagging and re-indexing every event) and returns a `CurationChange`: how many
  events changed topic, how many aliases were added, and the state read again.
- A refused edit (an alias of itself, a rule already there, the last rule of a topic…) raises the
  core's `ValidationError`/`SelectionError` with its message, nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefer.core.store.db import Store

FREQUENT_LIMIT = 300


@dataclass(frozen=True)
class AliasRow:
    """An actor alias: the name in the data, the name shown, "builtin" or "user", a note."""

    alias: str
    actor: str
    origin: str
    note: str


@dataclass(frozen=True)
class ActorCount:
    """An actor name as imported, the name briefings show for it, and the events naming it."""

    name: str
    shown: str
    events: int


@dataclass(frozen=True)
class TopicRow:
    """A topic: its slug and English and French labels."""

    slug: str
    label_en: str
    label_fr: str

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" and self.label_fr else self.label_en


@dataclass(frozen=True)
class RuleRow:
    """A topic rule: `field` (event_type, sub_event_type, actor, keyword) matching `pattern`."""

    topic: str
    field: str
    pattern: str


@dataclass(frozen=True)
class CurationState:
    """What the curation dialog shows (see module contract)."""

    aliases: tuple[AliasRow, ...]
    actors: tuple[ActorCount, ...]
    topics: tuple[TopicRow, ...]
    rules: tuple[RuleRow, ...]
    read_only: bool


@dataclass(frozen=True)
class CurationChange:
    """What a write did: events whose topics changed, aliases added, and the state after it."""

    changed: int
    state: CurationState
    added: int = 0


@dataclass(frozen=True)
class AliasEdit:
    """Show `alias` as `actor`; `replacing` is the alias being edited when its name changed."""

    alias: str
    actor: str
    note: str = ""
    replacing: str = ""


@dataclass(frozen=True)
class RuleEdit:
    """One rule of topic `topic` to add or remove."""

    topic: str
    field: str
    pattern: str


def curation_state(store: Store, _: object = None) -> CurationState:
    """The aliases, frequent actor names, topics and rules of the store."""
    from briefer.core import aliases, topicrules
    from briefer.core.store import reads

    shown = aliases.actor_names(store)
    return CurationState(
        tuple(AliasRow(a.alias, a.actor, a.origin, a.note) for a in aliases.actor_aliases(store)),
        tuple(ActorCount(name, shown(name), n) for name, n in aliases.frequent_actors(store, FREQUENT_LIMIT)),
        tuple(TopicRow(t.slug, t.label_en, t.label_fr) for t in reads.topics(store)),
        tuple(RuleRow(r.topic, r.field, r.pattern) for r in topicrules.topic_rules(store)),
        store.read_only)


def save_alias(store: Store, edit: AliasEdit) -> CurationChange:
    """Show `edit.alias` as `edit.actor`, then drop `edit.replacing` when the alias was renamed."""
    from briefer.core import aliases

    store.require_writable("ro-curation")
    changed = aliases.set_actor_alias(store, edit.alias, edit.actor, edit.note)  # a refusal changes nothing
    if edit.replacing and aliases.actor_key(edit.replacing) != aliases.actor_key(edit.alias):
        changed += aliases.remove_actor_alias(store, edit.replacing)
    return CurationChange(changed, curation_state(store))


def remove_alias(store: Store, alias: str) -> CurationChange:
    """Show `alias` as written again."""
    from briefer.core import aliases

    store.require_writable("ro-curation")
    return CurationChange(aliases.remove_actor_alias(store, alias), curation_state(store))


def restore_builtin_aliases(store: Store, _: object = None) -> CurationChange:
    """Add the shipped aliases the store lacks (the user's own are kept) and re-tag."""
    from briefer.core import aliases

    store.require_writable("ro-curation")
    added, changed = aliases.restore_builtin_aliases(store)
    return CurationChange(changed, curation_state(store), added=added)


def add_rule(store: Store, edit: RuleEdit) -> CurationChange:
    """Add a rule to a topic and re-tag every event."""
    from briefer.core import topicrules

    store.require_writable("ro-curation")
    return CurationChange(topicrules.add_topic_rule(store, edit.topic, edit.field, edit.pattern), curation_state(store))


def remove_rule(store: Store, edit: RuleEdit) -> CurationChange:
    """Remove a rule of a topic and re-tag every event."""
    from briefer.core import topicrules

    store.require_writable("ro-curation")
    return CurationChange(topicrules.remove_topic_rule(store, edit.topic, edit.field, edit.pattern),
                          curation_state(store))
