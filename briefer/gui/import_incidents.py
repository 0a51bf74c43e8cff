"""The incident-log kind of the import wizard: the column-mapping form and the check page's preview.

Contract:
- `IncidentOptions` is an `OptionsForm` filled once on the worker with `operations.incident_setup`
  (the file's headings, the guessed mapping, the store's profiles). It offers, for each field of the
  core's `FIELDS`, a combo of the file's headings; a profile combo ("Guess from the headings" or a
  saved profile, preselected when one fits the file's headings) refills the combos and options;
  date order, default country, dataset name, and "Save this mapping as profile". It is complete
  once the date is mapped, the country is mapped or a default is chosen, and a profile to save has
  a name; `problem()` says what is missing. `options()` is what the "incidents" importer takes.
- `IncidentPreviewTable.show_rows(rows)` lists `operations.IncidentRowPreview`s (date, country,
  region, place, type, actors, deaths) and hides itself when there are none.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n
from briefer.gui.i18n import tr
from briefer.gui.import_kinds import FormContext, OptionsForm
from briefer.gui.widgets import set_role

REQUIRED = ("date",)
DATE_ORDERS = (("dmy", "imp-inc-dmy"), ("mdy", "imp-inc-mdy"))


class IncidentOptions(OptionsForm):
    """The column mapping of an incident log (see module contract)."""

    intro_key = "imp-options-incidents"
    wants_details = True
    details_op = "incident_setup"

    def __init__(self, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup: Any = None
        self.combos: dict[str, QComboBox] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(tr("imp-inc-reading"), self)
        self.status.setObjectName("importIncStatus")
        self.status.setWordWrap(True)
        set_role(self.status, "hint")
        outer.addWidget(self.status)
        top = self._layout_into(outer)
        self.profile = self._row(top, "imp-inc-profile", QComboBox(self), "importIncProfile")
        self.profile.addItem(tr("imp-inc-guess"), "")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.mapping_box = QWidget(self)
        self.mapping_box.setLayout(self.grid)
        self.mapping_scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_box)
        scroll.setObjectName("importIncMapping")
        outer.addWidget(scroll, 1)
        bottom = self._layout_into(outer)
        self.order = self._row(bottom, "imp-inc-order", QComboBox(self), "importIncOrder")
        for key, text in DATE_ORDERS:
            self.order.addItem(tr(text), key)
        self.country = self._row(bottom, "imp-inc-country", QComboBox(self), "importIncCountry")
        self.country.addItem(tr("imp-inc-no-country"), "")
        lang = i18n.language()
        for entry in sorted(context.countries, key=lambda e: e.country.name(lang)):
            self.country.addItem(entry.country.name(lang), entry.country.iso3)
        self.dataset = self._row(bottom, "imp-inc-dataset", QLineEdit(self), "importIncDataset")
        self.dataset.setPlaceholderText(tr("imp-inc-dataset-default"))
        self.save = QCheckBox(tr("imp-inc-save"), self)
        self.save.setObjectName("importIncSave")
        self.save_name = QLineEdit(self)
        self.save_name.setObjectName("importIncSaveName")
        self.save_name.setAccessibleName(tr("imp-inc-save-name"))
        self.save_name.setPlaceholderText(tr("imp-inc-save-name"))
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.save_name, 1)
        bottom.addRow(row)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("importIncProblem")
        set_role(self.problem_label, "hint")
        bottom.addRow(self.problem_label)
        self.profile.currentIndexChanged.connect(self._on_profile)
        for widget in (self.country, self.order):
            widget.currentIndexChanged.connect(self._changed)
        self.save.toggled.connect(self._changed)
        self.save_name.textChanged.connect(self._changed)
        self.setEnabled(False)

    def _layout_into(self, outer: QVBoxLayout) -> QFormLayout:
        form = QWidget(self)
        layout = QFormLayout(form)
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(form)
        return layout

    # Filling
    def fill(self, details: Any) -> None:
        """Build one combo per field from the file's headings; select the fitting profile."""
        self.setup = details
        for index, name in enumerate(details.fields):
            combo = QComboBox(self.mapping_box)
            combo.setObjectName(f"importIncField_{name}")
            combo.addItem("—", "")
            for heading in details.headings:
                combo.addItem(heading, heading)
            combo.setAccessibleName(tr(f"imp-inc-field-{name}"))
            label = QLabel(tr(f"imp-inc-field-{name}") + (" *" if name in REQUIRED else ""), self.mapping_box)
            label.setBuddy(combo)
            row, column = divmod(index, 2)
            self.grid.addWidget(label, row, column * 2)
            self.grid.addWidget(combo, row, column * 2 + 1)
            combo.currentIndexChanged.connect(self._changed)
            self.combos[name] = combo
        for column in (1, 3):
            self.grid.setColumnStretch(column, 1)
        for profile in details.profiles:
            self.profile.addItem(profile.name, profile.name)
        rows = (len(self.combos) + 1) // 2
        row_height = self.profile.sizeHint().height() + max(self.grid.verticalSpacing(), 6)
        self.mapping_scroll.setMinimumHeight(min(rows * row_height + 24, 330))
        self.status.setText(tr("imp-inc-read", n=len(details.headings)))
        self.setEnabled(True)
        self.profile.setCurrentIndex(max(self.profile.findData(details.matching), 0))
        self._on_profile(self.profile.currentIndex())

    def failed(self, message: str) -> None:
        self.status.setText(message)

    @Slot(int)
    def _on_profile(self, _: int) -> None:
        if self.setup is None:
            return
        name = self.profile.currentData() or ""
        chosen = next((p for p in self.setup.profiles if p.name == name), None)
        mapping = chosen.mapping if chosen is not None else self.setup.guessed
        for field, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(mapping.get(field, "")), 0))
        self.order.setCurrentIndex(max(self.order.findData(chosen.date_order if chosen else "dmy"), 0))
        self.country.setCurrentIndex(max(self.country.findData(chosen.country if chosen else ""), 0))
        self.dataset.setText(chosen.dataset if chosen else "")
        self.save_name.setText(name)
        self._changed()

    @Slot()
    def _changed(self, *_: Any) -> None:
        self.problem_label.setText(self.problem())
        self.changed.emit()

    # What the importer gets
    def mapping(self) -> dict[str, str]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData()}

    def problem(self) -> str:
        """What keeps the mapping from being used ("" when nothing does)."""
        mapping = self.mapping()
        if self.setup is None:
            return tr("imp-inc-reading")
        if "date" not in mapping:
            return tr("imp-inc-need-date")
        if "country" not in mapping and not self.country.currentData():
            return tr("imp-inc-need-country")
        if self.save.isChecked() and not self.save_name.text().strip():
            return tr("imp-inc-need-name")
        return ""

    def is_complete(self) -> bool:
        return not self.problem()

    def options(self) -> dict[str, Any]:
        return {"mapping": self.mapping(), "date_order": self.order.currentData() or "dmy",
                "country": self.country.currentData() or "", "dataset": self.dataset.text().strip(),
                "save_as": self.save_name.text().strip() if self.save.isChecked() else "",
                "profile": self.profile.currentData() or "", "organisation": self._chosen_organisation()}

    def _chosen_organisation(self) -> str:
        """The chosen profile's organisation (kept when the mapping is saved again)."""
        name = self.profile.currentData() or ""
        chosen = next((p for p in self.setup.profiles if p.name == name), None) if self.setup is not None else None
        return chosen.organisation if chosen is not None else ""


PREVIEW_COLUMNS = ("line", "date", "country", "region", "place", "type", "actors", "deaths")


class IncidentPreviewTable(QWidget):
    """The first rows of a log as the import reads them, under a heading (see module contract)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(tr("imp-inc-preview"), self)
        set_role(self.heading, "heading")
        self.table = QTableWidget(0, len(PREVIEW_COLUMNS), self)
        self.table.setObjectName("importIncPreview")
        self.table.setAccessibleName(tr("imp-inc-preview"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setHorizontalHeaderLabels([tr(f"imp-inc-col-{name}") for name in PREVIEW_COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self.hide()

    def show_rows(self, rows: Any) -> None:
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            for column, name in enumerate(PREVIEW_COLUMNS):
                self.table.setItem(row, column, QTableWidgetItem(str(getattr(entry, name))))
        self.setVisible(bool(rows))

    def texts(self) -> list[list[str]]:
        """The table's cells, row by row."""
        table = self.table
        return [[(item.text() if (item := table.item(r, c)) is not None else "") for c in range(table.columnCount())]
                for r in range(table.rowCount())]
