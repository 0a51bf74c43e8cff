"""One exception family. Every message is written for the user: it names what is wrong and what to do.

A `BrieferError` is a user's mistake or an unusable input; the CLI turns it into one line on stderr
and exit status 2, the GUI into a dialog. Anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from typing import Any

from briefer.core.messages import localise, msg


class BrieferError(Exception):
    """Base of every error a user can act on.

    Raise it with a catalogue message, `SelectionError.of("unknown-topic", slug=slug, known=...)`
    (see briefer/core/messages.py): `str(error)` is English (logs, CLI), `error.text("fr")` French.
    """

    @classmethod
    def of(cls, key: str, /, **fields: Any) -> BrieferError:
        """This error with the catalogue message `key` filled with `fields`."""
        return cls(msg(key, **fields))

    def text(self, lang: str = "en") -> str:
        """The message in `lang`; a message not in the catalogue stays as written."""
        return localise(self.args[0], lang) if self.args else ""


class StoreError(BrieferError):
    """The store file is missing, unreadable, not a briefer store, or from a newer version."""


class NotAStoreError(StoreError):
    """The file exists but is not a briefer store (or is corrupt)."""


class NewerStoreError(StoreError):
    """The store was written by a newer version of briefer; opening it could damage it."""


class SelectionError(BrieferError):
    """A country, topic, period or template that does not exist or does not make sense."""


class OutputError(BrieferError):
    """The output file cannot be written (folder missing, no permission, disk full)."""


class ValidationError(BrieferError):
    """Input data that breaks a rule of the store (e.g. a quotation not found in its source)."""


class ImportFileError(BrieferError):
    """A file that cannot be imported: unreadable, of unknown shape, missing a needed column.

    `file`, `line` (1-based, counting every physical line) and `column` (a header name) say where;
    `line` and `column` are None when the problem is the whole file.
    """

    def __init__(self, file: str, message: str, *, line: int | None = None, column: str | None = None) -> None:
        self.file, self.line, self.column, self.reason = file, line, column, message
        super().__init__(where(file, line, column) + message)

    def text(self, lang: str = "en") -> str:
        return where(self.file, self.line, self.column, lang) + localise(self.reason, lang)


class ImportCancelled(BrieferError):
    """The user cancelled an import; nothing was written."""


def where(file: str, line: int | None = None, column: str | None = None, lang: str = "en") -> str:
    """'file, line 12, column event_date: ' — the prefix of every import message (in `lang`)."""
    parts = [file]
    if line is not None:
        parts.append(localise(msg("where-line", line=line), lang))
    if column:
        parts.append(localise(msg("where-column", column=column), lang))
    return ", ".join(parts) + localise(msg("where-end"), lang)
