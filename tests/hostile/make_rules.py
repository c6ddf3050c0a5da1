"""Hostile rule files, written into a folder at test time (no committed blobs).

`make_rules(folder)` writes one rule file per attack and returns {name: (file, line, fragment)}:
`rules check FILE` must exit 1 with one located line `FILE:line:col: error: ...` holding the
fragment, fast, with no traceback. Run it by hand to look at them:

    python tests/hostile/make_rules.py /tmp/hostile && claim-compare rules check /tmp/hostile/bomb.yaml
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ENTITY = "entities:\n  - name: OpenAI\n    kind: company\n"


def _bomb(levels: int = 9, width: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def _deep(depth: int = 5000) -> str:
    return "entities: " + "[" * depth + "]" * depth + "\n"


def make_rules(folder: Path) -> dict[str, tuple[str, int, str]]:
    """Write the hostile files; {name: (file name, line of the error, fragment of its message)}."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[str, int, str]] = {}

    def write(name: str, text: str, line: int, fragment: str) -> None:
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        files[name] = (f"{name}.yaml", line, fragment)

    write("bomb", _bomb(), 5, "alias bomb")
    write("bomb_in_entities", "x: &x [a, a, a, a, a, a, a, a, a, a]\n" + ENTITY + "    aliases: [" +
          ", ".join(["*x"] * 2000) + "]\n", 5, "more than 10,000 values")
    write("alias_loop", "entities: &e\n  - *e\n", 2, "never end")
    write("deep_flow", _deep(), 1, "nest")  # libyaml stops flow nesting itself
    write("deep_block", "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n", 41, "levels deep")
    write("tag_unknown", ENTITY.replace("OpenAI", "!foo OpenAI"), 2, 'tag "!foo"')
    write("tag_python_name", ENTITY.replace("OpenAI", "!!python/name:os.system"), 2, '"!!python/name:os.system"')
    write("tag_python_object", "entities:\n  - !!python/object/apply:os.system [echo pwned]\n", 2,
          '"!!python/object/apply:os.system"')
    write("tag_python_object_new", "entities:\n  - !!python/object:subprocess.Popen {args: [true]}\n", 2,
          "!!python/object:subprocess.Popen")
    write("tag_binary", ENTITY.replace("OpenAI", "!!binary aGVsbG8="), 2, '"!!binary"')
    write("merge_key", "entities:\n  - &base {name: OpenAI, kind: company}\n  - <<: *base\n    name: Other\n", 3,
          "merge keys (<<) are not supported")
    write("nan_reference", "references:\n  - {id: r, entity: OpenAI, quantity: q, value: .nan, unit: USD, "
                           "source: {title: t}}\n", 2, "not a finite number")
    write("inf_reference", "references:\n  - {id: r, entity: OpenAI, quantity: q, value: -.inf, unit: USD, "
                           "source: {title: t}}\n", 2, "not a finite number")
    write("huge_float_rate", "rates:\n  - {from: EUR, to: USD, rate: 1.0e+999, date: 2025-01-01}\n", 2,
          "not a finite number")
    write("huge_int", "rates:\n  - {from: EUR, to: USD, rate: " + "9" * 5000 + ", date: 2025-01-01}\n", 2,
          "cannot read")
    write("bad_int_tag", ENTITY.replace("company", "!!int twelve"), 3, "cannot read")
    write("nul_byte", ENTITY.replace("OpenAI", "Open\x00AI"), 2, "U+0000")
    write("include_dev_zero", "include: [/dev/zero]\n", 1, "character device")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.yaml")
        write("include_fifo", "include:\n  - pipe.yaml\n", 2, "FIFO")
    write("slow_entity_pattern", ENTITY + "    patterns: ['(a+)+$']\n", 4, "exponential time")
    write("slow_family_pattern", "families:\n  - name: F\n    kind: model\n    pattern: '(\\w+\\s?)+$'\n", 4,
          "exponential time")
    write("slow_quantity_pattern", "quantities:\n  - id: q\n    measures: [money]\n    cues: {en: [cost]}\n"
                                   "    patterns:\n      - {regex: '(a|a)*x'}\n", 6, "exponential time")
    write("slow_choice_pattern", ENTITY + "    patterns: ['(?:ab|ab?)+c']\n", 4, "exponential time")
    write("not_utf8", "entities:\n  - name: Op\xe9nAI\n", 2, "not UTF-8")
    (folder / "not_utf8.yaml").write_bytes("entities:\n  - name: Op\xe9nAI\n".encode("latin-1"))
    return files


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-rules")
    for name, (file, line, fragment) in make_rules(out).items():
        print(f"{out / file}:{line}: {fragment}")
