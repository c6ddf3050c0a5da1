"""Cell values and number formats: a number shown with its unit, a link, a highlighted quote, a comment."""
from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple, Optional

from openpyxl.styles import Alignment, Font, PatternFill

from compare.cells import clean
from compare.models import Claim

CURRENCY_PREFIX = {"USD": "$", "GBP": "£"}
CURRENCY_SUFFIX = {"EUR": "€"}
QUALIFIER_PREFIX = {">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "~": "~ "}
DATE_FORMAT = "yyyy-mm-dd"
GAP_FORMAT = "+0.0%;-0.0%;0.0%"

RED = PatternFill("solid", fgColor="FFC7CE")
ORANGE = PatternFill("solid", fgColor="FFE0B2")
GREEN = PatternFill("solid", fgColor="C6EFCE")
GREY = PatternFill("solid", fgColor="EDEDED")
DARK_RED = Font(name="Calibri", color="9C0006")
LINK_FONT = Font(name="Calibri", color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="4472C4")

FLAGGED_VERDICTS = ("inconsistent", "disagree", "unverifiable")
GOOD_VERDICTS = ("consistent", "agree", "close")


class Num(NamedTuple):
    value: float
    fmt: str


class Link(NamedTuple):
    text: str
    url: Optional[str]


class Quote(NamedTuple):
    sentence: str
    start: int
    end: int


class Noted(NamedTuple):
    value: Any
    comment: str


def decimals(v: float, most: int = 4) -> int:
    """Decimal places needed to show v (at most `most`)."""
    for d in range(most + 1):
        if abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v)):
            return d
    return most


def is_percent(unit: Optional[str], kind: str) -> bool:
    return kind == "percent" or unit in ("percent", "%")


def is_ratio(unit: Optional[str], kind: str) -> bool:
    return kind == "ratio" or unit == "x"


def stored(value: Optional[float], unit: Optional[str], kind: str) -> Optional[float]:
    """The number as Excel holds it: percents as fractions (30 % -> 0.3)."""
    if value is None:
        return None
    return value / 100 if is_percent(unit, kind) else value


def quoted(text: str) -> str:
    return '"' + clean(text).replace('"', "'").replace("\\", "/") + '"'


def unit_format(unit: Optional[str], kind: str, value: float, per: Optional[str] = None,
                qualifier: str = "=", tail: str = "") -> str:
    """An Excel number format that shows the unit: "$"#,##0, #,##0 "€", 0%, 0.0"x", #,##0 "GPU-h"."""
    d = decimals(value)
    digits = "#,##0" + ("." + "0" * min(d, 2) if d else "")
    if is_percent(unit, kind):
        d = decimals(value * 100, 2)
        fmt = "0" + ("." + "0" * d if d else "") + "%"
    elif is_ratio(unit, kind):
        fmt = "0." + "0" * max(1, min(decimals(value), 2)) + quoted("x")
    elif unit in CURRENCY_PREFIX:
        fmt = quoted(CURRENCY_PREFIX[unit]) + digits
    elif unit in CURRENCY_SUFFIX:
        fmt = digits + " " + quoted(CURRENCY_SUFFIX[unit])
    elif unit and unit.lower().replace(" ", "-").startswith("gpu-h"):
        fmt = digits + " " + quoted("GPU-h")
    elif unit:
        fmt = digits + " " + quoted(unit)
    else:
        fmt = digits
    if per:
        fmt += quoted(f" per {per}")
    if tail:
        fmt += quoted(tail)
    if qualifier in QUALIFIER_PREFIX:
        fmt = quoted(QUALIFIER_PREFIX[qualifier]) + fmt
    return fmt


def display(value: Optional[float], unit: Optional[str], kind: str, per: Optional[str] = None) -> str:
    """The number as an analyst reads it in text: $5,570,000, 30%, 11x, 2,788,000 GPU-h."""
    if value is None:
        return ""
    if is_percent(unit, kind):
        return f"{value:,.{decimals(value, 2)}f}%"
    if is_ratio(unit, kind):
        return f"{value:,.{decimals(value, 2)}f}x"
    text = f"{value:,.{min(decimals(value), 2)}f}"
    if unit in CURRENCY_PREFIX:
        text = CURRENCY_PREFIX[unit] + text
    elif unit in CURRENCY_SUFFIX:
        text = f"{text} {CURRENCY_SUFFIX[unit]}"
    elif unit:
        text = f"{text} {unit}"
    return text + (f" per {per}" if per else "")


def amount(value: Optional[float], unit: Optional[str], kind: str, per: Optional[str] = None,
           qualifier: str = "=", tail: str = "") -> Optional[Num]:
    v = stored(value, unit, kind)
    return None if v is None else Num(v, unit_format(unit, kind, v, per, qualifier, tail))


def relation(c: Claim) -> str:
    """What a ratio is relative to, to show beside it: " less than Llama 3"."""
    if not (is_ratio(c.unit, c.kind) and (c.direction or c.versus)):
        return ""
    return f" {c.direction or 'vs'}" + (f" than {c.versus}" if c.versus and c.direction else
                                       f" {c.versus}" if c.versus else "")


def day(text: Optional[str]) -> Optional[datetime]:
    """A date as Excel holds it (a real date), from "2025-01-24" or "2025-01-24 11:30:00"; None if not one."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text)[:10])
    except ValueError:
        return None
