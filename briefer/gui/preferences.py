"""Preferences: the interface language and the default export folder.

Contract: `PreferencesDialog.exec()` returns Accepted with `language()` and `folder()` holding the
choices; the caller stores them and re-translates the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import dialogs
from briefer.gui.i18n import UI_LANGUAGES, tr
from briefer.gui.widgets import set_role

NATIVE = {"en": "English", "fr": "Français"}


class PreferencesDialog(QDialog):
    def __init__(self, language: str, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(tr("prefs-title"))
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("uiLanguage")
        for lang in UI_LANGUAGES:
            self.language_box.addItem(NATIVE[lang], lang)
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        self.language_box.setAccessibleName(tr("prefs-language").replace("&", ""))
        self.folder_edit = QLineEdit(str(folder), self)
        self.folder_edit.setObjectName("exportFolder")
        self.folder_edit.setAccessibleName(tr("prefs-folder").replace("&", ""))
        browse = QPushButton(tr("prefs-browse"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        language_label = QLabel(tr("prefs-language"), self)
        language_label.setBuddy(self.language_box)
        folder_label = QLabel(tr("prefs-folder"), self)
        folder_label.setBuddy(self.folder_edit)
        form.addRow(language_label, self.language_box)
        form.addRow(folder_label, folder_row)
        note = QLabel(tr("prefs-note"), self)
        note.setWordWrap(True)
        set_role(note, "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def language(self) -> str:
        return str(self.language_box.currentData())

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip() or Path.home())

    @Slot()
    def _browse(self) -> None:
        folder = dialogs.ask_folder(self, tr("prefs-folder").replace("&", ""), self.folder())
        if folder is not None:
            self.folder_edit.setText(str(folder))
