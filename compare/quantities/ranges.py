"""Ranges and bounds: "entre 5 et 6 millions", "5-6 M$", "5 to 6 billion" as one range (the
first end taking the scale of the second), "plus de 10 et moins de 40" as one range, "plans
from $20 a month" as a floor; after a change word, "de 10 à 20 euros" stays two figures.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from compare.lexicon import load_lexicon
from compare.numbers import scaled_precision, scaled_value
from compare.phrases import SP, alternation
from compare.quantities.grammar import Grammar
from compare.quantities.reading import Reading

ReadSecond = Callable[[str, int, Grammar, str], tuple]
"""Reads the second end of a range at a position, after a joiner (the reader's, to avoid a cycle)."""
_CLAUSE_END = re.compile(r"[.;:,]")


def join_range(text: str, r: Reading, g: Grammar, lo: int, read_second: ReadSecond) -> None:
    """Join "entre 5 et 6 millions", "5-6 M$", "$5–6 million", "5 to 6 billion" into one range.

    After a change word ("passé de 10 à 20 euros", "rose from $20 to $22 a month") the two ends stay
    two mentions, the first taking the unit, scale and period written after the second."""
    if r.qualifier not in ("=", "~") or r.kind == "ratio":
        return
    opener = r.opener
    jm = g.range_join.match(text, r.end)
    j = jm.group("j").strip().lower().replace("’", "'") if jm else ""
    if not jm or (j not in g.free_joiners and not (opener and j in g.range_open.get(opener, ()))) \
            or jm.end() >= len(text):
        _floor(text, r, g, lo)
        return
    p2 = jm.end()
    second, _ = read_second(text, p2, g, j)
    if second is None:
        _floor(text, r, g, lo)
        return
    if _after_change(text, r, g, lo):
        if second.kind != "ratio" and (r.kind == "number" or (r.kind, r.unit) == (second.kind, second.unit)):
            r.value, r.precision = _share_scale(r, second)
            if r.kind == "number" and second.kind != "number":
                r.kind, r.unit = second.kind, second.unit
                r.currency_form = r.currency_form or second.currency_form
            r.per = r.per or second.per
        return
    kind, unit = r.kind, r.unit
    (low, precision), high = _share_scale(r, second), second.value
    if kind == "number" and second.kind != "number":
        kind, unit = second.kind, second.unit
        r.currency_form = r.currency_form or second.currency_form  # "2 à 3 milliards de dollars": which dollar
    elif second.kind not in ("number", kind):
        return
    if not (low < high):
        return
    r.value, r.qualifier, r.precision = None, "range", precision
    r.low, r.high = low, high
    r.kind, r.unit = kind, unit
    r.per = r.per or second.per
    if kind == "ratio":
        r.direction = r.direction or second.direction
    r.end = second.end
    if opener and opener not in ("de", "du"):
        r.start = r.opener_start


def _share_scale(r: Reading, second: Reading) -> tuple[float, Optional[float]]:
    """ "5 to 6 billion": the first end's value and precision with the scale written after the second."""
    shared = second.scale if second.scale != 1.0 else second.word_scale
    value = r.value
    assert value is not None  # a figure read, not yet a range
    if r.scale == 1.0 and r.word_scale == 1.0 and shared >= 1000 and value < shared \
            and r.kind in ("number", "money", "percent", "count"):
        return scaled_value(value, shared), scaled_precision(r.precision, shared)
    return value, r.precision


def _after_change(text: str, r: Reading, g: Grammar, lo: int) -> bool:
    """Whether a change word governs the figure ("rose from $20 to $22", "est passé de 10 à 20"): its two
    ends are then two figures."""
    opener = r.opener
    return r.governed or bool(opener and opener in g.change_openers and g.change_before.search(
        _CLAUSE_END.split(text[max(lo, r.opener_start - 60):r.opener_start])[-1]))


def _floor(text: str, r: Reading, g: Grammar, lo: int) -> None:
    """ "plans from $20 a month": a floor opener with no second end makes a price with a period ">="."""
    if r.opener in g.floor_openers and r.kind == "money" and r.per and r.qualifier == "=" \
            and not _after_change(text, r, g, lo):
        r.qualifier, r.start = ">=", r.opener_start


def _shares_qualifier(text: str, a: Reading, r: Reading, lang: str) -> bool:
    """Only a joiner between the two figures ("about 45% and 29%"), or a joiner after a short complement that the
    second figure repeats ("about 5x for A and 20x for B", "plus de 300 Md$ pour A et de 180 Md$ pour B")."""
    join, complement, after = _qualifier_join(lang)
    if join.match(text, a.end, r.start):
        return True
    cm = complement.match(text, a.end, r.start)
    am = after.match(text, r.end) if cm else None
    return bool(cm and am and am.group("p").lower() == cm.group("p").lower())


@lru_cache(maxsize=None)
def _qualifier_join(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    q = load_lexicon(lang).qualifiers
    joiners = alternation(q.qualifier_joiners)
    preps = alternation(q.qualifier_complements)
    word = r"\w[\w'’.-]*"
    join = re.compile(SP + r"*(?:" + joiners + r")" + SP + r"*\Z", re.IGNORECASE)
    complement = re.compile(SP + r"+(?P<p>" + preps + r")" + SP + r"+" + word + r"(?:" + SP + r"+" + word + r"){0,2}"
                            + SP + r"*(?:" + joiners + r")" + SP + r"*\Z", re.IGNORECASE)
    after = re.compile(SP + r"+(?P<p>" + preps + r")" + SP + r"+\w", re.IGNORECASE)
    return join, complement, after


_BOUNDS = frozenset(("~", ">", ">=", "<", "<="))
_LOWER, _UPPER = frozenset((">", ">=")), frozenset(("<", "<="))
_MEASURED = frozenset(("money", "percent", "count", "ratio"))
_QUALIFIED = re.compile(r"[^\W\d_]|[~≈<>≤≥«“\"(\[]")  # the mention opens with its qualifier, not with its figure


def merge_bounds(text: str, rs: list[Reading], g: Grammar) -> list[Reading]:
    """"plus de 10 et moins de 40" -> one range [10, 40] when the bounds face each other; "about 45% and
    29%", "nearly 7 GW and $400 billion": a qualifier before the first of coordinated measured figures qualifies
    each (docs/annotation.md, decision 9)."""
    out: list[Reading] = []
    shared: set[int] = set()
    for r in rs:
        if out:
            a = out[-1]
            if (a.qualifier in _BOUNDS and r.qualifier == "=" and not r.equal and a.kind in _MEASURED and r.kind in _MEASURED
                    and (id(a) in shared or _QUALIFIED.match(text, a.start))
                    and _shares_qualifier(text, a, r, g.lang)):
                r.qualifier = a.qualifier
                shared.add(id(r))
            pair = (a.qualifier in _LOWER and r.qualifier in _UPPER) or (a.qualifier in _UPPER and r.qualifier in _LOWER)
            if pair and a.kind == r.kind and a.unit == r.unit and g.bound_join.match(text[a.end:r.start]):
                lo, hi = (a.value, r.value) if a.qualifier in _LOWER else (r.value, a.value)
                assert lo is not None and hi is not None  # bounds, not ranges
                if lo < hi:
                    a.low, a.high, a.value, a.qualifier = lo, hi, None, "range"
                    a.end = r.end
                    continue
        out.append(r)
    return out

