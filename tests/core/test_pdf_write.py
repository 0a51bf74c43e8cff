"""write_pdf: atomic output, and OutputError (never a partial or temporary file) when it cannot write."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefer.core.errors import OutputError
from briefer.core.pdf import render as render_module
from briefer.core.pdf import write_pdf

sys.path.insert(0, str(Path(__file__).parent))
from sample_briefing import sample_briefing

BRIEFING = sample_briefing("en", sections=("cover", "key-messages", "references"))


def test_writes_a_readable_pdf(tmp_path: Path) -> None:
    out = write_pdf(BRIEFING, tmp_path / "brief.pdf")
    assert out == tmp_path / "brief.pdf"
    assert len(PdfReader(out).pages) >= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_missing_folder_raises_output_error(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "brief.pdf"
    with pytest.raises(OutputError, match="does not exist"):
        write_pdf(BRIEFING, target)
    assert not target.parent.exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores folder permissions")
def test_unwritable_folder_raises_output_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission denied"):
            write_pdf(BRIEFING, folder / "brief.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_unwritable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same contract where permissions cannot be tested (root): mkstemp refused."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(render_module.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="permission denied"):
        write_pdf(BRIEFING, tmp_path / "brief.pdf")
    assert list(tmp_path.iterdir()) == []


def test_disk_full_leaves_no_file_and_keeps_old_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old briefing")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(render_module.os, "replace", full)
    with pytest.raises(OutputError, match="disk is full"):
        write_pdf(BRIEFING, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]
    assert target.read_bytes() == b"old briefing"


def test_render_failure_removes_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(render_module, "_build", broken)
    with pytest.raises(RuntimeError, match="layout exploded"):
        write_pdf(BRIEFING, tmp_path / "brief.pdf")
    assert list(tmp_path.iterdir()) == []
