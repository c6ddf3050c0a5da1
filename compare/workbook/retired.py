"""The Retired claims sheet: reviews whose claim no longer exists."""
from __future__ import annotations

from typing import Sequence

from compare.review import ID_HEADER, NOTE_HEADER, RETIRED_HEADER, RETIRED_SHEET, REVIEW_HEADER, Review
from compare.workbook.claims import review_validation
from compare.workbook.kit import Book, write_table_sheet


def retired_sheet(book: Book, retired: Sequence[Review]) -> list[str]:
    headers = [ID_HEADER, REVIEW_HEADER, NOTE_HEADER, RETIRED_HEADER, "Article", "Entity", "Quantity",
               "Value", "Unit", "Claimed text", "Quote"]
    rows = [[r.claim, r.review, r.note, r.retired, r.article, r.entity, r.quantity, r.value, r.unit, r.text,
             r.sentence] for r in retired]

    def decorate(ws, col, first, last):
        review_validation(ws, f"{col[REVIEW_HEADER]}{first}:{col[REVIEW_HEADER]}{last}")

    return write_table_sheet(book, RETIRED_SHEET, headers, rows, wrap=["Quote"], caps={"Quote": 80},
                             decorate=decorate)
