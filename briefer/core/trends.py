"""Trends: the previous period and a 52-week baseline, in classes, and admin-1 surge flags.

Contract: every query reads the derived daily tables (`topic_daily`, `context_daily`), never the
events, so a trend costs a few small GROUP BYs. `settings(template, period)` fixes the periods;
`key_figures(...)` gives each key figure its change against the previous period (normalised to
the period's length when that one is longer, the raw count kept) and against the baseline average;
`regions(...)` classes every region and flags a surge: at least `surge_percent` % above the
previous period (normalised) with at least `surge_minimum` events now. Counts of one dataset only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from briefer.core import analysis as an
from briefer.core.depth import CountryRow, RegionTrend, TrendSettings
from briefer.core.domain import Country, KeyFigure, Period
from briefer.core.store.db import Store
from briefer.core.templates import Template

CIVILIAN = "Violence against civilians"


def settings(template: Template, period: Period) -> TrendSettings:
    """The comparison periods a template asks for, ending the day before `period` starts."""
    end = period.start - dt.timedelta(days=1)
    days = template.previous_days or period.days
    previous = Period(end - dt.timedelta(days=days - 1), end)
    weeks = template.baseline_weeks
    baseline = Period(end - dt.timedelta(days=7 * weeks - 1), end) if weeks else None
    return TrendSettings(previous, days != period.days, baseline, weeks, template.surge_percent, template.surge_minimum,
                         template.border_km)


def scale(span: Period, period: Period) -> float:
    """The factor that turns a count over `span` into an average per `period` length."""
    return period.days / span.days


def baseline_totals(store: Store, result: an.Analysis, trend: TrendSettings) -> tuple[dict[str, an.Totals], an.Totals]:
    """Topic totals per country and the political-violence context over the baseline span."""
    if trend.baseline is None or result.dataset is None:
        return {}, an.Totals()
    selection = result.selection
    bit = an.topic_bit(store, selection.topic)
    by_country = an._totals(store, selection, bit, trend.baseline, result.dataset.id)
    return by_country, context_totals(store, selection.countries, trend.baseline, result.dataset.id)


def context_totals(store: Store, countries: tuple[str, ...], period: Period, dataset_id: int) -> an.Totals:
    """Political violence whatever the topic, in `period` (see `analysis._context`)."""
    marks = ",".join("?" * len(countries))
    sql = f"""SELECT coalesce(sum(events), 0), coalesce(sum(fatalities), 0),
                     coalesce(sum(CASE WHEN event_type = ? THEN events END), 0),
                     coalesce(sum(CASE WHEN event_type = ? THEN fatalities END), 0)
              FROM context_daily
              WHERE country_iso3 IN ({marks}) AND event_date BETWEEN ? AND ? AND dataset_id = ?"""
    params = [CIVILIAN, CIVILIAN, *countries, period.start.isoformat(), period.end.isoformat(), dataset_id]
    return an.Totals(*store.db.execute(sql, params).fetchone())


def key_figures(rows: tuple[KeyFigure, ...], result: an.Analysis, trend: TrendSettings,
                baseline: tuple[dict[str, an.Totals], an.Totals]) -> tuple[KeyFigure, ...]:
    """`rows` with their change normalised to the period's length and their baseline change."""
    period = result.selection.period
    before = _counts(result.previous_by_country, result.context_previous)
    base = _counts(*baseline) if trend.baseline is not None else {}
    step = scale(trend.previous, period)
    out = []
    for row in rows:
        previous = before.get(row.key, row.change.previous)
        change = an.compare(row.change.current, previous, step) if trend.scaled else row.change
        reference = None
        if trend.baseline is not None:
            reference = an.compare(row.change.current, base.get(row.key, 0), scale(trend.baseline, period))
        out.append(replace(row, change=change, baseline=reference, previous_total=previous if trend.scaled else None))
    return tuple(out)


def _counts(by_country: dict[str, an.Totals], context: an.Totals) -> dict[str, int]:
    """The raw count behind every key figure, by the key figure's key."""
    topic = an._sum_totals(by_country.values())
    counts = {"events": topic.events, "fatalities": topic.fatalities, "context-events": context.events,
              "context-fatalities": context.fatalities, "civilian-events": context.civilian_events,
              "civilian-fatalities": context.civilian_fatalities}
    counts.update({f"events-{iso}": t.events for iso, t in by_country.items()})
    return counts


def by_admin1(store: Store, result: an.Analysis, period: Period) -> dict[tuple[str, str], tuple[int, int]]:
    """Topic events and fatalities per (country, region) in `period`."""
    if result.dataset is None:
        return {}
    selection = result.selection
    where, params = an._where(selection, an.topic_bit(store, selection.topic), period, result.dataset.id)
    sql = f"SELECT country_iso3, admin1, sum(events), sum(fatalities) FROM topic_daily WHERE {where} GROUP BY 1, 2"
    return {(r[0], r[1]): (r[2], r[3]) for r in store.db.execute(sql, params)}


def regions(store: Store, result: an.Analysis, trend: TrendSettings, names: dict[str, str]) -> tuple[RegionTrend, ...]:
    """Every region with events now or before, busiest first, classed and flagged."""
    period = result.selection.period
    before = {key: n for key, (n, _) in by_admin1(store, result, trend.previous).items()}
    now = {(iso, adm): (n, f) for iso, adm, n, f in result.by_admin1}
    step = scale(trend.previous, period)
    out = []
    for key in sorted(set(now) | set(before), key=lambda k: (-now.get(k, (0, 0))[0], -before.get(k, 0), k)):
        n, fatalities = now.get(key, (0, 0))
        change = an.compare(n, before.get(key, 0), step)
        label = key[1] or "—"
        if len(names) > 1:
            label = f"{label} ({names.get(key[0], key[0])})"
        surge = _surge(n, before.get(key, 0) * step, trend)
        out.append(RegionTrend(key[0], key[1], label, fatalities, change, surge))
    return tuple(out)


def _surge(current: int, average: float, trend: TrendSettings) -> bool:
    if current < trend.surge_minimum:
        return False
    return average == 0 or (current - average) * 100.0 / average >= trend.surge_percent


def country_rows(result: an.Analysis, trend: TrendSettings, countries: tuple[Country, ...], lang: Any,
                 baseline: dict[str, an.Totals], found: tuple[RegionTrend, ...]) -> tuple[CountryRow, ...]:
    """Each selected country's events and fatalities against the previous period and the baseline."""
    period = result.selection.period
    step = scale(trend.previous, period)
    rows = []
    for country in countries:
        now = result.by_country.get(country.iso3, an.Totals())
        before = result.previous_by_country.get(country.iso3, an.Totals())
        base = None
        if trend.baseline is not None:
            base = an.compare(now.events, baseline.get(country.iso3, an.Totals()).events, scale(trend.baseline, period))
        rows.append(CountryRow(country.iso3, country.name(lang), an.compare(now.events, before.events, step),
                               an.compare(now.fatalities, before.fatalities, step), base,
                               sum(1 for r in found if r.country == country.iso3 and r.surge)))
    return tuple(rows)
