"""Which quantity a number measures, from the cue words around it in its sentence.

Each quantity of the rules lists cue words per language. Among the quantities that accept the
number's measure (money, percent, ratio, or a count in one of its units), the one whose cue
stands closest to the number wins; explicit `patterns` win over cues. Non-target quantities
compete too, so "shares fell 17 %" goes to the stock move, not to a price change.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Optional

from compare.models import Mention
from compare.phrases import phrase_regex
from compare.rules.model import Quantity, RuleSet
from compare.vocab import attribution_vocab

# A cue inside the number's own span (a period such as "par mois") is weaker evidence than a
# word next to it: it counts as this many characters away.
INSIDE_DISTANCE = 6

WEAK_PENALTY = 60
CLAUSE_PENALTY = 40
_CLAUSE_BREAK = re.compile(r"[,;:()–—]|\s-\s")

# "spent $5.6M to train V3", "5,6 millions pour entraîner": a cue reached from the number through
# a purpose word says what the money was for, and beats a generic verb before the number.
_PURPOSE = re.compile(r"^[\s,]*(?:pour|afin\s+d[e’']|to|for|in\s+order\s+to)(?:\s+(?:son|sa|ses|leur|leurs|its|their|the|le|la|les|l’|l'))?\s*$",
                      re.IGNORECASE)


@dataclass(frozen=True)
class CueHit:
    start: int
    end: int
    quantity: str
    cue: str
    pattern: bool = False
    weak: bool = False


@dataclass(frozen=True)
class Choice:
    quantity: Quantity
    cue: Optional[CueHit]
    how: str  # cue | pattern | unit


@dataclass(frozen=True)
class CueMatcher:
    """Compiled cue regexes per language and quantity; pure and picklable."""

    quantities: tuple
    cue_res: dict  # (lang, quantity id) -> compiled
    weak_res: dict  # (lang, quantity id) -> compiled
    pattern_res: dict  # quantity id -> tuple of (lang or None, compiled)

    def find(self, text: str, lang: str, start: int = 0, end: Optional[int] = None) -> list[CueHit]:
        end = len(text) if end is None else end
        hits: list[CueHit] = []
        for q in self.quantities:
            rx = self.cue_res.get((lang, q.id))
            if rx is not None:
                for m in rx.finditer(text, start, end):
                    hits.append(CueHit(m.start(), m.end(), q.id, m.group()))
            wrx = self.weak_res.get((lang, q.id))
            if wrx is not None:
                for m in wrx.finditer(text, start, end):
                    hits.append(CueHit(m.start(), m.end(), q.id, m.group(), weak=True))
            for plang, prx in self.pattern_res.get(q.id, ()):
                if plang in (None, lang):
                    for m in prx.finditer(text, start, end):
                        hits.append(CueHit(m.start(), m.end(), q.id, m.group(), pattern=True))
        return hits


def compile_cues(rules: RuleSet) -> CueMatcher:
    cue_res = {}
    weak_res = {}
    pattern_res = {}
    for q in rules.quantities:
        for lang, words in q.cues.items():
            if words:
                cue_res[(lang, q.id)] = re.compile(phrase_regex(words), re.IGNORECASE)
        for lang, words in q.weak_cues.items():
            if words:
                weak_res[(lang, q.id)] = re.compile(phrase_regex(words), re.IGNORECASE)
        pattern_res[q.id] = tuple((p.lang, re.compile(p.regex, re.IGNORECASE)) for p in q.patterns)
    return CueMatcher(tuple(rules.quantities), cue_res, weak_res, pattern_res)


def accepts(q: Quantity, m: Mention) -> bool:
    """Whether quantity `q` can measure mention `m` (its kind, and its unit for counts)."""
    if m.kind == "count":
        return "count" in q.measures and m.unit in q.units
    return m.kind in q.measures


@lru_cache(maxsize=None)
def _temporal(lang: str) -> re.Pattern:
    return re.compile(phrase_regex(attribution_vocab(lang).temporal_markers), re.IGNORECASE)


def distance(hit: CueHit, m: Mention, text: str = "", lang: Optional[str] = None) -> int:
    """How far a cue stands from the number, in characters, with the penalties that make a cue weaker:
    a generic (weak) cue, a cue in another clause (across a comma, a dash, a parenthesis)."""
    if hit.end <= m.start:
        d, between = m.start - hit.end, text[hit.end:m.start]
    elif hit.start >= m.end:
        between = text[m.end:hit.start]
        d = 0 if text and _PURPOSE.match(between) else hit.start - m.end
    else:
        d, between = INSIDE_DISTANCE, ""
    if hit.weak:
        d += WEAK_PENALTY
    if _CLAUSE_BREAK.search(between) or (lang and hit.start >= m.end and _temporal(lang).search(between)):
        d += CLAUSE_PENALTY
    return d


def choose_quantity(m: Mention, cues: list[CueHit], matcher: CueMatcher, text: str = "",
                    lang: Optional[str] = None) -> Optional[Choice]:
    """The quantity whose cue is nearest to `m`, among those that accept it; None if no cue fits."""
    candidates = [q for q in matcher.quantities if accepts(q, m)]
    if not candidates:
        return None
    order = {q.id: i for i, q in enumerate(matcher.quantities)}
    by_id = {q.id: q for q in candidates}
    fitting = [h for h in cues if h.quantity in by_id]
    patterns = [h for h in fitting if h.pattern and distance(h, m, text, lang) <= INSIDE_DISTANCE]
    if patterns:
        best = min(patterns, key=lambda h: (distance(h, m, text, lang), order[h.quantity]))
        return Choice(by_id[best.quantity], best, "pattern")
    if m.kind == "count":
        with_unit = [q for q in candidates if m.unit in q.units]
        if len(with_unit) == 1:
            return Choice(with_unit[0], None, "unit")
    if fitting:
        best = min(fitting, key=lambda h: (distance(h, m, text, lang), -len(h.cue), order[h.quantity]))
        return Choice(by_id[best.quantity], best, "cue")
    return None
