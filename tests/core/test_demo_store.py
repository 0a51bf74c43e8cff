"""The demo store: built from resources/ into a real file, then reused from the user cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.demo import build
from briefer.core.errors import OutputError
from briefer.core.store import reads
from briefer.core.store.db import open_store


def test_demo_store_content(demo_store) -> None:  # type: ignore[no-untyped-def]
    (dataset,) = reads.datasets(demo_store)
    assert dataset.synthetic and "SYNTHETIC" in dataset.name
    assert 13_500 <= demo_store.db.execute("SELECT count(*) FROM events").fetchone()[0] <= 16_500
    assert demo_store.db.execute("SELECT count(*) FROM events WHERE notes NOT LIKE '[SYNTHETIC]%'").fetchone()[0] == 0
    assert len(reads.quotations(demo_store)) >= 15 and len(reads.figures(demo_store)) >= 10
    titles = {s.title for s in reads.sources(demo_store).values()}
    assert "MINUSMA leaves Mali: will regional leaders step up on security?" in titles


def test_second_build_is_a_copy_of_the_cached_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = build.build_demo_store(tmp_path / "a.db")

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("the demo store was rebuilt instead of copied")

    monkeypatch.setattr(build, "fill_demo_store", fail)
    second = build.build_demo_store(tmp_path / "b.db")
    assert second.read_bytes() == first.read_bytes()
    with open_store(second) as store:
        assert reads.event_date_range(store) is not None


def test_refuses_to_overwrite_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "d.db"
    target.write_text("mine")
    with pytest.raises(OutputError, match="already exists"):
        build.build_demo_store(target)
    assert target.read_text() == "mine" and sorted(p.name for p in tmp_path.iterdir()) == ["d.db"]
