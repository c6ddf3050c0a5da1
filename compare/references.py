"""Reference figures from primary sources, exchange rates and comparison settings (rule-file models).

They live in the rules (`references:`, `rates:`, `settings:`) so an analyst can edit them;
`load_references` reads a separate file of references given with `--references FILE`.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional, Sequence, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from compare.errors import Problem, UserError
from compare.yamlfiles import WordsLoader, yaml_files

if TYPE_CHECKING:
    from compare.rules import RuleSet

Qualifier = Literal["=", ">", ">=", "<", "<=", "~", "range"]
CURRENCY = re.compile(r"^[A-Z]{3}$")


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _iso_date(v: Optional[str]) -> Optional[str]:
    if v is None:
        return v
    v = str(v)
    try:
        dt.date.fromisoformat(v[:10])
    except ValueError:
        raise ValueError(f"date {v!r} is not YYYY-MM-DD") from None
    return v


class Source(Strict):
    """Where a reference figure comes from."""

    title: str
    url: Optional[str] = None
    date: Optional[str] = Field(None, description="Publication date, YYYY-MM-DD.")

    _date = field_validator("date", mode="before")(_iso_date)


class Reference(Strict):
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


class Rate(Strict):
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


class Settings(Strict):
    approx_tolerance: float = Field(0.10, ge=0, description="Relative tolerance of a `~` claim.")
    close_tolerance: float = Field(0.02, ge=0, description="Two figures this close (relative) are `close`, not `disagree`.")
    ratio_tolerance: float = Field(0.10, ge=0, description="A stated ratio within this of the computed one is `consistent`.")
    currency: str = Field("USD", description="Currency that money is converted to before it is compared.")


def _line_of(node: Optional[yaml.Node]) -> Optional[int]:
    return None if node is None else node.start_mark.line + 1


def _item_nodes(root: Optional[yaml.Node]) -> tuple[Optional[yaml.Node], list[yaml.Node]]:
    """The `references:` sequence node and its items, for line numbers."""
    if not isinstance(root, yaml.MappingNode):
        return None, []
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "references":
            return value, list(value.value) if isinstance(value, yaml.SequenceNode) else []
    return None, []


def _field_node(item: Optional[yaml.Node], loc: tuple) -> Optional[yaml.Node]:
    """The node at a pydantic error location inside one item, as deep as the YAML goes."""
    node = item
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            nxt = node.value[part]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
    return node


def _validation_problems(e: ValidationError, file: str, node: Optional[yaml.Node], what: str) -> list[Problem]:
    out = []
    for err in e.errors():
        loc = tuple(p for p in err["loc"] if p != "__root__")
        at = _field_node(node, loc)
        field = ".".join(str(p) for p in loc)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = f"unknown key {field!r} (check its spelling)"
        elif err["type"] == "missing":
            msg = f"missing key {field!r}"
        elif field:
            msg = f"{field}: {msg}"
        line = _line_of(at)
        col = at.start_mark.column + 1 if at is not None else None
        out.append(Problem(f"{what}: {msg}", file=file, line=line, column=col))
    return out


def reference_files(paths: Sequence[Union[str, Path]]) -> list[Path]:
    """Files named by paths (a folder gives its YAML files, sorted)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(yaml_files(p))
        else:
            files.append(p)
    return files


def _name_problem(ref: Reference, rules: "RuleSet") -> list[tuple[str, str]]:
    """(field, message) for an entity or quantity the rules do not know: such a figure would never be used."""
    out = []
    known = {e.name for e in rules.entities}
    if ref.entity not in known and not any(re.fullmatch(f.pattern, ref.entity) for f in rules.families):
        fold = ref.entity.casefold().replace("-", " ")
        owner = next((e.name for e in rules.entities
                      if fold in {a.casefold().replace("-", " ") for a in [e.name, *e.aliases]}), None)
        if owner:
            out.append(("entity", f'entity "{ref.entity}" is a name of "{owner}": write the canonical name "{owner}"'))
        else:
            out.append(("entity", f'entity "{ref.entity}" is not a known entity: no claim would ever be compared with it'))
    if rules.quantities and rules.quantity(ref.quantity) is None:
        ids = ", ".join(sorted(q.id for q in rules.quantities))
        out.append(("quantity", f'quantity "{ref.quantity}" is not a known quantity (known: {ids})'))
    return out


def load_references(paths: Sequence[Union[str, Path]], rules: Optional["RuleSet"] = None) -> list[Reference]:
    """Reference figures from YAML files with a top key `references:`; raises UserError listing every problem.

    With `rules`, entity names and quantity ids are checked against them too.
    """
    problems: list[Problem] = []
    refs: list[Reference] = []
    first_seen: dict[str, str] = {}
    for path in reference_files(paths):
        file = str(path)
        if not path.is_file():
            problems.append(Problem("references file does not exist", file=file))
            continue
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.load(text, Loader=WordsLoader)
            root = yaml.compose(text, Loader=WordsLoader)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            problems.append(Problem(f"not valid YAML: {getattr(e, 'problem', None) or e}", file=file,
                                    line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None))
            continue
        if data is None:
            problems.append(Problem("file is empty: expected a top key `references:` with a list of figures", file=file))
            continue
        if not isinstance(data, dict):
            problems.append(Problem("expected a top key `references:` with a list of figures", file=file, line=1))
            continue
        for key in data:
            if key != "references":
                problems.append(Problem(f"unknown top key {key!r}: a references file holds only `references:`",
                                        file=file, line=_line_of(_field_node(root, (key,)))))
        seq_node, items = _item_nodes(root)
        raw = data.get("references")
        if raw is None:
            problems.append(Problem("no `references:` list in this file", file=file, line=_line_of(seq_node)))
            continue
        if not isinstance(raw, list):
            problems.append(Problem("`references:` must be a list of figures", file=file, line=_line_of(seq_node)))
            continue
        for i, item in enumerate(raw):
            node = items[i] if i < len(items) else None
            rid = item.get("id") if isinstance(item, dict) else None
            what = f"reference {rid!r}" if rid else f"reference #{i + 1}"
            if rid is not None:
                if str(rid) in first_seen:
                    problems.append(Problem(f"duplicate reference id {str(rid)!r} (first at {first_seen[str(rid)]})",
                                            file=file, line=_line_of(node)))
                    continue
                first_seen[str(rid)] = f"{file}:{_line_of(node)}"
            try:
                ref = Reference.model_validate(item)
            except ValidationError as e:
                problems.extend(_validation_problems(e, file, node, what))
                continue
            named = _name_problem(ref, rules) if rules is not None else []
            for field, message in named:
                at = _field_node(node, (field,))
                problems.append(Problem(f"{what}: {message}", file=file, line=_line_of(at),
                                        column=at.start_mark.column + 1 if at is not None else None))
            if not named:
                refs.append(ref)
    if problems:
        raise UserError(problems)
    return refs
