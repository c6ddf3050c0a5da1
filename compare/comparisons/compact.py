"""One shared set of given field names per record shape, instead of one per record.

pydantic keeps in every model instance the set of the fields it was given (`__pydantic_fields_set__`,
2.3 kB for a claim's 26 fields: more than the rest of the record). An export holds every claim and
every comparison until the workbook is written: at 100,000 claims these sets alone took some 400 MB.
Records of one shape share one frozen set; `model_fields_set` and `exclude_unset` read it unchanged.
"""
from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_SHARED: dict[frozenset, frozenset] = {}


def compact(record: M) -> M:
    given = frozenset(record.__pydantic_fields_set__)
    object.__setattr__(record, "__pydantic_fields_set__", _SHARED.setdefault(given, given))
    return record
