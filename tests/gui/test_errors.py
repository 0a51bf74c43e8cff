"""Failures the user can act on: an unwritable path, a store that is read-only, not a store, newer."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from briefer.gui import dialogs, operations
from briefer.gui.tasks import Cancelled
from tests.gui.conftest import TIMEOUT, select


def test_unwritable_path_shows_what_to_do_and_leaves_nothing(qtbot: Any, window: Any, tmp_path: Path,
                                                             errors: list[tuple[str, str]],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    select(qtbot, window, ["MLI"], dt.date(2023, 6, 1), dt.date(2023, 12, 31), "peacekeeping")
    target = tmp_path / "no-such-folder" / "briefing.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: target)
    with qtbot.waitSignal(window.exporter.failed, timeout=TIMEOUT):
        window.export_action.trigger()
    assert errors and "does not exist" in errors[-1][1] and "choose another folder" in errors[-1][1]
    assert not target.parent.exists()
    assert window.exporter.progress is None


def test_cancelled_export_leaves_nothing(qtbot: Any, window: Any, tmp_path: Path,
                                         errors: list[tuple[str, str]]) -> None:
    composition = window.composition()
    with qtbot.waitSignal(window.exporter.failed, timeout=TIMEOUT) as blocker:
        window.exporter.export_to(composition, tmp_path / "cancelled.pdf")
        window.exporter.progress.canceled.emit()  # the Cancel button
    assert isinstance(blocker.args[0], Cancelled)
    assert list(tmp_path.iterdir()) == [tmp_path / "settings"] or not (tmp_path / "cancelled.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".part", ".pdf")]
    assert not errors


def open_store(qtbot: Any, win: Any, request: Any, ok: bool = True) -> None:
    signal = win.controller.store_opened if ok else win.controller.store_failed
    with qtbot.waitSignal(signal, timeout=TIMEOUT):
        win.store_menu.open_requested.emit(request)


def test_read_only_store_opens_with_a_banner(qtbot: Any, window: Any, store_copy: Path,
                                             errors: list[tuple[str, str]],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.read_only_banner.isHidden()
    open_store(qtbot, window, operations.OpenRequest("path", store_copy, read_only=True))
    assert window.read_only_banner.isVisible()
    assert "read-only" in window.windowTitle() and "demo.db" in window.windowTitle()
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "x")
    window.controller.save_briefing()
    assert errors and "read-only" in errors[-1][1]


def test_not_a_store_gets_a_clear_dialog_and_keeps_the_open_store(qtbot: Any, window: Any, tmp_path: Path,
                                                                 errors: list[tuple[str, str]]) -> None:
    title = window.windowTitle()
    junk = tmp_path / "notes.db"
    junk.write_text("shopping list\n")
    open_store(qtbot, window, operations.OpenRequest("path", junk), ok=False)
    assert errors and "not a briefer store" in errors[-1][1]
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    open_store(qtbot, window, operations.OpenRequest("path", other), ok=False)
    assert "not a briefer store" in errors[-1][1]
    assert window.windowTitle() == title
    with qtbot.waitSignal(window.controller.preview_ready, timeout=TIMEOUT):
        window.controller.refresh()  # the old store still answers


def test_newer_store_gets_a_clear_dialog(qtbot: Any, window: Any, store_copy: Path, tmp_path: Path,
                                         errors: list[tuple[str, str]]) -> None:
    newer = tmp_path / "newer.db"
    newer.write_bytes(store_copy.read_bytes())
    with sqlite3.connect(newer) as conn:
        row = conn.execute("SELECT * FROM _sqlite_migrations LIMIT 1").fetchone()
        columns = [c[1] for c in conn.execute("PRAGMA table_info(_sqlite_migrations)")]
        values = dict(zip(columns, row, strict=True))
        values["name"] = "9999_from_the_future"
        if "id" in values:
            values.pop("id")
        conn.execute(f"INSERT INTO _sqlite_migrations ({','.join(values)}) VALUES ({','.join('?' * len(values))})",
                     list(values.values()))
    open_store(qtbot, window, operations.OpenRequest("path", newer), ok=False)
    assert errors and "newer version" in errors[-1][1]


def test_new_empty_store(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "empty")
    with qtbot.waitSignal(window.controller.store_opened, timeout=TIMEOUT) as blocker:
        window.store_menu.new_action.trigger()
    info = blocker.args[0]
    assert info.path == tmp_path / "empty.db" and info.event_count == 0 and info.countries
    assert window.empty_banner.isVisible()
    assert "empty.db" in window.windowTitle()


def test_vanished_store_is_reported(qtbot: Any, window: Any, tmp_path: Path,
                                    errors: list[tuple[str, str]]) -> None:
    open_store(qtbot, window, operations.OpenRequest("path", tmp_path / "gone.db"), ok=False)
    assert errors and "no such store" in errors[-1][1]
