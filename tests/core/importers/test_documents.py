"""Document import: saved web pages, the seeds as text, PDFs with pages, Markdown, duplicates, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.core.errors import ImportFileError, ValidationError
from briefer.core.importers.documents import Overrides, import_document, read_document
from briefer.core.importers.sourcemeta import SourceFields
from briefer.core.importers.textnorm import content_hash
from briefer.core.store import reads
from tests.core.importers.conftest import digest
from tests.core.importers.sources_util import ARTICLES, ISS, NEXTIER, make_pdf, run, shared_file

ROOT = Path(__file__).resolve().parents[3]


def _folded(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def test_iss_seed_as_text_keeps_the_article_and_drops_the_site(tmp_path: Path) -> None:
    document = read_document(shared_file(ISS))
    assert document.fields.title == "MINUSMA leaves Mali: will regional leaders step up on security?"
    assert document.text.startswith("On 30 June the United Nations (UN) Security Council voted unanimously")
    assert "The region is at a crossroads and will find it hard to withstand the shock" in document.text
    for furniture in ("Email this article", "Subscriptions are available", "Font size", "Deepening Democracy",
                      "Free daily email newsletter", "Advertising on", "Embed Video", "Read more"):
        assert furniture not in document.text, furniture
    assert document.fields.language == "en" and "\f" not in document.text


def test_nextier_seed_title_is_its_first_line_and_not_a_paragraph() -> None:
    document = read_document(shared_file(NEXTIER))
    assert document.fields.title == "The Malian Exit"
    assert document.text.startswith("The withdrawal of the United Nations Multidimensional")
    assert "Scroll to Top" not in document.text
    assert len(document.text.split("\n\n")) == 9


def test_trafilatura_eval_page_keeps_and_drops_the_expected_strings() -> None:
    page = shared_file(ARTICLES / "trafilatura_eval_bmz.de-schulze.html")
    expected = next(iter(json.loads(shared_file(ARTICLES / "trafilatura_evaldata_bmz.de-schulze.json")
                                    .read_text(encoding="utf-8")).values()))
    document = read_document(page)
    text = _folded(document.text)
    for kept in expected["with"]:
        assert _folded(kept) in text, kept
    for dropped in expected["without"]:
        assert _folded(dropped) not in text, dropped
    assert document.fields.title == _folded(expected["title"])
    assert document.fields.published == expected["date"]
    assert document.fields.url.startswith("https://www.bmz.de/") and document.fields.language == "de"


def test_telegraph_page_metadata_and_text() -> None:
    document = read_document(shared_file(ARTICLES / "readability_telegraph_source.html"))
    meta = json.loads((ARTICLES / "readability_telegraph_expected-metadata.json").read_text(encoding="utf-8"))
    assert document.fields.title == meta["title"]
    assert document.fields.publisher == meta["siteName"] and document.fields.language == "en"
    assert document.text.startswith(meta["excerpt"])
    for furniture in ("Share", "Subscribe", "Advertisement", "cookie"):
        assert f"\n\n{furniture}\n\n" not in document.text


SAVED_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Mali : la MINUSMA achève son retrait | Sahel Hebdo</title>
<meta property="og:site_name" content="Sahel Hebdo"><meta name="author" content="Awa Traoré">
<meta property="article:published_time" content="2023-12-12"></head><body>
<nav><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/abonnement">Abonnement</a></nav>
<article><h1>Mali : la MINUSMA achève son retrait</h1>
<p>La Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali a achevé le retrait de ses
derniers casques bleus le 11 décembre 2023, après dix ans de présence dans le pays.</p>
<p>Selon un responsable de la mission, « plus de 12 000 personnels ont quitté le pays en moins de six mois ».</p>
</article><div class="share">Partager sur Facebook Partager sur X</div>
<footer>© Sahel Hebdo — Mentions légales</footer></body></html>"""


def test_a_saved_web_page_keeps_its_article_and_drops_the_site(tmp_path: Path) -> None:
    page = tmp_path / "minusma.html"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    document = read_document(page)
    assert "achevé le retrait de ses derniers casques bleus" in document.text
    assert "« plus de 12 000 personnels ont quitté le pays" in document.text
    for furniture in ("Accueil", "Abonnement", "Partager sur Facebook", "Mentions légales"):
        assert furniture not in document.text
    assert document.fields.language == "fr" and document.fields.publisher == "Sahel Hebdo"


def test_web_page_import_never_touches_the_network(tmp_path: Path) -> None:
    page = shared_file(ARTICLES / "readability_telegraph_source.html")
    guard = (ROOT / "tests" / "core" / "test_offline.py").read_text(encoding="utf-8").split('GUARD = """')[1].split('"""')[0]
    result = subprocess.run([sys.executable, "-c", guard, "import", "document", str(page), "--store",
                             str(tmp_path / "s.db")], check=False, capture_output=True, text=True, cwd=ROOT)
    assert "NETWORK ACCESS" not in result.stderr and result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "source 1"


def test_pdf_pages_are_kept_with_form_feeds(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "report.pdf", [
        ["Sahel security report", "Introduction to the quarter."],
        ["Armed groups attacked convoys near Gao on several occasions during the quarter under review."],
        ["Humanitarian access in Menaka remained severely constrained throughout the period."],
    ], title="Quarterly Sahel Security Report", author="Amadou Diallo; Mariam Traoré")
    document = read_document(pdf)
    assert document.pages == 3 and document.text.count("\f") == 2
    assert "convoys near Gao" in document.text.split("\f")[1]
    assert document.fields.title == "Quarterly Sahel Security Report"
    assert document.fields.authors == ("Amadou Diallo", "Mariam Traoré") and document.fields.kind == "report"
    assert document.fields.published is not None and document.file_format == "PDF, 3 pages"


def test_markdown_title_and_plain_text(tmp_path: Path) -> None:
    md = tmp_path / "note.md"
    md.write_text("# Field *note*: Mopti\n\nThe road to **Sévaré** was [closed](https://x.org) on 3 May.\n\n"
                  "- second point\n- third point\n", encoding="utf-8")
    document = read_document(md)
    assert document.fields.title == "Field note: Mopti"
    assert document.text == "The road to Sévaré was closed on 3 May.\n\nsecond point\nthird point"


def test_import_then_duplicate_returns_the_same_source(fresh_store) -> None:  # type: ignore[no-untyped-def]
    first = import_document(fresh_store, shared_file(NEXTIER), overrides=Overrides(publisher="Nextier", date="2023"))
    assert first.report.added == 1 and first.source_id is not None
    again = import_document(fresh_store, NEXTIER, overrides=Overrides(title="Another title"))
    assert again.source_id == first.source_id and again.report.unchanged == 1 and again.duplicate
    source = reads.sources(fresh_store)[first.source_id]  # type: ignore[index]
    assert (source.title, source.publisher, source.published.iso if source.published else None) == (
        "The Malian Exit", "Nextier", "2023")
    assert fresh_store.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1
    logged = fresh_store.db.execute("SELECT kind, added, unchanged FROM imports ORDER BY id").fetchall()
    assert logged == [("document", 1, 0), ("document", 0, 1)]


def test_the_same_text_in_another_layout_is_a_duplicate(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    body = "Title line\n\nThe mission’s end was “abrupt”, officials said on Tuesday in Bamako.\n"
    one.write_text(body, encoding="utf-8")
    two.write_bytes(body.replace("’", "'").replace("“", '"').replace("”", '"').replace("\n", "\r\n").encode("cp1252"))
    a = import_document(fresh_store, one).source_id
    assert import_document(fresh_store, two).source_id == a
    assert content_hash("A  b\fc") == content_hash("a b c")


def test_dry_run_previews_and_writes_nothing(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "s.db"
    code, out, _ = run(capsys, "import", "document", str(shared_file(ISS)), "--store", str(store), "--dry-run")
    assert code == 0 and not store.exists()
    assert "title: MINUSMA leaves Mali: will regional leaders step up on security?" in out
    assert "nothing was written" in out
    code, out, _ = run(capsys, "import", "document", str(ISS), "--store", str(store), "--author", "Djiby Sow",
                       "--date", "2023-07-07", "--url", "https://example.org/iss")
    assert code == 0 and out.splitlines()[-1] == "source 1"
    before = digest(store)
    code, out, _ = run(capsys, "import", "document", str(ISS), "--store", str(store), "--dry-run")
    assert code == 0 and out.splitlines()[-1] == "source 1" and "already stored as source 1" in out
    code, out, _ = run(capsys, "import", "document", str(NEXTIER), "--store", str(store), "--dry-run")
    assert code == 0 and digest(store) == before


@pytest.mark.parametrize("argv, message", [
    (["--date", "2023-13"], "2023-13 is not a valid date"),
    (["--title", "  "], None),
    (["--accept-bad-rows"], "--accept-bad-rows is for event and reference files"),
])
def test_user_errors_exit_2_and_leave_the_store_unchanged(capsys, tmp_path: Path, argv, message) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "s.db"
    text = tmp_path / "a.txt"
    text.write_text("A note\n\nArmed men attacked the market of Boni on Sunday, witnesses said.\n", encoding="utf-8")
    run(capsys, "import", "document", str(text), "--store", str(store))
    before = digest(store)
    other = tmp_path / "b.txt"
    other.write_text("Another note\n\nThe road between Gao and Ansongo was closed for two days.\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "document", str(other), "--store", str(store), *argv)
    if message is None:
        assert code == 0 and out.splitlines()[-1] == "source 2"
        return
    assert code == 2 and message in err and err.count("\n") == 1
    assert digest(store) == before


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"  \n", "the file is empty"),
    ("scan.pdf", b"%PDF-1.4\n%junk", "not a readable PDF"),
    ("word.docx", b"PK\x03\x04\x00\x00binary", "not a document briefer can read"),
])
def test_unreadable_documents_are_refused_with_one_line(capsys, tmp_path: Path, name, content, message) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, _, err = run(capsys, "import", "document", str(path), "--store", str(tmp_path / "s.db"))
    assert code == 2 and message in err and str(path) in err and err.count("\n") == 1
    assert not (tmp_path / "s.db").exists()


def test_a_pdf_without_text_asks_for_ocr(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(tmp_path / "scan.pdf"))
    canvas.rect(50, 50, 200, 200, fill=1)
    canvas.showPage()
    canvas.save()
    with pytest.raises(ImportFileError, match="no text layer"):
        read_document(tmp_path / "scan.pdf")


def test_overrides_are_validated() -> None:
    with pytest.raises(ValidationError, match="not a date"):
        Overrides(date="July").apply(SourceFields(title="x"))
    assert Overrides(language="French", authors=("  ", "A B")).apply(SourceFields(title="x")).authors == ("A B",)
