"""A guess at the language of a text from its commonest words (enough for en/fr and a few others).

Contract: `guess_language(text, default)` returns the two-letter code whose stop words are most
frequent in the first `SAMPLE` words, or `default` when too few stop words are found to tell.
"""

from __future__ import annotations

import re
from collections import Counter

SAMPLE = 2000
_STOP = {
    "en": "the of and to in is that for it with as was on by are this be from has have which were",
    "fr": "le la les des et en du un une est que qui dans pour sur au par pas sont ont aux ce cette",
    "de": "der die und das den ist nicht mit sich des auf für dem ein eine im zu von werden auch",
    "es": "el la los las y en que del se por con una para es al como más pero sus su",
    "pt": "o a os as e do da dos das em que um uma para com não por se ao são mais",
}
_WORDS = {lang: set(words.split()) for lang, words in _STOP.items()}
MIN_HITS = 5


def guess_language(text: str, default: str = "en") -> str:
    """The likeliest language of `text` (see the module's contract)."""
    words = re.findall(r"[^\W\d_]+", text.lower())[:SAMPLE]
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= MIN_HITS else default
