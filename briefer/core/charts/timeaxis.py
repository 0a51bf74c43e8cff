"""Time axis of timeline charts: bucket extents and date ticks labelled in the briefing language.

Dates are placed on the x axis as proleptic ordinals (`date.toordinal()`), so no matplotlib date
converter is involved and the output does not depend on matplotlib's date settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from babel.dates import format_date

from briefer.core.domain import Language
from briefer.core.i18n import locale

MIN_TICK_SPACING_PT = 34.0
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)


def bucket_ends(starts: Sequence[dt.date]) -> list[dt.date]:
    """The day after each bucket ends: the next bucket's start; the last bucket is as long as the one before.

    A lone bucket starting on the 1st of a month is taken to be a month, otherwise a week.
    """
    ends = list(starts[1:])
    if starts:
        ends.append(_last_end(starts))
    return ends


def _last_end(starts: Sequence[dt.date]) -> dt.date:
    last = starts[-1]
    gap = (starts[-1] - starts[-2]).days if len(starts) >= 2 else None
    if gap is not None and gap < 28:  # weekly (or daily) buckets
        return last + dt.timedelta(days=gap)
    if last.day == 1:  # monthly buckets, or a lone month
        return add_months(last, 1)
    return last + dt.timedelta(days=gap or 7)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def date_ticks(
    start: dt.date, end: dt.date, buckets: Sequence[dt.date], lang: Language, axis_width_pt: float
) -> list[tuple[float, str]]:
    """(ordinal, label) pairs for the axis from `start` to `end` (both included), at most one per
    MIN_TICK_SPACING_PT. Month starts ("Jul"/"juil.", the year under the first and under January);
    years alone on long spans; bucket days ("3 Jul") on spans shorter than about three months.
    """
    max_ticks = max(2, int(axis_width_pt / MIN_TICK_SPACING_PT))
    months = _month_starts(start, end)
    if len(months) < 3:
        return _day_ticks(buckets, lang, max_ticks)
    step = next((s for s in _MONTH_STEPS if len(_every(months, s)) <= max_ticks), _MONTH_STEPS[-1])
    chosen = _every(months, step)
    if step >= 12:
        return [(d.toordinal(), str(d.year)) for d in chosen]
    labels = []
    for i, day in enumerate(chosen):
        text = format_date(day, format="LLL", locale=locale(lang))
        if i == 0 or day.month == 1 or day.year != chosen[i - 1].year:
            text += f"\n{day.year}"
        labels.append((float(day.toordinal()), text))
    return labels


def _month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    day = start if start.day == 1 else add_months(start.replace(day=1), 1)
    out = []
    while day <= end:
        out.append(day)
        day = add_months(day, 1)
    return out


def _every(months: list[dt.date], step: int) -> list[dt.date]:
    """Month starts whose month number is a multiple of `step` (Jan, Apr, Jul, Oct for 3)."""
    return [d for d in months if (d.year * 12 + d.month - 1) % step == 0]


def _day_ticks(buckets: Sequence[dt.date], lang: Language, max_ticks: int) -> list[tuple[float, str]]:
    stride = max(1, -(-len(buckets) // max_ticks))
    chosen = list(buckets[::stride])
    out = []
    for i, day in enumerate(chosen):
        text = format_date(day, format="d MMM", locale=locale(lang))
        if i == 0 or day.year != chosen[i - 1].year:
            text += f"\n{day.year}"
        out.append((float(day.toordinal()), text))
    return out
