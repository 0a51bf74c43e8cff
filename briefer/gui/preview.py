"""The preview: a header like the PDF's cover line and five tabs (object name previewTabs).

Contract: `PreviewTabs.show_preview(preview)` fills every tab from one `operations.Preview`;
`show_events(event_list)` fills the events tab; `show_message(text)` replaces the content by a
notice (no country chosen, store loading). The charts tab asks for its matplotlib figures only
when it is visible (`ChartsView.figures_wanted`), so matplotlib is imported on first use.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n, style
from briefer.gui.charts_view import ChartsView
from briefer.gui.i18n import tr
from briefer.gui.tables_view import EventsView, FiguresView, QuotationsView
from briefer.gui.widgets import RoundedFrame, clear_layout, heading, set_role

TAB_KEYS = ("tab-figures", "tab-charts", "tab-quotations", "tab-source-figures", "tab-events")
ARROWS = {"sharp-increase": "▲▲", "increase": "▲", "stable": "▶", "decrease": "▼", "sharp-decrease": "▼▼",
          "new": "●", "none": "–"}


class PreviewHeader(QWidget):
    """The briefing's default title and subtitle, and the number of events in the selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewHeader")
        self.title = heading(self, elided=True)
        self.title.setObjectName("previewTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = heading(self, "muted", elided=True)
        self.subtitle.setObjectName("previewSubtitle")
        self.count = heading(self, "heading")
        self.count.setObjectName("previewCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 0, 4, 2)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.subtitle, 1, 0)
        grid.addWidget(self.count, 1, 1)
        grid.setColumnStretch(0, 1)

    def show_preview(self, preview: Any) -> None:
        self.title.setText(preview.title)
        parts = [preview.subtitle] + ([tr("preview-dataset", name=preview.dataset)] if preview.dataset else [])
        self.subtitle.setText("  ·  ".join(parts))
        self.count.setText(tr("preview-events", n=i18n.fmt_int(preview.event_count)))

    def show_message(self, text: str) -> None:
        self.title.setText(text)
        for label in (self.subtitle, self.count):
            label.setText("")


class KeyFigureCard(RoundedFrame):
    """One key figure: label, value, change against the previous period of the same length."""

    def __init__(self, figure: Any, days: int, parent: QWidget | None = None) -> None:
        super().__init__("card", parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        set_role(self.label, "muted")
        self.value = QLabel(self)
        set_role(self.value, "big")
        self.trend = QLabel(self)
        set_role(self.trend, "heading")
        self.previous = QLabel(self)
        set_role(self.previous, "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        for widget in (self.label, self.value, self.trend, self.previous):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.show_figure(figure, days)

    def show_figure(self, figure: Any, days: int) -> None:
        """Show `figure` (a card is reused from one preview to the next when the layout is the same)."""
        change = figure.change
        self.setObjectName(f"kf-{figure.key}")
        self.label.setText(figure.label)
        self.value.setText(i18n.fmt_int(change.current))
        self.trend.setText(self._trend_text(change))
        colour = style.UP if "increase" in change.trend else style.DOWN if "decrease" in change.trend else style.MUTED
        palette = self.trend.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.trend.setPalette(palette)
        self.previous.setText(tr("kf-previous", n=i18n.fmt_int(change.previous), days=i18n.fmt_int(days)))
        self.setAccessibleName(f"{figure.label}: {self.value.text()}, {self.trend.text()}, {self.previous.text()}")

    @staticmethod
    def _trend_text(change: Any) -> str:
        arrow = ARROWS.get(change.trend, "")
        words = tr(f"trend-{change.trend}") if f"trend-{change.trend}" in _TREND_KEYS else change.trend
        if change.percent is not None:
            return f"{arrow} {i18n.fmt_percent(change.percent)} · {words}"
        if change.trend in ("new", "none"):
            return f"{arrow} {words}"
        return f"{arrow} {words} ({tr('kf-small')})"


_TREND_KEYS = {f"trend-{t}" for t in ARROWS}


class KeyFiguresView(QScrollArea):
    """Cards grouped as the core groups them (topic, context, per country)."""

    CARD_WIDTH = 215

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFiguresView")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = self.inner = QWidget(self)
        self.layout_ = QVBoxLayout(inner)
        self.layout_.setContentsMargins(14, 12, 14, 12)
        self.layout_.setSpacing(8)
        self.setWidget(inner)
        self._last: Any = None
        self._columns = 3
        self._shape: Any = None  # (groups and their sizes, columns) of the cards shown, to reuse them
        self._titles: list[QLabel] = []
        self._cards: list[KeyFigureCard] = []

    def columns(self) -> int:
        return max(1, min(4, (self.viewport().width() - 28) // self.CARD_WIDTH))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._last is not None and self.columns() != self._columns:
            self.show_preview(self._last)

    def show_preview(self, preview: Any) -> None:
        self._last = preview
        if preview.event_count == 0:
            self._clear()
            self._empty()
            return
        days = preview.selection.period.days
        groups: dict[str, list[Any]] = {}
        for figure in preview.key_figures:
            groups.setdefault(getattr(figure, "group", "topic"), []).append(figure)
        shape = (tuple((group, len(figures)) for group, figures in groups.items()), self.columns())
        if shape != self._shape:
            self._clear()
            self._build(groups, days)
            self._shape = shape
        for title, group in zip(self._titles, groups, strict=True):
            title.setText(tr(f"kf-group-{group}", topic=preview.topic_label)
                          if group in ("topic", "context", "country") else group)
        figures = [figure for group in groups.values() for figure in group]
        for card, figure in zip(self._cards, figures, strict=True):
            card.show_figure(figure, days)

    def _build(self, groups: dict[str, list[Any]], days: int) -> None:
        """One heading and a grid of cards per group."""
        self._columns = columns = self.columns()
        for figures in groups.values():
            title = heading(self.inner, "heading")
            self._titles.append(title)
            self.layout_.addWidget(title)
            grid = QGridLayout()
            grid.setSpacing(8)
            for n, figure in enumerate(figures):
                card = KeyFigureCard(figure, days, self.inner)
                self._cards.append(card)
                grid.addWidget(card, n // columns, n % columns)
            for column in range(columns):
                grid.setColumnStretch(column, 1)
            self.layout_.addLayout(grid)
        self.layout_.addStretch(1)

    def _clear(self) -> None:
        clear_layout(self.layout_)
        self._shape, self._titles, self._cards = None, [], []

    def _empty(self) -> None:
        title = heading(self.inner, "empty")
        title.setText(tr("preview-empty"))
        hint = heading(self.inner, "muted")
        hint.setText(tr("preview-empty-hint"))
        self.layout_.addStretch(1)
        for label in (title, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.layout_.addWidget(label)
        self.layout_.addStretch(2)

    def show_message(self, text: str) -> None:
        self._last = None
        self._clear()
        label = heading(self.inner, "empty")
        label.setText(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addStretch(1)
        self.layout_.addWidget(label)
        self.layout_.addStretch(2)

    def retranslate(self) -> None:
        if self._last is not None:
            self.show_preview(self._last)


class PreviewTabs(QTabWidget):
    """Key figures, charts, quotations, figures from sources, events (see module contract)."""

    figures_wanted = Signal(object, int, float)  # preview request, width, pixel ratio

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewTabs")
        self.setDocumentMode(False)
        self.key_figures = KeyFiguresView(self)
        self.charts = ChartsView(self)
        self.quotations = QuotationsView(self)
        self.figures = FiguresView(self)
        self.events = EventsView(self)
        for widget in (self.key_figures, self.charts, self.quotations, self.figures, self.events):
            self.addTab(widget, "")
        self.charts.figures_wanted.connect(self.figures_wanted)
        self.currentChanged.connect(self._on_tab)
        self.retranslate()

    def show_preview(self, preview: Any) -> None:
        self.key_figures.show_preview(preview)
        self.charts.set_preview(preview.request, preview.event_count > 0,
                                visible=self.currentWidget() is self.charts)
        self.quotations.set_rows(preview.quotations, preview.default_quotations)
        self.figures.set_rows(preview.figures, preview.default_figures)
        self.events.total = preview.event_count
        self._update_counts()

    def show_events(self, event_list: Any, country_names: dict[str, str], total: int) -> None:
        self.events.set_events(event_list, country_names, total)
        self._update_counts()

    def show_message(self, text: str) -> None:
        self.key_figures.show_message(text)
        self.charts.set_preview(None, False, visible=False)

    def _on_tab(self, index: int) -> None:
        if self.widget(index) is self.charts:
            self.charts.became_visible()

    def _update_counts(self) -> None:
        self.setTabText(2, f"{tr('tab-quotations')} ({self.quotations.model.rowCount()})")
        self.setTabText(3, f"{tr('tab-source-figures')} ({self.figures.model.rowCount()})")
        self.setTabText(4, f"{tr('tab-events')} ({i18n.fmt_int(self.events.total)})")

    def retranslate(self) -> None:
        for index, key in enumerate(TAB_KEYS):
            self.setTabText(index, tr(key))
        self.setAccessibleName(tr("preview-tabs"))
        for view in (self.key_figures, self.charts, self.quotations, self.figures, self.events):
            view.retranslate()
        self._update_counts()


class PreviewArea(QWidget):
    """Header above the tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = PreviewHeader(self)
        self.tabs = PreviewTabs(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    def show_preview(self, preview: Any) -> None:
        self.header.show_preview(preview)
        self.tabs.show_preview(preview)

    def show_message(self, text: str) -> None:
        self.header.show_message("")
        self.tabs.show_message(text)

    def retranslate(self) -> None:
        self.tabs.retranslate()
