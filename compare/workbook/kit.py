"""The sheet kit: cells with cached styles, tables over as many sheets as Excel's row limit needs,
column widths, conditional colours, data validation. Every sheet module writes through here."""
from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from copy import copy
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Optional, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from compare.cells import Limits, fit, highlighted, sheet_title, table_name, web_url
from compare.review import REVIEW_CHOICES
from compare.workbook.formats import (DATE_FORMAT, HEADER_FILL, HEADER_FONT, LINK_FONT, TOP, WRAP, Link, Noted, Num,
                                      Quote, display)

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
    styles: dict[tuple, Any] = field(default_factory=dict)
    left_out: Counter = field(default_factory=Counter)
    comments: Counter = field(default_factory=Counter)
    uncommented: Counter = field(default_factory=Counter)


def plain(text: str) -> bool:
    return not text.startswith("=") and text not in ERROR_CODES


FONTS = {"link": LINK_FONT, "header": HEADER_FONT}
ALIGNMENTS = {"wrap": WRAP, "top": TOP}


def make_cell(ws, book: Book, value: Any, *, fmt: Optional[str] = None, font: Optional[str] = None,
              align: Optional[str] = None, text: bool = False):
    """A cell with a style from the book's cache (setting styles one by one is slow at 100,000 rows)."""
    cell = WriteOnlyCell(ws, value=value)
    if text:
        cell.data_type = "s"
    key = (fmt, font, align)
    if key != (None, None, None):
        style = book.styles.get(key)
        if style is None:
            if fmt:
                cell.number_format = fmt
            if font:
                cell.font = FONTS[font]
            if font == "header":
                cell.fill = HEADER_FILL
            if align:
                cell.alignment = ALIGNMENTS[align]
            book.styles[key] = copy(cell._style)
        else:
            cell._style = copy(style)
    return cell


def text_value(ws, book: Book, text: str, align: Optional[str] = None, font: Optional[str] = None,
               as_cell: bool = False):
    """A string value openpyxl will store as text: raw when harmless, else a forced-string cell."""
    value, cut = fit(text, book.limits.cell_chars)
    if cut:
        book.truncated[ws.title] += 1
    if plain(value) and not (align or font or as_cell):
        return value
    return make_cell(ws, book, value, align=align, font=font, text=True)


def finite(value: float) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def to_cell(ws, book: Book, v: Any, wrap: bool, top: bool = False):
    """Turn one cell value (str, number, Num, Link, Quote, Noted) into what ws.append takes."""
    align = "wrap" if wrap else ("top" if top else None)
    if isinstance(v, Noted):
        cell = to_cell(ws, book, v.value, wrap, top)
        if not isinstance(cell, Cell):
            cell = make_cell(ws, book, cell, text=isinstance(cell, str))
        if v.comment and book.comments[ws.title] >= book.limits.comments:
            book.uncommented[ws.title] += 1
        elif v.comment:
            book.comments[ws.title] += 1
            cell.comment = Comment(fit(v.comment, book.limits.cell_chars)[0], "claim-compare", height=110, width=320)
        return cell
    if v is None:
        return None
    if isinstance(v, bool):
        return text_value(ws, book, "yes" if v else "no", align)
    if isinstance(v, (int, float)):
        if not finite(v):
            return text_value(ws, book, str(v), align)
        return make_cell(ws, book, v, align=align) if align else v
    if isinstance(v, datetime):
        return make_cell(ws, book, v, fmt=DATE_FORMAT, align=align)
    if isinstance(v, Num):
        if not finite(v.value):
            return text_value(ws, book, str(v.value), align)
        return make_cell(ws, book, v.value, fmt=v.fmt, align=align)
    if isinstance(v, Link):
        url = web_url(v.url)
        linked = bool(url) and book.links[ws.title] < book.limits.hyperlinks
        if url and not linked:
            book.unlinked[ws.title] += 1
        cell = text_value(ws, book, v.text, align, "link" if linked else None, as_cell=True)
        if linked:
            book.links[ws.title] += 1
            cell.hyperlink = url
        return cell
    if isinstance(v, Quote):
        rich, cut = highlighted(v.sentence, v.start, v.end, book.limits.cell_chars)
        if cut:
            book.truncated[ws.title] += 1
        return make_cell(ws, book, rich, align="wrap", text=True)
    return text_value(ws, book, v if isinstance(v, str) else str(v), align)


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


def new_sheet(book: Book, title: str, col_widths: Sequence[float], freeze: str):
    title = sheet_title(title, book.titles)
    book.titles.add(title)
    ws = book.wb.create_sheet(title)
    for i, w in enumerate(col_widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    return ws


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


def write_rows(ws, book: Book, headers: Sequence[str], rows: Iterable[Sequence[Any]], wrap: set[str],
               col_widths: Sequence[float], first_row: int = 1, notes: Optional[dict[str, str]] = None
               ) -> tuple[int, float]:
    """Header (with a comment on the headers `notes` explains) and rows; returns how many rows and
    their height in points (header left out)."""
    head = []
    for h in headers:
        cell = make_cell(ws, book, fit(h, 255)[0], font="header", text=True)
        if notes and notes.get(h):
            cell.comment = Comment(fit(notes[h], 2000)[0], "claim-compare", height=140, width=360)
        head.append(cell)
    ws.append(head)
    wrapping = [h in wrap for h in headers]
    wrapped = [(i, col_widths[i]) for i, w in enumerate(wrapping) if w]
    points, count = 0.0, 0
    for n, row in enumerate(rows, start=first_row + 1):
        height = row_height(row, wrapped) if wrapped else None
        if height:
            ws.row_dimensions[n].height = height
        points += height or LINE_HEIGHT
        count += 1
        ws.append([to_cell(ws, book, v, w, bool(height)) for v, w in zip(row, wrapping)])
    if not count:
        ws.append([None])
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
                      collapsed: Sequence[str] = (), notes: Optional[dict[str, str]] = None) -> list[str]:
    """One table over as many sheets as Excel's row limit needs (`Claims`, `Claims (2)`...).

    Either `rows`, or `items` and the function `row` that makes one row of an item: rows are then
    made once, as they are written (column widths are measured on a sample of them), and never
    held all at once. `collapsed` headers are grouped and hidden; `notes` comment headers.
    """
    if row is None:
        rows = list(rows or [])
        make, total, measured = (lambda: iter(rows)), len(rows), rows
    else:
        make, total, measured = (lambda: map(row, items)), len(items), map(row, sample(items))
    headers = unique_headers(headers)
    col_widths = widths(headers, measured, cap, caps or {})
    per_sheet = max(1, book.limits.rows - 1)
    sheets = max(1, math.ceil(total / per_sheet))
    titles = []
    letters = {h: get_column_letter(i) for i, h in enumerate(headers, start=1)}
    stream = make()
    for n in range(1, sheets + 1):
        ws = new_sheet(book, title if n == 1 else f"{title} ({n})", col_widths, freeze)
        if collapsed:  # before the rows: write-only sheets write their columns with the first row
            ws.column_dimensions.group(letters[collapsed[0]], letters[collapsed[-1]], outline_level=1, hidden=True)
        written, _ = write_rows(ws, book, headers, islice(stream, per_sheet), set(wrap), col_widths, notes=notes)
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
    ws = new_sheet(book, title, col_widths, "A2")
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
        _, used = write_rows(ws, book, headers, b.rows, set(wrap), col_widths, row)
        add_table(ws, book, f"{ws.title}_{b.name}", headers, row, len(b.rows))
        row += max(len(b.rows), 1) + 1
        ws.append([])
        row += 1
        used += LINE_HEIGHT
        while len(starts) == 1 and used < free_points and row < book.limits.rows - 1:
            ws.append([])
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


def review_validation(ws, area: str) -> None:
    dv = DataValidation(type="list", formula1='"' + ",".join(REVIEW_CHOICES) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Review",
                        error="Choose one of: " + ", ".join(REVIEW_CHOICES),
                        promptTitle="Review", prompt="Did the claim read right?", showInputMessage=True)
    dv.add(area)
    ws.data_validations.append(dv)
