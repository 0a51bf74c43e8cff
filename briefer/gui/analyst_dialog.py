"""The analyst-input dialog: outlook text, overall trend and the risk table (threat, likelihood
1–5, impact 1–5; rows added and removed).

Contract: `AnalystDialog(parent, outlook, trend, risks)` shows the given values; after `exec()`
returns Accepted, `values()` gives `(outlook, trend, risks)` with `trend` "" or one of
operations.TRENDS and `risks` a tuple of operations.Risk (rows without a threat are dropped).
The caller stores them in the briefing's options, so they are saved with the briefing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.i18n import tr
from briefer.gui.operations import analyst as operations

COL_THREAT, COL_LIKELIHOOD, COL_IMPACT = range(3)


class AnalystDialog(QDialog):
    def __init__(self, parent: QWidget | None, outlook: str = "", trend: str = "", risks: Sequence[Any] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("analystDialog")
        self.setWindowTitle(tr("analyst-title"))
        self.outlook = QPlainTextEdit(self)
        self.outlook.setObjectName("outlookEdit")
        self.outlook.setTabChangesFocus(True)
        self.outlook.setPlaceholderText(tr("analyst-outlook-hint"))
        self.outlook.setPlainText(outlook)
        self.trend = QComboBox(self)
        self.trend.setObjectName("trendPicker")
        for value in ("", *operations.TRENDS):
            self.trend.addItem(tr(f"overall-{value or 'none'}"), value)
        self.trend.setCurrentIndex(max(self.trend.findData(trend), 0))
        self.trend.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("riskTable")
        self.table.setHorizontalHeaderLabels([tr("analyst-threat"), tr("analyst-likelihood"), tr("analyst-impact")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_THREAT, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for risk in risks:
            self.add_row(risk.threat, risk.likelihood, risk.impact)
        self.add_button = QPushButton(tr("analyst-add"), self)
        self.add_button.setObjectName("addRiskButton")
        self.remove_button = QPushButton(tr("analyst-remove"), self)
        self.remove_button.setObjectName("removeRiskButton")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._layout()
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(640, 520)

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        for key, widget, stretch in (("analyst-outlook", self.outlook, 1), ("analyst-trend", self.trend, 0),
                                     ("analyst-risks", self.table, 1)):
            label = QLabel(tr(key), self)
            label.setBuddy(widget)
            widget.setAccessibleName(tr(key).replace("&", ""))
            layout.addWidget(label)
            layout.addWidget(widget, stretch)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

    def add_row(self, threat: str = "", likelihood: int = 3, impact: int = 3) -> int:
        """Append a risk row and return its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, COL_THREAT, QTableWidgetItem(threat))
        for column, value, name in ((COL_LIKELIHOOD, likelihood, "analyst-likelihood"), (COL_IMPACT, impact, "analyst-impact")):
            spin = QSpinBox(self.table)
            spin.setRange(1, 5)
            spin.setValue(value)
            spin.setAccessibleName(tr(name))
            self.table.setCellWidget(row, column, spin)
        return row

    @Slot()
    def _on_add(self) -> None:
        row = self.add_row()
        self.table.setCurrentCell(row, COL_THREAT)
        self.table.editItem(self.table.item(row, COL_THREAT))

    @Slot()
    def _on_remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _spin(self, row: int, column: int) -> int:
        widget = self.table.cellWidget(row, column)
        return widget.value() if isinstance(widget, QSpinBox) else 3

    def values(self) -> tuple[str, str, tuple[Any, ...]]:
        """(outlook, trend, risks) as the dialog shows them (see module contract)."""
        risks = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_THREAT)
            threat = item.text().strip() if item is not None else ""
            if threat:
                risks.append(operations.Risk(threat, self._spin(row, COL_LIKELIHOOD), self._spin(row, COL_IMPACT)))
        return self.outlook.toPlainText().strip(), str(self.trend.currentData() or ""), tuple(risks)

