"""Comparisons: the same figure across sources, ratios between entities, stated ratios checked."""
import random
from pathlib import Path

import pytest
import yaml

from compare.comparisons import compare_claims, convert, find_rate, resolve_entity
from compare.errors import UserError
from compare.intervals import closed
from compare.models import Claim
from compare.references import Rate, Reference, Settings, Source, load_references
from compare.rules import Entity, RuleSet

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_b83a57ec9cdd648f"
DATES = {SEED: "2025-01-24 11:30:00", "other": "2025-01-02"}


def claim(cid, article=SEED, **kw):
    base = dict(id=cid, article=article, text=cid, start=len(cid), end=len(cid) + 3, sentence=cid, rule="test")
    base.update(kw)
    return Claim(**base)


def ref(rid, entity, quantity, value, unit, **kw):
    return Reference(id=rid, entity=entity, quantity=quantity, value=value, unit=unit,
                     source=Source(title="test source", date=kw.pop("date", "2025-01-01")), **kw)


def shipped_rates():
    return tuple(Rate.model_validate(r) for r in yaml.safe_load((ROOT / "rules/rates.yaml").read_text())["rates"])


def shipped_rules(**kw):
    entities = (Entity(name="Llama 3", refers_to="Llama 3.1 405B"), Entity(name="Llama 3.1 405B"))
    base = dict(entities=entities, references=tuple(load_references([ROOT / "rules/references.yaml"])),
                rates=shipped_rates())
    base.update(kw)
    return RuleSet(**base)


# The seed's seven claims as the extractor gives them (value, qualifier, precision of the digits).
SEED_CLAIMS = [
    claim("v3cost", entity="DeepSeek V3", quantity="training_cost", value=5_570_000, unit="USD", kind="money",
          precision=10_000),
    claim("gptcost", entity="GPT-4o", quantity="training_cost", value=100_000_000, low=100_000_000, unit="USD",
          qualifier=">", kind="money", precision=1_000_000),
    claim("ratio11", entity="DeepSeek V3", quantity="compute", value=11, unit="x", direction="less",
          versus="Llama 3", kind="ratio", precision=1),
    claim("stargate", entity="Stargate", quantity="investment", value=500_000_000_000, unit="USD", kind="money",
          precision=1_000_000_000),
    claim("ms30", entity="Microsoft", quantity="price_change", value=30, unit="percent", qualifier="~",
          direction="up", kind="percent"),
    claim("pro200", entity="ChatGPT Pro", quantity="subscription_price", value=200, unit="USD", per="month",
          kind="money", precision=1),
    claim("doubao50", entity="Doubao 1.5", quantity="price", value=50, unit="x", qualifier="~", direction="less",
          versus="GPT-4o", kind="ratio"),
]


def only(comps, **kw):
    found = [c for c in comps if all(getattr(c, k) == v for k, v in kw.items())]
    assert len(found) == 1, f"{len(found)} comparisons match {kw}: {[(c.kind, c.entity, c.left_ids, c.right_ids) for c in comps]}"
    return found[0]


@pytest.fixture(scope="module")
def seed_comparisons():
    return compare_claims(SEED_CLAIMS, shipped_rules(), article_dates=DATES)


def test_seed_v3_versus_gpt4o_training_cost_is_over_17_9x(seed_comparisons):
    c = only(seed_comparisons, kind="entity_ratio", quantity="training_cost")
    assert (c.entity, c.versus) == ("GPT-4o", "DeepSeek V3")
    assert c.computed == "> 17.9x"
    assert c.computed_low == pytest.approx(1e8 / 5.575e6) and c.computed_high is None
    assert c.computed_value == pytest.approx(1e8 / 5.57e6)
    assert c.verdict == "computed" and c.basis == "claims"
    assert set(c.left_ids + c.right_ids) == {"v3cost", "gptcost"}


def test_seed_stated_11x_is_consistent_with_the_references(seed_comparisons):
    c = only(seed_comparisons, kind="stated_ratio", left_ids=("ratio11",))
    assert c.verdict == "consistent"
    assert c.stated == 11
    assert c.computed_low == pytest.approx(30_835_000 / 2_788_500)
    assert c.computed_high == pytest.approx(30_845_000 / 2_787_500)
    assert c.computed_value == pytest.approx(30.84 / 2.788)
    assert c.spread_pct == pytest.approx(100 * abs(11 - 30.84 / 2.788) / 11, abs=1e-3)
    assert c.basis == "references"
    assert "Llama 3 -> Llama 3.1 405B (reference llama31-405b-compute)" in c.figures_used
    assert "reference deepseek-v3-compute" in c.figures_used
    assert (c.entity, c.versus) == ("DeepSeek V3", "Llama 3")


def test_seed_doubao_50x_is_unverifiable_without_price_figures(seed_comparisons):
    c = only(seed_comparisons, kind="stated_ratio", left_ids=("doubao50",))
    assert c.verdict == "unverifiable"
    assert "Doubao 1.5" in c.reason and "GPT-4o" in c.reason
    assert c.computed is None


def test_seed_5_57m_is_close_to_the_report_5_576m(seed_comparisons):
    c = only(seed_comparisons, kind="across_sources", left_ids=("v3cost",))
    assert c.right_ids == ("deepseek-v3-training-cost",)
    assert c.verdict == "close"
    assert c.spread_pct == pytest.approx(100 * 6_000 / 5_570_000, abs=1e-3)
    assert round(c.spread_pct, 1) == 0.1


@pytest.mark.parametrize("cid,ref_id", [("stargate", "stargate-investment"), ("pro200", "chatgpt-pro-price")])
def test_seed_figures_that_match_their_source_agree(seed_comparisons, cid, ref_id):
    c = only(seed_comparisons, kind="across_sources", left_ids=(cid,))
    assert c.right_ids == (ref_id,) and c.verdict == "agree"
    assert c.computed_low <= 1 <= c.computed_high


def test_seed_kinds_and_count(seed_comparisons):
    kinds = [c.kind for c in seed_comparisons]
    assert kinds == sorted(kinds, key=["across_sources", "entity_ratio", "stated_ratio"].index)
    assert kinds.count("across_sources") == 3
    assert kinds.count("stated_ratio") == 2
    assert kinds.count("entity_ratio") == 2  # GPT-4o/V3 in the article, Llama 3.1/V3 in the references


def test_output_is_deterministic_whatever_the_input_order():
    rules = shipped_rules()
    first = compare_claims(SEED_CLAIMS, rules, article_dates=DATES)
    shuffled = SEED_CLAIMS[:]
    random.Random(7).shuffle(shuffled)
    again = compare_claims(shuffled, rules, article_dates=DATES)
    assert [c.model_dump() for c in again] == [c.model_dump() for c in first]
    assert len({c.id for c in first}) == len(first)
    assert all(c.id.startswith(("xs-", "er-", "sr-")) for c in first)


# Two articles on the same quantity: each pair gets a verdict from the intervals.
ACROSS = [
    ("5,57 M$ vs 5,6 M$: rounding covers it", dict(value=5_570_000, precision=10_000),
     dict(value=5_600_000, precision=100_000), "agree"),
    ("5,57 M$ vs 5,58 M$: 0.1 % apart", dict(value=5_570_000, precision=10_000),
     dict(value=5_580_000, precision=10_000), "close"),
    ("5,57 M$ vs 6 M$ written as 6,0", dict(value=5_570_000, precision=10_000),
     dict(value=6_000_000, precision=100_000), "disagree"),
    ("5,57 M$ vs 6 M$: digits allow 5.5-6.5", dict(value=5_570_000, precision=10_000),
     dict(value=6_000_000, precision=1_000_000), "agree"),
    ("environ 6 M$ vs 5,57 M$", dict(value=6_000_000, qualifier="~"),
     dict(value=5_570_000, precision=10_000), "agree"),
    ("plus de 100 M$ vs 78 M$", dict(value=100_000_000, low=100_000_000, qualifier=">"),
     dict(value=78_000_000, precision=1_000_000), "disagree"),
    ("plus de 100 M$ vs 101 M$", dict(value=100_000_000, low=100_000_000, qualifier=">"),
     dict(value=101_000_000, precision=1_000_000), "agree"),
]


@pytest.mark.parametrize("name,a,b,verdict", ACROSS, ids=[x[0] for x in ACROSS])
def test_two_articles_on_the_same_figure(name, a, b, verdict):
    claims = [claim("a1", article="art-a", entity="GPT-4", quantity="training_cost", unit="USD", kind="money", **a),
              claim("b1", article="art-b", entity="GPT-4", quantity="training_cost", unit="USD", kind="money", **b)]
    comps = compare_claims(claims, RuleSet())
    c = only(comps, kind="across_sources")
    assert c.verdict == verdict
    assert (c.left_ids, c.right_ids) == (("a1",), ("b1",))
    assert c.reason


def test_close_tolerance_is_a_setting():
    claims = [claim("a1", article="art-a", entity="GPT-4", quantity="training_cost", unit="USD", kind="money",
                    value=5_570_000, precision=10_000),
              claim("b1", article="art-b", entity="GPT-4", quantity="training_cost", unit="USD", kind="money",
                    value=5_800_000, precision=100_000)]
    assert only(compare_claims(claims, RuleSet()), kind="across_sources").verdict == "disagree"
    loose = RuleSet(settings=Settings(close_tolerance=0.05))
    assert only(compare_claims(claims, loose), kind="across_sources").verdict == "close"


def test_claims_in_one_article_are_not_compared_across_sources():
    claims = [claim("a1", entity="GPT-4", quantity="training_cost", value=1e8, unit="USD", kind="money"),
              claim("a2", entity="GPT-4", quantity="training_cost", value=2e8, unit="USD", kind="money")]
    assert [c for c in compare_claims(claims, RuleSet()) if c.kind == "across_sources"] == []


def test_different_per_is_listed_as_not_comparable_and_another_quantity_never_compared():
    claims = [claim("a1", article="art-a", entity="ChatGPT Pro", quantity="subscription_price", value=200,
                    unit="USD", per="month", kind="money"),
              claim("b1", article="art-b", entity="ChatGPT Pro", quantity="subscription_price", value=2400,
                    unit="USD", per="year", kind="money"),
              claim("c1", article="art-c", entity="ChatGPT Pro", quantity="price", value=200, unit="USD",
                    per="month", kind="money")]
    c = only(compare_claims(claims, RuleSet()), kind="across_sources")
    assert (c.left_ids, c.right_ids) == (("a1",), ("b1",))
    assert c.verdict == "not comparable" and c.reason == "not comparable: different per: month vs year"


def test_stated_ratios_in_two_articles_are_compared_with_each_other():
    claims = [claim("a1", article="art-a", entity="DeepSeek V3", quantity="compute", value=11, unit="x",
                    direction="less", versus="Llama 3", precision=1, kind="ratio"),
              claim("b1", article="art-b", entity="DeepSeek V3", quantity="compute", value=10, unit="x",
                    direction="less", versus="Llama 3.1 405B", precision=1, kind="ratio")]
    rules = RuleSet(entities=(Entity(name="Llama 3", refers_to="Llama 3.1 405B"),))
    c = only(compare_claims(claims, rules), kind="across_sources")
    assert c.verdict == "close" and c.versus == "Llama 3.1 405B"


# A stated ratio against the figures of both sides.
STATED = [
    ("11x less, figures 30.84M / 2.788M", dict(value=11, precision=1, direction="less"),
     (2_788_000, 1_000), (30_840_000, 10_000), "consistent"),
    ("11x less, exact 11, within ratio tolerance", dict(value=11, direction="less"),
     (2_788_000, 1_000), (30_840_000, 10_000), "consistent"),
    ("20x less, figures give 11x", dict(value=20, precision=1, direction="less"),
     (2_788_000, 1_000), (30_840_000, 10_000), "inconsistent"),
    ("11x more is the wrong way round", dict(value=11, precision=1, direction="more"),
     (2_788_000, 1_000), (30_840_000, 10_000), "inconsistent"),
    ("3x more, figures 3.1M / 1M", dict(value=3, precision=1, direction="more"),
     (3_100_000, 100_000), (1_000_000, 1_000_000), "consistent"),
    ("about 50x less, figures 1 / 49", dict(value=50, qualifier="~", direction="less"),
     (1, None), (49, None), "consistent"),
    ("about 50x less, figures 1 / 30", dict(value=50, qualifier="~", direction="less"),
     (1, None), (30, None), "inconsistent"),
]


@pytest.mark.parametrize("name,stated_kw,mine,theirs", [s[:4] for s in STATED], ids=[s[0] for s in STATED])
def test_stated_ratio_against_claims(name, stated_kw, mine, theirs):
    verdict = next(s[4] for s in STATED if s[0] == name)
    claims = [claim("s1", entity="A", quantity="compute", unit="x", versus="B", kind="ratio", **stated_kw),
              claim("m1", entity="A", quantity="compute", value=mine[0], precision=mine[1], unit="GPU-hours"),
              claim("t1", entity="B", quantity="compute", value=theirs[0], precision=theirs[1], unit="GPU-hours")]
    c = only(compare_claims(claims, RuleSet()), kind="stated_ratio")
    assert c.verdict == verdict, c.reason
    assert c.basis == "claims" and c.right_ids == ("m1", "t1")
    assert c.spread_pct is not None


# One article gives both figures, one of them a lower bound, and a ratio: does the ratio follow?
ONE_SIDED = [
    ("18 fois moins cher que GPT-4o (plus de 100 M$ contre 5,57 M$)", 18, "consistent"),
    ("25 fois moins cher: more than 100 M$ leaves any ratio above 17.9 possible", 25, "consistent"),
    ("10 fois moins cher: below what the figures allow", 10, "inconsistent"),
]


@pytest.mark.parametrize("text,factor,verdict", ONE_SIDED, ids=[o[0] for o in ONE_SIDED])
def test_stated_ratio_against_a_lower_bound(text, factor, verdict):
    claims = [claim("s1", entity="DeepSeek V3", quantity="training_cost", value=factor, precision=1, unit="x",
                    direction="less", versus="GPT-4o", kind="ratio"),
              claim("v3", entity="DeepSeek V3", quantity="training_cost", value=5_570_000, precision=10_000,
                    unit="USD", kind="money"),
              claim("gpt", entity="GPT-4o", quantity="training_cost", value=1e8, low=1e8, qualifier=">",
                    unit="USD", kind="money")]
    c = only(compare_claims(claims, RuleSet()), kind="stated_ratio")
    assert c.computed == "> 17.9x"
    assert c.verdict == verdict, c.reason
    assert c.right_ids == ("v3", "gpt")


def test_stated_ratio_uses_references_and_claims_separately():
    claims = [claim("s1", entity="A", quantity="compute", value=10, unit="x", versus="B", direction="less",
                    precision=1, kind="ratio"),
              claim("m1", entity="A", quantity="compute", value=1_000, unit="GPU-hours", precision=100)]
    refs = [ref("ra", "A", "compute", 1_000, "GPU-hours"), ref("rb", "B", "compute", 10_000, "GPU-hours")]
    comps = [c for c in compare_claims(claims, RuleSet(), refs) if c.kind == "stated_ratio"]
    assert [(c.basis, c.right_ids, c.verdict) for c in comps] == [
        ("claims+references", ("m1", "rb"), "consistent"),
        ("references", ("ra", "rb"), "consistent"),
    ]


@pytest.mark.parametrize("kw,why", [
    (dict(versus=None), "names no entity"),
    (dict(versus="A"), "same entity"),
    (dict(versus="C"), "no compute figure for C"),
], ids=["no versus", "versus itself", "no figure for the other side"])
def test_stated_ratio_unverifiable(kw, why):
    claims = [claim("s1", entity="A", quantity="compute", value=10, unit="x", direction="less", kind="ratio", **kw),
              claim("m1", entity="A", quantity="compute", value=1_000, unit="GPU-hours")]
    c = only(compare_claims(claims, RuleSet()), kind="stated_ratio")
    assert c.verdict == "unverifiable" and why in c.reason


def test_stated_ratio_with_figures_per_different_things_is_unverifiable():
    claims = [claim("s1", entity="A", quantity="price", value=10, unit="x", direction="less", versus="B",
                    kind="ratio"),
              claim("m1", entity="A", quantity="price", value=1, unit="USD", per="1M input tokens", kind="money"),
              claim("t1", entity="B", quantity="price", value=10, unit="USD", per="1M output tokens", kind="money")]
    c = only(compare_claims(claims, RuleSet()), kind="stated_ratio")
    assert c.verdict == "unverifiable" and "not in comparable units" in c.reason


def test_ratio_tolerance_is_a_setting():
    claims = [claim("s1", entity="A", quantity="compute", value=12, unit="x", direction="more", versus="B",
                    kind="ratio"),
              claim("m1", entity="A", quantity="compute", value=1_000, unit="GPU-hours"),
              claim("t1", entity="B", quantity="compute", value=100, unit="GPU-hours")]
    assert only(compare_claims(claims, RuleSet()), kind="stated_ratio").verdict == "inconsistent"
    loose = RuleSet(settings=Settings(ratio_tolerance=0.25))
    assert only(compare_claims(claims, loose), kind="stated_ratio").verdict == "consistent"


# Money in other currencies.
EUR_RATES = (Rate.model_validate({"from": "EUR", "to": "USD", "rate": 1.03, "date": "2025-01-02"}),
             Rate.model_validate({"from": "EUR", "to": "USD", "rate": 1.05, "date": "2025-01-24"}),
             Rate.model_validate({"from": "USD", "to": "CNY", "rate": 7.25, "date": "2025-01-24"}),
             Rate.model_validate({"from": "GBP", "to": "USD", "rate": 1.25, "date": "2025-01-24"}))


@pytest.mark.parametrize("frm,to,date,expected,mentions", [
    ("EUR", "USD", "2025-01-24", 1.05, "of 2025-01-24"),
    ("EUR", "USD", "2025-01-05 09:00:00", 1.03, "of 2025-01-02"),
    ("EUR", "USD", None, 1.05, "of 2025-01-24"),
    ("USD", "EUR", "2025-01-24", 1 / 1.05, "EUR->USD"),
    ("CNY", "USD", "2025-01-24", 1 / 7.25, "USD->CNY"),
    ("EUR", "GBP", "2025-01-24", 1.05 / 1.25, "via USD"),
    ("USD", "USD", None, 1.0, ""),
], ids=["same day", "nearest date", "undated: latest", "inverse", "inverse CNY", "through USD", "same currency"])
def test_find_rate(frm, to, date, expected, mentions):
    value, note = find_rate(frm, to, EUR_RATES, date)
    assert value == pytest.approx(expected)
    assert mentions in note


def test_find_rate_without_any_rate():
    assert find_rate("JPY", "USD", EUR_RATES, "2025-01-24") is None


def test_convert_scales_the_interval():
    got, factor, _ = convert(closed(100, 200), "EUR", "USD", EUR_RATES, "2025-01-24")
    assert (got.low, got.high) == pytest.approx((105, 210)) and factor == pytest.approx(1.05)


def test_euro_claim_is_converted_at_the_article_date_rate():
    claims = [claim("e1", article="art-fr", entity="Mistral AI", quantity="investment", value=600_000_000,
                    unit="EUR", kind="money", precision=100_000_000)]
    refs = [ref("mistral", "Mistral AI", "investment", 640_000_000, "USD", precision=10_000_000)]
    rules = RuleSet(rates=EUR_RATES)
    early = only(compare_claims(claims, rules, refs, {"art-fr": "2025-01-02"}), kind="across_sources")
    late = only(compare_claims(claims, rules, refs, {"art-fr": "2025-01-24"}), kind="across_sources")
    assert early.verdict == late.verdict == "agree"
    assert early.unit == "USD"
    assert "1.03" in early.figures_used and "1.05" in late.figures_used
    assert early.computed_value == pytest.approx(600 * 1.03 / 640)
    assert late.computed_value == pytest.approx(600 * 1.05 / 640)


def test_currencies_without_a_rate_are_unverifiable_not_mixed():
    claims = [claim("y1", article="art-jp", entity="Sakana AI", quantity="investment", value=30_000_000_000,
                    unit="JPY", kind="money"),
              claim("u1", article="art-us", entity="Sakana AI", quantity="investment", value=200_000_000,
                    unit="USD", kind="money")]
    c = only(compare_claims(claims, RuleSet(rates=EUR_RATES)), kind="across_sources")
    assert c.verdict == "unverifiable" and "JPY" in c.reason
    assert c.computed is None and c.spread_pct is None


def test_stated_price_ratio_across_currencies():
    """Doubao's price in yuan against GPT-4o's in dollars: converted, then checked."""
    claims = [claim("d50", entity="Doubao 1.5", quantity="price", value=50, unit="x", qualifier="~",
                    direction="less", versus="GPT-4o", kind="ratio")]
    refs = [ref("doubao-in", "Doubao 1.5", "price", 0.8, "CNY", per="1M input tokens", date="2025-01-22"),
            ref("gpt4o-in", "GPT-4o", "price", 2.5, "USD", per="1M input tokens", date="2024-08-06")]
    c = only(compare_claims(claims, RuleSet(rates=EUR_RATES), refs, DATES), kind="stated_ratio")
    assert c.computed_value == pytest.approx(2.5 / (0.8 / 7.25))
    assert c.verdict == "inconsistent"
    assert "CNY" in c.figures_used
    without_rate = only(compare_claims(claims, RuleSet(), refs, DATES), kind="stated_ratio")
    assert without_rate.verdict == "unverifiable"


def test_entity_ratio_converts_money_first():
    claims = [claim("e1", entity="Mistral AI", quantity="investment", value=1_000_000_000, unit="EUR", kind="money"),
              claim("u1", entity="xAI", quantity="investment", value=6_300_000_000, unit="USD", kind="money")]
    c = only(compare_claims(claims, RuleSet(rates=EUR_RATES), article_dates={SEED: "2025-01-24"}),
             kind="entity_ratio")
    assert (c.entity, c.versus) == ("xAI", "Mistral AI")
    assert c.computed_value == pytest.approx(6.3 / 1.05)


def test_percent_changes_are_not_divided():
    claims = [claim("p1", entity="Microsoft", quantity="price_change", value=30, unit="percent", direction="up"),
              claim("p2", entity="Google", quantity="price_change", value=20, unit="percent", direction="up")]
    assert compare_claims(claims, RuleSet()) == []


# refers_to
@pytest.mark.parametrize("entities,name,expected", [
    ((Entity(name="Llama 3", refers_to="Llama 3.1 405B"),), "Llama 3", "Llama 3.1 405B"),
    ((Entity(name="Llama", refers_to="Llama 3"), Entity(name="Llama 3", refers_to="Llama 3.1 405B")), "Llama",
     "Llama 3.1 405B"),
    ((Entity(name="A", refers_to="B"), Entity(name="B", refers_to="A")), "A", "B"),
    ((), "GPT-4o", "GPT-4o"),
], ids=["one step", "two steps", "cycle stops", "unknown entity"])
def test_resolve_entity(entities, name, expected):
    assert resolve_entity(name, RuleSet(entities=entities)) == expected


def test_a_claim_about_llama_3_is_checked_against_llama_3_1_405b():
    claims = [claim("l1", entity="Llama 3", quantity="compute", value=39_300_000, unit="GPU-hours",
                    precision=100_000)]
    comps = compare_claims(claims, shipped_rules(), article_dates=DATES)
    c = only(comps, kind="across_sources", left_ids=("l1",))
    assert c.entity == "Llama 3.1 405B" and c.right_ids == ("llama31-405b-compute",)
    assert c.verdict == "disagree"
    assert c.figures_used.startswith("Llama 3 -> Llama 3.1 405B (claim l1")
    assert "Llama 3 -> Llama 3.1 405B" in c.left


# Reference files
def write(tmp_path, text, name="refs.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """references:
  - id: a
    entity: DeepSeek V3
    quantity: compute
    value: 2788000
    unit: GPU-hours
    precision: 1000
    source: {title: report, url: https://arxiv.org/abs/2412.19437, date: 2024-12-27}
"""


def test_load_references_reads_a_file(tmp_path):
    refs = load_references([write(tmp_path, GOOD)])
    assert [(r.id, r.value, r.precision, r.source.date) for r in refs] == [("a", 2788000, 1000, "2024-12-27")]


def test_load_references_reads_a_folder_in_name_order(tmp_path):
    write(tmp_path, GOOD.replace("id: a", "id: b"), "2.yaml")
    write(tmp_path, GOOD, "1.yaml")
    assert [r.id for r in load_references([tmp_path])] == ["a", "b"]


def test_shipped_references_load_and_cover_the_seed():
    refs = {r.id: r for r in load_references([ROOT / "rules" / "references.yaml"])}
    assert refs["deepseek-v3-compute"].value == 2_788_000
    assert refs["deepseek-v3-training-cost"].value == 5_576_000
    assert refs["llama31-405b-compute"].entity == "Llama 3.1 405B"
    assert refs["chatgpt-pro-price"].per == "month"
    assert refs["stargate-investment"].value == 500e9
    assert all(r.source.url and r.source.date and r.quote for r in refs.values())


def test_shipped_rates_cover_the_main_currencies():
    rates = shipped_rates()
    for cur in ("EUR", "GBP", "CNY", "JPY"):
        assert find_rate(cur, "USD", rates, "2025-01-24") is not None, cur


BAD = """references:
  - id: a
    entity: DeepSeek V3
    quantity: compute
    value: lots
    source: {title: report, date: 27/12/2024}
  - id: b
    entity: X
    quantity: compute
    value: 1
    precison: 10
    source: {title: t}
  - id: a
    entity: Y
    quantity: compute
    value: 1
    source: {title: t}
  - id: c
    entity: Z
    quantity: compute
    value: 1
    qualifier: range
    precision: -1
extra: 1
"""


def test_load_references_reports_every_problem_with_its_line(tmp_path):
    p = write(tmp_path, BAD)
    with pytest.raises(UserError) as e:
        load_references([p])
    problems = e.value.problems
    text = "\n".join(str(x) for x in problems)
    by_line = {x.line: x.message for x in problems}
    assert all(x.file == str(p) for x in problems)
    assert "value" in by_line[5] and "number" in by_line[5]
    assert "YYYY-MM-DD" in by_line[6]
    assert "unknown key 'precison'" in by_line[11]
    assert "duplicate reference id 'a'" in by_line[13]
    assert "missing key 'source'" in text
    assert "precision" in text and "positive" in text
    assert "unknown top key 'extra'" in by_line[24]
    assert "precision must be a positive" in by_line[23]


@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    ("- a\n- b\n", "top key"),
    ("references: 3\n", "must be a list"),
    ("references: [\n", "not valid YAML"),
    ("other: []\n", "no `references:`"),
], ids=["empty", "a list", "not a list", "broken yaml", "no references key"])
def test_load_references_refuses_malformed_files(tmp_path, text, message):
    with pytest.raises(UserError) as e:
        load_references([write(tmp_path, text)])
    assert any(message in p.message for p in e.value.problems)


def test_load_references_missing_file(tmp_path):
    with pytest.raises(UserError) as e:
        load_references([tmp_path / "nope.yaml"])
    assert "does not exist" in e.value.problems[0].message


def test_load_references_checks_names_against_the_rules(tmp_path):
    from compare.rules import Family, Quantity
    rules = RuleSet(entities=(Entity(name="DeepSeek V3", aliases=["V3"]),),
                    families=(Family(name="Llama", pattern=r"Llama \d(\.\d)? \d+B"),),
                    quantities=(Quantity(id="compute", measures=["count"], cues={"en": ["compute"]}),))
    text = GOOD + GOOD.replace("references:\n", "").replace("id: a", "id: b").replace("DeepSeek V3", "V3") \
        + GOOD.replace("references:\n", "").replace("id: a", "id: c").replace("DeepSeek V3", "Llama 3.1 405B") \
        + GOOD.replace("references:\n", "").replace("id: a", "id: d").replace("compute", "computing")
    with pytest.raises(UserError) as e:
        load_references([write(tmp_path, text)], rules)
    got = [(p.line, p.message) for p in e.value.problems]
    assert len(got) == 2
    assert got[0][0] == 10 and 'write the canonical name "DeepSeek V3"' in got[0][1]
    assert got[1][0] == 25 and 'quantity "computing" is not a known quantity (known: compute)' in got[1][1]
    assert [r.id for r in load_references([write(tmp_path, GOOD, "ok.yaml")], rules)] == ["a"]


def test_shipped_rules_load_with_the_references_and_rates():
    from compare.rules import load_rules
    rules = load_rules([ROOT / "rules"])
    assert {r.id for r in rules.references} >= {"deepseek-v3-compute", "deepseek-v3-training-cost",
                                                 "llama31-405b-compute", "chatgpt-pro-price", "stargate-investment"}
    assert len(rules.rates) >= 4
    assert resolve_entity("Llama 3", rules) == "Llama 3.1 405B"


# The real seed run, through the command line as an analyst runs it.
@pytest.fixture(scope="module")
def seed_run():
    import json
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-m", "compare", "compare", "seeds/", "--format", "jsonl"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    from compare.models import Comparison
    return [Comparison.model_validate(json.loads(line)) for line in r.stdout.splitlines()]


def test_seed_run_v3_versus_gpt4o_is_over_17_9x(seed_run):
    c = only(seed_run, kind="entity_ratio", quantity="training_cost", entity="GPT-4o")
    assert c.versus == "DeepSeek V3" and c.computed == "> 17.9x"


def test_seed_run_stated_11x_is_consistent_with_11_06x(seed_run):
    c = only(seed_run, kind="stated_ratio", quantity="compute", entity="DeepSeek V3", basis="references")
    assert c.verdict == "consistent" and c.computed_value == pytest.approx(11.06, abs=0.01)
    assert "Llama 3 -> Llama 3.1 405B (reference llama31-405b-compute)" in c.figures_used


def test_seed_run_doubao_is_unverifiable(seed_run):
    assert only(seed_run, kind="stated_ratio", entity="Doubao 1.5").verdict == "unverifiable"


def test_seed_run_5_57m_is_close_to_5_576m(seed_run):
    c = only(seed_run, kind="across_sources", quantity="training_cost", entity="DeepSeek V3")
    assert c.right_ids == ("deepseek-v3-training-cost",)
    assert c.verdict == "close" and round(c.spread_pct, 1) == 0.1


def test_entity_ratio_without_a_rate_is_unverifiable():
    claims = [claim("y1", entity="Sakana AI", quantity="investment", value=30e9, unit="JPY", kind="money"),
              claim("u1", entity="xAI", quantity="investment", value=6e9, unit="USD", kind="money")]
    c = only(compare_claims(claims, RuleSet()), kind="entity_ratio")
    assert c.verdict == "unverifiable" and "JPY" in c.reason and c.computed is None


SECOND_ARTICLE = """DeepSeek said it spent $6.5 million to train V3, a fraction of what OpenAI spent on GPT-4o.



Source link : https://example.com/deepseek-v3-cost

Author : Test Writer

Publish date : 2025-01-28 09:00:00

Copyright for syndicated content belongs to the linked Source.
"""


def test_two_real_articles_disagree_on_the_v3_training_cost(tmp_path):
    from compare.pipeline import run
    from compare.rules import load_rules
    (tmp_path / "000_b83a57ec9cdd648f.txt").write_text((ROOT / "seeds" / "000_b83a57ec9cdd648f.txt")
                                                       .read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "001_other.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    rules = load_rules([ROOT / "rules"])
    results = list(run([str(tmp_path)], rules))
    claims = [c for r in results for c in r.claims]
    dates = {r.article.id: r.article.date for r in results if r.article.date}
    comps = compare_claims(claims, rules, article_dates=dates)
    pair = [c for c in comps if c.kind == "across_sources" and c.basis == "claims" and c.entity == "DeepSeek V3"]
    assert len(pair) == 1
    c = pair[0]
    assert c.verdict == "disagree"
    assert c.spread_pct == pytest.approx(100 * 930_000 / 5_570_000, abs=0.01)
    assert "000_b83a57ec9cdd648f" in c.left and "001_other" in c.right
    against_report = [x.verdict for x in comps if x.kind == "across_sources"
                      and x.right_ids == ("deepseek-v3-training-cost",)]
    assert sorted(against_report) == ["close", "disagree"]  # 5,57 M$ is close, 6.5 M$ is not


def test_large_groups_compare_with_the_median_not_every_pair():
    from compare import comparisons as cmp
    from compare.models import Claim
    from compare.rules import load_rules
    from pathlib import Path
    rules = load_rules([Path(__file__).resolve().parents[1] / "rules"])
    n = cmp.MAX_PAIRWISE + 10
    claims = [Claim(id=f"c{i:03d}", article=f"a{i:03d}", entity="OpenAI", quantity="valuation", value=1e9 * (i + 1),
                    unit="USD", kind="money", text="x", start=0, end=1, sentence="x", rule="valuation")
              for i in range(n)]
    across = [c for c in cmp.compare_claims(claims, rules, references=[]) if c.kind == "across_sources"]
    assert len(across) == n - 1  # linear, not n * (n - 1) / 2
    median = f"c{n // 2:03d}"
    assert all(median in c.left_ids + c.right_ids for c in across)
    small = claims[:4]
    assert len([c for c in cmp.compare_claims(small, rules, references=[]) if c.kind == "across_sources"]) == 6
