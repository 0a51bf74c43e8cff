"""Saved briefings: save the whole composition, reopen it, rebuild it on fresh data, rename, delete."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from briefer.gui import dialogs
from tests.gui.conftest import TIMEOUT, select

START, END = dt.date(2023, 6, 1), dt.date(2023, 12, 31)


def save_as(qtbot: Any, win: Any, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: name)
    with qtbot.waitSignal(win.runner.busy_changed, timeout=TIMEOUT, check_params_cb=lambda busy: not busy):
        win.controller.save_briefing()
    qtbot.waitUntil(lambda: name in win.controller.info.saved, timeout=TIMEOUT)


def open_saved(qtbot: Any, win: Any, name: str, refresh: bool) -> Any:
    with qtbot.waitSignal(win.controller.preview_ready, timeout=TIMEOUT) as blocker, \
            qtbot.waitSignal(win.controller.composition_applied, timeout=TIMEOUT):
        win.controller.load_saved(name, refresh)
    return blocker.args[0]


def test_round_trip_restores_selection_options_and_picks(qtbot: Any, window: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    select(qtbot, window, ["MLI", "NER"], START, END, "peacekeeping")
    compose, quotations = window.compose, window.preview.tabs.quotations
    compose.title.setText("Sahel weekly")
    compose.author.setText("A. Diallo")
    compose.messages.setPlainText("First message\nSecond message")
    compose.marking.setCurrentIndex(compose.marking.findData("TLP:RED"))
    compose.section_boxes["incidents"].setChecked(False)
    model = quotations.model
    model.move(3, 0)
    model.set_checked(2, False)
    picked = model.checked_ids()
    save_as(qtbot, window, monkeypatch, "Sahel weekly")

    # something else entirely, then reopen
    select(qtbot, window, ["BFA"], dt.date(2024, 1, 1), dt.date(2024, 3, 31), "civilians")
    compose.title.setText("")
    compose.messages.setPlainText("")
    preview = open_saved(qtbot, window, "Sahel weekly", refresh=False)
    assert preview.selection.countries == ("MLI", "NER")
    assert (preview.selection.period.start, preview.selection.period.end) == (START, END)
    assert window.selection_panel.topic() == "peacekeeping"
    assert compose.title.text() == "Sahel weekly" and compose.author.text() == "A. Diallo"
    assert compose.messages.toPlainText() == "First message\nSecond message"
    assert compose.marking.currentData() == "TLP:RED"
    assert not compose.section_boxes["incidents"].isChecked()
    assert model.checked_ids() == picked
    assert window.composition().options.quotation_ids == picked


def test_rebuild_on_fresh_data_keeps_the_length(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    select(qtbot, window, ["MLI"], dt.date(2024, 12, 1), dt.date(2024, 12, 7), "armed-conflict")
    save_as(qtbot, window, monkeypatch, "Last week")
    preview = open_saved(qtbot, window, "Last week", refresh=True)
    newest = window.controller.info.newest_day
    assert preview.selection.period.end == newest
    assert preview.selection.period.days == 7


def test_saved_dialog_lists_renames_and_deletes(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    select(qtbot, window, ["MLI"], START, END, "peacekeeping")
    save_as(qtbot, window, monkeypatch, "One")
    save_as(qtbot, window, monkeypatch, "Two")
    dialog = window.controller.show_saved()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: set(dialog.names()) == {"One", "Two"}, timeout=TIMEOUT)
    dialog.list.setCurrentRow(dialog.names().index("One"))
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "Renamed")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: set(dialog.names()) == {"Renamed", "Two"}, timeout=TIMEOUT)
    dialog.list.setCurrentRow(dialog.names().index("Two"))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.names() == ["Renamed"], timeout=TIMEOUT)
    assert window.controller.info.saved == ("Renamed",)
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(window.controller.composition_applied, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
