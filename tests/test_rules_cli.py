"""`claim-compare rules check|schema` as an analyst runs them, on the default rules and broken copies."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from compare.ruletools import schema_json
from compare.rules import RulesLoader

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = sorted((ROOT / "rules").rglob("*.yaml"))


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "compare", *args], cwd=cwd, capture_output=True, text=True)


def error_lines(stdout: str) -> set[str]:
    return {line for line in stdout.splitlines() if ": error: " in line}


def break_file(path: Path, pattern: str, new: str, token: str) -> tuple[int, int]:
    """Replace the first match of `pattern` by `new` (a template of its groups) in the file; the
    1-based line and column of `token` inside the replacement."""
    text = path.read_text(encoding="utf-8")
    m = re.search(pattern, text, re.M)
    assert m, f"{pattern!r} no longer matches in {path.name}: pick another mistake"
    replacement = m.expand(new)
    path.write_text(text[:m.start()] + replacement + text[m.end():], encoding="utf-8")
    at = m.start() + replacement.index(token)
    return text[:at].count("\n") + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def test_a_broken_copy_of_the_default_rules_gives_one_line_per_mistake(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    baseline = error_lines(cli("rules", "check", "rules", cwd=tmp_path).stdout)
    q, refs, rates = rules / "quantities.yaml", rules / "references.yaml", rules / "rates.yaml"
    first_ref = re.search(r"^  - id: (\S+)$", refs.read_text(encoding="utf-8"), re.M).group(1)
    mistakes = [
        (q, r"^    label: ", "    lable: ", "lable", 'unknown key "lable" (did you mean "label"?)'),
        (q, r"^    target: false", "    target: nope", "nope", '"target": expected true or false, got the text "nope"'),
        (q, r"^      fr: \[", "      fe: [", "fe", 'cues for "fe" is not a known language'),
        (refs, r"(?<=\n)  - id: (?!" + re.escape(first_ref) + r"\n)\S+", f"  - id: {first_ref}", first_ref,
         f'reference "{first_ref}" is defined twice'),
        (rates, r"rate: (\d+)\.(\d+)", r"rate: \1,\2", ",", 'comma separates entries'),
    ]
    expected = []
    for path, pattern, new, token, message in mistakes:
        line, col = break_file(path, pattern, new, token)
        if token == ",":
            col += 1  # the comma splits the number: the error is on the key after it
        expected.append((f"rules/{path.name}:{line}:{col}: error: ", message))
    r = cli("rules", "check", "rules", cwd=tmp_path)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and r.stderr == ""
    new_lines = sorted(error_lines(r.stdout) - baseline)
    assert len(new_lines) == 5, r.stdout
    for where, message in expected:
        assert [line for line in new_lines if line.startswith(where) and message in line], (where, message, new_lines)
    assert error_lines(r.stdout) <= baseline | set(new_lines)
    assert r.stdout.splitlines()[-1].startswith(f"{len(error_lines(r.stdout))} errors in ")


def test_the_default_rules_pass_check():
    r = cli("rules", "check")
    assert r.stdout.splitlines()[-1].startswith("rules OK: "), r.stdout
    assert r.returncode == 0


def test_check_of_a_clean_set_says_what_it_read(tmp_path):
    (tmp_path / "q.yaml").write_text("quantities:\n  - id: price\n    measures: [money]\n    cues: {en: [price]}\n"
                                     "    examples:\n      - {text: It costs $5., claims: []}\n", encoding="utf-8")
    r = cli("rules", "check", str(tmp_path))
    assert (r.returncode, r.stdout) == (0, "rules OK: 1 file, 0 entities, 0 families, 1 quantity, 1 example, 0 references\n")


def test_check_of_a_missing_path_is_one_line_and_exit_1(tmp_path):
    r = cli("rules", "check", str(tmp_path / "nowhere"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stdout.splitlines() == [f"{tmp_path / 'nowhere'}: error: rules path does not exist: {tmp_path / 'nowhere'}",
                                     "1 error in 1 file"]


# ---------------------------------------------------------------- schema

@pytest.fixture(scope="module")
def validator():
    schema = json.loads(schema_json())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_is_stable_json_with_sorted_keys():
    text = schema_json()
    assert text == schema_json()
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_schema_command_prints_the_schema():
    r = cli("rules", "schema")
    assert r.returncode == 0 and r.stdout == schema_json()


@pytest.mark.parametrize("path", DEFAULT_FILES, ids=[p.name for p in DEFAULT_FILES])
def test_schema_accepts_every_default_rule_file(validator, path):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=RulesLoader) or {}
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_there_are_default_rule_files():
    assert len(DEFAULT_FILES) >= 1


SCHEMA_CASES = [
    ("quantities:\n  - id: x\n    measures: [money]\n    cues: {en: [a]}\n", True),
    ("quantities:\n  - extends: x\n    cues: {fr: [b]}\n", True),
    ("entities:\n  - extends: OpenAI\n    aliases: [Open AI]\n", True),
    ("rates:\n  - {from: EUR, to: USD, rate: 1.05, date: '2025-01-24'}\n", True),
    ("quantities:\n  - id: x\n    measures: [money]\n    cues_fr: [a]\n    cues: {en: [a]}\n", False),
    ("quantities:\n  - id: x\n    measures: money\n    cues: {en: [a]}\n", False),
    ("quantities:\n  - id: x\n    measures: [money]\n    cues: {de: [a]}\n", False),
    ("quantities:\n  - id: x\n    cues: {en: [a]}\n", False),
    ("entities:\n  - name: OpenAI\n    kind: compagny\n", False),
    ("quantites: []\n", False),
]


@pytest.mark.parametrize("text,valid", SCHEMA_CASES, ids=[t for t, _ in SCHEMA_CASES])
def test_schema_tells_good_from_bad(validator, text, valid):
    assert validator.is_valid(yaml.load(text, Loader=RulesLoader)) == valid
