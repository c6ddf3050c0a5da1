"""The grammar of one language: its vocabulary (compare/lang/LANG/*.yaml) compiled into regexes
and lookup tables, once, for the reader (compare/quantities/reader.py).

Phrases become regexes through compare.phrases (the GRAMMAR style); the words before a number
are matched on the reversed text, so their regexes are built reversed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from compare.lexicon import Lexicon, RatioPhrase, load_lexicon
from compare.numbers import word_tables
from compare.phrases import SP, alternation, atoms, is_case_sensitive, lookup_key, phrase_regex, trie

_TIME = re.compile(r"(?:[:hH]\d{2}(?!\d)|h(?![^\W\d_])|" + SP + r"?h" + SP + r"?\d{2}(?!\d))")
# What may stand right before a number word: spaces, ASCII punctuation but "-" and "_", quotes, dashes.
_WORD_SEPARATORS = r"[\s!-,./:-@\[-\^`{-~“”„«»‘’‚–—…·¿¡€£¥×°§•]"



class Table:
    """Phrase -> value lookup that tolerates case, apostrophe and spacing differences."""

    def __init__(self, mapping: dict, case: Optional[bool] = None):
        self.exact: dict[str, Any] = {}
        self.lower: dict[str, Any] = {}
        self.written: dict[str, Any] = {}
        self.seen: dict[str, Any] = {}
        for phrase, value in mapping.items():
            if not is_case_sensitive(phrase, case):
                self.written.setdefault(phrase.lower(), value)
            k = lookup_key(phrase)
            if is_case_sensitive(phrase, case):
                self.exact.setdefault(k, value)
            else:
                self.lower.setdefault(k.lower(), value)
                self.exact.setdefault(k, value)

    def get(self, text: str):
        found = self.written.get(text)
        if found is not None:
            return found
        try:
            return self.seen[text]
        except KeyError:
            pass
        k = lookup_key(text)
        found = self.exact[k] if k in self.exact else self.lower.get(k.lower())
        if len(self.seen) < 4096:  # the spellings met in texts: case and spacing variants of the phrases
            self.seen[text] = found
        return found


@dataclass(frozen=True)
class Grammar:
    """Compiled regexes and lookup tables of one language."""

    lang: str
    lex: Lexicon
    digit_anchor: re.Pattern
    word_anchor: re.Pattern
    word_scan: re.Pattern
    special: re.Pattern
    prefix: re.Pattern
    article: re.Pattern
    scale: re.Pattern
    scale_table: Table
    scale_flags: dict
    scale_flags_by_key: dict  # lookup_key(word).lower() -> the first scale written so
    currency_after: re.Pattern
    currency_table: Table
    ambiguous: frozenset
    subunits: frozenset
    hints: re.Pattern
    percent: re.Pattern
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
    public_words: re.Pattern  # "Canadian government", "Canadian Sovereign": the hint's dollar
    and_join: re.Pattern
    ratio_phrases: Table
    subunit_table: Table
    floor_openers: frozenset
    change_openers: frozenset
    change_before: re.Pattern  # a change word anywhere earlier in the clause: "raised the price of X from $20 to $22"
    whole: frozenset  # count units of whole things ("4.096 GPUs" is 4096)
    thresholds: frozenset  # "le cap des": the qualifier is the verb's before it (threshold_verb)
    threshold_verb: re.Pattern
    shared_signs: dict  # "¥" -> [(code, regex of the words that choose it)]
    vague_only: re.Pattern  # an anchor that starts only a vague amount ("plusieurs", "tens"): no number without one
    vague_several: re.Pattern  # on the reversed text before an order or a scale: "several", "plusieurs"
    vague_scales: Table  # "millions" -> 1e6 in "hundreds of millions"
    vague_plural: frozenset  # the plural scales, vague alone ("billions of dollars")
    vague_orders: Table  # "hundreds" -> 100
    glued_currency: re.Pattern  # on the reversed text: a currency written against the digits, "Rmb50bn", "元500"
    loose_unit: Optional[re.Pattern]  # "485,000 high-performance computing chips": a few words before a chip noun
    coordinate: re.Pattern  # the whole gap between coordinated figures: "10 et 5 milliards", "3, 8 et 16 dollars"


def _vague_regex(lex: Lexicon) -> str:
    """ "hundreds of millions", "tens or hundreds of millions", "plusieurs dizaines de milliards",
    "several billion": an order of magnitude without a figure (a singular scale only after "several")."""
    v = lex.numbers.vague
    if not v.scales:
        return r"(?P<v>(?!x)x)"
    orders = alternation(v.orders)
    order_part = (r"(?:(?P<vm>" + orders + r")(?:" + SP + r"+(?:" + alternation(v.alternatives) + r")" + SP + r"+(?P<vm2>"
                  + orders + r"))?" + SP + r"+(?:" + alternation(lex.scales.connectors) + r")" + SP + r"*)?") if v.orders else ""
    # "several", "plusieurs" are found looking back from the order or scale (few anchors in plain text)
    return r"(?P<v>" + order_part + r"(?P<vs>" + alternation(list(v.scales) + list(v.singular)) + r"))(?!\w)"


def _by_key(mapping: dict) -> dict:
    """{lookup_key(phrase).lower(): value}, the first phrase of the mapping winning."""
    out: dict = {}
    for phrase, value in mapping.items():
        out.setdefault(lookup_key(phrase).lower(), value)
    return out


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar of `lang`, built once from its lexicon."""
    lex = load_lexicon(lang)
    words = word_tables(lang)
    IGNORE = re.IGNORECASE
    fold = dict(lex.ratios.fold)
    half = list(lex.ratios.half_less) + list(lex.ratios.phrases)
    pct_before = list(lex.percents.before)
    vague = lex.numbers.vague
    starters = (set(words.all_words) - set(words.articles)) | set(half) | set(fold) | set(pct_before) \
        | set(vague.orders) | set(vague.scales)
    variants = {v for w in starters for v in (w.lower(), w[:1].upper() + w[1:].lower(), w.upper())}
    firsts = "[" + "".join(sorted({re.escape(v[0]) for v in variants})) + "]"
    # \b first: the regex engine rejects positions inside words before trying the trie.
    start = r"\b(?=" + firsts + r")(?<![\-‑])" if all(v[0].isalnum() for v in variants) \
        else r"(?=" + firsts + r")(?<![\w\-‑])"
    word_trie = trie([atoms(v)[1:] if atoms(v)[0] == r"(?<!\w)" else atoms(v) for v in variants])
    word_anchor = re.compile(start + word_trie)
    # The scan looks for a separator followed by a word: a pattern led by a character class is skipped
    # through in C, about a third faster than testing a word boundary at every position.
    word_scan = re.compile(_WORD_SEPARATORS + word_trie)
    special = re.compile(_vague_regex(lex) + r"|(?P<h>" + alternation(half) + r")|(?P<f>" + alternation(fold) + r")|(?P<p>"
                         + alternation(pct_before) + r")", IGNORE)

    cur_before: dict[str, str] = {}
    cur_after: dict[str, str] = {}
    ambiguous: set[str] = set()
    for c in lex.currencies.currencies:
        for form in c.before:
            cur_before.setdefault(form, c.code)
        for form in c.after:
            cur_after.setdefault(form, c.code)
        if c.ambiguous:
            ambiguous.update(c.before + c.after)
    subunits = list(lex.currencies.subunits)
    qual_before = dict(lex.qualifiers.before)
    qual_before.update({t: "=" for t in lex.qualifiers.thresholds if t not in qual_before})
    changes = lex.change_words
    change_words_rev = alternation(changes.words, reverse=True)
    adjacent_rev = alternation(changes.adjacent, reverse=True)
    opens_rev = alternation(lex.qualifiers.range_open, reverse=True)
    negative_rev = alternation(lex.numbers.negative, reverse=True)
    # Reversed text before the number: sign, currency, qualifier, then a change phrase or a range opener.
    prefix = re.compile(
        r"(?:(?P<sign>[+\-−])(?![\w.,]))?" + SP + r"*"
        r"(?:(?P<cur>" + alternation(cur_before, reverse=True) + r")(?:(?P<sign2>[+\-−])(?![\w.,]))?" + SP + r"*)?"
        r"(?:(?P<neg>" + negative_rev + r")" + SP + r"+)?"
        # a qualifier behind quotes or brackets still counts: "« au moins » 200 milliards"
        r"(?:(?:[»”\"’)\]]" + SP + r"*)?(?P<qual>" + alternation(qual_before, reverse=True) + r")" + SP + r"*)?"
        r"(?:(?P<chg>" + r"(?:" + alternation(changes.governing, reverse=True) + r")(?:" + SP + r"+[\w’'\-]+){0,3}?"
        + SP + r"+(?:" + change_words_rev + r")|" + adjacent_rev + r")|(?P<chgd>" + change_words_rev + r")"
        r"|(?P<open>" + opens_rev + r")|(?P<mul>" + alternation(lex.ratios.multiplied_by, reverse=True) + r")"
        r"|(?P<div>" + alternation(lex.ratios.divided_by, reverse=True) + r"))?", IGNORE)
    articles = lex.numbers.articles + lex.numbers.scale_articles
    article = re.compile(SP + r"+(?P<art>" + alternation(articles, reverse=True, case=False) + r")", IGNORE)

    scale_words: dict[str, float] = {}
    scale_flags: dict[str, Any] = {}  # word -> its scales.yaml record
    glued: list[tuple[str, bool]] = []
    spaced: list[tuple[str, bool]] = []
    for s in lex.scales.scales:
        for w in s.words:
            scale_words.setdefault(w, s.value)
            scale_flags.setdefault(w, s)
            (glued if s.glued else []).append((w, s.case))
            (spaced if s.spaced else []).append((w, s.case))

    # "$2-billion", "$1.2-billion": a hyphen may join a scale word too.
    scale = re.compile(r"(?:(?P<g>" + alternation(glued, glued=True) + r")|(?:" + SP + r"+|[-‑](?=[^\W\d_]{2}))(?P<s>"
                       + alternation(spaced) + r"))(?![^\W\d_])", IGNORE)
    connectors = alternation(lex.scales.connectors)
    currency_after = re.compile(SP + r"*(?:(?:" + connectors + r")" + SP + r"*)?(?:(?P<sub>" + alternation(subunits)
                                + r")(?![^\W\d_])|(?P<c>" + alternation(cur_after, glued=True)
                                + r"))(?![^\W\d_])", IGNORE)
    hints = lex.currencies.hints
    percent = re.compile(SP + r"*(?:(?P<pp>" + alternation(lex.percents.points) + r")|(?P<pc>"
            + alternation(lex.percents.percent) + r"))", IGNORE)
    times = alternation(lex.ratios.times, glued=True)
    tc = lex.ratios.times_connectors
    ratio = re.compile(SP + r"*" + (r"(?:(?P<tc>" + alternation(tc) + r")" + SP + r"*)?" if tc else r"(?P<tc>(?!x)x)?")
                       + r"(?P<t>" + times + r")(?!" + SP + r"*\d)(?:" + SP + r"+(?P<dir>"
                       + alternation(lex.ratios.directions) + r"))?", IGNORE)
    unit = re.compile(r"(?P<hy>[-‑](?=[^\W\d_]))?" + SP + r"*(?:(?:" + connectors + r")" + SP + r"*)?" + lex.units.prefix
            + r"(?P<u>"
                      + alternation(lex.unit_phrases) + r")", IGNORE)
    not_after = r"(?!" + SP + r"+(?:" + alternation(lex.periods.not_after) + r"))" if lex.periods.not_after else ""
    period = re.compile(SP + r"*,?" + SP + r"*(?:(?:" + alternation(lex.periods.skip) + r")" + SP + r"*)?(?P<per>"
                        + alternation(lex.period_phrases) + r")" + not_after, IGNORE)
    qual_after = re.compile(SP + r"*,?" + SP + r"*(?P<qa>" + alternation(lex.qualifiers.after) + r")(?!" + SP
                            + r"*(?:\d|(?:than|que|qu[’']|de|d[’']|à|to)(?!\w)))", IGNORE)
    change_after = re.compile(SP + r"*(?P<ca>" + alternation(changes.after) + r")", IGNORE)
    joiners = set(lex.qualifiers.range_joiners)
    for closers in lex.qualifiers.range_open.values():
        joiners.update(closers)
    range_join = re.compile(SP + r"*(?P<j>" + alternation(joiners) + r")" + SP + r"*", IGNORE)
    bound_join = re.compile(SP + r"*(?:" + alternation(lex.qualifiers.bound_joiners) + r")" + SP + r"*\Z", IGNORE)
    months = lex.dates.months
    date_after = re.compile(r"(?:" + alternation(lex.dates.ordinal_suffixes) + r")?" + SP + r"+(?:" + alternation(months)
            + r")", IGNORE)
    ordinal = re.compile(r"(?:" + "|".join(re.escape(s) for s in sorted(lex.dates.ordinal_suffixes, key=len, reverse=True))
                         + r")(?![^\W\d_])")
    time_after = re.compile(SP + r"*(?:" + alternation(lex.dates.time_suffixes) + r")", IGNORE)
    clock = re.compile(_TIME.pattern + r"|(?i:" + time_after.pattern + r")")
    change_up = re.compile(r"(?P<up>" + alternation([w for w, d in changes.words.items() if d == "up"])
                           + r")|(?P<down>" + alternation([w for w, d in changes.words.items() if d == "down"]) + r")", IGNORE)
    loose_unit = None
    if lex.units.loose and lex.units.loose_words:
        nouns = [p for p, u in lex.unit_phrases.items() if u in lex.units.loose]
        stop = r"(?!(?:" + alternation(lex.units.stop) + r")(?![\w’'\-]))" if lex.units.stop else ""
        loose_unit = re.compile(r"(?P<hy>(?!x)x)?" + SP + r"*(?:(?:" + connectors + r")" + SP + r"*)?(?:" + stop
                + r"[^\W\d_][\w’'\-]*" + SP
                                + r"+){1," + str(lex.units.loose_words) + r"}(?P<u>" + alternation(nouns)
                                        + r")(?![\w\-])", IGNORE)
    return Grammar(
        lang=lang, lex=lex, digit_anchor=re.compile(r"\d"), word_anchor=word_anchor, word_scan=word_scan,
        special=special, prefix=prefix, article=article,
        scale=scale, scale_table=Table(scale_words, case=None), scale_flags=scale_flags,
        scale_flags_by_key=_by_key(scale_flags),
        currency_after=currency_after, currency_table=Table({**cur_after, **cur_before}),
        ambiguous=frozenset(lookup_key(a) for a in ambiguous), subunits=frozenset(s.lower() for s in subunits),
        hints=re.compile(alternation(hints), IGNORE),
        percent=percent,
        ratio=ratio, ratio_dirs=Table(dict(lex.ratios.directions)), fold_table=Table(fold),
        unit=unit, unit_table=Table(lex.unit_phrases),
        period=period, period_table=Table(lex.period_phrases),
        qual_after=qual_after, qual_table=Table(qual_before), qual_after_table=Table(dict(lex.qualifiers.after)),
        change_after=change_after, change_after_table=Table(dict(changes.after)), change_up=change_up,
        range_join=range_join, range_open={lookup_key(k).lower(): {lookup_key(c).lower() for c in v}
                                           for k, v in lex.qualifiers.range_open.items()},
        bound_join=bound_join, date_after=date_after, ordinal=ordinal, time_after=time_after, clock=clock,
        months=frozenset(m.lower() for m in months), weekdays=frozenset(w.lower() for w in lex.dates.weekdays),
        references=frozenset(r.lower() for r in lex.dates.references),
        negative=re.compile(alternation(lex.numbers.negative), IGNORE),
        not_names=frozenset(w.lower() for w in lex.dates.not_names),
        ratio_direction=re.compile(SP + r"+(?P<dir>" + alternation(lex.ratios.directions) + r")", IGNORE),
        free_joiners=frozenset(j.lower() for j in lex.qualifiers.range_joiners),
        public_words=re.compile(r"(?:" + alternation(hints) + r")" + SP + r"+(?:[\w'’-]+" + SP + r"+)?(?:"
                                + phrase_regex(list(lex.currencies.public)) + r")" if lex.currencies.public and hints
                                else r"(?!x)x", IGNORE),
        hint_stems=re.compile("|".join(re.escape(h) for h in sorted({h.rstrip("*").lower() for h in hints})) or r"(?!x)x"),
        and_join=re.compile(SP + r"+(?:(?:" + alternation(lex.numbers.joiners) + r")" + SP + r"+)?", IGNORE),
        ratio_phrases=Table({**{p: RatioPhrase(factor=2, direction="less", keep=k) for p, k in lex.ratios.half_less.items()},
                             **lex.ratios.phrases}),
        subunit_table=Table(dict(lex.currencies.subunits)),
        floor_openers=frozenset(lookup_key(o).lower() for o in lex.qualifiers.floor_openers),
        change_openers=frozenset(lookup_key(o).lower() for o in lex.qualifiers.change_openers),
        change_before=re.compile(phrase_regex(lex.qualifiers.not_range_after), IGNORE),
        whole=frozenset(lex.units.whole),
        thresholds=frozenset(lookup_key(t).lower() for t in lex.qualifiers.thresholds),
        threshold_verb=re.compile(phrase_regex(list(lex.qualifiers.threshold_verbs)), IGNORE),
        shared_signs={sign.strip(): [(code, re.compile(phrase_regex(words))) for code, words in by_code.items()]
                      for sign, by_code in lex.currencies.shared.items()},
        vague_only=re.compile(alternation(set(vague.orders) - set(words.all_words)), IGNORE),
        vague_several=re.compile(r"(?:" + SP + r"+|(?<=\W))(?:" + alternation(vague.several, reverse=True) + r")", IGNORE),
        vague_plural=frozenset(w.lower() for w in vague.scales),
        vague_scales=Table({**lex.numbers.vague.scales, **lex.numbers.vague.singular}),
        vague_orders=Table(dict(lex.numbers.vague.orders)),
        glued_currency=re.compile(r"(?:" + alternation([f for f in cur_before if f[-1:].isalnum()], reverse=True)
                                  + r")(?!\w)", IGNORE),
        loose_unit=loose_unit,
        coordinate=re.compile(SP + r"*(?:,|(?:," + SP + r"*)?(?:" + alternation([c for c in lex.qualifiers.coordinators
                                                                                  if c.strip() != ","])
                              + r"))" + SP + r"*\Z", IGNORE),
    )

