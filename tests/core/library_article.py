"""A small article written for the library tests, imported as a real text document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TITLE = "Convoys resume on the Gao road"
ARTICLE = f"""{TITLE}

Humanitarian convoys resumed on the road between Gao and Ansongo on Monday, after a pause of three weeks.

“The road is open again, but every convoy still needs an escort,” the regional coordinator said. Over 120 trucks crossed the river in the first two days.

Aid workers in Ménaka reported 4 500 newly displaced people since September 😀 and warned that the dry season would bring more attacks.\r
A second convoy is planned for the end of the month.
"""
QUOTE = "The road is open again, but every convoy still needs an escort,"
FIGURE_SENTENCE = "Over 120 trucks crossed the river in the first two days."


def add_article(store: Any, tmp_path: Path, name: str = "gao.txt") -> int:
    """Import ARTICLE into `store` as a text document; returns the source id."""
    from briefer.core.importers.documents import Overrides, import_document

    path = tmp_path / name
    path.write_bytes(ARTICLE.encode("utf-8"))
    overrides = Overrides(publisher="Sahel Monitor", date="2023-10-02", language="en")
    source_id = import_document(store, path, overrides=overrides).source_id
    assert source_id is not None
    return source_id
