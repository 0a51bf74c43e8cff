"""Importing an organisation's first-level region outlines (GeoJSON) for one country.

Contract of `import_boundaries(store, path, country, dry_run=..., accept_bad_rows=...)`:
- the file is a GeoJSON FeatureCollection in longitude/latitude (WGS 84, "CRS84" or EPSG:4326; a
  projected CRS is refused); each feature needs a Polygon or MultiPolygon and a name in one of
  `NAME_FIELDS`; a feature whose country field (`COUNTRY_FIELDS`) names another country, or whose
  coordinates are not longitudes and latitudes, is a bad row named by its line;
- each name is matched to the store's regions of that country (`briefer.core.regionnames.RegionMatcher`, over
  their English and French names): "Koulikouro" is stored as "Koulikoro", "Tombouctou" as
  "Timbuktu"; an unmatched name is stored under its own name and listed in the notes, and so are
  the store's regions the file has no outline for (e.g. Ménaka, created in 2012, is missing from
  older files: its events stay drawn as points); pieces of one region become one MultiPolygon;
- counts: added (a region without an outline before), updated (a different outline), unchanged;
  regions stored earlier but absent from this file are kept;
- by default a file with a bad row is refused whole; `dry_run` writes nothing; otherwise ONE
  transaction writes the outlines and a line in the `imports` table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefer.core.aliases import region_names
from briefer.core.countries import CountryResolver
from briefer.core.errors import ImportFileError, SelectionError
from briefer.core.importers.report import ImportReport
from briefer.core.importers.storefile import log_import, now, with_store
from briefer.core.importers.textdoc import decode
from briefer.core.messages import msg
from briefer.core.regionnames import RegionMatcher
from briefer.core.store import reads
from briefer.core.store.db import Store

NAME_FIELDS = ("shapeName", "ADM1_EN", "ADM1_FR", "admin1Name", "admin1Name_en", "NAME_1", "name_en", "name",
               "NAME", "nom", "region", "Region", "REGION")
COUNTRY_FIELDS = ("shapeGroup", "ADM0_A3", "ISO_A3", "iso3", "ISO3", "GID_0", "adm0_a3")
Polygons = list[Any]


class _Bad(Exception):
    """A feature that cannot be used: `field` and message."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def _load(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = decode(path.read_bytes())
    except FileNotFoundError:
        raise ImportFileError(str(path), msg("imp-no-file")) from None
    except OSError as exc:
        raise ImportFileError(str(path), msg("imp-unreadable", reason=exc.strerror or exc)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(str(path), msg("imp-bad-json", reason=exc.msg, column=exc.colno), line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise ImportFileError(str(path), msg("imp-not-geojson"))
    crs = json.dumps(data.get("crs") or "CRS84")
    if not re.search(r"CRS84|4326", crs):
        raise ImportFileError(str(path), msg("imp-crs", crs=crs))
    return text, data


def _name(properties: dict[str, Any]) -> str:
    for field in NAME_FIELDS:
        value = properties.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()
    raise _Bad("properties", msg("geo-no-name", names=", ".join(NAME_FIELDS[:5])))


def _polygons(geometry: Any) -> Polygons:
    """The feature's polygons (a list of rings of [lon, lat]), checked."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        raise _Bad("geometry", msg("geo-not-polygon", kind=kind))
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for point in _points(polygons):
        if not (isinstance(point, list) and len(point) >= 2 and all(isinstance(v, (int, float)) for v in point[:2])
                and -180 <= point[0] <= 180 and -90 <= point[1] <= 90):
            raise _Bad("geometry", msg("geo-not-point", point=point))
    return list(polygons)


def _points(polygons: Any) -> Iterator[Any]:
    if not isinstance(polygons, list) or not polygons:
        raise _Bad("geometry", msg("geo-no-coordinates"))
    for polygon in polygons:
        for ring in polygon if isinstance(polygon, list) else [None]:
            if not isinstance(ring, list) or len(ring) < 4:
                raise _Bad("geometry", msg("geo-short-ring"))
            yield from ring


def _country(properties: dict[str, Any], iso3: str, resolver: CountryResolver) -> None:
    for field in COUNTRY_FIELDS:
        value = properties.get(field)
        if isinstance(value, str) and value.strip():
            try:
                other = resolver.resolve(value)
            except SelectionError:  # an unknown code in the file: not ours to judge
                return
            if other != iso3:
                raise _Bad(field, msg("geo-other-country", value=value, iso3=iso3))
            return


def _regions(store: Store, path: Path, iso3: str, report: ImportReport) -> dict[str, tuple[str, bool, Polygons]]:
    """admin1 -> (name in file, matched, polygons) for the good features; bad ones go to the report."""
    text, data = _load(path)
    lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"type"\s*:\s*"Feature"', text)]
    matcher, resolver = RegionMatcher(region_names(store, iso3)), CountryResolver(reads.countries(store), reads.country_aliases(store))
    regions: dict[str, tuple[str, bool, Polygons]] = {}
    for index, feature in enumerate(data["features"]):
        report.rows += 1
        line = lines[index] if index < len(lines) else 1
        try:
            if not isinstance(feature, dict):
                raise _Bad("", msg("geo-not-feature"))
            properties = feature.get("properties") or {}
            name = _name(properties)
            _country(properties, iso3, resolver)
            polygons = _polygons(feature.get("geometry"))
        except _Bad as bad:
            report.reject(line, bad.field, bad.message)
            continue
        region = matcher.match(name)
        admin1 = region or name
        earlier = regions.get(admin1, (name, False, []))[2]
        regions[admin1] = (name, region is not None, earlier + polygons)
    return regions


def _store_regions(store: Store, iso3: str) -> list[tuple[str, str]]:
    rows = store.db.execute("SELECT name, name_fr FROM admin1 WHERE country_iso3 = ? ORDER BY name", [iso3])
    return [(r[0], r[1]) for r in rows.fetchall()]


def _row(iso3: str, admin1: str, name: str, matched: bool, polygons: Polygons, file: str) -> dict[str, Any]:
    geometry = {"type": "MultiPolygon", "coordinates": polygons} if len(polygons) > 1 else {
        "type": "Polygon", "coordinates": polygons[0]}
    lons = [p[0] for polygon in polygons for ring in polygon for p in ring]
    lats = [p[1] for polygon in polygons for ring in polygon for p in ring]
    return {"country_iso3": iso3, "admin1": admin1, "name_in_file": name, "matched": int(matched),
            "geometry": json.dumps(geometry, separators=(",", ":")), "min_lon": min(lons), "min_lat": min(lats),
            "max_lon": max(lons), "max_lat": max(lats), "source_file": file}


def import_boundaries(store: Store, path: str | Path, country: str, *, dry_run: bool = False,
                      accept_bad_rows: bool = False) -> ImportReport:
    """Import region outlines for `country` (see the module's contract)."""
    started, path = now(), Path(path)
    iso3 = CountryResolver(reads.countries(store), reads.country_aliases(store)).resolve(country)
    report = ImportReport(kind="boundaries", file=str(path), dataset=iso3, dry_run=dry_run, file_format="GeoJSON")
    regions = _regions(store, path, iso3, report)
    report.refused = report.rejected > 0 and not accept_bad_rows
    if report.refused:
        return report
    rows = [_row(iso3, admin1, *value, path.name) for admin1, value in sorted(regions.items())]
    stored = {r[0]: r[1] for r in store.db.execute(
        "SELECT admin1, geometry FROM boundaries WHERE country_iso3 = ?", [iso3]).fetchall()}
    report.added = sum(1 for r in rows if r["admin1"] not in stored)
    report.updated = sum(1 for r in rows if r["admin1"] in stored and stored[r["admin1"]] != r["geometry"])
    report.unchanged = len(rows) - report.added - report.updated
    report.notes.extend(_notes(store, iso3, regions))
    if dry_run:
        return report
    with store.db.atomic():
        store.db.table("boundaries").upsert_all(rows, pk=("country_iso3", "admin1"))
        log_import(store, report, started)
    report.written = True
    return report


def _notes(store: Store, iso3: str, regions: dict[str, tuple[str, bool, Polygons]]) -> list[str]:
    notes: list[str] = []
    unmatched = sorted(name for name, matched, _ in regions.values() if not matched)
    if unmatched:
        notes.append(msg("note-region-unknown", iso3=iso3, names=", ".join(unmatched)))
    renamed = sorted(f"{name} -> {admin1}" for admin1, (name, matched, _) in regions.items() if matched and name != admin1)
    if renamed:
        notes.append(msg("note-region-renamed", names=", ".join(renamed)))
    missing = sorted(name for name, _ in _store_regions(store, iso3) if name not in regions)
    if missing:
        notes.append(msg("note-region-missing", names=", ".join(missing)))
    return notes


def import_boundaries_into(store_path: str | Path, path: str | Path, country: str, **options: bool) -> ImportReport:
    """`import_boundaries` on the store file at `store_path`, created with reference data when absent."""
    report, created = with_store(store_path, lambda store: import_boundaries(store, path, country, **options),
                                 lambda r: r.written)
    if created:
        report.notes.append(msg("note-new-store", path=store_path))
    return report
