"""With the interface in French, the core's refusals in the Library and the curation dialog reach the
user in French, in the real error dialog: a quotation that is not verbatim, a topic rule already there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefer.gui import i18n
from tests.core.library_article import QUOTE, TITLE, add_article
from tests.gui.conftest import TIMEOUT
from tests.gui.test_curation import query, tagged, wait_state
from tests.gui.test_library import _dialog, _open, _rows, _select_text

NBSP = "\u00a0"


@pytest.fixture()
def store_copy(store_copy: Path, tmp_path: Path) -> Path:
    """The demo store copy with a text article (the demo's sources are references only)."""
    from briefer.core.store.db import open_store

    with open_store(store_copy) as store:
        add_article(store, tmp_path)
    return store_copy


@pytest.fixture()
def error_boxes(window: Any) -> Iterator[list[tuple[str, str]]]:
    """(title, text) of each error dialog as shown, read from the real QMessageBox, then closed."""
    seen: list[tuple[str, str]] = []

    def read() -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.objectName() == "errorDialog" and box.isVisible():
                seen.append((box.windowTitle(), box.text()))
                box.done(0)

    timer = QTimer()
    timer.timeout.connect(read)
    timer.start(20)
    i18n.set_language("fr")  # the conftest puts English back afterwards
    yield seen
    timer.stop()


def test_a_quotation_not_verbatim_is_refused_in_french(qtbot: Any, window: Any, store_copy: Path,
                                                       error_boxes: list[tuple[str, str]]) -> None:
    library = _open(qtbot, window)
    _select_text(library, QUOTE)
    dialog = _dialog(qtbot, library, library.reader.quote_button)
    dialog.text.setPlainText(QUOTE.replace("escort", "army escort"))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: bool(error_boxes), timeout=TIMEOUT)
    (source_id,) = _rows(store_copy, "SELECT id FROM sources WHERE title = ?", TITLE)[0]
    title, text = error_boxes[0]
    assert title == i18n.tr("lib-error")
    assert text == (f"la citation ne figure pas mot pour mot dans la source {source_id} "
                    f"(«{NBSP}{TITLE}{NBSP}»){NBSP}; le passage le plus proche (para. 2) dit{NBSP}: "
                    f"«{NBSP}“{QUOTE}” the regional coordinator said.{NBSP}»{NBSP}; "
                    "corrigez-la ou marquez-la comme paraphrase (--paraphrase)")
    assert dialog.isVisible() and library.undo_stack.count() == 0  # kept open, to correct it
    assert _rows(store_copy, "SELECT count(*) FROM quotations WHERE text LIKE '%army%'") == [(0,)]


def test_a_topic_rule_already_there_is_refused_in_french(qtbot: Any, window: Any, store_copy: Path,
                                                         error_boxes: list[tuple[str, str]]) -> None:
    dialog = window.library_menu.curation.open()
    wait_state(qtbot, dialog)
    dialog.tabs.setCurrentWidget(dialog.topics)
    tab = dialog.topics
    tab.set_topic("displacement")
    tab.field.setCurrentIndex(tab.field.findData("keyword"))
    tab.pattern.setText("IDPs")
    rules, before = query(store_copy, "SELECT count(*) FROM topic_rules"), tagged(store_copy, "displacement")
    tab.add_button.click()
    qtbot.waitUntil(lambda: bool(error_boxes) and not dialog.busy, timeout=TIMEOUT)
    assert error_boxes == [("Impossible de modifier noms ou règles",
                            f"le thème «{NBSP}displacement{NBSP}» a déjà la règle keyword «{NBSP}IDPs{NBSP}»")]
    assert query(store_copy, "SELECT count(*) FROM topic_rules") == rules
    assert tagged(store_copy, "displacement") == before and tab.pattern.text() == "IDPs"
