"""The rule format (entities, quantities, references, rates, settings) and its loader.

Analysts edit these YAML files, not Python. The models forbid unknown keys so that a typo is
an error with a location, never a silently ignored setting.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field

from compare.errors import Problem, UserError
from compare.references import Rate, Reference, Settings

EntityKind = Literal["model", "company", "product", "project", "person", "other"]
Measure = Literal["money", "percent", "ratio", "count"]


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Entity(Strict):
    """A model, company, product or project, with every name the press gives it."""

    name: str = Field(description="Canonical name, used in every output.")
    kind: EntityKind = "other"
    organisation: Optional[str] = Field(None, description="Canonical name of the owner, if any.")
    aliases: list[str] = Field(default_factory=list, description="Other names, matched as whole words; spaces and hyphens are interchangeable.")
    patterns: list[str] = Field(default_factory=list, description="Regular expressions for names that aliases cannot express.")
    refers_to: Optional[str] = Field(None, description="Entity whose reference figures stand for this one (e.g. Llama 3 -> Llama 3.1 405B).")


class Family(Strict):
    """A model family matched by pattern: a family name plus a version (Llama 3.1 405B, Qwen2.5-Max)."""

    name: str
    kind: EntityKind = "model"
    organisation: Optional[str] = None
    pattern: str = Field(description="Regular expression for one member; the matched text, tidied, becomes the entity name.")


class Pattern(Strict):
    """An explicit regular expression for a phrasing that cue words cannot express."""

    lang: Optional[str] = None
    regex: str


class ExpectedClaim(Strict):
    """A claim an example sentence must give. Fields left out are not checked."""

    entity: Optional[str] = None
    quantity: Optional[str] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    per: Optional[str] = None
    versus: Optional[str] = None
    direction: Optional[str] = None
    text: Optional[str] = None


class Example(Strict):
    """A sentence and the claims it must give (`claims: []` means it must give none)."""

    lang: Optional[str] = None
    text: str
    claims: list[ExpectedClaim] = Field(default_factory=list)


class Quantity(Strict):
    """What to extract: which measures it takes, the words that signal it, and examples."""

    id: str
    label: Optional[str] = None
    measures: list[Measure] = Field(description="Kinds of mention this quantity accepts.")
    units: list[str] = Field(default_factory=list, description="Count units accepted (names from the unit vocabulary), e.g. GPU-hours.")
    target: bool = Field(True, description="False for quantities that only absorb numbers (stock moves, user counts) so they never become claims.")
    ratio_id: Optional[str] = Field(None, description="Quantity id that a ratio of this quantity is reported under in gold data (e.g. compute_ratio).")
    entity_kinds: list[EntityKind] = Field(default_factory=list, description="Kinds of entity this quantity is usually said of, preferred when several are named.")
    period: Literal["any", "required", "forbidden"] = "any"
    cues: dict[str, list[str]] = Field(description="Cue words per language; a trailing * matches any word ending.")
    patterns: list[Pattern] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)


class RuleFile(Strict):
    """One YAML file of the rule set; every key is optional."""

    include: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    families: list[Family] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    rates: list[Rate] = Field(default_factory=list)
    settings: Optional[Settings] = None


class RuleSet(Strict):
    """The rule set in effect: every file merged, ids unique."""

    files: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    families: tuple[Family, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    references: tuple[Reference, ...] = ()
    rates: tuple[Rate, ...] = ()
    settings: Settings = Settings()

    def quantity(self, qid: str) -> Optional[Quantity]:
        return next((q for q in self.quantities if q.id == qid), None)

    def entity(self, name: str) -> Optional[Entity]:
        return next((e for e in self.entities if e.name == name), None)


def rule_files(paths: list[Union[str, Path]]) -> list[Path]:
    """The YAML files named by paths (files, or folders read recursively), sorted for determinism."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            raise UserError(Problem(f"rules path does not exist: {p}", file=str(p)))
    return files


def load_rules(paths: list[Union[str, Path]]) -> RuleSet:
    """Load and merge rule files. Raises UserError listing every problem found."""
    problems: list[Problem] = []
    merged: dict[str, list] = {k: [] for k in ("entities", "families", "quantities", "references", "rates")}
    settings = Settings()
    seen: set[Path] = set()
    queue = list(rule_files(paths))
    files: list[str] = []
    while queue:
        f = queue.pop(0)
        if f.resolve() in seen:
            continue
        seen.add(f.resolve())
        files.append(str(f))
        try:
            data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
            rf = RuleFile.model_validate(data)
        except Exception as e:  # replaced by the located validator
            problems.append(Problem(str(e).splitlines()[0], file=str(f)))
            continue
        for inc in rf.include:
            queue.append((f.parent / inc))
        for k in merged:
            merged[k].extend(getattr(rf, k))
        if rf.settings:
            settings = rf.settings
    if problems:
        raise UserError(problems)
    return RuleSet(files=tuple(files), settings=settings, **{k: tuple(v) for k, v in merged.items()})
