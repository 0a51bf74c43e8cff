"""GUI fixtures: isolated QSettings, a writable copy of the demo store, a started main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from briefer.gui import dialogs

TIMEOUT = 20_000  # ms; the demo store answers in well under a second


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, qapp: Any) -> Iterator[None]:
    """QSettings in a temporary folder, and the app names QSettings uses."""
    from briefer.gui import i18n
    from briefer.gui.app import application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    application()
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture()
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Error dialogs, recorded (title, message) instead of shown."""
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message, details="": seen.append((title, message)))
    return seen


@pytest.fixture()
def store_copy(demo_store_path: Path, tmp_path: Path) -> Path:
    """A writable copy of the session's demo store."""
    target = tmp_path / "store" / "demo.db"
    target.parent.mkdir()
    shutil.copy(demo_store_path, target)
    return target


@pytest.fixture()
def window(qtbot: Any, store_copy: Path) -> Iterator[Any]:
    """The main window on a copy of the demo store, with its first preview shown."""
    from briefer.gui.app import create_window
    from briefer.gui.settings import Settings

    settings = Settings()
    settings.set_ui_language("en")
    win = create_window(store_copy, settings)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.controller.preview_ready, timeout=TIMEOUT):
        win.show()
    yield win
    win.close()


def select(qtbot: Any, win: Any, countries: list[str], start: Any, end: Any, topic: str) -> Any:
    """Set the selection through the widgets and wait for its preview; returns the Preview."""
    from briefer.gui.i18n import qdate

    panel = win.selection_panel

    def is_ours(result: Any) -> bool:
        s = result.selection
        return (list(s.countries) == countries and s.topic == topic and s.period.start == start
                and s.period.end == end)

    with qtbot.waitSignal(win.controller.preview_ready, timeout=TIMEOUT, check_params_cb=is_ours) as blocker:
        panel.country_picker.set_chosen(countries)
        panel.period_picker.date_from.setDate(qdate(start))
        panel.period_picker.date_to.setDate(qdate(end))
        panel.topic_picker.set_topic(topic, signal=True)
    return blocker.args[0]


def show_events(qtbot: Any, win: Any) -> Any:
    """Open the Events tab and wait for its rows (asked for only while the tab shows)."""
    with qtbot.waitSignal(win.controller.events_ready, timeout=TIMEOUT) as blocker:
        win.preview.tabs.setCurrentWidget(win.preview.tabs.events)
    return blocker.args[0]
