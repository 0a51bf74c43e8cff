"""The Briefing's trend and template-specific parts: what `assemble` adds for weekly updates,
flash reports and regional spillover briefings.

Contract: `depth_fields(...)` returns keyword arguments for `Briefing` (trends, regions, report
header, country rows, border areas, cross-border actors, flash facts), computing only what the
template's sections and charts use; `mark_surges` adds the ▲ marker to the regions chart.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from briefer.core import analysis as an
from briefer.core import labels, reports, spillover, trends
from briefer.core.depth import CountryRow, RegionTrend, TrendSettings
from briefer.core.domain import BriefingOptions, ChartData, Country, Language, Series
from briefer.core.store import reads
from briefer.core.store.db import Store
from briefer.core.templates import Template

SURGE_MARK = "▲"


def depth_fields(store: Store, result: an.Analysis, template: Template, options: BriefingOptions, trend: TrendSettings,
                 countries: tuple[Country, ...], sections: tuple[str, ...]) -> dict[str, Any]:
    lang = options.language
    names = {c.iso3: c.name(lang) for c in countries}
    fields: dict[str, Any] = {"trends": trend, "regions": trends.regions(store, result, trend, names)}
    if "situation-header" in sections:
        fields["report"] = reports.header(template, options, result.selection.period, trend.previous, lang)
    if "flash-summary" in sections:
        fields["flash"] = reports.flash_facts(store, result, template, names)
    if "border-areas" in sections:
        everyone = {c.iso3: c.name(lang) for c in reads.countries(store)}
        fields["border_areas"] = spillover.border_areas(store, result, template.border_km, everyone)
    if "cross-border-actors" in sections:
        fields["cross_border_actors"] = spillover.cross_border_actors(store, result, names, template.top_actors)
    return fields


def with_country_rows(fields: dict[str, Any], result: an.Analysis, trend: TrendSettings, countries: tuple[Country, ...],
                      lang: Language, baseline: dict[str, an.Totals]) -> dict[str, Any]:
    fields["country_rows"] = trends.country_rows(result, trend, countries, lang, baseline, fields["regions"])
    return fields


def mark_surges(chart: ChartData, regions: tuple[RegionTrend, ...], trend: TrendSettings, lang: Language) -> ChartData:
    """The regions chart with "▲" after every surging region and the legend in the caption."""
    surging = {r.label for r in regions if r.surge}
    if not surging.intersection(chart.categories):
        return chart
    names = tuple(f"{c} {SURGE_MARK}" if c in surging else c for c in chart.categories)
    legend = labels.text("surge-legend", lang, percent=trend.surge_percent, minimum=trend.surge_minimum)
    return replace(chart, categories=names, caption=f"{chart.caption} {legend}")


def country_chart(rows: tuple[CountryRow, ...], trend: TrendSettings, line: str, lang: Language) -> ChartData:
    """Grouped bars per country: this period, the previous period (normalised) and the baseline average."""
    series = [Series(labels.text("series-current", lang), tuple(float(r.events.current) for r in rows)),
              Series(labels.text("series-previous", lang), tuple(float(r.events.previous) for r in rows))]
    caption = labels.text("chart-country-comparison-caption-short", lang)
    if trend.baseline is not None and all(r.baseline is not None for r in rows):
        weeks = trend.baseline_weeks
        series.append(Series(labels.text("series-baseline", lang, weeks=weeks),
                             tuple(float(r.baseline.previous) for r in rows if r.baseline is not None)))
        caption = labels.text("chart-country-comparison-caption", lang, weeks=weeks)
    return ChartData(key="country-comparison", kind="bars", title=labels.text("chart-country-comparison", lang),
                     caption=caption, source_line=line, categories=tuple(r.name for r in rows), series=tuple(series))
