"""Small pieces of the PDF layer: labels, escaping, number and change wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefer.core.domain import MARKINGS, Change, Figure, FigureId, PartialDate, SourceId
from briefer.core.pdf import labels
from briefer.core.pdf.annex import short_actors
from briefer.core.pdf.markup import breakable, esc, percent, shorten
from briefer.core.pdf.sources import figure_value, localise_locator
from briefer.core.pdf.styles import TLP_COLOURS
from briefer.core.pdf.summary import change_text

PDF_DIR = Path(__file__).resolve().parents[2] / "briefer" / "core" / "pdf"


def test_every_label_has_english_and_french() -> None:
    for key, (en, fr) in labels._LABELS.items():
        assert en.strip() and fr.strip(), key
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", fr)), key


def test_every_label_used_exists() -> None:
    used = set()
    for path in PDF_DIR.glob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9-]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    used |= {f"trend-{t}" for t in ("sharp-increase", "increase", "stable", "decrease", "sharp-decrease", "new", "none")}
    missing = {k for k in used if not labels.has_label(k)}
    assert len(used) > 30 and not missing


def test_every_marking_has_colour_and_meaning() -> None:
    for marking in MARKINGS:
        assert marking in TLP_COLOURS
        assert labels.tlp_description(marking, "en") and labels.tlp_description(marking, "fr")


def test_escape_keeps_markup_literal() -> None:
    assert esc("<b>x</b> & <font size=40>") == "&lt;b&gt;x&lt;/b&gt; &amp; &lt;font size=40&gt;"


def test_french_typography_and_no_narrow_space() -> None:
    out = esc("Note : 375\u202f000 « déplacés » ?", "fr")
    assert "\u202f" not in out
    assert "Note\u00a0:" in out and "«\u00a0déplacés\u00a0»" in out and "\u00a0?" in out


def test_percent_french_spacing() -> None:
    assert percent(38.2, "en") == "+38%"
    assert percent(38.2, "fr") == "+38\u00a0%"
    assert percent(-19.8, "fr", signed=True) == "−20\u00a0%"


@pytest.mark.parametrize(
    ("change", "en", "fr"),
    [
        (Change(412, 268, 53.7, False, "sharp-increase"), "+54% (+144)", "+54\u00a0% (+144)"),
        (Change(6, 4, None, True, "sharp-increase"), "+2 (small baseline)", "+2 (base faible)"),
        (Change(5, 0, None, True, "new"), "+5 (small baseline)", "+5 (base faible)"),
        (Change(0, 0, None, True, "none"), "±0", "±0"),
    ],
)
def test_change_wording(change: Change, en: str, fr: str) -> None:
    assert change_text(change, "en") == en
    assert change_text(change, "fr") == fr


def _figure(value: float | None, unit: str, qualifier: str = "", as_of: str = "2023") -> Figure:
    return Figure(FigureId(1), SourceId(1), "MLI", "civilians", "x", value, unit, qualifier, PartialDate(as_of))


def test_figure_values() -> None:
    assert figure_value(_figure(430, "attacks", "over"), "en") == "over 430 attacks"
    assert figure_value(_figure(430, "attacks", "over"), "fr") == "plus de 430 attaques"
    assert figure_value(_figure(375000, "people"), "fr") == "375\u202f000 personnes"
    assert figure_value(_figure(38, "percent"), "en") == "38%"
    assert figure_value(_figure(38, "percent"), "fr") == "38\u00a0%"
    assert figure_value(_figure(1, "years", "over"), "en") == "over 1 year"
    assert figure_value(_figure(None, "date", as_of="2023-06-30"), "fr") == "30 juin 2023"


def test_small_helpers() -> None:
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("short", 12) == "short"
    assert breakable("Explosions/Remote violence") == "Explosions\u00a0/ Remote violence"
    assert localise_locator("para. 4", "fr") == "§\u00a04"
    assert localise_locator("para. 4", "en") == "para. 4"


def test_acled_actor_names_shortened_to_acronyms() -> None:
    actors = "JNIM: Group for Support of Islam and Muslims — Military Forces of Mali (2021-)"
    assert short_actors(actors) == "JNIM — Military Forces of Mali (2021-)"
    assert short_actors("Unidentified Armed Group (Mali)") == "Unidentified Armed Group (Mali)"
