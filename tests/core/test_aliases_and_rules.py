"""Curation: actor aliases (built-in list, read-time names, re-tagging), region aliases, topic rules."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from briefer.core import aliases, regionnames, topicrules
from briefer.core.aliases_data import RESOURCES, builtin_actor_aliases, builtin_admin1_aliases
from briefer.core.analysis import analyse, list_events
from briefer.core.domain import Period, Selection
from briefer.core.errors import SelectionError, ValidationError
from briefer.core.store import writes

SELECTION = Selection(("MLI",), Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31)), "armed-conflict")


def add_events(store, *actor_pairs: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    with store.db.atomic():
        dataset = writes.add_dataset(store, name="Test", kind="events")
        writes.insert_events(store, dataset, [
            {"external_id": f"E{i}", "event_date": f"2023-03-{i + 1:02d}", "country_iso3": "MLI",
             "event_type": "Battles", "actor1": a1, "actor2": a2, "fatalities": 1, "admin1": "Gao"}
            for i, (a1, a2) in enumerate(actor_pairs)])


def mask(store, external_id: str) -> int:  # type: ignore[no-untyped-def]
    return store.db.execute("SELECT topic_mask FROM events WHERE external_id = ?", [external_id]).fetchone()[0]


def bit(store, slug: str) -> int:  # type: ignore[no-untyped-def]
    return 1 << store.db.execute("SELECT bit FROM topics WHERE slug = ?", [slug]).fetchone()[0]


def test_every_builtin_entry_has_a_note_and_no_chains() -> None:
    entries = builtin_actor_aliases()
    assert len(entries) >= 20 and all(e.note for e in entries)
    shown = {aliases.actor_key(e.actor) for e in entries}
    assert not shown & {aliases.actor_key(e.alias) for e in entries}  # an alias never points at another alias
    raw = tomllib.loads((RESOURCES / "actors.toml").read_text(encoding="utf-8"))["alias"]
    assert [e["alias"] for e in raw] == [e.alias for e in entries]


def test_new_stores_get_the_builtin_lists(fresh_store) -> None:  # type: ignore[no-untyped-def]
    stored = aliases.actor_aliases(fresh_store)
    assert len(stored) == len(builtin_actor_aliases()) and {a.origin for a in stored} == {"builtin"}
    names = aliases.actor_names(fresh_store)
    assert names("Islamic State (Greater Sahara)") == names("islamic state  (sahel)") == "Islamic State Sahel"
    assert names("Africa Corps") == names("Wagner Group") == "Wagner Group / Africa Corps (Russia)"
    assert names("JNIM") == "JNIM: Group for Support of Islam and Muslims"
    assert names("Military Forces of Mali (2021-)") == "Military Forces of Mali"
    assert names("CSP-PSD") == "CSP-PSD" and names("") == ""
    regions = fresh_store.db.execute("SELECT country_iso3, alias, admin1 FROM admin1_aliases").fetchall()
    assert ("MLI", "Koulikouro", "Koulikoro") in regions and len(regions) == len(builtin_admin1_aliases())


def test_restoring_the_builtin_list_adds_what_is_missing_and_keeps_the_users(fresh_store) -> None:  # type: ignore[no-untyped-def]
    removed = builtin_actor_aliases()[0].alias
    aliases.remove_actor_alias(fresh_store, removed)
    aliases.set_actor_alias(fresh_store, "Koglweogo militia", "Koglweogo")
    assert aliases.restore_builtin_aliases(fresh_store)[0] == 1
    stored = {a.alias: a.origin for a in aliases.actor_aliases(fresh_store)}
    assert stored[removed] == "builtin" and stored["Koglweogo militia"] == "user"
    assert aliases.restore_builtin_aliases(fresh_store) == (0, 0)  # nothing missing, no event changed


def test_region_aliases_have_one_source() -> None:
    for entry in builtin_admin1_aliases():
        assert regionnames.key(entry.alias) == regionnames.key(entry.admin1), entry
    assert regionnames.ALIASES["koulikouro"] == "koulikoro"


def test_region_names_include_store_aliases(fresh_store) -> None:  # type: ignore[no-untyped-def]
    fresh_store.db.execute("INSERT INTO admin1_aliases VALUES ('MLI', 'Région du Nord-Est', 'Kidal')")
    known = aliases.region_names(fresh_store, "MLI")
    assert known["Tombouctou"] == "Timbuktu" and known["Région du Nord-Est"] == "Kidal"
    assert regionnames.RegionMatcher(known).match("Region du Nord Est") == "Kidal"


def test_actors_are_counted_and_listed_under_their_shown_names(fresh_store) -> None:  # type: ignore[no-untyped-def]
    add_events(fresh_store, ("Islamic State (Greater Sahara)", "Military Forces of Mali (2020-2021)"),
               ("Islamic State (Sahel)", "Military Forces of Mali (2021-)"), ("Wagner Group", "CSP-PSD"),
               ("Africa Corps", "CSP-PSD"))
    result = analyse(fresh_store, SELECTION)
    assert result.by_actor == [("CSP-PSD", 2, 2), ("Islamic State Sahel", 2, 2), ("Military Forces of Mali", 2, 2),
                               ("Wagner Group / Africa Corps (Russia)", 2, 2)]
    listed = {i.actors for i in list_events(fresh_store, SELECTION)}
    assert "Islamic State Sahel — Military Forces of Mali" in listed
    stored = fresh_store.db.execute("SELECT actor1 FROM events WHERE external_id = 'E0'").fetchone()[0]
    assert stored == "Islamic State (Greater Sahara)"  # events keep their names as imported


def test_user_alias_retags_through_actor_rules_and_is_removable(fresh_store) -> None:  # type: ignore[no-untyped-def]
    add_events(fresh_store, ("Groupe Wagner", "Civilians (Mali)"), ("Katiba X", ""))
    foreign = bit(fresh_store, "external-forces")
    assert mask(fresh_store, "E0") & foreign  # "Wagner" actor rule, on the name as imported
    assert not mask(fresh_store, "E1") & foreign
    assert aliases.set_actor_alias(fresh_store, "Katiba X", "Russian military instructors", note="field report") == 0
    assert not mask(fresh_store, "E1") & foreign
    assert aliases.set_actor_alias(fresh_store, "Katiba X", "Wagner Group / Africa Corps (Russia)") == 1
    assert mask(fresh_store, "E1") & foreign  # the "Wagner" actor rule matches the shown name
    assert aliases.remove_actor_alias(fresh_store, "katiba x") == 1
    assert not mask(fresh_store, "E1") & foreign
    count = fresh_store.db.execute("SELECT count(*) FROM event_index WHERE bit = ?", [foreign.bit_length() - 1])
    assert count.fetchone()[0] == 1  # the selection index follows the tags


def test_alias_edits_that_make_no_sense_are_refused(fresh_store) -> None:  # type: ignore[no-untyped-def]
    before = aliases.actor_aliases(fresh_store)
    with pytest.raises(ValidationError, match="alias of itself"):
        aliases.set_actor_alias(fresh_store, "JNIM ", "jnim")
    with pytest.raises(ValidationError, match="'Wagner' is itself an alias of 'Wagner Group / Africa Corps"):
        aliases.set_actor_alias(fresh_store, "PMC Wagner", "Wagner")
    with pytest.raises(ValidationError, match="no actor alias 'Nobody'"):
        aliases.remove_actor_alias(fresh_store, "Nobody")
    assert aliases.actor_aliases(fresh_store) == before


def test_realiasing_a_shown_name_repoints_its_aliases(fresh_store) -> None:  # type: ignore[no-untyped-def]
    aliases.set_actor_alias(fresh_store, "Military Forces of Mali", "FAMa (Mali)")
    names = aliases.actor_names(fresh_store)
    assert names("Military Forces of Mali (2021-)") == "FAMa (Mali)" == names("Military Forces of Mali")


def test_topic_rules_add_and_remove_retag_in_one_go(fresh_store) -> None:  # type: ignore[no-untyped-def]
    add_events(fresh_store, ("Unidentified Armed Group (Mali)", "Civilians (Mali)"))
    fresh_store.db.execute("UPDATE events SET notes = 'Enlèvement de deux chauffeurs'")
    writes.retag_events(fresh_store)
    protests = bit(fresh_store, "protests")
    assert not mask(fresh_store, "E0") & protests
    assert topicrules.add_topic_rule(fresh_store, "protests", "keyword", "enlevement") == 1
    assert mask(fresh_store, "E0") & protests
    rules = topicrules.topic_rules(fresh_store, "protests")
    assert any(r.field == "keyword" and r.pattern == "enlevement" for r in rules)
    with pytest.raises(ValidationError, match="already has the keyword rule"):
        topicrules.add_topic_rule(fresh_store, "protests", "keyword", "ENLÈVEMENT")
    assert topicrules.remove_topic_rule(fresh_store, "protests", "keyword", "Enlèvement") == 1
    assert not mask(fresh_store, "E0") & protests


@pytest.mark.parametrize(("args", "error", "message"), [
    (("nope", "keyword", "x"), SelectionError, "unknown topic 'nope'"),
    (("protests", "notes", "x"), ValidationError, "unknown rule field 'notes'"),
    (("protests", "keyword", "  "), ValidationError, "needs a pattern"),
])
def test_bad_rules_are_refused(fresh_store, args, error, message) -> None:  # type: ignore[no-untyped-def]
    before = topicrules.topic_rules(fresh_store)
    with pytest.raises(error, match=message):
        topicrules.add_topic_rule(fresh_store, *args)
    assert topicrules.topic_rules(fresh_store) == before


def test_the_last_rule_of_a_topic_cannot_be_removed(tmp_path: Path, fresh_store) -> None:  # type: ignore[no-untyped-def]
    fresh_store.db.execute("DELETE FROM topic_rules WHERE topic = 'protests' AND id != "
                           "(SELECT min(id) FROM topic_rules WHERE topic = 'protests')")
    [last] = topicrules.topic_rules(fresh_store, "protests")
    with pytest.raises(ValidationError, match="last rule of topic 'protests'"):
        topicrules.remove_topic_rule(fresh_store, "protests", last.field, last.pattern)


def test_frequent_actors_counts_both_sides_most_first(fresh_store) -> None:  # type: ignore[no-untyped-def]
    add_events(fresh_store, ("JNIM", "Civilians"), ("JNIM", ""), ("FAMa", "JNIM"), ("FAMa", "Civilians"))
    assert aliases.frequent_actors(fresh_store) == [("JNIM", 3), ("Civilians", 2), ("FAMa", 2)]
    assert aliases.frequent_actors(fresh_store, limit=1) == [("JNIM", 3)]
