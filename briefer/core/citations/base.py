"""What every citation style shares: notes, entries, names and dates of sources.

Contract: a `Citer` hands out marks (`mark`) and keeps the notes they make; subclasses say how a
citation reads in the text, in a note and in the reference list. Helpers here return escaped
markup, source text typeset in the source's own language.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from briefer.core import i18n
from briefer.core.domain import Briefing, Language, Source
from briefer.core.pdf.labels import label
from briefer.core.pdf.markup import esc, ref_anchor

NOTE_CALLBACK = "briefer-note"  # the canvas callback a footnote mark calls when it is drawn


@dataclass(frozen=True)
class Note:
    number: int
    markup: str


@dataclass(frozen=True)
class Entry:
    """One reference-list entry: `label` is "[3]" in a numbered list, "" otherwise."""

    number: int
    label: str
    markup: str


def note_anchor(number: int) -> str:
    return f"note-{number}"


class Citer:
    """Base class: numbering of notes and the helpers the styles share."""

    numbered_list = False  # True: the reference list is numbered [n] in order of first citation
    narrative = False  # True: `mark(narrative=True)` reads "Koné, Sow and Koné (2023, para. 4)"

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.lang: Language = briefing.language
        self.sources = {r.number: r.source for r in briefing.references}
        self._notes: list[Note] = []

    @property
    def uses_notes(self) -> bool:
        return False

    def mark(self, number: int, locator: str = "", narrative: bool = False) -> str:
        """The mark of a citation of reference `number` at `locator`. `narrative` asks for the
        form that follows a speaker ("Koné, Sow and Koné (2023, para. 4)"), else parenthetical."""
        raise NotImplementedError

    def lead(self, number: int) -> str:
        """Who a quotation is from when it has no speaker and the mark does not say it."""
        return ""

    def notes(self) -> list[Note]:
        return list(self._notes)

    def entries(self) -> list[Entry]:
        raise NotImplementedError

    # --- shared helpers ------------------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def withheld(self, source: Source) -> bool:
        return source.protected and self.briefing.data_note.redacted

    def note_mark(self, text: str) -> str:
        """Record a note; return its superscript number (linked to the note when it is an endnote)."""
        number = len(self._notes) + 1
        self._notes.append(Note(number, text))
        if self.briefing.notes == "endnotes":
            return f'<super><a href="#{note_anchor(number)}" color="#0E7C86">{number}</a></super>'
        return f'<super>{number}</super><onDraw name="{NOTE_CALLBACK}" label="{number}"/>'

    def linked(self, number: int, markup: str) -> str:
        return f'<a href="#{ref_anchor(number)}" color="#0E7C86">{markup}</a>'

    def locator(self, locator: str) -> str:
        return localise_locator(locator, self.lang)


def source_esc(text: str, source: Source | None) -> str:
    """Escape text taken from a source, with French typography only if the source is French."""
    lang: Language | None = "fr" if source is not None and source.language.startswith("fr") else None
    return esc(text, lang)


def localise_locator(locator: str, lang: Language) -> str:
    """"para. 4" stays in English; in French it becomes "§ 4" (other locators unchanged)."""
    if lang == "fr":
        for prefix in ("para. ", "paras. ", "paragraph "):
            if locator.startswith(prefix):
                return "§\u00a0" + locator[len(prefix):]
    return locator


def family(name: str) -> str:
    """"Fahiraman Rodrigue Koné" -> "Koné"; "Koné, Fahiraman" -> "Koné"."""
    name = " ".join(name.split())
    if "," in name:
        return name.split(",")[0].strip()
    return name.rsplit(" ", 1)[-1]


def inverted(name: str) -> str:
    """"Fahiraman Rodrigue Koné" -> "Koné, Fahiraman Rodrigue" (a name with a comma is kept)."""
    name = " ".join(name.split())
    if "," in name or " " not in name:
        return name
    given, last = name.rsplit(" ", 1)
    return f"{last}, {given}"


def join(names: list[str], and_word: str) -> str:
    """"A", "A and B", "A, B and C" (no serial comma; French "et")."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {and_word} " + names[-1]


def year(source: Source) -> str:
    return str(source.published.year) if source.published else ""


def published(source: Source, lang: Language) -> str:
    return i18n.fmt_partial(source.published, lang)


def sort_key(text: str) -> str:
    """Alphabetical order that ignores case and accents ("Égypte" with the Es)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
