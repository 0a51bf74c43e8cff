"""The one entry to event imports: parse -> validate -> one transaction.

Contract of `import_events(store, kind, path, ...)`:
- reads the file as a stream (CSV: any of UTF-8, UTF-8 with BOM, cp1252; comma, semicolon or tab;
  any line ends; junk lines before the header; XLSX) into a temp staging table, never into memory;
- a file it cannot read at all raises `ImportFileError` (file, line, column); bad rows do not:
  they are counted and listed in the report, and by default the whole file is refused
  (`report.refused`, the store untouched); `accept_bad_rows` imports the good rows;
- `dry_run` computes the same report and writes nothing;
- otherwise ONE transaction: the dataset row (created, or its access date renewed), new events
  added, events with a newer timestamp updated, the selection index rebuilt when anything
  changed, and a line in the `imports` table; any failure rolls all of it back;
- `progress(done, total)` and `cancel()` are called every `CHUNK` rows; a cancel raises
  `ImportCancelled` with nothing written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from briefer.core.errors import ImportCancelled, ImportFileError
from briefer.core.importers import acled, ucdp
from briefer.core.importers.base import DERIVED, Context, Event, EventFormat, Merge
from briefer.core.importers.dates import DateParser
from briefer.core.importers.fields import Columns, CountryLookup, RowProblem
from briefer.core.importers.report import MAX_VANISHED_IDS, ImportReport
from briefer.core.importers.stage import Stage, as_row
from briefer.core.importers.storefile import user
from briefer.core.importers.tables import Table, open_table
from briefer.core.messages import msg
from briefer.core.store import writes
from briefer.core.store.db import Store

FORMATS: dict[str, EventFormat] = {"acled": acled.FORMAT, "ucdp": ucdp.FORMAT}
CHUNK = 5000
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
Tag = Callable[[Event], int]


def event_format(kind: str) -> EventFormat:
    """The format called `kind` ("acled", "ucdp"), or ImportFileError listing the known ones."""
    try:
        return FORMATS[kind.lower()]
    except KeyError:
        raise ImportFileError(kind, msg("imp-unknown-kind", kinds=", ".join(FORMATS))) from None


def import_events(store: Store, kind: str, path: str | Path, *, dry_run: bool = False,
                  accept_bad_rows: bool = False, progress: Progress | None = None,
                  cancel: Cancel | None = None, accessed: dt.date | None = None) -> ImportReport:
    """Import an event file into `store` (see the module's contract)."""
    return import_with_format(store, event_format(kind), path, dry_run=dry_run, accept_bad_rows=accept_bad_rows,
                              progress=progress, cancel=cancel, accessed=accessed)


def import_with_format(store: Store, fmt: EventFormat, path: str | Path, *, dry_run: bool = False,
                       accept_bad_rows: bool = False, progress: Progress | None = None,
                       cancel: Cancel | None = None, accessed: dt.date | None = None) -> ImportReport:
    """`import_events` for a format built by the caller (an organisation's incident log)."""
    path = Path(path)
    started = dt.datetime.now().isoformat(timespec="seconds")
    report = ImportReport(kind=fmt.kind, file=str(path), dataset=fmt.dataset.name, dry_run=dry_run)
    tag = writes.tagger(store).mask
    stage = Stage(store)
    roomy = _roomy_cache(store)
    try:
        with store.db.atomic():
            _load(store, fmt, path, stage, report, tag, progress, cancel)
        _count(store, fmt, stage, report, accept_bad_rows)
        if report.refused or dry_run:
            return report
        with store.db.atomic():
            _write(store, fmt, stage, report, (accessed or dt.date.today()).isoformat(), started)
        report.written = True
    finally:
        stage.drop()
        roomy()
    return report


IMPORT_CACHE_KIB = 65536


def _roomy_cache(store: Store) -> Callable[[], None]:
    """A larger page cache for the store and its temp database while importing (a million events
    and their indexes do not fit the default 2 MB); returns the function that restores it."""
    db = store.db
    before = {schema: db.execute(f"PRAGMA {schema}.cache_size").fetchone()[0] for schema in ("main", "temp")}
    for schema in before:
        db.execute(f"PRAGMA {schema}.cache_size = -{IMPORT_CACHE_KIB}")

    def restore() -> None:
        for schema, size in before.items():
            db.execute(f"PRAGMA {schema}.cache_size = {int(size)}")
    return restore


def _load(store: Store, fmt: EventFormat, path: Path, stage: Stage, report: ImportReport, tag: Tag,
          progress: Progress | None, cancel: Cancel | None) -> None:
    """Parse the file into the stage; a file that is not UTF-8 after all is read again as cp1252."""
    encoding: str | None = None
    while True:
        table = open_table(path, fmt.expected, least=fmt.least, encoding=encoding)
        try:
            with table:
                merge = _read(store, fmt, table, stage, report, tag, progress, cancel)
            break
        except UnicodeDecodeError as exc:
            if table.encoding != "utf-8":
                raise ImportFileError(str(path), msg("imp-undecodable", reason=exc.reason)) from exc
            encoding = "cp1252"
            stage.clear()
            report.rows, report.rejected, report.errors = 0, 0, []
    stage.finish(merge, tag, report.reject)


def _read(store: Store, fmt: EventFormat, table: Table, stage: Stage, report: ImportReport, tag: Tag,
          progress: Progress | None, cancel: Cancel | None) -> Merge | None:
    """Rows -> events -> the stage, in chunks; returns the parser's merge (for repeats further apart)."""
    columns = Columns(table.header, file=table.file, line=table.header_line)
    parse = fmt.make_parser(columns, Context(table.file, CountryLookup(store), DateParser()))
    report.file_format = table.description
    events = _Batch(stage, parse.merge, tag)
    count = 0
    for count, (line, values) in enumerate(table.rows, start=1):
        if count % CHUNK == 0:
            events.flush()
            _checkpoint(table, progress, cancel)
        try:
            events.add(line, parse(values))
        except RowProblem as problem:
            report.reject(line, problem.column, problem.message)
    events.flush(final=True)
    report.rows = count
    if progress:
        progress(*table.progress())
    return parse.merge


class _Batch:
    """Parsed events on their way to the stage: consecutive rows of one id merged, tuples batched."""

    def __init__(self, stage: Stage, merge: Merge | None, tag: Tag) -> None:
        self.stage, self.merge, self.tag = stage, merge, tag
        self.pending: Event | None = None
        self.line = 0
        self.rows: list[tuple[object, ...]] = []

    def add(self, line: int, event: Event) -> None:
        pending = self.pending
        if (self.merge is not None and pending is not None and DERIVED not in event
                and event["external_id"] == pending["external_id"]):
            self.pending = self.merge(pending, event)
            return
        self._push()
        self.pending, self.line = event, line

    def _push(self) -> None:
        if self.pending is not None:
            self.rows.append(_staged(self.line, self.pending, self.tag))
            self.pending = None

    def flush(self, *, final: bool = False) -> None:
        """Send the batched tuples to the stage (the pending event too when `final`)."""
        if final:
            self._push()
        self.stage.add(self.rows)
        self.rows = []


def _staged(line: int, event: Event, tag: Tag) -> tuple[object, ...]:
    event["topic_mask"] = tag(event)
    return as_row(line, event)


def _checkpoint(table: Table, progress: Progress | None, cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled.of("imp-cancelled")
    if progress is not None:
        progress(*table.progress())


def _count(store: Store, fmt: EventFormat, stage: Stage, report: ImportReport, accept_bad_rows: bool) -> None:
    """Fill the report's counts (zero when the file is refused: nothing would change)."""
    report.refused = report.rejected > 0 and not accept_bad_rows
    if report.refused:
        return
    dataset_id = dataset_of(store, fmt)
    report.added, report.updated, report.unchanged = stage.counts(dataset_id)
    report.vanished, report.vanished_ids = stage.vanished(dataset_id, MAX_VANISHED_IDS)


def dataset_of(store: Store, fmt: EventFormat) -> int | None:
    """Id of the format's dataset in the store, or None before its first import."""
    row = store.db.execute("SELECT id FROM datasets WHERE name = ?", [fmt.dataset.name]).fetchone()
    return int(row[0]) if row else None


def _write(store: Store, fmt: EventFormat, stage: Stage, report: ImportReport, accessed: str,
           started: str) -> None:
    """The one transaction's work: dataset row, events, selection index, import log."""
    fields = fmt.dataset.row(accessed)
    dataset_id = dataset_of(store, fmt)
    if dataset_id is None:
        dataset_id = writes.add_dataset(store, **fields)
    else:
        store.db.execute("UPDATE datasets SET accessed = ?, attribution = ? WHERE id = ?",
                         [accessed, fields["attribution"], dataset_id])
    added, updated = stage.write(dataset_id)
    if (added, updated) != (report.added, report.updated):
        raise RuntimeError(f"import counts changed while writing: {added}/{updated} "
                           f"instead of {report.added}/{report.updated}")
    if added or updated:
        writes.index_events(store, dataset_id)
    store.db.table("imports").insert({
        "kind": fmt.kind, "file": str(Path(report.file).resolve()), "dataset_id": dataset_id,
        "started": started, "user": user(), "added": report.added, "updated": report.updated,
        "unchanged": report.unchanged, "rejected": report.rejected, "message": report.message(),
        "message_fr": report.message("fr"),
    })

