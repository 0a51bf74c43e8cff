"""The Library menu of the main window: "Library of sources…" and "Actors and topics…".

Contract: `LibraryMenu(window)` adds both entries (Ctrl+Shift+L opens the Library); each opens its
one window on the open store (None while no store is open) and keeps it for the next time. The
windows' modules (`library`, `curation` and theirs) load on first use, not with the main window:
importing this module loads no more than Qt and the strings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from briefer.gui.i18n import tr

if TYPE_CHECKING:
    from briefer.gui.curation import CurationDialog
    from briefer.gui.library import LibraryWindow


class LibraryMenu(QMenu):
    """The main window's Library menu: opens the one Library window (Ctrl+Shift+L) on the open store."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("libraryMenu")
        self.main = window
        self.library: LibraryWindow | None = None
        self.open_action = QAction(window)
        self.open_action.setObjectName("actionLibrary")
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.open_action.triggered.connect(self.open_library)
        window.addAction(self.open_action)
        self.addAction(self.open_action)
        self.curation = CurationEntry(self, window)  # Library ▸ Actors and topics…

    def retranslate(self) -> None:
        self.setTitle(tr("menu-library"))
        self.open_action.setText(tr("act-library"))
        self.curation.retranslate()
        if self.library is not None:
            self.library.retranslate()

    @Slot()
    def open_library(self) -> LibraryWindow | None:
        """Show the Library window (made on first use); None while no store is open."""
        controller = self.main.controller
        if controller.info is None:
            return None
        if self.library is None:
            from briefer.gui.library import LibraryWindow

            self.library = LibraryWindow(self.main.runner, controller.info, self.main)
            self.library.changed.connect(controller.schedule_refresh)
            controller.store_opened.connect(self.library.set_store)
        self.library.show()
        self.library.raise_()
        self.library.activateWindow()
        return self.library


class CurationEntry(QObject):
    """The "Actors and topics…" entry of the Library menu and the one dialog it opens."""

    def __init__(self, menu: QMenu, window: Any) -> None:
        super().__init__(menu)
        self.main = window
        self.dialog: CurationDialog | None = None
        self.action = QAction(window)
        self.action.setObjectName("actionCuration")
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)

    def retranslate(self) -> None:
        self.action.setText(tr("act-curation"))
        if self.dialog is not None:
            self.dialog.retranslate()

    @Slot()
    def open(self) -> CurationDialog | None:
        controller = self.main.controller
        if controller.info is None:
            return None
        if self.dialog is None:
            from briefer.gui.curation import CurationDialog

            self.dialog = CurationDialog(self.main.runner, controller.info, self.main)
            self.dialog.changed.connect(controller.schedule_refresh)
            controller.store_opened.connect(self.dialog.set_store)
        else:
            self.dialog.set_store(controller.info)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog
