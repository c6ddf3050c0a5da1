"""Records held by the hundred thousand until the workbook is written, made small.

pydantic keeps in every model instance the set of the fields it was given (`__pydantic_fields_set__`,
2.3 kB for a claim's 26 fields: more than the rest of the record). An export holds every claim and
every comparison until the workbook is written: at 100,000 claims these sets alone took some 400 MB.
`compact` gives records of one shape one shared frozen set; `model_fields_set` and `exclude_unset`
read it unchanged.

A model also keeps a dict of its fields (a claim's object and dict: about 900 bytes, a comparison's
about 550); `CompactClaim` and `CompactComparison` hold the same fields under the same names in
slots (about 240 and 190 bytes), for what reads them by attribute only (the comparisons, the
workbook). They are made from a validated model, never from outside data. A comparison's labels of
its two figures recur in every comparison of the figure: they are interned, one string each.
"""
from __future__ import annotations

import sys
from dataclasses import make_dataclass
from typing import TypeVar

from pydantic import BaseModel

from compare.models import Claim, Comparison

M = TypeVar("M", bound=BaseModel)
_SHARED: dict[frozenset, frozenset] = {}


def compact(record: M) -> M:
    given = frozenset(record.__pydantic_fields_set__)
    object.__setattr__(record, "__pydantic_fields_set__", _SHARED.setdefault(given, given))
    return record


CompactClaim = make_dataclass("CompactClaim", [(name, f.annotation) for name, f in Claim.model_fields.items()],
                              frozen=True, slots=True)
CompactClaim.__module__ = __name__
CompactClaim.__doc__ = "A validated Claim's fields, same names and order, in slots (read-only)."


def compact_claim(claim: Claim) -> CompactClaim:
    """The claim in slots; its values are the claim's own objects (shared strings stay shared)."""
    return CompactClaim(**claim.__dict__)


CompactComparison = make_dataclass("CompactComparison",
                                   [(name, f.annotation) for name, f in Comparison.model_fields.items()],
                                   frozen=True, slots=True)
CompactComparison.__module__ = __name__
CompactComparison.__doc__ = "A Comparison's fields, same names and order, in slots (read-only)."
REPEATED = ("left", "right", "computed")


def compact_comparison(comparison: Comparison) -> CompactComparison:
    """The comparison in slots, the labels it shares with other comparisons of its figures interned."""
    fields = comparison.__dict__
    return CompactComparison(**{**fields, **{n: sys.intern(fields[n]) for n in REPEATED if fields[n] is not None}})
