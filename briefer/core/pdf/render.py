"""Briefing -> PDF bytes or file.

Contract:
- `render_pdf(briefing)` returns the PDF as bytes; the same Briefing gives byte-identical bytes
  (reportlab's invariant mode, creation date fixed to the date of issue, stable destination names).
- `write_pdf(briefing, path)` renders into a temporary file in the target folder and moves it onto
  `path` with `os.replace`, so `path` is either the complete new PDF or untouched. On any failure the
  temporary file is removed; an OSError (folder missing, no permission, disk full…) becomes an
  `OutputError` naming the file and what to do. With a `password` the document is encrypted
  (`protect.encrypt_pdf`) before it reaches the temporary file, so no unencrypted copy is ever
  written; encrypted output is not deterministic.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
import threading
from pathlib import Path
from typing import IO

from reportlab import rl_config

from briefer.core import fonts, i18n
from briefer.core.domain import Briefing
from briefer.core.errors import OutputError
from briefer.core.pdf.context import Context
from briefer.core.pdf.document import BriefingDoc, DocSetup, PageCounter
from briefer.core.pdf.furniture import Furniture
from briefer.core.pdf.labels import label
from briefer.core.pdf.protect import encrypt_pdf
from briefer.core.pdf.story import build_story
from briefer.core.pdf.styles import Geometry, geometry, stylesheet

# rl_config.invariant is process-wide: one build at a time.
_build_lock = threading.Lock()


def render_pdf(briefing: Briefing) -> bytes:
    """The briefing as PDF bytes."""
    buffer = io.BytesIO()
    _build(briefing, buffer)
    return buffer.getvalue()


def write_pdf(briefing: Briefing, path: Path, password: str | None = None,
              owner_password: str | None = None) -> Path:
    """Write the briefing to `path` atomically and return `path` (see module contract)."""
    path = Path(path)
    if password is not None and not password:
        raise OutputError("The PDF password is empty. Type a password, or leave protection off.")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"Cannot write {path}: the folder {folder} does not exist. Create it or choose another folder.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(_os_message(path, exc)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            if password:
                stream.write(encrypt_pdf(render_pdf(briefing), password, owner_password))
            else:
                _build(briefing, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(_os_message(path, exc)) from exc
        raise
    return path


def _os_message(path: Path, exc: OSError) -> str:
    reasons = {
        errno.ENOENT: f"the folder {path.parent} does not exist. Create it or choose another folder.",
        errno.EACCES: f"permission denied in {path.parent}. Choose a folder you can write to.",
        errno.EPERM: f"permission denied in {path.parent}. Choose a folder you can write to.",
        errno.EROFS: f"{path.parent} is on a read-only disk. Choose another folder.",
        errno.ENOSPC: "the disk is full. Free some space or choose another disk.",
        errno.EDQUOT: "the disk quota is exceeded. Free some space or choose another disk.",
        errno.EISDIR: f"{path} is a folder. Give a file name ending in .pdf.",
    }
    reason = reasons.get(exc.errno or 0, f"{exc.strerror or exc}.")
    return f"Cannot write {path}: {reason}"


def _build(briefing: Briefing, stream: IO[bytes]) -> None:
    fonts.register_fonts()
    geo = geometry(briefing.paper)
    ctx = Context(briefing, stylesheet(), geo)
    counter = PageCounter()
    story = [counter, *build_story(ctx)]
    doc = BriefingDoc(stream, doc_setup(briefing, geo), counter)
    with _build_lock:
        saved = rl_config.invariant
        rl_config.invariant = 1
        try:
            doc.multiBuild(story)
        finally:
            rl_config.invariant = saved


def doc_setup(briefing: Briefing, geo: Geometry) -> DocSetup:
    """Header/footer texts and PDF metadata for the briefing."""
    lang = briefing.language
    names = [c.name(lang) for c in briefing.countries] or list(briefing.selection.countries)
    period = i18n.fmt_period(briefing.selection.period, lang)
    topic = briefing.topic.label(lang)
    furniture = Furniture(
        title=briefing.title,
        issued=i18n.fmt_date(briefing.issued, lang),
        organisation=briefing.organisation,
        marking=briefing.marking,
        page_label=label("page-of", lang, page="{page}", total="{total}"),
    )
    author = " — ".join(x for x in (briefing.author, briefing.organisation) if x)
    return DocSetup(
        geometry=geo,
        furniture=furniture,
        issued=briefing.issued,
        cover_first="cover" in briefing.sections,
        title=briefing.title,
        author=author,
        subject=" · ".join([", ".join(names), period, topic]),
        keywords=(*names, topic, briefing.marking),
        lang="fr-FR" if lang == "fr" else "en-GB",
    )
