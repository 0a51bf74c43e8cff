"""Domain objects: frozen dataclasses shared by the store, the analysis, the charts and the PDF.

Nothing here touches the database or the disk. Dates are `datetime.date`; a date whose day or
month is unknown is a `PartialDate`. Countries are identified by ISO 3166-1 alpha-3 codes and
topics by their slug throughout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NewType

if TYPE_CHECKING:
    from briefer.core.depth import (
        BorderArea,
        CountryRow,
        CrossBorderActor,
        FlashFacts,
        RegionTrend,
        ReportHeader,
        TrendSettings,
    )

SourceId = NewType("SourceId", int)
QuotationId = NewType("QuotationId", int)
FigureId = NewType("FigureId", int)
DatasetId = NewType("DatasetId", int)

Language = Literal["en", "fr"]
LANGUAGES: tuple[Language, ...] = ("en", "fr")
Precision = Literal["year", "month", "day"]
MARKINGS: tuple[str, ...] = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day. `iso` is "2023", "2023-07" or "2023-07-07"."""

    iso: str

    def __post_init__(self) -> None:
        parts = self.iso.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"not a partial ISO date: {self.iso!r}")
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)

    @property
    def precision(self) -> Precision:
        return ("year", "month", "day")[self.iso.count("-")]

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    def first_day(self) -> dt.date:
        """The earliest day the partial date can mean."""
        parts = [int(p) for p in self.iso.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    @classmethod
    def of(cls, value: str | dt.date | None) -> PartialDate | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.date):
            return cls(value.isoformat())
        return cls(str(value))


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name_en: str
    name_fr: str
    region: str = ""

    def name(self, lang: Language = "en") -> str:
        return self.name_fr if lang == "fr" and self.name_fr else self.name_en


@dataclass(frozen=True)
class Topic:
    slug: str
    label_en: str
    label_fr: str
    description_en: str = ""
    description_fr: str = ""
    bit: int = 0

    def label(self, lang: Language = "en") -> str:
        return self.label_fr if lang == "fr" and self.label_fr else self.label_en

    def description(self, lang: Language = "en") -> str:
        return self.description_fr if lang == "fr" and self.description_fr else self.description_en


@dataclass(frozen=True)
class Dataset:
    id: DatasetId
    name: str
    publisher: str
    licence: str
    attribution: str
    accessed: dt.date | None
    synthetic: bool
    kind: str = "events"
    url: str = ""


@dataclass(frozen=True)
class Period:
    """A closed range of days, both ends included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts ({self.start}) after it ends ({self.end})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        end = self.start - dt.timedelta(days=1)
        return Period(end - dt.timedelta(days=self.days - 1), end)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Selection:
    """What a briefing is about: one or several countries (ISO3), a period and a topic slug.

    `dataset_id` pins the event dataset; None lets the analysis take the dataset with most events
    in the selection (counts from different datasets are never added together).
    """

    countries: tuple[str, ...]
    period: Period
    topic: str
    dataset_id: DatasetId | None = None

    def __post_init__(self) -> None:
        if not self.countries:
            raise ValueError("a selection needs at least one country")


@dataclass(frozen=True)
class Source:
    id: SourceId
    title: str
    authors: tuple[str, ...] = ()
    publisher: str = ""
    container: str = ""
    published: PartialDate | None = None
    url: str = ""
    accessed: dt.date | None = None
    kind: str = "article"
    language: str = "en"
    note: str = ""
    protected: bool = False


@dataclass(frozen=True)
class Quotation:
    id: QuotationId
    source_id: SourceId
    text: str
    speaker: str = ""
    locator: str = ""
    date: dt.date | None = None
    paraphrase: bool = False
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A key figure taken from a source, e.g. "over 430 violent attacks" (value 430, qualifier "over")."""

    id: FigureId
    source_id: SourceId
    country: str
    topic: str
    label: str
    value: float | None
    unit: str
    qualifier: str = ""
    as_of: PartialDate | None = None
    sentence: str = ""
    locator: str = ""
    label_fr: str = ""

    def display_label(self, lang: Language = "en") -> str:
        """The label in `lang` when the store has it, else the stored label."""
        return self.label_fr if lang == "fr" and self.label_fr else self.label


@dataclass(frozen=True)
class KeyDate:
    day: dt.date
    label_en: str
    label_fr: str
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    source_id: SourceId | None = None

    def label(self, lang: Language = "en") -> str:
        return self.label_fr if lang == "fr" and self.label_fr else self.label_en


@dataclass(frozen=True)
class BriefingOptions:
    """What the user chooses besides the selection. `quotation_ids` None means "the top N"."""

    title: str = ""
    subtitle: str = ""
    author: str = ""
    organisation: str = ""
    issued: dt.date | None = None
    marking: str = "TLP:AMBER"
    language: Language = "en"
    quotation_ids: tuple[QuotationId, ...] | None = None
    figure_ids: tuple[FigureId, ...] | None = None
    top_quotations: int | None = None
    key_messages: tuple[str, ...] = ()
    paper: Literal["a4", "letter"] = "a4"
    sections: tuple[str, ...] | None = None
    redact: bool = False  # for wider release: places to admin1 only, protected sources unnamed
    # depth5
    report_number: str = ""  # the OCHA-style header's report number; "" lets the template decide
    # cite5: citation style ("" = the template's), analyst input (outlook, overall trend, risks)
    citation_style: str = ""
    outlook: str = ""
    overall_trend: str = ""
    risks: tuple[Risk, ...] = ()

    def __post_init__(self) -> None:
        if self.marking not in MARKINGS:
            raise ValueError(f"unknown handling marking {self.marking!r}; use one of {', '.join(MARKINGS)}")


# --- The Briefing: a plain model of everything the PDF shows ------------------------------------


@dataclass(frozen=True)
class Change:
    """A count against the previous period. `percent` is None when the baseline is too small."""

    current: int
    previous: int
    percent: float | None
    small_baseline: bool
    trend: Literal["sharp-increase", "increase", "stable", "decrease", "sharp-decrease", "new", "none"]


@dataclass(frozen=True)
class KeyFigure:
    """A figure computed from the events of the selection, with its change."""

    key: str  # "events", "fatalities", "civilian-events", …
    label: str
    change: Change
    group: Literal["topic", "context", "country"] = "topic"
    baseline: Change | None = None  # against the 52-week average per period length
    previous_total: int | None = None  # the raw count when the previous period is longer (normalised)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartData:
    """Data for one chart. `kind`: "timeline" (x = bucket start dates), "bars" (x = category labels).

    `source_line` is printed under the chart; `markers` are key dates drawn on time charts.
    """

    key: str
    kind: Literal["timeline", "bars"]
    title: str
    caption: str
    source_line: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    dates: tuple[dt.date, ...] = ()
    markers: tuple[KeyDate, ...] = ()
    value_label: str = ""


@dataclass(frozen=True)
class MapPoint:
    """Events grouped at one location (coordinates rounded to 0.01°, about 1 km)."""

    latitude: float
    longitude: float
    events: int
    fatalities: int


@dataclass(frozen=True)
class MapLabel:
    """A name printed on the map. `kind`: "country" (a selected country), "neighbour" or "admin1".

    `iso3` names the country the label belongs to; a country label whose point falls outside the
    map frame is moved into the visible part of that country, or left out.
    """

    text: str
    latitude: float
    longitude: float
    kind: Literal["country", "neighbour", "admin1"]
    iso3: str = ""


@dataclass(frozen=True)
class MapRegion:
    """A first-level region from an imported boundary file, shaded by `value` (a choropleth).

    `polygons` are GeoJSON-like: each an outer ring then its holes, rings of (longitude,
    latitude) pairs. `value` None means no data for the region (drawn unshaded).
    """

    country: str
    name: str
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]
    value: float | None


@dataclass(frozen=True)
class MapData:
    """Data for the map of events. Texts are final, in the briefing's language.

    `frame` (west, south, east, north, in degrees) is the area to show at least; the renderer
    widens it to the shape of the printed box. `countries` are the selected ISO3 codes (filled
    darker, admin-1 lines drawn); every other country in the frame is drawn as a neighbour.
    `points` carry the events; `regions`, when a boundary file gives them, add a choropleth of
    `region_legend` (e.g. events per region). `position` is the map's place among the charts.
    """

    key: str
    title: str
    caption: str
    source_line: str
    disclaimer: str
    countries: tuple[str, ...]
    frame: tuple[float, float, float, float]
    points: tuple[MapPoint, ...]
    labels: tuple[MapLabel, ...] = ()
    size_legend: str = ""
    zero_legend: str = ""
    scale_unit: str = "km"
    regions: tuple[MapRegion, ...] = ()
    region_legend: str = ""
    position: int = 0
    redacted: bool = False  # event points withheld on purpose (no "No events recorded" message)

    @property
    def kind(self) -> Literal["map"]:
        return "map"


@dataclass(frozen=True)
class Reference:
    number: int
    source: Source


@dataclass(frozen=True)
class CitedQuotation:
    quotation: Quotation
    reference: int  # number in the reference list


@dataclass(frozen=True)
class CitedFigure:
    figure: Figure
    reference: int


@dataclass(frozen=True)
class ChronologyItem:
    """A dated fact for the chronology, with the reference that supports it (None: no source)."""

    day: PartialDate
    text: str
    reference: int | None = None


@dataclass(frozen=True)
class Incident:
    day: dt.date
    country: str
    admin1: str
    location: str
    event_type: str
    sub_event_type: str
    actors: str
    fatalities: int
    notes: str


@dataclass(frozen=True)
class DataNote:
    datasets: tuple[Dataset, ...]
    event_count: int
    low_geo_precision_share: float
    low_time_precision_share: float
    open_to_revision_from: dt.date | None
    synthetic: bool
    redacted: bool = False


@dataclass(frozen=True)
class Briefing:
    """Everything the PDF will show, resolved and ordered; renderers add layout only.

    `map` is the map of events when the template asks for one and briefer has outlines for the
    selected countries; the PDF places it among the charts at `map.position`.
    """

    title: str
    subtitle: str
    author: str
    organisation: str
    issued: dt.date
    marking: str
    language: Language
    paper: Literal["a4", "letter"]
    template: str
    selection: Selection
    countries: tuple[Country, ...]
    topic: Topic
    sections: tuple[str, ...]
    key_messages: tuple[str, ...]
    key_figures: tuple[KeyFigure, ...]
    source_figures: tuple[CitedFigure, ...]
    charts: tuple[ChartData, ...]
    quotations: tuple[CitedQuotation, ...]
    references: tuple[Reference, ...]
    incidents: tuple[Incident, ...]
    data_note: DataNote
    key_dates: tuple[KeyDate, ...] = field(default=())
    chronology: tuple[ChronologyItem, ...] = field(default=())
    map: MapData | None = None
    # depth5: trends and the weekly-update, flash-report and regional-spillover templates
    trends: TrendSettings | None = None
    regions: tuple[RegionTrend, ...] = field(default=())
    report: ReportHeader | None = None
    country_rows: tuple[CountryRow, ...] = field(default=())
    border_areas: tuple[BorderArea, ...] = field(default=())
    cross_border_actors: tuple[CrossBorderActor, ...] = field(default=())
    flash: FlashFacts | None = None
    # cite5: how sources are cited, and the analyst's own assessment
    citation_style: CitationStyle = "numbered"
    notes: NotesPlacement = "none"
    csl: str = ""  # the CSL style's XML when citation_style is "csl"
    outlook: str = ""
    overall_trend: str = ""
    risks: tuple[Risk, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the selection holds no event at all."""
        return self.data_note.event_count == 0


# --- cite5: citation styles and analyst input ---------------------------------------------------

CitationStyle = Literal["numbered", "author-date", "csl"]
NotesPlacement = Literal["footnotes", "endnotes", "none"]
HOUSE_STYLES: tuple[str, ...] = ("numbered", "author-date")
NOTES: tuple[str, ...] = ("footnotes", "endnotes", "none")
TRENDS: tuple[str, ...] = ("deteriorated", "unchanged", "improved")
RISK_SCALE = range(1, 6)  # likelihood and impact, 1 (lowest) to 5 (highest)


@dataclass(frozen=True)
class Risk:
    """A threat the analyst places on the risk matrix: likelihood and impact from 1 to 5."""

    threat: str
    likelihood: int
    impact: int

    def __post_init__(self) -> None:
        if not self.threat.strip():
            raise ValueError("a risk needs a threat")
        for name, value in (("likelihood", self.likelihood), ("impact", self.impact)):
            if value not in RISK_SCALE:
                raise ValueError(f"{name} of {self.threat!r} must be a whole number from 1 to 5, not {value!r}")

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True)
class FigureInput:
    """A figure as a user gives it (text values, checked by `importers.capture.capture_figure`)."""

    sentence: str
    label: str
    value: str
    unit: str
    qualifier: str = ""
    as_of: str = ""
    country: str = ""
    topic: str = ""
    label_fr: str = ""
    locator: str = ""
