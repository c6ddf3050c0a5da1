"""The one loader of every YAML file an analyst edits: rules, vocabularies, references.

Word lists are full of "no", "on", "yes" and dates: only `true`/`false` are booleans and dates
stay text, so a word is never silently turned into something else.

`read_yaml` parses a file once into its data and the YAML node of every key path, so that any
later problem (a validation error, an unknown name) is reported at the line and column of the
offending key or value. Reading errors, syntax errors and duplicate keys are reported here,
with the same words for every kind of file.

PyYAML nodes carry a start mark for every scalar, key and collection; ruamel.yaml's round-trip
data carries positions only for collections and keys, and would add a dependency: PyYAML it is.

Hostile files are refused with a located message before they cost anything (docs/rules.md,
"Limits"): only regular files are opened (never /dev/zero, a FIFO or a folder), at most
`MAX_BYTES`; the event stream is checked before any node is built, so nesting deeper than
`MAX_DEPTH` and aliases that would expand to more than `MAX_ALIAS_NODES` values (a "billion
laughs") fail fast; only plain YAML types are built (text, numbers, true/false, null, lists,
mappings): any tag (`!foo`, `!!python/...`) and merge keys (`<<:`) are problems, so nothing is
ever constructed from a tag, let alone executed; numbers must be finite.
"""
from __future__ import annotations

import math
import os
import re
import stat
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

MAX_BYTES = 20 * 1024 * 1024  # one analyst file; 1 MB of entity rules is about 10,000 entities
MAX_DEPTH = 40  # collections inside collections; rule files need fewer than 10
MAX_ALIAS_NODES = 10_000  # values that aliases (*name) may add to one file

_YAML = "tag:yaml.org,2002:"
_MERGE = _YAML + "merge"
_PLAIN_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null")}
_COLLECTION_TAGS = {yaml.MappingNode: _YAML + "map", yaml.SequenceNode: _YAML + "seq"}
_TYPE_NAMES = {"int": "a whole number", "float": "a number", "bool": "true or false", "null": "null", "str": "text"}


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
    broken: bool = False  # a value was refused (a tag, a merge key, a number that is not finite): None stands in

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
    when the file cannot be read or is not valid YAML. Duplicate keys, tags, merge keys and numbers
    that are not finite are problems too (None then stands in for the value)."""
    f = str(path)
    text = _read_text(Path(path), f, problems)
    if text is None:
        return None
    try:
        bad = _check_events(text, f)
        if bad is not None:
            problems.append(bad)
            return None
        node = yaml.compose(text, Loader=WordsLoader)
    except yaml.MarkedYAMLError as e:
        problems.append(_syntax_problem(e, text, f))
        return None
    except yaml.reader.ReaderError as e:
        line, column = _line_col(text, e.position)
        problems.append(Problem(f"not valid YAML: the character {_codepoint(e.character)} is not allowed in a YAML file",
                                f, line, column))
        return None
    except yaml.YAMLError as e:
        problems.append(Problem("not valid YAML: " + " ".join(str(e).split()), f))
        return None
    doc = YamlDoc(f)
    if node is not None:
        doc.data = _construct(node, (), doc, problems)
    return doc


def _read_text(path: Path, f: str, problems: list[Problem]) -> Optional[str]:
    """The text of a regular file; a device, FIFO or folder is never opened for a read that could block."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            problems.append(Problem(f"not a regular file ({file_kind(st.st_mode)}): give a YAML file", f))
            return None
        # O_NONBLOCK: should the file become a FIFO after the check, opening it still returns at once
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as e:
        problems.append(Problem(f"cannot read the file: {getattr(e, 'strerror', None) or e}", f))
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            problems.append(Problem(f"not a regular file ({file_kind(st.st_mode)}): give a YAML file", f))
            return None
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        problems.append(Problem(f"cannot read the file: {e.strerror}", f))
        return None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        problems.append(Problem(f"larger than {MAX_BYTES // (1024 * 1024)} MB: split it into several files", f))
        return None
    data = b"".join(chunks)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, column = data.count(b"\n", 0, e.start) + 1, e.start - data.rfind(b"\n", 0, e.start)
        problems.append(Problem(f"not UTF-8 text (byte {e.start}): save the file as UTF-8", f, line, column))
        return None


def file_kind(mode: int) -> str:
    """What a path that is not a regular file is, from its stat mode ("a FIFO", "a character device")."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def _line_col(text: str, index: Optional[int]) -> tuple[Optional[int], Optional[int]]:
    if index is None:
        return None, None
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _codepoint(ch: Any) -> str:
    if isinstance(ch, int):
        return f"U+{ch:04X}"
    return f"U+{ord(ch):04X}" if isinstance(ch, str) and len(ch) == 1 else repr(ch)


def _at(mark: Any, message: str, file: str) -> Problem:
    return Problem(message, file, mark.line + 1, mark.column + 1) if mark is not None else Problem(message, file)


def _check_events(text: str, file: str) -> Optional[Problem]:
    """The first problem of nesting or alias expansion, read from the event stream before any node
    is built: a document that would expand to millions of values is refused at the alias that
    crosses the budget, in the time it takes to read it."""
    open_: list[list] = []  # [anchor, values] of each open collection
    sizes: dict[str, int] = {}  # anchor -> values it stands for
    added = 0
    for ev in yaml.parse(text, Loader=WordsLoader):
        if isinstance(ev, yaml.CollectionStartEvent):
            if len(open_) >= MAX_DEPTH:
                return _at(ev.start_mark, f"nested more than {MAX_DEPTH} levels deep: a rule or vocabulary file "
                                          "never needs that many", file)
            open_.append([ev.anchor, 1])
        elif isinstance(ev, yaml.CollectionEndEvent):
            anchor, n = open_.pop()
            if anchor is not None:
                sizes[anchor] = n
            if open_:
                open_[-1][1] += n
        elif isinstance(ev, yaml.ScalarEvent):
            if ev.anchor is not None:
                sizes[ev.anchor] = 1
            if open_:
                open_[-1][1] += 1
        elif isinstance(ev, yaml.AliasEvent):
            if any(anchor == ev.anchor for anchor, _ in open_):
                return _at(ev.start_mark, f'alias "*{_short(ev.anchor)}" is inside the "&{_short(ev.anchor)}" it '
                                          "repeats: it would never end", file)
            n = sizes.get(ev.anchor, 1)  # an unknown anchor is reported by the composer
            added += n
            if added > MAX_ALIAS_NODES:
                return _at(ev.start_mark, f'alias "*{_short(ev.anchor)}": the aliases of this file would expand to '
                                          f"more than {MAX_ALIAS_NODES:,} values (an alias bomb?); write the values "
                                          "out or use fewer aliases", file)
            if open_:
                open_[-1][1] += n
    return None


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
    what = " ".join(str(what).split())  # one line, whatever the parser said
    return Problem(f"not valid YAML: {what}", file, mark.line + 1 if mark else None, mark.column + 1 if mark else None)


def _construct(node: yaml.Node, path: KeyPath, doc: YamlDoc, problems: list[Problem]) -> Any:
    """Python data of a node, recording the node of every path; duplicate keys, tags, merge keys
    and numbers that are not finite are problems (None stands in for the value)."""
    doc.values[path] = node
    if not _plain(node, doc, problems):
        doc.broken = True
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for knode, vnode in node.value:
            if knode.tag == _MERGE:
                doc.broken = True
                problems.append(_at(knode.start_mark, "merge keys (<<) are not supported: write the keys out in full, "
                                                      "so that each item says everything it means", doc.file))
                continue
            if not isinstance(knode, yaml.ScalarNode):
                problems.append(_at(knode.start_mark, "a key must be a plain word, not a list or mapping", doc.file))
                continue
            if not _plain(knode, doc, problems):
                doc.broken = True
                continue
            key = _scalar(knode, doc, problems)
            key = key if isinstance(key, str) else str(knode.value)
            if key in out:
                first = doc.keys[path + (key,)].start_mark
                problems.append(_at(knode.start_mark, f'key "{_short(key)}" appears twice in the same mapping (first at '
                                                      f"line {first.line + 1}); the second would silently replace the "
                                                      "first", doc.file))
                continue
            doc.keys[path + (key,)] = knode
            out[key] = _construct(vnode, path + (key,), doc, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, path + (i,), doc, problems) for i, v in enumerate(node.value)]
    return _scalar(node, doc, problems)


def _plain(node: yaml.Node, doc: YamlDoc, problems: list[Problem]) -> bool:
    """True for the plain YAML types; a tag (`!foo`, `!!python/name:...`, `!!binary`) is a problem."""
    expected = _COLLECTION_TAGS.get(type(node))
    if node.tag == expected or (expected is None and node.tag in _PLAIN_TAGS):
        return True
    tag = "!!" + node.tag[len(_YAML):] if node.tag.startswith(_YAML) else node.tag
    problems.append(_at(node.start_mark, f'the tag "{_short(tag)}" is not supported: these files hold only text, '
                                         "numbers, true/false, lists and mappings; remove the tag", doc.file))
    return False


def _scalar(node: yaml.Node, doc: Optional[YamlDoc] = None, problems: Optional[list[Problem]] = None) -> Any:
    """The value of a plain scalar node, read by the constructor of its type alone (never through a
    tag's constructor, nothing cached): a value that cannot be read, or a number that is not
    finite, is a problem (ValueError without a problems list)."""
    kind = node.tag[len(_YAML):]
    try:
        value = _SCALARS.yaml_constructors[node.tag](_SCALARS, node)
    except Exception:  # noqa: BLE001 - whatever the constructor of a plain type trips on, the value is unreadable
        why = f'cannot read "{_short(node.value)}" as {_TYPE_NAMES.get(kind, kind)}'
    else:
        if not isinstance(value, float) or math.isfinite(value):
            return value
        why = f'"{_short(node.value)}" is not a finite number (NaN or infinite): give a real figure'
    if problems is None:
        raise ValueError(why)
    if doc is not None:
        doc.broken = True
    problems.append(_at(node.start_mark, why, doc.file if doc is not None else ""))
    return None


def _short(text: Any) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 60 else text[:57] + "..."


def scalar_value(node: yaml.Node) -> Any:
    """The Python value of a scalar node, read as the loader reads it (its text when it cannot be read)."""
    if node.tag not in _PLAIN_TAGS:
        return node.value
    try:
        return _scalar(node)
    except ValueError:
        return node.value


def field_problems(error: Any, doc: YamlDoc, base: KeyPath = ()) -> list[Problem]:
    """A pydantic ValidationError as `key.path: message` problems, each at its key or value.

    The plain wording of vocabulary files; rule files word their errors for analysts (compare.rules)."""
    out = []
    for err in error.errors():
        loc = tuple(err["loc"])
        where = ".".join(str(x) for x in loc) or "(top)"
        out.append(doc.problem(f"{where}: {err['msg']}", base + loc))
    return out
