"""The import log: every import into the open store (kind, file, when, who, counts, message), newest first.

Contract: the dialog shows the rows it is given (`set_rows(operations.ImportLogRow…)`), read on
the worker by `operations.import_log`; an empty log says so. The table is sortable by any column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.i18n import language, tr
from briefer.gui.models import SORT_ROLE, RowModel
from briefer.gui.widgets import set_role


class ImportLogModel(RowModel):
    """Rows of `operations.ImportLogRow`."""

    COL_KIND, COL_FILE, COL_WHEN, COL_USER, COL_ADDED, COL_UPDATED, COL_UNCHANGED, COL_REJECTED, COL_MESSAGE = range(9)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "imp-col-kind", "imp-col-file", "imp-col-when", "imp-col-user", "imp-count-added", "imp-count-updated",
        "imp-count-unchanged", "imp-count-rejected", "imp-col-message")
    NUMERIC: ClassVar[frozenset[int]] = frozenset({COL_ADDED, COL_UPDATED, COL_UNCHANGED, COL_REJECTED})
    FIELDS = ("kind", "file", "started", "user", "added", "updated", "unchanged", "rejected", "message")

    def display(self, row: Any, col: int) -> Any:
        if col == self.COL_MESSAGE:
            return _message(row)
        value = getattr(row, self.FIELDS[col])
        if col == self.COL_FILE:
            return Path(value).name
        if col == self.COL_WHEN:
            return str(value).replace("T", " ")
        return value

    def tooltip(self, row: Any, col: int) -> Any:
        return row.file if col == self.COL_FILE else (_message(row) if col == self.COL_MESSAGE else None)

    def sort_key(self, row: Any, col: int) -> Any:
        return f"{row.started}|{row.id:012d}" if col == self.COL_WHEN else self.display(row, col)


def _message(row: Any) -> str:
    """The logged line in the interface language (English for imports logged before French was kept)."""
    return str(row.message_fr if language() == "fr" and row.message_fr else row.message)


class ImportLogDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importLogDialog")
        self.setWindowTitle(tr("imp-log-title"))
        intro = QLabel(tr("imp-log-intro"), self)
        set_role(intro, "muted")
        self.model = ImportLogModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("importLogTable")
        self.table.setAccessibleName(tr("imp-log-table"))
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ImportLogModel.COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(tr("imp-log-empty"), self)
        self.empty.setObjectName("importLogEmpty")
        set_role(self.empty, "muted")
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("imp-log-close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(1000, 420)

    def set_rows(self, rows: Any) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        header = self.table.horizontalHeader()
        for col in range(ImportLogModel.COL_MESSAGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

    def shown_rows(self) -> list[list[str]]:
        """The table as displayed (sorted), for tests and screen readers."""
        proxy = self.table.model()
        return [["" if proxy.index(r, c).data() is None else str(proxy.index(r, c).data())
                 for c in range(proxy.columnCount())]
                for r in range(proxy.rowCount())]
