"""Turning the text of one cell into a value of the events table, or a problem naming the column.

Contract: every converter returns the value or raises `RowProblem(column, message)`; the caller
adds the file and line. Empty cells take the default given (never a problem unless required).
`Columns` maps a file's header to positions once, so each row costs a few list look-ups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefer.core.countries import CountryResolver
from briefer.core.errors import BrieferError, ImportFileError
from briefer.core.messages import msg
from briefer.core.store import reads
from briefer.core.store.db import Store


class RowProblem(Exception):
    """One cell that cannot be imported: `column` is its header name."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def normalise_name(name: object) -> str:
    """A header name as matched: no BOM, no surrounding space or quotes, lower case."""
    return str(name if name is not None else "").replace("\ufeff", "").strip().strip('"').strip().lower()


class Columns:
    """Positions of a file's columns by (normalised) header name."""

    def __init__(self, header: Sequence[str], *, file: str, line: int) -> None:
        self.names = [normalise_name(n) for n in header]
        self.index: dict[str, int] = {}
        for position, name in enumerate(self.names):
            if name and name not in self.index:
                self.index[name] = position
        self.file, self.line = file, line

    def has(self, name: str) -> bool:
        return name in self.index

    def require(self, *names: str, kind: str) -> None:
        """ImportFileError naming the first missing column (at the header line)."""
        for name in names:
            if name not in self.index:
                raise ImportFileError(
                    self.file, msg("imp-missing-column", name=name, kind=kind,
                                   names=", ".join(n for n in self.names if n) or msg("imp-no-names")),
                    line=self.line, column=name,
                )

    def picker(self, names: Iterable[str]) -> list[tuple[str, int]]:
        """(name, position) for each name present in the file."""
        return [(n, self.index[n]) for n in names if n in self.index]


def to_int(text: str, column: str, default: int | None = 0, *, low: int | None = None,
           high: int | None = None) -> int | None:
    """A whole number ("12", "12.0" as spreadsheets write it); empty gives `default`."""
    try:
        number = int(text)  # the common case; int() ignores surrounding whitespace itself
    except ValueError:
        value = text.strip()
        if not value:
            return default
        number = _integral_float(value, column)
    if (low is not None and number < low) or (high is not None and number > high):
        raise RowProblem(column, msg("row-out-of-range", value=text, low=low, high=high))
    return number


def _integral_float(value: str, column: str) -> int:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise RowProblem(column, msg("row-not-whole", value=value)) from None
    if not number.is_integer():
        raise RowProblem(column, msg("row-not-whole", value=value))
    return int(number)


def to_float(text: str, column: str, *, limit: float) -> float | None:
    """A coordinate between -limit and limit; empty gives None; a decimal comma is accepted."""
    try:
        number = float(text)  # the common case; float() ignores surrounding whitespace itself
    except ValueError:
        value = text.strip()
        if not value:
            return None
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            raise RowProblem(column, msg("row-not-number", value=text)) from None
    if not -limit <= number <= limit:
        raise RowProblem(column, msg("row-out-of-range", value=text, low=f"-{limit:g}", high=f"{limit:g}"))
    return number


_PARENTHESES = re.compile(r"\s*\(([^)]*)\)\s*")


class CountryLookup:
    """ISO3 of a country given by name (any alias the store knows) or ISO numeric code; cached."""

    def __init__(self, store: Store) -> None:
        self._resolver = CountryResolver(reads.countries(store), reads.country_aliases(store))
        rows = store.db.execute("SELECT numeric, iso3 FROM countries WHERE numeric IS NOT NULL")
        self._numeric = {str(int(n)): iso3 for n, iso3 in rows if str(n).strip().isdigit()}
        self._names: dict[str, str | None] = {}

    def by_name(self, name: str) -> str | None:
        """ISO3 for a name such as "Mali", "Ivory Coast" or UCDP's "DR Congo (Zaire)"; None if unknown."""
        if name not in self._names:
            self._names[name] = self._resolve(name)
        return self._names[name]

    def _resolve(self, name: str) -> str | None:
        outside = _PARENTHESES.sub(" ", name).strip()
        inside = _PARENTHESES.findall(name)
        for candidate in (name, outside, *inside):
            if candidate.strip():
                try:
                    return self._resolver.resolve(candidate)
                except BrieferError:
                    continue
        return None

    def by_numeric(self, code: str) -> str | None:
        """ISO3 for an ISO 3166 numeric code ("466", "466.0", "0466"); None if unknown."""
        value = code.strip().removesuffix(".0")
        return self._numeric.get(value.lstrip("0") or "0") if value.isdigit() else None
