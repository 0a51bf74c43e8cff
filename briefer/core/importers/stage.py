"""The staging table: a file's events parked in a TEMP table, compared with the store, then written.

Contract: `Stage(store)` creates `temp.import_stage` (SQLite's temp database: the store file is
never touched by it) and `drop()` removes it. `add` takes event tuples in `COLUMNS` order. After
`finish`, each external id appears once: repeats are merged (`merge`), made unique (content ids:
"#2", "#3" in file order), or reported (formats without `merge`). `counts` and `vanished` only
read; `write` must run inside the caller's transaction and changes only the given dataset:
it adds new ids, updates an event when the file's `timestamp` is newer (or, when either side has
no timestamp, when any value differs) and leaves every other stored event as it is.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from briefer.core.importers.base import DERIVED, Event, Merge
from briefer.core.messages import msg
from briefer.core.store.db import Store
from briefer.core.store.writes import EVENT_COLUMNS

FIELDS = tuple(c for c in EVENT_COLUMNS if c != "dataset_id")
COLUMNS = ("line", "derived", *FIELDS)
_COMPARED = [c for c in FIELDS if c not in ("external_id", "topic_mask", "timestamp")]
_ROW = operator.itemgetter(*FIELDS)
TABLE = "temp.import_stage"


def as_row(line: int, event: Event) -> tuple[Any, ...]:
    """The staging tuple of an event (its topic_mask already set)."""
    return (line, 1 if event.get(DERIVED) else 0, *_ROW(event))


def _newer(s: str, e: str) -> str:
    """SQL: the staged row `s` should replace the stored event `e`."""
    differs = " OR ".join(f"{s}.{c} IS NOT {e}.{c}" for c in _COMPARED)
    return (f"(({s}.timestamp IS NOT NULL AND {e}.timestamp IS NOT NULL AND {s}.timestamp > {e}.timestamp)"
            f" OR (({s}.timestamp IS NULL OR {e}.timestamp IS NULL) AND ({differs})))")


class Stage:
    """A file's events in the temp table (see the module's contract)."""

    def __init__(self, store: Store) -> None:
        self.db = store.db
        self.db.execute(f"DROP TABLE IF EXISTS {TABLE}")
        self.db.execute(f"CREATE TABLE {TABLE} ({', '.join(COLUMNS)})")
        self._insert = f"INSERT INTO {TABLE} ({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})"

    def add(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self.db.conn.executemany(self._insert, rows)

    def clear(self) -> None:
        self.db.execute(f"DELETE FROM {TABLE}")

    def drop(self) -> None:
        self.db.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def finish(self, merge: Merge | None, tag: Callable[[Event], int],
               reject: Callable[[int, str, str], None]) -> None:
        """Index the ids and settle repeated ones (see the module's contract)."""
        self.db.execute("CREATE INDEX temp.import_stage_id ON import_stage (external_id)")
        repeated = [r[0] for r in self.db.execute(
            f"SELECT external_id FROM {TABLE} GROUP BY external_id HAVING count(*) > 1")]
        for external_id in repeated:
            rows = self._take(external_id)
            if rows[0][1]:
                self.add(_numbered(rows))
            elif merge is None:
                self.add(rows[:1])
                for row in rows[1:]:
                    reject(row[0], "id", msg("row-duplicate-id", id=external_id, line=rows[0][0]))
            else:
                self.add([_merged(rows, merge, tag)])

    def _take(self, external_id: str) -> list[tuple[Any, ...]]:
        rows = self.db.execute(f"SELECT {','.join(COLUMNS)} FROM {TABLE} WHERE external_id = ? ORDER BY line",
                               [external_id]).fetchall()
        self.db.execute(f"DELETE FROM {TABLE} WHERE external_id = ?", [external_id])
        return rows

    def counts(self, dataset_id: int | None) -> tuple[int, int, int]:
        """(added, updated, unchanged) were the stage written into `dataset_id` (None: a new dataset)."""
        total = self.db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
        if dataset_id is None:
            return total, 0, 0
        known, newer = self.db.execute(
            f"""SELECT count(e.id), coalesce(sum({_newer('s', 'e')}), 0) FROM {TABLE} s
                JOIN events e ON e.dataset_id = ? AND e.external_id = s.external_id""", [dataset_id]).fetchone()
        return total - known, newer, known - newer

    def vanished(self, dataset_id: int | None, limit: int) -> tuple[int, list[str]]:
        """Stored events of the dataset, countries and date span (per country) of the file that it lacks."""
        if dataset_id is None:
            return 0, []
        sql = f"""FROM events e JOIN (SELECT country_iso3, min(event_date) AS lo, max(event_date) AS hi
                      FROM {TABLE} GROUP BY country_iso3) r
                  ON e.country_iso3 = r.country_iso3 AND e.event_date BETWEEN r.lo AND r.hi
                  WHERE e.dataset_id = ? AND NOT EXISTS
                      (SELECT 1 FROM {TABLE} s WHERE s.external_id = e.external_id)"""
        count = self.db.execute(f"SELECT count(*) {sql}", [dataset_id]).fetchone()[0]
        ids = [r[0] for r in self.db.execute(f"SELECT e.external_id {sql} ORDER BY e.event_date, e.external_id "
                                             f"LIMIT {int(limit)}", [dataset_id])]
        return count, ids

    def write(self, dataset_id: int) -> tuple[int, int]:
        """Update newer events, add new ones; (added, updated). Inside the caller's transaction."""
        assignments = ", ".join(f"{c} = s.{c}" for c in FIELDS if c != "external_id")
        updated = self.db.execute(
            f"""UPDATE events SET {assignments} FROM {TABLE} AS s
                WHERE events.dataset_id = ? AND events.external_id = s.external_id
                AND {_newer('s', 'events')}""", [dataset_id]).rowcount
        columns = ",".join(FIELDS)
        added = self.db.execute(
            f"""INSERT INTO events (dataset_id, {columns}) SELECT ?, {columns} FROM {TABLE} s
                WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.dataset_id = ? AND e.external_id = s.external_id)
                ORDER BY s.rowid""", [dataset_id, dataset_id]).rowcount
        return added, updated


def _numbered(rows: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """Rows of identical content (derived ids) made distinct: id, id#2, id#3 in file order."""
    at = COLUMNS.index("external_id")
    for number, row in enumerate(rows, start=1):
        yield row if number == 1 else (*row[:at], f"{row[at]}#{number}", *row[at + 1:])


def _merged(rows: list[tuple[Any, ...]], merge: Merge,
            tag: Callable[[Event], int]) -> tuple[Any, ...]:
    events = [dict(zip(COLUMNS, row)) for row in rows]
    event = events[0]
    for later in events[1:]:
        event = merge(event, later)
    event["topic_mask"] = tag(event)
    return as_row(events[0]["line"], event)
