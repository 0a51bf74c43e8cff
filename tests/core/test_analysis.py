"""Selection and aggregates on the demo store, checked against direct SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.core import analysis as an
from briefer.core.domain import Period, Selection
from briefer.core.errors import SelectionError

H2_2023 = Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31))


def count(store, sql: str, *params) -> int:  # type: ignore[no-untyped-def]
    return store.db.execute(sql, params).fetchone()[0]


def test_totals_match_sql(demo_store) -> None:  # type: ignore[no-untyped-def]
    result = an.analyse(demo_store, Selection(("MLI",), H2_2023, "armed-conflict"))
    bit = an.topic_bit(demo_store, "armed-conflict")
    expected = count(demo_store, "SELECT count(*) FROM events WHERE country_iso3='MLI' AND event_date BETWEEN "
                     "'2023-06-01' AND '2023-12-31' AND topic_mask & ?", 1 << bit)
    assert result.totals.events == expected > 100
    assert sum(n for _, n, _ in result.by_type) == expected
    assert sum(n for *_, n, _ in result.by_admin1) == expected
    assert sum(n for n, _ in result.by_day.values()) == expected
    assert result.dataset is not None and result.dataset.synthetic


def test_previous_period_has_same_length(demo_store) -> None:  # type: ignore[no-untyped-def]
    result = an.analyse(demo_store, Selection(("MLI",), H2_2023, "civilians"))
    previous = H2_2023.previous()
    assert previous.days == H2_2023.days and previous.end == dt.date(2023, 5, 31)
    expected = count(demo_store, "SELECT count(*) FROM events WHERE country_iso3='MLI' AND event_date BETWEEN ? AND ? "
                     "AND topic_mask & ?", previous.start.isoformat(), previous.end.isoformat(),
                     1 << an.topic_bit(demo_store, "civilians"))
    assert result.previous.events == expected


def test_several_countries_are_split(demo_store) -> None:  # type: ignore[no-untyped-def]
    result = an.analyse(demo_store, Selection(("MLI", "BFA", "NER"), H2_2023, "armed-conflict"))
    assert set(result.by_country) == {"MLI", "BFA", "NER"}
    assert sum(t.events for t in result.by_country.values()) == result.totals.events


def test_peacekeeping_selection_finds_minusma_events(demo_store) -> None:  # type: ignore[no-untyped-def]
    result = an.analyse(demo_store, Selection(("MLI",), H2_2023, "peacekeeping"))
    assert result.totals.events >= 30
    assert any("MINUSMA" in actor for actor, _, _ in result.by_actor)
    assert result.incidents and result.incidents[0].fatalities >= result.incidents[-1].fatalities


def test_empty_selection(demo_store) -> None:  # type: ignore[no-untyped-def]
    result = an.analyse(demo_store, Selection(("FRA",), H2_2023, "armed-conflict"))
    assert result.totals.events == 0 and result.dataset is None and result.by_type == []


def test_unknown_topic(demo_store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SelectionError, match="unknown topic 'weather'"):
        an.analyse(demo_store, Selection(("MLI",), H2_2023, "weather"))


@pytest.mark.parametrize("current, previous, percent, small, trend", [
    (138, 100, 38.0, False, "sharp-increase"),
    (115, 100, 15.0, False, "increase"),
    (105, 100, 5.0, False, "stable"),
    (80, 100, -20.0, False, "decrease"),
    (50, 100, -50.0, False, "sharp-decrease"),
    (9, 3, None, True, "sharp-increase"),
    (4, 0, None, True, "new"),
    (0, 0, None, True, "none"),
])
def test_compare_classes_and_small_baselines(current, previous, percent, small, trend) -> None:  # type: ignore[no-untyped-def]
    change = an.compare(current, previous)
    assert (change.percent, change.small_baseline, change.trend) == (percent, small, trend)


def test_buckets_cover_the_whole_period(demo_store) -> None:  # type: ignore[no-untyped-def]
    year = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    result = an.analyse(demo_store, Selection(("MLI",), year, "armed-conflict"))
    starts, events, deaths = an.series_by_bucket(result)
    assert starts[0] == dt.date(2023, 1, 1) and starts[-1] == dt.date(2023, 12, 1) and len(starts) == 12
    assert sum(events) == result.totals.events and sum(deaths) == result.totals.fatalities
    half = an.analyse(demo_store, Selection(("MLI",), H2_2023, "armed-conflict"))
    weeks, events, _ = an.series_by_bucket(half)
    assert weeks[0] == dt.date(2023, 5, 29) and weeks[-1] == dt.date(2023, 12, 25) and len(weeks) == 31
    assert sum(events) == half.totals.events
    short = an.analyse(demo_store, Selection(("MLI",), Period(dt.date(2023, 7, 1), dt.date(2023, 7, 31)), "armed-conflict"))
    weeks, _, _ = an.series_by_bucket(short)
    assert weeks[0] == dt.date(2023, 6, 26) and all(w.weekday() == 0 for w in weeks) and len(weeks) == 6
