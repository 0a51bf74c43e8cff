"""Words the assembly puts into a Briefing (chart titles, figure labels, ACLED terms), in EN and FR.

`text(key, lang, **values)` formats a label; `event_type(name, lang)` translates ACLED's event
types (unknown names are returned unchanged, since stores may hold other taxonomies).
"""

from __future__ import annotations

from briefer.core.domain import Language

_LABELS: dict[str, tuple[str, str]] = {
    "default-title": ("{countries}: {topic}", "{countries} : {topic}"),
    "default-subtitle": ("Security briefing, {period}", "Note de sécurité, {period}"),
    "kf-events": ("Events on this topic", "Événements liés au thème"),
    "kf-fatalities": ("Reported fatalities in those events", "Décès rapportés lors de ces événements"),
    "kf-context-events": ("Political violence events (all topics)", "Événements de violence politique (tous thèmes)"),
    "kf-context-fatalities": ("Fatalities in political violence", "Décès liés à la violence politique"),
    "kf-civilian-events": ("Violence against civilians (events)", "Violences contre les civils (événements)"),
    "kf-civilian-fatalities": ("Civilian fatalities in targeted attacks", "Décès lors d’attaques visant des civils"),
    "kf-country-events": ("Events — {country}", "Événements — {country}"),
    "chart-timeline": ("Events and reported fatalities by {unit}", "Événements et décès rapportés par {unit}"),
    "chart-timeline-caption": (
        "Bars: events recorded per {unit}; line: fatalities reported in those events. Dashed lines mark key dates.",
        ("Barres : événements enregistrés par {unit} ; courbe : décès rapportés lors de ces événements. "
         "Les tirets signalent des dates clés."),
    ),
    "chart-event-types": ("Events by type", "Événements par type"),
    "chart-event-types-caption": (
        "Number of events of each type in the period.", "Nombre d’événements de chaque type sur la période."),
    "chart-admin1": ("Most affected regions", "Régions les plus touchées"),
    "chart-admin1-caption": (
        "Events by first-level administrative area (top {n}).",
        "Événements par division administrative de premier niveau ({n} premières).",
    ),
    "chart-actors": ("Most active actors", "Acteurs les plus actifs"),
    "chart-actors-caption": (
        "Events in which each actor took part, as first or second party (top {n}).",
        "Événements auxquels chaque acteur a pris part, en première ou seconde partie ({n} premiers).",
    ),
    "week": ("week", "semaine"),
    "month": ("month", "mois"),
    "series-events": ("Events", "Événements"),
    "series-fatalities": ("Fatalities", "Décès"),
    "source-line": ("Source: {dataset}, {publisher}; accessed {accessed}. {filters}.",
                    "Source : {dataset}, {publisher} ; consulté le {accessed}. {filters}."),
    "source-line-synthetic": ("SYNTHETIC DATA — not real events. ", "DONNÉES SYNTHÉTIQUES — événements fictifs. "),
    "filters": ("Filters: {countries}; {period}; topic: {topic}", "Filtres : {countries} ; {period} ; thème : {topic}"),
    # depth5
    "report-kind": ("Security briefing", "Note de sécurité"),
    "chart-country-comparison": ("Events by country", "Événements par pays"),
    "chart-country-comparison-caption": (
        "Events on this topic in each country: this period, the previous period and the {weeks}-week average (per period length).",
        ("Événements liés au thème dans chaque pays : période étudiée, période précédente et moyenne sur "
         "{weeks} semaines (ramenée à la durée de la période)."),
    ),
    "chart-country-comparison-caption-short": (
        "Events on this topic in each country: this period and the previous period.",
        "Événements liés au thème dans chaque pays : période étudiée et période précédente.",
    ),
    "series-current": ("This period", "Période étudiée"),
    "series-previous": ("Previous period", "Période précédente"),
    "series-baseline": ("{weeks}-week average", "Moyenne sur {weeks} semaines"),
    "surge-legend": (
        "▲ surge: at least +{percent}% on the previous period, with at least {minimum} events now.",
        "▲ forte poussée : au moins +{percent}\u00a0% par rapport à la période précédente, avec au moins {minimum}\u00a0événements.",
    ),
}

_EVENT_TYPES_FR = {
    "Battles": "Combats",
    "Explosions/Remote violence": "Explosions/violence à distance",
    "Violence against civilians": "Violence contre les civils",
    "Protests": "Manifestations",
    "Riots": "Émeutes",
    "Strategic developments": "Développements stratégiques",
}


def text(key: str, lang: Language, **values: object) -> str:
    """The label `key` in `lang`, with `{placeholders}` filled from `values`."""
    english, french = _LABELS[key]
    return (french if lang == "fr" else english).format(**values)


def event_type(name: str, lang: Language) -> str:
    return _EVENT_TYPES_FR.get(name, name) if lang == "fr" else name
