"""Numbers in English and French notation, and the figures sentences state."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.importers.numbers import find_figures, parse_number
from briefer.core.importers.sourcemeta import language_code, partial_date


def english(value: int, decimals: str = "") -> str:
    return f"{value:,}" + (f".{decimals}" if decimals else "")


def french(value: int, decimals: str = "", space: str = "\u202f") -> str:
    return f"{value:,}".replace(",", space) + (f",{decimals}" if decimals else "")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", "5", "25", "125"]),
       st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_english_and_french_notation_read_back(value: int, decimals: str, space: str) -> None:
    expected = float(f"{value}.{decimals}" if decimals else value)
    assert parse_number(english(value, decimals), "en") == pytest.approx(expected)
    assert parse_number(french(value, decimals, space), "fr") == pytest.approx(expected)
    if decimals != "125" or value >= 1000:  # "1,125" alone is ambiguous: read as thousands without a language
        assert parse_number(english(value, decimals)) == pytest.approx(expected)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1000, max_value=10**9))
def test_a_figure_in_a_sentence_is_found_in_both_languages(value: int) -> None:
    (en,) = find_figures(f"Officials said over {english(value)} people were displaced.", "en")
    (fr,) = find_figures(f"Selon l’ONU, plus de {french(value)} personnes ont été déplacées.", "fr")
    assert (en.value, en.unit, en.qualifier) == (value, "people", "over")
    assert (fr.value, fr.unit, fr.qualifier) == (value, "people", "over")


@pytest.mark.parametrize("text, value", [
    ("375,000", 375000), ("6 000", 6000), ("1,5", 1.5), ("1.5", 1.5), ("2,5 millions", 2_500_000),
    ("1.2 billion", 1.2e9), ("38", 38), ("1.234,5", 1234.5), ("0,375", 0.375),
])
def test_parse_number_without_language(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "lots", "1,,5", "12 34", "1.", "3,50,0"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("sentence, lang, expected", [
    ("violence has increased by 38 per cent, with over 430 violent attacks", "en",
     [(38, "percent", ""), (430, "attacks", "over")]),
    ("plus de 6 000 morts et une hausse de 5 %", "fr", [(6000, "deaths", "over"), (5, "percent", "")]),
    ("près de 2,5 millions de déplacés", "fr", [(2_500_000, "displaced", "nearly")]),
    ("about 1.2 million refugees", "en", [(1_200_000, "refugees", "about")]),
    ("at least 12 civilians were killed", "en", [(12, "civilians", "at least")]),
    ("a budget of $1.2 billion", "en", [(1.2e9, "USD", "")]),
])
def test_figures_with_units_and_qualifiers(sentence: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(f.value, f.unit, f.qualifier) for f in find_figures(sentence, lang)] == expected


@pytest.mark.parametrize("sentence", [
    "On 30 June 2023 the Council adopted resolution 2690 (2023) (S/RES/2690(2023)).",
    "The 9365th meeting of the G5 Sahel after Covid-19 in 2013, on the 21st of June, SC/15341.",
    "Le 31 décembre 2023, les forces ont quitté Kidal [1].",
])
def test_dates_years_codes_and_ordinals_are_not_figures(sentence: str) -> None:
    assert find_figures(sentence, "en") == [] and find_figures(sentence, "fr") == []


@pytest.mark.parametrize("text, iso", [
    ("2023", "2023"), ("2023-07", "2023-07"), ("2023/07/07/", "2023-07-07"), ("2023///", "2023"),
    ("7 July 2023", "2023-07-07"), ("juillet 2023", "2023-07"), ("2023-07-07T10:00:00Z", "2023-07-07"),
])
def test_partial_dates(text: str, iso: str) -> None:
    assert partial_date(text) == iso


@pytest.mark.parametrize("text", ["2023-13", "yesterday", "2023-02-30", "7 8 2023"])
def test_bad_partial_dates(text: str) -> None:
    with pytest.raises(ValueError):
        partial_date(text)


@pytest.mark.parametrize("text, code", [("en-GB", "en"), ("French", "fr"), ("français", "fr"), ("fra", "fr"), ("de", "de")])
def test_language_codes(text: str, code: str) -> None:
    assert language_code(text) == code
