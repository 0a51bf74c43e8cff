"""Protected output: password encryption (AES-256, print yes, extract no) and redaction for wider release."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from briefer import cli
from briefer.core.assemble import assemble
from briefer.core.domain import BriefingOptions, Period, Selection
from briefer.core.errors import OutputError
from briefer.core.pdf import render, write_pdf
from briefer.core.store.db import open_store
from briefer.core.templates import get_template

SELECTION = Selection(("MLI",), Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31)), "peacekeeping")
OPTIONS = BriefingOptions(issued=dt.date(2024, 1, 15))


def squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def text_of(data: bytes) -> str:
    return squash(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


@pytest.fixture(scope="module")
def protected_store(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """A copy of the demo store with the flagship's first cited source marked protected."""
    with open_store(demo_store_path, read_only=True) as store:
        briefing = assemble(store, SELECTION, get_template("country-brief"), OPTIONS)
    source = briefing.references[-1].source
    assert source.url and source.title
    path = tmp_path_factory.mktemp("protected") / "demo.db"
    shutil.copy(demo_store_path, path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE sources SET protected = 1 WHERE id = ?", (source.id,))
    db.close()
    return path, (source, briefing)


def briefing_from(path: Path, **options: Any) -> Any:
    with open_store(path, read_only=True) as store:
        return assemble(store, SELECTION, get_template("country-brief"), BriefingOptions(
            issued=dt.date(2024, 1, 15), **options))


# --- Encryption --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def encrypted(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("enc") / "brief.pdf"
    write_pdf(briefing_from(demo_store_path), out, password="s3cret word")
    return out


def test_encrypted_pdf_cannot_be_read_without_the_password(encrypted: Path) -> None:
    raw = encrypted.read_bytes()
    assert b"/Encrypt" in raw and b"peacekeeping" not in raw.lower()
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(encrypted)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(encrypted, password="wrong")


def test_encrypted_pdf_opens_with_the_password_and_only_prints(encrypted: Path) -> None:
    with pikepdf.open(encrypted, password="s3cret word") as pdf:
        assert pdf.is_encrypted
        assert pdf.encryption.R == 6  # AES-256
        assert pdf.allow.extract is False
        assert pdf.allow.modify_other is False
        assert pdf.allow.print_highres is True
        plain = io.BytesIO()
        pdf.save(plain)
    assert "peacekeeping" in text_of(plain.getvalue())
    assert not [p for p in encrypted.parent.iterdir() if p != encrypted]


def test_without_password_the_pdf_stays_deterministic(demo_store_path: Path, tmp_path: Path) -> None:
    briefing = briefing_from(demo_store_path)
    first, second = write_pdf(briefing, tmp_path / "a.pdf"), write_pdf(briefing, tmp_path / "b.pdf")
    assert first.read_bytes() == second.read_bytes()
    assert not PdfReader(str(first)).is_encrypted


def test_a_failing_encrypted_write_leaves_nothing(demo_store_path: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    briefing = briefing_from(demo_store_path)

    def broken(*_: Any, **__: Any) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "encrypt_pdf", broken)
    with pytest.raises(OutputError, match="disk is full"):
        write_pdf(briefing, tmp_path / "brief.pdf", password="pw")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OutputError, match="password is empty"):
        write_pdf(briefing, tmp_path / "brief.pdf", password="")
    assert list(tmp_path.iterdir()) == []


# --- Redaction ---------------------------------------------------------------------------------


def test_redaction_withholds_protected_sources_and_places(protected_store: tuple[Path, Any], tmp_path: Path) -> None:
    path, (source, plain_briefing) = protected_store
    plain = write_pdf(briefing_from(path), tmp_path / "plain.pdf").read_bytes()
    redacted_briefing = briefing_from(path, redact=True)
    redacted = write_pdf(redacted_briefing, tmp_path / "redacted.pdf").read_bytes()
    plain_text, text = text_of(plain), text_of(redacted)
    assert squash(source.title) in plain_text and squash(source.url) in plain_text
    assert squash(source.title) not in text and squash(source.url) not in text
    assert "protectedsource" in text and "protectedsource" not in plain_text
    assert "redactedforwiderrelease" in text

    admin1 = {i.admin1 for i in plain_briefing.incidents}
    places = {i.location for i in plain_briefing.incidents} - admin1
    place = min(p for p in places if not any(squash(p) in squash(a) for a in admin1))
    assert squash(place) in plain_text
    assert squash(place) not in text
    assert all(squash(a) in text for a in admin1)
    assert all(not i.location and not i.notes for i in redacted_briefing.incidents)
    assert redacted_briefing.map is not None and redacted_briefing.map.points == ()


def test_redaction_in_french_names_the_protected_source(protected_store: tuple[Path, Any]) -> None:
    briefing = briefing_from(protected_store[0], redact=True, language="fr")
    assert "sourceprotégée" in text_of(render.render_pdf(briefing))


# --- Command line ------------------------------------------------------------------------------


def test_cli_password_and_redact(protected_store: tuple[Path, Any], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path, (source, _) = protected_store
    with pytest.raises(SystemExit):
        cli.main(["build", "--help"])
    help_text = capsys.readouterr().out
    assert "--password" in help_text and "--redact" in help_text
    out = tmp_path / "brief.pdf"
    args = ["build", "--store", str(path), "--country", "Mali", "--from", "2023-06-01", "--to", "2023-12-31",
            "--topic", "peacekeeping", "--date", "2024-01-15", "--redact", "--password", "pw", "--out", str(out)]
    assert cli.main(args) == 0
    with pikepdf.open(out, password="pw") as pdf:
        assert pdf.allow.extract is False
        plain = io.BytesIO()
        pdf.save(plain)
    text = text_of(plain.getvalue())
    assert "protectedsource" in text and squash(source.title) not in text
    assert list(tmp_path.iterdir()) == [out]
    assert cli.main([*args[:-4], "--password", "", "--out", str(tmp_path / "x.pdf")]) == cli.USER_ERROR
    assert not (tmp_path / "x.pdf").exists()
