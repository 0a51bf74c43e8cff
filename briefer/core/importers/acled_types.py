"""ACLED's event types before 2019, mapped to the current taxonomy (event type, sub-event type).

Contract: `modernise(event_type, sub_event_type, actor1, actor2, inter1, notes, fatalities)` returns
the current (event_type, sub_event_type). Current types pass through unchanged. Old files have no
sub-event type: one is inferred where the old type names it ("Battle-Government regains
territory"), from the actors for "Riots/Protests" (rioters or protesters, or ACLED's actor codes
5 and 6), and from plain words of the notes for "Remote violence" and "Violence against
civilians"; when the notes say nothing clear it stays empty rather than guessed.
"""

from __future__ import annotations

import re

LEGACY: dict[str, tuple[str, str]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "remote violence": ("Explosions/Remote violence", ""),
    "violence against civilians": ("Violence against civilians", ""),
    "riots/protests": ("", ""),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
    "strategic development": ("Strategic developments", "Other"),
}

_REMOTE = (
    (re.compile(r"suicide"), "Suicide bomb"),
    (re.compile(r"air ?strike|air raid|drone|aircraft|helicopter|jet"), "Air/drone strike"),
    (re.compile(r"grenade"), "Grenade"),
    (re.compile(r"\bieds?\b|landmine|\bmines?\b|explosive|improvised|roadside bomb"), "Remote explosive/landmine/IED"),
    (re.compile(r"shell|mortar|rocket|artillery|missile"), "Shelling/artillery/missile attack"),
)
_CIVILIANS = (
    (re.compile(r"abduct|kidnap|disappear|hostage"), "Abduction/forced disappearance"),
    (re.compile(r"\brap(e|ed|ing)\b|sexual"), "Sexual violence"),
)


def modernise(event_type: str, sub_event_type: str, actor1: str, actor2: str, inter1: str,
              notes: str, fatalities: int) -> tuple[str, str]:
    """The current (event type, sub-event type) of an event (see the module's contract)."""
    legacy = LEGACY.get(event_type.strip().lower())
    if legacy is None:
        return event_type, sub_event_type
    kind, sub = legacy
    if sub_event_type:
        return kind or _demonstration(actor1, actor2, inter1, fatalities)[0], sub_event_type
    if kind == "Explosions/Remote violence":
        return kind, _first(_REMOTE, notes, "")
    if kind == "Violence against civilians":
        return kind, _first(_CIVILIANS, notes, "Attack")
    if not kind:
        return _demonstration(actor1, actor2, inter1, fatalities)
    return kind, sub


def _first(patterns: tuple[tuple[re.Pattern[str], str], ...], notes: str, default: str) -> str:
    text = notes.lower()
    for pattern, name in patterns:
        if pattern.search(text):
            return name
    return default


def _demonstration(actor1: str, actor2: str, inter1: str, fatalities: int) -> tuple[str, str]:
    """Riots or Protests for an old "Riots/Protests" event, from who took part."""
    first, second, code = actor1.lower(), actor2.lower(), inter1.strip().lower()
    if first.startswith("rioters") or code in ("5", "rioters"):
        return "Riots", "Mob violence" if second.startswith("civilians") else "Violent demonstration"
    if first.startswith("protesters") or code in ("6", "protesters"):
        return "Protests", "Peaceful protest"
    if second.startswith("protesters"):
        return "Protests", "Excessive force against protesters" if fatalities else "Protest with intervention"
    if second.startswith("rioters"):
        return "Riots", "Violent demonstration"
    return ("Riots", "Violent demonstration") if fatalities else ("Protests", "Peaceful protest")
