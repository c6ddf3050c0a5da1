"""Validation errors of rule files in an analyst's words, placed on the offending key or value.

pydantic says `list_type` at `('quantities', 2, 'cues', 'fr')`; an analyst reads
`quantity "price", "cues.fr": expected a list of strings, got the text "prix"` at its line.
"""
from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Literal, Optional, Union

import yaml
from pydantic import BaseModel

from compare.errors import Problem
from compare.yamlfiles import KeyPath, YamlDoc, scalar_value

ITEM_NOUNS = {"examples": "example", "claims": "claim", "patterns": "pattern"}

_TYPE_ERRORS = {"list_type", "string_type", "float_type", "float_parsing", "int_type", "int_parsing", "bool_type",
                "bool_parsing", "dict_type", "model_type", "model_attributes_type", "tuple_type", "int_from_float",
                "finite_number", "none_required"}


def translate(err: dict, model_cls: Any, raw: Any, doc: YamlDoc, path: KeyPath, label: str) -> Problem:
    """A pydantic error, reworded for an analyst and placed on the offending key or value."""
    loc = tuple(err["loc"])
    context, field_name = _where(loc)
    head = ", ".join(filter(None, [label, *context])) + ": "
    kind = err["type"]
    if kind == "extra_forbidden":
        known = _field_names(_annotation_at(model_cls, loc[:-1]))
        hint = suggest(str(loc[-1]), known)
        if str(loc[-1]).isdigit():
            hint = " (inside { } a comma separates entries: write decimals with a point, e.g. 1.05)"
        return doc.problem(f'{head}unknown key "{loc[-1]}"{hint}', path + loc, key=True)
    if kind == "missing":
        return doc.problem(f'{head}missing required key "{loc[-1]}"', path + loc[:-1])
    node = doc.values.get(path + loc)
    got = describe_node(node) if node is not None else describe_value(err.get("input"))
    subject = f'"{field_name}": ' if field_name else ""
    if kind == "literal_error":
        options = _literal_options(_annotation_at(model_cls, loc))
        value = err.get("input")
        hint = suggest(str(value), options) if isinstance(value, str) else ""
        return doc.problem(f"{head}{subject}{describe_value(value)} is not one of {', '.join(options)}{hint}", path + loc)
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


def describe_node(node: Optional[yaml.Node]) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.ScalarNode):
        return describe_value(scalar_value(node))
    return "nothing"


def describe_value(value: Any) -> str:
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


def suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        lowered = {o.casefold(): o for o in options}
        close = [lowered[word.casefold()]] if word.casefold() in lowered else []
    return f' (did you mean "{close[0]}"?)' if close else ""
