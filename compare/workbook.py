"""The analyst's workbook: claims, comparisons and sources as formatted, safe, deterministic .xlsx.

Sheets: Summary, Claims, Comparisons, Side by side, Matrix, Sources, Unclaimed numbers, Rules
(and Retired claims once a review outlives its claim). Each is an Excel table with a frozen
header and print setup. The review columns of a previous export at the same path are carried
over (compare.review). Written with openpyxl's write-only mode so 100,000 claims fit in memory,
into a temporary file that replaces the target only when complete.
"""
from __future__ import annotations

import math
import os
import tempfile
import warnings
from collections import Counter, defaultdict
from copy import copy
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Optional, Sequence
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.chart import BarChart, Reference as ChartRef
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.writer.excel import ExcelWriter
from pydantic import BaseModel, ConfigDict

from compare import __version__
from compare.cells import Limits, clean, fit, highlighted, sheet_title, table_name, web_url
from compare.errors import Problem, UserError
from compare.models import Article, Claim, Comparison, Unclaimed
from compare.references import Reference
from compare.review import (
    CLAIMS_SHEET, FLAGGED_REVIEWS, FORMAT_VERSION, ID_HEADER, MARKER_NAME, MARKER_PROPERTY,
    NOTE_HEADER, RETIRED_HEADER, RETIRED_SHEET, REVIEW_CHOICES, REVIEW_HEADER, CarriedReviews,
    Review, carry_reviews, lock_file, read_reviews,
)
from compare.rules import Locations, RuleSet

FLAGGED_VERDICTS = ("inconsistent", "disagree", "unverifiable")
GOOD_VERDICTS = ("consistent", "agree", "close")
CHART_QUANTITY = "training_cost"
CHART_BARS = 20
POINTS_PER_CM = 28.35
CURRENCY_PREFIX = {"USD": "$", "GBP": "£"}
CURRENCY_SUFFIX = {"EUR": "€"}
QUALIFIER_PREFIX = {">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "~": "~ "}
EARLIEST = datetime(1980, 1, 1)

RED = PatternFill("solid", fgColor="FFC7CE")
ORANGE = PatternFill("solid", fgColor="FFE0B2")
GREEN = PatternFill("solid", fgColor="C6EFCE")
DARK_RED = Font(name="Calibri", color="9C0006")
LINK_FONT = Font(name="Calibri", color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="4472C4")
LINE_HEIGHT = 15
MAX_ROW_HEIGHT = 409


class WorkbookResult(BaseModel):
    """What an export wrote: counts per sheet, what happened to reviews, and warnings to show."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    sheets: tuple[str, ...]
    articles: int
    claims: int
    unclaimed: int
    comparisons: int
    reviews_carried: int
    reviews_retired: int
    reviews_restored: int
    truncated_cells: int
    warnings: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [f"wrote {self.path}: {self.claims} claims from {self.articles} articles, "
                 f"{self.comparisons} comparisons, {self.unclaimed} unclaimed numbers; reviews: "
                 f"{self.reviews_carried} carried over, {self.reviews_retired} retired, "
                 f"{self.reviews_restored} restored"]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


# --- cell values -------------------------------------------------------------------------------

class Num(NamedTuple):
    value: float
    fmt: str


class Link(NamedTuple):
    text: str
    url: Optional[str]


class Quote(NamedTuple):
    sentence: str
    start: int
    end: int


class Noted(NamedTuple):
    value: Any
    comment: str


def decimals(v: float, most: int = 4) -> int:
    """Decimal places needed to show v (at most `most`)."""
    for d in range(most + 1):
        if abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v)):
            return d
    return most


def is_percent(unit: Optional[str], kind: str) -> bool:
    return kind == "percent" or unit in ("percent", "%")


def is_ratio(unit: Optional[str], kind: str) -> bool:
    return kind == "ratio" or unit == "x"


def stored(value: Optional[float], unit: Optional[str], kind: str) -> Optional[float]:
    """The number as Excel holds it: percents as fractions (30 % -> 0.3)."""
    if value is None:
        return None
    return value / 100 if is_percent(unit, kind) else value


def quoted(text: str) -> str:
    return '"' + clean(text).replace('"', "'").replace("\\", "/") + '"'


def unit_format(unit: Optional[str], kind: str, value: float, per: Optional[str] = None,
                qualifier: str = "=", tail: str = "") -> str:
    """An Excel number format that shows the unit: "$"#,##0, #,##0 "€", 0%, 0.0"x", #,##0 "GPU-h"."""
    d = decimals(value)
    digits = "#,##0" + ("." + "0" * min(d, 2) if d else "")
    if is_percent(unit, kind):
        d = decimals(value * 100, 2)
        fmt = "0" + ("." + "0" * d if d else "") + "%"
    elif is_ratio(unit, kind):
        fmt = "0." + "0" * max(1, min(decimals(value), 2)) + quoted("x")
    elif unit in CURRENCY_PREFIX:
        fmt = quoted(CURRENCY_PREFIX[unit]) + digits
    elif unit in CURRENCY_SUFFIX:
        fmt = digits + " " + quoted(CURRENCY_SUFFIX[unit])
    elif unit and unit.lower().replace(" ", "-").startswith("gpu-h"):
        fmt = digits + " " + quoted("GPU-h")
    elif unit:
        fmt = digits + " " + quoted(unit)
    else:
        fmt = digits
    if per:
        fmt += quoted(f" per {per}")
    if tail:
        fmt += quoted(tail)
    if qualifier in QUALIFIER_PREFIX:
        fmt = quoted(QUALIFIER_PREFIX[qualifier]) + fmt
    return fmt


def display(value: Optional[float], unit: Optional[str], kind: str, per: Optional[str] = None) -> str:
    """The number as an analyst reads it in text: $5,570,000, 30%, 11x, 2,788,000 GPU-h."""
    if value is None:
        return ""
    if is_percent(unit, kind):
        return f"{value:,.{decimals(value, 2)}f}%"
    if is_ratio(unit, kind):
        return f"{value:,.{decimals(value, 2)}f}x"
    text = f"{value:,.{min(decimals(value), 2)}f}"
    if unit in CURRENCY_PREFIX:
        text = CURRENCY_PREFIX[unit] + text
    elif unit in CURRENCY_SUFFIX:
        text = f"{text} {CURRENCY_SUFFIX[unit]}"
    elif unit:
        text = f"{text} {unit}"
    return text + (f" per {per}" if per else "")


def amount(value: Optional[float], unit: Optional[str], kind: str, per: Optional[str] = None,
           qualifier: str = "=", tail: str = "") -> Optional[Num]:
    v = stored(value, unit, kind)
    return None if v is None else Num(v, unit_format(unit, kind, v, per, qualifier, tail))


def relation(c: Claim) -> str:
    """What a ratio is relative to, to show beside it: " less than Llama 3"."""
    if not (is_ratio(c.unit, c.kind) and (c.direction or c.versus)):
        return ""
    return f" {c.direction or 'vs'}" + (f" than {c.versus}" if c.versus and c.direction else
                                       f" {c.versus}" if c.versus else "")


# --- the workbook being written ----------------------------------------------------------------

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
        return len(display(v.value, None, "number")) + 4
    if isinstance(v, Link):
        return len(v.text)
    if isinstance(v, Quote):
        return len(v.sentence)
    if isinstance(v, float):
        return len(f"{v:,.2f}")
    return len(str(v))


def widths(headers: Sequence[str], rows: Iterable[Sequence[Any]], cap: int, caps: dict[str, int]) -> list[float]:
    best = [len(h) + 3 for h in headers]
    for row in rows:
        for i, v in enumerate(row):
            n = shown_length(v)
            if n > best[i]:
                best[i] = n
    return [min(max(b, 6), caps.get(h, cap)) + 1 for h, b in zip(headers, best)]


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
               col_widths: Sequence[float], first_row: int = 1) -> tuple[int, float]:
    """Header and rows; returns how many rows and their height in points (header left out)."""
    ws.append([make_cell(ws, book, fit(h, 255)[0], font="header", text=True) for h in headers])
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


def write_table_sheet(book: Book, title: str, headers: Sequence[str],
                      rows: Sequence[Sequence[Any]] | Callable[[], Iterator[Sequence[Any]]], *,
                      count: Optional[int] = None, cap: int = 45, caps: Optional[dict[str, int]] = None,
                      wrap: Sequence[str] = (), freeze: str = "A2", decorate: Optional[Decorate] = None,
                      print_through: Optional[str] = None) -> list[str]:
    """One table over as many sheets as Excel's row limit needs (`Claims`, `Claims (2)`...).

    `rows` may be a function giving the rows afresh (with `count`): they are then made twice,
    once for the column widths and once to write, and never held all at once.
    """
    make = rows if callable(rows) else (lambda: iter(rows))
    total = count if callable(rows) else len(rows)
    headers = unique_headers(headers)
    col_widths = widths(headers, make(), cap, caps or {})
    per_sheet = max(1, book.limits.rows - 1)
    sheets = max(1, math.ceil(total / per_sheet))
    titles = []
    letters = {h: get_column_letter(i) for i, h in enumerate(headers, start=1)}
    stream = make()
    for n in range(1, sheets + 1):
        ws = new_sheet(book, title if n == 1 else f"{title} ({n})", col_widths, freeze)
        written, _ = write_rows(ws, book, headers, islice(stream, per_sheet), set(wrap), col_widths)
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


# --- sheets -----------------------------------------------------------------------------------

CLAIM_FIRST = ["id", "review", "analyst_note", "article", "entity", "quantity", "value", "low", "high",
               "unit", "qualifier", "per", "versus", "direction", "text", "sentence", "reference",
               "off_by"]
CLAIM_HEADERS = {"id": ID_HEADER, "review": REVIEW_HEADER, "analyst_note": NOTE_HEADER,
                 "text": "Claimed text", "sentence": "Quote", "note": "Extractor note",
                 "lang": "Language", "off_by": "Off by", "reference": "Reference"}


def readable(name: str, overrides: dict[str, str]) -> str:
    return overrides.get(name) or name.replace("_", " ").capitalize()


def claim_comment(c: Claim) -> str:
    parts = [f"rule: {c.rule}"]
    if c.cue:
        parts.append(f"cue: {c.cue}")
    if c.why:
        parts.append(f"why: {c.why}")
    return "\n".join(parts)


def reference_for(c_entity: Optional[str], quantity: str, unit: Optional[str], per: Optional[str],
                  refs: dict, rules: RuleSet) -> Optional[Reference]:
    """The primary-source figure for this entity (or the one it refers to) and quantity, same unit."""
    names = [c_entity]
    ent = rules.entity(c_entity) if c_entity else None
    if ent and ent.refers_to:
        names.append(ent.refers_to)
    for name in names:
        for r in refs.get((name, quantity), ()):
            if r.unit == unit and r.per == per:
                return r
    return None


def claims_sheet(book: Book, claims: Sequence[Claim], articles: dict[str, Article],
                 carried: CarriedReviews, refs: dict, rules: RuleSet) -> list[str]:
    fields = list(CLAIM_FIRST) + [f for f in Claim.model_fields if f not in CLAIM_FIRST]
    headers = [readable(f, CLAIM_HEADERS) for f in fields]
    tolerance = rules.settings.approx_tolerance

    def row(c: Claim) -> list[Any]:
        data = c.model_dump()
        rv = carried.by_claim.get(c.id)
        ref = None if is_ratio(c.unit, c.kind) or c.value is None else \
            reference_for(c.entity, c.quantity, c.unit, c.per, refs, rules)
        extra = {
            "review": rv.review if rv else "unchecked",
            "analyst_note": rv.note if rv else None,
            "article": Link(c.article, articles[c.article].url if c.article in articles else None),
            "value": amount(c.value, c.unit, c.kind, c.per),
            "low": amount(c.low, c.unit, c.kind, c.per),
            "high": amount(c.high, c.unit, c.kind, c.per),
            "text": Noted(c.text, claim_comment(c)),
            "sentence": quote_of(c),
            "reference": amount(ref.value, ref.unit, c.kind, ref.per) if ref else None,
            "off_by": Num(c.value / ref.value - 1, "+0.0%;-0.0%;0.0%") if ref and ref.value else None,
        }
        return [extra[f] if f in extra else plain_field(data.get(f)) for f in fields]

    def decorate(ws, col, first, last):
        whole = f"A{first}:{get_column_letter(len(headers))}{last}"
        review = f"${col[REVIEW_HEADER]}{first}"
        highlight(ws, whole, any_equal(review, FLAGGED_REVIEWS), RED, DARK_RED)
        highlight(ws, f"{col[REVIEW_HEADER]}{first}:{col[REVIEW_HEADER]}{last}", f'{review}="confirmed"', GREEN)
        off = f"${col['Off by']}{first}"
        far = f"AND(ISNUMBER({off}),ABS({off})>{tolerance})"
        for h in ("Value", "Reference", "Off by"):
            highlight(ws, f"{col[h]}{first}:{col[h]}{last}", far, ORANGE)
        review_validation(ws, f"{col[REVIEW_HEADER]}{first}:{col[REVIEW_HEADER]}{last}")

    return write_table_sheet(book, CLAIMS_SHEET, headers, lambda: map(row, claims), count=len(claims),
                             freeze="B2", wrap=["Quote", "Why"],
                             caps={"Quote": 80, "Note": 30, "Why": 50, "Claimed text": 30}, decorate=decorate,
                             print_through="Off by")


def quote_of(c: Claim) -> Quote | str:
    """The claim's sentence with its text located: by offsets when they match, else by search."""
    start, end = c.start - c.sentence_start, c.end - c.sentence_start
    if c.sentence[max(start, 0):max(end, 0)] != c.text:
        start = c.sentence.find(c.text) if c.text else -1
        end = start + len(c.text)
    return Quote(c.sentence, start, end) if start >= 0 else c.sentence


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


def comparisons_sheet(book: Book, comparisons: Sequence[Comparison]) -> list[str]:
    fields: list[str] = list(Comparison.model_fields)
    for c in comparisons:
        fields += [f for f in type(c).model_fields if f not in fields]
    headers = [readable(f, {"id": "Comparison id", "left_ids": "Left claims", "right_ids": "Right claims",
                            "spread_pct": "Spread %"}) for f in fields]
    rows = [[plain_field(getattr(c, f, None)) for f in fields] for c in comparisons]

    def decorate(ws, col, first, last):
        verdict = f"${col['Verdict']}{first}"
        whole = f"A{first}:{get_column_letter(len(headers))}{last}"
        highlight(ws, whole, any_equal(verdict, FLAGGED_VERDICTS), RED, DARK_RED)
        highlight(ws, f"{col['Verdict']}{first}:{col['Verdict']}{last}", any_equal(verdict, GOOD_VERDICTS), GREEN)

    long = {"Left": 36, "Right": 36, "Reason": 50, "Figures used": 40}
    return write_table_sheet(book, "Comparisons", headers, rows, wrap=list(long), caps=long, decorate=decorate,
                             print_through="Reason" if "Reason" in headers else None)


def side_by_side_sheet(book: Book, claims: Sequence[Claim], comparisons: Sequence[Comparison],
                       refs: dict, rules: RuleSet, order: dict[str, int]) -> list[str]:
    """Per quantity and entity: each source's figure, the reference, and the comparisons' verdicts."""
    sources = sorted({c.article for c in claims if c.value is not None})
    cells: dict[tuple, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.value is not None:
            cells[(c.quantity, c.entity or "", c.unit or "", c.per or "", c.versus or "")][c.article].append(c)
    for (entity, quantity), rs in refs.items():
        for r in rs:
            cells.setdefault((quantity, entity, r.unit or "", r.per or "", ""), defaultdict(list))
    verdicts: dict[tuple, list[str]] = defaultdict(list)
    for cmp in comparisons:
        verdicts[(cmp.quantity, cmp.entity or "")].append(f"{cmp.verdict} ({cmp.id})")
    fixed = ["Quantity", "Entity", "Unit", "Per", "Versus"]
    headers = unique_headers(fixed + sources + ["Reference", "Reference source", "Comparisons"])
    rows = []
    for key in sorted(cells, key=lambda k: (order.get(k[0], len(order)), k)):
        quantity, entity, unit, per, versus = key
        row: list[Any] = [quantity, entity or None, unit or None, per or None, versus or None]
        for s in sources:
            found = cells[key].get(s, [])
            if len(found) == 1:
                c = found[0]
                row.append(amount(c.value, c.unit, c.kind, None, c.qualifier, relation(c)))
            else:
                row.append("; ".join(sorted({display(c.value, c.unit, c.kind) for c in found})) or None)
        kind = next((c.kind for cs in cells[key].values() for c in cs), "number")
        ref = None if versus else reference_for(entity or None, quantity, unit or None, per or None, refs, rules)
        row.append(amount(ref.value, ref.unit, kind, None, ref.qualifier) if ref else None)
        row.append(Link(ref.source.title, ref.source.url) if ref else None)
        row.append("; ".join(verdicts.get((quantity, entity), [])) or None)
        rows.append(row)

    def decorate(ws, col, first, last):
        cell = f"${col[headers[-1]]}{first}"
        test = "OR(" + ",".join(f'ISNUMBER(SEARCH("{v}",{cell}))' for v in FLAGGED_VERDICTS) + ")"
        highlight(ws, f"A{first}:{get_column_letter(len(headers))}{last}", test, RED)

    return write_table_sheet(book, "Side by side", headers, rows, cap=30, decorate=decorate)


def matrix_sheet(book: Book, claims: Sequence[Claim], order: dict[str, int]) -> list[str]:
    """Entities by quantity: the value, or "min – max" when the sources differ."""
    quantities = sorted({c.quantity for c in claims if c.value is not None}, key=lambda q: (order.get(q, len(order)), q))
    by_pair: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.value is not None:
            by_pair[(c.entity or "(no entity)", c.quantity)].append(c)
    entities = sorted({e for e, _ in by_pair})
    rows = []
    for e in entities:
        row: list[Any] = [e]
        for q in quantities:
            found = by_pair.get((e, q), [])
            kinds = {(c.unit, c.kind, c.per) for c in found}
            values = sorted({c.value for c in found})
            if not found:
                row.append(None)
            elif len(kinds) == 1 and len(values) == 1:
                c = found[0]
                quals = {x.qualifier for x in found}
                row.append(amount(c.value, c.unit, c.kind, c.per, c.qualifier if len(quals) == 1 else "=",
                                  relation(c) if len({relation(x) for x in found}) == 1 else ""))
            elif len(kinds) == 1:
                unit, kind, per = next(iter(kinds))
                row.append(f"{display(values[0], unit, kind)} – {display(values[-1], unit, kind, per)}")
            else:
                row.append("; ".join(sorted({display(c.value, c.unit, c.kind, c.per) for c in found})))
        rows.append(row)
    return write_table_sheet(book, "Matrix", ["Entity"] + quantities, rows, cap=28)


def sources_sheet(book: Book, articles: Sequence[Article], claims: Sequence[Claim],
                  unclaimed: Sequence[Unclaimed]) -> list[str]:
    n_claims = Counter(c.article for c in claims)
    n_unclaimed = Counter(u.article for u in unclaimed)
    headers = ["Article", "Title", "URL", "Author", "Date", "Language", "Claims", "Unclaimed numbers", "File"]
    rows = [[a.id, a.title, Link(a.url, a.url) if a.url else None, a.author, a.date, a.lang,
             n_claims[a.id], n_unclaimed[a.id], a.path] for a in articles]
    return write_table_sheet(book, "Sources", headers, rows, caps={"URL": 60, "Title": 50})


def unclaimed_sheet(book: Book, unclaimed: Sequence[Unclaimed]) -> list[str]:
    headers = ["Article", "Text", "Value", "Unit", "Kind", "Quote", "Reason", "Start", "End"]

    def row(u: Unclaimed) -> list[Any]:
        at = u.sentence.find(u.text) if u.text else -1
        quote = Quote(u.sentence, at, at + len(u.text)) if at >= 0 else u.sentence
        return [u.article, u.text, amount(u.value, u.unit, u.kind), u.unit, u.kind, quote, u.reason, u.start, u.end]

    return write_table_sheet(book, "Unclaimed numbers", headers, lambda: map(row, unclaimed), count=len(unclaimed),
                             wrap=["Quote", "Reason"], caps={"Quote": 80, "Reason": 40})


def rules_sheet(book: Book, rules: RuleSet, references: Sequence[Reference],
                locations: Optional[Locations] = None) -> list[str]:
    headers = ["What", "Name", "Details", "Language", "Words", "Where"]
    loc = locations or Locations()

    def where(table: dict, key: str) -> Optional[str]:
        found = table.get(key)
        return f"{found.file}:{found.line}" if found else None

    rows: list[list[Any]] = []
    for q in rules.quantities:
        details = f"{q.label or q.id}; measures: {', '.join(q.measures)}" + (f"; units: {', '.join(q.units)}" if q.units else "")
        if not q.target:
            details += "; absorbs numbers only"
        if q.entity_kinds:
            details += f"; said of: {', '.join(q.entity_kinds)}"
        at = where(loc.quantities, q.id)
        langs = sorted(q.cues) or [None]
        for lang in langs:
            rows.append(["quantity", q.id, details, lang, ", ".join(q.cues.get(lang, [])) if lang else None, at])
        for lang in sorted(q.weak_cues):
            rows.append(["quantity, weak cues", q.id, None, lang, ", ".join(q.weak_cues[lang]), at])
        for p in q.patterns:
            rows.append(["quantity pattern", q.id, None, p.lang, p.regex, at])
    for e in rules.entities:
        details = e.kind + (f"; of {e.organisation}" if e.organisation else "") + \
            (f"; figures of {e.refers_to}" if e.refers_to else "")
        rows.append(["entity", e.name, details, None, ", ".join(e.aliases + e.patterns) or None, where(loc.entities, e.name)])
    for f in rules.families:
        rows.append(["family", f.name, f.kind + (f"; of {f.organisation}" if f.organisation else ""), None, f.pattern,
                     where(loc.families, f.name)])
    for r in references:
        rows.append(["reference", r.id, f"{r.entity} {r.quantity} {r.qualifier} {display(r.value, r.unit, 'number', r.per)}",
                     None, Link(r.source.title, r.source.url), where(loc.references, r.id)])
    for path in rules.files:
        rows.append(["rule file", path, None, None, None, None])
    return write_table_sheet(book, "Rules", headers, rows, wrap=["Words"], caps={"Words": 80, "Details": 50})


def retired_sheet(book: Book, retired: Sequence[Review]) -> list[str]:
    headers = [ID_HEADER, REVIEW_HEADER, NOTE_HEADER, RETIRED_HEADER, "Article", "Entity", "Quantity",
               "Value", "Unit", "Claimed text", "Quote"]
    rows = [[r.claim, r.review, r.note, r.retired, r.article, r.entity, r.quantity, r.value, r.unit, r.text,
             r.sentence] for r in retired]

    def decorate(ws, col, first, last):
        review_validation(ws, f"{col[REVIEW_HEADER]}{first}:{col[REVIEW_HEADER]}{last}")

    return write_table_sheet(book, RETIRED_SHEET, headers, rows, wrap=["Quote"], caps={"Quote": 80},
                             decorate=decorate)


def chart_quantity(claims: Sequence[Claim], preferred: str = CHART_QUANTITY) -> Optional[str]:
    """Training cost if claimed, else the quantity with most claims (ties: first by id)."""
    counts = Counter(c.quantity for c in claims if c.value is not None and c.value > 0 and c.entity)
    if not counts:
        return None
    if counts.get(preferred):
        return preferred
    return min(counts, key=lambda q: (-counts[q], q))


def summary_sheet(book: Book, run: list[list[Any]], claims: Sequence[Claim], rules: RuleSet,
                  order: dict[str, int]) -> None:
    per_q: dict[str, list[Claim]] = defaultdict(list)
    per_e: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        per_q[c.quantity].append(c)
        per_e[c.entity or "(no entity)"].append(c)
    q_rows = [[q, (rules.quantity(q).label if rules.quantity(q) else None), len(cs),
               len({c.entity for c in cs if c.entity}), len({c.article for c in cs})]
              for q, cs in sorted(per_q.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]
    e_rows = [[e, len(cs), len({c.quantity for c in cs}), len({c.article for c in cs})]
              for e, cs in sorted(per_e.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    blocks = [Block("run", ["Item", "Value"], run),
              Block("quantities", ["Quantity", "Label", "Claims", "Entities", "Articles"], q_rows),
              Block("entities", ["Entity", "Claims", "Quantities", "Articles"], e_rows)]
    qid = chart_quantity(claims)
    chart_rows: list[list[Any]] = []
    two = False
    unit = kind = None
    if qid:
        chosen = [c for c in claims if c.quantity == qid and c.value is not None and c.value > 0 and c.entity]
        unit, kind = Counter((c.unit, c.kind) for c in chosen).most_common(1)[0][0]
        by_entity: dict[str, list[float]] = defaultdict(list)
        for c in chosen:
            if (c.unit, c.kind) == (unit, kind):
                by_entity[c.entity].append(stored(c.value, c.unit, c.kind))
        for e, vs in sorted(by_entity.items(), key=lambda kv: (-max(kv[1]), kv[0])):
            fmt = unit_format(unit, kind, max(vs))
            chart_rows.append([e, Num(min(vs), fmt), Num(max(vs), fmt)])
            two = two or min(vs) != max(vs)
        label = (rules.quantity(qid).label if rules.quantity(qid) else None) or qid
        blocks.append(Block("chart", ["Entity", "Lowest claim", "Highest claim"], chart_rows))
    shown = min(len(chart_rows), CHART_BARS)
    height_cm = max(7.5, min(12, 2.5 + 0.8 * shown))
    ws, starts = write_blocks_sheet(book, "Summary", blocks, caps={"Value": 36}, wrap=["Value"],
                                    free_points=height_cm * POINTS_PER_CM if chart_rows else 0)
    if chart_rows and starts[-1] is not None:
        first = starts[-1]
        last = first + min(shown, book.limits.rows - first)
        chart = BarChart()
        chart.type = "bar"
        chart.style = 10
        top = f"top {shown} of {len(chart_rows)}, " if shown < len(chart_rows) else ""
        chart.title = clean(f"{label} by entity ({top}{unit or 'value'}, log scale)")
        chart.y_axis.scaling.logBase = 10
        chart.y_axis.number_format = unit_format(unit, kind, 1)
        chart.x_axis.scaling.orientation = "maxMin"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        data = ChartRef(ws, min_col=2, max_col=3 if two else 2, min_row=first, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(ChartRef(ws, min_col=1, min_row=first + 1, max_row=last))
        if not two:
            chart.legend = None
        chart.width = 15
        chart.height = height_cm
        ws.add_chart(chart, "D2")


# --- run time, saving --------------------------------------------------------------------------

def parse_time(text: str) -> Optional[datetime]:
    text = text.strip().replace(" ", "T", 1)
    for candidate in (text, text[:19], text[:10]):
        try:
            return datetime.fromisoformat(candidate).replace(tzinfo=None)
        except ValueError:
            continue
    return None


def run_time(now: Optional[str], articles: Sequence[Article]) -> datetime:
    """The time written into the workbook: `now` if given, else the newest article date."""
    if now:
        t = parse_time(now)
        if t is None:
            raise UserError(Problem(f"--now {now!r} is not a date; write it like 2025-01-24 or 2025-01-24T11:30:00"))
    else:
        dates = [d for d in (parse_time(a.date) for a in articles if a.date) if d]
        t = max(dates) if dates else EARLIEST
    return min(max(t, EARLIEST), datetime(2107, 12, 31, 23, 59, 58))


class StampedZip(ZipFile):
    """The archive openpyxl writes into, with one fixed date on every entry (same input, same bytes).

    It also writes a carriage return inside XML as `&#13;`: a raw CR would be read back as a line
    feed, changing the text of a cell that held one.
    """

    def __init__(self, file, stamp: datetime):
        super().__init__(file, "w", ZIP_DEFLATED, allowZip64=True)
        self.stamp = stamp.timetuple()[:6]

    def info(self, name: str) -> ZipInfo:
        zi = ZipInfo(name, self.stamp)
        zi.compress_type = ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        zi.create_system = 3
        return zi

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        if isinstance(data, str):
            data = data.encode("utf-8")
        if name.endswith((".xml", ".rels", ".vml")):
            data = data.replace(b"\r", b"&#13;")
        super().writestr(self.info(name), data)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        name = arcname or os.path.basename(filename)
        big = os.path.getsize(filename) > (1 << 30)
        with open(filename, "rb") as src, self.open(self.info(name), "w", force_zip64=big) as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk.replace(b"\r", b"&#13;") if name.endswith(".xml") else chunk)


def save_atomically(wb: Workbook, path: Path, stamp: datetime) -> None:
    """Write to a temporary file beside `path`, then replace it: the old file survives any failure."""
    wb.properties.created = stamp
    wb.properties.modified = stamp
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        abandon(wb)
        raise UserError(Problem(f"cannot write in {path.parent}: {e.strerror}", file=str(path))) from e
    try:
        with os.fdopen(fd, "wb") as fh:
            archive = StampedZip(fh, stamp)
            try:
                ExcelWriter(wb, archive).save()
            except BaseException:
                archive.close()
                abandon(wb)
                raise
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~current_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except PermissionError as e:
        raise UserError(Problem(f"cannot replace the workbook: {e.strerror} (is it open in Excel or "
                                "read-only?); close it and export again", file=str(path))) from e
    except OSError as e:
        raise UserError(Problem(f"cannot write the workbook: {e.strerror or e}; the previous one is unchanged",
                                file=str(path))) from e
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def abandon(wb: Workbook) -> None:
    """Close and delete the half-written sheet streams of a failed save (else they fail when collected)."""
    for ws in wb.worksheets:
        if getattr(ws, "closed", True):
            continue
        for step in (lambda: ws._rows and ws._rows.close(), lambda: ws._writer and ws._writer.close(),
                     lambda: ws._writer and ws._writer.cleanup()):
            try:
                step()
            except Exception:
                pass


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_workbook(path, *, articles: Sequence[Article], claims: Sequence[Claim],
                   unclaimed: Sequence[Unclaimed], comparisons: Sequence[Comparison], rules: RuleSet,
                   now: Optional[str], references: Sequence[Reference] = (),
                   limits: Limits = Limits(), locations: Optional[Locations] = None) -> WorkbookResult:
    """Write the analyst's workbook at `path`, carrying over the review of the workbook already there.

    Raises UserError (and leaves the old file as it was) if the target is open, not ours, or its
    review cannot be carried over.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(Problem("the workbook must be an .xlsx file", file=str(path)))
    if not path.parent.is_dir():
        raise UserError(Problem(f"the folder {path.parent} does not exist", file=str(path)))
    lock = lock_file(path)
    if lock:
        raise UserError(Problem(f"the workbook is open in another program (lock file {lock.name}); "
                                "close it and export again", file=str(path)))
    stamp = run_time(now, articles)
    previous = read_reviews(path)
    claims = sorted(claims, key=lambda c: (c.article, c.start, c.end, c.id))
    unclaimed = sorted(unclaimed, key=lambda u: (u.article, u.start, u.end, u.text))
    articles = sorted(articles, key=lambda a: a.id)
    carried = carry_reviews(previous, [c.id for c in claims], stamp.date().isoformat())
    refs_used = list(references) or list(rules.references)
    refs: dict[tuple[str, str], list[Reference]] = defaultdict(list)
    for r in sorted(refs_used, key=lambda r: r.id):
        refs[(r.entity, r.quantity)].append(r)
    order = {q.id: i for i, q in enumerate(rules.quantities)}
    by_id = {a.id: a for a in articles}

    wb = Workbook(write_only=True)
    wb.properties.creator = "claim-compare"
    wb.properties.title = "Claims"
    wb.custom_doc_props.append(StringProperty(name=MARKER_PROPERTY, value=FORMAT_VERSION))
    wb.custom_doc_props.append(StringProperty(name="claim-compare version", value=__version__))
    wb.defined_names[MARKER_NAME] = DefinedName(MARKER_NAME, attr_text=f'"{FORMAT_VERSION}"', hidden=True)
    book = Book(wb, limits)
    run = [["claim-compare version", __version__],
           ["Generated", stamp.date().isoformat() if stamp.time() == datetime.min.time() else stamp.isoformat(sep=" ")],
           ["Articles", len(articles)],
           ["Claims", len(claims)],
           ["Comparisons", len(comparisons)],
           ["Unclaimed numbers", len(unclaimed)],
           ["Rule files", "; ".join(rules.files) or None],
           ["References", f"{len(refs_used)}: " + ", ".join(r.id for r in refs_used) if refs_used else 0],
           ["Reviews", f"{carried.carried} carried over, {carried.newly_retired} retired, "
                       f"{carried.restored} restored"]]
    summary_sheet(book, run, claims, rules, order)
    claims_sheet(book, claims, by_id, carried, refs, rules)
    comparisons_sheet(book, comparisons)
    side_by_side_sheet(book, claims, comparisons, refs, rules, order)
    matrix_sheet(book, claims, order)
    sources_sheet(book, articles, claims, unclaimed)
    unclaimed_sheet(book, unclaimed)
    rules_sheet(book, rules, refs_used, locations)
    if carried.retired:
        retired_sheet(book, carried.retired)

    alerts: list[str] = []
    for title, n in book.continued.items():
        alerts.append(f"{title}: more rows than Excel's {limits.rows:,} per sheet; continued on "
                      f"{', '.join(f'{title} ({i})' for i in range(2, n + 1))}")
    for title, n in sorted(book.left_out.items()):
        alerts.append(f"{title}: {n:,} rows left out to stay within Excel's {limits.rows:,} rows per sheet")
    for title, n in sorted(book.unlinked.items()):
        alerts.append(f"{title}: {n:,} links beyond Excel's {limits.hyperlinks:,} per sheet are plain text")
    for title, n in sorted(book.uncommented.items()):
        alerts.append(f"{title}: only the first {limits.comments:,} rows have a comment with the rule and cue; "
                      f"the other {n:,} have them in the Rule, Cue and Why columns")
    for title, n in sorted(book.truncated.items()):
        alerts.append(f"{title}: {n:,} cells longer than Excel's {limits.cell_chars:,} characters were cut "
                      "(marked '…characters cut')")
    sheets = tuple(ws.title for ws in wb.worksheets)
    save_atomically(wb, path, stamp)
    return WorkbookResult(path=str(path), sheets=sheets, articles=len(articles), claims=len(claims),
                          unclaimed=len(unclaimed), comparisons=len(comparisons),
                          reviews_carried=carried.carried, reviews_retired=len(carried.retired),
                          reviews_restored=carried.restored, truncated_cells=sum(book.truncated.values()),
                          warnings=tuple(alerts))
