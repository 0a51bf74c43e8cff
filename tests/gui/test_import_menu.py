"""The Import menu: its place, its entries in English and French, keyboard access, dropped files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QWidget,
)

from briefer.gui import operations
from briefer.gui.import_kinds import KINDS
from tests.core.importers.conftest import acled_row, write_csv
from tests.gui.conftest import TIMEOUT


def mnemonic(text: str) -> str:
    match = re.search(r"&(\w)", text)
    assert match, text
    return match.group(1).lower()


def test_import_menu_follows_the_store_menu_with_one_entry_per_kind(window: Any) -> None:
    menus = [a.menu().objectName() for a in window.menuBar().actions() if a.menu()]
    assert menus[:2] == ["storeMenu", "importMenu"]
    texts = [a.text() for a in window.import_menu.actions() if not a.isSeparator()]
    assert texts == ["&ACLED events…", "&UCDP events…", "&Incident log (CSV, Excel)…", "&Document (web page, PDF, text)…",
                     "&References (Zotero: RIS, BibTeX, CSL JSON)…", "Region &boundaries (GeoJSON)…", "Import &log…"]
    assert len(window.import_menu.kind_actions) == len(KINDS)


def test_menu_titles_and_entries_have_distinct_mnemonics_in_both_languages(window: Any) -> None:
    for lang in ("en", "fr"):
        window.set_ui_language(lang)
        titles = [window.store_menu.title(), window.import_menu.title(), window.briefing_menu.title(),
                  window.help_menu.title()]
        assert len({mnemonic(t) for t in titles}) == len(titles), titles
        entries = [a.text() for a in window.import_menu.actions() if not a.isSeparator()]
        assert len({mnemonic(t) for t in entries}) == len(entries), entries
    assert window.import_menu.title() == "&Importer"
    assert window.import_menu.log_action.text() == "&Journal des imports…"
    window.set_ui_language("en")


def test_wizard_in_french_with_every_control_named(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.set_ui_language("fr")
    csv = write_csv(tmp_path / "a.csv", [acled_row()])
    wizard = window.importer.start("acled", csv)
    assert wizard.windowTitle() == "Importer — Événements ACLED"
    assert wizard.file_page.title() == "Choisir le fichier"
    wizard.next()
    assert wizard.options_page.subTitle().startswith("Date du téléchargement")
    buddies = {label.buddy() for label in wizard.findChildren(QWidget) if hasattr(label, "buddy") and label.buddy()}
    for page in (wizard.file_page, wizard.options_page):
        for widget in page.findChildren(QWidget):
            if isinstance(widget, (QAbstractButton, QComboBox, QLineEdit)) and widget.isVisibleTo(page):
                named = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
                assert named or widget in buddies or isinstance(widget.parent(), (QComboBox, QLineEdit, QDateEdit)), widget.objectName()
    wizard.reject()
    window.set_ui_language("en")


def test_guess_kind_from_name_and_first_bytes(tmp_path: Path) -> None:
    ucdp = tmp_path / "ged.csv"
    ucdp.write_text("id,relid,year,type_of_violence,side_a,side_b,best,low,high\n")
    geo = tmp_path / "regions.json"
    geo.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    csl = tmp_path / "refs.json"
    csl.write_text("[]")
    files = {write_csv(tmp_path / "x.csv", [acled_row()]): "acled", ucdp: "ucdp", geo: "boundaries",
             csl: "references", tmp_path / "refs.ris": "references", tmp_path / "page.html": "document",
             tmp_path / "report.pdf": "document"}
    for path, kind in files.items():
        assert operations.guess_kind(None, path) == kind, path.name


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # PySide6 marks the QDragEnterEvent constructor
def test_a_file_dropped_on_the_window_opens_the_wizard_with_its_kind(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = tmp_path / "note.md"
    page.write_text("# Title\n\nSome text.\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    point = QPointF(window.rect().center())
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.importer.wizard is not None, timeout=TIMEOUT)
    wizard = window.importer.wizard
    assert wizard.kind.key == "document" and wizard.path() == page
    assert wizard.file_page.kind_box.currentData() == "document"
    wizard.reject()
