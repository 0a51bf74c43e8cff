"""Briefing -> PDF bytes or file.

Contract:
- `render_pdf(briefing)` returns the PDF as bytes; the same Briefing gives byte-identical bytes
  (reportlab's invariant mode, creation date fixed to the date of issue, stable destination names).
- `write_pdf(briefing, path)` checks the folder can take a file, renders in memory, then writes a
  temporary file in the target folder and moves it onto `path` with `os.replace` (`write_atomic`,
  which the app's export also uses), so `path` is either the complete new PDF or untouched. On any
  failure the temporary file is removed; an OSError (folder missing, no permission, disk full…)
  becomes an `OutputError` naming the file and what to do (`os_message`). With a `password` the
  document is encrypted (`protect.encrypt_pdf`) in memory, so no unencrypted copy is ever written;
  encrypted output is not deterministic.
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
from briefer.core.messages import Message, msg
from briefer.core.pdf.context import Context
from briefer.core.pdf.document import BriefingDoc, DocSetup, PageCounter
from briefer.core.pdf.furniture import Furniture
from briefer.core.pdf.labels import label
from briefer.core.pdf.notes import Footnotes, note_style
from briefer.core.pdf.protect import encrypt_pdf
from briefer.core.pdf.story import build_story
from briefer.core.pdf.styles import Geometry, geometry, stylesheet

MAX_PASSES = 20  # layout passes: contents, page total and footnote room settle in 2–4
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
        raise OutputError.of("out-empty-password")
    check_writable(path)
    try:
        data = render_pdf(briefing)
        if password:
            data = encrypt_pdf(data, password, owner_password)
    except OSError as exc:
        raise OutputError(os_message(path, exc)) from exc
    write_atomic(path, data)
    return path


def check_writable(path: Path) -> None:
    """OutputError, before any work, when `path` is a folder or its folder cannot take a new file."""
    folder = path.parent
    if path.is_dir():
        raise OutputError.of("out-cannot-write", path=path, reason=msg("out-is-folder"))
    if not folder.is_dir():
        raise OutputError.of("out-cannot-write", path=path, reason=msg("out-no-folder", folder=folder))
    try:
        handle, name = tempfile.mkstemp(prefix=".briefer-check-", dir=folder)
    except OSError as exc:
        raise OutputError(os_message(path, exc)) from exc
    os.close(handle)
    os.unlink(name)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then move it into place; on any error the
    temporary file is removed, an existing file at `path` is left as it was, and OS errors become
    OutputError with a message saying what to do."""
    temp: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        temp = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(os_message(path, exc)) from exc
        raise


def os_message(path: Path, exc: OSError) -> Message:
    """What went wrong writing `path`, and what to do, in one sentence."""
    folder = path.parent
    reasons = {
        errno.ENOENT: ("out-no-folder", {"folder": folder}),
        errno.EACCES: ("out-permission", {"folder": folder}),
        errno.EPERM: ("out-permission", {"folder": folder}),
        errno.EROFS: ("out-read-only-disk", {"folder": folder}),
        errno.ENOSPC: ("out-disk-full", {}),
        errno.EDQUOT: ("out-quota", {}),
        errno.EISDIR: ("out-path-is-folder", {"path": path}),
    }
    key, fields = reasons.get(exc.errno or 0, ("out-os", {"reason": exc.strerror or exc}))
    return msg("out-cannot-write", path=path, reason=msg(key, **fields))


def _build(briefing: Briefing, stream: IO[bytes]) -> None:
    fonts.register_fonts()
    geo = geometry(briefing.paper)
    ctx = Context(briefing, stylesheet(), geo)
    counter = PageCounter()
    story = [counter, *build_story(ctx)]
    footnotes = None
    if ctx.citer.uses_notes and briefing.notes != "endnotes" and ctx.citer.notes():
        footnotes = Footnotes(ctx.citer.notes(), note_style(ctx.styles["body-small"]), geo)
        story.insert(1, footnotes)
    doc = BriefingDoc(stream, doc_setup(briefing, geo), counter, footnotes)
    with _build_lock:
        saved = rl_config.invariant
        rl_config.invariant = 1
        try:
            doc.multiBuild(story, maxPasses=MAX_PASSES)
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
