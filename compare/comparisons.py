"""Claims side by side: the same figure across sources, ratios between entities, stated ratios checked.

Every figure becomes the interval its digits and qualifier imply (compare.intervals), money is
converted to one currency at the dated rate of the rules, and entities are mapped through
`refers_to` (a claim about "Llama 3" uses the figures of "Llama 3.1 405B", and says so).
Three kinds of comparison come out, each with its verdict and the reason for it:

- `across_sources`: one entity and quantity in two articles, or in an article and a reference:
  `agree` (intervals overlap), `close` (apart by less than settings.close_tolerance),
  `disagree`, or `unverifiable` (money in currencies without a rate between them).
- `entity_ratio`: one quantity between two entities of one article, or of the references:
  verdict `computed` (informational).
- `stated_ratio`: a ratio a text states ("11 fois moins de temps de calcul que Llama-3")
  against the ratio the figures imply: `consistent`, `inconsistent` or `unverifiable`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

from compare.intervals import (Interval, claim_interval, describe, distance_pct, multiply, nonnegative, overlaps,
                               ratio, spread_pct)
from compare.models import Claim, Comparison
from compare.references import CURRENCY, Rate, Reference, Settings, load_references
from compare.rules import RuleSet

__all__ = ["compare_claims", "load_references", "resolve_entity", "convert", "find_rate"]

KIND_ORDER = {"across_sources": 0, "entity_ratio": 1, "stated_ratio": 2}
ID_PREFIX = {"across_sources": "xs", "entity_ratio": "er", "stated_ratio": "sr"}
LESS = {"less", "down"}
QUALIFIER_WORDS = {"=": "", ">": "> ", ">=": ">= ", "<": "< ", "<=": "<= ", "~": "~ "}


@dataclass(frozen=True)
class Figure:
    """A claim or reference made comparable: entity resolved, money converted, interval computed."""

    id: str
    origin: str  # "claim" or "reference"
    article: Optional[str]
    position: int
    named: str
    entity: str
    quantity: str
    unit: Optional[str]
    per: Optional[str]
    qualifier: str
    value: Optional[float]
    interval: Interval
    direction: Optional[str] = None
    versus_named: Optional[str] = None
    versus: Optional[str] = None
    money: bool = False
    original: str = ""
    notes: tuple[str, ...] = ()

    @property
    def is_ratio(self) -> bool:
        return self.unit == "x"

    @property
    def where(self) -> str:
        return f"reference {self.id}" if self.origin == "reference" else f"claim {self.id} in {self.article}"

    @property
    def label(self) -> str:
        name = self.named if self.named == self.entity else f"{self.named} -> {self.entity}"
        text = f"{name} {self.quantity} {self.original}"
        if self.is_ratio and self.versus_named:
            text += f" {'less' if self.direction in LESS else 'more'} than {self.versus_named}"
        return f"{text} ({self.where})"

    @property
    def used(self) -> str:
        """How this figure was found, for `figures_used`."""
        return self.used_for(self.named)

    def used_for(self, written: str) -> str:
        """Which figure stands for the entity as a text wrote it: "Llama 3 -> Llama 3.1 405B (reference ...)"."""
        name = written if written == self.entity else f"{written} -> {self.entity}"
        return f"{name} ({self.where}{''.join('; ' + n for n in self.notes)})"


def refers_to_map(rules: RuleSet) -> dict[str, str]:
    """Entity name -> the entity whose figures stand for it, for entities with `refers_to`."""
    return {e.name: e.refers_to for e in rules.entities if e.refers_to}


def _resolve(name: str, refers: Mapping[str, str]) -> str:
    seen = {name}
    while name in refers and refers[name] not in seen:
        name = refers[name]
        seen.add(name)
    return name


def resolve_entity(name: str, rules: RuleSet) -> str:
    """The entity whose figures stand for `name`, following `refers_to` (cycles stop where they loop)."""
    return _resolve(name, refers_to_map(rules))


def _day(date: Optional[str]) -> Optional[dt.date]:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return None


def find_rate(frm: str, to: str, rates: Sequence[Rate], date: Optional[str] = None) -> Optional[tuple[float, str]]:
    """Units of `to` per unit of `frm`, from the rate nearest in date (inverse rates and one intermediate
    currency allowed), and a note saying which rate; None when no rate links them."""
    if frm == to:
        return 1.0, ""
    day = _day(date)

    def nearest(a: str, b: str) -> Optional[tuple[float, str, Rate]]:
        cands = [(r.rate, r) for r in rates if (r.from_, r.to) == (a, b)]
        cands += [(1 / r.rate, r) for r in rates if (r.from_, r.to) == (b, a)]
        if not cands:
            return None

        def key(c: tuple[float, Rate]) -> tuple:
            rd = _day(c[1].date) or dt.date.min
            far = abs((rd - day).days) if day else -rd.toordinal()
            return far, rd, c[1].from_
        value, r = min(cands, key=key)
        return value, f"{r.from_}->{r.to} {r.rate:g} of {r.date}", r

    direct = nearest(frm, to)
    if direct:
        value, note, _ = direct
        return value, f"1 {frm} = {value:.6g} {to} ({note})"
    pivots = sorted({c for r in rates for c in (r.from_, r.to)} - {frm, to})
    for p in pivots:
        a, b = nearest(frm, p), nearest(p, to)
        if a and b:
            value = a[0] * b[0]
            return value, f"1 {frm} = {value:.6g} {to} (via {p}: {a[1]}; {b[1]})"
    return None


def convert(iv: Interval, frm: str, to: str, rates: Sequence[Rate], date: Optional[str] = None
            ) -> Optional[tuple[Interval, float, str]]:
    """An amount interval in `frm` expressed in `to`, with the factor and a note; None without a rate."""
    found = find_rate(frm, to, rates, date)
    if found is None:
        return None
    factor, note = found
    return multiply(iv, factor), factor, note


def _num(v: float) -> str:
    a = abs(v)
    if a >= 1e9:
        return f"{v / 1e9:.6g} bn"
    if a >= 1e6:
        return f"{v / 1e6:.6g} M"
    return f"{v:.6g}"


def _unit_text(unit: Optional[str], per: Optional[str]) -> str:
    if unit == "x":
        text = "x"
    elif unit == "percent":
        text = " %"
    else:
        text = f" {unit}" if unit else ""
    return text + (f"/{per}" if per else "")


def _original(qualifier: str, value: Optional[float], low: Optional[float], high: Optional[float],
              unit: Optional[str], per: Optional[str]) -> str:
    u = _unit_text(unit, per)
    if qualifier == "range":
        return f"{_num(low if low is not None else value)}-{_num(high if high is not None else value)}{u}"
    v = value if value is not None else (low if low is not None else high)
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{_num(v)}{u}"


def show(iv: Interval, unit: Optional[str] = None, per: Optional[str] = None) -> str:
    """An amount interval for a reader: "[5.565, 5.575) M USD", "> 100 M USD", "[11.06, 11.07)x"."""
    bounds = [abs(b) for b in (iv.low, iv.high) if b is not None]
    scale, word = 1.0, ""
    if bounds and unit not in ("x", "percent"):
        top = max(bounds)
        if top >= 1e9:
            scale, word = 1e9, "bn"
        elif top >= 1e6:
            scale, word = 1e6, "M"
    text = describe(multiply(iv, 1 / scale) if scale != 1 else iv)
    u = _unit_text(unit, per)
    if word:
        u = f" {word}{u}"
    return text + u


def _central(qualifier: str, value: Optional[float], low: Optional[float], high: Optional[float]) -> Optional[float]:
    if qualifier == "range" and low is not None and high is not None:
        return (low + high) / 2
    if value is not None:
        return value
    return low if low is not None else high


def _figure(*, fid: str, origin: str, article: Optional[str], position: int, named: str, quantity: str,
            unit: Optional[str], per: Optional[str], qualifier: str, value: Optional[float], low: Optional[float],
            high: Optional[float], precision: Optional[float], direction: Optional[str], versus: Optional[str],
            money: bool, date: Optional[str], refers: Mapping[str, str], rates: Sequence[Rate], settings: Settings
            ) -> Optional[Figure]:
    try:
        iv = claim_interval(_Fig(value, low, high, qualifier, precision), settings)
    except ValueError:
        return None
    if unit != "percent":
        iv = nonnegative(iv)
    entity = _resolve(named, refers)
    notes: list[str] = []
    original = _original(qualifier, value, low, high, unit, per)
    central = _central(qualifier, value, low, high)
    if money and unit and unit != settings.currency:
        converted = convert(iv, unit, settings.currency, rates, date)
        if converted is not None:
            iv, factor, note = converted
            central = None if central is None else central * factor
            notes.append(note)
            original += f" (= {_num(central) if central is not None else '?'} {settings.currency})"
            unit = settings.currency
    return Figure(id=fid, origin=origin, article=article, position=position, named=named, entity=entity,
                  quantity=quantity, unit=unit, per=(per or None), qualifier=qualifier, value=central,
                  interval=iv, direction=direction, versus_named=versus,
                  versus=_resolve(versus, refers) if versus else None, money=money, original=original,
                  notes=tuple(notes))


@dataclass(frozen=True)
class _Fig:
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str
    precision: Optional[float]


def _is_money(unit: Optional[str], kind: Optional[str] = None) -> bool:
    return kind == "money" or bool(unit and CURRENCY.match(unit))


def claim_figure(c: Claim, rules: RuleSet, article_dates: Mapping[str, str],
                 refers: Optional[Mapping[str, str]] = None) -> Optional[Figure]:
    """A claim as a comparable figure; None when it names no entity or has no number to compare."""
    if not c.entity or (c.value is None and c.low is None and c.high is None):
        return None
    return _figure(fid=c.id, origin="claim", article=c.article, position=c.start, named=c.entity,
                   quantity=c.quantity, unit=c.unit, per=c.per, qualifier=c.qualifier, value=c.value, low=c.low,
                   high=c.high, precision=c.precision, direction=c.direction, versus=c.versus,
                   money=_is_money(c.unit, c.kind), date=article_dates.get(c.article),
                   refers=refers_to_map(rules) if refers is None else refers,
                   rates=rules.rates, settings=rules.settings)


def reference_figure(r: Reference, rules: RuleSet, refers: Optional[Mapping[str, str]] = None) -> Optional[Figure]:
    return _figure(fid=r.id, origin="reference", article=None, position=0, named=r.entity, quantity=r.quantity,
                   unit=r.unit, per=r.per, qualifier=r.qualifier, value=r.value, low=r.low, high=r.high,
                   precision=r.precision, direction=None, versus=None, money=_is_money(r.unit),
                   date=r.source.date, refers=refers_to_map(rules) if refers is None else refers,
                   rates=rules.rates, settings=rules.settings)


def _dim(f: Figure) -> str:
    return "money" if f.money else (f.unit or "")


def _group_key(f: Figure) -> tuple:
    """Figures with the same key measure the same thing of the same entity."""
    extra: tuple = ()
    if f.is_ratio:
        extra = (f.versus or "", "less" if f.direction in LESS else "more")
    elif f.unit == "percent":
        extra = ("", f.direction or "")
    return (f.entity, f.quantity, _dim(f), f.per or "") + extra


def _cid(kind: str, *parts: Iterable[str]) -> str:
    raw = "\x1f".join([kind] + ["\x1e".join(p) for p in parts])
    return f"{ID_PREFIX[kind]}-{hashlib.sha1(raw.encode()).hexdigest()[:12]}"


def _basis(*figs: Figure) -> str:
    origins = {f.origin for f in figs}
    return "references" if origins == {"reference"} else "claims" if origins == {"claim"} else "claims+references"


def _pct(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 4)


def _bounds(iv: Interval) -> tuple[Optional[float], Optional[float]]:
    return iv.low, iv.high


def _point_ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None or b == 0 else a / b


def _fmt_pct(x: float) -> str:
    return f"{x:.2g} %" if x < 10 else f"{x:.0f} %"


def across(a: Figure, b: Figure, settings: Settings) -> Comparison:
    """One figure (a claim) against another source's figure for the same entity and quantity."""
    cid = _cid("across_sources", [a.id], [b.id])
    common = dict(id=cid, kind="across_sources", quantity=a.quantity, entity=a.entity,
                  versus=a.versus if a.is_ratio else None, unit=a.unit, left=a.label, right=b.label,
                  left_ids=(a.id,), right_ids=(b.id,), figures_used=f"{a.used}; {b.used}", basis=_basis(b))
    if a.unit != b.unit:
        return Comparison(**common, verdict="unverifiable",
                          reason=f"{a.unit} and {b.unit} cannot be compared: no exchange rate links them in the rates")
    r = ratio(a.interval, b.interval)
    low, high = _bounds(r)
    ia, ib = show(a.interval, a.unit, a.per), show(b.interval, b.unit, b.per)
    spread = _pct(spread_pct(a.value, b.value)) if a.value is not None and b.value is not None else None
    if overlaps(a.interval, b.interval):
        verdict, reason = "agree", f"the intervals overlap: {ia} and {ib}"
    else:
        d = distance_pct(a.interval, b.interval)
        tol = settings.close_tolerance * 100
        if d < tol:
            verdict = "close"
            reason = f"{_fmt_pct(d)} apart beyond rounding ({ia} vs {ib}), within the close tolerance of {tol:g} %"
        else:
            verdict = "disagree"
            reason = f"{_fmt_pct(d)} apart beyond rounding ({ia} vs {ib}), more than the close tolerance of {tol:g} %"
    return Comparison(**common, computed_low=low, computed_high=high, computed=describe(r, "x"),
                      computed_value=_point_ratio(a.value, b.value), verdict=verdict, reason=reason,
                      spread_pct=spread)


def entity_ratio(a: Figure, b: Figure) -> Comparison:
    """How many times one entity's figure is another's, larger over smaller (informational)."""
    if a.unit != b.unit:
        return Comparison(id=_cid("entity_ratio", [a.id], [b.id]), kind="entity_ratio", quantity=a.quantity,
                          entity=a.entity, versus=b.entity, unit="x", left=a.label, right=b.label,
                          left_ids=(a.id,), right_ids=(b.id,), verdict="unverifiable",
                          reason=f"{a.unit} and {b.unit} cannot be compared: no exchange rate links them in the rates",
                          figures_used=f"{a.used}; {b.used}", basis=_basis(a, b))
    big, small = (a, b) if (a.value or 0) >= (b.value or 0) else (b, a)
    r = ratio(big.interval, small.interval)
    if r.low is None and r.high is None:
        verdict, text = "undetermined", "cannot be bounded"
    else:
        verdict, text = "computed", f"is {describe(r, 'x')} that of {small.entity}"
    point = _point_ratio(big.value, small.value)
    reason = (f"{big.entity} {big.quantity} {text}: {show(big.interval, big.unit, big.per)} / "
              f"{show(small.interval, small.unit, small.per)}")
    if point is not None and verdict == "computed":
        reason += f" (central ratio {point:.4g}x)"
    return Comparison(id=_cid("entity_ratio", [big.id], [small.id]), kind="entity_ratio", quantity=big.quantity,
                      entity=big.entity, versus=small.entity, unit="x", left=big.label, right=small.label,
                      left_ids=(big.id,), right_ids=(small.id,), computed_low=r.low, computed_high=r.high,
                      computed=describe(r, "x"), computed_value=point, verdict=verdict, reason=reason,
                      figures_used=f"{big.used}; {small.used}", basis=_basis(big, small))


def _side_choice(cands: list[Figure], article: Optional[str]) -> list[Figure]:
    """Candidates in order of preference: same article, other articles, references."""
    return sorted(cands, key=lambda f: (f.origin == "reference", f.article != article, f.article or "",
                                        f.position, f.id))


def stated(s: Figure, figures: Sequence[Figure], settings: Settings) -> list[Comparison]:
    """A stated ratio against the ratios the figures imply: once on references alone, once on the
    best claims (same article first) when there are any."""
    less = s.direction in LESS
    base = dict(kind="stated_ratio", quantity=s.quantity, entity=s.named, versus=s.versus_named, unit="x",
                left=s.label, left_ids=(s.id,), stated=s.value)
    if not s.versus:
        return [Comparison(id=_cid("stated_ratio", [s.id], []), **base, right="-", verdict="unverifiable",
                           reason="the claim names no entity it is compared with", figures_used=s.used)]
    if s.versus == s.entity:
        return [Comparison(id=_cid("stated_ratio", [s.id], []), **base, right="-", verdict="unverifiable",
                           reason=f"{s.versus_named} and {s.named} stand for the same entity ({s.entity})",
                           figures_used=s.used)]
    plain = [f for f in figures if not f.is_ratio and f.unit != "percent" and f.quantity == s.quantity]
    mine = [f for f in plain if f.entity == s.entity]
    theirs = [f for f in plain if f.entity == s.versus]
    pairs: list[tuple[Figure, Figure]] = []
    keys = sorted({(_dim(f), f.per or "") for f in mine} & {(_dim(f), f.per or "") for f in theirs})
    for key in keys:
        m = _side_choice([f for f in mine if (_dim(f), f.per or "") == key], s.article)
        t = _side_choice([f for f in theirs if (_dim(f), f.per or "") == key], s.article)
        mr = [f for f in m if f.origin == "reference"]
        tr = [f for f in t if f.origin == "reference"]
        if mr and tr:
            pairs.append((mr[0], tr[0]))
        if m[0].origin == "claim" or t[0].origin == "claim":
            pairs.append((m[0], t[0]))
    if not pairs:
        missing = [f"{name}{'' if name == ent else ' -> ' + ent}" for name, ent, side in
                   ((s.named, s.entity, mine), (s.versus_named, s.versus, theirs)) if not side]
        if missing:
            why = f"no {s.quantity} figure for {' nor for '.join(missing)} in the articles or the references"
        else:
            why = (f"the {s.quantity} figures of {s.entity} and {s.versus} are not in comparable units "
                   f"({', '.join(sorted({_dim(f) + ('/' + f.per if f.per else '') for f in mine + theirs}))})")
        return [Comparison(id=_cid("stated_ratio", [s.id], []), **base, right="-", verdict="unverifiable",
                           reason=why, figures_used=s.used)]
    out = []
    stated_iv = s.interval
    for m, t in pairs:
        top, bottom = (t, m) if less else (m, t)
        cid = _cid("stated_ratio", [s.id], [m.id, t.id])
        right = f"{top.label} / {bottom.label}"
        used = f"{m.used_for(s.named)}; {t.used_for(s.versus_named or t.named)}"
        if m.unit != t.unit:
            out.append(Comparison(id=cid, **base, right=right, right_ids=(m.id, t.id), verdict="unverifiable",
                                  figures_used=used, basis=_basis(m, t),
                                  reason=f"{m.unit} and {t.unit} cannot be compared: no exchange rate links them"))
            continue
        r = ratio(top.interval, bottom.interval)
        point = _point_ratio(top.value, bottom.value)
        shown = show(stated_iv, "x")
        computed = describe(r, "x")
        direction = "less" if less else "more"
        what = f"{top.entity} / {bottom.entity} {s.quantity} = {computed}"
        if overlaps(stated_iv, r):
            verdict, reason = "consistent", f"stated {shown} ({direction}) overlaps {what}"
        else:
            d = distance_pct(stated_iv, r)
            tol = settings.ratio_tolerance * 100
            if d <= tol:
                verdict = "consistent"
                reason = (f"stated {shown} ({direction}) is {_fmt_pct(d)} from {what}, "
                          f"within the ratio tolerance of {tol:g} %")
            else:
                verdict = "inconsistent"
                reason = (f"stated {shown} ({direction}) is {_fmt_pct(d)} from {what}, "
                          f"beyond the ratio tolerance of {tol:g} %")
        spread = _pct(spread_pct(s.value, point)) if s.value is not None and point is not None else None
        out.append(Comparison(id=cid, **base, right=right, right_ids=(m.id, t.id), computed_low=r.low,
                              computed_high=r.high, computed=computed, computed_value=point, verdict=verdict, reason=reason,
                              spread_pct=spread, figures_used=used, basis=_basis(m, t)))
    return out


def _order(c: Comparison) -> tuple:
    return (KIND_ORDER[c.kind], c.quantity, c.entity or "", c.versus or "", c.left_ids, c.right_ids, c.id)


# Up to this many claims of one entity and quantity are compared pair by pair across articles;
# beyond it, each claim is compared with the group's median claim, so a corpus of 100,000 claims
# gives a number of comparisons that grows with the claims, not with their square.
MAX_PAIRWISE = 40


def _source_pairs(cl: list[Figure]) -> list[tuple[Figure, Figure]]:
    """The pairs of claims (from different articles) to set side by side in one group."""
    if len(cl) <= MAX_PAIRWISE:
        return [(a, b) for a, b in itertools.combinations(cl, 2) if a.article != b.article]
    ranked = sorted(cl, key=lambda f: (_central_of(f), f.id))
    median = ranked[len(ranked) // 2]
    return [(median, f) for f in cl if f.article != median.article]


def _central_of(f: Figure) -> float:
    lo, hi = _bounds(f.interval)
    if f.value is not None:
        return f.value
    return lo if hi is None else hi if lo is None else (lo + hi) / 2


def compare_claims(claims: Sequence[Claim], rules: RuleSet, references: Optional[Sequence[Reference]] = None,
                   article_dates: Optional[Mapping[str, str]] = None) -> list[Comparison]:
    """Every comparison the claims and reference figures allow, in a stable order with stable ids.

    references None means the rules' references. article_dates (article id -> YYYY-MM-DD) pick
    the exchange rate nearest in date to each article.
    """
    refs = rules.references if references is None else references
    dates = article_dates or {}
    settings = rules.settings
    refers = refers_to_map(rules)
    cfigs = [f for f in (claim_figure(c, rules, dates, refers) for c in claims) if f is not None]
    rfigs = [f for f in (reference_figure(r, rules, refers) for r in refs) if f is not None]
    cfigs.sort(key=lambda f: (f.article or "", f.position, f.id))
    rfigs.sort(key=lambda f: f.id)
    out: list[Comparison] = []

    groups: dict[tuple, list[Figure]] = {}
    for f in cfigs + rfigs:
        groups.setdefault(_group_key(f), []).append(f)
    for members in groups.values():
        cl = [f for f in members if f.origin == "claim"]
        rf = [f for f in members if f.origin == "reference"]
        out.extend(across(a, b, settings) for a, b in _source_pairs(cl))
        for a in cl:
            out.extend(across(a, r, settings) for r in rf)

    pools: dict[tuple, list[Figure]] = {}
    for f in cfigs + rfigs:
        if not f.is_ratio and f.unit != "percent":
            pools.setdefault((f.article or "", f.quantity, _dim(f), f.per or ""), []).append(f)
    for members in pools.values():
        for a, b in itertools.combinations(members, 2):
            if a.entity != b.entity:
                out.append(entity_ratio(a, b))

    by_quantity: dict[str, list[Figure]] = {}
    for f in cfigs + rfigs:
        if not f.is_ratio and f.unit != "percent":
            by_quantity.setdefault(f.quantity, []).append(f)
    for s in cfigs:
        if s.is_ratio:
            out.extend(stated(s, by_quantity.get(s.quantity, []), settings))

    out.sort(key=_order)
    seen: set[str] = set()
    unique = []
    for c in out:
        if c.id not in seen:
            seen.add(c.id)
            unique.append(c)
    return unique


def with_settings(rules: RuleSet, **changes: float) -> RuleSet:
    """The rule set with some settings changed (tolerances, currency), e.g. for a what-if run."""
    return rules.model_copy(update={"settings": rules.settings.model_copy(update=changes)})

