"""A file of rows, CSV or XLSX alike: its header and its data rows with their line numbers.

Contract: `open_table(path, expected)` returns a `Table` (close it, or use it in `with`) or raises
`ImportFileError` naming the file. `rows` yields (line, values) lazily — never the whole file in
memory — where `line` is the physical line (CSV) or sheet row (XLSX) users see in their editor.
`progress()` gives (done, total) in bytes (CSV) or rows (XLSX), total 0 when unknown.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self, TextIO

from briefer.core.errors import ImportFileError
from briefer.core.importers import sniff as sniffing
from briefer.core.messages import msg

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Table:
    """An open file of rows (see the module's contract)."""

    file: str
    header: list[str]
    header_line: int
    description: str
    rows: Iterator[tuple[int, list[str]]]
    progress: Callable[[], tuple[int, int]]
    closers: list[Callable[[], None]] = field(default_factory=list)
    encoding: str = ""

    def close(self) -> None:
        for closer in self.closers:
            closer()
        self.closers.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_table(path: Path, expected: Collection[str], *, least: int = 2, encoding: str | None = None) -> Table:
    """The file at `path` as a Table; `encoding` overrides the sniffed one (CSV only)."""
    if not path.is_file():
        raise ImportFileError(str(path), msg("imp-no-file" if not path.exists() else "imp-not-a-file"))
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        from briefer.core.importers.xlsx import open_xlsx

        return open_xlsx(path, expected, least=least)
    if suffix == ".xls":
        raise ImportFileError(str(path), msg("imp-xls"))
    return _open_csv(path, expected, least, encoding)


def _open_csv(path: Path, expected: Collection[str], least: int, encoding: str | None) -> Table:
    sniffed = sniffing.sniff(path, expected, least=least)
    used = encoding or sniffed.encoding
    try:
        handle = sniffing.open_text(path, sniffed, used)
    except OSError as exc:
        raise ImportFileError(str(path), msg("imp-unreadable", reason=exc.strerror or exc)) from exc
    total = path.stat().st_size
    description = sniffing.Sniffed(used, sniffed.delimiter, sniffed.line_end, sniffed.skip,
                                   sniffed.header).describe()
    return Table(
        file=str(path), header=list(sniffed.header), header_line=sniffed.skip + 1,
        description=description, rows=_csv_rows(path, handle, sniffed),
        progress=lambda: (handle.buffer.tell() if not handle.closed else total, total),
        closers=[handle.close], encoding=used,
    )


def _csv_rows(path: Path, handle: TextIO, sniffed: sniffing.Sniffed) -> Iterator[tuple[int, list[str]]]:
    line = sniffed.skip + 1
    try:
        for line, values in sniffing.read_rows(handle, sniffed):
            yield line, values
    except csv.Error as exc:
        raise ImportFileError(str(path), msg("imp-bad-csv", reason=exc),
                              line=line) from exc
