"""English and French: every string in both, the live switch, dates and numbers in the locale."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton

from briefer.gui import i18n
from briefer.gui.strings import STRINGS
from tests.gui.conftest import TIMEOUT


def test_every_string_has_both_languages_with_the_same_placeholders() -> None:
    for key, (english, french) in STRINGS.items():
        assert bool(english) == bool(french), key
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", french)), key


def test_french_typography() -> None:
    for key, (_, french) in STRINGS.items():
        assert not re.search(r" [:;!?]", french), f"{key}: a plain space before French punctuation"


def test_switching_to_french_retranslates_the_live_window(qtbot: Any, window: Any) -> None:
    window.set_ui_language("fr")
    assert i18n.language() == "fr"
    tabs = window.preview.tabs
    assert [tabs.tabText(i).split(" (")[0].replace("&", "") for i in range(tabs.count())] == [
        "Chiffres clés", "Graphiques", "Citations", "Chiffres des sources", "Événements"]
    assert window.store_menu.title() == "&Base" and window.briefing_menu.title() == "&Note"
    assert window.compose.export_button.text() == "E&xporter le PDF…"
    assert window.selection_panel.country_label.text() == "&Pays"
    assert window.selection_panel.period_picker.preset_box.itemText(0) == "7 derniers jours"
    texts = {w.text() for w in window.findChildren(QLabel)} | {w.text() for w in window.findChildren(QPushButton)}
    assert "Composition" in texts and "Sélection" in texts
    assert "Export PDF…" not in " ".join(texts)
    assert window.settings.ui_language() == "fr"
    # numbers and dates follow the locale
    assert i18n.fmt_int(15226).replace("\u202f", " ").replace("\u00a0", " ") == "15 226"
    assert i18n.fmt_date(dt.date(2023, 6, 30)) == "30 juin 2023"
    assert window.selection_panel.period_picker.date_from.displayFormat() == i18n.short_date_format()
    window.set_ui_language("en")
    assert window.compose.export_button.text() == "&Export PDF…"


def test_french_briefing_language_changes_the_preview(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.controller.preview_ready, timeout=TIMEOUT) as blocker:
        window.compose.set_language("fr")
    preview = blocker.args[0]
    assert preview.language == "fr"
    assert "Note de sécurité" in preview.subtitle


def test_no_two_visible_controls_share_a_mnemonic(qtbot: Any, window: Any) -> None:
    """Alt+letter must reach one control only, in both languages."""
    for lang in ("en", "fr"):
        window.set_ui_language(lang)
        seen: dict[str, str] = {}
        texts = [window.store_menu.title(), window.briefing_menu.title(), window.help_menu.title()]
        texts += [w.text() for w in window.findChildren(QLabel) if w.isVisibleTo(window) and w.buddy()]
        texts += [w.text() for w in window.findChildren(QPushButton) if w.isVisibleTo(window)]
        tabs = window.preview.tabs
        texts += [tabs.tabText(i) for i in range(tabs.count())]
        for text in texts:
            match = re.search(r"&(\w)", text)
            if match:
                letter = match.group(1).lower()
                assert letter not in seen, f"{lang}: Alt+{letter} for {seen.get(letter)!r} and {text!r}"
                seen[letter] = text
    window.set_ui_language("en")
