"""An organisation's incident log: guessed or saved mappings, the same guarantees as ACLED."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.core.errors import ImportCancelled, ImportFileError
from briefer.core.importers.incident_import import (
    import_incidents,
    preview_incidents,
    read_headings,
    settle_profile,
)
from briefer.core.importers.profiles import IncidentProfile, ProfileOptions, list_profiles
from briefer.core.importers.run import import_events
from briefer.core.store import reads
from tests.core.importers.conftest import acled_row, digest, write_csv
from tests.core.importers.incident_files import (
    EN_HEADER,
    FR_HEADER,
    FR_ROWS,
    english_xlsx,
    french_log,
)


def guessed(path: Path, **options: str) -> IncidentProfile:
    profile, was_guessed = settle_profile(str(path), read_headings(path), **options)  # type: ignore[arg-type]
    assert was_guessed
    return profile


def rows(store, *columns: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    return store.db.execute(f"SELECT {', '.join(columns)} FROM events ORDER BY external_id").fetchall()


def test_french_cp1252_log_with_guessed_mapping(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = french_log(tmp_path / "journal.csv")
    assert read_headings(path) == list(FR_HEADER)
    report = import_incidents(store, path, guessed(path))
    assert report.written and report.summary() == "added 3, updated 0, unchanged 0, rejected 0"
    assert "cp1252, semicolon-separated, CRLF" in report.file_format
    found = rows(store, "external_id", "event_date", "country_iso3", "admin1", "location", "event_type",
                 "actor1", "actor2", "fatalities", "geo_precision")
    assert found == [
        ("ONG-24-001", "2024-03-12", "MLI", "Koulikoro", "Kati", "Enlèvement", "JNIM", "Chauffeur", 0, 2),
        ("ONG-24-002", "2024-06-01", "MLI", "Mopti", "Boni", "Braquage", "Hommes armés non identifiés", "ONG", 1, 2),
        ("ONG-24-003", "2024-07-18", "BFA", "Sahel", "Djibo", "Attaque", "Islamic State (Greater Sahara)",
         "Civils", 0, 2),
    ]
    notes = [r[0] for r in rows(store, "notes")]
    assert notes[1] == "Braquage d'un véhicule humanitaire. Injured: 2. Impact: Véhicule volé."
    dataset = reads.datasets(store)[0]
    assert dataset.name == "Incident log"
    log = store.db.execute("SELECT kind, dataset_id, added FROM imports").fetchall()
    assert log == [("incidents", 1, 3)]


def test_topic_tagging_applies_to_the_log(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = french_log(tmp_path / "journal.csv")
    import_incidents(store, path, guessed(path))
    bits = {t.slug: t.bit for t in reads.topics(store)}
    masks = dict(rows(store, "external_id", "topic_mask"))
    assert masks["ONG-24-003"] >> bits["peacekeeping"] & 1  # "casques bleus" in the description
    assert masks["ONG-24-001"] >> bits["armed-conflict"] & 1  # JNIM, an actor rule
    assert not masks["ONG-24-002"] >> bits["peacekeeping"] & 1


def test_reimport_adds_nothing_even_without_an_id_column(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = FR_HEADER[1:]
    path = write_csv(tmp_path / "sans-id.csv", [r[1:] for r in FR_ROWS], header=header, delimiter=";")
    profile = guessed(path)
    assert "id" not in profile.mapping
    first = import_incidents(store, path, profile)
    ids = [r[0] for r in rows(store, "external_id")]
    again = import_incidents(store, path, profile)
    assert first.added == 3 and again.summary() == "added 0, updated 0, unchanged 3, rejected 0"
    assert [r[0] for r in rows(store, "external_id")] == ids and all(i.startswith("h-") for i in ids)


def test_the_log_is_its_own_dataset_beside_acled(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_events(store, "acled", write_csv(tmp_path / "a.csv", [acled_row("MLI1")]))
    path = french_log(tmp_path / "journal.csv")
    import_incidents(store, path, guessed(path, dataset="ONG Exemple"))
    counts = store.db.execute("SELECT d.name, count(*) FROM events e JOIN datasets d ON d.id = e.dataset_id "
                              "GROUP BY d.name ORDER BY d.name").fetchall()
    assert counts == [("ACLED", 1), ("ONG Exemple", 3)]
    with pytest.raises(ImportFileError, match="holds other data"):
        import_incidents(store, path, guessed(path, dataset="ACLED"))


def test_english_xlsx_with_coordinates_and_month_first_dates(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = english_xlsx(tmp_path / "log.xlsx")
    assert read_headings(path) == EN_HEADER
    profile = guessed(path, date_order="mdy")
    assert profile.mapping["coordinates"] == "GPS" and profile.mapping["casualties"] == "Casualties"
    report = import_incidents(store, path, profile)
    assert report.summary() == "added 2, updated 0, unchanged 0, rejected 0"
    found = rows(store, "external_id", "event_date", "admin1", "latitude", "longitude", "fatalities", "geo_precision")
    assert found == [("NE-17", "2023-08-26", "Tillaberi", 14.21, 1.45, 2, 1),
                     ("NE-18", "2023-09-02", "Niamey", None, None, 0, 2)]


def test_bad_rows_refuse_the_file_naming_file_line_and_heading(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = [*FR_ROWS[:2], ["ONG-24-009", "31/02/2024", "Mali", "", "Gao", "", "", "", "", "", "", ""],
           ["ONG-24-010", "02/02/2024", "Narnia", "", "", "", "", "", "", "", "", ""]]
    path = french_log(tmp_path / "journal.csv", bad)
    before = digest(store.path)
    report = import_incidents(store, path, guessed(path))
    assert report.refused and not report.written and report.rejected == 2
    assert [(e.line, e.column) for e in report.errors] == [(6, "Date de l'incident"), (7, "Pays")]
    assert str(report.errors[0]).startswith(f"{path}, line 6, column Date de l'incident: '31/02/2024' is not a date")
    assert rows(store, "external_id") == [] and digest(store.path) == before
    kept = import_incidents(store, path, guessed(path), accept_bad_rows=True)
    assert kept.written and kept.added == 2 and kept.rejected == 2


def test_dry_run_and_cancel_write_nothing(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = french_log(tmp_path / "journal.csv", FR_ROWS * 4000)  # repeated content: ids made distinct
    profile = guessed(path)
    report = import_incidents(store, path, profile, dry_run=True)
    assert not report.written and report.rejected == 11997  # each explicit id repeats: all but its first row are refused
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        import_incidents(store, path, profile, accept_bad_rows=True, progress=lambda d, t: seen.append((d, t)),
                         cancel=lambda: bool(seen))
    assert seen and rows(store, "external_id") == []
    assert store.db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def test_deaths_from_impact_words_when_there_is_no_killed_column(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ("Date", "Pays", "Lieu", "Bilan", "Victimes")
    data = [["05/01/2024", "Niger", "Ayorou", "3 morts et 2 blessés", "5"],
            ["06/01/2024", "Niger", "Ayorou", "1 soldat tué; 1 killed", ""],
            ["07/01/2024", "Niger", "Ayorou", "", "4"]]
    path = write_csv(tmp_path / "bilan.csv", data, header=header, delimiter=";")
    import_incidents(store, path, guessed(path))
    assert [r[0] for r in store.db.execute("SELECT fatalities FROM events ORDER BY event_date")] == [3, 1, 0]


def test_a_mapping_without_date_or_country_is_refused_listing_the_headings(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["a", "b"]], header=("Lieu", "Auteur"))
    with pytest.raises(ImportFileError, match="no column for the date; the headings are 'Lieu', 'Auteur'"):
        settle_profile(str(path), read_headings(path))
    headings = ["Date", "Lieu"]
    with pytest.raises(ImportFileError, match="no column for the country"):
        settle_profile(str(path), headings)
    profile, was_guessed = settle_profile(str(path), headings, country="Mali")
    assert not was_guessed or profile.options.country == "Mali"


def test_map_entries_replace_a_profile_and_unknown_headings_are_named(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = french_log(tmp_path / "journal.csv")
    saved = IncidentProfile("ong", {"date": "Date de l'incident", "country": "Pays"}, ProfileOptions(dataset="ONG"))
    profile, was_guessed = settle_profile(str(path), read_headings(path), saved, {"place": "Localité"})
    assert not was_guessed and profile.mapping == {"date": "Date de l'incident", "country": "Pays", "place": "Localité"}
    report = import_incidents(store, path, profile, save_as="ong", accessed=dt.date(2024, 8, 1))
    assert report.written and [p.name for p in list_profiles(store)] == ["ong"]
    assert reads.datasets(store)[0].accessed == dt.date(2024, 8, 1)
    wrong = IncidentProfile("x", {"date": "Date", "country": "Pays"})
    with pytest.raises(ImportFileError, match="no column 'Date' \\(mapped to date\\) in this file; its headings are 'N°', "):
        import_incidents(store, path, wrong)


def test_preview_reads_the_first_rows_and_writes_nothing(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = [FR_ROWS[0], ["ONG-24-009", "31/02/2024", "Mali", "", "Gao", "", "", "", "", "", "", ""], *FR_ROWS[1:]]
    path = french_log(tmp_path / "journal.csv", bad)
    before = digest(store.path)
    preview = preview_incidents(store, path, guessed(path), limit=2)
    assert preview.headings == list(FR_HEADER)
    assert [(line, e["external_id"], e["admin1"]) for line, e in preview.events] == [(4, "ONG-24-001", "Koulikoro")]
    assert [(e.line, e.column) for e in preview.errors] == [(5, "Date de l'incident")]
    assert digest(store.path) == before and rows(store, "external_id") == []
