"""(store, selection, template, options) -> Briefing: everything the PDF will show, resolved.

Contract: `assemble` reads the store once per need, never writes, and returns a `Briefing` whose
texts are final (in the briefing's language) and whose references are numbered in order of first
citation. Unknown countries or topics raise SelectionError; an empty selection gives a Briefing
with `empty` True. Quotations are taken in the user's order when `options.quotation_ids` is set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from briefer.core import analysis as an
from briefer.core import assemble_depth, i18n, labels, ranking, reports, trends
from briefer.core.charts import geo
from briefer.core.citations import resolve_style
from briefer.core.domain import (
    TRENDS,
    Briefing,
    BriefingOptions,
    ChartData,
    ChronologyItem,
    CitedFigure,
    CitedQuotation,
    Country,
    DataNote,
    Figure,
    Incident,
    KeyDate,
    KeyFigure,
    Language,
    MapData,
    MapLabel,
    MapRegion,
    PartialDate,
    Quotation,
    Reference,
    Selection,
    Series,
    Source,
    SourceId,
    Topic,
)
from briefer.core.errors import SelectionError, ValidationError
from briefer.core.store import reads
from briefer.core.store.db import Store
from briefer.core.templates import Template

REVISION_WEEKS = 4  # the last weeks of a living dataset are still being revised


def assemble(store: Store, selection: Selection, template: Template, options: BriefingOptions) -> Briefing:
    """Build the Briefing (see module contract)."""
    lang = options.language
    countries = _countries(store, selection)
    topic = _topic(store, selection.topic)
    sections = options.sections or template.sections
    trend = trends.settings(template, selection.period)
    result = an.analyse(store, selection, incidents=template.incidents, previous=trend.previous)
    baseline = trends.baseline_totals(store, result, trend)
    depth = assemble_depth.with_country_rows(
        assemble_depth.depth_fields(store, result, template, options, trend, countries, sections),
        result, trend, countries, lang, baseline[0])
    quotations = _quotations(store, selection, topic, options, template)
    figures = _figures(store, selection, options, template)
    chronology = _chronology_entries(store, selection, lang)
    cited = [q.source_id for q in quotations] + [f.source_id for f in figures]
    if "chronology" not in sections:  # depth5: no reference for a chronology that is not printed
        chronology = []
    references, numbers = _references(store, cited + [sid for _, _, sid in chronology if sid is not None],
                                      options.redact)
    key_dates = _key_dates(store, selection)
    briefing = Briefing(
        title=options.title or _default_title(countries, topic, lang),
        subtitle=options.subtitle or labels.text("default-subtitle", lang, period=i18n.fmt_period(selection.period, lang)),
        author=options.author,
        organisation=options.organisation,
        issued=options.issued or dt.date.today(),
        marking=options.marking,
        language=lang,
        paper=options.paper,
        template=template.name,
        selection=selection,
        countries=countries,
        topic=topic,
        sections=sections,
        key_messages=options.key_messages,
        key_figures=trends.key_figures(_key_figures(result, countries, lang), result, trend, baseline),
        source_figures=tuple(CitedFigure(f, numbers[f.source_id]) for f in figures),
        charts=_charts(result, template, topic, countries, key_dates, lang, depth),
        quotations=tuple(CitedQuotation(q, numbers[q.source_id]) for q in quotations),
        references=references,
        incidents=tuple(redact_incident(i) for i in result.incidents) if options.redact else tuple(result.incidents),
        data_note=replace(_data_note(store, result), redacted=options.redact),
        key_dates=key_dates,
        chronology=tuple(ChronologyItem(day, text, numbers.get(sid) if sid else None) for day, text, sid in chronology),
        map=_map(store, result, template, topic, countries, lang, options.redact),
        **depth,
    )
    return with_citations_and_analysis(briefing, template, options)


def with_citations_and_analysis(briefing: Briefing, template: Template, options: BriefingOptions) -> Briefing:
    """cite5: the citation style (the options' or the template's) and the analyst's input."""
    style, csl = resolve_style(options.citation_style or template.citation_style)
    if options.overall_trend not in ("", *TRENDS):
        raise ValidationError.of("ana-unknown-trend", value=options.overall_trend, options=", ".join(TRENDS))
    return replace(briefing, citation_style=style, csl=csl, notes=template.notes, outlook=options.outlook.strip(),
                   overall_trend=options.overall_trend, risks=options.risks)


def _countries(store: Store, selection: Selection) -> tuple[Country, ...]:
    known = {c.iso3: c for c in reads.countries(store, selection.countries)}
    missing = [c for c in selection.countries if c not in known]
    if missing:
        raise SelectionError.of("sel-unknown-country-code", code=missing[0])
    return tuple(known[c] for c in selection.countries)


def _topic(store: Store, slug: str) -> Topic:
    topics = {t.slug: t for t in reads.topics(store)}
    if slug not in topics:
        raise SelectionError.of("sel-unknown-topic", slug=slug, known=", ".join(topics))
    return topics[slug]


def _default_title(countries: tuple[Country, ...], topic: Topic, lang: Language) -> str:
    """"Mali: Peacekeeping and MINUSMA"; in French the topic is not capitalised after the colon."""
    label = topic.label(lang)
    if lang == "fr" and label[:2].istitle():
        label = label[0].lower() + label[1:]
    return labels.text("default-title", lang, countries=_names(countries, lang), topic=label)


def _names(countries: tuple[Country, ...], lang: Language) -> str:
    names = [c.name(lang) for c in countries]
    if len(names) <= 1:
        return "".join(names)
    joiner = " et " if lang == "fr" else " and "
    return ", ".join(names[:-1]) + joiner + names[-1]


def _quotations(store: Store, selection: Selection, topic: Topic, options: BriefingOptions, template: Template) -> list[Quotation]:
    if options.quotation_ids is not None:
        by_id = {q.id: q for q in reads.quotations(store, options.quotation_ids)}
        missing = [i for i in options.quotation_ids if i not in by_id]
        if missing:
            raise SelectionError.of("sel-no-quotation", id=missing[0])
        return [by_id[i] for i in options.quotation_ids]
    count = template.quotations if options.top_quotations is None else options.top_quotations
    if count == 0:  # the app's preview asks for none (it ranks them itself): no ranking to cut to nothing
        return []
    return ranking.rank_quotations(store, selection, topic)[:count]


def _figures(store: Store, selection: Selection, options: BriefingOptions, template: Template) -> list[Figure]:
    """Figures with a value (dates go to the chronology), the user's choice or the best ranked."""
    ranked = [f for f in ranking.rank_figures(store, selection) if not is_date_figure(f)]
    if options.figure_ids is not None:
        by_id = {f.id: f for f in ranked}
        return [by_id[i] for i in options.figure_ids if i in by_id]
    return ranked[: template.figures]


def _references(store: Store, cited: list[SourceId], redact: bool = False) -> tuple[tuple[Reference, ...], dict[SourceId, int]]:
    """Sources numbered in order of first citation (protected ones stripped when redacting)."""
    order = list(dict.fromkeys(cited))
    sources: dict[SourceId, Source] = reads.sources(store, order)
    if redact:
        sources = {sid: redact_source(s) if s.protected else s for sid, s in sources.items()}
    numbers = {sid: n for n, sid in enumerate(order, 1)}
    return tuple(Reference(numbers[sid], sources[sid]) for sid in order), numbers


def redact_source(source: Source) -> Source:
    """A protected source with nothing that names it: no title, author, publisher, date, URL or note."""
    return Source(id=source.id, title="", language=source.language, protected=True)


def redact_incident(incident: Incident) -> Incident:
    """The incident at its region only: the location and the notes (which name places) are dropped."""
    return replace(incident, location="", notes="")


def is_date_figure(figure: Figure) -> bool:
    return figure.value is None and figure.unit.strip().lower() == "date"


def _chronology_entries(store: Store, selection: Selection, lang: Language) -> list[tuple[PartialDate, str, SourceId | None]]:
    """Dated facts for the countries: curated key dates first, then date figures on other days.

    Kept: facts on the selection's topic, and any fact from a year before the period to a month after.
    """
    wanted = set(selection.countries)
    start = selection.period.start - dt.timedelta(days=365)
    end = selection.period.end + dt.timedelta(days=31)

    def keep(day: dt.date, topics: tuple[str, ...]) -> bool:
        return day <= end and (selection.topic in topics or day >= start)

    entries: dict[str, tuple[PartialDate, str, SourceId | None]] = {}
    for k in reads.key_dates(store):
        if (not k.countries or wanted.intersection(k.countries)) and keep(k.day, k.topics):
            entries.setdefault(k.day.isoformat(), (PartialDate(k.day.isoformat()), k.label(lang), k.source_id))
    for f in ranking.rank_figures(store, selection):
        if is_date_figure(f) and f.as_of is not None and keep(f.as_of.first_day(), (f.topic,)):
            entries.setdefault(f.as_of.iso, (f.as_of, f.display_label(lang), f.source_id))
    return sorted(entries.values(), key=lambda e: (e[0].first_day(), e[0].iso))


def _key_dates(store: Store, selection: Selection) -> tuple[KeyDate, ...]:
    wanted = set(selection.countries)
    return tuple(
        k for k in reads.key_dates(store)
        if selection.period.contains(k.day) and (not k.countries or wanted.intersection(k.countries))
    )


def _key_figures(result: an.Analysis, countries: tuple[Country, ...], lang: Language) -> tuple[KeyFigure, ...]:
    """Topic rows, then the political-violence context, then one row per country when several."""
    now, before = result.totals, result.previous
    ctx, ctx_before = result.context, result.context_previous
    rows = [
        KeyFigure("events", labels.text("kf-events", lang), an.compare(now.events, before.events)),
        KeyFigure("fatalities", labels.text("kf-fatalities", lang), an.compare(now.fatalities, before.fatalities)),
        KeyFigure("context-events", labels.text("kf-context-events", lang),
                  an.compare(ctx.events, ctx_before.events), "context"),
        KeyFigure("context-fatalities", labels.text("kf-context-fatalities", lang),
                  an.compare(ctx.fatalities, ctx_before.fatalities), "context"),
        KeyFigure("civilian-events", labels.text("kf-civilian-events", lang),
                  an.compare(ctx.civilian_events, ctx_before.civilian_events), "context"),
        KeyFigure("civilian-fatalities", labels.text("kf-civilian-fatalities", lang),
                  an.compare(ctx.civilian_fatalities, ctx_before.civilian_fatalities), "context"),
    ]
    if len(countries) > 1:
        for country in countries:
            current = result.by_country.get(country.iso3, an.Totals()).events
            label = labels.text("kf-country-events", lang, country=country.name(lang))
            previous = result.previous_by_country.get(country.iso3, an.Totals()).events
            rows.append(KeyFigure(f"events-{country.iso3}", label, an.compare(current, previous), "country"))
    return tuple(rows)


def _charts(result: an.Analysis, template: Template, topic: Topic, countries: tuple[Country, ...],
            key_dates: tuple[KeyDate, ...], lang: Language, depth: dict[str, Any]) -> tuple[ChartData, ...]:
    if result.dataset is None:
        return ()
    line = _source_line(result, topic, countries, lang)
    trend = depth["trends"]
    builders = {
        "country-comparison": lambda: assemble_depth.country_chart(depth["country_rows"], trend, line, lang),
        "timeline": lambda: _timeline(result, line, key_dates, lang),
        "event-types": lambda: _bars("event-types", [(labels.event_type(t, lang), n) for t, n, _ in result.by_type], line, lang, 0),
        "admin1": lambda: assemble_depth.mark_surges(
            _bars("admin1", _admin1_rows(result, countries, lang)[: template.top_regions], line, lang, template.top_regions),
            depth["regions"], trend, lang),
        "actors": lambda: _bars("actors", [(a, n) for a, n, _ in result.by_actor][: template.top_actors], line, lang, template.top_actors),
    }
    return tuple(builders[key]() for key in template.charts if key in builders)


def _source_line(result: an.Analysis, topic: Topic, countries: tuple[Country, ...], lang: Language) -> str:
    dataset = result.dataset
    assert dataset is not None
    filters = labels.text("filters", lang, countries=_names(countries, lang),
                          period=i18n.fmt_period(result.selection.period, lang), topic=topic.label(lang))
    accessed = i18n.fmt_date(dataset.accessed, lang) if dataset.accessed else "—"
    line = labels.text("source-line", lang, dataset=dataset.name, publisher=dataset.publisher, accessed=accessed, filters=filters)
    return (labels.text("source-line-synthetic", lang) if dataset.synthetic else "") + line


def _timeline(result: an.Analysis, line: str, key_dates: tuple[KeyDate, ...], lang: Language) -> ChartData:
    starts, events, deaths = an.series_by_bucket(result)
    unit = labels.text(an.buckets(result.selection.period), lang)
    return ChartData(
        key="timeline", kind="timeline",
        title=labels.text("chart-timeline", lang, unit=unit),
        caption=labels.text("chart-timeline-caption", lang, unit=unit),
        source_line=line, categories=(),
        series=(Series(labels.text("series-events", lang), tuple(float(v) for v in events)),
                Series(labels.text("series-fatalities", lang), tuple(float(v) for v in deaths))),
        dates=tuple(starts), markers=key_dates,
    )


def _bars(key: str, rows: list[tuple[str, int]], line: str, lang: Language, n: int) -> ChartData:
    return ChartData(
        key=key, kind="bars",
        title=labels.text(f"chart-{key}", lang),
        caption=labels.text(f"chart-{key}-caption", lang, n=n),
        source_line=line,
        categories=tuple(name for name, _ in rows),
        series=(Series(labels.text("series-events", lang), tuple(float(v) for _, v in rows)),),
    )


def _admin1_rows(result: an.Analysis, countries: tuple[Country, ...], lang: Language) -> list[tuple[str, int]]:
    several = len(countries) > 1
    names = {c.iso3: c.name(lang) for c in countries}
    return [(f"{adm or '—'} ({names[iso]})" if several else (adm or "—"), n) for iso, adm, n, _ in result.by_admin1]


def _data_note(store: Store, result: an.Analysis) -> DataNote:
    """Datasets, precision shares and, when the period reaches the dataset's last weeks, the date
    from which its events are still provisional."""
    total = result.totals.events
    datasets = tuple(d for d in [result.dataset, *result.other_datasets] if d is not None)
    revision = None
    if result.dataset is not None and total:
        newest = reads.newest_event(store, result.dataset.id)
        start = newest - dt.timedelta(weeks=REVISION_WEEKS) if newest else None
        revision = start if start and start <= result.selection.period.end else None
    return DataNote(
        datasets=datasets,
        event_count=total,
        low_geo_precision_share=result.low_geo / total if total else 0.0,
        low_time_precision_share=result.low_time / total if total else 0.0,
        open_to_revision_from=revision,
        synthetic=any(d.synthetic for d in datasets),
    )


# --- The map -------------------------------------------------------------------------------------

_MAP_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Map of events", "Carte des événements"),
    "caption": (
        ("Each circle is a place where events on this topic were recorded in the period (places "
         "grouped to about 1 km); its area is proportional to the fatalities reported there. White "
         "rings: places with events but no fatality reported."),
        ("Chaque cercle est un lieu où des événements liés au thème ont été enregistrés sur la "
         "période (lieux regroupés à 1 km près environ) ; sa surface est proportionnelle aux décès "
         "rapportés. Anneaux blancs : lieux d’événements sans décès rapporté."),
    ),
    "merged": (" Nearby places are merged at this scale.", " Les lieux voisins sont fusionnés à cette échelle."),
    "unlocated": (" {n} events without coordinates are not shown.",
                  " {n} événements sans coordonnées ne sont pas représentés."),
    "unlocated-one": (" One event without coordinates is not shown.",
                      " Un événement sans coordonnées n’est pas représenté."),
    "redacted": (
        ("Event places are not shown: this edition is redacted for wider release and gives no place "
         "more precise than the region."),
        ("Les lieux des événements ne sont pas représentés : cette édition, expurgée pour une diffusion "
         "élargie, ne donne aucun lieu plus précis que la région."),
    ),
    "boundaries": ("Boundaries: Natural Earth (public domain).", "Limites : Natural Earth (domaine public)."),
    "disclaimer": (
        "The boundaries and names shown do not imply official endorsement or acceptance.",
        "Les frontières et les noms indiqués n’impliquent ni reconnaissance ni acceptation officielles.",
    ),
    "size-legend": ("Reported fatalities", "Décès rapportés"),
    "zero-legend": ("no fatality reported", "aucun décès rapporté"),
    "region-legend": ("Events per region", "Événements par région"),
    "unmatched": (" Regions without an outline in the boundary file (their events are shown as points only): {names}.",
                  (" Régions sans contour dans le fichier de limites (leurs événements ne figurent que sous forme "
                   "de points) : {names}.")),
    "regions-file": ("Regions: {files}.", "Régions : {files}."),
}


MAP_REGION_NAMES = 8  # on a map of several countries, only the busiest regions are named


def _map_text(key: str, lang: Language, **values: object) -> str:
    english, french = _MAP_TEXT[key]
    return (french if lang == "fr" else english).format(**values)


def _map(store: Store, result: an.Analysis, template: Template, topic: Topic, countries: tuple[Country, ...],
         lang: Language, redact: bool = False) -> MapData | None:
    """The map of events when the template asks for one and briefer has outlines for every
    selected country (Africa and the shores facing it); None otherwise. When redacting, the map
    keeps the outlines and region names but shows no event point."""
    selection = result.selection
    frame = geo.frame_for(selection.countries)
    if "map" not in template.charts or frame is None:
        return None
    dataset_id = result.dataset.id if result.dataset else None
    located, unlocated = an.event_locations(store, selection, dataset_id)
    if template.map_frame == "events":  # depth5: a flash report's map zooms on the events and their regions
        busy = {(iso, adm) for iso, adm, _, _ in result.by_admin1}
        anchors = [(p[3], p[4]) for p in an.admin1_places(store, selection.countries) if (p[0], p[1]) in busy]
        frame = reports.zoom(frame, located, anchors)
    points = geo.thin(located, frame)
    caption = _map_text("caption", lang)
    if len(points) < len(located):
        caption += _map_text("merged", lang)
    if unlocated:
        n = i18n.fmt_number(unlocated, lang)
        caption += _map_text("unlocated-one", lang) if unlocated == 1 else _map_text("unlocated", lang, n=n)
    regions, unmatched = _map_regions(store, result)
    if unmatched:
        caption += _map_text("unmatched", lang, names=_region_names(store, selection.countries, unmatched, lang))
    if redact:
        points, caption = (), _map_text("redacted", lang)
    charts = [k for k in template.charts if k != "map"]
    return MapData(
        key="map",
        title=_map_text("title", lang),
        caption=caption,
        source_line=_map_source_line(result, topic, countries, lang, reads.boundary_files(store, selection.countries)),
        disclaimer=_map_text("disclaimer", lang),
        countries=selection.countries,
        frame=frame,
        points=points,
        labels=_map_labels(store, result, countries, frame, lang),
        size_legend=_map_text("size-legend", lang),
        zero_legend=_map_text("zero-legend", lang),
        region_legend=_map_text("region-legend", lang),
        regions=regions,
        position=len([k for k in template.charts[: template.charts.index("map")] if k in charts]),
        redacted=redact,
    )


def _map_regions(store: Store, result: an.Analysis) -> tuple[tuple[MapRegion, ...], tuple[str, ...]]:
    """The imported region outlines of the selected countries shaded by events per region (a
    choropleth) and the event regions no outline matched (their events remain points); ((), ())
    when no boundary file was imported for them."""
    shapes = [(iso, name, geo.geojson_polygons(geometry))
              for iso, name, geometry in reads.boundaries(store, result.selection.countries)]
    if not shapes:
        return (), ()
    counts = {(iso, adm): float(n) for iso, adm, n, _ in result.by_admin1}
    return geo.choropleth_regions(shapes, counts)


def _region_names(store: Store, countries: tuple[str, ...], names: tuple[str, ...], lang: Language) -> str:
    """`names` of event regions as the briefing's language writes them, comma-separated."""
    french = {name: name_fr for _, name, name_fr, _, _ in an.admin1_places(store, countries) if name_fr}
    return ", ".join(french.get(n, n) if lang == "fr" else n for n in names)


def _map_source_line(result: an.Analysis, topic: Topic, countries: tuple[Country, ...], lang: Language,
                     region_files: list[str]) -> str:
    boundaries = _map_text("boundaries", lang)
    if region_files:
        boundaries += " " + _map_text("regions-file", lang, files=", ".join(region_files))
    if result.dataset is not None:
        return f"{_source_line(result, topic, countries, lang)} {boundaries}"
    filters = labels.text("filters", lang, countries=_names(countries, lang),
                          period=i18n.fmt_period(result.selection.period, lang), topic=topic.label(lang))
    return f"{boundaries} {filters}."


def _map_labels(store: Store, result: an.Analysis, countries: tuple[Country, ...],
                frame: tuple[float, float, float, float], lang: Language) -> tuple[MapLabel, ...]:
    """Country names (the selected ones only when there are several), then the selected
    countries' regions, busiest first, at the points the store gives them (with several
    countries, only the MAP_REGION_NAMES busiest regions that have events)."""
    outlines = geo.countries()
    names = {c.iso3: c.name(lang) for c in reads.countries(store)}
    selected = {c.iso3 for c in countries}
    found: list[MapLabel] = []
    for iso in geo.countries_in(frame):
        info = outlines[iso]
        if iso in selected and len(selected) == 1:
            continue
        text = names.get(iso) or (info.name_fr if lang == "fr" and info.name_fr else info.name_en)
        found.append(MapLabel(text, info.label[1], info.label[0], "country" if iso in selected else "neighbour", iso))
    busy = {(iso, adm): n for iso, adm, n, _ in result.by_admin1}
    places = an.admin1_places(store, tuple(sorted(selected)))
    places.sort(key=lambda p: (-busy.get((p[0], p[1]), 0), p[0], p[1]))
    if len(selected) > 1:  # several countries: only the busiest regions, those with events
        places = [p for p in places if busy.get((p[0], p[1]))][:MAP_REGION_NAMES]
    for iso, name, name_fr, lat, lon in places:
        found.append(MapLabel(name_fr if lang == "fr" and name_fr else name, lat, lon, "admin1", iso))
    return tuple(found)
