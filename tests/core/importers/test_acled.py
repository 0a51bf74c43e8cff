"""ACLED files with every quirk real exports have, written small by the tests themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.errors import ImportCancelled, ImportFileError
from briefer.core.importers import import_events
from tests.core.importers.conftest import HEADER, acled_row, digest, write_csv

ROWS = [
    acled_row("MLI1", notes="Ségou: clashes, « two killed »."),
    acled_row("MLI2", date="11 December 2020", event_type="Violence against civilians", sub="Attack",
              actor2="Civilians (Mali)", fatalities="5", location="Ségou"),
    acled_row("BFO7", date="12 December 2020", country="Burkina Faso", admin1="Sahel", location="Djibo"),
]


def events(store, *columns: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    sql = f"SELECT {', '.join(columns)} FROM events ORDER BY external_id"
    return [tuple(r) for r in store.db.execute(sql).fetchall()]


@pytest.mark.parametrize("options", [
    {"encoding": "utf-8-sig"},
    {"encoding": "cp1252"},
    {"delimiter": ";"},
    {"delimiter": "\t"},
    {"newline": "\r\n"},
    {"junk": ["Armed Conflict Location & Event Data Project", "Exported 16-Feb-21", ""]},
    {"encoding": "cp1252", "delimiter": ";", "newline": "\r\n", "junk": ["ACLED;export"]},
])
def test_quirks_import_the_same_events(store, tmp_path: Path, options: dict) -> None:  # type: ignore[no-untyped-def]
    report = import_events(store, "acled", write_csv(tmp_path / "a.csv", ROWS, **options))
    assert report.summary() == "added 3, updated 0, unchanged 0, rejected 0"
    assert events(store, "external_id", "country_iso3", "event_date", "location", "notes") == [
        ("BFO7", "BFA", "2020-12-12", "Djibo", "Clashes near Sevare, two killed."),
        ("MLI1", "MLI", "2020-12-10", "Sevare", "Ségou: clashes, « two killed »."),
        ("MLI2", "MLI", "2020-12-11", "Ségou", "Clashes near Sevare, two killed."),
    ]


@pytest.mark.parametrize("written", ["16-Dec-20", "16/12/2020", "2020-12-16", "16 December 2020"])
def test_date_shapes(store, tmp_path: Path, written: str) -> None:  # type: ignore[no-untyped-def]
    import_events(store, "acled", write_csv(tmp_path / "d.csv", [acled_row(date=written)]))
    assert events(store, "event_date") == [("2020-12-16",)]


def test_a_malformed_date_names_file_line_and_column_and_refuses_the_file(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [acled_row("MLI1"), acled_row("MLI2"), acled_row("MLI3", date="31 Decembre 2020"), acled_row("MLI4")]
    path = write_csv(tmp_path / "bad.csv", rows, junk=["title line"])
    report = import_events(store, "acled", path)
    assert report.refused and not report.written
    assert report.summary() == "added 0, updated 0, unchanged 0, rejected 1"
    [error] = report.errors
    assert (error.file, error.line, error.column) == (str(path), 5, "event_date")
    assert str(error).startswith(f"{path}, line 5, column event_date: '31 Decembre 2020' is not a date")
    assert events(store, "external_id") == []


def test_line_numbers_count_multiline_notes(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [acled_row("MLI1", notes="first line\nsecond line\nthird"), acled_row("MLI2", country="Atlantis")]
    report = import_events(store, "acled", write_csv(tmp_path / "m.csv", rows))
    assert [(e.line, e.column) for e in report.errors] == [(5, "country")]
    assert "unknown country 'Atlantis'" in report.errors[0].message


def test_accept_bad_rows_imports_the_good_ones(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [acled_row("MLI1"), acled_row("MLI2", fatalities="many"), acled_row("MLI3")]
    report = import_events(store, "acled", write_csv(tmp_path / "b.csv", rows), accept_bad_rows=True)
    assert report.summary() == "added 2, updated 0, unchanged 0, rejected 1"
    assert report.errors[0].column == "fatalities" and report.errors[0].line == 3
    assert store.db.execute("SELECT rejected FROM imports").fetchone()[0] == 1


def test_refused_import_leaves_the_store_file_unchanged(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_events(store, "acled", write_csv(tmp_path / "good.csv", ROWS))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(store.path)
    bad = write_csv(tmp_path / "bad.csv", [acled_row("MLI9"), acled_row("MLI10", date="")])
    assert import_events(store, "acled", bad).refused
    assert import_events(store, "acled", write_csv(tmp_path / "ok.csv", ROWS[:1]), dry_run=True).dry_run
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert digest(store.path) == before
    assert store.db.execute("SELECT count(*) FROM imports").fetchone()[0] == 1


def test_dry_run_counts_without_writing(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = import_events(store, "acled", write_csv(tmp_path / "a.csv", ROWS), dry_run=True)
    assert report.summary() == "added 3, updated 0, unchanged 0, rejected 0" and not report.written
    assert events(store, "external_id") == [] and store.db["datasets"].count == 0


def test_reimport_updates_newer_leaves_the_rest_and_reports_vanished(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = import_events(store, "acled", write_csv(tmp_path / "v1.csv", ROWS))
    assert first.added == 3
    edited = acled_row("MLI1", fatalities="7", timestamp="1700000000")
    stale = acled_row("MLI2", fatalities="99", timestamp="1500000000")
    second = import_events(store, "acled", write_csv(tmp_path / "v2.csv", [edited, stale, acled_row("MLI3")]))
    assert second.summary() == "added 1, updated 1, unchanged 1, rejected 0"
    assert events(store, "external_id", "fatalities") == [("BFO7", 2), ("MLI1", 7), ("MLI2", 5), ("MLI3", 2)]
    later = acled_row("MLI3", date="12 December 2020", timestamp="1700000000")
    third = import_events(store, "acled", write_csv(tmp_path / "v3.csv", [edited, later]))
    assert third.summary() == "added 0, updated 1, unchanged 1, rejected 0, vanished 1"
    assert third.vanished_ids == ["MLI2"] and "MLI2" in third.vanished_note()
    assert store.db["events"].count == 4


def test_monadic_rows_are_one_event_with_fatalities_once(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = [h for h in HEADER if h != "actor2"] + ["assoc_actor_1"]
    def monadic(event_id: str, actor: str, assoc: str, fatalities: str) -> list[str]:
        row = acled_row(event_id, actor1=actor, fatalities=fatalities)
        del row[5]
        return [*row, assoc]
    rows = [monadic("MLI1", "JNIM", "Katiba Macina", "4"), monadic("MLI1", "Military Forces of Mali", "", "4"),
            monadic("MLI2", "Protesters (Mali)", "", "0"),
            monadic("MLI3", "ISGS", "", "3"), monadic("MLI4", "Dozo", "", "1"), monadic("MLI3", "Civilians (Mali)", "", "3"),
            monadic("MLI5", "Militia (Students)", "", "1"), monadic("MLI5", "Militia (Students)", "", "1")]
    report = import_events(store, "acled", write_csv(tmp_path / "mon.csv", rows, header=header))
    assert (report.rows, report.added) == (8, 5)
    assert events(store, "external_id", "actor1", "assoc_actor_1", "actor2", "fatalities") == [
        ("MLI1", "JNIM", "Katiba Macina", "Military Forces of Mali", 4),
        ("MLI2", "Protesters (Mali)", "", "", 0),
        ("MLI3", "ISGS", "", "Civilians (Mali)", 3),
        ("MLI4", "Dozo", "", "", 1),
        ("MLI5", "Militia (Students)", "", "Militia (Students)", 1),
    ]
    assert store.db.execute("SELECT sum(fatalities) FROM events").fetchone()[0] == 9


def test_an_event_listed_twice_in_a_dyadic_file_keeps_the_newer_row(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [acled_row("MLI1", fatalities="2"), acled_row("MLI2"), acled_row("MLI1", fatalities="6", timestamp="1700000000")]
    assert import_events(store, "acled", write_csv(tmp_path / "twice.csv", rows)).added == 2
    assert events(store, "external_id", "fatalities", "actor2") == [("MLI1", 6, "JNIM"), ("MLI2", 2, "JNIM")]


def test_events_without_id_get_a_stable_content_id(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = [h for h in HEADER if h != "event_id_cnty"]
    twin = acled_row()[1:]
    rows = [twin, twin, acled_row(location="Mopti")[1:]]
    first = import_events(store, "acled", write_csv(tmp_path / "noid.csv", rows, header=header))
    assert first.added == 3
    ids = [r[0] for r in events(store, "external_id")]
    assert all(i.startswith("h-") for i in ids) and sum(i.endswith("#2") for i in ids) == 1
    again = import_events(store, "acled", write_csv(tmp_path / "noid2.csv", rows, header=header))
    assert again.summary() == "added 0, updated 0, unchanged 3, rejected 0"


def test_pre_2019_event_types_are_mapped(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = [h for h in HEADER if h != "sub_event_type"] + ["inter1"]
    def old(event_id: str, kind: str, actor1: str = "JNIM", notes: str = "", inter1: str = "2") -> list[str]:
        row = acled_row(event_id, event_type=kind, actor1=actor1, notes=notes)
        del row[3]
        return [*row, inter1]
    rows = [old("A1", "Battle-No change of territory"), old("A2", "Battle-Government regains territory"),
            old("A3", "Remote violence", notes="An IED exploded under a truck"), old("A4", "Riots/Protests", "Rioters (Mali)", inter1="5"),
            old("A5", "Riots/Protests", "Protesters (Mali)", inter1="6"), old("A6", "Strategic development"),
            old("A7", "Violence against civilians", notes="Gunmen kidnapped two traders"),
            old("A8", "Headquarters or base established"), old("A9", "Non-violent transfer of territory")]
    import_events(store, "acled", write_csv(tmp_path / "old.csv", rows, header=header))
    assert events(store, "event_type", "sub_event_type") == [
        ("Battles", "Armed clash"), ("Battles", "Government regains territory"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Riots", "Violent demonstration"),
        ("Protests", "Peaceful protest"), ("Strategic developments", "Other"),
        ("Violence against civilians", "Abduction/forced disappearance"),
        ("Strategic developments", "Headquarters or base established"),
        ("Strategic developments", "Non-violent transfer of territory"),
    ]


def test_iso_numeric_code_and_text_interaction_codes(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["event_id_cnty", "event_date", "event_type", "iso", "inter1", "interaction", "fatalities"]
    rows = [["NER1", "2021-03-15", "Battles", "562", "State forces", "State forces-Rebel group", "3"],
            ["NER2", "2021-03-16", "Battles", "562", "1", "12", "1"], ["X3", "2021-03-16", "Battles", "999", "1", "12", "1"]]
    report = import_events(store, "acled", write_csv(tmp_path / "iso.csv", rows, header=header), accept_bad_rows=True)
    assert events(store, "external_id", "country_iso3") == [("NER1", "NER"), ("NER2", "NER")]
    assert [(e.line, e.column) for e in report.errors] == [(4, "iso")]


def test_dataset_row_and_import_log(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    import_events(store, "acled", write_csv(tmp_path / "a.csv", ROWS), accessed=dt.date(2021, 2, 16))
    dataset = store.db.execute("SELECT name, publisher, licence, attribution, accessed FROM datasets").fetchone()
    assert tuple(dataset) == ("ACLED", "Armed Conflict Location & Event Data (ACLED)",
                              "ACLED terms of use (no redistribution)", "Source: ACLED, accessed 2021-02-16", "2021-02-16")
    log = store.db.execute("SELECT kind, file, dataset_id, user, added, message FROM imports").fetchone()
    assert log[0] == "acled" and log[1].endswith("a.csv") and log[2] == 1 and log[4] == 3
    assert log[5].startswith("added 3, updated 0, unchanged 0, rejected 0")
    assert store.db.execute("SELECT count(*) FROM event_index").fetchone()[0] > 0


def test_the_import_log_keeps_its_line_in_english_and_french(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "s.csv", ROWS, delimiter=";", junk=["ACLED export"])
    import_events(store, "acled", path)
    english, french = store.db.execute("SELECT message, message_fr FROM imports").fetchone()
    assert english.startswith("added 3, updated 0, unchanged 0, rejected 0; 3 rows; ")
    assert "semicolon-separated" in english and "1 line(s) before the header" in english
    assert french.startswith("ajoutés 3, mis à jour 0, inchangés 0, rejetés 0\u00a0; 3 lignes\u00a0; ")
    assert "séparateur point-virgule" in french and "1 ligne(s) avant l’en-tête" in french
    assert "semicolon" not in french and "rows" not in french


def test_wrong_columns_are_a_file_error(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "w.csv", [["MLI1", "2020-12-10", "Mali"]], header=["event_id_cnty", "event_date", "country"])
    with pytest.raises(ImportFileError) as caught:
        import_events(store, "acled", path)
    assert (caught.value.line, caught.value.column) == (1, "event_type")
    assert "no column 'event_type', which every ACLED file has" in str(caught.value)


def test_cancel_and_progress(store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefer.core.importers import run

    monkeypatch.setattr(run, "CHUNK", 2)
    rows = [acled_row(f"MLI{n}") for n in range(7)]
    path = write_csv(tmp_path / "p.csv", rows)
    seen: list[tuple[int, int]] = []
    import_events(store, "acled", path, dry_run=True, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 3 and seen[-1] == (path.stat().st_size, path.stat().st_size)
    with pytest.raises(ImportCancelled):
        import_events(store, "acled", path, cancel=lambda: True)
    assert store.db["events"].count == 0


def test_utf8_file_with_a_late_cp1252_byte_is_read_as_cp1252(store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefer.core.importers import sniff

    monkeypatch.setattr(sniff, "SAMPLE", 200)
    rows = [acled_row(f"MLI{n}") for n in range(5)] + [acled_row("MLI9", location="Ségou")]
    report = import_events(store, "acled", write_csv(tmp_path / "late.csv", rows, encoding="cp1252"))
    assert report.added == 6 and "cp1252" in report.file_format
    assert ("Ségou",) in events(store, "location")
