"""The one loader of every YAML file an analyst edits: rules, vocabularies, references.

Word lists are full of "no", "on", "yes" and dates: only `true`/`false` are booleans and dates
stay text, so a word is never silently turned into something else.

`read_yaml` parses a file once into its data and the YAML node of every key path, so that any
later problem (a validation error, an unknown name) is reported at the line and column of the
offending key or value. Reading errors, syntax errors and duplicate keys are reported here,
with the same words for every kind of file.

PyYAML nodes carry a start mark for every scalar, key and collection; ruamel.yaml's round-trip
data carries positions only for collections and keys, and would add a dependency: PyYAML it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

from compare.errors import Problem


class WordsLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when installed: 3x faster
    """YAML for word lists: only true/false are booleans ("no", "on" stay words) and dates stay text."""


WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordsLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

KeyPath = tuple  # a key path inside one YAML document: str keys and int list indexes

_SCALARS = WordsLoader("")


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files under a folder, read recursively, in a sorted (deterministic) order."""
    return sorted(x for x in folder.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file())


@dataclass
class YamlDoc:
    """One parsed file: its data and the YAML node of every key path, for locating problems."""

    file: str
    data: Any = None
    values: dict = field(default_factory=dict)  # path -> node of the value
    keys: dict = field(default_factory=dict)  # path -> node of the mapping key

    def node(self, path: KeyPath) -> Optional[yaml.Node]:
        return self.values.get(tuple(path))

    def at(self, path: KeyPath, key: bool = False) -> tuple[int, int]:
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

    def problem(self, message: str, path: KeyPath = (), key: bool = False) -> Problem:
        line, column = self.at(path, key)
        return Problem(message, self.file, line, column)


def read_yaml(path: Path, problems: list[Problem]) -> Optional[YamlDoc]:
    """The located data of one file (data None for an empty file); None, with the problem added,
    when the file cannot be read or is not valid YAML. Duplicate keys are problems too."""
    f = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        problems.append(Problem(f"not UTF-8 text (byte {e.start}): save the file as UTF-8", f))
        return None
    except OSError as e:
        problems.append(Problem(f"cannot read the file: {e.strerror}", f))
        return None
    try:
        node = yaml.compose(text, Loader=WordsLoader)
    except yaml.MarkedYAMLError as e:
        problems.append(_syntax_problem(e, text, f))
        return None
    except yaml.YAMLError as e:
        problems.append(Problem(f"not valid YAML: {e}", f))
        return None
    doc = YamlDoc(f)
    if node is not None:
        doc.data = _construct(node, (), doc, problems)
    return doc


def _syntax_problem(e: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    mark = e.problem_mark or e.context_mark
    what = e.problem or str(e)
    if e.context:
        what = f"{e.context}, {what}"
        start = e.context_mark
        if start is not None and mark is not None and start.line != mark.line:
            what += f" (it starts at line {start.line + 1}, column {start.column + 1})"
    if mark is not None and text[mark.index:mark.index + 1] == "\t":
        what += "; indent with spaces, not tabs"
    return Problem(f"not valid YAML: {what}", file, mark.line + 1 if mark else None, mark.column + 1 if mark else None)


def _construct(node: yaml.Node, path: KeyPath, doc: YamlDoc, problems: list[Problem]) -> Any:
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


def scalar_value(node: yaml.Node) -> Any:
    """The Python value of a scalar node, read as the loader reads it."""
    return _SCALARS.construct_object(node)


def field_problems(error: Any, doc: YamlDoc, base: KeyPath = ()) -> list[Problem]:
    """A pydantic ValidationError as `key.path: message` problems, each at its key or value.

    The plain wording of vocabulary files; rule files word their errors for analysts (compare.rules)."""
    out = []
    for err in error.errors():
        loc = tuple(err["loc"])
        where = ".".join(str(x) for x in loc) or "(top)"
        out.append(doc.problem(f"{where}: {err['msg']}", base + loc))
    return out
