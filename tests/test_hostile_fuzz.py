"""Fuzzing the extractor and the exporter with odd text (tests/fuzzing.py: 10,000 examples in CI).

No exception may escape the extractor; the exporter may refuse only with a UserError, and what it
writes reads back with every text as text (no formula) and the claims all there.
"""
from __future__ import annotations

import zipfile

import openpyxl
import pytest
from fuzzing import fuzz
from hypothesis import given
from hypothesis import strategies as st

from compare.errors import UserError
from compare.extract import compile_engine, extract_text
from compare.models import Claim, Unclaimed
from compare.rules import load_rules
from compare.workbook import write_workbook
from test_workbook_seed import seed_article, seed_inputs

RULES = load_rules(["rules"])
ENGINE = compile_engine(RULES)

PIECES = ["OpenAI", "Mistral AI", "Nvidia", "ChatGPT Plus", " a levé ", " raised ", " valued at ", " par mois",
          " per month", " millions", " milliards", " billion", " de dollars", " d'euros", " GPU", " %", " fois",
          " times", "$", "€", "¥", "£", "1e999", "8e612", "9" * 320, "10000000000000001e9", "1,5", "3.4", "1 000",
          "12 345,67", "-", "–", "(", ")", ",", ";", ".", ". ", "\n", "\n\n", "«", "»", "’", "\u00a0", "\u202f",
          "=", "+", "@", "\t", "\r", "\x00", "\x07", "\ud800", "\ufeff", "\u200b", "٣", "Ⅻ", "½", "²"]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.integers(-10**6, 10**20).map(str),
                           st.text(max_size=12)), max_size=60).map("".join)


@fuzz()
@given(text=TEXTS, lang=st.sampled_from(["en", "fr", None]))
def test_the_extractor_never_raises_and_its_claims_point_into_the_text(text, lang):
    for claim in extract_text(text, RULES, lang=lang, engine=ENGINE):
        assert claim.text == text[claim.start:claim.end] or claim.text in text
        assert claim.value is None or abs(claim.value) < float("inf")


ODD = st.lists(st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    ["=", "+", "-", "@", "\t", "\r", "\n", "\x00", "\x07", "\ufffe", "\uffff", "#N/A", "'", '"', "=1+2"]),
    max_size=30).map("".join)


@pytest.mark.slow
@fuzz(full=200, quick=8)
@given(rows=st.lists(st.tuples(ODD, ODD, ODD, st.floats(allow_nan=False, allow_infinity=False)), min_size=1,
                     max_size=50))
def test_the_exporter_writes_any_text_as_text_and_keeps_every_claim(tmp_path_factory, rows):
    # 200 examples of up to 50 claims: about 5,000 claims and as many unclaimed numbers in CI
    article = seed_article()
    claims = [Claim(id=f"c{i}", article=article.id, entity=a or None, quantity="training_cost", value=v, unit="USD",
                    text=b, start=0, end=len(b), sentence=a + b + c, rule="training_cost", note=c, cue=a)
              for i, (a, b, c, v) in enumerate(rows)]
    unclaimed = [Unclaimed(article=article.id, text=b, start=0, end=len(b), sentence=c, reason=a)
                 for a, b, c, _ in rows]
    path = tmp_path_factory.mktemp("fuzz") / "claims.xlsx"
    try:
        write_workbook(path, **seed_inputs(claims=claims, unclaimed=unclaimed))
    except UserError:
        return
    with zipfile.ZipFile(path) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    ws = openpyxl.load_workbook(path, read_only=True)["Claims"]
    header = next(ws.iter_rows(max_row=1, values_only=True))
    ids = [r[header.index("Claim id")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(ids) == sorted(c.id for c in claims)
