"""What a bare figure borrows from its neighbours: the unit or currency of the figure it answers
("contre 3,7 milliards" after "11,6 milliards de dollars"), the chips its sentence counts, the
currency its article gives, the period of the rate it is set against; and which names stand inside
a figure's own unit words ("22,000 Nvidia H100 GPUs")."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Sequence

from compare.attribution import compares_back
from compare.cues import choose_quantity, converts
from compare.entities import EntityHit
from compare.lexicon import load_lexicon
from compare.models import Claim, Mention
from compare.phrases import phrase_regex
from compare.quantities.context import count_unit_near, counts_something, default_currency, money_near, scale_currency

if TYPE_CHECKING:
    from compare.extract import Engine


def borrow_unit(m: Mention, sent: tuple[int, int], cues, engine: "Engine", text: str, lang: str, contrast: bool,
                 last_claim: Optional[Claim], last_money: Optional[Claim]) -> Optional[tuple[Mention, str]]:
    """A bare figure that stands for an amount of the figure before it: "contre 3,7 milliards" after
    "11,6 milliards de dollars", "compared with the 16,000 Meta used" after "2,000 chips", or
    "valorisée à 200 milliards" after an amount in dollars. None when it stands for nothing."""
    # "close to $100 million ( 860 crore)": a scale said only of one currency's amounts names that currency
    code = scale_currency(m, text, lang)
    if code is not None:
        return m.model_copy(update={"kind": "money", "unit": code}), f"the scale of {m.text!r} is counted in {code}"
    prev = last_claim if last_claim is not None and last_claim.kind in ("money", "count") else last_money
    same_sentence = prev is not None and prev.sentence_start == sent[0]
    if prev is not None and (contrast or same_sentence) and (
            _is_scaled(m) or same_sentence and prev.kind == "count" and (m.value or 0) >= 100) and not (
            prev.kind == "money" and counts_something(text, m.end, lang)):  # "...700 million weekly active users"
        borrowed = m.model_copy(update={"kind": prev.kind, "unit": prev.unit, "per": m.per or prev.per})
        return borrowed, f"unit {prev.unit} carried over from the previous figure {prev.text!r}"
    # "15 dollars en entrée et 120 en sortie", "$2 for input and 8 for output": a bare figure coordinated with the
    # amount just before it in its sentence is an amount of the same unit
    if (last_claim is not None and last_claim.kind == "money" and last_claim.sentence_start == sent[0]
            and 0 <= m.start - last_claim.end <= 40 and _COORDINATED.match(text, last_claim.end, m.start)
            and _LIST_GOES_ON.match(text, m.end)):
        borrowed = m.model_copy(update={"kind": "money", "unit": last_claim.unit})
        return borrowed, f"unit {last_claim.unit} of {last_claim.text!r}, the amount it is coordinated with"
    # "with roughly 230,000" after "half as many chips", "nearly 500,000 units" of Hopper: a whole count that names
    # nothing counts the chips its sentence speaks of; "Et ... pour passer à 200 000" those of the sentence before
    unit = count_unit_near(text, m, sent, lang)
    if unit is not None:
        return m.model_copy(update={"kind": "count", "unit": unit}), f"counts the {unit} its sentence speaks of"
    if (last_claim is not None and last_claim.kind == "count" and last_claim.sentence_start != sent[0]
            and 0 <= m.start - last_claim.end <= 300 and count_unit_near(text, m, sent, lang, last_claim.unit)):
        borrowed = m.model_copy(update={"kind": "count", "unit": last_claim.unit})
        return borrowed, f"unit {last_claim.unit} carried over from {last_claim.text!r} in the sentence before"
    if last_money is not None and _is_scaled(m) and _money_cue(m, last_money.unit, cues, engine, text, lang):
        borrowed = m.model_copy(update={"kind": "money", "unit": last_money.unit})
        return borrowed, f"currency {last_money.unit} carried over from {last_money.text!r}"
    # "24 milliards", "un demi-milliard", "des centaines de milliards": a figure with a scale and no unit takes
    # the currency of the last amount of money before it in the article (compare.quantities.context), unless
    # it counts something else ("2 milliards de requêtes", "30 million monthly users").
    if _has_scale(m) and not _counted(text, m.end, lang) and not counts_something(text, m.end, lang):
        money = money_near(text, m.start, m.end, sent, lang)
        if money is not None:
            borrowed = m.model_copy(update={"kind": "money", "unit": money.unit})
            return borrowed, f"currency {money.unit} of {money.text!r} nearby"
        default = default_currency(lang)  # no currency written near it: the press's own, if a money word governs it
        if default and _money_cue(m, default, cues, engine, text, lang):
            borrowed = m.model_copy(update={"kind": "money", "unit": default})
            return borrowed, f"no currency written nearby: {default} assumed"
    return None


# What joins two amounts of one list: a few words of the first amount's own ("en entrée", "for input") and a
# coordinator ("et", "and", "or", a comma).
_COORDINATED = re.compile(r"[^\d;:.!?()]{0,30}?(?:,|\s(?:et|and|ou|or))\s*(?:de\s+|à\s+|at\s+)?\Z", re.IGNORECASE)
# ...and the figure is followed by an end of clause or by the words that tell it apart ("en sortie", "for output"),
# not by a noun it counts ("and 12 more firms").
_LIST_GOES_ON = re.compile(r"\s*(?:[,.;:)]|\Z|(?:en|for|pour|à|at|on|in|par|per)\s)", re.IGNORECASE)


def _has_scale(m: Mention) -> bool:
    """A figure that ends with a scale word ("24 milliards", "de 66 à 72 milliards", "des centaines de milliards")."""
    values = [abs(v) for v in (m.value, m.low, m.high) if v is not None]
    return bool(values) and max(values) >= 10_000 and m.text[-1:].isalpha()


def borrow_period(m: Mention, sent: tuple[int, int], text: str, lang: str,
                   last_claim: Optional[Claim]) -> Optional[tuple[Mention, str]]:
    """"2,19 dollars le million de tokens, contre 60 dollars pour o1": the same rate on both sides. An amount's
    conversion into another currency ("a rise of four Canadian dollars a month, which would be about three US dollars",
    "$5 a month more (€4.60)") is the same amount: its period and its direction too."""
    if (m.kind == "money" and last_claim is not None and last_claim.kind == "money" and last_claim.unit != m.unit
            and last_claim.sentence_start == sent[0] and last_claim.end <= m.start
            and converts(text[last_claim.end:m.start])):
        update = {k: getattr(last_claim, k) for k in ("per", "direction") if getattr(m, k) is None and getattr(last_claim, k)}
        if update:
            why = f"{', '.join(sorted(update))} carried over from {last_claim.text!r}, which it converts"
            return m.model_copy(update=update), why
    if (m.per is None and last_claim is not None and last_claim.per and last_claim.sentence_start == sent[0]
            and last_claim.kind == m.kind and last_claim.unit == m.unit
            and compares_back(text, last_claim.end, m.start, lang)):
        return m.model_copy(update={"per": last_claim.per}), f"per {last_claim.per} carried over from {last_claim.text!r}"
    return None


def names_in_units(hits: Sequence[EntityHit], mentions: Sequence[Mention]) -> frozenset:
    """The names among a figure's unit words ("22,000 Nvidia H100 GPUs"): part of the figure, not its subject.
    Found once per sentence, each name only against the figures long enough to hold it."""
    spans = sorted((m.start, m.end, number_core(m)) for m in mentions)
    starts = [s for s, _, _ in spans]
    longest = max((e - s for s, e, _ in spans), default=0)
    out = set()
    for h in hits:
        for start, end, core in spans[bisect_left(starts, h.end - longest):bisect_right(starts, h.start)]:
            if start <= h.start and h.end <= end and not (h.start < core[1] and core[0] < h.end):
                out.add(h)
                break
    return frozenset(out)


@lru_cache(maxsize=None)
def _unit_words(lang: str) -> re.Pattern:
    """The count units of the vocabulary, one adjective allowed before them ("monthly users")."""
    return re.compile(r"\s+(?:\w+\s+)?(?:" + phrase_regex(list(load_lexicon(lang).unit_phrases)) + ")", re.IGNORECASE)


def _counted(text: str, pos: int, lang: str) -> bool:
    return bool(_unit_words(lang).match(text, pos))


def _money_cue(m: Mention, unit: str, cues, engine: "Engine", text: str, lang: str) -> bool:
    """Whether a specific cue of a quantity measured only in money governs a bare scaled number."""
    if _counted(text, m.end, lang) or counts_something(text, m.end, lang):
        return False  # "30 million monthly users", "2 milliards de requêtes"
    choice = choose_quantity(m.model_copy(update={"kind": "money", "unit": unit}), cues, engine.cues, text, lang)
    return (choice is not None and choice.quantity.target and choice.cue is not None and not choice.cue.weak
            and set(choice.quantity.measures) == {"money"})


def number_core(m: Mention) -> tuple[int, int]:
    """The span of the figure itself ("2.788" in "2.788 million H800 GPU hours"; "one million" in
    "one million TPUs"), or the whole mention."""
    found = _DIGITS.search(m.text) or _WORDS.match(m.text)
    if not found:
        return m.start, m.end
    return m.start + found.start(), m.start + found.end()


_DIGITS = re.compile(r"(?<![^\W_])\d(?:[\d\s.,\u00a0\u202f]*\d)?")  # not the digits of a name ("H100s")
_WORDS = re.compile(r"\S+(?:\s+[^\W\d_A-Z][^\s]*)*")  # "one million" of "one million TPUs": names are capitalised


def _is_scaled(m: Mention) -> bool:
    return m.value is not None and abs(m.value) >= 10_000 and any(c.isalpha() for c in m.text)
