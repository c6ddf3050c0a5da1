"""Reading a rule set: files and folders, their includes, each section item validated.

Every problem is reported with the file, line and column of the offending key or value, all at
once, so that one `rules check` run lists everything to fix.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Optional, Union

from pydantic import ValidationError

from compare.errors import Problem, UserError
from compare.regexes import backtracking_risk
from compare.rules.checks import Finding, Item, found, item_problems
from compare.rules.merge import merge
from compare.rules.messages import describe_node, suggest, translate
from compare.rules.model import (Entity, EntityExtension, Evidence, Family, Locations, Quantity, QuantityExtension, Rate,
                                 Reference, RuleFile, RuleSet, Settings)
from compare.yamlfiles import KeyPath, WordsLoader, YamlDoc, file_kind, read_yaml, yaml_files

RulesLoader = WordsLoader

SECTIONS: dict[str, tuple[str, Any, Any]] = {
    # key: (noun used in messages, model, model of an `extends:` item)
    "entities": ("entity", Entity, EntityExtension),
    "families": ("family", Family, None),
    "quantities": ("quantity", Quantity, QuantityExtension),
    "references": ("reference", Reference, None),
    "rates": ("rate", Rate, None),
}
# Sections that are one mapping, given once in the whole rule set.
SINGLE: dict[str, Any] = {"settings": Settings, "evidence": Evidence}


def load_rules(paths: list[Union[str, Path]]) -> RuleSet:
    """Load and merge rule files. Raises UserError listing every problem found."""
    return load_rules_located(paths)[0]


def load_rules_located(paths: list[Union[str, Path]]) -> tuple[RuleSet, Locations]:
    """Load and merge rule files, with the location of every item. Raises UserError listing every problem."""
    rules, locations, problems = check_rules(paths)
    if problems or rules is None or locations is None:
        raise UserError(problems)
    return rules, locations


def check_rules(paths: list[Union[str, Path]]) -> tuple[Optional[RuleSet], Optional[Locations], list[Problem]]:
    """Every problem of a rule set, in file order; the RuleSet and its Locations when there is none."""
    problems: list[Problem] = []
    roots: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            roots.extend(yaml_files(p))
        elif p.is_file():
            roots.append(p)
        elif p.exists():
            problems.append(Finding(f"{p} is {_kind(p)}, not a YAML file or a folder", file=str(p), check="no-rule-files"))
        else:
            problems.append(Finding(f"rules path does not exist: {p}", file=str(p), check="no-rule-files"))
    docs: list[YamlDoc] = []
    seen: dict[Path, str] = {}
    for f in roots:
        _load_file(f, [], seen, docs, problems)
    if not docs and not problems:
        problems.append(Finding("no rule files (.yaml or .yml) found in " + ", ".join(str(p) for p in paths),
                                check="no-rule-files"))
    items, singles = _validate_docs(docs, problems)
    rules, locations = merge(docs, items, singles, problems)
    problems = _sorted_problems(problems, list(seen.values()))
    if problems:
        return None, None, problems
    return rules, locations, []


def _sorted_problems(problems: list[Problem], order: list[str]) -> list[Problem]:
    rank = {f: i for i, f in enumerate(order)}
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (rank.get(p.file or "", -1), p.line or 0, p.column or 0))


def _load_file(f: Path, stack: list[Path], seen: dict[Path, str], docs: list[YamlDoc], problems: list[Problem]) -> None:
    """Parse f, then the files it includes (depth first); a file already read is skipped."""
    real = f.resolve()
    if real in seen:
        return
    seen[real] = str(f)
    doc = _parse(f, problems)
    if doc is None:
        return
    docs.append(doc)
    includes = doc.data.get("include") if isinstance(doc.data, dict) else None
    if not isinstance(includes, list):
        return
    for i, inc in enumerate(includes):
        if not isinstance(inc, str):
            continue  # reported by validation
        target = Path(os.path.normpath(f.parent / inc))
        if not target.exists():
            problems.append(found(doc, "missing-include", f'include "{inc}": no such file or folder ({target})', ("include", i)))
            continue
        if not target.is_dir() and not target.is_file():  # stat only: a device or FIFO is never opened
            problems.append(found(doc, "missing-include", f'include "{inc}": {target} is {_kind(target)}, not a '
                                                          "YAML file or a folder", ("include", i)))
            continue
        targets = yaml_files(target) if target.is_dir() else [target]
        for t in targets:
            if t.resolve() in [s.resolve() for s in stack + [f]]:
                chain = " -> ".join(str(s) for s in stack + [f, t])
                problems.append(found(doc, "include-cycle", f'include "{inc}" makes a cycle: {chain}', ("include", i)))
                continue
            _load_file(t, stack + [f], seen, docs, problems)


def _kind(p: Path) -> str:
    """What a path that is neither a regular file nor a folder is, said without opening it."""
    return file_kind(p.stat().st_mode) if p.exists() else "missing"


def _parse(f: Path, problems: list[Problem]) -> Optional[YamlDoc]:
    doc = read_yaml(f, problems)
    if doc is None or doc.broken:  # a refused value (tag, merge key, NaN) is reported; validating None adds noise
        return None
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        problems.append(found(doc, "schema", f"a rule file must be a mapping of sections (include, entities, families, "
                                             f"quantities, references, rates, settings, evidence), got "
                                             f"{describe_node(doc.node(()))}"))
        return None
    return doc


def _validate_docs(docs: list[YamlDoc], problems: list[Problem]) -> tuple[list[Item], dict[str, tuple[Any, YamlDoc]]]:
    """Each section item validated against its model; an empty section (`entities:` alone) is no item;
    the sections given once in the whole rule set (settings, evidence) by key."""
    items: list[Item] = []
    singles: dict[str, tuple[Any, YamlDoc]] = {}
    top_keys = list(RuleFile.model_fields)
    for doc in docs:
        for key, value in doc.data.items():
            if value is None and key in RuleFile.model_fields:
                continue
            if key not in RuleFile.model_fields:
                problems.append(found(doc, "unknown-section", f'unknown section "{key}"{suggest(key, top_keys)}; '
                                                              f"sections are: {', '.join(top_keys)}", (key,), key=True))
            elif key == "include":
                _validate(RuleFile, {"include": value}, doc, (), "", problems)
            elif key in SINGLE:
                model = _validate(SINGLE[key], value, doc, (key,), key, problems)
                if model is not None:
                    if key in singles:
                        problems.append(found(doc, f"duplicate-{key}", f"{key} {'are' if key.endswith('s') else 'is'} "
                                              f"given twice (also in {singles[key][1].file}); "
                                              f"keep one {key} section in the whole rule set", (key,), key=True))
                    else:
                        singles[key] = (model, doc)
            elif not isinstance(value, list):
                noun = SECTIONS[key][0]
                problems.append(found(doc, "section-not-list", f'section "{key}": expected a list of {noun} items '
                                      f'(each starting with "- "), got {describe_node(doc.node((key,)))}', (key,)))
            else:
                noun, model_cls, ext_cls = SECTIONS[key]
                for i, raw in enumerate(value):
                    path = (key, i)
                    use = ext_cls if ext_cls is not None and isinstance(raw, dict) and "extends" in raw else model_cls
                    label = _label(noun, raw, i, use is ext_cls and ext_cls is not None)
                    model = _validate(use, raw, doc, path, label, problems)
                    if isinstance(raw, dict):
                        problems.extend(item_problems(key, raw, doc, path, label))
                        problems.extend(_slow_patterns(key, raw, doc, path, label))
                        items.append(Item(key, model, raw, doc, path, label))
    return items, singles


def _slow_patterns(section: str, raw: dict, doc: YamlDoc, path: KeyPath, label: str) -> list[Problem]:
    """The analyst regexes of an item that can backtrack catastrophically, each at its value."""
    found_: list[tuple[str, KeyPath, int]] = []
    if section == "entities" and isinstance(raw.get("patterns"), list):
        found_ += [(p, ("patterns", i), 0) for i, p in enumerate(raw["patterns"]) if isinstance(p, str)]
    if section == "families" and isinstance(raw.get("pattern"), str):
        found_.append((raw["pattern"], ("pattern",), 0))
    if section == "quantities" and isinstance(raw.get("patterns"), list):
        found_ += [(p["regex"], ("patterns", i, "regex"), re.IGNORECASE) for i, p in enumerate(raw["patterns"])
                   if isinstance(p, dict) and isinstance(p.get("regex"), str)]
    out: list[Problem] = []
    for rx, where, flags in found_:
        why = backtracking_risk(rx, flags)
        if why:
            out.append(found(doc, "slow-regex", f'{label}: pattern "{rx}" can take exponential time on a text that '
                                                f"almost matches: {why}; make the inner repeat possessive (\\w++) or "
                                                "atomic ((?>...)), or write the pattern without the nesting", path + where))
    return out


def _label(noun: str, raw: Any, index: int, extension: bool) -> str:
    if isinstance(raw, dict):
        if extension and isinstance(raw.get("extends"), str):
            return f'{noun} extension "{raw["extends"]}"'
        for k in ("id", "name"):
            if isinstance(raw.get(k), str):
                return f'{noun} "{raw[k]}"'
        if noun == "rate" and isinstance(raw.get("from"), str) and isinstance(raw.get("to"), str):
            return f"rate {raw['from']}->{raw['to']}"
    return f"{noun} #{index + 1}"


def _validate(model_cls: Any, raw: Any, doc: YamlDoc, path: KeyPath, label: str, problems: list[Problem]) -> Any:
    """The model of raw data, or None after adding one located problem per validation error."""
    try:
        model = model_cls.model_validate(raw)
    except ValidationError as e:
        for err in e.errors():
            p = translate(err, model_cls, raw, doc, path, label)
            problems.append(Finding(p.message, p.file, p.line, p.column, check="schema"))
        return None
    return model
