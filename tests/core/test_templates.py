"""Templates as data: every built-in template parses, every key is checked with file, line and key
in the message, and a user's folder adds templates to `briefer templates`."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.errors import SelectionError
from briefer.core.templates import BUILTIN_DIR, CHARTS, SECTIONS, load_templates, parse_template

BUILT_IN = ("country-brief", "flash-report", "regional-spillover", "weekly-update")
VALID = 'name = "mine"\ndescription_en = "My own template"\n'


def test_every_built_in_template_parses_and_documents_its_keys() -> None:
    templates = load_templates()
    assert set(BUILT_IN) <= set(templates)
    for name in BUILT_IN:
        template = templates[name]
        assert template.path.parent == BUILTIN_DIR and template.description_fr
        header = template.path.read_text(encoding="utf-8").split("\nname =")[0]
        for key in ("sections", "charts", "quotations"):
            assert f"#   {key}" in header or key in header, (name, key)
        assert set(template.sections) <= set(SECTIONS) and set(template.charts) <= set(CHARTS)


def test_new_templates_carry_their_settings() -> None:
    templates = load_templates()
    weekly, flash, regional = templates["weekly-update"], templates["flash-report"], templates["regional-spillover"]
    assert weekly.previous_days == 28 and weekly.report_number == "iso-week" and weekly.kind("fr") == "Point hebdomadaire"
    assert weekly.sections[0] == "situation-header" and "regions" in weekly.sections
    assert flash.map_frame == "events" and "flash-summary" in flash.sections and "map" in flash.charts
    assert {"country-table", "border-areas", "cross-border-actors"} <= set(regional.sections)
    assert "country-comparison" in regional.charts
    assert templates["country-brief"].baseline_weeks == 52 and templates["country-brief"].previous_days == 0


BAD = [
    ("name = 3", "name", "non-empty text"),
    ('paper = "a5"', "paper", "'a5' is not one of a4, letter"),
    ('sections = ["cover", "weather"]', "sections", "unknown 'weather'"),
    ('charts = ["pie"]', "charts", "unknown 'pie'"),
    ("quotations = -1", "quotations", "whole number"),
    ("previous_days = 1000", "previous_days", "whole number"),
    ('baseline_weeks = "52"', "baseline_weeks", "whole number"),
    ("surge_percent = 1.5", "surge_percent", "whole number"),
    ("surge_minimum = true", "surge_minimum", "whole number"),
    ('report_number = "monthly"', "report_number", "'monthly' is not one of none, iso-week"),
    ("kind_en = 7", "kind_en", "text in quotes"),
    ("kind_fr = []", "kind_fr", "text in quotes"),
    ('map_frame = "world"', "map_frame", "'world' is not one of countries, events"),
    ("context_days = -3", "context_days", "whole number"),
    ("border_km = 501", "border_km", "whole number"),
]


@pytest.mark.parametrize(("line", "key", "words"), BAD, ids=[b[1] for b in BAD])
def test_invalid_key_names_file_line_and_key(tmp_path: Path, line: str, key: str, words: str) -> None:
    path = tmp_path / "bad.toml"
    body = VALID.replace('name = "mine"\n', "") if key == "name" else VALID
    path.write_text(f"# a comment\n{body}{line}\n", encoding="utf-8")
    number = 1 + body.count("\n") + 1
    with pytest.raises(SelectionError) as caught:
        parse_template(path)
    message = str(caught.value)
    assert str(path) in message and f"line {number}" in message and f"key {key!r}" in message and words in message


def test_missing_keys_take_the_country_brief_defaults(tmp_path: Path) -> None:
    path = tmp_path / "plain.toml"
    path.write_text(VALID, encoding="utf-8")
    template = parse_template(path)
    assert template.sections == SECTIONS[:11] and template.charts == CHARTS[:5]
    assert (template.previous_days, template.baseline_weeks, template.surge_percent, template.surge_minimum) == (0, 52, 100, 5)
    assert template.report_number == "none" and template.map_frame == "countries" and template.kind() == ""


def test_user_folder_templates_are_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str], demo_store_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "briefer" / "templates"
    folder.mkdir(parents=True)
    text = (BUILTIN_DIR / "weekly-update.toml").read_text(encoding="utf-8")
    (folder / "sitrep.toml").write_text(text.replace('name = "weekly-update"', 'name = "our-sitrep"')
                                        .replace("Weekly update (2–3 pages)", "Our sitrep"), encoding="utf-8")
    assert main(["templates", "--store", str(demo_store_path)]) == 0
    out = capsys.readouterr().out
    assert "our-sitrep" in out and "Our sitrep" in out
    assert all(name in out for name in BUILT_IN)


def test_invalid_user_template_is_refused_with_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "briefer" / "templates"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text(VALID + 'surge_minimum = "five"\n', encoding="utf-8")
    assert main(["templates"]) == 2
    err = capsys.readouterr().err
    assert "broken.toml, line 3, key 'surge_minimum'" in err and "Traceback" not in err


def test_a_broken_user_template_does_not_block_others_but_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.core.templates import get_template

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "briefer" / "templates"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(VALID + 'map_frame = "planet"\n', encoding="utf-8")
    assert get_template("weekly-update").name == "weekly-update"
    with pytest.raises(SelectionError) as caught:
        get_template("mine")
    assert "unknown template 'mine'" in str(caught.value) and "mine.toml, line 3, key 'map_frame'" in str(caught.value)
