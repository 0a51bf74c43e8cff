"""CLI: `briefer import incidents`, `briefer actors …`, `briefer topics rules|rule …` (exit 0/2, stores untouched on errors)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.aliases import actor_names
from briefer.core.aliases_data import builtin_actor_aliases
from briefer.core.demo.build import load_reference_data
from briefer.core.store.db import open_store
from tests.core.importers.conftest import digest, write_csv
from tests.core.importers.incident_files import FR_ROWS, english_xlsx, french_log


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with open_store(path, create=True) as store, store.db.atomic():
        load_reference_data(store)
    return path


def test_guessed_import_prints_the_mapping_saves_a_profile_and_reimports(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log, store = french_log(tmp_path / "journal.csv"), tmp_path / "new.db"
    code, out, err = run(capsys, "import", "incidents", log, "--store", store, "--dataset", "ONG Exemple",
                         "--save-profile", "ong")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("assumed columns (change with --map FIELD=HEADING): id ← 'N°', date ← \"Date de l'incident\"")
    assert "saved the column mapping as profile 'ong'" in out and f"created a new store at {store}" in out
    assert lines[-2:] == ["imported into dataset 'ONG Exemple'.", "added 3, updated 0, unchanged 0, rejected 0"]
    code, out, _ = run(capsys, "import", "incidents", log, "--store", store, "--profile", "ong")
    assert code == 0 and "assumed" not in out and out.splitlines()[-1] == "added 0, updated 0, unchanged 3, rejected 0"
    assert "imported into dataset 'ONG Exemple'." in out  # the profile remembers the dataset


def test_map_and_default_country_on_an_xlsx(capsys, store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = english_xlsx(tmp_path / "log.xlsx", [["NE-1", "08/26/2023", "", "Ayorou", "", "", "", "", "Robbery"]])
    code, out, err = run(capsys, "import", "incidents", path, "--store", store_path, "--map", "date=Date",
                         "--map", "country=Country", "--map", "description=Narrative", "--country", "Niger",
                         "--date-order", "mdy")
    assert (code, err) == (0, "") and out.splitlines()[-1] == "added 1, updated 0, unchanged 0, rejected 0"
    with open_store(store_path, read_only=True) as store:
        row = store.db.execute("SELECT country_iso3, event_date, notes, event_type FROM events").fetchone()
    assert row == ("NER", "2023-08-26", "Robbery.", "Incident")


@pytest.mark.parametrize(("extra", "message"), [
    ((), "line 7, column Date de l'incident: '31/02/2024' is not a date"),
    (("--profile", "missing"), "no import profile 'missing'"),
    (("--map", "date=Jour"), "no column 'Jour' (mapped to date) in this file"),
    (("--map", "date"), "write it as FIELD=HEADING"),
    (("--map", "when=Date"), "unknown incident field 'when'"),
    (("--dataset", "ACLED"), "dataset 'ACLED' holds other data"),
    (("--country", "Narnia"), "unknown default country 'Narnia'"),
])
def test_refusals_exit_2_and_leave_the_store_as_it_was(capsys, store_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      extra: tuple[str, ...], message: str) -> None:
    rows = [*FR_ROWS, ["X-1", "31/02/2024", "Mali", "", "Gao", "", "", "", "", "", "", ""]] if not extra else FR_ROWS
    log = french_log(tmp_path / "journal.csv", rows)
    before = digest(store_path)
    code, _, err = run(capsys, "import", "incidents", log, "--store", store_path, *extra)
    assert code == 2 and message in err and "Traceback" not in err
    assert digest(store_path) == before


def test_a_log_without_a_date_column_lists_its_headings(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "x.csv", [["Gao", "JNIM"]], header=("Lieu", "Auteur"))
    code, _, err = run(capsys, "import", "incidents", path, "--store", tmp_path / "new.db")
    assert code == 2 and err.strip().endswith("no column for the date; the headings are 'Lieu', 'Auteur'. "
                                              "Name it with --map date=HEADING (or save a profile).")
    assert not (tmp_path / "new.db").exists()


def test_incident_options_belong_to_incidents(capsys, store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "import", "acled", tmp_path / "a.csv", "--store", store_path, "--profile", "x")
    assert code == 2 and "--profile is only for `briefer import incidents`" in err


def test_actors_list_alias_unalias(capsys, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "actors", "list", "--store", store_path)
    assert code == 0 and "Islamic State Sahel\n    EIGS  [builtin] — " in out
    code, out, _ = run(capsys, "actors", "alias", "Katiba Serma", "JNIM: Group for Support of Islam and Muslims",
                       "--store", store_path, "--note", "JNIM unit")
    assert code == 0 and out.startswith("'Katiba Serma' is shown as 'JNIM: Group for Support of Islam and Muslims'")
    code, out, _ = run(capsys, "actors", "list", "--store", store_path)
    assert "    Katiba Serma  [user] — JNIM unit" in out
    before = digest(store_path)
    code, _, err = run(capsys, "actors", "unalias", "Katiba Sermaa", "--store", store_path)
    assert code == 2 and err == "briefer: error: no actor alias 'Katiba Sermaa'; see `briefer actors list`\n"
    assert digest(store_path) == before
    code, out, _ = run(capsys, "actors", "unalias", "Katiba Serma", "--store", store_path)
    assert code == 0 and "shown as written again" in out


def test_topics_rules_and_rule_changes(capsys, store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "topics", "rules", "peacekeeping", "--store", store_path)
    assert code == 0 and "peacekeeping         actor           MINUSMA" in out
    assert all(line.startswith("peacekeeping ") for line in out.splitlines())
    code, out, _ = run(capsys, "topics", "--store", store_path, "rules")
    assert code == 0 and "armed-conflict" in out and "protests" in out
    code, out, _ = run(capsys, "topics", "--store", store_path)
    assert code == 0 and out.startswith("armed-conflict       Armed conflict / Conflit armé")
    code, out, _ = run(capsys, "topics", "rule", "add", "protests", "keyword", "marche blanche", "--store", store_path)
    assert (code, out) == (0, "rule added; 0 event(s) changed topics\n")
    before = digest(store_path)
    for argv in (("add", "protests", "keyword", "MARCHE  Blanche"), ("remove", "protests", "keyword", "nothing"),
                 ("add", "nope", "keyword", "x"), ("add", "protests", "notes", "x")):
        code, _, err = run(capsys, "topics", "rule", *argv, "--store", store_path)
        assert code == 2 and err.startswith("briefer: error: ") and err.count("\n") == 1
    assert digest(store_path) == before
    code, out, _ = run(capsys, "topics", "rule", "remove", "protests", "keyword", "marche blanche", "--store", store_path)
    assert code == 0 and out.startswith("rule removed")


def test_a_read_only_store_is_not_changed_by_a_refused_alias(capsys, store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "copy.db"
    shutil.copyfile(store_path, copy)
    code, _, err = run(capsys, "actors", "alias", "A", "a", "--store", copy)
    assert code == 2 and "cannot be an alias of itself" in err and digest(copy) == digest(store_path)


def test_builtin_adds_the_shipped_aliases_to_an_older_store_keeping_the_users(capsys, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    with open_store(store_path) as store:
        store.db.execute("DELETE FROM actor_aliases")  # as in a store made before the list shipped
        store.db.execute("INSERT INTO actor_aliases VALUES ('JNIM', 'Katiba JNIM', 'user', '')")
    code, out, _ = run(capsys, "actors", "list", "--store", store_path)
    assert out.splitlines() == ["Katiba JNIM", "    JNIM  [user]"]
    code, out, _ = run(capsys, "actors", "builtin", "--store", store_path)
    assert code == 0 and out == f"added {len(builtin_actor_aliases()) - 1} built-in alias(es)\n"
    with open_store(store_path, read_only=True) as store:
        assert actor_names(store)("JNIM") == "Katiba JNIM"
        assert actor_names(store)("Africa Corps") == "Wagner Group / Africa Corps (Russia)"
