"""The Import menu and what it does: the wizard, the import log, files dropped on the window.

Contract: `ImportMenu` has one entry per `import_kinds.KINDS` and "Import log…"; it only emits
`import_requested(kind)` and `log_requested()`. `ImportController.start(kind, path=None)` opens
the `ImportWizard` on the open store (refused with a dialog when no store is open or it is
read-only); when an import has written, the store's pickers and preview are read again
(`operations.reload_store`, then `Controller.store_ready`) and `store_reloaded(info)` is emitted.
A single file dropped on the main window opens the wizard with its likely kind. The wizard's and
the log's modules load on first use, not with the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QMenu, QWidget

from briefer.gui import dialogs, operations
from briefer.gui.i18n import tr
from briefer.gui.import_kinds import KINDS, FormContext

if TYPE_CHECKING:  # loaded on first use: the window appears without the wizard
    from briefer.gui.import_log import ImportLogDialog
    from briefer.gui.import_wizard import ImportWizard


class ImportMenu(QMenu):
    import_requested = Signal(str)  # kind
    log_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMenu")
        self.kind_actions: dict[str, QAction] = {}
        for entry in KINDS:
            action = self.addAction("")
            action.setObjectName(f"actionImport{entry.key.title()}")
            action.setData(entry.key)
            action.triggered.connect(self._on_kind)
            self.kind_actions[entry.key] = action
        self.addSeparator()
        self.log_action = self.addAction("")
        self.log_action.setObjectName("actionImportLog")
        self.log_action.triggered.connect(self.log_requested)
        self.retranslate()

    @Slot()
    def _on_kind(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.import_requested.emit(str(action.data()))

    def retranslate(self) -> None:
        self.setTitle(tr("menu-import"))
        for entry in KINDS:
            self.kind_actions[entry.key].setText(tr(entry.action))
        self.log_action.setText(tr("imp-act-log"))


class ImportController(QObject):
    store_reloaded = Signal(object)  # operations.StoreInfo after an import

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window, self.runner = window, window.runner
        self.wizard: ImportWizard | None = None
        self.log: ImportLogDialog | None = None
        self._folder: Path | None = None
        window.import_menu.import_requested.connect(self.start)
        window.import_menu.log_requested.connect(self.show_log)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _usable_store(self) -> Any:
        info = self.window.controller.info
        problem = "imp-no-store" if info is None else ("imp-read-only" if info.read_only else "")
        if problem:
            dialogs.show_error(self.window, tr("imp-error-title"), tr(problem))
            return None
        return info

    @Slot(str)
    def start(self, kind: str, path: Path | None = None) -> ImportWizard | None:
        from briefer.gui.import_wizard import ImportWizard

        info = self._usable_store()
        if info is None:
            return None
        chosen = self.window.selection_panel.country_picker.chosen()
        context = FormContext(info.countries, chosen[0] if chosen else "")
        if self.wizard is not None and not self.wizard.isVisible():
            self.wizard.deleteLater()  # the last one, finished
        self.wizard = ImportWizard(self.runner, kind, context, path, info.path.name, self.window,
                                   self._folder or info.path.parent)
        self.wizard.imported.connect(self._on_imported)
        self.wizard.finished.connect(self._remember_folder)
        self.wizard.open()
        return self.wizard

    @Slot()
    def _remember_folder(self) -> None:
        if self.wizard is not None and self.wizard.path().parent.is_dir():
            self._folder = self.wizard.path().parent

    @Slot(object)
    def _on_imported(self, result: Any) -> None:
        self.window.statusBar().showMessage(tr("imp-done-status", file=Path(result.file).name,
                                               summary=result.summary), 10_000)
        self.runner.submit("store", operations.reload_store, None, self._reloaded,
                           self.window.controller.store_refused)

    def _reloaded(self, info: Any) -> None:
        self.window.controller.store_ready(info)
        self.store_reloaded.emit(info)

    @Slot()
    def show_log(self) -> ImportLogDialog | None:
        if self.window.controller.info is None:
            dialogs.show_error(self.window, tr("imp-log-title"), tr("imp-no-store"))
            return None
        from briefer.gui.import_log import ImportLogDialog

        if self.log is not None:
            self.log.close()
            self.log.deleteLater()
        self.log = log = ImportLogDialog(self.window)
        self.runner.submit(None, operations.import_log, None, lambda rows: self._show_log(log, rows), self._log_failed)
        log.open()
        return log

    def _show_log(self, log: ImportLogDialog, rows: Any) -> None:
        if log is self.log:
            log.set_rows(rows)

    def _log_failed(self, exc: BaseException, details: str) -> None:
        dialogs.show_failure(self.window, tr("imp-log-title"), exc, details)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A single local file dragged over the window may be dropped to import it."""
        if watched is not self.window or event.type() not in (QEvent.Type.DragEnter, QEvent.Type.DragMove,
                                                               QEvent.Type.Drop):
            return super().eventFilter(watched, event)
        from briefer.gui.import_wizard import dropped_file

        dragging = event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove)
        if watched is self.window and dragging and dropped_file(event.mimeData()) is not None:  # type: ignore[attr-defined]
            event.acceptProposedAction()  # type: ignore[attr-defined]
            return True
        if watched is self.window and event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = dropped_file(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                self.drop(path)
                return True
        return super().eventFilter(watched, event)

    def drop(self, path: Path) -> None:
        """Open the wizard on `path`, with the kind its name and first bytes suggest."""
        self.runner.submit(None, operations.guess_kind, path, lambda kind: self.start(kind, path))
