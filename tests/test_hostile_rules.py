"""Hostile rule files: each fails fast with one located line, exit code 1 and no traceback;
the rule loader never lets anything but UserError escape (fuzzed); analyst regexes never hang a
run; thousands of entities cost little.

The hostile files are written at test time by tests/hostile/make_rules.py.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.errors import UserError
from compare.regexes import TimedPattern, backtracking_risk
from compare.rules import check_rules, load_rules
from compare.yamlfiles import read_yaml
from fuzzing import fuzz

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
from make_rules import make_rules  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SECONDS = 20  # per CLI run, interpreter start included; each takes well under one second


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, make_rules(folder)


def _cases() -> list[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        return sorted(make_rules(Path(d)))


@pytest.mark.parametrize("name", _cases())
def test_a_hostile_rule_file_fails_fast_with_one_located_line(hostile, name):
    folder, files = hostile
    file, line, fragment = files[name]
    path = folder / file
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "compare", "rules", "check", str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=SECONDS, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.monotonic() - start
    assert run.returncode == 1, run.stdout + run.stderr
    out = run.stdout + run.stderr
    assert "Traceback" not in out
    errors = [x for x in out.splitlines() if ": error: " in x]
    assert len(errors) == 1, out
    assert re.match(rf"{re.escape(str(path))}:{line}:\d+: error: ", errors[0]), out
    assert fragment in errors[0], out
    assert elapsed < SECONDS


def test_an_alias_bomb_is_refused_before_it_grows(hostile):
    folder, files = hostile
    start = time.monotonic()
    problems: list = []
    assert read_yaml(folder / "bomb.yaml", problems) is None
    assert time.monotonic() - start < 0.5
    assert "alias bomb" in problems[0].message


def test_a_few_aliases_still_work(tmp_path):
    (tmp_path / "r.yaml").write_text("entities:\n  - name: OpenAI\n    kind: &k company\n"
                                     "  - name: Anthropic\n    kind: *k\n", encoding="utf-8")
    rules = load_rules([tmp_path / "r.yaml"])
    assert [e.kind for e in rules.entities] == ["company", "company"]


def test_a_folder_or_device_given_as_rules_is_reported(tmp_path):
    _, _, problems = check_rules(["/dev/null"])
    assert len(problems) == 1 and "character device" in problems[0].message


@pytest.mark.parametrize("pattern", [r"(a+)+", r"(a*)*", r"(a|a)*", r"(\w+\s?)+$", r"^(\w+x)+$", r"(a|aa)+$",
                                     r"(x+x+)+y", r"(?:\d+)*z"])
def test_nested_quantifiers_are_found(pattern):
    assert backtracking_risk(pattern)


@pytest.mark.parametrize("pattern", [r"(\d+,)+", r"(\w+\s+)+", r"(?:[ -](?:Turbo|Mini))*", r"a+b+", r"[a-z]+",
                                     r"(?:Llama|LLaMA)+", r"(ab)+", r"(\w++\s?)+$", r"((?>a+))+", r"[(a+)+"])
def test_safe_or_possessive_patterns_pass(pattern):
    assert backtracking_risk(pattern) is None


def test_the_shipped_rules_have_no_slow_pattern():
    _, _, problems = check_rules([ROOT / "rules"])
    assert not [p for p in problems if "exponential" in p.message]


def test_a_pattern_that_runs_out_of_time_is_skipped_for_that_text(capsys):
    rx = TimedPattern(r"(a|aa)+$", seconds=0.05, where='entity "X"')
    start = time.monotonic()
    assert rx.finditer("a" * 60 + "b") == []
    assert time.monotonic() - start < 5
    assert "skipped for that text" in capsys.readouterr().err
    assert [m.group() for m in rx.finditer("aaa")] == ["aaa"]


def test_a_slow_entity_pattern_does_not_hang_entity_matching(capsys):
    import pickle

    from compare.entities import compile_entities
    from compare.rules.model import Entity, RuleSet

    rules = RuleSet(entities=[Entity(name="X", kind="company", patterns=[r"(a|aa)+$"]),
                              Entity(name="OpenAI", kind="company")])
    matcher = pickle.loads(pickle.dumps(compile_entities(rules)))  # as shipped to a worker
    for rx, _ in matcher.patterns:
        rx.seconds = 0.05
    start = time.monotonic()
    hits = matcher.find("OpenAI " + "a" * 60 + "b", "en", detect=False)
    assert time.monotonic() - start < 5
    assert [h.name for h in hits] == ["OpenAI"]
    assert "warning" in capsys.readouterr().err


def test_thousands_of_aliases_compile_and_match_fast():
    from compare.entities import compile_entities
    from compare.rules.model import Entity, RuleSet

    entities = [Entity(name=f"Company{i} Labs", kind="company", aliases=[f"Co-{i}", f"Brand {i} AI"])
                for i in range(5000)]
    start = time.monotonic()
    matcher = compile_entities(RuleSet(entities=entities))
    hits = matcher.find("Brand 4321 AI and Co 17 beat Company9 Labs; Co-4999 too. " * 50, "en", detect=False)
    assert time.monotonic() - start < 3
    assert [h.name for h in hits[:4]] == ["Company4321 Labs", "Company17 Labs", "Company9 Labs", "Company4999 Labs"]


# ---- fuzzing: whatever the text or structure, only UserError escapes the rule loader ----------

_WORDS = st.sampled_from(["entities", "families", "quantities", "references", "rates", "settings", "include", "name",
                          "kind", "aliases", "patterns", "pattern", "id", "cues", "measures", "value", "unit", "en",
                          "fr", "company", "model", "money", "regex", "extends", "from", "to", "rate", "<<", "&a",
                          "*a", "!foo", "!!python/name:os.system", "!!int", "!!float", ".nan", "-.inf", "1e999",
                          "1.0e+999", "0x1F", "~", "null", "true", "no", "2025-01-01", "(a+)+", "[", "]", "{", "}",
                          ":", "- ", ",", "'", '"', "#", "|", ">", "?", "%YAML 1.1", "---", "...", "\t", "\\", "@",
                          "`", "\x00", "\ufeff", "é", "\u2028", "9" * 50])
_YAMLISH = st.lists(st.one_of(_WORDS, st.text(max_size=8), st.sampled_from([" ", "  ", "\n", "\n  ", "\n    - "])),
                    max_size=40).map("".join)

_SECTIONS = ["entities", "families", "quantities", "references", "rates", "settings", "include"]
_KEYS = _SECTIONS + ["name", "kind", "aliases", "patterns", "pattern", "id", "cues", "weak_cues", "measures", "value",
                     "unit", "en", "fr", "regex", "extends", "from", "to", "rate", "date", "low", "high", "per",
                     "examples", "text", "claims", "source", "title", "organisation", "refers_to", "lang", "units"]
_LEAVES = [None, True, False, 0, -1, 1.5, 10**30, float("nan"), float("inf"), "", " ", "company", "model", "money",
           "count", "ratio", "en", "fr", "USD", "EUR", "2025-01-01", "(a+)+", "[", "GPT-4", "*", "#", "x" * 300]


def _tree(rnd, depth: int = 0):
    """A random structure shaped like a rule file: sections, items, keys of the format, odd leaves."""
    roll = rnd.random()
    if depth > 4 or roll < 0.35:
        return rnd.choice(_LEAVES + [rnd.randint(-10**6, 10**6), rnd.random() * 10**rnd.randint(-5, 300),
                                     "".join(chr(rnd.randint(32, 0x2FFF)) for _ in range(rnd.randint(0, 8)))])
    if roll < 0.6:
        return [_tree(rnd, depth + 1) for _ in range(rnd.randint(0, 4))]
    keys = _SECTIONS if depth == 0 else _KEYS
    return {rnd.choice(keys) if rnd.random() < 0.9 else str(rnd.random()): _tree(rnd, depth + 1)
            for _ in range(rnd.randint(0, 4))}


def _load_only_user_errors(text: str) -> None:
    """load_rules on one file holding text; the file is not written (writing costs more than loading):
    reading real files, FIFOs and devices is what the hostile corpus above tests."""
    with mock.patch("compare.yamlfiles._read_text", lambda path, f, problems: text):
        try:
            load_rules([Path(__file__)])  # an existing file: its text is replaced
        except UserError as e:
            assert e.problems and all("\n" not in str(p) for p in e.problems), e.problems


@fuzz(full=5_000, quick=200)
@given(text=_YAMLISH)
def test_fuzz_the_rule_loader_with_yaml_ish_text(text):
    _load_only_user_errors(text)


@fuzz(full=5_000, quick=150)
@given(seed=st.integers(0, 2**64))
def test_fuzz_the_rule_loader_with_random_structures(seed):
    import random

    tree = _tree(random.Random(seed))  # drawn from a seed: a recursive strategy costs more than the load
    _load_only_user_errors(json.dumps(tree, allow_nan=True))  # JSON is YAML; NaN and Infinity become words
