"""The house citation styles: numbered and author-date.

Contract:
- `NumberedCiter`: with `notes` "none", a citation is "[n]" linked to entry n of a reference list
  numbered in order of first citation; with footnotes or endnotes it is a superscript note number,
  the note gives the source (in full the first time, shortened after) and the locator, and the
  reference list is alphabetical, first author inverted.
- `AuthorDateCiter`: "(Koné, Sow and Koné 2023, para. 4)" in the text (or "Koné, Sow and Koné
  (2023, para. 4)" after a speaker), linked to an alphabetical reference list that starts each
  entry with the authors and the year; same authors and year are told apart as 2023a, 2023b.
  A source without authors is cited by its publisher; without a date, "n.d." ("s. d.").
"""

from __future__ import annotations

from collections.abc import Mapping

from briefer.core import i18n
from briefer.core.citations.base import (
    Citer,
    Entry,
    family,
    inverted,
    join,
    published,
    sort_key,
    source_esc,
    year,
)
from briefer.core.domain import Briefing, Source
from briefer.core.pdf.markup import citation, esc, ref_anchor, shorten, url_link

ET_AL = 4  # this many authors or more: "Koné et al."
SHORT_TITLE = 48


class HouseCiter(Citer):
    """What both house styles share: short author names and reference entries."""

    def short_author(self, source: Source) -> str:
        """Plain text: family names ("Koné, Sow and Koné"), else the publisher, else the title."""
        if self.withheld(source):
            return self.t("protected-source")
        if source.authors:
            names = [family(a) for a in source.authors]
            return f"{names[0]} et al." if len(names) >= ET_AL else join(names, self.t("and"))
        return source.publisher or source.container or shorten(source.title, SHORT_TITLE)

    def entry(self, number: int, first_inverted: bool, year_label: str | None = None) -> str:
        """Authors[ (year)]. Title. Container, publisher, date. URL (accessed …). Note.
        In an alphabetical list (`first_inverted`), a source without authors is listed under
        its publisher, as it is cited."""
        source = self.sources[number]
        anchor = f'<a name="{ref_anchor(number)}"/>'
        if self.withheld(source):
            return anchor + esc(self.t("protected-source"), self.lang) + "."
        names = list(source.authors)
        if names and first_inverted:
            names[0] = inverted(names[0])
        corporate = "" if names or not first_inverted else (source.publisher or source.container)
        who = join(names, self.t("and")) or corporate
        parts = [anchor]
        if who:
            parts.append(source_esc(who, source) + (f" ({esc(year_label, self.lang)})" if year_label else "") + ". ")
        title = f"<i>{source_esc(source.title, source)}</i>"
        if not who and year_label:
            title += f" ({esc(year_label, self.lang)})"
        parts.append(title + _stop(source.title))
        where = [x for x in (source.container, source.publisher) if x and x != corporate]
        date = published(source, self.lang) or self.t("no-date")
        if year_label is not None and (source.published is None or source.published.precision == "year"):
            date = ""  # author-date: the year is already given after the authors
        details = [*dict.fromkeys(where), date] if date else list(dict.fromkeys(where))
        if details:
            parts.append(" " + source_esc(", ".join(details), source) + ".")
        parts.append(self._url(source))
        if source.note:
            parts.append(f' <font color="#5B6770">{source_esc(source.note, source)}</font>')
        return "".join(parts)

    def _url(self, source: Source) -> str:
        if not source.url:
            return ""
        text = " " + url_link(source.url)
        if source.accessed:
            accessed = self.t("accessed", date=i18n.fmt_date(source.accessed, self.lang))
            return text + " " + esc(f"({accessed})", self.lang) + "."
        return text + "."

    def alphabetical(self, key_of: Mapping[int, tuple[str, ...]]) -> list[int]:
        return sorted(self.sources, key=lambda n: key_of[n])


class NumberedCiter(HouseCiter):
    """Numbers in the text: bracketed (no notes) or superscript note numbers (see module contract)."""

    def __init__(self, briefing: Briefing) -> None:
        super().__init__(briefing)
        self.numbered_list = briefing.notes == "none"
        self._seen: set[int] = set()

    @property
    def uses_notes(self) -> bool:
        return not self.numbered_list

    def mark(self, number: int, locator: str = "", narrative: bool = False) -> str:
        if self.numbered_list:
            return citation(number)
        return self.note_mark(self.note(number, locator))

    def lead(self, number: int) -> str:
        source = self.sources[number]
        return source_esc(self.short_author(source), source)

    def note(self, number: int, locator: str) -> str:
        """Full the first time a source is cited, short after: authors, title, details, locator."""
        source = self.sources[number]
        if self.withheld(source):
            text = esc(self.t("protected-source"), self.lang)
        elif number in self._seen:
            short = source_esc(shorten(source.title.split(": ")[0], SHORT_TITLE), source)
            who = source_esc(self.short_author(source), source) if source.authors else ""
            text = (f"{who}, " if who else "") + f"<i>{short}</i>"
        else:
            text = self._full_note(source)
        self._seen.add(number)
        place = self.locator(locator)
        return self.linked(number, text) + (f", {esc(place, self.lang)}" if place else "") + "."

    def _full_note(self, source: Source) -> str:
        who = source_esc(join(list(source.authors), self.t("and")), source)
        details = [x for x in (source.container, source.publisher) if x]
        details.append(published(source, self.lang) or self.t("no-date"))
        where = source_esc(", ".join(dict.fromkeys(details)), source)
        return (f"{who}, " if who else "") + f"<i>{source_esc(source.title, source)}</i> ({where})"

    def entries(self) -> list[Entry]:
        if self.numbered_list:
            return [Entry(n, f"[{n}]", self.entry(n, False)) for n in sorted(self.sources)]
        keys = {n: (sort_key(self.short_author(s)), year(s), sort_key(s.title)) for n, s in self.sources.items()}
        return [Entry(n, "", self.entry(n, True)) for n in self.alphabetical(keys)]


class AuthorDateCiter(HouseCiter):
    """(Author year, locator) in the text, alphabetical reference list (see module contract)."""

    narrative = True

    def __init__(self, briefing: Briefing) -> None:
        super().__init__(briefing)
        self.years = self._years()

    def _years(self) -> dict[int, str]:
        """"2023", "2023a"/"2023b" for the same authors in the same year, "n.d." without a date."""
        groups: dict[tuple[str, str], list[int]] = {}
        for n, s in self.sources.items():
            groups.setdefault((self.short_author(s), year(s)), []).append(n)
        found: dict[int, str] = {}
        for (_, y), numbers in groups.items():
            base = y or self.t("no-date")
            ordered = sorted(numbers, key=lambda n: sort_key(self.sources[n].title))
            for i, n in enumerate(ordered):
                withheld = self.withheld(self.sources[n])
                found[n] = "" if withheld else base + ("abcdefghijklmnopqrstuvwxyz"[i % 26] if len(ordered) > 1 else "")
        return found

    def mark(self, number: int, locator: str = "", narrative: bool = False) -> str:
        source = self.sources[number]
        who = source_esc(self.short_author(source), source)
        place = "" if self.withheld(source) else self.locator(locator)
        when = ", ".join(x for x in (self.years[number], place) if x)
        if narrative:
            return self.linked(number, who + (f" ({esc(when, self.lang)})" if when else ""))
        return self.linked(number, "(" + who + (f" {esc(when, self.lang)}" if when else "") + ")")

    def entries(self) -> list[Entry]:
        keys = {n: (sort_key(self.short_author(s)), self.years[n], sort_key(s.title)) for n, s in self.sources.items()}
        return [Entry(n, "", self.entry(n, True, self.years[n])) for n in self.alphabetical(keys)]


def _stop(title: str) -> str:
    """The full stop after a title, unless it already ends with punctuation."""
    return "" if title.rstrip()[-1:] in ".?!…" else "."
