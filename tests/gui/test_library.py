"""The Library window on a real demo store copy: read, select, capture, edit, delete, undo, redo."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from briefer.gui import dialogs
from briefer.gui.library_text import TextMap
from tests.core.library_article import ARTICLE, FIGURE_SENTENCE, QUOTE, TITLE, add_article
from tests.gui.conftest import TIMEOUT, select


@pytest.fixture()
def store_copy(demo_store_path: Path, tmp_path: Path) -> Path:
    """The demo store copy with one more source, a text article (the demo's sources are references)."""
    import shutil

    from briefer.core.store.db import open_store

    target = tmp_path / "store" / "demo.db"
    target.parent.mkdir()
    shutil.copy(demo_store_path, target)
    with open_store(target) as store:
        add_article(store, tmp_path)
    return target


def _rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def _open(qtbot: Any, window: Any) -> Any:
    """Open the Library (Ctrl+Shift+L's action) and wait until the article is shown in the reader."""
    assert window.library_menu.open_action.shortcut().toString() == "Ctrl+Shift+L"
    window.library_menu.open_action.trigger()
    library = window.library_menu.library
    qtbot.waitUntil(lambda: library.reader.detail is not None, timeout=TIMEOUT)
    titles = [library.sources.topLevelItem(i).text(0) for i in range(library.sources.topLevelItemCount())]
    assert TITLE in titles and len(titles) == 4
    item = library.sources.topLevelItem(titles.index(TITLE))
    library.sources.setCurrentItem(item)
    qtbot.waitUntil(lambda: library.reader.detail.source.title == TITLE, timeout=TIMEOUT)
    return library


def _select_text(library: Any, text: str) -> tuple[int, int]:
    """Select `text` in the reader with Qt's own search (view positions, as a user's drag gives them);
    return where it sits in the source's full text."""
    view = library.reader.text
    view.moveCursor(view.textCursor().MoveOperation.Start)
    assert view.find(text)
    start = library.reader.map.full_text.index(text)
    return start, start + len(text)


def _dialog(qtbot: Any, library: Any, button: Any) -> Any:
    before = library.dialog
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: library.dialog is not None and library.dialog is not before
                    and library.dialog.isVisible(), timeout=TIMEOUT)
    return library.dialog


def _save(qtbot: Any, library: Any, dialog: Any) -> None:
    depth = library.undo_stack.count()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: library.undo_stack.count() == depth + 1, timeout=TIMEOUT)


def _pushed(qtbot: Any, library: Any, act: Any) -> None:
    """Run `act` (a click) and wait until its change is on the undo stack (the store has taken it)."""
    depth = library.undo_stack.count()
    act()
    qtbot.waitUntil(lambda: library.undo_stack.count() == depth + 1, timeout=TIMEOUT)


def _trigger(qtbot: Any, action: Any) -> None:
    """Undo or Redo as soon as it is enabled (it waits for the write before it)."""
    qtbot.waitUntil(action.isEnabled, timeout=TIMEOUT)
    action.trigger()


def _wait_store(qtbot: Any, path: Path, sql: str, expected: Any) -> None:
    qtbot.waitUntil(lambda: _rows(path, sql) == expected, timeout=TIMEOUT)


@pytest.mark.parametrize("text", ["ab\r\ncd\re\ff\tg\u2028h i😀j\n\nk — é", "plain text, one line", ""])
def test_text_map_matches_qt_positions(qtbot: Any, text: str) -> None:
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    mapping = TextMap(text)
    view.setPlainText(mapping.display)
    assert view.document().characterCount() - 1 == mapping.to_view(len(text))
    for i, char in enumerate(text):
        if text[i - 1:i + 1] == "\r\n":  # the "\n" of a "\r\n" pair shares the "\r"'s position
            continue
        assert mapping.to_source(mapping.to_view(i)) == i
        if char not in "\r\n\f\u2028":
            position = mapping.to_view(i)
            assert view.document().characterAt(position) == char[:1] or ord(char) > 0xFFFF
    assert mapping.span(mapping.to_view(len(text)), 0) == (0, len(text))


def test_add_quotation_from_a_selection(qtbot: Any, window: Any, store_copy: Path) -> None:
    library = _open(qtbot, window)
    assert not library.reader.quote_button.isEnabled()
    after_emoji = _select_text(library, "and warned that the dry season")  # UTF-16 positions differ from here
    assert library.reader.selection() == after_emoji and library.reader.figure_button.isEnabled()
    start, quote_end = _select_text(library, QUOTE)
    assert library.reader.selection() == (start, quote_end) and library.reader.quote_button.isEnabled()
    dialog = _dialog(qtbot, library, library.reader.quote_button)
    assert dialog.text.toPlainText() == QUOTE and dialog.locator.text() == "para. 2"
    dialog.speaker.setText("regional coordinator")
    dialog.countries.setText("Mali, Niger")
    with qtbot.waitSignal(window.controller.preview_ready, timeout=TIMEOUT):
        _save(qtbot, library, dialog)
    rows = _rows(store_copy, "SELECT id, start_offset, end_offset, locator, speaker FROM quotations WHERE text = ?",
                 QUOTE)
    assert [r[1:] for r in rows] == [(start, quote_end, "para. 2", "regional coordinator")]
    qid = rows[0][0]
    assert _rows(store_copy, "SELECT iso3 FROM quotation_countries WHERE quotation_id = ? ORDER BY 1", qid) == [
        ("MLI",), ("NER",)]
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: library.items.quotations.count() == 1, timeout=TIMEOUT)
    assert len(library.reader.text.extraSelections()) == 1  # the quoted passage is tinted


def test_non_verbatim_quotation_is_refused_with_the_core_message(qtbot: Any, window: Any, store_copy: Path,
                                                                   monkeypatch: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message, details="": shown.append(message))
    library = _open(qtbot, window)
    _select_text(library, QUOTE)
    dialog = _dialog(qtbot, library, library.reader.quote_button)
    dialog.text.setPlainText(QUOTE.replace("escort", "army escort"))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert "not verbatim" in shown[0] and "closest passage (para. 2)" in shown[0]
    assert dialog.isVisible() and library.undo_stack.count() == 0
    assert _rows(store_copy, "SELECT count(*) FROM quotations WHERE text LIKE '%army%'") == [(0,)]
    dialog.paraphrase.setChecked(True)
    _save(qtbot, library, dialog)
    assert _rows(store_copy, "SELECT paraphrase, start_offset FROM quotations WHERE text LIKE '%army%'") == [(1, None)]


def test_add_figure_edit_delete_undo_redo(qtbot: Any, window: Any, store_copy: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    library = _open(qtbot, window)
    _select_text(library, "120 trucks")
    dialog = _dialog(qtbot, library, library.reader.figure_button)
    assert dialog.sentence.toPlainText() == FIGURE_SENTENCE  # the selection grown to its sentence
    assert (dialog.value.text(), dialog.unit.text(), dialog.qualifier.currentText()) == ("120", "trucks", "over")
    dialog.label.setText("Trucks across the river")
    dialog.country.setText("Mali")
    _save(qtbot, library, dialog)
    sql = "SELECT label, value, unit, qualifier, country_iso3, locator FROM figures WHERE label LIKE 'Trucks%'"
    assert _rows(store_copy, sql) == [("Trucks across the river", 120.0, "trucks", "over", "MLI", "para. 2")]
    # edit it
    library.items.tabs.setCurrentWidget(library.items.figures)
    qtbot.waitUntil(lambda: library.items.figures.count() == 1, timeout=TIMEOUT)
    library.items.figures.setCurrentRow(0)
    dialog = _dialog(qtbot, library, library.items.edit_button)
    assert dialog.value.text() == "120" and dialog.country.text() == "Mali"
    dialog.value.setText("125")
    _save(qtbot, library, dialog)
    _wait_store(qtbot, store_copy, "SELECT value FROM figures WHERE label LIKE 'Trucks%'", [(125.0,)])
    # delete, undo, redo, undo
    qtbot.waitUntil(lambda: library.items.figures.count() == 1, timeout=TIMEOUT)
    library.items.figures.setCurrentRow(0)
    _pushed(qtbot, library, lambda: qtbot.mouseClick(library.items.delete_button, Qt.MouseButton.LeftButton))
    _wait_store(qtbot, store_copy, "SELECT count(*) FROM figures WHERE label LIKE 'Trucks%'", [(0,)])
    _trigger(qtbot, library.undo_action)
    _wait_store(qtbot, store_copy, "SELECT value FROM figures WHERE label LIKE 'Trucks%'", [(125.0,)])
    _trigger(qtbot, library.undo_action)  # the edit
    _wait_store(qtbot, store_copy, "SELECT value FROM figures WHERE label LIKE 'Trucks%'", [(120.0,)])
    _trigger(qtbot, library.redo_action)
    _trigger(qtbot, library.redo_action)
    _wait_store(qtbot, store_copy, "SELECT count(*) FROM figures WHERE label LIKE 'Trucks%'", [(0,)])
    assert library.undo_stack.undoText() == "delete figure"


def test_edit_quotation_and_delete_with_undo_keeps_id_and_links(qtbot: Any, window: Any, store_copy: Path,
                                                                monkeypatch: Any) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    library = _open(qtbot, window)
    _select_text(library, QUOTE)
    dialog = _dialog(qtbot, library, library.reader.quote_button)
    dialog.countries.setText("MLI")
    _save(qtbot, library, dialog)
    qtbot.waitUntil(lambda: library.items.quotations.count() == 1, timeout=TIMEOUT)
    library.items.quotations.setCurrentRow(0)
    dialog = _dialog(qtbot, library, library.items.edit_button)
    dialog.speaker.setText("the coordinator")
    dialog.topics.item(0).setCheckState(Qt.CheckState.Checked)
    _save(qtbot, library, dialog)
    sql = ("SELECT q.id, q.speaker, group_concat(c.iso3), (SELECT count(*) FROM quotation_topics t "
           "WHERE t.quotation_id = q.id) FROM quotations q JOIN quotation_countries c ON c.quotation_id = q.id "
           "WHERE q.text = '" + QUOTE.replace("'", "''") + "' GROUP BY q.id")
    qtbot.waitUntil(lambda: [r[1] for r in _rows(store_copy, sql)] == ["the coordinator"], timeout=TIMEOUT)
    edited = _rows(store_copy, sql)
    qtbot.waitUntil(lambda: library.items.quotations.count() == 1, timeout=TIMEOUT)
    library.items.quotations.setCurrentRow(0)
    _pushed(qtbot, library, library.items.delete_button.click)
    _wait_store(qtbot, store_copy, sql, [])
    _trigger(qtbot, library.undo_action)
    _wait_store(qtbot, store_copy, sql, edited)  # same id, countries and topics
    _trigger(qtbot, library.undo_action)
    _wait_store(qtbot, store_copy, sql, [(edited[0][0], "", "MLI", 0)])
    _trigger(qtbot, library.redo_action)
    _wait_store(qtbot, store_copy, sql, edited)


def test_source_delete_cascades_names_the_counts_and_undo_restores(qtbot: Any, window: Any, store_copy: Path,
                                                                   monkeypatch: Any) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, message: asked.append(message) or True)
    library = _open(qtbot, window)
    before = [_rows(store_copy, f"SELECT * FROM {t} ORDER BY 1") for t in ("sources", "quotations", "figures")]
    demo = [library.sources.topLevelItem(i) for i in range(library.sources.topLevelItemCount())]
    un = next(item for item in demo if item.text(1) == "United Nations")
    library.sources.setCurrentItem(un)
    qtbot.waitUntil(lambda: library.reader.detail.source.publisher == "United Nations", timeout=TIMEOUT)
    _pushed(qtbot, library, library.delete_source_button.click)
    assert "7 quotation(s)" in asked[0] and "Security Council Terminates" in asked[0]
    _wait_store(qtbot, store_copy, "SELECT count(*) FROM sources", [(3,)])
    assert _rows(store_copy, "SELECT count(*) FROM quotations WHERE source_id = 3") == [(0,)]
    qtbot.waitUntil(lambda: library.sources.topLevelItemCount() == 3, timeout=TIMEOUT)
    _trigger(qtbot, library.undo_action)
    qtbot.waitUntil(lambda: library.sources.topLevelItemCount() == 4, timeout=TIMEOUT)
    assert [_rows(store_copy, f"SELECT * FROM {t} ORDER BY 1") for t in ("sources", "quotations", "figures")] == before
    assert library.sources.current_row().publisher == "United Nations"  # the restored source is shown


def test_search_filters_the_sources(qtbot: Any, window: Any) -> None:
    library = _open(qtbot, window)
    library.search.setText("ansongo")  # a word of the article's text only
    qtbot.waitUntil(lambda: library.sources.topLevelItemCount() == 1, timeout=TIMEOUT)
    assert library.sources.topLevelItem(0).text(0) == TITLE
    library.search.setText("")
    qtbot.waitUntil(lambda: library.sources.topLevelItemCount() == 4, timeout=TIMEOUT)


def test_suggestion_selects_its_passage(qtbot: Any, window: Any) -> None:
    library = _open(qtbot, window)
    qtbot.waitUntil(lambda: library.items.suggestions.count() > 0, timeout=TIMEOUT)
    library.items.tabs.setCurrentWidget(library.items.suggestions)
    item = library.items.suggestions.item(0)
    library.items.suggestions.setCurrentItem(item)
    kind, suggestion = item.data(Qt.ItemDataRole.UserRole)
    assert kind == "suggestion"
    assert library.reader.selection() == (suggestion.start, suggestion.end)
    assert ARTICLE.split("\n", 2)[2].replace("\r", "").find(suggestion.text) >= 0 or suggestion.text in ARTICLE


def test_new_quotation_reaches_the_briefing_with_its_citation(qtbot: Any, window: Any, store_copy: Path,
                                                              tmp_path: Path) -> None:
    """The issue's "done when": select a sentence, make it a quotation, see it in the next briefing."""
    from briefer.gui import operations
    from tests.core.pdfread import full_text, read

    preview = select(qtbot, window, ["MLI"], dt.date(2023, 6, 1), dt.date(2023, 12, 31), "civilians")
    assert all(QUOTE not in q.text for q in preview.quotations)
    library = _open(qtbot, window)
    _select_text(library, QUOTE)
    dialog = _dialog(qtbot, library, library.reader.quote_button)
    dialog.countries.setText("Mali")
    for i in range(dialog.topics.count()):
        if dialog.topics.item(i).data(Qt.ItemDataRole.UserRole) == "civilians":
            dialog.topics.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(window.controller.preview_ready, timeout=TIMEOUT,
                          check_params_cb=lambda p: any(q.text == QUOTE for q in p.quotations)):
        _save(qtbot, library, dialog)
    table = window.preview.tabs.quotations.model
    qid = next(q.id for q in window.controller.last_preview.quotations if q.text == QUOTE)
    table.set_picks([qid])
    composition = window.controller.composition()
    assert qid in composition.options.quotation_ids
    out = tmp_path / "brief.pdf"

    class _Progress:
        def report(self, *args: Any, **values: Any) -> None: ...

        def check(self) -> None: ...

    from briefer.core.store.db import open_store

    with open_store(store_copy, read_only=True) as store:
        operations.export_pdf(store, operations.ExportRequest(composition, out), _Progress())
    text = " ".join(full_text(read(out.read_bytes())).split())
    assert "The road is open again, but every convoy still needs an escort" in text
    assert "Sahel Monitor" in text and "Convoys resume on the Gao road" in text  # its citation
    QApplication.processEvents()


def test_read_only_store_disables_changes(qtbot: Any, window: Any) -> None:
    from dataclasses import replace

    library = _open(qtbot, window)
    library.set_store(replace(window.controller.info, read_only=True))
    qtbot.waitUntil(lambda: library.reader.detail is not None, timeout=TIMEOUT)
    _select_text(library, QUOTE)
    assert not library.reader.quote_button.isEnabled() and not library.delete_source_button.isEnabled()
    assert not library.reader.save_details.isEnabled() and library.read_only_note.isVisibleTo(library)


def test_source_details_edit_undo_and_live_french(qtbot: Any, window: Any, store_copy: Path) -> None:
    library = _open(qtbot, window)
    fields = library.reader.fields
    fields["title"].setText("Convoys resume")
    fields["published"].setText("2023-10")
    assert library.reader.precision.text() == "month"
    fields["authors"].setText("A. Traoré; B. Diallo")
    fields["protected"].setChecked(True)
    _pushed(qtbot, library, library.reader.save_details.click)
    sql = "SELECT title, published, published_precision, authors, protected FROM sources WHERE publisher = 'Sahel Monitor'"
    assert _rows(store_copy, sql) == [("Convoys resume", "2023-10", "month", '["A. Traoré", "B. Diallo"]', 1)]
    qtbot.waitUntil(lambda: library.reader.title_label.text() == "Convoys resume", timeout=TIMEOUT)
    _trigger(qtbot, library.undo_action)
    _wait_store(qtbot, store_copy, sql, [(TITLE, "2023-10-02", "day", "[]", 0)])
    qtbot.waitUntil(lambda: fields["published"].text() == "2023-10-02", timeout=TIMEOUT)  # the reader follows
    window.set_ui_language("fr")
    assert library.reader.quote_button.text() == "Ajouter une &citation…"
    assert library.windowTitle().startswith("Bibliothèque") and window.library_menu.title() == "&Sources"
    assert library.reader.precision.text() == "jour"
    window.set_ui_language("en")
