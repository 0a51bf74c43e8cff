"""The app's template picker lists the built-in templates and those in the user's folder; a broken
user template is left out without keeping the store from opening; the template's section order
reaches the options when a box is toggled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefer.core.templates import BUILTIN_DIR


@pytest.fixture()
def user_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "config" / "briefer" / "templates"
    folder.mkdir(parents=True)
    text = (BUILTIN_DIR / "weekly-update.toml").read_text(encoding="utf-8")
    (folder / "sitrep.toml").write_text(text.replace('name = "weekly-update"', 'name = "our-sitrep"'), encoding="utf-8")
    (folder / "broken.toml").write_text('name = "broken"\ndescription_en = "x"\nsurge_percent = -1\n', encoding="utf-8")
    return folder


def test_picker_lists_built_in_and_user_templates(user_templates: Path, window: Any) -> None:
    picker = window.compose.template
    names = [picker.itemData(i) for i in range(picker.count())]
    for name in ("country-brief", "weekly-update", "flash-report", "regional-spillover", "our-sitrep"):
        assert name in names, name
    assert "broken" not in names


def test_toggled_sections_keep_the_template_order(user_templates: Path, window: Any) -> None:
    compose = window.compose
    compose.template.setCurrentIndex(compose.template.findData("weekly-update"))
    assert compose.options().sections is None  # the template's own sections
    compose.section_boxes["incidents"].setChecked(False)
    sections = compose.options().sections
    assert sections[0] == "situation-header" and "incidents" not in sections
    assert sections.index("regions") > sections.index("key-figures")
