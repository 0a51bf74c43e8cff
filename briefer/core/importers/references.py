"""Importing reference lists (RIS, BibTeX, CSL-JSON) as sources without full text.

Contract of `import_references(store, path, dry_run=..., accept_bad_rows=...) -> ImportReport`:
- the format comes from the file's suffix (.ris, .bib, .json) or, failing that, its first
  characters; a file of no known format raises `ImportFileError`;
- each entry becomes a source (authors, title, container, publisher, date with its precision, URL,
  access date, language, kind); an entry already in the store or earlier in the same file — same
  DOI, same URL, or same title and year (case, accents and punctuation ignored) — is `unchanged`;
- bad entries are `rejected`, each named by file and line in `report.errors`; by default a file
  with any bad entry is refused whole (`report.refused`, nothing written), `accept_bad_rows`
  imports the good ones;
- `dry_run` counts and writes nothing; otherwise ONE transaction adds the new sources and a line
  in the `imports` table.
`import_references_into(store_path, ...)` does the same on a store file, creating it when absent.
`summary(report)` is the last line the command line prints: "added N, unchanged N, rejected N".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from briefer.core.countries import normalise
from briefer.core.errors import ImportFileError
from briefer.core.importers.bibtex import parse_bibtex
from briefer.core.importers.csljson import parse_csl_json
from briefer.core.importers.refmodel import Parsed, Reference, find_doi
from briefer.core.importers.report import ImportReport
from briefer.core.importers.ris import parse_ris
from briefer.core.importers.storefile import log_import, now, with_store
from briefer.core.importers.textdoc import decode
from briefer.core.messages import msg
from briefer.core.store import reads, writes
from briefer.core.store.db import Store

READERS: dict[str, Callable[[str, str], Parsed]] = {"RIS": parse_ris, "BibTeX": parse_bibtex, "CSL-JSON": parse_csl_json}
SUFFIXES = {".ris": "RIS", ".bib": "BibTeX", ".bibtex": "BibTeX", ".json": "CSL-JSON", ".csljson": "CSL-JSON"}


def reference_format(path: Path, text: str) -> str:
    """"RIS", "BibTeX" or "CSL-JSON" for a file, by suffix, else by its first characters."""
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    head = text.lstrip("\ufeff \t\r\n")
    if re.match(r"TY  -", head):
        return "RIS"
    if head.startswith(("[", "{")):
        return "CSL-JSON"
    if re.search(r"^\s*@\w+\s*[{(]", text, re.MULTILINE):
        return "BibTeX"
    raise ImportFileError(str(path), msg("imp-not-references"))


def keys(title: str, published: str | None, url: str, doi: str) -> set[str]:
    """The keys two entries for the same work share: DOI, URL, title and year."""
    found = {f"title:{normalise(title)}|{(published or '')[:4]}"}
    if doi:
        found.add(f"doi:{doi.lower()}")
    clean = re.sub(r"^(https?://)?(www\.)?", "", url.strip().lower()).split("#")[0].rstrip("/")
    if clean and not clean.startswith("doi.org/"):
        found.add(f"url:{clean}")
    return found


def _stored_keys(store: Store) -> set[str]:
    found: set[str] = set()
    for _id, title, published, url, note in reads.source_keys(store):
        found |= keys(title, published, url, find_doi(url, note))
    return found


def _new_references(references: Iterable[Reference], known: set[str]) -> list[Reference]:
    """The references whose keys are all unseen, each adding its keys to `known`."""
    fresh = []
    for ref in references:
        mine = keys(ref.fields.title, ref.fields.published, ref.fields.url, ref.doi)
        if not mine & known:
            fresh.append(ref)
        known |= mine
    return fresh


def read_references(path: str | Path) -> tuple[str, Parsed]:
    """(format name, parsed entries) of a reference file; ImportFileError when unreadable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(str(path), msg("imp-no-file")) from None
    except OSError as exc:
        raise ImportFileError(str(path), msg("imp-unreadable", reason=exc.strerror or exc)) from exc
    if not raw.strip():
        raise ImportFileError(str(path), msg("imp-empty"))
    text = decode(raw)
    name = reference_format(path, text)
    return name, READERS[name](str(path), text)


def import_references(store: Store, path: str | Path, *, dry_run: bool = False,
                      accept_bad_rows: bool = False) -> ImportReport:
    """Import a reference file into `store` (see the module's contract)."""
    started = now()
    name, parsed = read_references(path)
    report = ImportReport(kind="references", file=str(path), dry_run=dry_run, rows=parsed.entries,
                          file_format=name, errors=parsed.errors[:], rejected=len(parsed.errors))
    report.refused = report.rejected > 0 and not accept_bad_rows
    if report.refused:
        return report
    fresh = _new_references(parsed.references, _stored_keys(store))
    report.added, report.unchanged = len(fresh), len(parsed.references) - len(fresh)
    if dry_run:
        return report
    with store.db.atomic():
        for ref in fresh:
            writes.add_source(store, **ref.fields.row())
        log_import(store, report, started)
    report.written = True
    return report


def import_references_into(store_path: str | Path, path: str | Path, **options: bool) -> ImportReport:
    """`import_references` on the store file at `store_path`, created with reference data when absent."""
    report, created = with_store(store_path, lambda store: import_references(store, path, **options),
                                 lambda r: r.written)
    if created:
        report.notes.append(msg("note-new-store", path=store_path))
    return report


def summary(report: ImportReport) -> str:
    """"added N, unchanged N, rejected N"."""
    return f"added {report.added}, unchanged {report.unchanged}, rejected {report.rejected}"


def outcome(report: ImportReport) -> str:
    """One sentence on what happened to the store."""
    if report.refused:
        entries = msg("imp-bad-entry" if report.rejected == 1 else "imp-bad-entries")
        return msg("imp-refused-entries", count=report.rejected, entries=entries, file=report.file)
    if report.dry_run:
        return msg("imp-dry-run")
    return msg("imp-imported-references", count=report.added, format=report.file_format)
