"""The rule format: entities, families, quantities with their cues and examples, reference
figures, exchange rates and comparison settings, and where each item was written.

Analysts edit these as YAML (compare/rules/loading.py reads them); the models forbid unknown
keys, so a typo is an error, never a silently ignored setting. `rules schema` is generated
from them.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal, Optional, Union

from pydantic import ConfigDict, Field, field_validator, model_validator

from compare.models import Direction, EntityStatus, Frozen, Qualifier, UserFile
from compare.comparability import Comparability

EntityKind = Literal["model", "company", "product", "project", "person", "other"]
Measure = Literal["money", "percent", "ratio", "count", "money_change"]
CURRENCY = re.compile(r"^[A-Z]{3}$")


def _iso_date(v: Optional[str]) -> Optional[str]:
    if v is None:
        return v
    v = str(v)
    try:
        dt.date.fromisoformat(v[:10])
    except ValueError:
        raise ValueError(f"date {v!r} is not YYYY-MM-DD") from None
    return v


class Source(UserFile):
    """Where a reference figure comes from."""

    title: str
    url: Optional[str] = None
    date: Optional[str] = Field(None, description="Publication date, YYYY-MM-DD.")

    _date = field_validator("date", mode="before")(_iso_date)


class Reference(UserFile):
    """A figure from a primary source, to check press claims against.

    Same meaning as a claim's fields: value in base units (5.576 M$ -> 5576000, unit USD),
    `precision` the place value of the last digit the source gives (5.576 M -> 1000).
    """

    id: str = Field(description="Short stable id, shown in comparisons (e.g. llama31-405b-compute).")
    entity: str = Field(description="Canonical entity name from the rules.")
    quantity: str = Field(description="Quantity id from the rules (training_cost, compute, price, ...).")
    value: float
    unit: Optional[str] = Field(None, description="Currency code (USD, EUR, ...), x, percent or a count unit.")
    per: Optional[str] = Field(None, description="What the figure is per (month, 1M input tokens); must match the claims'.")
    qualifier: Qualifier = "="
    low: Optional[float] = None
    high: Optional[float] = None
    precision: Optional[float] = Field(None, description="Place value of the last digit given; None means exact.")
    source: Source
    quote: Optional[str] = Field(None, description="The source's figure and context, briefly.")
    note: Optional[str] = Field(None, description="Anything an analyst should know (assumptions, period).")
    period: Optional[str] = Field(None, description="The year the figure is for (2024), if it is for one: "
                                                    "claims about another year are not compared with it.")
    market: Optional[str] = Field(None, description="The market of a price (US, Europe...), as in settings.comparable.markets.")
    tier: Optional[str] = Field(None, description="The tier or plan of a price (Plus, Pro...).")

    @field_validator("precision")
    @classmethod
    def _positive_precision(cls, v: Optional[float]) -> Optional[float]:
        if v is not None and v <= 0:
            raise ValueError("precision must be a positive place value such as 1000, 1 or 0.01")
        return v

    @model_validator(mode="after")
    def _bounds(self) -> "Reference":
        if self.qualifier == "range" and (self.low is None or self.high is None):
            raise ValueError("a range reference needs both low and high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self


class Rate(UserFile):
    """An exchange rate on a date: 1 `from` is `rate` of `to`."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
    from_: str = Field(alias="from")
    to: str
    rate: float = Field(gt=0)
    date: str
    source: Optional[str] = None

    _date = field_validator("date", mode="before")(_iso_date)

    @field_validator("from_", "to")
    @classmethod
    def _code(cls, v: str) -> str:
        if not CURRENCY.match(v):
            raise ValueError(f"currency {v!r} is not a three-letter code such as USD")
        return v


class Settings(UserFile):
    approx_tolerance: float = Field(0.10, ge=0, description="Relative tolerance of a `~` claim.")
    close_tolerance: float = Field(0.02, ge=0, description="Two figures this close (relative) are `close`, not `disagree`.")
    ratio_tolerance: float = Field(0.10, ge=0, description="A stated ratio within this of the computed one is `consistent`.")
    currency: str = Field("USD", description="Currency that money is converted to before it is compared.")
    comparable: Comparability = Field(default_factory=Comparability, description=(
        "What makes two claims comparable (period, market, tier, per) and which entities are set against each other."))
    chart_quantities: list[str] = Field(default_factory=lambda: ["training_cost"], description=(
        "Quantities charted first on the Summary sheet (any quantity with figures for 3+ entities is charted)."))



class Evidence(UserFile):
    """How much each kind of evidence counts when the quantity of a figure is decided (compare/cues.py).

    The quantity with most points wins; a figure whose best quantity has fewer than `minimum`
    points stays an unclaimed number."""

    pattern: float = Field(100, ge=0, description="An explicit regex of the quantity matched at the figure.")
    unit: float = Field(60, ge=0, description="A count in a unit this quantity counts (GPU-hours: compute).")
    frame: float = Field(45, ge=0, description="A frame of the quantity governs the figure (\"raised #\", \"valued at #\").")
    compared: float = Field(40, ge=0, description="The figure is set against the figure before it (\"contre\", \"compared "
        "with\"): that one's quantity.")
    cue: float = Field(30, ge=0, description="A cue word next to the figure; it loses half every `half_distance` characters.")
    rate: float = Field(25, ge=0, description="What the figure is per is one of the quantity's `rates` (per month: "
        "subscription).")
    weak_cue: float = Field(15, ge=0, description="A generic cue word next to the figure (spend, costs, facturé).")
    previous_figure: float = Field(12, ge=0, description="The quantity of the figure before it in the same sentence.")
    neighbour: float = Field(6, ge=0, description="A cue word of the sentence before (half for a weak cue).")
    neighbour_claim: float = Field(10, ge=0, description="The quantity of the last claim of the sentence before.")
    entity_kind: float = Field(3, ge=0, description="The nearest name is of the first of the quantity's entity_kinds; only "
                                                     "added to a quantity that has other evidence.")
    half_distance: float = Field(60, gt=0, description="Characters over which a cue word loses half its points.")
    other_clause: float = Field(0.5, ge=0, le=1, description="Factor for a cue word in another clause (across a comma, a dash).")
    other_figure: float = Field(0.5, ge=0, le=1, description="Factor for a cue word beyond another figure, or in a frame of "
        "another figure.")
    purpose: float = Field(60, ge=0, description="A frame after the figure saying what money an investing verb governs is for "
                                                 "(\"invested # to train\"); the verb's own frame then counts nothing.")
    governed: float = Field(0.5, ge=0, le=1, description="Factor for a frame after the figure when a frame of another quantity "
                                                        "before it governs it (\"raised # to train\" is the round).")
    minimum: float = Field(0.5, ge=0, description="Points the best quantity needs for the figure to become a claim.")


class Entity(UserFile):
    """A model, company, product or project, with every name the press gives it."""

    name: str = Field(description="Canonical name, used in every output.")
    kind: EntityKind = "other"
    organisation: Optional[str] = Field(None, description="Canonical name of the owner, if any.")
    aliases: list[str] = Field(default_factory=list, description="Other names, matched as whole words; spaces and hyphens are "
        "interchangeable.")
    patterns: list[str] = Field(default_factory=list, description="Regular expressions for names that aliases cannot express.")
    refers_to: Optional[str] = Field(None, description="Entity whose reference figures stand for this one (e.g. Llama 3 -> "
        "Llama 3.1 405B).")


class EntityExtension(UserFile):
    """More names for an entity defined in another file (`extends:` names it)."""

    extends: str = Field(description="Canonical name of the entity to add names to.")
    aliases: list[str] = Field(default_factory=list, description="Aliases added to the entity.")
    patterns: list[str] = Field(default_factory=list, description="Regular expressions added to the entity.")


class Family(UserFile):
    """A model family matched by pattern: a family name plus a version (Llama 3.1 405B, Qwen2.5-Max)."""

    name: str
    kind: EntityKind = "model"
    organisation: Optional[str] = None
    pattern: str = Field(description="Regular expression for one member; the matched text, tidied, becomes the entity name.")


class Pattern(UserFile):
    """An explicit regular expression for a phrasing that cue words cannot express."""

    lang: Optional[str] = Field(None, description="Language the pattern applies to; every language when left out.")
    regex: str = Field(description="Python regular expression, matched case-insensitively.")


class ExpectedClaim(UserFile):
    """A claim an example sentence must give. Fields left out are not checked."""

    entity: Optional[str] = None
    quantity: Optional[str] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    per: Optional[str] = None
    versus: Optional[str] = None
    direction: Optional[Direction] = None
    text: Optional[str] = None
    entity_status: Optional[EntityStatus] = Field(
        None, description="`detected` lets the example name an entity the rules do not list.")


class Example(UserFile):
    """A sentence and the claims it must give (`claims: []` means it must give none)."""

    lang: Optional[str] = Field(None, description="Language of the text; detected when left out.")
    text: str
    claims: list[ExpectedClaim] = Field(default_factory=list)


class Quantity(UserFile):
    """What to extract: which measures it takes, the words that signal it, and examples."""

    id: str
    label: Optional[str] = None
    measures: list[Measure] = Field(description="Kinds of mention this quantity accepts.")
    units: list[str] = Field(default_factory=list, description="Count units accepted (names from the unit vocabulary), e.g. "
        "GPU-hours.")
    target: bool = Field(True, description="False for quantities that only absorb numbers (stock moves, user counts) so they "
        "never become claims.")
    ratio_id: Optional[str] = Field(None, description="Quantity id that a ratio of this quantity is reported under in gold data "
        "(e.g. compute_ratio).")
    entity_kinds: list[EntityKind] = Field(default_factory=list, description="Kinds of entity this quantity is usually said of, "
        "preferred when several are named.")
    period: Literal["any", "required", "forbidden"] = "any"
    cues: dict[str, list[str]] = Field(description="Cue words per language; a trailing * matches any word ending.")
    weak_cues: dict[str, list[str]] = Field(default_factory=dict, description="Generic cue words per language (spend, costs, "
        "facturé) that count only when no specific cue stands as close.")
    frames: dict[str, list[str]] = Field(default_factory=dict, description=(
        "Phrases per language that govern the figure, # standing for it: \"raised #\", \"valued ... at #\", \"# to train\" "
        "(... is a gap of a few words)."))
    purpose_frames: dict[str, list[str]] = Field(default_factory=dict, description=(
        "Frames that say where money goes but not what for (\"invested #\", \"investissement de #\"): they count like "
        "`frames` unless a frame of another quantity stands after the figure, its purpose (\"invested # to train\"), "
        "which then decides."))
    rates: list[str] = Field(default_factory=list, description="What a figure of this quantity is per (month, 1M tokens, "
        "GPU-hour): evidence for it.")
    at_most: Optional[float] = Field(None, gt=0, description=(
        "Largest plausible amount of money, in the comparison currency (settings.currency, at the rules' rates): a "
        "figure above it is a bill, a deal or a market, not this quantity, and stays unclaimed with the reason."))
    at_least: Optional[float] = Field(None, ge=0, description=(
        "Smallest plausible amount of money, in the comparison currency: a figure below it (a company's revenue of "
        "'$2.91', a valuation of '$200') is an amount per unit or per user, not this quantity."))
    unrated_at_most: Optional[float] = Field(None, gt=0, description=(
        "Largest plausible amount of money said with no rate (no per month, per million tokens...), in the comparison "
        "currency: above it the figure is no such quantity; said of a name whose kind another quantity is said of "
        "first, on generic evidence only, it is that quantity (a model that 'costs $191 million' was trained for it)."))
    patterns: list[Pattern] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)


class QuantityExtension(UserFile):
    """More cues, units, patterns or examples for a quantity defined in another file (`extends:` names it)."""

    extends: str = Field(description="Id of the quantity to add to.")
    units: list[str] = Field(default_factory=list)
    cues: dict[str, list[str]] = Field(default_factory=dict, description="Cue words added per language.")
    weak_cues: dict[str, list[str]] = Field(default_factory=dict, description="Generic cue words added per language.")
    frames: dict[str, list[str]] = Field(default_factory=dict, description="Frames added per language.")
    rates: list[str] = Field(default_factory=list, description="Rates added.")
    patterns: list[Pattern] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)


class RuleFile(UserFile):
    """One YAML file of the rule set; every key is optional."""

    include: list[str] = Field(default_factory=list, description="Other rule files or folders, relative to this file.")
    entities: list[Union[Entity, EntityExtension]] = Field(default_factory=list)
    families: list[Family] = Field(default_factory=list)
    quantities: list[Union[Quantity, QuantityExtension]] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    rates: list[Rate] = Field(default_factory=list)
    settings: Optional[Settings] = None
    evidence: Optional[Evidence] = Field(None, description="How much each kind of evidence counts for a figure's quantity.")


class RuleSet(Frozen):
    """The rule set in effect: every file merged, extensions applied, ids unique."""

    files: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    families: tuple[Family, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    references: tuple[Reference, ...] = ()
    rates: tuple[Rate, ...] = ()
    settings: Settings = Settings()
    evidence: Evidence = Evidence()

    def quantity(self, qid: str) -> Optional[Quantity]:
        return next((q for q in self.quantities if q.id == qid), None)

    def entity(self, name: str) -> Optional[Entity]:
        return next((e for e in self.entities if e.name == name), None)


class Location(Frozen):
    """Where a rule item was written: 1-based line and column of its first key."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Locations(Frozen):
    """Where each item of a RuleSet came from, for `rules test` and the workbook's Rules sheet.

    `examples[qid][i]` locates `ruleset.quantity(qid).examples[i]` (examples added by an
    `extends:` item point into the extending file). `extensions` lists, per extended id, the
    `extends:` items that added to it.
    """

    entities: dict[str, Location] = Field(default_factory=dict)
    families: dict[str, Location] = Field(default_factory=dict)
    quantities: dict[str, Location] = Field(default_factory=dict)
    references: dict[str, Location] = Field(default_factory=dict)
    examples: dict[str, tuple[Location, ...]] = Field(default_factory=dict)
    extensions: dict[str, tuple[Location, ...]] = Field(default_factory=dict)

    def example(self, qid: str, index: int) -> Optional[Location]:
        found = self.examples.get(qid, ())
        return found[index] if 0 <= index < len(found) else None

