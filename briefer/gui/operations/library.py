"""Operations for the Library window: list and read sources, suggest passages, capture, edit, delete, undo.

Contract: reads return frozen data (core domain objects and the small types below); every write
returns a `curation.Change` (kind, id, before, after) that `put_snapshot` replays for undo and redo.
Core modules load on the worker, on first use. A user's mistake raises `BrieferError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefer.core.domain import Figure, FigureInput, Quotation, Source
    from briefer.core.store.catalogue import SourceSummary
    from briefer.core.store.curation import Change
    from briefer.core.store.db import Store

SUGGESTION_LIMIT = 40


@dataclass(frozen=True)
class SourceDetail:
    """One source as the reader shows it: details, full text ("" for a reference), quotations, figures."""

    source: Source
    full_text: str
    quotations: tuple[Quotation, ...]
    figures: tuple[Figure, ...]
    spans: tuple[tuple[int, int, int], ...] = ()  # (quotation id, start, end) in the text


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "figure" or "quotation"
    text: str
    start: int
    end: int
    locator: str
    why: str


@dataclass(frozen=True)
class PassageRequest:
    source_id: int
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A selection in a source's text, with what the capture dialogs propose for it."""

    source_id: int
    start: int
    end: int
    text: str  # the selection, whitespace made single spaces
    locator: str
    sentence: str  # the sentence(s) holding the selection
    value: str = ""
    unit: str = ""
    qualifier: str = ""
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    speaker: str = ""


@dataclass(frozen=True)
class QuotationRequest:
    source_id: int
    text: str
    speaker: str = ""
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    paraphrase: bool = False
    quotation_id: int | None = None  # None: a new quotation


@dataclass(frozen=True)
class FigureRequest:
    source_id: int
    figure: FigureInput
    figure_id: int | None = None  # None: a new figure


@dataclass(frozen=True)
class SourceEdit:
    source_id: int
    fields: dict[str, Any] = field(default_factory=dict)  # title, authors, publisher, published, url, language, protected


@dataclass(frozen=True)
class SnapshotRequest:
    """Make the store hold `snapshot` for `kind`/`id` (None: no row): one step of undo or redo."""

    kind: str
    id: int
    snapshot: Any


def list_sources(store: Store, query: str) -> tuple[SourceSummary, ...]:
    """Every source, or those matching the user's words, newest first."""
    from briefer.core.store import catalogue

    return tuple(catalogue.source_summaries(store, query))


def source_detail(store: Store, source_id: int) -> SourceDetail:
    from briefer.core.errors import ValidationError
    from briefer.core.store import catalogue, reads

    found = reads.source_full_text(store, source_id)
    if found is None:
        raise ValidationError.of("store-row-gone", kind="source", id=source_id)
    quotations, figures = catalogue.source_items(store, source_id)
    spans = tuple(catalogue.quotation_spans(store, source_id))
    return SourceDetail(found[0], found[1], tuple(quotations), tuple(figures), spans)


def suggestions(store: Store, source_id: int) -> tuple[Suggestion, ...]:
    """Passages worth capturing, best first (none for a source without text)."""
    from briefer.core.importers.capture import source_candidates
    from briefer.core.store import reads

    found = reads.source_full_text(store, source_id)
    if found is None or not found[1]:
        return ()
    return tuple(Suggestion(c.kind, c.text, c.start, c.end, where.text, _why(c))
                 for c, where in source_candidates(store, source_id, SUGGESTION_LIMIT))


def _why(candidate: Any) -> str:
    if candidate.kind == "figure":
        return " ".join(filter(None, (candidate.qualifier, candidate.number, candidate.unit)))
    return candidate.speaker or ", ".join(candidate.reasons)


def passage(store: Store, request: PassageRequest) -> Passage:
    """The selection `start`–`end` of a source's text, its locator, its sentence and guesses."""
    from briefer.core.importers.candidates import sentence_spans, suggest_candidates
    from briefer.core.importers.locators import locator
    from briefer.core.store import reads

    source, full_text = _text(store, request.source_id)
    start, end = request.start, request.end
    low, high = _block(full_text, start, end)
    spans = [(low + a, low + b) for a, b in sentence_spans(full_text[low:high], source.language)
             if low + a < max(end, start + 1) and low + b > start]
    s_start, s_end = (spans[0][0], spans[-1][1]) if spans else (start, end)
    sentence = full_text[s_start:s_end]
    found = suggest_candidates(sentence, source.language, countries=reads.country_names(store),
                               topics=reads.topic_words(store))
    figure = next((c for c in found if c.kind == "figure"), None)
    quote = next((c for c in found if c.kind == "quotation"), None)
    tags = found[0] if found else None
    return Passage(
        request.source_id, start, end, " ".join(full_text[start:end].split()), locator(full_text, start, end).text,
        " ".join(sentence.split()),
        value=figure.number if figure else "", unit=figure.unit if figure else "",
        qualifier=figure.qualifier if figure else "", speaker=quote.speaker if quote else "",
        countries=tags.countries if tags else (), topics=tags.topics if tags else (),
    )


def _block(full_text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraphs (or pages) holding `start`–`end`: sentences are split there only."""
    low = max(full_text.rfind("\n\n", 0, start), full_text.rfind("\f", 0, start), 0)
    ends = [i for i in (full_text.find("\n\n", end), full_text.find("\f", end)) if i >= 0]
    return low, min(ends, default=len(full_text))


def _text(store: Store, source_id: int) -> tuple[Source, str]:
    from briefer.core.errors import ValidationError
    from briefer.core.store import reads

    found = reads.source_full_text(store, source_id)
    if found is None or not found[1]:
        raise ValidationError.of("src-no-text", id=source_id)
    return found


def save_quotation(store: Store, request: QuotationRequest) -> Change:
    """Add a quotation, or change the one `quotation_id` names (verbatim unless a paraphrase)."""
    from briefer.core.store import curation

    details = {"speaker": request.speaker, "countries": request.countries, "topics": request.topics,
               "paraphrase": request.paraphrase}
    if request.quotation_id is None:
        return curation.add_quotation(store, request.source_id, request.text, **details)
    return curation.edit_quotation(store, request.quotation_id, request.text, **details)


def save_figure(store: Store, request: FigureRequest) -> Change:
    """Add a key figure, or change the one `figure_id` names (its sentence verbatim in the source)."""
    from briefer.core.store import curation

    if request.figure_id is None:
        return curation.add_figure(store, request.source_id, request.figure)
    return curation.edit_figure(store, request.figure_id, request.figure)


def save_source(store: Store, request: SourceEdit) -> Change:
    from briefer.core.store import curation

    return curation.edit_source(store, request.source_id, **request.fields)


def delete_item(store: Store, item: tuple[str, int]) -> Change:
    """Delete a ("source" | "quotation" | "figure", id); a source takes its quotations and figures."""
    from briefer.core.store import curation

    kind, row_id = item
    return curation.delete(store, kind, row_id)  # type: ignore[arg-type]


def put_snapshot(store: Store, request: SnapshotRequest) -> SnapshotRequest:
    from briefer.core.store import curation

    curation.put(store, request.kind, request.id, request.snapshot)  # type: ignore[arg-type]
    return request
