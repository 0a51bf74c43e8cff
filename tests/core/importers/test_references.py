"""Reference import: RIS, BibTeX and CSL-JSON files written here, duplicates, bad entries, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.core.errors import ImportFileError
from briefer.core.importers.references import import_references, read_references
from briefer.core.store import reads
from tests.core.importers.conftest import digest
from tests.core.importers.sources_util import run

RIS = """TY  - JOUR
AU  - Koné, Fahiraman Rodrigue
AU  - Sow, Djiby
TI  - MINUSMA leaves Mali: will regional leaders step up on security?
T2  - ISS Today
PB  - Institute for Security Studies
PY  - 2023
DA  - 2023/07/07/
UR  - https://issafrica.org/iss-today/minusma-leaves-mali
Y2  - 2024/01/15/
LA  - en
ER  - 

TY  - RPRT
AU  - Nextier
TI  - The Malian Exit
PY  - 2023
ER  - 

TY  - NEWS
TI  - La MINUSMA quitte le Mali
T2  - Le Monde
DA  - 2023/12/
LA  - fr
DO  - 10.5555/lemonde.2023.12
ER  - 
"""

BIBTEX = r"""@string{iss = "Institute for Security Studies"}

@article{kone2023,
  title = {{MINUSMA} leaves {Mali}: will regional leaders step up on security?},
  author = {Kon{\'e}, Fahiraman Rodrigue and Sow, Djiby and Kon{\'e}, Hassane},
  journal = {ISS Today}, publisher = iss,
  year = {2023}, month = jul, day = {7},
  url = {https://issafrica.org/iss-today/minusma-leaves-mali},
  urldate = {2024-01-15}, langid = {english}
}

@techreport{acled2023,
  title = {Sahel Mid-Year Update: Violence \& Displacement},
  author = {{Armed Conflict Location \& Event Data Project}},
  institution = {ACLED}, date = {2023-08}
}

@book{book2020, title = {Le Sahel en crise}, author = {Diallo, Amadou}, year = 2020, language = {french}}
"""


def csl_items() -> list[dict[str, object]]:
    return [
        {"id": "a", "type": "article-newspaper", "title": "Mali: <i>the</i> end of MINUSMA &amp; after",
         "author": [{"family": "Koné", "given": "Hassane"}, {"literal": "Reuters staff"}],
         "container-title": "Reuters", "issued": {"date-parts": [[2023, 12, 31]]},
         "accessed": {"date-parts": [[2024, 1, 2]]}, "URL": "https://www.reuters.com/world/africa/mali-minusma/",
         "language": "en-GB"},
        {"id": "b", "type": "report", "title": "Burkina Faso situation report", "publisher": "OCHA",
         "issued": {"date-parts": [[2023, 11]]}, "DOI": "https://doi.org/10.1234/ocha.bfa.2023"},
        {"id": "c", "type": "book", "title": "Sahel wars", "issued": {"raw": "2019"},
         "author": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van den"}]},
    ]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ris_authors_dates_and_precisions(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = import_references(fresh_store, write(tmp_path, "refs.ris", RIS))
    assert (report.added, report.unchanged, report.rejected, report.file_format) == (3, 0, 0, "RIS")
    sources = {s.title: s for s in reads.sources(fresh_store).values()}
    iss = sources["MINUSMA leaves Mali: will regional leaders step up on security?"]
    assert iss.authors == ("Fahiraman Rodrigue Koné", "Djiby Sow") and iss.container == "ISS Today"
    assert (iss.published.iso, iss.published.precision) == ("2023-07-07", "day")  # type: ignore[union-attr]
    assert iss.accessed is not None and iss.accessed.isoformat() == "2024-01-15" and iss.kind == "article"
    nextier = sources["The Malian Exit"]
    assert (nextier.published.precision, nextier.kind, nextier.authors) == ("year", "report", ("Nextier",))  # type: ignore[union-attr]
    monde = sources["La MINUSMA quitte le Mali"]
    assert (monde.published.iso, monde.language) == ("2023-12", "fr")  # type: ignore[union-attr]
    assert monde.url == "https://doi.org/10.5555/lemonde.2023.12" and "DOI 10.5555/lemonde.2023.12" in monde.note
    logged = fresh_store.db.execute("SELECT kind, added FROM imports").fetchall()
    assert logged == [("references", 3)]


def test_bibtex_latex_names_and_dates(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = import_references(fresh_store, write(tmp_path, "refs.bib", BIBTEX))
    assert (report.added, report.rejected) == (3, 0)
    sources = {s.title: s for s in reads.sources(fresh_store).values()}
    iss = sources["MINUSMA leaves Mali: will regional leaders step up on security?"]
    assert iss.authors == ("Fahiraman Rodrigue Koné", "Djiby Sow", "Hassane Koné")
    assert (iss.publisher, iss.published.iso, iss.language) == ("Institute for Security Studies", "2023-07-07", "en")  # type: ignore[union-attr]
    acled = sources["Sahel Mid-Year Update: Violence & Displacement"]
    assert acled.authors == ("Armed Conflict Location & Event Data Project",) and acled.kind == "report"
    assert (acled.published.iso, acled.published.precision) == ("2023-08", "month")  # type: ignore[union-attr]
    assert sources["Le Sahel en crise"].language == "fr" and sources["Le Sahel en crise"].authors == ("Amadou Diallo",)


def test_csl_json_as_zotero_exports_it(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = import_references(fresh_store, write(tmp_path, "refs.json", json.dumps(csl_items(), indent=2)))
    assert (report.added, report.rejected, report.file_format) == (3, 0, "CSL-JSON")
    sources = {s.title: s for s in reads.sources(fresh_store).values()}
    reuters = sources["Mali: the end of MINUSMA & after"]
    assert reuters.authors == ("Hassane Koné", "Reuters staff") and reuters.container == "Reuters"
    assert reuters.accessed is not None and reuters.accessed.isoformat() == "2024-01-02" and reuters.language == "en"
    ocha = sources["Burkina Faso situation report"]
    assert (ocha.published.iso, ocha.url, ocha.kind) == ("2023-11", "https://doi.org/10.1234/ocha.bfa.2023", "report")  # type: ignore[union-attr]
    assert sources["Sahel wars"].authors == ("Jan van den Berg",)


def test_duplicates_by_doi_url_or_title_and_year(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_references(fresh_store, write(tmp_path, "refs.ris", RIS))
    again = import_references(fresh_store, write(tmp_path, "refs.bib", BIBTEX))
    assert (again.added, again.unchanged) == (2, 1)  # the ISS article: same URL
    items = csl_items()
    items[1]["title"] = "Another title, same DOI"
    items[1]["DOI"] = "10.5555/LEMONDE.2023.12"
    items.append({"type": "report", "title": "the  MALIAN exit!", "issued": {"date-parts": [[2023]]}})
    items.append({"type": "report", "title": "The Malian Exit", "issued": {"date-parts": [[2021]]}})
    third = import_references(fresh_store, write(tmp_path, "refs.json", json.dumps(items)))
    assert (third.added, third.unchanged) == (3, 2)
    assert import_references(fresh_store, tmp_path / "refs.json").added == 0


@pytest.mark.parametrize("name, text, line, message", [
    ("bad.ris", RIS.replace("TI  - The Malian Exit\n", "TI - The Malian Exit\n"), 14, "malformed tag line"),
    ("bad.ris", RIS.replace("DA  - 2023/12/", "DA  - 2023/13/"), 20, "2023-13 is not a valid date"),
    ("bad.ris", RIS + "TY  - JOUR\nTI  - unfinished\n", 27, "no ER line"),
    ("bad.bib", BIBTEX.replace("institution = {ACLED},", "institution = {ACLED,"), 12, "cannot be read"),
    ("bad.bib", BIBTEX.replace("year = 2020", "year = 2020, month = {Smarch}"), 18, "not a date"),
    ("bad.json", json.dumps([{"title": "ok"}, {"type": "book"}], indent=1), 5, "no title"),
    ("bad.json", json.dumps([{"title": "x", "issued": {"date-parts": [["?"]]}}], indent=1), 2, "date-parts"),
])
def test_bad_entries_are_named_and_refuse_the_file(capsys, tmp_path: Path, name, text, line, message) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "s.db"
    code, out, _ = run(capsys, "import", "references", str(write(tmp_path, "ok.ris", RIS.split("\n\n")[0] + "\n")),
                       "--store", str(store))
    assert code == 0 and out.splitlines()[-1] == "added 1, unchanged 0, rejected 0"
    before = digest(store)
    bad = write(tmp_path, name, text)
    code, out, err = run(capsys, "import", "references", str(bad), "--store", str(store))
    assert code == 2 and f"{bad}, line {line}" in err and message in err, err
    assert "Traceback" not in err and out.splitlines()[-1].endswith("rejected 1")
    assert digest(store) == before
    code, out, _ = run(capsys, "import", "references", str(bad), "--store", str(store), "--accept-bad-rows")
    assert code == 0 and out.splitlines()[-1].endswith("rejected 1")


@pytest.mark.parametrize("name, text, message", [
    ("a.json", '[{"title": "x"},\n {"title": }]', "line 2: invalid JSON"),
    ("a.json", "[]", "no CSL-JSON items"),
    ("a.txt", "just some words", "not a reference file"),
    ("a.ris", "hello\n", "a line outside any entry"),
    ("a.bib", "% only a comment\n", "no BibTeX entries"),
])
def test_unusable_reference_files(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = write(tmp_path, name, text)
    try:
        _, parsed = read_references(path)
    except ImportFileError as exc:
        assert message in str(exc) and str(path) in str(exc)
    else:
        assert any(message in str(e) for e in parsed.errors)


def test_dry_run_and_cli_summary(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, refs = tmp_path / "s.db", write(tmp_path, "refs.ris", RIS)
    code, out, _ = run(capsys, "import", "references", str(refs), "--store", str(store), "--dry-run")
    assert code == 0 and out.splitlines()[-1] == "added 3, unchanged 0, rejected 0" and not store.exists()
    code, out, _ = run(capsys, "import", "references", str(refs), "--store", str(store))
    assert code == 0 and out.splitlines()[-1] == "added 3, unchanged 0, rejected 0"
    assert f"created a new store at {store}" in out
    code, out, _ = run(capsys, "import", "references", str(refs), "--store", str(store))
    assert code == 0 and out.splitlines()[-1] == "added 0, unchanged 3, rejected 0"
    code, _, err = run(capsys, "import", "references", str(refs), "--store", str(store), "--title", "x")
    assert code == 2 and "--title is only for `briefer import document`" in err
