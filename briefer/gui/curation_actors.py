"""The "Actor names" tab of the curation dialog: the alias table, its edit form, the frequent names.

Contract: `ActorsTab(write)` shows a `CurationState` (`show_state`). Choosing an alias fills the form
(editing it: saving under another name in the data replaces it); double-clicking a frequent name
puts it in the form as a new alias. Save, Remove and "Restore built-in list" call
`write(op, arg)` with `operations.save_alias`/`remove_alias`/`restore_builtin_aliases`; the dialog
runs it and shows the state again. `set_writable(False)` disables every change.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n, operations
from briefer.gui.i18n import tr
from briefer.gui.widgets import set_role

Write = Callable[[Any, Any], None]


def make_table(parent: QWidget, name: str, columns: int, stretch: int) -> QTableWidget:
    """A read-only table choosing whole rows, column `stretch` taking the spare width."""
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return table


def cell(table: QTableWidget, row: int, column: int) -> str:
    """The text of a cell ("" when empty)."""
    item = table.item(row, column)
    return item.text() if item is not None else ""


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


def folded(text: str) -> str:
    """Lower case without accents, for filtering names as typed."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()


def labelled(parent: QWidget, layout: QFormLayout, field: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setBuddy(field)
    field.setObjectName(name)
    layout.addRow(label, field)
    return label


class ActorsTab(QWidget):
    """Aliases with their form, and the store's most frequent actor names (see module contract)."""

    def __init__(self, write: Write, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.write = write
        self.state: Any = None
        self.editing = ""  # the alias the form edits ("" for a new one)
        self.aliases_label = QLabel(self)
        set_role(self.aliases_label, "heading")
        self.aliases = make_table(self, "curationAliases", 4, 3)
        self.aliases.itemSelectionChanged.connect(self._on_alias)
        self.alias, self.actor, self.note = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.form = form = QFormLayout()
        self.labels = [labelled(self, form, field, name) for field, name in
                       ((self.alias, "curationAlias"), (self.actor, "curationActor"), (self.note, "curationNote"))]
        self.save_button = self._button("curationSaveAlias", self._save)
        self.new_button = self._button("curationNewAlias", self.new_alias)
        self.remove_button = self._button("curationRemoveAlias", self._remove)
        self.builtin_button = self._button("curationBuiltin", self._builtin)
        for field in (self.alias, self.actor):
            field.textChanged.connect(self._update_buttons)
        self.frequent_label = QLabel(self)
        self.frequent_label.setWordWrap(True)
        set_role(self.frequent_label, "heading")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("curationFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._show_frequent)
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.filter)
        self.frequent = make_table(self, "curationFrequent", 3, 0)
        self.frequent.cellDoubleClicked.connect(self._use_frequent)
        self._build()
        self.writable = True
        self._update_buttons()

    def _button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.aliases_label)
        column.addWidget(self.aliases, 1)
        column.addLayout(self.form)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.new_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.builtin_button)
        column.addLayout(buttons)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.frequent_label)
        row = QHBoxLayout()
        row.addWidget(self.filter_label)
        row.addWidget(self.filter, 1)
        side.addLayout(row)
        side.addWidget(self.frequent, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def retranslate(self) -> None:
        self.aliases_label.setText(tr("cur-aliases"))
        self.aliases.setHorizontalHeaderLabels([tr(k) for k in ("cur-col-alias", "cur-col-actor", "cur-col-origin",
                                                                "cur-col-note")])
        self.aliases.setAccessibleName(tr("cur-aliases"))
        for label, key in zip(self.labels, ("cur-alias", "cur-actor", "cur-note"), strict=True):
            label.setText(tr(key))
            label.buddy().setAccessibleName(tr(key).replace("&", ""))
        for button, key in ((self.save_button, "cur-save-alias"), (self.new_button, "cur-new-alias"),
                            (self.remove_button, "cur-remove-alias"), (self.builtin_button, "cur-builtin")):
            button.setText(tr(key))
        self.builtin_button.setToolTip(tr("cur-builtin-tip"))
        self.frequent_label.setText(tr("cur-frequent"))
        self.filter_label.setText(tr("cur-filter"))
        self.filter.setAccessibleName(tr("cur-filter").replace("&", ""))
        self.frequent.setHorizontalHeaderLabels([tr(k) for k in ("cur-col-name", "cur-col-shown", "cur-col-events")])
        self.frequent.setAccessibleName(tr("cur-frequent"))
        if self.state is not None:
            self.show_state(self.state)

    # Showing
    def show_state(self, state: Any) -> None:
        self.state = state
        origin = {"builtin": tr("cur-origin-builtin"), "user": tr("cur-origin-user")}
        fill_table(self.aliases, [(a.alias, a.actor, origin.get(a.origin, a.origin), a.note) for a in state.aliases])
        for column, widest in enumerate((200, 200, 90)):
            self.aliases.resizeColumnToContents(column)
            self.aliases.setColumnWidth(column, min(self.aliases.columnWidth(column), widest))
        self._show_frequent()
        self._select_alias(self.editing)
        self._update_buttons()

    @Slot()
    def _show_frequent(self, *_: Any) -> None:
        if self.state is None:
            return
        wanted = folded(self.filter.text())
        rows = [(a.name, a.shown if a.shown != a.name else "", i18n.fmt_int(a.events)) for a in self.state.actors
                if wanted in folded(a.name)]
        fill_table(self.frequent, rows)
        self.frequent.resizeColumnToContents(2)

    def frequent_names(self) -> list[str]:
        return [cell(self.frequent, r, 0) for r in range(self.frequent.rowCount())]

    def alias_rows(self) -> list[tuple[str, ...]]:
        table = self.aliases
        return [tuple(cell(table, r, c) for c in range(4)) for r in range(table.rowCount())]

    # The form
    def _select_alias(self, alias: str) -> None:
        for row in range(self.aliases.rowCount()):
            if alias and cell(self.aliases, row, 0) == alias:
                self.aliases.selectRow(row)
                return
        self.aliases.clearSelection()

    @Slot()
    def _on_alias(self) -> None:
        rows = self.aliases.selectionModel().selectedRows()
        if not rows or self.state is None:
            return
        entry = self.state.aliases[rows[0].row()]
        self.editing = entry.alias
        for field, text in ((self.alias, entry.alias), (self.actor, entry.actor), (self.note, entry.note)):
            field.setText(text)
        self._update_buttons()

    @Slot()
    def new_alias(self, name: str = "") -> None:
        self.editing = ""
        self.aliases.clearSelection()
        for field, text in ((self.alias, name), (self.actor, ""), (self.note, "")):
            field.setText(text)
        (self.actor if name else self.alias).setFocus()
        self._update_buttons()

    @Slot(int, int)
    def _use_frequent(self, row: int, _: int) -> None:
        self.new_alias(cell(self.frequent, row, 0))

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_: Any) -> None:
        ready = bool(self.alias.text().strip() and self.actor.text().strip())
        self.save_button.setEnabled(self.writable and ready)
        self.remove_button.setEnabled(self.writable and bool(self.editing))
        self.builtin_button.setEnabled(self.writable)
        for field in (self.alias, self.actor, self.note):
            field.setReadOnly(not self.writable)

    # Changes
    @Slot()
    def _save(self) -> None:
        edit = operations.AliasEdit(self.alias.text().strip(), self.actor.text().strip(), self.note.text().strip(),
                                    self.editing)
        self.editing = edit.alias
        self.write(operations.save_alias, edit)

    @Slot()
    def _remove(self) -> None:
        alias, self.editing = self.editing, ""
        self.new_alias()
        self.write(operations.remove_alias, alias)

    @Slot()
    def _builtin(self) -> None:
        self.write(operations.restore_builtin_aliases, None)
