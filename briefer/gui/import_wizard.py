"""The import wizard: file -> details -> check (dry run) -> import with progress -> result.

Contract:
- Every step that reads the file runs `operations.import_file` (or `document_details`) on the
  worker under the key "import"; the GUI thread never reads the file.
- The check page shows what the import would do without writing anything. A file with bad rows is
  refused whole unless "Import the good rows…" is ticked (the check then runs again with
  `accept_bad_rows`). The check page is the commit page: its button reads "Import".
- The run page imports for real with a progress bar; Cancel (the wizard's button, or Escape) asks the
  worker to stop and the store stays as it was (event files stop part-way; other kinds are quick
  and can only be stopped before they start). The result page then says what happened.
- `imported(result)` is emitted as soon as an import has written to the store. Errors a user can act
  on (unreadable file, unknown format, read-only store) are shown in a dialog with the core's
  message and on the page; never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget, QWizard

from briefer.gui import dialogs, operations
from briefer.gui.i18n import tr
from briefer.gui.import_kinds import FormContext, Kind, kind
from briefer.gui.import_pages import CheckPage, FilePage, OptionsPage, ResultPage, RunPage
from briefer.gui.tasks import Cancelled, TaskRunner

KEY = "import"


class ImportWizard(QWizard):
    imported = Signal(object)  # operations.ImportResult, once written
    PAGE_FILE, PAGE_OPTIONS, PAGE_CHECK, PAGE_RUN, PAGE_RESULT = range(5)

    def __init__(self, runner: TaskRunner, kind_key: str, context: FormContext, path: Path | None = None,
                 store_name: str = "", parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.runner, self.context, self.store_name = runner, context, store_name
        self.folder = folder or Path.home()  # where Browse starts
        self.kind: Kind = kind(kind_key)
        self.check: Any = None  # the last dry run's ImportResult
        self.outcome: Any = None  # the real import's ImportResult
        self.failure: BaseException | None = None
        self.cancelled = False
        self.file_page, self.options_page = FilePage(self), OptionsPage(self)
        self.check_page, self.run_page, self.result_page = CheckPage(self), RunPage(self), ResultPage(self)
        for number, page in enumerate((self.file_page, self.options_page, self.check_page, self.run_page,
                                       self.result_page)):
            self.setPage(number, page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setAcceptDrops(True)
        self.setMinimumSize(720, 540)
        self._translate_buttons()
        self.set_kind(kind_key)
        if path is not None:
            self.file_page.path.setText(str(path))

    # What the pages share
    def set_kind(self, key: str) -> None:
        self.kind = kind(key)
        self.setWindowTitle(tr("imp-title", kind=tr(self.kind.name)))

    def context_folder(self) -> Path:
        return self.folder

    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    def request(self, dry_run: bool) -> Any:
        form = self.options_page.form if self.kind.form is not None else None
        options = form.options() if form is not None else {}
        return operations.ImportRequest(self.kind.key, self.path(), dry_run, self.check_page.accept_box.isChecked(),
                                        options)

    def submit(self, op: Any, arg: Any, on_done: Any, on_error: Any, on_progress: Any = None) -> int:
        progress = op is operations.import_file
        return self.runner.submit(KEY, op, arg, on_done, on_error, on_progress=on_progress, progress=progress)

    def show_failure(self, exc: BaseException, details: str) -> None:
        dialogs.show_failure(self, tr("imp-error-title"), exc, details)

    @staticmethod
    def is_cancel(exc: BaseException) -> bool:
        return isinstance(exc, Cancelled) or operations.is_cancelled(exc)

    # Closing and cancelling
    def reject(self) -> None:
        """While importing, Cancel stops the import (the wizard stays to say so); otherwise it closes."""
        if self.run_page.running:
            self.run_page.cancel()
            return
        self.runner.invalidate(KEY)
        super().reject()

    def _translate_buttons(self) -> None:
        for button, key in ((QWizard.WizardButton.BackButton, "imp-back"), (QWizard.WizardButton.NextButton, "imp-next"),
                            (QWizard.WizardButton.FinishButton, "imp-finish"), (QWizard.WizardButton.CancelButton, "cancel"),
                            (QWizard.WizardButton.CommitButton, "imp-import-button")):
            self.setButtonText(button, tr(key))

    # Dropping a file on the wizard
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None and self.currentId() == self.PAGE_FILE:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is not None and self.currentId() == self.PAGE_FILE:
            self.file_page.path.setText(str(path))
            event.acceptProposedAction()

    @Slot()
    def emit_imported(self) -> None:
        self.imported.emit(self.outcome)


def dropped_file(mime: Any) -> Path | None:
    """The one local file a drag carries, or None."""
    urls = [u for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_file() else None
