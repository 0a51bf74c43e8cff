"""The table tabs of the preview: quotations (pick and order), figures from sources, events.

Contracts:
- `QuotationsView` (table object name quotationTable): tick to include, reorder by drag-and-drop,
  the Move up/down buttons or Alt+Up/Alt+Down. Its full-text filter emits `search_wanted(text)`
  (debounced); `set_matches(ids)` hides the other rows (None shows all). Moving while filtered
  jumps over hidden rows. The full text of the current quotation shows under the table.
- `FiguresView` (sourceFigureTable): tick the figures to print.
- `EventsView` (eventTable): sortable by any column, filtered on any text as you type.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n
from briefer.gui.event_model import EventModel
from briefer.gui.i18n import tr
from briefer.gui.models import ID_ROLE, FigureModel, QuotationModel
from briefer.gui.style import DetailLabel, soft_selection
from briefer.gui.widgets import heading

SEARCH_DELAY_MS = 200


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setHighlightSections(False)
    soft_selection(table)
    return table


def toggle_on_space(table: QTableView, model: Any) -> None:
    """Space ticks or unticks the current row, whichever cell of it has the focus."""
    def toggle() -> None:
        index = table.currentIndex()
        if index.isValid():
            model.set_checked(index.row(), not model.is_checked(index.row()))
    QShortcut(QKeySequence(Qt.Key.Key_Space), table, toggle, context=Qt.ShortcutContext.WidgetShortcut)


def _resize(table: QTableView, modes: dict[int, QHeaderView.ResizeMode], widths: dict[int, int]) -> None:
    header = table.horizontalHeader()
    header.setMinimumSectionSize(28)
    for column, mode in modes.items():
        header.setSectionResizeMode(column, mode)
    for column, width in widths.items():
        header.resizeSection(column, width)


class QuotationsView(QWidget):
    search_wanted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuotationModel(self)
        self._matches: frozenset[int] | None = None
        self.filter = QLineEdit(self)
        self.filter.setObjectName("quotationFilter")
        self.filter.setClearButtonEnabled(True)
        self.count = heading(self, "muted")
        self.table = _table(self, "quotationTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        m = QuotationModel
        _resize(self.table, {m.COL_INCLUDE: QHeaderView.ResizeMode.Fixed, m.COL_RANK: QHeaderView.ResizeMode.Fixed,
                             m.COL_TEXT: QHeaderView.ResizeMode.Stretch, m.COL_DATE: QHeaderView.ResizeMode.Fixed},
                {m.COL_INCLUDE: 30, m.COL_RANK: 30, m.COL_SPEAKER: 110, m.COL_SOURCE: 140, m.COL_DATE: 88})
        self.up = QPushButton(self)
        self.down = QPushButton(self)
        self.reset = QPushButton(self)
        for button, name in ((self.up, "quotationUp"), (self.down, "quotationDown"), (self.reset, "quotationReset")):
            button.setObjectName(name)
        self.detail = DetailLabel(self)
        self.detail.setObjectName("quotationDetail")
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.hint = heading(self, "hint")
        self.hint.setWordWrap(True)
        self._layout()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit_search)
        self.filter.textChanged.connect(self._timer.start)
        self.up.clicked.connect(self.move_up)
        self.down.clicked.connect(self.move_down)
        self.reset.clicked.connect(self.model.reset_picks)
        for keys, slot in (("Alt+Up", self.move_up), ("Alt+Down", self.move_down)):
            QShortcut(QKeySequence(keys), self.table, slot, context=Qt.ShortcutContext.WidgetShortcut)
        toggle_on_space(self.table, self.model)
        self.model.picks_changed.connect(self._update_count)
        self.model.modelReset.connect(self._apply_matches)
        self.model.layoutChanged.connect(self._apply_matches)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        for button in (self.up, self.down):
            bottom.addWidget(button)
        bottom.addSpacing(8)
        bottom.addWidget(self.reset)
        bottom.addSpacing(8)
        bottom.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)

    def set_rows(self, rows: Any, default_count: int) -> None:
        current = self.table.currentIndex().data(ID_ROLE)
        self.model.set_rows(rows, default_count)
        if self.filter.text().strip():
            self._emit_search()
        ids = [r.id for r in self.model.rows()]
        if ids:
            row = ids.index(current) if current in ids else 0
            self.table.setCurrentIndex(self.model.index(row, QuotationModel.COL_TEXT))
        self._show_detail(self.table.currentIndex())

    def set_matches(self, ids: frozenset[int] | None) -> None:
        self._matches = ids
        self._apply_matches()

    @Slot()
    def _apply_matches(self) -> None:
        for row, item in enumerate(self.model.rows()):
            self.table.setRowHidden(row, self._matches is not None and item.id not in self._matches)
        self._update_count()

    @Slot()
    def _emit_search(self) -> None:
        text = self.filter.text().strip()
        if not text:
            self.set_matches(None)
        self.search_wanted.emit(text)

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        """Move the current row past its next visible neighbour in direction `step`."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row, target = index.row(), index.row() + step
        while 0 <= target < self.model.rowCount() and self.table.isRowHidden(target):
            target += step
        if 0 <= target < self.model.rowCount():
            self.model.move(row, target)
            self.table.scrollTo(self.table.currentIndex())

    @Slot(QModelIndex)
    def _show_detail(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.detail.setText("")
            return
        row = self.model.row(index.row())
        who = f" — <i>{_esc(row.speaker)}</i>" if row.speaker else ""
        day = f", {i18n.fmt_date(row.date)}" if row.date else ""
        self.detail.setText(f"{_esc(row.text)}{who}<br><span style='color:#5d6b7a'>{_esc(row.source)}{day}</span>")

    @Slot()
    def _update_count(self) -> None:
        total = self.model.rowCount()
        self.count.setText(tr("q-count", n=len(self.model.checked_ids()), total=total) if total else tr("q-none"))
        has_rows = total > 0
        for button in (self.up, self.down, self.reset):
            button.setEnabled(has_rows)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(tr("q-filter"))
        self.filter.setAccessibleName(tr("q-filter-name"))
        self.table.setAccessibleName(tr("q-table"))
        self.up.setText(tr("q-up"))
        self.down.setText(tr("q-down"))
        self.reset.setText(tr("q-reset"))
        self.reset.setToolTip(tr("q-reset-tip"))
        for button in (self.up, self.down, self.reset):
            button.setAccessibleName(button.text().replace("&", ""))
        self.hint.setText(tr("q-hint"))
        self.model.retranslate()
        self._update_count()
        self._show_detail(self.table.currentIndex())


class FiguresView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FigureModel(self)
        self.count = heading(self, "muted")
        self.hint = heading(self, "hint")
        self.hint.setWordWrap(True)
        self.table = _table(self, "sourceFigureTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        m = FigureModel
        _resize(self.table, {m.COL_INCLUDE: QHeaderView.ResizeMode.Fixed, m.COL_FIGURE: QHeaderView.ResizeMode.Stretch},
                {m.COL_INCLUDE: 30, m.COL_VALUE: 130, m.COL_AS_OF: 80, m.COL_SOURCE: 170})
        self.table.setColumnHidden(m.COL_SENTENCE, True)
        toggle_on_space(self.table, self.model)
        self.detail = DetailLabel(self)
        self.detail.setObjectName("figureDetail")
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.model.picks_changed.connect(self._update_count)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.retranslate()

    def set_rows(self, rows: Any, default_count: int) -> None:
        self.model.set_rows(rows, default_count)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, FigureModel.COL_FIGURE))
        self._show_detail(self.table.currentIndex())

    @Slot(QModelIndex)
    def _show_detail(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.detail.setText("")
            return
        row = self.model.row(index.row())
        day = f", {row.as_of}" if row.as_of else ""
        self.detail.setText(f"{_esc(row.sentence or row.label)}<br>"
                            f"<span style='color:#5d6b7a'>{_esc(row.source)}{day}</span>")

    @Slot()
    def _update_count(self) -> None:
        total = self.model.rowCount()
        self.count.setText(tr("f-count", n=len(self.model.checked_ids()), total=total) if total else tr("f-none"))

    def retranslate(self) -> None:
        self.hint.setText(tr("f-hint"))
        self.table.setAccessibleName(tr("f-table"))
        self.model.retranslate()
        self._update_count()


class EventsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventModel(self)
        self.total = 0
        self.filter = QLineEdit(self)
        self.filter.setObjectName("eventFilter")
        self.filter.setClearButtonEnabled(True)
        self.count = heading(self, "muted")
        self.table = _table(self, "eventTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EventModel.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        m = EventModel
        _resize(self.table, {m.COL_NOTES: QHeaderView.ResizeMode.Stretch},
                {m.COL_DATE: 88, m.COL_COUNTRY: 96, m.COL_ADMIN1: 110, m.COL_LOCATION: 110, m.COL_TYPE: 150,
                 m.COL_SUBTYPE: 150, m.COL_ACTORS: 200, m.COL_FATALITIES: 70})
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(self._timer.start)
        self.retranslate()

    def set_events(self, event_list: Any, country_names: dict[str, str], total: int) -> None:
        self.model.set_country_names(country_names)
        self.model.set_rows(event_list.rows)
        self.total = total
        self._update_count()

    def show_loading(self) -> None:
        self.model.set_rows([])
        self.count.setText(tr("preview-loading"))

    def clear(self) -> None:
        self.model.set_rows([])
        self.total = 0
        self._update_count()

    @Slot()
    def _apply_filter(self) -> None:
        self.model.set_filter(self.filter.text())
        self._update_count()

    def _update_count(self) -> None:
        shown, listed = self.model.rowCount(), self.model.listed()
        text = tr("e-count", shown=i18n.fmt_int(shown), total=i18n.fmt_int(self.total))
        if listed < self.total:
            text += " " + tr("e-limit", limit=i18n.fmt_int(listed))
        self.count.setText(text)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(tr("e-filter"))
        self.filter.setAccessibleName(tr("e-filter-name"))
        self.table.setAccessibleName(tr("e-table"))
        self.model.retranslate()
        self._update_count()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
