"""Exchange rates: the rate nearest in date between two currencies, and amounts converted with it."""
from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from compare.intervals import Interval, multiply

__all__ = ["day", "find_rate", "convert"]


def day(date: Optional[str]) -> Optional[dt.date]:
    """The YYYY-MM-DD at the start of `date`, or None."""
    if not date:
        return None
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return None


def find_rate(frm: str, to: str, rates: Sequence, date: Optional[str] = None) -> Optional[tuple[float, str]]:
    """Units of `to` per unit of `frm`, from the rate nearest in date (inverse rates and one intermediate
    currency allowed), and a note saying which rate; None when no rate links them."""
    if frm == to:
        return 1.0, ""
    when = day(date)

    def nearest(a: str, b: str) -> Optional[tuple[float, str]]:
        cands = [(r.rate, r) for r in rates if (r.from_, r.to) == (a, b)]
        cands += [(1 / r.rate, r) for r in rates if (r.from_, r.to) == (b, a)]
        if not cands:
            return None

        def key(c: tuple) -> tuple:
            rd = day(c[1].date) or dt.date.min
            far = abs((rd - when).days) if when else -rd.toordinal()
            return far, rd, c[1].from_
        value, r = min(cands, key=key)
        return value, f"{r.from_}->{r.to} {r.rate:g} of {r.date}"

    direct = nearest(frm, to)
    if direct:
        return direct[0], f"1 {frm} = {direct[0]:.6g} {to} ({direct[1]})"
    for p in sorted({c for r in rates for c in (r.from_, r.to)} - {frm, to}):
        a, b = nearest(frm, p), nearest(p, to)
        if a and b:
            value = a[0] * b[0]
            return value, f"1 {frm} = {value:.6g} {to} (via {p}: {a[1]}; {b[1]})"
    return None


def convert(iv: Interval, frm: str, to: str, rates: Sequence, date: Optional[str] = None
            ) -> Optional[tuple[Interval, float, str]]:
    """An amount interval in `frm` expressed in `to`, with the factor and a note; None without a rate."""
    found = find_rate(frm, to, rates, date)
    if found is None:
        return None
    factor, note = found
    return multiply(iv, factor), factor, note
