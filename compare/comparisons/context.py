"""What a figure is about beyond entity and quantity: its period, market and tier, read from its sentence.

Two figures are compared only when every one of these that both state is the same; a figure that
states none is compatible with any (an analyst compares "revenue of $3.7bn" with "2024 revenue of
$3.7bn"). A forecast is never compared with a reported figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from compare.comparability import Comparability

YEAR = re.compile(r"(?<![\w.,])(?:FY\s?)?((?:19[89]|20[0-4])\d)(?![\w%]|[.,]\d)")
QUARTER = re.compile(r"(?<!\w)(?:Q([1-4])|T([1-4])|H([12])|S([12])|([1-4])(?:st|nd|rd|th) quarter|"
                     r"(premier|deuxième|second|troisième|quatrième) trimestre|(first|second|third|fourth) quarter)(?!\w)")
QUARTER_WORDS = {"premier": 1, "first": 1, "deuxième": 2, "second": 2, "troisième": 3, "third": 3,
                 "quatrième": 4, "fourth": 4}
MONTHS = {m: i for i, names in enumerate([
    ("January", "janvier"), ("February", "février"), ("March", "mars"), ("April", "avril"), ("May", "mai"),
    ("June", "juin"), ("July", "juillet"), ("August", "août"), ("September", "septembre"),
    ("October", "octobre"), ("November", "novembre"), ("December", "décembre")], start=1) for m in names}
MONTH = re.compile(r"(?<!\w)(" + "|".join(MONTHS) + r")(?!\w)")
MONTH_CUE = re.compile(r"(?:\b(?:in|en|since|depuis|of|de|le \d{1,2}|on)\s+|d[’'])$")
EVENT = re.compile(r"(?<!\w)(?:Series|série|serie|round|tour)\s+([A-H])(?!\w)|(?<!\w)(IPO|seed round|"
                   r"introduction en bourse|tour d['’]amorçage)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Context:
    """What a figure's sentence says about when, where and which plan."""

    year: Optional[str] = None
    part: Optional[str] = None       # Q1, H2, April...
    event: Optional[str] = None      # Series C, IPO
    forecast: bool = False
    market: Optional[str] = None
    tier: Optional[str] = None

    @property
    def period(self) -> str:
        text = " ".join(x for x in (self.part, self.year, self.event) if x)
        return (text + " forecast" if self.forecast else text) or ("forecast" if self.forecast else "")

    def describe(self) -> str:
        parts = [self.period or None, f"market {self.market}" if self.market else None,
                 f"tier {self.tier}" if self.tier else None]
        return ", ".join(p for p in parts if p)


NONE = Context()
_SEEN: dict[Context, Context] = {}  # one object per distinct context: a corpus has few, and figures by the 100,000


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): cut at ; : — ( ) and at a comma followed by a space."""
    left = max(sentence.rfind(sep, 0, start) for sep in (", ", "; ", ": ", " — ", " – ", "(", ")"))
    rights = [i for i in (sentence.find(sep, end) for sep in (", ", "; ", ": ", " — ", " – ", "(", ")")) if i >= 0]
    return (0 if left < 0 else left + 1), (min(rights) if rights else len(sentence))


def _nearest(matches: list[tuple[int, str]], start: int, end: int, lo: int, hi: int) -> Optional[str]:
    """The match inside the clause [lo, hi) nearest the figure, else the nearest in the sentence."""
    if not matches:
        return None
    inside = [m for m in matches if lo <= m[0] < hi]
    pool = inside or matches
    return min(pool, key=lambda m: (min(abs(m[0] - start), abs(m[0] - end)), m[0]))[1]


@lru_cache(maxsize=64)
def _word_pattern(words: tuple[str, ...], case: bool) -> Optional[re.Pattern]:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)", 0 if case else re.IGNORECASE)


@lru_cache(maxsize=8)
def _market_table(markets: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern, dict[str, str]]:
    owner = {w.casefold(): name for name, words in markets for w in words}
    return _word_pattern(tuple(w for _, words in markets for w in words), True), owner


def read_context(sentence: str, start: int, end: int, quantity: str, entity: str,
                 settings: Comparability) -> Context:
    """The context of the figure at sentence[start:end] (offsets inside the sentence)."""
    if not sentence or start < 0:
        return NONE
    lo, hi = _clause(sentence, start, end)
    outside = [(m.start(), m.group(1)) for m in YEAR.finditer(sentence) if m.end() <= start or m.start() >= end]
    year = _nearest(outside, start, end, lo, hi)
    parts = []
    for m in QUARTER.finditer(sentence):
        if lo <= m.start() < hi:
            g = m.groups()
            n = g[0] or g[1] or g[4] or QUARTER_WORDS.get((g[5] or g[6] or "").lower())
            parts.append((m.start(), f"Q{n}" if n else f"H{g[2] or g[3]}"))
    for m in MONTH.finditer(sentence):
        if lo <= m.start() < hi and (MONTH_CUE.search(sentence[max(0, m.start() - 12):m.start()])
                                     or YEAR.match(sentence, m.end() + 1)):
            parts.append((m.start(), list(MONTHS)[MONTHS[m.group(1)] * 2 - 2]))
    part = _nearest(parts, start, end, lo, hi)
    events = [(m.start(), ("Series " + m.group(1).upper()) if m.group(1) else m.group(2).upper()
               if m.group(2).lower() == "ipo" else m.group(2).lower()) for m in EVENT.finditer(sentence)]
    event = _nearest(events, start, end, lo, hi)
    fc = _word_pattern(tuple(settings.forecast_words), False)
    forecast = bool(fc and fc.search(sentence, lo, hi))
    market = tier = None
    if quantity in settings.price_quantities:
        pattern, owner = _market_table(tuple((k, tuple(v)) for k, v in sorted(settings.markets.items())))
        if pattern:
            found = [(m.start(), owner[m.group().casefold()]) for m in pattern.finditer(sentence)]
            market = _nearest(found, start, end, lo, hi)
        tiers = [t for t in settings.tiers if not re.search(r"(?<!\w)" + re.escape(t) + r"(?!\w)", entity)]
        tp = _word_pattern(tuple(tiers), True)
        if tp:
            tier = _nearest([(m.start(), m.group()) for m in tp.finditer(sentence)], start, end, lo, hi)
    found = Context(year=year, part=part, event=event, forecast=forecast, market=market, tier=tier)
    return _SEEN.setdefault(found, found)


def difference(a: Context, b: Context) -> Optional[str]:
    """Why two contexts are not comparable ("different period: 2024 vs 2025 forecast"), or None."""
    if a.forecast != b.forecast or any(x and y and x != y for x, y in ((a.year, b.year), (a.part, b.part),
                                                                        (a.event, b.event))):
        return f"different period: {a.period or 'reported'} vs {b.period or 'reported'}"
    if a.market and b.market and a.market != b.market:
        return f"different market: {a.market} vs {b.market}"
    if a.tier and b.tier and a.tier != b.tier:
        return f"different tier: {a.tier} vs {b.tier}"
    return None


def shared(a: Context, b: Context) -> str:
    """What two comparable contexts have in common, for the reason: "period 2024, market US"."""
    both = Context(year=a.year if a.year == b.year else None, part=a.part if a.part == b.part else None,
                   event=a.event if a.event == b.event else None, forecast=a.forecast and b.forecast,
                   market=a.market if a.market == b.market else None, tier=a.tier if a.tier == b.tier else None)
    return both.describe()
