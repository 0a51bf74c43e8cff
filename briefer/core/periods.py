"""Period presets, anchored on the newest data in the store (not on today: field data lags)."""

from __future__ import annotations

import datetime as dt

from briefer.core.domain import Period

PRESETS = ("last-7-days", "last-30-days", "last-90-days", "this-quarter", "this-year")


def preset(name: str, newest: dt.date) -> Period:
    """The period `name` ending on `newest` (the last day with data); ValueError for unknown names."""
    if name.startswith("last-") and name.endswith("-days"):
        days = int(name.split("-")[1])
        return Period(newest - dt.timedelta(days=days - 1), newest)
    if name == "this-quarter":
        first_month = 3 * ((newest.month - 1) // 3) + 1
        return Period(dt.date(newest.year, first_month, 1), newest)
    if name == "this-year":
        return Period(dt.date(newest.year, 1, 1), newest)
    raise ValueError(f"unknown period preset {name!r}; known: {', '.join(PRESETS)}")


def shifted_to(period: Period, newest: dt.date) -> Period:
    """The period of the same length that ends on `newest` ("this week's update" of a recipe)."""
    return Period(newest - dt.timedelta(days=period.days - 1), newest)
