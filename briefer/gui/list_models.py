"""List models for the selection panel: countries (tickable, searchable) and topics.

Contracts:
- `CountryModel.set_countries(entries, aliases)` lists the store's countries, those with events first
  (most events first), the others by name in the UI language. Ticks are kept in the order the user
  made them (`chosen()`), which is the order of the countries in the briefing's title.
  `SEARCH_ROLE` answers the folded English and French names, ISO codes and aliases.
- `TopicModel` lists topics in taxonomy order; `ID_ROLE` is the slug, the tooltip the description.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefer.gui import i18n
from briefer.gui.models import ID_ROLE, SEARCH_ROLE, fold

EVENTS_ROLE = Qt.ItemDataRole.UserRole + 10
Index = QModelIndex | QPersistentModelIndex


class CountryModel(QAbstractListModel):
    chosen_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []  # operations.CountryEntry
        self._search: list[str] = []
        self._chosen: list[str] = []

    def set_countries(self, entries: Iterable[Any], aliases: dict[str, list[str]] | None = None) -> None:
        """Replace the list; ticks on countries still present are kept."""
        aliases = aliases or {}
        self.beginResetModel()
        self._rows = self._sorted(list(entries))
        self._search = [self._search_key(e.country, aliases.get(e.country.iso3, [])) for e in self._rows]
        known = {e.country.iso3 for e in self._rows}
        self._chosen = [c for c in self._chosen if c in known]
        self.endResetModel()

    @staticmethod
    def _sorted(entries: list[Any]) -> list[Any]:
        lang = i18n.language()
        return sorted(entries, key=lambda e: (e.events == 0, -e.events, fold(e.country.name(lang))))

    @staticmethod
    def _search_key(country: Any, aliases: Sequence[str]) -> str:
        return fold(" | ".join([country.name_en, country.name_fr, country.iso3, country.iso2, *aliases]))

    def chosen(self) -> tuple[str, ...]:
        """ISO3 codes of the ticked countries, in the order they were ticked."""
        return tuple(self._chosen)

    def set_chosen(self, codes: Sequence[str]) -> None:
        known = {e.country.iso3 for e in self._rows}
        wanted = [c for c in dict.fromkeys(codes) if c in known]
        if wanted == self._chosen:
            return
        self._chosen = wanted
        self._all_changed()
        self.chosen_changed.emit()

    def toggle(self, row: int) -> None:
        code = self._rows[row].country.iso3
        self.set_chosen([c for c in self._chosen if c != code] if code in self._chosen else [*self._chosen, code])

    def names(self, codes: Sequence[str] | None = None, lang: str | None = None) -> list[str]:
        """Names of `codes` (default: the chosen ones) in `lang` (default: the UI language)."""
        by_code = {e.country.iso3: e.country for e in self._rows}
        lang = lang or i18n.language()
        return [by_code[c].name(lang) for c in (self._chosen if codes is None else codes) if c in by_code]

    def name_map(self) -> dict[str, str]:
        lang = i18n.language()
        return {e.country.iso3: e.country.name(lang) for e in self._rows}

    def retranslate(self) -> None:
        self.beginResetModel()
        self._rows_and_search_resort()
        self.endResetModel()

    def _rows_and_search_resort(self) -> None:
        pairs = dict(zip((e.country.iso3 for e in self._rows), self._search, strict=True))
        self._rows = self._sorted(self._rows)
        self._search = [pairs[e.country.iso3] for e in self._rows]

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    # Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        country = entry.country
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return country.name(i18n.language())
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if country.iso3 in self._chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            other = country.name_fr if i18n.language() == "en" else country.name_en
            return f"{country.name(i18n.language())} ({other}, {country.iso3})"
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == ID_ROLE:
            return country.iso3
        if role == EVENTS_ROLE:
            return entry.events
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        code = self._rows[index.row()].country.iso3
        ticked = state == Qt.CheckState.Checked.value
        if ticked != (code in self._chosen):
            self.toggle(index.row())
        return True


class TopicModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._topics: list[Any] = []  # core Topic

    def set_topics(self, topics: Iterable[Any]) -> None:
        self.beginResetModel()
        self._topics = list(topics)
        self.endResetModel()

    def slugs(self) -> list[str]:
        return [t.slug for t in self._topics]

    def topic(self, slug: str) -> Any:
        return next((t for t in self._topics if t.slug == slug), None)

    def row_of(self, slug: str) -> int:
        return next((n for n, t in enumerate(self._topics) if t.slug == slug), -1)

    def retranslate(self) -> None:
        if self._topics:
            self.dataChanged.emit(self.index(0), self.index(len(self._topics) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._topics)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._topics):
            return None
        topic = self._topics[index.row()]
        lang = i18n.language()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return topic.label(lang)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return topic.description(lang) or None
        if role == ID_ROLE:
            return topic.slug
        return None
