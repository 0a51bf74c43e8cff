"""Reading the first sheet of an Excel workbook (.xlsx) as a `Table`, with openpyxl in read-only mode.

Contract: rows stream from the file (read-only mode never loads the sheet); the header is the
first of the first rows naming at least `least` expected columns, in the first sheet that has
one. Cells become text as a CSV export would show them: dates as ISO "2020-12-10", whole
numbers without ".0", empty cells as "". Line numbers are the sheet's row numbers.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from briefer.core.errors import ImportFileError
from briefer.core.importers.fields import normalise_name
from briefer.core.importers.sniff import MAX_JUNK
from briefer.core.importers.tables import Table
from briefer.core.messages import msg


def open_xlsx(path: Path, expected: Collection[str], *, least: int = 2) -> Table:
    """The first sheet of `path` with a header line, as a Table."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFileError(str(path), msg("imp-not-workbook", reason=exc)) from exc
    wanted = {normalise_name(n) for n in expected}
    for sheet in book.worksheets:
        found = _header(sheet, wanted, least)
        if found is not None:
            return _table(path, book, sheet, *found)
    book.close()
    raise ImportFileError(str(path), msg("imp-no-sheet", least=least))


def _table(path: Path, book: Any, sheet: Any, number: int, header: list[str]) -> Table:
    total = sheet.max_row or 0
    state = {"row": number}
    return Table(
        file=str(path), header=header, header_line=number, description=msg("fmt-xlsx", sheet=sheet.title),
        rows=_rows(sheet, number, state), progress=lambda: (state["row"], total), closers=[book.close],
    )


def _header(sheet: Any, wanted: set[str], least: int) -> tuple[int, list[str]] | None:
    for number, values in enumerate(sheet.iter_rows(max_row=MAX_JUNK + 1, values_only=True), start=1):
        names = [cell_text(v) for v in values]
        if sum(1 for n in names if normalise_name(n) in wanted) >= least:
            return number, names
    return None


def _rows(sheet: Any, header: int, state: dict[str, int]) -> Iterator[tuple[int, list[str]]]:
    for number, values in enumerate(sheet.iter_rows(min_row=header + 1, values_only=True), start=header + 1):
        state["row"] = number
        texts = [cell_text(v) for v in values]
        if any(texts):
            yield number, texts


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
