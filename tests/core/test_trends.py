"""Trends against the previous period and the 52-week baseline, classes, and admin-1 surge flags,
computed on the real demo store and checked against direct counts from its events."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefer.core import analysis as an
from briefer.core import trends
from briefer.core.assemble import assemble
from briefer.core.domain import BriefingOptions, MapPoint, Period, Selection
from briefer.core.reports import zoom
from briefer.core.templates import get_template

WEEK = Period(dt.date(2023, 12, 25), dt.date(2023, 12, 31))
SAHEL = ("MLI", "BFA", "NER")


@pytest.mark.parametrize(("current", "previous", "scale", "percent", "trend", "small"), [
    (67, 208, 0.25, 28.8, "sharp-increase", False),  # a week against the four weeks before
    (60, 200, 0.25, 20.0, "increase", False),
    (52, 208, 0.25, 0.0, "stable", False),
    (45, 200, 0.25, -10.0, "decrease", False),
    (10, 200, 0.25, -80.0, "sharp-decrease", False),
    (10, 34, 0.25, None, "increase", True),  # 8.5 a week: a small baseline, no percentage
    (3, 0, 0.25, None, "new", True),
])
def test_compare_normalises_a_longer_baseline(current: int, previous: int, scale: float, percent: float | None,
                                              trend: str, small: bool) -> None:
    change = an.compare(current, previous, scale)
    assert change.trend == trend and change.small_baseline is small
    assert change.previous == round(previous * scale)
    assert (change.percent is None) if percent is None else change.percent == pytest.approx(percent, abs=0.1)


def test_settings_give_the_four_weeks_before_and_52_weeks_before() -> None:
    trend = trends.settings(get_template("weekly-update"), WEEK)
    assert trend.previous == Period(dt.date(2023, 11, 27), dt.date(2023, 12, 24)) and trend.scaled
    assert trend.baseline == Period(dt.date(2022, 12, 26), dt.date(2023, 12, 24))
    brief = trends.settings(get_template("country-brief"), WEEK)
    assert brief.previous == WEEK.previous() and not brief.scaled


def _direct(store, countries, period, slug="armed-conflict"):  # type: ignore[no-untyped-def]
    bit = an.topic_bit(store, slug)
    marks = ",".join("?" * len(countries))
    sql = f"""SELECT count(*) FROM event_index WHERE bit = ? AND country_iso3 IN ({marks})
              AND event_date BETWEEN ? AND ?"""
    return store.db.execute(sql, [bit, *countries, period.start.isoformat(), period.end.isoformat()]).fetchone()[0]


def test_weekly_key_figures_match_direct_counts(demo_store) -> None:  # type: ignore[no-untyped-def]
    briefing = assemble(demo_store, Selection(SAHEL, WEEK, "armed-conflict"), get_template("weekly-update"),
                        BriefingOptions(issued=dt.date(2024, 1, 2)))
    events = next(k for k in briefing.key_figures if k.key == "events")
    trend = briefing.trends
    assert trend is not None and trend.baseline is not None
    assert events.change.current == _direct(demo_store, SAHEL, WEEK)
    assert events.previous_total == _direct(demo_store, SAHEL, trend.previous)
    assert events.change.previous == round(events.previous_total / 4)
    assert events.baseline is not None
    assert events.baseline.previous == round(_direct(demo_store, SAHEL, trend.baseline) * 7 / 364)
    assert all(k.baseline is not None for k in briefing.key_figures)
    assert briefing.report is not None and briefing.report.number == "52"


def test_surge_flags_follow_the_stated_rule(demo_store) -> None:  # type: ignore[no-untyped-def]
    briefing = assemble(demo_store, Selection(SAHEL, WEEK, "armed-conflict"), get_template("weekly-update"),
                        BriefingOptions(issued=dt.date(2024, 1, 2)))
    assert briefing.regions and any(r.surge for r in briefing.regions)
    for region in briefing.regions:  # change.previous is the weekly average, rounded: allow half an event
        now, average = region.change.current, region.change.previous
        if region.surge:
            assert now >= 5 and (average == 0 or now >= 2 * (average - 0.5)), region
        elif now >= 5:
            assert average > 0 and now < 2 * (average + 0.5), region
    stricter = dataclasses.replace(get_template("weekly-update"), surge_minimum=50)
    again = assemble(demo_store, Selection(SAHEL, WEEK, "armed-conflict"), stricter, BriefingOptions(issued=dt.date(2024, 1, 2)))
    assert not any(r.surge for r in again.regions)


def test_regional_sections_are_computed(demo_store) -> None:  # type: ignore[no-untyped-def]
    period = Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31))
    briefing = assemble(demo_store, Selection(SAHEL, period, "armed-conflict"), get_template("regional-spillover"),
                        BriefingOptions(issued=dt.date(2024, 1, 8)))
    assert [r.iso3 for r in briefing.country_rows] == list(SAHEL)
    assert sum(r.events.current for r in briefing.country_rows) == _direct(demo_store, SAHEL, period)
    assert briefing.border_areas and all(a.neighbours for a in briefing.border_areas)
    assert "Burkina Faso" in {n for a in briefing.border_areas if a.country == "MLI" for n in a.neighbours}
    assert briefing.cross_border_actors and all(len(a.countries) > 1 for a in briefing.cross_border_actors)
    chart = next(c for c in briefing.charts if c.key == "country-comparison")
    assert len(chart.series) == 3 and chart.categories == ("Mali", "Burkina Faso", "Niger")


def test_a_flash_map_zooms_on_the_events() -> None:
    frame = (-13.0, 9.0, 5.0, 26.0)
    points = [MapPoint(16.3, -0.05, 1, 2), MapPoint(18.4, 1.4, 1, 7)]
    west, south, east, north = zoom(frame, points)
    assert west < -0.05 and east > 1.4 and south < 16.3 and north > 18.4
    assert east - west < frame[2] - frame[0] and north - south >= 3.0
    assert zoom(frame, []) == frame


def test_regions_chart_marks_surges_with_a_legend(demo_store) -> None:  # type: ignore[no-untyped-def]
    period = Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31))
    for lang, legend in (("en", "▲ surge: at least +100% on the previous period, with at least 5 events"),
                         ("fr", "▲ forte poussée : au moins +100\u00a0% par rapport à la période précédente")):
        briefing = assemble(demo_store, Selection(SAHEL, period, "peacekeeping"), get_template("regional-spillover"),
                            BriefingOptions(issued=dt.date(2024, 1, 8), language=lang))  # type: ignore[arg-type]
        chart = next(c for c in briefing.charts if c.key == "admin1")
        surging = {r.label for r in briefing.regions if r.surge}
        assert surging and legend in chart.caption
        for name in chart.categories:
            assert name.endswith(" ▲") == (name.removesuffix(" ▲") in surging), name
