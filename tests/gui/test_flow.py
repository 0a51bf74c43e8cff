"""The whole flow: pick Mali, June–December 2023, peacekeeping; untick a quotation; export; read the PDF."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QTabWidget

from briefer.gui import dialogs
from briefer.gui.models import QuotationModel
from tests.gui.conftest import TIMEOUT, select, show_events

START, END = dt.date(2023, 6, 1), dt.date(2023, 12, 31)


def squash(text: str) -> str:
    """Letters and digits only: compares texts across the PDF's line breaks and typography."""
    return re.sub(r"[\W_]+", "", text).lower()


def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def export(qtbot: Any, win: Any, monkeypatch: pytest.MonkeyPatch, path: Path, shortcut: bool = False) -> Path:
    asked: list[Path] = []

    def ask(parent: Any, title: str, default: Path, filters: str) -> Path:
        asked.append(default)
        return path

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    with qtbot.waitSignal(win.exporter.finished, timeout=TIMEOUT * 3) as blocker:
        if shortcut:
            qtbot.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        else:
            qtbot.mouseClick(win.compose.export_button, Qt.MouseButton.LeftButton)
    assert asked, "the save dialog was not asked"
    return blocker.args[0]


def test_full_flow_exports_the_chosen_quotations(qtbot: Any, window: Any, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    preview = select(qtbot, window, ["MLI"], START, END, "peacekeeping")
    assert preview.event_count > 0 and len(preview.quotations) > 3
    table = window.findChild(QTableView, "quotationTable")
    model: QuotationModel = table.model()
    ticked = [model.row(r) for r in range(model.rowCount()) if model.is_checked(r)]
    assert len(ticked) == preview.default_quotations
    dropped = ticked[1]
    model.setData(model.index(1, model.COL_INCLUDE), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert dropped.id not in model.checked_ids()

    out = export(qtbot, window, monkeypatch, tmp_path / "mali-peacekeeping-2023-06-01_2023-12-31.pdf")
    assert out.exists() and out.stat().st_size > 10_000
    text = pdf_text(out)
    for quotation in ticked:
        if quotation.id != dropped.id:
            assert squash(quotation.text[:60]) in text, quotation.text[:60]
    assert squash(dropped.text[:60]) not in text
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".part")]
    viewer = window.exporter.viewer
    assert viewer is not None and viewer.isVisible()
    if viewer.document is not None:
        qtbot.waitUntil(lambda: viewer.page_count() > 1, timeout=TIMEOUT)


def test_default_file_name_follows_the_selection(qtbot: Any, window: Any, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    select(qtbot, window, ["MLI"], START, END, "peacekeeping")
    seen: list[Path] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: seen.append(a[2]))
    window.exporter.start()
    assert seen[0].name == "mali-peacekeeping-2023-06-01_2023-12-31.pdf"


def test_keyboard_flow(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+L, type a French name, Enter ticks it; the topic list by keys; Ctrl+E exports."""
    panel = window.selection_panel
    panel.country_picker.set_chosen([])
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    search = panel.country_picker.search
    assert search.hasFocus() or window.focusWidget() is search or not window.isActiveWindow()
    qtbot.keyClicks(search, "Tchad")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert panel.countries() == ("TCD",)
    qtbot.keyClicks(search, "burkina")
    qtbot.keyClick(search, Qt.Key.Key_Down)  # into the list
    qtbot.keyClick(panel.country_picker.list, Qt.Key.Key_Space)
    assert panel.countries() == ("TCD", "BFA")
    topics = panel.topic_picker.list
    topics.setCurrentIndex(topics.model().index(0, 0))
    with qtbot.waitSignal(window.controller.preview_ready, timeout=TIMEOUT):
        qtbot.keyClick(topics, Qt.Key.Key_Down)
    assert panel.topic() == topics.model().index(1, 0).data(Qt.ItemDataRole.UserRole + 3)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the quotations tab
    qtbot.waitUntil(lambda: window.preview.tabs.quotations.model.rowCount() > 0, timeout=TIMEOUT)
    table = window.preview.tabs.quotations.table
    table.setFocus()
    model = window.preview.tabs.quotations.model
    first = model.row(0).id
    table.setCurrentIndex(model.index(0, model.COL_TEXT))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # untick the first quotation
    assert first not in model.checked_ids()
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # and move it down
    assert model.row(1).id == first
    out = export(qtbot, window, monkeypatch, tmp_path / "keys.pdf", shortcut=True)
    assert out.exists()


def test_tabs_show_every_part_of_the_preview(qtbot: Any, window: Any) -> None:
    select(qtbot, window, ["MLI", "NER"], START, END, "peacekeeping")
    tabs = window.findChild(QTabWidget, "previewTabs")
    assert window.preview.tabs.key_figures.findChildren(object, "kf-events")
    show_events(qtbot, window)
    countries = {window.preview.tabs.events.model.row(r).country
                 for r in range(window.preview.tabs.events.model.rowCount())}
    assert countries <= {"MLI", "NER"}
    with qtbot.waitSignal(window.preview.tabs.figures_wanted, timeout=TIMEOUT):
        tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(window.preview.tabs.charts.canvases) > 0, timeout=TIMEOUT)
    assert window.preview.tabs.figures.model.rowCount() > 0


def test_events_table_filters_and_sorts(qtbot: Any, window: Any) -> None:
    select(qtbot, window, ["MLI"], START, END, "peacekeeping")
    show_events(qtbot, window)
    events = window.preview.tabs.events
    model = events.model
    total = model.rowCount()
    assert total > 1
    days = [model.row(r).day for r in range(total)]
    assert days == sorted(days, reverse=True)  # newest first
    place = model.row(0).location
    events.filter.setText(place.lower())
    qtbot.waitUntil(lambda: model.rowCount() < total or model.rowCount() == total == 1, timeout=TIMEOUT)
    assert all(place in model.row(r).location + model.row(r).notes + model.row(r).admin1
               for r in range(model.rowCount()))
    assert f"of {total} events" in events.count.text()
    events.filter.clear()
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=TIMEOUT)
    events.table.sortByColumn(model.COL_FATALITIES, Qt.SortOrder.DescendingOrder)
    deaths = [model.row(r).fatalities for r in range(model.rowCount())]
    assert deaths == sorted(deaths, reverse=True)


def test_quotation_filter_and_reorder(qtbot: Any, window: Any) -> None:
    select(qtbot, window, ["MLI"], START, END, "peacekeeping")
    view = window.preview.tabs.quotations
    model = view.model
    first, second = model.row(0).id, model.row(1).id
    view.table.setCurrentIndex(model.index(0, model.COL_TEXT))
    view.move_down()
    assert [model.row(0).id, model.row(1).id] == [second, first]
    assert model.checked_ids()[:2] == (second, first)
    # drag and drop: the last row dropped on top
    last = model.row(model.rowCount() - 1).id
    data = model.mimeData([model.index(model.rowCount() - 1, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.row(0).id == last
    view.filter.setText("withdrawal")
    qtbot.waitUntil(lambda: view._matches is not None, timeout=TIMEOUT)
    visible = [r for r in range(model.rowCount()) if not view.table.isRowHidden(r)]
    assert len(visible) < model.rowCount()
