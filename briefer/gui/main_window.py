"""The main window: menus, banners, the three columns (selection, preview, compose), status bar.

Contract: the window only lays out and wires; the `Controller` does the work through the
`TaskRunner`, and the `ExportController` exports. `retranslate()` re-reads every text after a
language switch. Closing the window remembers geometry, selection, author and organisation, and
stops the worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefer import __version__
from briefer.gui import i18n, style
from briefer.gui.compose import ComposePanel
from briefer.gui.controller import Controller
from briefer.gui.export import ExportController
from briefer.gui.i18n import tr
from briefer.gui.import_menu import ImportController, ImportMenu
from briefer.gui.library_menu import LibraryMenu
from briefer.gui.preview import PreviewArea
from briefer.gui.selection_panel import SelectionPanel
from briefer.gui.settings import Settings
from briefer.gui.store_menu import StoreMenu
from briefer.gui.tasks import TaskRunner
from briefer.gui.widgets import Banner, set_role

SIDE_WIDTH, COMPOSE_WIDTH = 290, 330


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(style.icon())
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        self.selection_panel = SelectionPanel(self)
        self.preview = PreviewArea(self)
        self.compose = ComposePanel(self)
        self.read_only_banner = Banner("readOnlyBanner", "warning", self)
        self.synthetic_banner = Banner("syntheticBanner", "info", self)
        self.empty_banner = Banner("emptyStoreBanner", "info", self)
        self._build_layout()
        self._build_menus()
        self._build_status()
        self.controller = Controller(self)
        self.exporter = ExportController(self, self.runner)
        self.importer = ImportController(self)
        self._wire()
        self.compose.author.setText(settings.text("author"))
        self.compose.organisation.setText(settings.text("organisation"))
        self.compose.set_language(settings.text("language") or i18n.language())
        self.retranslate()
        self._restore_geometry()

    # Layout
    def _build_layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        for widget in (self.selection_panel, self.preview, self.compose):
            self.splitter.addWidget(widget)
        self.selection_panel.setMinimumWidth(250)
        self.preview.setMinimumWidth(480)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDE_WIDTH, 1366 - SIDE_WIDTH - COMPOSE_WIDTH, COMPOSE_WIDTH])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        for banner in (self.read_only_banner, self.synthetic_banner, self.empty_banner):
            layout.addWidget(banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.store_menu = StoreMenu(self)
        bar.addMenu(self.store_menu)
        self.import_menu = ImportMenu(self)
        bar.addMenu(self.import_menu)
        self.briefing_menu = QMenu(self)
        self.export_action = self._action("actionExport", QKeySequence("Ctrl+E"))
        self.save_action = self._action("actionSave", QKeySequence.StandardKey.Save)
        self.saved_action = self._action("actionSaved", QKeySequence("Ctrl+B"))
        self.preferences_action = self._action("actionPreferences", QKeySequence.StandardKey.Preferences)
        self.focus_action = self._action("actionFocusCountries", QKeySequence("Ctrl+L"))
        for item in (self.export_action, None, self.save_action, self.saved_action, None, self.focus_action,
                     None, self.preferences_action):
            self.briefing_menu.addSeparator() if item is None else self.briefing_menu.addAction(item)
        bar.addMenu(self.briefing_menu)
        self.library_menu = LibraryMenu(self)  # Library ▸ Library of sources… (Ctrl+Shift+L)
        bar.addMenu(self.library_menu)
        self.help_menu = QMenu(self)
        self.shortcuts_action = self._action("actionShortcuts", QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action("actionAbout")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)
        bar.addMenu(self.help_menu)
        tabs = self.preview.tabs
        for number in range(tabs.count()):
            QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self, self._tab_shortcut(number))

    def _tab_shortcut(self, number: int) -> Any:
        def go() -> None:
            self.preview.tabs.setCurrentIndex(number)
            self.preview.tabs.currentWidget().setFocus()
        return go

    def _action(self, name: str, shortcut: Any = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_status(self) -> None:
        self.store_label = QLabel(self)
        self.store_label.setObjectName("statusStore")
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("statusBusy")
        set_role(self.busy_label, "muted")
        self.statusBar().setContentsMargins(10, 0, 10, 0)
        self.statusBar().addWidget(self.store_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)

    def _wire(self) -> None:
        self.store_menu.open_requested.connect(self.controller.open_store)
        self.store_menu.clear_recent_requested.connect(self._clear_recent)
        self.store_menu.quit_action.triggered.connect(self.close)
        self.export_action.triggered.connect(self.exporter.start)
        self.compose.export_clicked.connect(self.exporter.start)
        self.save_action.triggered.connect(self.controller.save_briefing)
        self.compose.save_clicked.connect(self.controller.save_briefing)
        self.saved_action.triggered.connect(self.controller.show_saved)
        self.preferences_action.triggered.connect(self.show_preferences)
        self.focus_action.triggered.connect(self.focus_countries)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action.triggered.connect(self.show_about)
        self.runner.busy_changed.connect(self._on_busy)

    # What the controller and the exporter read
    def composition(self) -> Any:
        return self.controller.composition()

    # Actions
    @Slot()
    def focus_countries(self) -> None:
        self.selection_panel.country_picker.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selection_panel.country_picker.search.selectAll()

    @Slot()
    def show_preferences(self) -> None:
        from briefer.gui.preferences import PreferencesDialog

        dialog = PreferencesDialog(i18n.language(), self.settings.export_folder(), self)
        if dialog.exec():
            self.settings.set_export_folder(dialog.folder())
            self.set_ui_language(dialog.language())

    def set_ui_language(self, lang: str) -> None:
        """Switch the whole interface to `lang` at once, live."""
        self.settings.set_ui_language(lang)
        if lang != i18n.language():
            i18n.set_language(lang)
            self.retranslate()

    @Slot()
    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, tr("shortcuts-title"), tr("shortcuts-text"))

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        store = self.controller.info.path if self.controller.info else "—"
        QMessageBox.about(self, tr("about-title"), tr("about-text", version=__version__, store=store))

    @Slot()
    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self.store_menu.set_recent([])

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setText(tr("status-busy") if busy else "")

    # Language
    def retranslate(self) -> None:
        self.store_menu.retranslate()
        self.import_menu.retranslate()
        self.briefing_menu.setTitle(tr("menu-briefing"))
        self.help_menu.setTitle(tr("menu-help"))
        self.library_menu.retranslate()
        for action, key in ((self.export_action, "act-export"), (self.save_action, "act-save"),
                            (self.saved_action, "act-saved"), (self.preferences_action, "act-preferences"),
                            (self.focus_action, "act-focus-countries"), (self.shortcuts_action, "act-shortcuts"),
                            (self.about_action, "act-about")):
            action.setText(tr(key))
        self.selection_panel.retranslate()
        self.preview.retranslate()
        self.compose.retranslate()
        self.read_only_banner.set_text(tr("banner-read-only"))
        self.synthetic_banner.set_text(tr("banner-synthetic"))
        self.empty_banner.set_text(tr("banner-empty"))
        self.controller.retranslate()

    # Window state
    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1366, screen.width()), min(740, screen.height()))
        splitter = self.settings.splitter()
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.set_text("author", self.compose.author.text().strip())
        self.settings.set_text("organisation", self.compose.organisation.text().strip())
        self.settings.set_text("language", self.compose.language_code())
        self.controller.remember_selection()
        self.settings.sync()
        if self.exporter.viewer is not None:
            self.exporter.viewer.close()
        self.runner.shutdown()
        super().closeEvent(event)
