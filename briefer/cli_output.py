"""What the command line tells the user, in English or French (see `briefer.cli`).

Contract: `message_lang(args)` is the language of messages: the command's --lang (see
`add_lang_options`), else the BRIEFER_LANG variable, else English. Every message passed here may be a catalogue message or a `BrieferError`
(shown in that language) or plain text (shown as it is). `error_line` is the one line of a user
error ("briefer: error: …", "briefer: erreur : …"); `print_report` prints what an import did: its
first refused rows on stderr, its notes, then its outcome (on stderr as an error when refused).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence

from briefer.core.domain import LANGUAGES
from briefer.core.messages import localise, msg

ERROR_WORD = {"en": "error:", "fr": "erreur\u00a0:"}
MAX_SHOWN_ERRORS = 20


def message_lang(args: argparse.Namespace) -> str:
    """Language of messages: the command's --lang, else the BRIEFER_LANG variable, else English."""
    lang = getattr(args, "lang", None) or os.environ.get("BRIEFER_LANG", "en")
    return lang if lang in LANGUAGES else "en"


def add_lang_options(parser: argparse.ArgumentParser) -> None:
    """`--lang en|fr`, the language of messages, on every command below `parser` that has none of its own
    (build's also sets the briefing's language). SUPPRESS: a value given before a sub-action is kept."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                if "--lang" not in command._option_string_actions:
                    command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                                         help="language of messages (default: BRIEFER_LANG, else en)")
                add_lang_options(command)


def error_line(message: object, lang: str) -> str:
    """"briefer: error: MESSAGE" in `lang`."""
    return f"briefer: {ERROR_WORD[lang]} {localise(message, lang)}"


def print_report(errors: Sequence[object], rejected: int, notes: Iterable[object], outcome: object, *,
                 refused: bool, lang: str, more: str = "cli-more-rows") -> None:
    """An import's refused rows (the first MAX_SHOWN_ERRORS, then how many more), notes and outcome."""
    for error in errors[:MAX_SHOWN_ERRORS]:
        print(f"briefer: {localise(error, lang)}", file=sys.stderr)
    if rejected > MAX_SHOWN_ERRORS:
        print(f"briefer: {localise(msg(more, count=rejected - MAX_SHOWN_ERRORS), lang)}", file=sys.stderr)
    for note in notes:
        if note:
            print(localise(note, lang))
    if refused:
        print(error_line(outcome, lang), file=sys.stderr)
    elif outcome:
        print(localise(outcome, lang))
