"""The pages of the import wizard (see `import_wizard` for the flow and its contract)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from briefer.gui import dialogs, i18n, operations
from briefer.gui.i18n import tr
from briefer.gui.import_incidents import IncidentPreviewTable
from briefer.gui.import_kinds import KINDS, OptionsForm
from briefer.gui.import_report import ReportView
from briefer.gui.widgets import clear_layout, set_role


def _status(page: QWizardPage, name: str) -> QLabel:
    label = QLabel(page)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class FilePage(QWizardPage):
    """Which kind of file, and which file (typed, browsed or dropped)."""

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(tr("imp-file-title"))
        self.setSubTitle(tr("imp-file-sub"))
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("importKind")
        for entry in KINDS:
            self.kind_box.addItem(tr(entry.name), entry.key)
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton(tr("imp-browse"), self)
        self.browse.setObjectName("importBrowse")
        self.problem = _status(self, "importFileProblem")
        set_role(self.problem, "hint")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        for key, field in (("imp-kind-label", self.kind_box), ("imp-file-label", row)):
            label = QLabel(tr(key), self)
            label.setBuddy(self.kind_box if field is self.kind_box else self.path)
            form.addRow(label, field)
        self.kind_box.setAccessibleName(tr("imp-kind-label").replace("&", ""))
        self.path.setAccessibleName(tr("imp-file-label").replace("&", ""))
        form.addRow(self.problem)
        self.kind_box.currentIndexChanged.connect(self._on_kind)
        self.path.textChanged.connect(self._on_path)
        self.browse.clicked.connect(self.ask_path)

    def initializePage(self) -> None:
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(self.w.kind.key), 0))

    @Slot(int)
    def _on_kind(self, _: int) -> None:
        self.w.set_kind(self.kind_box.currentData())

    @Slot(str)
    def _on_path(self, text: str) -> None:
        missing = bool(text.strip()) and not self.w.path().is_file()
        self.problem.setText(tr("imp-file-missing") if missing else "")
        self.completeChanged.emit()

    @Slot()
    def ask_path(self) -> None:
        current = self.w.path()
        folder = current.parent if current.parent.is_dir() and str(current) != "." else self.w.context_folder()
        path = dialogs.ask_open_path(self, tr("imp-choose"), folder, tr(self.w.kind.filter))
        if path is not None:
            self.path.setText(str(path))

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and self.w.path().is_file()

    def nextId(self) -> int:
        return self.w.PAGE_OPTIONS if self.w.kind.form is not None else self.w.PAGE_CHECK


class OptionsPage(QWizardPage):
    """The kind's own form (document details, country, download date), kept while kind and file stay."""

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(tr("imp-options-title"))
        self.form: OptionsForm | None = None
        self._for: tuple[str, str] | None = None
        self.body = QVBoxLayout(self)

    def initializePage(self) -> None:
        wanted = (self.w.kind.key, str(self.w.path()))
        if wanted == self._for and self.form is not None:
            return
        clear_layout(self.body)
        self._for = wanted
        self.form = self.w.kind.form(self.w.context, self)
        self.setSubTitle(tr(self.form.intro_key))
        self.body.addWidget(self.form)
        self.body.addStretch(1)
        self.form.changed.connect(self.completeChanged)
        if self.form.wants_details:
            self.w.submit(getattr(operations, self.form.details_op), self.w.path(), self._filler(self.form),
                          self._details_failed)

    def _filler(self, form: OptionsForm) -> Any:
        def fill(details: Any) -> None:
            if form is self.form:
                form.fill(details)
        return fill

    def _details_failed(self, exc: BaseException, details: str) -> None:
        if self.form is not None:
            self.form.failed(i18n.core_text(exc) if operations.is_user_error(exc) else tr("error-unexpected"))

    def isComplete(self) -> bool:
        return self.form is None or self.form.is_complete()


class CheckPage(QWizardPage):
    """The dry run: counts, bad rows, warnings; the commit page ("Import")."""

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(tr("imp-preview-title"))
        self.setSubTitle(tr("imp-preview-sub"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("imp-import-button"))
        self.running = False
        self.status = _status(self, "importCheckStatus")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importCheckProgress")
        self.bar.setAccessibleName(tr("imp-checking"))
        self.report = ReportView(self)
        self.preview = IncidentPreviewTable(self)
        self.accept_box = QCheckBox(tr("imp-accept"), self)
        self.accept_box.setObjectName("importAcceptBadRows")
        self.column = layout = QVBoxLayout(self)
        for widget in (self.status, self.bar, self.accept_box, self.preview):
            layout.addWidget(widget)
        layout.addWidget(self.report, 1)
        self.accept_box.toggled.connect(self.run_check)

    def initializePage(self) -> None:
        self.accept_box.blockSignals(True)
        self.accept_box.setChecked(False)
        self.accept_box.blockSignals(False)
        self.run_check()

    @Slot()
    def run_check(self) -> None:
        self.w.check = None
        self.running = True
        self.report.clear()
        self.preview.show_rows(())
        set_role(self.status, "detail")
        self.accept_box.setVisible(self.accept_box.isChecked())
        self.status.setText(tr("imp-checking"))
        self.bar.setValue(0)
        self.bar.show()
        self.completeChanged.emit()
        self.w.submit(operations.import_file, self.w.request(dry_run=True), self._checked, self._failed, self._progress)

    def _progress(self, fraction: float, stage: str, values: dict[str, object]) -> None:
        self.bar.setValue(int(fraction * 100))

    def _checked(self, result: Any) -> None:
        self.running = False
        self.w.check = result
        self.bar.hide()
        self.report.show_result(result)
        self.preview.show_rows(result.preview)
        self.column.setStretchFactor(self.preview, 1 if result.preview else 0)
        self.column.setStretchFactor(self.report, 0 if result.preview else 1)
        self.accept_box.setVisible(result.rejected > 0)
        set_role(self.status, "banner-text" if result.refused else "detail")
        if result.refused:
            self.status.setText(tr("imp-refused", n=result.rejected))
        elif result.added or result.updated:
            self.status.setText(tr("imp-ready"))
        else:
            self.status.setText(tr("imp-ready-nothing"))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.running = False
        self.bar.hide()
        if self.w.is_cancel(exc):
            return
        message = i18n.core_text(exc) if operations.is_user_error(exc) else tr("error-unexpected")
        self.status.setText(f"{tr('imp-failed')} {message}")
        self.completeChanged.emit()
        self.w.show_failure(exc, details)

    def cleanupPage(self) -> None:
        self.w.runner.invalidate("import")
        self.running = False

    def isComplete(self) -> bool:
        return not self.running and self.w.check is not None and not self.w.check.refused


class RunPage(QWizardPage):
    """The import itself: a progress bar; the wizard's Cancel stops it."""

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(tr("imp-run-title"))
        self.setSubTitle(tr("imp-run-sub"))
        self.running = False
        self.generation = 0
        self.status = _status(self, "importRunStatus")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgress")
        self.bar.setAccessibleName(tr("imp-run-title"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.w.outcome, self.w.failure, self.w.cancelled = None, None, False
        self.running = True
        self.status.setText(tr("imp-reading"))
        self.bar.setValue(0)
        cancel = self.w.button(QWizard.WizardButton.CancelButton)
        cancel.setEnabled(self.w.kind.key in operations.CANCELLABLE)
        self.generation = self.w.submit(operations.import_file, self.w.request(dry_run=False), self._done,
                                        self._failed, self._progress)

    def cancel(self) -> None:
        self.w.runner.cancel(self.generation)
        self.status.setText(tr("imp-cancelling"))

    def _progress(self, fraction: float, stage: str, values: dict[str, object]) -> None:
        if self.running:
            self.bar.setValue(int(fraction * 100))

    def _finish(self) -> None:
        self.running = False
        self.w.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.completeChanged.emit()
        self.w.next()

    def _done(self, result: Any) -> None:
        self.w.outcome = result
        self.bar.setValue(100)
        if result.written:
            self.w.emit_imported()
        self._finish()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.w.failure = exc
        self.w.cancelled = self.w.is_cancel(exc)
        if not self.w.cancelled:
            self.w.show_failure(exc, details)
        self._finish()

    def isComplete(self) -> bool:
        return not self.running


class ResultPage(QWizardPage):
    """What happened: the summary, the source's number for a document, the notes."""

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(tr("imp-result-title"))
        self.status = _status(self, "importResultStatus")
        set_role(self.status, "title")
        self.source = _status(self, "importResultSource")
        self.report = ReportView(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.source)
        layout.addWidget(self.report, 1)

    def initializePage(self) -> None:
        result, failure = self.w.outcome, self.w.failure
        self.report.clear()
        self.source.clear()
        if result is None:
            message = str(failure) if failure is not None and operations.is_user_error(failure) else ""
            key = "imp-result-cancelled" if self.w.cancelled else "imp-result-failed"
            self.status.setText(tr(key) if self.w.cancelled or not message else f"{message}\n{tr(key)}")
            return
        written = tr("imp-result-written", store=self.w.store_name)
        self.status.setText(written if result.written else tr("imp-refused", n=result.rejected))
        if result.source_id is not None:
            key = "imp-result-duplicate" if result.unchanged else "imp-result-source"
            self.source.setText(tr(key, id=result.source_id))
        self.report.show_result(result)
