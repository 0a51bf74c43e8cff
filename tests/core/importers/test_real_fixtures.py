"""The real exports in ../shared/fixtures (never copied into the project): counts, fatalities, re-imports."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from briefer.core.importers import import_events

# file prefix -> (rows, events, events per country)
ACLED = {
    "AC0519_Mali": (1339, 1339, {"MLI": 1339}),
    "ElliottMess_WSC": (3010, 3010, {"BFA": 3010}),
    "ValenGe_UZH": (6214, 3314, {"MLI": 3314}),
    "aimeokoko_security": (4999, 4999, {"BFA": 4999}),
    "brainy749_Tiwara": (5237, 5237, {"MLI": 2279, "BFA": 1125, "TCD": 706, "NER": 649, "MRT": 478}),
}


def fixture_file(folder: Path, prefix: str) -> Path:
    [path] = folder.glob(f"{prefix}*.csv")
    return path


def csv_fatalities(path: Path) -> int:
    """Fatalities of the CSV with rows of one event counted once (dedupe on event_id_cnty)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if "event_id_cnty" not in rows[0]:
        return sum(int(r["fatalities"]) for r in rows)
    return sum({r["event_id_cnty"]: int(r["fatalities"]) for r in rows}.values())


@pytest.mark.parametrize("prefix", list(ACLED))
def test_acled_fixture(shared_fixtures: Path, store, prefix: str) -> None:  # type: ignore[no-untyped-def]
    rows, count, per_country = ACLED[prefix]
    path = fixture_file(shared_fixtures / "acled", prefix)
    report = import_events(store, "acled", path)
    assert (report.rows, report.summary()) == (rows, f"added {count}, updated 0, unchanged 0, rejected 0")
    stored = dict(store.db.execute("SELECT country_iso3, count(*) FROM events GROUP BY 1").fetchall())
    assert stored == per_country
    assert store.db.execute("SELECT sum(fatalities) FROM events").fetchone()[0] == csv_fatalities(path)
    again = import_events(store, "acled", path)
    assert again.summary() == f"added 0, updated 0, unchanged {count}, rejected 0"


def test_monadic_fixture_sums_fatalities_once(shared_fixtures: Path, store) -> None:  # type: ignore[no-untyped-def]
    path = fixture_file(shared_fixtures / "acled", "ValenGe_UZH")
    import_events(store, "acled", path)
    with path.open(encoding="utf-8", newline="") as handle:
        raw = sum(int(r["fatalities"]) for r in csv.DictReader(handle))
    stored = store.db.execute("SELECT sum(fatalities) FROM events").fetchone()[0]
    assert stored == csv_fatalities(path) < raw
    two_actors = store.db.execute("SELECT count(*) FROM events WHERE actor2 != ''").fetchone()[0]
    assert two_actors == 6214 - 3314


def test_old_schema_fixture_gets_current_types(shared_fixtures: Path, store) -> None:  # type: ignore[no-untyped-def]
    import_events(store, "acled", fixture_file(shared_fixtures / "acled", "brainy749_Tiwara"))
    types = Counter(dict(store.db.execute("SELECT event_type, count(*) FROM events GROUP BY 1").fetchall()))
    assert set(types) == {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
                          "Riots", "Strategic developments"}
    assert types["Battles"] == 1451 + 145 + 60 and types["Protests"] + types["Riots"] == 1534


def test_edited_and_removed_rows_of_a_real_export(shared_fixtures: Path, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = fixture_file(shared_fixtures / "acled", "ElliottMess_WSC")
    import_events(store, "acled", path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), reader.fieldnames
    edited, removed = rows[10], rows[20]
    edited["fatalities"], edited["timestamp"] = "41", str(int(edited["timestamp"]) + 1000)
    rows.remove(removed)
    export = tmp_path / "re-export.csv"
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    report = import_events(store, "acled", export)
    assert report.summary() == "added 0, updated 1, unchanged 3008, rejected 0, vanished 1"
    assert report.vanished_ids == [removed["event_id_cnty"]]
    fatalities = store.db.execute("SELECT fatalities FROM events WHERE external_id = ?", [edited["event_id_cnty"]])
    assert fatalities.fetchone()[0] == 41
    assert store.db["events"].count == 3010


def test_ucdp_fixture(shared_fixtures: Path, store) -> None:  # type: ignore[no-untyped-def]
    [path] = (shared_fixtures / "ucdp").glob("*.csv")
    report = import_events(store, "ucdp", path)
    assert (report.rows, report.summary()) == (1000, "added 1000, updated 0, unchanged 0, rejected 0")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    got = store.db.execute("SELECT sum(fatalities), sum(fatalities_low), sum(fatalities_high) FROM events").fetchone()
    assert tuple(got) == tuple(sum(int(r[k]) for r in rows) for k in ("best", "low", "high"))
    types = dict(store.db.execute("SELECT event_type, count(*) FROM events GROUP BY 1").fetchall())
    assert types == {"State-based violence": 707, "Non-state violence": 133, "One-sided violence": 160}
    assert import_events(store, "ucdp", path).unchanged == 1000
