"""Column-mapping profiles for an organisation's own incident log, and guessing one from headings.

Contract:
- A mapping is {field: column heading} over `FIELDS`; only `date` is required in it (`country`
  may come from the profile's default country instead); unmapped optional fields are left empty.
- `guess_mapping(headings)` proposes a mapping from English or French headings ("Date de
  l'incident", "Lieu", "Auteur", "Type d'incident", "Morts", "Blessés"…), each heading used at
  most once, exact names before names that merely contain a known word; it never invents a
  heading, and headings differing only by case, accents or spacing give the same mapping.
- `save_profile`, `list_profiles`, `load_profile`, `delete_profile` keep profiles in the
  store's `import_profiles` table (saving replaces a profile of the same name); an unknown
  field, an empty heading or an unknown profile raises `ValidationError` naming it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from briefer.core.errors import ValidationError
from briefer.core.messages import msg
from briefer.core.store.db import Store
from briefer.core.tagging import fold

KIND = "incidents"
DATE_ORDERS = ("dmy", "mdy")

# field -> headings that name it (folded: lower case, no accents, punctuation as spaces)
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "ref", "reference", "no", "n", "numero", "incident id", "id incident", "code incident",
           "incident number", "numero incident", "numero de l incident"),
    "date": ("date", "date de l incident", "date incident", "incident date", "date of incident", "jour",
             "date de l evenement", "date evenement", "event date", "day", "date des faits"),
    "country": ("pays", "country"),
    "admin1": ("region", "province", "admin1", "admin 1", "state"),
    "place": ("lieu", "localite", "location", "place", "village", "commune", "ville", "town", "site",
              "lieu de l incident", "locality", "lieu de l evenement", "localisation"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon", "long", "lng"),
    "coordinates": ("coordonnees", "coordinates", "gps", "coordonnees gps", "gps coordinates", "coords"),
    "actor": ("auteur", "auteurs", "acteur", "acteurs", "perpetrator", "perpetrators", "actor", "actors",
              "auteur presume", "auteurs presumes", "alleged perpetrator", "responsable"),
    "target": ("cible", "cibles", "target", "targets", "victim type", "type de victime", "personnes visees"),
    "act": ("type d incident", "type incident", "incident type", "type", "nature", "nature de l incident",
            "acte", "act", "category", "categorie", "event type", "type d evenement", "type of incident"),
    "impact": ("impact", "bilan", "consequences", "outcome", "dommages", "damage", "impact humain"),
    "casualties": ("victimes", "casualties", "nombre de victimes", "victims"),
    "killed": ("morts", "mort", "tues", "deces", "killed", "dead", "deaths", "fatalities", "nombre de morts",
               "nombre de tues"),
    "injured": ("blesses", "blesse", "injured", "wounded", "nombre de blesses", "injuries"),
    "description": ("description", "resume", "details", "narrative", "commentaires", "comments",
                    "observations", "summary", "notes", "recit", "faits", "description de l incident"),
    "source": ("source", "sources", "source de l information", "reported by", "rapporte par"),
}
REQUIRED = ("date",)
_EXACT = 1000


def heading_key(heading: str) -> str:
    """A heading as compared: "Date de l'incident" -> "date de l incident"."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(heading)).split())


def guess_mapping(headings: Sequence[str]) -> dict[str, str]:
    """The likeliest mapping for these headings (see the module's contract), in `FIELDS` order."""
    keys = [heading_key(h) for h in headings]
    scored = sorted(((score, -index, name) for name in FIELDS for index, key in enumerate(keys)
                     if (score := heading_score(key, FIELDS[name])) > 0), reverse=True)
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for _, index, name in scored:
        key = keys[-index]
        if name not in mapping and key not in taken:
            mapping[name], taken = headings[-index].strip(), taken | {key}
    return {name: mapping[name] for name in FIELDS if name in mapping}


def heading_score(key: str, words: Iterable[str]) -> int:
    """How well a heading names a field: exact beats a longer contained phrase beats a shorter one."""
    best = 0
    padded = f" {key} "
    for word in words:
        if key == word:
            return _EXACT
        if len(word) > 2 and f" {word} " in padded:
            best = max(best, len(word))
    return best


@dataclass(frozen=True)
class ProfileOptions:
    """How to read the values: day/month order, the dataset's name, a default country, who keeps the log."""

    date_order: str = "dmy"
    dataset: str = ""
    country: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class IncidentProfile:
    """A named mapping {field: heading} with its options."""

    name: str
    mapping: Mapping[str, str]
    options: ProfileOptions = field(default_factory=ProfileOptions)

    def checked(self) -> IncidentProfile:
        """The profile with tidy headings, or ValidationError for an unknown field or order."""
        mapping = {}
        for name, heading in self.mapping.items():
            if name not in FIELDS:
                raise ValidationError.of("prof-unknown-field", name=name, fields=", ".join(FIELDS))
            if not str(heading).strip():
                raise ValidationError.of("prof-empty-heading", name=name)
            mapping[name] = str(heading).strip()
        if self.options.date_order not in DATE_ORDERS:
            raise ValidationError.of("prof-date-order", order=self.options.date_order, orders=tuple(DATE_ORDERS))
        return replace(self, mapping=mapping)


def parse_map_items(items: Iterable[str]) -> dict[str, str]:
    """`field=Heading` texts (as given to --map) -> {field: heading}; ValidationError if malformed."""
    mapping: dict[str, str] = {}
    for item in items:
        name, sep, heading = item.partition("=")
        if not sep or not heading.strip():
            raise ValidationError.of("prof-map-item", item=item)
        mapping[name.strip().lower()] = heading.strip()
    return mapping


def save_profile(store: Store, profile: IncidentProfile) -> None:
    """Store `profile` (replacing one of the same name) in one transaction."""
    profile = profile.checked()
    if not profile.name.strip():
        raise ValidationError.of("prof-no-name")
    options = {k: v for k, v in vars(profile.options).items() if v}
    with store.db.atomic():
        store.db.execute(
            """INSERT INTO import_profiles (name, kind, mapping, options) VALUES (?, ?, ?, ?)
               ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping,
               options = excluded.options, updated = datetime('now')""",
            [profile.name.strip(), KIND, json.dumps(dict(profile.mapping), ensure_ascii=False),
             json.dumps(options, ensure_ascii=False)])


def list_profiles(store: Store) -> list[IncidentProfile]:
    """Every incident-log profile of the store, by name."""
    rows = store.db.execute("SELECT name, mapping, options FROM import_profiles WHERE kind = ? ORDER BY name",
                            [KIND]).fetchall()
    return [_profile(*row) for row in rows]


def load_profile(store: Store, name: str) -> IncidentProfile:
    """The profile called `name`, or ValidationError listing the profiles there are."""
    for profile in list_profiles(store):
        if profile.name == name.strip():
            return profile
    known = ", ".join(p.name for p in list_profiles(store)) or msg("prof-none-yet")
    raise ValidationError.of("prof-missing", name=name, known=known)


def delete_profile(store: Store, name: str) -> None:
    """Remove the profile called `name` (ValidationError when there is none)."""
    load_profile(store, name)
    with store.db.atomic():
        store.db.execute("DELETE FROM import_profiles WHERE name = ?", [name.strip()])


def _profile(name: str, mapping: str, options: str) -> IncidentProfile:
    known = {k: v for k, v in json.loads(options or "{}").items() if k in ProfileOptions.__dataclass_fields__}
    return IncidentProfile(name, json.loads(mapping), ProfileOptions(**known))


def describe_mapping(mapping: Mapping[str, str]) -> str:
    """"date ← 'Date', place ← 'Lieu', …" for showing what was assumed."""
    return ", ".join(f"{name} ← {heading!r}" for name, heading in mapping.items())
