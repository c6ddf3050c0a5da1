"""`claim-compare rules test`: examples run as tests, failures shown as readable field-by-field diffs."""
import io
import subprocess
import sys
from pathlib import Path

import pytest

from compare.models import Claim
from compare.rules import ExpectedClaim
from compare.ruletools import diff_claims, test as run_examples

ROOT = Path(__file__).resolve().parents[1]


def claim(entity="DeepSeek V3", quantity="training_cost", value=5_570_000.0, unit="USD", text="5,57 millions de dollars",
          **more):
    return Claim(id="c", article="text", entity=entity, quantity=quantity, value=value, unit=unit, text=text,
                 start=0, end=len(text), sentence=text, rule=quantity, **more)


def expect(**fields):
    return ExpectedClaim(**fields)


V3 = dict(entity="DeepSeek V3", quantity="training_cost", value=5_570_000, unit="USD")

DIFFS = [
    ("all given fields agree", [expect(**V3)], [claim()], []),
    ("fields left out are not checked", [expect(value=5_570_000)], [claim(entity="OpenAI", qualifier=">")], []),
    ("numbers compare as numbers", [expect(value=0.27)], [claim(value=0.27000000000000001)], []),
    ("same value, other entity: only the entity differs", [expect(**V3)], [claim(entity="OpenAI")],
     ['  claim "5,57 millions de dollars" (training_cost, 5570000 USD):',
      '    entity: expected "DeepSeek V3", got "OpenAI"']),
    ("two fields differ", [expect(**V3, qualifier=">")], [claim(entity="OpenAI")],
     ['  claim "5,57 millions de dollars" (training_cost, 5570000 USD):',
      '    entity: expected "DeepSeek V3", got "OpenAI"',
      '    qualifier: expected ">", got "="']),
    ("explicit null must be empty", [expect(value=11, versus=None)], [claim(value=11.0, unit="x", versus="Llama 3")],
     ['  claim "5,57 millions de dollars" (training_cost, 11 x):', '    versus: expected none, got "Llama 3"']),
    ("a claim that should be none", [], [claim(entity="OpenAI", value=200.0, text="200 dollars")],
     ['  unexpected: entity "OpenAI", quantity "training_cost", value 200, unit "USD", text "200 dollars"']),
    ("a claim that was not found", [expect(**V3)], [],
     ['  missed: entity "DeepSeek V3", quantity "training_cost", value 5570000, unit "USD"']),
    ("other value and entity: missed and unexpected", [expect(**V3)], [claim(entity="OpenAI", value=200.0, text="200 dollars")],
     ['  missed: entity "DeepSeek V3", quantity "training_cost", value 5570000, unit "USD"',
      '  unexpected: entity "OpenAI", quantity "training_cost", value 200, unit "USD", text "200 dollars"']),
    ("each expected claim pairs with its own", [expect(entity="GPT-4o", value=1e8), expect(entity="DeepSeek V3", value=5.57e6)],
     [claim(), claim(entity="GPT-4o", value=1e8, text="100 millions", qualifier=">")], []),
    ("near match picks the closest", [expect(entity="GPT-4o", value=1e8, qualifier=">")],
     [claim(entity="OpenAI", value=1e8, text="100 millions"), claim(entity="GPT-4o", value=1e8, text="plus de 100 millions")],
     ['  claim "plus de 100 millions" (training_cost, 100000000 USD):', '    qualifier: expected ">", got "="',
      '  unexpected: entity "OpenAI", quantity "training_cost", value 100000000, unit "USD", text "100 millions"']),
]


@pytest.mark.parametrize("expected,actual,lines", [pytest.param(e, a, want, id=i) for i, e, a, want in DIFFS])
def test_diff_of_expected_and_actual_claims(expected, actual, lines):
    assert diff_claims(expected, actual) == lines


RULES = """\
entities:
  - {name: DeepSeek V3, kind: model, aliases: [V3]}
  - {name: OpenAI, kind: company}
quantities:
  - id: training_cost
    measures: [money]
    cues: {fr: [entraînement]}
    examples:
      - lang: fr
        text: "“V3” n’a par exemple réclamé que 5,57 millions de dollars pour son entraînement, une somme dérisoire."
        claims:
          - {entity: DeepSeek V3, quantity: training_cost, value: 5570000, unit: USD}
      - text: Le modèle a été entraîné en 2024.
        claims: []
"""


def stub(answers):
    """An extractor that answers each example text with the claims given for the first word it contains."""
    calls = []

    def build(rules):
        def run(text, lang):
            calls.append(lang)
            for word, claims in answers.items():
                if word in text:
                    if isinstance(claims, Exception):
                        raise claims
                    return claims
            return []
        return run
    return build, calls


@pytest.fixture
def rules_dir(tmp_path):
    (tmp_path / "q.yaml").write_text(RULES, encoding="utf-8")
    return tmp_path


def test_passing_examples_exit_0(rules_dir):
    build, calls = stub({"V3": [claim()]})
    out = io.StringIO()
    assert run_examples([rules_dir], out, extract=build) == 0
    assert out.getvalue() == "2 examples, 0 failed\n"
    assert calls == ["fr", None]


def test_a_wrong_example_is_shown_with_its_line_and_only_the_differing_field(rules_dir):
    build, _ = stub({"V3": [claim(entity="OpenAI")], "2024": [claim(value=2024.0, text="2024")]})
    out = io.StringIO()
    assert run_examples([rules_dir], out, extract=build) == 1
    assert out.getvalue().splitlines() == [
        f'{rules_dir / "q.yaml"}:9: example "“V3” n’a par exemple réclamé que 5,57 millions de dollars po…" (training_cost)',
        '  claim "5,57 millions de dollars" (training_cost, 5570000 USD):',
        '    entity: expected "DeepSeek V3", got "OpenAI"',
        f'{rules_dir / "q.yaml"}:13: example "Le modèle a été entraîné en 2024." (training_cost)',
        '  unexpected: entity "DeepSeek V3", quantity "training_cost", value 2024, unit "USD", text "2024"',
        "2 examples, 2 failed",
    ]


def test_an_extractor_crash_fails_that_example_only(rules_dir):
    build, _ = stub({"V3": ValueError("no mention")})
    out = io.StringIO()
    assert run_examples([rules_dir], out, extract=build) == 1
    lines = out.getvalue().splitlines()
    assert lines[1] == "  the extractor failed: ValueError: no mention"
    assert lines[-1] == "2 examples, 1 failed"


def test_broken_rules_are_reported_before_any_example_runs(rules_dir):
    (rules_dir / "q.yaml").write_text(RULES.replace("measures:", "measure:"), encoding="utf-8")
    build, calls = stub({})
    out = io.StringIO()
    assert run_examples([rules_dir], out, extract=build) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{rules_dir / 'q.yaml'}:5:5: error: ")
    assert lines[-1] == "2 errors in the rules: fix them first (claim-compare rules check)"
    assert calls == []


def test_rules_test_with_the_real_extractor_on_a_wrong_example(tmp_path):
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        "quantities:\n  - extends: training_cost\n    examples:\n      - lang: en\n"
        "        text: DeepSeek said it spent $5.6 million to train V3.\n"
        "        claims:\n          - {entity: OpenAI, value: 5600000, unit: USD}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "compare", "rules", "test", "rules", str(wrong)], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    lines = r.stdout.splitlines()
    at = lines.index(f'{wrong}:4: example "DeepSeek said it spent $5.6 million to train V3." (training_cost)')
    assert lines[at + 2] == '    entity: expected "OpenAI", got "DeepSeek V3"'
    total, failed = lines[-1].split(" examples, ")
    assert int(total) >= 1 and 1 <= int(failed.split()[0]) <= int(total)
