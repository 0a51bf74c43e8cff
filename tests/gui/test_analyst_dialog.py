"""The analyst-input dialog and its button in the compose panel: edit, keep, save, reopen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from briefer.gui import i18n
from briefer.gui.analyst_dialog import AnalystDialog
from briefer.gui.compose import analyst_summary
from briefer.gui.operations.analyst import Risk
from tests.gui.conftest import select
from tests.gui.test_saved import END, START, open_saved, save_as

RISKS = (Risk("Ambush on the Gao road", 4, 5), Risk("Kidnapping", 2, 3))


def test_dialog_edits_outlook_trend_and_risks(qtbot: Any) -> None:
    dialog = AnalystDialog(None, "Calm ahead.", "unchanged", RISKS)
    qtbot.addWidget(dialog)
    assert dialog.values() == ("Calm ahead.", "unchanged", RISKS)
    assert dialog.table.rowCount() == 2
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 3
    dialog.table.item(2, 0).setText("Air disruption")
    spin = dialog.table.cellWidget(2, 1)
    assert isinstance(spin, QSpinBox) and (spin.minimum(), spin.maximum()) == (1, 5)
    spin.setValue(5)
    dialog.table.setCurrentCell(0, 0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    dialog.trend.setCurrentIndex(dialog.trend.findData("deteriorated"))
    dialog.outlook.setPlainText("  Worse.  ")
    assert dialog.values() == ("Worse.", "deteriorated", (Risk("Kidnapping", 2, 3), Risk("Air disruption", 5, 3)))
    dialog.add_row("   ")  # a row without a threat is dropped
    assert len(dialog.values()[2]) == 2


def test_dialog_speaks_french(qtbot: Any) -> None:
    i18n.set_language("fr")
    dialog = AnalystDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Analyse"
    assert [dialog.trend.itemText(i) for i in range(dialog.trend.count())] == [
        "Non indiquée", "Détérioration ↓", "Situation inchangée →", "Amélioration ↑"]
    assert dialog.table.horizontalHeaderItem(1).text() == "Probabilité (1–5)"


def test_compose_button_keeps_input_and_saved_briefing_restores_it(
        qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    select(qtbot, window, ["MLI"], START, END, "peacekeeping")
    compose = window.compose
    assert compose.analyst_button.accessibleName() == "Analyst input…"

    def accept(dialog: AnalystDialog) -> int:
        dialog.outlook.setPlainText("Expect more attacks.")
        dialog.trend.setCurrentIndex(dialog.trend.findData("deteriorated"))
        for risk in RISKS:
            dialog.add_row(risk.threat, risk.likelihood, risk.impact)
        return AnalystDialog.DialogCode.Accepted

    monkeypatch.setattr(AnalystDialog, "exec", accept)
    qtbot.mouseClick(compose.analyst_button, Qt.MouseButton.LeftButton)
    options = compose.options()
    assert (options.outlook, options.overall_trend, options.risks) == ("Expect more attacks.", "deteriorated", RISKS)
    assert "2 risk(s)" in compose.analyst_button.toolTip()
    save_as(qtbot, window, monkeypatch, "With analysis")

    monkeypatch.setattr(AnalystDialog, "exec", lambda dialog: AnalystDialog.DialogCode.Rejected)
    compose.analyst = ("", "", ())
    qtbot.mouseClick(compose.analyst_button, Qt.MouseButton.LeftButton)  # cancelled: nothing changes
    assert compose.options().risks == ()
    open_saved(qtbot, window, "With analysis", refresh=False)
    options = compose.options()
    assert (options.outlook, options.overall_trend, options.risks) == ("Expect more attacks.", "deteriorated", RISKS)
    assert analyst_summary("", ()) == "0 risk(s), trend: Not stated"


def test_citation_style_picker_csl_file_and_saved_briefing(qtbot: Any, window: Any, tmp_path: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.gui import dialogs

    select(qtbot, window, ["MLI"], START, END, "peacekeeping")
    compose = window.compose
    assert compose.options().citation_style == ""  # the template's style until one is chosen
    compose.citations.setCurrentIndex(compose.citations.findData("author-date"))
    assert compose.options().citation_style == "author-date"

    style = tmp_path / "house.csl"
    style.write_text("<style/>", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: style)
    compose.citations.setCurrentIndex(compose.citations.findData("csl"))
    compose.citations.activated.emit(compose.citations.currentIndex())
    assert compose.options().citation_style == str(style)
    assert compose.citations.currentText() == "CSL: house.csl"
    save_as(qtbot, window, monkeypatch, "House style")

    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: None)  # cancelled: back to the template's
    compose.citations.setCurrentIndex(compose.citations.findData("csl"))
    compose.citations.activated.emit(compose.citations.currentIndex())
    assert compose.options().citation_style == ""
    open_saved(qtbot, window, "House style", refresh=False)
    assert compose.options().citation_style == str(style)
    i18n.set_language("fr")
    window.retranslate()
    assert compose.citations.itemText(compose.citations.findData("numbered")) == "Notes numérotées"
    assert compose.citations.currentText().replace("\u202f", " ").replace("\xa0", " ") == "CSL : house.csl"
    i18n.set_language("en")
