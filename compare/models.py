"""Typed, frozen records that cross module boundaries: Article, Mention, Claim, Unclaimed, Comparison,
and the shared bases `Frozen` and `UserFile`.

Every stage of the pipeline takes and returns these, so a stage can run in another process
(or on Dask) and its output can be serialised and compared byte for byte.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

Qualifier = Literal["=", ">", ">=", "<", "<=", "~", "range"]
Kind = Literal["number", "money", "percent", "ratio", "count"]
Direction = Literal["less", "more", "up", "down"]
EntityStatus = Literal["known", "detected", "none"]


class Frozen(BaseModel):
    """The base of every record and model: immutable, and an unknown field is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class UserFile(Frozen):
    """The base of what an analyst writes in YAML (rules, vocabularies, references): frozen, and an
    unknown key is an error, never a silently ignored setting. A number must be finite: NaN and
    infinities (`.nan`, `"inf"`, `1e999`) are errors, never a figure."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Article(Frozen):
    """One article: its text (footer removed) and what its footer or path says about it."""

    id: str
    path: str
    text: str
    url: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None
    title: Optional[str] = None
    lang: str = "en"


class Mention(Frozen):
    """One quantity as written in a text: `text == source[start:end]`.

    `value` is in base units (5,57 millions -> 5570000); for a ratio it is the stated factor.
    `precision` is the place value of the last digit written (5,57 millions -> 10000), from
    which comparisons derive the rounding interval the text implies.
    """

    text: str
    start: int
    end: int
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    kind: Kind = "number"
    qualifier: Qualifier = "="
    per: Optional[str] = None
    direction: Optional[Direction] = None
    precision: Optional[float] = None
    note: Optional[str] = None

    @classmethod
    def from_row(cls, values: tuple) -> "Mention":
        """The Mention of field values already valid, in field order: the quantity reader's rows
        (`reading.mention_row`), built as `model_construct` builds a model, without validating the
        values again (a fifth of the time). Equal to `Mention(**fields)`, its set fields included."""
        m = _new(cls)
        _set(m, "__dict__", dict(zip(_MENTION_FIELDS, values)))
        _set(m, "__pydantic_fields_set__", _ALL_SET.copy())
        _set(m, "__pydantic_extra__", None)
        _set(m, "__pydantic_private__", None)
        return m


_MENTION_FIELDS = tuple(Mention.model_fields)
_ALL_SET = set(_MENTION_FIELDS)
_new, _set = object.__new__, object.__setattr__


class Claim(Frozen):
    """A mention that the rules attribute to an entity and a quantity id.

    The first keys are the public claim record (see README): never rename them.
    """

    id: str
    article: str
    entity: Optional[str]
    quantity: str
    value: Optional[float]
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Qualifier = "="
    per: Optional[str] = None
    versus: Optional[str] = None
    direction: Optional[Direction] = None
    text: str
    start: int
    end: int
    sentence: str
    rule: str
    # Beyond the public record: what an analyst needs to judge the claim.
    kind: Kind = "number"
    entity_status: EntityStatus = "known"
    entity_kind: Optional[str] = None
    cue: Optional[str] = None
    why: Optional[str] = None
    lang: str = "en"
    precision: Optional[float] = None
    note: Optional[str] = None
    sentence_start: int = 0


class Unclaimed(Frozen):
    """A number in an article that became no claim, and why."""

    article: str
    text: str
    start: int
    end: int
    value: Optional[float] = None
    unit: Optional[str] = None
    kind: Kind = "number"
    sentence: str
    reason: str
    sentence_start: int = 0  # offset of the sentence in the article: text == sentence[start - sentence_start:...]


class Comparison(Frozen):
    """Two sides of a comparison, the interval computed from them, and the verdict.

    kind: `across_sources` (same entity and quantity in two sources), `entity_ratio` (one
    quantity between two entities), `stated_ratio` (a ratio the text states against the one the
    figures imply). `computed_low`/`computed_high` bound the ratio left/right (None: unbounded,
    `computed` says which bounds are open); `computed_value` is the ratio of the central values.
    `basis` says what the right side rests on: `references`, `claims` or a mix.
    """

    id: str
    kind: Literal["across_sources", "entity_ratio", "stated_ratio"]
    quantity: str
    entity: Optional[str] = None
    versus: Optional[str] = None
    unit: Optional[str] = None
    left: str
    right: str
    left_ids: tuple[str, ...] = ()
    right_ids: tuple[str, ...] = ()
    stated: Optional[float] = None
    computed_low: Optional[float] = None
    computed_high: Optional[float] = None
    computed: Optional[str] = None
    verdict: str
    reason: str
    spread_pct: Optional[float] = None
    figures_used: Optional[str] = None
    computed_value: Optional[float] = None
    basis: Optional[str] = None
