"""`make bench`: the desktop app's timings (offscreen Qt).

- cold start: a fresh `python -c` process, from its launch until the main window is shown and the
  first preview is on screen (median of runs; the demo store, settings in a temporary folder);
- preview refresh: on the 1M-event store, from a selection change until the preview (key figures,
  charts data, quotations, figures) is shown, and until the events table is filled too — each
  selection seen for the first time (the worker's recent results are forgotten before each change),
  and, apart, selections seen again (answered from `operations.recent`);
- UI-thread blocking during an export: a 5 ms QTimer heartbeat runs while the PDF is exported;
  the longest gap between beats is the longest time the window could not respond.
Targets: cold start <= 1000 ms, preview refresh <= 150 ms, blocking <= 50 ms.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench.bench_core import DEMO_EVENTS, cached_store

COLD_RUNS = 5
CHILD = """
import gc, time, sys
gc.disable()
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from briefer.gui import app as gui                      # what briefer.gui.app.main does, step by step
gui._names()
settings = gui.Settings()
started = gui.start_worker(__import__("pathlib").Path(sys.argv[1]), settings)
app = gui.application()
window = gui.build_window(settings, *started)
window.show()
window.controller.preview_ready.connect(gui.startup_finished)
app.processEvents()
print("shown", time.time(), flush=True)
def ready(_):
    app.processEvents()
    print("ready", time.time(), flush=True)
    __import__("os")._exit(0)
window.controller.preview_ready.connect(ready)
app.exec()
"""


def cold_start(store: Path) -> tuple[float, float]:
    """Median ms from launch to window shown, and to first preview shown.

    The child may write bytecode (as an installed app does): one untimed launch warms the caches."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", CHILD, str(store), tempfile.mkdtemp()], capture_output=True, cwd=ROOT,
                   timeout=120, check=True, env=env)
    shown, ready = [], []
    for _ in range(COLD_RUNS):
        with tempfile.TemporaryDirectory() as settings:
            launched = time.time()
            out = subprocess.run([sys.executable, "-c", CHILD, str(store), settings], capture_output=True,
                                 text=True, cwd=ROOT, timeout=120, check=True, env=env).stdout
        stamps = dict(line.split() for line in out.splitlines() if line.startswith(("shown", "ready")))
        shown.append((float(stamps["shown"]) - launched) * 1000)
        ready.append((float(stamps["ready"]) - launched) * 1000)
    return statistics.median(shown), statistics.median(ready)


def _window(store: Path, settings_dir: str) -> Any:
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from briefer.gui.app import application, create_window

    app = application()
    window = create_window(store)
    window.show()
    _wait(app, window.controller.preview_ready)
    return app, window


def _wait(app: Any, signal: Any, timeout_s: float = 60.0) -> Any:
    """Run the event loop until `signal` fires; returns its argument."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, got = QEventLoop(), []

    def done(value: Any = None) -> None:
        got.append(value)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(done)
    if not got:
        raise TimeoutError(f"no {signal} within {timeout_s} s")
    return got[0]


# What a field officer does: one country (or neighbours), a topic, a few months
TYPICAL = [
    (["MLI"], dt.date(2023, 6, 1), dt.date(2023, 12, 31), "peacekeeping"),
    (["BFA"], dt.date(2024, 10, 3), dt.date(2024, 12, 31), "civilians"),
    (["NER"], dt.date(2024, 7, 1), dt.date(2024, 12, 31), "displacement"),
    (["MLI", "BFA", "NER"], dt.date(2024, 10, 3), dt.date(2024, 12, 31), "regional-spillover"),
    (["MLI"], dt.date(2024, 12, 2), dt.date(2024, 12, 31), "armed-conflict"),
    (["BFA"], dt.date(2023, 1, 1), dt.date(2023, 12, 31), "governance"),
]
# The heaviest: every conflict event of three countries over a year (~200,000 events)
HEAVY = [(["MLI", "BFA", "NER"], dt.date(2023, 1, 1), dt.date(2023, 12, 31), "armed-conflict")]


def forget_recent() -> None:
    """Make the next selection a first visit (the worker is idle between two measures)."""
    from briefer.gui import operations

    recent = getattr(operations, "recent", None)  # absent from older code, which keeps nothing
    if recent is not None:
        recent.forget()


def preview_refresh(window: Any, app: Any, selections: list[Any], seen: bool = False) -> list[float]:
    """ms from each selection change to its preview on screen (key figures tab showing); first
    visits unless `seen` (then the worker's recent results are kept)."""
    times = []
    for countries, start, end, topic in selections:
        if not seen:
            forget_recent()
        started = time.perf_counter()
        window.selection_panel.apply(countries, "custom", start, end, topic)
        _wait(app, window.controller.preview_ready)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    return times


def events_refresh(window: Any, app: Any, selections: list[Any]) -> list[float]:
    """ms from each selection change to its preview and events table, with the Events tab showing."""
    window.preview.tabs.setCurrentWidget(window.preview.tabs.events)
    times = []
    for countries, start, end, topic in selections:
        forget_recent()
        started = time.perf_counter()
        window.selection_panel.apply(countries, "custom", start, end, topic)
        _wait(app, window.controller.events_ready)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    window.preview.tabs.setCurrentIndex(0)
    return times


def settle(app: Any, window: Any, seconds: float) -> None:
    """Let the app idle (as a user reading the preview does) until the worker is done."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or window.runner.busy:
        app.processEvents()
        time.sleep(0.01)


def export_blocking(window: Any, app: Any, out: Path) -> tuple[float, float]:
    """Longest gap (ms) between 5 ms heartbeats during an export, and the export's duration (ms).

    Measured once the app has idled for a few seconds after its first preview, as it does while a
    user reads the preview: it loads the PDF machinery then (see `operations.prepare_export`)."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    window.selection_panel.apply(["MLI"], "custom", dt.date(2023, 6, 1), dt.date(2023, 12, 31), "peacekeeping")
    _wait(app, window.controller.preview_ready)
    settle(app, window, 3.0)
    clock, gaps = QElapsedTimer(), []
    heartbeat = QTimer(interval=5)
    heartbeat.timeout.connect(lambda: gaps.append(clock.restart()))
    clock.start()
    heartbeat.start()
    started = time.perf_counter()
    window.exporter.export_to(window.composition(), out)
    _wait(app, window.exporter.finished, 120)
    duration = (time.perf_counter() - started) * 1000
    settle(app, window, 0.3)  # the viewer loads its document
    heartbeat.stop()
    if window.exporter.viewer is not None:
        window.exporter.viewer.close()
    return float(max(gaps[1:] or [0])), duration


def main() -> None:
    print("briefer GUI benchmark (offscreen Qt; cold start = fresh process, median of "
          f"{COLD_RUNS})", flush=True)
    demo = cached_store("demo", DEMO_EVENTS)
    shown, ready = cold_start(demo)
    big = cached_store("1M", 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        app, window = _window(big, tmp)
        typical = preview_refresh(window, app, TYPICAL * 2)
        preview_refresh(window, app, TYPICAL, seen=True)  # each one seen once more, then again:
        again = preview_refresh(window, app, TYPICAL, seen=True)
        heavy = preview_refresh(window, app, [*HEAVY, TYPICAL[0]] * 2)[0::2]
        with_events = events_refresh(window, app, TYPICAL * 2)
        blocked_ms, export_ms = export_blocking(window, app, Path(tmp) / "bench.pdf")
        window.close()
    rows = [
        ("cold start: window shown", shown, ""),
        ("cold start: first preview shown", ready, "<= 1000"),
        ("preview refresh, 1M store (median)", statistics.median(typical), "<= 150"),
        ("preview refresh, 1M store (slowest)", max(typical), ""),
        ("preview refresh, selection seen again", statistics.median(again), ""),
        ("preview refresh, 200k-event selection", statistics.median(heavy), ""),
        ("with the events table shown (median)", statistics.median(with_events), ""),
        ("UI thread blocked during export (max)", blocked_ms, "<= 50"),
        ("export duration, 1M store", export_ms, ""),
    ]
    print(f"| {'measure':<40} | {'ms':>8} | {'target':>8} |")
    print(f"|{'-' * 42}|{'-' * 10}|{'-' * 10}|")
    for label, value, target in rows:
        print(f"| {label:<40} | {value:>8.0f} | {target:>8} |")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: Qt objects left to the garbage collector
