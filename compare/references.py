"""Reference figures from primary sources, exchange rates and comparison settings (rule-file models).

They live in the rules (`references:`, `rates:`, `settings:`) so an analyst can edit them.
"""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Strict):
    title: str
    url: Optional[str] = None
    date: Optional[str] = None


class Reference(Strict):
    """A figure from a primary source, to check press claims against."""

    id: str
    entity: str
    quantity: str
    value: float
    unit: Optional[str] = None
    per: Optional[str] = None
    qualifier: str = "="
    low: Optional[float] = None
    high: Optional[float] = None
    precision: Optional[float] = None
    source: Source
    quote: Optional[str] = None


class Rate(Strict):
    """An exchange rate on a date: 1 `from_` is `rate` of `to`."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
    from_: str = Field(alias="from")
    to: str
    rate: float
    date: str


class Settings(Strict):
    approx_tolerance: float = Field(0.10, description="Relative tolerance of a `~` claim.")
    close_tolerance: float = Field(0.02, description="Two figures this close (relative) are `close`, not `disagree`.")
    ratio_tolerance: float = Field(0.10, description="A stated ratio within this of the computed one is `consistent`.")


