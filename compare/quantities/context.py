"""What the article around a bare amount says of its currency: "30 milliards" after "d'euros".

A currency said once applies to every figure that shares it (docs/annotation.md): a figure with a
scale and no unit ("24 milliards", "un demi-milliard", "des centaines de milliards") takes the
currency of the last amount of money written before it in the article. Not when it counts
something else: "2 milliards de requêtes", "30 billion of them" (a noun after "de"/"of" that is no
noun of money in currencies.yaml `money_nouns`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from compare.lexicon import load_lexicon
from compare.models import Mention
from compare.phrases import SP, alternation

WINDOW = 600  # characters read back for the last amount of money: about a paragraph of press text


@lru_cache(maxsize=None)
def _after(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = load_lexicon(lang)
    c = lex.currencies
    closing = r"[»”\"’)\]]?"  # 'des « millions » de composants'
    connector = re.compile(SP + r"*" + closing + SP + r"+(?:" + alternation(c.count_connectors) + r")" + SP
                           + r"*(?=[^\W\d_])", re.IGNORECASE)
    word = re.compile(SP + r"*" + closing + r"(?:" + SP + r"+|[-‑])(?=[^\W\d_])" if c.noun_right_after else r"(?!x)x")
    nouns = list(c.money_nouns) + list(c.not_nouns)
    money = re.compile(r"(?:" + alternation(nouns) + r")(?!\w)" if nouns else r"(?!x)x", re.IGNORECASE)
    return connector, word, money


def counts_something(text: str, end: int, lang: str) -> bool:
    """Whether a noun that is no money follows the figure ending at `end`: "2 milliards de requêtes",
    and in English "28 million consumers", "1.2 million square feet" (not "30 billion in revenue", not a
    name: "100 millions de Xavier Niel")."""
    connector, word, money = _after(lang)
    cm = connector.match(text, end) or word.match(text, end)
    # a name is where the money comes from, not what it counts: "100 millions de Xavier Niel"
    return cm is not None and not text[cm.end()].isupper() and not money.match(text, cm.end())


def money_near(text: str, start: int, end: int, sentence: tuple[int, int], lang: str,
               window: int = WINDOW) -> Optional[Mention]:
    """The amount of money whose currency a bare figure at text[start:end] shares: the last one before
    it in its sentence, else the first after it in its sentence ("passer de 20 millions à près de 400
    millions de dollars"), else the last one in the `window` characters of the article before it."""
    from compare.quantities.reader import find_mentions

    s0, s1 = sentence
    lo = max(0, min(start - window, s0))
    if lo:
        space = text.find(" ", lo, start)
        lo = start if space < 0 else space + 1  # not from inside a word or a figure
    before = [m for m in find_mentions(text[lo:start], lang, context=text) if m.kind == "money" and m.unit]
    in_sentence = [m for m in before if m.start + lo >= s0]
    if in_sentence:
        return in_sentence[-1]
    after = [m for m in find_mentions(text[end:s1], lang, context=text) if m.kind == "money" and m.unit]
    if after:
        return after[0]
    return before[-1] if before else None


@lru_cache(maxsize=None)
def _scale_currencies(lang: str) -> tuple[Optional[re.Pattern], dict]:
    by_word = {}
    for sc in load_lexicon(lang).scales.scales:
        if sc.currency:
            for w in sc.words:
                by_word[w if sc.case else w.lower()] = sc.currency
    if not by_word:
        return None, by_word
    return re.compile(r"(?<![^\W\d_])(" + alternation(by_word) + r")\Z", re.IGNORECASE), by_word


def scale_currency(m: Mention, text: str, lang: str) -> Optional[str]:
    """The currency a bare figure's scale word names (scales.yaml `currency`): "( 860 crore)" is INR, when
    the figure has no unit and no noun follows it that it counts ("90 crore voters")."""
    if m.unit or m.kind not in ("number", "money"):
        return None
    pattern, by_word = _scale_currencies(lang)
    found = pattern.search(m.text) if pattern is not None else None
    if found is None:
        return None
    code = by_word.get(found.group(1)) or by_word.get(found.group(1).lower())
    if code is None or counts_something(text, m.end, lang):
        return None
    return code


def default_currency(lang: str) -> Optional[str]:
    """The currency of an amount whose article writes none (currencies.yaml `default`), or None."""
    return load_lexicon(lang).currencies.default


# A count of whole things that names no noun ("roughly 230,000", "18,000 to", "nearly 500,000 units"):
# the noun of a loose unit (units.yaml `loose`: chips, GPUs) in its sentence says what it counts.
COUNT_MAX = 5e7  # no one counts chips in billions: a larger bare figure is money or something else
COUNT_REACH = 200  # characters either side of the figure searched for the noun


@lru_cache(maxsize=None)
def _count_words(lang: str) -> tuple[re.Pattern, re.Pattern, dict]:
    lex = load_lexicon(lang)
    u = lex.units
    nouns = {p: unit for p, unit in lex.unit_phrases.items() if unit in u.loose}
    noun = re.compile(r"(?<![\w\-])(?:" + alternation(nouns) + r")(?![\w\-])" if nouns else r"(?!x)x", re.IGNORECASE)
    # what may follow a count elliptical of its noun: nothing (punctuation), a stop word, a counter noun
    ends = list(u.stop) + list(u.counters)
    follows = re.compile(SP + r"*(?:[^\w\s]|\Z|(?:" + alternation(ends) + r")(?![\w\-]))" if ends
                         else SP + r"*(?:[^\w\s]|\Z)", re.IGNORECASE)
    return noun, follows, nouns


def count_unit_near(text: str, m: Mention, sentence: tuple[int, int], lang: str,
                    carried: Optional[str] = None) -> Optional[str]:
    """The unit of a bare whole figure elliptical of its noun, from a chip noun in its sentence: "purchased less
    than half as many chips as X, with roughly N", "X ... nearly N units" of Hopper.
    None when the figure is no whole count, names what it counts, or no such noun stands near it. With
    `carried` (the unit of a count in the sentence before), that unit if it is a loose one and the figure is
    elliptical, whatever its sentence says."""
    v = m.value
    if v is None or m.kind != "number" or m.unit or not (100 <= abs(v) < COUNT_MAX) or v != int(v):
        return None
    noun, follows, nouns = _count_words(lang)
    if not follows.match(text, m.end):
        return None
    if carried is not None:
        return carried if carried in set(nouns.values()) else None
    s0, s1 = sentence
    found = noun.search(text, max(s0, m.start - COUNT_REACH), m.start) or noun.search(text, m.end, min(s1, m.end + COUNT_REACH))
    if found is None:
        return None
    from compare.quantities.grammar import grammar
    return grammar(lang).unit_table.get(found.group())

