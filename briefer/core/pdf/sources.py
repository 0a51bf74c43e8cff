"""What the sources say: quotations, figures reported by sources, and the reference list.

Contract: every citation is made by the briefing's citer (`ctx.citer`, see briefer.core.citations):
"[n]", "(Koné, Sow and Koné 2023, para. 4)" or a note number; citations in the text link to
the anchor `ref-n` set on entry n of the reference list (or to their endnote). Source text (quotations, titles, figure labels) is escaped and keeps the
typography of the source's own language; it is never translated. Builders return [] when they
have nothing to show.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from briefer.core import i18n
from briefer.core.citations.base import localise_locator, source_esc
from briefer.core.domain import CitedFigure, CitedQuotation, Figure, Language, Source
from briefer.core.pdf import labels
from briefer.core.pdf.context import Context, keep_first
from briefer.core.pdf.markup import shorten
from briefer.core.pdf.styles import TEAL
from briefer.core.pdf.tables import SPLIT_IN_ROW, data_table, share_widths, table_style

QUOTE_INDENT = 7 * mm
HANG = 6 * mm  # hanging indent of an alphabetical reference list
ATTRIBUTION_TITLE = 90  # characters of a source title in an attribution line (in full in the references)
LABEL_LIMIT, SENTENCE_LIMIT = 200, 320  # characters shown in the figures table
PERCENT_UNITS = frozenset({"percent", "per cent", "%", "pourcent", "pour cent"})


def _sources(ctx: Context) -> dict[int, Source]:
    return {r.number: r.source for r in ctx.briefing.references}


# --- Quotations ------------------------------------------------------------------------------


def quotations(ctx: Context) -> list[Flowable]:
    cited = ctx.briefing.quotations
    if not cited:
        return []
    sources = _sources(ctx)
    leading = [ctx.heading(ctx.t("quotations")), ctx.para(intro(ctx, "quotations-intro"), "intro")]
    return keep_first(leading, [_block_quote(ctx, c, sources.get(c.reference)) for c in cited])


def _block_quote(ctx: Context, cited: CitedQuotation, source: Source | None) -> Flowable:
    q = cited.quotation
    style = "quote-plain" if q.paraphrase else "quote"
    rows = [[Paragraph(source_esc(q.text, source), ctx.styles[style])],
            [ctx.markup(attribution(ctx, cited, source), "attribution")]]
    table = Table(rows, colWidths=[ctx.width - QUOTE_INDENT], hAlign="RIGHT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("LINEBEFORE", (0, 0), (0, -1), 2.2, TEAL),
        ("LEFTPADDING", (0, 0), (-1, -1), 11),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    table.spaceBefore, table.spaceAfter = 5, 9
    return KeepTogether([table])


def intro(ctx: Context, key: str) -> str:
    """The intro of a section that cites, worded for the citation style."""
    citer = ctx.citer
    return ctx.t(key if citer.numbered_list else f"{key}-notes" if citer.uses_notes else f"{key}-in-text")


def withheld(ctx: Context, source: Source | None) -> bool:
    """True when the briefing is redacted and `source` is protected: it must not be named."""
    return source is not None and source.protected and ctx.briefing.data_note.redacted


def attribution(ctx: Context, cited: CitedQuotation, source: Source | None) -> str:
    """The attribution line under a quotation, as markup, by citation style:
    "[n]": "— Speaker, in Title (Publisher, date), para. 4 [3]";
    notes: "— Speaker¹" ("— Koné, Sow and Koné¹" without a speaker; the note has the rest);
    author-date: "— Speaker, in Koné, Sow and Koné (2023, para. 4)".
    A protected source of a redacted briefing: "— Protected source [3]", no speaker or locator."""
    q, citer = cited.quotation, ctx.citer
    paraphrase = f" ({ctx.esc(ctx.t('paraphrase'))})" if q.paraphrase else ""
    if withheld(ctx, source):
        return "— " + ctx.esc(ctx.t("protected-source")) + paraphrase + "\u00a0" + citer.mark(cited.reference)
    speaker = source_esc(q.speaker, source) if q.speaker else ""
    if citer.numbered_list:
        return _bracketed(ctx, cited, source, speaker) + paraphrase + "\u00a0" + citer.mark(cited.reference)
    if citer.uses_notes:
        lead = speaker or citer.lead(cited.reference)
        return "— " + lead + paraphrase + citer.mark(cited.reference, q.locator)
    mark = citer.mark(cited.reference, q.locator, narrative=True)
    joiner = f", {ctx.esc(ctx.t('in'))} " if citer.narrative else " "
    lead = speaker + joiner if speaker else ""
    return "— " + lead + mark + paraphrase


def _bracketed(ctx: Context, cited: CitedQuotation, source: Source | None, speaker: str) -> str:
    """"— Speaker, in Title (Publisher, date), para. 4" (the "[n]" is added by the caller)."""
    where = ""
    if source is not None:
        where = f"<i>{source_esc(shorten(source.title, ATTRIBUTION_TITLE), source)}</i>"
        details = [x for x in (source.publisher or source.container, _source_date(source, ctx.lang)) if x]
        if details:
            where += f" ({ctx.esc(', '.join(details))})"
    lead = f"{speaker}, {ctx.esc(ctx.t('in'))} {where}" if speaker and where else speaker or where
    locator = localise_locator(cited.quotation.locator, ctx.lang)
    return "— " + lead + (f", {ctx.esc(locator)}" if locator else "")


def _source_date(source: Source, lang: Language) -> str:
    return i18n.fmt_partial(source.published, lang)


# --- Figures from sources ----------------------------------------------------------------------


def source_figures(ctx: Context) -> list[Flowable]:
    cited = ctx.briefing.source_figures
    if not cited:
        return []
    sources = _sources(ctx)
    header = [ctx.para(ctx.t(k), s) for k, s in (
        ("sf-figure", "th"), ("sf-value", "th-right"), ("sf-as-of", "th"), ("sf-source", "th"))]
    rows = [header, *(_figure_row(ctx, c, sources.get(c.reference)) for c in cited)]
    table = data_table(rows, share_widths(ctx.width, _widths(ctx, (52, 22, 15, 11))))
    return [ctx.heading(ctx.t("source-figures")), ctx.para(intro(ctx, "sf-intro"), "intro"), table]


def _figure_row(ctx: Context, cited: CitedFigure, source: Source | None) -> list[Paragraph]:
    f = cited.figure
    label = f"<b>{source_esc(shorten(f.display_label(ctx.lang), LABEL_LIMIT), source)}</b>"
    if f.sentence:
        sentence = source_esc(shorten(f.sentence, SENTENCE_LIMIT), source)
        label += f'<br/><font size="7.5" color="#5B6770">“{sentence}”</font>'
    is_date = f.value is None and f.unit.strip().lower() == "date"
    as_of = "—" if is_date else (i18n.fmt_partial(f.as_of, ctx.lang) or "—")
    return [
        ctx.markup(label, "td"),
        ctx.para(figure_value(f, ctx.lang), "td-right"),
        ctx.para(as_of, "td"),
        ctx.markup(ctx.citer.mark(cited.reference, f.locator), "td"),
    ]


def figure_value(figure: Figure, lang: Language) -> str:
    """"over 430 attacks", "plus de 430 attaques", "38%", "38 %" (plain text).

    A figure that is a date (unit "date", no value) prints its as-of date.
    """
    unit = figure.unit.strip().lower()
    if figure.value is None and unit == "date":
        return i18n.fmt_partial(figure.as_of, lang) or "—"
    number = ""
    if figure.value is not None:
        decimals = 0 if float(figure.value).is_integer() else 1
        number = i18n.fmt_number(figure.value, lang, decimals)
    if unit in PERCENT_UNITS:
        text = number + ("\u00a0%" if lang == "fr" else "%")
    else:
        text = f"{number} {labels.unit(figure.unit, lang, figure.value)}".strip()
    if figure.qualifier:
        text = f"{labels.qualifier(figure.qualifier, lang)} {text}"
    return text or "—"


# --- Chronology ---------------------------------------------------------------------------------


def chronology(ctx: Context) -> list[Flowable]:
    """Dated facts in date order: date (to its precision), event, citation."""
    items = ctx.briefing.chronology
    if not items:
        return []
    header = [ctx.para(ctx.t(k), s) for k, s in (("chrono-date", "th"), ("chrono-event", "th"), ("sf-source", "th"))]
    rows = [header, *([
        ctx.para(i18n.fmt_partial(item.day, ctx.lang), "td-strong"),
        ctx.para(item.text, "td"),
        ctx.markup(ctx.citer.mark(item.reference) if item.reference else "—", "td"),
    ] for item in items)]
    table = data_table(rows, share_widths(ctx.width, _widths(ctx, (24, 66, 10))))
    return [ctx.heading(ctx.t("chronology")), ctx.para(intro(ctx, "chrono-intro"), "intro"), table]


# --- References --------------------------------------------------------------------------------


def _widths(ctx: Context, shares: tuple[int, ...]) -> tuple[int, ...]:
    """Column shares of a table whose last column cites: wider for in-text citations."""
    citer = ctx.citer
    if citer.numbered_list or citer.uses_notes:
        return shares
    widest = shares.index(max(shares[:-1]))
    return tuple(share - 10 if i == widest else share + 10 if i == len(shares) - 1 else share
                 for i, share in enumerate(shares))


def references(ctx: Context) -> list[Flowable]:
    """The reference list in the citer's order: numbered "[n]" entries, or alphabetical ones
    with a hanging indent."""
    entries = ctx.citer.entries()
    if not entries:
        return []
    if ctx.citer.numbered_list:
        rows = [[ctx.markup(e.label, "reference-num"), ctx.markup(e.markup, "reference")] for e in entries]
        widths = [10 * mm, ctx.width - 10 * mm]
    else:
        hanging = ParagraphStyle("reference-hanging", parent=ctx.styles["reference"], leftIndent=HANG,
                                 firstLineIndent=-HANG)
        rows = [[Paragraph(e.markup, hanging)] for e in entries]
        widths = [ctx.width]
    table = Table(rows, colWidths=widths, hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    return [ctx.heading(ctx.t("references")), table]
