"""Which language an article is written in, French or English, from its own words.

Counts the frequent words of each language (listed in compare/lang/*/language.yaml) and the
accented letters French uses; works on a one-sentence file as well as on a long article.
"""
from __future__ import annotations

import re

from compare.lang import languages
from compare.vocab import language_vocab

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?", re.UNICODE)
_FRENCH_LETTERS = re.compile(r"[éèêàùçœâîôû]")


def detect_language(text: str, default: str = "en") -> str:
    """'fr' or 'en' for `text`; `default` when nothing tells them apart."""
    sample = text[:20000]
    words = [w.lower() for w in _WORD.findall(sample)]
    scores = {}
    for lang in languages():
        stop = language_vocab(lang).stopword_set
        scores[lang] = sum(1 for w in words if w in stop)
    scores["fr"] += 0.5 * len(_FRENCH_LETTERS.findall(sample.lower()))
    if scores["fr"] == scores["en"]:
        return default
    return "fr" if scores["fr"] > scores["en"] else "en"
