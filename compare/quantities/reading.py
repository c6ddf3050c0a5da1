"""What the reader knows about one numeral while it reads around it (`Reading`), and the Mention it
becomes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from compare.numbers import Numeral, read_digits, read_words
from compare.phrases import lookup_key
from compare.quantities.dollars import local_dollar
from compare.quantities.grammar import Grammar

if TYPE_CHECKING:
    from compare.models import Mention

_key = lru_cache(maxsize=4096)(lookup_key)
_DIGIT_RUN = re.compile(r"[.,]?\d+(?:[ \u00a0\u202f\u2009.,]\d+){0,8}")


class Reading:
    """What was read around one numeral, before it becomes a Mention (mutable while it is read).

    A plain class: the other defaults live on the class, so making one sets only ten fields."""

    value: Optional[float]  # None once a range or a vague amount has its bounds
    scale = 1.0
    scale_end = 0
    unit: Optional[str] = None
    kind = "number"
    currency_form: Optional[str] = None
    subunit = False
    per: Optional[str] = None
    qualifier = "="
    equal = False
    direction: Optional[str] = None
    opener: Optional[str] = None
    opener_start = 0
    cur_before = False
    low: Optional[float] = None
    high: Optional[float] = None
    word_scale = 1.0
    governed = False
    plain_int = False
    approximate = False
    fraction = False

    def __init__(self, start: int, end: int, value: float, precision: Optional[float], digits: bool,
                 plain_int: bool = False, approximate: bool = False, kind: str = "number", unit: Optional[str] = None,
                 direction: Optional[str] = None):
        self.start, self.end, self.value, self.precision, self.digits = start, end, value, precision, digits
        self.plain_int, self.approximate, self.kind, self.unit, self.direction = plain_int, approximate, kind, unit, direction


def figure(r: Reading) -> float:
    """The value of a figure being read: only a range (join_range, merge_bounds, _vague) has none. A local
    for the type checker, not a narrowed r.value, which a call (join_range) may set to None after the test."""
    value = r.value
    assert value is not None
    return value


def numeral_at(text: str, pos: int, g: Grammar) -> Optional[tuple[Numeral, bool, bool]]:
    """The numeral at pos: (numeral, written in digits, plain integer without separators)."""
    m = _DIGIT_RUN.match(text, pos)
    if m:
        run = m.group()
        num = read_digits(run, g.lang)
        if num is None:
            return None
        if num.length < len(run) and run[num.length] == ",":
            num = _comma_decimal(text, pos, run, num, g)
        used = run[:num.length]
        return num, True, used.isdigit()
    num = read_words(text[pos:pos + 120], g.lang)
    if num is None:
        return None
    return num, False, False


_COMMA_DECIMAL = re.compile(r"\d{1,3},(\d{1,2})(?!\d)")


def _comma_decimal(text: str, pos: int, run: str, num: Numeral, g: Grammar) -> Numeral:
    """ "$2,4 billion", "€21,99" in an English text: a comma before one or two digits and a scale word, or
    before two digits after a currency sign, is a decimal comma (a thousands comma has three digits after it)."""
    m = _COMMA_DECIMAL.match(run)
    if m and (g.scale.match(text, pos + m.end()) or (len(m.group(1)) == 2 and pos and text[pos - 1] in _SIGNS)):
        return Numeral(float(m.group().replace(",", ".")), 10.0 ** -len(m.group(1)), m.end())
    return num


_SIGNS = frozenset("€$£")  # "€21,99" in an English text: cents after a decimal comma


def _shared_sign(r: Reading, sign: str, g: Grammar, context: str) -> Optional[str]:
    """ "¥": CNY in an article about China or a Chinese company, JPY about Japan; else the first
    currency is kept and the note names both."""
    candidates = g.shared_signs.get(sign)
    if not candidates:
        return None
    said = [code for code, words in candidates if words.search(context)]
    if len(said) == 1:
        r.unit = said[0]
        return None
    codes = [code for code, _ in candidates]
    return f"{sign} read as {r.unit}; {' or '.join(codes)}: the text does not say which"


MENTION_FIELDS = ("text", "start", "end", "value", "low", "high", "unit", "kind", "qualifier", "per", "direction",
                  "precision", "note")
"""The fields of a Mention in order (tests/test_quantities_api.py checks them against the model): what
`mention_row` returns, and the keys of the command's JSON."""


def to_mention(text: str, r: Reading, g: Grammar, context: Optional[str] = None) -> Mention:
    """The Mention a reading becomes: its row (`mention_row`), valid by construction, made a model
    without validating it again."""
    return _from_row()(mention_row(text, r, g, context))


@lru_cache(maxsize=None)
def _from_row():
    """Mention.from_row, compare.models imported when the first Mention is made: the command writes rows
    and never imports the models (nor pydantic)."""
    from compare.models import Mention
    return Mention.from_row


def mention_row(text: str, r: Reading, g: Grammar, context: Optional[str] = None) -> tuple:
    """The values of the Mention a reading becomes, in MENTION_FIELDS order, numbers as floats (as the
    model stores them): the command writes them as JSON without building and dumping a model."""
    value = r.value
    low = high = None
    q = r.qualifier
    if q == "range":
        low, high = r.low, r.high
    elif q == ">" or q == ">=":
        low = value
    elif q == "<" or q == "<=":
        high = value
    elif r.equal:
        low = high = value
    kind = r.kind
    note = _money_note(text, r, g, context) if kind == "money" else None
    if kind == "ratio" and value is not None and value < 0:
        value = -value
    precision = r.precision
    return (text[r.start:r.end], r.start, r.end, None if value is None else float(value),
            None if low is None else float(low), None if high is None else float(high), r.unit, kind, q, r.per,
            r.direction, None if precision is None else float(precision), note)


def _money_note(text: str, r: Reading, g: Grammar, context: Optional[str]) -> Optional[str]:
    """What the Mention of an amount notes about its currency (a sub-unit, a shared sign, a dollar read as
    another country's), choosing that currency where the text does (r.unit)."""
    if r.subunit:
        return (f"written in a sub-unit (cents, pence): value in {r.unit}" if r.unit
                else "amount in a sub-unit (cents, pence): no currency code")
    form = r.currency_form
    if not form:
        return None
    sign = form.strip()
    if sign in g.shared_signs:
        return _shared_sign(r, sign, g, text if context is None else context)
    if _key(form) not in g.ambiguous:
        return None
    local = local_dollar(form, text, r.start, r.end, g.lang)
    if local:
        r.unit = local[0]
        return f"{form.strip()} read as {local[0]}: {local[1]!r} nearby names the country whose dollar it is"
    lo, hi = max(0, r.start - 60), min(len(text), r.end + 60)
    hm = g.hints.search(text, lo, hi) if g.hint_stems.search(text[lo:hi].lower()) else None
    if hm:
        found = hm.group().lower()
        other = next((code for phrase, code in g.lex.currencies.hints.items()
                      if found.startswith(phrase.rstrip("*").lower())), None)
        if other and other != r.unit and g.public_words.search(text, lo, hi):
            r.unit = other
            return f"{form.strip()} read as {other}: {hm.group()!r} and a public body or programme nearby"
        if other and other != r.unit:
            return f"{form.strip()} read as {r.unit}; the text says {hm.group()!r} nearby ({other}?)"
    return None
