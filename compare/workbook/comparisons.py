"""The Comparisons sheet: every comparison with its verdict and reason, flagged by colour."""
from __future__ import annotations

from typing import Sequence

from openpyxl.utils import get_column_letter

from compare.models import Comparison
from compare.workbook.formats import DARK_RED, FLAGGED_VERDICTS, GOOD_VERDICTS, GREEN, GREY, RED
from compare.workbook.kit import Book, any_equal, highlight, plain_field, readable, write_table_sheet

FIRST = ["kind", "quantity", "entity", "versus", "verdict", "spread_pct", "left", "right", "reason"]
NAMES = {"id": "Comparison id", "left_ids": "Left claims", "right_ids": "Right claims", "spread_pct": "Spread %"}


def comparisons_sheet(book: Book, comparisons: Sequence[Comparison]) -> list[str]:
    fields = FIRST + [f for f in Comparison.model_fields if f not in FIRST]
    headers = [readable(f, NAMES) for f in fields]

    def row(c) -> list:
        return [plain_field(getattr(c, f, None)) for f in fields]

    def decorate(ws, col, first, last):
        verdict = f"${col['Verdict']}{first}"
        whole = f"A{first}:{get_column_letter(len(headers))}{last}"
        highlight(ws, whole, any_equal(verdict, FLAGGED_VERDICTS), RED, DARK_RED)
        highlight(ws, f"{col['Verdict']}{first}:{col['Verdict']}{last}", any_equal(verdict, GOOD_VERDICTS), GREEN)
        highlight(ws, f"{col['Verdict']}{first}:{col['Verdict']}{last}", f'{verdict}="not comparable"', GREY)

    long = {"Left": 36, "Right": 36, "Reason": 60, "Figures used": 40}
    return write_table_sheet(book, "Comparisons", headers, items=comparisons, row=row, measure_all=True,
                             wrap=list(long), caps=long, decorate=decorate, freeze="F2", print_through="Reason")
