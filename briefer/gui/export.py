"""Exporting the PDF: save dialog, progress with cancel, the in-app viewer.

Contract: `ExportController.start()` checks the composition, asks for a path (default name such
as mali-peacekeeping-2023-06-01_2023-12-31.pdf in the last export folder), runs
`operations.export_pdf` on the worker behind a progress dialog that can cancel, then shows the PDF
in a `PdfViewer` and emits `finished(path)`. Failures show a dialog saying what to do and emit
`failed(exc)`; the operation leaves nothing partial on disk. The viewer uses QtPdf when the
PySide6_Pdf wheel is installed and otherwise says where the file is.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import dialogs, operations
from briefer.gui.i18n import tr
from briefer.gui.tasks import Cancelled, TaskRunner


class ExportController(QObject):
    finished = Signal(object)  # Path
    failed = Signal(object)  # the exception (Cancelled when the user cancelled)

    def __init__(self, window: Any, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.progress: QProgressDialog | None = None
        self.viewer: PdfViewer | None = None
        self._generation = 0
        self._password: str | None = None  # of the export under way, to open it in the viewer

    def start(self) -> None:
        """Ask for a path and export the current composition (see module contract)."""
        composition = self.window.composition()
        if composition is None:
            dialogs.show_error(self.window, tr("export-failed"), tr("export-no-country"))
            return
        names = self.window.selection_panel.country_picker.names(lang="en")
        default = self.window.settings.export_folder() / operations.default_file_name(
            names, composition.selection.topic, composition.selection.period)
        path = dialogs.ask_save_path(self.window, tr("export-title"), default, tr("export-filter"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.export_to(composition, path)

    def export_to(self, composition: Any, path: Path) -> int:
        """Export `composition` to `path` behind the progress dialog; returns the request's generation."""
        self.progress = QProgressDialog(tr("export-start"), tr("cancel"), 0, 100, self.window)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowTitle(tr("export-progress"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumWidth(380)
        self.progress.canceled.connect(self._on_cancel)
        self.progress.setValue(0)
        self.progress.show()
        self._password = self.window.compose.pdf_password()
        request = operations.ExportRequest(composition, path, self._password)
        self._generation = self.runner.submit("export", operations.export_pdf, request, self._on_done,
                                              self._on_error, on_progress=self._on_progress, progress=True)
        return self._generation

    def busy(self) -> bool:
        return self.progress is not None

    @Slot()
    def _on_cancel(self) -> None:
        self.runner.cancel(self._generation)
        if self.progress is not None:
            self.progress.setLabelText(tr("export-cancelling"))

    def _on_progress(self, fraction: float, stage: str, values: dict[str, object]) -> None:
        dialog = self.progress
        if dialog is not None and not dialog.wasCanceled():
            dialog.setLabelText(tr(stage, **values))
            # Last: a modal dialog's setValue processes events, which may finish the export and
            # close the dialog (self.progress becomes None) before it returns.
            dialog.setValue(int(fraction * 100))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._on_cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_done(self, path: Path) -> None:
        self._close_progress()
        self.window.settings.set_export_folder(path.parent)
        self.window.statusBar().showMessage(tr("export-done", path=path), 10_000)
        self.show_viewer(path)
        self.finished.emit(path)

    def _on_error(self, exc: BaseException, details: str) -> None:
        self._close_progress()
        if not isinstance(exc, Cancelled):
            dialogs.show_failure(self.window, tr("export-failed"), exc, details)
        self.failed.emit(exc)

    def show_viewer(self, path: Path) -> None:
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = PdfViewer(path, self.window, self._password)
        self.viewer.show()


class PdfViewer(QDialog):
    """The exported PDF, with "Open in system viewer" and "Show in folder"."""

    def __init__(self, path: Path, parent: QWidget | None = None, password: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        self.path = path
        self.password = password
        self.setWindowTitle(tr("viewer-title", name=path.name))
        self.document: Any = None
        self.view: Any = None
        self.body = QVBoxLayout()
        self.open_button = QPushButton(tr("viewer-open"), self)
        self.open_button.setObjectName("viewerOpen")
        self.folder_button = QPushButton(tr("viewer-folder"), self)
        self.folder_button.setObjectName("viewerFolder")
        self.close_button = QPushButton(tr("viewer-close"), self)
        self.info = QLabel(str(path), self)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setProperty("role", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for button in (self.folder_button, self.open_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.body, 1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_external)
        self.folder_button.clicked.connect(self.show_in_folder)
        self.close_button.clicked.connect(self.close)
        screen = self.screen().availableGeometry() if self.screen() else None
        height = min(760, screen.height() - 60) if screen else 700
        self.resize(820, height)
        QTimer.singleShot(0, self._load)  # the window first, then the document: no long pause

    @Slot()
    def _load(self) -> None:
        self.body.addWidget(self._pdf_view() or self._fallback())

    def _pdf_view(self) -> QWidget | None:
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError:
            return None
        self.document = QPdfDocument(self)
        if self.password:
            self.document.setPassword(self.password)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setAccessibleName(self.path.name)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, self.zoom_in)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, self.zoom_out)
        return self.view

    @Slot()
    def zoom_in(self) -> None:
        self._zoom(1.25)

    @Slot()
    def zoom_out(self) -> None:
        self._zoom(0.8)

    def _zoom(self, factor: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def _fallback(self) -> QWidget:
        label = QLabel(tr("viewer-missing", path=self.path), self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("viewerMissing")
        return label

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    @Slot()
    def open_external(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    @Slot()
    def show_in_folder(self) -> None:
        """Open the folder with the file selected where the platform allows it."""
        import subprocess

        if sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", str(self.path)])
        elif sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(self.path)])
        else:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
