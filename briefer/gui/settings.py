"""What the app remembers between runs, in QSettings (the registry, a plist or an INI file).

Contract: `Settings()` reads and writes the application's QSettings (organisation "briefer",
application "briefer"); tests point QSettings at a temporary folder before creating it. Every
getter returns a sensible default when nothing is stored or the stored value is unreadable.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT = 8


class Settings:
    def __init__(self) -> None:
        self._q = QSettings()

    def _get(self, key: str, default: Any = None) -> Any:
        value = self._q.value(key, default)
        return default if value is None else value

    def sync(self) -> None:
        self._q.sync()

    # Window
    def geometry(self) -> QByteArray | None:
        value = self._get("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    def splitter(self) -> QByteArray | None:
        value = self._get("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter(self, value: QByteArray) -> None:
        self._q.setValue("window/splitter", value)

    # Stores
    def last_store(self) -> Path | None:
        value = self._get("store/last", "")
        return Path(value) if value else None

    def recent_stores(self) -> list[Path]:
        return [Path(p) for p in self._json("store/recent", []) if isinstance(p, str)]

    def remember_store(self, path: Path) -> None:
        """Make `path` the last store and put it first in the recent list."""
        text = str(Path(path).resolve())
        recent = [text] + [p for p in self._json("store/recent", []) if p != text]
        self._q.setValue("store/last", text)
        self._q.setValue("store/recent", json.dumps(recent[:MAX_RECENT]))

    def clear_recent(self) -> None:
        self._q.setValue("store/recent", "[]")

    # Selection and composition
    def selection(self) -> dict[str, Any]:
        """{"countries": [...], "preset": str, "start": date|None, "end": date|None, "topic": str}."""
        data = self._json("selection/last", {})
        if not isinstance(data, dict):
            return {}
        for key in ("start", "end"):
            try:
                data[key] = dt.date.fromisoformat(data[key]) if data.get(key) else None
            except (TypeError, ValueError):
                data[key] = None
        return data

    def set_selection(self, countries: list[str], preset: str, start: dt.date, end: dt.date, topic: str) -> None:
        data = {"countries": countries, "preset": preset, "start": start.isoformat(), "end": end.isoformat(),
                "topic": topic}
        self._q.setValue("selection/last", json.dumps(data))

    def text(self, key: str, default: str = "") -> str:
        value = self._get(f"compose/{key}", default)
        return value if isinstance(value, str) else default

    def set_text(self, key: str, value: str) -> None:
        self._q.setValue(f"compose/{key}", value)

    # Preferences
    def ui_language(self) -> str | None:
        value = self._get("ui/language", "")
        return value if value in ("en", "fr") else None

    def set_ui_language(self, lang: str) -> None:
        self._q.setValue("ui/language", lang)

    def export_folder(self) -> Path:
        value = self._get("export/folder", "")
        if value and Path(value).is_dir():
            return Path(value)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def set_export_folder(self, folder: Path) -> None:
        self._q.setValue("export/folder", str(folder))

    def _json(self, key: str, default: Any) -> Any:
        try:
            return json.loads(self._get(key, "") or "null") or default
        except (TypeError, ValueError):
            return default
