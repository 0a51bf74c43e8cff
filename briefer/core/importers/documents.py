"""Importing one document (web page, PDF report, text or Markdown file) as a source with its full text.

Contract of `import_document(store, path, overrides=..., dry_run=...)`:
- the file is read by its kind (`read_document`): saved web pages through trafilatura (`webpage`),
  PDFs through pypdf with form-feed page breaks (`pdfdoc`), plain text and Markdown (`textdoc`);
- the metadata found in the file is overridden by the user's non-empty `Overrides` (title,
  authors, publisher, date, URL, language, kind), each validated first;
- a document whose text hashes (`textnorm.content_hash`) like a stored source's is a duplicate:
  nothing is added and `source_id` is the stored source's id (`report.unchanged == 1`);
- `dry_run` reads and validates the same way and writes nothing (`source_id` is the stored one
  for a duplicate, else None);
- otherwise ONE transaction: the source (with `full_text` and `content_hash`) and a line in the
  `imports` table. A user's mistake (unreadable file, bad date) raises `BrieferError` first.
`import_document_into(store_path, ...)` does the same on a store file, creating it when absent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from briefer.core.errors import ImportFileError, ValidationError
from briefer.core.importers.pdfdoc import read_pdf
from briefer.core.importers.report import ImportReport
from briefer.core.importers.sourcemeta import Document, SourceFields, language_code, optional_date
from briefer.core.importers.storefile import log_import, now, with_store
from briefer.core.importers.textdoc import read_markdown_document, read_text_document
from briefer.core.importers.textnorm import content_hash, word_count
from briefer.core.importers.webpage import read_web_page
from briefer.core.messages import msg
from briefer.core.store import reads, writes
from briefer.core.store.db import Store

WEB_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Overrides:
    """What the user says about a document, over what the file says (empty: keep the file's)."""

    title: str = ""
    authors: tuple[str, ...] = ()
    publisher: str = ""
    date: str = ""
    url: str = ""
    language: str = ""
    kind: str = ""

    def apply(self, fields: SourceFields) -> SourceFields:
        """`fields` with these overrides, validated (ValidationError naming the bad value)."""
        try:
            published = optional_date(self.date)
            language = language_code(self.language) if self.language.strip() else ""
        except ValueError as exc:
            raise ValidationError(exc.args[0]) from None
        return fields.but(title=self.title.strip(), authors=tuple(a.strip() for a in self.authors if a.strip()),
                          publisher=self.publisher.strip(), published=published, url=self.url.strip(),
                          language=language, kind=self.kind.strip())


@dataclass
class DocumentImport:
    """The outcome of a document import: the report, what was read, and the source's id."""

    report: ImportReport
    document: Document
    fields: SourceFields
    source_id: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def duplicate(self) -> bool:
        return self.report.unchanged > 0


def read_document(path: str | Path) -> Document:
    """The document in the file at `path`, read according to its kind (see the module's contract)."""
    path = Path(path)
    raw = _read_bytes(path)
    name, suffix, head = str(path), path.suffix.lower(), raw[:4096].lstrip().lower()
    if suffix == ".pdf" or raw.startswith(b"%PDF"):
        return read_pdf(name, raw)
    if suffix in WEB_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        document = read_web_page(name, raw)
        return document if document.fields.accessed else _with_accessed(document, path)
    if b"\x00" in raw[:4096]:
        raise ImportFileError(name, msg("imp-not-document"))
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown_document(name, raw)
    return read_text_document(name, raw)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError(str(path), msg("imp-too-large", mb=MAX_BYTES >> 20))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(str(path), msg("imp-no-file")) from None
    except IsADirectoryError:
        raise ImportFileError(str(path), msg("imp-is-folder")) from None
    except OSError as exc:
        raise ImportFileError(str(path), msg("imp-unreadable", reason=exc.strerror or exc)) from exc
    if not raw.strip():
        raise ImportFileError(str(path), msg("imp-empty"))
    return raw


def _with_accessed(document: Document, path: Path) -> Document:
    saved = dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    return Document(document.fields.but(accessed=saved), document.text, document.file_format,
                    document.pages, document.notes)


def import_document(store: Store, path: str | Path, *, overrides: Overrides | None = None,
                    dry_run: bool = False) -> DocumentImport:
    """Import the document at `path` into `store` (see the module's contract)."""
    started = now()
    document = read_document(path)
    fields = (overrides or Overrides()).apply(document.fields)
    if not document.text.strip():
        raise ImportFileError(str(path), msg("imp-no-text"))
    digest = content_hash(document.text)
    existing = reads.source_with_hash(store, digest)
    report = ImportReport(kind="document", file=str(path), dry_run=dry_run, rows=1,
                          file_format=document.file_format, notes=list(document.notes))
    result = DocumentImport(report, document, fields, existing)
    if existing is not None:
        report.unchanged = 1
        result.notes.append(msg("note-already-stored", id=existing))
    else:
        report.added = 1
    if dry_run:
        return result
    with store.db.atomic():
        if existing is None:
            result.source_id = writes.add_source(store, **fields.row(), content_hash=digest, full_text=document.text)
        log_import(store, report, started)
    report.written = True
    return result


def import_document_into(store_path: str | Path, path: str | Path, **options: object) -> DocumentImport:
    """`import_document` on the store file at `store_path`, created with reference data when absent."""
    result, created = with_store(store_path, lambda store: import_document(store, path, **options),  # type: ignore[arg-type]
                                 lambda r: r.report.written)
    if created:
        result.notes.append(msg("note-new-store", path=store_path))
    return result


def preview(result: DocumentImport) -> list[str]:
    """Lines describing what was read: the fields, the text's size, its first and last words."""
    f, doc = result.fields, result.document
    date = f"{f.published} ({('year', 'month', 'day')[f.published.count('-')]})" if f.published else "—"
    shape = f"{doc.pages} page(s)" if doc.pages else f"{len([b for b in doc.text.split(chr(10) * 2) if b.strip()])} paragraph(s)"
    text = " ".join(doc.text.split())
    lines = [f"title: {f.title}", f"authors: {'; '.join(f.authors) or '—'}", f"publisher: {f.publisher or '—'}",
             f"published: {date}", f"url: {f.url or '—'}", f"language: {f.language}", f"kind: {f.kind}",
             f"read as: {doc.file_format}", f"text: {shape}, {word_count(doc.text):,} words",
             f"begins: {text[:100]}…", f"ends: …{text[-100:]}"]
    return lines + [*doc.notes]
