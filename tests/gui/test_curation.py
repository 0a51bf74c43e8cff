"""The curation dialog (Library ▸ Actors and topics…) on a real store copy: an alias merges names in
the preview's actors chart, a keyword rule re-tags events and says how many, removal puts them back,
a read-only store is refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from briefer.gui import i18n, operations
from tests.gui.conftest import TIMEOUT, select

START, END = dt.date(2023, 1, 1), dt.date(2023, 12, 31)


def query(path: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute(sql, args).fetchall()


def tagged(path: Path, slug: str) -> int:
    """Events carrying topic `slug`, read from the store file."""
    return query(path, "SELECT count(*) FROM events WHERE topic_mask & (1 << (SELECT bit FROM topics WHERE slug = ?))",
                 slug)[0][0]


def wait_state(qtbot: Any, dialog: Any) -> None:
    qtbot.waitUntil(lambda: dialog.actors.state is not None and not dialog.busy, timeout=TIMEOUT)


def change(qtbot: Any, window: Any, dialog: Any, act: Any) -> Any:
    """Do `act` (a click) and wait for the change and the main window's new preview."""
    with qtbot.waitSignal(window.controller.preview_ready, timeout=TIMEOUT) as blocker, \
            qtbot.waitSignal(dialog.changed, timeout=TIMEOUT):
        act()
    return blocker.args[0]


def actors_chart(preview: Any) -> tuple[str, ...]:
    return next(c.categories for c in preview.charts if c.key == "actors")


def test_alias_merges_the_name_in_the_actors_chart_and_can_be_removed(qtbot: Any, window: Any, store_copy: Path,
                                                                     errors: list[Any]) -> None:
    preview = select(qtbot, window, ["MLI"], START, END, "armed-conflict")
    before = actors_chart(preview)
    old = next(name for name in before if name.startswith("Unidentified Armed Group"))
    dialog = window.library_menu.curation.open()
    wait_state(qtbot, dialog)
    tab = dialog.actors
    assert old in tab.frequent_names() and tab.aliases.rowCount() > 10
    tab.filter.setText("unidentified armed")
    assert tab.frequent_names() and all("Unidentified Armed" in n for n in tab.frequent_names())
    row = tab.frequent_names().index(old)
    tab.frequent.cellDoubleClicked.emit(row, 0)  # picks the name for a new alias
    assert tab.alias.text() == old and tab.actor.text() == "" and not tab.editing
    assert not tab.save_button.isEnabled()  # no name to show yet
    tab.actor.setText("Groupes armés non identifiés")
    tab.note.setText("one name for the regional variants")
    preview = change(qtbot, window, dialog, tab.save_button.click)
    merged = actors_chart(preview)
    assert "Groupes armés non identifiés" in merged and old not in merged
    assert query(store_copy, "SELECT actor, origin, note FROM actor_aliases WHERE alias = ?", old) == [
        ("Groupes armés non identifiés", "user", "one name for the regional variants")]
    assert (old, "Groupes armés non identifiés", "yours", "one name for the regional variants") in tab.alias_rows()
    assert dialog.status.text() == i18n.tr("cur-changed", n=i18n.fmt_int(dialog.last_change.changed))
    assert tab.remove_button.isEnabled() and tab.editing == old  # the saved alias stays chosen
    preview = change(qtbot, window, dialog, tab.remove_button.click)
    assert actors_chart(preview) == before
    assert query(store_copy, "SELECT count(*) FROM actor_aliases WHERE alias = ?", old) == [(0,)]
    assert errors == []


def test_keyword_rule_retags_events_says_how_many_and_removal_restores(qtbot: Any, window: Any, store_copy: Path,
                                                                      errors: list[Any]) -> None:
    dialog = window.library_menu.curation.open()
    wait_state(qtbot, dialog)
    dialog.tabs.setCurrentWidget(dialog.topics)
    tab = dialog.topics
    tab.set_topic("displacement")
    rules = tab.shown_rules()
    assert rules and all(r.topic == "displacement" for r in rules) and tab.rules.rowCount() == len(rules)
    before = tagged(store_copy, "displacement")
    tab.field.setCurrentIndex(tab.field.findData("keyword"))
    tab.pattern.setText("convoy")
    change(qtbot, window, dialog, tab.add_button.click)
    after = tagged(store_copy, "displacement")
    assert after > before
    assert dialog.last_change.changed == after - before  # only events gaining the topic changed
    assert dialog.status.text() == i18n.tr("cur-changed", n=i18n.fmt_int(after - before))
    assert tab.topic.currentData() == "displacement"  # the topic stays chosen
    assert ("keyword", "convoy") in [(r.field, r.pattern) for r in tab.shown_rules()]
    tab.select_rule("keyword", "convoy")
    assert tab.remove_button.isEnabled()
    change(qtbot, window, dialog, tab.remove_button.click)
    assert tagged(store_copy, "displacement") == before and dialog.last_change.changed == after - before
    assert tab.pattern.text() == ""  # cleared once the rule was added
    tab.pattern.setText("IDPs")  # already there: the core's refusal, nothing changed
    tab.add_button.click()
    qtbot.waitUntil(lambda: bool(errors) and not dialog.busy, timeout=TIMEOUT)
    assert "already has" in errors[-1][1] and tagged(store_copy, "displacement") == before
    assert tab.pattern.text() == "IDPs" and tab.add_button.isEnabled()  # kept, to correct it


def test_restore_builtin_list_brings_back_a_removed_shipped_name(qtbot: Any, window: Any, store_copy: Path,
                                                               errors: list[Any]) -> None:
    dialog = window.library_menu.curation.open()
    wait_state(qtbot, dialog)
    tab = dialog.actors
    shipped = next(a for a in dialog.actors.state.aliases if a.origin == "builtin")
    tab._select_alias(shipped.alias)
    assert tab.editing == shipped.alias
    change(qtbot, window, dialog, tab.remove_button.click)
    assert shipped.alias not in [a.alias for a in dialog.actors.state.aliases]
    change(qtbot, window, dialog, tab.builtin_button.click)
    assert query(store_copy, "SELECT origin FROM actor_aliases WHERE alias = ?", shipped.alias) == [("builtin",)]
    assert dialog.last_change.added == 1
    assert dialog.status.text().startswith(i18n.tr("cur-restored", added="1", n="0").split(";")[0])


def test_read_only_store_disables_changes_and_is_refused(qtbot: Any, window: Any, store_copy: Path,
                                                         errors: list[Any]) -> None:
    with qtbot.waitSignal(window.controller.store_opened, timeout=TIMEOUT):
        window.controller.open_store(operations.OpenRequest("path", store_copy, read_only=True))
    dialog = window.library_menu.curation.open()
    wait_state(qtbot, dialog)
    assert dialog.note.isVisibleTo(dialog) and dialog.note.text() == i18n.tr("cur-read-only")
    for button in (dialog.actors.builtin_button, dialog.actors.save_button, dialog.topics.add_button):
        assert not button.isEnabled()
    dialog.topics.pattern.setText("convoy")
    assert not dialog.topics.add_button.isEnabled() and dialog.topics.pattern.isReadOnly()
    before = query(store_copy, "SELECT count(*) FROM topic_rules")
    dialog.write(operations.add_rule, operations.RuleEdit("displacement", "keyword", "convoy"))  # forced
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "read-only" in errors[0][1] and query(store_copy, "SELECT count(*) FROM topic_rules") == before


def test_french_dialog(qtbot: Any, window: Any, errors: list[Any]) -> None:
    window.set_ui_language("fr")
    assert window.library_menu.curation.action.text() == "&Acteurs et thèmes…"
    dialog = window.library_menu.curation.open()
    wait_state(qtbot, dialog)
    assert dialog.windowTitle() == "Acteurs et thèmes"
    assert dialog.tabs.tabText(1) == "Règles des &thèmes"
    assert dialog.topics.field.itemText(3) == "mot-clé des notes"
    labels = [dialog.topics.topic.itemText(i) for i in range(dialog.topics.topic.count())]
    assert labels == [t.label_fr for t in dialog.topics.state.topics] and labels != [t.label_en for t in
                                                                                    dialog.topics.state.topics]
    window.set_ui_language("en")
    assert dialog.windowTitle() == "Actors and topics"


def test_renaming_an_alias_to_a_refused_one_keeps_the_old(store_copy: Path) -> None:
    from briefer.core.errors import ValidationError
    from briefer.core.store.db import open_store

    with open_store(store_copy) as store:
        operations.save_alias(store, operations.AliasEdit("FAMa", "Malian armed forces"))
        with pytest.raises(ValidationError):  # "ISSP" is itself an alias: refused, nothing changed
            operations.save_alias(store, operations.AliasEdit("FAMA Mali", "ISSP", replacing="FAMa"))
        assert [(a.alias, a.actor) for a in operations.curation_state(store).aliases if a.alias == "FAMa"] == [
            ("FAMa", "Malian armed forces")]
        renamed = operations.save_alias(store, operations.AliasEdit("Forces armées maliennes", "Malian armed forces",
                                                                    replacing="FAMa"))
    shown = {(a.alias, a.actor) for a in renamed.state.aliases}
    assert ("Forces armées maliennes", "Malian armed forces") in shown and not any(a == "FAMa" for a, _ in shown)
    assert query(store_copy, "SELECT count(*) FROM actor_aliases WHERE alias = 'FAMA Mali'") == [(0,)]
