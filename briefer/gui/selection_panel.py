"""The selection panel: countries, period and topic — what the briefing is about.

Contract: `SelectionPanel.changed` fires after any user change (countries ticked, preset or date
edited, topic chosen); `countries()`, `period()`, `topic()` and `preset()` read the current choice
and `apply(...)` sets it without firing `changed` for each part. Object names: countryPicker,
periodFrom, periodTo, topicPicker. Presets end on the newest data of the store (`set_newest`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n, operations
from briefer.gui.country_picker import CountryPicker
from briefer.gui.i18n import tr
from briefer.gui.list_models import TopicModel
from briefer.gui.models import ID_ROLE
from briefer.gui.style import PaddedDelegate, soft_selection
from briefer.gui.widgets import RoundedFrame, heading, set_role

CUSTOM = "custom"
DEFAULT_PRESET = "last-90-days"


class PeriodPicker(QWidget):
    """Preset periods anchored on the newest data, or a custom range with calendars."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._newest = dt.date.today()
        self.preset_box = QComboBox(self)
        self.preset_box.setObjectName("periodPreset")
        for name in (*operations.PRESETS, CUSTOM):
            self.preset_box.addItem("", name)
        self.preset_box.setCurrentIndex(self.preset_box.findData(DEFAULT_PRESET))
        self.date_from = self._date_edit("periodFrom")
        self.date_to = self._date_edit("periodTo")
        self.from_label = QLabel(self)
        self.from_label.setBuddy(self.date_from)
        self.to_label = QLabel(self)
        self.to_label.setBuddy(self.date_to)
        self.hint = QLabel(self)
        set_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        for label in (self.from_label, self.to_label):
            set_role(label, "hint")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.preset_box, 0, 0, 1, 2)
        grid.addWidget(self.from_label, 1, 0)
        grid.addWidget(self.to_label, 1, 1)
        grid.addWidget(self.date_from, 2, 0)
        grid.addWidget(self.date_to, 2, 1)
        grid.addWidget(self.hint, 3, 0, 1, 2)
        grid.setRowMinimumHeight(1, 18)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.setFocusProxy(self.preset_box)
        self.preset_box.currentIndexChanged.connect(self._on_preset)
        self.date_from.dateChanged.connect(self._on_date)
        self.date_to.dateChanged.connect(self._on_date)
        self.retranslate()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setMinimumWidth(100)
        return edit

    def preset(self) -> str:
        return str(self.preset_box.currentData())

    def period(self) -> tuple[dt.date, dt.date]:
        return i18n.pydate(self.date_from.date()), i18n.pydate(self.date_to.date())

    def set_newest(self, newest: dt.date | None) -> None:
        """Anchor presets on `newest` (today when the store holds no events) and re-apply the preset."""
        self._newest = newest or dt.date.today()
        if self.preset() != CUSTOM:
            self._apply_preset(self.preset())
        self._update_hint()

    def apply(self, preset: str, start: dt.date | None, end: dt.date | None) -> None:
        """Set a preset (dates computed) or a custom range, without signalling."""
        self.blockSignals(True)
        try:
            index = self.preset_box.findData(preset if preset in (*operations.PRESETS, CUSTOM) else CUSTOM)
            self.preset_box.setCurrentIndex(max(index, 0))
            if self.preset() == CUSTOM and start and end:
                self._set_dates(start, end)
            else:
                self._apply_preset(self.preset())
        finally:
            self.blockSignals(False)
        self._update_hint()

    def retranslate(self) -> None:
        for row in range(self.preset_box.count()):
            self.preset_box.setItemText(row, tr(f"preset-{self.preset_box.itemData(row)}"))
        self.preset_box.setAccessibleName(tr("period-preset"))
        self.from_label.setText(tr("period-from"))
        self.to_label.setText(tr("period-to"))
        fmt = i18n.short_date_format()
        for edit, name in ((self.date_from, "period-from-name"), (self.date_to, "period-to-name")):
            edit.setDisplayFormat(fmt)
            edit.setLocale(i18n.locale())
            edit.calendarWidget().setLocale(i18n.locale())
            edit.setAccessibleName(tr(name))
        self._update_hint()

    @Slot(int)
    def _on_preset(self, _: int) -> None:
        if self.preset() != CUSTOM:
            self._apply_preset(self.preset())
            self._update_hint()
            self.changed.emit()

    @Slot()
    def _on_date(self) -> None:
        start, end = self.period()
        if start > end:  # keep a valid range: the other end follows
            other = self.date_to if self.sender() is self.date_from else self.date_from
            other.blockSignals(True)
            other.setDate(self.sender().date())  # type: ignore[attr-defined]
            other.blockSignals(False)
        if self.preset() != CUSTOM:
            self.preset_box.blockSignals(True)
            self.preset_box.setCurrentIndex(self.preset_box.findData(CUSTOM))
            self.preset_box.blockSignals(False)
        self._update_hint()
        self.changed.emit()

    def _apply_preset(self, name: str) -> None:
        period = operations.period_preset(name, self._newest)
        self._set_dates(period.start, period.end)

    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(i18n.qdate(day))
            edit.blockSignals(False)

    def _update_hint(self) -> None:
        start, end = self.period()
        days = tr("period-days", n=i18n.fmt_int((end - start).days + 1))
        self.hint.setText(f"{days} · {tr('period-newest', date=i18n.fmt_date(self._newest, 'medium'))}")
        self.hint.setToolTip(tr("period-newest-tip"))


class TopicPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TopicModel(self)
        self.list = QListView(self)
        self.list.setObjectName("topicPicker")
        self.list.setModel(self.model)
        self.list.setItemDelegate(PaddedDelegate(self.list))
        soft_selection(self.list)
        self.list.setUniformItemSizes(True)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setObjectName("topicDescription")
        set_role(self.description, "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        self.setFocusProxy(self.list)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.retranslate()

    def set_topics(self, topics: Sequence[Any]) -> None:
        current = self.topic()
        self.model.set_topics(topics)
        self.set_topic(current or (topics[0].slug if topics else ""), signal=False)

    def topic(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else ""

    def set_topic(self, slug: str, signal: bool = False) -> None:
        row = self.model.row_of(slug)
        if row < 0 and self.model.rowCount():
            row = 0
        self.blockSignals(not signal)
        try:
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row))
        finally:
            self.blockSignals(False)
        self._update_description()

    def retranslate(self) -> None:
        self.list.setAccessibleName(tr("topic-list"))
        self.model.retranslate()
        self._update_description()

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_description()
        if current.isValid() and current.row() != previous.row():
            self.changed.emit()

    def _update_description(self) -> None:
        index = self.list.currentIndex()
        text = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else ""
        self.description.setText(text or "")
        self.list.setAccessibleDescription(text or "")


class SelectionPanel(RoundedFrame):
    """Countries, period and topic in one panel (see module contract)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("panel", parent)
        self.setObjectName("selectionPanel")
        self.title = heading(self)
        self.country_picker = CountryPicker(self)
        self.period_picker = PeriodPicker(self)
        self.topic_picker = TopicPicker(self)
        self.country_label = QLabel(self)
        self.country_label.setBuddy(self.country_picker.search)
        self.period_label = QLabel(self)
        self.period_label.setBuddy(self.period_picker.preset_box)
        self.topic_label = QLabel(self)
        self.topic_label.setBuddy(self.topic_picker.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        for label, widget, stretch in ((self.country_label, self.country_picker, 5),
                                       (self.period_label, self.period_picker, 0),
                                       (self.topic_label, self.topic_picker, 4)):
            set_role(label, "heading")
            layout.addSpacing(4)
            layout.addWidget(label)
            layout.addWidget(widget, stretch)
        for picker in (self.country_picker, self.period_picker, self.topic_picker):
            picker.changed.connect(self.changed)
        self.retranslate()

    def countries(self) -> tuple[str, ...]:
        return self.country_picker.chosen()

    def period(self) -> tuple[dt.date, dt.date]:
        return self.period_picker.period()

    def preset(self) -> str:
        return self.period_picker.preset()

    def topic(self) -> str:
        return self.topic_picker.topic()

    def apply(self, countries: Sequence[str], preset: str, start: dt.date | None, end: dt.date | None,
              topic: str) -> None:
        """Set the whole selection, then signal `changed` once."""
        for picker in (self.country_picker, self.period_picker, self.topic_picker):
            picker.blockSignals(True)
        try:
            self.country_picker.set_chosen(countries)
            self.period_picker.apply(preset, start, end)
            self.topic_picker.set_topic(topic)
        finally:
            for picker in (self.country_picker, self.period_picker, self.topic_picker):
                picker.blockSignals(False)
        self.changed.emit()

    def retranslate(self) -> None:
        self.title.setText(tr("selection"))
        self.country_label.setText(tr("countries"))
        self.period_label.setText(tr("period"))
        self.topic_label.setText(tr("topic"))
        for picker in (self.country_picker, self.period_picker, self.topic_picker):
            picker.retranslate()
