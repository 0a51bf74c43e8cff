"""Turning data text into safe reportlab paragraph markup.

Contract: every function here takes plain text (from the Briefing or from `labels`) and returns
markup in which that text can only print literally: `<`, `>` and `&` are escaped, so a quotation
containing `<b>` or `<font size=40>` is shown as typed. Markup tags are added only by this module
and by the section builders around already-escaped text.
"""

from __future__ import annotations

from briefer.core import i18n
from briefer.core.domain import Language

_ATTR = {'"': "&quot;", "'": "&apos;"}
_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
NBSP = "\u00a0"
NNBSP = "\u202f"


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """`&`, `<` and `>` (and the characters of `entities`) as XML entities, like
    `xml.sax.saxutils.escape`, without loading `xml.sax` (and `urllib`) at start-up."""
    text = text.translate(_XML)
    if not entities:
        return text
    table: dict[str, str | int | None] = dict(entities)
    return text.translate(str.maketrans(table))


def esc(text: str, lang: Language | None = None) -> str:
    """Plain text -> escaped markup; French typography applied when `lang` is "fr"."""
    if lang == "fr":
        text = i18n.typeset(text, "fr")
    # reportlab treats U+202F as a breaking space (and prints it full width): keep numbers whole.
    return escape(text.replace(NNBSP, NBSP))


def breakable(text: str) -> str:
    """"Explosions/Remote violence" -> "Explosions / Remote violence", breakable after the slash only."""
    return " ".join(text.split()).replace("/", NBSP + "/ ").replace(NBSP + "/  ", NBSP + "/ ")


def attr(text: str) -> str:
    """Plain text -> a value safe inside a double-quoted markup attribute."""
    return escape(text, _ATTR)


def bold(markup: str) -> str:
    return f"<b>{markup}</b>"


def italic(markup: str) -> str:
    return f"<i>{markup}</i>"


def colour(markup: str, hex_colour: str) -> str:
    return f'<font color="{hex_colour}">{markup}</font>'


def ref_anchor(number: int) -> str:
    """The destination name of reference `number` in the reference list."""
    return f"ref-{number}"


def citation(number: int) -> str:
    """`[n]` as an internal link to the reference-list entry `n`."""
    return f'<a href="#{ref_anchor(number)}" color="#0E7C86">[{number}]</a>'


def url_link(url: str) -> str:
    """A URL printed in full and clickable; long URLs may break at any character."""
    return f'<a href="{attr(url)}" color="#0E7C86">{escape(url)}</a>'


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.–—") + "…"


def join_names(names: list[str], and_word: str) -> str:
    """"A", "A and B", "A, B and C" (no serial comma; French "et")."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {and_word} " + names[-1]


def percent(value: float, lang: Language, signed: bool = True) -> str:
    """`i18n.fmt_percent` ("+38%", "+38 %" in French)."""
    return i18n.fmt_percent(value, lang, signed)
