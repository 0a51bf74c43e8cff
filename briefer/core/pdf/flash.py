"""The flash report's summary: what happened, where, the toll and the nearest context.

Contract: `flash_summary(ctx)` returns the heading and, under "What happened", each incident
(date, place, type, actors, deaths, its description as stored); then the regions, the toll (events
and fatalities, counts of one dataset), and the same regions' events in the days before. [] when
the briefing has no flash facts.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from briefer.core import i18n, labels
from briefer.core.domain import Incident, Language
from briefer.core.pdf.context import Context
from briefer.core.pdf.labels import sub_event_type, unit
from briefer.core.pdf.markup import join_names, shorten

NOTES_LIMIT = 220
MAP_RATIO = (0.42, 0.55)  # a flatter map than a country brief's, to keep the report to two pages


def flash_summary(ctx: Context) -> list[Flowable]:
    facts = ctx.briefing.flash
    if facts is None:
        return []
    story: list[Flowable] = [ctx.heading(ctx.t("flash-summary"))]
    if not facts.incidents:
        story.append(ctx.para(ctx.t("flash-no-incident"), "body"))
    for incident in facts.incidents:
        story.append(ctx.markup(_incident(ctx, incident), "body"))
    lang, n = ctx.lang, i18n.fmt_number
    where = join_names([p[0] for p in facts.places], ctx.t("and"))
    story.append(ctx.heading(ctx.t("flash-toll"), level=1))
    totals = ctx.briefing.data_note.event_count, sum(p[2] for p in facts.places)
    story.append(ctx.para(ctx.t("flash-toll-text", events=n(totals[0], lang), fatalities=n(totals[1], lang),
                                regions=where or "—"), "body"))
    story.append(ctx.heading(ctx.t("flash-context"), level=1))
    story.append(ctx.para(ctx.t("flash-context-intro", days=facts.context_period.days,
                                period=i18n.fmt_period(facts.context_period, lang)), "body"))
    rows = [ctx.t("flash-context-row", region=name, events=_count(e, "events", lang), fatalities=_count(f, "deaths", lang))
            for name, e, f in facts.context]
    story.append(ctx.para("; ".join(rows) + ".", "body"))
    return story


def _count(value: int, word: str, lang: Language) -> str:
    """"1 event", "3 events", "1 événement" (singular and plural in the briefing's language)."""
    return f"{i18n.fmt_number(value, lang)} {unit(word, lang, value)}"


def _incident(ctx: Context, incident: Incident) -> str:
    """"<b>7 September 2023 — Bamba, Gao</b>. Attack; JNIM — Civilians. 64 deaths. Notes…"."""
    lang = ctx.lang
    place = ", ".join(dict.fromkeys(p for p in (incident.location, incident.admin1) if p))
    head = f"{i18n.fmt_date(incident.day, lang)} — {place}" if place else i18n.fmt_date(incident.day, lang)
    kind = sub_event_type(incident.sub_event_type, lang) or labels.event_type(incident.event_type, lang)
    deaths = f"{i18n.fmt_number(incident.fatalities, lang)} {ctx.t('inc-fatalities').lower()}"
    parts = [f"<b>{ctx.esc(head)}</b>", ctx.esc(f"{kind}; {incident.actors}" if incident.actors else kind), ctx.esc(deaths)]
    text = ". ".join(parts) + "."
    if incident.notes:
        text += " " + ctx.esc(shorten(incident.notes, NOTES_LIMIT))
    return text


def flash_map(ctx: Context) -> list[Flowable]:
    """The map zoomed on the events, as a numbered figure without a section heading ([] without a map)."""
    from briefer.core.charts.maplegend import figure_height
    from briefer.core.pdf.visuals import figure_block

    data = ctx.briefing.map
    return [] if data is None else [figure_block(ctx, data, figure_height(data, ctx.width, MAP_RATIO))]
