"""The seed article end to end: exactly its seven claims, through the CLI as a user runs it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

EXPECTED = [
    # entity, quantity, value, unit, qualifier, direction, versus, per
    ("DeepSeek V3", "training_cost", 5_570_000, "USD", "=", None, None, None),
    ("GPT-4o", "training_cost", 100_000_000, "USD", ">", None, None, None),
    ("DeepSeek V3", "compute", 11, "x", "=", "less", "Llama 3", None),
    ("Stargate", "investment", 500_000_000_000, "USD", "=", None, None, None),
    ("Microsoft", "price_change", 30, "percent", "~", "up", None, None),
    ("ChatGPT Pro", "subscription_price", 200, "USD", "=", None, None, "month"),
    ("Doubao 1.5", "price", 50, "x", "~", "less", "GPT-4o", None),
]


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "compare", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def claims():
    r = cli("extract", "seeds/", "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_exactly_the_seven_claims(claims):
    got = [(c["entity"], c["quantity"], c["value"], c["unit"], c["qualifier"], c["direction"], c["versus"], c["per"])
           for c in claims]
    assert got == EXPECTED


@pytest.mark.parametrize("i", range(len(EXPECTED)), ids=[f"{e[0]}-{e[1]}" for e in EXPECTED])
def test_claim_provenance(claims, i):
    c = claims[i]
    text = (ROOT / "seeds" / "000_b83a57ec9cdd648f.txt").read_text(encoding="utf-8")
    assert text[c["start"]:c["end"]] == c["text"]
    assert c["text"] in c["sentence"] and c["sentence"] in text
    assert c["article"] == "000_b83a57ec9cdd648f"
    assert c["rule"] == c["quantity"]


def test_bounds_of_more_than(claims):
    gpt = claims[1]
    assert gpt["low"] == 100_000_000 and gpt["high"] is None
    assert "plus de" in gpt["text"]


def test_nothing_from_non_quantities(claims):
    texts = " ".join(c["text"] for c in claims)
    for bad in ("40 ans", "1989", "2025", "26 décembre", "20 janvier", "22 janvier", "GPT-4o", "Doubao 1.5", "$ $"):
        assert bad not in texts


def test_ids_are_stable_and_unique(claims):
    again = [json.loads(line) for line in cli("extract", "seeds/").stdout.splitlines()]
    assert [c["id"] for c in again] == [c["id"] for c in claims]
    assert len({c["id"] for c in claims}) == len(claims)


def test_csv_has_the_same_claims(claims):
    import csv
    import io
    r = cli("extract", "seeds/", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["id"] for row in rows] == [c["id"] for c in claims]
    assert rows[0]["value"] == "5570000.0" and rows[0]["entity"] == "DeepSeek V3"


def test_export_writes_a_workbook_with_numbers_and_link(tmp_path):
    from openpyxl import load_workbook
    out = tmp_path / "claims.xlsx"
    r = cli("export", "seeds/", "--rules", "rules/", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "1 articles, 7 claims" in r.stdout and str(out) in r.stdout
    wb = load_workbook(out)
    ws = wb["Claims"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, [c for c in row])) for row in ws.iter_rows(min_row=2)]
    value_col = next(h for h in header if h and h.lower() == "value")
    values = [r[value_col].value for r in rows if r[value_col].value is not None]
    assert len(values) == 7 and all(isinstance(v, (int, float)) for v in values)
    assert 5_570_000 in values
    src = wb["Sources"]
    links = [c.hyperlink.target for row in src.iter_rows(min_row=2) for c in row if c.hyperlink]
    assert any(link.startswith("https://www.lexpress.fr/") for link in links)
    rules_rows = list(wb["Rules"].iter_rows(values_only=True))
    where = rules_rows[0].index("Where")
    training = next(r for r in rules_rows if r[0] == "quantity" and r[1] == "training_cost")
    assert str(training[where]).startswith(str(Path("rules") / "quantities.yaml") + ":")


def test_bad_rules_path_is_one_line_error_without_traceback(tmp_path):
    r = cli("extract", "seeds/", "--rules", str(tmp_path / "missing"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "missing" in r.stderr


def test_every_other_number_is_an_unclaimed_number_with_its_reason():
    from compare.pipeline import run
    from compare.rules import load_rules
    [result] = list(run([str(ROOT / "seeds")], load_rules([ROOT / "rules"])))
    reasons = {u.text: u.reason for u in result.unclaimed}
    assert reasons["1989"].endswith("a year") and reasons["2025"].endswith("a year")
    assert reasons["26"].endswith("a date") and reasons["22"].endswith("a date")
    assert "not a target quantity" in reasons["40 ans"]
    assert not any(t in reasons for t in ("4", "3", "1.5", "1"))  # digits of GPT-4o, Llama-3, Doubao 1.5, o1
    texts = result.article.text
    assert all(texts[u.start:u.end] == u.text for u in result.unclaimed)


def test_reexport_keeps_a_review_and_says_so(tmp_path):
    from openpyxl import load_workbook
    out = tmp_path / "claims.xlsx"
    assert cli("export", "seeds/", "-o", str(out)).returncode == 0
    wb = load_workbook(out)
    ws = wb["Claims"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("Review") + 1, value="confirmed")
    claim_id = ws.cell(row=2, column=header.index("Claim id") + 1).value
    wb.save(out)
    r = cli("export", "seeds/", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "reviews: 1 carried over, 0 retired" in r.stdout
    again = load_workbook(out)["Claims"]
    rows = {row[header.index("Claim id")]: row[header.index("Review")] for row in again.iter_rows(min_row=2, values_only=True)}
    assert rows[claim_id] == "confirmed"
