"""Exporting from the app with "Redact for wider release" ticked gives a redacted PDF."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import select
from tests.gui.test_flow import END, START, export, pdf_text


def test_export_with_redact_ticked_is_redacted(qtbot: Any, window: Any, store_copy: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(store_copy) as db:
        db.execute("UPDATE sources SET protected = 1")
    db.close()
    select(qtbot, window, ["MLI"], START, END, "peacekeeping")
    window.compose.redact.setChecked(True)
    assert window.compose.options().redact is True
    target = tmp_path / "redacted.pdf"
    out = export(qtbot, window, monkeypatch, target)
    text = pdf_text(out)
    assert "protectedsource" in text and "redactedforwiderrelease" in text
    assert "anefis" not in text and "kidal" in text
