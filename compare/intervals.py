"""Intervals of possible values, and the interval a claim or reference figure stands for.

A figure in the press is never a point: "5,57 millions" means any value that rounds to it,
[5 565 000, 5 575 000); "plus de 100 millions" means (100 000 000, +inf). Comparing intervals
instead of values keeps rounding from passing for disagreement (the idea statcheck applies to
reported statistics). Bounds are `None` when unbounded; each finite bound is open or closed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Protocol, Union

from compare.references import Settings

Number = Union[int, float]


@dataclass(frozen=True, slots=True)
class Interval:
    """A connected set of reals: low..high, each bound closed or open, None for unbounded.

    A slotted dataclass, not a pydantic model: intervals are made by the code, never read from a
    file, and a comparison run makes one or more per figure (120 bytes each here, 540 as a model).
    """

    low: Optional[float] = None
    high: Optional[float] = None
    low_closed: bool = True
    high_closed: bool = True

    def __post_init__(self) -> None:
        for v in (self.low, self.high):
            if v is not None and (math.isnan(v) or math.isinf(v)):
                raise ValueError("interval bounds are finite numbers or None")
        if self.low is not None and self.high is not None:
            if self.low > self.high:
                raise ValueError(f"interval low {self.low} is above high {self.high}")
            if self.low == self.high and not (self.low_closed and self.high_closed):
                raise ValueError("a one-point interval must be closed on both sides")

    def __mul__(self, other: Union["Interval", Number]) -> "Interval":
        return multiply(self, other)

    __rmul__ = __mul__

    def __truediv__(self, other: Union["Interval", Number]) -> "Interval":
        return divide(self, other)

    def __str__(self) -> str:
        return describe(self)


def point(value: Number) -> Interval:
    return Interval(low=float(value), high=float(value))


def closed(low: Optional[Number], high: Optional[Number]) -> Interval:
    return Interval(low=_f(low), high=_f(high))


def half_open(low: Number, high: Number) -> Interval:
    """[low, high): what a rounded figure stands for."""
    return Interval(low=float(low), high=float(high), high_closed=False)


def _f(v: Optional[Number]) -> Optional[float]:
    return None if v is None else float(v)


# Endpoints as (value, closed) with value in the extended reals, so that products of
# unbounded intervals need no special cases beyond 0 x inf.
_End = tuple[float, bool]


def _ends(iv: Interval) -> tuple[_End, _End]:
    lo = (-math.inf, False) if iv.low is None else (iv.low, iv.low_closed)
    hi = (math.inf, False) if iv.high is None else (iv.high, iv.high_closed)
    return lo, hi


def _from_ends(lo: _End, hi: _End) -> Interval:
    low = None if math.isinf(lo[0]) else lo[0]
    high = None if math.isinf(hi[0]) else hi[0]
    if low is not None and low == high:
        # Rounding collapsed an open interval to a point: keep the point rather than nothing.
        return point(low)
    return Interval(low=low, high=high, low_closed=lo[1] if low is not None else True,
                    high_closed=hi[1] if high is not None else True)


def _times(a: _End, b: _End) -> _End:
    if a[0] == 0 or b[0] == 0:
        # Zero is reached when a closed zero bound meets any value of the other interval.
        return 0.0, (a[0] == 0 and a[1]) or (b[0] == 0 and b[1])
    return a[0] * b[0], a[1] and b[1]


def _pick(cands: list[_End], lowest: bool) -> _End:
    best = min(c[0] for c in cands) if lowest else max(c[0] for c in cands)
    return best, any(c[1] for c in cands if c[0] == best)


def multiply(a: Interval, b: Union[Interval, Number]) -> Interval:
    """Every product x*y with x in a and y in b (b may be a plain number)."""
    if not isinstance(b, Interval):
        b = point(b)
    cands = [_times(x, y) for x in _ends(a) for y in _ends(b)]
    return _from_ends(_pick(cands, True), _pick(cands, False))


def reciprocal(a: Interval) -> Interval:
    """Every 1/x with x in a, x != 0; unbounded on both sides when a has values on both sides of zero."""
    (lo, lc), (hi, hc) = _ends(a)
    if lo < 0 < hi or lo == hi == 0:
        return Interval()
    if lo >= 0:
        new_lo = (0.0, False) if math.isinf(hi) else (1 / hi, hc)
        new_hi = (math.inf, False) if lo == 0 else (1 / lo, lc)
    else:
        new_lo = (-math.inf, False) if hi == 0 else (1 / hi, hc)
        new_hi = (0.0, False) if math.isinf(lo) else (1 / lo, lc)
    return _from_ends(new_lo, new_hi)


def divide(a: Interval, b: Union[Interval, Number]) -> Interval:
    """Every quotient x/y with x in a and y in b, y != 0."""
    if not isinstance(b, Interval):
        if b == 0:
            raise ZeroDivisionError("interval divided by zero")
        return multiply(a, 1 / b)
    return multiply(a, reciprocal(b))


def ratio(a: Interval, b: Interval) -> Interval:
    """How many times b fits in a: a / b."""
    return divide(a, b)


def intersect(a: Interval, b: Interval) -> Optional[Interval]:
    """The common part of a and b, or None when they share no value."""
    (alo, ahi), (blo, bhi) = _ends(a), _ends(b)
    lo = max(alo, blo, key=lambda e: (e[0], not e[1]))
    hi = min(ahi, bhi, key=lambda e: (e[0], e[1]))
    if lo[0] > hi[0] or (lo[0] == hi[0] and not (lo[1] and hi[1])):
        return None
    return _from_ends(lo, hi)


def overlaps(a: Interval, b: Interval) -> bool:
    return intersect(a, b) is not None


def contains(a: Interval, x: Number) -> bool:
    return overlaps(a, point(x))


def gap(a: Interval, b: Interval) -> float:
    """Distance between the nearest bounds of a and b; 0 when they overlap or touch."""
    if overlaps(a, b):
        return 0.0
    if a.high is not None and b.low is not None and a.high <= b.low:
        return b.low - a.high
    assert b.high is not None and a.low is not None
    return a.low - b.high


def distance_pct(a: Interval, b: Interval) -> float:
    """The gap between a and b in percent of the nearer bound's size (the smaller of the two facing bounds).

    0 when they overlap; inf when the facing bound is 0.
    """
    g = gap(a, b)
    if g == 0:
        return 0.0
    if a.high is not None and b.low is not None and a.high <= b.low:
        facing = min(abs(a.high), abs(b.low))
    else:
        facing = min(abs(a.low), abs(b.high))  # type: ignore[arg-type]
    return math.inf if facing == 0 else 100 * g / facing


def spread_pct(a: Number, b: Number) -> Optional[float]:
    """How far apart two figures are, in percent of the smaller one (symmetric, always >= 0).

    6.5 M against 5.57 M is 16.7 % apart, whichever comes first; None when one is 0 and the other not.
    """
    small = min(abs(a), abs(b))
    if small == 0:
        return 0.0 if a == b else None
    return 100 * abs(a - b) / small


def nonnegative(a: Interval) -> Interval:
    """a cut to x >= 0: money, counts and ratios cannot be negative, so "< 5 M$" is [0, 5 M)."""
    cut = intersect(a, Interval(low=0.0))
    return cut if cut is not None else a


class Figure(Protocol):
    """What a Claim and a Reference both have: a value, its bounds, qualifier and precision."""

    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str
    precision: Optional[float]


def claim_interval(figure: Figure, settings: Settings = Settings()) -> Interval:
    """The values a claim or reference figure stands for, from its qualifier and written precision.

    `=`: value +- precision/2, upper bound open (the digits written are what rounding leaves);
    exact when precision is None. `~`: value +- settings.approx_tolerance. `>`, `>=`, `<`, `<=`:
    one-sided, open or closed. `range`: [low, high].
    """
    q = figure.qualifier
    v = figure.value
    if q == "range":
        lo = figure.low if figure.low is not None else v
        hi = figure.high if figure.high is not None else v
        if lo is None and hi is None:
            raise ValueError("a range needs low or high")
        return closed(lo, hi)
    if q in (">", ">="):
        lo = figure.low if figure.low is not None else v
        if lo is None:
            raise ValueError(f"qualifier {q} needs a value")
        return Interval(low=float(lo), low_closed=q == ">=")
    if q in ("<", "<="):
        hi = figure.high if figure.high is not None else v
        if hi is None:
            raise ValueError(f"qualifier {q} needs a value")
        return Interval(high=float(hi), high_closed=q == "<=")
    if v is None:
        raise ValueError("figure has no value")
    if q == "~":
        t = abs(v) * settings.approx_tolerance
        return closed(v - t, v + t)
    if q != "=":
        raise ValueError(f"unknown qualifier {q!r}")
    if not figure.precision:
        return point(v)
    half = abs(figure.precision) / 2
    return half_open(v - half, v + half)


def _round(x: float, digits: int) -> str:
    if x == 0:
        return "0"
    places = max(digits - 1 - math.floor(math.log10(abs(x))), 0)
    return f"{x:.{places}f}"


def describe(iv: Interval, unit: str = "", digits: int = 3) -> str:
    """Readable interval: "> 17.9x", "(11.058x, 11.066x)", "11.06x".

    Bounds get `digits` significant digits, more when needed to tell them apart or to stay
    within a fifth of the interval's width of the true bound.
    """
    def fmt(x: float, d: int) -> str:
        return _round(x, d) + unit

    if iv.low is None and iv.high is None:
        return "any value"
    if iv.high is None:
        return (">= " if iv.low_closed else "> ") + fmt(iv.low, digits)  # type: ignore[arg-type]
    if iv.low is None:
        return ("<= " if iv.high_closed else "< ") + fmt(iv.high, digits)
    if iv.low == iv.high:
        text = _round(iv.low, digits + 1)
        return (text.rstrip("0").rstrip(".") if "." in text else text) + unit
    d = digits
    slack = (iv.high - iv.low) / 5
    while d < 12 and (_round(iv.low, d) == _round(iv.high, d)
                      or abs(float(_round(iv.low, d)) - iv.low) > slack
                      or abs(float(_round(iv.high, d)) - iv.high) > slack):
        d += 1
    return f"{'[' if iv.low_closed else '('}{fmt(iv.low, d)}, {fmt(iv.high, d)}{']' if iv.high_closed else ')'}"
