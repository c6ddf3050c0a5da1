"""The rule format (entities, quantities, references, rates, settings) and its located loader.

Analysts edit these YAML files, not Python. Every problem in them is reported with the file,
line and column of the offending key or value, all at once, so that one `rules check` run
lists everything to fix. The models forbid unknown keys: a typo is an error, never a silently
ignored setting.
"""
from __future__ import annotations

import difflib
import os
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from compare.errors import Problem, UserError
from compare.models import Direction, EntityStatus, Qualifier
from compare.references import Rate, Reference, Settings
from compare.yamlfiles import WordsLoader, yaml_files

EntityKind = Literal["model", "company", "product", "project", "person", "other"]
Measure = Literal["money", "percent", "ratio", "count"]

LANG_DIR = Path(__file__).parent / "lang"


def languages() -> tuple[str, ...]:
    """The languages cues and examples may be written in: one folder each under compare/lang/."""
    found = tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))))
    return found or ("en", "fr")


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


class EntityExtension(Strict):
    """More names for an entity defined in another file (`extends:` names it)."""

    extends: str = Field(description="Canonical name of the entity to add names to.")
    aliases: list[str] = Field(default_factory=list, description="Aliases added to the entity.")
    patterns: list[str] = Field(default_factory=list, description="Regular expressions added to the entity.")


class Family(Strict):
    """A model family matched by pattern: a family name plus a version (Llama 3.1 405B, Qwen2.5-Max)."""

    name: str
    kind: EntityKind = "model"
    organisation: Optional[str] = None
    pattern: str = Field(description="Regular expression for one member; the matched text, tidied, becomes the entity name.")


class Pattern(Strict):
    """An explicit regular expression for a phrasing that cue words cannot express."""

    lang: Optional[str] = Field(None, description="Language the pattern applies to; every language when left out.")
    regex: str = Field(description="Python regular expression, matched case-insensitively.")


class ExpectedClaim(Strict):
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


class Example(Strict):
    """A sentence and the claims it must give (`claims: []` means it must give none)."""

    lang: Optional[str] = Field(None, description="Language of the text; detected when left out.")
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
    weak_cues: dict[str, list[str]] = Field(default_factory=dict, description="Generic cue words per language (spend, costs, facturé) that count only when no specific cue stands as close.")
    patterns: list[Pattern] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)


class QuantityExtension(Strict):
    """More cues, units, patterns or examples for a quantity defined in another file (`extends:` names it)."""

    extends: str = Field(description="Id of the quantity to add to.")
    units: list[str] = Field(default_factory=list)
    cues: dict[str, list[str]] = Field(default_factory=dict, description="Cue words added per language.")
    weak_cues: dict[str, list[str]] = Field(default_factory=dict, description="Generic cue words added per language.")
    patterns: list[Pattern] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)


class RuleFile(Strict):
    """One YAML file of the rule set; every key is optional."""

    include: list[str] = Field(default_factory=list, description="Other rule files or folders, relative to this file.")
    entities: list[Union[Entity, EntityExtension]] = Field(default_factory=list)
    families: list[Family] = Field(default_factory=list)
    quantities: list[Union[Quantity, QuantityExtension]] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    rates: list[Rate] = Field(default_factory=list)
    settings: Optional[Settings] = None


class RuleSet(Strict):
    """The rule set in effect: every file merged, extensions applied, ids unique."""

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


class Location(Strict):
    """Where a rule item was written: 1-based line and column of its first key."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Locations(Strict):
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


RulesLoader = WordsLoader

SECTIONS: dict[str, tuple[str, Any, Any]] = {
    # key: (noun used in messages, model, model of an `extends:` item)
    "entities": ("entity", Entity, EntityExtension),
    "families": ("family", Family, None),
    "quantities": ("quantity", Quantity, QuantityExtension),
    "references": ("reference", Reference, None),
    "rates": ("rate", Rate, None),
}
ITEM_NOUNS = {"examples": "example", "claims": "claim", "patterns": "pattern"}

Path_ = tuple  # a key path inside one YAML document: str keys and int list indexes


@dataclass
class _Doc:
    """One parsed file: its data and the YAML node of every key path, for locating problems."""

    file: str
    data: Any
    values: dict = field(default_factory=dict)  # path -> node of the value
    keys: dict = field(default_factory=dict)  # path -> node of the mapping key

    def at(self, path: Path_, key: bool = False) -> tuple[Optional[int], Optional[int]]:
        """Line and column (1-based) of the value (or key) at path, or of its nearest located parent."""
        path = tuple(path)
        while True:
            node = (self.keys.get(path) if key else None) or self.values.get(path)
            if node is not None:
                return node.start_mark.line + 1, node.start_mark.column + 1
            if not path:
                return 1, 1
            path = path[:-1]
            key = False

    def problem(self, message: str, path: Path_, key: bool = False) -> Problem:
        line, column = self.at(path, key)
        return Problem(message, self.file, line, column)

    def location(self, path: Path_) -> Location:
        line, column = self.at(path)
        return Location(file=self.file, line=line or 1, column=column or 1)


@dataclass
class _Item:
    """One validated section item and where it is."""

    section: str
    model: Any  # None when the item did not validate
    raw: dict
    doc: _Doc
    path: Path_
    label: str


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
        else:
            problems.append(Problem(f"rules path does not exist: {p}", file=str(p)))
    docs: list[_Doc] = []
    seen: dict[Path, str] = {}
    for f in roots:
        _load_file(f, [], seen, docs, problems)
    if not docs and not problems:
        problems.append(Problem("no rule files (.yaml or .yml) found in " + ", ".join(str(p) for p in paths)))
    items, settings = _validate_docs(docs, problems)
    rules, locations = _merge(docs, items, settings, problems)
    problems = _sorted_problems(problems, list(seen.values()))
    if problems:
        return None, None, problems
    return rules, locations, []


def _sorted_problems(problems: list[Problem], order: list[str]) -> list[Problem]:
    rank = {f: i for i, f in enumerate(order)}
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (rank.get(p.file or "", -1), p.line or 0, p.column or 0))


# ---------------------------------------------------------------- reading files and includes

def _load_file(f: Path, stack: list[Path], seen: dict[Path, str], docs: list[_Doc], problems: list[Problem]) -> None:
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
            problems.append(doc.problem(f'include "{inc}": no such file or folder ({target})', ("include", i)))
            continue
        targets = yaml_files(target) if target.is_dir() else [target]
        for t in targets:
            if t.resolve() in [s.resolve() for s in stack + [f]]:
                chain = " -> ".join(str(s) for s in stack + [f, t])
                problems.append(doc.problem(f'include "{inc}" makes a cycle: {chain}', ("include", i)))
                continue
            _load_file(t, stack + [f], seen, docs, problems)


def _parse(f: Path, problems: list[Problem]) -> Optional[_Doc]:
    try:
        text = f.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        problems.append(Problem(f"not UTF-8 text (byte {e.start}): save the file as UTF-8", str(f)))
        return None
    except OSError as e:
        problems.append(Problem(f"cannot read the file: {e.strerror}", str(f)))
        return None
    try:
        node = yaml.compose(text, Loader=RulesLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = e.problem or str(e)
        if e.context:
            what = f"{e.context}, {what}"
            start = e.context_mark
            if start is not None and mark is not None and start.line != mark.line:
                what += f" (it starts at line {start.line + 1}, column {start.column + 1})"
        if mark is not None and text[mark.index:mark.index + 1] == "\t":
            what += "; indent with spaces, not tabs"
        problems.append(Problem(f"not valid YAML: {what}", str(f),
                                mark.line + 1 if mark else None, mark.column + 1 if mark else None))
        return None
    except yaml.YAMLError as e:
        problems.append(Problem(f"not valid YAML: {e}", str(f)))
        return None
    doc = _Doc(str(f), None)
    if node is None:
        doc.data = {}
        return doc
    doc.data = _construct(node, (), doc, problems)
    if not isinstance(doc.data, dict):
        problems.append(doc.problem(f"a rule file must be a mapping of sections (include, entities, families, "
                                    f"quantities, references, rates, settings), got {_describe_node(node)}", ()))
        return None
    return doc


_SCALARS = RulesLoader("")


def _construct(node: yaml.Node, path: Path_, doc: _Doc, problems: list[Problem]) -> Any:
    """Python data of a node, recording the node of every path; duplicate keys are problems."""
    doc.values[path] = node
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                problems.append(Problem("a key must be a plain word, not a list or mapping", doc.file,
                                        knode.start_mark.line + 1, knode.start_mark.column + 1))
                continue
            key = _SCALARS.construct_object(knode)
            key = key if isinstance(key, str) else str(knode.value)
            if key in out:
                first = doc.keys[path + (key,)].start_mark
                problems.append(Problem(f'key "{key}" appears twice in the same mapping (first at line {first.line + 1}); '
                                        "the second would silently replace the first", doc.file,
                                        knode.start_mark.line + 1, knode.start_mark.column + 1))
                continue
            doc.keys[path + (key,)] = knode
            out[key] = _construct(vnode, path + (key,), doc, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, path + (i,), doc, problems) for i, v in enumerate(node.value)]
    return _SCALARS.construct_object(node)


# ---------------------------------------------------------------- validating items

def _validate_docs(docs: list[_Doc], problems: list[Problem]) -> tuple[list[_Item], Optional[tuple[Settings, _Doc]]]:
    """Each section item validated against its model; an empty section (`entities:` alone) is no item."""
    items: list[_Item] = []
    settings: Optional[tuple[Settings, _Doc]] = None
    top_keys = list(RuleFile.model_fields)
    for doc in docs:
        for key, value in doc.data.items():
            if value is None and key in RuleFile.model_fields:
                continue
            if key not in RuleFile.model_fields:
                problems.append(doc.problem(f'unknown section "{key}"{_suggest(key, top_keys)}; '
                                            f"sections are: {', '.join(top_keys)}", (key,), key=True))
            elif key == "include":
                _validate(RuleFile, {"include": value}, doc, (), "", problems)
            elif key == "settings":
                model = _validate(Settings, value, doc, ("settings",), "settings", problems)
                if model is not None:
                    if settings is not None:
                        problems.append(doc.problem(f"settings are given twice (also in {settings[1].file}); "
                                                    "keep one settings section in the whole rule set", ("settings",), key=True))
                    else:
                        settings = (model, doc)
            elif not isinstance(value, list):
                noun = SECTIONS[key][0]
                problems.append(doc.problem(f'section "{key}": expected a list of {noun} items (each starting with "- "), '
                                            f"got {_describe_node(doc.values[(key,)])}", (key,)))
            else:
                noun, model_cls, ext_cls = SECTIONS[key]
                for i, raw in enumerate(value):
                    path = (key, i)
                    use = ext_cls if ext_cls is not None and isinstance(raw, dict) and "extends" in raw else model_cls
                    label = _label(noun, raw, i, use is ext_cls and ext_cls is not None)
                    model = _validate(use, raw, doc, path, label, problems)
                    if isinstance(raw, dict):
                        problems.extend(_item_problems(key, raw, doc, path, label))
                        items.append(_Item(key, model, raw, doc, path, label))
    return items, settings


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


def _validate(model_cls: Any, raw: Any, doc: _Doc, path: Path_, label: str, problems: list[Problem]) -> Any:
    """The model of raw data, or None after adding one located problem per validation error."""
    try:
        model = model_cls.model_validate(raw)
    except ValidationError as e:
        for err in e.errors():
            problems.append(_translate(err, model_cls, raw, doc, path, label))
        return None
    return model


_TYPE_ERRORS = {"list_type", "string_type", "float_type", "float_parsing", "int_type", "int_parsing", "bool_type",
                "bool_parsing", "dict_type", "model_type", "model_attributes_type", "tuple_type", "int_from_float",
                "finite_number", "none_required"}


def _translate(err: dict, model_cls: Any, raw: Any, doc: _Doc, path: Path_, label: str) -> Problem:
    """A pydantic error, reworded for an analyst and placed on the offending key or value."""
    loc = tuple(err["loc"])
    context, field_name = _where(loc)
    head = ", ".join(filter(None, [label, *context])) + ": "
    kind = err["type"]
    if kind == "extra_forbidden":
        known = _field_names(_annotation_at(model_cls, loc[:-1]))
        hint = _suggest(str(loc[-1]), known)
        if str(loc[-1]).isdigit():
            hint = " (inside { } a comma separates entries: write decimals with a point, e.g. 1.05)"
        return doc.problem(f'{head}unknown key "{loc[-1]}"{hint}', path + loc, key=True)
    if kind == "missing":
        return doc.problem(f'{head}missing required key "{loc[-1]}"', path + loc[:-1])
    node = doc.values.get(path + loc)
    got = _describe_node(node) if node is not None else _describe_value(err.get("input"))
    subject = f'"{field_name}": ' if field_name else ""
    if kind == "literal_error":
        options = _literal_options(_annotation_at(model_cls, loc))
        value = err.get("input")
        hint = _suggest(str(value), options) if isinstance(value, str) else ""
        return doc.problem(f"{head}{subject}{_describe_value(value)} is not one of {', '.join(options)}{hint}", path + loc)
    if kind in _TYPE_ERRORS:
        expected = _describe_type(_annotation_at(model_cls, loc))
        return doc.problem(f"{head}{subject}expected {expected}, got {got}", path + loc)
    message = err["msg"].removeprefix("Value error, ")
    return doc.problem(f"{head}{subject}{message}", path + loc)


def _where(loc: tuple) -> tuple[list[str], str]:
    """The items an error location passes through ("example 2", "claim 1") and the field it names."""
    context: list[str] = []
    names: list[str] = []
    i = 0
    while i < len(loc):
        k = loc[i]
        nxt = loc[i + 1] if i + 1 < len(loc) else None
        if k in ITEM_NOUNS and isinstance(nxt, int):
            context.append(f"{ITEM_NOUNS[k]} {nxt + 1}")
            names = []
            i += 2
            continue
        if isinstance(k, int):
            names.append(f" item {k + 1}")
        else:
            names.append(("." if names else "") + str(k))
        i += 1
    return context, "".join(names)


def _annotation_at(model_cls: Any, loc: tuple) -> Any:
    """The type annotation at a location inside a model (lists, dicts and Optional unwrapped)."""
    ann = model_cls
    for k in loc:
        ann = _unwrap(ann)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            fields = {(f.alias or name): f for name, f in ann.model_fields.items()}
            fields.update(ann.model_fields)
            if k not in fields:
                return None
            ann = fields[k].annotation
        elif typing.get_origin(ann) in (list, tuple):
            ann = typing.get_args(ann)[0]
        elif typing.get_origin(ann) is dict:
            ann = typing.get_args(ann)[1]
        else:
            return None
    return _unwrap(ann)


def _unwrap(ann: Any) -> Any:
    if typing.get_origin(ann) in (Union, types.UnionType):
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return ann


def _field_names(ann: Any) -> list[str]:
    ann = _unwrap(ann)
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return [f.alias or name for name, f in ann.model_fields.items()]
    return []


def _literal_options(ann: Any) -> list[str]:
    ann = _unwrap(ann)
    if typing.get_origin(ann) is Literal:
        return [str(a) for a in typing.get_args(ann)]
    return []


def _describe_type(ann: Any, plural: bool = False) -> str:
    ann = _unwrap(ann)
    origin = typing.get_origin(ann)
    if ann is str:
        return "strings" if plural else "a string"
    if ann in (float, int):
        return "numbers" if plural else "a number"
    if ann is bool:
        return "true/false values" if plural else "true or false"
    if origin is Literal:
        options = [str(a) for a in typing.get_args(ann)]
        if plural:
            return ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0]
        return "one of " + ", ".join(options)
    if origin in (list, tuple):
        return ("lists" if plural else "a list") + " of " + _describe_type(typing.get_args(ann)[0], plural=True)
    if origin is dict:
        return ("mappings" if plural else "a mapping") + " of keys to " + _describe_type(typing.get_args(ann)[1], plural=True)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe_type(a, plural) for a in typing.get_args(ann) if a is not type(None))
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ("mappings" if plural else "a mapping") + " with keys " + ", ".join(_field_names(ann))
    return "another value"


def _describe_node(node: Optional[yaml.Node]) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.ScalarNode):
        return _describe_value(_SCALARS.construct_object(node))
    return "nothing"


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f'the text "{short}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        lowered = {o.casefold(): o for o in options}
        close = [lowered[word.casefold()]] if word.casefold() in lowered else []
    return f' (did you mean "{close[0]}"?)' if close else ""


# ---------------------------------------------------------------- checks within one item

def _strings(value: Any) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []


def _dicts(value: Any) -> list[tuple[int, dict]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def _item_problems(section: str, raw: dict, doc: _Doc, path: Path_, label: str) -> list[Problem]:
    """Problems a type cannot express (regexes, languages, empty cue lists, empty names), on the raw
    data so that they are found even in an item that also has type errors."""
    out: list[Problem] = []
    langs = languages()

    def regex(rx: str, where: Path_, what: str) -> None:
        try:
            compiled = re.compile(rx)
        except re.error as e:
            at = f" at position {e.pos}" if e.pos is not None else ""
            out.append(doc.problem(f'{label}: {what} "{rx}" is not a valid regular expression: {e.msg}{at}', path + where))
            return
        if compiled.fullmatch(""):
            out.append(doc.problem(f'{label}: {what} "{rx}" matches empty text, so it would match everywhere: '
                                   "make at least one character required", path + where))

    def lang(value: Any, where: Path_, what: str, key: bool = False) -> None:
        if isinstance(value, str) and value not in langs:
            out.append(doc.problem(f'{label}: {what} "{value}" is not a known language{_suggest(value, list(langs))} '
                                   f"(languages: {', '.join(langs)})", path + where, key=key))

    if section == "entities":
        if isinstance(raw.get("name"), str) and not raw["name"].strip():
            out.append(doc.problem(f"{label}: empty name", path + ("name",)))
        for i, a in _strings(raw.get("aliases")):
            if not a.strip():
                out.append(doc.problem(f"{label}: empty alias", path + ("aliases", i)))
        for i, p in _strings(raw.get("patterns")):
            regex(p, ("patterns", i), "pattern")
    if section == "families" and isinstance(raw.get("pattern"), str):
        regex(raw["pattern"], ("pattern",), "pattern")
    if section == "quantities":
        cues = raw.get("cues")
        if "extends" not in raw and cues == {}:
            out.append(doc.problem(f"{label}: no cue words: give at least one language ({', '.join(langs)}) "
                                   "with a list of words", path + ("cues",)))
        for key in ("cues", "weak_cues"):
            group = raw.get(key)
            for code, words in group.items() if isinstance(group, dict) else ():
                lang(code, (key, code), "cues for", key=True)
                if words == [] or words is None:
                    out.append(doc.problem(f'{label}: the cue list for "{code}" is empty', path + (key, code)))
                for i, w in _strings(words):
                    bare = w.strip().rstrip("*")
                    if not bare.strip():
                        out.append(doc.problem(f'{label}: cue "{w}" ({code}) has no word in it', path + (key, code, i)))
                    elif "*" in bare:
                        out.append(doc.problem(f'{label}: cue "{w}" ({code}): "*" only works at the end of a cue',
                                               path + (key, code, i)))
        for i, p in _dicts(raw.get("patterns")):
            if isinstance(p.get("regex"), str):
                regex(p["regex"], ("patterns", i, "regex"), "pattern")
            lang(p.get("lang"), ("patterns", i, "lang"), "pattern language")
        for i, ex in _dicts(raw.get("examples")):
            lang(ex.get("lang"), ("examples", i, "lang"), f"example {i + 1}: language")
            if isinstance(ex.get("text"), str) and not ex["text"].strip():
                out.append(doc.problem(f"{label}, example {i + 1}: empty text", path + ("examples", i, "text")))
        measures = raw.get("measures")
        if "extends" not in raw and isinstance(measures, list) and "count" in measures and not raw.get("units"):
            out.append(doc.problem(f'{label}: measures "count" but lists no units, so no count can ever be '
                                   "this quantity: add the units it counts (e.g. GPU-hours)", path + ("measures",)))
        units = known_units()
        if units is not None:
            for i, u in _strings(raw.get("units")):
                if u not in units:
                    out.append(doc.problem(f'{label}: unit "{u}" is not in the unit vocabulary'
                                           f"{_suggest(u, sorted(units))}", path + ("units", i)))
    return out


def known_units() -> Optional[frozenset[str]]:
    """Canonical count units of the unit vocabulary (compare.lexicon), or None while it does not exist."""
    try:
        from compare import lexicon  # optional: the vocabulary is written separately
    except ImportError:
        return None
    found: set[str] = set()
    for code in languages():
        try:
            lex = lexicon.load_lexicon(code)
        except Exception:  # a broken vocabulary is reported by its own loader, not as a rule problem
            return None
        phrases = getattr(lex, "unit_phrases", None)
        phrases = phrases() if callable(phrases) else phrases
        if not isinstance(phrases, dict):
            return None
        found |= set(phrases.values())
    return frozenset(found) or None


# ---------------------------------------------------------------- the whole set

def _norm_name(s: str) -> str:
    """Names compare as the entity matcher compares them: case, spaces and hyphens ignored."""
    return re.sub(r"[\s\-‑_]+", "", s).casefold()


ID_KEYS = {"entities": "name", "families": "name", "quantities": "id", "references": "id"}


def _merge(docs: list[_Doc], items: list[_Item], settings: Optional[tuple[Settings, _Doc]],
           problems: list[Problem]) -> tuple[Optional[RuleSet], Optional[Locations]]:
    """Check ids across files, apply extensions, and build the RuleSet with its Locations.

    Items that failed validation still take part in the checks by their raw id, so that one
    typo does not hide a duplicate, nor turn every reference to the item into an error.
    """
    bases: dict[str, dict[str, _Item]] = {k: {} for k in ID_KEYS}
    extensions: list[_Item] = []
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
            problems.append(it.doc.problem(f"{it.label} is defined twice (first at {first.doc.location(first.path)}); "
                                           f"{it.section} need unique {id_key}s: rename one, or "
                                           f'use "extends: {key}" to add to the first', it.path + (id_key,)))
        else:
            bases[it.section][key] = it

    entities = {k: v.model for k, v in bases["entities"].items()}
    quantities = {k: v.model for k, v in bases["quantities"].items()}
    example_locs: dict[str, list[Location]] = {
        q: [v.doc.location(v.path + ("examples", i)) for i in range(len(v.model.examples))]
        for q, v in bases["quantities"].items() if v.model is not None}
    extension_locs: dict[str, list[Location]] = {}
    for it in extensions:
        pool = entities if it.section == "entities" else quantities
        what = "entity" if it.section == "entities" else "quantity"
        target = it.raw.get("extends")
        if not isinstance(target, str):
            continue
        if target not in pool:
            problems.append(it.doc.problem(f'{it.label}: there is no {what} "{target}" to extend'
                                           f"{_suggest(target, sorted(pool))}", it.path + ("extends",)))
            continue
        ext, base = it.model, pool[target]
        if ext is None or base is None:
            continue
        extension_locs.setdefault(target, []).append(it.doc.location(it.path))
        if isinstance(ext, EntityExtension):
            pool[target] = base.model_copy(update={
                "aliases": _union(base.aliases, ext.aliases), "patterns": _union(base.patterns, ext.patterns)})
        else:
            cues = {k: list(v) for k, v in base.cues.items()}
            for code, words in ext.cues.items():
                cues[code] = _union(cues.get(code, []), words)
            weak = {k: list(v) for k, v in base.weak_cues.items()}
            for code, words in ext.weak_cues.items():
                weak[code] = _union(weak.get(code, []), words)
            pool[target] = base.model_copy(update={
                "cues": cues, "weak_cues": weak, "units": _union(base.units, ext.units),
                "patterns": list(base.patterns) + list(ext.patterns),
                "examples": list(base.examples) + list(ext.examples)})
            example_locs[target].extend(it.doc.location(it.path + ("examples", i)) for i in range(len(ext.examples)))

    _check_names(bases["entities"], extensions, problems)
    family_res = [re.compile(f"(?:{v.raw['pattern']})") for v in bases["families"].values()
                  if isinstance(v.raw.get("pattern"), str) and _compiles(v.raw["pattern"])]

    def entity_problem(name: Any, doc: _Doc, path: Path_, what: str, hint: str = "add it to the entities") -> None:
        if not isinstance(name, str) or name in entities or any(rx.fullmatch(name) for rx in family_res):
            return
        owner = next((k for k, v in bases["entities"].items()
                      if _norm_name(name) in {_norm_name(a) for a in [k, *_strings_only(v.raw.get("aliases"))]}), None)
        if owner is not None:
            problems.append(doc.problem(f'{what} "{name}" is a name of entity "{owner}": write its canonical name '
                                        f'"{owner}"', path))
        else:
            problems.append(doc.problem(f'{what} "{name}" is not a known entity{_suggest(name, sorted(entities))}: '
                                        f"{hint}", path))

    def quantity_problem(qid: Any, doc: _Doc, path: Path_, what: str, claim: bool = False) -> None:
        if isinstance(qid, str) and qid not in quantities:
            problems.append(doc.problem(f'{what} "{qid}" is not a known quantity{_suggest(qid, sorted(quantities))}', path))
        elif claim and isinstance(qid, str) and bases["quantities"][qid].raw.get("target") is False:
            problems.append(doc.problem(f'{what} "{qid}" has target: false, so it never gives a claim: '
                                        "expect no claim (claims: []) or a target quantity", path))

    for it in items:
        if it.section != "quantities":
            continue
        for i, ex in _dicts(it.raw.get("examples")):
            for j, c in _dicts(ex.get("claims")):
                cpath = it.path + ("examples", i, "claims", j)
                head = f"{it.label}, example {i + 1}, claim {j + 1}:"
                quantity_problem(c.get("quantity"), it.doc, cpath + ("quantity",), f"{head} quantity", claim=True)
                if c.get("entity_status") != "detected":
                    entity_problem(c.get("entity"), it.doc, cpath + ("entity",), f"{head} entity",
                                   "add it to the entities, or give the claim entity_status: detected")
                entity_problem(c.get("versus"), it.doc, cpath + ("versus",), f"{head} versus")
    for it in bases["references"].values():
        entity_problem(it.raw.get("entity"), it.doc, it.path + ("entity",), f"{it.label}: entity")
        quantity_problem(it.raw.get("quantity"), it.doc, it.path + ("quantity",), f"{it.label}: quantity")
    for it in bases["entities"].values():
        entity_problem(it.raw.get("refers_to"), it.doc, it.path + ("refers_to",), f"{it.label}: refers_to")
        entity_problem(it.raw.get("organisation"), it.doc, it.path + ("organisation",), f"{it.label}: organisation")
    for it in bases["families"].values():
        entity_problem(it.raw.get("organisation"), it.doc, it.path + ("organisation",), f"{it.label}: organisation")

    if problems or any(it.model is None for it in items):
        return None, None
    rules = RuleSet(
        files=tuple(d.file for d in docs),
        entities=tuple(entities.values()),
        families=tuple(v.model for v in bases["families"].values()),
        quantities=tuple(quantities.values()),
        references=tuple(v.model for v in bases["references"].values()),
        rates=tuple(it.model for it in items if it.section == "rates"),
        settings=settings[0] if settings else Settings(),
    )
    locations = Locations(
        entities={k: v.doc.location(v.path) for k, v in bases["entities"].items()},
        families={k: v.doc.location(v.path) for k, v in bases["families"].items()},
        quantities={k: v.doc.location(v.path) for k, v in bases["quantities"].items()},
        references={k: v.doc.location(v.path) for k, v in bases["references"].items()},
        examples={k: tuple(v) for k, v in example_locs.items()},
        extensions={k: tuple(v) for k, v in extension_locs.items()},
    )
    return rules, locations


def _strings_only(value: Any) -> list[str]:
    return [v for _, v in _strings(value)]


def _check_names(bases: dict[str, _Item], extensions: list[_Item], problems: list[Problem]) -> None:
    """Every name or alias must point at one entity only, else a mention would be ambiguous."""
    owner: dict[str, tuple[str, str]] = {}  # normalised name -> (entity, as written)
    sources: list[tuple[_Item, str, str, Path_]] = []  # item, entity, name, path
    for name, it in bases.items():
        sources.append((it, name, name, it.path + ("name",)))
        sources.extend((it, name, a, it.path + ("aliases", i)) for i, a in _strings(it.raw.get("aliases")))
    for it in extensions:
        target = it.raw.get("extends")
        if it.section == "entities" and target in bases:
            sources.extend((it, target, a, it.path + ("aliases", i)) for i, a in _strings(it.raw.get("aliases")))
    for it, entity, name, path in sources:
        key = _norm_name(name)
        if not key:
            continue
        first = owner.get(key)
        if first is None:
            owner[key] = (entity, name)
        elif first[0] != entity:
            problems.append(it.doc.problem(
                f'entity "{entity}": the name "{name}" already belongs to entity "{first[0]}" (as "{first[1]}"); '
                "names are compared ignoring case, spaces and hyphens, so a mention could not tell them apart",
                path))


def _union(first: list, more: list) -> list:
    return list(dict.fromkeys([*first, *more]))


def _compiles(rx: str) -> bool:
    try:
        re.compile(rx)
        return True
    except re.error:
        return False
