"""`make bench` (import part): ACLED CSV import throughput and peak memory on a 1M-row file.

The CSV is generated once into `.bench-cache/` from the synthetic demo events (scale 67, about a
million rows) written in ACLED's current 31-column shape, dates as "10 December 2020". Each run
imports it into a new, empty store in a fresh process (as `briefer import` would) and reports
rows per second for the parsing and writing, the selection-index rebuild separately, and the
peak resident memory and CPU time of that process (on a machine shared with other work, CPU
time is the steadier figure). Target: >= 100k rows/s, peak RSS well under 1 GB.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench-cache"
SCALE = 67
CSV_NAME = f"acled-synthetic-scale{SCALE}-v1.csv"
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)


def bench_csv() -> Path:
    """The 1M-row ACLED-shaped CSV, written once (about a minute)."""
    path = CACHE / CSV_NAME
    if path.exists():
        return path
    import pycountry

    from briefer.core.demo.synth import generate_events

    CACHE.mkdir(exist_ok=True)
    started = time.perf_counter()
    temp = path.with_suffix(".tmp")
    with temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACLED_COLUMNS)
        countries: dict[str, tuple[str, str]] = {}
        for event in generate_events(scale=SCALE):
            iso3 = str(event["country_iso3"])
            if iso3 not in countries:
                c = pycountry.countries.get(alpha_3=iso3)
                countries[iso3] = (str(int(c.numeric)), c.name)
            writer.writerow(_acled_row(event, *countries[iso3]))
    temp.replace(path)
    print(f"  wrote {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _acled_row(e: dict[str, object], numeric: str, country: str) -> list[object]:
    day = dt.date.fromisoformat(str(e["event_date"]))
    return [
        e["external_id"], f"{day.day:02d} {day:%B %Y}", day.year, e["time_precision"], e["disorder_type"],
        e["event_type"], e["sub_event_type"], e["actor1"], e["assoc_actor_1"], "", e["actor2"],
        e["assoc_actor_2"], "", "", e["civilian_targeting"], numeric, "Western Africa", country,
        e["admin1"], e["admin2"], "", e["location"], e["latitude"], e["longitude"], e["geo_precision"],
        e["source"], e["source_scale"], e["notes"], e["fatalities"], "", e["timestamp"],
    ]


def child(csv_path: str, store_path: str) -> None:
    """Runs in a fresh process: import, then print timings and peak RSS as JSON."""
    import resource

    from briefer.core.importers import import_into
    from briefer.core.store import writes

    spent = {"index": 0.0}
    rebuild = writes.index_events

    def timed_index(*args: object, **kwargs: object) -> None:
        started = time.perf_counter()
        rebuild(*args, **kwargs)  # type: ignore[arg-type]
        spent["index"] += time.perf_counter() - started

    writes.index_events = timed_index  # type: ignore[assignment]
    started = time.perf_counter()
    report = import_into(store_path, "acled", csv_path)
    total = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"rows": report.rows, "summary": report.summary(), "seconds": total,
                      "index": spent["index"], "peak_mb": usage.ru_maxrss / 1024,
                      "cpu": usage.ru_utime + usage.ru_stime}))


def floors(csv_path: Path, store_path: str) -> dict[str, float]:
    """What this machine allows whatever the importer does (seconds for the file's rows): reading
    the CSV with the stdlib; binding 28 values a row from Python into a bare in-memory table (no
    index, no constraint); and SQLite alone (no Python per row) copying the imported events into
    a fresh events table with its unique key and two indexes."""
    import sqlite3

    from briefer.core.store.db import open_store

    started = time.perf_counter()
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle)) - 1
    reading = time.perf_counter() - started
    memory = sqlite3.connect(":memory:")
    memory.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(28))})")
    sample = [(f"EVT{i}", "2023-01-01", *["some text"] * 20, *[i] * 6) for i in range(100_000)]
    started = time.perf_counter()
    memory.executemany(f"INSERT INTO t VALUES ({','.join('?' * 28)})", sample)
    binding = (time.perf_counter() - started) * rows / len(sample)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp, open_store(f"{tmp}/copy.db", create=True) as copy:
        db = copy.db.conn
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute(f"PRAGMA cache_size = -{65536}")
        db.execute("ATTACH ? AS src", [store_path])
        columns = ",".join(c for c in copy.db.table("events").columns_dict if c != "id")
        started = time.perf_counter()
        with db:
            db.execute(f"INSERT INTO main.events ({columns}) SELECT {columns} FROM src.events")
        copying = time.perf_counter() - started
        db.execute("DETACH src")
    return {"rows": rows, "read": reading, "bind": binding, "copy": copying}


def measure(csv_path: Path) -> dict[str, float | str]:
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        store = f"{tmp}/bench.db"
        command = [sys.executable, "-m", "tests.bench.bench_import", "--child", str(csv_path), store]
        result = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
        got: dict[str, float | str] = json.loads(result.stdout.splitlines()[-1])
        for name, value in floors(csv_path, store).items():
            got[f"floor_{name}"] = value
    return got


def main() -> None:
    print("briefer import benchmark (1M-row ACLED-shaped CSV into a new store, fresh process)")
    got = measure(bench_csv())
    rows, total, index = float(got["rows"]), float(got["seconds"]), float(got["index"])
    print(f"| {'rows':<34} | {rows:>12,.0f} |")
    print(f"| {'whole import, s':<34} | {total:>12.1f} |")
    print(f"| {'  of which selection index, s':<34} | {index:>12.1f} |")
    print(f"| {'rows/s, whole import':<34} | {rows / total:>12,.0f} |")
    print(f"| {'rows/s, without the index rebuild':<34} | {rows / (total - index):>12,.0f} |")
    print(f"| {'CPU time (user + system), s':<34} | {float(got['cpu']):>12.1f} |")
    print(f"| {'peak RSS, MB':<34} | {float(got['peak_mb']):>12.0f} |")
    print(f"  {got['summary']}")
    print("targets: >= 100,000 rows/s; peak RSS well under 1 GB")
    floor_rows = float(got["floor_rows"])
    print("what this machine allows at best (no parsing, no tagging, no selection index):")
    for key, label in (("floor_read", "read the CSV (stdlib csv), rows/s"),
                       ("floor_bind", "bind 28 values/row, bare table, rows/s"),
                       ("floor_copy", "SQLite alone into events, rows/s")):
        print(f"| {label:<42} | {floor_rows / float(got[key]):>12,.0f} |")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
