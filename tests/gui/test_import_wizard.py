"""The import wizard on a real store: check (nothing written), import, re-import, bad rows, cancel, documents."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from briefer.gui import operations
from tests.core.importers.conftest import acled_row, write_csv
from tests.gui.conftest import TIMEOUT

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"


def store_state(path: Path) -> str:
    """The store's bytes (the file and its write-ahead log): equal means nothing was written."""
    digest = hashlib.sha256(path.read_bytes())
    wal = Path(f"{path}-wal")
    digest.update(wal.read_bytes() if wal.exists() else b"")
    return digest.hexdigest()


def query(path: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute(sql, args).fetchall()


def acled_file(folder: Path, rows: int = 3, bad: bool = False, name: str = "acled.csv") -> Path:
    lines = [acled_row(f"TESTMLI{n}", location=f"Place {n}") for n in range(1, rows + 1)]
    if bad:
        lines.insert(1, acled_row("TESTBAD", date="31 Febtember 2020"))
    return write_csv(folder / name, lines)


def open_wizard(window: Any, kind: str, path: Path) -> Any:
    wizard = window.importer.start(kind, path)
    assert wizard is not None and wizard.currentId() == wizard.PAGE_FILE
    assert wizard.file_page.isComplete()
    return wizard


def to_check(qtbot: Any, wizard: Any) -> Any:
    """From the file page (or the details page) to the finished check; returns the dry run's result."""
    while wizard.currentId() != wizard.PAGE_CHECK:
        wizard.next()
    qtbot.waitUntil(lambda: not wizard.check_page.running, timeout=TIMEOUT)
    return wizard.check


def commit(qtbot: Any, window: Any, wizard: Any) -> Any:
    """Press Import and wait for the result page and the refreshed window."""
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    with qtbot.waitSignal(window.importer.store_reloaded, timeout=TIMEOUT):
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.PAGE_RESULT, timeout=TIMEOUT)
    return wizard.outcome


def test_check_writes_nothing_then_import_writes_and_reimport_is_unchanged(qtbot: Any, window: Any, store_copy: Path,
                                                                           tmp_path: Path, errors: list[Any]) -> None:
    csv = acled_file(tmp_path, rows=3)
    before = store_state(store_copy)
    wizard = open_wizard(window, "acled", csv)
    check = to_check(qtbot, wizard)
    assert (check.added, check.updated, check.unchanged, check.rejected, check.refused) == (3, 0, 0, 0, False)
    assert wizard.check_page.report.count("added") == "3" and wizard.check_page.report.count("rejected") == "0"
    assert not wizard.check_page.accept_box.isVisible()
    assert store_state(store_copy) == before
    assert query(store_copy, "SELECT count(*) FROM imports") == [(0,)]

    result = commit(qtbot, window, wizard)
    assert result.written and result.added == 3
    assert "demo.db" in wizard.result_page.status.text()
    assert query(store_copy, "SELECT count(*) FROM events WHERE external_id LIKE 'TESTMLI%'") == [(3,)]
    assert query(store_copy, "SELECT kind, added FROM imports") == [("acled", 3)]
    assert "added 3" in window.statusBar().currentMessage()
    assert not errors

    again = to_check(qtbot, open_wizard(window, "acled", csv))
    assert (again.added, again.unchanged) == (0, 3)
    assert window.importer.wizard.check_page.report.count("unchanged") == "3"
    assert "already holds" in window.importer.wizard.check_page.status.text()


def test_bad_rows_refuse_the_file_until_the_good_rows_are_accepted(qtbot: Any, window: Any, store_copy: Path,
                                                                   tmp_path: Path, errors: list[Any]) -> None:
    csv = acled_file(tmp_path, rows=2, bad=True)
    wizard = open_wizard(window, "acled", csv)
    check = to_check(qtbot, wizard)
    assert check.refused and check.rejected == 1
    line, column, message = wizard.check_page.report.error_rows()[0]
    assert (line, column) == ("3", "event_date") and "Febtember" in message
    assert "refused whole" in wizard.check_page.status.text()
    assert wizard.check_page.accept_box.isVisible()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()

    wizard.check_page.accept_box.setChecked(True)  # runs the check again, accepting the good rows
    qtbot.waitUntil(lambda: not wizard.check_page.running, timeout=TIMEOUT)
    assert not wizard.check.refused and wizard.check.added == 2
    result = commit(qtbot, window, wizard)
    assert result.written and (result.added, result.rejected) == (2, 1)
    assert query(store_copy, "SELECT count(*) FROM events WHERE external_id LIKE 'TEST%'") == [(2,)]


def test_cancel_leaves_the_store_unchanged(qtbot: Any, window: Any, store_copy: Path, tmp_path: Path,
                                           errors: list[Any]) -> None:
    csv = acled_file(tmp_path, rows=12_000)
    wizard = open_wizard(window, "acled", csv)
    assert to_check(qtbot, wizard).added == 12_000
    before = store_state(store_copy)
    wizard.next()  # Import
    assert wizard.currentId() == wizard.PAGE_RUN and wizard.run_page.running
    wizard.reject()  # the wizard's Cancel button: stops the import, the wizard stays open
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.PAGE_RESULT, timeout=TIMEOUT)
    assert wizard.cancelled and wizard.outcome is None
    assert "nothing was written" in wizard.result_page.status.text()
    assert store_state(store_copy) == before
    assert query(store_copy, "SELECT count(*) FROM imports") == [(0,)]
    assert not errors


def test_document_details_are_prefilled_and_the_source_number_shown(qtbot: Any, window: Any, store_copy: Path,
                                                                    tmp_path: Path, errors: list[Any]) -> None:
    page = tmp_path / "note.md"
    page.write_text("# Convoy attacked near Gao\n\nA convoy was attacked on the road to Gao, officials said.\n\n"
                    "Two drivers were wounded.\n", encoding="utf-8")
    wizard = open_wizard(window, "document", page)
    wizard.next()
    form = wizard.options_page.form
    qtbot.waitUntil(lambda: form.edits["title"].text() != "", timeout=TIMEOUT)
    assert form.edits["title"].text() == "Convoy attacked near Gao"
    form.edits["authors"].setText("Awa Traoré; Jean Dupont")
    form.edits["date"].setText("2023-07")
    check = to_check(qtbot, wizard)
    assert check.added == 1 and check.source_id is None
    assert "authors: Awa Traoré; Jean Dupont" in wizard.check_page.report.notes_text()
    result = commit(qtbot, window, wizard)
    assert result.source_id is not None
    assert wizard.result_page.source.text() == f"Stored as source {result.source_id}."
    stored = query(store_copy, "SELECT title, authors, published FROM sources WHERE id = ?", result.source_id)
    assert stored == [("Convoy attacked near Gao", '["Awa Traoré", "Jean Dupont"]', "2023-07")]

    again = to_check(qtbot, open_wizard(window, "document", page))
    assert again.unchanged == 1 and again.source_id == result.source_id


def test_a_bad_date_or_an_unreadable_file_is_told_in_a_dialog(qtbot: Any, window: Any, tmp_path: Path,
                                                              errors: list[tuple[str, str]]) -> None:
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    wizard = open_wizard(window, "acled", junk)
    to_check(qtbot, wizard)
    assert errors and errors[-1][0] == "Cannot import" and "photo.csv" in errors[-1][1]
    assert "Traceback" not in errors[-1][1]
    assert "cannot be imported" in wizard.check_page.status.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_read_only_store_is_refused_before_the_wizard(qtbot: Any, window: Any, store_copy: Path,
                                                      errors: list[tuple[str, str]]) -> None:
    with qtbot.waitSignal(window.controller.store_opened, timeout=TIMEOUT):
        window.store_menu.open_requested.emit(operations.OpenRequest("path", store_copy, read_only=True))
    assert window.importer.start("acled", None) is None
    assert errors and "read-only" in errors[-1][1]


def test_import_log_lists_the_imports_newest_first(qtbot: Any, window: Any, tmp_path: Path,
                                                   errors: list[Any]) -> None:
    log = window.importer.show_log()
    qtbot.waitUntil(lambda: log.empty.isVisibleTo(log), timeout=TIMEOUT)
    for name, rows in (("first.csv", 2), ("second.csv", 3)):
        wizard = open_wizard(window, "acled", acled_file(tmp_path, rows=rows, name=name))
        to_check(qtbot, wizard)
        commit(qtbot, window, wizard)
    log = window.importer.show_log()
    qtbot.waitUntil(lambda: log.model.rowCount() == 2, timeout=TIMEOUT)
    rows = log.shown_rows()
    assert [r[:2] for r in rows] == [["acled", "second.csv"], ["acled", "first.csv"]]
    assert rows[0][4:8] == ["1", "0", "2", "0"] and rows[1][4:8] == ["2", "0", "0", "0"]  # TESTMLI1-2 again
    assert "added 1, updated 0, unchanged 2" in rows[0][8] and not log.empty.isVisibleTo(log)


def test_the_import_log_speaks_the_interface_language(qtbot: Any, window: Any, tmp_path: Path,
                                                      errors: list[Any]) -> None:
    from briefer.gui import i18n

    wizard = open_wizard(window, "acled", acled_file(tmp_path, rows=2, name="journal.csv"))
    to_check(qtbot, wizard)
    commit(qtbot, window, wizard)
    i18n.set_language("fr")  # the conftest puts English back afterwards
    log = window.importer.show_log()
    qtbot.waitUntil(lambda: log.model.rowCount() == 1, timeout=TIMEOUT)
    message = log.shown_rows()[0][8]
    assert message.startswith("ajoutés 2, mis à jour 0, inchangés 0, rejetés 0") and "2 lignes" in message
    assert "added" not in message and "rows" not in message


@pytest.mark.skipif(not (FIXTURES / "boundaries").is_dir(), reason="../shared/fixtures is absent")
def test_real_files_acled_export_and_region_outlines(qtbot: Any, window: Any, store_copy: Path,
                                                     errors: list[Any]) -> None:
    acled = FIXTURES / "acled" / "AC0519_Mali_2017-01-01-2019-02-27-Mali.csv"
    wizard = open_wizard(window, "acled", acled)
    check = to_check(qtbot, wizard)
    assert check.rows == 1339 and check.added > 1000 and not check.refused
    assert commit(qtbot, window, wizard).written
    outlines = FIXTURES / "boundaries" / "TheManInPink_Session-Ete-2026_data_mali_mali-regions-polygons.json"
    wizard = open_wizard(window, "boundaries", outlines)
    wizard.next()
    wizard.options_page.form.country.setCurrentIndex(wizard.options_page.form.country.findData("MLI"))
    check = to_check(qtbot, wizard)
    assert check.added >= 8 and "Koulikoro" in wizard.check_page.report.notes_text()
    commit(qtbot, window, wizard)
    assert query(store_copy, "SELECT count(*) FROM boundaries WHERE country_iso3 = 'MLI'")[0][0] >= 8
    assert not errors


@pytest.mark.skipif(not (FIXTURES / "articles").is_dir(), reason="../shared/fixtures is absent")
def test_real_web_page_details_are_prefilled_from_its_metadata(qtbot: Any, window: Any, store_copy: Path,
                                                               errors: list[Any]) -> None:
    wizard = open_wizard(window, "document", FIXTURES / "articles" / "readability_telegraph_source.html")
    wizard.next()
    form = wizard.options_page.form
    qtbot.waitUntil(lambda: form.edits["title"].text() != "", timeout=TIMEOUT)
    assert form.edits["title"].text().startswith("Zimbabwe coup: Robert Mugabe")
    assert form.edits["publisher"].text() == "The Telegraph" and form.edits["date"].text() == "2017-11-16"
    form.edits["publisher"].setText("The Daily Telegraph")
    to_check(qtbot, wizard)
    result = commit(qtbot, window, wizard)
    assert query(store_copy, "SELECT publisher, published FROM sources WHERE id = ?", result.source_id) == [
        ("The Daily Telegraph", "2017-11-16")]
    assert not errors
