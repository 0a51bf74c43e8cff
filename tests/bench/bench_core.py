"""`make bench`: timings of the core pipeline on synthetic stores of 100k and 1M events.

Stores are built once and cached in `.bench-cache/` (delete it to rebuild). Each figure is the
median of several runs; "whole build" runs `python -m briefer build` in a fresh process, as a user
would, and its peak memory is that process's maximum resident set size.
Targets (2-core machine): whole build on 1M events < 2 s, selection < 50 ms, peak RSS < 300 MB.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench-cache"
SIZES = {"100k": 100_000, "1M": 1_000_000}
DEMO_EVENTS = 15_226  # events in the demo store at scale 1 (approximately)
RUNS = 5


def _inputs_digest() -> str:
    """A hash of what a cached store is built from (schema, demo data, generator): a change rebuilds it."""
    digest = hashlib.sha256()
    files = [ROOT / "briefer/core/store/schema.py", *sorted((ROOT / "resources/demo").glob("*")),
             *sorted((ROOT / "briefer/core/demo").glob("*.py"))]
    for file in files:
        digest.update(file.read_bytes())
    return digest.hexdigest()[:10]


def cached_store(label: str, events: int) -> Path:
    """A store of about `events` synthetic events, built once per version of its inputs."""
    from briefer.core.demo.build import build_demo_store

    path = CACHE / f"store-{label}-{_inputs_digest()}.db"
    for stale in CACHE.glob(f"store-{label}-*.db*"):
        if not stale.name.startswith(path.name):
            stale.unlink()
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        started = time.perf_counter()
        build_demo_store(path, scale=events / DEMO_EVENTS)
        print(f"  built {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(path: Path) -> dict[str, float]:
    from briefer.core import analysis
    from briefer.core.assemble import assemble
    from briefer.core.charts import chart_drawing
    from briefer.core.domain import BriefingOptions, Period, Selection
    from briefer.core.pdf import render_pdf
    from briefer.core.store.db import open_store
    from briefer.core.templates import get_template

    selection = Selection(("MLI",), Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31)), "peacekeeping")
    options = BriefingOptions(issued=dt.date(2024, 1, 8))
    template = get_template("country-brief")
    results = {"store open": median_ms(lambda: open_store(path, read_only=True).close())}
    heavy = Selection(("MLI",), selection.period, "armed-conflict")
    region = Selection(("MLI", "BFA", "NER"), selection.period, "armed-conflict")
    with open_store(path, read_only=True) as store:
        results["selection ms"] = median_ms(lambda: analysis.analyse(store, selection))
        results["selection, conflict ms"] = median_ms(lambda: analysis.analyse(store, heavy))
        results["selection, 3 countries ms"] = median_ms(lambda: analysis.analyse(store, region))
        results["assemble"] = median_ms(lambda: assemble(store, selection, template, options))
        briefing = assemble(store, selection, template, options)
        events = briefing.data_note.event_count
    chart_drawing.cache_clear() if hasattr(chart_drawing, "cache_clear") else None
    results["charts (uncached)"] = median_ms(lambda: _charts_uncached(briefing), runs=3)
    results["PDF"] = median_ms(lambda: render_pdf(briefing), runs=3)
    results["whole build"], results["peak RSS MB"] = whole_build(path)
    results["events in selection"] = events
    return results


def _charts_uncached(briefing) -> None:  # type: ignore[no-untyped-def]
    from briefer.core.charts import chart_figure

    for chart in briefing.charts:
        chart_figure(chart, briefing.language)


def whole_build(path: Path) -> tuple[float, float]:
    """Median wall time (ms) of `python -m briefer build` and the peak RSS (MB) of those processes,
    after one unmeasured run (it draws the charts into the cache and finds a freshly built store's
    write-ahead log to fold in: neither is what a user's everyday build does)."""
    times, peaks = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(4):
            out = Path(tmp) / f"b{run}.pdf"
            command = [sys.executable, "-m", "briefer", "build", "--store", str(path), "--country", "Mali",
                       "--from", "2023-06-01", "--to", "2023-12-31", "--topic", "peacekeeping",
                       "--date", "2024-01-08", "--out", str(out)]
            started = time.perf_counter()
            child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            _, status, usage = os.wait4(child.pid, 0)  # this build's own peak, not every child's so far
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode:
                raise subprocess.CalledProcessError(child.returncode, command)
            if run:
                times.append((time.perf_counter() - started) * 1000)
                peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def table(rows: dict[str, dict[str, float]]) -> str:
    labels = list(next(iter(rows.values())))
    head = f"| {'measure':<28} | " + " | ".join(f"{name:>10}" for name in rows) + " |"
    rule = "|" + "-" * 30 + "|" + "|".join("-" * 12 for _ in rows) + "|"
    lines = [head, rule]
    for label in labels:
        unit = "" if label.endswith(("MB", "ms", "selection")) else " ms"
        cells = " | ".join(f"{rows[name][label]:>10.0f}" if label == "events in selection" else
                           f"{rows[name][label]:>10.1f}" for name in rows)
        lines.append(f"| {label + unit:<28} | {cells} |")
    return "\n".join(lines)


def demo_first_build() -> tuple[float, float, float]:
    """Median wall and CPU seconds of building the demo store from resources/ (no cached copy),
    each in a fresh process, Python imports included, as on an app's first run; and the median
    wall seconds of those imports alone."""
    script = ("import resource, sys, time; t = time.perf_counter(); from pathlib import Path; "
              "from briefer.core.demo.build import _build_into; "
              "i = time.perf_counter() - t; _build_into(Path(sys.argv[1]), 1.0); "
              "u = resource.getrusage(resource.RUSAGE_SELF); "
              "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, i)")
    walls, cpus, imports = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(RUNS):
            out = subprocess.run([sys.executable, "-c", script, f"{tmp}/demo{run}.db"], check=True,
                                 capture_output=True, text=True, cwd=ROOT).stdout.split()
            walls.append(float(out[0]))
            cpus.append(float(out[1]))
            imports.append(float(out[2]))
    return statistics.median(walls), statistics.median(cpus), statistics.median(imports)


def main() -> None:
    wall, cpu, imports = demo_first_build()
    print(f"demo store, first build from resources/: {wall:.2f} s wall ({imports:.2f} s of it Python imports), "
          f"{cpu:.2f} s CPU (median of {RUNS} fresh processes; target < 1 s)")
    print("briefer core benchmark (median of runs; whole build = fresh `python -m briefer build`)")
    rows = {}
    for label, events in SIZES.items():
        path = cached_store(label, events)
        rows[label] = measure(path)
    print(table(rows))
    print("targets: whole build on 1M < 2000 ms, selection < 50 ms, peak RSS < 300 MB")


if __name__ == "__main__":
    main()
