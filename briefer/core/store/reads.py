"""Reading domain objects from a store. Every function takes an open `Store` and never writes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from briefer.core.domain import (
    Country,
    Dataset,
    DatasetId,
    Figure,
    FigureId,
    KeyDate,
    PartialDate,
    Quotation,
    QuotationId,
    Source,
    SourceId,
    Topic,
)
from briefer.core.store.db import Store


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def countries(store: Store, iso3: Sequence[str] | None = None) -> list[Country]:
    """Every country (or those of `iso3` the store knows), ordered by English name."""
    if iso3 is None:
        rows = store.db.query("SELECT * FROM countries ORDER BY name_en")
    else:
        marks = ",".join("?" * len(iso3))
        rows = store.db.query(f"SELECT * FROM countries WHERE iso3 IN ({marks}) ORDER BY name_en", list(iso3))
    return [Country(r["iso3"], r["iso2"], r["name_en"], r["name_fr"], r["region"]) for r in rows]


def country_aliases(store: Store) -> dict[str, str]:
    """Alias (as stored, normalised) -> ISO3."""
    return {r["alias"]: r["iso3"] for r in store.db.query("SELECT alias, iso3 FROM country_aliases")}


def countries_with_events(store: Store) -> dict[str, int]:
    """ISO3 -> number of events stored for it (countries without events are absent)."""
    sql = "SELECT country_iso3, sum(events) AS n FROM country_counts GROUP BY country_iso3"
    return {r["country_iso3"]: r["n"] for r in store.db.query(sql)}


def topics(store: Store) -> list[Topic]:
    """Every topic in taxonomy order."""
    rows = store.db.query("SELECT * FROM topics ORDER BY position, slug")
    return [_topic(r) for r in rows]


def _topic(r: dict[str, Any]) -> Topic:
    return Topic(r["slug"], r["label_en"], r["label_fr"], r["description_en"], r["description_fr"], r["bit"])


def topic_rules(store: Store) -> dict[str, dict[str, list[str]]]:
    """slug -> field -> patterns, for every topic (fields without rules are absent)."""
    result: dict[str, dict[str, list[str]]] = {}
    for topic, field, pattern in store.db.execute("SELECT topic, field, pattern FROM topic_rules ORDER BY id"):
        result.setdefault(topic, {}).setdefault(field, []).append(pattern)
    return result


def datasets(store: Store) -> list[Dataset]:
    return [_dataset(r) for r in store.db.query("SELECT * FROM datasets ORDER BY id")]


def dataset(store: Store, dataset_id: int) -> Dataset:
    return _dataset(store.db.table("datasets").get(dataset_id))


def _dataset(r: dict[str, Any]) -> Dataset:
    return Dataset(
        DatasetId(r["id"]), r["name"], r["publisher"], r["licence"], r["attribution"],
        _day(r["accessed"]), bool(r["synthetic"]), r["kind"], r["url"],
    )


def sources(store: Store, ids: Iterable[int] | None = None) -> dict[SourceId, Source]:
    """Sources by id (all of them, or those in `ids`)."""
    sql, params = "SELECT * FROM sources", []
    if ids is not None:
        params = sorted(set(ids))
        sql += f" WHERE id IN ({','.join('?' * len(params))})"
    return {SourceId(r["id"]): _source(r) for r in store.db.query(sql, params)}


def _source(r: dict[str, Any]) -> Source:
    return Source(
        id=SourceId(r["id"]), title=r["title"], authors=tuple(json.loads(r["authors"] or "[]")),
        publisher=r["publisher"], container=r["container"], published=PartialDate.of(r["published"]),
        url=r["url"], accessed=_day(r["accessed"]), kind=r["kind"], language=r["language"],
        note=r["note"], protected=bool(r["protected"]),
    )


def quotations(store: Store, ids: Iterable[int] | None = None) -> list[Quotation]:
    """Quotations (all, or those in `ids`) with their countries and topics, by id."""
    where, params = "", []
    if ids is not None:
        params = sorted(set(ids))
        where = f"WHERE q.id IN ({','.join('?' * len(params))})"
    sql = f"""
        SELECT q.*,
          (SELECT group_concat(iso3) FROM quotation_countries c WHERE c.quotation_id = q.id) AS isos,
          (SELECT group_concat(topic) FROM quotation_topics t WHERE t.quotation_id = q.id) AS slugs
        FROM quotations q {where} ORDER BY q.id"""
    return [_quotation(r) for r in store.db.query(sql, params)]


def _quotation(r: dict[str, Any]) -> Quotation:
    return Quotation(
        id=QuotationId(r["id"]), source_id=SourceId(r["source_id"]), text=r["text"],
        speaker=r["speaker"], locator=r["locator"], date=_day(r["date"]),
        paraphrase=bool(r["paraphrase"]),
        countries=tuple(sorted((r["isos"] or "").split(","))) if r["isos"] else (),
        topics=tuple(sorted((r["slugs"] or "").split(","))) if r["slugs"] else (),
    )


def figures(store: Store, countries: Iterable[str] | None = None) -> list[Figure]:
    """Figures (all, or for the given ISO3 countries), by id."""
    sql, params = "SELECT * FROM figures", []
    if countries is not None:
        params = sorted(set(countries))
        sql += f" WHERE country_iso3 IN ({','.join('?' * len(params))})"
    return [_figure(r) for r in store.db.query(sql + " ORDER BY id", params)]


def _figure(r: dict[str, Any]) -> Figure:
    return Figure(
        id=FigureId(r["id"]), source_id=SourceId(r["source_id"]), country=r["country_iso3"],
        topic=r["topic"] or "", label=r["label"], value=r["value"], unit=r["unit"],
        qualifier=r["qualifier"], as_of=PartialDate.of(r["as_of"]), sentence=r["sentence"],
        locator=r["locator"], label_fr=r["label_fr"],
    )


def key_dates(store: Store) -> list[KeyDate]:
    """Every key date, in date order."""
    rows = store.db.query("SELECT * FROM key_dates ORDER BY day, id")
    return [
        KeyDate(
            dt.date.fromisoformat(r["day"]), r["label_en"], r["label_fr"],
            tuple(filter(None, r["countries"].split(","))), tuple(filter(None, r["topics"].split(","))),
            SourceId(r["source_id"]) if r["source_id"] is not None else None,
        )
        for r in rows
    ]


def event_date_range(store: Store) -> tuple[dt.date, dt.date] | None:
    """First and last event dates in the store, or None when it holds no events.

    Read per dataset through the (dataset_id, event_date) index: two seeks each, whatever the size.
    """
    sql = """SELECT min(lo), max(hi) FROM (
               SELECT (SELECT min(event_date) FROM events WHERE dataset_id = d.id) AS lo,
                      (SELECT max(event_date) FROM events WHERE dataset_id = d.id) AS hi
               FROM datasets d)"""
    lo, hi = store.db.execute(sql).fetchone()
    if lo is None:
        return None
    return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)


def newest_event(store: Store, dataset_id: int) -> dt.date | None:
    """The date of the newest event of a dataset, or None when it has none."""
    row = store.db.execute("SELECT max(event_date) FROM events WHERE dataset_id = ?", [dataset_id]).fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def source_with_hash(store: Store, content_hash: str) -> int | None:
    """Id of the source whose text has this content hash, or None."""
    row = store.db.execute("SELECT id FROM sources WHERE content_hash = ?", [content_hash]).fetchone()
    return int(row[0]) if row else None


def source_full_text(store: Store, source_id: int) -> tuple[Source, str] | None:
    """A source and its full text ("" when only its reference is stored), or None when absent."""
    rows = list(store.db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    return (_source(rows[0]), rows[0]["full_text"] or "") if rows else None


def source_keys(store: Store) -> list[tuple[int, str, str, str, str]]:
    """(id, title, published, url, note) of every source, for spotting duplicate references."""
    rows = store.db.execute("SELECT id, title, coalesce(published, ''), url, note FROM sources ORDER BY id")
    return [(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows.fetchall()]


def country_names(store: Store) -> dict[str, str]:
    """Every English and French country name and alias -> ISO3 (as written, not normalised)."""
    names = dict(country_aliases(store))
    for c in countries(store):
        names[c.name_en] = c.iso3
        names[c.name_fr] = c.iso3
    return names


def topic_words(store: Store) -> dict[str, list[str]]:
    """Topic slug -> its English and French labels and keyword rules (the words that signal it)."""
    words = {t.slug: [t.label_en, t.label_fr] for t in topics(store)}
    for slug, fields in topic_rules(store).items():
        words.setdefault(slug, []).extend(fields.get("keyword", []))
    return words


def boundaries(store: Store, countries: Iterable[str] | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(ISO3, admin-1 name, GeoJSON geometry) of the imported region outlines, by country and name."""
    sql, params = "SELECT country_iso3, admin1, geometry FROM boundaries", []
    if countries is not None:
        params = sorted(set(countries))
        sql += f" WHERE country_iso3 IN ({','.join('?' * len(params))})"
    rows = store.db.execute(sql + " ORDER BY country_iso3, admin1", params).fetchall()
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


def boundary_files(store: Store, countries: Iterable[str]) -> list[str]:
    """Names of the files the selected countries' imported region outlines came from, sorted."""
    params = sorted(set(countries))
    sql = f"SELECT DISTINCT source_file FROM boundaries WHERE country_iso3 IN ({','.join('?' * len(params))})"
    return sorted(Path(r[0]).name for r in store.db.execute(sql, params).fetchall() if r[0])
