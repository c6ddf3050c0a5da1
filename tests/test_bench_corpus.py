"""The benchmarks' generated corpora: both languages, the claims they say they hold, the same every time."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

from compare.models import Claim  # noqa: E402
from compare.pipeline import run  # noqa: E402
from compare.rules import load_rules  # noqa: E402


def test_generated_articles_are_in_both_languages_and_their_claims_are_found(tmp_path):
    size, known = corpus.write_articles(tmp_path, 12)
    assert size > 0 and {k.article.split("/")[1][:2] for k in known} == {"en", "fr"}
    found = {(c.article, c.entity, c.quantity, round(c.value)) for r in run([str(tmp_path)], load_rules([ROOT / "rules"]))
             for c in r.claims if c.value is not None}
    wanted = {(k.article, k.entity, k.quantity, round(k.value)) for k in known}
    assert len(found & wanted) >= 0.6 * len(wanted)


def test_claim_records_are_valid_claims_and_the_same_every_time():
    first, again = list(corpus.claim_records(300)), list(corpus.claim_records(300))
    assert first == again
    claims = [Claim.model_validate({k: v for k, v in r.items() if not k.startswith("article_")}) for r in first]
    assert {c.unit for c in claims} >= {"USD", "EUR", "x", "percent", "GPUs"}
    assert all(c.sentence[c.start - c.sentence_start:c.end - c.sentence_start] == c.text for c in claims)
    assert any(c.versus for c in claims) and len({c.article for c in claims}) == 30
