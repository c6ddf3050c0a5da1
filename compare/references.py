"""A separate file of reference figures (`--references FILE`), read and checked against the rules.

The models (Reference, Source, Rate, Settings) are part of the rule format and live in
compare/rules/model.py; they are re-exported here for the modules that import them from here.
This module imports the rules, never the other way round.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional, Sequence, Union

from pydantic import ValidationError

from compare.errors import Problem, UserError
from compare.phrases import name_key
from compare.rules.model import CURRENCY, Rate, Reference, RuleSet, Settings, Source
from compare.yamlfiles import KeyPath, YamlDoc, read_yaml, yaml_files

__all__ = ["CURRENCY", "Rate", "Reference", "Settings", "Source", "load_references", "reference_files"]


def reference_files(paths: Sequence[Union[str, Path]]) -> list[Path]:
    """Files named by paths (a folder gives its YAML files, sorted)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(yaml_files(p))
        else:
            files.append(p)
    return files


def _validation_problems(e: ValidationError, doc: YamlDoc, item: KeyPath, what: str) -> list[Problem]:
    out = []
    for err in e.errors():
        loc = tuple(p for p in err["loc"] if p != "__root__")
        field = ".".join(str(p) for p in loc)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = f"unknown key {field!r} (check its spelling)"
        elif err["type"] == "missing":
            msg = f"missing key {field!r}"
        elif field:
            msg = f"{field}: {msg}"
        out.append(doc.problem(f"{what}: {msg}", item + loc))
    return out


def _name_problem(ref: Reference, rules: RuleSet) -> list[tuple[str, str]]:
    """(field, message) for an entity or quantity the rules do not know: such a figure would never be used."""
    out = []
    known = {e.name for e in rules.entities}
    if ref.entity not in known and not any(re.fullmatch(f.pattern, ref.entity) for f in rules.families):
        key = name_key(ref.entity)
        owner = next((e.name for e in rules.entities if key in {name_key(a) for a in [e.name, *e.aliases]}), None)
        if owner:
            out.append(("entity", f'entity "{ref.entity}" is a name of "{owner}": write the canonical name "{owner}"'))
        else:
            out.append(("entity", f'entity "{ref.entity}" is not a known entity: no claim would ever be compared with it'))
    if rules.quantities and rules.quantity(ref.quantity) is None:
        ids = ", ".join(sorted(q.id for q in rules.quantities))
        out.append(("quantity", f'quantity "{ref.quantity}" is not a known quantity (known: {ids})'))
    return out


def load_references(paths: Sequence[Union[str, Path]], rules: Optional[RuleSet] = None) -> list[Reference]:
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
        doc = read_yaml(path, problems)
        if doc is None or doc.broken:  # a refused value (a tag, NaN) is reported already
            continue
        data = doc.data
        if data is None:
            problems.append(Problem("file is empty: expected a top key `references:` with a list of figures", file=file))
            continue
        if not isinstance(data, dict):
            problems.append(Problem("expected a top key `references:` with a list of figures", file=file, line=1))
            continue
        for key in data:
            if key != "references":
                problems.append(doc.problem(f"unknown top key {key!r}: a references file holds only `references:`",
                                            (key,), key=True))
        raw = data.get("references")
        if raw is None or not isinstance(raw, list):
            message = "no `references:` list in this file" if raw is None else "`references:` must be a list of figures"
            problems.append(doc.problem(message, ("references",)) if "references" in data else Problem(message, file))
            continue
        for i, item in enumerate(raw):
            at = ("references", i)
            rid = item.get("id") if isinstance(item, dict) else None
            what = f"reference {rid!r}" if rid else f"reference #{i + 1}"
            if rid is not None:
                if str(rid) in first_seen:
                    problems.append(doc.problem(f"duplicate reference id {str(rid)!r} (first at {first_seen[str(rid)]})", at))
                    continue
                first_seen[str(rid)] = f"{file}:{doc.at(at)[0]}"
            try:
                ref = Reference.model_validate(item)
            except ValidationError as e:
                problems.extend(_validation_problems(e, doc, at, what))
                continue
            named = _name_problem(ref, rules) if rules is not None else []
            problems.extend(doc.problem(f"{what}: {message}", at + (field,)) for field, message in named)
            if not named:
                refs.append(ref)
    if problems:
        raise UserError(problems)
    return refs
