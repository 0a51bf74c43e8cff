"""The article inside a web page saved as plain text: menus, share buttons and adverts left out.

Contract of `trim_page(text) -> Trimmed`:
- the text is cut into blocks (blank-line separated; one block per line when it has no blank line);
- each block scores: prose (at least `PROSE_WORDS` words with sentence punctuation) its word count;
  site furniture ("Email this article", "Subscriptions are available…", "Scroll to Top", English
  and French) a large penalty; any other short block (a heading, a menu line) a small one;
- the body is the contiguous run of blocks with the highest total, so furniture before and after
  the article goes while a sub-heading between two paragraphs stays; furniture lines inside the
  body are dropped too, and a by-line right after it is kept;
- `title` is the page's headline guessed from the lines before the body: a line repeated there
  (pages print their headline twice), else the longest of them, else "".
A text that is all prose comes back whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefer.core.importers.textnorm import split_blocks

PROSE_WORDS = 12
FURNITURE_PENALTY = 40.0
FURNITURE = re.compile(
    r"email this|e-mail this|separate emails|subscri|newsletter|advertis|sponsored|cookie|"
    r"all rights reserved|sign up|sign in|log in|share this|share on|follow us|read more|click here|"
    r"scroll to top|back to top|font size|comment guidelines|privacy policy|terms of (use|service)|"
    r"embed video|print this|related (articles|stories)|register now|copyright ©|skip to (main )?content|"
    r"view (store|options)|article enquiry|"
    r"abonne|lire aussi|lire la suite|partager|publicité|tous droits réservés|inscrivez|se connecter|"
    r"cliquez ici|suivez-nous|retour en haut|mentions légales",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.!?…][\"'’”»)\]]*(?:\[\w{1,4}\])*[\"'’”»)\]]*(\s|$)")
_BYLINE = re.compile(r"^(written by|by|par|auteurs?\s*:|authors?\s*:)\s", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Trimmed:
    """The article's blocks, the guessed headline and how many blocks were left out."""

    blocks: tuple[str, ...]
    title: str
    dropped: int


def is_furniture(block: str) -> bool:
    """A block of site furniture: a known phrase in fewer than 60 words."""
    return len(block.split()) < 60 and FURNITURE.search(block) is not None


def is_prose(block: str) -> bool:
    return len(block.split()) >= PROSE_WORDS and _SENTENCE.search(block) is not None and not is_furniture(block)


def score(block: str) -> float:
    """Positive for prose (its word count), negative for anything else."""
    if is_prose(block):
        return float(len(block.split()))
    if is_furniture(block):
        return -FURNITURE_PENALTY
    return -(3.0 + len(block.split()) / 2)


def best_span(scores: list[float]) -> tuple[int, int]:
    """(first, last + 1) of the contiguous run with the highest total (Kadane); (0, 0) if none is positive."""
    best, span, total, start = 0.0, (0, 0), 0.0, 0
    for index, value in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += value
        if total > best:
            best, span = total, (start, index + 1)
    return span


def trim_page(text: str) -> Trimmed:
    """The article in a saved page's text (see the module's contract)."""
    blocks = split_blocks(text)
    first, last = best_span([score(b) for b in blocks])
    if first == last:
        return Trimmed(tuple(blocks), "", 0)
    if last < len(blocks) and _BYLINE.match(blocks[last]) and len(blocks[last].split()) < 60:
        last += 1
    body = tuple(b for b in blocks[first:last] if not is_furniture(b))
    return Trimmed(body, guess_title(blocks[:first]), len(blocks) - len(body))


def guess_title(header: list[str]) -> str:
    """The headline among the lines before the body (see the module's contract)."""
    lines = [line.strip() for block in header for line in block.splitlines() if line.strip()]
    useful = [line for line in lines if not is_furniture(line) and len(_WORD.findall(line)) >= 2
              and len(line.split()) <= 40]
    repeated = [line for line in useful if useful.count(line) > 1]
    if repeated:
        return repeated[0]
    if not useful:
        return ""
    return max(useful, key=lambda line: len(_WORD.findall(line)))
