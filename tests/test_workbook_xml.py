"""The hand-written worksheet XML (compare/workbook/sheetxml.py): well formed, and read back by openpyxl as written."""
from __future__ import annotations

import zipfile
from datetime import datetime
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock

from compare.cells import HIGHLIGHT
from compare.workbook.sheetxml import date_xml, number_xml, rich_xml, text_xml
from compare.workbook import write_workbook
from test_workbook_seed import seed_inputs

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def cell(xml: str) -> ElementTree.Element:
    return ElementTree.fromstring(xml.replace("<c ", f'<c xmlns="{NS[1:-1]}" ', 1))


@pytest.mark.parametrize("text", ["a < b & c > d", "  spaces kept  ", "line\r\nbreak", "é“quoted”", "\t"])
def test_text_cells_read_back_as_the_same_text(text):
    el = cell(text_xml("B7", text, 3))
    assert el.get("r") == "B7" and el.get("s") == "3" and el.get("t") == "inlineStr"
    assert el.find(f"{NS}is/{NS}t").text == text


@pytest.mark.parametrize("value, shown", [(5_570_000.0, "5570000"), (0.1, "0.1"), (12, "12"), (1 / 3, "0.3333333333333333")])
def test_numbers_are_written_as_openpyxl_writes_them(value, shown):
    el = cell(number_xml("A1", value))
    assert el.get("s") is None and el.find(f"{NS}v").text == shown


def test_dates_are_serial_numbers():
    assert cell(date_xml("A1", datetime(2025, 1, 24), 2)).find(f"{NS}v").text == "45681"


def test_rich_text_keeps_its_runs():
    el = cell(rich_xml("C3", CellRichText("before ", TextBlock(HIGHLIGHT, "5 $"), " after"), 4))
    runs = el.findall(f"{NS}is/{NS}r")
    assert [r.find(f"{NS}t").text for r in runs] == ["before ", "5 $", " after"]
    assert runs[1].find(f"{NS}rPr/{NS}b") is not None and runs[0].find(f"{NS}rPr") is None


def test_every_sheet_of_an_export_is_well_formed_and_reads_back(tmp_path):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                root = ElementTree.fromstring(z.read(name))
                rows = [int(r.get("r")) for r in root.iter(f"{NS}row")]
                assert rows == sorted(set(rows)) and rows[0] == 1, name
    ws = openpyxl.load_workbook(path, rich_text=True)["Claims"]
    quote = [c for c in ws[1] if c.value == "Quote"][0].column
    assert isinstance(ws.cell(2, quote).value, CellRichText)
    assert ws.cell(2, 1).value == "DeepSeek V3" and ws["A1"].font.b


# Links and comments are written as text (compare/workbook/parts.py): the same bytes openpyxl's objects give.
@pytest.mark.parametrize("url", ["https://news.example.org/a?x=1&y=2", 'https://e.org/"q"<>\'', "https://é.fr/ü"])
def test_link_relationships_are_what_openpyxl_writes(url):
    from openpyxl.packaging.relationship import Relationship, RelationshipList
    from openpyxl.xml.functions import tostring

    from compare.workbook.parts import link_rel_xml
    rels = RelationshipList()
    rels.append(Relationship(type="hyperlink", TargetMode="External", Target=url))
    assert tostring(rels.to_tree()).split(b">", 1)[1][:-len(b"</Relationships>")] == link_rel_xml(url, 1).encode()


@pytest.mark.parametrize("text", ["rule: cost/cue\ncue: a & b <c>", "  leading and trailing  ", " ", "é “q” '\"'",
                                  "carriage\rreturn"])
def test_comments_are_what_openpyxl_writes(text):
    from openpyxl.comments.comment_sheet import CommentRecord, CommentSheet
    from openpyxl.xml.functions import tostring

    from compare.workbook.parts import COMMENTS, comment_xml
    record = CommentRecord(ref="L12", author="claim-compare")
    record.text.t = text
    theirs = tostring(CommentSheet.from_comments([record]).to_tree()).replace(b"\r", b"&#13;")
    assert theirs == COMMENTS[0] + comment_xml("L12", text).encode() + COMMENTS[1]


@pytest.mark.parametrize("ref, height, width", [("A1", 140, 360), ("AH10001", 110, 320)])
def test_comment_boxes_are_what_openpyxl_writes(ref, height, width):
    from openpyxl.comments.comment_sheet import CommentRecord, CommentSheet

    from compare.workbook.parts import VML, shape_xml
    record = CommentRecord(ref=ref, author="claim-compare", height=height, width=width)
    first = CommentSheet.from_comments([record]).write_shapes()
    assert first == VML[0] + shape_xml(ref, 1, height, width).encode() + VML[1]


def test_links_and_comments_read_back_where_they_were_written(tmp_path):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    wb = openpyxl.load_workbook(path)
    ws = wb["Claims"]
    head = [c.value for c in ws[1]]
    article, text = head.index("Article") + 1, head.index("Claimed text") + 1
    rows = range(2, ws.max_row + 1)
    assert all(ws.cell(r, article).hyperlink.target.startswith("http") for r in rows)
    assert all(ws.cell(r, text).comment.text.startswith("rule: ") for r in rows)
    assert ws.cell(1, head.index("Off by") + 1).comment.text.startswith("How far")
    assert len(ws.tables) == 1 and list(ws.tables.values())[0].ref.startswith("A1:")
