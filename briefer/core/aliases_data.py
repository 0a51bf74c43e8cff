"""The built-in alias lists shipped in `resources/aliases/` (readable TOML, a note per entry).

Contract: `builtin_actor_aliases()` and `builtin_admin1_aliases()` return the entries of
`actors.toml` and `admin1.toml` in file order, read once per process. A malformed file is a bug
of the release, not a user's mistake: it raises `ValueError` naming the file and the entry.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "aliases"


@dataclass(frozen=True)
class ActorAlias:
    """A name as a dataset writes it (`alias`) and the name briefings show (`actor`)."""

    alias: str
    actor: str
    origin: str = "builtin"
    note: str = ""


@dataclass(frozen=True)
class Admin1Alias:
    """A region name as a file writes it (`alias`) and the store's name (`admin1`) in one country."""

    country_iso3: str
    alias: str
    admin1: str
    note: str = ""


def _entries(name: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    path = RESOURCES / name
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("alias", [])
    for number, entry in enumerate(entries, start=1):
        missing = [k for k in keys if not str(entry.get(k, "")).strip()]
        if missing:
            raise ValueError(f"{path}: alias {number} has no {missing[0]!r}")
    return list(entries)


@functools.cache
def builtin_actor_aliases() -> tuple[ActorAlias, ...]:
    """The shipped actor aliases (resources/aliases/actors.toml)."""
    return tuple(ActorAlias(e["alias"], e["actor"], "builtin", e.get("note", ""))
                 for e in _entries("actors.toml", ("alias", "actor")))


@functools.cache
def builtin_admin1_aliases() -> tuple[Admin1Alias, ...]:
    """The shipped region aliases (resources/aliases/admin1.toml)."""
    return tuple(Admin1Alias(e["country"], e["alias"], e["admin1"], e.get("note", ""))
                 for e in _entries("admin1.toml", ("country", "alias", "admin1")))
