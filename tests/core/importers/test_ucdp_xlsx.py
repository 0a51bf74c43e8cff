"""UCDP GED rows in UCDP's own terms, kept apart from ACLED; XLSX files of both kinds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.core.importers import import_events
from tests.core.importers.conftest import HEADER, acled_row, write_csv

UCDP_HEADER = ("id", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b", "source_headline",
               "where_prec", "where_coordinates", "adm_1", "latitude", "longitude", "country", "date_prec",
               "date_start", "best", "high", "low")


def ucdp_row(event_id: str, violence: str = "1", country: str = "Mali", headline: str = "Clash near Gao",
             where: str = "1", when: str = "1", best: str = "4", high: str = "6", low: str = "3") -> list[str]:
    return [event_id, violence, "Mali: Government", "Government of Mali - JNIM", "Government of Mali", "JNIM",
            headline, where, "Gao town", "Gao region", "16.27", "-0.04", country, when, "2020-12-10", best, high, low]


def test_ucdp_rows_keep_ucdp_taxonomy_and_death_ranges(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [ucdp_row("1"), ucdp_row("2", violence="2", where="4", when="4", headline="Two groups\nclashed"),
            ucdp_row("3", violence="3", country="DR Congo (Zaire)", where="6", when="5"),
            ucdp_row("4", country="Macedonia, FYR", where="2", when="2")]
    report = import_events(store, "ucdp", write_csv(tmp_path / "ged.csv", rows, header=UCDP_HEADER))
    assert report.summary() == "added 4, updated 0, unchanged 0, rejected 0"
    got = store.db.execute("""SELECT external_id, event_type, country_iso3, fatalities, fatalities_low, fatalities_high,
        geo_precision, time_precision, civilian_targeting, actor1, actor2, notes FROM events ORDER BY id""").fetchall()
    assert [tuple(r[:9]) for r in got] == [
        ("1", "State-based violence", "MLI", 4, 3, 6, 1, 1, 0),
        ("2", "Non-state violence", "MLI", 4, 3, 6, 3, 3, 0),
        ("3", "One-sided violence", "COD", 4, 3, 6, 3, 3, 1),
        ("4", "State-based violence", "MKD", 4, 3, 6, 2, 2, 0),
    ]
    assert got[1][9:] == ("Government of Mali", "JNIM", "Government of Mali - JNIM. Two groups clashed")
    dataset = store.db.execute("SELECT name, publisher, licence FROM datasets").fetchone()
    assert tuple(dataset) == ("UCDP GED", "Uppsala Conflict Data Program", "CC BY 4.0")


def test_ucdp_and_acled_are_separate_datasets(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_events(store, "ucdp", write_csv(tmp_path / "ged.csv", [ucdp_row("MLI1")], header=UCDP_HEADER))
    import_events(store, "acled", write_csv(tmp_path / "acled.csv", [acled_row("MLI1")]))
    rows = store.db.execute("""SELECT d.name, count(*), sum(fatalities) FROM events e JOIN datasets d
                               ON d.id = e.dataset_id GROUP BY d.name ORDER BY d.name""").fetchall()
    assert [tuple(r) for r in rows] == [("ACLED", 1, 2), ("UCDP GED", 1, 4)]


def test_ucdp_repeated_id_is_a_row_error(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [ucdp_row("7"), ucdp_row("8"), ucdp_row("7", best="9")]
    report = import_events(store, "ucdp", write_csv(tmp_path / "dup.csv", rows, header=UCDP_HEADER))
    assert report.refused and [(e.line, e.column) for e in report.errors] == [(4, "id")]
    assert "already on line 2" in report.errors[0].message


def write_xlsx(path: Path, header: tuple[str, ...], rows: list[list[object]], junk: int = 0) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for n in range(junk):
        sheet.append([f"ACLED export, note {n}"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_acled_xlsx_with_excel_dates_and_numbers(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = acled_row("MLI1")
    second = [*acled_row("MLI2")[:1], dt.datetime(2021, 2, 16), *acled_row("MLI2")[2:10], 3.0, 1613470000]
    third = acled_row("MLI3", date="31/02/2021")
    path = write_xlsx(tmp_path / "acled.xlsx", HEADER, [first, second, third], junk=2)
    report = import_events(store, "acled", path, accept_bad_rows=True)
    assert report.summary() == "added 2, updated 0, unchanged 0, rejected 1"
    assert [(e.line, e.column) for e in report.errors] == [(6, "event_date")]
    rows = store.db.execute("SELECT external_id, event_date, fatalities, timestamp FROM events ORDER BY 1").fetchall()
    assert [tuple(r) for r in rows] == [("MLI1", "2020-12-10", 2, 1600000000), ("MLI2", "2021-02-16", 3, 1613470000)]
    assert "Excel workbook" in report.file_format


def test_ucdp_xlsx(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [[int(v) if v.isdigit() else v for v in ucdp_row(str(n))] for n in (11, 12)]
    report = import_events(store, "ucdp", write_xlsx(tmp_path / "ged.xlsx", UCDP_HEADER, rows))
    assert report.added == 2


def test_an_old_xls_or_broken_workbook_is_a_file_error(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from briefer.core.errors import ImportFileError

    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    for name in ("old.xls", "broken.xlsx"):
        with pytest.raises(ImportFileError, match=name):
            import_events(store, "acled", tmp_path / name)
