"""The core's user-facing messages in English and French, written once each.

Contract: every message a user may read (an error, a refused import row, an import note) is a
template registered under a key in `CATALOGUE` (briefer/core/message_texts.py): key -> (English,
French), with the same named `{fields}` in both. `msg(key, **fields)` returns a `Message`, which *is*
the English text (a `str`, so logs, the CLI and every existing comparison see English) and also
remembers its key and fields, so `message.text("fr")` renders it in French. A field that is itself a
`Message` is rendered in the same language (a hint inside an error, the "where" of a template key);
a field that is a tuple lists alternatives: "Mali or Niger", « Mali ou Niger ».

`localise(value, lang)` turns any value into text in `lang`: a `Message` (or anything with a
`text(lang)` method, such as a `BrieferError`) in that language, anything else as `str(value)`.
French templates are written with plain spaces; the French typography (no-break spaces before
: ; ! ? and inside « ») is applied to the template's own words only, never to the fields (a path
such as C:\\data stays as it is).
"""

from __future__ import annotations

import re
from string import Formatter
from typing import Any, Self

from briefer.core.message_texts import CATALOGUE

NBSP = "\u00a0"
_FR_BEFORE = re.compile(r"[ \u00a0]*([:;!?])(?=[\s)]|$)")
_FORMATTER = Formatter()


class Message(str):
    """English text of a catalogue message that can also render itself in French."""

    key: str
    fields: dict[str, Any]

    def __new__(cls, key: str, fields: dict[str, Any]) -> Self:
        english, _ = CATALOGUE[key]
        self = super().__new__(cls, render(english, fields, "en"))
        self.key, self.fields = key, fields
        return self

    def text(self, lang: str = "en") -> str:
        """This message in `lang` ("fr" for French, anything else English)."""
        english, french = CATALOGUE[self.key]
        return render(french if lang == "fr" else english, self.fields, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, self.fields))


def _rebuild(key: str, fields: dict[str, Any]) -> Message:
    return Message(key, fields)


def msg(key: str, /, **fields: Any) -> Message:
    """The message `key` with its fields (KeyError for an unknown key: a bug, caught by the tests)."""
    return Message(key, fields)


def localise(value: object, lang: str) -> str:
    """`value` as text in `lang` (see the module's contract)."""
    text = getattr(value, "text", None)
    if callable(text) and not isinstance(value, type):
        return str(text(lang))
    return str(value)


def render(template: str, fields: dict[str, Any], lang: str) -> str:
    """`template` with its fields filled in `lang`; French typography on the template's words."""
    parts = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        parts.append(french_typography(literal) if lang == "fr" else literal)
        if name is None:
            continue
        value = fields[name]
        if isinstance(value, Message):
            value = value.text(lang)
        elif isinstance(value, tuple):
            value = CATALOGUE["word-or"][lang == "fr"].join(str(v) for v in value)
        value = _FORMATTER.convert_field(value, conversion) if conversion else value
        parts.append(format(value, spec or ""))
    return "".join(parts)


def french_typography(text: str) -> str:
    """No-break spaces before : ; ! ? and inside « » (on words written by briefer only)."""
    text = _FR_BEFORE.sub(lambda m: NBSP + m.group(1), text)
    text = re.sub(r"«[ \u00a0]*", "«" + NBSP, text)
    return re.sub(r"[ \u00a0]*»", NBSP + "»", text)


def placeholders(template: str) -> set[str]:
    """The field names a template uses (for the catalogue's tests)."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name is not None}
