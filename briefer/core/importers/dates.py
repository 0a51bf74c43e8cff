"""Event dates as ACLED, UCDP and spreadsheet programs write them.

Contract: `parse_date(text)` returns the `datetime.date` written in one of these shapes, or raises
`DateFormatError` (a `ValueError`) whose message quotes the value and shows the accepted shapes:

- ACLED's own: "10 December 2020", "3 Dec 2020"; with `french`, as incident logs write it:
  "10 décembre 2020", "1er juin 2023", "3 déc. 2020"
- ISO: "2020-12-10" (a time after it, as in "2020-12-10 00:00:00", is ignored)
- Excel re-saves: "16-Feb-21", "16-Feb-2021"
- day/month/year: "10/12/2020", "10/12/20", "10.12.2020" (never month/day/year)

English month names (and French ones with `french`, accents optional), any case. A two-digit year is this century unless that would put the date
more than a year in the future (then it is the last century): "16-Feb-21" is 2021, "3-Mar-97"
is 1997. `DateParser` does the same with a cache and returns ISO text, for files of a million rows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from briefer.core.messages import msg

ACCEPTED = '"10 December 2020", "2020-12-10", "16-Feb-21" or "10/12/2020" (day/month/year)'

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_FRENCH = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
           "novembre", "decembre")
_FRENCH_MONTHS = {name: number for number, name in enumerate(_FRENCH, start=1)}
_FRENCH_MONTHS.update({"janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "dec": 12, **_MONTHS})
_ACCENTS = str.maketrans("éèêûôÉÈÊÛÔ", "eeeuoeeeuo")

_WORDS = re.compile(r"(\d{1,2})(?:er)?[ \-]+([^\W\d_]+)\.?[ \-,]+(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][0-9:.]*)?")
_NUMERIC = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})")


class DateFormatError(ValueError):
    """A value that is not a date in any accepted shape (the message says which shapes)."""


def parse_date(text: str, *, today: dt.date | None = None, french: bool = False) -> dt.date:
    """The date written in `text` (see the module's contract)."""
    value = text.strip()
    months = _FRENCH_MONTHS if french else _MONTHS
    try:
        if match := _WORDS.fullmatch(value):
            day, month, year = match.groups()
            return _make(year, months[month.lower().translate(_ACCENTS)], day, today)
        if match := _ISO.fullmatch(value):
            year, month, day = match.groups()
            return dt.date(int(year), int(month), int(day))
        if match := _NUMERIC.fullmatch(value):
            day, _, month, year = match.groups()
            return _make(year, int(month), day, today)
    except (KeyError, ValueError):
        pass
    shown = msg("row-quoted", value=text) if text.strip() else msg("row-empty-value")
    raise DateFormatError(msg("row-not-date", shown=shown, accepted=ACCEPTED))


def _make(year: str, month: int, day: str, today: dt.date | None) -> dt.date:
    number = int(year)
    if len(year) == 2:
        number = full_year(number, today or dt.date.today())
    return dt.date(number, month, int(day))


def full_year(two_digits: int, today: dt.date) -> int:
    """The four-digit year of a two-digit one: this century unless more than a year ahead."""
    year = today.year // 100 * 100 + two_digits
    return year if year <= today.year + 1 else year - 100


class DateParser:
    """`parser(text)` -> ISO date text; caches each distinct input (files repeat dates a lot)."""

    def __init__(self, today: dt.date | None = None, *, french: bool = False) -> None:
        self._today, self._french = today or dt.date.today(), french
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        iso = self._cache.get(text)
        if iso is None:
            iso = parse_date(text, today=self._today, french=self._french).isoformat()
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[text] = iso
        return iso
