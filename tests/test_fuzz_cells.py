"""Fuzzing the exporter's cell path (tests/fuzzing.py: 10,000 texts in CI): whatever an article or a
rule holds, each cell is well-formed XML, never a formula, and reads back as the text it shows; a CSV
cell a spreadsheet would take for a formula is neutralised."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from fuzzing import fuzz
from hypothesis import given
from hypothesis import strategies as st

from compare.cells import fit, highlighted
from compare.pipeline import csv_cell
from compare.workbook.sheetxml import rich_xml, text_xml

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80) | st.lists(
    st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "\x00", "\x07", "\ufffe", "&", "<", ">", "'", '"', "=1+2",
                     "#N/A", "]]>", "<f>", " ", "€", "\u202f"]), max_size=20).map("".join)


def parsed(cell: str) -> ET.Element:
    return ET.fromstring(f'<sheetData xmlns="{NS}"><row r="1">{cell}</row></sheetData>')


def shown(element: ET.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{{{NS}}}t"))


@fuzz()
@given(text=TEXT)
def test_a_text_cell_is_well_formed_and_never_a_formula(text):
    value, _ = fit(text, 200)
    root = parsed(text_xml("A1", value, 3))
    assert root.find(f".//{{{NS}}}f") is None
    assert shown(root) == value


@fuzz()
@given(text=TEXT, a=st.integers(-5, 90), b=st.integers(-5, 90))
def test_a_quote_with_its_claim_highlighted_is_well_formed(text, a, b):
    rich, _ = highlighted(text, a, b, 200)
    cell = text_xml("B1", rich, 0) if isinstance(rich, str) else rich_xml("B1", rich, 0)
    root = parsed(cell)
    assert root.find(f".//{{{NS}}}f") is None
    assert shown(root) == (rich if isinstance(rich, str) else "".join(str(p) for p in rich))


@fuzz()
@given(text=TEXT)
def test_a_csv_cell_is_never_read_as_a_formula(text):
    cell = csv_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in (text, "'" + text)
    assert csv_cell(text, raw=True) == text
