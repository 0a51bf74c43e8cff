"""The curation dialog ("Library ▸ Actors and topics…"): actor names and topic rules of the open store.

Contract:
- `CurationDialog(runner, info)` reads `operations.curation_state` on the worker and shows it in two
  tabs (`curation_actors.ActorsTab`, `curation_topics.TopicsTab`). Every change runs one write
  operation on the worker (`write(op, arg)`); while it runs the tabs are disabled; then the state
  is shown again, the status line says how many events changed topic ("142 events changed topic.")
  and `changed` is emitted so the main window refreshes its preview. A refused change shows the
  core's message in a dialog and changes nothing.
- On a read-only store every control that changes something is disabled and a note says why.
- `set_store(info)` follows the main window to another store. The Library menu's entry that opens
  the one dialog is `library_menu.CurationEntry` (this module loads on its first use).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import dialogs, i18n, operations
from briefer.gui.curation_actors import ActorsTab
from briefer.gui.curation_topics import TopicsTab
from briefer.gui.i18n import tr
from briefer.gui.widgets import set_role

KEY = "curation"


class CurationDialog(QDialog):
    changed = Signal()
    state_shown = Signal(object)  # operations.CurationState, after a read or a change

    def __init__(self, runner: Any, info: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curationDialog")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.runner, self.info = runner, info
        self.busy = False
        self.last_change: Any = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("curationReadOnly")
        self.note.setWordWrap(True)
        set_role(self.note, "banner-text")
        self.tabs = QTabWidget(self)
        self.actors = ActorsTab(self.write, self.tabs)
        self.topics = TopicsTab(self.write, self.tabs)
        self.tabs.addTab(self.actors, "")
        self.tabs.addTab(self.topics, "")
        self.status = QLabel(self)
        self.status.setObjectName("curationStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        bottom = QVBoxLayout()
        layout.addLayout(bottom)
        bottom.addWidget(self.status)
        bottom.addWidget(self.buttons)
        self.resize(1100, 680)
        self.retranslate()
        self.set_store(info)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("cur-title"))
        self.intro.setText(tr("cur-intro"))
        self.note.setText(tr("cur-read-only"))
        self.tabs.setTabText(0, tr("cur-tab-actors"))
        self.tabs.setTabText(1, tr("cur-tab-topics"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("cur-close"))
        self.actors.retranslate()
        self.topics.retranslate()
        if self.last_change is not None:
            self._say(self.last_change)

    # Reading
    def set_store(self, info: Any) -> None:
        """Show the curation of the store `info` describes (read again on the worker)."""
        self.info = info
        self.last_change = None
        self.status.setText(tr("cur-loading"))
        self._set_writable(not info.read_only)
        self.runner.submit(KEY, operations.curation_state, None, self._show, self._failed)

    def _show(self, state: Any) -> None:
        self._set_writable(not state.read_only)
        self.actors.show_state(state)
        self.topics.show_state(state)
        if self.last_change is None:
            self.status.clear()
        self.state_shown.emit(state)

    def _set_writable(self, writable: bool) -> None:
        self.note.setVisible(not writable)
        self.actors.set_writable(writable and not self.busy)
        self.topics.set_writable(writable and not self.busy)

    # Changing
    def write(self, op: Any, arg: Any) -> None:
        """Run one change on the worker (see module contract)."""
        self.busy = True
        self._set_writable(False)
        self.status.setText(tr("cur-working"))
        self.runner.submit(None, op, arg, self._written, self._failed)

    def _written(self, change: Any) -> None:
        self.busy = False
        self.last_change = change
        self._say(change)
        self._show(change.state)
        self.changed.emit()

    def _say(self, change: Any) -> None:
        n = i18n.fmt_int(change.changed)
        self.status.setText(tr("cur-restored", added=i18n.fmt_int(change.added), n=n) if change.added
                            else tr("cur-changed", n=n))

    def _failed(self, exc: BaseException, details: str) -> None:
        self.busy = False
        self.topics.adding = None  # a refused rule keeps its pattern, to be corrected
        self.status.clear()
        self._set_writable(not self.info.read_only)
        dialogs.show_failure(self, tr("cur-error"), exc, details)
