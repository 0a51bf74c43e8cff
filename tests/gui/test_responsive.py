"""The window never freezes: work runs on the worker, and stale results never land."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QTimer

from tests.gui.conftest import TIMEOUT, select


def test_event_loop_keeps_turning_during_an_export(qtbot: Any, window: Any, tmp_path: Path) -> None:
    select(qtbot, window, ["MLI", "BFA", "NER"], dt.date(2022, 1, 1), dt.date(2024, 12, 31), "armed-conflict")
    clock, gaps, ticks = QElapsedTimer(), [], []

    def beat() -> None:
        gaps.append(clock.restart())
        ticks.append(1)

    heartbeat = QTimer(window, interval=5)
    heartbeat.timeout.connect(beat)
    clock.start()
    heartbeat.start()
    with qtbot.waitSignal(window.exporter.finished, timeout=TIMEOUT * 3):
        window.exporter.export_to(window.composition(), tmp_path / "big.pdf")
    heartbeat.stop()
    assert len(ticks) > 20, "the event loop did not turn during the export"
    assert max(gaps[1:]) < 250, f"the UI thread was blocked for {max(gaps[1:])} ms"
    assert (tmp_path / "big.pdf").exists()


def test_only_the_newest_request_of_a_key_is_delivered(qtbot: Any, window: Any) -> None:
    runner = window.runner
    release = threading.Event()
    delivered: list[str] = []
    started: list[str] = []

    def slow(store: Any, value: str) -> str:
        started.append(value)
        release.wait(5)
        return value

    def quick(store: Any, value: str) -> str:
        started.append(value)
        return value

    runner.submit("test", slow, "first", delivered.append)
    qtbot.waitUntil(lambda: started == ["first"], timeout=TIMEOUT)
    runner.submit("test", quick, "skipped", delivered.append)  # queued, then superseded: never runs
    runner.submit("test", quick, "newest", delivered.append)
    release.set()
    qtbot.waitUntil(lambda: delivered == ["newest"], timeout=TIMEOUT)
    time.sleep(0.05)
    qtbot.wait(50)
    assert delivered == ["newest"]
    assert started == ["first", "newest"]


def test_rapid_selection_changes_end_on_the_last_one(qtbot: Any, window: Any) -> None:
    panel = window.selection_panel
    for code in ("BFA", "NER", "TCD", "MLI"):
        panel.country_picker.set_chosen([code])
    qtbot.waitUntil(lambda: window.controller.last_preview.selection.countries == ("MLI",), timeout=TIMEOUT)
    qtbot.wait(200)
    assert window.controller.last_preview.selection.countries == ("MLI",)


def test_long_sessions_cannot_exhaust_none_or_true(qtbot: Any) -> None:
    """PySide6 6.12.0 on CPython 3.11 takes a reference from None on every void call and from True
    on every emit; `qtcompat` makes both effectively immortal, so a long session cannot abort."""
    import sys

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    from briefer.gui import qtcompat

    class Source(QObject):
        ping = Signal(int)

    label, source, got = QLabel(), Source(), []
    source.ping.connect(got.append)
    for n in range(20_000):
        label.setText(str(n))
        source.ping.emit(n)
    assert len(got) == 20_000
    if sys.version_info < (3, 12) and qtcompat.protect_singletons():
        assert min(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)) > qtcompat.MARGIN // 2


def test_a_newer_request_interrupts_a_stale_running_query(qtbot: Any, window: Any) -> None:
    runner = window.runner
    delivered: list[str] = []
    failures: list[BaseException] = []

    def endless(store: Any, value: str) -> str:
        sql = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
               "SELECT count(*) FROM c")
        store.db.execute(sql).fetchall()
        return value

    def quick(store: Any, value: str) -> str:
        return value

    runner.submit("slow", endless, "stale", delivered.append, lambda e, d: failures.append(e), interruptible=True)
    qtbot.wait(100)
    started = time.perf_counter()
    runner.submit("slow", quick, "newest", delivered.append, interruptible=True)
    qtbot.waitUntil(lambda: delivered == ["newest"], timeout=TIMEOUT)
    assert time.perf_counter() - started < 2.0
    assert failures == []  # the interrupted, stale request is dropped silently
