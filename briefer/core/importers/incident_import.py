"""Importing an organisation's incident log: settling the mapping, then the shared event import.

Contract:
- `read_headings(path)` gives the headings of a log (CSV in any encoding and delimiter, or the
  first sheet of an XLSX): the first of the first lines with at least two headings the mapping
  guesser knows, else the first non-empty line; `ImportFileError` when there is none.
- `settle_profile(headings, profile, mapping, dataset=, country=, date_order=)` returns the
  profile to import with and whether its mapping was guessed: a saved profile, or without one the
  mapping guessed from the headings, with `mapping` entries (from --map) replacing either's
  (so one wrong guess is corrected without spelling out the rest). A mapping without
  `date`, or without `country` and no default country, is refused with `ImportFileError`
  listing the file's headings.
- `import_incidents(store, path, profile, ...)` has the guarantees of `run.import_events` (one
  transaction, refusal of files with bad rows unless `accept_bad_rows`, `dry_run`, progress and
  cancel callbacks, a line in `imports` of kind "incidents") into the profile's dataset
  (default "Incident log"), which must not be another kind's dataset (ACLED, UCDP GED, synthetic).
  `save_as` stores the profile under that name once the import was written.
- `preview_incidents(store, path, profile, limit)` parses the first `limit` data rows as the
  import would, writing nothing: (line, event) pairs and the rows' problems, for a wizard.
- `import_incidents_into(store_path, path, ...)` does all of it on a store given by its path,
  creating the store when absent (see `storefile.with_store`); returns (report, profile, guessed).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefer.core.errors import ImportFileError
from briefer.core.importers import acled, ucdp
from briefer.core.importers.fields import normalise_name
from briefer.core.importers.incidents import incident_format
from briefer.core.importers.profiles import (
    FIELDS,
    IncidentProfile,
    ProfileOptions,
    guess_mapping,
    heading_key,
    heading_score,
    load_profile,
    save_profile,
)
from briefer.core.importers.report import ImportReport, RowError
from briefer.core.importers.run import Cancel, Progress, import_with_format
from briefer.core.importers.sniff import DELIMITERS, MAX_JUNK, SAMPLE, detect_encoding
from briefer.core.importers.storefile import with_store
from briefer.core.messages import msg
from briefer.core.store.db import Store

DEFAULT_DATASET = "Incident log"
OTHER_DATASETS = (acled.DATASET.name, ucdp.DATASET.name)


def read_headings(path: str | Path) -> list[str]:
    """The headings of the log at `path` (see the module's contract)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(str(path), msg("imp-no-file" if not path.exists() else "imp-not-a-file"))
    lines = _xlsx_lines(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_lines(path)
    lines = [[c.strip() for c in line] for line in lines if any(c.strip() for c in line)]
    if not lines:
        raise ImportFileError(str(path), msg("imp-empty"))
    for line in lines:
        if sum(1 for c in line if any(heading_score(heading_key(c), words) for words in FIELDS.values())) >= 2:
            return line
    return lines[0]


def _csv_lines(path: Path) -> list[list[str]]:
    try:
        with path.open("rb") as handle:
            data = handle.read(SAMPLE)
    except OSError as exc:
        raise ImportFileError(str(path), msg("imp-unreadable", reason=exc.strerror or exc)) from exc
    encoding = detect_encoding(data)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(data, final=False)
    rows = text.splitlines()[: MAX_JUNK + 1]
    delimiter = max(DELIMITERS, key=lambda d: sum(row.count(d) for row in rows))
    return list(csv.reader(rows, delimiter=delimiter))


def _xlsx_lines(path: Path) -> list[list[str]]:
    import zipfile

    import openpyxl

    from briefer.core.importers.xlsx import cell_text

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFileError(str(path), msg("imp-not-workbook", reason=exc)) from exc
    try:
        rows = book.worksheets[0].iter_rows(max_row=MAX_JUNK + 1, values_only=True)
        return [[cell_text(v) for v in row] for row in rows]
    finally:
        book.close()


def settle_profile(file: str, headings: list[str], profile: IncidentProfile | None = None,
                   mapping: Mapping[str, str] | None = None, *, dataset: str | None = None,
                   country: str | None = None, date_order: str | None = None) -> tuple[IncidentProfile, bool]:
    """The profile to import `file` with, and whether its mapping was guessed (see the contract)."""
    guessed = profile is None
    base = profile or IncidentProfile("", {}, ProfileOptions())
    chosen = {**(guess_mapping(headings) if guessed else base.mapping), **(mapping or {})}
    options = replace(base.options, **{k: v for k, v in (("dataset", dataset), ("country", country),
                                                         ("date_order", date_order)) if v})
    settled = IncidentProfile(base.name, chosen, options).checked()
    shown = ", ".join(repr(h) for h in headings if h) or "none"
    if "date" not in settled.mapping:
        raise ImportFileError(file, msg("imp-no-date-column", shown=shown))
    if "country" not in settled.mapping and not settled.options.country:
        raise ImportFileError(file, msg("imp-no-country-column", shown=shown))
    return settled, guessed


def import_incidents(store: Store, path: str | Path, profile: IncidentProfile, *, save_as: str | None = None,
                     dry_run: bool = False, accept_bad_rows: bool = False, progress: Progress | None = None,
                     cancel: Cancel | None = None, accessed: dt.date | None = None) -> ImportReport:
    """Import the log at `path` with `profile` (see the module's contract)."""
    dataset = " ".join((profile.options.dataset or DEFAULT_DATASET).split())
    _check_dataset(store, str(path), dataset)
    _check_headings(str(path), profile, read_headings(path))
    report = import_with_format(store, incident_format(store, profile, dataset), path, dry_run=dry_run,
                                accept_bad_rows=accept_bad_rows, progress=progress, cancel=cancel, accessed=accessed)
    if save_as and report.written:
        save_profile(store, replace(profile, name=save_as, options=replace(profile.options, dataset=dataset)))
        report.notes.append(msg("note-profile-saved", name=save_as))
    return report


def _check_headings(file: str, profile: IncidentProfile, headings: list[str]) -> None:
    """ImportFileError naming the first mapped heading the file lacks, with the file's headings."""
    present = {normalise_name(h) for h in headings}
    for name, heading in profile.mapping.items():
        if normalise_name(heading) not in present:
            shown = ", ".join(repr(h) for h in headings if h)
            raise ImportFileError(file, msg("imp-mapped-column", heading=heading, name=name, shown=shown))


def _check_dataset(store: Store, file: str, name: str) -> None:
    """ImportFileError when `name` is the dataset of another kind of data."""
    row = store.db.execute("SELECT id, synthetic FROM datasets WHERE name = ?", [name]).fetchone()
    other = store.db.execute("SELECT 1 FROM imports WHERE dataset_id = ? AND kind != 'incidents' LIMIT 1",
                             [row[0]]).fetchone() if row else None
    if name in OTHER_DATASETS or (row is not None and (row[1] or other)):
        raise ImportFileError(file, msg("imp-dataset-taken", name=name))


def import_incidents_into(store_path: str | Path, path: str | Path, *, profile_name: str | None = None,
                          mapping: Mapping[str, str] | None = None, dataset: str | None = None,
                          country: str | None = None, date_order: str | None = None,
                          **options: Any) -> tuple[ImportReport, IncidentProfile, bool]:
    """Settle the mapping and import, on the store at `store_path` (created when absent)."""
    headings = read_headings(path)

    def work(store: Store) -> tuple[ImportReport, IncidentProfile, bool]:
        saved = load_profile(store, profile_name) if profile_name else None
        profile, guessed = settle_profile(str(path), headings, saved, mapping, dataset=dataset,
                                          country=country, date_order=date_order)
        return import_incidents(store, path, profile, **options), profile, guessed

    result, created = with_store(store_path, work, lambda r: r[0].written)
    if created:
        result[0].notes.append(msg("note-new-store", path=Path(store_path)))
    return result


@dataclass(frozen=True)
class IncidentPreview:
    """The first rows of a log as the import would read them: events by line, and problems."""

    headings: list[str]
    events: list[tuple[int, dict[str, Any]]]
    errors: list[RowError]


def preview_incidents(store: Store, path: str | Path, profile: IncidentProfile, limit: int = 20) -> IncidentPreview:
    """The first `limit` data rows of the log read with `profile` (see the module's contract)."""
    from briefer.core.importers.base import Context
    from briefer.core.importers.dates import DateParser
    from briefer.core.importers.fields import Columns, CountryLookup, RowProblem
    from briefer.core.importers.tables import open_table

    path = Path(path)
    _check_headings(str(path), profile, read_headings(path))
    fmt = incident_format(store, profile, profile.options.dataset or DEFAULT_DATASET)
    events: list[tuple[int, dict[str, Any]]] = []
    errors: list[RowError] = []
    with open_table(path, fmt.expected, least=fmt.least) as table:
        parse = fmt.make_parser(Columns(table.header, file=table.file, line=table.header_line),
                                Context(table.file, CountryLookup(store), DateParser()))
        for count, (line, values) in enumerate(table.rows, start=1):
            try:
                events.append((line, parse(values)))
            except RowProblem as problem:
                errors.append(RowError(str(path), line, problem.column, problem.message))
            if count >= limit:
                break
        return IncidentPreview(list(table.header), events, errors)
