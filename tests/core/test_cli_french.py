"""The CLI speaks French when asked: `build --lang fr`, or BRIEFER_LANG=fr for every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_cli import build_args, run

NBSP = "\u00a0"


def test_build_lang_fr_gives_french_errors(capsys, demo_store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, *build_args(tmp_path / "absent.db", tmp_path / "b.pdf", "--lang", "fr"))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"briefer: erreur{NBSP}: {tmp_path / 'absent.db'}{NBSP}: ce magasin de données n’existe pas.")
    args = build_args(demo_store_path, tmp_path / "b.pdf", "--lang", "fr")
    args[args.index("Mali")] = "Mlai"
    code, _, err = run(capsys, *args)
    assert code == 2 and f"pays inconnu «{NBSP}Mlai{NBSP}» (vouliez-vous dire Malawi ou Mali{NBSP}?){NBSP}; voir" in err
    assert not (tmp_path / "b.pdf").exists()


def test_english_by_default(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("BRIEFER_LANG", raising=False)
    code, _, err = run(capsys, *build_args(tmp_path / "absent.db", tmp_path / "b.pdf"))
    assert code == 2 and err.startswith("briefer: error: ") and "no such store" in err


def test_briefer_lang_for_other_commands_and_import_rows(capsys, demo_store_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFER_LANG", "fr")
    bogus = tmp_path / "bogus.db"
    bogus.write_text("pas une base")
    code, _, err = run(capsys, "countries", "--store", str(bogus))
    assert code == 2 and "ce n’est pas un magasin de données briefer" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,event_date,year,event_type,sub_event_type,actor1,country,iso,admin1,location,"
                   "latitude,longitude,fatalities,notes\n"
                   "X1,31 Febtember 2020,2020,Battles,Armed clash,A,Mali,466,Gao,Gao,16.2,-0.1,0,n\n",
                   encoding="utf-8")
    store = tmp_path / "s.db"
    store.write_bytes(demo_store_path.read_bytes())
    code, _, err = run(capsys, "import", "acled", str(bad), "--store", str(store), "--dry-run")
    assert f"ligne 2, colonne event_date{NBSP}: «{NBSP}31 Febtember 2020{NBSP}» n’est pas une date" in err
