"""What the sources say: quotations, figures reported by sources, and the reference list.

Contract: every citation `[n]` is an internal link to the anchor `ref-n` set on entry n of the
reference list. Source text (quotations, titles, figure labels) is escaped and keeps the
typography of the source's own language; it is never translated. Builders return [] when they
have nothing to show.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from briefer.core import i18n
from briefer.core.domain import CitedFigure, CitedQuotation, Figure, Language, Source
from briefer.core.pdf import labels
from briefer.core.pdf.context import Context, keep_first
from briefer.core.pdf.markup import citation, esc, join_names, ref_anchor, shorten, url_link
from briefer.core.pdf.styles import TEAL
from briefer.core.pdf.tables import SPLIT_IN_ROW, data_table, share_widths, table_style

QUOTE_INDENT = 7 * mm
ATTRIBUTION_TITLE = 90  # characters of a source title in an attribution line (in full in the references)
LABEL_LIMIT, SENTENCE_LIMIT = 200, 320  # characters shown in the figures table
PERCENT_UNITS = frozenset({"percent", "per cent", "%", "pourcent", "pour cent"})


def _sources(ctx: Context) -> dict[int, Source]:
    return {r.number: r.source for r in ctx.briefing.references}


def source_esc(text: str, source: Source | None) -> str:
    """Escape text taken from a source, with French typography only if the source is French."""
    lang: Language | None = "fr" if source is not None and source.language.startswith("fr") else None
    return esc(text, lang)


# --- Quotations ------------------------------------------------------------------------------


def quotations(ctx: Context) -> list[Flowable]:
    cited = ctx.briefing.quotations
    if not cited:
        return []
    sources = _sources(ctx)
    leading = [ctx.heading(ctx.t("quotations")), ctx.para(ctx.t("quotations-intro"), "intro")]
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


def withheld(ctx: Context, source: Source | None) -> bool:
    """True when the briefing is redacted and `source` is protected: it must not be named."""
    return source is not None and source.protected and ctx.briefing.data_note.redacted


def attribution(ctx: Context, cited: CitedQuotation, source: Source | None) -> str:
    """"— Speaker, in Title (Publisher, date), para. 4 [3]" as markup ("— Protected source [3]"
    for a protected source in a redacted briefing: no speaker or locator either)."""
    q, lang = cited.quotation, ctx.lang
    if withheld(ctx, source):
        text = "— " + ctx.esc(ctx.t("protected-source"))
        if q.paraphrase:
            text += f" ({ctx.esc(ctx.t('paraphrase'))})"
        return f"{text}\u00a0{citation(cited.reference)}"
    where = ""
    if source is not None:
        where = f"<i>{source_esc(shorten(source.title, ATTRIBUTION_TITLE), source)}</i>"
        details = [x for x in (source.publisher or source.container, _source_date(source, lang)) if x]
        if details:
            where += f" ({ctx.esc(', '.join(details))})"
    if q.speaker and where:
        lead = f"{source_esc(q.speaker, source)}, {ctx.esc(ctx.t('in'))} {where}"
    else:
        lead = source_esc(q.speaker, source) if q.speaker else where
    locator = localise_locator(q.locator, lang)
    text = "— " + lead + (f", {ctx.esc(locator)}" if locator else "")
    if q.paraphrase:
        text += f" ({ctx.esc(ctx.t('paraphrase'))})"
    return f"{text}\u00a0{citation(cited.reference)}"


def localise_locator(locator: str, lang: Language) -> str:
    """"para. 4" stays in English; in French it becomes "§ 4" (other locators unchanged)."""
    if lang == "fr":
        for prefix in ("para. ", "paras. ", "paragraph "):
            if locator.startswith(prefix):
                return "§\u00a0" + locator[len(prefix):]
    return locator


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
    table = data_table(rows, share_widths(ctx.width, (52, 22, 15, 11)))
    return [ctx.heading(ctx.t("source-figures")), ctx.para(ctx.t("sf-intro"), "intro"), table]


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
        ctx.markup(citation(cited.reference), "td"),
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
        ctx.markup(citation(item.reference) if item.reference else "—", "td"),
    ] for item in items)]
    table = data_table(rows, share_widths(ctx.width, (24, 66, 10)))
    return [ctx.heading(ctx.t("chronology")), ctx.para(ctx.t("chrono-intro"), "intro"), table]


# --- References --------------------------------------------------------------------------------


def references(ctx: Context) -> list[Flowable]:
    refs = ctx.briefing.references
    if not refs:
        return []
    rows = [[ctx.markup(f"[{r.number}]", "reference-num"), ctx.markup(reference_entry(ctx, r.number, r.source), "reference")]
            for r in refs]
    table = Table(rows, colWidths=[10 * mm, ctx.width - 10 * mm], hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    return [ctx.heading(ctx.t("references")), table]


def reference_entry(ctx: Context, number: int, source: Source) -> str:
    """One entry: authors. Title. Container, publisher, date. URL (accessed …). Note."""
    lang = ctx.lang
    parts: list[str] = [f'<a name="{ref_anchor(number)}"/>']
    if withheld(ctx, source):
        return parts[0] + ctx.esc(ctx.t("protected-source")) + "."
    if source.authors:
        parts.append(source_esc(join_names(list(source.authors), ctx.t("and")), source) + ". ")
    parts.append(f"<i>{source_esc(source.title, source)}</i>" + _stop(source.title))
    where = [x for x in (source.container, source.publisher) if x]
    date = i18n.fmt_partial(source.published, lang) or ctx.t("no-date")
    parts.append(" " + source_esc(", ".join([*dict.fromkeys(where), date]), source) + ".")
    if source.url:
        parts.append(" " + url_link(source.url))
        if source.accessed:
            accessed = ctx.t("accessed", date=i18n.fmt_date(source.accessed, lang))
            parts.append(" " + ctx.esc(f"({accessed})") + ".")
        else:
            parts.append(".")
    if source.note:
        parts.append(f' <font color="#5B6770">{source_esc(source.note, source)}</font>')
    return "".join(parts)


def _stop(title: str) -> str:
    """The full stop after a title, unless it already ends with punctuation."""
    return "" if title.rstrip()[-1:] in ".?!…" else "."
