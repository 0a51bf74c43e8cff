"""The importers issue's "done when", in one run of the app: import a saved article through the
Import wizard, select a sentence in the Library's reader, make it a quotation, and find it in the
next briefing with its citation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from briefer.core.store.db import open_store
from briefer.gui import operations
from tests.core.importers.test_documents import SAVED_PAGE
from tests.core.pdfread import full_text, read
from tests.gui.conftest import TIMEOUT, select
from tests.gui.test_import_wizard import commit, open_wizard, to_check
from tests.gui.test_library import _dialog, _save, _select_text

SENTENCE = ("La Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali a achevé le "
            "retrait de ses derniers casques bleus le 11 décembre 2023, après dix ans de présence dans le pays.")


class _Progress:
    def report(self, *args: Any, **values: Any) -> None: ...

    def check(self) -> None: ...


def test_import_an_article_quote_it_and_cite_it(qtbot: Any, window: Any, store_copy: Path, tmp_path: Path) -> None:
    page = tmp_path / "minusma-retrait.html"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    wizard = open_wizard(window, "document", page)
    assert to_check(qtbot, wizard).added == 1
    source_id = commit(qtbot, window, wizard).source_id
    assert source_id is not None

    window.library_menu.open_action.trigger()
    library = window.library_menu.library
    qtbot.waitUntil(lambda: library.sources.topLevelItemCount() == 4, timeout=TIMEOUT)
    titles = [library.sources.topLevelItem(i).text(0) for i in range(4)]
    library.sources.setCurrentItem(library.sources.topLevelItem(titles.index("Mali : la MINUSMA achève son retrait")))
    qtbot.waitUntil(lambda: library.reader.detail is not None and library.reader.detail.source.id == source_id,
                    timeout=TIMEOUT)
    _select_text(library, SENTENCE)
    dialog = _dialog(qtbot, library, library.reader.quote_button)
    assert dialog.text.toPlainText() == SENTENCE
    dialog.countries.setText("Mali")
    for i in range(dialog.topics.count()):
        if dialog.topics.item(i).data(Qt.ItemDataRole.UserRole) == "peacekeeping":
            dialog.topics.item(i).setCheckState(Qt.CheckState.Checked)
    _save(qtbot, library, dialog)
    library.close()

    preview = select(qtbot, window, ["MLI"], dt.date(2023, 6, 1), dt.date(2023, 12, 31), "peacekeeping")
    quotation = next(q for q in preview.quotations if q.text == SENTENCE)
    window.preview.tabs.quotations.model.set_picks([quotation.id])
    out = tmp_path / "briefing.pdf"
    with open_store(store_copy, read_only=True) as store:
        operations.export_pdf(store, operations.ExportRequest(window.controller.composition(), out), _Progress())
    text = " ".join(full_text(read(out.read_bytes())).split())
    assert "achevé le retrait de ses derniers casques bleus le 11 décembre 2023" in text
    assert "Sahel Hebdo" in text and "Mali : la MINUSMA achève son retrait" in text  # cited among the references
