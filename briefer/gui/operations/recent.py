"""The worker's recent results, per request: a selection seen again is shown without reading the store again.

Contract: `recent(kind, store, key, compute)` returns `compute()`'s result for `key`, computed once
per version of the store's data — a write through the worker's store (imports, curation, the
Library, saved briefings) or a commit by any other connection to the file makes every kept result
stale. Only the last `keep` results of a kind are kept (`KEEP` by default: an event list holds up
to 10,000 rows, a few MB, so fewer of those are kept). Run on the worker only (one thread).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from briefer.core.store.db import Store

KEEP = 12
T = TypeVar("T")


class _Kept:
    def __init__(self) -> None:
        self.store: Any = None
        self.version: tuple[int, int] = (-1, -1)
        self.results: OrderedDict[Hashable, Any] = OrderedDict()


_KEPT: dict[str, _Kept] = {}


def version(store: Store) -> tuple[int, int]:
    """Changes by other connections (`PRAGMA data_version`), and rows changed by this one."""
    conn = store.db.conn
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def recent(kind: str, store: Store, key: Hashable, compute: Callable[[], T], keep: int = KEEP) -> T:
    """`compute()`, or its result for `key` on this version of the store's data (see module)."""
    kept = _KEPT.setdefault(kind, _Kept())
    now = version(store)
    if kept.store is not store or kept.version != now:
        kept.store, kept.version = store, now
        kept.results.clear()
    if key in kept.results:
        kept.results.move_to_end(key)
        return kept.results[key]  # type: ignore[no-any-return]
    result = compute()
    kept.results[key] = result  # a change made meanwhile shows in the next call's version
    while len(kept.results) > keep:
        kept.results.popitem(last=False)
    return result


def forget() -> None:
    """Drop every kept result (tests; a store closed for good)."""
    _KEPT.clear()
