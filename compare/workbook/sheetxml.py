"""The cells of a sheet written as worksheet XML by hand, streamed to a temporary file, and spliced
into the worksheet part openpyxl writes around them (columns, views, tables, conditional formats,
validation, links, comments, charts), so the archive holds one ordinary worksheet.

Why by hand: openpyxl's write-only cell costs about 40 µs (a cell object, a copied style, an lxml
element); one `<c>` string from here costs about 1 µs, which is what lets 100,000 claims (4 million
cells) be written faster than XlsxWriter's constant_memory mode. The XML is the one openpyxl would
write for the same cells (inline strings, `%.16g` numbers, dates as serial numbers with a date
format), so openpyxl reads the workbook back as before (the review round-trip, tests).
"""
from __future__ import annotations

import os
import shutil
from datetime import datetime
from io import BytesIO
from typing import Optional

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.xml.functions import tostring

from compare.workbook.saving import temporary_file

ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
EMPTY = b"<sheetData></sheetData>"
BUFFER = 1 << 20
_FONTS: dict = {}
_LETTERS: list[str] = []


def letters(n: int) -> list[str]:
    """Column letters A, B, ... for the first n columns."""
    while len(_LETTERS) < n:
        _LETTERS.append(get_column_letter(len(_LETTERS) + 1))
    return _LETTERS[:n]


def escaped(text: str) -> str:
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        return text.translate(ESCAPES)
    return text


def t_element(text: str) -> str:
    """`<t>`, keeping leading and trailing spaces (as openpyxl writes it)."""
    if text != text.strip():
        return f'<t xml:space="preserve">{escaped(text)}</t>'
    return f"<t>{escaped(text)}</t>"


def style_attr(style: int) -> str:
    return f' s="{style}"' if style else ""


def number_xml(ref: str, value: float, style: int = 0) -> str:
    return f'<c r="{ref}"{style_attr(style)} t="n"><v>{"%.16g" % value}</v></c>'


def date_xml(ref: str, value: datetime, style: int) -> str:
    return number_xml(ref, to_excel(value), style)


def text_xml(ref: str, text: str, style: int = 0) -> str:
    """A string cell; `text` is already clean (compare.cells.fit) and not a formula."""
    return f'<c r="{ref}"{style_attr(style)} t="inlineStr"><is>{t_element(text)}</is></c>'


def _font(font) -> str:
    xml = _FONTS.get(font)
    if xml is None:
        xml = _FONTS[font] = tostring(font.to_tree(tagname="rPr")).decode()
    return xml


def rich_xml(ref: str, rich: CellRichText, style: int) -> str:
    runs = "".join(f"<r>{_font(p.font)}{t_element(p.text)}</r>" if isinstance(p, TextBlock) else
                   f"<r>{t_element(p)}</r>" for p in rich)
    return f'<c r="{ref}"{style_attr(style)} t="inlineStr"><is>{runs}</is></c>'


def empty_xml(ref: str, style: int) -> str:
    return f'<c r="{ref}"{style_attr(style)} t="n"/>'


def _temporary() -> str:
    return temporary_file(".xml")  # beside the workbook (compare.workbook.saving); openpyxl removes it once archived


class SheetXml:
    """The rows of one write-only worksheet: appended as XML, then spliced in by `close`."""

    def __init__(self, ws):
        self.ws = ws
        self.row = 0          # the last row written
        self.links: list[Hyperlink] = []
        self.comments: list[CommentRecord] = []
        self.path = _temporary()
        self.out = open(self.path, "w", encoding="utf-8", newline="", buffering=BUFFER)

    def append(self, cells: list[str], height: Optional[float] = None) -> None:
        """One row of cell XML (empty strings are empty cells) at the next row number."""
        self.row += 1
        ht = f' ht="{height:g}" customHeight="1"' if height else ""
        body = "".join(cells)
        self.out.write(f'<row r="{self.row}"{ht}>{body}</row>' if body or ht else f'<row r="{self.row}"/>')

    def link(self, ref: str, url: str) -> None:
        self.links.append(Hyperlink(ref=ref, target=url))

    def comment(self, ref: str, text: str, height: int, width: int) -> None:
        record = CommentRecord(ref=ref, author="claim-compare", height=height, width=width)
        record.text.t = text
        self.comments.append(record)

    def close(self) -> None:
        """Let openpyxl write the worksheet with no rows, then put ours in its empty sheetData."""
        self.out.close()
        writer = WorksheetWriter(self.ws, out=BytesIO())
        self.ws._writer = writer
        writer.write_top()
        self.ws._hyperlinks.extend(self.links)
        self.ws._comments.extend(self.comments)
        self.ws.close()
        head, found, tail = writer.out.getvalue().partition(EMPTY)
        if not found:
            raise RuntimeError(f"openpyxl wrote no empty sheetData for {self.ws.title!r}")
        final = _temporary()
        with open(final, "wb") as dst:
            dst.write(head + b"<sheetData>")
            with open(self.path, "rb") as src:
                shutil.copyfileobj(src, dst, BUFFER)
            dst.write(b"</sheetData>" + tail)
        self.discard()
        writer.out = final  # ExcelWriter archives writer.out and then removes it

    def discard(self) -> None:
        if not self.out.closed:
            self.out.close()
        if os.path.exists(self.path):
            os.unlink(self.path)
        if self.path in ALL_TEMP_FILES:
            ALL_TEMP_FILES.remove(self.path)
