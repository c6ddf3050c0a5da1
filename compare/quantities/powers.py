"""Powers of ten written after a figure ("3.8e25", "2,1 x 10^25", "3,14 × 10²³", "2 × 10^{25}", "10^-3"), read exactly
and kept finite: a value beyond a float becomes inf or nan, and the reader skips it as out of range."""
from __future__ import annotations

import math
import re
from decimal import Decimal

from compare.numbers import scaled_precision
from compare.phrases import SP
from compare.quantities.reading import Reading

_EXPONENT = re.compile(r"[eE]([-+]?\d{1,3})(?![\w])|\^([-+]*)(\d{1,3})")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_TIMES_TEN = re.compile(SP + r"*[x×·*]" + SP + r"*10(?:\^[({]?([-+−]?\d{1,3})[)}]?|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
_TEN_POWER = re.compile(r"([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})")
# "3,8 × 1025", "3,8 × 1 025": a superscript exponent lost when the text was copied (docs/annotation.md,
# decision 12); only after a mantissa of scientific notation (one digit, a decimal) and for the powers
# a count of operations takes, so "2 x 1024 pixels" stays a product.
_FLAT_TEN = re.compile(SP + r"*[x×·*]" + SP + r"*1[\s\u00a0\u202f]?0(1[89]|2\d|30)(?![\d,.])")
_MANTISSA = re.compile(r"[1-9][.,]\d{1,3}")


def read_power(text: str, r: Reading, end: int) -> bool:
    """ "3.8e25", "2,1 x 10^25", "3,14 × 10²³", "10²⁵", "10^-3": the power of ten joins the figure."""
    value = r.value
    assert value is not None  # a figure read, not yet a range
    em = _EXPONENT.match(text, end)
    xm = None if em else _TIMES_TEN.match(text, end)
    if not em and not xm and _MANTISSA.fullmatch(text, r.start, end):
        xm = _FLAT_TEN.match(text, end)
    sup = None if em or xm or text[r.start:end] != "10" else _TEN_POWER.match(text, end)
    pm = xm or sup
    if pm:
        power = (pm.group(1) or pm.group(2)) if xm else pm.group(1)
        e = int(power.translate(_SUPERSCRIPTS).replace("−", "-"))
        r.value = _times_ten_to(value if xm else 1.0, e)
        r.precision = scaled_precision(r.precision, _ten_to(e)) if xm else None
        r.end = pm.end()
    elif em:
        if em.group(1):
            e = int(em.group(1))
            r.value, r.precision = _times_ten_to(value, e), scaled_precision(r.precision, _ten_to(e))
        else:
            power = int(em.group(3)) * (-1 if em.group(2).count("-") % 2 else 1)
            try:
                r.value = abs(value) ** power * (-1 if value < 0 else 1)
            except (OverflowError, ZeroDivisionError):
                r.value = math.inf  # skipped as out of range
            r.precision = None
        r.end = em.end()
    else:
        return False
    r.plain_int = False
    return True


def _times_ten_to(value: float, e: int) -> float:
    """value × 10^e without binary rounding drift (2.1 × 10^25 is 2.1e25, not 2.1000000000000003e25);
    inf when it is beyond a float (the figure is then skipped as out of range)."""
    got = float(Decimal(repr(value)).scaleb(e))
    return math.nan if got == 0 and value != 0 else got  # below a float: out of range too


def _ten_to(e: int) -> float:
    try:
        return 10.0 ** e
    except OverflowError:
        return math.inf


def finite(r: Reading) -> bool:
    """Whether every number of a reading is a float that JSON can write (no inf, no nan)."""
    return all(v is None or math.isfinite(v) for v in (r.value, r.low, r.high, r.precision))
