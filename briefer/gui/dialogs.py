"""Small modal dialogs, each behind one module-level function so tests can replace it.

Contract: callers use these through the module (`dialogs.show_error(...)`), never by importing the
functions, so a test's `monkeypatch.setattr(dialogs, "show_error", ...)` reaches every caller.
Errors a user can act on are shown with their message only; unexpected ones add the traceback
under "Show Details…". The dialog classes load when a dialog is first shown, not with the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefer.gui.i18n import core_text, tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def confirm(parent: QWidget | None, title: str, message: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title, message,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok and value.strip() else None


def ask_save_path(parent: QWidget | None, title: str, default: Path, filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, str(default), filters)
    return Path(name) if name else None


def ask_open_path(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return Path(name) if name else None


def ask_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


def show_failure(parent: QWidget | None, title: str, exc: BaseException, details: str = "") -> None:
    """A BrieferError's message in the UI language; anything else as an unexpected error with its traceback."""
    from briefer.gui.operations import is_user_error

    if is_user_error(exc) or isinstance(exc, OSError):
        show_error(parent, title, core_text(exc))
    else:
        show_error(parent, tr("error-unexpected"), tr("error-unexpected-text"), details or repr(exc))
