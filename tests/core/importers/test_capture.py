"""Quotations and figures captured from stored sources: verbatim checks, locators, markup, candidates."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.errors import SelectionError, ValidationError
from briefer.core.importers.candidates import suggest_candidates
from briefer.core.importers.capture import (
    FigureInput,
    capture_figure,
    capture_quotation,
    source_candidates,
)
from briefer.core.importers.documents import import_document, read_document
from briefer.core.importers.locators import locator
from briefer.core.store import reads
from tests.core.importers.conftest import digest
from tests.core.importers.sources_util import ISS, NEXTIER, make_pdf, run, shared_file

CSP_PSD = "without a credible alternative would threaten security in Mali and the whole region"
ATTACKS = ("So far this year, violence against civilians in Mali has increased by 38 per cent, with over 430 "
           "violent attacks perpetrated by violent groups and state actors alike.")


@pytest.fixture()
def nextier_store(capsys, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A store file made by importing the Nextier seed (source 1)."""
    store = tmp_path / "s.db"
    code, out, _ = run(capsys, "import", "document", str(shared_file(NEXTIER)), "--store", str(store))
    assert code == 0 and out.splitlines()[-1] == "source 1"
    return store


def test_verbatim_quote_gets_its_paragraph_and_offsets(capsys, nextier_store: Path) -> None:  # type: ignore[no-untyped-def]
    typed = ATTACKS.replace("38 per cent,", "38 per cent,\n  ")  # a line break where the reader's copy had one
    code, out, err = run(capsys, "quote", "add", "--store", str(nextier_store), "--source", "1", "--text", typed,
                         "--country", "Mali", "--topic", "civilians", "--speaker", "Nextier")
    assert (code, err) == (0, "") and out.splitlines()[-1] == "quotation 1"
    from briefer.core.store.db import open_store

    with open_store(nextier_store, read_only=True) as store:
        (quote,) = reads.quotations(store)
        start, end, page = store.db.execute("SELECT start_offset, end_offset, page FROM quotations").fetchone()
        full_text = reads.source_full_text(store, 1)[1]  # type: ignore[index]
    assert (quote.locator, quote.countries, quote.topics, page) == ("para. 3", ("MLI",), ("civilians",), None)
    assert full_text[start:end] == ATTACKS


def test_typographic_quotes_are_normalised(capsys, nextier_store: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "quote", "add", "--store", str(nextier_store), "--source", "1",
                       "--text", f"MINUSMA's exit \"{CSP_PSD}\"")
    assert code == 0 and "locator: para. 7" in out


def test_non_verbatim_quote_exits_2_and_leaves_the_store_unchanged(capsys, nextier_store: Path) -> None:  # type: ignore[no-untyped-def]
    before = digest(nextier_store)
    wrong = ATTACKS.replace("38 per cent", "39 per cent")
    code, out, err = run(capsys, "quote", "add", "--store", str(nextier_store), "--source", "1", "--text", wrong)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "not verbatim in source 1" in err and "closest passage (para. 3)" in err and "--paraphrase" in err
    assert digest(nextier_store) == before
    for argv in (["--country", "Narnia"], ["--topic", "nonsense"], ["--source", "9"]):
        code, _, err = run(capsys, "quote", "add", "--store", str(nextier_store), "--source", "1",
                           "--text", ATTACKS, *argv)
        assert code == 2 and err.count("\n") == 1, err
    assert digest(nextier_store) == before
    code, out, _ = run(capsys, "quote", "add", "--store", str(nextier_store), "--source", "1", "--text", wrong,
                       "--paraphrase")
    assert code == 0 and out.splitlines()[-1] == "quotation 1"


def test_markup_in_a_quotation_is_stored_as_plain_text(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "p.txt"
    page.write_text("Note\n\nThe <b>ECOWAS</b> & AU statement said the talks would resume in Niamey.\n", encoding="utf-8")
    source = import_document(fresh_store, page).source_id
    assert source is not None
    qid = capture_quotation(fresh_store, source, "the <b>talks</b> would resume in &quot;Niamey&quot;".replace(
        "&quot;", ""), speaker="<i>ECOWAS</i> &amp; AU")
    (quote,) = reads.quotations(fresh_store, [qid])
    assert (quote.text, quote.speaker, quote.locator) == ("the talks would resume in Niamey", "ECOWAS & AU", "para. 1")
    with pytest.raises(ValidationError, match="empty"):
        capture_quotation(fresh_store, source, "<b> </b>")


def test_pdf_quotation_gets_its_page(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = make_pdf(tmp_path / "r.pdf", [
        ["Cover page"], ["Armed groups attacked convoys near Gao on several occasions during the quarter."],
        ["Introduction"], [("Humanitarian access in Menaka remained severely constrained throughout the period, "
                            "with more than 120 incidents recorded against aid workers.")],
    ])
    source = import_document(fresh_store, pdf).source_id
    assert source is not None
    qid = capture_quotation(fresh_store, source, "Humanitarian access in Menaka remained severely constrained")
    row = fresh_store.db.execute("SELECT locator, page FROM quotations WHERE id = ?", [qid]).fetchone()
    assert tuple(row) == ("p. 4", 4)
    sentence = fresh_store.db.execute("SELECT full_text FROM sources").fetchone()[0].split("\f")[3]
    fid = capture_figure(fresh_store, source, FigureInput(sentence=sentence, label="Incidents against aid workers",
                                                          value="120", unit="incidents", qualifier="over",
                                                          country="Mali", as_of="2024-03"))
    figure = reads.figures(fresh_store)[0]
    assert (figure.id, figure.locator, figure.value, figure.as_of.iso if figure.as_of else "") == (fid, "p. 4", 120.0, "2024-03")


def test_figure_add_infers_the_country_and_checks_the_sentence(capsys, nextier_store: Path) -> None:  # type: ignore[no-untyped-def]
    sentence = ("The devastating impact of this conflict on Mali has led to the loss of thousands of lives "
                "and the forced displacement of 375,000 more.")
    code, out, err = run(capsys, "figure", "add", "--store", str(nextier_store), "--source", "1", "--sentence",
                         sentence, "--label", "People displaced, Mali", "--value", "375,000", "--unit", "people",
                         "--as-of", "2023", "--topic", "displacement")
    assert (code, err) == (0, "") and out.splitlines() == ["locator: para. 4, country: MLI", "figure 1"]
    before = digest(nextier_store)
    for argv, message in ((["--sentence", "Violence rose by 12 per cent."], "not verbatim"),
                          (["--value", "lots"], "'lots' is not a number"),
                          (["--as-of", "2023-02-30"], "is not a date"),
                          (["--sentence", ATTACKS.replace("Mali", "Mali and Niger")], "not verbatim")):
        args = {"--sentence": sentence, "--value": "375000", "--as-of": "2023"}
        args.update(dict(zip(argv[::2], argv[1::2])))
        code, _, err = run(capsys, "figure", "add", "--store", str(nextier_store), "--source", "1",
                           "--label", "L", "--unit", "people", *[x for kv in args.items() for x in kv])
        assert code == 2 and message in err and err.count("\n") == 1
    assert digest(nextier_store) == before


def test_figure_without_country_in_a_sentence_naming_none(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "p.txt"
    page.write_text("Note\n\nOver 300 personnel were killed during the mission's decade.\n", encoding="utf-8")
    source = import_document(fresh_store, page).source_id
    with pytest.raises(ValidationError, match="--country"):
        capture_figure(fresh_store, source, FigureInput(sentence="Over 300 personnel were killed during the mission's "
                                                                 "decade.", label="x", value="300", unit="deaths"))
    with pytest.raises(SelectionError):
        capture_figure(fresh_store, source, FigureInput(sentence="Over 300 personnel", label="x", value="1",
                                                        unit="u", country="Atlantis"))


def test_locators_for_paragraphs_and_pages() -> None:
    text = "First para.\n\nSecond para,\nstill second.\n\n\nThird."
    assert locator(text, text.index("still"), text.index("still") + 5).text == "para. 2"
    assert locator(text, 0, len(text)).text == "paras. 1–3"
    paged = "one\ftwo\fthree"
    assert locator(paged, paged.index("three"), len(paged)).text == "p. 3"
    assert locator(paged, 0, len(paged)).text == "pp. 1–3"


def test_candidates_from_the_nextier_seed(fresh_store) -> None:  # type: ignore[no-untyped-def]
    document = read_document(shared_file(NEXTIER))
    found = suggest_candidates(document.text, "en", countries=reads.country_names(fresh_store),
                               topics=reads.topic_words(fresh_store))
    for c in found:
        assert document.text[c.start:c.end] == c.text
    figures = {(c.value, c.unit, c.qualifier): c for c in found if c.kind == "figure"}
    assert figures[(38.0, "percent", "")].text == ATTACKS
    assert figures[(430.0, "attacks", "over")].countries == ("MLI",)
    assert "375,000" in figures[(375000.0, "people", "")].text
    assert figures[(6000.0, "deaths", "over")].countries == ("BFA",)
    assert figures[(5.0, "percent", "")].countries == ("NER",)
    quote = next(c for c in found if c.kind == "quotation" and c.quote == CSP_PSD)
    assert quote.speaker == "CSP-PSD" and "MLI" in quote.countries
    top = [c.kind for c in found[:7]]
    assert top.count("figure") >= 5 and "quotation" in top
    assert not any(c.value in (2013.0, 2023.0, 2015.0, 2012.0) for c in found if c.kind == "figure")


def test_candidates_from_a_short_french_text() -> None:
    text = ("Selon l’ONU, plus de 6 000 morts ont été recensés au Burkina Faso en 2023.\n\n"
            "Le ministre a déclaré : « nous ne quitterons pas la région avant la fin de la saison ». "
            "Le nombre d’attaques a augmenté de 5 % depuis le 31 décembre 2022.")
    found = suggest_candidates(text, "fr", countries={"Burkina Faso": "BFA"}, topics={"civilians": ["morts"]})
    deaths = next(c for c in found if c.kind == "figure" and c.value == 6000)
    assert (deaths.unit, deaths.qualifier, deaths.countries, deaths.topics) == ("deaths", "over", ("BFA",), ("civilians",))
    assert deaths.reasons == ("plus de 6 000 morts",) or "6 000" in deaths.reasons[0]
    assert any(c.kind == "figure" and c.value == 5 and c.unit == "percent" for c in found)
    assert any(c.kind == "quotation" and c.quote.startswith("nous ne quitterons") for c in found)
    assert not any(c.kind == "figure" and c.value in (31, 2022, 2023) for c in found)


def test_suggest_command_prints_ranked_candidates(capsys, nextier_store: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "suggest", "--store", str(nextier_store), "--source", "1", "--limit", "8")
    assert (code, err) == (0, "")
    assert out.startswith("1. ") and "para. 3" in out and "over 430 attacks" in out and "CSP-PSD" in out
    assert sum(1 for line in out.splitlines() if line[:1].isdigit()) == 8


def test_source_candidates_need_a_text(fresh_store) -> None:  # type: ignore[no-untyped-def]
    from briefer.core.store import writes

    sid = writes.add_source(fresh_store, title="A reference only")
    with pytest.raises(ValidationError, match="no stored text"):
        source_candidates(fresh_store, sid)


def test_iss_quotation_with_single_quotes(fresh_store) -> None:  # type: ignore[no-untyped-def]
    source = import_document(fresh_store, shared_file(ISS)).source_id
    assert source is not None
    qid = capture_quotation(fresh_store, source, "for the mission to be withdrawn 'without delay.'")
    assert reads.quotations(fresh_store, [qid])[0].locator == "para. 1"
