"""Helpers for importer tests: small files written by the tests, a store, the shared fixtures."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[3].parent / "shared" / "fixtures"
HEADER = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
          "admin1", "location", "notes", "fatalities", "timestamp")


def acled_row(event_id: str = "MLI1", date: str = "10 December 2020", event_type: str = "Battles",
              sub: str = "Armed clash", actor1: str = "Military Forces of Mali", actor2: str = "JNIM",
              country: str = "Mali", admin1: str = "Mopti", location: str = "Sevare",
              notes: str = "Clashes near Sevare, two killed.", fatalities: str = "2",
              timestamp: str = "1600000000") -> list[str]:
    return [event_id, date, event_type, sub, actor1, actor2, country, admin1, location, notes, fatalities, timestamp]


def write_csv(path: Path, rows: Sequence[Sequence[str]], *, header: Sequence[str] = HEADER, delimiter: str = ",",
              encoding: str = "utf-8", newline: str = "\n", junk: Sequence[str] = ()) -> Path:
    """A small CSV the way spreadsheet programs and ACLED write them (every cell quoted when needed)."""
    def cell(value: str) -> str:
        if any(ch in value for ch in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [*junk, delimiter.join(cell(h) for h in header), *(delimiter.join(cell(v) for v in r) for r in rows)]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def store(fresh_store):  # type: ignore[no-untyped-def]
    return fresh_store


@pytest.fixture()
def shared_fixtures() -> Iterator[Path]:
    if not (FIXTURES / "acled").is_dir():
        pytest.skip("../shared/fixtures is absent")
    yield FIXTURES
