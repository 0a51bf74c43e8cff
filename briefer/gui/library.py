"""The Library window: the store's sources, a reader, and the quotations and figures taken from them.

Contract:
- Left, the sources (title, publisher, date, kind, quotations, figures), filtered as the user types
  (full-text search of titles, authors, publishers and texts); middle, the `Reader` of the current
  source; right, its quotations, figures and suggested passages (choosing one selects it in the text).
- Every read and write goes through the runner (`operations.library`); a write's `Change` is pushed
  on `undo_stack` already done, so Undo (Ctrl+Z) puts back its `before` and Redo (Ctrl+Shift+Z) its
  `after` — a deleted source comes back with the same ids, quotations, figures and links.
- After each change `changed` is emitted (the main window refreshes its preview) and the lists are
  read again. A read-only store disables every change. `set_store(info)` follows the main window
  to another store and forgets the undo history, which belongs to the store it was made on.
- The main window's Library menu (`library_menu.LibraryMenu`) makes the window on first use.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import dialogs, operations
from briefer.gui.i18n import tr
from briefer.gui.library_dialogs import FigureDialog, QuotationDialog
from briefer.gui.library_lists import ItemTabs, SourceList
from briefer.gui.library_reader import Reader
from briefer.gui.widgets import set_role


class ChangeCommand(QUndoCommand):
    """A change already made in the store: undo puts back `before`, redo `after`."""

    def __init__(self, library: LibraryWindow, change: Any, text: str) -> None:
        super().__init__(text)
        self.library, self.change, self._first = library, change, True

    def redo(self) -> None:
        if self._first:  # pushed after the store took the change
            self._first = False
            return
        self.library.put(self.change.kind, self.change.id, self.change.after)

    def undo(self) -> None:
        self.library.put(self.change.kind, self.change.id, self.change.before)


class LibraryWindow(QDialog):
    changed = Signal()

    def __init__(self, runner: Any, info: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.runner = runner
        self.info = info
        self.current_id: int | None = None
        self._suggested_for: int | None = None
        self._writing = 0  # writes sent to the worker and not answered yet
        self.dialog: QDialog | None = None
        self.undo_stack = QUndoStack(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)
        self.sources = SourceList(self)
        self.sources.current_changed.connect(self._on_current_source)
        self.delete_source_button = self._button("libraryDeleteSource", self._delete_source)
        self.reader = Reader(self)
        self.reader.quote_requested.connect(self._add_quotation)
        self.reader.figure_requested.connect(self._add_figure)
        self.reader.details_saved.connect(self._save_details)
        self.items = ItemTabs(self)
        self.items.passage_chosen.connect(self.reader.select)
        self.items.edit_requested.connect(self._edit_item)
        self.items.delete_requested.connect(self._delete_item)
        self.read_only_note = QLabel(self)
        self.read_only_note.setWordWrap(True)
        set_role(self.read_only_note, "hint")
        self._build_layout()
        self.retranslate()
        self.resize(1280, 760)
        self.set_store(info)

    def _button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.undo_stack.redo)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            self.addAction(action)
        self.undo_stack.indexChanged.connect(self._update_undo)
        top = QHBoxLayout()
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        for action, name in ((self.undo_action, "libraryUndo"), (self.redo_action, "libraryRedo")):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            top.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sources, 1)
        left_layout.addWidget(self.delete_source_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("librarySplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (left, self.reader, self.items):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 500, 330])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.splitter, 1)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("lib-title"))
        self.search_label.setText(tr("lib-search"))
        self.search.setPlaceholderText(tr("lib-search-hint"))
        self.delete_source_button.setText(tr("lib-delete-source"))
        self.undo_action.setText(tr("lib-undo"))
        self.redo_action.setText(tr("lib-redo"))
        self._update_undo()
        self.read_only_note.setText(tr("lib-read-only"))
        self.sources.retranslate()
        self.reader.retranslate()
        self.items.retranslate()

    @Slot()
    def _update_undo(self) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo() and not self._writing)
        self.redo_action.setEnabled(stack.canRedo() and not self._writing)
        self.undo_action.setToolTip(tr("lib-undo-tip", what=stack.undoText()) if stack.canUndo() else "")
        self.redo_action.setToolTip(tr("lib-redo-tip", what=stack.redoText()) if stack.canRedo() else "")

    # The store
    def set_store(self, info: Any) -> None:
        """Show `info`'s store; the undo history of the previous one is dropped."""
        self.info = info
        self.undo_stack.clear()
        self.current_id = self._suggested_for = None
        self.read_only_note.setVisible(info.read_only)
        self.reader.set_editable(not info.read_only)
        self.items.set_editable(not info.read_only)
        self.delete_source_button.setEnabled(False)  # until the sources are listed
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.runner.submit("library-list", operations.list_sources, self.search.text(), self._on_sources,
                           self._on_failed)

    def _on_sources(self, rows: Any) -> None:
        self.sources.set_rows(rows, self.current_id)  # emits current_changed
        self.delete_source_button.setEnabled(bool(rows) and not self.info.read_only)

    @Slot(object)
    def _on_current_source(self, source_id: Any) -> None:
        """Read the current source again (after every list refresh), and its suggestions when it changed."""
        self.current_id = source_id
        if source_id is None:
            self.runner.invalidate("library-detail")
            self._show_detail(None)
            self.items.set_suggestions(())
        else:
            self.runner.submit("library-detail", operations.source_detail, source_id, self._show_detail,
                               self._on_failed)
        if source_id is not None and source_id != self._suggested_for:
            self.runner.submit("library-suggest", operations.suggestions, source_id, self.items.set_suggestions,
                               self._on_failed)
        self._suggested_for = source_id

    def _show_detail(self, detail: Any) -> None:
        self.reader.show(detail)
        self.items.show(detail, self._country_names())

    def _country_names(self) -> dict[str, str]:
        from briefer.gui import i18n

        lang = i18n.language()
        return {e.country.iso3: (e.country.name_fr if lang == "fr" else e.country.name_en) for e in self.info.countries}

    # Capture
    @Slot()
    def _add_quotation(self) -> None:
        self._ask_passage(QuotationDialog)

    @Slot()
    def _add_figure(self) -> None:
        self._ask_passage(FigureDialog)

    def _ask_passage(self, kind: Any) -> None:
        span = self.reader.selection()
        if span is None or self.current_id is None:
            return
        request = operations.PassageRequest(self.current_id, *span)
        self.runner.submit("library-passage", operations.passage, request,
                           lambda found: self._open_dialog(kind(found.source_id, found, self.info.topics,
                                                                self._country_names(), self)),
                           self._on_failed)

    def _open_dialog(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.submitted.connect(self._save)
        dialog.open()

    @Slot(object)
    def _save(self, request: Any) -> None:
        dialog = self.dialog
        quotation = isinstance(request, operations.QuotationRequest)
        op = operations.save_quotation if quotation else operations.save_figure
        new = (request.quotation_id if quotation else request.figure_id) is None
        key = ("lib-cmd-add-" if new else "lib-cmd-edit-") + ("quotation" if quotation else "figure")

        def done(change: Any) -> None:
            if dialog is not None:
                dialog.accept()
            self._record(change, tr(key))

        self._submit_write(op, request, done, dialog)

    # Edit and delete
    @Slot(str, object)
    def _edit_item(self, kind: str, item: Any) -> None:
        cls = QuotationDialog if kind == "quotation" else FigureDialog
        self._open_dialog(cls(item.source_id, item, self.info.topics, self._country_names(), self))

    @Slot(str, object)
    def _delete_item(self, kind: str, item: Any) -> None:
        what = item.text if kind == "quotation" else item.label
        if dialogs.confirm(self, tr("lib-delete-title"), tr(f"lib-delete-{kind}", what=_short(what))):
            self._write(operations.delete_item, (kind, item.id), tr(f"lib-cmd-delete-{kind}"))

    @Slot()
    def _delete_source(self) -> None:
        row = self.sources.current_row()
        if row is None:
            return
        message = tr("lib-delete-source-confirm", title=_short(row.title), quotations=row.quotations,
                     figures=row.figures)
        if dialogs.confirm(self, tr("lib-delete-title"), message):
            self._write(operations.delete_item, ("source", row.id), tr("lib-cmd-delete-source"))

    @Slot(object)
    def _save_details(self, fields: dict[str, Any]) -> None:
        if self.current_id is not None:
            self._write(operations.save_source, operations.SourceEdit(self.current_id, fields),
                        tr("lib-cmd-edit-source"))

    def _write(self, op: Any, arg: Any, text: str) -> None:
        self._submit_write(op, arg, lambda change: self._record(change, text), self)

    def _submit_write(self, op: Any, arg: Any, on_done: Any, parent: QWidget | None) -> None:
        """Run a write; Undo and Redo wait until it is done, so they never pass it by."""
        self._writing += 1
        self._update_undo()

        def done(result: Any) -> None:
            self._settle()
            on_done(result)

        def failed(exc: BaseException, details: str) -> None:
            self._settle()
            dialogs.show_failure(parent, tr("lib-error"), exc, details)

        self.runner.submit(None, op, arg, done, failed)

    def _settle(self) -> None:
        self._writing -= 1
        self._update_undo()

    def _record(self, change: Any, text: str) -> None:
        self.undo_stack.push(ChangeCommand(self, change, text))
        self._after_change(change.kind, change.id, change.after is not None)

    # Undo and redo
    def put(self, kind: str, row_id: int, snapshot: Any) -> None:
        """Make the store hold `snapshot` for `kind`/`row_id` (one step of undo or redo)."""
        request = operations.SnapshotRequest(kind, row_id, snapshot)
        self._submit_write(operations.put_snapshot, request,
                           lambda done: self._after_change(kind, row_id, snapshot is not None), self)

    def _after_change(self, kind: str, row_id: int, present: bool) -> None:
        """Read the lists again (a restored source becomes the current one) and tell the main window."""
        if kind == "source":
            self.current_id = row_id if present else None
        self.reload()
        self.changed.emit()

    # Errors
    def _on_failed(self, exc: BaseException, details: str) -> None:
        dialogs.show_failure(self, tr("lib-error"), exc, details)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
