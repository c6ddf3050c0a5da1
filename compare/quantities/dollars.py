"""Which dollar a bare "$" or "dollars" is: a country's own when the text around it names that country
(currencies.yaml `local_dollars`; docs/annotation.md decision 15: "a Canadian outlet on Canadian money").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from compare.lexicon import load_lexicon
from compare.phrases import lookup_key, phrase_regex


@lru_cache(maxsize=None)
def _local(lang: str) -> tuple[frozenset, Optional[re.Pattern], dict, int]:
    c = load_lexicon(lang).currencies
    by_word = {lookup_key(w.rstrip("*")).lower(): code for code, words in c.local_dollars.items() for w in words}
    words = [w for ws in c.local_dollars.values() for w in ws]
    pattern = re.compile(phrase_regex(words), re.IGNORECASE) if words else None
    return frozenset(lookup_key(f).lower() for f in c.local_forms), pattern, by_word, c.local_reach


@lru_cache(maxsize=256)
def _form_key(form: str) -> str:
    return lookup_key(form.strip()).lower()


@lru_cache(maxsize=64)
def _named(text: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """Every place of `text` that names a local dollar's country, found once per text (a sentence with
    several bare dollars is searched once, not once per dollar)."""
    pattern = _local(lang)[1]
    low = text.lower()
    if pattern is None or not any(stem in low for stem in _stems(lang)):  # most texts name no such country: no regex pass
        return ()
    return tuple((m.start(), m.end(), m.group()) for m in pattern.finditer(text))


@lru_cache(maxsize=None)
def _stems(lang: str) -> frozenset:
    """The first letters of every local_dollars word, lower-cased: a text that holds none names no such country."""
    return frozenset(w.rstrip("*").lower()[:4] for ws in load_lexicon(lang).currencies.local_dollars.values() for w in ws)


def local_dollar(form: str, text: str, start: int, end: int, lang: str) -> Optional[tuple[str, str]]:
    """(code, the word that names its country) for a bare dollar form written at text[start:end], or None."""
    forms, pattern, by_word, reach = _local(lang)
    if pattern is None or _form_key(form) not in forms:
        return None
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    found = next((name for s, e, name in _named(text, lang) if lo <= s and e <= hi), None)
    if found is None:
        return None
    word = lookup_key(found).lower()
    code = by_word.get(word) or next((c for w, c in by_word.items() if word.startswith(w)), None)
    return (code, found) if code else None
