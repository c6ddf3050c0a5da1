"""Merging the items of every rule file into one RuleSet: unique ids, extensions applied.

Items that failed validation still take part in the checks by their raw id, so that one typo
does not hide a duplicate, nor turn every reference to the item into an error.
"""
from __future__ import annotations

from typing import Any, Optional

from compare.errors import Problem
from compare.rules.checks import Item, cross_references, found, name_problems
from compare.rules.messages import suggest
from compare.rules.model import EntityExtension, Evidence, Location, Locations, RuleSet, Settings
from compare.yamlfiles import KeyPath, YamlDoc

ID_KEYS = {"entities": "name", "families": "name", "quantities": "id", "references": "id"}


def location(doc: YamlDoc, path: KeyPath) -> Location:
    line, column = doc.at(path)
    return Location(file=doc.file, line=line or 1, column=column or 1)


def merge(docs: list[YamlDoc], items: list[Item], singles: dict[str, tuple[Any, YamlDoc]],
          problems: list[Problem]) -> tuple[Optional[RuleSet], Optional[Locations]]:
    """Check ids across files, apply extensions, and build the RuleSet with its Locations
    (`singles`: the sections given once, settings and evidence, with their file)."""
    bases: dict[str, dict[str, Item]] = {k: {} for k in ID_KEYS}
    extensions: list[Item] = []
    for it in items:
        if "extends" in it.raw and it.section in ("entities", "quantities"):
            extensions.append(it)
            continue
        if it.section not in ID_KEYS:
            continue
        id_key = ID_KEYS[it.section]
        key = it.raw.get(id_key)
        if not isinstance(key, str):
            continue
        first = bases[it.section].get(key)
        if first is not None:
            problems.append(found(it.doc, "duplicate-id",
                                  f"{it.label} is defined twice (first at {location(first.doc, first.path)}); "
                                  f"{it.section} need unique {id_key}s: rename one, or "
                                  f'use "extends: {key}" to add to the first', it.path + (id_key,)))
        else:
            bases[it.section][key] = it

    entities = {k: v.model for k, v in bases["entities"].items()}
    quantities = {k: v.model for k, v in bases["quantities"].items()}
    example_locs: dict[str, list[Location]] = {
        q: [location(v.doc, v.path + ("examples", i)) for i in range(len(v.model.examples))]
        for q, v in bases["quantities"].items() if v.model is not None}
    extension_locs: dict[str, list[Location]] = {}
    for it in extensions:
        pool = entities if it.section == "entities" else quantities
        what = "entity" if it.section == "entities" else "quantity"
        target = it.raw.get("extends")
        if not isinstance(target, str):
            continue
        if target not in pool:
            problems.append(found(it.doc, "unknown-extends", f'{it.label}: there is no {what} "{target}" to extend'
                                                             f"{suggest(target, sorted(pool))}", it.path + ("extends",)))
            continue
        ext, base = it.model, pool[target]
        if ext is None or base is None:
            continue
        extension_locs.setdefault(target, []).append(location(it.doc, it.path))
        pool[target] = extended(base, ext)
        if not isinstance(ext, EntityExtension):
            example_locs[target].extend(location(it.doc, it.path + ("examples", i)) for i in range(len(ext.examples)))

    problems.extend(name_problems(bases["entities"], extensions))
    problems.extend(cross_references(items, bases, entities, quantities))
    if problems or any(it.model is None for it in items):
        return None, None
    rules = RuleSet(
        files=tuple(d.file for d in docs),
        entities=tuple(entities.values()),
        families=tuple(v.model for v in bases["families"].values()),
        quantities=tuple(quantities.values()),
        references=tuple(v.model for v in bases["references"].values()),
        rates=tuple(it.model for it in items if it.section == "rates"),
        settings=singles["settings"][0] if "settings" in singles else Settings(),
        evidence=singles["evidence"][0] if "evidence" in singles else Evidence(),
    )
    locations = Locations(
        entities={k: location(v.doc, v.path) for k, v in bases["entities"].items()},
        families={k: location(v.doc, v.path) for k, v in bases["families"].items()},
        quantities={k: location(v.doc, v.path) for k, v in bases["quantities"].items()},
        references={k: location(v.doc, v.path) for k, v in bases["references"].items()},
        examples={k: tuple(v) for k, v in example_locs.items()},
        extensions={k: tuple(v) for k, v in extension_locs.items()},
    )
    return rules, locations


def extended(base, ext):
    """An entity or quantity with what an `extends:` item adds: names, cues, units, patterns, examples."""
    if isinstance(ext, EntityExtension):
        return base.model_copy(update={"aliases": union(base.aliases, ext.aliases),
                                       "patterns": union(base.patterns, ext.patterns)})
    cues = {k: list(v) for k, v in base.cues.items()}
    for code, words in ext.cues.items():
        cues[code] = union(cues.get(code, []), words)
    weak = {k: list(v) for k, v in base.weak_cues.items()}
    for code, words in ext.weak_cues.items():
        weak[code] = union(weak.get(code, []), words)
    frames = {k: list(v) for k, v in base.frames.items()}
    for code, words in ext.frames.items():
        frames[code] = union(frames.get(code, []), words)
    return base.model_copy(update={
        "cues": cues, "weak_cues": weak, "frames": frames, "rates": union(base.rates, ext.rates),
        "units": union(base.units, ext.units),
        "patterns": list(base.patterns) + list(ext.patterns),
        "examples": list(base.examples) + list(ext.examples)})


def union(first: list, more: list) -> list:
    return list(dict.fromkeys([*first, *more]))
