"""Editing a source's details after import: `writes.update_source` and `briefer source edit`."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.errors import ValidationError
from briefer.core.store import reads, writes
from tests.core.importers.conftest import digest
from tests.core.importers.sources_util import run


def test_update_source_fields_and_precision(fresh_store) -> None:  # type: ignore[no-untyped-def]
    sid = writes.add_source(fresh_store, title="Draft", full_text="Text.", content_hash="h1")
    writes.update_source(fresh_store, sid, title="Final", authors=["Djiby Sow", "Hassane Koné"], published="2023-07",
                         accessed="2024-01-02", language="fr", protected=True)
    source = reads.sources(fresh_store)[sid]  # type: ignore[index]
    assert (source.title, source.authors, source.language, source.protected) == (
        "Final", ("Djiby Sow", "Hassane Koné"), "fr", True)
    assert source.published is not None and (source.published.iso, source.published.precision) == ("2023-07", "month")
    row = fresh_store.db.execute("SELECT published_precision, full_text FROM sources").fetchone()
    assert tuple(row) == ("month", "Text.")
    writes.update_source(fresh_store, sid, published=None)
    assert fresh_store.db.execute("SELECT published, published_precision FROM sources").fetchone() == (None, None)


@pytest.mark.parametrize("fields, message", [
    ({"title": " "}, "needs a title"), ({"full_text": "x"}, "no field 'full_text'"),
    ({"published": "2023-13"}, "YYYY-MM-DD"), ({"accessed": "2024"}, "YYYY-MM-DD"),
])
def test_update_source_refuses_bad_fields(fresh_store, fields, message) -> None:  # type: ignore[no-untyped-def]
    sid = writes.add_source(fresh_store, title="Draft")
    with pytest.raises(ValidationError, match=message):
        writes.update_source(fresh_store, sid, **fields)
    with pytest.raises(ValidationError, match="no source with id 99"):
        writes.update_source(fresh_store, 99, title="x")


def test_source_edit_and_show_commands(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    note = tmp_path / "n.txt"
    note.write_text("Field note\n\nThe convoy reached Kidal on Monday after three days on the road.\n", encoding="utf-8")
    store = tmp_path / "s.db"
    run(capsys, "import", "document", str(note), "--store", str(store))
    code, out, _ = run(capsys, "source", "edit", "1", "--store", str(store), "--title", "Convoy note",
                       "--author", "A. Maïga", "--date", "2024-02", "--language", "French")
    assert code == 0 and "title: Convoy note" in out and "published: 2024-02" in out and "language: fr" in out
    before = digest(store)
    code, _, err = run(capsys, "source", "edit", "1", "--store", str(store), "--date", "Smarch 2024")
    assert code == 2 and err.count("\n") == 1 and digest(store) == before
    code, out, _ = run(capsys, "source", "show", "1", "--store", str(store))
    assert code == 0 and "authors: A. Maïga" in out and out.splitlines()[-1] == "source 1"
