"""With the interface in French, the core's messages reach the user in French: a file that is not a
store, an unknown country, a bad date in an imported file, a PDF path that cannot be written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from briefer.gui import dialogs, i18n, operations
from tests.gui.conftest import TIMEOUT, select
from tests.gui.test_errors import open_store
from tests.gui.test_import_wizard import acled_file, open_wizard, to_check

NBSP = "\u00a0"


@pytest.fixture()
def french(window: Any) -> Any:
    i18n.set_language("fr")  # the conftest puts English back afterwards
    return window


def test_not_a_store_is_told_in_french(qtbot: Any, french: Any, tmp_path: Path,
                                       errors: list[tuple[str, str]]) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("liste de courses\n")
    open_store(qtbot, french, operations.OpenRequest("path", junk), ok=False)
    assert errors[-1][1] == f"{junk}{NBSP}: ce n’est pas un magasin de données briefer (pas une base SQLite)."


def test_unknown_country_is_told_in_french(qtbot: Any, french: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    selection = operations.Selection(("XYZ",), operations.Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31)),
                                     "peacekeeping")
    monkeypatch.setattr(french.controller, "selection", lambda: selection)
    french.controller.refresh()

    def shown() -> list[str]:
        return [label.text() for label in french.preview.findChildren(QLabel) if "XYZ" in label.text()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=TIMEOUT)
    assert shown() == [f"code de pays inconnu «{NBSP}XYZ{NBSP}»{NBSP}; voir `briefer countries`"]


def test_bad_date_in_an_import_is_told_in_french(qtbot: Any, french: Any, tmp_path: Path,
                                                 errors: list[tuple[str, str]]) -> None:
    wizard = open_wizard(french, "acled", acled_file(tmp_path, rows=2, bad=True))
    check = to_check(qtbot, wizard)
    assert check.refused and check.rejected == 1
    line, column, message = wizard.check_page.report.error_rows()[0]
    assert (line, column) == ("3", "event_date")
    assert message.startswith(f"«{NBSP}31 Febtember 2020{NBSP}» n’est pas une date{NBSP}; écrivez-la sous la forme")
    english = check.errors[0].message
    assert str(english).startswith("'31 Febtember 2020' is not a date")  # the result itself stays English


def test_unwritable_pdf_path_is_told_in_french(qtbot: Any, french: Any, tmp_path: Path,
                                               errors: list[tuple[str, str]],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    select(qtbot, french, ["MLI"], dt.date(2023, 6, 1), dt.date(2023, 12, 31), "peacekeeping")
    target = tmp_path / "pas-de-dossier" / "note.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: target)
    with qtbot.waitSignal(french.exporter.failed, timeout=TIMEOUT):
        french.export_action.trigger()
    assert errors[-1][1] == (f"Impossible d’écrire {target}{NBSP}: le dossier {target.parent} n’existe pas. "
                             "Créez-le ou choisissez un autre dossier.")
    assert not target.parent.exists()


def test_english_interface_keeps_english_messages(qtbot: Any, window: Any, tmp_path: Path,
                                                  errors: list[tuple[str, str]]) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("shopping list\n")
    open_store(qtbot, window, operations.OpenRequest("path", junk), ok=False)
    assert errors[-1][1] == f"{junk}: not a briefer store (not an SQLite database)."
