"""Dialogs that load on first use still open from their menu entries (see test_structure)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from tests.gui.conftest import TIMEOUT


def test_each_menu_entry_opens_its_dialog(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    window.import_menu.kind_actions["acled"].trigger()
    wizard = window.importer.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.reject()
    window.import_menu.log_action.trigger()
    assert window.importer.log is not None and window.importer.log.isVisible()
    window.importer.log.close()
    window.library_menu.open_action.trigger()
    assert window.library_menu.library is not None and window.library_menu.library.isVisible()
    window.library_menu.library.close()
    window.library_menu.curation.action.trigger()
    assert window.library_menu.curation.dialog is not None and window.library_menu.curation.dialog.isVisible()
    window.library_menu.curation.dialog.close()
    shown: list[QDialog] = []
    monkeypatch.setattr("briefer.gui.controller.Controller._run_dialog", lambda self, dialog: shown.append(dialog))
    window.saved_action.trigger()
    assert [type(d).__name__ for d in shown] == ["SavedDialog"]
    monkeypatch.setattr(QDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.preferences_action.trigger()
    assert [type(d).__name__ for d in shown] == ["SavedDialog", "PreferencesDialog"]
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=TIMEOUT)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the QPoint constructor, the one there is
def test_a_file_dragged_over_the_window_is_recognised(window: Any, tmp_path: Any) -> None:
    """The drop filter loads the wizard's `dropped_file` on the first drag, not before."""
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent

    csv = tmp_path / "events.csv"
    csv.write_text("event_id_cnty,event_date\n")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(csv))])
    event = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    assert window.importer.eventFilter(window, event)
    assert event.isAccepted()
