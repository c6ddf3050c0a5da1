"""The yardstick for the workbook's speed: the same sheets, rows, columns, number formats, highlighted
quotes, links and comments written by XlsxWriter in constant_memory mode.

`write_baseline(claims_file, out)` runs what `export --claims` runs (read the claims, compare them,
build every row with the sheet modules of compare/workbook), with the kit's sheet writer swapped for
XlsxWriter: so the two differ only in how cells reach the file. XlsxWriter refuses tables in
constant_memory mode (add_table), so the baseline writes each table's header row only (the table
part itself is a few hundred bytes); conditional formats, validation and charts are left out of the
baseline (a few elements per sheet). XlsxWriter is a benchmark-only dependency
(`pip install -e '.[bench]'`).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from compare import workbook as wbmod
from compare.cells import fit, highlighted, web_url
from compare.workbook import kit
from compare.workbook.formats import Link, Noted, Num, Quote

FONTS = {"link": {"font_color": "#0563C1", "underline": 1}, "header": {"bold": True, "font_color": "#FFFFFF",
                                                                       "bg_color": "#4472C4"}}
ALIGN = {"wrap": {"text_wrap": True, "valign": "top"}, "top": {"valign": "top"}}


class _Anything:
    """What the decorations of a sheet (conditional formats, validation, grouping) are given: ignored."""

    def __call__(self, *args, **kwargs):
        return self

    def __getattr__(self, name):
        return self


class _Sheet:
    def __init__(self, title: str):
        self.title = title

    def __getattr__(self, name):
        return _Anything()


class _Rows:
    def __init__(self, xw, title: str):
        self.xw, self.ws, self.row = xw, _Sheet(title), 0

    def append(self, cells, height=None) -> None:
        self.row += 1

    def close(self) -> None:
        pass

    def discard(self) -> None:
        pass


class Baseline:
    def __init__(self, out: Path):
        self.book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
        self.formats: dict[tuple, Any] = {}
        self.red = self.book.add_format({"bold": True, "font_color": "#C00000"})

    def fmt(self, num: str | None = None, font: str | None = None, align: str | None = None):
        key = (num, font, align)
        if key not in self.formats:
            props = dict(FONTS.get(font, {}), **ALIGN.get(align, {}))
            if num:
                props["num_format"] = num
            self.formats[key] = self.book.add_format(props) if props else None
        return self.formats[key]

    def new_sheet(self, book, title, col_widths, freeze):
        title = kit.sheet_title(title, book.titles)
        book.titles.add(title)
        xw = self.book.add_worksheet(title)
        for i, w in enumerate(col_widths):
            xw.set_column(i, i, w)
        rows = _Rows(xw, title)
        book.sheets.append(rows)
        return rows

    def cell(self, sx: _Rows, book, r: int, c: int, v: Any, align: str | None) -> None:
        xw, limits, title = sx.xw, book.limits, sx.ws.title
        if v is None:
            return
        if isinstance(v, Noted):
            self.cell(sx, book, r, c, v.value, align)
            if v.comment and book.comments[title] < limits.comments:
                book.comments[title] += 1
                xw.write_comment(r, c, fit(v.comment)[0])
        elif isinstance(v, str):
            xw.write_string(r, c, fit(v, limits.cell_chars)[0], self.fmt(align=align))
        elif isinstance(v, bool):
            xw.write_string(r, c, "yes" if v else "no", self.fmt(align=align))
        elif isinstance(v, (int, float)):
            xw.write_number(r, c, v, self.fmt(align=align))
        elif isinstance(v, datetime):
            xw.write_datetime(r, c, v, self.fmt("yyyy-mm-dd", align=align))
        elif isinstance(v, Num):
            xw.write_number(r, c, v.value, self.fmt(v.fmt, align=align))
        elif isinstance(v, Link):
            url = web_url(v.url)
            if url and book.links[title] < limits.hyperlinks:
                book.links[title] += 1
                xw.write_url(r, c, url, self.fmt(font="link", align=align), fit(v.text)[0])
            else:
                xw.write_string(r, c, fit(v.text)[0], self.fmt(align=align))
        elif isinstance(v, Quote):
            rich, _ = highlighted(v.sentence, v.start, v.end, limits.cell_chars)
            if isinstance(rich, str):
                xw.write_string(r, c, rich, self.fmt(align="wrap"))
            else:
                parts = []
                for p in rich:
                    parts += [self.red, p.text] if hasattr(p, "font") else [p]
                xw.write_rich_string(r, c, *parts, self.fmt(align="wrap"))
        else:
            xw.write_string(r, c, fit(str(v))[0], self.fmt(align=align))

    def write_rows(self, sx, book, headers, rows, wrap, col_widths, notes=None):
        r = sx.row
        for c, h in enumerate(headers):
            sx.xw.write_string(r, c, h, self.fmt(font="header"))
        wrapping = [h in wrap for h in headers]
        wrapped = [(i, col_widths[i]) for i, w in enumerate(wrapping) if w]
        count, points = 0, 0.0
        for row in rows:
            r += 1
            height = kit.row_height(row, wrapped) if wrapped else None
            if height:
                sx.xw.set_row(r, height)
            points += height or kit.LINE_HEIGHT
            count += 1
            for c, (v, w) in enumerate(zip(row, wrapping)):
                self.cell(sx, book, r, c, v, "wrap" if w else ("top" if height else None))
        sx.row = r + 1 + (0 if count else 1)
        return count, points

    def add_table(self, sx_ws, book, name, headers, first_row, n_rows):
        return name  # header written by write_rows; constant_memory mode has no tables

    def save(self, wb, path, stamp):
        self.book.close()


def write_baseline(claims_file: str, out: Path, rules_paths=("rules",)) -> None:
    """`export --claims` with the cells written by XlsxWriter constant_memory (see the module's doc)."""
    from compare import pipeline
    base = Baseline(out)
    kit.new_sheet, kit.write_rows, kit.add_table = base.new_sheet, base.write_rows, base.add_table
    wbmod.save_atomically = base.save
    pipeline.export_claims(claims_file, list(rules_paths), str(out.with_suffix(".unused.xlsx")), now="2025-06-01")
