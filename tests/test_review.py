"""Re-export keeps the analyst's review: carried by claim id, retired when the claim is gone."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from compare.errors import UserError
from compare.review import PreviousReviews, Review, carry_reviews, cell_value, column_index, read_reviews
from compare.workbook import write_workbook
from test_workbook_seed import seed_article, seed_claims, seed_inputs


def mark(path, marks: dict[str, tuple[str, str]], sheet: str = "Claims") -> None:
    """Set Review and Note of claims (by id) as an analyst would, and save."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        cid = row[headers.index("Claim id")].value
        if cid in marks:
            row[headers.index("Review")].value, row[headers.index("Note")].value = marks[cid]
    wb.save(path)


def reviews(path, sheet: str = "Claims") -> dict[str, tuple]:
    ws = openpyxl.load_workbook(path)[sheet]
    headers = [c.value for c in ws[1]]
    out = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        rec = dict(zip(headers, row))
        if rec["Claim id"]:
            out[rec["Claim id"]] = (rec["Review"], rec["Note"]) + ((rec["Retired on"],) if "Retired on" in rec else ())
    return out


@pytest.fixture
def reviewed(tmp_path):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    mark(path, {"c-v3-cost": ("confirmed", "matches the V3 paper"),
                "c-gpt4o-cost": ("wrong value", "=the article says more than 100 M"),
                "c-stargate": ("unchecked", "check the SoftBank share")})
    return path


def test_reviews_are_carried_over_by_claim_id(reviewed):
    result = write_workbook(reviewed, **seed_inputs(now="2025-02-02"))
    got = reviews(reviewed)
    assert got["c-v3-cost"] == ("confirmed", "matches the V3 paper")
    assert got["c-gpt4o-cost"] == ("wrong value", "=the article says more than 100 M")
    assert got["c-stargate"] == ("unchecked", "check the SoftBank share")
    assert got["c-pro-price"] == ("unchecked", None)
    assert (result.reviews_carried, result.reviews_retired, result.reviews_restored) == (3, 0, 0)
    assert "Retired claims" not in openpyxl.load_workbook(reviewed).sheetnames


def test_reviews_follow_the_claim_when_rows_move(reviewed):
    claims = list(reversed(seed_claims(seed_article())))
    extra = claims[0].model_copy(update={"id": "c-new", "start": 0, "end": 3, "sentence_start": 0})
    write_workbook(reviewed, **seed_inputs(claims=[extra] + claims))
    got = reviews(reviewed)
    assert list(got)[0] == "c-new"
    assert got["c-v3-cost"] == ("confirmed", "matches the V3 paper")


def test_a_claim_that_is_gone_keeps_its_review_in_retired_claims(reviewed):
    claims = [c for c in seed_claims(seed_article()) if c.id != "c-gpt4o-cost"]
    result = write_workbook(reviewed, **seed_inputs(claims=claims, now="2025-02-02"))
    assert result.reviews_retired == 1
    wb = openpyxl.load_workbook(reviewed)
    assert wb.sheetnames[-1] == "Retired claims"
    retired = reviews(reviewed, "Retired claims")
    assert retired == {"c-gpt4o-cost": ("wrong value", "=the article says more than 100 M", "2025-02-02")}
    ws = wb["Retired claims"]
    rec = dict(zip([c.value for c in ws[1]], [c.value for c in ws[2]]))
    assert (rec["Entity"], rec["Quantity"], rec["Value"]) == ("GPT-4o", "training_cost", 1e8)
    assert rec["Claimed text"] == "plus de 100 millions de dollars"
    assert ws.data_validations.dataValidation[0].formula1.startswith('"unchecked,')

    write_workbook(reviewed, **seed_inputs(claims=claims, now="2025-03-01"))
    assert reviews(reviewed, "Retired claims") == retired

    result = write_workbook(reviewed, **seed_inputs(now="2025-03-02"))
    assert result.reviews_restored == 1
    assert reviews(reviewed)["c-gpt4o-cost"] == ("wrong value", "=the article says more than 100 M")
    assert "Retired claims" not in openpyxl.load_workbook(reviewed).sheetnames


def test_unchanged_reviews_of_gone_claims_are_not_retired(reviewed):
    claims = [c for c in seed_claims(seed_article()) if c.id != "c-pro-price"]
    result = write_workbook(reviewed, **seed_inputs(claims=claims))
    assert result.reviews_retired == 0


def test_review_values_are_normalised(reviewed):
    mark(reviewed, {"c-pro-price": ("  Not A  Claim ", None), "c-ms-price": (None, None)})
    write_workbook(reviewed, **seed_inputs())
    got = reviews(reviewed)
    assert got["c-pro-price"] == ("not a claim", None)
    assert got["c-ms-price"] == ("unchecked", None)


def header_column(ws, header: str) -> int:
    """1-based column of a header in row 1 (the layout may move columns; reviews find them by header)."""
    return next(c.column for c in ws[1] if c.value == header)


def test_every_unknown_review_value_is_reported_with_its_cell(reviewed):
    mark(reviewed, {"c-pro-price": ("ok", None), "c-ms-price": ("looks fine", None)})
    before = reviewed.read_bytes()
    with pytest.raises(UserError) as e:
        write_workbook(reviewed, **seed_inputs())
    problems = e.value.problems
    assert len(problems) == 2
    review_col = header_column(openpyxl.load_workbook(reviewed)["Claims"], "Review")
    assert all(p.file == str(reviewed) and p.column == review_col for p in problems)
    assert "'ok' is not one of unchecked, confirmed" in str(e.value)
    assert {p.line for p in problems} == {6, 7}
    assert reviewed.read_bytes() == before


def test_a_renamed_claims_sheet_stops_the_export(reviewed):
    wb = openpyxl.load_workbook(reviewed)
    wb["Claims"].title = "My claims"
    wb.save(reviewed)
    before = reviewed.read_bytes()
    with pytest.raises(UserError, match="'Claims' is missing") as e:
        write_workbook(reviewed, **seed_inputs())
    assert "My claims" in str(e.value)
    assert reviewed.read_bytes() == before


@pytest.mark.parametrize("header", ["Claim id", "Review", "Note"])
def test_a_missing_review_column_stops_the_export(reviewed, header):
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Claims"]
    col = [c.value for c in ws[1]].index(header) + 1
    ws.cell(row=1, column=col).value = header + " (old)"
    wb.save(reviewed)
    before = reviewed.read_bytes()
    with pytest.raises(UserError, match=f"no '{header}' column in row 1") as e:
        write_workbook(reviewed, **seed_inputs())
    assert e.value.problems[0].line == 1
    assert reviewed.read_bytes() == before


def test_a_review_without_its_claim_id_stops_the_export(reviewed):
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Claims"]
    ws.cell(row=3, column=header_column(ws, "Claim id")).value = None
    wb.save(reviewed)
    with pytest.raises(UserError, match="row 3: a review without a claim id"):
        write_workbook(reviewed, **seed_inputs())


def test_a_file_that_is_not_ours_is_never_overwritten(tmp_path):
    other = tmp_path / "claims.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "someone's budget"
    wb.save(other)
    before = other.read_bytes()
    with pytest.raises(UserError, match="not written by claim-compare"):
        write_workbook(other, **seed_inputs())
    assert other.read_bytes() == before
    text = tmp_path / "notes.xlsx"
    text.write_text("id,review\n")
    with pytest.raises(UserError, match="not written by claim-compare"):
        write_workbook(text, **seed_inputs())
    assert text.read_text() == "id,review\n"


def test_reviews_survive_continuation_sheets(tmp_path):
    from compare.cells import Limits
    path = tmp_path / "claims.xlsx"
    write_workbook(path, limits=Limits(rows=4), **seed_inputs())
    wb = openpyxl.load_workbook(path)
    cid = wb["Claims (3)"].cell(row=2, column=header_column(wb["Claims (3)"], "Claim id")).value
    mark(path, {cid: ("wrong entity", "not DeepSeek")}, sheet="Claims (3)")
    write_workbook(path, **seed_inputs())
    assert reviews(path)[cid] == ("wrong entity", "not DeepSeek")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_workbook_saved_by_libreoffice_keeps_its_review(reviewed, tmp_path):
    out = tmp_path / "lo"
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(reviewed)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    saved = out / "claims.xlsx"
    assert read_reviews(saved).current  # still recognised as ours
    write_workbook(saved, **seed_inputs())
    assert reviews(saved)["c-v3-cost"] == ("confirmed", "matches the V3 paper")


R = Review


@pytest.mark.parametrize("current, retired, ids, kept, gone", [
    ([R(claim="a", review="confirmed")], [], ["a"], {"a": "confirmed"}, []),
    ([R(claim="a", review="confirmed")], [], ["b"], {}, ["a"]),
    ([R(claim="a")], [], ["b"], {}, []),
    ([R(claim="a", note="why?")], [], [], {}, ["a"]),
    ([], [R(claim="a", review="wrong value", retired="2025-01-01")], ["a"], {"a": "wrong value"}, []),
    ([], [R(claim="a", review="wrong value", retired="2025-01-01")], [], {}, ["a"]),
    ([R(claim="a", review="confirmed")], [R(claim="a", review="wrong value", retired="2025-01-01")], ["a"],
     {"a": "confirmed"}, []),
    ([R(claim="b", review="not a claim")], [R(claim="a", review="wrong value", retired="2025-01-01")], [],
     {}, ["a", "b"]),
], ids=["carried", "retired", "unchecked-dropped", "note-retired", "restored", "stays-retired",
        "current-wins", "both-retired"])
def test_carry_reviews(current, retired, ids, kept, gone):
    carried = carry_reviews(PreviousReviews(current=tuple(current), retired=tuple(retired)), ids, "2025-02-02")
    assert {k: v.review for k, v in carried.by_claim.items() if v.meaningful} == kept
    assert [r.claim for r in carried.retired] == gone
    assert all(r.retired for r in carried.retired)


@pytest.mark.parametrize("ref, index", [("A1", 0), ("Z9", 25), ("AA10", 26), ("AD8", 29), ("BA1", 52),
                                        ("XFD1048576", 16383), ("b2", 1)])
def test_column_index(ref, index):
    assert column_index(ref) == index


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


@pytest.mark.parametrize("xml, value", [
    ('<c r="A1" t="s"><v>1</v></c>', "second"),
    ('<c r="A1" t="inlineStr"><is><t>plain</t></is></c>', "plain"),
    ('<c r="A1" t="inlineStr"><is><r><t>Il a co\u00fbt\u00e9 </t></r><r><rPr><b/></rPr><t>5,57 M$</t></r></is></c>',
     "Il a co\u00fbt\u00e9 5,57 M$"),
    ('<c r="A1" t="str"><f>A2&amp;"x"</f><v>yx</v></c>', '=A2&"x"'),
    ('<c r="A1"><f>SUM(B1:B3)</f></c>', "=SUM(B1:B3)"),
    ('<c r="A1"><v>5570000</v></c>', 5570000),
    ('<c r="A1"><v>0.3</v></c>', 0.3),
    ('<c r="A1"><v>1E+8</v></c>', 1e8),
    ('<c r="A1" t="b"><v>1</v></c>', True),
    ('<c r="A1" t="e"><v>#N/A</v></c>', "#N/A"),
    ('<c r="A1" t="str"><v>=not a formula</v></c>', "=not a formula"),
    ('<c r="A1" s="3"/>', None),
], ids=lambda x: x if isinstance(x, str) else repr(x))
def test_cell_values_read_from_xml(xml, value):
    from xml.etree import ElementTree
    cell = ElementTree.fromstring(xml.replace("<c ", f"<c {NS} ", 1))
    assert cell_value(cell, ["first", "second"]) == value


def test_a_workbook_saved_elsewhere_with_shared_strings_and_sparse_rows_is_read(tmp_path):
    """Excel writes shared strings, relative part paths, and leaves out empty rows and cell refs."""
    path = tmp_path / "claims.xlsx"
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="r1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                           f'<sheet name="Summary" sheetId="1" r:id="rId1"/><sheet name="Claims" sheetId="2" r:id="rId2"/>'
                           f'</sheets><definedNames><definedName name="ClaimCompareWorkbook" hidden="1">"1"</definedName>'
                           f'</definedNames></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                      f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                                      f'<Relationship Id="rId2" Type="{rel}/worksheet" Target="worksheets/sheet2.xml"/>'
                                      f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
                                      f'</Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}"><si><t>Claim id</t></si><si><t>Review</t></si><si><t>Note</t></si>'
                                f'<si><t>c-1</t></si><si><r><t>Wrong </t></r><r><rPr><b/></rPr><t>Value</t></r></si>'
                                f'<si><t>c-2</t></si><si><t>line one\nline two</t></si></sst>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData/></worksheet>',
        "xl/worksheets/sheet2.xml": f'<worksheet xmlns="{main}"><sheetData>'
                                    f'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
                                    f'<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="s"><v>4</v></c></row>'
                                    f'<row r="9"><c t="s"><v>5</v></c><c t="inlineStr"><is><t>confirmed</t></is></c><c t="s"><v>6</v></c></row>'
                                    f'</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, xml in parts.items():
            z.writestr(name, xml)
    got = read_reviews(path)
    assert [(r.claim, r.review, r.note) for r in got.current] == [
        ("c-1", "wrong value", None), ("c-2", "confirmed", "line one\nline two")]
