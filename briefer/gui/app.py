"""Starting the desktop app: `briefer-gui`, `python main.py [--store PATH]`, `make run`.

Contract: `main(argv)` creates the QApplication (name, icon, style, UI language from the settings
or the system), shows the main window and opens, on the worker, the store given with `--store`,
else the last store used, else the user's store (built from the demo data on first run). Returns
the application's exit code.

Start-up order matters on a modest laptop: the worker thread starts first and opens the store
(importing the core as it goes) while this thread imports the widgets and builds the window; the
store's answer waits in the event queue until the window is there to receive it.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from briefer.gui import i18n, operations
from briefer.gui.settings import Settings
from briefer.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from briefer.gui.main_window import MainWindow

ORGANISATION = APPLICATION = "briefer"
STARTUP_GC_LIMIT_MS = 10_000


def parse_args(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="briefer-gui", description="briefer: offline security briefings")
    parser.add_argument("--store", type=Path, default=None, metavar="PATH", help="the store file to open")
    return parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))


def application(qt_args: Sequence[str] = ()) -> QApplication:
    """The QApplication, created once, with the names QSettings uses, the icon and the style."""
    from PySide6.QtWidgets import QApplication

    from briefer.gui import style

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "briefer", *qt_args])
    _names()
    app.setApplicationDisplayName("briefer")
    app.setDesktopFileName("briefer")
    app.setWindowIcon(style.icon())
    style.apply(app)
    return app


def _names() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


class FirstStore:
    """The first store request, sent before the window exists; the answer goes to its controller."""

    def __init__(self, runner: TaskRunner, request: Any) -> None:
        self.request = request
        self.controller: Any = None
        runner.submit("store", operations.open_store, request, self._ready, self._refused, store_replacing=True)

    def _ready(self, info: Any) -> None:
        self.controller.store_ready(info)

    def _refused(self, exc: BaseException, details: str) -> None:
        self.controller.store_refused(exc, details)


def store_request(store: Path | None, settings: Settings) -> tuple[Any, bool]:
    """The store to open first, and whether this is the first run (the demo store may be built)."""
    last = settings.last_store()
    if store is not None:
        return operations.OpenRequest("path", store), False
    if last is not None and last.exists():
        return operations.OpenRequest("path", last), False
    return operations.OpenRequest("default"), last is None


def start_worker(store: Path | None, settings: Settings) -> tuple[TaskRunner, FirstStore, bool]:
    """Start the worker: warm the core up and open the first store."""
    runner = TaskRunner()
    runner.submit(None, operations.warm_up)
    request, first_run = store_request(store, settings)
    return runner, FirstStore(runner, request), first_run


def create_window(store: Path | None = None, settings: Settings | None = None) -> MainWindow:
    """The main window (the QApplication exists), shown by the caller, with its first store on its way."""
    _names()
    settings = settings or Settings()
    return build_window(settings, *start_worker(store, settings))


def build_window(settings: Settings, runner: TaskRunner, first: FirstStore, first_run: bool) -> MainWindow:
    i18n.set_language(settings.ui_language() or i18n.system_language())
    from briefer.gui.main_window import (
        MainWindow,  # the widgets load while the worker opens the store
    )

    window = MainWindow(settings, runner)
    runner.setParent(window)
    window.store_menu.set_recent(settings.recent_stores())
    first.controller = window.controller
    window.controller.show_opening(first.request, first_run)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    gc.disable()  # start-up allocates much and frees little: collect once it is over (~7% faster)
    args, qt_args = parse_args(argv)
    _names()
    settings = Settings()
    started = start_worker(args.store, settings)  # first: the worker overlaps the widgets' import
    app = application(qt_args)
    window = build_window(settings, *started)
    window.show()
    app.aboutToQuit.connect(window.close)  # however the app ends, settings are saved, the worker stopped
    window.controller.preview_ready.connect(startup_finished)
    window.controller.store_failed.connect(startup_finished)
    QTimer.singleShot(STARTUP_GC_LIMIT_MS, startup_finished)
    return app.exec()


def startup_finished(*_: object) -> None:
    """Turn the garbage collector back on, with the start-up's objects out of its sight."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
