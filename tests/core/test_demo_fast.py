"""The demo store's fast build path: tuples from the generator straight into the events table
(`writes.event_rows`) store exactly what the general `insert_events` stores from dicts, and the
build does not pull numpy in."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.core.demo.synth import EVENT_KEYS, generate_events, generate_rows
from briefer.core.store import writes
from briefer.core.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
SCALE = 0.03  # a few hundred events, every event type and most countries


def _dataset(store: Store, name: str) -> int:
    return writes.add_dataset(store, name=name, kind="events", synthetic=1)


def _rows(store: Store, table: str, dataset_id: int, skip: tuple[str, ...]) -> list[tuple[object, ...]]:
    columns = [c for c in store.db.table(table).columns_dict if c not in skip]
    order = "external_id" if table == "events" else ",".join(columns)
    return store.db.execute(f"SELECT {','.join(columns)} FROM {table} WHERE dataset_id = ? ORDER BY {order}",
                            [dataset_id]).fetchall()


def test_tuples_and_dicts_store_the_same_events(fresh_store: Store) -> None:
    with fresh_store.db.atomic():
        by_dict = _dataset(fresh_store, "dicts")
        assert writes.insert_events(fresh_store, by_dict, generate_events(scale=SCALE)) > 300
        by_tuple = _dataset(fresh_store, "tuples")
        rows = writes.event_rows(fresh_store, by_tuple, generate_rows(scale=SCALE), EVENT_KEYS)
        writes.insert_rows(fresh_store, by_tuple, rows)
    events = _rows(fresh_store, "events", by_dict, ("id", "dataset_id"))
    assert events == _rows(fresh_store, "events", by_tuple, ("id", "dataset_id"))
    columns = [c for c in fresh_store.db.table("events").columns_dict if c not in ("id", "dataset_id")]
    masks = {row[columns.index("topic_mask")] for row in events}
    assert len(masks) > 3 and 0 not in masks  # tagged, not defaulted
    assert {row[columns.index("civilian_targeting")] for row in events} == {0, 1}
    for table in ("topic_daily", "context_daily", "country_counts"):
        derived = _rows(fresh_store, table, by_dict, ("dataset_id",))
        assert derived and derived == _rows(fresh_store, table, by_tuple, ("dataset_id",))


def test_missing_fields_get_their_defaults(fresh_store: Store) -> None:
    keys = ("external_id", "event_date", "country_iso3", "event_type", "notes")
    with fresh_store.db.atomic():
        dataset = _dataset(fresh_store, "few fields")
        rows = writes.event_rows(fresh_store, dataset, [("x1", "2023-05-01", "MLI", "Battles", "near the border")], keys)
        writes.insert_rows(fresh_store, dataset, rows)
    row = fresh_store.db.execute("SELECT admin1, latitude, civilian_targeting, fatalities, time_precision, topic_mask "
                                 "FROM events WHERE dataset_id = ?", [dataset]).fetchone()
    assert row[:5] == ("", None, 0, 0, 1)
    assert row[5] != 0


@pytest.mark.parametrize("keys", [("external_id", "dataset_id"), ("external_id", "topic_mask"), ("external_id", "colour")])
def test_event_rows_refuses_fields_it_sets_or_does_not_know(fresh_store: Store, keys: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match=keys[1]):
        writes.event_rows(fresh_store, 1, [], keys)


def test_building_the_demo_store_does_not_import_numpy(tmp_path: Path) -> None:
    code = ("import sys; from briefer.core.demo.build import build_demo_store; "
            "build_demo_store(sys.argv[1], scale=0.01); print('numpy' in sys.modules); "
            "import numpy, sqlite_utils; db = sqlite_utils.Database(memory=True); "
            "db['t'].insert({'a': 1}); print(db.execute('select a from t').fetchone()[0])")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "demo.db")], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
                            check=True)
    assert result.stdout.split() == ["False", "1"]


def test_the_demo_store_keeps_its_foreign_keys(demo_store: Store) -> None:
    """The build skips per-row foreign key checks; the content must not need them."""
    assert demo_store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert demo_store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # a store opened later checks again


@pytest.mark.parametrize("enabled", [True, False])
def test_the_build_pauses_the_garbage_collector_and_leaves_it_as_found(enabled: bool) -> None:
    from briefer.core.demo.build import _collector_paused

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with _collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
