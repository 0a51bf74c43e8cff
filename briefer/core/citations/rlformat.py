"""A citeproc-py output formatter that writes reportlab paragraph markup.

Contract: styles are applied with placeholder brackets while citeproc works; `to_markup` then
escapes the whole text (so nothing from a source can become markup) and turns the placeholders
into the only tags it allows: <i>, <b>, <u>, <super>, <sub>.
"""

from __future__ import annotations

from typing import Self

from briefer.core.pdf.markup import escape

OPEN, CLOSE = "\x01", "\x02"


def preformat(text: object) -> str:
    return str(text)


class _Tag(str):
    tag = ""

    def __new__(cls, text: str) -> Self:
        return super().__new__(cls, f"{OPEN}{cls.tag}{CLOSE}{text}{OPEN}/{cls.tag}{CLOSE}")


class Italic(_Tag):
    tag = "i"


class Oblique(Italic):
    pass


class Bold(_Tag):
    tag = "b"


class Underline(_Tag):
    tag = "u"


class Superscript(_Tag):
    tag = "super"


class Subscript(_Tag):
    tag = "sub"


class Light(str):
    """No light weight in the document's fonts: the text as it is."""


class SmallCaps(str):
    """No small capitals in the document's fonts: the text as it is."""


def to_markup(text: str) -> str:
    """citeproc output -> safe reportlab markup (see module contract)."""
    return escape(str(text)).replace(OPEN, "<").replace(CLOSE, ">")
