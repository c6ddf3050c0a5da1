"""The checks of a rule set that a type cannot express, each with an id (in the yamllint manner).

Every problem a check finds is a `Finding`: a located Problem that also says which check found
it (`duplicate-alias`, `unknown-unit`...). `CHECKS` lists every id with what it guards against.
Checks run on the raw data, so that they find problems even in an item that also has type errors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from compare.errors import Problem, UserError
from compare.lang import languages
from compare.lexicon import load_lexicon
from compare.phrases import name_key
from compare.rules.messages import suggest
from compare.yamlfiles import KeyPath, YamlDoc

CHECKS: dict[str, str] = {
    "yaml-syntax": "the file is not valid YAML, not UTF-8, or cannot be read",
    "schema": "a key or value does not fit the rule format (rules schema)",
    "unknown-section": "a top-level key that is no section",
    "section-not-list": "a section that is not a list of items",
    "duplicate-settings": "settings given in two files",
    "duplicate-evidence": "evidence weights given in two files",
    "bad-frame": "a frame without exactly one # at its start or end, or with no word",
    "missing-include": "an include that names no file or folder",
    "include-cycle": "files that include each other",
    "no-rule-files": "a rules path that holds no rule file",
    "invalid-regex": "a pattern that is not a regular expression, or matches empty text",
    "slow-regex": "a pattern with nested quantifiers that can backtrack for minutes, as (a+)+",
    "unknown-language": "a language with no folder in compare/lang/",
    "empty-name": "an empty entity name, alias or example text",
    "no-cues": "a quantity without cue words",
    "bad-cue": "an empty cue list, a cue with no word, a * not at the end",
    "count-without-units": "a quantity that measures counts but lists no unit",
    "unknown-unit": "a count unit the unit vocabulary does not know",
    "duplicate-id": "two items with the same id or name",
    "unknown-extends": "an `extends:` of an item that does not exist",
    "duplicate-alias": "one name given to two entities",
    "alias-not-canonical": "an alias written where the canonical name is needed",
    "unknown-entity": "an entity name the rules do not know",
    "unknown-quantity": "a quantity id the rules do not know",
    "non-target-claim": "an example expecting a claim of a quantity that gives none",
}


@dataclass(frozen=True)
class Finding(Problem):
    """A Problem found by one of the CHECKS."""

    check: str = ""


def found(doc: YamlDoc, check: str, message: str, path: KeyPath = (), key: bool = False) -> Finding:
    line, column = doc.at(path, key)
    return Finding(message, doc.file, line, column, check=check)


def strings(value: Any) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []


def dicts(value: Any) -> list[tuple[int, dict]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def compiles(rx: str) -> bool:
    try:
        re.compile(rx)
        return True
    except re.error:
        return False


def item_problems(section: str, raw: dict, doc: YamlDoc, path: KeyPath, label: str) -> list[Problem]:
    """Problems of one section item: regexes, languages, empty names and cue lists, units."""
    out: list[Problem] = []
    langs = languages()

    def add(check: str, message: str, where: KeyPath, key: bool = False) -> None:
        out.append(found(doc, check, message, path + where, key))

    def regex(rx: str, where: KeyPath, what: str) -> None:
        try:
            compiled = re.compile(rx)
        except re.error as e:
            at = f" at position {e.pos}" if e.pos is not None else ""
            add("invalid-regex", f'{label}: {what} "{rx}" is not a valid regular expression: {e.msg}{at}', where)
            return
        if compiled.fullmatch(""):
            add("invalid-regex", f'{label}: {what} "{rx}" matches empty text, so it would match everywhere: '
                                 "make at least one character required", where)

    def lang(value: Any, where: KeyPath, what: str, key: bool = False) -> None:
        if isinstance(value, str) and value not in langs:
            add("unknown-language", f'{label}: {what} "{value}" is not a known language{suggest(value, list(langs))} '
                                    f"(languages: {', '.join(langs)})", where, key)

    if section == "entities":
        if isinstance(raw.get("name"), str) and not raw["name"].strip():
            add("empty-name", f"{label}: empty name", ("name",))
        for i, a in strings(raw.get("aliases")):
            if not a.strip():
                add("empty-name", f"{label}: empty alias", ("aliases", i))
        for i, p in strings(raw.get("patterns")):
            regex(p, ("patterns", i), "pattern")
    if section == "families" and isinstance(raw.get("pattern"), str):
        regex(raw["pattern"], ("pattern",), "pattern")
    if section != "quantities":
        return out
    if "extends" not in raw and raw.get("cues") == {}:
        add("no-cues", f"{label}: no cue words: give at least one language ({', '.join(langs)}) "
                       "with a list of words", ("cues",))
    for key in ("cues", "weak_cues"):
        group = raw.get(key)
        for code, words in group.items() if isinstance(group, dict) else ():
            lang(code, (key, code), "cues for", key=True)
            if words == [] or words is None:
                add("bad-cue", f'{label}: the cue list for "{code}" is empty', (key, code))
            for i, w in strings(words):
                bare = w.strip().rstrip("*")
                if not bare.strip():
                    add("bad-cue", f'{label}: cue "{w}" ({code}) has no word in it', (key, code, i))
                elif "*" in bare:
                    add("bad-cue", f'{label}: cue "{w}" ({code}): "*" only works at the end of a cue', (key, code, i))
    for fkey in ("frames", "purpose_frames"):
        frames = raw.get(fkey)
        for code, phrases in frames.items() if isinstance(frames, dict) else ():
            lang(code, (fkey, code), "frames for", key=True)
            for i, f in strings(phrases):
                bare = f.strip()
                if bare.count("#") != 1 or not (bare.startswith("#") or bare.endswith("#")):
                    add("bad-frame", f'{label}: frame "{f}" ({code}) needs one # for the figure, at its start or its end '
                                     '("raised #", "# to train")', (fkey, code, i))
                elif not re.search(r"\w", bare.replace("...", "")):
                    add("bad-frame", f'{label}: frame "{f}" ({code}) has no word in it', (fkey, code, i))
    for i, p in dicts(raw.get("patterns")):
        if isinstance(p.get("regex"), str):
            regex(p["regex"], ("patterns", i, "regex"), "pattern")
        lang(p.get("lang"), ("patterns", i, "lang"), "pattern language")
    for i, ex in dicts(raw.get("examples")):
        lang(ex.get("lang"), ("examples", i, "lang"), f"example {i + 1}: language")
        if isinstance(ex.get("text"), str) and not ex["text"].strip():
            add("empty-name", f"{label}, example {i + 1}: empty text", ("examples", i, "text"))
    measures = raw.get("measures")
    if "extends" not in raw and isinstance(measures, list) and "count" in measures and not raw.get("units"):
        add("count-without-units", f'{label}: measures "count" but lists no units, so no count can ever be '
                                   "this quantity: add the units it counts (e.g. GPU-hours)", ("measures",))
    units = known_units()
    if units is not None:
        for i, u in strings(raw.get("units")):
            if u not in units:
                add("unknown-unit", f'{label}: unit "{u}" is not in the unit vocabulary{suggest(u, sorted(units))}',
                    ("units", i))
    return out


def known_units() -> Optional[frozenset[str]]:
    """Canonical count units of the unit vocabulary, or None while the vocabulary is broken
    (it is reported by its own check, compare.vocab.check_vocabulary, not as a rule problem)."""
    found_units: set[str] = set()
    for code in languages():
        try:
            found_units |= set(load_lexicon(code).unit_phrases.values())
        except UserError:
            return None
    return frozenset(found_units) or None


@dataclass
class Item:
    """One section item as written, its model (None when it did not validate), and where it is."""

    section: str
    model: Any
    raw: dict
    doc: YamlDoc
    path: KeyPath
    label: str


def name_problems(bases: dict[str, Item], extensions: list[Item]) -> list[Problem]:
    """Every name or alias must point at one entity only, else a mention would be ambiguous."""
    out: list[Problem] = []
    owner: dict[str, tuple[str, str]] = {}  # name key -> (entity, as written)
    sources: list[tuple[Item, str, str, KeyPath]] = []  # item, entity, name, path
    for name, it in bases.items():
        sources.append((it, name, name, it.path + ("name",)))
        sources.extend((it, name, a, it.path + ("aliases", i)) for i, a in strings(it.raw.get("aliases")))
    for it in extensions:
        target = it.raw.get("extends")
        if it.section == "entities" and isinstance(target, str) and target in bases:
            sources.extend((it, target, a, it.path + ("aliases", i)) for i, a in strings(it.raw.get("aliases")))
    for it, entity, name, path in sources:
        key = name_key(name)
        if not key:
            continue
        first = owner.get(key)
        if first is None:
            owner[key] = (entity, name)
        elif first[0] != entity:
            out.append(found(it.doc, "duplicate-alias",
                             f'entity "{entity}": the name "{name}" already belongs to entity "{first[0]}" (as "{first[1]}"); '
                             "names are compared ignoring case, spaces and hyphens, so a mention could not tell them apart",
                             path))
    return out


def cross_references(items: list[Item], bases: dict[str, dict[str, Item]], entities: dict, quantities: dict) -> list[Problem]:
    """Names and ids that items give of other items (claims, references, organisations) must exist."""
    out: list[Problem] = []
    family_res = [re.compile(f"(?:{v.raw['pattern']})") for v in bases["families"].values()
                  if isinstance(v.raw.get("pattern"), str) and compiles(v.raw["pattern"])]

    def entity(name: Any, doc: YamlDoc, path: KeyPath, what: str, hint: str = "add it to the entities") -> None:
        if not isinstance(name, str) or name in entities or any(rx.fullmatch(name) for rx in family_res):
            return
        owner = next((k for k, v in bases["entities"].items()
                      if name_key(name) in {name_key(a) for a in [k, *(s for _, s in strings(v.raw.get("aliases")))]}), None)
        if owner is not None:
            out.append(found(doc, "alias-not-canonical", f'{what} "{name}" is a name of entity "{owner}": '
                                                         f'write its canonical name "{owner}"', path))
        else:
            out.append(found(doc, "unknown-entity", f'{what} "{name}" is not a known entity'
                                                    f"{suggest(name, sorted(entities))}: {hint}", path))

    def quantity(qid: Any, doc: YamlDoc, path: KeyPath, what: str, claim: bool = False) -> None:
        if isinstance(qid, str) and qid not in quantities:
            out.append(found(doc, "unknown-quantity",
                             f'{what} "{qid}" is not a known quantity{suggest(qid, sorted(quantities))}', path))
        elif claim and isinstance(qid, str) and bases["quantities"][qid].raw.get("target") is False:
            out.append(found(doc, "non-target-claim", f'{what} "{qid}" has target: false, so it never gives a claim: '
                                                      "expect no claim (claims: []) or a target quantity", path))

    for it in items:
        if it.section != "quantities":
            continue
        for i, ex in dicts(it.raw.get("examples")):
            for j, c in dicts(ex.get("claims")):
                cpath = it.path + ("examples", i, "claims", j)
                head = f"{it.label}, example {i + 1}, claim {j + 1}:"
                quantity(c.get("quantity"), it.doc, cpath + ("quantity",), f"{head} quantity", claim=True)
                if c.get("entity_status") != "detected":
                    entity(c.get("entity"), it.doc, cpath + ("entity",), f"{head} entity",
                           "add it to the entities, or give the claim entity_status: detected")
                entity(c.get("versus"), it.doc, cpath + ("versus",), f"{head} versus")
    for it in bases["references"].values():
        entity(it.raw.get("entity"), it.doc, it.path + ("entity",), f"{it.label}: entity")
        quantity(it.raw.get("quantity"), it.doc, it.path + ("quantity",), f"{it.label}: quantity")
    for it in bases["entities"].values():
        entity(it.raw.get("refers_to"), it.doc, it.path + ("refers_to",), f"{it.label}: refers_to")
        entity(it.raw.get("organisation"), it.doc, it.path + ("organisation",), f"{it.label}: organisation")
    for it in bases["families"].values():
        entity(it.raw.get("organisation"), it.doc, it.path + ("organisation",), f"{it.label}: organisation")
    return out

