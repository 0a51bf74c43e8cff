"""Every template builds for the demo store in English and French, for one country and for three,
read back from the real PDF: page counts, headings, French dates and numbers, trend words, surges."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefer.core import i18n
from briefer.core.domain import BriefingOptions, Period
from briefer.core.pipeline import BuildRequest, build_pdf

sys.path.insert(0, str(Path(__file__).parent))
from pdfread import embedded_font_names, full_text, page_texts

ONE, THREE = ("Mali",), ("Mali", "Burkina Faso", "Niger")
PERIODS = {  # the template's natural period
    "country-brief": (dt.date(2023, 6, 1), dt.date(2023, 12, 31)),
    "regional-spillover": (dt.date(2023, 6, 1), dt.date(2023, 12, 31)),
    "weekly-update": (dt.date(2023, 12, 25), dt.date(2023, 12, 31)),
    "flash-report": (dt.date(2023, 8, 28), dt.date(2023, 8, 28)),  # a day with events in Mali
}
MAX_PAGES = {"weekly-update": 3, "flash-report": 2}
HEADINGS = {
    ("weekly-update", "en"): ("WEEKLY UPDATE · NO. 52", "Situation as of 31 December 2023", "Key figures",
                              "compared with 27 November – 24 December 2023"),
    ("weekly-update", "fr"): ("POINT HEBDOMADAIRE · N° 52", "Situation au 31 décembre 2023", "Chiffres clés",
                              "Période couverte"),
    ("flash-report", "en"): ("FLASH REPORT", "What happened", "Toll", "Nearest context", "28 August 2023",
                             "Map of events"),
    ("flash-report", "fr"): ("FLASH INFO", "Les faits", "Bilan", "Contexte immédiat", "28 août 2023"),
    ("regional-spillover", "en"): ("Countries side by side", "Events by country", "Border areas", "Regions",
                                   "vs 52-week average"),
    ("regional-spillover", "fr"): ("Les pays côte à côte", "Événements par pays", "Zones frontalières",
                                   "Écart à la moyenne sur 52 semaines", "1 juin – 31 décembre 2023"),
    ("country-brief", "en"): ("Key figures", "vs 52-week average", "Trends and breakdowns"),
    ("country-brief", "fr"): ("Chiffres clés", "Écart à la moyenne sur 52 semaines", "1 juin – 31 décembre 2023"),
}


@pytest.fixture(scope="module")
def build(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., PdfReader]:
    made: dict[tuple[object, ...], PdfReader] = {}
    folder = tmp_path_factory.mktemp("templates")

    def make(template: str, lang: str, countries: tuple[str, ...], topic: str = "peacekeeping") -> PdfReader:
        key = (template, lang, countries, topic)
        if key not in made:
            start, end = PERIODS[template]
            options = BriefingOptions(issued=dt.date(2024, 1, 8), language=lang,  # type: ignore[arg-type]
                                      organisation="Sahel NGO Forum")
            out = folder / f"{template}-{lang}-{len(countries)}-{topic}.pdf"
            made[key] = PdfReader(build_pdf(BuildRequest(countries, start, end, topic, out, demo_store_path,
                                                         template, options)))
        return made[key]

    return make


@pytest.mark.parametrize("countries", [ONE, THREE], ids=["one", "three"])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("template", list(PERIODS))
def test_every_template_builds(build: Callable[..., PdfReader], template: str, lang: str,
                               countries: tuple[str, ...]) -> None:
    reader = build(template, lang, countries)
    pages = page_texts(reader)
    assert len(pages) <= MAX_PAGES.get(template, 12), len(pages)
    text = full_text(reader)
    for expected in HEADINGS[(template, lang)]:
        if expected in ("Border areas", "Zones frontalières") and len(countries) == 1:
            continue
        assert expected in text, expected
    marker = "Page 1 sur" if lang == "fr" else "Page 1 of"
    assert marker in text
    period = i18n.fmt_period(Period(*PERIODS[template]), lang)  # type: ignore[arg-type]
    assert i18n.typeset(period, lang) in text or period in text, period
    empty = "Aucun événement n’est enregistré" if lang == "fr" else "No events are recorded"
    assert "SYNTH" in text or empty in text  # the week of peacekeeping has no event: said so
    assert all("DejaVu" in name for name in embedded_font_names(reader))


def test_weekly_update_trends_baseline_and_surges(build: Callable[..., PdfReader]) -> None:
    text = full_text(build("weekly-update", "en", THREE, "armed-conflict"))
    for expected in ("Previous 4 weeks, per week", "vs 52-week average", "in all", "avg.", "Sharp increase",
                     "▲ surge: at least +100% on the previous period, with at least 5 events",
                     "Gao (Mali) ▲", "Changes compare this period with the 28 days before it"):
        assert expected in text, expected
    assert len(page_texts(build("weekly-update", "en", THREE, "armed-conflict"))) <= 3


def test_weekly_update_in_french(build: Callable[..., PdfReader]) -> None:
    reader = build("weekly-update", "fr", THREE, "armed-conflict")
    text = full_text(reader)
    for expected in ("4 semaines précédentes, par semaine", "Forte hausse", "base faible", "moy.",
                     "forte poussée", "comparée à la période du 27 novembre"):
        assert expected in text, expected
    assert re.search(r"\+29[ \u00a0]% \(\+15\)", text) and re.search(r"au moins \+100[ \u00a0]%", text)
    assert len(page_texts(reader)) <= 3


def test_regional_spillover_lists_cross_border_actors_with_french_numbers(build: Callable[..., PdfReader]) -> None:
    text = full_text(build("regional-spillover", "fr", THREE, "armed-conflict"))
    for expected in ("Acteurs transfrontaliers", "Mali, Burkina Faso, Niger", "Pays voisins", "JNIM"):
        assert expected in text, expected
    assert re.search(r"JNIM.{1,3}Group .{0,80}Niger 1[ \u00a0\u202f]155 ", text)  # grouped the French way, not "1,155"
    assert "1,155" not in text


def test_report_number_option(demo_store_path: Path, tmp_path: Path) -> None:
    options = BriefingOptions(issued=dt.date(2024, 1, 2), report_number="7/2024")
    start, end = PERIODS["weekly-update"]
    out = build_pdf(BuildRequest(THREE, start, end, "armed-conflict", tmp_path / "w.pdf", demo_store_path,
                                 "weekly-update", options))
    assert "WEEKLY UPDATE · NO. 7/2024" in full_text(PdfReader(out))
