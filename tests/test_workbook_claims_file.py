"""`claim-compare export --claims`: the workbook from the claims `extract --format jsonl` wrote, without the articles."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import openpyxl
import pytest

from compare.cli import main
from compare.errors import UserError
from compare.pipeline import export_claims
from compare.workbook.records import read_claims

ROOT = Path(__file__).resolve().parents[1]
CORPUS = str(ROOT / "tests" / "data" / "corpus14")
RULES = str(ROOT / "rules")
SAME_SHEETS = ("Claims", "Comparisons", "Side by side", "Matrix", "Rules")


def values(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in wb.worksheets}


@pytest.fixture(scope="module")
def claims_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("claims")
    path = folder / "c.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        import contextlib
        with contextlib.redirect_stdout(out):
            assert main(["extract", CORPUS, "--rules", RULES, "--format", "jsonl"]) == 0
    return path


def test_a_claims_file_gives_the_workbook_the_articles_give(claims_file, tmp_path):
    from_articles, from_claims = tmp_path / "a.xlsx", tmp_path / "c.xlsx"
    assert main(["export", CORPUS, "--rules", RULES, "-o", str(from_articles), "--now", "2025-02-01"]) == 0
    assert main(["export", "--claims", str(claims_file), "--rules", RULES, "-o", str(from_claims),
                 "--now", "2025-02-01"]) == 0
    a, c = values(from_articles), values(from_claims)
    assert list(a) == list(c)
    for title in SAME_SHEETS:
        assert a[title] == c[title], title
    drop = a["Sources"][0].index("Unclaimed numbers")  # the claims file holds no unclaimed numbers
    assert [r[:drop] + r[drop + 1:] for r in a["Sources"]] == [r[:drop] + r[drop + 1:] for r in c["Sources"]]
    assert all(r[drop] is None for r in c["Sources"][1:])
    assert any(isinstance(r[4], str) and r[4].startswith("http") for r in c["Sources"][1:])  # links kept
    summary = {r[0]: r[1] for r in c["Summary"] if r[0]}
    assert summary["Claims"] == len(c["Claims"]) - 1 and summary["Unclaimed numbers"].startswith("not in a claims file")


def test_records_carry_their_article_and_read_back(claims_file):
    first = json.loads(claims_file.read_text(encoding="utf-8").splitlines()[0])
    assert {"article_title", "article_url", "article_date", "article_author", "article_path"} <= set(first)
    articles, claims = read_claims(str(claims_file))
    assert len({c.article for c in claims}) == len(articles) and articles[0].path.endswith(".txt")


def test_records_without_article_keys_are_read_by_article_id(claims_file, tmp_path):
    bare = tmp_path / "bare.jsonl"
    lines = [json.loads(line) for line in claims_file.read_text(encoding="utf-8").splitlines()]
    bare.write_text("".join(json.dumps({k: v for k, v in r.items() if not k.startswith("article_")}) + "\n"
                            for r in lines), encoding="utf-8")
    articles, claims = read_claims(str(bare))
    assert len(claims) == len(lines) and all(a.url is None and a.path == a.id for a in articles)


def test_bad_records_are_located_and_the_workbook_is_left_as_it_was(claims_file, tmp_path):
    out = tmp_path / "claims.xlsx"
    export_claims(str(claims_file), [RULES], str(out), now="2025-02-01")
    before = out.read_bytes()
    bad = tmp_path / "bad.jsonl"
    good = claims_file.read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(good + "\nnot json\n[1, 2]\n" + good.replace('"value": ', '"value": "x", "v": ') + "\n",
                   encoding="utf-8")
    with pytest.raises(UserError) as e:
        export_claims(str(bad), [RULES], str(out))
    assert [(p.line, p.message.split(":")[0]) for p in e.value.problems] == \
        [(2, "not a JSON record"), (3, "a claim record is a JSON object, one per line"), (4, "value")]
    assert out.read_bytes() == before


def test_articles_and_a_claims_file_together_are_refused(claims_file, tmp_path, capsys):
    assert main(["export", CORPUS, "--claims", str(claims_file), "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "either articles" in capsys.readouterr().err and not (tmp_path / "x.xlsx").exists()


def test_claims_read_back_dump_as_extract_wrote_them_and_share_their_field_sets(claims_file):
    from compare.pipeline import claim_record
    lines = [json.loads(line) for line in claims_file.read_text(encoding="utf-8").splitlines()]
    _, claims = read_claims(str(claims_file))
    assert [claim_record(c) for c in claims] == [{k: v for k, v in r.items() if not k.startswith("article_")}
                                                 for r in lines]
    assert len({id(c.model_fields_set) for c in claims}) == 1 and "sentence" in claims[0].model_fields_set


def test_slim_claims_hold_the_same_fields_in_slots(claims_file):
    from compare.comparisons.compact import CompactClaim
    _, claims = read_claims(str(claims_file))
    _, slim = read_claims(str(claims_file), slim=True)
    assert all(isinstance(c, CompactClaim) and not hasattr(c, "__dict__") for c in slim)
    assert [dataclasses.astuple(s) for s in slim] == [tuple(c.model_dump().values()) for c in claims]
    with pytest.raises(dataclasses.FrozenInstanceError):
        slim[0].value = 1.0
