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
from typing import Optional, TextIO

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter
from openpyxl.xml.functions import tostring

from compare.workbook.parts import LinkedRels, comment_xml, hyperlink_xml, link_rel_xml, shape_xml, with_hyperlinks
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
        self.links = 0
        self.comments = 0
        self.path = _temporary()
        self.out = open(self.path, "w", encoding="utf-8", newline="", buffering=BUFFER)
        self.files: dict[str, str] = {}  # hyperlinks, rels, comments, shapes: their XML (compare.workbook.parts)
        self._open: dict[str, TextIO] = {}
        ws.sheet_xml = self   # for PartsWriter, which copies the files into the archive

    def _file(self, kind: str) -> TextIO:
        out = self._open.get(kind)
        if out is None or out.closed:
            if out is None:
                self.files[kind] = _temporary()
            out = self._open[kind] = open(self.files[kind], "w" if out is None else "a", encoding="utf-8",
                                          newline="", buffering=BUFFER)
        return out

    def pause(self) -> None:
        """Close the files while other sheets are written (each holds a buffer of BUFFER bytes);
        writing to them again reopens them."""
        for out in [self.out, *self._open.values()]:
            out.close()

    def append(self, cells: list[str], height: Optional[float] = None) -> None:
        """One row of cell XML (empty strings are empty cells) at the next row number."""
        self.row += 1
        ht = f' ht="{height:g}" customHeight="1"' if height else ""
        body = "".join(cells)
        if self.out.closed:
            self.out = open(self.path, "a", encoding="utf-8", newline="", buffering=BUFFER)
        self.out.write(f'<row r="{self.row}"{ht}>{body}</row>' if body or ht else f'<row r="{self.row}"/>')

    def link(self, ref: str, url: str) -> None:
        """A hyperlink on the cell `ref` to `url` (a web_url: no spaces, no control characters)."""
        self.links += 1
        self._file("hyperlinks").write(hyperlink_xml(ref, self.links))
        self._file("rels").write(link_rel_xml(url, self.links))

    def comment(self, ref: str, text: str, height: int, width: int) -> None:
        """A comment (`text` already clean, compare.cells.fit) on the cell `ref`, its box height x width px."""
        self.comments += 1
        self._file("comments").write(comment_xml(ref, text))
        self._file("shapes").write(shape_xml(ref, self.comments, height, width))

    def close(self) -> None:
        """Let openpyxl write the worksheet with no rows, then put ours in its empty sheetData (and our
        links in their place after it)."""
        self.out.close()
        for out in self._open.values():
            out.close()
        writer = WorksheetWriter(self.ws, out=BytesIO())
        writer._rels = LinkedRels(self.links)
        self.ws._writer = writer
        writer.write_top()
        if self.comments:
            self.ws.legacy_drawing = ""  # openpyxl writes the element; PartsWriter names the drawing
        self.ws.close()
        head, found, tail = writer.out.getvalue().partition(EMPTY)
        if not found:
            raise RuntimeError(f"openpyxl wrote no empty sheetData for {self.ws.title!r}")
        final = _temporary()
        with open(final, "wb") as dst:
            dst.write(head + b"<sheetData>")
            with open(self.path, "rb") as src:
                shutil.copyfileobj(src, dst, BUFFER)
            dst.write(b"</sheetData>")
            for piece in with_hyperlinks(tail, self.files.get("hyperlinks")):
                if isinstance(piece, bytes):
                    dst.write(piece)
                    continue
                with open(piece, "rb") as src:
                    shutil.copyfileobj(src, dst, BUFFER)
        self.discard()
        writer.out = final  # ExcelWriter archives writer.out and then removes it

    def discard(self) -> None:
        """Close the files and remove the rows and hyperlinks; the files of the other parts stay for the
        archive (compare.workbook.saving removes them once the workbook is saved or has failed)."""
        for out in [self.out, *self._open.values()]:
            if not out.closed:
                out.close()
        for path in (self.path, self.files.get("hyperlinks")):
            if path and os.path.exists(path):
                os.unlink(path)
            if path in ALL_TEMP_FILES:
                ALL_TEMP_FILES.remove(path)
