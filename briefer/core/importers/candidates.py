"""Quotations and figures worth capturing from a document, proposed for a person to confirm.

Contract of `suggest_candidates(text, lang, countries=..., topics=..., limit=...)`:
- `text` is split into paragraphs (blank lines, page breaks) and sentences (`sentence-splitter`,
  English or French rules); every candidate is whole sentences, verbatim: `text[start:end] == c.text`;
- a figure candidate per number that states something (`numbers.find_figures`: "38 per cent",
  "over 430 violent attacks", "375,000", "plus de 6 000 morts", "5 %"), with its value, unit and
  qualifier guesses; one sentence may give several;
- a quotation candidate per quoted passage of four words or more (“…”, «…», ‘…’, "…"), the
  sentences holding it, with the quoted words and a speaker guess (an acronym in brackets or a
  name before "said", "a déclaré"…); and per sentence naming a country and two topic words;
- `countries` maps names and aliases (any case or accents) to ISO3 and `topics` maps topic slugs to
  their words: both only rank and tag candidates (`countries`, `topics` of each candidate);
- ranked best first: figures with a known unit, attributed quotations, country and topic mentions
  score higher; overlong sentences lower. `limit` keeps the first N.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from briefer.core.importers.numbers import find_figures
from briefer.core.importers.textnorm import block_spans
from briefer.core.tagging import fold

Kind = Literal["figure", "quotation"]
KNOWN_UNITS = frozenset({"percent", "deaths", "people", "displaced", "refugees", "attacks", "civilians",
                         "personnel", "victims", "incidents", "events", "abductions", "soldiers", "troops"})
_QUOTED = re.compile(r"“([^“”]+)”|«\s*([^«»]+?)\s*»|(?<!\w)‘([^‘]+?)’(?!\w)|(?<![\w\"])\"([^\"\n]+)\"(?![\w\"])")
_SAYS = re.compile(r"\b(said|says|stated|states|warned|told|added|noted|declared|opined|argued|explained|"
                   r"insisted|according to|a déclaré|a dit|a affirmé|a indiqué|a souligné|a estimé|estime|"
                   r"selon|affirme|déclare)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&/-]{1,14})\)")
_NAME = re.compile(r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),?\s*$")
MIN_QUOTED_WORDS = 4
LONG_SENTENCE = 70


@dataclass(frozen=True)
class Candidate:
    """A proposed quotation or figure: the sentence(s), where they are, why, and guesses."""

    kind: Kind
    text: str
    start: int
    end: int
    score: float
    reasons: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    number: str = ""
    value: float | None = None
    unit: str = ""
    qualifier: str = ""
    quote: str = ""
    speaker: str = ""


class _Lexicon:
    """Folded country names and topic words, found in a sentence by one regex each."""

    def __init__(self, countries: Mapping[str, str], topics: Mapping[str, Sequence[str]]) -> None:
        self.countries = {fold(k).strip(): v for k, v in countries.items() if len(k.strip()) > 2}
        self.words: dict[str, set[str]] = {}
        for slug, words in topics.items():
            for word in words:
                if len(word.strip()) > 2:
                    self.words.setdefault(fold(word).strip(), set()).add(slug)
        self._countries = _alternation(self.countries)
        self._words = _alternation(self.words)

    def tag(self, sentence: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(ISO3 codes, topic slugs) mentioned in `sentence`, each sorted."""
        folded = fold(sentence)
        isos = {self.countries[m.group(1)] for m in self._countries.finditer(folded)} if self._countries else set()
        slugs = {s for m in self._words.finditer(folded) for s in self.words[m.group(1)]} if self._words else set()
        return tuple(sorted(isos)), tuple(sorted(slugs))


def _alternation(keys: Mapping[str, object]) -> re.Pattern[str] | None:
    if not keys:
        return None
    ordered = sorted(keys, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in ordered) + r")(?!\w)")


@lru_cache(maxsize=4)
def _splitter(lang: str):  # type: ignore[no-untyped-def]
    from sentence_splitter import SentenceSplitter

    return SentenceSplitter(language="fr" if lang == "fr" else "en")


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text`, never across a paragraph or page break."""
    spans: list[tuple[int, int]] = []
    for start, end in block_spans(text):
        block = text[start:end].replace("\n", " ")
        position = 0
        for sentence in _splitter(lang).split(block):
            found = block.find(sentence.strip(), position) if sentence.strip() else -1
            if found >= 0:
                position = found + len(sentence.strip())
                spans.append((start + found, start + position))
    return spans


def suggest_candidates(text: str, lang: str = "en", *, countries: Mapping[str, str] | None = None,
                       topics: Mapping[str, Sequence[str]] | None = None, limit: int | None = None) -> list[Candidate]:
    """Candidates for capture from `text`, best first (see the module's contract)."""
    lexicon = _Lexicon(countries or {}, topics or {})
    spans = sentence_spans(text, lang)
    found = [*_figures(text, spans, lang, lexicon), *_quotations(text, spans, lexicon)]
    found.sort(key=lambda c: (-c.score, c.start, c.kind))
    return found[:limit] if limit is not None else found


def mentions(text: str, countries: Mapping[str, str],
             topics: Mapping[str, Sequence[str]] | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(ISO3 codes, topic slugs) that `text` names, with the same matching as the candidates."""
    return _Lexicon(countries, topics or {}).tag(text)


def _bonus(sentence: str, isos: tuple[str, ...], slugs: tuple[str, ...]) -> float:
    words = len(sentence.split())
    return 1.5 * min(len(isos), 2) + min(len(slugs), 3) - (2.0 if words > LONG_SENTENCE else 0.0) - (
        1.0 if words < 6 else 0.0)


def _figures(text: str, spans: list[tuple[int, int]], lang: str, lexicon: _Lexicon) -> Iterator[Candidate]:
    for start, end in spans:
        sentence = text[start:end]
        guesses = find_figures(sentence, lang)
        if not guesses:
            continue
        isos, slugs = lexicon.tag(sentence)
        for g in guesses:
            score = 3.0 + (2.0 if g.unit in KNOWN_UNITS else 1.0 if g.unit else 0.0) + (0.5 if g.qualifier else 0.0)
            yield Candidate("figure", sentence, start, end, score + _bonus(sentence, isos, slugs),
                            (sentence[g.start:g.end],), isos, slugs, g.number, g.value, g.unit, g.qualifier)


def _quotations(text: str, spans: list[tuple[int, int]], lexicon: _Lexicon) -> Iterator[Candidate]:
    quoted: set[int] = set()
    for match in _QUOTED.finditer(text):
        words = next(g for g in match.groups() if g is not None)
        if len(words.split()) < MIN_QUOTED_WORDS or "\n\n" in words or "\f" in words:
            continue
        covering = [(s, e) for s, e in spans if s < match.end() and e > match.start()]
        if not covering:
            continue
        start, end = covering[0][0], covering[-1][1]
        quoted.update(s for s, _ in covering)
        sentence = text[start:end]
        isos, slugs = lexicon.tag(sentence)
        speaker = _speaker(text[start:match.start()], text[match.end():end])
        score = 2.5 + min(len(words.split()) / 10, 3.0) + (2.0 if speaker or _SAYS.search(sentence) else 0.0)
        yield Candidate("quotation", sentence, start, end, score + _bonus(sentence, isos, slugs),
                        ("quoted speech",), isos, slugs, quote=words.strip(), speaker=speaker)
    for start, end in spans:
        sentence = text[start:end]
        isos, slugs = lexicon.tag(sentence)
        if start not in quoted and isos and len(slugs) >= 2:
            yield Candidate("quotation", sentence, start, end, 1.0 + _bonus(sentence, isos, slugs),
                            ("country and topic",), isos, slugs)


def _speaker(before: str, after: str) -> str:
    """Who is quoted: an acronym in brackets before the quote, or a name next to a verb of saying."""
    acronyms = _ACRONYM.findall(before)
    if acronyms and _SAYS.search(before + " " + after) is not None or acronyms and "statement" in before:
        return str(acronyms[-1])
    says = _SAYS.search(before)
    if says:
        name = _NAME.search(before[:says.start()])
        if name:
            return name.group(1).strip()
    after_says = re.match(r"[,\s]*(?:said|says|a déclaré|a dit)\s+((?:[A-Z][\w’'-]+\s*){1,4})", after)
    return after_says.group(1).strip() if after_says else ""
