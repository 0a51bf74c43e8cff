"""Changing what the user curates — sources, quotations, figures — so that every change can be undone.

Contract:
- A *snapshot* is everything a row owns, read at one moment: a quotation with its countries and
  topics; a figure; a source with its full text, its quotations (with their links), its figures and
  the key dates that cite it. `snapshot(store, kind, id)` reads one (None when the row is absent).
- `put(store, kind, id, snap)` makes the store hold `snap` for that id, in one transaction:
  `None` deletes the row (a source's quotations and figures go with it; its key dates keep their
  date and lose the link); a snapshot of an absent row re-creates it with the same id and every
  link (and, for a source, its quotations, figures and key-date links); a snapshot of a present
  row overwrites its columns (a quotation's links too; a source's children are left as they are).
- Every write returns a `Change(kind, id, before, after)`: `put(before)` undoes it, `put(after)`
  redoes it. Adds and edits run the verbatim and locator checks of `importers.capture`.
- A read-only store is refused with a `StoreError` before anything is read or written; a mistake
  (unknown id, text not in the source, bad date) raises a `BrieferError` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from briefer.core.errors import ValidationError
from briefer.core.importers import capture
from briefer.core.store import writes
from briefer.core.store.db import Store

Kind = Literal["source", "quotation", "figure"]
KINDS: tuple[Kind, ...] = ("source", "quotation", "figure")
_TABLES: dict[str, str] = {"source": "sources", "quotation": "quotations", "figure": "figures"}


@dataclass(frozen=True)
class QuotationSnapshot:
    row: dict[str, Any]
    countries: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True)
class FigureSnapshot:
    row: dict[str, Any]


@dataclass(frozen=True)
class SourceSnapshot:
    row: dict[str, Any]
    quotations: tuple[QuotationSnapshot, ...]
    figures: tuple[FigureSnapshot, ...]
    key_dates: tuple[int, ...]  # ids of the key dates that cite the source


Snapshot = QuotationSnapshot | FigureSnapshot | SourceSnapshot


@dataclass(frozen=True)
class Change:
    """One change: the row `kind`/`id` held `before` and holds `after` (None: no row)."""

    kind: Kind
    id: int
    before: Snapshot | None
    after: Snapshot | None


# Reading snapshots
def _row(store: Store, table: str, row_id: int) -> dict[str, Any] | None:
    rows = list(store.db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
    return rows[0] if rows else None


def _column(store: Store, sql: str, params: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(r[0] for r in store.db.execute(sql, list(params)).fetchall())


def _quotation(store: Store, row: dict[str, Any]) -> QuotationSnapshot:
    qid = row["id"]
    return QuotationSnapshot(
        row,
        _column(store, "SELECT iso3 FROM quotation_countries WHERE quotation_id = ? ORDER BY iso3", [qid]),
        _column(store, "SELECT topic FROM quotation_topics WHERE quotation_id = ? ORDER BY topic", [qid]),
    )


def _source(store: Store, row: dict[str, Any]) -> SourceSnapshot:
    sid = row["id"]
    quotations = store.db.query("SELECT * FROM quotations WHERE source_id = ? ORDER BY id", [sid])
    figures = store.db.query("SELECT * FROM figures WHERE source_id = ? ORDER BY id", [sid])
    return SourceSnapshot(
        row, tuple(_quotation(store, q) for q in quotations), tuple(FigureSnapshot(f) for f in figures),
        _column(store, "SELECT id FROM key_dates WHERE source_id = ? ORDER BY id", [sid]),
    )


def snapshot(store: Store, kind: Kind, row_id: int) -> Snapshot | None:
    """Everything the row owns now (see the module's contract), or None when it is absent."""
    row = _row(store, _TABLES[kind], row_id)
    if row is None:
        return None
    if kind == "quotation":
        return _quotation(store, row)
    if kind == "source":
        return _source(store, row)
    return FigureSnapshot(row)


def _existing(store: Store, kind: Kind, row_id: int) -> Snapshot:
    found = snapshot(store, kind, row_id)
    if found is None:
        raise ValidationError.of("store-row-gone", kind=kind, id=row_id)
    return found


# Writing snapshots
def put(store: Store, kind: Kind, row_id: int, snap: Snapshot | None) -> None:
    """Make the store hold `snap` for `kind`/`row_id` (None: no row), in one transaction."""
    store.require_writable("ro-sources")
    with store.db.atomic():
        if snap is None:
            store.db.execute(f"DELETE FROM {_TABLES[kind]} WHERE id = ?", [row_id])
        elif isinstance(snap, QuotationSnapshot):
            _put_quotation(store, snap)
        elif isinstance(snap, SourceSnapshot):
            _put_source(store, snap)
        else:
            _write_row(store, "figures", snap.row)


def _write_row(store: Store, table: str, row: dict[str, Any]) -> bool:
    """Overwrite the row with `row["id"]`, or insert it; True when it was inserted."""
    columns = [c for c in row if c != "id"]
    if store.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row["id"]]).fetchone():
        sets = ", ".join(f"[{c}] = ?" for c in columns)
        store.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*(row[c] for c in columns), row["id"]])
        return False
    names = ", ".join(f"[{c}]" for c in row)
    store.db.execute(f"INSERT INTO {table} ({names}) VALUES ({','.join('?' * len(row))})", list(row.values()))
    return True


def _put_quotation(store: Store, snap: QuotationSnapshot) -> None:
    qid = snap.row["id"]
    _write_row(store, "quotations", snap.row)
    store.db.execute("DELETE FROM quotation_countries WHERE quotation_id = ?", [qid])
    store.db.execute("DELETE FROM quotation_topics WHERE quotation_id = ?", [qid])
    store.db.conn.executemany("INSERT INTO quotation_countries (quotation_id, iso3) VALUES (?, ?)",
                              [(qid, iso3) for iso3 in snap.countries])
    store.db.conn.executemany("INSERT INTO quotation_topics (quotation_id, topic) VALUES (?, ?)",
                              [(qid, slug) for slug in snap.topics])


def _put_source(store: Store, snap: SourceSnapshot) -> None:
    if not _write_row(store, "sources", snap.row):
        return  # an edit: the source's quotations and figures are left as they are
    for quotation in snap.quotations:
        _put_quotation(store, quotation)
    for figure in snap.figures:
        _write_row(store, "figures", figure.row)
    marks = ",".join("?" * len(snap.key_dates))
    if marks:
        store.db.execute(f"UPDATE key_dates SET source_id = ? WHERE id IN ({marks})",
                         [snap.row["id"], *snap.key_dates])


# The user's changes
def delete(store: Store, kind: Kind, row_id: int) -> Change:
    """Delete a source (with its quotations and figures), a quotation or a figure."""
    store.require_writable("ro-sources")
    before = _existing(store, kind, row_id)
    put(store, kind, row_id, None)
    return Change(kind, row_id, before, None)


def _changed(store: Store, kind: Kind, row_id: int, before: Snapshot | None) -> Change:
    return Change(kind, row_id, before, snapshot(store, kind, row_id))


def add_quotation(store: Store, source_id: int, text: str, **details: Any) -> Change:
    """Capture a quotation (`capture.capture_quotation`'s checks and keywords)."""
    store.require_writable("ro-sources")
    qid = capture.capture_quotation(store, source_id, text, **details)
    return _changed(store, "quotation", qid, None)


def add_figure(store: Store, source_id: int, figure: capture.FigureInput) -> Change:
    """Capture a key figure (`capture.capture_figure`'s checks)."""
    store.require_writable("ro-sources")
    fid = capture.capture_figure(store, source_id, figure)
    return _changed(store, "figure", fid, None)


def edit_quotation(store: Store, quotation_id: int, text: str, *, speaker: str = "", locator_text: str = "",
                   countries: Sequence[str] = (), topics: Sequence[str] = (), paraphrase: bool = False) -> Change:
    """Change a quotation's words, speaker, countries, topics or paraphrase flag, checked like an add;
    its locator and offsets are computed again (or `locator_text` kept for a source without text)."""
    store.require_writable("ro-sources")
    before = _existing(store, "quotation", quotation_id)
    q = capture.quotation_fields(store, before.row["source_id"], text, speaker=speaker, locator_text=locator_text,
                                 countries=countries, topics=topics, paraphrase=paraphrase)
    start, end = q.offsets or (None, None)
    row = {**before.row, "text": q.text, "speaker": q.speaker, "locator": q.locator.text, "page": q.locator.page,
           "paraphrase": int(q.paraphrase), "start_offset": start, "end_offset": end}
    put(store, "quotation", quotation_id, QuotationSnapshot(row, q.countries, q.topics))
    return _changed(store, "quotation", quotation_id, before)


def edit_figure(store: Store, figure_id: int, figure: capture.FigureInput) -> Change:
    """Change a figure, checked like an add (its sentence verbatim, value a number, date valid)."""
    store.require_writable("ro-sources")
    before = _existing(store, "figure", figure_id)
    fields = capture.figure_fields(store, before.row["source_id"], figure)
    put(store, "figure", figure_id, FigureSnapshot({**before.row, **fields}))
    return _changed(store, "figure", figure_id, before)


def edit_source(store: Store, source_id: int, **fields: Any) -> Change:
    """Change a source's describing fields (`writes.update_source`'s fields and checks)."""
    store.require_writable("ro-sources")
    before = _existing(store, "source", source_id)
    with store.db.atomic():
        writes.update_source(store, source_id, **fields)
    return _changed(store, "source", source_id, before)
