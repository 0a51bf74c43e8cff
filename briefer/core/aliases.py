"""Actor and region aliases in a store: the names briefings show, and the user's edits to them.

Contract:
- `actor_names(store)` gives an `ActorNames`: called with a name as imported it returns the name
  briefings show (the alias table's `actor`, matched ignoring case, accents and spacing), or the
  name itself. Events keep their names as imported; analysis applies this when it counts actors,
  lists incidents or the event list, and the topic tagger matches actor rules against both names.
- `set_actor_alias` / `remove_actor_alias` change the table (origin "user") and re-tag and
  re-index every event, all in ONE transaction; a refused edit (empty names, a name aliased to
  itself, an unknown alias) raises `ValidationError` and changes nothing.
- `add_builtin_aliases(store)` loads the shipped lists (`aliases_data`) into a store, keeping any
  row already there (a user's edit wins); every new store gets them with its reference data.
  `restore_builtin_aliases(store)` does it for an existing store and re-tags its events.
- `frequent_actors(store, limit)` lists the names actors are imported under, with the number of
  events naming them (as actor 1 or 2), most frequent first, for choosing what to alias.
- `region_names(store, iso3)` maps every name a region of that country is known by (English and
  French names, `admin1_aliases`) to the store's name, for `regionnames.RegionMatcher`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from briefer.core.aliases_data import ActorAlias, builtin_actor_aliases, builtin_admin1_aliases
from briefer.core.errors import ValidationError
from briefer.core.store import writes
from briefer.core.store.db import Store
from briefer.core.tagging import actor_key

__all__ = [
    "ActorAlias",
    "ActorNames",
    "actor_aliases",
    "actor_key",
    "actor_names",
    "add_builtin_aliases",
    "frequent_actors",
    "region_names",
    "remove_actor_alias",
    "restore_builtin_aliases",
    "set_actor_alias",
]


class ActorNames:
    """Name as imported -> name shown (see the module's contract)."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._shown = {actor_key(alias): actor for alias, actor in pairs}

    def __call__(self, name: str) -> str:
        return self._shown.get(actor_key(name), name) if name and self._shown else name

    def __len__(self) -> int:
        return len(self._shown)

    def mapping(self) -> Mapping[str, str]:
        """Compared key of each alias -> the name shown."""
        return dict(self._shown)


def actor_names(store: Store) -> ActorNames:
    """The store's actor aliases, ready to apply."""
    return ActorNames(store.db.execute("SELECT alias, actor FROM actor_aliases").fetchall())


def actor_aliases(store: Store) -> list[ActorAlias]:
    """Every actor alias of the store, by shown name then alias."""
    rows = store.db.execute("SELECT alias, actor, origin, note FROM actor_aliases ORDER BY actor, alias")
    return [ActorAlias(*row) for row in rows]


def set_actor_alias(store: Store, alias: str, actor: str, note: str = "") -> int:
    """Show `alias` as `actor` from now on; returns the number of events whose topics changed.

    Aliases that pointed at `alias` are re-pointed at `actor` (no chains); an `actor` that is
    itself an alias is refused, naming the name it stands for.
    """
    alias, actor = " ".join(alias.split()), " ".join(actor.split())
    if not alias or not actor:
        raise ValidationError.of("alias-incomplete")
    if actor_key(alias) == actor_key(actor):
        raise ValidationError.of("alias-itself", alias=alias)
    target = _alias_row(store, actor)
    if target is not None:
        raise ValidationError.of("alias-chain", actor=actor, target=target[1], alias=alias)
    with store.db.atomic():
        existing = _alias_row(store, alias)
        if existing is not None:
            store.db.execute("DELETE FROM actor_aliases WHERE alias = ?", [existing[0]])
        store.db.execute("UPDATE actor_aliases SET actor = ? WHERE actor = ?", [actor, alias])
        store.db.table("actor_aliases").insert({"alias": alias, "actor": actor, "origin": "user", "note": note})
        return writes.retag_events(store)


def remove_actor_alias(store: Store, alias: str) -> int:
    """Show `alias` as written again; returns the number of events whose topics changed."""
    row = _alias_row(store, alias)
    if row is None:
        raise ValidationError.of("alias-missing", alias=alias)
    with store.db.atomic():
        store.db.execute("DELETE FROM actor_aliases WHERE alias = ?", [row[0]])
        return writes.retag_events(store)


def restore_builtin_aliases(store: Store) -> tuple[int, int]:
    """Add the shipped aliases the store lacks (the user's rows kept) and re-tag every event, in
    ONE transaction; returns (aliases added, events whose topics changed). For stores made before
    the built-in lists existed, or after a user removed some."""
    before = store.db.execute("SELECT count(*) FROM actor_aliases").fetchone()[0]
    with store.db.atomic():
        add_builtin_aliases(store)
        changed = writes.retag_events(store)
    after = store.db.execute("SELECT count(*) FROM actor_aliases").fetchone()[0]
    return after - before, changed


def _alias_row(store: Store, name: str) -> tuple[str, str] | None:
    """The (alias, actor) row whose alias compares equal to `name`, if any."""
    wanted = actor_key(name)
    for alias, actor in store.db.execute("SELECT alias, actor FROM actor_aliases"):
        if actor_key(alias) == wanted:
            return alias, actor
    return None


def add_builtin_aliases(store: Store) -> None:
    """The shipped actor and region aliases, rows already in the store kept (caller's transaction)."""
    store.db.conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (alias, actor, origin, note) VALUES (?, ?, 'builtin', ?)",
        [(a.alias, a.actor, a.note) for a in builtin_actor_aliases()])
    known = {r[0] for r in store.db.execute("SELECT iso3 FROM countries")}
    store.db.conn.executemany(
        "INSERT OR IGNORE INTO admin1_aliases (country_iso3, alias, admin1) VALUES (?, ?, ?)",
        [(a.country_iso3, a.alias, a.admin1) for a in builtin_admin1_aliases() if a.country_iso3 in known])


def frequent_actors(store: Store, limit: int = 200) -> list[tuple[str, int]]:
    """Actor names as imported and how many events name them, most events first, then by name."""
    rows = store.db.execute(
        """SELECT name, sum(n) FROM (
               SELECT actor1 AS name, count(*) AS n FROM events WHERE actor1 != '' GROUP BY actor1
               UNION ALL SELECT actor2, count(*) FROM events WHERE actor2 != '' GROUP BY actor2)
           GROUP BY name ORDER BY 2 DESC, 1 LIMIT ?""", [limit])
    return [(name, int(n)) for name, n in rows]


def region_names(store: Store, iso3: str) -> dict[str, str]:
    """Every name a region of `iso3` is known by -> the store's name of that region."""
    known: dict[str, str] = {}
    for name, name_fr in store.db.execute("SELECT name, name_fr FROM admin1 WHERE country_iso3 = ?", [iso3]):
        known[name] = name
        if name_fr:
            known[name_fr] = name
    for alias, admin1 in store.db.execute("SELECT alias, admin1 FROM admin1_aliases WHERE country_iso3 = ?", [iso3]):
        known.setdefault(alias, admin1)
    return known
