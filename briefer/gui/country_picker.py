"""The country picker: type to search (English or French names, ISO codes, aliases), tick several.

Contract: object name countryPicker; `changed` fires when the ticked countries change; `chosen()`
returns their ISO3 codes in the order they were ticked. Enter in the search box ticks the best
match and clears the box; Down moves into the list; Space or a click anywhere on a row ticks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n
from briefer.gui.i18n import tr
from briefer.gui.list_models import EVENTS_ROLE, CountryModel, Index
from briefer.gui.models import ID_ROLE, SEARCH_ROLE, fold
from briefer.gui.style import PaddedDelegate, soft_selection
from briefer.gui.widgets import set_role


class CountryDelegate(PaddedDelegate):
    """Draws the event count at the right; a click or Space anywhere on the row ticks it."""

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        events = index.data(EVENTS_ROLE) or 0
        if events:
            painter.save()
            painter.setPen(option.palette.placeholderText().color())
            rect = option.rect.adjusted(0, 0, -8, 0)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             tr("country-events", n=i18n.fmt_int(events)))
            painter.restore()

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: Index) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            model.setData(index, _flipped(index), Qt.ItemDataRole.CheckStateRole)
            return True
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return kind == QEvent.Type.MouseButtonDblClick
        if kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):  # type: ignore[attr-defined]
            model.setData(index, _flipped(index), Qt.ItemDataRole.CheckStateRole)
            return True
        return False


def _flipped(index: Index) -> Qt.CheckState:
    checked = index.data(Qt.ItemDataRole.CheckStateRole) in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
    return Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked


class CountryPicker(QWidget):
    """Type to search (English or French names, ISO codes, aliases); tick one or several."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countryPicker")
        self.model = CountryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.search = QLineEdit(self)
        self.search.setObjectName("countrySearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.list = QListView(self)
        self.list.setObjectName("countryList")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(CountryDelegate(self.list))
        soft_selection(self.list)
        self.list.setUniformItemSizes(True)
        self.chosen_label = QLabel(self)
        self.chosen_label.setWordWrap(True)
        self.clear_button = QPushButton(self)
        set_role(self.clear_button, "link")
        self.clear_button.setObjectName("countryClear")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.chosen_label, 1)
        row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.setFocusProxy(self.search)
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self._tick_first_match)
        self.clear_button.clicked.connect(self._clear)
        self.model.chosen_changed.connect(self._on_chosen)
        self.retranslate()

    def set_countries(self, entries: Sequence[Any], aliases: dict[str, Sequence[str]]) -> None:
        self.model.set_countries(entries, {k: list(v) for k, v in aliases.items()})
        self._update_label()

    def chosen(self) -> tuple[str, ...]:
        return self.model.chosen()

    def set_chosen(self, codes: Sequence[str]) -> None:
        self.model.set_chosen(codes)

    def names(self, lang: str | None = None) -> list[str]:
        return self.model.names(lang=lang)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("countries-search"))
        self.search.setAccessibleName(tr("countries-search"))
        self.list.setAccessibleName(tr("countries-list"))
        self.clear_button.setText(tr("countries-clear"))
        self.clear_button.setToolTip(tr("countries-clear-tip"))
        self.clear_button.setAccessibleName(tr("countries-clear-tip"))
        self.setAccessibleName(tr("countries").replace("&", ""))
        self.model.retranslate()
        self._update_label()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        """Down arrow in the search box moves into the list."""
        is_down = (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                   and event.key() == Qt.Key.Key_Down)
        if watched is self.search and is_down and self.proxy.rowCount():
            self.list.setFocus()
            self.list.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(fold(text.strip()))
        if self.proxy.rowCount():
            self.list.scrollToTop()

    @Slot()
    def _tick_first_match(self) -> None:
        """Enter in the search box ticks the best match and clears the search for the next name."""
        if self.search.text().strip() and self.proxy.rowCount():
            code = self.proxy.index(0, 0).data(ID_ROLE)
            if code not in self.model.chosen():
                self.model.set_chosen([*self.model.chosen(), code])
            self.search.clear()

    @Slot()
    def _clear(self) -> None:
        self.model.set_chosen([])
        self.search.setFocus()

    @Slot()
    def _on_chosen(self) -> None:
        self._update_label()
        self.changed.emit()

    def _update_label(self) -> None:
        names = self.model.names()
        self.chosen_label.setText(i18n.join_names(names) if names else tr("countries-none"))
        set_role(self.chosen_label, "title" if names else "muted")
        self.clear_button.setVisible(bool(names))
