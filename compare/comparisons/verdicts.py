"""One comparison and its verdict: the same figure in two sources, two entities, a stated ratio."""
from __future__ import annotations

import hashlib
from typing import Iterable, Optional, Sequence

from compare.comparisons.context import difference, shared
from compare.comparisons.figures import LESS, Figure, fmt_pct, show
from compare.intervals import describe, distance_pct, multiply, overlaps, ratio, spread_pct
from compare.models import Comparison

ID_PREFIX = {"across_sources": "xs", "entity_ratio": "er", "stated_ratio": "sr"}
NOT_COMPARABLE = "not comparable"


def cid(kind: str, *parts: Iterable[str]) -> str:
    raw = "\x1f".join([kind] + ["\x1e".join(p) for p in parts])
    return f"{ID_PREFIX[kind]}-{hashlib.sha1(raw.encode()).hexdigest()[:12]}"


def basis(*figs: Figure) -> str:
    origins = {f.origin for f in figs}
    return "references" if origins == {"reference"} else "claims" if origins == {"claim"} else "claims+references"


def _pct(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 4)


def point_ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None or b == 0 else a / b


def dim(f: Figure) -> str:
    return "money" if f.money else (f.unit or "")


def per_factor(a: Figure, b: Figure, conversions: dict) -> Optional[float]:
    """The factor that puts a's figure per b's `per`, if the rules allow it (1 when the same)."""
    if (a.per or "") == (b.per or ""):
        return 1.0
    if a.per and b.per:
        if b.per in conversions and a.per in conversions[b.per]:
            return float(conversions[b.per][a.per])
        if a.per in conversions and b.per in conversions[a.per]:
            return 1 / float(conversions[a.per][b.per])
    return None


def unlike(a: Figure, b: Figure, conversions: dict) -> Optional[str]:
    """Why two figures of one entity and quantity are not compared, or None when they are like with like."""
    if dim(a) != dim(b):
        return f"different unit: {a.unit or 'number'} vs {b.unit or 'number'}"
    if per_factor(a, b, conversions) is None:
        return f"different per: {a.per or 'none'} vs {b.per or 'none'}"
    return difference(a.context, b.context)


def not_comparable(a: Figure, b: Figure, why: str) -> Comparison:
    return Comparison(id=cid("across_sources", [a.id], [b.id]), kind="across_sources", quantity=a.quantity,
                      entity=a.entity, unit=a.unit, left=a.label, right=b.label, left_ids=(a.id,),
                      right_ids=(b.id,), figures_used=f"{a.used}; {b.used}", basis=basis(b),
                      verdict=NOT_COMPARABLE, reason=f"not comparable: {why}")


def like_with_like(a: Figure, b: Figure) -> str:
    """What the two figures share, said in the reason: same entity, quantity, per and context."""
    items = [f"same entity ({a.entity})", f"same quantity ({a.quantity})"]
    if a.per or b.per:
        items.append(f"per {b.per}" if a.per == b.per else f"per {a.per} converted to per {b.per}")
    context = shared(a.context, b.context)
    if context:
        items.append(context)
    return "; compared as like with like: " + ", ".join(items)


def across(a: Figure, b: Figure, settings, comparable) -> Comparison:
    """One figure (a claim) against another source's figure for the same entity and quantity."""
    why = unlike(a, b, comparable.per_conversions)
    if why:
        return not_comparable(a, b, why)
    common = dict(id=cid("across_sources", [a.id], [b.id]), kind="across_sources", quantity=a.quantity,
                  entity=a.entity, versus=a.versus if a.is_ratio else None, unit=a.unit, left=a.label,
                  right=b.label, left_ids=(a.id,), right_ids=(b.id,), figures_used=f"{a.used}; {b.used}",
                  basis=basis(b))
    if a.unit != b.unit:
        return Comparison(**common, verdict="unverifiable",
                          reason=f"{a.unit} and {b.unit} cannot be compared: no exchange rate links them in the rates")
    factor = per_factor(a, b, comparable.per_conversions)
    ai = a.interval if factor == 1 else multiply(a.interval, factor)
    av = None if a.value is None else a.value * factor
    r = ratio(ai, b.interval)
    ia, ib = show(ai, a.unit, b.per), show(b.interval, b.unit, b.per)
    spread = _pct(spread_pct(av, b.value)) if av is not None and b.value is not None else None
    rated = a.money and b.money and a.currency != b.currency
    rate_tol = comparable.rate_uncertainty * 100 if rated else 0.0
    tol = settings.close_tolerance * 100
    if overlaps(ai, b.interval):
        verdict, reason = "agree", f"the intervals overlap: {ia} and {ib}"
    else:
        d = distance_pct(ai, b.interval)
        if rated and d <= rate_tol:
            verdict = "agree"
            reason = (f"{fmt_pct(d)} apart ({ia} vs {ib}), within the exchange rate's uncertainty of "
                      f"{rate_tol:g} % ({a.currency} vs {b.currency})")
        elif d < tol + rate_tol:
            verdict = "close"
            reason = f"{fmt_pct(d)} apart beyond rounding ({ia} vs {ib}), within the close tolerance of {tol:g} %"
        else:
            verdict = "disagree"
            reason = f"{fmt_pct(d)} apart beyond rounding ({ia} vs {ib}), more than the close tolerance of {tol:g} %"
        if rated and verdict != "agree":
            reason += f" plus the rate's uncertainty of {rate_tol:g} %"
    return Comparison(**common, computed_low=r.low, computed_high=r.high, computed=describe(r, "x"),
                      computed_value=point_ratio(av, b.value), verdict=verdict,
                      reason=reason + like_with_like(a, b), spread_pct=spread)


def entity_ratio(a: Figure, b: Figure) -> Comparison:
    """How many times one entity's figure is another's, larger over smaller (informational)."""
    if a.unit != b.unit:
        return Comparison(id=cid("entity_ratio", [a.id], [b.id]), kind="entity_ratio", quantity=a.quantity,
                          entity=a.entity, versus=b.entity, unit="x", left=a.label, right=b.label,
                          left_ids=(a.id,), right_ids=(b.id,), verdict="unverifiable",
                          reason=f"{a.unit} and {b.unit} cannot be compared: no exchange rate links them in the rates",
                          figures_used=f"{a.used}; {b.used}", basis=basis(a, b))
    big, small = (a, b) if (a.value or 0) >= (b.value or 0) else (b, a)
    r = ratio(big.interval, small.interval)
    if r.low is None and r.high is None:
        verdict, text = "undetermined", "cannot be bounded"
    else:
        verdict, text = "computed", f"is {describe(r, 'x')} that of {small.entity}"
    point = point_ratio(big.value, small.value)
    reason = (f"{big.entity} {big.quantity} {text}: {show(big.interval, big.unit, big.per)} / "
              f"{show(small.interval, small.unit, small.per)}")
    if point is not None and verdict == "computed":
        reason += f" (central ratio {point:.4g}x)"
    return Comparison(id=cid("entity_ratio", [big.id], [small.id]), kind="entity_ratio", quantity=big.quantity,
                      entity=big.entity, versus=small.entity, unit="x", left=big.label, right=small.label,
                      left_ids=(big.id,), right_ids=(small.id,), computed_low=r.low, computed_high=r.high,
                      computed=describe(r, "x"), computed_value=point, verdict=verdict, reason=reason,
                      figures_used=f"{big.used}; {small.used}", basis=basis(big, small))


def _side_choice(cands: list[Figure], article: Optional[str]) -> list[Figure]:
    """Candidates in order of preference: same article, other articles, references."""
    return sorted(cands, key=lambda f: (f.origin == "reference", f.article != article, f.article or "",
                                        f.position, f.id))


def _stated_pairs(s: Figure, mine: list[Figure], theirs: list[Figure]) -> list[tuple[Figure, Figure]]:
    pairs: list[tuple[Figure, Figure]] = []
    for key in sorted({(dim(f), f.per or "") for f in mine} & {(dim(f), f.per or "") for f in theirs}):
        m = _side_choice([f for f in mine if (dim(f), f.per or "") == key], s.article)
        t = _side_choice([f for f in theirs if (dim(f), f.per or "") == key], s.article)
        mr = [f for f in m if f.origin == "reference"]
        tr = [f for f in t if f.origin == "reference"]
        if mr and tr:
            pairs.append((mr[0], tr[0]))
        if m[0].origin == "claim" or t[0].origin == "claim":
            pairs.append((m[0], t[0]))
    return pairs


def _stated_verdict(s: Figure, top: Figure, bottom: Figure, settings) -> tuple[str, str, object]:
    r = ratio(top.interval, bottom.interval)
    shown = show(s.interval, "x")
    direction = "less" if s.direction in LESS else "more"
    what = f"{top.entity} / {bottom.entity} {s.quantity} = {describe(r, 'x')}"
    if overlaps(s.interval, r):
        return "consistent", f"stated {shown} ({direction}) overlaps {what}", r
    d = distance_pct(s.interval, r)
    tol = settings.ratio_tolerance * 100
    verdict = "consistent" if d <= tol else "inconsistent"
    where = "within" if d <= tol else "beyond"
    return verdict, f"stated {shown} ({direction}) is {fmt_pct(d)} from {what}, {where} the ratio tolerance of {tol:g} %", r


def stated(s: Figure, figures: Sequence[Figure], settings) -> list[Comparison]:
    """A stated ratio against the ratios the figures imply: once on references alone, once on the
    best claims (same article first) when there are any."""
    base = dict(kind="stated_ratio", quantity=s.quantity, entity=s.named, versus=s.versus_named, unit="x",
                left=s.label, left_ids=(s.id,), stated=s.value)
    alone = dict(id=cid("stated_ratio", [s.id], []), **base, right="-", verdict="unverifiable", figures_used=s.used)
    if not s.versus:
        return [Comparison(**alone, reason="the claim names no entity it is compared with")]
    if s.versus == s.entity:
        return [Comparison(**alone, reason=f"{s.versus_named} and {s.named} stand for the same entity ({s.entity})")]
    plain = [f for f in figures if not f.is_ratio and f.unit != "percent" and f.quantity == s.quantity]
    mine = [f for f in plain if f.entity == s.entity and not difference(f.context, s.context)]
    theirs = [f for f in plain if f.entity == s.versus and not difference(f.context, s.context)]
    pairs = _stated_pairs(s, mine, theirs)
    if not pairs:
        missing = [f"{name}{'' if name == ent else ' -> ' + ent}" for name, ent, side in
                   ((s.named, s.entity, mine), (s.versus_named, s.versus, theirs)) if not side]
        if missing:
            why = f"no {s.quantity} figure for {' nor for '.join(missing)} in the articles or the references"
        else:
            why = (f"the {s.quantity} figures of {s.entity} and {s.versus} are not in comparable units "
                   f"({', '.join(sorted({dim(f) + ('/' + f.per if f.per else '') for f in mine + theirs}))})")
        return [Comparison(**alone, reason=why)]
    out = []
    for m, t in pairs:
        top, bottom = (t, m) if s.direction in LESS else (m, t)
        common = dict(id=cid("stated_ratio", [s.id], [m.id, t.id]), **base, right=f"{top.label} / {bottom.label}",
                      right_ids=(m.id, t.id), basis=basis(m, t),
                      figures_used=f"{m.used_for(s.named)}; {t.used_for(s.versus_named or t.named)}")
        if m.unit != t.unit:
            out.append(Comparison(**common, verdict="unverifiable",
                                  reason=f"{m.unit} and {t.unit} cannot be compared: no exchange rate links them"))
            continue
        verdict, reason, r = _stated_verdict(s, top, bottom, settings)
        point = point_ratio(top.value, bottom.value)
        spread = _pct(spread_pct(s.value, point)) if s.value is not None and point is not None else None
        out.append(Comparison(**common, computed_low=r.low, computed_high=r.high, computed=describe(r, "x"),
                              computed_value=point, verdict=verdict, reason=reason, spread_pct=spread))
    return out
