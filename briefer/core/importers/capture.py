"""Capturing quotations and key figures from a stored source, checked against its text.

Contract:
- `capture_quotation(store, source_id, text, ...)`: markup in `text` and `speaker` is removed
  (`<b>`, `&amp;` -> plain text); countries (ISO3, ISO2 or a name) and topic slugs are checked; the
  text must be verbatim in the source's full text (typographic quotes and whitespace normalised)
  unless `paraphrase`; the locator ("para. N" / "p. N") and offsets are computed when the source
  has its text and no `locator` is given. One transaction; returns the quotation id.
- `capture_figure(store, source_id, sentence=..., label=..., value=..., unit=...)`: the same for
  a figure, whose `sentence` must be verbatim (the source's own wording is stored); `value` is
  read in English or French notation ("375,000", "6 000", "1,5"); without `country`, the one
  country the sentence names is used. Returns the figure id.
- `source_candidates(store, source_id, limit)`: `suggest_candidates` on a stored source, with the
  store's country names and topic words, each candidate with its locator.
- `quotation_fields` and `figure_fields` run the same checks without writing (edits use them).
Any mistake raises a `BrieferError` (ValidationError, SelectionError) before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefer.core.countries import CountryResolver
from briefer.core.domain import FigureInput, PartialDate, Source
from briefer.core.errors import SelectionError, ValidationError
from briefer.core.importers.candidates import (
    Candidate,
    mentions,
    sentence_spans,
    suggest_candidates,
)
from briefer.core.importers.locators import Locator, locator
from briefer.core.importers.numbers import parse_number
from briefer.core.importers.textnorm import plain_text
from briefer.core.messages import msg
from briefer.core.store import reads, writes
from briefer.core.store.db import Store
from briefer.core.tagging import fold


def _source(store: Store, source_id: int) -> tuple[Source, str]:
    found = reads.source_full_text(store, source_id)
    if found is None:
        raise ValidationError.of("cap-no-source", id=source_id)
    return found


def _countries(store: Store, names: Iterable[str]) -> list[str]:
    resolver = CountryResolver(reads.countries(store), reads.country_aliases(store))
    return list(dict.fromkeys(resolver.resolve(n) for n in names if n.strip()))


def _topics(store: Store, slugs: Iterable[str]) -> list[str]:
    known = {t.slug for t in reads.topics(store)}
    chosen = list(dict.fromkeys(s.strip().lower() for s in slugs if s.strip()))
    for slug in chosen:
        if slug not in known:
            raise SelectionError.of("sel-unknown-topic-see", slug=slug)
    return chosen


def _place(source: Source, full_text: str, text: str, what: str, *, required: bool) -> tuple[int, int] | None:
    """Offsets of `text` in the source, or ValidationError (with the closest passage) when required."""
    offsets = writes.find_verbatim(full_text, text)
    if offsets is None and required and full_text:
        hint = _closest(full_text, text)
        closest = msg("cap-closest", where=hint[0], text=hint[1]) if hint else ""
        key = "cap-not-verbatim-quotation" if what == "quotation" else "cap-not-verbatim-sentence"
        raise ValidationError.of(key, id=source.id, title=source.title, closest=closest)
    return offsets


def _closest(full_text: str, text: str) -> tuple[str, str] | None:
    """(locator, sentence) of the sentence sharing most of the text's words, when it shares half."""
    wanted = set(re.findall(r"\w+", fold(text)))
    best, best_share = None, 0.5
    for start, end in sentence_spans(full_text, "en"):
        share = len(wanted & set(re.findall(r"\w+", fold(full_text[start:end])))) / max(len(wanted), 1)
        if share > best_share:
            best, best_share = (start, end), share
    if best is None:
        return None
    return locator(full_text, *best).text, full_text[best[0]:best[1]]


def _where(full_text: str, offsets: tuple[int, int] | None, given: str) -> Locator:
    if given.strip() or offsets is None:
        return Locator(given.strip())
    return locator(full_text, *offsets)


@dataclass(frozen=True)
class QuotationFields:
    """A quotation checked against its source, ready to write: plain text, resolved countries and
    topics, its locator and offsets (None when not placed in the source's text)."""

    text: str
    speaker: str
    countries: tuple[str, ...]
    topics: tuple[str, ...]
    paraphrase: bool
    locator: Locator
    offsets: tuple[int, int] | None


def quotation_fields(store: Store, source_id: int, text: str, *, speaker: str = "", locator_text: str = "",
                     countries: Sequence[str] = (), topics: Sequence[str] = (),
                     paraphrase: bool = False) -> QuotationFields:
    """Check a quotation against its source without writing (the rules of `capture_quotation`)."""
    source, full_text = _source(store, source_id)
    clean = plain_text(text)
    if not clean:
        raise ValidationError.of("cap-empty-quotation")
    isos, slugs = _countries(store, countries), _topics(store, topics)
    offsets = _place(source, full_text, clean, "quotation", required=not paraphrase)
    return QuotationFields(clean, plain_text(speaker), tuple(isos), tuple(slugs), paraphrase,
                           _where(full_text, offsets, locator_text), offsets)


def capture_quotation(store: Store, source_id: int, text: str, *, speaker: str = "", locator_text: str = "",
                      countries: Sequence[str] = (), topics: Sequence[str] = (), paraphrase: bool = False,
                      date: str | None = None) -> int:
    """Add a quotation checked against its source (see the module's contract)."""
    q = quotation_fields(store, source_id, text, speaker=speaker, locator_text=locator_text, countries=countries,
                         topics=topics, paraphrase=paraphrase)
    with store.db.atomic():
        return writes.add_quotation(store, source_id, q.text, speaker=q.speaker, locator=q.locator.text,
                                    date=date, paraphrase=paraphrase, countries=q.countries, topics=q.topics,
                                    page=q.locator.page)


def capture_figure(store: Store, source_id: int, figure: FigureInput) -> int:
    """Add a key figure checked against its source (see the module's contract)."""
    row = figure_fields(store, source_id, figure)
    with store.db.atomic():
        return writes.add_figure(store, **row)


def figure_fields(store: Store, source_id: int, figure: FigureInput) -> dict[str, object]:
    """The `figures` row for `figure`, checked against its source without writing (see `capture_figure`)."""
    source, full_text = _source(store, source_id)
    sentence, label = plain_text(figure.sentence), plain_text(figure.label)
    if not sentence or not label:
        raise ValidationError.of("cap-figure-incomplete")
    value = _value(figure.value)
    as_of = _as_of(figure.as_of)
    offsets = _place(source, full_text, sentence, "sentence", required=True)
    iso3 = _figure_country(store, figure.country, sentence)
    topic = _topics(store, [figure.topic])[0] if figure.topic.strip() else None
    where = _where(full_text, offsets, figure.locator)
    row = {"source_id": source_id, "country_iso3": iso3, "topic": topic, "label": label,
           "label_fr": plain_text(figure.label_fr), "value": value, "unit": plain_text(figure.unit),
           "qualifier": plain_text(figure.qualifier).lower(), "as_of": as_of,
           "sentence": full_text[offsets[0]:offsets[1]] if offsets else sentence, "locator": where.text,
           "page": where.page, "start_offset": offsets[0] if offsets else None,
           "end_offset": offsets[1] if offsets else None}
    return row


def _value(text: str) -> float | None:
    if not text.strip():
        return None
    try:
        return parse_number(re.sub(r"\s*(%|per\s?cent|percent|pour\s?cent)$", "", text.strip(), flags=re.IGNORECASE))
    except ValueError:
        raise ValidationError.of("cap-not-number", text=text) from None


def _as_of(text: str) -> str | None:
    try:
        date = PartialDate.of(text.strip() or None)
    except ValueError:
        raise ValidationError.of("val-partial-date", text=text) from None
    return date.iso if date else None


def _figure_country(store: Store, given: str, sentence: str) -> str:
    if given.strip():
        return _countries(store, [given])[0]
    isos = set(mentions(sentence, reads.country_names(store))[0])
    if len(isos) != 1:
        named = msg("cap-names-several", isos=", ".join(sorted(isos))) if isos else msg("cap-names-none")
        raise ValidationError.of("cap-which-country", named=named)
    return isos.pop()


def source_candidates(store: Store, source_id: int, limit: int | None = None) -> list[tuple[Candidate, Locator]]:
    """Candidates from a stored source's text, best first, each with its locator."""
    source, full_text = _source(store, source_id)
    if not full_text:
        raise ValidationError.of("cap-no-text", id=source_id)
    found = suggest_candidates(full_text, source.language, countries=reads.country_names(store),
                               topics=reads.topic_words(store), limit=limit)
    return [(c, locator(full_text, c.start, c.end)) for c in found]
