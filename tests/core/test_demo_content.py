"""Checks on the demo store's readable content (resources/demo/*.json, *.toml).

Part (a) checks structure: keys, types, counts, cross-references, ISO3 codes and topic slugs.
Part (b) checks, when the shared seed texts are present next to the repository, that every
quotation and every figure sentence occurs verbatim in the text of its source.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pycountry
import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo"
SHARED = REPO.parent / "shared"

TOPIC_ORDER = [
    "armed-conflict",
    "civilians",
    "peacekeeping",
    "displacement",
    "governance",
    "external-forces",
    "regional-spillover",
    "protests",
]
ACLED_EVENT_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}
ACLED_SUB_EVENT_TYPES = {
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
}
PRECISIONS = ("year", "month", "day")
UNITS = {"percent", "attacks", "people", "deaths", "personnel", "date", "years", "troops"}
QUALIFIERS = {"over", "about", "exactly", None}
KINDS = {"article", "press-release", "report"}
LOCATOR = re.compile(r"^para\. [1-9][0-9]*$")

# Where the text of each source lives, relative to SHARED.
SOURCE_TEXTS = {
    "nextier-malian-exit": "seeds/000_376636f4196d2fe2.txt",
    "iss-minusma-leaves-mali": "seeds/003_0dd04ac1d8255657.txt",
    "un-sc15341": "fixtures/articles/01_press.un.org_sc15341.txt",
}
# First words of paragraph 1 of each article body (what comes before is site furniture).
BODY_STARTS = {
    "nextier-malian-exit": "The withdrawal of the United Nations",
    "iss-minusma-leaves-mali": "On 30 June the United Nations",
    "un-sc15341": "The Security Council decided today",
}


def _json(name: str) -> Any:
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sources() -> list[dict[str, Any]]:
    return _json("sources.json")


@pytest.fixture(scope="module")
def quotations() -> list[dict[str, Any]]:
    return _json("quotations.json")


@pytest.fixture(scope="module")
def figures() -> list[dict[str, Any]]:
    return _json("figures.json")


@pytest.fixture(scope="module")
def key_dates() -> list[dict[str, Any]]:
    return _json("key_dates.json")


@pytest.fixture(scope="module")
def topics() -> list[dict[str, Any]]:
    with (DEMO / "topics.toml").open("rb") as fh:
        return tomllib.load(fh)["topic"]


@pytest.fixture(scope="module")
def topic_slugs(topics: list[dict[str, Any]]) -> set[str]:
    return {t["slug"] for t in topics}


@pytest.fixture(scope="module")
def source_keys(sources: list[dict[str, Any]]) -> set[str]:
    return {s["key"] for s in sources}


def _precision(iso: str) -> str:
    return PRECISIONS[iso.count("-")]


def _check_partial_date(iso: Any) -> None:
    assert isinstance(iso, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso), iso
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    dt.date(parts[0], parts[1], parts[2])  # raises on an impossible date


def _check_day(iso: Any) -> None:
    assert isinstance(iso, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso), iso
    dt.date.fromisoformat(iso)


def _check_iso3(code: Any) -> None:
    assert isinstance(code, str) and len(code) == 3 and code.isupper(), code
    assert pycountry.countries.get(alpha_3=code) is not None, f"unknown ISO3 code {code!r}"


def _check_keys(obj: dict[str, Any], keys: set[str], what: str) -> None:
    assert set(obj) == keys, f"{what}: keys {sorted(obj)} != {sorted(keys)}"


# --- (a) structure ---------------------------------------------------------------------------


def test_sources(sources: list[dict[str, Any]]) -> None:
    assert len(sources) >= 3
    keys = [s["key"] for s in sources]
    assert len(keys) == len(set(keys)), "duplicate source keys"
    for s in sources:
        _check_keys(
            s,
            {"key", "title", "authors", "publisher", "container", "published",
             "published_precision", "url", "accessed", "kind", "language", "note"},
            f"source {s.get('key')}",
        )
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s["key"]), s["key"]
        assert isinstance(s["title"], str) and s["title"].strip()
        assert isinstance(s["authors"], list) and all(isinstance(a, str) and a.strip() for a in s["authors"])
        assert isinstance(s["publisher"], str) and s["publisher"].strip()
        assert s["container"] is None or (isinstance(s["container"], str) and s["container"].strip())
        _check_partial_date(s["published"])
        assert s["published_precision"] == _precision(s["published"])
        assert isinstance(s["url"], str) and s["url"].startswith("https://")
        _check_day(s["accessed"])
        assert s["kind"] in KINDS
        assert s["language"] in {"en", "fr"}
        assert s["note"] is None or isinstance(s["note"], str)
    assert {"nextier-malian-exit", "iss-minusma-leaves-mali", "un-sc15341"} <= set(keys)


def test_quotations(quotations: list[dict[str, Any]], source_keys: set[str], topic_slugs: set[str]) -> None:
    assert len(quotations) >= 15
    texts = [q["text"] for q in quotations]
    assert len(texts) == len(set(texts)), "duplicate quotation"
    for q in quotations:
        _check_keys(q, {"source", "text", "speaker", "locator", "date", "countries", "topics"}, "quotation")
        assert q["source"] in source_keys, q["source"]
        assert isinstance(q["text"], str) and q["text"] == q["text"].strip() and q["text"]
        assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"].strip())
        assert LOCATOR.match(q["locator"]), q["locator"]
        if q["date"] is not None:
            _check_day(q["date"])
        assert isinstance(q["countries"], list) and q["countries"]
        for c in q["countries"]:
            _check_iso3(c)
        assert isinstance(q["topics"], list) and q["topics"]
        assert set(q["topics"]) <= topic_slugs, q["topics"]
    assert {q["source"] for q in quotations} == source_keys, "every source should be quoted"
    assert sum("peacekeeping" in q["topics"] for q in quotations) >= 15


def test_figures(figures: list[dict[str, Any]], source_keys: set[str], topic_slugs: set[str]) -> None:
    assert len(figures) >= 10
    for f in figures:
        _check_keys(
            f,
            {"source", "country", "topic", "label", "label_fr", "value", "unit", "qualifier", "as_of",
             "as_of_precision", "sentence", "locator"},
            f"figure {f.get('label')}",
        )
        assert f["source"] in source_keys
        _check_iso3(f["country"])
        assert f["topic"] in topic_slugs
        assert isinstance(f["label"], str) and f["label"].strip()
        assert isinstance(f["label_fr"], str) and f["label_fr"].strip() and f["label_fr"] != f["label"]
        assert f["unit"] in UNITS
        if f["unit"] == "date":
            assert f["value"] is None, f["label"]
        else:
            assert isinstance(f["value"], (int, float)) and not isinstance(f["value"], bool), f["label"]
        assert f["qualifier"] in QUALIFIERS
        _check_partial_date(f["as_of"])
        assert f["as_of_precision"] == _precision(f["as_of"])
        assert isinstance(f["sentence"], str) and f["sentence"].strip()
        assert LOCATOR.match(f["locator"]), f["locator"]
        if f["unit"] != "date" and f["value"] != 1:
            assert f"{f['value']:,}" in f["sentence"], f"{f['value']} not in {f['sentence']!r}"


def test_required_figures(figures: list[dict[str, Any]]) -> None:
    have = {(f["country"], f["unit"], f["value"], f["as_of"]) for f in figures}
    required = [
        ("MLI", "percent", 38, "2023"),
        ("MLI", "attacks", 430, "2023"),
        ("MLI", "people", 375000, "2023"),
        ("BFA", "deaths", 6000, "2023"),
        ("NER", "percent", 5, "2023"),
        ("MLI", "date", None, "2023-06-30"),
        ("MLI", "date", None, "2023-12-31"),
        ("MLI", "date", None, "2013-07"),
        ("MLI", "date", None, "2022-05"),
        ("MLI", "date", None, "2024-01-01"),
        ("MLI", "date", None, "2023-09-30"),
    ]
    for r in required:
        assert r in have, r
    assert any(f["value"] == 300 and f["topic"] == "peacekeeping" for f in figures)


def test_topics(topics: list[dict[str, Any]]) -> None:
    assert [t["slug"] for t in topics] == TOPIC_ORDER
    for t in topics:
        _check_keys(t, {"slug", "label_en", "label_fr", "description_en", "description_fr", "rules"}, t["slug"])
        for k in ("label_en", "label_fr", "description_en", "description_fr"):
            assert isinstance(t[k], str) and t[k].strip(), (t["slug"], k)
        rules = t["rules"]
        _check_keys(rules, {"event_types", "sub_event_types", "actors", "keywords"}, f"{t['slug']} rules")
        for k, values in rules.items():
            assert isinstance(values, list) and all(isinstance(v, str) and v.strip() for v in values), (t["slug"], k)
            assert len({v.casefold() for v in values}) == len(values), f"{t['slug']}.{k}: duplicate"
        assert set(rules["event_types"]) <= ACLED_EVENT_TYPES, rules["event_types"]
        assert set(rules["sub_event_types"]) <= ACLED_SUB_EVENT_TYPES, rules["sub_event_types"]
        assert any(rules.values()), f"{t['slug']} has no rule"


def test_country_aliases() -> None:
    aliases = _json("country_aliases.json")
    assert isinstance(aliases, dict) and len(aliases) >= 40
    for alias, code in aliases.items():
        assert isinstance(alias, str) and alias == alias.strip() and alias
        _check_iso3(code)
    for alias, code in {"Ivory Coast": "CIV", "Tchad": "TCD", "Mauritanie": "MRT", "Sénégal": "SEN",
                        "Algérie": "DZA", "Nigéria": "NGA", "Bénin": "BEN", "Guinée": "GIN",
                        "Libye": "LBY", "DRC": "COD", "Türkiye": "TUR", "UK": "GBR"}.items():
        assert aliases.get(alias) == code, alias


def test_key_dates(key_dates: list[dict[str, Any]], source_keys: set[str], topic_slugs: set[str]) -> None:
    assert len(key_dates) >= 7
    for k in key_dates:
        _check_keys(k, {"date", "label_en", "label_fr", "countries", "topics", "source"}, f"key date {k.get('date')}")
        _check_day(k["date"])
        assert k["label_en"].strip() and k["label_fr"].strip()
        assert k["countries"]
        for c in k["countries"]:
            _check_iso3(c)
        assert k["topics"] and set(k["topics"]) <= topic_slugs
        assert k["source"] is None or k["source"] in source_keys
    days = [k["date"] for k in key_dates]
    assert days == sorted(days), "key dates should be in chronological order"
    assert {"2023-06-16", "2023-06-21", "2023-06-30", "2023-07-26", "2023-09-30", "2023-12-31",
            "2024-01-01"} <= set(days)


# --- (b) verbatim against the shared source texts -------------------------------------------


@pytest.fixture(scope="module")
def source_texts() -> dict[str, str]:
    if not SHARED.is_dir():
        pytest.skip(f"shared source texts not found at {SHARED}")
    texts = {}
    for key, rel in SOURCE_TEXTS.items():
        path = SHARED / rel
        if not path.is_file():
            pytest.skip(f"source text missing: {path}")
        texts[key] = path.read_text(encoding="utf-8")
    return texts


def _paragraphs(key: str, text: str) -> list[str]:
    """The article body's paragraphs (non-blank lines), paragraph 1 first."""
    lines = [line for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith(BODY_STARTS[key]))
    return lines[start:]


def _check_verbatim(key: str, snippet: str, locator: str, texts: dict[str, str]) -> None:
    text = texts[key]
    assert snippet in text, f"not verbatim in {key}: {snippet!r}"
    n = int(locator.split()[1])
    paras = _paragraphs(key, text)
    assert n <= len(paras) and snippet in paras[n - 1], f"{key}: {snippet[:60]!r}… is not in {locator}"


def test_quotations_verbatim(quotations: list[dict[str, Any]], source_texts: dict[str, str]) -> None:
    checked = 0
    for q in quotations:
        if q["source"] in source_texts:
            _check_verbatim(q["source"], q["text"], q["locator"], source_texts)
            checked += 1
    assert checked == len(quotations)


def test_figure_sentences_verbatim(figures: list[dict[str, Any]], source_texts: dict[str, str]) -> None:
    checked = 0
    for f in figures:
        if f["source"] in source_texts:
            _check_verbatim(f["source"], f["sentence"], f["locator"], source_texts)
            checked += 1
    assert checked == len(figures)
