"""The real-press gold against the shared passages: complete, well formed, and counted as the README says."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from compare.evaluate.gold import load_passages, load_press_gold
from compare.evaluate.passages import pass_problems, parse_pass

ROOT = Path(__file__).resolve().parent.parent
PASSAGES = ROOT.parent / "shared" / "press" / "passages.jsonl"
GOLD = ROOT / "tests" / "data" / "press_gold.jsonl"
PASSES = ROOT / "tests" / "data" / "press"

pytestmark = pytest.mark.skipif(not PASSAGES.exists(), reason="../shared/press/passages.jsonl is absent: "
                                "the gold points into those passages and cannot be checked without them")


@pytest.fixture(scope="module")
def passages():
    return load_passages(PASSAGES)


@pytest.fixture(scope="module")
def gold(passages):
    return load_press_gold(GOLD, passages)  # raises on any span, bound or unit problem


def test_every_passage_has_gold_or_a_skip_reason(passages):
    records, problems = parse_pass(GOLD, passages)
    assert problems == []
    assert [r.id for r in records] == list(passages), "one gold line per passage, in the passages' order"
    assert all(r.skip is None or r.skip.strip() for r in records)


def test_spans_cover_their_text_and_every_digit(passages):
    records, _ = parse_pass(GOLD, passages)
    assert pass_problems(records, passages) == []


@pytest.mark.parametrize("which", ["pass_a", "pass_b"])
def test_each_passage_was_annotated_in_both_passes(passages, which):
    ids: list[str] = []
    for f in sorted((PASSES / which).glob("*.jsonl")):
        records, problems = parse_pass(f, passages)
        assert problems == [], f
        ids += [r.id for r in records]
    assert sorted(ids) == sorted(passages)


def _readme_counts() -> dict[tuple[str, str], int]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- press-gold-counts -->")[1]
    counts = {}
    for line in block.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"\d+", cells[1] or "x"):
            counts[(cells[0], "en")] = int(cells[1])
            counts[(cells[0], "fr")] = int(cells[2])
    return counts


def test_counts_are_the_ones_the_readme_states(gold, passages):
    counted: Counter = Counter()
    for s in gold:
        counted[("passages", s.lang)] += 1
        for c in s.claims:
            counted[(c.quantity, s.lang)] += 1
            counted[("claims", s.lang)] += 1
    stated = _readme_counts()
    assert stated, "README.md lists the gold's counts between <!-- press-gold-counts --> markers"
    assert {k: v for k, v in counted.items()} == {k: v for k, v in stated.items() if v}


def test_dev_halves_split_dev_by_page(passages):
    from compare.evaluate.gold import in_split
    dev = [p for p in passages.values() if p.split == "dev"]
    a = {p.id for p in dev if in_split(p, "dev-a")}
    b = {p.id for p in dev if in_split(p, "dev-b")}
    assert a and b and not a & b and a | b == {p.id for p in dev}
    assert not any(in_split(p, "dev-a") or in_split(p, "dev-b") for p in passages.values() if p.split == "test")
    half_of_page: dict[str, set[bool]] = {}
    for p in dev:
        half_of_page.setdefault(p.url or p.id, set()).add(p.id in a)
    assert all(len(h) == 1 for h in half_of_page.values()), "all passages of one page fall in the same half"
    assert 0.35 < len(a) / len(dev) < 0.65
