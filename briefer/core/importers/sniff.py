"""Finding how a delimited text file is written: encoding, delimiter, line ends, where the header is.

Contract: `sniff(path, expected)` reads only the first `SAMPLE` bytes and returns a `Sniffed`, or
raises `ImportFileError` naming the file when it is empty, unreadable, or has no header line
naming at least `least` of the `expected` columns within its first `MAX_JUNK + 1` lines.

- encoding: "utf-8-sig" when the file starts with a byte-order mark, "utf-8" when the sample
  decodes as UTF-8, otherwise "cp1252" (Excel on Windows). A later byte that breaks UTF-8 is
  the reader's to handle (the import retries once as cp1252).
- delimiter: "," ";" or tab, by `csv.Sniffer` restricted to those, checked against the header:
  the delimiter that splits the header line into the most expected names wins.
- line_end: the first line end seen ("\\r\\n", "\\n" or "\\r").
- skip: junk lines before the header (titles, export notes, blank lines Excel left).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from briefer.core.errors import ImportFileError
from briefer.core.importers.fields import normalise_name
from briefer.core.messages import msg

SAMPLE = 256 * 1024
MAX_JUNK = 30
DELIMITERS = ",;\t"
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Sniffed:
    """How a file is written (see the module's contract)."""

    encoding: str
    delimiter: str
    line_end: str
    skip: int
    header: tuple[str, ...]

    def describe(self) -> str:
        """How the file is written, e.g. "utf-8, comma-separated, LF line ends" (a catalogue message)."""
        names = {",": "fmt-sep-comma", ";": "fmt-sep-semicolon", "\t": "fmt-sep-tab"}
        ends = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}
        junk = msg("fmt-junk", count=self.skip) if self.skip else ""
        return msg("fmt-csv", encoding=self.encoding, sep=msg(names[self.delimiter]),
                   ends=ends[self.line_end], junk=junk)


def sniff(path: Path, expected: Collection[str], *, least: int = 2) -> Sniffed:
    """How the file at `path` is written (see the module's contract)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(SAMPLE)
    except OSError as exc:
        raise ImportFileError(str(path), msg("imp-unreadable", reason=exc.strerror or exc)) from exc
    if not data.strip():
        raise ImportFileError(str(path), msg("imp-empty"))
    return sniff_bytes(data, expected, least=least, file=str(path))


def sniff_bytes(data: bytes, expected: Collection[str], *, least: int = 2, file: str = "") -> Sniffed:
    """`sniff` on the first bytes of a file."""
    encoding = detect_encoding(data)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(data, final=False)
    lines = _LINE_END.split(text)
    found = _header(lines[: MAX_JUNK + 1], {normalise_name(n) for n in expected}, least)
    if found is None:
        shown = ", ".join(sorted(expected)[:6])
        raise ImportFileError(
            file, msg("imp-no-header", lines=MAX_JUNK + 1, least=least, shown=shown))
    skip, delimiter, _ = found
    delimiter = _confirm(lines[skip:], delimiter, {normalise_name(n) for n in expected})
    ending = _LINE_END.search(text)
    return Sniffed(encoding, delimiter, ending.group() if ending else "\n", skip,
                   tuple(_split(lines[skip], delimiter)))


def detect_encoding(data: bytes) -> str:
    """"utf-8-sig", "utf-8" or "cp1252" for the first bytes of a file."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _score(line: str, delimiter: str, expected: set[str]) -> int:
    return sum(1 for name in _split(line, delimiter) if normalise_name(name) in expected)


def _header(lines: list[str], expected: set[str], least: int) -> tuple[int, str, list[str]] | None:
    """(index of the header line, its delimiter, its names), the first line scoring `least`."""
    for index, line in enumerate(lines):
        scores = {d: _score(line, d, expected) for d in DELIMITERS}
        best = max(DELIMITERS, key=lambda d: scores[d])
        if scores[best] >= least:
            return index, best, _split(line, best)
    return None


def _confirm(lines: list[str], delimiter: str, expected: set[str]) -> str:
    """The Sniffer's delimiter when it finds as many expected names in the header, else ours."""
    try:
        guess = csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=DELIMITERS).delimiter
    except csv.Error:
        return delimiter
    if guess != delimiter and _score(lines[0], guess, expected) >= _score(lines[0], delimiter, expected):
        return guess
    return delimiter


def open_text(path: Path, sniffed: Sniffed, encoding: str | None = None) -> TextIO:
    """The file opened as text (newline="" for csv), positioned at its header line."""
    handle = path.open(encoding=encoding or sniffed.encoding, newline="")
    for _ in range(sniffed.skip):
        handle.readline()
    return handle


def read_rows(handle: TextIO, sniffed: Sniffed) -> Iterator[tuple[int, list[str]]]:
    """(line number of the row's first line, values) for each data row; blank rows are skipped.

    Line numbers count every physical line of the file, junk and header included, from 1.
    """
    reader = csv.reader(handle, delimiter=sniffed.delimiter, quotechar='"', doublequote=True)
    next(reader, None)
    offset, previous = sniffed.skip, reader.line_num
    for values in reader:
        start, previous = offset + previous + 1, reader.line_num
        if values and any(values):
            yield start, values
