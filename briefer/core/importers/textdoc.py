"""Plain text and Markdown files as documents.

Contract:
- `read_text_document(name, raw)`: bytes decoded (UTF-8, UTF-8 with BOM, else cp1252). The title is
  the first line when the text starts with a short line of its own; a saved web page's headline when
  the text is a page copied as text (see `boilerplate.trim_page`, which also drops the site's
  menus, share buttons and adverts). The title is not part of the stored text, so "para. 1" is the
  first paragraph of the article.
- `read_markdown_document(name, raw)`: the title is the first heading ("# …" or underlined); the
  text is the rest with Markdown syntax removed (emphasis, links, images, code marks, list and
  quote markers, heading hashes), so quotations match what a reader sees. Nothing is trimmed.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.core.importers.boilerplate import trim_page
from briefer.core.importers.langguess import guess_language
from briefer.core.importers.sniff import detect_encoding
from briefer.core.importers.sourcemeta import Document, SourceFields
from briefer.core.importers.textnorm import clean_text, join_blocks, split_blocks

MAX_TITLE_WORDS = 25


def decode(raw: bytes) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM), else cp1252."""
    return raw.decode(detect_encoding(raw[:1 << 20]), errors="replace")


def read_text_document(name: str, raw: bytes) -> Document:
    """A plain-text file as a document (see the module's contract)."""
    text = clean_text(decode(raw))
    trimmed = trim_page(text)
    blocks = list(trimmed.blocks)
    title = trimmed.title or _first_line_title(blocks)
    if blocks and title and blocks[0] == title:
        blocks = blocks[1:]
    elif blocks and title and blocks[0].startswith(title + "\n"):
        blocks[0] = blocks[0][len(title) + 1:]
    body = clean_text(join_blocks(blocks))
    notes = (f"left out {trimmed.dropped} block(s) of site furniture or headings",) if trimmed.dropped else ()
    fields = SourceFields(title=title or Path(name).stem, language=guess_language(body))
    return Document(fields, body, "plain text", notes=notes)


def _first_line_title(blocks: list[str]) -> str:
    if not blocks:
        return ""
    first = blocks[0].splitlines()[0].strip()
    return first if len(first.split()) <= MAX_TITLE_WORDS and not first.endswith(".") else ""


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
)
_LINE_MARK = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)")
_REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")


def read_markdown_document(name: str, raw: bytes) -> Document:
    """A Markdown file as a document (see the module's contract)."""
    lines = clean_text(decode(raw)).split("\n")
    title, lines = _markdown_title(lines)
    body = [_plain_line(line) for line in lines if not _REFERENCE_DEF.match(line) and not _SETEXT.match(line)]
    text = clean_text(join_blocks(split_blocks("\n".join(body))))
    fields = SourceFields(title=title or Path(name).stem, language=guess_language(text))
    return Document(fields, text, "Markdown")


def _markdown_title(lines: list[str]) -> tuple[str, list[str]]:
    """The first heading and the lines without it ("" and all lines when there is none)."""
    for index, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading:
            return _inline(heading.group(2)), lines[:index] + lines[index + 1:]
        if line.strip() and index + 1 < len(lines) and re.fullmatch(r"=+\s*", lines[index + 1]):
            return _inline(line.strip()), lines[:index] + lines[index + 2:]
    return "", lines


def _plain_line(line: str) -> str:
    heading = _HEADING.match(line)
    if heading:
        return _inline(heading.group(2))
    return _inline(_LINE_MARK.sub("", line))


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()
