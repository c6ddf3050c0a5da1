"""The sheet kit: cells with cached styles, tables over as many sheets as Excel's row limit needs,
column widths, conditional colours, data validation. Every sheet module writes through here."""
from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any, Callable, Iterable, NamedTuple, Optional, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.rich_text import CellRichText
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from compare.cells import Limits, fit, highlighted, sheet_title, table_name, web_url
from compare.workbook.formats import (DATE_FORMAT, HEADER_FILL, HEADER_FONT, LINK_FONT, TOP, WRAP, Link, Noted, Num,
                                      Quote)
from compare.workbook.sheetxml import SheetXml, date_xml, empty_xml, letters, number_xml, rich_xml, text_xml

LINE_HEIGHT = 15
MAX_ROW_HEIGHT = 409
WIDTH_SAMPLE = 5_000  # rows measured for column widths (spread over the table), so rows are built once
LITERAL = re.compile(r'"([^"]*)"')
NUMBER_WIDTH = 16     # a number column is at least this wide: no ### for any figure up to $999,999,999,999


@dataclass
class Book:
    """Mutable state while one workbook is written: names taken, links used, warnings."""

    wb: Workbook
    limits: Limits
    titles: set[str] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    links: Counter = field(default_factory=Counter)
    unlinked: Counter = field(default_factory=Counter)
    truncated: Counter = field(default_factory=Counter)
    continued: dict[str, int] = field(default_factory=dict)
    styles: dict[tuple, int] = field(default_factory=dict)
    left_out: Counter = field(default_factory=Counter)
    comments: Counter = field(default_factory=Counter)
    uncommented: Counter = field(default_factory=Counter)
    sheets: list[SheetXml] = field(default_factory=list)

    def close(self) -> None:
        """Every sheet's rows into its worksheet part, ready for the archive."""
        for sx in self.sheets:
            sx.close()

    def discard(self) -> None:
        for sx in self.sheets:
            sx.discard()


FONTS = {"link": LINK_FONT, "header": HEADER_FONT}
ALIGNMENTS = {"wrap": WRAP, "top": TOP}


def style(ws, book: Book, fmt: Optional[str] = None, font: Optional[str] = None, align: Optional[str] = None) -> int:
    """The workbook's style id for a number format, font and alignment (0: none), made once per book."""
    key = (fmt, font, align)
    sid = book.styles.get(key)
    if sid is None:
        cell = WriteOnlyCell(ws)
        if fmt:
            cell.number_format = fmt
        if font:
            cell.font = FONTS[font]
        if font == "header":
            cell.fill = HEADER_FILL
        if align:
            cell.alignment = ALIGNMENTS[align]
        sid = book.styles[key] = cell.style_id if cell.has_style else 0
    return sid


def text_cell(sx: SheetXml, book: Book, ref: str, text: str, align: Optional[str] = None,
              font: Optional[str] = None) -> str:
    """A string stored as text, never a formula, cut to Excel's cell length."""
    value, cut = fit(text, book.limits.cell_chars)
    if cut:
        book.truncated[sx.ws.title] += 1
    return text_xml(ref, value, style(sx.ws, book, align=align, font=font) if align or font else 0)


def finite(value: float) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def to_cell(sx: SheetXml, book: Book, ref: str, v: Any, wrap: bool, top: bool = False) -> str:
    """The XML of one cell value (str, number, date, Num, Link, Quote, Noted) at `ref`; '' for none."""
    align = "wrap" if wrap else ("top" if top else None)
    ws = sx.ws
    if v is None:
        return ""
    if isinstance(v, str):
        return text_cell(sx, book, ref, v, align)
    if isinstance(v, bool):
        return text_cell(sx, book, ref, "yes" if v else "no", align)
    if isinstance(v, (int, float)):
        if not finite(v):
            return text_cell(sx, book, ref, str(v), align)
        return number_xml(ref, v, style(ws, book, align=align) if align else 0)
    if isinstance(v, datetime):
        return date_xml(ref, v, style(ws, book, DATE_FORMAT, align=align))
    if isinstance(v, Num):
        if not finite(v.value):
            return text_cell(sx, book, ref, str(v.value), align)
        return number_xml(ref, v.value, style(ws, book, v.fmt, align=align))
    if isinstance(v, Noted):
        xml = to_cell(sx, book, ref, v.value, wrap, top)
        if v.comment and book.comments[ws.title] >= book.limits.comments:
            book.uncommented[ws.title] += 1
        elif v.comment:
            book.comments[ws.title] += 1
            sx.comment(ref, fit(v.comment, book.limits.cell_chars)[0], 110, 320)
            xml = xml or empty_xml(ref, 0)
        return xml
    if isinstance(v, Link):
        url = web_url(v.url)
        linked = bool(url) and book.links[ws.title] < book.limits.hyperlinks
        if url and not linked:
            book.unlinked[ws.title] += 1
        if linked:
            book.links[ws.title] += 1
            sx.link(ref, url)
        return text_cell(sx, book, ref, v.text, align, "link" if linked else None)
    if isinstance(v, Quote):
        rich, cut = highlighted(v.sentence, v.start, v.end, book.limits.cell_chars)
        if cut:
            book.truncated[ws.title] += 1
        wrapped = style(ws, book, align="wrap")
        return rich_xml(ref, rich, wrapped) if isinstance(rich, CellRichText) else text_xml(ref, rich, wrapped)
    return text_cell(sx, book, ref, str(v), align)


def shown_length(v: Any) -> int:
    """About how many characters a value shows, for column widths."""
    if v is None:
        return 0
    if isinstance(v, Noted):
        return shown_length(v.value)
    if isinstance(v, Num):
        return number_length(v)
    if isinstance(v, datetime):
        return 10
    if isinstance(v, Link):
        return len(v.text)
    if isinstance(v, Quote):
        return len(v.sentence)
    if isinstance(v, float):
        return len(f"{v:,.2f}")
    return len(str(v))


def number_length(v: Num) -> int:
    """Characters a formatted number shows: its digits and the literal text of its format."""
    literal = sum(len(x) for x in LITERAL.findall(v.fmt))
    digits = f"{v.value * 100:,.1f}%" if v.fmt.rstrip('"').endswith("%") else f"{v.value:,.2f}"
    return len(digits) + literal + 1


def widths(headers: Sequence[str], rows: Iterable[Sequence[Any]], cap: int, caps: dict[str, int]) -> list[float]:
    """Column widths that show the headers, the text up to a cap, and every number whole (never ###)."""
    best = [len(h) + 3 for h in headers]
    numbers = [0] * len(headers)
    for row in rows:
        for i, v in enumerate(row):
            n = shown_length(v)
            if n > best[i]:
                best[i] = n
            if isinstance(v, (Num, int, float, datetime)) and not isinstance(v, bool):
                numbers[i] = max(numbers[i], n, NUMBER_WIDTH)
    return [max(min(max(b, 6), caps.get(h, cap)), m) + 1 for h, b, m in zip(headers, best, numbers)]


def unique_headers(headers: Sequence[str]) -> list[str]:
    """Table column names must be unique, non-empty, one line."""
    out: list[str] = []
    seen: set[str] = set()
    for h in headers:
        base = " ".join(fit(h or "Column", 200)[0].split()) or "Column"
        name, n = base, 1
        while name.lower() in seen:
            n += 1
            name = f"{base} {n}"
        seen.add(name.lower())
        out.append(name)
    return out


class Block(NamedTuple):
    """One Excel table: its name, headers and rows."""

    name: str
    headers: list[str]
    rows: list[list[Any]]


Decorate = Callable[[Any, dict[str, str], int, int], None]


def new_sheet(book: Book, title: str, col_widths: Sequence[float], freeze: str) -> SheetXml:
    title = sheet_title(title, book.titles)
    book.titles.add(title)
    for earlier in book.sheets:  # written one after the other: the earlier ones are done
        earlier.pause()
    ws = book.wb.create_sheet(title)
    sx = SheetXml(ws)
    book.sheets.append(sx)
    for i, w in enumerate(col_widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    return sx


def add_table(ws, book: Book, name: str, headers: Sequence[str], first_row: int, n_rows: int) -> str:
    tname = table_name(name, book.tables)
    book.tables.add(tname)
    last = first_row + max(n_rows, 1)
    ref = f"A{first_row}:{get_column_letter(len(headers))}{last}"
    table = Table(displayName=tname, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    for i, h in enumerate(headers, start=1):
        table.tableColumns.append(TableColumn(id=i, name=h))
    table.autoFilter = AutoFilter(ref=ref)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="In write-only mode you must add table columns manually")
        ws.add_table(table)
    return tname


def row_height(row: Sequence[Any], wrapped: Sequence[tuple[int, float]]) -> Optional[float]:
    """Height that shows every line of the wrapped cells (LibreOffice does not grow rows itself)."""
    lines = 1
    for i, width in wrapped:
        n = shown_length(row[i]) if i < len(row) else 0
        lines = max(lines, math.ceil(n / max(width * 1.1 - 2, 1)))
    return min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT) if lines > 1 else None


def write_rows(sx: SheetXml, book: Book, headers: Sequence[str], rows: Iterable[Sequence[Any]], wrap: set[str],
               col_widths: Sequence[float], notes: Optional[dict[str, str]] = None) -> tuple[int, float]:
    """Header (with a comment on the headers `notes` explains) and rows after the sheet's last row;
    returns how many rows and their height in points (header left out)."""
    cols = letters(len(headers))
    header_style = style(sx.ws, book, font="header")
    r = sx.row + 1
    head = []
    for col, h in zip(cols, headers):
        head.append(text_xml(f"{col}{r}", fit(h, 255)[0], header_style))
        if notes and notes.get(h):
            sx.comment(f"{col}{r}", fit(notes[h], 2000)[0], 140, 360)
    sx.append(head)
    wrapping = [h in wrap for h in headers]
    wrapped = [(i, col_widths[i]) for i, w in enumerate(wrapping) if w]
    points, count = 0.0, 0
    for row in rows:
        height = row_height(row, wrapped) if wrapped else None
        points += height or LINE_HEIGHT
        count += 1
        r = sx.row + 1
        top = bool(height)
        sx.append([to_cell(sx, book, f"{c}{r}", v, w, top) for c, v, w in zip(cols, row, wrapping)], height)
    if not count:
        sx.append([])
        points += LINE_HEIGHT
    return count, points


def sample(items: Sequence[Any], n: int = WIDTH_SAMPLE) -> Sequence[Any]:
    """At most n items spread over the whole sequence, first and last included."""
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)] + [items[-1]]


def write_table_sheet(book: Book, title: str, headers: Sequence[str], rows: Optional[Sequence[Sequence[Any]]] = None,
                      *, items: Sequence[Any] = (), row: Optional[Callable[[Any], Sequence[Any]]] = None,
                      cap: int = 45, caps: Optional[dict[str, int]] = None, wrap: Sequence[str] = (),
                      freeze: str = "A2", decorate: Optional[Decorate] = None, print_through: Optional[str] = None,
                      collapsed: Sequence[str] = (), notes: Optional[dict[str, str]] = None,
                      measure_all: bool = False) -> list[str]:
    """One table over as many sheets as Excel's row limit needs (`Claims`, `Claims (2)`...).

    Either `rows`, or `items` and the function `row` that makes one row of an item: rows are then
    made as they are written and never held all at once; column widths are measured on a sample of
    them, or on all (`measure_all`: each row is then made twice). `collapsed` headers are grouped
    and hidden; `notes` comment headers.
    """
    if row is None:
        rows = list(rows or [])
        make, total, measured = (lambda: iter(rows)), len(rows), rows
    else:
        make, total = (lambda: map(row, items)), len(items)
        measured = map(row, items if measure_all else sample(items))
    headers = unique_headers(headers)
    col_widths = widths(headers, measured, cap, caps or {})
    per_sheet = max(1, book.limits.rows - 1)
    sheets = max(1, math.ceil(total / per_sheet))
    titles = []
    letters = {h: get_column_letter(i) for i, h in enumerate(headers, start=1)}
    stream = make()
    for n in range(1, sheets + 1):
        sx = new_sheet(book, title if n == 1 else f"{title} ({n})", col_widths, freeze)
        ws = sx.ws
        if collapsed:  # before the rows: write-only sheets write their columns with the first row
            ws.column_dimensions.group(letters[collapsed[0]], letters[collapsed[-1]], outline_level=1, hidden=True)
        written, _ = write_rows(sx, book, headers, islice(stream, per_sheet), set(wrap), col_widths, notes=notes)
        add_table(ws, book, ws.title, headers, 1, written)
        last = max(written, 1) + 1
        if print_through:
            ws.print_area = f"A1:{letters[print_through]}{last}"
        if decorate:
            decorate(ws, letters, 2, last)
        titles.append(ws.title)
    if sheets > 1:
        book.continued[title] = sheets
    return titles


def write_blocks_sheet(book: Book, title: str, blocks: Sequence[Block], *, cap: int = 45,
                       caps: Optional[dict[str, int]] = None, wrap: Sequence[str] = (), free_points: float = 0):
    """Several small tables stacked on one sheet, a blank row between; returns (ws, first rows).

    The blocks after the first start at least `free_points` below row 1, leaving room for a
    chart beside the first block.
    """
    width = max(len(b.headers) for b in blocks)
    col_widths = [6.0] * width
    for b in blocks:
        for i, w in enumerate(widths(b.headers, b.rows, cap, caps or {})):
            col_widths[i] = max(col_widths[i], w)
    sx = new_sheet(book, title, col_widths, "A2")
    ws = sx.ws
    starts, row = [], 1
    for b in blocks:
        room = book.limits.rows - row - 1
        if room < 1:
            book.left_out[ws.title] += len(b.rows)
            starts.append(None)
            continue
        if len(b.rows) > room:
            book.left_out[ws.title] += len(b.rows) - room
            b = b._replace(rows=b.rows[:room])
        headers = unique_headers(b.headers)
        starts.append(row)
        _, used = write_rows(sx, book, headers, b.rows, set(wrap), col_widths)
        add_table(ws, book, f"{ws.title}_{b.name}", headers, row, len(b.rows))
        row += max(len(b.rows), 1) + 1
        sx.append([])
        row += 1
        used += LINE_HEIGHT
        while len(starts) == 1 and used < free_points and row < book.limits.rows - 1:
            sx.append([])
            row += 1
            used += LINE_HEIGHT
    return ws, starts


def highlight(ws, area: str, formula: str, fill: PatternFill, font: Optional[Font] = None) -> None:
    ws.conditional_formatting.add(area, FormulaRule(formula=[formula], fill=fill, font=font, stopIfTrue=False))


def any_equal(cell: str, values: Sequence[str]) -> str:
    return "OR(" + ",".join(f'{cell}="{v}"' for v in values) + ")"


def readable(name: str, overrides: dict[str, str]) -> str:
    return overrides.get(name) or name.replace("_", " ").capitalize()


def plain_field(v: Any) -> Any:
    """A record field as a cell value: numbers stay numbers, tuples are listed, the rest is text."""
    if isinstance(v, float) and math.isfinite(v) and not v.is_integer():
        return Num(v, "#,##0.00" if abs(v) >= 1000 else "0.0###")
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v) or None
    if isinstance(v, dict):
        return "; ".join(f"{k}: {x}" for k, x in v.items()) or None
    return v
