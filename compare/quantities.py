"""Quantity mentions in French and English press text: money, percents, ratios, counts, numbers.

`find_mentions` scans a text once for anchors (digits, number words, factor words) and reads
around each one: qualifiers, currency signs and change words before it (matched on the reversed
text, so one regex attempt suffices), then scale, currency, percent, ratio, count unit, period
and trailing qualifier after it. Years, dates, times, ordinals, version numbers of named
products, references, phone numbers and URLs are skipped. All vocabulary is in
compare/lang/LANG/*.yaml (see compare/lexicon.py); this module only holds the grammar.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, TextIO

from compare.lexicon import Lexicon, RatioPhrase, load_lexicon
from compare.models import Mention
from compare.numbers import Numeral, read_digits, read_words, scaled_precision, word_tables
from compare.vocab import phrase_regex

SP = r"[^\S\r\n]"
_DIGIT_RUN = re.compile(r"[.,]?\d+(?:[ \u00a0\u202f\u2009.,]\d+){0,8}")
_EXPONENT = re.compile(r"[eE]([-+]?\d{1,3})(?![\w])|\^([-+]*)(\d{1,3})")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_TIMES_TEN = re.compile(SP + r"*[x×·*]" + SP + r"*10(?:\^\(?([-+−]?\d{1,3})\)?|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
_TEN_POWER = re.compile(r"([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})")
_TIME = re.compile(r"(?:[:hH]\d{2}(?!\d)|h(?![^\W\d_])|" + SP + r"?h" + SP + r"?\d{2}(?!\d))")
_CLOCK = re.compile(r"\d*(?:[:hH.]\d+)*")
_BY = re.compile(r"[^\S\r\n]*[x×][^\S\r\n]*\d")
_DIGITS = re.compile(r"\d+")
_SLASH = re.compile(r"/(\d+)(?:/\d+)*")
_YEAR_TAIL = re.compile(r"(?:[-–/]\d{1,4}(?!\d))+")
_GLUED_WORD = re.compile(r"[\w.\-‑]*")
_PHONE = re.compile(r"\+\d{1,3}(?:[\s.\-/]\(?\d{1,4}\)?){2,}|0\d(?:[\s.]\d{2}){4}(?!\d)|\(?\d{3}\)?[\s.\-]\d{3}-\d{4}(?!\d)")
_PREV_TOKEN = re.compile(SP + r"*(?P<tok>[^\s]+)")
_NAME_CHARS = frozenset("/=?&#@_%~\\")
# What may stand right before a number word: spaces, ASCII punctuation but "-" and "_", quotes, dashes.
_WORD_SEPARATORS = r"[\s!-,./:-@\[-\^`{-~“”„«»‘’‚–—…·¿¡€£¥×°§•]"


def _key(s: str) -> str:
    """A phrase with ’ as ' and without spaces or hyphens, for lookups."""
    return "".join(s.replace("’", "'").replace("-", "").replace("‑", "").replace("‐", "").split())


def _is_case_sensitive(phrase: str, flag: Optional[bool] = None) -> bool:
    if flag is not None:
        return flag
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and any(c.isupper() for c in letters) and len(phrase.replace(" ", "")) <= 4


def _atoms(phrase: str, glued: bool = False) -> list[str]:
    """Regex pieces of one phrase: ’ and ' alike, spaces flexible, a leading or trailing * matches
    any word ending (the leading form serves phrases written backwards)."""
    star = phrase.endswith("*") and len(phrase) > 1
    lead_star = phrase.startswith("*") and len(phrase) > 1
    p = phrase[:-1] if star else phrase
    p = p[1:] if lead_star else p
    atoms = []
    if p[:1].isalnum() and not glued and not lead_star:
        atoms.append(r"(?<!\w)")
    if lead_star:
        atoms.append(r"\w*")
    for i, ch in enumerate(p):
        if ch in "’'":
            atoms.append("[’']")
        elif ch.isspace():
            near_symbol = not (p[i - 1].isalnum() and i + 1 < len(p) and p[i + 1].isalnum())
            atoms.append(SP + ("*" if near_symbol else "+"))
        elif ch in "-‑":
            atoms.append("[-‑‐]")
        else:
            atoms.append(re.escape(ch))
    if star:
        atoms.append(r"\w*")
    if p[-1:].isalnum() and not star:
        atoms.append(r"(?!\w)")
    return atoms


_ATOM_RANK = {"[^": 1, "[’": 1, "[-": 1, "\\w": 2, "(?": 3}


def _trie(seqs: list[list[str]]) -> str:
    """One regex for many atom sequences, sharing prefixes so a failed branch costs one test."""
    root: dict = {}
    for seq in seqs:
        node = root
        for atom in seq:
            node = node.setdefault(atom, {})
        node[None] = {}

    def emit(node: dict) -> str:
        keys = sorted((k for k in node if k is not None), key=lambda a: (_ATOM_RANK.get(a[:2], 0), a))
        alts = [k + emit(node[k]) for k in keys]
        if None in node:
            return "(?:" + "|".join(alts) + ")?" if alts else ""
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def _phrase_rx(phrase: str, case: Optional[bool] = None, glued: bool = False) -> str:
    """Regex of one phrase (see _atoms); case-sensitive phrases keep their case."""
    body = "".join(_atoms(phrase, glued))
    return f"(?-i:{body})" if _is_case_sensitive(phrase.strip("*"), case) else body


def _alt(phrases: Iterable, reverse: bool = False, case: Optional[bool] = None, glued: bool = False) -> str:
    """Alternation of phrases as a trie, longest match first; `reverse` builds it for reversed text.

    Phrases may be strings or (phrase, case) pairs. Case-sensitive phrases are tried first."""
    sensitive, insensitive = [], []
    items = [item if isinstance(item, tuple) else (item, case) for item in set(phrases)]
    loose = [p.lower() for p, f in items if not _is_case_sensitive(p.strip("*"), f)]
    stems = []
    for phrase, flag in items:
        written = _reverse_phrase(phrase) if reverse else phrase
        low = phrase.lower()
        if flag is None and any(other.startswith(low) and other != low for other in loose):
            flag = False
        if _is_case_sensitive(phrase.strip("*"), flag):
            sensitive.append(_atoms(written, glued))
        elif reverse and phrase.endswith("*") and phrase[:-1].isalpha():
            stems.append(phrase[:-1].lower()[::-1])
        else:
            insensitive.append(_atoms(written.lower(), glued))
    parts = []
    if sensitive:
        parts.append("(?-i:" + _trie(sensitive) + ")")
    if insensitive:
        parts.append(_trie(insensitive))
    if stems:
        # A reversed "augment*" is a whole word ending in "tnemgua": the word is taken at once and
        # its end checked, instead of backtracking a leading \w* through every ending; the checks are
        # grouped by the word's first letter so only a few are tried.
        by_end: dict[str, list[str]] = {}
        for st in sorted(stems):
            by_end.setdefault(st[-1], []).append(f"(?<={re.escape(st)})")
        parts.append(r"\w++(?:" + "|".join(f"(?<={re.escape(end)})(?:" + "|".join(alts) + ")"
                                            for end, alts in sorted(by_end.items())) + ")")
    return "|".join(parts) if parts else r"(?!x)x"


def _reverse_phrase(p: str) -> str:
    if p.endswith("*") and len(p) > 1:
        return "*" + p[:-1][::-1]
    return p[::-1]


class Table:
    """Phrase -> value lookup that tolerates case, apostrophe and spacing differences."""

    def __init__(self, mapping: dict, case: Optional[bool] = None):
        self.exact = {}
        self.lower = {}
        self.written = {}
        for phrase, value in mapping.items():
            if not _is_case_sensitive(phrase, case):
                self.written.setdefault(phrase.lower(), value)
            k = _key(phrase)
            if _is_case_sensitive(phrase, case):
                self.exact.setdefault(k, value)
            else:
                self.lower.setdefault(k.lower(), value)
                self.exact.setdefault(k, value)

    def get(self, text: str):
        found = self.written.get(text)
        if found is not None:
            return found
        k = _key(text)
        if k in self.exact:
            return self.exact[k]
        return self.lower.get(k.lower())


@dataclass(frozen=True)
class Grammar:
    """Compiled regexes and lookup tables of one language."""

    lang: str
    lex: Lexicon
    anchor: re.Pattern
    digit_anchor: re.Pattern
    word_anchor: re.Pattern
    word_scan: re.Pattern
    special: re.Pattern
    prefix: re.Pattern
    article: re.Pattern
    scale: re.Pattern
    scale_table: Table
    scale_flags: dict
    currency_after: re.Pattern
    currency_table: Table
    ambiguous: frozenset
    subunits: frozenset
    hints: re.Pattern
    percent: re.Pattern
    points_table: Table
    ratio: re.Pattern
    ratio_dirs: Table
    fold_table: Table
    unit: re.Pattern
    unit_table: Table
    period: re.Pattern
    period_table: Table
    qual_after: re.Pattern
    qual_table: Table
    qual_after_table: Table
    change_after: re.Pattern
    change_after_table: Table
    change_up: re.Pattern
    range_join: re.Pattern
    range_open: dict
    bound_join: re.Pattern
    date_after: re.Pattern
    ordinal: re.Pattern
    time_after: re.Pattern
    clock: re.Pattern
    months: frozenset
    weekdays: frozenset
    references: frozenset
    negative: re.Pattern
    not_names: frozenset
    ratio_direction: re.Pattern
    free_joiners: frozenset
    hint_stems: re.Pattern
    and_join: re.Pattern
    ratio_phrases: Table
    subunit_table: Table
    floor_openers: frozenset
    change_openers: frozenset
    change_before: re.Pattern  # a change word anywhere earlier in the clause: "raised the price of X from $20 to $22"


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar of `lang`, built once from its lexicon."""
    lex = load_lexicon(lang)
    words = word_tables(lang)
    I = re.IGNORECASE
    fold = dict(lex.ratios.fold)
    half = list(lex.ratios.half_less) + list(lex.ratios.phrases)
    pct_before = list(lex.percents.before)
    starters = (set(words.all_words) - set(words.articles)) | set(half) | set(fold) | set(pct_before)
    variants = {v for w in starters for v in (w.lower(), w[:1].upper() + w[1:].lower(), w.upper())}
    firsts = "[" + "".join(sorted(re.escape(v[0]) for v in variants)) + "]"
    # \b first: the regex engine rejects positions inside words before trying the trie.
    start = r"\b(?=" + firsts + r")(?<![\-‑])" if all(v[0].isalnum() for v in variants) \
        else r"(?=" + firsts + r")(?<![\w\-‑])"
    word_trie = _trie([_atoms(v)[1:] if _atoms(v)[0] == r"(?<!\w)" else _atoms(v) for v in variants])
    word_anchor = re.compile(start + word_trie)
    # The scan looks for a separator followed by a word: a pattern led by a character class is skipped
    # through in C, about a third faster than testing a word boundary at every position.
    word_scan = re.compile(_WORD_SEPARATORS + word_trie)
    anchor = re.compile(r"(?P<d>[.,]?\d)|(?P<w>" + word_anchor.pattern + r")")
    special = re.compile(r"(?P<h>" + _alt(half) + r")|(?P<f>" + _alt(fold) + r")|(?P<p>" + _alt(pct_before) + r")", I)

    cur_before, cur_after, ambiguous = {}, {}, set()
    for c in lex.currencies.currencies:
        for form in c.before:
            cur_before.setdefault(form, c.code)
        for form in c.after:
            cur_after.setdefault(form, c.code)
        if c.ambiguous:
            ambiguous.update(c.before + c.after)
    subunits = list(lex.currencies.subunits)
    qual_before = dict(lex.qualifiers.before)
    changes = lex.change_words
    change_words_rev = _alt(changes.words, reverse=True)
    adjacent_rev = _alt(changes.adjacent, reverse=True)
    opens_rev = _alt(lex.qualifiers.range_open, reverse=True)
    negative_rev = _alt(lex.numbers.negative, reverse=True)
    # Reversed text before the number: sign, currency, qualifier, then a change phrase or a range opener.
    prefix = re.compile(
        r"(?:(?P<sign>[+\-−])(?![\w.,]))?" + SP + r"*"
        r"(?:(?P<cur>" + _alt(cur_before, reverse=True) + r")(?:(?P<sign2>[+\-−])(?![\w.,]))?" + SP + r"*)?"
        r"(?:(?P<neg>" + negative_rev + r")" + SP + r"+)?"
        r"(?:(?P<qual>" + _alt(qual_before, reverse=True) + r")" + SP + r"*)?"
        r"(?:(?P<chg>" + r"(?:" + _alt(changes.governing, reverse=True) + r")(?:" + SP + r"+[\w’'\-]+){0,3}?"
        + SP + r"+(?:" + change_words_rev + r")|" + adjacent_rev + r")|(?P<chgd>" + change_words_rev + r")"
        r"|(?P<open>" + opens_rev + r")|(?P<mul>" + _alt(lex.ratios.multiplied_by, reverse=True) + r")"
        r"|(?P<div>" + _alt(lex.ratios.divided_by, reverse=True) + r"))?", I)
    article = re.compile(SP + r"+(?P<art>" + _alt(lex.numbers.articles, reverse=True, case=False) + r")", I)

    scale_words, scale_flags, glued, spaced = {}, {}, [], []
    for s in lex.scales.scales:
        for w in s.words:
            scale_words.setdefault(w, s.value)
            scale_flags.setdefault(w, s)
            (glued if s.glued else []).append((w, s.case))
            (spaced if s.spaced else []).append((w, s.case))

    scale = re.compile(r"(?:(?P<g>" + _alt(glued, glued=True) + r")|" + SP + r"+(?P<s>" + _alt(spaced)
                       + r"))(?![^\W\d_])", I)
    connectors = _alt(lex.scales.connectors)
    currency_after = re.compile(SP + r"*(?:(?:" + connectors + r")" + SP + r"*)?(?:(?P<sub>" + _alt(subunits)
                                + r")(?![^\W\d_])|(?P<c>" + _alt(cur_after, glued=True)
                                + r"))(?![^\W\d_])", I)
    hints = lex.currencies.hints
    percent = re.compile(SP + r"*(?:(?P<pp>" + _alt(lex.percents.points) + r")|(?P<pc>" + _alt(lex.percents.percent) + r"))", I)
    times = _alt(lex.ratios.times, glued=True)
    tc = lex.ratios.times_connectors
    ratio = re.compile(SP + r"*" + (r"(?:(?P<tc>" + _alt(tc) + r")" + SP + r"*)?" if tc else r"(?P<tc>(?!x)x)?")
                       + r"(?P<t>" + times + r")(?!" + SP + r"*\d)(?:" + SP + r"+(?P<dir>"
                       + _alt(lex.ratios.directions) + r"))?", I)
    unit = re.compile(r"(?P<hy>[-‑](?=[^\W\d_]))?" + SP + r"*(?:(?:" + connectors + r")" + SP + r"*)?" + lex.units.prefix + r"(?P<u>"
                      + _alt(lex.unit_phrases) + r")", I)
    not_after = r"(?!" + SP + r"+(?:" + _alt(lex.periods.not_after) + r"))" if lex.periods.not_after else ""
    period = re.compile(SP + r"*,?" + SP + r"*(?:(?:" + _alt(lex.periods.skip) + r")" + SP + r"*)?(?P<per>"
                        + _alt(lex.period_phrases) + r")" + not_after, I)
    qual_after = re.compile(SP + r"*,?" + SP + r"*(?P<qa>" + _alt(lex.qualifiers.after) + r")(?!" + SP
                            + r"*(?:\d|(?:than|que|qu[’']|de|d[’']|à|to)(?!\w)))", I)
    change_after = re.compile(SP + r"*(?P<ca>" + _alt(changes.after) + r")", I)
    joiners = set(lex.qualifiers.range_joiners)
    for closers in lex.qualifiers.range_open.values():
        joiners.update(closers)
    range_join = re.compile(SP + r"*(?P<j>" + _alt(joiners) + r")" + SP + r"*", I)
    bound_join = re.compile(SP + r"*(?:" + _alt(lex.qualifiers.bound_joiners) + r")" + SP + r"*\Z", I)
    months = lex.dates.months
    date_after = re.compile(r"(?:" + _alt(lex.dates.ordinal_suffixes) + r")?" + SP + r"+(?:" + _alt(months) + r")", I)
    ordinal = re.compile(r"(?:" + "|".join(re.escape(s) for s in sorted(lex.dates.ordinal_suffixes, key=len, reverse=True))
                         + r")(?![^\W\d_])")
    time_after = re.compile(SP + r"*(?:" + _alt(lex.dates.time_suffixes) + r")", I)
    clock = re.compile(_TIME.pattern + r"|(?i:" + time_after.pattern + r")")
    change_up = re.compile(r"(?P<up>" + _alt([w for w, d in changes.words.items() if d == "up"])
                           + r")|(?P<down>" + _alt([w for w, d in changes.words.items() if d == "down"]) + r")", I)
    return Grammar(
        lang=lang, lex=lex, anchor=anchor, digit_anchor=re.compile(r"\d"), word_anchor=word_anchor, word_scan=word_scan,
        special=special, prefix=prefix, article=article,
        scale=scale, scale_table=Table(scale_words, case=None), scale_flags=scale_flags,
        currency_after=currency_after, currency_table=Table({**cur_after, **cur_before}),
        ambiguous=frozenset(_key(a) for a in ambiguous), subunits=frozenset(s.lower() for s in subunits),
        hints=re.compile(_alt(hints), I),
        percent=percent, points_table=Table({p: "pp" for p in lex.percents.points}),
        ratio=ratio, ratio_dirs=Table(dict(lex.ratios.directions)), fold_table=Table(fold),
        unit=unit, unit_table=Table(lex.unit_phrases),
        period=period, period_table=Table(lex.period_phrases),
        qual_after=qual_after, qual_table=Table(qual_before), qual_after_table=Table(dict(lex.qualifiers.after)),
        change_after=change_after, change_after_table=Table(dict(changes.after)), change_up=change_up,
        range_join=range_join, range_open={_key(k).lower(): {_key(c).lower() for c in v}
                                           for k, v in lex.qualifiers.range_open.items()},
        bound_join=bound_join, date_after=date_after, ordinal=ordinal, time_after=time_after, clock=clock,
        months=frozenset(m.lower() for m in months), weekdays=frozenset(w.lower() for w in lex.dates.weekdays),
        references=frozenset(r.lower() for r in lex.dates.references),
        negative=re.compile(_alt(lex.numbers.negative), I),
        not_names=frozenset(w.lower() for w in lex.dates.not_names),
        ratio_direction=re.compile(SP + r"+(?P<dir>" + _alt(lex.ratios.directions) + r")", I),
        free_joiners=frozenset(j.lower() for j in lex.qualifiers.range_joiners),
        hint_stems=re.compile("|".join(re.escape(h) for h in sorted({h.rstrip("*").lower() for h in hints})) or r"(?!x)x"),
        and_join=re.compile(SP + r"+(?:(?:" + _alt(lex.numbers.joiners) + r")" + SP + r"+)?", I),
        ratio_phrases=Table({**{p: RatioPhrase(factor=2, direction="less", keep=k) for p, k in lex.ratios.half_less.items()},
                             **lex.ratios.phrases}),
        subunit_table=Table(dict(lex.currencies.subunits)),
        floor_openers=frozenset(_key(o).lower() for o in lex.qualifiers.floor_openers),
        change_openers=frozenset(_key(o).lower() for o in lex.qualifiers.change_openers),
        change_before=re.compile(phrase_regex(lex.qualifiers.not_range_after), I),
    )


class Reading:
    """What was read around one numeral, before it becomes a Mention (mutable while it is read).

    A plain class: the other defaults live on the class, so making one sets only ten fields."""

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


def _numeral_at(text: str, pos: int, g: Grammar) -> Optional[tuple[Numeral, bool, bool]]:
    """The numeral at pos: (numeral, written in digits, plain integer without separators)."""
    m = _DIGIT_RUN.match(text, pos)
    if m:
        run = m.group()
        num = read_digits(run, g.lang)
        if num is None:
            return None
        used = run[:num.length]
        return num, True, used.isdigit()
    num = read_words(text[pos:pos + 120], g.lang)
    if num is None:
        return None
    return num, False, False


def _skip_token(text: str, pos: int) -> int:
    return max(_GLUED_WORD.match(text, pos).end(), pos + 1)


def _prev_token(rev: str) -> str:
    """The word before the number, from the reversed window."""
    m = _PREV_TOKEN.match(rev)
    return m.group("tok")[::-1] if m else ""


_ELISION = re.compile(r"^\w{1,2}[’']")


def _is_name(tok: str, g: Grammar) -> bool:
    """Whether the word before a bare number names a product ("Grok 3", "l'iPhone 16", "CAC 40")."""
    if not tok or not tok[-1].isalnum():
        return False
    tok = _ELISION.sub("", tok.lstrip("“\"«‘'([*"))
    if not tok[:1].isalpha() or not any(c.isupper() for c in tok):
        return False
    return tok.lower() not in g.not_names


_YEAR_END = frozenset(",.;:)!?»”\"'")


def _plainly_a_year(text: str, end: int) -> bool:
    """A four-digit year followed by punctuation or the end: no unit can follow, skip it early."""
    nxt = text[end:end + 1]
    return not nxt or nxt in _YEAR_END or nxt == "\n"


_POWER_FIRST = frozenset("eE^x×·*⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
_TIMES_SIGNS = frozenset("x×·*")
_SPACES = frozenset(" \u00a0\u202f\u2009\t")
_NO_CLOCK = frozenset(",;!?)]»”\"%€$£\n")


def _power(text: str, r: Reading, end: int) -> bool:
    """ "3.8e25", "2,1 x 10^25", "3,14 × 10²³", "10²⁵", "10^-3": the power of ten joins the figure."""
    em = _EXPONENT.match(text, end)
    xm = None if em else _TIMES_TEN.match(text, end)
    sup = None if em or xm or text[r.start:end] != "10" else _TEN_POWER.match(text, end)
    if xm or sup:
        power = (xm.group(1) or xm.group(2)) if xm else sup.group(1)
        e = int(power.translate(_SUPERSCRIPTS).replace("−", "-"))
        r.value = _times_ten_to(r.value if xm else 1.0, e)
        r.precision = scaled_precision(r.precision, 10.0 ** e) if xm else None
        r.end = (xm or sup).end()
    elif em:
        if em.group(1):
            e = int(em.group(1))
            r.value, r.precision = _times_ten_to(r.value, e), scaled_precision(r.precision, 10.0 ** e)
        else:
            power = int(em.group(3)) * (-1 if em.group(2).count("-") % 2 else 1)
            r.value, r.precision = abs(r.value) ** power * (-1 if r.value < 0 else 1), None
        r.end = em.end()
    else:
        return False
    r.plain_int = False
    return True


def _times_ten_to(value: float, e: int) -> float:
    """value × 10^e without binary rounding drift (2.1 × 10^25 is 2.1e25, not 2.1000000000000003e25)."""
    return float(f"{value!r}e{e}")


def _read(text: str, s: int, g: Grammar, lo: int, allow_range: bool = True, second: bool = False):
    """Read a quantity whose numeral starts at s. Returns (Reading or None, position to resume at)."""
    n = len(text)
    after_sep = text[s] in ".," and s > 0 and text[s - 1].isdigit()
    if after_sep:
        s += 1
    elif s >= 2 and text[s - 1] in ".," and text[s - 2].isdigit() and text[s].isdigit():
        after_sep = True
    before_ch = text[s - 1] if s > 0 else " "
    if text[s] not in ".," and (before_ch.isalnum() or before_ch == "_"):
        return None, _skip_token(text, s)
    if before_ch in "-‑" and s >= 2 and text[s - 2].isalpha() and not second:
        return None, _skip_token(text, s)
    if before_ch in _NAME_CHARS and not (second and before_ch == "~"):
        return None, _skip_token(text, s)
    if before_ch in "+(" or text[s] == "0" or "-" in text[s:s + 9]:
        pm = _PHONE.match(text, s - 1 if before_ch in "+(" else s)
        if pm and (before_ch == "+" or pm.group().count(" ") >= 4 or "-" in pm.group()):
            return None, pm.end()
    got = None
    if text[s].isalpha():
        am = g.article.match(text[lo:s][::-1])
        if am:
            a_start = s - am.end("art")
            again = read_words(text[a_start:a_start + 120], g.lang)
            if again is not None and again.length > s - a_start:
                got, s = (again, False, False), a_start
    if got is None:
        got = _numeral_at(text, s, g)
    if got is None:
        return None, _skip_token(text, s)
    num, digits, plain = got
    if after_sep:
        whole = _DIGITS.match(text, s).group()
        num, plain = Numeral(float(whole), 1.0, len(whole)), True
    start, end = s, s + num.length
    value, precision = num.value, num.precision
    if plain and digits and num.length == 4 and 1800 <= value <= 2100 and _plainly_a_year(text, end):
        ym = _YEAR_TAIL.match(text, end)
        return None, ym.end() if ym else end
    r = Reading(start=start, end=end, value=value, precision=precision, digits=digits, plain_int=plain,
                approximate=num.approximate)
    if not digits:
        last = text[start:end].split()[-1].lower()
        r.word_scale = word_tables(g.lang).scales.get(last, 1.0)
    if digits:
        nxt = text[end:end + 1]
        if nxt in _POWER_FIRST or (nxt in _SPACES and text[end + 1:end + 2] in _TIMES_SIGNS):
            if _power(text, r, end):
                end = r.end
        elif nxt and nxt not in _NO_CLOCK:
            tm = g.clock.match(text, end)
            if tm:
                return None, _CLOCK.match(text, tm.end()).end()
        sm = _SLASH.match(text, end) if nxt == "/" else None
        if sm:
            den = sm.group(1)
            if sm.group().count("/") == 1 and len(text[s:end]) <= 2 and len(den) <= 2 and 2 <= int(den) <= 16 and r.plain_int:
                r.value, r.precision, r.end, r.plain_int = r.value / int(den), None, sm.end(), False
                end = r.end
            else:
                return None, sm.end()
    rev = text[lo:r.start][::-1]
    pm = g.prefix.match(rev)
    if pm is not None and pm.lastindex is None:
        pm = None
    cur = pm.group("cur") if pm is not None else None
    if cur:
        code = g.currency_table.get(cur[::-1])
        if code:
            r.kind, r.unit, r.currency_form = "money", code, cur[::-1]
    _tail(text, r, g, bool(cur))
    if digits and r.end == end and end < n and text[end].isalpha():
        return None, _skip_token(text, end)
    if digits and r.scale_end == r.end and r.end < n and (text[r.end].isalpha()):
        return None, _skip_token(text, r.end)

    bare = r.kind == "number" and r.scale == 1.0 and not cur
    if bare and digits:
        if r.plain_int and end - r.start == 4 and 1800 <= r.value <= 2100 and not _BY.match(text, end):
            ym = _YEAR_TAIL.match(text, r.end)
            return None, ym.end() if ym else r.end
        tok = _prev_token(rev)
        low_tok = tok.lower()
        if r.value == int(r.value) and 0 < r.value <= 31:
            if g.date_after.match(text, end) or low_tok in g.months or low_tok in g.weekdays:
                return None, r.end
        if low_tok in g.references:
            return None, r.end
        if _is_name(tok, g) and not (pm and pm.group("qual")):
            return None, -r.end
    if digits and end < n and text[end].isalpha() and g.ordinal.match(text, end):
        return None, _skip_token(text, end)
    if pm:
        _apply_prefix(text, r, pm, g)
    if r.kind in ("money", "percent") and r.direction is None:
        cm = g.change_after.match(text, r.end)
        if cm:
            r.direction = g.change_after_table.get(cm.group("ca"))
    if allow_range:
        _range(text, r, g, lo)
    return r, r.end


def _apply_prefix(text: str, r: Reading, pm: re.Match, g: Grammar) -> None:
    s = r.start

    def at(group: str) -> int:
        return s - pm.end(group)

    sign = pm.group("sign") or pm.group("sign2")
    glued = [grp for grp in ("sign", "sign2") if pm.group(grp) and at(grp) > 0 and text[at(grp) - 1].isalnum()]
    if glued:
        sign = None
    if pm.group("sign") and not glued and not (pm.group("cur") and pm.group("sign2")):
        r.start = at("sign")
    if pm.group("cur") and r.kind in ("number", "money") and not r.subunit:
        code = g.currency_table.get(pm.group("cur")[::-1])
        if code and (r.kind == "number" or r.unit == code):
            r.kind, r.unit, r.cur_before = "money", code, True
            r.currency_form = r.currency_form or pm.group("cur")[::-1]
            r.start = at("cur")
    if pm.group("sign2") and r.cur_before:
        r.start = min(r.start, at("sign2"))
    if sign and sign in "-−":
        r.value = -r.value
        if r.kind in ("money", "percent"):
            r.direction = "down"
    elif sign == "+" and r.kind in ("money", "percent"):
        r.direction = "up"
    if pm.group("neg"):
        r.value = -r.value
        r.start = at("neg")
    if pm.group("qual"):
        qtext = pm.group("qual")[::-1]
        q = g.qual_table.get(qtext)
        qs = at("qual")
        if q and not (qtext.strip() in "<>=" and qs > 0 and text[qs - 1] in "<>="):
            if q == "=":
                r.equal = True
            elif r.qualifier in ("=", "~") or q != "~":
                r.qualifier = q
            r.start = qs
    r.governed = bool(pm.group("chg") or pm.group("chgd"))
    chg_group = "chg" if pm.group("chg") else ("chgd" if pm.group("chgd") and r.kind == "percent" else None)
    if chg_group and r.kind in ("money", "percent") and r.direction is None:
        chg = pm.group(chg_group)[::-1]
        cm = g.change_up.search(chg)
        if cm:
            r.direction = "up" if cm.group("up") else "down"
        else:
            r.direction = g.lex.change_words.adjacent.get(chg.strip()) or \
                {_key(k).lower(): v for k, v in g.lex.change_words.adjacent.items()}.get(_key(chg).lower())
    if pm.group("open"):
        r.opener = _key(pm.group("open")[::-1]).lower()
        r.opener_start = at("open")
    if pm.group("mul") and r.kind == "number":
        r.kind, r.unit, r.direction, r.start = "ratio", "x", "more", at("mul")
    if pm.group("div") and r.kind == "number":
        r.kind, r.unit, r.direction, r.start = "ratio", "x", "less", at("div")


def _tail(text: str, r: Reading, g: Grammar, cur_before: bool = False) -> None:
    """Scale, currency, percent, ratio, count unit, period and trailing qualifier after the numeral."""
    end = r.end
    sm = g.scale.match(text, end)
    scale_flag = None
    if sm:
        word = sm.group("g") or sm.group("s")
        if sm.group("g") is None or not (r.digits is False):
            v = g.scale_table.get(word)
            if v is not None and not (sm.group("g") and not r.digits and not sm.group("s")):
                scale_flag = g.scale_flags.get(word) or next(
                    (f for w, f in g.scale_flags.items() if _key(w).lower() == _key(word).lower()), None)
                r.scale = v
                r.scale_end = end = sm.end()
    cm = g.currency_after.match(text, end)
    if cm and r.kind == "money" and cm.group("sub"):
        cm = None
    if cm:
        if cm.group("c"):
            r.kind, r.unit, r.currency_form = "money", g.currency_table.get(cm.group("c")), cm.group("c")
        else:
            base = g.subunit_table.get(cm.group("sub"))
            r.kind, r.unit, r.subunit = "money", base, True
            if base:
                r.value /= 100
                r.precision = None if r.precision is None else r.precision / 100
        end = cm.end()
    if r.kind == "money" and not r.subunit and r.scale == 1.0 and not cur_before:
        end = _cents(text, r, g, end)
    if r.scale != 1.0 and scale_flag is not None and scale_flag.money_only and r.kind != "money" and not cur_before:
        r.scale, end = 1.0, r.end
        r.scale_end = 0
    if r.scale != 1.0:
        r.value *= r.scale
        r.precision = scaled_precision(r.precision, r.scale)
        if r.kind == "number" and sm.group("s") and sm.group("s").isalpha():
            end = _continue_after_scale(text, r, g, end)
    if r.kind == "number":
        pm = g.percent.match(text, end)
        if pm and not (r.end == end and pm.start("pp" if pm.group("pp") else "pc") == end
                       and (pm.group("pp") or pm.group("pc"))[:1].isalpha()):
            r.kind, r.unit = "percent", ("pp" if pm.group("pp") else "percent")
            end = pm.end()
    if r.kind == "number":
        rm = g.ratio.match(text, end)
        if rm and rm.group("tc") and not r.approximate:
            rm = None
        if rm and not (rm.group("t")[:1].isalpha() and rm.start("t") == end and r.digits
                       and rm.group("t").lower() not in ("x",)):
            r.kind, r.unit = "ratio", "x"
            end = rm.end()
            if rm.group("dir"):
                r.direction = g.ratio_dirs.get(rm.group("dir"))
    if r.kind == "number":
        um = g.unit.match(text, end)
        if um and g.lang == "en" and r.value >= 2 and um.group("u").islower() and not um.group("hy") \
                and _key(um.group("u")).lower() + "s" in g.unit_table.lower:
            um = None
        if um and not (um.start("u") == end and r.digits and text[end - 1].isdigit()
                       and um.group("u")[:1].islower()):
            r.kind, r.unit = "count", g.unit_table.get(um.group("u"))
            end = um.end()
    if r.kind in ("money", "percent", "count"):
        pe = g.period.match(text, end)
        if pe:
            r.per = g.period_table.get(pe.group("per"))
            end = pe.end()
    qa = g.qual_after.match(text, end)
    if qa:
        q = g.qual_after_table.get(qa.group("qa"))
        if q == "=":
            r.equal = True
        elif q:
            r.qualifier = q
        end = qa.end()
    if r.approximate and r.qualifier == "=":
        r.qualifier = "~"
    r.end = end




def _cents(text: str, r: Reading, g: Grammar, end: int) -> int:
    """ "3 dollars 50 cents", "treize euros et quarante-cinq cents": the sub-unit adds hundredths."""
    m = g.and_join.match(text, end)
    if not m or m.end() >= len(text) or not text[m.end()].isalnum():
        return end
    got = _numeral_at(text, m.end(), g)
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
    r.value += got[0].value / 100
    r.precision = 0.01
    return stop


_SYMBOL = re.compile(r"(?:[A-Z]{0,2}[$€£¥]|[A-Z]{3})" + SP + r"*")
_WORDS_END = re.compile(r"\S+")


def _continue_after_scale(text: str, r: Reading, g: Grammar, end: int) -> int:
    """ "4 thousand 3 hundred and 21": smaller numerals right after a scale word add to it."""
    limit = r.scale
    while True:
        m = g.and_join.match(text, end)
        if m and not text[m.end():m.end() + 1].isalnum():
            return end
        if not m:
            return end
        got = _numeral_at(text, m.end(), g)
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
            r.value += num.value * v
            r.precision = None
            end, limit = sm.end(), v
            continue
        if stop < len(text) and text[stop].isalnum():
            return end
        r.value += num.value
        r.precision = 1.0
        return stop


def _range(text: str, r: Reading, g: Grammar, lo: int) -> None:
    """Join "entre 5 et 6 millions", "5-6 M$", "$5–6 million", "5 to 6 billion" into one range.

    After a change word ("passé de 10 à 20 euros", "rose from $20 to $22 a month") the two ends stay
    two mentions, the first taking the unit, scale and period written after the second."""
    if r.qualifier not in ("=", "~") or r.kind == "ratio":
        return
    opener = r.opener
    clause = re.split(r"[.;:,]", text[max(lo, r.opener_start - 60):r.opener_start])[-1]
    change = r.governed or bool(opener and opener in g.change_openers and g.change_before.search(clause))
    jm = g.range_join.match(text, r.end)
    j = jm.group("j").strip().lower().replace("’", "'") if jm else ""
    if not jm or (j not in g.free_joiners and not (opener and j in g.range_open.get(opener, ()))) \
            or jm.end() >= len(text):
        _floor(r, g, change)
        return
    p2 = jm.end()
    second, _ = _read_second(text, p2, g, j)
    if second is None:
        _floor(r, g, change)
        return
    if change:
        if second.kind != "ratio" and (r.kind == "number" or (r.kind, r.unit) == (second.kind, second.unit)):
            r.value, r.precision = _share_scale(r, second)
            if r.kind == "number" and second.kind != "number":
                r.kind, r.unit = second.kind, second.unit
            r.per = r.per or second.per
        return
    kind, unit = r.kind, r.unit
    (low, precision), high = _share_scale(r, second), second.value
    if kind == "number" and second.kind != "number":
        kind, unit = second.kind, second.unit
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
    if r.scale == 1.0 and r.word_scale == 1.0 and shared >= 1000 and r.value < shared \
            and r.kind in ("number", "money", "percent", "count"):
        return r.value * shared, scaled_precision(r.precision, shared)
    return r.value, r.precision


def _floor(r: Reading, g: Grammar, change: bool) -> None:
    """ "plans from $20 a month": a floor opener with no second end makes a price with a period ">="."""
    if not change and r.opener in g.floor_openers and r.kind == "money" and r.per and r.qualifier == "=":
        r.qualifier, r.start = ">=", r.opener_start


def _read_second(text: str, p: int, g: Grammar, joiner: str):
    ch = text[p]
    if joiner in ("-", "–", "—") and not (ch.isdigit() or ch in "$€£"):
        return None, p
    lo = p
    m = g.anchor.match(text, p)
    if not m or m.start() != p:
        cm = _SYMBOL.match(text, p)
        if not cm:
            return None, p
        p = cm.end()
        m = g.anchor.match(text, p)
        if not m or not m.group("d"):
            return None, p
    if m.group("d") and text[p] in ".,":
        return None, p
    got, nxt = _read(text, p, g, lo, allow_range=False, second=True)
    if got is None:
        return None, p
    return got, nxt


def _to_mention(text: str, r: Reading, g: Grammar) -> Mention:
    value = r.value
    low = high = None
    if r.qualifier == "range":
        low, high = r.low, r.high
    elif r.qualifier in (">", ">="):
        low = value
    elif r.qualifier in ("<", "<="):
        high = value
    elif r.equal:
        low = high = value
    note = None
    if r.kind == "money" and r.subunit:
        note = (f"written in a sub-unit (cents, pence): value in {r.unit}" if r.unit
                else "amount in a sub-unit (cents, pence): no currency code")
    elif r.kind == "money" and r.currency_form and _key(r.currency_form) in g.ambiguous:
        lo, hi = max(0, r.start - 60), min(len(text), r.end + 60)
        window = text[lo:hi].lower()
        hm = g.hints.search(text, lo, hi) if g.hint_stems.search(window) else None
        if hm:
            found = hm.group().lower()
            other = next((code for phrase, code in g.lex.currencies.hints.items()
                          if found.startswith(phrase.rstrip("*").lower())), None)
            if other and other != r.unit:
                note = f"{r.currency_form.strip()} read as {r.unit}; the text says {hm.group()!r} nearby ({other}?)"
    if r.kind == "ratio" and value is not None and value < 0:
        value = -value
    return Mention(
        text=text[r.start:r.end], start=r.start, end=r.end, value=None if value is None else float(value),
        low=low, high=high, unit=r.unit, kind=r.kind, qualifier=r.qualifier, per=r.per, direction=r.direction,
        precision=r.precision, note=note)


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
        _ratio_qualifier(text, r, g, lo)
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
        _ratio_qualifier(text, r, g, lo)
        return r, r.end
    p = m.end()
    sm = re.compile(SP + r"*").match(text, p)
    p2 = sm.end()
    if p2 < len(text):
        got, nxt = _read(text, p2, g, p2, allow_range=False)
        if got is not None and got.kind == "number":
            got.kind, got.unit, got.start = "percent", "percent", s
            return got, got.end
    return None, m.end()


_TURNED = {">": "<", ">=": "<=", "<": ">", "<=": ">="}


def _ratio_qualifier(text: str, r: Reading, g: Grammar, lo: int) -> None:
    """ "roughly half the cost", "more than twice as much": a qualifier right before a factor word.

    Before a fraction the bound is on the share, so it turns around on the factor: "plus de la
    moitié" is a share above 1/2, a factor below 2 ("<")."""
    if r.qualifier != "=" or r.start == 0:
        return
    pm = g.prefix.match(text[lo:r.start][::-1])
    if pm and pm.group("qual") and not pm.group("cur") and not pm.group("sign"):
        q = g.qual_table.get(pm.group("qual")[::-1])
        if q and q != "=":
            r.qualifier = _TURNED.get(q, q) if r.fraction else q
            r.start -= pm.end("qual")


def find_mentions(text: str, lang: str) -> list[Mention]:
    """Every quantity mention in `text`, sorted by start and non-overlapping."""
    g = grammar(lang)
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
        is_word = w_at < d_at
        if not is_word and s > pos and text[s - 1] in ".," and (s < 2 or not text[s - 2].isdigit()):
            s -= 1
        lo = max(prev_end, s - 64)
        sm = g.special.match(text, s) if is_word else None
        if sm:
            r, nxt = _special(text, sm, g, lo)
        else:
            r, nxt = _read(text, s, g, lo)
        if r is None:
            if nxt < 0:
                version_end = -nxt
                nxt = -nxt
            pos = max(nxt, s + 1)
            continue
        if version_end >= 0 and text[version_end:r.start].strip() == "" and r.kind == "number":
            version_end = r.end
            pos = r.end
            continue
        readings.append(r)
        prev_end = pos = max(r.end, s + 1)
    readings = _merge_bounds(text, readings, g)
    return [_to_mention(text, r, g) for r in readings]


def _merge_bounds(text: str, rs: list[Reading], g: Grammar) -> list[Reading]:
    """"plus de 10 et moins de 40" -> one range [10, 40] when the bounds face each other."""
    out: list[Reading] = []
    for r in rs:
        if out:
            a = out[-1]
            lower = {">", ">="}
            upper = {"<", "<="}
            pair = (a.qualifier in lower and r.qualifier in upper) or (a.qualifier in upper and r.qualifier in lower)
            if pair and a.kind == r.kind and a.unit == r.unit and g.bound_join.match(text[a.end:r.start]):
                lo_r, hi_r = (a, r) if a.qualifier in lower else (r, a)
                if lo_r.value < hi_r.value:
                    a.low, a.high, a.value, a.qualifier = lo_r.value, hi_r.value, None, "range"
                    a.end = r.end
                    continue
        out.append(r)
    return out


def write_mentions(texts: Iterable[str], lang: str, out: TextIO) -> None:
    """One JSON array of mentions per input text, written as each text is read (streams stdin)."""
    for t in texts:
        if t.endswith("\n"):
            t = t[:-1]
        if t.endswith("\r"):
            t = t[:-1]
        out.write(json.dumps([m.model_dump() for m in find_mentions(t, lang)], ensure_ascii=False) + "\n")
        out.flush()
