"""Reading numerals: digit strings with the separators of each language, and number words.

French writes "1 234,5" (space, U+00A0 or U+202F between thousands, comma for decimals) and
also "294.000"; English writes "1,234.5". A separator is a thousands separator only when
exactly three digits follow it, otherwise a decimal mark of the language, otherwise the end
of the number. Words ("quatre-vingt-dix", "three hundred and two") are read from the
vocabulary in compare/lang/LANG/numbers.yaml.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import NamedTuple, Optional

from compare.lexicon import load_lexicon

SPACES = frozenset(" \u00a0\u202f\u2009")
_GROUPS = re.compile(r"([ \u00a0\u202f\u2009.,])")
_WORD = re.compile(r"[^\W\d_]+")
_LEAD_DIGITS = re.compile(r"\d+")


class Numeral(NamedTuple):
    """A number read from text: its value, the place value of its last digit, and the characters used
    (a named tuple: one is made for every figure read, four times faster than a frozen dataclass)."""

    value: float
    precision: Optional[float]
    length: int
    approximate: bool = False


_MARKS = {"fr": SPACES | frozenset("."), "en": SPACES | frozenset(",")}


def _thousands_marks(lang: str) -> frozenset[str]:
    return _MARKS.get(lang) or SPACES | frozenset(",")


def read_digits(run: str, lang: str) -> Optional[Numeral]:
    """The number at the start of `run` (digits and separators), read by the conventions of `lang`.

    >>> read_digits("2,788,000", "en").value
    2788000.0
    >>> read_digits("5,57", "fr").value
    5.57
    """
    if run.isdigit():
        return Numeral(float(run), 1.0, len(run))
    lead = ""
    if run[:1] in ".,":
        lead, run = run[0], run[1:]
        m = _LEAD_DIGITS.match(run)
        if not m:
            return None
        digits = m.group()
        return Numeral(float("0." + digits), 10.0 ** -len(digits), len(digits) + 1)
    parts = _GROUPS.split(run)
    groups, seps = parts[0::2], parts[1::2]
    if not groups[0].isdigit():
        return None
    if len(seps) >= 2 and len(set(seps)) == 1 and seps[0] in ".," and len(groups[0]) <= 3 \
            and all(len(g) == 3 for g in groups[1:]):
        # "1,000,000" in a French text, "1.000.000" in an English one: a mark repeated before groups of
        # three digits groups thousands, whatever the language's own mark
        return Numeral(float("".join(groups)), 1.0, len(run))
    if lang == "en" and len(seps) >= 2 and all(s == "." for s in seps):
        return Numeral(float(groups[0]), 1.0, len(groups[0]))
    thousands = _thousands_marks(lang)
    integer, fraction, used = groups[0], "", None
    length = len(groups[0])
    for sep, group in zip(seps, groups[1:]):
        kind = " " if sep in SPACES else sep
        if sep in thousands and len(group) == 3 and len(groups[0]) <= 3 and used in (None, kind):
            integer += group
            used = kind
            length += 1 + len(group)
            continue
        if sep not in SPACES and sep != used and _is_decimal(sep, group, lang):
            fraction = group
            length += 1 + len(group)
        break
    value = float(integer + ("." + fraction if fraction else ""))
    precision = 10.0 ** -len(fraction) if fraction else 1.0
    return Numeral(value, precision, length + len(lead))


def _is_decimal(sep: str, group: str, lang: str) -> bool:
    return sep in ",." if lang == "fr" else sep == "."


@dataclass(frozen=True)
class WordTables:
    """The number words of a language, lower-cased, by role."""

    units: dict
    hundreds: frozenset
    scales: dict
    articles: frozenset
    joiners: frozenset
    fractions: dict
    approximations: dict
    alone: frozenset
    decimals: frozenset = frozenset()
    links: frozenset = frozenset()
    scale_articles: frozenset = frozenset()

    @property
    def all_words(self) -> frozenset:
        return frozenset(self.units) | self.hundreds | frozenset(self.scales) | frozenset(self.fractions) \
            | frozenset(self.approximations)


@lru_cache(maxsize=None)
def word_tables(lang: str) -> WordTables:
    """The number-word tables of `lang`, built once from its lexicon."""
    lex = load_lexicon(lang)
    nw = lex.numbers
    scales = {w.lower(): s.value for s in lex.scales.scales if s.spaced and not s.case
              for w in s.words if w.isalpha()}
    return WordTables(
        units={k.lower(): v for k, v in nw.units.items()},
        hundreds=frozenset(w.lower() for w in nw.hundreds),
        scales=scales,
        articles=frozenset(w.lower() for w in nw.articles),
        joiners=frozenset(w.lower() for w in nw.joiners),
        fractions={k.lower(): v for k, v in nw.fractions.items()},
        approximations={k.lower(): v for k, v in nw.approximations.items()},
        alone=frozenset(w.lower() for w in nw.alone),
        decimals=frozenset(w.lower() for w in nw.decimals),
        links=frozenset(w.lower() for w in nw.approximation_links),
        scale_articles=frozenset(w.lower() for w in nw.scale_articles),
    )


_MORE = object()
_FIRST_TOKENS = 6
_GAP = re.compile(r"[\s\-‑]*")


def read_words(text: str, lang: str) -> Optional[Numeral]:
    """The number spelled at the start of `text` ("vingt-cinq millions", "three hundred and two").

    Reading stops at the first word that cannot continue the number; `length` covers the words used.
    Returns None when the words are no number on their own ("un", "millions", "a"). The first few
    words are read first: most spelled numbers are short, and splitting the whole text into words
    cost more than reading them.
    """
    got = _read_words(text, lang, _FIRST_TOKENS)
    return _read_words(text, lang, None) if got is _MORE else got


def _read_words(text: str, lang: str, limit: Optional[int]):
    t = word_tables(lang)
    total = 0.0
    current = 0.0
    small = 0
    last_scale = 1.0
    end = 0
    seen = False
    has_base = False
    approximate = False
    fraction_used = False
    pending_join = False
    prev = ""
    join_end = 0
    found = _WORD.finditer(text)
    tokens = [(m.group().lower(), *m.span()) for m in (islice(found, limit) if limit else found)]
    cut = limit is not None and len(tokens) == limit
    last = limit - 3 if limit is not None and cut else len(tokens)  # past it, the words may go on beyond the limit
    for i, (w, a, b) in enumerate(tokens):
        if seen and not _GAP.fullmatch(text, max(end, join_end), a):
            break
        if i > last:
            return _MORE
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if w in t.links and prev in t.approximations and t.scales.get(nxt, 0) >= 1000 and not total:
            join_end = b  # "une centaine de millions": the approximation counts the scale after it
            continue
        if w in t.joiners and seen:
            after = tokens[i + 2][0] if i + 2 < len(tokens) else ""
            fraction_next = nxt in t.fractions or (nxt in t.articles and after in t.fractions)
            tens_next = small % 10 == 0 and small % 100 >= 20 and t.units.get(nxt) in (1, 11)
            round_next = ((current >= 100 and small == 0) or (total and not current)) and (
                nxt in t.units or nxt in t.hundreds)
            if fraction_next or tens_next or round_next:
                pending_join = True
                join_end = b
                continue
            break
        if (w in t.articles and (not seen or w not in t.units)) or (w in t.scale_articles and not seen):
            if w not in t.articles and t.scales.get(nxt, 0) < 1e6:  # "le million", not "le mille-pattes"
                break
            if nxt in t.scales or nxt in t.hundreds or nxt in t.fractions or nxt in t.approximations:
                if seen:
                    join_end = b
                    continue
                current, small, seen, has_base = 1.0, 1, True, True
                end = b
                prev = w
                continue
            break
        if w in t.units:
            v = t.units[w]
            if small and not pending_join and not _can_follow(small, v, prev, w):
                break
            if v == 20 and prev == "quatre" and small % 100 == 4:
                current += 76
                small += 76
            else:
                current += v
                small += v
            has_base = True
        elif w in t.hundreds:
            if current >= 100 and current % 100 == 0 or (seen and small == 0 and current):
                break
            current = (current if current else 1.0) * 100
            small = 0
            has_base = has_base or w in t.alone or seen
        elif w in t.scales:
            v = t.scales[w]
            if not seen and w not in t.alone:
                break
            if v < 1000:
                current = current - small + small * v if small else (current if current else 1.0) * v
                small = 0
            else:
                if v >= last_scale and total and last_scale != 1.0:
                    break
                total += (current if current else 1.0) * v
                current = 0.0
                small = 0
                last_scale = v
            has_base = True
        elif w in t.fractions:
            v = t.fractions[w]
            if pending_join and seen:
                if last_scale != 1.0 and not current:
                    total += v * last_scale  # "a billion and a half"
                else:
                    current += v  # "one and a half billion": the half is of the units, the scale comes after
                pending_join = False
                fraction_used = True
                end = b
                seen = True
                prev = w
                continue
            if seen and current == 1.0 and not total:
                current = v
            elif not seen and w in t.alone:
                current = v
            else:
                break
            fraction_used = True
            has_base = True
        elif w in t.decimals and seen and not fraction_used and not approximate and current == int(current):
            if cut:
                return _MORE
            digits, stop = _decimal_digits(text, tokens[i + 1:], t, b)
            if not digits:
                break
            current += float("0." + digits)
            end = stop
            seen = True
            return Numeral(total + current, 10.0 ** -len(digits), end)
        elif w in t.approximations:
            current = (current if current else 1.0) * t.approximations[w]
            small = 0
            approximate = True
            has_base = seen or has_base
        else:
            break
        pending_join = False
        seen = True
        end = b
        prev = w
    if not seen or not has_base:
        return None
    value = total + current
    if value == 0 and prev not in t.units:
        return None
    precision = None if (fraction_used or approximate) else _word_precision(value)
    return Numeral(value, precision, end, approximate)


def _decimal_digits(text: str, rest: list, t: "WordTables", end: int) -> tuple[str, int]:
    """The digits spelled after "point"/"virgule": "zero three" -> "03", "seventy-one" -> "71"."""
    values = []
    for w, a, b in rest:
        if w not in t.units or not _GAP.fullmatch(text, end, a):
            break
        values.append(t.units[w])
        end = b
    if not values:
        return "", end
    if all(v < 10 for v in values):
        return "".join(str(v) for v in values), end
    total = 0
    for v in values:
        total += v
    return str(total), end


def _can_follow(small: int, v: int, prev: str, w: str) -> bool:
    """Whether a word worth v may add to the `small` part already read (vingt-cinq, soixante et onze)."""
    if v == 20 and prev == "quatre":
        return True
    if small % 10 == 0 and small % 100 >= 20 and v < 10:
        return True
    if small % 100 == 10 and 0 < v < 10:
        return True
    if small % 100 in (60, 80) and 10 <= v < 20:
        return True
    return False


def _word_precision(value: float) -> Optional[float]:
    """Place value of the last significant digit of a spelled number (deux millions -> 1e6)."""
    if value <= 0 or value != int(value):
        return None
    p = 1.0
    v = int(value)
    while v % 10 == 0 and v:
        v //= 10
        p *= 10
    return p


def scaled_value(value: float, scale: float) -> float:
    """A value times its scale word without the float's tail: "8,2 milliards" is 8.2e9, not 8199999999.999999."""
    v = value * scale
    if v.__class__ is float and v.is_integer() and -1e15 < v < 1e15:
        return v  # a whole number of at most 15 digits has no tail: the rounding below would give it back
    return float(f"{v:.15g}") if v and math.isfinite(v) else v


def scaled_precision(precision: Optional[float], scale: float) -> Optional[float]:
    """Precision after a scale word: "5,57 millions" -> 0.01 * 1e6, rounded to avoid 9999.999."""
    if precision is None:
        return None
    p = precision * scale
    if p.__class__ is float and p.is_integer() and -1e12 < p < 1e12:
        return p  # as in scaled_value: a whole number of at most 12 digits comes back unchanged
    return float(f"{p:.12g}") if p and math.isfinite(p) else p
