"""The YAML dialect of every file an analyst edits: rules, vocabularies, references.

Word lists are full of "no", "on", "yes" and dates: only `true`/`false` are booleans and dates
stay text, so a word is never silently turned into something else.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml


class WordsLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when installed: 3x faster
    """YAML for word lists: only true/false are booleans ("no", "on" stay words) and dates stay text."""


WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordsLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files under a folder, read recursively, in a sorted (deterministic) order."""
    return sorted(x for x in folder.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file())
