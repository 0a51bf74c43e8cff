"""The look: Fusion style, a light palette, one accent colour, the icon — and no style sheet.

Contract: `apply(app)` sets style, palette and base font once. Widgets take a look with
`set_role(widget, role)`: labels get a font and colour ("title", "heading", "muted", "hint", "big",
"empty", "banner-text"...), push buttons "primary" or "link", and `RoundedFrame`s (panels, cards,
banners, details) paint their own rounded background. No Qt style sheet is used: an application
style sheet costs ~80 ms of start-up and slows every repaint on a modest laptop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"

ACCENT = "#1f5a92"
ACCENT_DARK = "#174470"
INK = "#1d2530"
MUTED = "#5d6b7a"
LINE = "#d9dfe6"
WINDOW = "#eef1f5"
PANEL = "#ffffff"
UP = "#b3261e"  # more events: red
DOWN = "#2e7d32"  # fewer events: green
TLP = {"TLP:CLEAR": "#ffffff", "TLP:GREEN": "#33ff00", "TLP:AMBER": "#ffc000",
       "TLP:AMBER+STRICT": "#ffc000", "TLP:RED": "#ff2b2b"}

# role -> (point size factor, bold, colour)
LABELS: dict[str, tuple[float, bool, str]] = {
    "title": (1.15, True, INK), "heading": (1.0, True, MUTED), "muted": (1.0, False, MUTED),
    "hint": (0.9, False, MUTED), "big": (2.1, True, INK), "empty": (1.25, False, MUTED),
    "banner-text": (1.0, False, "#5a4300"), "banner-info-text": (1.0, False, "#1c3d63"),
    "detail": (1.0, False, INK),
}
# role -> (fill, border, corner radius)
FRAMES: dict[str, tuple[str, str, float]] = {
    "panel": (PANEL, LINE, 8), "card": (PANEL, LINE, 8), "banner": ("#fff4d6", "#f0c36d", 6),
    "banner-info": ("#e8f0fa", "#b7cde6", 6), "detail": ("#f7f9fb", LINE, 5),
}


def apply(app: QApplication) -> None:
    """Fusion style, light palette, a readable base font."""
    app.setStyle("Fusion")
    palette = app.palette()
    for role, colour in ((QPalette.ColorRole.Window, WINDOW), (QPalette.ColorRole.Base, "#ffffff"),
                         (QPalette.ColorRole.AlternateBase, "#f6f8fa"), (QPalette.ColorRole.Text, INK),
                         (QPalette.ColorRole.WindowText, INK), (QPalette.ColorRole.ButtonText, INK),
                         (QPalette.ColorRole.Button, "#f7f9fb"), (QPalette.ColorRole.Highlight, ACCENT),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Link, ACCENT),
                         (QPalette.ColorRole.ToolTipBase, "#ffffff"), (QPalette.ColorRole.ToolTipText, INK),
                         (QPalette.ColorRole.PlaceholderText, "#8a96a3"), (QPalette.ColorRole.Mid, "#c3ccd6"),
                         (QPalette.ColorRole.Midlight, "#e6eaef")):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    font = app.font()
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    app.setFont(font)


def set_role(widget: QWidget, role: str) -> None:
    """Give `widget` the look of `role` (see module contract)."""
    widget.setProperty("role", role)
    if isinstance(widget, RoundedFrame) or (isinstance(widget, QFrame) and role in FRAMES
                                            and not isinstance(widget, QLabel)):
        widget.update()
    if isinstance(widget, QPushButton):
        _button(widget, role)
    elif isinstance(widget, QLabel) and role in LABELS:
        scale, bold, colour = LABELS[role]
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        widget.setFont(font)
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        widget.setPalette(palette)


def _button(button: QPushButton, role: str) -> None:
    palette = button.palette()
    font = QFont(QApplication.font())
    if role == "primary":
        palette.setColor(QPalette.ColorRole.Button, QColor(ACCENT))
        palette.setColor(QPalette.ColorRole.ButtonText, QColor("#ffffff"))
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        button.setMinimumHeight(36)
    elif role == "link":
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        palette.setColor(QPalette.ColorRole.ButtonText, QColor(ACCENT))
    button.setPalette(palette)
    button.setFont(font)


class RoundedFrame(QFrame):
    """A frame that paints a rounded background and border for its role (panel, card, banner...)."""

    def __init__(self, role: str = "panel", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_rounded(self, str(self.property("role")))


def paint_rounded(widget: QWidget, role: str) -> None:
    fill, border, radius = FRAMES.get(role, FRAMES["panel"])
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(border), 1))
    painter.setBrush(QColor(fill))
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    painter.end()


class DetailLabel(QLabel):
    """A label on a light rounded background (the full text of the current row)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMargin(8)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_rounded(self, "detail")
        super().paintEvent(event)


class PaddedDelegate(QStyledItemDelegate):
    """List rows with some air: `extra` pixels added to the height of every row."""

    def __init__(self, parent: QWidget | None = None, extra: int = 6) -> None:
        super().__init__(parent)
        self.extra = extra

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.extra)


def soft_selection(view: QWidget) -> None:
    """A light selection colour for lists and tables (dark text stays readable on it)."""
    palette = view.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#cfe0f3"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(INK))
    view.setPalette(palette)


def icon() -> QIcon:
    result = QIcon()
    for name in ("briefer-64.png", "briefer.png"):
        path = RESOURCES / "icons" / name
        if path.exists():
            result.addFile(str(path))
    return result
