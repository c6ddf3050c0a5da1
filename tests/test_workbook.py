"""The analyst's workbook: sheets, tables, formats, links, highlighted quotes, chart, determinism."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils import get_column_letter

from compare.errors import UserError
from compare.models import Article
from compare.workbook import Limits, display, run_time, stored, summary_line, unit_format, write_workbook
from test_workbook_seed import SEED_ID, SEED_URL, seed_article, seed_claims, seed_inputs

SHEETS = ["Summary", "Claims", "Comparisons", "Side by side", "Matrix", "Sources", "Unclaimed numbers", "Rules"]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "claims.xlsx"
    result = write_workbook(path, **seed_inputs())
    return path, result, openpyxl.load_workbook(path, rich_text=True)


def rows_by_header(ws, header_row: int = 1) -> list[dict]:
    headers = [c.value for c in ws[header_row]]
    return [dict(zip(headers, row)) for row in ws.iter_rows(min_row=header_row + 1)]


def claim_row(wb, claim_id: str) -> dict:
    return next(r for r in rows_by_header(wb["Claims"]) if r["Claim id"].value == claim_id)


def test_sheets_in_order_each_an_excel_table_with_frozen_header(exported):
    path, result, wb = exported
    assert wb.sheetnames == SHEETS
    assert list(result.sheets) == SHEETS
    for title in SHEETS:
        ws = wb[title]
        assert ws.tables, title
        assert ws.freeze_panes.endswith("2") and ws.freeze_panes[:-1].isalpha(), title
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
    table = wb["Claims"].tables["Claims"]
    assert table.ref == f"A1:{get_column_letter(wb['Claims'].max_column)}8"
    assert [c.name for c in table.tableColumns] == [c.value for c in wb["Claims"][1]]


def test_claims_sheet_has_one_row_per_claim_with_readable_headers(exported):
    _, _, wb = exported
    rows = rows_by_header(wb["Claims"])
    assert [r["Claim id"].value for r in rows] == [c.id for c in sorted(seed_claims(seed_article()), key=lambda c: c.start)]
    headers = [c.value for c in wb["Claims"][1]]
    for h in ("Claim id", "Review", "Note", "Entity", "Quantity", "Value", "Unit", "Claimed text", "Quote", "Rule", "Cue"):
        assert h in headers


@pytest.mark.parametrize("claim_id, value, fmt", [
    ("c-v3-cost", 5_570_000, '"$"#,##0'),
    ("c-gpt4o-cost", 1e8, '"$"#,##0'),
    ("c-stargate", 5e11, '"$"#,##0'),
    ("c-ms-price", 0.3, "0%"),
    ("c-v3-compute", 11, '0.0"x"'),
    ("c-doubao-price", 50, '0.0"x"'),
    ("c-pro-price", 200, '"$"#,##0" per month"'),
])
def test_values_are_numbers_with_a_format_per_unit(exported, claim_id, value, fmt):
    _, _, wb = exported
    cell = claim_row(wb, claim_id)["Value"]
    assert cell.data_type == "n"
    assert cell.value == pytest.approx(value)
    assert cell.number_format == fmt


def test_review_column_offers_the_review_choices_by_data_validation(exported):
    _, _, wb = exported
    ws = wb["Claims"]
    rows = rows_by_header(ws)
    assert {r["Review"].value for r in rows} == {"unchecked"}
    col = next(c.column_letter for c in ws[1] if c.value == "Review")
    dvs = ws.data_validations.dataValidation
    assert len(dvs) == 1 and dvs[0].type == "list"
    assert dvs[0].formula1 == '"unchecked,confirmed,wrong value,wrong entity,not a claim"'
    assert str(dvs[0].sqref) == f"{col}2:{col}8"


def test_article_is_a_hyperlink_to_its_url(exported):
    _, _, wb = exported
    cell = claim_row(wb, "c-v3-cost")["Article"]
    assert cell.value == "000_b83a57ec9cdd648f"
    assert cell.hyperlink.target == SEED_URL
    sources = rows_by_header(wb["Sources"])
    assert sources[0]["URL"].hyperlink.target == SEED_URL


def test_only_http_links_become_hyperlinks(exported):
    _, _, wb = exported
    rows = {r["Source"].value: r for r in rows_by_header(wb["Side by side"])}
    assert rows["reference v3-paper-cost"]["Link"].hyperlink.target == "https://arxiv.org/abs/2412.19437"
    assert rows["reference gpt4o-estimate"]["Link"].value == "javascript-scheme estimate"
    assert rows["reference gpt4o-estimate"]["Link"].hyperlink is None


@pytest.mark.parametrize("claim_id", ["c-v3-cost", "c-gpt4o-cost", "c-v3-compute", "c-stargate", "c-ms-price",
                                      "c-pro-price", "c-doubao-price"])
def test_quote_highlights_the_claimed_text(exported, claim_id):
    _, _, wb = exported
    claim = next(c for c in seed_claims(seed_article()) if c.id == claim_id)
    cell = claim_row(wb, claim_id)["Quote"]
    assert isinstance(cell.value, CellRichText)
    blocks = [p for p in cell.value if isinstance(p, TextBlock)]
    assert [b.text for b in blocks] == [claim.text]
    assert blocks[0].font.b and blocks[0].font.color.rgb.endswith("C00000")
    assert str(cell.value) == claim.sentence


def test_claimed_text_has_a_comment_with_rule_and_cue(exported):
    _, _, wb = exported
    comment = claim_row(wb, "c-v3-cost")["Claimed text"].comment
    assert "rule: training_cost/cue" in comment.text and "cue: coût" in comment.text


def test_reference_and_distance_from_it(exported):
    _, _, wb = exported
    row = claim_row(wb, "c-gpt4o-cost")
    assert row["Reference"].value == 4e7
    assert row["Off by"].value == pytest.approx(1.5)
    rules = [r for cf in wb["Claims"].conditional_formatting for r in cf.rules]
    formulas = " ".join(f for r in rules for f in r.formula)
    assert "wrong value" in formulas and "ABS(" in formulas


def test_comparisons_keep_every_field_and_flag_verdicts(exported):
    _, _, wb = exported
    ws = wb["Comparisons"]
    rows = rows_by_header(ws)
    assert [r["Verdict"].value for r in rows] == ["consistent", "unverifiable", "disagree"]
    assert rows[2]["Spread %"].value == 150.0
    formulas = " ".join(f for cf in ws.conditional_formatting for r in cf.rules for f in r.formula)
    for verdict in ("inconsistent", "disagree", "unverifiable"):
        assert verdict in formulas


def test_side_by_side_has_one_row_per_source_and_one_number_per_cell(exported):
    _, _, wb = exported
    rows = {(r["Entity"].value, r["Source"].value): r for r in rows_by_header(wb["Side by side"])}
    assert set(rows) == {("DeepSeek V3", SEED_ID), ("DeepSeek V3", "reference v3-paper-cost"),
                         ("GPT-4o", SEED_ID), ("GPT-4o", "reference gpt4o-estimate")}
    assert rows[("DeepSeek V3", SEED_ID)]["Value"].value == 5_570_000
    assert rows[("DeepSeek V3", SEED_ID)]["Quantity"].value == "Training cost"
    assert rows[("DeepSeek V3", "reference v3-paper-cost")]["Value"].value == 5_576_000
    assert rows[("DeepSeek V3", SEED_ID)]["Verdicts"].value == "consistent 1"
    assert rows[("GPT-4o", SEED_ID)]["Qualifier"].value == ">"
    for r in rows.values():
        assert r["Value"].data_type == "n" and (r["Date"].value is None or r["Date"].is_date)


def test_matrix_shows_the_median_of_the_sources_with_the_spread_in_a_comment(tmp_path):
    article = seed_article()
    other = Article(id="001_other", path="x.txt", text=article.text, url="https://example.org/a", lang="fr")
    claims = seed_claims(article)
    claims.append(claims[0].model_copy(update={"id": "c-other", "article": "001_other", "value": 6e6}))
    write_workbook(tmp_path / "m.xlsx", **seed_inputs(articles=[article, other], claims=claims))
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx")
    rows = {r["Entity"].value: r for r in rows_by_header(wb["Matrix"])}
    cost = rows["DeepSeek V3"]["Training cost (USD)"]
    assert cost.value == 5_785_000 and "median of 2 claims ($5,570,000 – $6,000,000)" in cost.comment.text
    assert rows["GPT-4o"]["Training cost (USD)"].value == 1e8
    assert rows["Microsoft"]["price_change (%)"].value == pytest.approx(0.3)
    assert rows["DeepSeek V3"]["compute (x)"].value == 11
    assert rows["DeepSeek V3"]["compute (x)"].number_format == '0.0"x"" less than Llama 3"'
    for r in rows.values():
        assert all(c.value is None or c.data_type == "n" for h, c in r.items() if h != "Entity")


def test_sources_unclaimed_and_rules_are_filled(exported):
    _, _, wb = exported
    src = rows_by_header(wb["Sources"])[0]
    assert (src["Author"].value, src["Language"].value, src["Claims"].value, src["Unclaimed numbers"].value) == \
        ("Maxime Recoquillé", "fr", 7, 2)
    unclaimed = rows_by_header(wb["Unclaimed numbers"])
    assert [(u["Text"].value, u["Value"].value, u["Reason"].value) for u in unclaimed] == \
        [("40 ans", 40, "age of a person"), ("1989", 1989, "a year")]
    rules = rows_by_header(wb["Rules"])
    cues = {(r["Name"].value, r["Language"].value): r["Words"].value for r in rules if r["What"].value == "quantity"}
    assert cues[("training_cost", "fr")] == "entraînement, coût*"
    assert any(r["What"].value == "entity" and r["Words"].value == "Llama-3" for r in rules)
    assert any(r["What"].value == "rule file" and r["Name"].value == "rules/quantities.yaml" for r in rules)


def test_summary_counts_date_and_rule_set_version(exported):
    _, _, wb = exported
    ws = wb["Summary"]
    values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert values["Claims"] == 7 and values["Articles"] == 1 and values["Generated"] == datetime(2025, 1, 31)
    assert values["Rule set version"].startswith("sha1:")
    assert set(ws.tables) == {"Summary_run", "Summary_quantities", "Summary_entities"}
    assert ws._charts == []  # two entities with a training cost: not enough for a chart


def test_a_chart_per_quantity_with_three_entities_in_one_unit(tmp_path):
    claims = seed_claims(seed_article())
    cost = claims[0]
    claims += [cost.model_copy(update={"id": "c-x", "entity": "Llama 3", "value": 6e7}),
               cost.model_copy(update={"id": "c-y", "entity": "Other", "value": 2e6, "unit": "EUR"})]
    write_workbook(tmp_path / "c.xlsx", **seed_inputs(claims=claims))
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")["Summary"]
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    assert "Training cost" in str(chart.title.tx.rich.p[0].r[0].t) and chart.y_axis.scaling.logBase == 10
    first, last = ws.tables["Summary_chart"].ref.split(":")
    assert chart.series[0].val.numRef.f == f"'Summary'!$B${int(first[1:]) + 1}:$B${last[1:]}"
    entities = [ws.cell(row=r, column=1).value for r in range(int(first[1:]) + 1, int(last[1:]) + 1)]
    assert entities == ["GPT-4o", "Llama 3", "DeepSeek V3"]  # EUR has no rate in these rules: not in USD


@pytest.mark.parametrize("unit, kind, value, per, qualifier, fmt, text", [
    ("USD", "money", 5_570_000, None, "=", '"$"#,##0', "$5,570,000"),
    ("USD", "money", 0.14, "1M input tokens", "=", '"$"#,##0.00" per 1M input tokens"', "$0.14 per 1M input tokens"),
    ("EUR", "money", 200, "month", "=", '#,##0 "€"" per month"', "200 € per month"),
    ("CNY", "money", 3e6, None, "~", '"~ "#,##0 "CNY"', "3,000,000 CNY"),
    ("percent", "percent", 30, None, "=", "0%", "30%"),
    ("percent", "percent", 2.5, None, "~", '"~ "0.0%', "2.5%"),
    ("x", "ratio", 11, None, "=", '0.0"x"', "11x"),
    ("x", "ratio", 1.25, None, ">", '"> "0.00"x"', "1.25x"),
    ("GPU-hours", "count", 2_788_000, None, "=", '#,##0 "GPU-h"', "2,788,000 GPU-hours"),
    (None, "count", 2048, None, "=", "#,##0", "2,048"),
])
def test_unit_formats_and_display(unit, kind, value, per, qualifier, fmt, text):
    assert unit_format(unit, kind, stored(value, unit, kind), per, qualifier) == fmt
    assert display(value, unit, kind, per) == text


@pytest.mark.parametrize("now, dates, expected", [
    ("2025-02-01", [], datetime(2025, 2, 1)),
    ("2025-02-01T10:20:30", [], datetime(2025, 2, 1, 10, 20, 30)),
    (None, ["2025-01-24 11:30:00", "2024-12-01"], datetime(2025, 1, 24, 11, 30)),
    (None, ["not a date", None], datetime(1980, 1, 1)),
    (None, ["1970-01-01"], datetime(1980, 1, 1)),
])
def test_run_time_is_given_or_the_newest_article_date(now, dates, expected):
    articles = [Article(id=str(i), path="p", text="", date=d) for i, d in enumerate(dates)]
    assert run_time(now, articles) == expected


def test_a_bad_now_is_a_user_error():
    with pytest.raises(UserError, match="is not a date"):
        run_time("last tuesday", [])


def test_two_exports_are_byte_identical_with_fixed_dates(tmp_path):
    a, b = tmp_path / "a" / "claims.xlsx", tmp_path / "b" / "claims.xlsx"
    a.parent.mkdir(), b.parent.mkdir()
    write_workbook(a, **seed_inputs())
    write_workbook(b, **seed_inputs())
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 1, 31, 0, 0, 0)}
    wb = openpyxl.load_workbook(a)
    assert wb.properties.created == wb.properties.modified == datetime(2025, 1, 31)


SCRIPT = """
import sys
sys.path[:0] = [{root!r}, {tests!r}]
from test_workbook_seed import seed_inputs
from compare.workbook import write_workbook
write_workbook(sys.argv[1], **seed_inputs(now=None))
"""


def test_same_bytes_across_processes_and_hash_seeds(tmp_path):
    script = SCRIPT.format(root=str(ROOT), tests=str(ROOT / "tests"))
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed / "claims.xlsx"
        out.parent.mkdir()
        subprocess.run([sys.executable, "-c", script, str(out)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    with zipfile.ZipFile(tmp_path / "1" / "claims.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 1, 24, 11, 30, 0)}


def test_the_workbook_is_marked_as_ours(exported):
    _, _, wb = exported
    names = {p.name: p.value for p in wb.custom_doc_props}
    assert names["claim-compare workbook"] == "1"
    assert wb.defined_names["ClaimCompareWorkbook"].hidden


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_workbook_headless(exported, tmp_path):
    path, _, _ = exported
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=120)
    pdf = tmp_path / "claims.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_result_reports_counts(exported):
    _, result, _ = exported
    assert (result.articles, result.claims, result.unclaimed, result.comparisons) == (1, 7, 2, 3)
    assert result.warnings == ()
    assert summary_line(result).startswith("1 articles, 7 claims, 2 unclaimed numbers, 3 comparisons -> ")


def test_limits_default_to_excel(exported):
    assert Limits() == Limits(rows=1_048_576, hyperlinks=65_530, cell_chars=32_767, comments=10_000)


def test_an_export_with_nothing_found_is_still_a_valid_workbook(tmp_path):
    path = tmp_path / "empty.xlsx"
    result = write_workbook(path, articles=[], claims=[], unclaimed=[], comparisons=[], rules=seed_inputs()["rules"],
                            now=None)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS and result.claims == 0
    refs = [(ws.title, t.ref) for ws in wb.worksheets for t in ws.tables.values()]
    assert ("Claims", f"A1:{get_column_letter(wb['Claims'].max_column)}2") in refs
    summary = sorted(int(ref.split(":")[0][1:]) for title, ref in refs if title == "Summary")
    ends = sorted(int(ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for title, ref in refs if title == "Summary")
    assert all(end < start for end, start in zip(ends, summary[1:]))
    assert wb["Summary"]._charts == []


@pytest.mark.parametrize("sentence_start, text, highlighted_text", [
    (None, "5,57 millions de dollars", "5,57 millions de dollars"),
    (0, "5,57 millions de dollars", "5,57 millions de dollars"),
    (10, "5,57 millions de dollars", "5,57 millions de dollars"),
    (None, "not in the sentence", None),
], ids=["offsets-right", "sentence-start-missing", "sentence-start-wrong", "text-not-in-sentence"])
def test_quote_finds_the_claim_when_offsets_do_not_match(sentence_start, text, highlighted_text):
    from compare.workbook import quote_of
    claim = seed_claims(seed_article())[0]
    update = {"text": text}
    if sentence_start is not None:
        update["sentence_start"] = sentence_start
    quote = quote_of(claim.model_copy(update=update))
    if highlighted_text is None:
        assert quote == claim.sentence
    else:
        assert quote.sentence[quote.start:quote.end] == highlighted_text


@pytest.mark.parametrize("direction, versus, unit, kind, expected", [
    ("less", "Llama 3", "x", "ratio", " less than Llama 3"),
    ("more", "GPT-4o", "x", "ratio", " more than GPT-4o"),
    (None, "GPT-4o", "x", "ratio", " vs GPT-4o"),
    ("less", None, "x", "ratio", " less"),
    (None, None, "x", "ratio", ""),
    ("up", None, "percent", "percent", ""),
    (None, "GPT-4o", "USD", "money", ""),
], ids=["less-than", "more-than", "versus-only", "direction-only", "bare-ratio", "percent", "money"])
def test_ratios_say_what_they_are_relative_to(direction, versus, unit, kind, expected):
    from compare.workbook import relation
    claim = seed_claims(seed_article())[0].model_copy(
        update={"direction": direction, "versus": versus, "unit": unit, "kind": kind})
    assert relation(claim) == expected


def test_unclaimed_quote_highlights_its_own_occurrence():
    from compare.models import Unclaimed
    from compare.workbook.unclaimed import quote_of
    text = "Intro. In 2023, sales of 2023 units beat 2023 forecasts."
    sentence = text[7:]
    third = text.rindex("2023")
    u = Unclaimed(article="a", text="2023", start=third, end=third + 4, sentence=sentence, reason="a year")
    article = Article(id="a", path="a.txt", text=text)
    q = quote_of(u, {"a": article})
    assert q.start == third - 7 and q.sentence[q.start:q.end] == "2023"
