"""Writing to a store. Callers group related writes in `with store.db.atomic():`.

Contract: every function validates before it writes and raises `ValidationError` with a message a
user can act on; none commits half a batch (bulk inserts run inside the caller's transaction).
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from briefer.core.errors import ValidationError
from briefer.core.store import reads
from briefer.core.store.db import Store
from briefer.core.tagging import ACTOR_FIELDS, TopicTagger

if TYPE_CHECKING:
    from sqlite_utils.db import Table

EVENT_COLUMNS = (
    "dataset_id", "external_id", "event_date", "time_precision", "country_iso3", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "civilian_targeting", "fatalities", "fatalities_low", "fatalities_high", "notes", "source",
    "source_scale", "timestamp", "topic_mask",
)
_DEFAULTS: dict[str, Any] = {
    "time_precision": 1, "geo_precision": 1, "civilian_targeting": 0, "fatalities": 0,
    "latitude": None, "longitude": None, "fatalities_low": None, "fatalities_high": None,
    "timestamp": None,
}


def row_id(table: Table) -> int:
    """The id of the row `table.insert(...)` just wrote."""
    if table.last_pk is None:  # pragma: no cover - sqlite always gives a rowid
        raise RuntimeError(f"no id for the row inserted into {table.name}")
    return int(table.last_pk)


def tagger(store: Store) -> TopicTagger:
    """A topic tagger for the store's current topics and rules."""
    bits = {t.slug: t.bit for t in reads.topics(store)}
    aliases = dict(store.db.execute("SELECT alias, actor FROM actor_aliases").fetchall())
    return TopicTagger(bits, reads.topic_rules(store), aliases)


def insert_events(store: Store, dataset_id: int, events: Iterable[Mapping[str, Any]]) -> int:
    """Insert events of one dataset (new external ids only); returns how many were inserted."""
    return insert_rows(store, dataset_id, _event_rows(dataset_id, events, tagger(store)))


def insert_rows(store: Store, dataset_id: int, rows: Iterable[tuple[Any, ...]]) -> int:
    """Insert rows made by `event_rows` (or `_event_rows`) for one dataset, then index it."""
    placeholders = ",".join("?" * len(EVENT_COLUMNS))
    sql = f"INSERT INTO events ({','.join(EVENT_COLUMNS)}) VALUES ({placeholders})"
    cursor = store.db.conn.executemany(sql, rows)
    index_events(store, dataset_id)
    return cursor.rowcount


def event_rows(store: Store, dataset_id: int, records: Iterable[tuple[Any, ...]],
               keys: tuple[str, ...]) -> Iterator[tuple[Any, ...]]:
    """Rows for `insert_rows` from trusted tuples: each record holds the values of `keys` (events
    columns other than dataset_id and topic_mask), None only where the column allows it; the
    other columns get their defaults, civilian_targeting becomes 0/1, topic_mask is computed.

    No dict per event: the fast path of a bulk load (the demo store). The tagger is read from the
    store when this is called; the iterator itself touches no database."""
    unknown = set(keys) - set(EVENT_COLUMNS) | set(keys) & {"dataset_id", "topic_mask"}
    if unknown:
        raise ValueError(f"not event fields: {sorted(unknown)}")
    base = {**_TEXT_DEFAULTS, **_DEFAULTS, "dataset_id": dataset_id}
    fixed = tuple(c for c in EVENT_COLUMNS if c not in keys and c not in ("topic_mask", "civilian_targeting"))
    slots = (*keys, "topic_mask", "civilian_targeting", *fixed)  # civilian_targeting: its 0/1 value
    index = {name: i for i, name in enumerate(slots)}  # the last civilian_targeting wins
    pick = operator.itemgetter(*(index[c] for c in EVENT_COLUMNS))
    getters = [operator.itemgetter(keys.index(c)) if c in keys else _empty
               for c in ("event_type", "sub_event_type", *ACTOR_FIELDS, "notes", "civilian_targeting")]
    return _tagged_rows(records, tagger(store), getters, pick, tuple(base[c] for c in fixed))


def _empty(_: object) -> str:
    return ""


def _tagged_rows(records: Iterable[tuple[Any, ...]], tag: TopicTagger, getters: Sequence[Callable[[Any], Any]],
                 pick: Callable[[tuple[Any, ...]], tuple[Any, ...]], fixed: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    etype, subtype, a1, as1, a2, as2, notes, civ = getters
    mask_of = tag.mask_of
    for r in records:
        mask = mask_of(etype(r), subtype(r), (a1(r), as1(r), a2(r), as2(r)), notes(r))
        yield pick(r + (mask, 1 if civ(r) else 0) + fixed)


_NULLABLE = frozenset({"latitude", "longitude", "fatalities_low", "fatalities_high", "timestamp"})
_TEXT_DEFAULTS = {c: "" for c in EVENT_COLUMNS if c not in _NULLABLE and c not in _DEFAULTS}
_ROW = operator.itemgetter(*EVENT_COLUMNS)
_NOT_NULL = operator.itemgetter(*(c for c in EVENT_COLUMNS if c not in _NULLABLE))


def _event_rows(dataset_id: int, events: Iterable[Mapping[str, Any]], tag: TopicTagger) -> Iterator[tuple[Any, ...]]:
    base = {**_TEXT_DEFAULTS, **_DEFAULTS, "dataset_id": dataset_id}
    for event in events:
        row = {**base, **event}
        row["dataset_id"] = dataset_id
        row["civilian_targeting"] = 1 if row["civilian_targeting"] else 0
        row["topic_mask"] = tag.mask(row)
        values = _ROW(row)
        yield values if None not in _NOT_NULL(row) else tuple(_not_null(c, v) for c, v in zip(EVENT_COLUMNS, values))


def _not_null(column: str, value: Any) -> Any:
    return "" if value is None and column not in _NULLABLE else value


VIOLENCE_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def index_events(store: Store, dataset_id: int | None = None) -> None:
    """Rebuild the derived selection tables for one dataset, or for every event (see schema).

    Set-based: one pass over the events groups them by (country, day, type, region, topic mask)
    into a temp table, from which the daily tables are summed; `event_index` is one more pass,
    events outer and topics inner, inserted as they come (sorting them first into the table's key
    order took a third longer on a million events and gave no smaller table).
    """
    where, params = ("WHERE dataset_id = ?", [dataset_id]) if dataset_id is not None else ("", [])
    db = store.db
    for table in ("event_index", "topic_daily", "context_daily", "country_counts"):
        db.execute(f"DELETE FROM {table} {where}", params)
    db.execute("DROP TABLE IF EXISTS temp.index_days")
    db.execute(
        f"""CREATE TEMP TABLE index_days AS
            SELECT dataset_id, country_iso3, event_date, event_type, admin1, topic_mask, count(*) AS events,
                   sum(fatalities) AS fatalities, sum(geo_precision >= 3) AS low_geo,
                   sum(time_precision >= 2) AS low_time
            FROM events {where}
            GROUP BY dataset_id, country_iso3, event_date, event_type, admin1, topic_mask""", params)
    try:
        _index_from_days(store)
    finally:
        db.execute("DROP TABLE IF EXISTS temp.index_days")
    db.execute(
        f"""INSERT INTO event_index
            SELECT t.bit, e.country_iso3, e.event_date, e.id, e.dataset_id, e.actor1, e.actor2, e.fatalities
            FROM events e CROSS JOIN topics t
            WHERE (e.topic_mask >> t.bit) & 1 {'AND e.dataset_id = ?' if params else ''}""", params)


def _index_from_days(store: Store) -> None:
    """country_counts, topic_daily and context_daily summed from `temp.index_days`."""
    db = store.db
    db.execute("""INSERT INTO country_counts SELECT dataset_id, country_iso3, sum(events) FROM index_days
                  GROUP BY dataset_id, country_iso3""")
    db.execute(
        """INSERT INTO topic_daily
           SELECT t.bit, d.country_iso3, d.event_date, d.dataset_id, d.event_type, d.admin1, sum(d.events),
                  sum(d.fatalities), sum(d.low_geo), sum(d.low_time)
           FROM index_days d CROSS JOIN topics t
           WHERE (d.topic_mask >> t.bit) & 1
           GROUP BY t.bit, d.country_iso3, d.event_date, d.dataset_id, d.event_type, d.admin1
           ORDER BY t.bit, d.country_iso3, d.event_date, d.dataset_id, d.event_type, d.admin1""")
    marks = ",".join("?" * len(VIOLENCE_TYPES))
    db.execute(
        f"""INSERT INTO context_daily
            SELECT country_iso3, event_date, dataset_id, event_type, sum(events), sum(fatalities)
            FROM index_days WHERE event_type IN ({marks})
            GROUP BY country_iso3, event_date, dataset_id, event_type""", VIOLENCE_TYPES)


def retag_events(store: Store) -> int:
    """Recompute every event's topic mask after topics or rules changed; returns events changed."""
    tag = tagger(store)
    cols = ["id", "event_type", "sub_event_type", "notes", "topic_mask", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2"]
    rows = store.db.execute(f"SELECT {','.join(cols)} FROM events").fetchall()
    changes = []
    for values in rows:
        event = dict(zip(cols, values))
        mask = tag.mask(event)
        if mask != event["topic_mask"]:
            changes.append((mask, event["id"]))
    store.db.conn.executemany("UPDATE events SET topic_mask = ? WHERE id = ?", changes)
    index_events(store)
    return len(changes)


def add_dataset(store: Store, **fields: Any) -> int:
    """Insert a dataset row (name, kind, publisher, licence, attribution, url, accessed, synthetic)."""
    return row_id(store.db.table("datasets").insert(fields))


def add_source(store: Store, **fields: Any) -> int:
    """Insert a source; `authors` is a list of names; returns its id."""
    if not str(fields.get("title", "")).strip():
        raise ValidationError.of("wr-source-title")
    fields["authors"] = json.dumps(list(fields.get("authors") or []), ensure_ascii=False)
    return row_id(store.db.table("sources").insert(fields))


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def normalise_for_match(text: str) -> str:
    """Typographic quotes made straight and runs of whitespace made one space."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES).replace("\u00a0", " ")).strip()


def add_quotation(
    store: Store, source_id: int, text: str, *, speaker: str = "", locator: str = "",
    date: str | None = None, paraphrase: bool = False, countries: Iterable[str] = (),
    topics: Iterable[str] = (), page: int | None = None,
) -> int:
    """Insert a quotation tied to its source; refuses text not verbatim in the source's full text.

    The check applies when the source holds its full text and the quotation is not a paraphrase.
    """
    source = store.db.execute("SELECT full_text FROM sources WHERE id = ?", [source_id]).fetchone()
    if source is None:
        raise ValidationError.of("wr-no-source", id=source_id)
    clean = text.strip()
    if not clean:
        raise ValidationError.of("cap-empty-quotation")
    offsets = _locate(source[0], clean) if source[0] else None
    if source[0] and offsets is None and not paraphrase:
        raise ValidationError.of("wr-not-verbatim", id=source_id)
    row = {
        "source_id": source_id, "text": clean, "speaker": speaker, "locator": locator, "date": date,
        "paraphrase": int(paraphrase), "page": page,
        "start_offset": offsets[0] if offsets else None, "end_offset": offsets[1] if offsets else None,
    }
    qid = row_id(store.db.table("quotations").insert(row))
    store.db.table("quotation_countries").insert_all([{"quotation_id": qid, "iso3": c} for c in countries])
    store.db.table("quotation_topics").insert_all([{"quotation_id": qid, "topic": t} for t in topics])
    return qid


def _locate(full_text: str, text: str) -> tuple[int, int] | None:
    """Character offsets of `text` in `full_text`, tolerant of quote style and whitespace."""
    start = full_text.find(text)
    if start >= 0:
        return start, start + len(text)
    pattern = r"\s+".join(re.escape(word) for word in normalise_for_match(text).split(" "))
    straight = full_text.translate(_QUOTES).replace("\u00a0", " ")
    match = re.search(pattern, straight)
    return (match.start(), match.end()) if match else None


def add_figure(store: Store, **fields: Any) -> int:
    """Insert a key figure (source_id, country_iso3, topic, label, value, unit, qualifier, as_of, sentence, locator)."""
    if not str(fields.get("label", "")).strip():
        raise ValidationError.of("wr-figure-label")
    return row_id(store.db.table("figures").insert(fields))


def find_verbatim(full_text: str, text: str) -> tuple[int, int] | None:
    """Offsets of `text` in `full_text` as `add_quotation` checks it (quote style and whitespace
    tolerated), or None when it is not there verbatim."""
    clean = text.strip()
    return _locate(full_text, clean) if clean and full_text else None


SOURCE_FIELDS = frozenset({"title", "authors", "publisher", "container", "published", "url", "accessed",
                           "kind", "language", "note", "protected"})


def update_source(store: Store, source_id: int, **fields: Any) -> None:
    """Change a source's describing fields (those in `SOURCE_FIELDS`; not its text or hash).

    `authors` is a list of names; `published` a partial ISO date ("2023", "2023-07", "2023-07-07")
    or None, its precision set to match; `accessed` an ISO date or None. Raises ValidationError for
    an unknown source or field, an empty title or a malformed date, before writing anything.
    """
    from briefer.core.domain import PartialDate

    if store.db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone() is None:
        raise ValidationError.of("wr-no-source", id=source_id)
    unknown = sorted(set(fields) - SOURCE_FIELDS)
    if unknown:
        raise ValidationError.of("wr-source-field", name=unknown[0], editable=", ".join(sorted(SOURCE_FIELDS)))
    row = dict(fields)
    if "title" in row and not str(row["title"] or "").strip():
        raise ValidationError.of("wr-source-title")
    if "authors" in row:
        row["authors"] = json.dumps([str(a) for a in row["authors"] or []], ensure_ascii=False)
    if "published" in row:
        try:
            date = PartialDate.of(row["published"] or None)
        except ValueError:
            raise ValidationError.of("val-partial-date", text=str(row["published"])) from None
        row["published"], row["published_precision"] = (date.iso, date.precision) if date else (None, None)
    if row.get("accessed"):
        try:
            row["accessed"] = dt.date.fromisoformat(str(row["accessed"])).isoformat()
        except ValueError:
            raise ValidationError.of("ent-accessed-day", text=str(row["accessed"])) from None
    if "protected" in row:
        row["protected"] = int(bool(row["protected"]))
    if row:
        store.db.table("sources").update(source_id, row)
