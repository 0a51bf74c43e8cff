"""The Store menu: open a store file, create an empty store, reopen the demo store, recent stores.

Contract: the menu never opens anything itself; it asks for a path where needed (through
`dialogs`) and emits `open_requested(operations.OpenRequest)`; the main window runs the request
on the worker and reports failures (not a store, newer version, missing file) in a dialog.
`set_recent(paths)` rebuilds the recent list (files that no longer exist are left out).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from briefer.gui import dialogs, operations
from briefer.gui.i18n import tr


class StoreMenu(QMenu):
    open_requested = Signal(object)  # operations.OpenRequest
    clear_recent_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeMenu")
        self._folder = Path.home()
        self._recent: list[Path] = []
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.setObjectName("actionOpenStore")
        self.new_action = QAction(self)
        self.new_action.setObjectName("actionNewStore")
        self.demo_action = QAction(self)
        self.demo_action.setObjectName("actionDemoStore")
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setObjectName("actionQuit")
        for action in (self.open_action, self.new_action, self.demo_action):
            self.addAction(action)
        self.addSeparator()
        self.addMenu(self.recent_menu)
        self.addSeparator()
        self.addAction(self.quit_action)
        self.open_action.triggered.connect(self.ask_open)
        self.new_action.triggered.connect(self.ask_new)
        self.demo_action.triggered.connect(self.open_demo)
        self.retranslate()

    def set_folder(self, folder: Path) -> None:
        """Where the file dialogs start (the folder of the open store)."""
        self._folder = folder

    def set_recent(self, paths: list[Path]) -> None:
        self._recent = [p for p in paths if p.exists()]
        self._rebuild_recent()

    @Slot()
    def ask_open(self) -> None:
        path = dialogs.ask_open_path(self.parentWidget(), tr("store-open-title"), self._folder, tr("store-filter"))
        if path is not None:
            self.open_requested.emit(operations.OpenRequest("path", path))

    @Slot()
    def ask_new(self) -> None:
        path = dialogs.ask_save_path(self.parentWidget(), tr("store-new-title"), self._folder / "briefer-store.db",
                                     tr("store-filter"))
        if path is not None:
            if not path.suffix:
                path = path.with_suffix(".db")
            self.open_requested.emit(operations.OpenRequest("new", path))

    @Slot()
    def open_demo(self) -> None:
        self.open_requested.emit(operations.OpenRequest("default"))

    def open_recent(self, path: Path) -> None:
        self.open_requested.emit(operations.OpenRequest("path", path))

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(self._recent, 1):
            action = self.recent_menu.addAction(f"&{number}  {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(self._on_recent)
        if not self._recent:
            empty = self.recent_menu.addAction(tr("act-recent-none"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(tr("act-recent-clear"))
            clear.triggered.connect(self.clear_recent_requested)

    @Slot()
    def _on_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self.open_recent(Path(action.data()))

    def retranslate(self) -> None:
        self.setTitle(tr("menu-store"))
        self.open_action.setText(tr("act-open-store"))
        self.new_action.setText(tr("act-new-store"))
        self.demo_action.setText(tr("act-demo-store"))
        self.recent_menu.setTitle(tr("act-recent"))
        self.quit_action.setText(tr("act-quit"))
        self._rebuild_recent()
