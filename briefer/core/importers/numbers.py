"""Numbers as English and French texts write them, and the figures they state.

Contract:
- `parse_number(text, lang=None)` reads "375,000", "375 000" (any space, narrow or not), "6.000"
  (fr), "1,5" (fr), "1.5", "38", "2,5 millions", "1.2 billion", "1,2 milliard" and returns a float;
  `lang` "en" takes "," as thousands and "." as decimals, "fr" the reverse; without `lang` a comma
  or dot followed by groups of exactly three digits is a thousands separator. ValueError otherwise.
- `find_figures(sentence, lang)` lists the figures a sentence states: each number that is not a
  year, a date, an ordinal, a code ("G5", "S/RES/2690") or a document number ("resolution 2690"),
  with its value (scale words applied), a unit guess in the store's English vocabulary ("percent",
  "deaths", "people", "attacks"… or the next plural noun), and a qualifier guess ("over", "about",
  "nearly", "at least", "up to", "less than"), from English or French wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefer.core.tagging import fold

_SPACES = "\u00a0\u202f\u2009\u2007 "
NUMBER = re.compile(
    r"(?<![\w./\\-])(?<![\w][,.])"
    r"(\d{1,3}(?:(?:[,.]|[" + _SPACES + r"])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\w/]|[.,]\d)"
)
_SCALES = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
           "milliard": 1e9, "milliards": 1e9, "mille": 1e3, "bn": 1e9, "m": 1e6}
_SCALE = re.compile(r"\s*(thousand|millions?|billions?|milliards?|mille|bn)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s*(%|per\s?cent\b|percent\b|pour\s?cent\b|p\.\s?c\.)", re.IGNORECASE)
_QUALIFIERS = (
    ("more than", "over"), ("over", "over"), ("above", "over"), ("exceeded", "over"), ("exceeding", "over"),
    ("exceeds", "over"), ("in excess of", "over"), ("plus de", "over"), ("au-dela de", "over"),
    ("au dela de", "over"), ("depasse", "over"), ("at least", "at least"), ("au moins", "at least"),
    ("about", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"),
    ("an estimated", "about"), ("some", "about"), ("environ", "about"), ("quelque", "about"),
    ("quelques", "about"), ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"),
    ("pres de", "nearly"), ("presque", "nearly"), ("up to", "up to"), ("jusqu'a", "up to"),
    ("jusqu’a", "up to"), ("less than", "less than"), ("fewer than", "less than"), ("under", "less than"),
    ("below", "less than"), ("moins de", "less than"),
)
_QUALIFIER = re.compile(r"\b(" + "|".join(re.escape(q) for q, _ in _QUALIFIERS) + r")\s+$")
_QUALIFIER_OF = dict(_QUALIFIERS)
_UNITS = {
    "deaths": "deaths", "dead": "deaths", "killed": "deaths", "fatalities": "deaths", "lives": "deaths",
    "morts": "deaths", "tues": "deaths", "deces": "deaths", "victimes": "victims", "victims": "victims",
    "people": "people", "persons": "people", "personnes": "people", "individuals": "people",
    "displaced": "displaced", "deplaces": "displaced", "displacement": "people", "refugees": "refugees",
    "refugies": "refugees", "civilians": "civilians", "civils": "civilians", "attacks": "attacks",
    "attaques": "attacks", "incidents": "incidents", "events": "events", "evenements": "events",
    "personnel": "personnel", "peacekeepers": "peacekeepers", "troops": "troops", "soldiers": "soldiers",
    "soldats": "soldiers", "schools": "schools", "ecoles": "schools", "years": "years", "ans": "years",
    "annees": "years", "months": "months", "mois": "months", "days": "days", "jours": "days",
    "kidnappings": "abductions", "abductions": "abductions", "enlevements": "abductions",
}
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR",
             "euros": "EUR", "fcfa": "XOF", "cfa": "XOF"}
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATE_BEFORE = re.compile(r"\b(" + _MONTHS + r")\.?\s+$")
_DATE_AFTER = re.compile(r"\s*(st|nd|rd|th|er)?\s*(of\s+)?(" + _MONTHS + r")\b")
_DOCUMENT = re.compile(r"\b(resolution|chapter|article|paragraph|para|page|p|pp|no|n°|number|section|"
                       r"meeting|session|report|decree|decret|loi|law|volume|vol|edition)\.?\s+$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class FigureGuess:
    """A figure stated in a sentence: where its number is, and what it seems to mean."""

    start: int
    end: int
    number: str
    value: float
    unit: str
    qualifier: str


def parse_number(text: str, lang: str | None = None) -> float:
    """The number written in `text` (see the module's contract)."""
    value = text.strip()
    scale = 1.0
    match = re.fullmatch(r"(.*?\d)\s*(thousand|millions?|billions?|milliards?|mille|bn|m)\.?", value, re.IGNORECASE)
    if match:
        value, scale = match.group(1), _SCALES[match.group(2).lower()]
    digits = re.sub(f"[{_SPACES}]", " ", value)
    if not re.fullmatch(r"[+-]?\d[\d,. ]*", digits) or re.search(r"[,.]{2}|[,. ]$", digits):
        raise ValueError(f"{text!r} is not a number")
    return _plain(digits.replace(" ", "") if re.fullmatch(r"[+-]?\d{1,3}( \d{3})+([.,]\d+)?", digits)
                  else digits, lang) * scale


def _plain(digits: str, lang: str | None) -> float:
    if " " in digits:
        raise ValueError(f"{digits!r} is not a number")
    thousands, decimal = {"en": (",", "."), "fr": (".", ",")}.get(lang or "", ("", ""))
    if not thousands:
        thousands, decimal = _guess_separators(digits)
    if thousands and re.search(re.escape(thousands) + r"(?!\d{3}(\D|$))", digits):
        raise ValueError(f"{digits!r} is not a number")
    try:
        return float(digits.replace(thousands, "").replace(decimal, ".")) if thousands else float(
            digits.replace(decimal, "."))
    except ValueError:
        raise ValueError(f"{digits!r} is not a number") from None


def _guess_separators(digits: str) -> tuple[str, str]:
    """(thousands, decimal) for a number written without a known language."""
    if "," in digits and "." in digits:
        return ("," , ".") if digits.rfind(".") > digits.rfind(",") else (".", ",")
    for mark in ",.":
        if mark in digits:
            groups = digits.split(mark)
            if len(groups) > 2 or (len(groups[-1]) == 3 and groups[0].lstrip("+-") != "0"):
                return mark, "," if mark == "." else "."
            return "", mark
    return "", "."


def find_figures(sentence: str, lang: str = "en") -> list[FigureGuess]:
    """The figures a sentence states (see the module's contract)."""
    found = []
    for match in NUMBER.finditer(sentence):
        before, after = fold(sentence[:match.start()]), fold(sentence[match.end():])
        guess = _figure(match, before, after, lang)
        if guess is not None:
            found.append(guess)
    return found


def _figure(match: re.Match[str], before: str, after: str, lang: str) -> FigureGuess | None:
    text = match.group(1)
    if (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after) or _DOCUMENT.search(before)
            or (before.endswith("[") and after.startswith("]"))):
        return None
    value = _value(text, lang)
    if value is None:
        return None
    end = match.end()
    scale = _SCALE.match(after)
    if scale:
        value *= _SCALES[scale.group(1).lower()]
        end, after = end + scale.end(), after[scale.end():]
    percent = _PERCENT.match(after)
    unit = "percent" if percent else _unit_after(before, after)
    if not unit and 1900 <= value <= 2100 and value.is_integer():
        return None
    if percent:
        end += percent.end()
    qualifier = _QUALIFIER.search(before)
    return FigureGuess(match.start(), end, text, value, unit or _unit_before(before),
                       _QUALIFIER_OF[qualifier.group(1)] if qualifier else "")


def _value(text: str, lang: str) -> float | None:
    for guess in (lang, None):
        try:
            return parse_number(text, guess)
        except ValueError:
            continue
    return None


def _unit_after(before: str, after: str) -> str:
    """A unit from the words right after the number (or a currency sign right before it)."""
    currency = re.search(r"(\$|us\$|€)\s*$", before)
    if currency:
        return _CURRENCY[currency.group(1)]
    words = _WORD.findall(after[:60])[:3]
    for word in words:
        if word in _UNITS or word in _CURRENCY:
            return _UNITS.get(word) or _CURRENCY[word]
    first = words[0] if words else ""
    plural = len(first) > 3 and first.endswith(("s", "x")) and after[:1].isspace()
    return first if plural and after.lstrip().startswith(first) else ""


def _unit_before(before: str) -> str:
    """A telling noun shortly before the number ("the number of deaths … exceeded 6,000")."""
    for word in reversed(_WORD.findall(before[-120:])[-12:]):
        if word in _UNITS:
            return _UNITS[word]
    return ""
