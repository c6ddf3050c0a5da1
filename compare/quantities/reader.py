"""The reader: finds every quantity mention of a text, and every figure it skips with why.

It scans the text once for anchors (digits, number words, factor words) and reads around each
one: qualifiers, currency signs and change words before it (matched on the reversed text, so one
regex attempt suffices; compare/quantities/affixes.py), then scale, currency, percent, ratio,
count unit, period and trailing qualifier after it. Figures that are no quantity (years, dates,
times, versions... judged in compare/quantities/skips.py) are returned with their reason.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, NamedTuple, Optional

from compare.numbers import Numeral, read_words, scaled_precision, scaled_value, word_tables
from compare.phrases import SP
from compare.quantities.affixes import _SYMBOL, _WORDS_END, read_tail
from compare.quantities.grammar import Grammar, grammar
from compare.quantities.powers import finite, read_power
from compare.quantities.prefixes import apply_prefix, fraction_change, ratio_qualifier
from compare.quantities.ranges import join_range, merge_bounds
from compare.quantities.reading import Reading, figure, mention_row, numeral_at, to_mention
from compare.quantities.skips import (Skipped, in_url, is_day, is_product_name, is_reference, is_year, phone_end,
                                      plainly_a_year, previous_token, year_end)

if TYPE_CHECKING:  # the command writes rows (mention_rows) and never imports the models (nor pydantic)
    from compare.models import Mention

_CLOCK = re.compile(r"\d*(?:[:hH.]\d+)*")
_BY = re.compile(r"[^\S\r\n]*[x×][^\S\r\n]*\d")
_DIGITS = re.compile(r"\d+")
_DIGIT_FIRST = re.compile(r"[.,]?\d")  # a numeral in digits starts here
_SPACES_RUN = re.compile(SP + r"*")
_SLASH = re.compile(r"/(\d+)(?:/\d+)*")
_GLUED_WORD = re.compile(r"[\w.\-‑]*")
_NAME_CHARS = frozenset("/=?&#@_%~\\")
_OPENS_TILDE = frozenset(" \t\n\u00a0\u202f([«“\"'")  # "~5%", "(~2e25 FLOPs)": a tilde that opens a figure means about
_DASHES = frozenset("-‑‐‒–—")  # a range "X-Y" with a hyphen, non-breaking hyphen, figure dash, en or em dash


def _skip_token(text: str, pos: int) -> int:
    m = _GLUED_WORD.match(text, pos)
    assert m is not None  # it matches the empty string too
    return max(m.end(), pos + 1)


_POWER_FIRST = frozenset("eE^x×·*⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
_TIMES_SIGNS = frozenset("x×·*")
_SPACES = frozenset(" \u00a0\u202f\u2009\t")
_NO_CLOCK = frozenset(",;!?)]»”\"%€$£\n")


def _read(text: str, s: int, g: Grammar, lo: int, allow_range: bool = True, second: bool = False):
    """Read a quantity whose numeral starts at s: (Reading or None, position to resume at, why a
    figure was skipped: a key of skips.REASONS, or None when it is no figure at all)."""
    n = len(text)
    after_sep = text[s] in ".," and s > 0 and text[s - 1].isdigit()
    if after_sep:
        s += 1
    elif s >= 2 and text[s - 1] in ".," and text[s - 2].isdigit() and text[s].isdigit():
        after_sep = True
    before_ch = text[s - 1] if s > 0 else " "
    if text[s] not in ".," and (before_ch.isalnum() or before_ch == "_") \
            and not g.glued_currency.match(text[max(lo, s - 6):s][::-1]):  # "Rmb50bn", "元500", "Sh3,700"
        return None, _skip_token(text, s), None
    if before_ch in "-‑‐" and s >= 2 and text[s - 2].isalpha() and not second:
        return None, _skip_token(text, s), "name"
    if before_ch in _NAME_CHARS and not (before_ch == "~" and (second or s < 2 or text[s - 2] in _OPENS_TILDE)):
        return None, _skip_token(text, s), None
    if before_ch in "+(" or text[s] == "0" or text.find("-", s, s + 9) >= 0:
        phone = phone_end(text, s, before_ch)
        if phone:
            return None, phone, "phone"
    got = None
    if text[s].isalpha():
        am = g.article.match(text[lo:s][::-1])
        if am:
            a_start = s - am.end("art")
            again = read_words(text[a_start:a_start + 120], g.lang)
            if again is not None and again.length > s - a_start:
                got, s = (again, False, False), a_start
    if got is None:
        got = numeral_at(text, s, g)
    if got is None:
        return None, _skip_token(text, s), None
    num, digits, plain = got
    if after_sep:
        dm = _DIGITS.match(text, s)
        assert dm is not None  # after a separator the numeral is digits
        whole = dm.group()
        num, plain = Numeral(float(whole), 1.0, len(whole)), True
    start, end = s, s + num.length
    value, precision = num.value, num.precision
    if digits and is_year(value, num.length, plain) and plainly_a_year(text, end):
        return (None, *year_end(text, end))
    r = Reading(start, end, value, precision, digits, plain, num.approximate)
    if not digits:
        last = text[start:end].split()[-1].lower()
        r.word_scale = word_tables(g.lang).scales.get(last, 1.0)
    if digits:
        nxt = text[end:end + 1]
        if nxt in _POWER_FIRST or (nxt in _SPACES and text[end + 1:end + 2] in _TIMES_SIGNS):
            if read_power(text, r, end):
                end = r.end
        elif nxt and nxt not in _NO_CLOCK:
            tm = g.clock.match(text, end)
            if tm:
                cm = _CLOCK.match(text, tm.end())
                assert cm is not None  # it matches the empty string too
                return None, cm.end(), "time"
        sm = _SLASH.match(text, end) if nxt == "/" and not g.period.match(text, end) else None  # not "$0.50/1M tokens"
        if sm:
            den = sm.group(1)
            if sm.group().count("/") == 1 and len(text[s:end]) <= 2 and len(den) <= 2 and 2 <= int(den) <= 16 and r.plain_int:
                r.value, r.precision, r.end, r.plain_int = figure(r) / int(den), None, sm.end(), False
                end = r.end
            else:
                return None, sm.end(), "date" if sm.group().count("/") > 1 else "fraction"
    if not math.isfinite(figure(r)):
        return None, max(r.end, end), "range"
    rev = text[lo:r.start][::-1]
    pm = g.prefix.match(rev)
    if pm is not None and pm.lastindex is None:
        pm = None
    cur = pm.group("cur") if pm is not None else None
    if cur:
        code = g.currency_table.get(cur[::-1])
        if code:
            r.kind, r.unit, r.currency_form = "money", code, cur[::-1]
    read_tail(text, r, g, bool(cur))
    if digits and r.end == end and end < n and text[end].isalpha():
        return None, _skip_token(text, end), None
    if digits and r.scale_end == r.end and r.end < n and (text[r.end].isalpha()):
        return None, _skip_token(text, r.end), None

    bare = r.kind == "number" and r.scale == 1.0 and not cur
    if bare and digits:
        read_value = figure(r)
        if is_year(read_value, end - r.start, r.plain_int) and not _BY.match(text, end):
            return (None, *year_end(text, r.end))
        tok = previous_token(rev)
        low_tok = tok.lower()
        if is_day(read_value, text, end, low_tok, g):
            return None, r.end, "date"
        if is_reference(low_tok, g):
            return None, r.end, "reference"
        if is_product_name(tok, g) and not (pm and pm.group("qual")):
            return None, r.end, "version"
    if digits and end < n and text[end].isalpha() and g.ordinal.match(text, end):
        return None, _skip_token(text, end), None
    if pm:
        apply_prefix(text, r, pm, g)
    if r.kind in ("money", "percent") and r.direction is None:
        cm = g.change_after.match(text, r.end)
        if cm:
            r.direction = g.change_after_table.get(cm.group("ca"))
    if allow_range:
        join_range(text, r, g, lo, _read_second)
    v, p = r.value, r.precision
    if (v is not None and v - v != 0) or (p is not None and p - p != 0) or (r.qualifier == "range" and not finite(r)):
        # inf or nan, also a place value beyond a float ("0.00001e310": 10^310 overflows)
        return None, r.end, "range"
    return r, r.end, None



def _read_second(text: str, p: int, g: Grammar, joiner: str):
    ch = text[p]
    if joiner in _DASHES and not (ch.isdigit() or ch in "$€£"):
        return None, p
    lo = p
    digits = _DIGIT_FIRST.match(text, p) is not None
    if not digits and not g.word_anchor.match(text, p):
        cm = _SYMBOL.match(text, p)
        if not cm:
            return None, p
        p = cm.end()
        if not _DIGIT_FIRST.match(text, p):
            return None, p
        digits = True
    if digits and text[p] in ".,":
        return None, p
    got, nxt, _ = _read(text, p, g, lo, allow_range=False, second=True)
    if got is None:
        return None, p
    return got, nxt


def _special(text: str, m: re.Match, g: Grammar, lo: int):
    """Anchors that are not a numeral: "moitié moins" / "half the cost", "twice", "percent of 10"."""
    s = m.start()
    if m.group("h"):
        phrase = g.ratio_phrases.get(m.group("h"))
        r = Reading(start=s, end=m.end(), value=float(phrase.factor), precision=None, digits=False, kind="ratio",
                    unit="x", direction=phrase.direction)
        if phrase.qualifier != "=":
            r.qualifier = phrase.qualifier
        r.fraction = phrase.direction == "less"
        if phrase.keep:
            words = list(_WORDS_END.finditer(m.group("h")))
            r.end = s + words[min(phrase.keep, len(words)) - 1].end()
        ratio_qualifier(text, r, g, lo)
        fraction_change(text, r, g, lo)
        return r, r.end
    if m.group("f"):
        factor = g.fold_table.get(m.group("f")) or g.fold_table.get(m.group("f")[:len(m.group("f"))])
        if factor is None:
            for k, v in g.lex.ratios.fold.items():
                if k.endswith("*") and m.group("f").lower().startswith(k[:-1].lower()):
                    factor = v
        r = Reading(start=s, end=m.end(), value=float(factor or 2), precision=None, digits=False, kind="ratio", unit="x")
        dm = g.ratio_direction.match(text, m.end())
        if dm:
            r.direction = g.ratio_dirs.get(dm.group("dir"))
            r.end = dm.end()
        ratio_qualifier(text, r, g, lo)
        return r, r.end
    p = m.end()
    sm = _SPACES_RUN.match(text, p)
    assert sm is not None  # it matches the empty string too
    p2 = sm.end()
    if p2 < len(text):
        got, nxt, _ = _read(text, p2, g, p2, allow_range=False)
        if got is not None and got.kind == "number":
            got.kind, got.unit, got.start = "percent", "percent", s
            return got, got.end
    return None, m.end()



def _vague(text: str, m: re.Match, g: Grammar, several: Optional[int]):
    """ "hundreds of millions of dollars" 10^8 to 10^9, "plusieurs milliards d'euros" 2 to 10 x 10^9,
    "des millions de GPU" 10^6 to 10^9: a range with the bounds docs/annotation.md states."""
    scale: float = g.vague_scales.get(m.group("vs"))
    order: Optional[float] = g.vague_orders.get(m.group("vm")) if m.group("vm") else None
    if order is None:
        low, high = scale, scale * 1000
    else:
        low = order * scale
        high = (g.vague_orders.get(m.group("vm2")) if m.group("vm2") else order) * scale * 10
    if several is not None:  # "several billion", "plusieurs dizaines de milliards": 2 to 10 times
        low, high = 2 * (order or 1) * scale, 10 * (order or 1) * scale
    if low < g.lex.numbers.vague.minimum:
        return None, m.end()
    r = Reading(start=m.start() if several is None else several, end=m.end(), value=low, precision=None, digits=False)
    read_tail(text, r, g)
    r.value, r.qualifier, r.low, r.high = None, "range", low, high
    return r, r.end


class Quantities(NamedTuple):
    """What the reader found in a text: the quantity mentions, and the figures it skipped with why."""

    mentions: list[Mention]
    skipped: list[Skipped]


def find_mentions(text: str, lang: str, context: Optional[str] = None) -> list[Mention]:
    """Every quantity mention in `text`, sorted by start and non-overlapping. `context`: the whole
    article `text` is part of, whose words choose the currency of a shared sign (¥); default `text`."""
    return _scan(text, lang, None, context).mentions


def read_quantities(text: str, lang: str, context: Optional[str] = None) -> Quantities:
    """The mentions of `text` and every figure skipped as no quantity (a year, a date, a version...)."""
    return _scan(text, lang, [], context)


def mention_rows(text: str, lang: str) -> list[tuple]:
    """The mentions of `text` as `find_mentions` gives them, each as the tuple of its field values
    (reading.MENTION_FIELDS): the command writes these without building a model per mention."""
    g = grammar(lang)
    return [mention_row(text, r, g) for r in _readings(text, g, None)]


def _scan(text: str, lang: str, skipped: Optional[list[Skipped]], context: Optional[str] = None) -> Quantities:
    g = grammar(lang)
    readings = _readings(text, g, skipped)
    return Quantities([to_mention(text, r, g, context) for r in readings], skipped if skipped is not None else [])


def _readings(text: str, g: Grammar, skipped: Optional[list[Skipped]]) -> list[Reading]:
    """The readings of every quantity in `text`, in order, units shared and bounds merged."""
    readings: list[Reading] = []
    pos = 0
    prev_end = 0
    version_end = -1
    n = len(text)
    d_at = w_at = -1
    digit_search, word_search = g.digit_anchor.search, g.word_scan.search
    while pos < n:
        if d_at < pos:
            dm = digit_search(text, pos)
            d_at = dm.start() if dm else n
        if w_at < pos:
            if pos == 0 and g.word_anchor.match(text, 0):
                w_at = 0
            else:
                wm = word_search(text, pos - 1 if pos else 0)
                w_at = wm.start() + 1 if wm else n
        s = min(d_at, w_at)
        if s >= n:
            break
        if w_at >= d_at:  # digits (most anchors)
            if s > pos and text[s - 1] in ".," and (s < 2 or not text[s - 2].isdigit()):
                s -= 1
            r, nxt, why = _read(text, s, g, prev_end if prev_end > s - 64 else s - 64)
        else:
            lo = max(prev_end, s - 64)
            sm = g.special.match(text, s)
            several = None
            if sm and sm.group("v"):
                several = g.vague_several.match(text[max(0, s - 24):s][::-1])
                if not several and not sm.group("vm") and sm.group("vs").lower() not in g.vague_plural:
                    sm = None  # "a million": a singular scale is vague only after "several"
            why = None
            if not sm and g.vague_only.match(text, s):
                pos = s + 1  # "plusieurs années": a word that opens only a vague amount
                continue
            if sm and sm.group("v"):
                r, nxt = _vague(text, sm, g, s - several.end() if several else None)
            elif sm:
                r, nxt = _special(text, sm, g, lo)
            else:
                r, nxt, why = _read(text, s, g, lo)
        if r is None:
            if why == "version":
                version_end = nxt
            if why is not None and skipped is not None:
                _skipped(text, s, nxt, why, skipped)
            pos = max(nxt, s + 1)
            continue
        if version_end >= 0 and text[version_end:r.start].strip() == "" and r.kind == "number":
            if skipped is not None:
                _skipped(text, r.start, r.end, "version", skipped)
            version_end = r.end
            pos = r.end
            continue
        readings.append(r)
        prev_end = pos = max(r.end, s + 1)
    if len(readings) > 1:  # what follows only relates figures to each other
        _share_units(text, readings, g)
        readings = merge_bounds(text, readings, g)
        _conversion_qualifiers(text, readings)
    return readings


_SHARES = frozenset(("money", "percent", "count"))


def _share_units(text: str, readings: list[Reading], g: Grammar) -> None:
    """Coordinated figures share the unit, scale and period written after the last one (docs/annotation.md:
    a currency said once applies to every figure that shares it): "respectivement 10 et 5 milliards de
    dollars", "3, 8 et 16 dollars par mois", "196,000 and 169,000 Hopper chips", "11,6 des 13 milliards de
    dollars"; an amount in the same currency with no scale takes the scale of the next ("$10 or even $100
    billion"). Read from the last figure back, so a list passes the unit along."""
    for i in range(len(readings) - 2, -1, -1):
        a, b = readings[i], readings[i + 1]
        if b.start - a.end > 12 or b.kind not in _SHARES or a.qualifier == "range" or a.per or b.qualifier == "range":
            continue  # most figures stand apart: the distance first
        av, bv = a.value, b.value
        assert av is not None and bv is not None  # no range: only a range has no value
        if a.kind == "number":
            if not a.digits and (av < 1 or av != int(av)):
                continue  # "Nearly half of the $800 million": a share, not a figure of its own
        elif not (a.kind == "money" and a.unit == b.unit and a.cur_before and b.cur_before
                  and a.scale == 1.0 and b.scale != 1.0 and av < bv):
            continue
        if not g.coordinate.match(text, a.end, b.start):
            continue
        if a.scale == 1.0 and b.scale != 1.0 and a.word_scale == 1.0:
            a.value = scaled_value(av, b.scale)
            a.precision = scaled_precision(a.precision, b.scale)
            a.scale = b.scale
        if a.kind == "number":
            a.kind, a.unit, a.per, a.currency_form = b.kind, b.unit, b.per, b.currency_form


_OPENS_CONVERSION = re.compile(r"\s*[(\[]\s*\Z")
_CARRIED = frozenset(("~", ">", ">=", "<", "<="))


def _conversion_qualifiers(text: str, readings: list[Reading]) -> None:
    """A conversion in brackets takes the qualifier of the amount it converts (docs/annotation.md):
    "close to $N million ( M crore)", "pas moins de N milliards de yuans (M milliards de dollars)"."""
    for a, b in zip(readings, readings[1:]):
        if (a.kind == "money" and a.qualifier in _CARRIED and b.kind in ("money", "number") and b.qualifier == "="
                and not b.equal and b.start > a.end and _OPENS_CONVERSION.match(text, a.end, b.start)):
            b.qualifier = a.qualifier


def _skipped(text: str, s: int, end: int, why: str, out: list[Skipped]) -> None:
    """Record a skipped figure, from its first digit; the digits of a web address are no figure."""
    digit = next((i for i in range(s, end) if text[i].isdigit()), None)
    if digit is not None and not in_url(text, digit):
        out.append(Skipped(digit, end, why))
