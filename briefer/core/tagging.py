"""Topic tagging of events: each topic's rules give one bit of an event's `topic_mask`.

Contract: an event belongs to a topic when ANY of the topic's rules matches — its event type or
sub-event type equals a listed one (case-insensitive), one of its actors contains a listed actor
pattern, or its notes contain a listed keyword (case- and accent-insensitive). Actor patterns
are also matched against the name each actor is shown under (`aliases`: name as imported ->
name shown, see `briefer.core.aliases`). A topic with no rules matches every event. Matching all
keywords of all topics is one Aho–Corasick pass over the notes (pyahocorasick), so tagging costs
a few microseconds an event; aliases add a cached look-up per distinct set of actors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import ahocorasick

ACTOR_FIELDS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")


def _strip(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


# Latin-1 and Latin Extended-A letters without their accents, for the fast path of `fold`.
_LATIN = str.maketrans({chr(c): _strip(chr(c)) for c in range(0xC0, 0x180) if _strip(chr(c)) != chr(c)})


def fold(text: str) -> str:
    """Lower case without accents: "Déplacés" -> "deplaces"."""
    if not text.isascii():
        text = text.translate(_LATIN)
        if not text.isascii():
            text = _strip(text)
    return text.lower()


def actor_key(name: str) -> str:
    """How actor names are compared: lower case, no accents, single spaces."""
    return " ".join(fold(name).split())


_ACTOR_PARTS = re.compile(r" \| |; ")


class _Matcher:
    """Every pattern of every topic in one automaton; `bits(text)` ORs the bits of those found."""

    def __init__(self, patterns: Mapping[str, int]) -> None:
        self._automaton: ahocorasick.Automaton | None = None
        if patterns:
            self._automaton = ahocorasick.Automaton()
            for pattern, bits in patterns.items():
                self._automaton.add_word(pattern, bits)
            self._automaton.make_automaton()

    def bits(self, text: str) -> int:
        value = 0
        if self._automaton is not None and text:
            for _, bits in self._automaton.iter(text):
                value |= bits
        return value


def _index(bits: Mapping[str, int], rules: Mapping[str, Mapping[str, list[str]]], field: str) -> dict[str, int]:
    """Folded pattern -> OR of the bits of the topics that list it under `field`."""
    index: dict[str, int] = {}
    for slug, bit in bits.items():
        for pattern in rules.get(slug, {}).get(field, []):
            key = fold(pattern.strip())
            if key:
                index[key] = index.get(key, 0) | (1 << bit)
    return index


class TopicTagger:
    """Computes topic masks; built from {slug: bit} and {slug: {field: [patterns]}}.

    Types and actors repeat across events, so their bits are cached by their raw text; only the
    notes are matched afresh for each event (`CACHE_LIMIT` bounds each cache).
    """

    CACHE_LIMIT = 100_000

    def __init__(self, bits: Mapping[str, int], rules: Mapping[str, Mapping[str, list[str]]],
                 aliases: Mapping[str, str] | None = None) -> None:
        self._always = 0
        for slug, bit in bits.items():
            if not any(rules.get(slug, {}).values()):
                self._always |= 1 << bit
        self._types = _index(bits, rules, "event_type")
        self._subtypes = _index(bits, rules, "sub_event_type")
        self._actors = _Matcher(_index(bits, rules, "actor"))
        self._keywords = _Matcher(_index(bits, rules, "keyword"))
        # alias -> the actor-rule bits of the name it is shown under
        shown_bits = {actor_key(a): self._actors.bits(fold(shown)) for a, shown in (aliases or {}).items()}
        self._alias_bits = {k: v for k, v in shown_bits.items() if v}
        self._kind_cache: dict[tuple[str, str], int] = {}
        self._actor_cache: dict[tuple[str, str, str, str], int] = {}

    def mask(self, event: Mapping[str, object]) -> int:
        """The topic bits of one event (a mapping with the events table's column names)."""
        get = event.get
        return self.mask_of(str(get("event_type") or ""), str(get("sub_event_type") or ""),
                            (str(get("actor1") or ""), str(get("assoc_actor_1") or ""),
                             str(get("actor2") or ""), str(get("assoc_actor_2") or "")),
                            str(get("notes") or ""))

    def mask_of(self, event_type: str, sub_event_type: str, actors: tuple[str, str, str, str],
                notes: str) -> int:
        """`mask` from the fields themselves (`actors` in `ACTOR_FIELDS` order): the hot path."""
        kind = self._kind_cache.get((event_type, sub_event_type))
        if kind is None:
            kind = self._types.get(fold(event_type), 0) | self._subtypes.get(fold(sub_event_type), 0)
            self._remember(self._kind_cache, (event_type, sub_event_type), kind)
        who = self._actor_cache.get(actors)
        if who is None:
            folded = fold(" | ".join(actors))
            who = self._actors.bits(folded) | (self._aliased(folded) if self._alias_bits else 0)
            self._remember(self._actor_cache, actors, who)
        return self._always | kind | who | self._keywords.bits(fold(notes))

    def _aliased(self, actors: str) -> int:
        """The actor-rule bits of the names the folded actor fields are shown under."""
        bits = 0
        for part in _ACTOR_PARTS.split(actors):
            bits |= self._alias_bits.get(" ".join(part.split()), 0)
        return bits

    def _remember(self, cache: dict[Any, int], key: Any, value: int) -> None:
        if len(cache) >= self.CACHE_LIMIT:
            cache.clear()
        cache[key] = value
