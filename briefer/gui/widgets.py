"""Small widget helpers shared by the panels: roles for the style sheet, headings, banners."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QSizePolicy, QWidget

from briefer.gui import style
from briefer.gui.style import RoundedFrame, set_role


def heading(parent: QWidget, role: str = "title", elided: bool = False) -> QLabel:
    label = ElidedLabel(parent) if elided else QLabel(parent)
    set_role(label, role)
    return label


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout of `layout`."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, sub = item.widget(), item.layout()
        if widget is not None:
            widget.hide()  # gone at once, deleted when the event loop next turns
            widget.deleteLater()
        elif sub is not None:
            clear_layout(sub)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when it does not fit; the full text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), text)


class Banner(RoundedFrame):
    """A one-line notice across the window: "warning" (amber) or "info" (blue)."""

    def __init__(self, name: str, kind: str = "warning", parent: QWidget | None = None) -> None:
        super().__init__("banner" if kind == "warning" else "banner-info", parent)
        self.setObjectName(name)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}Text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.label, "banner-text" if kind == "warning" else "banner-info-text")
        icon = QLabel("⚠" if kind == "warning" else "ℹ", self)
        set_role(icon, "banner-text" if kind == "warning" else "banner-info-text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.hide()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)


__all__ = ["Banner", "ElidedLabel", "RoundedFrame", "clear_layout", "heading", "set_role", "style"]
