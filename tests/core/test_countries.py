"""Resolving what a user types to ISO3."""

from __future__ import annotations

import pytest

from briefer.core.countries import CountryResolver
from briefer.core.errors import SelectionError
from briefer.core.store import reads


@pytest.fixture()
def resolver(fresh_store) -> CountryResolver:  # type: ignore[no-untyped-def]
    return CountryResolver(reads.countries(fresh_store), reads.country_aliases(fresh_store))


@pytest.mark.parametrize("text, iso3", [
    ("MLI", "MLI"), ("ml", "MLI"), ("Mali", "MLI"), ("mali", "MLI"), ("Côte d'Ivoire", "CIV"),
    ("Ivory Coast", "CIV"), ("cote d ivoire", "CIV"), ("Burkina", "BFA"), ("Tchad", "TCD"),
    ("Niger Republic", "NER"), ("Sénégal", "SEN"), ("États-Unis", "USA"), ("Bolivia, Plurinational State of", "BOL"),
])
def test_resolves_codes_names_and_aliases(resolver: CountryResolver, text: str, iso3: str) -> None:
    assert resolver.resolve(text) == iso3


def test_unknown_country_names_the_input_and_suggests(resolver: CountryResolver) -> None:
    with pytest.raises(SelectionError, match=r"unknown country 'Malli'.*Mali"):
        resolver.resolve("Malli")
    with pytest.raises(SelectionError, match="briefer countries"):
        resolver.resolve("Atlantis")


def test_every_country_has_french_name(fresh_store) -> None:  # type: ignore[no-untyped-def]
    countries = {c.iso3: c for c in reads.countries(fresh_store)}
    assert len(countries) >= 249
    assert countries["CIV"].name_fr == "Côte d’Ivoire"
    assert countries["TCD"].name_fr == "Tchad"
    assert countries["MLI"].region == "Western Africa"
