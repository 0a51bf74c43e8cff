"""The sniffer: encodings, delimiters, line ends, junk before the header — and round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.core.errors import ImportFileError
from briefer.core.importers.sniff import Sniffed, read_rows, sniff, sniff_bytes

EXPECTED = ("event_id_cnty", "event_date", "event_type", "country", "notes")


def encode(rows: list[list[str]], *, delimiter: str, encoding: str, newline: str, junk: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    for line in junk:
        buffer.write(line + newline)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def read_back(data: bytes, sniffed: Sniffed) -> list[list[str]]:
    text = io.StringIO(data.decode(sniffed.encoding), newline="")
    for _ in range(sniffed.skip):
        text.readline()
    return [values for _, values in read_rows(text, sniffed)]


@pytest.mark.parametrize("encoding, delimiter, newline", [
    ("utf-8", ",", "\n"), ("utf-8-sig", ",", "\r\n"), ("cp1252", ";", "\r\n"), ("utf-8", "\t", "\r"),
])
def test_each_quirk_is_found(encoding: str, delimiter: str, newline: str) -> None:
    rows = [list(EXPECTED), ["MLI1", "10 December 2020", "Battles", "Mali", "Ségou; Tombouctou, « attaque »"]]
    data = encode(rows, delimiter=delimiter, encoding=encoding, newline=newline, junk=["ACLED export", ""])
    sniffed = sniff_bytes(data, EXPECTED)
    assert (sniffed.encoding, sniffed.delimiter, sniffed.line_end, sniffed.skip) == (encoding, delimiter, newline, 2)
    assert sniffed.header == tuple(EXPECTED)
    assert read_back(data, sniffed) == rows[1:]


def test_a_file_without_the_expected_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name,age\nAmadou,31\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        sniff(path, EXPECTED)
    assert str(path) in str(caught.value) and "no header line" in str(caught.value)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        sniff(path, EXPECTED)


CELL = st.text(st.characters(codec="cp1252", exclude_characters="\x00\r\n"), max_size=12)
MULTILINE = st.text(st.characters(codec="cp1252", exclude_characters="\x00\r"), max_size=12)


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(CELL, CELL, MULTILINE, CELL, CELL), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    junk=st.lists(st.sampled_from(["", "Exported 2021-02-16", "ACLED data — do not share"]), max_size=3),
)
def test_round_trip(rows: list[tuple[str, ...]], delimiter: str, encoding: str, newline: str, junk: list[str]) -> None:
    body = [list(EXPECTED), *[list(r) for r in rows]]
    data = encode(body, delimiter=delimiter, encoding=encoding, newline=newline, junk=junk)
    sniffed = sniff_bytes(data, EXPECTED)
    assert sniffed.delimiter == delimiter
    assert sniffed.skip == len(junk)
    if encoding == "utf-8-sig":
        assert sniffed.encoding == "utf-8-sig"
    elif not data.isascii():
        assert sniffed.encoding == encoding
    expected = [r for r in body[1:] if any(r)]
    assert read_back(data, sniffed) == expected
