"""Typed Qt table models for the preview: quotations and figures from sources (events: `event_model`).

Contracts (Vorta style):
- Each model names its columns with `COL_*` constants, replaces its content with `set_rows()`,
  answers `SORT_ROLE` with a value that sorts right (dates as ISO text, counts as numbers) and
  `SEARCH_ROLE` with the folded text a filter matches, on any column.
- `PickModel` (quotations, figures) adds a check box in `COL_INCLUDE` and an order. Until the user
  touches it, the first `default_count` rows (the core's ranking) are ticked; once touched, the
  user's ticks and order survive a new selection (ids met again keep their place).
  `picked()` is None while untouched ("the template's default"), else the ticked ids in order.
- `QuotationModel` is reorderable: `move()` and internal drag-and-drop permute rows while keeping
  persistent indexes (selection, current row) on the moved rows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from briefer.gui import i18n
from briefer.gui.i18n import tr

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
MIME_ROWS = "application/x-briefer-rows"
Index = QModelIndex | QPersistentModelIndex


def fold(text: str) -> str:
    """Lower case without accents: what filters compare."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class RowModel(QAbstractTableModel):
    """A table of immutable row objects; subclasses say how a cell reads (see module)."""

    HEADERS: ClassVar[tuple[str, ...]] = ()  # i18n keys, one per column
    NUMERIC: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._ranked: list[Any] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, number: int) -> Any:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col)
        if role == SORT_ROLE:
            return self.sort_key(row, col)
        if role == SEARCH_ROLE:
            return self.search_text(row)
        if role == ID_ROLE:
            return getattr(row, "id", index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        """Headers and cells follow the UI language: ask the views to read them again."""
        if self.HEADERS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    # Subclasses override these
    def display(self, row: Any, col: int) -> Any:
        return None

    def tooltip(self, row: Any, col: int) -> Any:
        return None

    def sort_key(self, row: Any, col: int) -> Any:
        value = self.display(row, col)
        return "" if value is None else value

    def search_text(self, row: Any) -> str:
        return ""


class PickModel(RowModel):
    """Rows the user ticks and orders (see module contract). Rows have an `id`."""

    COL_INCLUDE = 0
    REORDERABLE: ClassVar[bool] = False
    picks_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._checked: set[int] = set()
        self._default_count = 0
        self._touched = False
        self._memory_order: list[int] = []
        self._memory_checked: set[int] = set()

    # Content
    def set_rows(self, rows: Iterable[Any], default_count: int | None = None) -> None:  # type: ignore[override]
        """New candidates in ranked order; ticks and order follow the module contract."""
        self._ranked = list(rows)
        if default_count is not None:
            self._default_count = default_count
        self._arrange()

    def _arrange(self) -> None:
        rows = list(self._ranked)
        if self._touched:
            place = {rid: n for n, rid in enumerate(self._memory_order)}
            rows.sort(key=lambda r: place.get(r.id, len(place)))  # stable: new rows keep the ranking
            checked = {r.id for r in rows} & self._memory_checked
        else:
            checked = {r.id for r in rows[: self._default_count]}
        self.beginResetModel()
        self._rows, self._checked = rows, checked
        self.endResetModel()
        self.picks_changed.emit()

    def set_picks(self, ids: Sequence[int] | None) -> None:
        """Tick exactly `ids`, in this order, ahead of the others (None: back to the default)."""
        if ids is None:
            self.reset_picks()
            return
        self._touched = True
        self._memory_order = list(ids)
        self._memory_checked = set(ids)
        self._arrange()

    def reset_picks(self) -> None:
        """Back to the ranking and the template's default ticks."""
        self._touched = False
        self._memory_order, self._memory_checked = [], set()
        self._arrange()

    def picked(self) -> tuple[int, ...] | None:
        """None while untouched (the template's default), else the ticked ids in order."""
        return self.checked_ids() if self._touched else None

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(r.id for r in self._rows if r.id in self._checked)

    def is_checked(self, row: int) -> bool:
        return self._rows[row].id in self._checked

    @property
    def touched(self) -> bool:
        return self._touched

    # Qt
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.REORDERABLE else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_INCLUDE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if self.REORDERABLE:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == self.COL_INCLUDE:
            if 0 <= index.row() < len(self._rows):
                return Qt.CheckState.Checked if self.is_checked(index.row()) else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole and index.isValid() and index.column() == self.COL_INCLUDE:
            return tr("include")
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != self.COL_INCLUDE:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        self.set_checked(index.row(), state == Qt.CheckState.Checked.value)
        return True

    def set_checked(self, row: int, checked: bool) -> None:
        rid = self._rows[row].id
        (self._checked.add if checked else self._checked.discard)(rid)
        self._remember()
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
        self.picks_changed.emit()

    def move(self, row: int, to_row: int) -> int:
        """Move `row` to position `to_row` (clamped); returns where it landed."""
        if not 0 <= row < len(self._rows):
            return row
        to_row = max(0, min(to_row, len(self._rows) - 1))
        if to_row != row:
            order = list(range(len(self._rows)))
            order.insert(to_row, order.pop(row))
            self._permute(order)
        return to_row

    def move_rows(self, rows: Sequence[int], before: int) -> None:
        """Move `rows` (kept in their order) so they stand before row `before` (len = at the end)."""
        moving = sorted({r for r in rows if 0 <= r < len(self._rows)})
        if not moving:
            return
        rest = [r for r in range(len(self._rows)) if r not in moving]
        at = sum(1 for r in rest if r < before)
        self._permute(rest[:at] + moving + rest[at:])

    def _permute(self, order: list[int]) -> None:
        """New row n is old row order[n]; persistent indexes follow their rows."""
        self.layoutAboutToBeChanged.emit()
        new_of_old = {old: new for new, old in enumerate(order)}
        persistent = self.persistentIndexList()
        self._rows = [self._rows[old] for old in order]
        self.changePersistentIndexList(
            persistent, [self.index(new_of_old[p.row()], p.column()) if p.isValid() else QModelIndex()
                         for p in persistent])
        self.layoutChanged.emit()
        self._remember()
        self.picks_changed.emit()

    def _remember(self) -> None:
        """The user touched the picks: remember ticks and order, keeping ids of earlier selections."""
        current = [r.id for r in self._rows]
        ids = set(current)
        self._touched = True
        self._memory_order = current + [i for i in self._memory_order if i not in ids]
        self._memory_checked = self._checked | (self._memory_checked - ids)

    # Drag and drop (reorderable models only)
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_ROWS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME_ROWS, ",".join(map(str, rows)).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return self.REORDERABLE and data.hasFormat(MIME_ROWS) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        """Move the dragged rows; returns False so that the view does not also remove them."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(MIME_ROWS).data()).decode()
        rows = [int(r) for r in text.split(",") if r.strip().isdigit()]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        self.move_rows(rows, row)
        return False


class QuotationModel(PickModel):
    """Quotation candidates (operations.QuotationRow), best ranked first, reorderable."""

    COL_INCLUDE, COL_RANK, COL_TEXT, COL_SPEAKER, COL_SOURCE, COL_DATE = range(6)
    HEADERS = ("col-include", "col-rank", "col-quotation", "col-speaker", "col-source", "col-date")
    NUMERIC = frozenset({1})
    REORDERABLE = True

    def display(self, row: Any, col: int) -> Any:
        if col == self.COL_RANK:
            ids = self.checked_ids()
            return str(ids.index(row.id) + 1) if row.id in ids else ""
        if col == self.COL_TEXT:
            text = " ".join(row.text.split())
            return f"{text} {tr('paraphrase')}" if row.paraphrase else text
        if col == self.COL_DATE:
            return i18n.fmt_date(row.date, "medium")
        return (None, None, None, row.speaker, row.source, None)[col]

    def tooltip(self, row: Any, col: int) -> Any:
        if col in (self.COL_TEXT, self.COL_SOURCE, self.COL_SPEAKER):
            who = f"<br><i>— {escape(row.speaker)}</i>" if row.speaker else ""
            return f"<p>{escape(row.text)}{who}<br><small>{escape(row.source)}</small></p>"
        return None

    def sort_key(self, row: Any, col: int) -> Any:
        return row.date.isoformat() if col == self.COL_DATE and row.date else super().sort_key(row, col)

    def search_text(self, row: Any) -> str:
        return fold(f"{row.text} {row.speaker} {row.source}")


class FigureModel(PickModel):
    """Key figures published by sources (operations.FigureRow)."""

    COL_INCLUDE, COL_FIGURE, COL_VALUE, COL_AS_OF, COL_SOURCE, COL_SENTENCE = range(6)
    HEADERS = ("col-include", "col-figure", "col-value", "col-as-of", "col-source", "col-sentence")
    NUMERIC = frozenset({2})

    def display(self, row: Any, col: int) -> Any:
        if col == self.COL_VALUE:
            if row.value is None:
                return row.unit
            number = i18n.fmt_number(row.value)
            return " ".join(p for p in (row.qualifier, number, row.unit) if p)
        return (None, row.label, None, row.as_of, row.source, row.sentence)[col]

    def tooltip(self, row: Any, col: int) -> Any:
        return f"<p>{escape(row.sentence)}<br><small>{escape(row.source)}</small></p>" if row.sentence else None

    def sort_key(self, row: Any, col: int) -> Any:
        if col == self.COL_VALUE:
            return row.value if row.value is not None else -1.0
        return super().sort_key(row, col)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
