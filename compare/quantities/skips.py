"""The numbers that are no quantity, and why: years, dates, times, versions, names, references.

Every judgement that a figure is not a quantity is made here, once, by the reader; the reader
returns each skipped figure with its reason (`Skipped`), so that later stages (the Unclaimed
sheet) say why without judging again. **This is the one place where a number is judged a year.**
"""
from __future__ import annotations

import re
from typing import NamedTuple

from compare.phrases import SP
from compare.quantities.grammar import Grammar

YEARS = (1800, 2100)  # a plain four-digit integer in this range, with nothing that makes it a quantity, is a year

REASONS = {
    "year": "a year",
    "date": "a date",
    "time": "a time",
    "version": "a version number of a named product",
    "name": "part of a name (a model or product name)",
    "reference": "a reference (page, article, rank, number...)",
    "phone": "a phone number",
    "fraction": "a date or fraction written with a slash",
    "range": "out of range",
}
"""Why a figure was skipped -> how the Unclaimed sheet says it."""


class Skipped(NamedTuple):
    """A figure the reader did not read as a quantity: text[start:end], and why (a key of REASONS)."""

    start: int
    end: int
    reason: str


def is_year(value: float, length: int, plain: bool) -> bool:
    """A plain integer of four digits between 1800 and 2100."""
    return plain and length == 4 and YEARS[0] <= value <= YEARS[1]


_YEAR_END = frozenset(",.;:)!?»”\"'")
_YEAR_TAIL = re.compile(r"(?:[-–/]\d{1,4}(?!\d))+")


def plainly_a_year(text: str, end: int) -> bool:
    """A year followed by punctuation or the end: no unit can follow, so it is skipped early."""
    nxt = text[end:end + 1]
    return not nxt or nxt in _YEAR_END or nxt == "\n"


def year_end(text: str, end: int) -> tuple[int, str]:
    """The end of a year and of what is joined to it, and what it is: years ("2023-2024", "2024/25")
    or, with a month and a day, a date ("2025-01-24")."""
    ym = _YEAR_TAIL.match(text, end)
    if not ym:
        return end, "year"
    return ym.end(), "date" if sum(ym.group().count(c) for c in "-–/") >= 2 else "year"


def is_day(value: float, text: str, end: int, before: str, g: Grammar) -> bool:
    """A day of the month: 1 to 31 next to a month or a weekday ("26 janvier", "Monday 3")."""
    return value == int(value) and 0 < value <= 31 and bool(
        g.date_after.match(text, end) or before in g.months or before in g.weekdays)


def is_reference(before: str, g: Grammar) -> bool:
    """A page, article, rank... number: "page 5", "article 3", "top 10"."""
    return before in g.references


PHONE = re.compile(r"\+\d{1,3}(?:[\s.\-/]\(?\d{1,4}\)?){2,}|0\d(?:[\s.]\d{2}){4}(?!\d)|\(?\d{3}\)?[\s.\-]\d{3}-\d{4}(?!\d)")


def phone_end(text: str, s: int, before_ch: str) -> int:
    """The end of a phone number starting at s (or at the "+" or "(" before it), else 0."""
    pm = PHONE.match(text, s - 1 if before_ch in "+(" else s)
    if pm and (before_ch == "+" or pm.group().count(" ") >= 4 or "-" in pm.group()):
        return pm.end()
    return 0


_ELISION = re.compile(r"^\w{1,2}[’']")
_PREV_TOKEN = re.compile(SP + r"*(?P<tok>[^\s]+)")


def previous_token(rev: str) -> str:
    """The word before the number, from the reversed text before it."""
    m = _PREV_TOKEN.match(rev)
    return m.group("tok")[::-1] if m else ""


def is_product_name(tok: str, g: Grammar) -> bool:
    """Whether the word before a bare number names a product ("Grok 3", "l'iPhone 16", "CAC 40"):
    the number is its version."""
    if not tok or not tok[-1].isalnum():
        return False
    tok = _ELISION.sub("", tok.lstrip("“\"«‘'([*"))
    if not tok[:1].isalpha() or not any(c.isupper() for c in tok):
        return False
    return tok.lower() not in g.not_names


_URL_START = re.compile(r"(?:https?://|www\.)\S*\Z")


def in_url(text: str, pos: int) -> bool:
    """Whether pos is inside a web address (its digits are no figures at all)."""
    space = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos))
    return bool(_URL_START.search(text, space + 1, pos))
