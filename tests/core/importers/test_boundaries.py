"""Region outlines (GeoJSON) imported for a country, names matched to the store's regions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.core.errors import ImportFileError
from briefer.core.importers.boundaries import import_boundaries
from briefer.core.regionnames import RegionMatcher
from briefer.core.store import reads
from tests.core.importers.conftest import digest
from tests.core.importers.sources_util import SHARED, run, shared_file

MALI = SHARED / "fixtures" / "boundaries" / "TheManInPink_Session-Ete-2026_data_mali_mali-regions-polygons.json"


def square(lon: float, lat: float, size: float = 1.0) -> list[list[list[float]]]:
    return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]


def feature(name: str, geometry: dict[str, object] | None = None, **properties: str) -> dict[str, object]:
    return {"type": "Feature", "properties": {"name": name, **properties},
            "geometry": geometry or {"type": "Polygon", "coordinates": square(-5, 14)}}


def collection(path: Path, *features: dict[str, object], crs: str = "urn:ogc:def:crs:OGC:1.3:CRS84") -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": crs}},
                                "features": list(features)}, indent=1), encoding="utf-8")
    return path


def test_region_names_match_across_spellings() -> None:
    matcher = RegionMatcher({"Koulikoro": "Koulikoro", "Segou": "Segou", "Ségou": "Segou", "Menaka": "Menaka",
                             "Timbuktu": "Timbuktu", "Tombouctou": "Timbuktu", "Centre-Est": "Centre-Est",
                             "Centre-Ouest": "Centre-Ouest"})
    assert matcher.match("Koulikouro") == "Koulikoro" and matcher.match("Région de Ségou") == "Segou"
    assert matcher.match("MÉNAKA") == "Menaka" and matcher.match("Tombouctou") == "Timbuktu"
    assert matcher.match("Centre Est") == "Centre-Est" and matcher.match("Centre") is None
    assert matcher.match("Taoudénit") is None


def test_the_mali_file_matches_koulikoro_and_reports_menaka_missing(fresh_store) -> None:  # type: ignore[no-untyped-def]
    report = import_boundaries(fresh_store, shared_file(MALI), "Mali")
    assert (report.added, report.updated, report.unchanged, report.rejected) == (9, 0, 0, 0)
    names = [admin1 for _, admin1, _ in reads.boundaries(fresh_store, ["MLI"])]
    assert "Koulikoro" in names and "Timbuktu" in names and "Koulikouro" not in names
    assert any("Koulikouro -> Koulikoro" in n for n in report.notes)
    assert any(n.startswith("no outline in this file for: Menaka") for n in report.notes)
    again = import_boundaries(fresh_store, MALI, "MLI")
    assert (again.added, again.unchanged) == (0, 9)
    assert fresh_store.db.execute("SELECT count(*) FROM imports WHERE kind = 'boundaries'").fetchone()[0] == 2


def test_pieces_merge_and_unknown_names_keep_their_own(fresh_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = collection(tmp_path / "b.geojson", feature("Ménaka"), feature("Menaka", {"type": "Polygon",
                      "coordinates": square(2, 16)}), feature("Taoudénit", shapeGroup="MLI"))
    report = import_boundaries(fresh_store, path, "Mali")
    assert (report.added, report.rejected) == (2, 0)
    shapes = {admin1: geometry for _, admin1, geometry in reads.boundaries(fresh_store)}
    assert shapes["Menaka"]["type"] == "MultiPolygon" and len(shapes["Menaka"]["coordinates"]) == 2
    assert "Taoudénit" in shapes and any("Taoudénit" in n and "file's name" in n for n in report.notes)
    bbox = fresh_store.db.execute("SELECT min_lon, max_lat FROM boundaries WHERE admin1 = 'Menaka'").fetchone()
    assert tuple(bbox) == (-5, 17)


@pytest.mark.parametrize("bad, field, message", [
    (feature("Gao", {"type": "Point", "coordinates": [0, 16]}), "geometry", "Polygon or MultiPolygon"),
    (feature("Gao", {"type": "Polygon", "coordinates": square(500, 16)}), "geometry", "longitude/latitude"),
    (feature("Gao", shapeGroup="NER"), "shapeGroup", "belongs to NER"),
    ({"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": square(0, 0)}},
     "properties", "no region name"),
])
def test_bad_features_refuse_the_file_and_change_nothing(capsys, tmp_path: Path, bad, field, message) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "s.db"
    code, out, _ = run(capsys, "import", "boundaries", str(collection(tmp_path / "ok.geojson", feature("Kidal"))),
                       "--country", "ML", "--store", str(store))
    assert code == 0 and out.splitlines()[-1] == "added 1, updated 0, unchanged 0, rejected 0"
    before = digest(store)
    path = collection(tmp_path / "bad.geojson", feature("Mopti"), bad)
    code, out, err = run(capsys, "import", "boundaries", str(path), "--country", "Mali", "--store", str(store))
    assert code == 2 and f"{path}, line " in err and f"column {field}: " in err and message in err
    assert digest(store) == before and out.splitlines()[-1].endswith("rejected 1")


def test_unusable_files_and_options(capsys, tmp_path: Path, fresh_store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportFileError, match="longitude/latitude"):
        import_boundaries(fresh_store, collection(tmp_path / "p.geojson", feature("Gao"), crs="EPSG:3857"), "Mali")
    (tmp_path / "x.json").write_text('{"type": "FeatureCollection", "features": [\n}', encoding="utf-8")
    with pytest.raises(ImportFileError, match="line 2"):
        import_boundaries(fresh_store, tmp_path / "x.json", "Mali")
    code, _, err = run(capsys, "import", "boundaries", str(tmp_path / "x.json"), "--store", str(tmp_path / "s.db"))
    assert code == 2 and "--country C is needed" in err
    code, _, err = run(capsys, "import", "boundaries", str(tmp_path / "p.geojson"), "--country", "Wakanda",
                       "--store", str(tmp_path / "s.db"))
    assert code == 2 and "unknown country 'Wakanda'" in err and not (tmp_path / "s.db").exists()
