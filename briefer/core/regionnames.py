"""Matching first-level region names across sources ("Koulikouro" -> "Koulikoro", "Tombouctou" -> "Timbuktu").

Contract of `RegionMatcher(known).match(name) -> str | None`: `known` maps each name a region is
known by (its English name, French name, aliases) to the store's name of the region. A name
matches, in order, the region with the same `key` (case, accents, punctuation and a leading
"Région de" ignored), the same `sound` (ou/o/u, dj/j, y/i, doubled letters), or the one region
whose key is close enough (`CLOSE`); two equally good candidates, or none, give None: the matcher
never guesses between regions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping

from briefer.core.aliases_data import builtin_admin1_aliases
from briefer.core.tagging import fold

CLOSE = 0.85
_PREFIX = re.compile(r"^(region|province|state|etat|departement|wilaya|cercle) (de |du |d |of |des )?")


def _plain(name: str) -> str:
    """Lower case, no accents, punctuation as single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(name)).split())


_SOUNDS = (("ou", "u"), ("o", "u"), ("dj", "j"), ("y", "i"), ("w", "u"), ("ph", "f"), ("kh", "k"), ("gh", "g"))
# Names of the same region that differ beyond accents, case and punctuation (as keys), from the
# one list of region aliases shipped with briefer (resources/aliases/admin1.toml).
ALIASES = {_plain(a.alias): _plain(a.admin1) for a in builtin_admin1_aliases()}


def key(name: str) -> str:
    """"Région de Ségou" -> "segou", "Centre-Est" -> "centre est", "Tombouctou" -> "timbuktu"."""
    text = _plain(name)
    text = ALIASES.get(text, text)
    text = _PREFIX.sub("", text)
    return ALIASES.get(text, text)


def sound(name: str) -> str:
    """A coarser key for spellings of one spoken name ("Koulikouro" and "Koulikoro" -> "kulikur")."""
    text = key(name).replace(" ", "")
    for old, new in _SOUNDS:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


class RegionMatcher:
    """Names from any source -> the store's region names (see the module's contract)."""

    def __init__(self, known: Mapping[str, str]) -> None:
        self.known = dict(known)
        self._by: dict[Callable[[str], str], dict[str, set[str]]] = {}
        for keyer in (key, sound):
            table: dict[str, set[str]] = {}
            for alias, region in self.known.items():
                table.setdefault(keyer(alias), set()).add(region)
            self._by[keyer] = table

    def match(self, name: str) -> str | None:
        """The store's name for `name`, or None (no match, or two candidates)."""
        for keyer in (key, sound):
            found = self._by[keyer].get(keyer(name), set())
            if len(found) == 1:
                return next(iter(found))
            if len(found) > 1:
                return None
        return self._close(name)

    def _close(self, name: str) -> str | None:
        target = key(name)
        scored: dict[str, float] = {}
        for alias, region in self.known.items():
            ratio = difflib.SequenceMatcher(None, target, key(alias)).ratio()
            scored[region] = max(scored.get(region, 0.0), ratio)
        ranked = sorted(scored.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < CLOSE or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]
