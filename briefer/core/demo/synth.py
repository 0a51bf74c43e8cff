"""Synthetic, ACLED-shaped conflict events for the built-in demo store.

**The events produced here are fictitious.**  Their aggregate shape is
calibrated (``resources/demo/synthetic.toml``) to a few published facts about
the central Sahel in 2022-2024 and they are placed at real locations
(``resources/demo/geography.json``), but every single event is invented.
Each record says so twice: ``source`` is
``"briefer synthetic demo data (not real events)"`` and ``notes`` starts with
``"[SYNTHETIC] "``.

Public API:

* :func:`generate_events` - deterministic iterator of event records;
* :func:`generate_rows` - the same records as tuples in :data:`EVENT_KEYS` order (faster);
* :func:`calibration_summary` - the numbers the calibration promises,
  computed from any iterable of such records.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from briefer.core.demo.synth_events import EVENT_KEYS, EventStream
from briefer.core.demo.synth_model import load_calibration, load_geography
from briefer.core.demo.synth_plan import make_plan
from briefer.core.demo.synth_tables import build_model

__all__ = ["EVENT_KEYS", "SEED", "calibration_summary", "generate_events", "generate_rows"]

SEED = 20230630  # the demo store's events (resources/demo/synthetic-events.json)


_POLITICAL_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def generate_events(
    seed: int = SEED,
    scale: float = 1.0,
    geography: dict[str, Any] | None = None,
    calibration: dict[str, Any] | None = None,
) -> Iterator[dict[str, object]]:
    """Yield synthetic ACLED-shaped event records, sorted by ``event_date``.

    Contract:

    * deterministic for a given ``seed``, ``scale``, geography and calibration
      (uses its own ``random.Random(seed)``, never the global generator);
    * every record has exactly the keys of :data:`EVENT_KEYS`;
    * yearly counts per country and event type are ``round(count * scale)``
      from the calibration (scripted one-off events are not scaled);
    * ``geography``/``calibration`` default to ``resources/demo/geography.json``
      and ``resources/demo/synthetic.toml``; invalid input raises ValueError
      before the first record is produced.
    """
    rows = generate_rows(seed, scale, geography, calibration)
    return (dict(zip(EVENT_KEYS, row)) for row in rows)


def generate_rows(
    seed: int = SEED,
    scale: float = 1.0,
    geography: dict[str, Any] | None = None,
    calibration: dict[str, Any] | None = None,
) -> Iterator[tuple[object, ...]]:
    """The records of :func:`generate_events` (same contract), each a tuple of the values of
    :data:`EVENT_KEYS` in that order."""
    if scale < 0:
        raise ValueError("scale must be >= 0")
    model = build_model(
        geography if geography is not None else load_geography(),
        calibration if calibration is not None else load_calibration(),
    )
    rng = random.Random(seed)
    plan = make_plan(model, rng, scale)
    return EventStream(model, rng).rows(plan)


def _pct(new: int, old: int) -> float | None:
    return round(100.0 * (new - old) / old, 2) if old else None


def calibration_summary(events: Iterable[Mapping[str, object]]) -> dict[str, Any]:
    """Numbers promised by the calibration, computed from *events*.

    Returns a dict with ``totals`` (``{iso: {year: {"events", "fatalities"}}}``),
    ``total_events``, Mali Violence against civilians (``mali_vac_2022``,
    ``mali_vac_2023``, ``mali_vac_change_pct``, ``mali_vac_2023_to_jul15``),
    Burkina Faso fatalities (``bfa_fatalities_2023``,
    ``bfa_fatalities_2023_to_aug31``), Niger political violence
    (``ner_pv_2022``, ``ner_pv_2023``, ``ner_pv_change_pct``),
    ``fatalities_2023`` per country, ``most_violent_2023`` (ISO3 with the
    most 2023 fatalities), ``minusma_events`` per year and
    ``minusma_events_after_2023``.
    """
    totals: dict[str, dict[int, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: {"events": 0, "fatalities": 0})
    )
    mali_vac: Counter[int] = Counter()
    ner_pv: Counter[int] = Counter()
    minusma: Counter[int] = Counter()
    mali_vac_jul15 = bfa_aug31 = 0
    for e in events:
        iso, date, etype = str(e["country_iso3"]), str(e["event_date"]), str(e["event_type"])
        year, fat = int(date[:4]), int(e["fatalities"])  # type: ignore[call-overload]
        cell = totals[iso][year]
        cell["events"] += 1
        cell["fatalities"] += fat
        if iso == "MLI" and etype == "Violence against civilians":
            mali_vac[year] += 1
            mali_vac_jul15 += "2023-01-01" <= date <= "2023-07-15"
        elif iso == "BFA" and "2023-01-01" <= date <= "2023-08-31":
            bfa_aug31 += fat
        if iso == "NER" and etype in _POLITICAL_TYPES:
            ner_pv[year] += 1
        if any(
            "MINUSMA" in str(e[k]) for k in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
        ):
            minusma[year] += 1
    fat_2023 = {iso: years[2023]["fatalities"] for iso, years in totals.items() if 2023 in years}
    return {
        "totals": {iso: {y: dict(v) for y, v in sorted(ys.items())} for iso, ys in totals.items()},
        "total_events": sum(v["events"] for ys in totals.values() for v in ys.values()),
        "mali_vac_2022": mali_vac[2022],
        "mali_vac_2023": mali_vac[2023],
        "mali_vac_change_pct": _pct(mali_vac[2023], mali_vac[2022]),
        "mali_vac_2023_to_jul15": mali_vac_jul15,
        "bfa_fatalities_2023": fat_2023.get("BFA", 0),
        "bfa_fatalities_2023_to_aug31": bfa_aug31,
        "ner_pv_2022": ner_pv[2022],
        "ner_pv_2023": ner_pv[2023],
        "ner_pv_change_pct": _pct(ner_pv[2023], ner_pv[2022]),
        "fatalities_2023": fat_2023,
        "most_violent_2023": max(fat_2023, key=fat_2023.__getitem__) if fat_2023 else None,
        "minusma_events": dict(sorted(minusma.items())),
        "minusma_events_after_2023": sum(n for y, n in minusma.items() if y > 2023),
    }
