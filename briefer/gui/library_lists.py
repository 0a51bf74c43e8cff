"""The Library's lists: the sources, and a source's quotations, figures and suggested passages.

Contract: `SourceList.set_rows(rows, current)` shows `SourceSummary` rows, keeps `current` (an id)
selected when it is still listed (else the first row) and always emits `current_changed(id or None)`.
`ItemTabs.show(detail, names)` lists a `SourceDetail`'s quotations and figures; choosing one (or a
suggestion) emits `passage_chosen(start, end)` when it sits in the text; Edit and Delete (or F2 and
Delete) emit `edit_requested`/`delete_requested(kind, item)` for the current quotation or figure.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n
from briefer.gui.i18n import tr

ROW = Qt.ItemDataRole.UserRole
COLUMNS = ("lib-col-title", "lib-col-publisher", "lib-col-date", "lib-col-kind", "lib-col-quotations",
           "lib-col-figures")


class SourceList(QTreeWidget):
    current_changed = Signal(object)  # source id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySources")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setColumnCount(len(COLUMNS))
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 96), (2, 88), (3, 72), (4, 34), (5, 34)):
            self.setColumnWidth(column, width)
        self.currentItemChanged.connect(self._on_current)

    def retranslate(self) -> None:
        self.setHeaderLabels([tr(key) for key in COLUMNS])
        for column, key in ((4, "lib-tab-quotations"), (5, "lib-tab-figures")):
            self.headerItem().setToolTip(column, tr(key, n="…"))
        self.setAccessibleName(tr("lib-sources"))

    def set_rows(self, rows: Any, current: int | None) -> None:
        self.blockSignals(True)
        self.clear()
        chosen = None
        for row in rows:
            date = row.published.iso if row.published else ""
            item = QTreeWidgetItem(self, [row.title, row.publisher, date, row.kind, str(row.quotations),
                                          str(row.figures)])
            item.setData(0, ROW, row)
            item.setToolTip(0, row.title + ("" if row.has_text else "\n" + tr("lib-reference-only")))
            if row.id == current:
                chosen = item
        chosen = chosen or self.topLevelItem(0)
        if chosen is not None:
            self.setCurrentItem(chosen)
        self.blockSignals(False)
        self.current_changed.emit(chosen.data(0, ROW).id if chosen is not None else None)

    def current_row(self) -> Any:
        item = self.currentItem()
        return item.data(0, ROW) if item is not None else None

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_current(self, item: QTreeWidgetItem | None, _: Any) -> None:
        self.current_changed.emit(item.data(0, ROW).id if item is not None else None)


class ItemTabs(QWidget):
    passage_chosen = Signal(int, int)
    edit_requested = Signal(str, object)  # "quotation" | "figure", the Quotation or Figure
    delete_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("libraryItems")
        self.tabs.setUsesScrollButtons(False)
        self.quotations = self._list("libraryQuotations")
        self.figures = self._list("libraryFigures")
        self.suggestions = self._list("librarySuggestions")
        for widget in (self.quotations, self.figures, self.suggestions):
            self.tabs.addTab(widget, "")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("libraryEdit")
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("libraryDelete")
        self.delete_button.clicked.connect(self._delete)
        QShortcut(QKeySequence("F2"), self.tabs, self._edit, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Delete, self.tabs, self._delete,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.tabs.currentChanged.connect(self._update_buttons)
        self.spans: dict[int, tuple[int, int]] = {}
        self.editable = True
        self._update_buttons()

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        widget.currentItemChanged.connect(self._on_current)
        widget.itemActivated.connect(self._on_current)
        return widget

    def retranslate(self) -> None:
        for index, key in enumerate(("lib-tab-quotations", "lib-tab-figures", "lib-tab-suggestions")):
            widget = self.tabs.widget(index)
            self.tabs.setTabText(index, tr(key, n=widget.count()) if index < 2 else tr(key))
            widget.setAccessibleName(tr(key, n="").replace("()", "").replace("&", "").strip())
        self.edit_button.setText(tr("lib-edit"))
        self.delete_button.setText(tr("lib-delete"))

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self._update_buttons()

    def show(self, detail: Any, names: dict[str, str]) -> None:  # type: ignore[override]
        self.spans = {qid: (start, end) for qid, start, end in (detail.spans if detail else ())}
        self.quotations.clear()
        self.figures.clear()
        for q in detail.quotations if detail else ():
            who = f" — {q.speaker}" if q.speaker else ""
            self._add(self.quotations, f"{q.locator or '—'} · “{q.text}”{who}", ("quotation", q))
        for f in detail.figures if detail else ():
            value = i18n.fmt_number(f.value) if f.value is not None else "—"
            where = names.get(f.country, f.country)
            self._add(self.figures, f"{f.label}: {f.qualifier + ' ' if f.qualifier else ''}{value} {f.unit}"
                      f" · {where} · {f.locator or '—'}", ("figure", f))
        self.retranslate()
        self._update_buttons()

    def set_suggestions(self, found: Any) -> None:
        self.suggestions.clear()
        for s in found:
            kind = tr("lib-suggest-figure") if s.kind == "figure" else tr("lib-suggest-quotation")
            self._add(self.suggestions, f"{kind} · {s.locator} · {s.why}\n{s.text}", ("suggestion", s))

    @staticmethod
    def _add(widget: QListWidget, text: str, data: tuple[str, Any]) -> None:
        item = QListWidgetItem(text, widget)
        item.setData(ROW, data)
        item.setToolTip(text)

    def current(self) -> tuple[str, Any] | None:
        widget = self.tabs.currentWidget()
        item = widget.currentItem() if isinstance(widget, QListWidget) else None
        data = item.data(ROW) if item is not None else None
        return data if data is not None and data[0] != "suggestion" else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.editable and self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_current(self, item: QListWidgetItem | None, *_: Any) -> None:
        self._update_buttons()
        data = item.data(ROW) if item is not None else None
        if data is None:
            return
        kind, value = data
        span = (value.start, value.end) if kind == "suggestion" else self.spans.get(value.id) \
            if kind == "quotation" else None
        if span is not None:
            self.passage_chosen.emit(*span)

    @Slot()
    def _edit(self) -> None:
        if self.editable and (chosen := self.current()) is not None:
            self.edit_requested.emit(*chosen)

    @Slot()
    def _delete(self) -> None:
        if self.editable and (chosen := self.current()) is not None:
            self.delete_requested.emit(*chosen)
