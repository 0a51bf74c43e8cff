"""The kinds of file the Import menu offers, each a small table entry, and their option forms.

Contract: `KINDS` lists the kinds in menu order; a `Kind` names the operations' importer (`key`),
its menu text, its name, its file-dialog filter (all `strings` keys) and an optional form factory
`form(context, parent) -> OptionsForm`. A form is a widget whose `options()` is the dict handed
to the importer; `wants_details` forms are filled once with what the file says (the result of
`operations.<details_op>(path)`, e.g. `DocumentDetails`); `is_complete()` gates the Next button
and `changed` says it may have changed. Adding a kind (the incident log) is one `Kind(...)` line here,
its strings, and one importer in `operations.imports.IMPORTERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from briefer.gui import i18n
from briefer.gui.i18n import tr
from briefer.gui.widgets import set_role

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True)
class FormContext:
    """What option forms may need from the window: the store's countries and the current one."""

    countries: Sequence[Any] = ()  # operations.CountryEntry, most events first
    current_country: str = ""


class OptionsForm(QWidget):
    """A kind's options (see module contract); the base has none."""

    changed = Signal()  # is_complete() may have changed
    intro_key = ""
    wants_details = False
    details_op = "document_details"  # the operation that reads what `fill` gets

    def options(self) -> dict[str, Any]:
        return {}

    def fill(self, details: Any) -> None:
        """Prefill with what the file says (only for `wants_details` forms)."""

    def failed(self, message: str) -> None:
        """The file could not be read for `fill`: say why."""
        status = getattr(self, "status", None)
        if isinstance(status, QLabel):
            status.setText(message)

    def is_complete(self) -> bool:
        """Whether the wizard may go on to the check."""
        return True

    def _layout(self) -> QFormLayout:
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        return layout

    def _row(self, layout: QFormLayout, key: str, field: W, name: str) -> W:
        label = QLabel(tr(key), self)
        label.setBuddy(field)
        field.setObjectName(name)
        field.setAccessibleName(tr(key).replace("&", ""))
        layout.addRow(label, field)
        return field


class EventOptions(OptionsForm):
    """ACLED and UCDP: the day the data was downloaded (today by default)."""

    intro_key = "imp-options-events"

    def __init__(self, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accessed = QDateEdit(QDate.currentDate(), self)
        self.accessed.setCalendarPopup(True)
        self.accessed.setDisplayFormat(i18n.short_date_format())
        self.accessed.setMaximumDate(QDate.currentDate())
        self._row(self._layout(), "imp-accessed", self.accessed, "importAccessed")

    def options(self) -> dict[str, Any]:
        return {"accessed": i18n.pydate(self.accessed.date())}


class DocumentOptions(OptionsForm):
    """A document's title, authors, publisher, date, URL and language, prefilled from the file."""

    intro_key = "imp-options-document"
    wants_details = True
    FIELDS = (("title", "imp-doc-title"), ("authors", "imp-doc-authors"), ("publisher", "imp-doc-publisher"),
              ("date", "imp-doc-date"), ("url", "imp-doc-url"))

    def __init__(self, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = self._layout()
        self.status = QLabel(tr("imp-doc-reading"), self)
        self.status.setObjectName("importDocStatus")
        set_role(self.status, "hint")
        layout.addRow(self.status)
        self.edits: dict[str, QLineEdit] = {}
        for name, key in self.FIELDS:
            self.edits[name] = self._row(layout, key, QLineEdit(self), f"importDoc{name.title()}")
        self.language = QComboBox(self)
        self.language.setEditable(True)
        self.language.addItems(["", "en", "fr"])
        self._row(layout, "imp-doc-language", self.language, "importDocLanguage")

    def fill(self, details: Any) -> None:
        values = {"title": details.title, "authors": "; ".join(details.authors), "publisher": details.publisher,
                  "date": details.date, "url": details.url}
        for name, value in values.items():
            self.edits[name].setText(value)
            self.edits[name].setCursorPosition(0)
        self.language.setCurrentText(details.language)
        self.status.setText(tr("imp-doc-read-as", format=details.file_format))

    def options(self) -> dict[str, Any]:
        text = {name: edit.text().strip() for name, edit in self.edits.items()}
        authors = tuple(a.strip() for a in text.pop("authors").split(";") if a.strip())
        return {**text, "authors": authors, "language": self.language.currentText().strip()}


class BoundaryOptions(OptionsForm):
    """Region outlines: the country they belong to (the current selection's first country by default)."""

    intro_key = "imp-options-boundaries"

    def __init__(self, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.country = QComboBox(self)
        lang = i18n.language()
        for entry in sorted(context.countries, key=lambda e: e.country.name(lang)):
            self.country.addItem(entry.country.name(lang), entry.country.iso3)
        self.country.setCurrentIndex(max(self.country.findData(context.current_country), 0))
        self._row(self._layout(), "imp-country", self.country, "importCountry")

    def options(self) -> dict[str, Any]:
        return {"country": self.country.currentData() or ""}


FormFactory = Callable[[FormContext, QWidget], OptionsForm]


def _incident_form(context: FormContext, parent: QWidget) -> OptionsForm:
    from briefer.gui.import_incidents import IncidentOptions

    return IncidentOptions(context, parent)


@dataclass(frozen=True)
class Kind:
    """One kind of import (see module contract)."""

    key: str
    action: str
    name: str
    filter: str
    form: FormFactory | None = None


KINDS: tuple[Kind, ...] = (
    Kind("acled", "imp-act-acled", "imp-kind-acled", "imp-filter-events", EventOptions),
    Kind("ucdp", "imp-act-ucdp", "imp-kind-ucdp", "imp-filter-events", EventOptions),
    Kind("incidents", "imp-act-incidents", "imp-kind-incidents", "imp-filter-incidents", _incident_form),
    Kind("document", "imp-act-document", "imp-kind-document", "imp-filter-document", DocumentOptions),
    Kind("references", "imp-act-references", "imp-kind-references", "imp-filter-references"),
    Kind("boundaries", "imp-act-boundaries", "imp-kind-boundaries", "imp-filter-boundaries", BoundaryOptions),
)


def kind(key: str) -> Kind:
    """The kind called `key` (KeyError for an unknown one)."""
    for entry in KINDS:
        if entry.key == key:
            return entry
    raise KeyError(key)
