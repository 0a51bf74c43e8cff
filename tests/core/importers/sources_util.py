"""Helpers for the document, reference and capture tests: the CLI, the shared seeds, small files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.cli import main

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SEEDS = SHARED / "seeds"
ARTICLES = SHARED / "fixtures" / "articles"
NEXTIER = SEEDS / "000_376636f4196d2fe2.txt"
ISS = SEEDS / "003_0dd04ac1d8255657.txt"


def shared_file(path: Path) -> Path:
    """`path` inside ../shared, or skip the test when ../shared is absent."""
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared not beside the project)")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `briefer ARGV`."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def make_pdf(path: Path, pages: list[list[str]], *, title: str = "", author: str = "") -> Path:
    """A real PDF made with reportlab: one list of paragraphs per page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    story: list[object] = []
    for number, paragraphs in enumerate(pages):
        if number:
            story.append(PageBreak())
        story.extend(Paragraph(text, style) for text in paragraphs)
    SimpleDocTemplate(str(path), pagesize=A4, title=title, author=author).build(story)
    return path
