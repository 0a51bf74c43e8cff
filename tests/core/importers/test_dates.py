"""The date parser: every shape ACLED, UCDP and Excel write, round trips, and clear refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefer.core.importers.dates import DateFormatError, DateParser, full_year, parse_date

TODAY = dt.date(2026, 11, 22)
DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
RECENT = st.dates(min_value=dt.date(TODAY.year - 98, 1, 1), max_value=dt.date(TODAY.year + 1, 12, 31))


@pytest.mark.parametrize("text, expected", [
    ("10 December 2020", dt.date(2020, 12, 10)),
    ("03 December 2020", dt.date(2020, 12, 3)),
    ("3 dec 2020", dt.date(2020, 12, 3)),
    ("2020-12-10", dt.date(2020, 12, 10)),
    ("2020-12-10 00:00:00", dt.date(2020, 12, 10)),
    ("16-Feb-21", dt.date(2021, 2, 16)),
    ("16-Feb-2021", dt.date(2021, 2, 16)),
    ("3-Mar-97", dt.date(1997, 3, 3)),
    ("10/12/2020", dt.date(2020, 12, 10)),
    ("1/2/2020", dt.date(2020, 2, 1)),
    ("10.12.2020", dt.date(2020, 12, 10)),
    (" 10 December 2020 ", dt.date(2020, 12, 10)),
])
def test_accepted_shapes(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize("text", ["", "31 Foo 2020", "2020-13-01", "31/02/2020", "12/25/2020", "yesterday", "2020"])
def test_refusals_name_the_value_and_the_accepted_shapes(text: str) -> None:
    with pytest.raises(DateFormatError) as caught:
        parse_date(text)
    message = str(caught.value)
    assert (repr(text) if text else "empty") in message
    assert "10 December 2020" in message and "day/month/year" in message


def test_two_digit_years_are_never_far_in_the_future() -> None:
    assert full_year(27, TODAY) == 2027
    assert full_year(28, TODAY) == 1928
    assert full_year(97, TODAY) == 1997


@given(DAYS)
def test_round_trip_acled_and_iso(day: dt.date) -> None:
    assert parse_date(f"{day.day:02d} {day:%B} {day.year:04d}") == day
    assert parse_date(f"{day.day} {day:%b} {day.year:04d}") == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year:04d}") == day
    assert parse_date(f"{day.day}-{day:%b}-{day.year:04d}") == day


@given(RECENT)
def test_round_trip_excel_two_digit_years(day: dt.date) -> None:
    assert parse_date(f"{day.day}-{day:%b}-{day:%y}", today=TODAY) == day
    assert parse_date(f"{day.day}/{day.month}/{day:%y}", today=TODAY) == day


@given(DAYS)
def test_cached_parser_agrees(day: dt.date) -> None:
    parser = DateParser(TODAY)
    text = f"{day.day:02d} {day:%B} {day.year:04d}"
    assert parser(text) == parser(text) == day.isoformat()
