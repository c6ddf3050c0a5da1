"""`evaluate --unknown-names`: half of the rules' entities unknown to the extractor, known to the scoring, counts pooled."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.cli import main
from compare.evaluate import (Counts, GoldSentence, Levels, Scores, entity_half, evaluate_file, load_gold, pool,
                              score_unknown_names, without_half)
from compare.rules import Entity, Family, Quantity, Reference, RuleSet, Source, load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"

# Written sentences (no press text). "stellr" (half 1) is a name the name detector cannot find (no capital):
# only the rules know it. "HDX" (an alias of "Halvorsen Dynamics", half 0) is found as a name without the rules,
# but only the full rules say it is the gold's "Halvorsen Dynamics".
EXTRA_RULES = """\
entities:
  - {name: stellr, kind: company}
  - {name: Halvorsen Dynamics, kind: company, aliases: [HDX]}
"""
GOLD = [
    {"id": "u-1", "lang": "en", "sentence": "Investors put $40 million into stellr last week, the company said.",
     "claims": [{"subject": "stellr", "quantity": "investment", "value": 40e6, "unit": "USD", "text": "$40 million"}]},
    {"id": "u-2", "lang": "en", "sentence": "HDX raised $25 million in a seed round led by two funds.",
     "claims": [{"subject": "Halvorsen Dynamics", "quantity": "investment", "value": 25e6, "unit": "USD",
                 "text": "$25 million"}]},
]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    rules = tmp_path / "extra.yaml"
    rules.write_text(EXTRA_RULES, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    return gold, rules


# ---------------------------------------------------------------- the halves

@pytest.mark.parametrize("name, half", [
    ("OpenAI", 0), ("Anthropic", 0), ("Mistral AI", 0), ("Le Chat", 0), ("Halvorsen Dynamics", 0),
    ("DeepSeek", 1), ("Qwen", 1), ("ChatGPT Pro", 1), ("Société Générale", 1), ("stellr", 1),
])
def test_an_entity_falls_in_the_same_half_on_every_run(name, half):
    assert entity_half(name) == half


def test_the_two_halves_part_the_shipped_entities_about_evenly():
    rules = load_rules([RULES])
    names = {e.name for e in rules.entities}
    kept = [{e.name for e in without_half(rules, h).entities} for h in (0, 1)]
    assert kept[0].isdisjoint(kept[1]) and kept[0] | kept[1] == names
    assert all(0.4 < len(k) / len(names) < 0.6 for k in kept)
    assert all(len(without_half(rules, h).families) == len(rules.families) for h in (0, 1))


def test_no_removed_name_reaches_the_extractor_by_another_field():
    source = Source(title="a primary source")
    rules = RuleSet(
        entities=(Entity(name="OpenAI", kind="company"),
                  Entity(name="DeepSeek", kind="company"),
                  Entity(name="ChatGPT Pro", kind="product", organisation="OpenAI", refers_to="OpenAI"),
                  Entity(name="Qwen", kind="model", organisation="DeepSeek")),
        families=(Family(name="Llama", pattern=r"Llama \d", organisation="OpenAI"),
                  Family(name="Mistral", pattern=r"Mistral \d", organisation="DeepSeek")),
        quantities=(Quantity(id="price", measures=["money"], cues={}),),
        references=(Reference(id="r1", entity="OpenAI", quantity="price", value=1.0, source=source),
                    Reference(id="r2", entity="DeepSeek", quantity="price", value=2.0, source=source)))
    reduced = without_half(rules, 0)  # OpenAI is in half 0, DeepSeek in half 1
    assert [(e.name, e.organisation, e.refers_to) for e in reduced.entities] == [
        ("DeepSeek", None, None), ("ChatGPT Pro", None, None), ("Qwen", "DeepSeek", None)]
    assert [(f.name, f.organisation) for f in reduced.families] == [("Llama", None), ("Mistral", "DeepSeek")]
    assert [r.id for r in reduced.references] == ["r2"]
    assert rules.entities[2].organisation == "OpenAI"  # the full rules are left as they were


# ---------------------------------------------------------------- pooling

def _scores(tp: int, fp: int, fn: int, lang: str) -> Scores:
    lv = Levels(value=Counts(tp=tp, fp=fp, fn=fn), claim=Counts(tp=tp, fp=fp, fn=fn))
    return Scores(sentences=1, gold_claims=tp + fn, predicted_claims=tp + fp, overall=lv, by_lang={lang: lv},
                  by_quantity={"price": lv}, errors={"all": {"missed": fn}}, non_target_extras={"growth": fp})


def test_pooled_scores_add_the_counts_rather_than_average_the_rates():
    pooled = pool([_scores(1, 0, 0, "en"), _scores(1, 3, 3, "fr")], ["s"], ["a", "b"])
    assert pooled.overall.claim == Counts(tp=2, fp=3, fn=3)
    assert pooled.overall.claim.f1 == pytest.approx(0.4)  # the mean of the two F1s would be 0.625
    assert (pooled.sentences, pooled.gold_claims, pooled.predicted_claims) == (2, 5, 5)
    assert pooled.by_lang == {"en": _scores(1, 0, 0, "en").overall, "fr": _scores(1, 3, 3, "fr").overall}
    assert pooled.by_quantity["price"].value == Counts(tp=2, fp=3, fn=3)
    assert pooled.errors == {"all": {"missed": 3}} and pooled.non_target_extras == {"growth": 3}


# ---------------------------------------------------------------- through the extractor

def test_predictions_use_the_reduced_rules_and_the_scoring_the_full_ones(files):
    gold, extra = files
    full = load_rules([RULES, extra])
    plain = json.loads(evaluate_file(gold, [RULES, extra], as_json=True))
    assert plain["overall"]["claim"] == {"tp": 2, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    seen: list[set[str]] = []

    def predict(sentences: list[GoldSentence], rules: RuleSet) -> dict:
        from compare.evaluate import predict as real
        seen.append({e.name for e in rules.entities} & {"stellr", "Halvorsen Dynamics"})
        return real(sentences, rules)

    pooled = score_unknown_names(load_gold(gold), full, predict)
    assert seen == [{"stellr"}, {"Halvorsen Dynamics"}]
    # half 1 unknown: "stellr" is no name at all, a miss; half 0 unknown: "HDX" is found as a name and the full
    # rules say it is "Halvorsen Dynamics" (scored with the reduced rules, it would be a miss too: tp 2)
    assert pooled.overall.claim.tp == 3 and pooled.overall.claim.fn == 1
    assert (pooled.sentences, pooled.gold_claims) == (4, 4)
    assert [(i.sentence_id, i.claim.entity) for i in pooled.misses] == [("u-1 (half 1 unknown)", "stellr")]


def test_the_command_prints_the_same_tables_and_json_fields(files, capsys):
    gold, extra = files
    args = ["evaluate", str(gold), "--rules", str(RULES), "--rules", str(extra)]
    assert main(args + ["--json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(args + ["--json", "--unknown-names"]) == 0
    unknown = json.loads(capsys.readouterr().out)
    assert unknown.keys() == plain.keys() and unknown["overall"].keys() == plain["overall"].keys()
    assert (unknown["gold_claims"], unknown["overall"]["claim"]["tp"]) == (4, 3)
    assert main(args + ["--unknown-names", "--show", "5"]) == 0
    first = capsys.readouterr().out
    assert main(args + ["--unknown-names", "--show", "5"]) == 0
    assert capsys.readouterr().out == first
    assert "half of the rules' entities unknown" in first.splitlines()[0]
    assert "errors" in first and "  u-1 (half 1 unknown)  expected: investment | stellr |" in first
    assert [line.split()[:1] for line in first.splitlines()[4:6]] == [["all"], ["lang"]]
