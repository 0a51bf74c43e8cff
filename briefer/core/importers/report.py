"""What an import did, or would do: counts, the rows it refused and why.

Contract: the counts are of events (rows of one event merged), except `rows` (data rows read) and
`rejected` (rows with an error). `errors` keeps the first `MAX_ERRORS` problems in file order,
each naming file, line and column; `rejected` counts them all. `vanished` counts stored events of
the same dataset, countries and dates that the file no longer holds (kept, never deleted).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.core.errors import where
from briefer.core.messages import localise, msg

MAX_ERRORS = 1000
MAX_VANISHED_IDS = 50


@dataclass(frozen=True)
class RowError:
    """One refused row: where it is and what is wrong with it, for a field user."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return where(self.file, self.line, self.column or None) + self.message

    def text(self, lang: str = "en") -> str:
        """The error in `lang` (see briefer/core/messages.py)."""
        return where(self.file, self.line, self.column or None, lang) + localise(self.message, lang)


@dataclass
class ImportReport:
    """The outcome of one import (see the module's contract)."""

    kind: str
    file: str
    dataset: str = ""
    dry_run: bool = False
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    vanished: int = 0
    vanished_ids: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    refused: bool = False
    written: bool = False
    file_format: str = ""
    notes: list[str] = field(default_factory=list)

    def reject(self, line: int, column: str, message: str) -> None:
        """Count a bad row and keep its error (the first MAX_ERRORS only)."""
        self.rejected += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(self.file, line, column, message))

    @property
    def events(self) -> int:
        """Distinct events in the file (good rows only)."""
        return self.added + self.updated + self.unchanged

    def summary(self) -> str:
        """"added N, updated N, unchanged N, rejected N" (and ", vanished N" when there are any)."""
        vanished = msg("log-vanished", count=self.vanished) if self.vanished else ""
        return msg("log-summary", added=self.added, updated=self.updated, unchanged=self.unchanged,
                   rejected=self.rejected, vanished=vanished)

    def outcome(self) -> str:
        """One sentence on what happened to the store."""
        if self.refused:
            return msg("imp-refused-rows", count=self.rejected, file=self.file)
        if self.dry_run:
            return msg("imp-dry-run")
        extra = msg("imp-left-out", count=self.rejected) if self.rejected else ""
        return msg("imp-imported", dataset=self.dataset, extra=extra)

    def vanished_note(self) -> str:
        """What `vanished` means, with a few of the ids, or "" when nothing vanished."""
        if not self.vanished:
            return ""
        shown = ", ".join(self.vanished_ids[:10]) + (", …" if self.vanished > 10 else "")
        return msg("note-vanished", count=self.vanished, dataset=self.dataset, shown=shown)

    def message(self, lang: str = "en") -> str:
        """The text logged in the store's `imports` table, in `lang` ("fr" for French; the table
        keeps both, `message` and `message_fr`)."""
        parts = [self.summary(), msg("log-rows", count=self.rows), self.file_format, self.vanished_note(), *self.notes]
        return ("\u00a0; " if lang == "fr" else "; ").join(localise(p, lang) for p in parts if p)
