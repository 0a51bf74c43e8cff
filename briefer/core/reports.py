"""The weekly update's header block and the flash report's facts.

Contract: `header(template, options, period, previous, lang)` gives the OCHA-style header (kind,
report number, "as of" date, period covered and the period compared with); the report number is
the user's, else the ISO week of the period's end when the template says `report_number =
"iso-week"`, else empty. `flash_facts` gives the incidents, their regions and the same regions'
events in the `context_days` before the period. `zoom(frame, points)` narrows a map frame to the
events (at least ZOOM_MIN_SPAN degrees across), for a map zoomed on one incident or day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefer.core import analysis as an
from briefer.core import labels, trends
from briefer.core.depth import FlashFacts, ReportHeader
from briefer.core.domain import BriefingOptions, Language, MapPoint, Period
from briefer.core.store.db import Store
from briefer.core.templates import Template

ZOOM_MIN_SPAN = 3.0  # degrees
ZOOM_PAD = 0.8  # degrees around the events
ZOOM_ASPECT = 2.3  # the zoomed frame is at least this much wider than tall (in degrees)


def header(template: Template, options: BriefingOptions, period: Period, previous: Period, lang: Language) -> ReportHeader:
    number = options.report_number
    if not number and template.report_number == "iso-week":
        number = str(period.end.isocalendar().week)
    kind = template.kind(lang) or labels.text("report-kind", lang)
    return ReportHeader(kind, number, period.end, period, previous)


def flash_facts(store: Store, result: an.Analysis, template: Template, names: dict[str, str]) -> FlashFacts:
    """The facts of a flash report (see module contract)."""
    period = result.selection.period
    end = period.start - dt.timedelta(days=1)
    before = Period(end - dt.timedelta(days=max(template.context_days, 1) - 1), end)
    earlier = trends.by_admin1(store, result, before)
    several = len(result.selection.countries) > 1

    def name(iso: str, adm: str) -> str:
        return f"{adm or '—'} ({names.get(iso, iso)})" if several else (adm or "—")

    places = tuple((name(iso, adm), n, f) for iso, adm, n, f in result.by_admin1)
    context = tuple((name(iso, adm), *earlier.get((iso, adm), (0, 0))) for iso, adm, _, _ in result.by_admin1)
    return FlashFacts(tuple(result.incidents), places, context, before)


def zoom(frame: tuple[float, float, float, float], points: Sequence[MapPoint],
         anchors: Sequence[tuple[float, float]] = ()) -> tuple[float, float, float, float]:
    """`frame` narrowed to the box of the events and of `anchors` (latitude, longitude: the points
    where their regions' names go), see module contract; `frame` itself without events."""
    if not points:
        return frame
    lats = [p.latitude for p in points] + [a[0] for a in anchors]
    lons = [p.longitude for p in points] + [a[1] for a in anchors]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    half_x = max((east - west) / 2 + ZOOM_PAD, ZOOM_MIN_SPAN / 2)
    half_y = max((north - south) / 2 + ZOOM_PAD, ZOOM_MIN_SPAN / 2)
    half_x = max(half_x, half_y * ZOOM_ASPECT)  # a wide, short map leaves room for the rest of page 2
    cx, cy = (west + east) / 2, (south + north) / 2
    return (round(cx - half_x, 3), round(cy - half_y, 3), round(cx + half_x, 3), round(cy + half_y, 3))
