"""Saved briefings: the list kept in the store; open, open updated to the newest data, rename, delete.

Contract: the dialog runs every change through the worker (`operations.*_recipe`) and shows the
list it gets back; opening emits `open_requested(name, refresh)` and closes the dialog. On a
read-only store the changing buttons are disabled. `SavedDialog.names()` is the list shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import dialogs, operations
from briefer.gui.i18n import tr
from briefer.gui.tasks import TaskRunner
from briefer.gui.widgets import set_role


class SavedDialog(QDialog):
    open_requested = Signal(str, bool)  # name, refresh to the newest data
    names_changed = Signal(object)  # tuple of names

    def __init__(self, runner: TaskRunner, names: tuple[str, ...], read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedDialog")
        self.setWindowTitle(tr("saved-title"))
        self.runner = runner
        self.read_only = read_only
        self._select_after: str | None = None
        intro = QLabel(tr("saved-intro"), self)
        intro.setWordWrap(True)
        set_role(intro, "muted")
        self.list = QListWidget(self)
        self.list.setObjectName("savedList")
        self.list.setAccessibleName(tr("saved-list"))
        self.empty = QLabel(tr("saved-none"), self)
        self.empty.setWordWrap(True)
        set_role(self.empty, "muted")
        self.open_button = self._button("saved-open", "savedOpen", self._open)
        self.refresh_button = self._button("saved-refresh", "savedRefresh", self._open_refreshed)
        self.refresh_button.setToolTip(tr("saved-refresh-tip"))
        self.rename_button = self._button("saved-rename", "savedRename", self._rename)
        self.delete_button = self._button("saved-delete", "savedDelete", self._delete)
        side = QVBoxLayout()
        for button in (self.open_button, self.refresh_button):
            side.addWidget(button)
        side.addSpacing(12)
        for button in (self.rename_button, self.delete_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("saved-close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addWidget(self.empty)
        if read_only:
            note = QLabel(tr("saved-read-only"), self)
            note.setWordWrap(True)
            set_role(note, "hint")
            layout.addWidget(note)
        layout.addWidget(close)
        self.list.itemDoubleClicked.connect(self._open)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.resize(620, 380)
        self.set_names(names)

    def _button(self, key: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(tr(key), self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def names(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def set_names(self, names: tuple[str, ...], current: str | None = None) -> None:
        self.list.clear()
        for name in names:
            QListWidgetItem(name, self.list)
        rows = list(names)
        self.list.setCurrentRow(rows.index(current) if current in rows else (0 if rows else -1))
        self.empty.setVisible(not rows)
        self._update_buttons()

    def current(self) -> str | None:
        item = self.list.currentItem()
        return item.text() if item is not None else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.open_button.setEnabled(chosen)
        self.refresh_button.setEnabled(chosen)
        self.rename_button.setEnabled(chosen and not self.read_only)
        self.delete_button.setEnabled(chosen and not self.read_only)
        if chosen:
            self.open_button.setDefault(True)

    @Slot()
    def _open(self) -> None:
        self._emit_open(False)

    @Slot()
    def _open_refreshed(self) -> None:
        self._emit_open(True)

    def _emit_open(self, refresh: bool) -> None:
        name = self.current()
        if name is not None:
            self.open_requested.emit(name, refresh)
            self.accept()

    @Slot()
    def _rename(self) -> None:
        old = self.current()
        if old is None:
            return
        new = dialogs.ask_text(self, tr("rename-title"), tr("save-prompt"), old)
        if new and new != old:
            self._change(operations.rename_recipe, operations.RenameRequest(old, new), new)

    @Slot()
    def _delete(self) -> None:
        name = self.current()
        if name is not None and dialogs.confirm(self, tr("delete-title"), tr("delete-confirm", name=name)):
            self._change(operations.delete_recipe, name, None)

    def _change(self, op: Any, arg: Any, current: str | None) -> None:
        self._select_after = current
        self.runner.submit(None, op, arg, self._on_names, self._on_error)

    def _on_names(self, names: tuple[str, ...]) -> None:
        self.set_names(names, self._select_after)
        self.names_changed.emit(names)

    def _on_error(self, exc: BaseException, details: str) -> None:
        dialogs.show_failure(self, tr("saved-error"), exc, details)
