"""Compact records (compare/comparisons/compact.py): the same fields as the models, in slots, for an export
that holds every claim and comparison until its workbook is written."""
from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from compare.comparisons import compare_all
from compare.comparisons.compact import CompactClaim, CompactComparison, compact_claim, compact_comparison
from compare.pipeline import all_references, run
from compare.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    rules = load_rules([ROOT / "rules"])
    results = list(run([str(ROOT / "tests" / "data" / "corpus14")], rules))
    claims = [c for r in results for c in r.claims]
    return rules, claims, all_references(rules, None), {r.article.id: r.article.date for r in results}


def test_compact_comparisons_are_the_comparisons_in_slots(corpus):
    rules, claims, refs, dates = corpus
    models = compare_all(claims, rules, refs, dates)
    slim = compare_all([compact_claim(c) for c in claims], rules, refs, dates, keep=compact_comparison)
    assert len(slim.comparisons) > 10 and all(isinstance(c, CompactComparison) for c in slim.comparisons)
    assert [dataclasses.astuple(c) for c in slim.comparisons] == [tuple(c.model_dump().values())
                                                                  for c in models.comparisons]
    assert slim.checks == models.checks and slim.common == models.common


def test_a_figures_label_is_one_string_in_all_its_comparisons(corpus):
    rules, claims, refs, dates = corpus
    slim = compare_all(claims, rules, refs, dates, keep=compact_comparison).comparisons
    objects: dict[str, set[int]] = {}
    for c in slim:
        for label in (c.left, c.right):
            objects.setdefault(label, set()).add(id(label))
    repeated = [t for t, n in Counter(label for c in slim for label in (c.left, c.right)).items() if n > 1]
    assert repeated and all(len(objects[t]) == 1 for t in repeated)


def test_compact_claims_keep_every_field_and_refuse_changes(corpus):
    _, claims, _, _ = corpus
    slim = compact_claim(claims[0])
    assert isinstance(slim, CompactClaim) and dataclasses.asdict(slim) == claims[0].model_dump()
    with pytest.raises(dataclasses.FrozenInstanceError):
        slim.entity = "someone else"
