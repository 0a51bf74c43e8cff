"""Every word of the user interface in English and French, and locale-aware dates and numbers.

Contract: `tr(key, **values)` returns the text for `key` in the current UI language with
`{placeholders}` filled; an unknown key raises KeyError (a test checks every key has both
languages). `set_language(lang)` switches the language and the QLocale used by `fmt_*`; widgets
re-read their texts in their `retranslate()` methods. Dates and numbers follow the user's system
locale when it speaks the UI language (so an English user in the US gets US dates), else en_GB/fr_FR.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from briefer.gui.strings import STRINGS

UI_LANGUAGES = ("en", "fr")
_state = {"lang": "en"}
_locale: list[QLocale] = [QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)]


def language() -> str:
    return _state["lang"]


def set_language(lang: str) -> None:
    """Switch the UI language ("en" or "fr"; anything else is English) and its locale."""
    lang = lang if lang in UI_LANGUAGES else "en"
    _state["lang"] = lang
    system = QLocale.system()
    wanted = QLocale.Language.French if lang == "fr" else QLocale.Language.English
    if system.language() == wanted:
        _locale[0] = system
    elif lang == "fr":
        _locale[0] = QLocale(QLocale.Language.French, QLocale.Country.France)
    else:
        _locale[0] = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(_locale[0])


def system_language() -> str:
    """"fr" when the system speaks French, else "en" (the default on first run)."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def tr(key: str, **values: object) -> str:
    english, french = STRINGS[key]
    text = french if _state["lang"] == "fr" else english
    return text.format(**values) if values else text


def core_text(value: object) -> str:
    """A core error, import row error or note in the UI language (see briefer/core/messages.py)."""
    from briefer.gui import operations

    return operations.localised(value, _state["lang"])


def locale() -> QLocale:
    return _locale[0]


def fmt_int(value: float) -> str:
    """12345 -> "12,345" / "12 345"."""
    return _locale[0].toString(round(value))


def fmt_number(value: float) -> str:
    """A figure from a source: whole numbers without decimals, others with up to two."""
    if float(value).is_integer():
        return fmt_int(value)
    return _locale[0].toString(float(value), "f", 2).rstrip("0").rstrip(_locale[0].decimalPoint())


def fmt_percent(value: float) -> str:
    """38.2 -> "+38%" / "+38 %"; the sign is always shown."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    number = _locale[0].toString(round(abs(value)))
    return f"{sign}{number}\u00a0%" if _state["lang"] == "fr" else f"{sign}{number}%"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def fmt_date(day: dt.date | None, style: str = "long") -> str:
    """"30 June 2023" / "30 juin 2023" (long), "30 Jun 2023" (medium), the locale's short form."""
    if day is None:
        return ""
    if style == "short":
        return _locale[0].toString(qdate(day), short_date_format())
    return _locale[0].toString(qdate(day), "d MMMM yyyy" if style == "long" else "d MMM yyyy")


def fmt_period(start: dt.date, end: dt.date) -> str:
    """"1 June – 31 December 2023"; the year is repeated only when the years differ."""
    if start.year == end.year:
        left = _locale[0].toString(qdate(start), "d MMMM")
    else:
        left = fmt_date(start)
    return f"{left} – {fmt_date(end)}"


def short_date_format() -> str:
    """The locale's short date format with a four-digit year (for date fields)."""
    fmt = _locale[0].dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def join_names(names: list[str]) -> str:
    """"Mali, Niger and Burkina Faso" / "Mali, Niger et Burkina Faso"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + tr("and") + names[-1]
