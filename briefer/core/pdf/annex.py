"""The incident annex and the data note.

Contract: `incidents(ctx)` starts a new page with a table (header repeated on every page, all
cells wrapped Paragraphs, notes shortened) or returns [] when there is no incident.
`data_note(ctx)` always returns the data note: the synthetic-data statement when the data are
synthetic, the datasets with publisher, licence, attribution and access date, the share of events
with low geographic or time precision, the revision caveat and the method in one paragraph; a
redacted briefing says so after the synthetic statement, and its incidents show only their region.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from briefer.core import i18n
from briefer.core import labels as core_labels
from briefer.core.domain import Dataset, Incident
from briefer.core.pdf import labels
from briefer.core.pdf.context import Context, keep_first
from briefer.core.pdf.cover import warning_box
from briefer.core.pdf.markup import breakable, esc, percent, shorten, url_link
from briefer.core.pdf.styles import RULE
from briefer.core.pdf.tables import SPLIT_IN_ROW, data_table, share_widths, table_style

NOTES_LIMIT = 220
ACTORS_LIMIT = 120
DATE_WIDTH = 60.0
DEATHS_WIDTH = 40.0


# --- Incidents -------------------------------------------------------------------------------


def incidents(ctx: Context) -> list[Flowable]:
    rows_in = ctx.briefing.incidents
    if not rows_in:
        return []
    with_notes = any(i.notes for i in rows_in)  # redacted briefings carry no descriptions
    columns = [("inc-date", "th"), ("inc-location", "th"), ("inc-type", "th"), ("inc-actors", "th"),
               ("inc-fatalities", "th-right")] + ([("inc-notes", "th")] if with_notes else [])
    header = [ctx.para(ctx.t(k), s) for k, s in columns]
    several = len(ctx.briefing.countries) > 1
    rows = [header, *(_incident_row(ctx, i, several)[:len(columns)] for i in rows_in)]
    shares = (14, 17, 17, 38) if with_notes else (24, 30, 46)
    rest = share_widths(ctx.width - DATE_WIDTH - DEATHS_WIDTH, shares)
    table = data_table(rows, [DATE_WIDTH, *rest[:3], DEATHS_WIDTH, *rest[3:]])
    intro = ctx.para(ctx.t("inc-intro"), "intro")
    start = [] if ctx.briefing.report is not None else [PageBreak()]  # short formats run on (depth5)
    return [*start, ctx.heading(ctx.t("incidents")), intro, table]


def _incident_row(ctx: Context, incident: Incident, several: bool) -> list[Paragraph]:
    lang = ctx.lang
    region = ", ".join(x for x in (incident.admin1, _country_name(ctx, incident.country) if several else "") if x)
    if ctx.briefing.data_note.redacted and not incident.location:
        place = f"<b>{esc(region or '—')}</b>"  # redacted: the region is the most precise place
    else:
        place = f"<b>{esc(incident.location or '—')}</b>"
        if region:
            place += f'<br/><font color="#5B6770">{esc(region)}</font>'
    kind = ctx.esc(breakable(core_labels.event_type(incident.event_type, lang)))
    if incident.sub_event_type:
        sub = breakable(labels.sub_event_type(incident.sub_event_type, lang))
        kind += f'<br/><font color="#5B6770">{ctx.esc(sub)}</font>'
    return [
        ctx.para(i18n.fmt_date(incident.day, lang, "medium"), "td-notes"),
        ctx.markup(place, "td-notes"),
        ctx.markup(kind, "td-notes"),
        Paragraph(esc(short_actors(incident.actors) or "—"), ctx.styles["td-notes"]),
        ctx.para(i18n.fmt_number(incident.fatalities, lang), "td-notes-right"),
        Paragraph(esc(shorten(incident.notes, NOTES_LIMIT)), ctx.styles["td-notes"]),
    ]


def short_actors(actors: str) -> str:
    """ACLED's "JNIM: Group for Support of Islam and Muslims" shortened to its acronym "JNIM".

    Each actor (separated by " — ") keeps its name when it has no short "ACRONYM: " prefix.
    """
    parts = []
    for actor in actors.split(" — "):
        head, sep, _ = actor.partition(": ")
        parts.append(head if sep and len(head) <= 14 and " " not in head else actor)
    return shorten(" — ".join(parts), ACTORS_LIMIT)


def _country_name(ctx: Context, iso3: str) -> str:
    for country in ctx.briefing.countries:
        if country.iso3 == iso3:
            return country.name(ctx.lang)
    return iso3


# --- Data note --------------------------------------------------------------------------------


def data_note(ctx: Context) -> list[Flowable]:
    note = ctx.briefing.data_note
    story: list[Flowable] = [ctx.heading(ctx.t("data-note"))]
    if note.synthetic and ctx.briefing.report is None:  # a short format's header block carries it (depth5)
        story += [warning_box(ctx), Spacer(1, 2 * mm)]
    if note.redacted:
        story += [ctx.heading(ctx.t("dn-redacted-title"), level=1, toc=False), ctx.para(ctx.t("dn-redacted"), "body")]
    blocks = [_dataset_block(ctx, d) for d in note.datasets] or [ctx.para(ctx.t("dn-no-dataset"), "body")]
    story += keep_first([ctx.heading(ctx.t("dn-datasets"), level=1, toc=False)], blocks)
    story.append(KeepTogether([ctx.heading(ctx.t("dn-quality"), level=1, toc=False), *_quality(ctx)]))
    story += [ctx.heading(ctx.t("dn-method-title"), level=1, toc=False), ctx.para(_method(ctx), "body")]
    return story


def _dataset_block(ctx: Context, dataset: Dataset) -> Flowable:
    name = f"<b>{esc(dataset.name)}</b>"
    if dataset.synthetic:
        name += f' <font color="#A4261D">({ctx.esc(ctx.t("dn-synthetic-flag"))})</font>'
    fields = [
        ("dn-publisher", esc(dataset.publisher)),
        ("dn-licence", esc(dataset.licence)),
        ("dn-attribution", esc(dataset.attribution)),
        ("dn-accessed", ctx.esc(i18n.fmt_date(dataset.accessed, ctx.lang)) if dataset.accessed else ""),
        ("dn-url", url_link(dataset.url) if dataset.url else ""),
    ]
    rows = [[ctx.markup(name, "dn-value"), ""]]
    rows += [[ctx.para(ctx.t(key), "dn-label"), ctx.markup(value, "dn-value")] for key, value in fields if value]
    table = Table(rows, colWidths=[34 * mm, ctx.width - 34 * mm], hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("SPAN", (0, 0), (-1, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ]))
    table.spaceAfter = 6
    return KeepTogether([table])


def _quality(ctx: Context) -> list[Flowable]:
    note, lang = ctx.briefing.data_note, ctx.lang
    story: list[Flowable] = []
    if note.event_count:
        story.append(ctx.para(ctx.t(
            "dn-precision", n=i18n.fmt_number(note.event_count, lang),
            geo=percent(note.low_geo_precision_share * 100, lang, signed=False),
            time=percent(note.low_time_precision_share * 100, lang, signed=False)), "body"))
    if note.open_to_revision_from:
        story.append(ctx.para(ctx.t("dn-revision", date=i18n.fmt_date(note.open_to_revision_from, lang)), "body"))
    else:
        story.append(ctx.para(ctx.t("dn-revision-generic"), "body"))
    return story


def _method(ctx: Context) -> str:
    """The method paragraph; with a longer comparison period (weekly update), says how it is normalised."""
    trend = ctx.briefing.trends
    if trend is None or not trend.scaled:
        return ctx.t("dn-method")
    return ctx.t("dn-method-scaled", days=trend.previous.days)
