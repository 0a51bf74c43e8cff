"""Citation styles read back from real PDFs: author-date, numbered (brackets, footnotes,
endnotes) and a CSL style, in English and French."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from briefer.core.citations import citer_for, resolve_style
from briefer.core.citations.csl import check_csl
from briefer.core.domain import CitedQuotation, PartialDate, Quotation, QuotationId, Reference
from briefer.core.errors import ValidationError
from briefer.core.pdf import render_pdf
from tests.core.pdfread import full_text, outline_titles, page_texts, read
from tests.core.sample_briefing import ISS, NEXTIER, UN, sample_briefing

SECTIONS = ("cover", "quotations", "source-figures", "chronology", "references", "data-note")

TINY_CSL = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">
  <info><title>Tiny test style</title><id>tiny</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout prefix="&lt;&lt;" suffix="&gt;&gt;" delimiter="; ">
      <names variable="author"><name form="short" and="text"/></names>
      <text value=" TINY"/>
      <group delimiter=" " prefix=", "><label variable="locator" form="short"/><text variable="locator"/></group>
    </layout>
  </citation>
  <bibliography><layout><text variable="title" text-case="uppercase"/><text value=" TINYBIB"/></layout></bibliography>
</style>
"""


def pdf_text(lang: str = "en", **overrides: object) -> list[str]:
    briefing = sample_briefing(lang, sections=SECTIONS, **overrides)  # type: ignore[arg-type]
    return page_texts(read(render_pdf(briefing)))


# --- House styles, without a PDF ----------------------------------------------------------------


def test_author_date_marks_in_english_and_french() -> None:
    en = citer_for(sample_briefing("en", citation_style="author-date"))
    fr = citer_for(sample_briefing("fr", citation_style="author-date"))
    assert "(Koné, Sow and Koné 2023, para. 4)" in en.mark(2, "para. 4")
    assert "Koné, Sow and Koné (2023, para. 4)" in en.mark(2, "para. 4", narrative=True)
    assert "(Koné, Sow et Koné 2023, §\u00a04)" in fr.mark(2, "para. 4")
    assert "(Nextier 2023, p. 3)" in en.mark(3, "p. 3")
    assert 'href="#ref-2"' in en.mark(2)


def test_author_date_undated_et_al_and_same_year() -> None:
    undated = dataclasses.replace(NEXTIER, published=None)
    many = dataclasses.replace(ISS, authors=("A. Un", "B. Deux", "C. Trois", "D. Quatre"))
    twin = dataclasses.replace(UN, id=9, title="Another statement")
    refs = (Reference(1, undated), Reference(2, many), Reference(3, UN), Reference(4, twin))
    en = citer_for(sample_briefing("en", citation_style="author-date", references=refs))
    fr = citer_for(sample_briefing("fr", citation_style="author-date", references=refs))
    assert "(Nextier n.d.)" in en.mark(1)
    assert "(Nextier s.\u00a0d.)" in fr.mark(1)
    assert "(Un et al. 2023)" in en.mark(2)
    assert "(United Nations 2023b)" in en.mark(3) and "(United Nations 2023a)" in en.mark(4)


def test_numbered_notes_full_first_then_short() -> None:
    citer = citer_for(sample_briefing("en", notes="endnotes"))
    assert citer.uses_notes and not citer.numbered_list
    first, second = citer.mark(2, "para. 1"), citer.mark(2, "para. 18")
    assert 'href="#note-1"' in first and 'href="#note-2"' in second
    notes = [n.markup for n in citer.notes()]
    assert "Fahiraman Rodrigue Koné, Djiby Sow and Hassane Koné" in notes[0] and "para. 1." in notes[0]
    assert notes[1].count("Koné") == 2 and "Fahiraman" not in notes[1] and "para. 18." in notes[1]


def test_default_is_the_bracketed_numbered_list() -> None:
    citer = citer_for(sample_briefing("en"))
    assert citer.numbered_list and not citer.uses_notes
    assert ">[2]</a>" in citer.mark(2, "para. 4")
    assert [e.label for e in citer.entries()] == ["[1]", "[2]", "[3]"]


def test_resolve_style_and_bad_csl(tmp_path: Path) -> None:
    assert resolve_style("author-date") == ("author-date", "")
    good = tmp_path / "tiny.csl"
    good.write_text(TINY_CSL.format(cls="in-text"), encoding="utf-8")
    assert resolve_style(str(good))[0] == "csl"
    bad = tmp_path / "bad.csl"
    bad.write_text("<style>not csl</style>", encoding="utf-8")
    with pytest.raises(ValidationError, match="bad.csl"):
        resolve_style(str(bad))
    with pytest.raises(ValidationError, match="missing.csl"):
        resolve_style(str(tmp_path / "missing.csl"))
    with pytest.raises(ValidationError, match="unknown citation style"):
        resolve_style("chicago")
    with pytest.raises(ValidationError):
        check_csl("not xml at all")


# --- PDFs read back ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang, marks, first_entry", [
    ("en", ["— Transitional Government of Mali, in Koné, Sow and Koné (2023, para. 1)", "— United Nations (2023, para. 4)",
            "Nextier 2023, para. 3"],
     "Koné, Fahiraman Rodrigue, Djiby Sow and Hassane Koné (2023). MINUSMA leaves Mali"),
    ("fr", ["— Transitional Government of Mali, dans Koné, Sow et Koné (2023, § 1)", "— United Nations (2023, § 4)",
            "Nextier 2023, § 3"],
     "Koné, Fahiraman Rodrigue, Djiby Sow et Hassane Koné (2023). MINUSMA leaves Mali"),
])
def test_author_date_pdf(lang: str, marks: list[str], first_entry: str) -> None:
    text = " ".join(pdf_text(lang, citation_style="author-date"))
    for mark in marks:
        assert mark in text
    refs = text[text.rindex("Références" if lang == "fr" else "References"):]
    assert refs.index(first_entry) < refs.index("Nextier (2023). The Malian Exit.") < refs.index("United Nations (2023).")
    assert "[1]" not in text and "[2]" not in text
    assert ("(consulté le 20 novembre 2026)" if lang == "fr" else "(accessed 20 November 2026)") in refs


def test_footnotes_print_on_the_page_of_their_mark() -> None:
    """24 quotations over several pages: each note is at the foot of the page of its mark."""
    base = sample_briefing("en").quotations
    quotations = tuple(
        CitedQuotation(dataclasses.replace(c.quotation, id=QuotationId(n), speaker=f"Speaker{n:02d}x"), c.reference)
        for n, c in enumerate(base * 4, 1))
    reader = read(render_pdf(sample_briefing("en", sections=SECTIONS, notes="footnotes", quotations=quotations)))
    texts = page_texts(reader)
    starts = r"(Security Council|Fahiraman|Koné|The Malian Exit)"
    for n in range(1, len(quotations) + 1):
        page = next(i for i, t in enumerate(texts) if f"— Speaker{n:02d}x{n}" in t)
        assert re.search(rf"(^| ){n} {starts}", texts[page]), f"note {n} is not on page {page + 1}"
    assert sum(bool(re.search(rf" 1 {starts}", t)) for t in texts) == 1
    for number, page in enumerate(reader.pages[1:], 2):  # the notes sit below the text, never over it
        lines = _text_lines(page)
        notes = [y for y, size in lines if size == 7.5 and 40 < y < 400]  # above the footer, not the header
        body = [y for y, size in lines if size >= 8.5]
        if notes and body:
            assert max(notes) + 9 < min(body), f"notes overlap the text on page {number}"


def _text_lines(page: object) -> list[tuple[float, float]]:
    """(baseline y, font size) of every piece of text on a pypdf page."""
    lines: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            lines.append((tm[5] * cm[3] + cm[5], size * tm[3]))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return lines


def test_endnotes_section_before_references_in_french() -> None:
    data = render_pdf(sample_briefing("fr", sections=SECTIONS, notes="endnotes"))
    top = [t for depth, t in outline_titles(read(data).outline) if depth == 0]
    assert top.index("Notes") == top.index("Références") - 1
    text = full_text(read(data))
    notes = text[text.index("Notes 1."):text.rindex("Références")]
    assert "1. Security Council Terminates Mandate" in notes and "(Meetings Coverage and Press Releases, United Nations, 30 juin 2023), § 1." in notes
    assert "Les notes numérotées indiquent les sources." in text


def test_csl_style_applies_in_text_and_in_notes(tmp_path: Path) -> None:
    in_text = " ".join(pdf_text("en", citation_style="csl", csl=TINY_CSL.format(cls="in-text")))
    assert "— Transitional Government of Mali <<Koné, Sow, and Koné TINY, para. 1>>" in in_text
    assert "MINUSMA LEAVES MALI: WILL REGIONAL LEADERS STEP UP ON SECURITY? TINYBIB" in in_text
    french = " ".join(pdf_text("fr", citation_style="csl", csl=TINY_CSL.format(cls="in-text")))
    assert "et Koné TINY" in french and "Koné, Sow" in french
    noted = pdf_text("en", citation_style="csl", csl=TINY_CSL.format(cls="note"), notes="footnotes")
    page = next(t for t in noted if "Transitional Government of Mali3" in t)
    assert "3 <<Koné, Sow, and Koné TINY, para. 1>>." in page


def test_redacted_protected_source_never_named_in_any_style() -> None:
    protected = dataclasses.replace(ISS, protected=True)
    refs = (Reference(1, UN), Reference(2, protected), Reference(3, NEXTIER))
    note = dataclasses.replace(sample_briefing("en").data_note, redacted=True)
    for style, notes in (("author-date", "none"), ("numbered", "footnotes"), ("numbered", "endnotes")):
        text = " ".join(pdf_text("en", citation_style=style, notes=notes, references=refs, data_note=note))
        assert "Koné" not in text and "MINUSMA leaves Mali" not in text, style
        assert "Protected source" in text


def test_partial_dates_in_entries() -> None:
    month = dataclasses.replace(UN, published=PartialDate("2023-06"))
    refs = (Reference(1, month), Reference(2, ISS), Reference(3, NEXTIER))
    citer = citer_for(sample_briefing("en", citation_style="author-date", references=refs))
    entry = next(e.markup for e in citer.entries() if e.number == 1)
    assert "(2023)" in entry and "June 2023" in entry
    assert all(isinstance(q, CitedQuotation) and isinstance(q.quotation, Quotation)
               for q in sample_briefing("en").quotations)
