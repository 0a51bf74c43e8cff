"""Screenshot of the main window for the README, made under Xvfb.

    apt-get install -y xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 imagemagick
    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tests/gui/make_screenshot.py

Starts the app on the demo store (the user's store, built from the demo data when absent, or
`--store PATH`) with its own temporary settings, selects Mali, 1 June – 31 December 2023,
peacekeeping, waits for the preview and saves resources/screenshots/main-window.png.
`--lang fr`, `--tab N` (0–4) and `--export` (also shots the PDF viewer) help to check the look.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--tab", type=int, default=0)
    parser.add_argument("--export", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots" / "main-window.png")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, QTimer

    temp = Path(tempfile.mkdtemp(prefix="briefer-shot-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp))

    from briefer.gui import operations
    from briefer.gui.app import application, create_window
    from briefer.gui.settings import Settings

    app = application()
    settings = Settings()
    settings.set_ui_language(args.lang)
    window = create_window(args.store, settings)
    window.show()
    controller = window.controller
    state = {"step": "store"}

    def on_store(_info: object) -> None:
        if state["step"] != "store":
            return
        state["step"] = "preview"
        window.selection_panel.apply(["MLI"], "custom", dt.date(2023, 6, 1), dt.date(2023, 12, 31), "peacekeeping")

    def on_preview(preview: object) -> None:
        if state["step"] != "preview" or preview.selection.topic != "peacekeeping":  # type: ignore[attr-defined]
            return
        state["step"] = "shot"
        window.preview.tabs.setCurrentIndex(args.tab)
        QTimer.singleShot(1500, shoot)

    def shoot() -> None:
        if window.runner.busy:  # charts still drawing, or the events list still loading
            QTimer.singleShot(200, shoot)
            return
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        print(f"saved {args.out} ({window.width()}×{window.height()})")
        if args.export:
            composition = controller.composition()
            window.exporter.finished.connect(on_exported)
            window.exporter.export_to(composition, temp / operations.default_file_name(
                ["Mali"], "peacekeeping", composition.selection.period))
        else:
            app.quit()

    def on_exported(path: Path) -> None:
        QTimer.singleShot(1500, shoot_viewer)

    def shoot_viewer() -> None:
        viewer = window.exporter.viewer
        out = args.out.with_name(args.out.stem + "-viewer.png")
        viewer.grab().save(str(out))
        print(f"saved {out}")
        app.quit()

    controller.store_opened.connect(on_store)
    controller.preview_ready.connect(on_preview)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
