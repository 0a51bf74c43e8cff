"""Analyst input: outlook and risk-matrix sections, the overall trend on the cover, saved
briefings, templates' citation keys and the CLI options, read back from real files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from briefer.core import recipes
from briefer.core.analystinput import parse_risk, read_analyst_file
from briefer.core.domain import BriefingOptions, Period, Risk, Selection
from briefer.core.errors import SelectionError, ValidationError
from briefer.core.pdf import render_pdf
from briefer.core.pdf.analyst import level
from briefer.core.templates import parse_template
from tests.core.pdfread import full_text, outline_titles, page_texts, read
from tests.core.sample_briefing import sample_briefing
from tests.core.test_cli import build_args, run

RISKS = (Risk("Ambush or IED on the Gao–Kidal road", 4, 5), Risk("Kidnapping of staff <b>Mopti</b>", 2, 3))
OUTLOOK = "Fighting around former bases will go on.\n\nRoad travel north of Gao stays high risk."
SECTIONS = ("cover", "key-messages", "outlook", "risk-matrix", "references")


def analysed(lang: str) -> bytes:
    return render_pdf(sample_briefing(lang, sections=SECTIONS, outlook=OUTLOOK, risks=RISKS,  # type: ignore[arg-type]
                                      overall_trend="deteriorated"))


@pytest.mark.parametrize("lang, words", [
    ("en", ["Outlook", "Fighting around former bases will go on.", "Risk matrix", "Likelihood", "4 · Likely",
            "5 · Severe", "Very high", "2 · Unlikely", "3 · Moderate", "Moderate", "Almost certain"]),
    ("fr", ["Perspectives", "Matrice des risques", "Probabilité", "4 · Probable", "5 · Grave", "Très élevé",
            "2 · Peu probable", "Quasi certain"]),
])
def test_outlook_and_risk_matrix_sections(lang: str, words: list[str]) -> None:
    reader = read(analysed(lang))
    text = full_text(reader)
    for word in words:
        assert word in text, word
    assert "Kidnapping of staff <b>Mopti</b>" in text  # analyst text is printed as typed
    top = [t for depth, t in outline_titles(reader.outline) if depth == 0]
    assert top.index("Outlook" if lang == "en" else "Perspectives") < top.index(
        "Risk matrix" if lang == "en" else "Matrice des risques")


@pytest.mark.parametrize("lang, trend, expected", [
    ("en", "deteriorated", "↓ OVERALL TREND Deteriorated"), ("fr", "deteriorated", "↓ TENDANCE GÉNÉRALE Détérioration"),
    ("en", "improved", "↑ OVERALL TREND Improved"), ("fr", "unchanged", "→ TENDANCE GÉNÉRALE Situation inchangée"),
    ("fr", "improved", "↑ TENDANCE GÉNÉRALE Amélioration"),
])
def test_overall_trend_on_the_cover(lang: str, trend: str, expected: str) -> None:
    data = render_pdf(sample_briefing(lang, sections=("cover", "references"), overall_trend=trend))  # type: ignore[arg-type]
    cover = page_texts(read(data))[0]
    assert expected in cover


def test_empty_analyst_input_prints_nothing() -> None:
    text = full_text(read(render_pdf(sample_briefing("en", sections=SECTIONS))))
    assert "Outlook" not in text and "Risk matrix" not in text and "OVERALL TREND" not in text


def test_risk_levels() -> None:
    assert [level(s)[0] for s in (1, 4, 5, 9, 10, 16, 20, 25)] == [
        "level-low", "level-low", "level-moderate", "level-moderate", "level-high", "level-high",
        "level-very-high", "level-very-high"]
    with pytest.raises(ValueError, match="from 1 to 5"):
        Risk("x", 0, 3)
    with pytest.raises(ValueError, match="needs a threat"):
        Risk(" ", 1, 3)


def test_saved_briefing_round_trips_analyst_input(fresh_store) -> None:  # type: ignore[no-untyped-def]
    recipe = recipes.Recipe(
        Selection(("MLI",), Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31)), "peacekeeping"), "country-brief",
        BriefingOptions(outlook=OUTLOOK, overall_trend="improved", risks=RISKS, citation_style="author-date"))
    assert recipes.Recipe.from_json(recipe.to_json()) == recipe
    recipes.save(fresh_store, "With analysis", recipe)
    assert recipes.load(fresh_store, "With analysis") == recipe
    data = json.loads(recipe.to_json())
    data["options"]["risks"] = [["x", 9, 1]]
    with pytest.raises(ValidationError, match="cannot be read"):
        recipes.Recipe.from_json(json.dumps(data))
    for key in ("risks", "outlook", "overall_trend", "citation_style"):  # recipes saved before cite5
        del data["options"][key]
    assert recipes.Recipe.from_json(json.dumps(data)).options.risks == ()


def test_parse_risk_and_analyst_file(tmp_path: Path) -> None:
    assert parse_risk("Ambush; on the road;4;5") == Risk("Ambush; on the road", 4, 5)
    for bad in ("Ambush", "Ambush;high;5", "Ambush;4;6", ";4;5"):
        with pytest.raises(ValidationError):
            parse_risk(bad)
    good = tmp_path / "analysis.toml"
    good.write_text('outlook = "More fighting."\ntrend = "deteriorated"\nmessages = ["One"]\n\n'
                    '[[risks]]\nthreat = "Ambush"\nlikelihood = 4\nimpact = 5\n', encoding="utf-8")
    given = read_analyst_file(good)
    assert (given.outlook, given.trend, given.messages, given.risks) == (
        "More fighting.", "deteriorated", ("One",), (Risk("Ambush", 4, 5),))
    bad = tmp_path / "bad.toml"
    bad.write_text('outlook = "x"\ntrend = "worse"\n', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"bad.toml, line 2, key 'trend'"):
        read_analyst_file(bad)
    bad.write_text('[[risks]]\nthreat = "x"\nlikelihood = 7\nimpact = 1\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="risk 1: likelihood"):
        read_analyst_file(bad)


def test_template_citation_keys(tmp_path: Path) -> None:
    builtin = parse_template(Path(__file__).resolve().parents[2] / "templates" / "country-brief.toml")
    assert (builtin.citation_style, builtin.notes) == ("numbered", "footnotes")
    assert "outlook" in builtin.sections and "risk-matrix" in builtin.sections
    path = tmp_path / "mine.toml"
    (tmp_path / "house.csl").write_text("<style/>", encoding="utf-8")
    path.write_text('name = "mine"\ndescription_en = "x"\ncitation_style = "house.csl"\nnotes = "endnotes"\n',
                    encoding="utf-8")
    mine = parse_template(path)
    assert mine.citation_style == str(tmp_path / "house.csl") and mine.notes == "endnotes"
    path.write_text('name = "mine"\ndescription_en = "x"\nnotes = "sidenotes"\n', encoding="utf-8")
    with pytest.raises(SelectionError, match="line 3, key 'notes'"):
        parse_template(path)
    path.write_text('name = "mine"\ndescription_en = "x"\ncitation_style = "chicago"\n', encoding="utf-8")
    with pytest.raises(SelectionError, match="line 3, key 'citation_style'"):
        parse_template(path)


# --- CLI --------------------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], store: Path, out: Path, *extra: str) -> tuple[int, str]:
    code, _, err = run(capsys, *build_args(store, out, *extra))
    return code, err


def test_cli_analyst_options_and_author_date(capsys, demo_store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brief.pdf"
    code, err = cli(capsys, demo_store_path, out, "--lang", "fr", "--citation-style", "author-date",
                    "--outlook", "Les combats vont continuer.", "--trend", "deteriorated",
                    "--risk", "Embuscade sur l’axe Gao–Kidal;4;5", "--risk", "Enlèvement;3;4")
    assert (code, err) == (0, "")
    texts = page_texts(read(out.read_bytes()))
    assert "↓ TENDANCE GÉNÉRALE Détérioration" in texts[0]
    text = " ".join(texts)
    assert "Les combats vont continuer." in text and "Embuscade sur l’axe Gao–Kidal" in text
    assert "Koné, Sow et Koné (2023" in text and "[1]" not in text


def test_cli_default_template_prints_footnotes(capsys, demo_store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brief.pdf"
    assert cli(capsys, demo_store_path, out) == (0, "")
    text = full_text(read(out.read_bytes()))
    assert "Numbered notes give the sources." in text and "[1]" not in text


def test_cli_analyst_file(capsys, demo_store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    given = tmp_path / "a.toml"
    given.write_text('trend = "improved"\n[[risks]]\nthreat = "Ambush"\nlikelihood = 2\nimpact = 2\n', encoding="utf-8")
    out = tmp_path / "brief.pdf"
    assert cli(capsys, demo_store_path, out, "--analyst-input", str(given), "--risk", "Kidnapping;5;5") == (0, "")
    text = full_text(read(out.read_bytes()))
    assert "↑ OVERALL TREND Improved" in text and "Ambush" in text and "Kidnapping" in text


@pytest.mark.parametrize("extra, message", [
    (("--risk", "Ambush;9;1"), "likelihood of 'Ambush' must be a whole number from 1 to 5"),
    (("--risk", "Ambush"), "cannot read the risk 'Ambush'"),
    (("--citation-style", "missing.csl"), "missing.csl: cannot read the CSL style"),
    (("--citation-style", "chicago"), "unknown citation style 'chicago'"),
    (("--trend", "worse"), "invalid choice: 'worse'"),
])
def test_cli_analyst_errors_exit_2(capsys, demo_store_path: Path, tmp_path: Path, extra, message) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brief.pdf"
    code, err = cli(capsys, demo_store_path, out, *extra)
    assert code == 2 and message in err and "Traceback" not in err
    assert not out.exists()


def test_sample_briefing_defaults_are_unchanged() -> None:
    b = sample_briefing("en")
    assert (b.citation_style, b.notes, b.outlook, b.overall_trend, b.risks) == ("numbered", "none", "", "", ())
    assert dataclasses.replace(b, risks=RISKS).risks == RISKS
