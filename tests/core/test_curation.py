"""Editing and deleting sources, quotations and figures, each change undoable (`store.curation`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefer.core.errors import StoreError, ValidationError
from briefer.core.importers.capture import FigureInput
from briefer.core.store import catalogue, curation, reads
from briefer.core.store.db import open_store
from tests.core.importers.conftest import digest
from tests.core.library_article import FIGURE_SENTENCE, QUOTE, TITLE, add_article


@pytest.fixture()
def article(fresh_store: Any, tmp_path: Path) -> tuple[Any, int]:
    return fresh_store, add_article(fresh_store, tmp_path)


def _state(store: Any) -> list[Any]:
    """Every row curation touches, for before/after comparisons."""
    tables = ("sources", "quotations", "quotation_countries", "quotation_topics", "figures", "key_dates")
    return [store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables]


def _figure(**changes: str) -> FigureInput:
    base = {"sentence": FIGURE_SENTENCE, "label": "Trucks across the river", "value": "120", "unit": "trucks",
            "qualifier": "over", "country": "Mali", "topic": "civilians"}
    return FigureInput(**{**base, **changes})


def test_add_quotation_computes_offsets_and_locator(article: Any) -> None:
    store, sid = article
    change = curation.add_quotation(store, sid, QUOTE, speaker="regional coordinator", countries=["Mali"],
                                    topics=["civilians"])
    assert change.before is None and change.after is not None
    row = change.after.row
    full_text = reads.source_full_text(store, sid)[1]  # type: ignore[index]
    assert full_text[row["start_offset"]:row["end_offset"]] == QUOTE
    assert (row["locator"], change.after.countries, change.after.topics) == ("para. 2", ("MLI",), ("civilians",))


def test_non_verbatim_quotation_is_refused_unless_paraphrase(article: Any) -> None:
    store, sid = article
    before = _state(store)
    with pytest.raises(ValidationError, match="not verbatim"):
        curation.add_quotation(store, sid, QUOTE.replace("escort", "army"))
    assert _state(store) == before
    change = curation.add_quotation(store, sid, QUOTE.replace("escort", "army"), paraphrase=True)
    assert change.after is not None and change.after.row["start_offset"] is None


def test_edit_quotation_then_undo_and_redo(article: Any) -> None:
    store, sid = article
    qid = curation.add_quotation(store, sid, QUOTE, countries=["MLI"]).id
    change = curation.edit_quotation(store, qid, "Humanitarian convoys resumed on the road between Gao and Ansongo",
                                     speaker="Sahel Monitor", countries=["Niger", "Mali"], topics=["civilians"])
    (edited,) = reads.quotations(store, [qid])
    assert (edited.speaker, edited.countries, edited.locator) == ("Sahel Monitor", ("MLI", "NER"), "para. 1")
    curation.put(store, "quotation", qid, change.before)
    (undone,) = reads.quotations(store, [qid])
    assert (undone.text, undone.countries, undone.topics, undone.locator) == (QUOTE, ("MLI",), (), "para. 2")
    curation.put(store, "quotation", qid, change.after)
    assert reads.quotations(store, [qid]) == [edited]
    with pytest.raises(ValidationError, match="not verbatim"):
        curation.edit_quotation(store, qid, "Words nobody wrote in this article at all")
    assert reads.quotations(store, [qid]) == [edited]


def test_delete_quotation_and_undo_restores_id_and_links(article: Any) -> None:
    store, sid = article
    qid = curation.add_quotation(store, sid, QUOTE, countries=["MLI", "NER"], topics=["civilians"]).id
    before = _state(store)
    change = curation.delete(store, "quotation", qid)
    assert reads.quotations(store, [qid]) == []
    assert store.db.execute("SELECT count(*) FROM quotation_countries").fetchone()[0] == 0
    curation.put(store, "quotation", qid, change.before)
    assert _state(store) == before
    assert list(store.db.table("quotations").search("escort", columns=["id"])) == [{"id": qid}]  # FTS follows


def test_figure_add_edit_delete_and_undo(article: Any) -> None:
    store, sid = article
    fid = curation.add_figure(store, sid, _figure()).id
    edit = curation.edit_figure(store, fid, _figure(value="121", label_fr="Camions"))
    (figure,) = [f for f in reads.figures(store) if f.id == fid]
    assert (figure.value, figure.label_fr, figure.locator) == (121, "Camions", "para. 2")
    with pytest.raises(ValidationError, match="not a number"):
        curation.edit_figure(store, fid, _figure(value="many"))
    curation.put(store, "figure", fid, edit.before)
    assert [f.value for f in reads.figures(store) if f.id == fid] == [120]
    before = _state(store)
    deleted = curation.delete(store, "figure", fid)
    assert [f for f in reads.figures(store) if f.id == fid] == []
    curation.put(store, "figure", fid, deleted.before)
    assert _state(store) == before


def test_source_delete_cascades_and_undo_restores_everything(article: Any) -> None:
    store, sid = article
    curation.add_quotation(store, sid, QUOTE, countries=["MLI"], topics=["civilians"])
    curation.add_figure(store, sid, _figure())
    store.db.execute("INSERT INTO key_dates (day, label_en, source_id) VALUES ('2023-10-02', 'Convoys resume', ?)",
                     [sid])
    before = _state(store)
    change = curation.delete(store, "source", sid)
    assert isinstance(change.before, curation.SourceSnapshot)
    assert (len(change.before.quotations), len(change.before.figures), len(change.before.key_dates)) == (1, 1, 1)
    assert [store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("sources", "quotations", "quotation_countries", "figures")] == [0, 0, 0, 0]
    assert store.db.execute("SELECT source_id FROM key_dates").fetchone()[0] is None
    curation.put(store, "source", sid, change.before)
    assert _state(store) == before
    assert [s.id for s in catalogue.source_summaries(store, "ansongo")] == [sid]  # full text searchable again
    curation.put(store, "source", sid, change.after)  # redo
    assert _state(store)[0] == []


def test_edit_source_and_undo(article: Any) -> None:
    store, sid = article
    change = curation.edit_source(store, sid, title="Convoys resume", published="2023-10", authors=["A. Traoré"],
                                  protected=True)
    source = reads.sources(store)[sid]  # type: ignore[index]
    assert (source.title, source.authors, source.protected) == ("Convoys resume", ("A. Traoré",), True)
    assert source.published is not None and source.published.precision == "month"
    curation.put(store, "source", sid, change.before)
    assert reads.sources(store)[sid].title == TITLE  # type: ignore[index]
    with pytest.raises(ValidationError, match="needs a title"):
        curation.edit_source(store, sid, title="  ")


def test_unknown_ids_are_refused(article: Any) -> None:
    store, _ = article
    for kind in curation.KINDS:
        with pytest.raises(ValidationError, match=f"no {kind} with id 99"):
            curation.delete(store, kind, 99)


def test_read_only_store_is_refused_before_anything(article: Any, tmp_path: Path) -> None:
    store, sid = article
    qid = curation.add_quotation(store, sid, QUOTE).id
    path = store.path
    store.close()
    before = digest(path)
    with open_store(path, read_only=True) as ro:
        for call in (lambda: curation.delete(ro, "quotation", qid), lambda: curation.add_quotation(ro, sid, QUOTE),
                     lambda: curation.edit_source(ro, sid, title="x"), lambda: curation.put(ro, "source", sid, None)):
            with pytest.raises(StoreError, match="read-only"):
                call()
    assert digest(path) == before


def test_source_summaries_search_and_counts(article: Any, tmp_path: Path) -> None:
    store, sid = article
    curation.add_quotation(store, sid, QUOTE)
    (summary,) = catalogue.source_summaries(store)
    assert (summary.title, summary.publisher, summary.has_text, summary.quotations, summary.figures) == (
        TITLE, "Sahel Monitor", True, 1, 0)
    assert [s.id for s in catalogue.source_summaries(store, "menaka")] == [sid]  # accents folded
    assert [s.id for s in catalogue.source_summaries(store, "conv")] == [sid]  # prefix
    assert catalogue.source_summaries(store, "Bamako") == []
    assert [s.id for s in catalogue.source_summaries(store, '" AND (')] == [sid]  # no words: every source
    quotations, figures = catalogue.source_items(store, sid)
    assert [q.text for q in quotations] == [QUOTE] and figures == []
