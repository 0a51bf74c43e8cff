"""Countries: ISO codes from pycountry, English and French names from CLDR (babel), and the
resolution of what a user types ("MLI", "ml", "Mali", "Côte d'Ivoire", "Ivory Coast") to ISO3.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from briefer.core.domain import Country
from briefer.core.errors import SelectionError
from briefer.core.messages import msg
from briefer.core.tagging import fold

# UN M49 sub-regions for Africa, where briefer's users work; other countries keep an empty region.
_AFRICA = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD UGA TZA ZMB ZWE",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
}
REGIONS = {iso3: region for region, codes in _AFRICA.items() for iso3 in codes.split()}


def iso_countries() -> Iterator[dict[str, Any]]:
    """Rows for the countries table: every ISO 3166-1 country with CLDR English and French names."""
    import pycountry  # only when a store is created: resolving names needs the store alone
    from babel import Locale

    english, french = Locale("en").territories, Locale("fr").territories
    for c in pycountry.countries:
        yield {
            "iso3": c.alpha_3, "iso2": c.alpha_2, "numeric": c.numeric,
            "name_en": english.get(c.alpha_2, c.name), "name_fr": french.get(c.alpha_2, c.name),
            "region": REGIONS.get(c.alpha_3, ""),
        }


def iso_aliases() -> Iterator[tuple[str, str]]:
    """(alias, ISO3) pairs from pycountry's official and common names."""
    import pycountry
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                yield value, c.alpha_3


def normalise(text: str) -> str:
    """The key names are matched on: folded case and accents, punctuation as spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


class CountryResolver:
    """Resolves user input to ISO3 against the store's countries and aliases."""

    def __init__(self, countries: Iterable[Country], aliases: dict[str, str]) -> None:
        self.by_iso3 = {c.iso3: c for c in countries}
        self._keys: dict[str, str] = {normalise(a): iso3 for a, iso3 in aliases.items()}
        for c in self.by_iso3.values():
            for key in (c.iso3, c.iso2, c.name_en, c.name_fr):
                self._keys[normalise(key)] = c.iso3

    def resolve(self, text: str) -> str:
        """ISO3 for `text`, or SelectionError naming the input and the closest names."""
        key = normalise(text)
        if key in self._keys and self._keys[key] in self.by_iso3:
            return self._keys[key]
        close = difflib.get_close_matches(key, list(self._keys), n=3, cutoff=0.8)
        names = sorted({self.by_iso3[self._keys[k]].name_en for k in close if self._keys[k] in self.by_iso3})
        hint = msg("sel-did-you-mean", names=tuple(names)) if names else ""
        raise SelectionError.of("sel-unknown-country", name=text, hint=hint)
