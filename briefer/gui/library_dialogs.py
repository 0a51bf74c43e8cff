"""The Library's capture dialogs: a quotation or a key figure, new (from a selection) or edited.

Contract: a dialog is filled from a `Passage` (new) or a stored `Quotation`/`Figure` (edit) and
emits `submitted(request)` — an `operations.QuotationRequest` or `FigureRequest` — when the user
presses Save; it stays open until the caller, once the store has taken the request, calls
`accept()`; a refusal (text not verbatim, bad number) is shown by the caller while the dialog keeps
what the user typed. Countries are typed as names or codes, comma-separated; topics are ticked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n, operations
from briefer.gui.i18n import tr
from briefer.gui.widgets import set_role

QUALIFIERS = ("", "over", "about", "nearly", "at least", "up to", "less than")


def country_text(isos: Sequence[str], names: dict[str, str]) -> str:
    """ISO3 codes as the names the user reads ("Mali, Niger")."""
    return ", ".join(names.get(iso, iso) for iso in isos)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class _CaptureDialog(QDialog):
    submitted = Signal(object)

    def __init__(self, title: str, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("lib-save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("lib-cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 460)

    def _row(self, key: str, widget: QWidget, name: str) -> Any:
        widget.setObjectName(name)
        label = QLabel(tr(key), self)
        label.setBuddy(widget)
        self.form.addRow(label, widget)
        return widget

    def _text_box(self, text: str, lines: int = 4) -> QPlainTextEdit:
        box = QPlainTextEdit(text, self)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
        return box

    def _locator_label(self, text: str) -> QLabel:
        label = QLabel(text or "—", self)
        set_role(label, "muted")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @Slot()
    def _submit(self) -> None:
        self.submitted.emit(self.request())

    def request(self) -> Any:  # pragma: no cover - each dialog has its own
        raise NotImplementedError


class QuotationDialog(_CaptureDialog):
    """Add (from a Passage) or edit (from a Quotation) one quotation."""

    def __init__(self, source_id: int, item: Any, topics: Sequence[Any], names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        editing = hasattr(item, "paraphrase")
        super().__init__(tr("lib-edit-quotation" if editing else "lib-add-quotation-title"), "quotationDialog", parent)
        self.source_id, self.quotation_id = source_id, item.id if editing else None
        self.text = self._row("lib-q-text", self._text_box(item.text, 5), "quotationText")
        self.speaker = self._row("lib-q-speaker", QLineEdit(item.speaker, self), "quotationSpeaker")
        self.countries = self._row("lib-q-countries", QLineEdit(country_text(item.countries, names), self),
                                   "quotationCountries")
        self.countries.setPlaceholderText(tr("lib-countries-hint"))
        self.topics = self._row("lib-q-topics", QListWidget(self), "quotationTopics")
        self.topics.setMaximumHeight(120)
        for topic in topics:
            entry = QListWidgetItem(topic.label(i18n.language()), self.topics)
            entry.setData(Qt.ItemDataRole.UserRole, topic.slug)
            entry.setCheckState(Qt.CheckState.Checked if topic.slug in item.topics else Qt.CheckState.Unchecked)
        self.paraphrase = self._row("lib-q-paraphrase-label", QCheckBox(tr("lib-q-paraphrase"), self),
                                    "quotationParaphrase")
        self.paraphrase.setChecked(bool(getattr(item, "paraphrase", False)))
        self.locator = self._row("lib-locator", self._locator_label(item.locator), "quotationLocator")
        self.text.setFocus()

    def request(self) -> Any:
        topics = tuple(self.topics.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.topics.count())
                       if self.topics.item(i).checkState() == Qt.CheckState.Checked)
        return operations.QuotationRequest(
            self.source_id, self.text.toPlainText().strip(), self.speaker.text().strip(),
            _split(self.countries.text()), topics, self.paraphrase.isChecked(), self.quotation_id)


class FigureDialog(_CaptureDialog):
    """Add (from a Passage) or edit (from a Figure) one key figure."""

    def __init__(self, source_id: int, item: Any, topics: Sequence[Any], names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        editing = hasattr(item, "label_fr")
        super().__init__(tr("lib-edit-figure" if editing else "lib-add-figure-title"), "figureDialog", parent)
        self.source_id, self.figure_id = source_id, item.id if editing else None
        value = "" if editing and item.value is None else (i18n.fmt_number(item.value) if editing else item.value)
        self.sentence = self._row("lib-f-sentence", self._text_box(item.sentence, 4), "figureSentence")
        self.value = self._row("lib-f-value", QLineEdit(value, self), "figureValue")
        self.unit = self._row("lib-f-unit", QLineEdit(item.unit, self), "figureUnit")
        self.qualifier = self._row("lib-f-qualifier", QComboBox(self), "figureQualifier")
        self.qualifier.setEditable(True)
        self.qualifier.addItems(QUALIFIERS)
        self.qualifier.setCurrentText(item.qualifier)
        self.label = self._row("lib-f-label", QLineEdit(item.label if editing else "", self), "figureLabel")
        self.label_fr = self._row("lib-f-label-fr", QLineEdit(item.label_fr if editing else "", self), "figureLabelFr")
        country = [item.country] if editing else list(item.countries[:1])
        self.country = self._row("lib-f-country", QLineEdit(country_text(country, names), self), "figureCountry")
        self.topic = self._row("lib-f-topic", QComboBox(self), "figureTopic")
        self.topic.addItem("—", "")
        for topic in topics:
            self.topic.addItem(topic.label(i18n.language()), topic.slug)
        wanted = item.topic if editing else (item.topics[0] if item.topics else "")
        self.topic.setCurrentIndex(max(0, self.topic.findData(wanted)))
        as_of = item.as_of.iso if editing and item.as_of else ""
        self.as_of = self._row("lib-f-as-of", QLineEdit(as_of, self), "figureAsOf")
        self.as_of.setPlaceholderText(tr("lib-date-hint"))
        self.locator = self._row("lib-locator", self._locator_label(item.locator), "figureLocator")
        self.label.setFocus()

    def request(self) -> Any:
        figure = operations.FigureInput(
            self.sentence.toPlainText().strip(), self.label.text().strip(), self.value.text().strip(),
            self.unit.text().strip(), self.qualifier.currentText().strip(), self.as_of.text().strip(),
            self.country.text().strip(), self.topic.currentData() or "", self.label_fr.text().strip())
        return operations.FigureRequest(self.source_id, figure, self.figure_id)
