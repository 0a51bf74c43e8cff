"""Previews and event lists seen again come from the worker's recent results, never stale ones."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefer.gui import operations
from briefer.gui.operations import recent
from briefer.gui.operations.preview import EVENT_LISTS_KEPT

SELECTION = operations.Selection(("MLI",), operations.Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31)),
                                 "peacekeeping")
REQUEST = operations.PreviewRequest(SELECTION, "country-brief", "en")


@pytest.fixture()
def store(store_copy: Path) -> Iterator[Any]:
    from briefer.core.store.db import open_store

    recent.forget()
    with open_store(store_copy) as opened:
        yield opened
    recent.forget()


def statements(store: Any) -> list[str]:
    """Collects every SQL statement the store's connection runs from now on."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    return seen


def test_a_request_seen_again_reads_nothing_but_the_data_version(store: Any) -> None:
    first = operations.preview(store, REQUEST)
    events = operations.events(store, SELECTION)
    seen = statements(store)
    assert operations.preview(store, REQUEST) is first
    assert operations.events(store, SELECTION) is events
    assert seen == ["PRAGMA data_version", "PRAGMA data_version"]
    other = operations.preview(store, operations.PreviewRequest(SELECTION, "country-brief", "fr"))
    assert other is not first and other.language == "fr"


def test_a_write_through_the_store_makes_kept_results_stale(store: Any) -> None:
    first = operations.preview(store, REQUEST)
    quotation = first.quotations[0]
    with store.db.atomic():
        store.db.execute("UPDATE quotations SET text = 'Changed words.' WHERE id = ?", [quotation.id])
    again = operations.preview(store, REQUEST)
    assert again is not first
    assert {q.id: q.text for q in again.quotations}[quotation.id] == "Changed words."


def test_a_commit_by_another_connection_makes_kept_results_stale(store: Any, store_copy: Path) -> None:
    first = operations.events(store, SELECTION)
    other = sqlite3.connect(store_copy)
    with other:
        other.execute("UPDATE events SET notes = 'Changed elsewhere.' WHERE id = ?", [_event_id(store, first)])
    other.close()
    again = operations.events(store, SELECTION)
    assert again is not first
    assert "Changed elsewhere." in {row.notes for row in again.rows}


def test_another_store_and_old_requests_are_not_served(store: Any, store_copy: Path) -> None:
    from briefer.core.store.db import open_store

    first = operations.preview(store, REQUEST)
    with open_store(store_copy, read_only=True) as reopened:
        assert operations.preview(reopened, REQUEST) is not first
    periods = [operations.Period(dt.date(2023, 1, 1) + dt.timedelta(days=i), dt.date(2023, 12, 31))
               for i in range(EVENT_LISTS_KEPT + 1)]
    lists = [operations.events(store, operations.Selection(("MLI",), p, "peacekeeping")) for p in periods]
    assert operations.events(store, lists[-1].selection) is lists[-1]
    assert operations.events(store, lists[0].selection) is not lists[0]  # the oldest was let go


def _event_id(store: Any, events: Any) -> int:
    """The id of the first listed event (EventList rows carry no id)."""
    row = events.rows[0]
    found = store.db.execute("SELECT id FROM events WHERE event_date = ? AND country_iso3 = ? AND notes = ?",
                             [row.day.isoformat(), row.country, row.notes]).fetchone()
    return int(found[0])
