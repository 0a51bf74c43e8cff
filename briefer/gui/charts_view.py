"""The charts tab: the PDF's charts, drawn by the same renderer, on matplotlib's Qt canvas.

Contract: `set_preview(request, has_charts, visible)` records what the newest preview is about; the
view emits `figures_wanted(request, width_px, pixel_ratio)` once it is visible and out of date (and
again, debounced, when its width changes a lot), and `show_images(request, images)` shows the
`operations.ChartImage`s (the charts and the map, in the PDF's order) on `ChartCanvas`es —
`FigureCanvasQTAgg` subclasses holding the Figure and painting the Agg pixels the worker rendered.
matplotlib never draws on the GUI thread (a chart takes 30–150 ms to render, and matplotlib's fonts
must not be used from two threads at once); its Qt backend is imported on first use. Images for a
request that is no longer current are ignored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from briefer.gui.i18n import tr
from briefer.gui.widgets import clear_layout, heading, set_role

MARGINS = 28  # left + right margins of the charts column
RESIZE_DELAY_MS = 250
_canvas_class: list[Any] = []


def chart_canvas(image: Any) -> Any:
    """A ChartCanvas for `image` (the class is made on first use: matplotlib loads lazily)."""
    if not _canvas_class:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        class ChartCanvas(FigureCanvasQTAgg):
            """matplotlib's Qt canvas for a Figure the worker already rendered; paints those pixels."""

            def __init__(self, image: Any) -> None:
                super().__init__(image.figure)
                self.set_image(image)

            def set_image(self, image: Any) -> None:
                self.qimage = QImage(image.rgba, image.width, image.height, image.width * 4,
                                     QImage.Format.Format_RGBA8888).copy()
                self.qimage.setDevicePixelRatio(image.pixel_ratio)
                self.setFixedHeight(round(image.height / image.pixel_ratio))
                self.update()

            def draw(self) -> None:  # rendering is the worker's job
                pass

            def draw_idle(self) -> None:
                pass

            def resizeEvent(self, event: Any) -> None:
                QWidget.resizeEvent(self, event)

            def paintEvent(self, event: Any) -> None:
                painter = QPainter(self)
                painter.fillRect(self.rect(), QColor("#ffffff"))
                size = self.qimage.deviceIndependentSize()
                if size.width() > self.width():  # narrower than rendered: scale down until re-rendered
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                    size.scale(self.width(), self.height(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRectF(0, 0, size.width(), size.height()), self.qimage)
                painter.end()

        _canvas_class.append(ChartCanvas)
    return _canvas_class[0](image)


class ChartsView(QScrollArea):
    figures_wanted = Signal(object, int, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartsView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = self.inner = QWidget(self)
        self.layout_ = QVBoxLayout(inner)
        self.layout_.setContentsMargins(14, 12, 14, 12)
        self.layout_.setSpacing(6)
        self.setWidget(inner)
        self._request: Any = None  # the preview request whose charts the view should show
        self._has_charts = False
        self._shown: Any = None  # the request whose images are on screen
        self._asked: Any = None  # the request whose images were asked for
        self._width = 0  # the width they were rendered for
        self.canvases: list[Any] = []
        self._resize_timer = QTimer(self, singleShot=True, interval=RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._rerender)
        self._message(tr("charts-none"))

    def set_preview(self, request: Any, has_charts: bool, visible: bool) -> None:
        self._request, self._has_charts = request, has_charts
        if visible:
            self.became_visible()

    def became_visible(self) -> None:
        """Ask for the images if the charts on screen are not the current ones."""
        if self._request is None or self._shown == self._request or self._asked == self._request:
            return
        if not self._has_charts:
            self._shown = self._request
            self._message(tr("charts-none"))
            return
        self._asked = self._request
        if not self.canvases:
            self._message(tr("charts-loading"))
        self._ask()

    def _ask(self) -> None:
        self._width = self.viewport().width() - MARGINS
        self.figures_wanted.emit(self._request, self._width, float(self.devicePixelRatioF()))

    def show_images(self, request: Any, images: list[Any]) -> None:
        """Show `images` (ignored when `request` is not the current one)."""
        if request != self._request:
            return
        self._shown, self._asked = self._request, None
        clear_layout(self.layout_)
        self.canvases = []
        note = heading(self.inner, "hint")
        note.setText(tr("charts-note"))
        self.layout_.addWidget(note)
        for number, image in enumerate(images, 1):
            title = heading(self.inner, "title")
            title.setText(f"{number}. {image.title}")
            canvas = chart_canvas(image)
            canvas.setObjectName(f"chart-{image.key}")
            canvas.setAccessibleName(image.title)
            canvas.setAccessibleDescription(image.caption)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            parts = [title, canvas]
            if image.note:
                parts.append(self._small(image.note, "hint"))
            parts += [self._small(image.caption, "muted"), self._small(image.source_line, "hint")]
            for widget in parts:
                self.layout_.addWidget(widget)
            self.layout_.addSpacing(10)
            self.canvases.append(canvas)
        self.layout_.addStretch(1)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.canvases and abs(self.viewport().width() - MARGINS - self._width) > 40:
            self._resize_timer.start()

    @Slot()
    def _rerender(self) -> None:
        if self.canvases and self._shown == self._request and self.isVisible():
            self._asked, self._shown = self._request, None
            self._ask()

    def _small(self, text: str, role: str) -> QLabel:
        label = QLabel(text, self.inner)
        label.setWordWrap(True)
        set_role(label, role)
        return label

    def _message(self, text: str) -> None:
        clear_layout(self.layout_)
        self.canvases = []
        label = heading(self.inner, "empty")
        label.setText(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addStretch(1)
        self.layout_.addWidget(label)
        self.layout_.addStretch(2)

    def retranslate(self) -> None:
        if not self.canvases:
            self._message(tr("charts-loading") if self._asked else tr("charts-none"))
