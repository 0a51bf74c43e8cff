"""Day-by-day plan of how many synthetic events happen where.

The plan is computed before any event is built so that events can be
yielded in date order without holding them in memory:

1. scripted episode events are placed on days (one-off events on their
   scheduled date, windowed episodes uniformly inside their window);
2. for every country, year and event type the yearly target
   ``round(count * scale)`` minus the episode events of that cell is split
   over months with the largest-remainder method (so monthly totals are
   exact and the calibration holds for any seed), then over days at random.

Contract: for every (country, year, type) cell the planned total equals
``max(round(count * scale), episode events in the cell)``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from briefer.core.demo.synth_model import Country
from briefer.core.demo.synth_tables import Model

_FLAT = (1.0,) * 12


@dataclass(frozen=True, slots=True)
class Plan:
    """Per day (index from the period start): background counts and episode slots.

    ``background[d]`` lists ``(country_index, type_index, n)``;
    ``episodes[d]`` lists ``(episode_index, schedule_index)`` where the
    schedule index is -1 for windowed episodes.
    """

    background: tuple[tuple[tuple[int, int, int], ...], ...]
    episodes: tuple[tuple[tuple[int, int], ...], ...]


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Split *total* into integers proportional to *weights* (sum is exact)."""
    wsum = float(sum(weights))
    if total <= 0 or wsum <= 0:
        return [0] * len(weights)
    raw = [total * w / wsum for w in weights]
    out = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def scaled(count: float, scale: float) -> int:
    """Number of events for a yearly *count* at *scale* (half-up rounding)."""
    return int(count * scale + 0.5)


def _place_episodes(
    model: Model, rng: random.Random, scale: float, n_days: int
) -> tuple[list[list[tuple[int, int]]], Counter[tuple[int, int, int]]]:
    first = model.start.toordinal()
    slots: list[list[tuple[int, int]]] = [[] for _ in range(n_days)]
    carved: Counter[tuple[int, int, int]] = Counter()
    for ep in model.episodes:
        if ep.fixed:
            days = [(date.toordinal() - first, k) for k, (date, _) in enumerate(ep.schedule)]
        else:
            window = range(ep.start.toordinal() - first, ep.end.toordinal() - first + 1)
            days = [(d, -1) for d in sorted(rng.choices(window, k=scaled(ep.count, scale)))]
        for d, k in days:
            slots[d].append((ep.index, k))
            year = dt.date.fromordinal(first + d).year
            carved[(ep.country.index, year, ep.type_index)] += 1
    return slots, carved


def _month_days(
    year: int, month: int, model: Model, weekday_weights: Sequence[float] | None
) -> tuple[tuple[int, ...], tuple[float, ...] | None]:
    """Day indices of *month* inside the period, with cumulative weekday weights."""
    weights = tuple(weekday_weights) if weekday_weights is not None else None
    return _days_of_month(year, month, model.start.toordinal(), model.end.toordinal(), weights)


@lru_cache(maxsize=512)
def _days_of_month(
    year: int, month: int, first: int, last: int, weekday_weights: tuple[float, ...] | None
) -> tuple[tuple[int, ...], tuple[float, ...] | None]:
    month_start = dt.date(year, month, 1).toordinal()
    length = calendar.monthrange(year, month)[1]
    ordinals = [o for o in range(month_start, month_start + length) if first <= o <= last]
    days = tuple(o - first for o in ordinals)
    if weekday_weights is None:
        return days, None
    return days, tuple(
        accumulate(weekday_weights[dt.date.fromordinal(o).weekday()] for o in ordinals)
    )


def _place_cell(
    counts: list[Counter[tuple[int, int]]],
    rng: random.Random,
    key: tuple[int, int],
    year: int,
    n: int,
    monthly: Sequence[float],
    model: Model,
    weekday: Sequence[float] | None,
) -> None:
    for month, m_count in enumerate(largest_remainder(n, monthly), start=1):
        if m_count == 0:
            continue
        days, cum = _month_days(year, month, model, weekday)
        for d in rng.choices(days, cum_weights=cum, k=m_count):
            counts[d][key] += 1


def _place_country(
    country: Country,
    model: Model,
    rng: random.Random,
    scale: float,
    carved: Counter[tuple[int, int, int]],
    counts: list[Counter[tuple[int, int]]],
) -> None:
    weekday = [float(w) for w in model.meta.get("demo_weekday_weights", [1.0] * 7)]
    for year in range(model.start.year, model.end.year + 1):
        row = country.counts.get(year, (0.0,) * len(model.types))
        monthly = list(country.monthly.get(year, _FLAT))
        if year == model.start.year:
            monthly[: model.start.month - 1] = [0.0] * (model.start.month - 1)
        if year == model.end.year:
            monthly[model.end.month :] = [0.0] * (12 - model.end.month)
        for etype in model.types:
            n = scaled(row[etype.index], scale) - carved[(country.index, year, etype.index)]
            if n > 0:
                _place_cell(
                    counts,
                    rng,
                    (country.index, etype.index),
                    year,
                    n,
                    monthly,
                    model,
                    weekday if etype.demo_geography else None,
                )


def make_plan(model: Model, rng: random.Random, scale: float) -> Plan:
    """Compute the :class:`Plan` for *model* at *scale* using *rng* (consumed)."""
    n_days = model.end.toordinal() - model.start.toordinal() + 1
    slots, carved = _place_episodes(model, rng, scale, n_days)
    counts: list[Counter[tuple[int, int]]] = [Counter() for _ in range(n_days)]
    for country in model.countries:
        _place_country(country, model, rng, scale, carved, counts)
    background = tuple(tuple((ci, ti, n) for (ci, ti), n in sorted(day.items())) for day in counts)
    return Plan(background, tuple(tuple(s) for s in slots))
