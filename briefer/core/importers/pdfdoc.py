"""PDF reports as documents, through pypdf, page by page.

Contract of `read_pdf(name, raw)`:
- the text of each page as pypdf extracts it, pages joined by a form feed ("\\f"): page N of the PDF
  (counting from 1, as a PDF viewer does) follows N-1 form feeds, so a quotation's page is known
  from its offset; empty pages stay as empty pages so the count holds;
- metadata from the document information: title (file-name-like and "Microsoft Word - …" titles are
  ignored; the first line of page 1 is used instead), authors (split on ";" , "," is kept within a
  name), creation date as the publication date (day precision: check it), /Lang of the catalogue
  or a guess from the text; kind "report";
- a protected PDF that opens with an empty password is read; any other password, a damaged file or
  a PDF without a text layer (a scan) raises `ImportFileError` saying what to do.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from briefer.core.errors import ImportFileError
from briefer.core.importers.langguess import guess_language
from briefer.core.importers.sourcemeta import Document, SourceFields, language_code, person
from briefer.core.importers.textnorm import clean_text, plain_text
from briefer.core.messages import msg

MIN_TEXT = 40
_JUNK_TITLE = re.compile(r"^(microsoft (word|powerpoint) - |untitled)|\.(docx?|pdf|indd|pptx?|odt)$", re.IGNORECASE)


def read_pdf(name: str, raw: bytes) -> Document:
    """A PDF as a document (see the module's contract)."""
    reader = _open(name, raw)
    pages = [_page_text(name, page, number) for number, page in enumerate(reader.pages, start=1)]
    text = "\f".join(clean_text(p).replace("\f", " ") for p in pages)
    if len(text.replace("\f", "").strip()) < MIN_TEXT:
        raise ImportFileError(name, msg("imp-pdf-no-text"))
    info = _info(reader)
    title = plain_text(str(info.get("/Title") or ""))
    if not title or _JUNK_TITLE.search(title):
        title = _first_line(text) or name
    fields = SourceFields(
        title=title, authors=_authors(str(info.get("/Author") or "")), published=_created(info),
        language=_language(reader, text), kind="report",
    )
    count = len(pages)
    return Document(fields, text, f"PDF, {count} page{'s' if count != 1 else ''}", pages=count)


def _open(name: str, raw: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFileError(name, msg("imp-pdf-password"))
        len(reader.pages)
    except ImportFileError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportFileError(name, msg("imp-pdf-unreadable", reason=exc)) from exc
    return reader


def _page_text(name: str, page: Any, number: int) -> str:
    try:
        return str(page.extract_text() or "")
    except Exception as exc:
        raise ImportFileError(name, msg("imp-pdf-page", number=number, reason=exc)) from exc


def _info(reader: Any) -> dict[str, Any]:
    try:
        return dict(reader.metadata or {})
    except Exception:  # noqa: BLE001 - a damaged information dictionary: no metadata
        return {}


def _first_line(text: str) -> str:
    for line in text.split("\f", 1)[0].splitlines():
        if len(line.split()) >= 2:
            return line.strip()[:200]
    return ""


def _authors(text: str) -> tuple[str, ...]:
    parts = re.split(r";|\s+and\s+|\s+et\s+", plain_text(text))
    return tuple(dict.fromkeys(person(p) for p in parts if p.strip()))


def _created(info: dict[str, Any]) -> str | None:
    match = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?", str(info.get("/CreationDate") or ""))
    if not match:
        return None
    year, month, day = match.groups()
    try:
        from briefer.core.domain import PartialDate

        iso = "-".join(p for p in (year, month, day) if p)
        return PartialDate(iso).iso
    except ValueError:
        return None


def _language(reader: Any, text: str) -> str:
    try:
        lang = reader.trailer["/Root"].get("/Lang")
        if lang:
            return language_code(str(lang))
    except (KeyError, ValueError, AttributeError, TypeError):
        pass
    return guess_language(text)
