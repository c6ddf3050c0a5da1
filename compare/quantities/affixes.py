"""What is written after a numeral: scale, currency, cents, percent, ratio, count unit, period,
trailing qualifier (what is written before it: compare/quantities/prefixes.py).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from compare.lexicon import load_lexicon
from compare.numbers import scaled_precision, scaled_value, word_tables
from compare.phrases import SP, lookup_key, lower_key
from compare.quantities.grammar import Grammar
from compare.quantities.reading import Reading, numeral_at


def read_tail(text: str, r: Reading, g: Grammar, cur_before: bool = False) -> None:
    """Scale, currency, percent, ratio, count unit, period and trailing qualifier after the numeral."""
    end = r.end
    sm = g.scale.match(text, end)
    scale_flag = None
    spaced = None  # the scale word written after a space or hyphen
    if sm:
        glued, spaced = sm.group("g", "s")
        word = glued or spaced
        if glued is None or r.digits is not False:
            v = g.scale_table.get(word)
            if v is not None and not (glued and not r.digits and not spaced):
                scale_flag = g.scale_flags.get(word) or g.scale_flags_by_key.get(lower_key(word))
                if scale_flag is not None and scale_flag.foreign_value and cur_before \
                        and r.currency_form in scale_flag.foreign_after:  # "$600 billion" quoted in French
                    v = scale_flag.foreign_value
                r.scale = v
                r.scale_end = end = sm.end()
    part = 0.0
    worded = r.scale != 1.0 and spaced is not None and spaced.isalpha()  # "million", not "M"
    if worded:
        part, end = _fraction_after_scale(text, g, end)  # "1 milliard et demi (de dollars)"
    currency_after = g.currency_after.match
    cm = currency_after(text, end)
    if cm is None and text[end:end + 1] in _HYPHENS and text[end + 1:end + 2].isalpha():
        cm = currency_after(text, end + 1)  # "a 100-million-dollar investment", "a 20-euro plan"
    if cm:
        code, sub = cm.group("c", "sub")
        if code:
            r.kind, r.unit, r.currency_form = "money", g.currency_table.get(code), code
            end = cm.end()
        elif r.kind != "money":
            base = g.subunit_table.get(sub)
            r.kind, r.unit, r.subunit = "money", base, True
            if base:
                assert r.value is not None  # a figure read, not yet a range
                r.value /= 100
                r.precision = None if r.precision is None else r.precision / 100
            end = cm.end()
    kind = r.kind
    if kind == "money" and not r.subunit and r.scale == 1.0 and not cur_before:
        end = _cents(text, r, g, end)
    if r.scale != 1.0 and scale_flag is not None and scale_flag.money_only and kind != "money" and not cur_before \
            and not g.unit.match(text, end):  # "1.2m users": a count unit keeps the scale too
        r.scale, end = 1.0, r.end
        r.scale_end = 0
    if r.scale != 1.0:
        assert r.value is not None
        r.value = scaled_value(r.value + part, r.scale)
        r.precision = None if part else scaled_precision(r.precision, r.scale)
        if kind == "number" and worded:
            end = _continue_after_scale(text, r, g, end)
    qa_missed = -1  # where the trailing qualifier was looked for and not found
    if text[end:end + 1] in _PLUS_FIRST:
        end = _qualifier_after(text, r, g, end)  # "100,000+ GPUs", "$80bn-plus"
    elif kind == "number":
        qa = g.qual_after.match(text, end)
        if qa is None:
            qa_missed = end
        elif _unit_at(text, g, qa.end()):  # "100,000 or more GPUs", "20 or more percent"
            end = _take_qualifier(r, g, qa)
    if kind == "number":
        pm = g.percent.match(text, end)
        if pm:
            pp, pc = pm.group("pp", "pc")
            if not (r.end == end and pm.start("pp" if pp else "pc") == end and (pp or pc)[:1].isalpha()):
                r.kind = kind = "percent"
                r.unit = "pp" if pp else "percent"
                end = pm.end()
    if kind == "number":
        rm = g.ratio.match(text, end)
        if rm and rm.group("tc") and not r.approximate:
            rm = None
        if rm and not (rm.group("t")[:1].isalpha() and rm.start("t") == end and r.digits
                       and rm.group("t").lower() not in ("x",)):
            r.kind = kind = "ratio"
            r.unit = "x"
            end = rm.end()
            if rm.group("dir"):
                r.direction = g.ratio_dirs.get(rm.group("dir"))
    if kind == "number":
        k = r.start
        while k > 0 and text[k - 1] in _SPACES:
            k -= 1
        if k > 0 and text[k - 1] in _QUOTES:
            end = _unit_after_quote(text, r, g, end)
            kind = r.kind
    if kind == "number":
        end = _count_unit(text, r, g, end)
        kind = r.kind
    if kind == "money" or kind == "percent" or kind == "count":
        pe = g.period.match(text, end)
        if pe:
            r.per = g.period_table.get(pe.group("per"))
            end = pe.end()
    if end != qa_missed:
        end = _qualifier_after(text, r, g, end)
    if r.approximate and r.qualifier == "=":
        r.qualifier = "~"
    r.end = end


def _count_unit(text: str, r: Reading, g: Grammar, end: int) -> int:
    """ "10,000 GPUs", "485,000 high-performance computing chips": the count unit after a number."""
    um = g.unit.match(text, end)
    if um is None and g.loose_unit is not None and text[end:end + 1] in _SPACES:
        um = g.loose_unit.match(text, end)  # "485,000 high-performance computing chips", "350 000 de ces GPU"
    if um is None:
        return end
    u = um.group("u")
    if g.lang == "en" and r.value is not None and r.value >= 2 and u.islower() and not um.group("hy") \
            and lower_key(u) + "s" in g.unit_table.lower:
        return end
    if um.start("u") == end and r.digits and text[end - 1].isdigit() and u[:1].islower():
        return end
    r.kind, r.unit = "count", g.unit_table.get(u)
    _unit_factor(r, u, g)
    if r.unit in g.whole and r.scale == 1.0:
        _whole(text[r.start:r.end], r)
    return um.end()


_PLUS_FIRST = frozenset("+-‑")
_HYPHENS = frozenset("-‑")
_QUOTES = {"“": "”", "\"": "\"", "«": "»", "‘": "’"}


def _quoted(text: str, start: int, end: int) -> tuple[int, int]:
    """(opening mark, after the closing mark) when the figure text[start:end] stands in quotes, else (-1, -1)."""
    k = start
    while k > 0 and text[k - 1] in _SPACES:
        k -= 1
    e = end
    while e < len(text) and text[e] in _SPACES:
        e += 1
    if 0 < k and e < len(text) and _QUOTES.get(text[k - 1]) == text[e]:
        return k - 1, e + 1
    return -1, -1


def _unit_after_quote(text: str, r: Reading, g: Grammar, end: int) -> int:
    """ "“hundreds of thousands” of Nvidia's GB200 chips", "« centaines de milliers » de puces": a figure in
    quotes counts the unit after the closing mark; the mention then takes both marks."""
    opening, after = _quoted(text, r.start, end)
    if opening < 0:
        return end
    um = g.unit.match(text, after)
    if um is None and g.loose_unit is not None and text[after:after + 1] in _SPACES:
        um = g.loose_unit.match(text, after)
    if um is None:
        return end
    r.kind, r.unit = "count", g.unit_table.get(um.group("u"))
    if r.unit in g.whole and r.scale == 1.0:
        _whole(text[r.start:r.end], r)
    r.start = opening
    return um.end()
_SPACES = frozenset(" \u00a0\u202f\u2009\t")


def _qualifier_after(text: str, r: Reading, g: Grammar, end: int) -> int:
    """ "or more", "au moins", "+", "-plus" right after the figure."""
    qa = g.qual_after.match(text, end)
    return _take_qualifier(r, g, qa) if qa else end


def _take_qualifier(r: Reading, g: Grammar, qa: re.Match) -> int:
    q = g.qual_after_table.get(qa.group("qa"))
    if q == "=":
        r.equal = True
    elif q:
        r.qualifier = q
    return qa.end()


@lru_cache(maxsize=None)
def _factors(lang: str) -> dict[str, float]:
    return {lookup_key(k).lower(): v for k, v in load_lexicon(lang).units.factors.items()}


@lru_cache(maxsize=1024)
def _factor(lang: str, written: str) -> Optional[float]:
    return _factors(lang).get(lookup_key(written).lower())


def _unit_factor(r: Reading, written: str, g: Grammar) -> None:
    """ "3,640 petaflop-days": a unit phrase worth a multiple of its unit (units.yaml `factors`)."""
    factor = _factor(g.lang, written)
    if factor:
        assert r.value is not None  # a figure read, not yet a range
        r.value = scaled_value(r.value, factor)
        r.precision = scaled_precision(r.precision, factor)


def _unit_at(text: str, g: Grammar, at: int) -> bool:
    """A count unit or a percent at `at`, after a trailing qualifier written before the unit."""
    return bool(g.unit.match(text, at) or g.percent.match(text, at)
                or (g.loose_unit is not None and text[at:at + 1] in _SPACES and g.loose_unit.match(text, at)))


_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def _whole(written: str, r: Reading) -> None:
    """ "4.096 GPUs" in English, "20,000 GPU" in French: a count of whole things groups thousands with
    either mark."""
    if _GROUPED.fullmatch(written):
        r.value, r.precision = float(re.sub(r"[.,]", "", written)), 1.0


def _cents(text: str, r: Reading, g: Grammar, end: int) -> int:
    """ "3 dollars 50 cents", "treize euros et quarante-cinq cents": the sub-unit adds hundredths."""
    m = g.and_join.match(text, end)
    if not m or m.end() >= len(text) or not text[m.end()].isalnum():
        return end
    got = numeral_at(text, m.end(), g)
    if got is None or not (0 < got[0].value < 100) or got[0].value != int(got[0].value):
        return end
    stop = m.end() + got[0].length
    cm = g.currency_after.match(text, stop)
    if cm and cm.group("sub"):
        stop = cm.end()
    elif cm or (stop < len(text) and (text[stop].isalnum() or text[stop] in "%$€£")):
        return end
    elif g.scale.match(text, stop) or g.unit.match(text, stop) or g.percent.match(text, stop):
        return end
    assert r.value is not None  # an amount read, not yet a range
    r.value += got[0].value / 100
    r.precision = 0.01
    return stop


_SYMBOL = re.compile(r"(?:[A-Z]{0,2}[$€£¥]|[A-Z]{3})" + SP + r"*")
_WORDS_END = re.compile(r"\S+")


@lru_cache(maxsize=None)
def _fraction_words(lang: str) -> tuple[re.Pattern, dict]:
    t = word_tables(lang)
    joiners, articles = sorted(t.joiners), sorted(t.articles)
    pattern = re.compile(SP + r"+(?:" + "|".join(map(re.escape, joiners)) + r")" + SP + r"+(?:(?:"
                         + "|".join(map(re.escape, articles)) + r")" + SP + r"+)?(?P<f>"
                         + "|".join(map(re.escape, sorted(t.fractions, key=len, reverse=True))) + r")(?!\w)",
                         re.IGNORECASE) if joiners and t.fractions else re.compile(r"(?!x)x")
    return pattern, t.fractions


def _fraction_after_scale(text: str, g: Grammar, end: int) -> tuple[float, int]:
    """ "1 milliard et demi", "$2 billion and a half": the part of the scale a fraction after it adds, and
    where it ends."""
    pattern, fractions = _fraction_words(g.lang)
    m = pattern.match(text, end)
    if m is None:
        return 0.0, end
    return fractions[m.group("f").lower()], m.end()


def _continue_after_scale(text: str, r: Reading, g: Grammar, end: int) -> int:
    """ "4 thousand 3 hundred and 21": smaller numerals right after a scale word add to it."""
    limit = r.scale
    while True:
        m = g.and_join.match(text, end)
        if m and not text[m.end():m.end() + 1].isalnum():
            return end
        if not m:
            return end
        got = numeral_at(text, m.end(), g)
        if got is None:
            return end
        num = got[0]
        if num.value >= limit or num.value != int(num.value) or num.value <= 0:
            return end
        stop = m.end() + num.length
        sm = g.scale.match(text, stop)
        if sm and (sm.group("s") or "").isalpha():
            v = g.scale_table.get(sm.group("s"))
            if not (v and v < limit and num.value * v < limit):
                return end
            assert r.value is not None  # a figure read, not yet a range
            r.value += num.value * v
            r.precision = None
            end, limit = sm.end(), v
            continue
        if stop < len(text) and text[stop].isalnum():
            return end
        assert r.value is not None
        r.value += num.value
        r.precision = 1.0
        return stop
