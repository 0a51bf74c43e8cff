"""Briefing -> PDF with reportlab platypus.

Public entry points: `render_pdf(briefing) -> bytes` and `write_pdf(briefing, path) -> Path`
(atomic; raises `OutputError` when the file cannot be written); see `render` for the contracts.
Importing this package is cheap: reportlab, matplotlib and svglib load on the first render.

Modules: `labels` (fixed EN/FR wording), `styles` (look), `markup` (escaping), `document` (page
templates, outline, page count), `furniture` (header/footer), one module per group of sections
(`cover`, `summary`, `visuals`, `sources`, `annex`), `story` (section order), `render` (build, write), `protect` (password encryption).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefer.core.domain import Briefing

__all__ = ["render_pdf", "write_pdf"]


def render_pdf(briefing: Briefing) -> bytes:
    """The briefing as PDF bytes; the same Briefing always gives the same bytes."""
    from briefer.core.pdf.render import render_pdf as render

    return render(briefing)


def write_pdf(briefing: Briefing, path: Path, password: str | None = None,
              owner_password: str | None = None) -> Path:
    """Write the briefing to `path` atomically, AES-256 encrypted when a `password` is given
    (printable, not copyable; random owner password unless given); OutputError if it cannot be written."""
    from briefer.core.pdf.render import write_pdf as write

    return write(briefing, path, password, owner_password)
