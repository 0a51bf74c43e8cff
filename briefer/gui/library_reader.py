"""The Library's reader: a source's editable details above its full text, read-only and selectable.

Contract: `show(detail)` fills the details and the text (through a `TextMap`, so selections are
source offsets: `selection()` returns `(start, end)` in `full_text`, or None); `select(start, end)`
selects a passage of the source and scrolls to it. Stored quotations are tinted in the text.
`quote_requested`/`figure_requested` are emitted by the buttons and the text's context menu,
enabled only while text is selected; `details_saved(fields)` carries the edited details.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.i18n import tr
from briefer.gui.library_text import TextMap
from briefer.gui.widgets import heading, set_role

QUOTE_TINT = "#fff3c4"
PRECISIONS = {1: "lib-precision-year", 2: "lib-precision-month", 3: "lib-precision-day"}


class Reader(QWidget):
    quote_requested = Signal()
    figure_requested = Signal()
    details_saved = Signal(object)  # dict of source fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: Any = None
        self.map = TextMap("")
        self.title_label = heading(self, "title", elided=True)
        self._build_details()
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("libraryText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.text.selectionChanged.connect(self._update_buttons)
        self.no_text = QLabel(self)
        self.no_text.setWordWrap(True)
        set_role(self.no_text, "muted")
        self.quote_button = self._button("libraryAddQuotation", self.quote_requested)
        self.figure_button = self._button("libraryAddFigure", self.figure_requested)
        bar = QHBoxLayout()
        bar.addWidget(self.text_label)
        bar.addStretch(1)
        bar.addWidget(self.quote_button)
        bar.addWidget(self.figure_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addLayout(self.form)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.no_text)
        self.editable = True
        self._update_buttons()

    def _build_details(self) -> None:
        self.form = QFormLayout()
        self.fields: dict[str, Any] = {}
        self.labels: dict[str, QLabel] = {}
        for key in ("title", "authors", "publisher", "published", "url", "language"):
            widget: Any = self._language_box() if key == "language" else QLineEdit(self)
            widget.setObjectName(f"source{key.title()}")
            self.labels[key] = QLabel(self)
            self.labels[key].setBuddy(widget)
            self.fields[key] = widget
        self.fields["protected"] = QCheckBox(self)
        self.fields["protected"].setObjectName("sourceProtected")
        self.precision = QLabel(self)
        set_role(self.precision, "muted")
        self.fields["published"].textChanged.connect(self._show_precision)
        self.save_details = QPushButton(self)
        self.save_details.setObjectName("librarySaveDetails")
        self.save_details.clicked.connect(self._save_details)
        date_row = QHBoxLayout()
        date_row.addWidget(self.fields["published"], 1)
        date_row.addWidget(self.precision)
        last_row = QHBoxLayout()
        last_row.addWidget(self.fields["language"])
        last_row.addStretch(1)
        last_row.addWidget(self.save_details)
        for key in ("title", "authors", "publisher"):
            self.form.addRow(self.labels[key], self.fields[key])
        self.form.addRow(self.labels["published"], date_row)
        self.form.addRow(self.labels["url"], self.fields["url"])
        self.form.addRow(self.labels["language"], last_row)
        self.form.addRow("", self.fields["protected"])
        self.text_label = QLabel(self)
        set_role(self.text_label, "section")

    def _language_box(self) -> QComboBox:
        box = QComboBox(self)
        box.setEditable(True)
        box.addItems(["en", "fr"])
        return box

    def _button(self, name: str, signal: Any) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(signal.emit)
        return button

    def retranslate(self) -> None:
        for key in self.labels:
            self.labels[key].setText(tr(f"lib-src-{key}"))
        self.fields["protected"].setText(tr("lib-src-protected-box"))
        self.fields["authors"].setPlaceholderText(tr("lib-authors-hint"))
        self.fields["published"].setPlaceholderText(tr("lib-date-hint"))
        self.save_details.setText(tr("lib-save-details"))
        self.quote_button.setText(tr("lib-add-quotation"))
        self.figure_button.setText(tr("lib-add-figure"))
        self.text_label.setText(tr("lib-text"))
        self.text_label.setToolTip(tr("lib-text-tip"))
        self.text.setToolTip(tr("lib-text-tip"))
        self.text.setAccessibleName(tr("lib-text-name"))
        self.no_text.setText(tr("lib-no-text"))
        self._show_precision()

    # Showing a source
    def show(self, detail: Any) -> None:  # type: ignore[override]
        """Fill the details and the text of `detail` (an operations.SourceDetail), or clear for None."""
        self.detail = detail
        source = detail.source if detail else None
        self.title_label.setText(source.title if source else "")
        values = {"title": source.title, "authors": "; ".join(source.authors), "publisher": source.publisher,
                  "published": source.published.iso if source.published else "", "url": source.url} \
            if source else dict.fromkeys(("title", "authors", "publisher", "published", "url"), "")
        for key, value in values.items():
            self.fields[key].setText(value)
        self.fields["language"].setCurrentText(source.language if source else "")
        self.fields["protected"].setChecked(bool(source and source.protected))
        full_text = detail.full_text if detail else ""
        if full_text != self.map.full_text:  # the same text keeps its scroll position and selection
            self.map = TextMap(full_text)
            self.text.setPlainText(self.map.display)
        self.text.setVisible(bool(self.map.full_text))
        self.no_text.setVisible(detail is not None and not self.map.full_text)
        self._tint(detail.spans if detail else ())
        self.set_editable(self.editable)

    def _tint(self, spans: Any) -> None:
        """Tint the passages already quoted."""
        tint = QTextCharFormat()
        tint.setBackground(QColor(QUOTE_TINT))
        marks = []
        for _, start, end in spans:
            mark = QTextEdit.ExtraSelection()
            mark.cursor, mark.format = self._cursor(start, end), tint  # type: ignore[misc]
            marks.append(mark)
        self.text.setExtraSelections(marks)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        has = self.detail is not None
        for widget in self.fields.values():
            widget.setEnabled(editable and has)
        self.save_details.setEnabled(editable and has)
        self._update_buttons()

    # Selections
    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.map.to_view(start))
        cursor.setPosition(self.map.to_view(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select(self, start: int, end: int) -> None:
        """Select `full_text[start:end]` in the view and show it."""
        self.text.setTextCursor(self._cursor(start, end))
        self.text.centerCursor()

    def selection(self) -> tuple[int, int] | None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.map.span(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if self.map.full_text[start:end].strip() else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.editable and self.selection() is not None
        self.quote_button.setEnabled(chosen)
        self.figure_button.setEnabled(chosen)

    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        menu = self.text.createStandardContextMenu()
        menu.addSeparator()
        for key, signal in (("lib-add-quotation", self.quote_requested), ("lib-add-figure", self.figure_requested)):
            action = menu.addAction(tr(key))
            action.setEnabled(self.quote_button.isEnabled())
            action.triggered.connect(signal.emit)
        menu.exec(self.text.mapToGlobal(point))
        menu.deleteLater()

    # Details
    @Slot()
    def _show_precision(self) -> None:
        text = self.fields["published"].text().strip()
        parts = len(text.split("-")) if text else 0
        self.precision.setText(tr(PRECISIONS[parts]) if parts in PRECISIONS else "")

    @Slot()
    def _save_details(self) -> None:
        f = self.fields
        authors = [a.strip() for a in f["authors"].text().split(";") if a.strip()]
        self.details_saved.emit({
            "title": f["title"].text().strip(), "authors": authors, "publisher": f["publisher"].text().strip(),
            "published": f["published"].text().strip() or None, "url": f["url"].text().strip(),
            "language": f["language"].currentText().strip() or "en", "protected": f["protected"].isChecked()})
