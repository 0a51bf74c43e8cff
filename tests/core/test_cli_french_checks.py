"""The command line's refusals in French (`--lang fr` on any command, or BRIEFER_LANG=fr): a quotation
that is not verbatim, a bad analyst-input file, an option given to the wrong import, a refused file.
Each exits 2 with one French line and leaves the store and the PDF as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.importers.conftest import digest
from tests.core.test_cli import build_args, run

NBSP = "\u00a0"
TEXT = ("Le 3 juin, des hommes armés ont attaqué le marché de Gao.\n\n"
        "Trois civils ont été tués et le marché a fermé pendant une semaine.\n")


@pytest.fixture()
def text_store(capsys, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A store holding one plain-text document, source 1."""
    document = tmp_path / "rapport.txt"
    document.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "s.db"
    code, out, err = run(capsys, "import", "document", str(document), "--store", str(store), "--title", "Rapport Gao")
    assert (code, err) == (0, "") and out.splitlines()[-1] == "source 1"
    return store


def test_a_quotation_not_verbatim_is_refused_in_french(capsys, text_store: Path) -> None:  # type: ignore[no-untyped-def]
    before = digest(text_store)
    typed = "Quatre civils ont été tués et le marché a fermé pendant une semaine."
    code, out, err = run(capsys, "quote", "add", "--store", str(text_store), "--source", "1", "--text", typed,
                         "--lang", "fr")
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err == (f"briefer: erreur{NBSP}: la citation ne figure pas mot pour mot dans la source 1 "
                   f"(«{NBSP}Rapport Gao{NBSP}»){NBSP}; le passage le plus proche (para. 2) dit{NBSP}: "
                   f"«{NBSP}Trois civils ont été tués et le marché a fermé pendant une semaine.{NBSP}»{NBSP}; "
                   "corrigez-la ou marquez-la comme paraphrase (--paraphrase)\n")
    assert digest(text_store) == before
    code, _, err = run(capsys, "quote", "add", "--store", str(text_store), "--source", "1", "--text", typed)
    assert code == 2 and err.startswith("briefer: error: the quotation is not verbatim in source 1 ('Rapport Gao')")


def test_a_bad_analyst_input_file_is_refused_in_french(capsys, demo_store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "analyse.toml"
    bad.write_text('outlook = "Plus de combats."\ntrend = "pire"\n', encoding="utf-8")
    pdf = tmp_path / "b.pdf"
    code, out, err = run(capsys, *build_args(demo_store_path, pdf, "--analyst-input", str(bad), "--lang", "fr"))
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err == (f"briefer: erreur{NBSP}: {bad}, ligne 2, clé «{NBSP}trend{NBSP}»{NBSP}: «{NBSP}pire{NBSP}» ne fait "
                   "pas partie de deteriorated, unchanged, improved\n")
    bad.write_text('[[risks]]\nthreat = "Embuscade"\nlikelihood = 7\nimpact = 1\n', encoding="utf-8")
    code, _, err = run(capsys, *build_args(demo_store_path, pdf, "--analyst-input", str(bad), "--lang", "fr"))
    assert code == 2 and err == (f"briefer: erreur{NBSP}: {bad}, risque 1{NBSP}: la probabilité de "
                                 f"«{NBSP}Embuscade{NBSP}» doit être un nombre entier de 1 à 5, pas 7\n")
    code, _, err = run(capsys, *build_args(demo_store_path, pdf, "--risk", "Embuscade;haute;5", "--lang", "fr"))
    assert code == 2 and err.startswith(f"briefer: erreur{NBSP}: impossible de lire le risque «{NBSP}Embuscade;haute;5")
    assert not pdf.exists()


def test_option_checks_and_refused_files_in_french(capsys, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFER_LANG", "fr")
    store = tmp_path / "s.db"
    code, _, err = run(capsys, "import", "acled", str(tmp_path / "x.csv"), "--store", str(store), "--title", "T")
    assert code == 2 and err == f"briefer: erreur{NBSP}: --title ne sert qu’à `briefer import document`\n"
    refs = tmp_path / "refs.json"
    refs.write_text('[{"type": "report", "title": "Bon"}, {"type": "report"}]', encoding="utf-8")
    code, _, err = run(capsys, "import", "references", str(refs), "--store", str(store))
    assert code == 2 and not store.exists()
    assert err.splitlines() == [
        f"briefer: {refs}, ligne 1, colonne title{NBSP}: l’entrée n’a pas de titre",
        (f"briefer: erreur{NBSP}: rien n’a été importé{NBSP}: 1 entrée incorrecte dans {refs}. Corrigez-les, ou "
        "n’importez que les bonnes entrées (--accept-bad-rows).")]
    code, _, err = run(capsys, "import", "references", str(refs), "--store", str(store), "--lang", "en")
    assert code == 2 and err.splitlines()[-1] == (f"briefer: error: nothing imported: 1 bad entry in {refs}. Correct "
                                                  "them, or import the good entries only (--accept-bad-rows).")
