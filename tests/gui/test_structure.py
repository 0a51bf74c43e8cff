"""The shape of the GUI: one door into the core, lazy heavy imports, names for tests and screen readers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

GUI = Path(__file__).resolve().parents[2] / "briefer" / "gui"
OBJECT_NAMES = ("countryPicker", "periodFrom", "periodTo", "topicPicker", "quotationTable", "previewTabs",
                "exportButton")


def test_only_operations_imports_the_core() -> None:
    for path in GUI.rglob("*.py"):
        if "operations" not in path.relative_to(GUI).parts:
            assert not re.search(r"^\s*(from|import) briefer\.core", path.read_text(), re.MULTILINE), path.name


def test_modules_stay_small() -> None:
    for path in GUI.rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 420, path.name


def test_starting_the_app_imports_neither_matplotlib_nor_reportlab() -> None:
    code = ("import sys; import briefer.app, briefer.gui.app, briefer.gui.main_window; "
            "print(sorted(m for m in ('matplotlib', 'reportlab', 'numpy', 'sqlite_utils') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# What the main window's menus open, loaded on first use (the window appears without them)
ON_FIRST_USE = (
    "briefer.gui.import_wizard", "briefer.gui.import_pages", "briefer.gui.import_log", "briefer.gui.import_report",
    "briefer.gui.import_incidents", "briefer.gui.library", "briefer.gui.library_reader", "briefer.gui.library_lists",
    "briefer.gui.library_dialogs", "briefer.gui.curation", "briefer.gui.curation_actors",
    "briefer.gui.curation_topics", "briefer.gui.analyst_dialog", "briefer.gui.saved", "briefer.gui.preferences",
    "briefer.gui.operations.imports", "briefer.gui.operations.library", "briefer.gui.operations.curation",
    "briefer.gui.operations.recipes", "briefer.gui.operations.export", "briefer.gui.operations.analyst",
)


def test_the_main_window_loads_its_dialogs_on_first_use_only(tmp_path: Path) -> None:
    """Importing the main window (as the app starts), then building it, loads no dialog module its
    menus open later (a fresh process: the tests' own imports do not count)."""
    code = f"""
import sys
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
import briefer.gui.app, briefer.gui.main_window
print(sorted(m for m in {ON_FIRST_USE!r} if m in sys.modules))
app = briefer.gui.app.application()
window = briefer.gui.main_window.MainWindow(briefer.gui.app.Settings())
window.show()
app.processEvents()
print(sorted(m for m in {ON_FIRST_USE!r} if m in sys.modules))
window.runner.shutdown()
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["[]", "[]"]


def test_lazily_loaded_operations_are_the_same_objects() -> None:
    """The one door re-exports every operation, loaded or not yet: same objects as their modules'."""
    from briefer.gui import operations
    from briefer.gui.operations import curation, export, imports, library, recipes

    modules = {"curation": curation, "export": export, "imports": imports, "library": library, "recipes": recipes}
    for name, module in operations.LAZY.items():
        assert getattr(operations, name) is getattr(modules[module], name), name
    assert set(operations.LAZY) <= set(operations.__all__) | {"FigureInput"}
    with pytest.raises(AttributeError):
        operations.no_such_operation  # noqa: B018


def test_main_controls_have_their_object_names(window: Any) -> None:
    for name in OBJECT_NAMES:
        assert window.findChild(QWidget, name) is not None, name


def test_every_control_has_an_accessible_name_or_a_label(window: Any) -> None:
    buddies = {label.buddy() for label in window.findChildren(QWidget) if hasattr(label, "buddy") and label.buddy()}
    kinds = (QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit)
    missing = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, kinds) and widget.isVisibleTo(window) and widget.objectName() != "qt_spinbox_lineedit":
            named = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
            if not named and widget not in buddies and not isinstance(widget.parent(), (QComboBox, QDateEdit)):
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert not missing, missing


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_compose_form_is_never_clipped_on_a_laptop_screen(qtbot: Any, window: Any, lang: str) -> None:
    """At 1366×740 the compose panel is at least as wide as its form plus its vertical scroll bar
    (a field cut at the right edge once hid the combo boxes' arrows)."""
    from briefer.gui import i18n

    i18n.set_language(lang)
    window.retranslate()
    window.resize(1366, 740)
    window.show()
    compose = window.compose
    qtbot.waitUntil(lambda: compose.scroll.viewport().width() >= compose.inner.minimumSizeHint().width(), timeout=5000)
    i18n.set_language("en")
