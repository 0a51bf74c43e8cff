"""Mapping profiles: the guesser on English and French headings, and profiles kept in the store."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.errors import ValidationError
from briefer.core.importers.profiles import (
    FIELDS,
    IncidentProfile,
    ProfileOptions,
    delete_profile,
    guess_mapping,
    list_profiles,
    load_profile,
    parse_map_items,
    save_profile,
)


def test_french_headings() -> None:
    headings = ["N°", "Date de saisie", "Date de l'incident", "Pays", "Région", "Localité", "Latitude", "Longitude",
                "Auteur", "Type d'incident", "Victimes", "Morts", "Blessés", "Description", "Source"]
    assert guess_mapping(headings) == {
        "id": "N°", "date": "Date de l'incident", "country": "Pays", "admin1": "Région", "place": "Localité",
        "latitude": "Latitude", "longitude": "Longitude", "actor": "Auteur", "act": "Type d'incident",
        "casualties": "Victimes", "killed": "Morts", "injured": "Blessés", "description": "Description",
        "source": "Source",
    }


def test_english_headings_and_unknown_ones_left_out() -> None:
    headings = ["Incident ID", "Date of incident", "Country", "Place", "Coordinates", "Actor", "Category",
                "Deaths", "Wounded", "Summary", "Staff member on duty"]
    assert guess_mapping(headings) == {
        "id": "Incident ID", "date": "Date of incident", "country": "Country", "place": "Place",
        "coordinates": "Coordinates", "actor": "Actor", "act": "Category", "killed": "Deaths",
        "injured": "Wounded", "description": "Summary",
    }
    assert guess_mapping(["Colonne 1", "Colonne 2"]) == {}


def _respell(heading: str, upper: bool, strip_accents: bool) -> str:
    text = heading.upper() if upper else heading
    if strip_accents:
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return f"  {text} "


KNOWN = [w for words in FIELDS.values() for w in words] + ["Date de l'incident", "Blessés", "Localité",
                                                          "Type d'incident", "Auteur présumé", "Observations"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(KNOWN), st.text(alphabet="abcdeéèfghilmnorstuàçN°' -", max_size=20)), max_size=12), st.booleans(), st.booleans())
def test_guess_is_a_function_of_the_headings_up_to_case_accents_and_spacing(
        headings: list[str], upper: bool, strip_accents: bool) -> None:
    mapping = guess_mapping(headings)
    assert set(mapping) <= set(FIELDS)
    assert set(mapping.values()) <= {h.strip() for h in headings}
    assert len(set(mapping.values())) == len(mapping)  # each heading at most once
    respelled = [_respell(h, upper, strip_accents) for h in headings]
    again = guess_mapping(respelled)
    assert set(again) == set(mapping)
    position = {h.strip(): i for i, h in reversed(list(enumerate(headings)))}
    position_again = {h.strip(): i for i, h in reversed(list(enumerate(respelled)))}
    assert all(position_again[again[f]] == position[mapping[f]] for f in mapping)


def test_profiles_are_saved_listed_loaded_replaced_and_deleted(fresh_store) -> None:  # type: ignore[no-untyped-def]
    profile = IncidentProfile("ONG Sahel", {"date": "Date", "place": "Lieu"},
                              ProfileOptions(date_order="dmy", dataset="ONG", country="Mali"))
    save_profile(fresh_store, profile)
    assert load_profile(fresh_store, "ONG Sahel") == profile
    save_profile(fresh_store, IncidentProfile("ONG Sahel", {"date": "Jour"}))
    assert [p.mapping for p in list_profiles(fresh_store)] == [{"date": "Jour"}]
    delete_profile(fresh_store, "ONG Sahel")
    assert list_profiles(fresh_store) == []
    with pytest.raises(ValidationError, match="no import profile 'ONG Sahel'; profiles: none yet"):
        load_profile(fresh_store, "ONG Sahel")


@pytest.mark.parametrize(("profile", "message"), [
    (IncidentProfile("p", {"when": "Date"}), "unknown incident field 'when'"),
    (IncidentProfile("p", {"date": " "}), "mapped to an empty heading"),
    (IncidentProfile("p", {"date": "Date"}, ProfileOptions(date_order="ymd")), "unknown date order"),
    (IncidentProfile(" ", {"date": "Date"}), "a profile needs a name"),
])
def test_bad_profiles_are_refused_and_nothing_is_saved(fresh_store, profile, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message):
        save_profile(fresh_store, profile)
    assert list_profiles(fresh_store) == []


def test_map_items() -> None:
    assert parse_map_items(["date=Date de l'incident", " Place = Lieu "]) == {"date": "Date de l'incident",
                                                                             "place": "Lieu"}
    with pytest.raises(ValidationError, match="FIELD=HEADING"):
        parse_map_items(["date"])
