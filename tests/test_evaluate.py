"""The development set is well formed, scoring matches claims as documented, and the extractor keeps its scores."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Optional

import pytest

from compare.cli import main
from compare.errors import UserError
from compare.evaluate import (GoldSentence, build_names, evaluate_file, format_report, load_gold, predict,
                              same_entity, score)
from compare.models import Claim
from compare.rules import Entity, Family, Quantity, RuleSet, load_rules

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "dev_gold.jsonl"
RULES = ROOT / "rules"

FLOORS = {
    "value_f1": 0.98,
    "claim_f1": 0.92,
    "claim_precision": 0.92,
    "claim_recall": 0.92,
    "en_claim_f1": 0.91,
    "fr_claim_f1": 0.91,
}


# ---------------------------------------------------------------- helpers

def small_rules() -> RuleSet:
    return RuleSet(
        entities=(
            Entity(name="DeepSeek V3", kind="model", organisation=None, aliases=["V3", "DeepSeek-V3"]),
            Entity(name="DeepSeek", kind="company"),
            Entity(name="OpenAI", kind="company"),
            Entity(name="o1", kind="model", aliases=["OpenAI o1"]),
            Entity(name="GPT-4", kind="model", patterns=[r"GPT[- ]?4(?![.\w])"]),
            Entity(name="Mistral AI", kind="company", aliases=["Mistral"]),
            Entity(name="Google", kind="company"),
            Entity(name="Le Chat", kind="product"),
        ),
        families=(Family(name="Llama", pattern=r"Llama[- ]?\d(?:\.\d)?(?: \d+B)?"),),
        quantities=(
            Quantity(id="training_cost", measures=["money", "ratio"], ratio_id="cost_ratio", cues={}),
            Quantity(id="compute", measures=["count", "ratio"], ratio_id="compute_ratio", cues={}),
            Quantity(id="price", measures=["money", "ratio"], ratio_id="price_ratio", cues={}),
            Quantity(id="subscription_price", measures=["money", "ratio"], cues={}),
            Quantity(id="gpu_count", measures=["count"], cues={}),
            Quantity(id="investment", measures=["money"], cues={}),
        ),
    )


def gold_line(sid: str, sentence: str, *claims: dict, lang: str = "en") -> GoldSentence:
    return GoldSentence.model_validate({"id": sid, "lang": lang, "sentence": sentence, "claims": list(claims)})


def gclaim(text: str, quantity: str, value: Optional[float], unit: str = "USD", subject: Optional[str] = None,
           qualifier: str = "=", low: Optional[float] = None, high: Optional[float] = None, **more) -> dict:
    return {"subject": subject, "quantity": quantity, "value": value, "low": low, "high": high, "unit": unit,
            "qualifier": qualifier, "text": text, **more}


def pclaim(text: str, quantity: str, value: Optional[float], unit: Optional[str] = "USD", entity: Optional[str] = None,
           qualifier: str = "=", low: Optional[float] = None, high: Optional[float] = None, **more) -> Claim:
    return Claim(id=f"c-{text}-{quantity}", article="t", entity=entity, quantity=quantity, value=value, low=low,
                 high=high, unit=unit, qualifier=qualifier, text=text, start=0, end=len(text), sentence=text,
                 rule="test", **more)


def write_lines(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_record(**change) -> dict:
    record = {"id": "s1", "lang": "en", "sentence": "Training GPT-4 cost more than $100 million.",
              "claims": [gclaim("more than $100 million", "training_cost", 1e8, subject="GPT-4", qualifier=">", low=1e8)]}
    record.update(change)
    return record


# ---------------------------------------------------------------- the development set

@pytest.fixture(scope="module")
def dev() -> list[GoldSentence]:
    return load_gold(DEV)


def test_dev_set_is_large_and_balanced(dev):
    langs = Counter(s.lang for s in dev)
    assert len(dev) >= 220
    assert set(langs) == {"en", "fr"}
    assert abs(langs["en"] - langs["fr"]) <= len(dev) * 0.1


def test_dev_set_ids_are_unique_and_spans_are_slices(dev):
    assert len({s.id for s in dev}) == len(dev)
    bad = [(s.id, c.text) for s in dev for c in s.claims if c.text not in s.sentence]
    assert bad == []


def test_dev_set_lines_are_typed_records_with_every_key():
    keys = {"subject", "quantity", "value", "low", "high", "unit", "qualifier", "per", "versus", "text"}
    for n, line in enumerate(DEV.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        assert set(record) == {"id", "lang", "sentence", "claims"}, n
        for c in record["claims"]:
            assert set(c) == keys, (n, c)
            assert all(isinstance(c[k], (int, float)) for k in ("value", "low", "high") if c[k] is not None), (n, c)


def test_dev_set_covers_every_quantity_qualifier_and_period(dev):
    claims = [c for s in dev for c in s.claims]
    quantities = Counter(c.quantity for c in claims)
    assert set(quantities) == {"training_cost", "compute", "gpu_count", "price", "subscription_price", "investment",
                               "price_change", "revenue", "valuation", "compute_ratio", "price_ratio", "cost_ratio"}
    assert {c.qualifier for c in claims} == {"=", ">", ">=", "<", "<=", "~", "range"}
    assert {c.per for c in claims} >= {"month", "year", "1M tokens", "1M input tokens", "1M output tokens", "hour", "GPU-hour"}
    assert {c.versus.direction for c in claims if c.versus} == {"less", "more"}
    assert {c.unit for c in claims} >= {"USD", "EUR", "CNY", "percent", "GPU-hours", "GPUs", "FLOPs", "ratio"}


def test_dev_set_has_sentences_without_target_claims(dev):
    empty = [s for s in dev if not s.claims]
    assert len(empty) >= len(dev) // 8
    assert {s.lang for s in empty} == {"en", "fr"}


def test_a_quarter_of_the_dev_set_holds_non_target_numbers(dev):
    def leftover(s: GoldSentence) -> str:
        text = s.sentence
        for c in s.claims:
            text = text.replace(c.text, " ", 1)
        return text

    with_distractors = [s for s in dev if not s.claims or re.search(r"\d", leftover(s))]
    assert len(with_distractors) >= len(dev) // 4


# ---------------------------------------------------------------- loading errors

BAD_LINES = [
    ('{"id": "s1", "lang": "en", "sentence": "x", "claims": [', "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    (json.dumps(good_record(extra=1)), "field extra: unknown field"),
    (json.dumps({"id": "s1", "lang": "en", "claims": []}), "field sentence: required field is missing"),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], quantity="cost")])),
     'claim 1 ("more than $100 million"), field quantity'),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], text="more than $100M")])),
     "text is not a span of the sentence"),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], unit="usd")])),
     "neither an ISO 4217 code"),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], low=None)])),
     'qualifier ">" needs value and low equal to the bound'),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], qualifier="range")])),
     "a range has value null and both low and high"),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], quantity="cost_ratio")])),
     'and unit "ratio" go together'),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], versus={"entity": "o1", "direction": "less"})])),
     "versus is only for ratio quantities"),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], per=5)])), "field per"),
    (json.dumps(good_record(claims=[dict(good_record()["claims"][0], qualifier="about")])), "field qualifier"),
]


@pytest.mark.parametrize("line, message", BAD_LINES, ids=[message for _, message in BAD_LINES])
def test_a_bad_line_is_reported_with_its_file_and_line(tmp_path, line, message):
    path = write_lines(tmp_path, [json.dumps(good_record(id="s0")), line])
    with pytest.raises(UserError) as err:
        load_gold(path)
    found = [p for p in err.value.problems if message in p.message]
    assert found, [p.message for p in err.value.problems]
    assert (found[0].file, found[0].line) == (str(path), 2)


def test_every_bad_line_is_reported_at_once(tmp_path):
    path = write_lines(tmp_path, [json.dumps(good_record()), "not json", json.dumps(good_record()),
                                  json.dumps(good_record(id="s2", claims=[dict(good_record()["claims"][0], unit="$")]))])
    with pytest.raises(UserError) as err:
        load_gold(path)
    assert [(p.line, p.message.split(":")[0]) for p in err.value.problems] == [
        (2, "not valid JSON"), (3, 'id "s1" is already used on line 1'), (4, 'claim 1 ("more than $100 million")')]


def test_a_missing_or_empty_gold_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="not found"):
        load_gold(tmp_path / "none.jsonl")
    with pytest.raises(UserError, match="no sentence"):
        load_gold(write_lines(tmp_path, [""]))


# ---------------------------------------------------------------- entity names

@pytest.mark.parametrize("gold, predicted, same", [
    ("DeepSeek-V3", "DeepSeek V3", True),
    ("deepseek v3", "DeepSeek V3", True),
    ("V3", "DeepSeek V3", True),
    ("GPT4", "GPT-4", True),
    ("GPT 4", "GPT-4", True),
    ("Mistral", "Mistral AI", True),
    ("Mistral AI", "Mistral AI", True),
    ("OpenAI o1", "o1", True),
    ("OpenAI", "o1", False),
    ("OpenAI", "OpenAI o1", False),
    ("DeepSeek", "DeepSeek V3", False),
    ("Llama 3.1", "Llama 3.1 405B", False),
    ("Llama-3.1 405B", "Llama 3.1 405B", True),
    ("Poolside", "Poolside AI", True),
    ("H Company", "H", True),
    ("Google One AI Premium", "Google", False),
    ("Mistral Medium 3", "Mistral AI", False),
    ("Mistral", "Mistral Medium 3", False),
    ("Le Chat Pro", "Le Chat", True),
    ("Émirats arabes unis", "Emirats Arabes Unis", True),
    ("Kyutai", "Mistral AI", False),
    ("GPT-4", "GPT-4o", False),
    (None, None, True),
    ("OpenAI", None, False),
    (None, "OpenAI", False),
], ids=lambda v: str(v))
def test_gold_subject_and_predicted_entity(gold, predicted, same):
    assert same_entity(gold, predicted, build_names(small_rules())) is same


# ---------------------------------------------------------------- scoring

def test_perfect_prediction_scores_one_at_both_levels():
    rules = small_rules()
    g = [gold_line("s1", "DeepSeek spent $5.6 million to train V3.",
                   gclaim("$5.6 million", "training_cost", 5.6e6, subject="V3"))]
    scores = score(g, {"s1": [pclaim("$5.6 million", "training_cost", 5.6e6 * (1 + 1e-9), entity="DeepSeek V3")]}, rules)
    assert (scores.overall.claim.tp, scores.overall.claim.fp, scores.overall.claim.fn) == (1, 0, 0)
    assert scores.overall.value.f1 == scores.overall.claim.f1 == 1.0
    assert scores.misses == scores.false_positives == ()


def test_missing_claim_is_a_false_negative_at_both_levels():
    g = [gold_line("s1", "OpenAI raised $6.6 billion.", gclaim("$6.6 billion", "investment", 6.6e9, subject="OpenAI"))]
    scores = score(g, {}, small_rules())
    assert (scores.overall.value.fn, scores.overall.claim.fn, scores.overall.claim.recall) == (1, 1, 0.0)
    assert scores.misses[0].nearest is None
    assert "no predicted claim in this sentence" in format_report(scores)


def test_claim_in_a_sentence_without_gold_is_a_false_positive():
    g = [gold_line("s1", "Nvidia shares fell 17% on Monday.")]
    scores = score(g, {"s1": [pclaim("17%", "price_change", 17, unit="percent", entity="Nvidia")]}, small_rules())
    assert (scores.overall.value.fp, scores.overall.claim.fp, scores.overall.claim.precision) == (1, 1, 0.0)
    assert scores.by_quantity["price_change"].claim.fp == 1
    assert "no gold claim in this sentence" in format_report(scores)


def test_wrong_entity_matches_at_value_level_only():
    g = [gold_line("s1", "DeepSeek spent $5.6 million to train V3.",
                   gclaim("$5.6 million", "training_cost", 5.6e6, subject="V3"))]
    scores = score(g, {"s1": [pclaim("$5.6 million", "training_cost", 5.6e6, entity="DeepSeek")]}, small_rules())
    assert (scores.overall.value.tp, scores.overall.claim.tp, scores.overall.claim.fn, scores.overall.claim.fp) == (1, 0, 1, 1)
    assert scores.misses[0].value_match and scores.misses[0].differs == ("entity",)
    assert "matched at value level only; nearest predicted differs in entity (V3 vs DeepSeek)" in format_report(scores)


@pytest.mark.parametrize("field, predicted", [
    ("value", pclaim("$100 million", "training_cost", 1e9, entity="GPT-4", qualifier=">", low=1e9)),
    ("unit", pclaim("$100 million", "training_cost", 1e8, unit="EUR", entity="GPT-4", qualifier=">", low=1e8)),
    ("qualifier", pclaim("$100 million", "training_cost", 1e8, entity="GPT-4")),
    ("quantity", pclaim("$100 million", "investment", 1e8, entity="GPT-4", qualifier=">", low=1e8)),
], ids=lambda v: v if isinstance(v, str) else None)
def test_the_differing_field_is_named(field, predicted):
    g = [gold_line("s1", "GPT-4 cost more than $100 million.",
                   gclaim("more than $100 million", "training_cost", 1e8, subject="GPT-4", qualifier=">", low=1e8))]
    scores = score(g, {"s1": [predicted]}, small_rules())
    assert scores.misses[0].differs == (field,)
    assert scores.overall.value.tp == (1 if field == "quantity" else 0)


def test_bound_qualifiers_compare_the_bound_when_value_is_left_out():
    g = [gold_line("s1", "It cost less than $6 million.",
                   gclaim("less than $6 million", "training_cost", 6e6, qualifier="<", high=6e6))]
    scores = score(g, {"s1": [pclaim("less than $6 million", "training_cost", None, qualifier="<", high=6e6)]}, small_rules())
    assert scores.overall.claim.tp == 1


@pytest.mark.parametrize("quantity, unit, expected", [
    ("compute", "x", "compute_ratio"),
    ("price", "x", "price_ratio"),
    ("training_cost", "x", "cost_ratio"),
    ("subscription_price", "x", "price_ratio"),
    ("compute_ratio", "ratio", "compute_ratio"),
    ("compute", "GPU-hours", "compute"),
], ids=lambda v: str(v))
def test_ratio_claims_are_scored_under_the_gold_ratio_ids(quantity, unit, expected):
    g = [gold_line("s1", "V3 needed 11 times less compute than Llama 3.",
                   gclaim("11 times less", expected, 11, unit="ratio" if expected.endswith("_ratio") else unit,
                          subject="V3", versus={"entity": "Llama 3", "direction": "less"} if expected.endswith("_ratio") else None))]
    ratio = expected.endswith("_ratio")
    p = pclaim("11 times less", quantity, 11, unit=unit, entity="DeepSeek V3", versus="Llama 3" if ratio else None,
               direction="less" if ratio else None, kind="ratio" if ratio else "count")
    scores = score(g, {"s1": [p]}, small_rules())
    assert scores.overall.claim.tp == 1
    assert scores.versus_agrees == scores.versus_compared == (1 if ratio else 0)


def test_ratio_id_comes_from_the_rules_before_the_fallback():
    rules = small_rules()
    rules = rules.model_copy(update={"quantities": rules.quantities + (
        Quantity(id="gpu_hours", measures=["count", "ratio"], ratio_id="compute_ratio", cues={}),)})
    g = [gold_line("s1", "It used 3 times more GPU hours.", gclaim("3 times more", "compute_ratio", 3, unit="ratio"))]
    assert score(g, {"s1": [pclaim("3 times more", "gpu_hours", 3, unit="x")]}, rules).overall.claim.tp == 1
    assert score(g, {"s1": [pclaim("3 times more", "gpu_hours", 3, unit="x")]}, small_rules()).overall.claim.tp == 0


@pytest.mark.parametrize("low, high, qualifier, matched", [
    (6e7, 1.7e8, "range", True),
    (6e7 * (1 + 1e-8), 1.7e8, "range", True),
    (6e7, 1.6e8, "range", False),
    (None, 1.7e8, "<", False),
], ids=lambda v: str(v))
def test_ranges_match_on_both_bounds(low, high, qualifier, matched):
    g = [gold_line("s1", "Llama 3.1 cost between $60 million and $170 million.",
                   gclaim("between $60 million and $170 million", "training_cost", None, subject="Llama 3.1",
                          qualifier="range", low=6e7, high=1.7e8))]
    p = pclaim("between $60 million and $170 million", "training_cost", high if qualifier == "<" else None,
               entity="Llama 3.1", qualifier=qualifier, low=low, high=high)
    assert score(g, {"s1": [p]}, small_rules()).overall.claim.tp == (1 if matched else 0)


def test_claim_level_matches_are_made_before_value_level_ones():
    g = [gold_line("s1", "DeepSeek paid $2 an hour; renting an H100 costs $2 an hour.",
                   gclaim("$2 an hour", "price", 2, subject="DeepSeek", per="hour"),
                   gclaim("$2 an hour", "price", 2, subject="H100", per="hour"))]
    preds = [pclaim("$2 an hour", "price", 2, entity="H100", per="hour"),
             pclaim("$2 an hour", "price", 2, entity="Nvidia", per="hour")]
    scores = score(g, {"s1": preds}, small_rules())
    assert (scores.overall.claim.tp, scores.overall.value.tp) == (1, 2)
    assert [m.claim.entity for m in scores.misses] == ["DeepSeek"]


def test_scores_are_split_by_language_and_quantity():
    g = [gold_line("e1", "OpenAI raised $6.6 billion.", gclaim("$6.6 billion", "investment", 6.6e9, subject="OpenAI")),
         gold_line("f1", "Mistral a levé 600 millions d'euros.",
                   gclaim("600 millions d'euros", "investment", 6e8, unit="EUR", subject="Mistral"), lang="fr")]
    preds = {"e1": [pclaim("$6.6 billion", "investment", 6.6e9, entity="OpenAI")],
             "f1": [pclaim("600 millions d'euros", "valuation", 6e8, unit="EUR", entity="Mistral AI")]}
    scores = score(g, preds, small_rules())
    assert scores.by_lang["en"].claim.f1 == 1.0 and scores.by_lang["fr"].claim.f1 == 0.0
    assert scores.by_lang["fr"].value.f1 == 1.0
    assert (scores.by_quantity["investment"].claim.tp, scores.by_quantity["investment"].claim.fn) == (1, 1)
    assert scores.by_quantity["valuation"].claim.fp == 1


def test_per_is_reported_as_agreement_not_required_for_a_match():
    g = [gold_line("s1", "ChatGPT Plus costs $20 per month.",
                   gclaim("$20 per month", "subscription_price", 20, subject="ChatGPT Plus", per="month"))]
    scores = score(g, {"s1": [pclaim("$20 per month", "subscription_price", 20, entity="ChatGPT Plus")]}, small_rules())
    assert scores.overall.claim.tp == 1
    assert (scores.per_agrees, scores.per_compared) == (0, 1)


def test_report_lists_at_most_show_issues_and_is_deterministic():
    g = [gold_line(f"s{i}", f"Item {i} costs ${i + 1}.", gclaim(f"${i + 1}", "price", i + 1)) for i in range(5)]
    scores = score(g, {}, small_rules())
    report = format_report(scores, show=2)
    assert report == format_report(score(g, {}, small_rules()), show=2)
    assert "misses (claim level): 5, first 2:" in report
    assert [line.split()[0] for line in report.splitlines() if "expected:" in line] == ["s0", "s1"]


# ---------------------------------------------------------------- the command and the real extractor

def test_evaluate_command_prints_the_report(tmp_path, capsys):
    path = write_lines(tmp_path, [json.dumps(good_record())])
    assert main(["evaluate", str(path), "--rules", str(RULES), "--show", "0"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"evaluation of {path}: 1 sentences, 1 gold claims")
    assert "misses (claim level):" in out


def test_evaluate_command_reports_a_bad_gold_file(tmp_path, capsys):
    path = write_lines(tmp_path, ['{"id": 1}'])
    assert main(["evaluate", str(path), "--rules", str(RULES)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:1: error: field id:" in err
    assert f"{path}:1: error: field sentence: required field is missing" in err


@pytest.fixture(scope="module")
def dev_scores(dev):
    rules = load_rules([RULES])
    predicted = predict(dev, rules)
    return dev, predicted, score(dev, predicted, rules)


def test_extractor_is_run_on_every_sentence_and_counts_add_up(dev_scores):
    dev, predicted, scores = dev_scores
    assert set(predicted) == {s.id for s in dev}
    assert scores.overall.claim.tp + scores.overall.claim.fn == scores.gold_claims == sum(len(s.claims) for s in dev)
    assert scores.overall.claim.tp + scores.overall.claim.fp == scores.predicted_claims
    assert scores.overall.value.tp >= scores.overall.claim.tp
    assert len(scores.misses) == scores.overall.claim.fn


def test_extractor_scores_do_not_fall_below_the_floors(dev_scores):
    _, _, scores = dev_scores
    measured = {
        "value_f1": scores.overall.value.f1,
        "claim_f1": scores.overall.claim.f1,
        "claim_precision": scores.overall.claim.precision,
        "claim_recall": scores.overall.claim.recall,
        "en_claim_f1": scores.by_lang["en"].claim.f1,
        "fr_claim_f1": scores.by_lang["fr"].claim.f1,
    }
    below = {k: round(v, 3) for k, v in measured.items() if v < FLOORS[k]}
    assert below == {}, format_report(scores, show=0)


def test_evaluate_file_reports_the_dev_set():
    report = evaluate_file(DEV, [RULES], show=3)
    assert report.splitlines()[0].startswith(f"evaluation of {DEV}: {len(load_gold(DEV))} sentences")
    assert {"lang en", "lang fr"} <= {line[:7] for line in report.splitlines()}
