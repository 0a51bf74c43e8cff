"""Dates, numbers and short labels in English and French, through babel.

Contract: every function takes the briefing language ("en" or "fr") and returns text ready to
print (not escaped). French uses a narrow no-break space as the thousands separator ("375 000")
and no-break spaces before : ; ! ? and inside « » (see `french_typography`).
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date
from babel.numbers import format_decimal

from briefer.core.domain import Language, PartialDate, Period

NBSP = "\u00a0"
NNBSP = "\u202f"
LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def locale(lang: Language) -> str:
    return LOCALES.get(lang, "en_GB")


def fmt_number(value: float, lang: Language, decimals: int = 0) -> str:
    """375000 -> "375,000" (en) or "375 000" with a narrow no-break space (fr)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(value, format=pattern, locale=locale(lang))
    return text.replace(NBSP, NNBSP) if lang == "fr" else text


def fmt_percent(value: float, lang: Language, signed: bool = True) -> str:
    """A percentage given in percent units: 38.2 -> "+38%" (en) or "+38 %" with a no-break space (fr)."""
    number = fmt_number(round(abs(value)), lang)
    text = number + (NBSP + "%" if lang == "fr" else "%")
    if value < 0 and round(abs(value)):
        return "−" + text
    return ("+" if signed and round(value) else ("±" if signed else "")) + text


def fmt_date(day: dt.date, lang: Language, style: str = "long") -> str:
    """30 June 2023 / 30 juin 2023 ("long"), 30 Jun 2023 / 30 juin 2023 ("medium")."""
    fmt = {"long": "d MMMM y", "medium": "d MMM y", "short": "dd/MM/y"}[style]
    return format_date(day, format=fmt, locale=locale(lang))


def fmt_partial(date: PartialDate | None, lang: Language) -> str:
    """A date printed to its precision: "2023", "July 2023" / "juillet 2023", "7 July 2023"."""
    if date is None:
        return ""
    first = date.first_day()
    if date.precision == "year":
        return str(date.year)
    if date.precision == "month":
        return format_date(first, format="LLLL y", locale=locale(lang))
    return fmt_date(first, lang)


def fmt_period(period: Period, lang: Language) -> str:
    """"1 June – 31 December 2023", "1 juin – 31 décembre 2023"; years repeated when they differ."""
    start, end = period.start, period.end
    if start == end:
        return fmt_date(start, lang)
    if start.year == end.year:
        left = format_date(start, format="d MMMM", locale=locale(lang))
    else:
        left = fmt_date(start, lang)
    return f"{left} – {fmt_date(end, lang)}"


_FR_BEFORE = re.compile(r"\s*([:;!?])(?=\s|$)")


def french_typography(text: str) -> str:
    """No-break spaces before : ; ! ? and inside « » (French rules); leaves URLs and times alone."""
    text = _FR_BEFORE.sub(lambda m: NBSP + m.group(1), text)
    text = re.sub(r"«\s*", "«" + NBSP, text)
    return re.sub(r"\s*»", NBSP + "»", text)


def typeset(text: str, lang: Language) -> str:
    """Apply the language's typography rules to running text written by briefer or the user."""
    return french_typography(text) if lang == "fr" else text
