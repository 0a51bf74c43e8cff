"""The flagship build, end to end on the demo store, read back from the real PDF file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefer.core.domain import BriefingOptions
from briefer.core.pipeline import BuildRequest, build_pdf

sys.path.insert(0, str(Path(__file__).parent))
from pdfread import embedded_font_names, full_text, outline_titles, page_texts

MESSAGE = "MINUSMA’s withdrawal removes the only force mandated to protect civilians in northern Mali."


def request(store: Path, out: Path, lang: str = "en", countries: tuple[str, ...] = ("Mali",)) -> BuildRequest:
    options = BriefingOptions(author="Aminata Traoré", organisation="Sahel NGO Forum", issued=dt.date(2024, 1, 8),
                              language=lang, key_messages=(MESSAGE,))  # type: ignore[arg-type]
    return BuildRequest(countries=countries, start=dt.date(2023, 6, 1), end=dt.date(2023, 12, 31),
                        topic="peacekeeping", out=out, store=store, options=options)


@pytest.fixture(scope="module")
def english(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    return PdfReader(build_pdf(request(demo_store_path, tmp_path_factory.mktemp("b") / "mali.pdf")))


@pytest.fixture(scope="module")
def french(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    out = tmp_path_factory.mktemp("b") / "sahel.pdf"
    return PdfReader(build_pdf(request(demo_store_path, out, "fr", ("Mali", "Burkina", "Niger"))))


def test_text_quotes_sources_chronology_and_synthetic_warning(english: PdfReader) -> None:
    text = full_text(english)
    for expected in ("Mali: Peacekeeping and MINUSMA", "1 June – 31 December 2023", "Sahel NGO Forum",
                     "Aminata Traoré", MESSAGE, "Security context: all political violence", "Chronology",
                     "Resolution 2690", "Koné", "Institute for Security Studies", "Nextier",
                     "SYNTHETIC", "without a credible alternative", "July 2013"):
        assert expected in text, expected


def test_every_page_has_marking_and_page_x_of_y(english: PdfReader) -> None:
    pages = page_texts(english)
    assert len(pages) >= 6
    for number, text in enumerate(pages, 1):
        assert text.count("TLP:AMBER") >= 2, number
        assert f"Page {number} of {len(pages)}" in text


def test_outline_and_metadata(english: PdfReader) -> None:
    titles = [title for depth, title in outline_titles(english.outline) if depth == 0]
    for section in ("Key messages", "Key figures", "Trends and breakdowns", "Selected quotations",
                    "Chronology", "References", "Annex: incident list", "About the data"):
        assert section in titles
    meta = english.metadata
    assert meta.title == "Mali: Peacekeeping and MINUSMA"
    assert "Aminata Traoré" in meta.author and "Mali" in meta.subject and "TLP:AMBER" in (meta.get("/Keywords") or "")


def test_fonts_are_embedded_dejavu(english: PdfReader) -> None:
    names = embedded_font_names(english)
    assert names and all("DejaVu" in n for n in names)


def test_french_three_countries(french: PdfReader) -> None:
    text = full_text(french)
    for expected in ("Mali, Burkina Faso et Niger : maintien de la paix et MINUSMA", "Page 1 sur",
                     "consulté le", "Chronologie", "juin 2023", "Événements liés au thème, par pays"):
        assert expected in text, expected
    assert "Page 1 of" not in text
