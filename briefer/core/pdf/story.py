"""The story: the sections of the Briefing, in its order, as platypus flowables.

Contract: `build_story(ctx)` walks `briefing.sections` and calls the builder of each known key
(unknown keys are skipped); when the briefing's notes are endnotes, the "Notes" section goes just
before the references (at the end without them). When the briefing is empty, the first event-based section present
(key figures, charts, incidents) is replaced by a plain "no events" statement and the others are
left out; the rest of the document is built as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.tableofcontents import TableOfContents

from briefer.core import fonts
from briefer.core.pdf import (
    analyst,
    annex,
    flash,
    header,
    notes,
    regional,
    regions,
    sources,
    summary,
    visuals,
)
from briefer.core.pdf.context import Context
from briefer.core.pdf.cover import cover, notice_box

EVENT_SECTIONS = frozenset({"key-figures", "charts", "incidents",
                            "flash-summary", "flash-map", "regions", "country-table", "border-areas", "cross-border-actors"})


class Contents(TableOfContents):
    """A TableOfContents that prints nothing (instead of a placeholder) when it has no entry."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._lastEntries:
            self._table = None
            return 0, 0
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [] if self._table is None else super().split(availWidth, availHeight)  # type: ignore[no-any-return]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self._table is not None:
            super().drawOn(canvas, x, y, _sW)


def contents(ctx: Context) -> list[Flowable]:
    """The contents page: linked entries for section headings (level 0) and figures (level 1)."""
    toc = Contents(
        levelStyles=[ctx.styles["toc-0"], ctx.styles["toc-1"]],
        tableStyle=[
            ("FONT", (0, 0), (-1, -1), fonts.SANS, 9.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
        dotsMinLevel=0,
        rightColumnWidth=36,
    )
    return [ctx.heading(ctx.t("contents"), toc=False, style="toc-title"), toc, PageBreak()]


BUILDERS: dict[str, Callable[[Context], list[Flowable]]] = {
    "cover": cover,
    "contents": contents,
    "key-messages": summary.key_messages,
    "key-figures": summary.key_figures,
    "charts": visuals.charts,
    "quotations": sources.quotations,
    "source-figures": sources.source_figures,
    "chronology": sources.chronology,
    "references": sources.references,
    "incidents": annex.incidents,
    "data-note": annex.data_note,
    # depth5
    "situation-header": header.situation_header,
    "flash-summary": flash.flash_summary,
    "flash-map": flash.flash_map,
    "regions": regions.regions,
    "country-table": regional.country_table,
    "border-areas": regional.border_areas,
    "cross-border-actors": regional.cross_border_actors,
    "outlook": analyst.outlook,
    "risk-matrix": analyst.risk_matrix,
}


def build_story(ctx: Context) -> list[Flowable]:
    """All sections in the briefing's order (see module contract)."""
    story: list[Flowable] = []
    said_empty = False
    endnotes_at: int | None = None  # cite5: endnotes go before the references (or at the end)
    for key in dict.fromkeys(ctx.briefing.sections):
        builder = BUILDERS.get(key)
        if builder is None:
            continue
        if key == "references":
            endnotes_at = len(story)
        if ctx.briefing.empty and key in EVENT_SECTIONS:
            if not said_empty:
                story += _no_events(ctx, key)
                said_empty = True
            continue
        story += builder(ctx)
    if ctx.citer.uses_notes and ctx.briefing.notes == "endnotes":
        at = len(story) if endnotes_at is None else endnotes_at
        story[at:at] = notes.endnotes(ctx, ctx.citer.notes())
    return story


def _no_events(ctx: Context, key: str) -> list[Flowable]:
    box = notice_box(ctx, ctx.t("no-events"), ctx.t("no-events-detail"))
    return [ctx.heading(ctx.t(key)), box]
