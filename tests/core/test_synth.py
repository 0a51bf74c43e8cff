"""Tests of the synthetic demo event generator (briefer.core.demo.synth)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from briefer.core.demo.synth import EVENT_KEYS, calibration_summary, generate_events

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"

# Generous (lat_min, lat_max, lon_min, lon_max) boxes around each country.
BBOX = {
    "MLI": (10.0, 25.5, -12.5, 4.5),
    "BFA": (9.3, 15.2, -5.6, 2.5),
    "NER": (11.6, 23.6, 0.1, 16.1),
    "DZA": (18.9, 37.2, -8.8, 12.1),
    "MRT": (14.6, 27.4, -17.2, -4.7),
    "SEN": (12.2, 16.8, -17.6, -11.3),
    "GIN": (7.1, 12.7, -15.2, -7.6),
    "CIV": (4.3, 10.8, -8.7, -2.4),
    "GHA": (4.6, 11.3, -3.4, 1.3),
    "TGO": (6.0, 11.2, -0.2, 1.9),
    "BEN": (6.1, 12.5, 0.7, 3.9),
    "NGA": (4.2, 13.9, 2.6, 14.7),
    "TCD": (7.4, 23.5, 13.4, 24.0),
}
MARGIN = 0.3  # degrees; "near" events are moved up to 0.12 degrees off their town

DISORDER = {
    "Political violence",
    "Demonstrations",
    "Strategic developments",
    "Political violence; Demonstrations",
}
SUB_EVENTS = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Remote explosive/landmine/IED",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    },
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
ID_RE = re.compile(r"^SYN-([A-Z]{3})-(\d{4})-\d{6}$")


@pytest.fixture(scope="module")
def events() -> list[dict[str, object]]:
    return list(generate_events())


@pytest.fixture(scope="module")
def summary(events: list[dict[str, object]]) -> dict[str, Any]:
    return calibration_summary(events)


@pytest.fixture(scope="module")
def geography() -> dict[str, Any]:
    return json.loads((DEMO / "geography.json").read_text(encoding="utf-8"))


# -- determinism -----------------------------------------------------------------------------


def test_same_seed_gives_identical_events(events: list[dict[str, object]]) -> None:
    assert list(generate_events()) == events
    assert list(generate_events(seed=7, scale=0.3)) == list(generate_events(seed=7, scale=0.3))


def test_different_seed_gives_different_events(events: list[dict[str, object]]) -> None:
    other = list(generate_events(seed=1))
    assert other != events
    assert [e["location"] for e in other[:200]] != [e["location"] for e in events[:200]]


def test_does_not_touch_the_global_random_generator() -> None:
    import random

    random.seed(123)
    expected = random.random()
    random.seed(123)
    list(generate_events(scale=0.05))
    assert random.random() == expected


# -- shape -----------------------------------------------------------------------------------


def test_keys_and_types(events: list[dict[str, object]]) -> None:
    for e in events:
        assert tuple(e) == EVENT_KEYS
        for key in (
            "external_id",
            "event_date",
            "disorder_type",
            "event_type",
            "sub_event_type",
            "actor1",
            "assoc_actor_1",
            "actor2",
            "assoc_actor_2",
            "civilian_targeting",
            "country_iso3",
            "admin1",
            "admin2",
            "location",
            "source",
            "source_scale",
            "notes",
        ):
            assert isinstance(e[key], str), key
        for key in ("time_precision", "geo_precision", "fatalities", "timestamp"):
            assert type(e[key]) is int, key
        assert type(e["latitude"]) is float and type(e["longitude"]) is float
        assert (
            round(e["latitude"], 4) == e["latitude"] and round(e["longitude"], 4) == e["longitude"]
        )
        assert e["actor1"]
        assert e["time_precision"] in (1, 2, 3) and e["geo_precision"] in (1, 2, 3)
        assert e["fatalities"] >= 0  # type: ignore[operator]
        assert e["disorder_type"] in DISORDER
        assert e["sub_event_type"] in SUB_EVENTS[e["event_type"]]  # type: ignore[index]
        assert e["civilian_targeting"] in ("", "Civilian targeting")


def test_precision_mostly_exact(events: list[dict[str, object]]) -> None:
    n = len(events)
    assert sum(e["time_precision"] == 1 for e in events) / n > 0.8
    assert sum(e["geo_precision"] in (1, 2) for e in events) / n > 0.85


def test_dates_in_period_and_sorted(events: list[dict[str, object]]) -> None:
    dates = [str(e["event_date"]) for e in events]
    assert dates == sorted(dates)
    assert dates[0] >= "2022-01-01" and dates[-1] <= "2024-12-31"
    for d in set(dates):
        dt.date.fromisoformat(d)


def test_timestamp_is_a_few_days_after_the_event(events: list[dict[str, object]]) -> None:
    for e in events:
        day = dt.datetime.fromisoformat(f"{e['event_date']}T00:00:00+00:00").timestamp()
        assert day + 86400 <= e["timestamp"] <= day + 14 * 86400  # type: ignore[operator]


def test_flagged_as_synthetic(events: list[dict[str, object]]) -> None:
    for e in events:
        assert str(e["notes"]).startswith("[SYNTHETIC] ")
        assert e["source"] == "briefer synthetic demo data (not real events)"
        assert "{" not in str(e["notes"]) and not str(e["notes"]).endswith(" ")


def test_unique_external_ids(events: list[dict[str, object]]) -> None:
    ids = [str(e["external_id"]) for e in events]
    assert len(set(ids)) == len(ids)
    for e in events:
        match = ID_RE.match(str(e["external_id"]))
        assert (
            match
            and match.group(1) == e["country_iso3"]
            and match.group(2) == str(e["event_date"])[:4]
        )


def test_civilian_targeting_follows_actor2(events: list[dict[str, object]]) -> None:
    for e in events:
        civilian = str(e["actor2"]).startswith(("Civilians (", "Protesters ("))
        political = "Political violence" in str(e["disorder_type"])
        assert (e["civilian_targeting"] == "Civilian targeting") == (civilian and political)
    assert all(
        e["civilian_targeting"] for e in events if e["event_type"] == "Violence against civilians"
    )


# -- geography -------------------------------------------------------------------------------


def test_admin1_and_location_come_from_geography(
    events: list[dict[str, object]], geography: dict[str, Any]
) -> None:
    places = {
        (iso, a["name"], loc["name"], loc["admin2"])
        for iso, country in geography.items()
        for a in country["admin1"]
        for loc in a["locations"]
    }
    admin1 = {(iso, a["name"]) for iso, country in geography.items() for a in country["admin1"]}
    for e in events:
        assert (e["country_iso3"], e["admin1"]) in admin1
        assert (e["country_iso3"], e["admin1"], e["location"], e["admin2"]) in places


def test_coordinates_inside_country_bbox(events: list[dict[str, object]]) -> None:
    for e in events:
        lat_min, lat_max, lon_min, lon_max = BBOX[str(e["country_iso3"])]
        assert lat_min - MARGIN <= e["latitude"] <= lat_max + MARGIN, e  # type: ignore[operator]
        assert lon_min - MARGIN <= e["longitude"] <= lon_max + MARGIN, e  # type: ignore[operator]


def test_geography_file_shape(geography: dict[str, Any]) -> None:
    assert set(geography) == set(BBOX)
    assert len(geography["MLI"]["admin1"]) == 10
    assert len(geography["BFA"]["admin1"]) == 13
    assert len(geography["NER"]["admin1"]) == 8
    for iso, country in geography.items():
        lat_min, lat_max, lon_min, lon_max = BBOX[iso]
        for a in country["admin1"]:
            assert a["name"] and a["name_fr"] and a["weight"] >= 0 and a["locations"]
            for lat, lon in [a["centroid"]] + [(loc["lat"], loc["lon"]) for loc in a["locations"]]:
                assert lat_min <= lat <= lat_max and lon_min <= lon <= lon_max, (iso, a["name"])


# -- calibration -----------------------------------------------------------------------------


def test_total_event_count(summary: dict[str, Any]) -> None:
    assert 13_500 <= summary["total_events"] <= 16_500


def test_mali_violence_against_civilians(summary: dict[str, Any]) -> None:
    assert 35.0 <= summary["mali_vac_change_pct"] <= 41.0
    assert 430 <= summary["mali_vac_2023_to_jul15"] <= 480


def test_burkina_faso_fatalities(summary: dict[str, Any]) -> None:
    assert summary["bfa_fatalities_2023_to_aug31"] > 6_000
    assert 8_000 <= summary["bfa_fatalities_2023"] <= 9_500
    assert summary["most_violent_2023"] == "BFA"


def test_niger_political_violence(summary: dict[str, Any]) -> None:
    assert 3.0 <= summary["ner_pv_change_pct"] <= 7.0


def test_summary_totals_add_up(events: list[dict[str, object]], summary: dict[str, Any]) -> None:
    assert sum(v["events"] for ys in summary["totals"].values() for v in ys.values()) == len(events)
    assert summary["totals"]["MLI"][2023]["events"] > 1_000


# -- episodes --------------------------------------------------------------------------------


def _actors(e: dict[str, object]) -> str:
    return " | ".join(str(e[k]) for k in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"))


def test_minusma_only_until_end_of_2023(
    events: list[dict[str, object]], summary: dict[str, Any]
) -> None:
    assert not [
        e for e in events if "MINUSMA" in _actors(e) and str(e["event_date"]) > "2023-12-31"
    ]
    assert summary["minusma_events_after_2023"] == 0
    for year in (2022, 2023):
        assert 60 <= summary["minusma_events"][year] <= 95
    minusma = [e for e in events if "MINUSMA" in _actors(e)]
    assert {e["country_iso3"] for e in minusma} == {"MLI"}
    assert all("MINUSMA" in str(e["notes"]) or "peacekeep" in str(e["notes"]) for e in minusma)


def test_minusma_camp_handovers(events: list[dict[str, object]]) -> None:
    handovers = {
        (str(e["event_date"]), str(e["location"]))
        for e in events
        if e["sub_event_type"] == "Non-violent transfer of territory"
        and "MINUSMA" in str(e["actor2"])
    }
    assert ("2023-08-13", "Ber") in handovers and ("2023-10-31", "Kidal") in handovers
    assert {"Tessalit", "Aguelhok", "Ogossagou", "Goundam", "Menaka"} <= {
        loc for _, loc in handovers
    }
    assert all("2023-07-01" <= d <= "2023-12-31" for d, _ in handovers)


def test_kidal_retaken_on_14_november_2023(events: list[dict[str, object]]) -> None:
    kidal = [
        e
        for e in events
        if e["event_date"] == "2023-11-14"
        and e["location"] == "Kidal"
        and e["sub_event_type"] == "Government regains territory"
    ]
    assert len(kidal) == 1
    assert (
        kidal[0]["actor1"] == "Military Forces of Mali (2021-)"
        and kidal[0]["assoc_actor_1"] == "Wagner Group"
    )
    assert str(kidal[0]["actor2"]).startswith("CSP-PSD")


def test_csp_psd_fighting_from_mid_august_2023(events: list[dict[str, object]]) -> None:
    csp = [e for e in events if "CSP-PSD" in _actors(e) and e["event_type"] == "Battles"]
    assert len(csp) >= 40
    assert min(str(e["event_date"]) for e in csp) >= "2023-08-15"
    assert {"Ber", "Bourem", "Lere", "Anefis"} <= {e["location"] for e in csp}


def test_niger_state_forces_renamed_after_the_coup(events: list[dict[str, object]]) -> None:
    for e in events:
        if e["country_iso3"] != "NER":
            continue
        actors = _actors(e)
        if str(e["event_date"]) < "2023-07-26":
            assert "(2023-)" not in actors
        else:
            assert "(2021-2023)" not in actors
    protests = [
        e
        for e in events
        if e["country_iso3"] == "NER"
        and e["event_type"] == "Protests"
        and "2023-07-26" <= str(e["event_date"]) <= "2023-10-15"
    ]
    assert len(protests) >= 60
    assert sum(e["location"] == "Niamey" for e in protests) > len(protests) / 2


def test_djibo_surge(events: list[dict[str, object]]) -> None:
    djibo = [
        e
        for e in events
        if e["location"] == "Djibo" and "2022-02-01" <= str(e["event_date"]) <= "2023-12-31"
    ]
    assert len(djibo) >= 200
    assert any("blockade" in str(e["notes"]) for e in djibo)


def test_some_notes_mention_borders(events: list[dict[str, object]]) -> None:
    assert sum("border with" in str(e["notes"]) for e in events) >= 100


# -- scale and validation --------------------------------------------------------------------


def test_scale_multiplies_counts(summary: dict[str, Any]) -> None:
    doubled = sum(1 for _ in generate_events(scale=2))
    assert 1.95 <= doubled / summary["total_events"] <= 2.05


def test_invalid_calibration_is_rejected() -> None:
    calibration = tomllib.loads((DEMO / "synthetic.toml").read_text(encoding="utf-8"))
    bad = copy.deepcopy(calibration)
    bad["episodes"][0]["locations"] = {"Atlantis": 1}
    with pytest.raises(ValueError, match="Atlantis"):
        generate_events(calibration=bad)
    bad = copy.deepcopy(calibration)
    bad["countries"]["MLI"]["counts"]["2022"] = [1, 2, 3]
    with pytest.raises(ValueError, match="counts"):
        generate_events(calibration=bad)
    with pytest.raises(ValueError):
        generate_events(scale=-1)
