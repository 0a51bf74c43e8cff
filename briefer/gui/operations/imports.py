"""Importing files into the open store, and reading the import log.

Contract:
- `import_file(store, ImportRequest, progress)` runs the core importer of `request.kind` (a key of
  `IMPORTERS`) on the worker's store: with `dry_run` it only checks and counts (the store file is
  not changed), otherwise it writes in the importer's one transaction. It returns an `ImportResult`
  (plain frozen data). Event imports report progress and stop at the user's cancel with
  `ImportCancelled`, nothing written; the other kinds check for a cancel only before they start.
- A read-only store is refused (`StoreError`) before anything is read; an unreadable or unknown
  file raises the core's `ImportFileError`; both are `BrieferError`s with a message for the user.
- Adding a kind (e.g. an incident log) is one function `(store, request, progress) -> ImportResult`
  and one entry in `IMPORTERS`.
- `document_details(store, path)` reads what a document says about itself (to prefill the form);
  `guess_kind(store, path)` names the likely kind of a dropped file; `import_log(store)` lists the
  `imports` table newest first; `reload_store(store)` is the `StoreInfo` after an import.
- Incident logs: `incident_setup(store, path)` reads the headings, the guessed mapping and the saved
  profiles for the mapping form; the "incidents" importer takes `options` {mapping, date_order,
  country, dataset, organisation, save_as, accessed}, and its dry run also carries the first rows as read (`preview`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefer.core.errors import ImportCancelled

if TYPE_CHECKING:
    from briefer.core.importers.report import ImportReport
    from briefer.core.store.db import Store
    from briefer.gui.operations.store import StoreInfo

MAX_SHOWN_ERRORS = 200


class ImportProgress(Protocol):
    """The worker's progress handle as an import uses it (see `tasks.ProgressHandle`)."""

    def report(self, fraction: float, stage: str, **values: object) -> None: ...

    def check(self) -> None: ...

    @property
    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class ImportRequest:
    """One file to check (`dry_run`) or import; `options` are the kind's (title, country, accessed…)."""

    kind: str
    path: Path
    dry_run: bool = True
    accept_bad_rows: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RowIssue:
    """A refused row: its line, column (may be empty) and what is wrong."""

    line: int
    column: str
    message: str


@dataclass(frozen=True)
class ImportResult:
    """What an import did or would do (counts of events, sources or regions)."""

    kind: str
    file: str
    dry_run: bool
    written: bool
    refused: bool
    rows: int
    added: int
    updated: int
    unchanged: int
    rejected: int
    vanished: int = 0
    errors: tuple[RowIssue, ...] = ()
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    file_format: str = ""
    summary: str = ""
    source_id: int | None = None
    preview: tuple[Any, ...] = ()  # incident logs: the first rows as read (IncidentRowPreview)


@dataclass(frozen=True)
class DocumentDetails:
    """What a document file says about itself (empty when it says nothing)."""

    title: str
    authors: tuple[str, ...]
    publisher: str
    date: str
    url: str
    language: str
    file_format: str


@dataclass(frozen=True)
class ImportLogRow:
    """One line of the store's import log."""

    id: int
    kind: str
    file: str
    started: str
    user: str
    added: int
    updated: int
    unchanged: int
    rejected: int
    message: str
    message_fr: str = ""  # empty for imports logged before the log was kept in French too


def _result(report: ImportReport, **extra: Any) -> ImportResult:
    errors = tuple(RowIssue(e.line, e.column, e.message) for e in report.errors[:MAX_SHOWN_ERRORS])
    warnings = tuple(w for w in (report.vanished_note(),) if w)
    fields: dict[str, Any] = {"notes": tuple(report.notes)} | extra
    return ImportResult(report.kind, report.file, report.dry_run, report.written, report.refused, report.rows,
                        report.added, report.updated, report.unchanged, report.rejected, report.vanished,
                        errors, warnings, file_format=report.file_format, summary=report.summary(), **fields)


def _events(store: Store, request: ImportRequest, progress: ImportProgress) -> ImportResult:
    from briefer.core.importers.run import import_events

    accessed = request.options.get("accessed")

    def step(done: int, total: int) -> None:
        progress.report(done / total if total else 0.0, "imp-reading")

    report = import_events(store, request.kind, request.path, dry_run=request.dry_run,
                           accept_bad_rows=request.accept_bad_rows, progress=step,
                           cancel=lambda: progress.cancelled,
                           accessed=accessed if isinstance(accessed, dt.date) else None)
    return _result(report)


def _document(store: Store, request: ImportRequest, progress: ImportProgress) -> ImportResult:
    from briefer.core.importers.documents import Overrides, import_document, preview

    o = request.options
    overrides = Overrides(title=str(o.get("title", "")), authors=tuple(o.get("authors", ())),
                          publisher=str(o.get("publisher", "")), date=str(o.get("date", "")),
                          url=str(o.get("url", "")), language=str(o.get("language", "")))
    done = import_document(store, request.path, overrides=overrides, dry_run=request.dry_run)
    notes = tuple(dict.fromkeys([*done.report.notes, *done.notes]))
    return _result(done.report, notes=notes, details=tuple(preview(done)), source_id=done.source_id)


def _references(store: Store, request: ImportRequest, progress: ImportProgress) -> ImportResult:
    from briefer.core.importers.references import import_references, summary

    report = import_references(store, request.path, dry_run=request.dry_run,
                               accept_bad_rows=request.accept_bad_rows)
    return _result(report, summary=summary(report))


def _boundaries(store: Store, request: ImportRequest, progress: ImportProgress) -> ImportResult:
    from briefer.core.importers.boundaries import import_boundaries

    report = import_boundaries(store, request.path, str(request.options.get("country", "")),
                               dry_run=request.dry_run, accept_bad_rows=request.accept_bad_rows)
    return _result(report)


Importer = Callable[["Store", ImportRequest, ImportProgress], ImportResult]
IMPORTERS: dict[str, Importer] = {"acled": _events, "ucdp": _events, "document": _document,
                                  "references": _references, "boundaries": _boundaries}
CANCELLABLE = frozenset({"acled", "ucdp", "incidents"})  # kinds that stop part-way; the others only before they start


def import_file(store: Store, request: ImportRequest, progress: ImportProgress) -> ImportResult:
    """Check or import `request.path` into `store` (see the module's contract)."""
    store.require_writable("ro-import")
    if progress.cancelled:
        raise ImportCancelled.of("imp-cancelled")
    progress.report(0.0, "imp-reading")
    return IMPORTERS[request.kind](store, request, progress)


def is_cancelled(exc: BaseException) -> bool:
    """True for the error of an import the user cancelled (nothing was written)."""
    return isinstance(exc, ImportCancelled)


def document_details(store: Store | None, path: Path) -> DocumentDetails:
    """What the document at `path` says about itself; ImportFileError when it cannot be read."""
    from briefer.core.importers.documents import read_document

    document = read_document(path)
    f = document.fields
    return DocumentDetails(f.title, tuple(f.authors), f.publisher, f.published or "", f.url, f.language,
                           document.file_format)


EVENT_HEADERS = {"acled": ("event_id_cnty", "sub_event_type", "actor1"), "ucdp": ("type_of_violence", "best", "side_a")}
SUFFIX_KINDS = {".ris": "references", ".bib": "references", ".bibtex": "references", ".geojson": "boundaries",
                ".pdf": "document", ".html": "document", ".htm": "document", ".md": "document",
                ".markdown": "document", ".txt": "document", ".xlsx": "acled"}


def guess_kind(store: Store | None, path: Path) -> str:
    """The kind a file most likely is, from its suffix and first bytes: a CSV that is neither ACLED
    nor UCDP is an organisation's incident log; "acled" when unsure."""
    suffix = Path(path).suffix.lower()
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace").lower()
    except OSError:
        head = ""
    if suffix == ".json":
        return "boundaries" if "featurecollection" in head else "references"
    if suffix in SUFFIX_KINDS:
        return SUFFIX_KINDS[suffix]
    for kind, names in EVENT_HEADERS.items():
        if sum(name in head for name in names) >= 2:
            return kind
    return "incidents" if suffix in (".csv", ".tsv") and head.strip() else "acled"


def import_log(store: Store, _: object = None) -> tuple[ImportLogRow, ...]:
    """The store's import log, newest first."""
    rows = store.db.execute("SELECT id, kind, file, started, user, added, updated, unchanged, rejected, message, "
                            "message_fr FROM imports ORDER BY started DESC, id DESC").fetchall()
    return tuple(ImportLogRow(*row) for row in rows)


def reload_store(store: Store, _: object = None) -> StoreInfo:
    """What the pickers show, read again after an import changed the store."""
    from briefer.gui.operations.store import store_info

    return store_info(store)


# Incident logs (an organisation's own CSV or Excel log, read through a column mapping)
@dataclass(frozen=True)
class IncidentProfileRow:
    """A saved column mapping: its name, {field: heading} and options."""

    name: str
    mapping: Mapping[str, str]
    date_order: str = "dmy"
    dataset: str = ""
    country: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class IncidentSetup:
    """What the mapping form needs: the file's headings, the guessed mapping, the saved profiles
    (`matching` names the first whose headings are all in the file, "" when none is)."""

    headings: tuple[str, ...]
    guessed: Mapping[str, str]
    profiles: tuple[IncidentProfileRow, ...]
    fields: tuple[str, ...]
    matching: str = ""


@dataclass(frozen=True)
class IncidentRowPreview:
    """One data row as the import reads it (the check page's preview table)."""

    line: int
    date: str
    country: str
    region: str
    place: str
    type: str
    actors: str
    deaths: str


def incident_setup(store: Store, path: Path) -> IncidentSetup:
    """Read a log's headings and the store's profiles; ImportFileError when the file has none."""
    from briefer.core.importers.fields import normalise_name
    from briefer.core.importers.incident_import import read_headings
    from briefer.core.importers.profiles import FIELDS, guess_mapping, list_profiles

    headings = read_headings(path)
    present = {normalise_name(h) for h in headings}
    profiles = tuple(IncidentProfileRow(p.name, dict(p.mapping), p.options.date_order, p.options.dataset,
                                        p.options.country, p.options.organisation) for p in list_profiles(store))
    matching = next((p.name for p in profiles
                     if p.mapping and all(normalise_name(h) in present for h in p.mapping.values())), "")
    return IncidentSetup(tuple(h for h in headings if h), guess_mapping(headings), profiles, tuple(FIELDS), matching)


def _incident_profile(request: ImportRequest) -> Any:
    from briefer.core.importers.profiles import IncidentProfile, ProfileOptions

    o = request.options
    options = ProfileOptions(date_order=str(o.get("date_order") or "dmy"), dataset=str(o.get("dataset", "")).strip(),
                             country=str(o.get("country", "")), organisation=str(o.get("organisation", "")))
    return IncidentProfile(str(o.get("profile", "")), dict(o.get("mapping", {})), options).checked()


def _incident_rows(store: Store, request: ImportRequest, profile: Any) -> tuple[IncidentRowPreview, ...]:
    from briefer.core.importers.incident_import import preview_incidents

    rows = []
    for line, e in preview_incidents(store, request.path, profile).events:
        actors = " / ".join(a for a in (e.get("actor1"), e.get("actor2")) if a)
        rows.append(IncidentRowPreview(line, str(e.get("event_date", "")), str(e.get("country_iso3", "")),
                                       str(e.get("admin1", "")), str(e.get("location", "")),
                                       str(e.get("event_type", "")), actors, str(e.get("fatalities", ""))))
    return tuple(rows)


def _incidents(store: Store, request: ImportRequest, progress: ImportProgress) -> ImportResult:
    from briefer.core.importers.incident_import import import_incidents

    profile = _incident_profile(request)
    accessed = request.options.get("accessed")
    save_as = str(request.options.get("save_as", "")).strip() or None

    def step(done: int, total: int) -> None:
        progress.report(done / total if total else 0.0, "imp-reading")

    report = import_incidents(store, request.path, profile, save_as=save_as, dry_run=request.dry_run,
                              accept_bad_rows=request.accept_bad_rows, progress=step,
                              cancel=lambda: progress.cancelled,
                              accessed=accessed if isinstance(accessed, dt.date) else None)
    preview = _incident_rows(store, request, profile) if request.dry_run else ()
    return _result(report, preview=preview)


IMPORTERS["incidents"] = _incidents
