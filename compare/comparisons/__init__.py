"""Claims side by side: the same figure across sources, ratios between entities, stated ratios checked.

Every figure becomes the interval its digits and qualifier imply (compare.intervals), money is
converted to one currency at the dated rate of the rules (rates), entities are mapped through
`refers_to` (figures), and each figure carries what its sentence says of its period, market and
tier (context). Comparisons come out as (verdicts):

- `across_sources`: one entity and quantity in two articles, or in an article and a reference:
  `agree`, `close`, `disagree`, `unverifiable` (no rate), or `not comparable` (different period,
  market, tier, per or unit: listed, never a disagreement).
- `entity_ratio`: one quantity between two entities the articles set against each other (a stated
  ratio, one sentence, a comparison frame) or that the rules list: verdict `computed`.
- `stated_ratio`: a ratio a text states against the ratio the figures imply.

`compare_all` also gives each claim its reference check and its value in the common currency,
which the workbook shows as they are (it never matches claims to references itself).
"""
from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Optional, Sequence

from compare.comparability import Comparability
from compare.comparisons.compact import compact
from compare.comparisons.figures import Figure, Setup, claim_figure, is_money, reference_figure, resolve
from compare.comparisons.rates import convert, find_rate
from compare.comparisons.verdicts import (NOT_COMPARABLE, across, dim, entity_ratio, per_factor, stated,
                                          unlike)
from compare.models import Claim, Comparison

__all__ = ["compare_claims", "compare_all", "Compared", "ReferenceCheck", "load_references", "resolve_entity",
           "convert", "find_rate", "comparability", "NOT_COMPARABLE"]

KIND_ORDER = {"across_sources": 0, "entity_ratio": 1, "stated_ratio": 2}
# Up to this many claims of one entity and quantity are compared pair by pair across articles;
# beyond it, each claim is compared with the group's median claim, so a corpus of 100,000 claims
# gives a number of comparisons that grows with the claims, not with their square.
MAX_PAIRWISE = 40
FRAME_REACH = 40  # a comparison word this close to the start of the next sentence frames the two


def load_references(paths, rules=None):
    """Reference figures from YAML files (compare.references.load_references)."""
    from compare.references import load_references as load
    return load(paths, rules)


@dataclass(frozen=True)
class ReferenceCheck:
    """A claim checked against the primary-source figure for its entity and quantity."""

    claim: str
    reference: Any           # the Reference
    gap: Optional[float]     # claim / reference - 1, both in the common currency and the reference's per
    verdict: str
    comparison: str
    reason: str


@dataclass(frozen=True)
class Compared:
    """Everything the comparisons give: the comparisons, each claim's reference check, and each
    money claim's value in the common currency with the rates used."""

    comparisons: list[Comparison]
    checks: dict[str, ReferenceCheck] = field(default_factory=dict)
    common: dict[str, float] = field(default_factory=dict)
    currency: str = "USD"
    rates_used: tuple[str, ...] = ()


def comparability(settings) -> Comparability:
    """The comparability settings of the rules (`settings: comparable:`)."""
    return settings.comparable


def resolve_entity(name: str, rules) -> str:
    """The entity whose figures stand for `name`, following `refers_to` (cycles stop where they loop)."""
    return resolve(name, {e.name: e.refers_to for e in rules.entities if e.refers_to})


def _setup(rules, dates: Mapping[str, str]) -> Setup:
    return Setup(refers={e.name: e.refers_to for e in rules.entities if e.refers_to}, rates=rules.rates,
                 settings=rules.settings, comparable=comparability(rules.settings),
                 dates=dates, kinds={e.name: e.kind for e in rules.entities})


def _group_key(f: Figure) -> tuple:
    """Figures with the same key are about the same thing of the same entity (context decides the rest)."""
    if f.is_ratio:
        return (f.entity, f.quantity, "x", f.versus or "", "less" if f.direction in ("less", "down") else "more")
    if f.unit == "percent":
        return (f.entity, f.quantity, "percent", f.direction or "")
    return (f.entity, f.quantity, "amount")


def _central_of(f: Figure) -> float:
    lo, hi = f.interval.low, f.interval.high
    if f.value is not None:
        return f.value
    return lo if hi is None else hi if lo is None else (lo + hi) / 2


def _source_pairs(cl: list[Figure]) -> list[tuple[Figure, Figure]]:
    """The pairs of claims (from different articles) to set side by side in one group."""
    if len(cl) <= MAX_PAIRWISE:
        return [(a, b) for a, b in itertools.combinations(cl, 2) if a.article != b.article]
    ranked = sorted(cl, key=lambda f: (_central_of(f), f.id))
    median = ranked[len(ranked) // 2]
    return [(median, f) for f in cl if f.article != median.article]


def _share_periods(cfigs: list[Figure]) -> list[Figure]:
    """A figure an article repeats (a headline restating the body) takes the period the article gives it
    elsewhere, when it states none itself and the article gives it only one."""
    periods: dict[tuple, set] = {}
    for f in cfigs:
        if f.context.period:
            periods.setdefault((f.article, f.entity, f.quantity, f.value, f.unit), set()).add(f.context)
    out = []
    for f in cfigs:
        known = periods.get((f.article, f.entity, f.quantity, f.value, f.unit), set())
        if not f.context.period and len(known) == 1:
            given = next(iter(known))
            f = dataclasses.replace(f, context=dataclasses.replace(
                f.context, year=given.year, part=given.part, event=given.event, forecast=given.forecast))
        out.append(f)
    return out


def _set_against(cfigs: Sequence[Figure], comparable: Comparability) -> set[frozenset]:
    """Entity pairs the articles set against each other: stated ratios, one sentence, a comparison
    frame across two adjacent sentences, and the pairs the rules list."""
    pairs = {frozenset(p) for p in comparable.entity_ratios if len(set(p)) == 2}
    pairs |= {frozenset((f.entity, f.versus)) for f in cfigs if f.is_ratio and f.versus and f.versus != f.entity}
    by_sentence: dict[tuple, set[str]] = {}
    for f in cfigs:
        by_sentence.setdefault(f.sentence[:2], set()).add(f.entity)
    words = tuple(w.casefold() for w in comparable.comparison_words)
    texts = {f.sentence[:2]: f.sentence[2] for f in cfigs}
    keys = sorted(by_sentence)
    for i, key in enumerate(keys):
        names = set(by_sentence[key])
        nxt = keys[i + 1] if i + 1 < len(keys) else None
        if nxt and nxt[0] == key[0] and nxt[1] <= key[1] + len(texts[key]) + 3:
            opening = f" {texts[nxt][:FRAME_REACH].casefold()} "
            if any(f" {w} " in opening or f" {w}," in opening for w in words):
                names |= by_sentence[nxt]
        pairs |= {frozenset(p) for p in itertools.combinations(sorted(names), 2)}
    return pairs


def _entity_ratios(figs: Sequence[Figure], wanted: set[frozenset], comparable: Comparability,
                   keep: Callable = compact) -> list:
    pools: dict[tuple, list[Figure]] = {}
    for f in figs:
        if not f.is_ratio and f.unit != "percent":
            pools.setdefault((f.article or "", f.quantity, dim(f), f.per or ""), []).append(f)
    out = []
    for members in pools.values():
        for a, b in itertools.combinations(members, 2):
            if a.entity == b.entity or frozenset((a.entity, b.entity)) not in wanted:
                continue
            if a.entity_kind and b.entity_kind and a.entity_kind != b.entity_kind:
                continue
            if unlike(a, b, comparable.per_conversions):
                continue
            out.append(keep(entity_ratio(a, b)))
    return out


def _common_values(claims: Sequence[Claim], rules, dates: Mapping[str, str]) -> tuple[dict[str, float], set[str]]:
    """Each money claim's central value in the common currency, and the notes of the rates used."""
    currency = rules.settings.currency
    cache: dict[tuple, Optional[tuple[float, str]]] = {}
    values: dict[str, float] = {}
    used: set[str] = set()
    for c in claims:
        if not is_money(c.unit, c.kind) or not c.unit:
            continue
        v = (c.low + c.high) / 2 if c.qualifier == "range" and c.low is not None and c.high is not None else \
            c.value if c.value is not None else c.low if c.low is not None else c.high
        if v is None:
            continue
        key = (c.unit, (dates.get(c.article) or "")[:10])
        if key not in cache:
            cache[key] = find_rate(c.unit, currency, rules.rates, key[1] or None)
        found = cache[key]
        if found is not None:
            values[c.id] = v * found[0]
            if found[1]:
                used.add(found[1])
    return values, used


def _checks(pairs: list[tuple[Figure, Figure, Comparison]]) -> dict[str, ReferenceCheck]:
    checks: dict[str, ReferenceCheck] = {}
    for a, r, c in sorted(pairs, key=lambda p: (p[0].id, p[2].verdict == NOT_COMPARABLE, p[1].id)):
        if a.id in checks or c.verdict == NOT_COMPARABLE:
            continue
        factor = per_factor(a, r, {}) or 1.0
        gap = None if a.value is None or not r.value or a.unit != r.unit else a.value * factor / r.value - 1
        checks[a.id] = ReferenceCheck(claim=a.id, reference=r.source, gap=gap, verdict=c.verdict,
                                      comparison=c.id, reason=c.reason)
    return checks


def compare_all(claims: Sequence[Claim], rules, references: Optional[Sequence] = None,
                article_dates: Optional[Mapping[str, str]] = None, keep: Callable = compact) -> Compared:
    """Every comparison the claims and reference figures allow (stable order, stable ids), each
    claim's reference check, and money in the common currency.

    references None means the rules' references. article_dates (article id -> YYYY-MM-DD) pick
    the exchange rate nearest in date to each article. `keep` is applied to each comparison as it is
    made: `compact_comparison` (compare.comparisons.compact) keeps it in slots, for an export that
    holds every comparison until its workbook is written.
    """
    refs = rules.references if references is None else references
    dates = article_dates or {}
    setup = _setup(rules, dates)
    settings, comparable = rules.settings, setup.comparable
    cfigs = _share_periods([f for f in (claim_figure(c, setup) for c in claims) if f is not None])
    rfigs = [f for f in (reference_figure(r, setup) for r in refs) if f is not None]
    cfigs.sort(key=lambda f: (f.article or "", f.position, f.id))
    rfigs.sort(key=lambda f: f.id)
    wanted = _set_against(cfigs, comparable)  # first: its tables per sentence are gone before the comparisons come
    out: list[Comparison] = []
    checked: list[tuple[Figure, Figure, Comparison]] = []
    groups: dict[tuple, list[Figure]] = {}
    for f in cfigs + rfigs:
        groups.setdefault(_group_key(f), []).append(f)
    for members in groups.values():
        cl = [f for f in members if f.origin == "claim"]
        out.extend(keep(across(a, b, settings, comparable)) for a, b in _source_pairs(cl))
        for r in (f for f in members if f.origin == "reference"):
            for a in cl:
                c = keep(across(a, r, settings, comparable))
                out.append(c)
                checked.append((a, r, c))
    del groups
    out.extend(_entity_ratios(cfigs + rfigs, wanted, comparable, keep))
    by_entity: dict[tuple, list[Figure]] = {}  # a stated ratio looks up its two sides, never scans (linear)
    for f in cfigs + rfigs:
        if not f.is_ratio and f.unit != "percent":
            by_entity.setdefault((f.quantity, f.entity), []).append(f)
    for s in cfigs:
        if s.is_ratio:
            sides = by_entity.get((s.quantity, s.entity), []) + by_entity.get((s.quantity, s.versus), [])
            out.extend(map(keep, stated(s, sides, settings)))
    del cfigs, rfigs, by_entity  # the figures are gone before the comparisons are sorted (memory at 100,000 claims)
    out.sort(key=lambda c: (KIND_ORDER[c.kind], c.quantity, c.entity or "", c.versus or "", c.left_ids,
                            c.right_ids, c.id))
    seen: set[str] = set()
    unique = [c for c in out if not (c.id in seen or seen.add(c.id))]
    common, used = _common_values(claims, rules, dates)
    return Compared(comparisons=unique, checks=_checks(checked), common=common, currency=settings.currency,
                    rates_used=tuple(sorted(used)))


def compare_claims(claims: Sequence[Claim], rules, references: Optional[Sequence] = None,
                   article_dates: Optional[Mapping[str, str]] = None) -> list[Comparison]:
    """The comparisons of `compare_all`, alone."""
    return compare_all(claims, rules, references, article_dates).comparisons
