"""What an import did or would do, shown: counts, the first bad rows (line, column, problem), notes.

Contract: `ReportView.show_result(operations.ImportResult)` fills the view; `clear()` empties it.
`count(name)` is the text shown for a count ("added", "updated", "unchanged", "rejected", "rows",
"vanished"; "" when hidden), `error_rows()` the bad rows listed, `notes_text()` the notes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n
from briefer.gui.i18n import core_text, tr
from briefer.gui.widgets import set_role

COUNTS = ("rows", "added", "updated", "unchanged", "rejected", "vanished")
NO_UPDATES = frozenset({"document", "references"})  # kinds that never update what is stored


class ReportView(QWidget):
    """Counts, bad rows and notes of one import result (see module contract)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.values: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        for column, name in enumerate(COUNTS):
            value, label = QLabel(self), QLabel(self)
            value.setObjectName(f"importCount{name.title()}")
            set_role(value, "title")
            set_role(label, "muted")
            grid.addWidget(value, 0, column)
            grid.addWidget(label, 1, column)
            self.values[name], self.names[name] = value, label
        grid.setColumnStretch(len(COUNTS), 1)
        self.errors_label = QLabel(self)
        set_role(self.errors_label, "heading")
        self.errors = QTableWidget(0, 3, self)
        self.errors.setObjectName("importErrors")
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.errors.verticalHeader().hide()
        self.errors.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.errors.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.notes_label = QLabel(self)
        set_role(self.notes_label, "heading")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("importNotes")
        self.notes.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        for widget in (self.errors_label, self.errors, self.notes_label, self.notes):
            layout.addWidget(widget)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        for name in COUNTS:
            self.names[name].setText(tr(f"imp-count-{name}"))
            self.values[name].setAccessibleName(tr(f"imp-count-{name}"))
        self.errors.setHorizontalHeaderLabels([tr("imp-col-line"), tr("imp-col-column"), tr("imp-col-problem")])
        self.errors.setAccessibleName(tr("imp-errors"))
        self.notes_label.setText(tr("imp-warnings"))
        self.notes.setAccessibleName(tr("imp-warnings"))

    def clear(self) -> None:
        for name in COUNTS:
            self._show_count(name, None)
        self.errors.setRowCount(0)
        self.notes.clear()
        for widget in (self.errors_label, self.errors, self.notes_label, self.notes):
            widget.hide()

    def show_result(self, result: Any) -> None:
        self.clear()
        for name in COUNTS:
            value = getattr(result, name)
            hidden = (name == "vanished" and not value) or (name == "updated" and result.kind in NO_UPDATES)
            self._show_count(name, None if hidden else value)
        self._show_errors(result)
        notes = [*result.details, *result.warnings, *result.notes]
        if notes:
            self.notes.setPlainText("\n".join(core_text(n) for n in notes))
            self.notes_label.show()
            self.notes.show()

    def _show_count(self, name: str, value: int | None) -> None:
        self.values[name].setText("" if value is None else i18n.fmt_int(value))
        self.values[name].setVisible(value is not None)
        self.names[name].setVisible(value is not None)

    def _show_errors(self, result: Any) -> None:
        if not result.errors:
            return
        shown = len(result.errors)
        self.errors_label.setText(tr("imp-errors") if shown >= result.rejected else
                                  tr("imp-errors-more", shown=i18n.fmt_int(shown), n=i18n.fmt_int(result.rejected)))
        self.errors.setRowCount(shown)
        for row, issue in enumerate(result.errors):
            for column, text in enumerate((str(issue.line), issue.column, core_text(issue.message))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.errors.setItem(row, column, item)
        self.errors.resizeColumnToContents(0)
        self.errors.resizeColumnToContents(1)
        self.errors_label.show()
        self.errors.show()

    def count(self, name: str) -> str:
        return self.values[name].text()

    def error_rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.errors.item(r, c).text() for c in range(3)) for r in range(self.errors.rowCount())]  # type: ignore[misc]

    def notes_text(self) -> str:
        return self.notes.toPlainText()
