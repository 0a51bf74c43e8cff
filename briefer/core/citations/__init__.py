"""Citing sources in a briefing: the house styles (numbered, author-date) and CSL styles.

Contract: `citer_for(briefing)` returns a `Citer` for the briefing's `citation_style` and
`notes`. The PDF asks it, in reading order, for the mark of each citation (`mark`), then for
the notes those marks made (`notes`, numbered 1, 2, … in order of the marks) and for the
reference list (`entries`, in the style's order). Everything returned is reportlab markup in
which source text can only print literally; every entry carries the anchor `ref-N` of its
reference number N, so marks and notes can link to it. Protected sources of a redacted briefing
are never named.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.citations.base import Citer, Entry, Note
from briefer.core.domain import HOUSE_STYLES, Briefing, CitationStyle
from briefer.core.errors import ValidationError


def citer_for(briefing: Briefing) -> Citer:
    """The citer for the briefing's citation style (see module contract)."""
    if briefing.citation_style == "csl":
        from briefer.core.citations.csl import CslCiter

        return CslCiter(briefing)
    from briefer.core.citations.house import AuthorDateCiter, NumberedCiter

    if briefing.citation_style == "author-date":
        return AuthorDateCiter(briefing)
    return NumberedCiter(briefing)


def resolve_style(value: str) -> tuple[CitationStyle, str]:
    """"numbered" or "author-date" as they are; a .csl file -> ("csl", its XML), checked.
    ValidationError names the file when it is missing or not a usable style."""
    if value in HOUSE_STYLES:
        return ("author-date" if value == "author-date" else "numbered"), ""
    path = Path(value).expanduser()
    if path.suffix.lower() != ".csl":
        raise ValidationError.of("cite-unknown-style", value=value)
    try:
        xml = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError.of("cite-unreadable", path=path, reason=f"{exc.__class__.__name__}: {exc}") from exc
    from briefer.core.citations.csl import check_csl

    try:
        check_csl(xml)
    except ValidationError as exc:
        raise ValidationError.of("cite-in-file", path=path, problem=exc.args[0]) from exc
    return "csl", xml


__all__ = ["Citer", "Entry", "Note", "citer_for", "resolve_style"]
