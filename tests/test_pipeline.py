"""The pipeline streams articles and gives the same records whatever the number of processes."""
import io
from pathlib import Path

from compare.pipeline import CLAIM_FIELDS, run, write_claims
from compare.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = [str(ROOT / "rules")]

ARTICLES = {
    "a.txt": "OpenAI has raised $6.6 billion at a $157 billion valuation.",
    "b.txt": "Mistral AI a levé 600 millions d'euros. La société est valorisée 6 milliards d'euros.",
    "sub/c.md": "DeepSeek said it trained V3 for about $5.6 million on 2,048 Nvidia H800 GPUs.",
    "d.txt": "Le titre Nvidia a chuté de 17 % lundi.",
}


def corpus(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path)]


def test_two_processes_give_the_same_output_as_one(tmp_path):
    paths = corpus(tmp_path)
    one, two = io.StringIO(), io.StringIO()
    n1 = write_claims(paths, RULES, one, jobs=1)
    n2 = write_claims(paths, RULES, two, jobs=2)
    assert n1 == n2 == 6
    assert one.getvalue() == two.getvalue()


def test_results_stream_in_file_order_with_unclaimed_numbers(tmp_path):
    results = list(run(corpus(tmp_path), load_rules(RULES)))
    assert [r.article.id for r in results] == ["a", "b", "d", "sub/c"]
    nvidia = results[2]
    assert nvidia.claims == [] and [u.text for u in nvidia.unclaimed] == ["17 %"]
    assert "not a target quantity" in nvidia.unclaimed[0].reason


def test_claim_record_keys_come_first_in_the_documented_order(tmp_path):
    out = io.StringIO()
    write_claims(corpus(tmp_path), RULES, out)
    import json
    first = json.loads(out.getvalue().splitlines()[0])
    assert list(first)[:len(CLAIM_FIELDS)] == CLAIM_FIELDS
