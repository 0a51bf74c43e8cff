"""The Briefing assembled from the demo store: texts, numbering, order, language, emptiness."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.core.assemble import assemble
from briefer.core.domain import BriefingOptions, Period, Selection
from briefer.core.errors import SelectionError
from briefer.core.ranking import rank_quotations, search_quotations
from briefer.core.store import reads
from briefer.core.templates import get_template

H2_2023 = Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31))
MALI = Selection(("MLI",), H2_2023, "peacekeeping")


def build(store, selection=MALI, **options):  # type: ignore[no-untyped-def]
    return assemble(store, selection, get_template("country-brief"), BriefingOptions(issued=dt.date(2024, 1, 8), **options))


def test_default_texts_and_sections(demo_store) -> None:  # type: ignore[no-untyped-def]
    briefing = build(demo_store)
    assert briefing.title == "Mali: Peacekeeping and MINUSMA"
    assert briefing.subtitle == "Security briefing, 1 June – 31 December 2023"
    assert briefing.sections[0] == "cover" and "references" in briefing.sections
    assert [c.key for c in briefing.charts] == ["timeline", "event-types", "admin1", "actors"]
    assert all("SYNTHETIC DATA" in c.source_line for c in briefing.charts)
    assert briefing.data_note.synthetic and not briefing.empty


def test_key_dates_in_period_mark_the_timeline(demo_store) -> None:  # type: ignore[no-untyped-def]
    timeline = build(demo_store).charts[0]
    days = {m.day for m in timeline.markers}
    assert dt.date(2023, 6, 30) in days and dt.date(2023, 12, 31) in days
    assert dt.date(2023, 6, 16) in days


def test_references_numbered_in_order_of_first_citation(demo_store) -> None:  # type: ignore[no-untyped-def]
    briefing = build(demo_store)
    assert [r.number for r in briefing.references] == list(range(1, len(briefing.references) + 1))
    seen: list[int] = []
    for cited in briefing.quotations:
        if cited.reference not in seen:
            seen.append(cited.reference)
    assert seen == sorted(seen) and seen[0] == 1
    by_number = {r.number: r.source.id for r in briefing.references}
    assert all(by_number[c.reference] == c.quotation.source_id for c in briefing.quotations)
    assert all(by_number[c.reference] == c.figure.source_id for c in briefing.source_figures)


def test_chosen_quotations_keep_the_users_order(demo_store) -> None:  # type: ignore[no-untyped-def]
    ranked = rank_quotations(demo_store, MALI, reads.topics(demo_store)[2])
    chosen = (ranked[3].id, ranked[0].id)
    briefing = build(demo_store, quotation_ids=chosen)
    assert tuple(c.quotation.id for c in briefing.quotations) == chosen
    with pytest.raises(SelectionError, match="no quotation with id 99999"):
        build(demo_store, quotation_ids=(99999,))


def test_ranking_puts_topic_and_country_first(demo_store) -> None:  # type: ignore[no-untyped-def]
    topic = {t.slug: t for t in reads.topics(demo_store)}["peacekeeping"]
    ranked = rank_quotations(demo_store, MALI, topic)
    assert len(ranked) >= 15
    assert all("peacekeeping" in q.topics for q in ranked[:8])
    assert all("MLI" in q.countries for q in ranked[:8])


def test_full_text_filter_folds_accents(demo_store) -> None:  # type: ignore[no-untyped-def]
    hits = search_quotations(demo_store, "without delay")
    assert hits and all("without delay" in q.text for q in reads.quotations(demo_store, hits))


def test_french_briefing(demo_store) -> None:  # type: ignore[no-untyped-def]
    briefing = build(demo_store, language="fr")
    assert briefing.title == "Mali : maintien de la paix et MINUSMA"
    assert briefing.subtitle == "Note de sécurité, 1 juin – 31 décembre 2023"
    assert briefing.charts[1].title == "Événements par type"
    assert "consulté le" in briefing.charts[0].source_line


def test_several_countries_get_per_country_figures(demo_store) -> None:  # type: ignore[no-untyped-def]
    briefing = build(demo_store, Selection(("MLI", "BFA", "NER"), H2_2023, "armed-conflict"))
    assert briefing.title == "Mali, Burkina Faso and Niger: Armed conflict"
    keys = [k.key for k in briefing.key_figures]
    assert {"events-MLI", "events-BFA", "events-NER"} <= set(keys)
    assert any("(Burkina Faso)" in c for c in briefing.charts[2].categories)


def test_empty_selection_gives_empty_briefing(demo_store) -> None:  # type: ignore[no-untyped-def]
    briefing = build(demo_store, Selection(("ISL",), H2_2023, "armed-conflict"))
    assert briefing.empty and briefing.charts == () and briefing.incidents == ()
    assert briefing.key_figures[0].change.current == 0


def test_revision_warning_only_when_the_period_reaches_the_newest_data(demo_store) -> None:  # type: ignore[no-untyped-def]
    assert build(demo_store).data_note.open_to_revision_from is None  # 2023: long settled
    recent = Selection(("MLI",), Period(dt.date(2024, 10, 1), dt.date(2024, 12, 31)), "armed-conflict")
    assert build(demo_store, recent).data_note.open_to_revision_from == dt.date(2024, 12, 3)


def test_chronology_is_dated_sourced_and_in_order(demo_store) -> None:  # type: ignore[no-untyped-def]
    items = build(demo_store).chronology
    days = [i.day.first_day() for i in items]
    assert days == sorted(days)
    assert dt.date(2013, 7, 1) in days and dt.date(2023, 6, 30) in days and dt.date(2024, 1, 1) in days
    numbers = {r.number for r in build(demo_store).references}
    assert all(i.reference in numbers for i in items if i.reference is not None)
