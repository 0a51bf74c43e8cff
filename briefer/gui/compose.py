"""The compose panel: template, language, cover texts, handling marking, citation style, PDF password, redaction,
key messages, sections.

Contract: `options(quotation_ids, figure_ids)` returns the core `BriefingOptions` for what the
panel shows (empty title and subtitle mean "automatic"; sections None while they are the
template's); `apply(template, options)` shows a saved composition. `preview_changed` fires when a
choice that changes the preview (template, language) changes. The export button has the object
name exportButton.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import dialogs, i18n, operations, style
from briefer.gui.i18n import tr
from briefer.gui.widgets import RoundedFrame, clear_layout, heading, set_role

CITATION_STYLES = ("numbered", "author-date")  # the house styles; a CSL file is the third kind
CSL_CHOICE = "csl"  # the entry that asks for a CSL file


def _swatch(colour: str) -> QIcon:
    """The TLP colour as printed: a coloured dot on black."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#111111"))
    painter.drawRoundedRect(0, 1, 16, 14, 3, 3)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(4, 4, 8, 8)
    painter.end()
    return QIcon(pixmap)


class ComposePanel(RoundedFrame):
    preview_changed = Signal()
    export_clicked = Signal()
    save_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("panel", parent)
        self.setObjectName("composePanel")
        self._templates: dict[str, Any] = {}
        self._sections: tuple[str, ...] = ()
        self._default_title = self._default_subtitle = ""
        self.title_label = heading(self)
        self.template = QComboBox(self)
        self.template.setObjectName("templatePicker")
        self.language = QComboBox(self)
        self.language.setObjectName("languagePicker")
        for lang in operations.LANGUAGES:
            self.language.addItem("", lang)
        self.title = self._line("titleEdit")
        self.subtitle = self._line("subtitleEdit")
        self.author = self._line("authorEdit")
        self.organisation = self._line("organisationEdit")
        self.issued = QDateEdit(self)
        self.issued.setObjectName("issuedEdit")
        self.issued.setCalendarPopup(True)
        self.issued.setDate(QDate.currentDate())
        self.marking = QComboBox(self)
        self.marking.setObjectName("markingPicker")
        for marking in operations.MARKINGS:
            self.marking.addItem(_swatch(style.TLP.get(marking, "#ffffff")), "", marking)
        self.marking.setCurrentIndex(max(self.marking.findData(operations.BriefingOptions().marking), 0))
        self.password = self._line("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.redact = QCheckBox(self)
        self.redact.setObjectName("redactBox")
        self.citations = QComboBox(self)  # the template's style, or one chosen for this briefing
        self.citations.setObjectName("citationPicker")
        for citation_style in ("", *CITATION_STYLES, CSL_CHOICE):
            self.citations.addItem("", citation_style)
        for combo in (self.template, self.language, self.marking, self.citations):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.messages = QPlainTextEdit(self)
        self.messages.setObjectName("keyMessages")
        self.messages.setTabChangesFocus(True)
        self.messages.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.section_boxes: dict[str, QCheckBox] = {}
        self.section_grid = QGridLayout()
        self.section_grid.setHorizontalSpacing(10)
        self.section_grid.setVerticalSpacing(3)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportButton")
        set_role(self.export_button, "primary")
        self.export_button.setDefault(False)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveButton")
        self.analyst_button = QPushButton(self)  # cite5: outlook, overall trend, risk matrix
        self.analyst_button.setObjectName("analystButton")
        self.analyst: tuple[str, str, tuple[Any, ...]] = ("", "", ())
        self.labels: dict[str, QLabel] = {}
        self._layout()
        self.template.currentIndexChanged.connect(self._on_template)
        self.language.currentIndexChanged.connect(self.preview_changed)
        self.export_button.clicked.connect(self.export_clicked)
        self.save_button.clicked.connect(self.save_clicked)
        self.analyst_button.clicked.connect(self._on_analyst)
        self.citations.activated.connect(self._on_citations)
        self.retranslate()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setClearButtonEnabled(True)
        return edit

    def _layout(self) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(8)
        for key, widget in (("c-template", self.template), ("c-language", self.language), ("c-title", self.title),
                            ("c-subtitle", self.subtitle), ("c-author", self.author),
                            ("c-organisation", self.organisation), ("c-issued", self.issued),
                            ("c-marking", self.marking), ("c-citations", self.citations),
                            ("c-password", self.password)):
            label = QLabel(self)
            label.setBuddy(widget)
            self.labels[key] = label
            form.addRow(label, widget)
        form.addRow("", self.redact)
        messages_label = heading(self, "heading")
        messages_label.setBuddy(self.messages)
        self.labels["c-messages"] = messages_label
        sections_label = heading(self, "heading")
        self.labels["c-sections"] = sections_label
        inner = QWidget(self)
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 6, 0)
        body.setSpacing(6)
        body.addLayout(form)
        body.addSpacing(4)
        body.addWidget(messages_label)
        body.addWidget(self.messages)
        body.addWidget(self.analyst_button)
        body.addSpacing(4)
        body.addWidget(sections_label)
        body.addLayout(self.section_grid)
        body.addStretch(1)
        scroll = QScrollArea(self)
        self.scroll = scroll
        self.inner = inner
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        inner.installEventFilter(self)  # its layout grows (sections, translations): widen the panel
        scroll.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 8, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # Content
    def set_templates(self, templates: Sequence[Any], sections: Sequence[str]) -> None:
        """The store's templates and every known section; keeps the current template if it still exists."""
        current = self.template_name()
        self._templates = {t.name: t for t in templates}
        self._sections = tuple(sections)
        self.template.blockSignals(True)
        self.template.clear()
        for template in templates:
            self.template.addItem(template.name, template.name)
        index = self.template.findData(current)
        self.template.setCurrentIndex(index if index >= 0 else self.template.findData("country-brief"))
        self.template.blockSignals(False)
        self._build_sections()
        self._on_template_texts()

    def _build_sections(self) -> None:
        clear_layout(self.section_grid)
        self.section_boxes = {}
        chosen = self._template_sections()
        rows = (len(self._sections) + 1) // 2
        for n, name in enumerate(self._sections):  # column by column, in the PDF's order
            box = QCheckBox(self)
            box.setObjectName(f"section-{name}")
            box.setChecked(name in chosen)
            self.section_boxes[name] = box
            self.section_grid.addWidget(box, n % rows, n // rows)
        chain = [self.messages, self.analyst_button, *self.section_boxes.values(), self.save_button, self.export_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._section_texts()
        self._fit_width()

    def _template_sections(self) -> tuple[str, ...]:
        template = self._templates.get(self.template_name())
        return tuple(template.sections) if template else self._sections

    def template_name(self) -> str:
        return str(self.template.currentData() or "country-brief")

    def language_code(self) -> str:
        return str(self.language.currentData() or "en")

    def set_language(self, lang: str) -> None:
        index = self.language.findData(lang)
        if index >= 0:
            self.language.setCurrentIndex(index)

    def set_defaults(self, title: str, subtitle: str) -> None:
        """The automatic title and subtitle, shown as placeholders."""
        self._default_title, self._default_subtitle = title, subtitle
        self.title.setPlaceholderText(tr("c-default", text=title) if title else "")
        self.subtitle.setPlaceholderText(tr("c-default", text=subtitle) if subtitle else "")

    def options(self, quotation_ids: Sequence[int] | None = None,
                figure_ids: Sequence[int] | None = None) -> Any:
        """BriefingOptions for the panel's content and the picked quotations and figures."""
        order = dict.fromkeys([*self._template_sections(), *self._sections])  # the template's order first (depth5)
        sections = tuple(name for name in order if self.section_boxes.get(name) and
                         self.section_boxes[name].isChecked())
        default = tuple(s for s in self._template_sections() if s in self._sections)
        messages = tuple(line.strip() for line in self.messages.toPlainText().splitlines() if line.strip())
        return operations.BriefingOptions(
            title=self.title.text().strip(), subtitle=self.subtitle.text().strip(),
            author=self.author.text().strip(), organisation=self.organisation.text().strip(),
            issued=i18n.pydate(self.issued.date()), marking=str(self.marking.currentData()),
            language=self.language_code(),  # type: ignore[arg-type]
            quotation_ids=tuple(quotation_ids) if quotation_ids is not None else None,  # type: ignore[arg-type]
            figure_ids=tuple(figure_ids) if figure_ids is not None else None,  # type: ignore[arg-type]
            key_messages=messages, sections=None if sections == default else sections,
            redact=self.redact.isChecked(), citation_style=self.citation_style(),
            outlook=self.analyst[0], overall_trend=self.analyst[1], risks=self.analyst[2],
        )

    def citation_style(self) -> str:
        """The chosen citation style: "" for the template's, "numbered", "author-date" or the path of a CSL file."""
        style = str(self.citations.currentData() or "")
        return "" if style == CSL_CHOICE else style

    def set_citation_style(self, style: str) -> None:
        """Show `style` (a CSL file path gets its own entry, named after the file)."""
        if style and style not in CITATION_STYLES:
            index = self.citations.findData(style)
            if index < 0:
                self.citations.insertItem(self.citations.count() - 1, tr("c-cite-file", name=Path(style).name), style)
                index = self.citations.findData(style)
            self.citations.setCurrentIndex(index)
            return
        self.citations.setCurrentIndex(max(self.citations.findData(style), 0))

    @Slot(int)
    def _on_citations(self, index: int) -> None:
        """The entry "CSL style file…" asks for the file; cancelling goes back to the template's style."""
        if self.citations.itemData(index) != CSL_CHOICE:
            return
        path = dialogs.ask_open_path(self.window(), tr("c-cite-csl-title"), Path.home(), tr("c-cite-csl-filter"))
        self.set_citation_style(str(path) if path else "")

    def pdf_password(self) -> str | None:
        """The password to encrypt the exported PDF with; None when the field is empty.
        Never part of the options, so never saved with a briefing."""
        return self.password.text() or None

    def apply(self, template: str, options: Any) -> None:
        """Show a saved composition (the date of issue becomes today when the recipe has none)."""
        self.blockSignals(True)
        try:
            index = self.template.findData(template)
            if index >= 0:
                self.template.setCurrentIndex(index)
            self.set_language(options.language)
            self.title.setText(options.title)
            self.subtitle.setText(options.subtitle)
            self.author.setText(options.author)
            self.organisation.setText(options.organisation)
            self.issued.setDate(i18n.qdate(options.issued or dt.date.today()))
            self.marking.setCurrentIndex(max(self.marking.findData(options.marking), 0))
            self.redact.setChecked(options.redact)
            self.set_citation_style(options.citation_style)
            self.messages.setPlainText("\n".join(options.key_messages))
            self.analyst = (options.outlook, options.overall_trend, tuple(options.risks))
            self._analyst_texts()
            chosen = options.sections if options.sections is not None else self._template_sections()
            for name, box in self.section_boxes.items():
                box.setChecked(name in chosen)
        finally:
            self.blockSignals(False)

    @Slot()
    def _on_analyst(self) -> None:
        """Edit the analyst input in its dialog; kept (and saved with the briefing) on OK."""
        from briefer.gui.analyst_dialog import AnalystDialog

        dialog = AnalystDialog(self.window(), *self.analyst)
        if dialog.exec() == AnalystDialog.DialogCode.Accepted:
            self.analyst = dialog.values()
            self._analyst_texts()
        dialog.deleteLater()

    def _analyst_texts(self) -> None:
        self.analyst_button.setText(tr("analyst-button"))
        self.analyst_button.setAccessibleName(tr("analyst-button").replace("&", ""))
        self.analyst_button.setToolTip(f"{tr('analyst-tip')}\n{analyst_summary(self.analyst[1], self.analyst[2])}")

    @Slot(int)
    def _on_template(self, _: int) -> None:
        chosen = self._template_sections()
        for name, box in self.section_boxes.items():
            box.setChecked(name in chosen)
        self._on_template_texts()
        self.preview_changed.emit()

    def _on_template_texts(self) -> None:
        template = self._templates.get(self.template_name())
        text = template.description(i18n.language()) if template else ""
        self.template.setToolTip(text)
        self.template.setAccessibleDescription(text)

    def _section_texts(self) -> None:
        for name, box in self.section_boxes.items():
            key = f"section-{name}"
            box.setText(tr(key) if _known(key) else name.replace("-", " ").capitalize())

    def retranslate(self) -> None:
        self.title_label.setText(tr("compose"))
        for key, label in self.labels.items():
            label.setText(tr(key))
        for key, widget in (("c-template", self.template), ("c-language", self.language), ("c-title", self.title),
                            ("c-subtitle", self.subtitle), ("c-author", self.author),
                            ("c-organisation", self.organisation), ("c-issued", self.issued),
                            ("c-marking", self.marking), ("c-messages", self.messages),
                            ("c-citations", self.citations),
                            ("c-password", self.password), ("c-redact", self.redact)):
            widget.setAccessibleName(tr(key).replace("&", ""))
        for row in range(self.language.count()):
            self.language.setItemText(row, tr(f"lang-{self.language.itemData(row)}"))
        for row in range(self.marking.count()):
            self.marking.setItemText(row, tr(f"tlp-{self.marking.itemData(row)}"))
        for row in range(self.citations.count()):
            data = str(self.citations.itemData(row) or "")
            text = (tr(f"c-cite-{data or 'template'}") if data in ("", *CITATION_STYLES, CSL_CHOICE)
                    else tr("c-cite-file", name=Path(data).name))
            self.citations.setItemText(row, text)
        self.messages.setPlaceholderText(tr("c-messages-hint"))
        self.password.setPlaceholderText(tr("c-password-hint"))
        self.password.setToolTip(tr("c-password-tip"))
        self.redact.setText(tr("c-redact"))
        self.redact.setToolTip(tr("c-redact-tip"))
        self.issued.setDisplayFormat(i18n.short_date_format())
        self.issued.setLocale(i18n.locale())
        self.export_button.setText(tr("export-button"))
        self.export_button.setToolTip(tr("export-tip"))
        self.export_button.setAccessibleName(tr("export-button").replace("&", ""))
        self.save_button.setText(tr("save-button"))
        self.save_button.setToolTip(tr("save-tip"))
        self.save_button.setAccessibleName(tr("save-tip"))
        self._analyst_texts()
        self._section_texts()
        self._on_template_texts()
        self.set_defaults(self._default_title, self._default_subtitle)
        self._fit_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.inner and event.type() == QEvent.Type.LayoutRequest:
            self._fit_width()
        return super().eventFilter(watched, event)

    def _fit_width(self) -> None:
        """Never narrower than the form (its labels change length with the language), with room for
        the vertical scroll bar the form gets on a short screen."""
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(self.inner.minimumSizeHint().width() + margins.left() + margins.right() + bar + 8)


def _known(key: str) -> bool:
    from briefer.gui.strings import STRINGS

    return key in STRINGS


def analyst_summary(trend: str, risks: Sequence[Any]) -> str:
    """"3 risk(s), trend: Deteriorated ↓" for the analyst button's tooltip (the dialog loads on first use)."""
    return tr("analyst-summary", risks=len(risks), trend=tr(f"overall-{trend or 'none'}"))
