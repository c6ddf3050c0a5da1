"""Intervals: the values a written figure stands for, and arithmetic that keeps open/closed bounds right."""
import math
from dataclasses import FrozenInstanceError, dataclass
from typing import Optional

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from compare.intervals import (Interval, claim_interval, closed, contains, describe, distance_pct, divide, gap,
                               half_open, intersect, multiply, nonnegative, overlaps, point, ratio, reciprocal,
                               spread_pct)
from compare.references import Settings


@dataclass(frozen=True)
class Fig:
    value: Optional[float]
    qualifier: str = "="
    precision: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None


def iv(low, high, lc=True, hc=True):
    return Interval(low=low, high=high, low_closed=lc, high_closed=hc)


# The text is what the press writes; the figure is what the extractor makes of it.
FIGURES = [
    ("5,57 millions de dollars", Fig(5_570_000, precision=10_000), iv(5_565_000, 5_575_000, hc=False)),
    ("5,570 millions de dollars", Fig(5_570_000, precision=1_000), iv(5_569_500, 5_570_500, hc=False)),
    ("5,6 millions de dollars", Fig(5_600_000, precision=100_000), iv(5_550_000, 5_650_000, hc=False)),
    ("6 millions de dollars", Fig(6_000_000, precision=1_000_000), iv(5_500_000, 6_500_000, hc=False)),
    ("$5.576M", Fig(5_576_000, precision=1_000), iv(5_575_500, 5_576_500, hc=False)),
    ("2.788M GPU hours", Fig(2_788_000, precision=1_000), iv(2_787_500, 2_788_500, hc=False)),
    ("30.84M GPU hours", Fig(30_840_000, precision=10_000), iv(30_835_000, 30_845_000, hc=False)),
    ("11 fois moins", Fig(11, precision=1), iv(10.5, 11.5, hc=False)),
    ("0,27 dollar par million de tokens", Fig(0.27, precision=0.01), iv(0.265, 0.275, hc=False)),
    ("200 dollars par mois", Fig(200), point(200)),
    ("environ 50 fois moins", Fig(50, "~"), iv(45, 55)),
    ("environ 30 %", Fig(30, "~"), iv(27, 33)),
    ("plus de 100 millions de dollars", Fig(100_000_000, ">"), iv(100_000_000, None, lc=False)),
    ("au moins 100 millions de dollars", Fig(100_000_000, ">="), iv(100_000_000, None)),
    ("moins de 10 millions de dollars", Fig(10_000_000, "<"), iv(None, 10_000_000, hc=False)),
    ("at most $10 million", Fig(10_000_000, "<="), iv(None, 10_000_000)),
    ("more than $100 million (bound given as low)", Fig(None, ">", low=100_000_000), iv(100_000_000, None, lc=False)),
    ("entre 5 et 6 millions de dollars", Fig(None, "range", low=5e6, high=6e6), iv(5e6, 6e6)),
    ("5 to 6 million, value given too", Fig(5.5e6, "range", low=5e6, high=6e6), iv(5e6, 6e6)),
]


@pytest.mark.parametrize("text,figure,expected", FIGURES, ids=[f[0] for f in FIGURES])
def test_claim_interval(text, figure, expected):
    got = claim_interval(figure, Settings())
    assert got.low == pytest.approx(expected.low) if expected.low is not None else got.low is None
    assert got.high == pytest.approx(expected.high) if expected.high is not None else got.high is None
    assert (got.low_closed, got.high_closed) == (expected.low_closed, expected.high_closed)


def test_more_digits_mean_a_narrower_interval():
    coarse = claim_interval(Fig(5_570_000, precision=10_000))
    fine = claim_interval(Fig(5_570_000, precision=1_000))
    assert coarse.high - coarse.low == pytest.approx(10 * (fine.high - fine.low))
    assert contains(coarse, 5_574_000) and not contains(fine, 5_574_000)


def test_approx_tolerance_comes_from_settings():
    got = claim_interval(Fig(50, "~"), Settings(approx_tolerance=0.2))
    assert (got.low, got.high) == pytest.approx((40, 60))


@pytest.mark.parametrize("figure", [Fig(None), Fig(None, ">"), Fig(None, "range"), Fig(1, "about")],
                         ids=["no value", "no bound", "empty range", "unknown qualifier"])
def test_claim_interval_refuses_figures_without_a_number(figure):
    with pytest.raises(ValueError):
        claim_interval(figure)


def test_the_seed_ratio_more_than_100m_over_5_57m():
    gpt = claim_interval(Fig(100_000_000, ">"))
    v3 = claim_interval(Fig(5_570_000, precision=10_000))
    r = ratio(gpt, v3)
    assert r.low == pytest.approx(1e8 / 5.575e6) and r.low == pytest.approx(17.937, abs=1e-3)
    assert not r.low_closed and r.high is None
    assert describe(r, "x") == "> 17.9x"


def test_the_reference_compute_ratio():
    llama = claim_interval(Fig(30_840_000, precision=10_000))
    v3 = claim_interval(Fig(2_788_000, precision=1_000))
    r = llama / v3
    assert r.low == pytest.approx(30_835_000 / 2_788_500)
    assert r.high == pytest.approx(30_845_000 / 2_787_500)
    assert not r.low_closed and not r.high_closed
    assert contains(r, 11.06) and not contains(r, 11.07)


PRODUCTS = [
    ("[2,3] * [4,5]", closed(2, 3), closed(4, 5), closed(8, 15)),
    ("[2,3) * [4,5]", half_open(2, 3), closed(4, 5), iv(8, 15, hc=False)),
    ("[-2,3] * [4,5]", closed(-2, 3), closed(4, 5), closed(-10, 15)),
    ("[-2,-1] * [-3,-2]", closed(-2, -1), closed(-3, -2), closed(2, 6)),
    ("(1,inf) * [2,3]", iv(1, None, lc=False), closed(2, 3), iv(2, None, lc=False)),
    ("[0,1] * [1,inf)", closed(0, 1), iv(1, None), iv(0, None)),
    ("(0,1] * [1,inf)", iv(0, 1, lc=False), iv(1, None), iv(0, None, lc=False)),
    ("[-1,1] * (-inf,inf)", closed(-1, 1), Interval(), Interval()),
    ("[2,3] * 10", closed(2, 3), 10, closed(20, 30)),
    ("[2,3) * -1", half_open(2, 3), -1, iv(-3, -2, lc=False)),
]


@pytest.mark.parametrize("name,a,b,expected", PRODUCTS, ids=[p[0] for p in PRODUCTS])
def test_multiply(name, a, b, expected):
    assert multiply(a, b) == expected


QUOTIENTS = [
    ("[8,15] / [4,5]", closed(8, 15), closed(4, 5), closed(8 / 5, 15 / 4)),
    ("[1,2) / [1,2)", half_open(1, 2), half_open(1, 2), iv(0.5, 2, lc=False, hc=False)),
    ("(100,inf) / [5,6)", iv(100, None, lc=False), half_open(5, 6), iv(100 / 6, None, lc=False)),
    ("[1,2] / (0,1]", closed(1, 2), iv(0, 1, lc=False), iv(1, None)),
    ("[1,2] / [0,1]", closed(1, 2), closed(0, 1), iv(1, None)),
    ("[1,2] / [-1,1]", closed(1, 2), closed(-1, 1), Interval()),
    ("[1,2] / [1,inf)", closed(1, 2), iv(1, None), iv(0, 2, lc=False)),
    ("[10,20] / 4", closed(10, 20), 4, closed(2.5, 5)),
]


@pytest.mark.parametrize("name,a,b,expected", QUOTIENTS, ids=[q[0] for q in QUOTIENTS])
def test_divide(name, a, b, expected):
    got = divide(a, b)
    assert (got.low_closed, got.high_closed) == (expected.low_closed, expected.high_closed)
    for g, e in ((got.low, expected.low), (got.high, expected.high)):
        assert (g is None and e is None) or g == pytest.approx(e)


def test_divide_by_zero_scalar():
    with pytest.raises(ZeroDivisionError):
        divide(closed(1, 2), 0)


@pytest.mark.parametrize("a,expected", [
    (closed(2, 4), closed(0.25, 0.5)),
    (half_open(2, 4), iv(0.25, 0.5, lc=False)),
    (closed(-4, -2), closed(-0.5, -0.25)),
    (iv(2, None), iv(0, 0.5, lc=False)),
    (closed(0, 2), iv(0.5, None)),
    (closed(-2, 0), iv(None, -0.5)),
    (closed(-1, 1), Interval()),
], ids=["[2,4]", "[2,4)", "[-4,-2]", "[2,inf)", "[0,2]", "[-2,0]", "[-1,1]"])
def test_reciprocal(a, expected):
    assert reciprocal(a) == expected


OVERLAPS = [
    ("[1,2] [2,3] touch at a closed point", closed(1, 2), closed(2, 3), True),
    ("[1,2) [2,3] meet at an open point", half_open(1, 2), closed(2, 3), False),
    ("[5.565,5.575) vs 5.576", half_open(5.565, 5.575), point(5.576), False),
    ("[5.565,5.575) vs [5.5755,5.5765)", half_open(5.565, 5.575), half_open(5.5755, 5.5765), False),
    ("[5.55,5.65) vs 5.576", half_open(5.55, 5.65), point(5.576), True),
    ("(100,inf) vs 100", iv(100, None, lc=False), point(100), False),
    ("[100,inf) vs 100", iv(100, None), point(100), True),
    ("(-inf,inf) vs anything", Interval(), point(-3), True),
    ("[45,55] vs (11.05,11.07)", closed(45, 55), iv(11.05, 11.07, False, False), False),
]


@pytest.mark.parametrize("name,a,b,expected", OVERLAPS, ids=[o[0] for o in OVERLAPS])
def test_overlaps_is_symmetric_and_respects_open_bounds(name, a, b, expected):
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected
    assert (gap(a, b) == 0) is (expected or gap(a, b) == 0)


def test_intersect_keeps_the_tighter_bounds():
    got = intersect(half_open(1, 5), iv(3, 8, lc=False))
    assert got == iv(3, 5, lc=False, hc=False)
    assert intersect(closed(1, 2), closed(3, 4)) is None


@pytest.mark.parametrize("a,b,expected", [
    (half_open(5_565_000, 5_575_000), point(5_576_000), 100 * 1_000 / 5_575_000),
    (point(5_576_000), half_open(5_565_000, 5_575_000), 100 * 1_000 / 5_575_000),
    (closed(1, 2), closed(1.5, 3), 0.0),
    (closed(0, 0), closed(1, 2), math.inf),
    (closed(45, 55), iv(11.05, 11.07, False, False), 100 * (45 - 11.07) / 11.07),
], ids=["claim below reference", "reference below claim", "overlapping", "from zero", "ratio far off"])
def test_distance_pct(a, b, expected):
    assert distance_pct(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("a,b,expected", [
    (5_570_000, 5_576_000, 100 * 6_000 / 5_570_000),
    (5_576_000, 5_570_000, 100 * 6_000 / 5_570_000),
    (6_500_000, 5_570_000, 100 * 930_000 / 5_570_000),
    (11, 11.0617, 100 * 0.0617 / 11),
    (-2, 2, 200.0),
    (0, 0, 0.0),
    (1, 0, None),
], ids=["5.57 M vs 5.576 M", "same pair reversed", "6.5 M vs 5.57 M", "11x vs 11.06x", "opposite signs",
        "both zero", "one zero"])
def test_spread_pct_is_symmetric_in_percent_of_the_smaller(a, b, expected):
    got = spread_pct(a, b)
    assert got == (pytest.approx(expected) if expected is not None else None)


def test_nonnegative_cuts_below_zero_only():
    assert nonnegative(iv(None, 10, hc=False)) == iv(0, 10, hc=False)
    assert nonnegative(closed(2, 3)) == closed(2, 3)


@pytest.mark.parametrize("interval,unit,expected", [
    (iv(17.937, None, lc=False), "x", "> 17.9x"),
    (iv(17.937, None), "x", ">= 17.9x"),
    (iv(None, 5, hc=False), "", "< 5.00"),
    (iv(30_835_000 / 2_788_500, 30_845_000 / 2_787_500, False, False), "x", "(11.058x, 11.065x)"),
    (half_open(5.565, 5.575), "", "[5.565, 5.575)"),
    (half_open(499.5, 500.5), "", "[499.5, 500.5)"),
    (point(11.0617), "x", "11.06x"),
    (point(200), " USD", "200 USD"),
    (point(5.5), "", "5.5"),
    (Interval(), "x", "any value"),
], ids=["open lower bound", "closed lower bound", "upper bound", "reference ratio", "rounded millions",
        "rounded billions", "point", "whole point", "point without trailing zeros", "unbounded"])
def test_describe(interval, unit, expected):
    assert describe(interval, unit) == expected


@pytest.mark.parametrize("kwargs", [dict(low=2.0, high=1.0), dict(low=1.0, high=1.0, high_closed=False),
                                    dict(low=math.inf), dict(high=math.nan)],
                         ids=["reversed", "empty point", "infinite bound", "nan bound"])
def test_invalid_intervals_are_refused(kwargs):
    with pytest.raises(ValueError):
        Interval(**kwargs)


def test_intervals_are_immutable():
    a = closed(1, 2)
    with pytest.raises(FrozenInstanceError):
        a.low = 0  # type: ignore[misc]


bounded = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@st.composite
def intervals_with_member(draw):
    a, b = sorted((draw(bounded), draw(bounded)))
    t = draw(st.floats(min_value=0, max_value=1))
    x = min(max(a + (b - a) * t, a), b)  # rounding may step past a bound
    lc, hc = draw(st.booleans()), draw(st.booleans())
    if a == b:
        lc = hc = True
    elif (x == a and not lc) or (x == b and not hc):
        lc = hc = True
    return Interval(low=a, high=b, low_closed=lc, high_closed=hc), x


@hsettings(max_examples=200, deadline=None)
@given(intervals_with_member(), intervals_with_member())
def test_products_and_quotients_contain_every_member_product(p, q):
    (a, x), (b, y) = p, q
    prod = multiply(a, b)
    assert contains(prod, x * y) or any(math.isclose(x * y, e, rel_tol=1e-9, abs_tol=1e-9)
                                        for e in (prod.low, prod.high) if e is not None)
    if abs(y) > 1e-9 and not contains(b, 0):
        quot = divide(a, b)
        assert contains(quot, x / y) or any(math.isclose(x / y, e, rel_tol=1e-9, abs_tol=1e-12)
                                            for e in (quot.low, quot.high) if e is not None)
