"""The incident-log kind of the import wizard on a real store: map a French cp1252 log, preview,
import, save the profile; a second run is prefilled from the profile and changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefer.gui import i18n, operations
from tests.core.importers.incident_files import english_xlsx, french_log
from tests.gui.conftest import TIMEOUT
from tests.gui.test_import_wizard import commit, open_wizard, query, store_state, to_check


def to_mapping(qtbot: Any, window: Any, path: Path) -> Any:
    """Open the wizard on `path` as an incident log and wait for the filled mapping form."""
    wizard = open_wizard(window, "incidents", path)
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_OPTIONS
    form = wizard.options_page.form
    qtbot.waitUntil(lambda: form.setup is not None, timeout=TIMEOUT)
    return wizard, form


def test_french_log_is_mapped_previewed_imported_and_its_profile_reused(qtbot: Any, window: Any, store_copy: Path,
                                                                      tmp_path: Path, errors: list[Any]) -> None:
    log = french_log(tmp_path / "journal.csv")
    wizard, form = to_mapping(qtbot, window, log)
    assert form.profile.currentData() == ""  # no profile yet: guessed from the headings
    assert form.combos["date"].currentText() == "Date de l'incident"
    assert form.combos["actor"].currentText() == "Auteur présumé"
    assert form.combos["killed"].currentText() == "Morts"
    assert form.combos["latitude"].currentData() == ""
    assert wizard.options_page.isComplete()
    form.combos["date"].setCurrentIndex(0)  # the date is required: Next waits for it
    assert not wizard.options_page.isComplete() and form.problem_label.text() == i18n.tr("imp-inc-need-date")
    form.combos["date"].setCurrentIndex(form.combos["date"].findData("Date de l'incident"))
    form.save.setChecked(True)
    assert not wizard.options_page.isComplete()  # a profile to save needs a name
    form.save_name.setText("ONG Exemple")
    form.dataset.setText("Journal ONG")
    assert wizard.options_page.isComplete()

    before = store_state(store_copy)
    check = to_check(qtbot, wizard)
    assert (check.added, check.rejected, check.refused) == (3, 0, False)
    assert store_state(store_copy) == before  # the check wrote nothing
    rows = wizard.check_page.preview.texts()
    assert wizard.check_page.preview.isVisibleTo(wizard)
    assert [r[1:6] for r in rows] == [["2024-03-12", "MLI", "Koulikoro", "Kati", "Enlèvement"],
                                      ["2024-06-01", "MLI", "Mopti", "Boni", "Braquage"],
                                      ["2024-07-18", "BFA", "Sahel", "Djibo", "Attaque"]]
    assert rows[1][6] == "Hommes armés non identifiés / ONG" and rows[1][7] == "1"

    outcome = commit(qtbot, window, wizard)
    assert outcome.written and outcome.added == 3
    assert query(store_copy, "SELECT name FROM import_profiles") == [("ONG Exemple",)]
    events = query(store_copy, "SELECT count(*) FROM events e JOIN datasets d ON d.id = e.dataset_id "
                               "WHERE d.name = 'Journal ONG'")
    assert events == [(3,)]
    wizard.accept()

    again, form = to_mapping(qtbot, window, log)
    assert form.profile.currentData() == "ONG Exemple"  # the saved profile fits the headings: preselected
    assert form.dataset.text() == "Journal ONG" and form.combos["place"].currentText() == "Localité"
    check = to_check(qtbot, again)
    assert (check.added, check.updated, check.unchanged) == (0, 0, 3)
    assert again.check_page.status.text() == i18n.tr("imp-ready-nothing")
    again.reject()
    assert errors == []


def test_english_workbook_with_us_dates_and_missing_country(qtbot: Any, window: Any, tmp_path: Path,
                                                            errors: list[Any]) -> None:
    book = english_xlsx(tmp_path / "incidents.xlsx")
    wizard, form = to_mapping(qtbot, window, book)
    assert form.combos["coordinates"].currentText() == "GPS"
    form.combos["country"].setCurrentIndex(0)
    assert form.problem_label.text() == i18n.tr("imp-inc-need-country")
    form.country.setCurrentIndex(form.country.findData("NER"))
    form.order.setCurrentIndex(form.order.findData("mdy"))
    check = to_check(qtbot, wizard)
    assert check.added == 2 and not check.refused
    assert [r[1] for r in wizard.check_page.preview.texts()] == ["2023-08-26", "2023-09-02"]
    wizard.reject()


def test_unreadable_log_says_why_on_the_form(qtbot: Any, window: Any, tmp_path: Path, errors: list[Any]) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    wizard = open_wizard(window, "incidents", empty)
    wizard.next()
    form = wizard.options_page.form
    qtbot.waitUntil(lambda: "empty" in form.status.text(), timeout=TIMEOUT)
    assert not wizard.options_page.isComplete()
    wizard.reject()


def test_a_csv_that_is_neither_acled_nor_ucdp_is_guessed_an_incident_log(tmp_path: Path) -> None:
    assert operations.guess_kind(None, french_log(tmp_path / "log.csv")) == "incidents"


def test_a_profile_saved_elsewhere_keeps_its_organisation_when_saved_again(qtbot: Any, window: Any, store_copy: Path,
                                                                          tmp_path: Path, errors: list[Any]) -> None:
    from briefer.core.importers.incident_import import read_headings
    from briefer.core.importers.profiles import (
        IncidentProfile,
        ProfileOptions,
        guess_mapping,
        save_profile,
    )
    from briefer.core.store.db import open_store

    log = french_log(tmp_path / "journal.csv")
    with open_store(store_copy) as store:  # as `briefer import incidents --save-profile` leaves it
        save_profile(store, IncidentProfile("Bureau Mopti", guess_mapping(read_headings(log)),
                                            ProfileOptions(dataset="Journal Mopti", organisation="ONG Exemple")))
    wizard, form = to_mapping(qtbot, window, log)
    assert form.profile.currentData() == "Bureau Mopti" and form.save_name.text() == "Bureau Mopti"
    form.save.setChecked(True)
    to_check(qtbot, wizard)
    assert commit(qtbot, window, wizard).added == 3
    options = query(store_copy, "SELECT options FROM import_profiles WHERE name = 'Bureau Mopti'")[0][0]
    assert '"organisation": "ONG Exemple"' in options and '"dataset": "Journal Mopti"' in options
    assert query(store_copy, "SELECT publisher FROM datasets WHERE name = 'Journal Mopti'") == [("ONG Exemple",)]
    wizard.accept()
