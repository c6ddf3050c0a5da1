"""The Unclaimed numbers sheet: every number that became no claim, its sentence and why."""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from compare.models import Article, Unclaimed
from compare.workbook.formats import Quote, amount
from compare.workbook.kit import Book, write_table_sheet


def starts(u: Unclaimed, articles: Mapping[str, Article]) -> list[int]:
    """Where u's sentence may start in its article: the record's own `sentence_start`, then the last
    place the sentence occurs at or before the number."""
    found = [getattr(u, "sentence_start", None)]
    article = articles.get(u.article)
    if article is not None:
        found.append(article.text.rfind(u.sentence, 0, u.start + len(u.sentence)))
    return [s for s in found if s is not None and s >= 0]


def quote_of(u: Unclaimed, articles: Mapping[str, Article]) -> Quote | str:
    """The sentence with this occurrence of the number highlighted (not the first one that looks like it)."""
    for s0 in starts(u, articles):
        at = u.start - s0
        if 0 <= at and u.text and u.sentence[at:at + len(u.text)] == u.text:
            return Quote(u.sentence, at, at + len(u.text))
    at = u.sentence.find(u.text) if u.text else -1
    return Quote(u.sentence, at, at + len(u.text)) if at >= 0 else u.sentence


def unclaimed_sheet(book: Book, unclaimed: Sequence[Unclaimed], articles: Mapping[str, Article]) -> list[str]:
    headers = ["Article", "Text", "Value", "Unit", "Kind", "Quote", "Reason", "Start", "End"]

    def row(u: Unclaimed) -> list[Any]:
        return [u.article, u.text, amount(u.value, u.unit, u.kind), u.unit, u.kind, quote_of(u, articles), u.reason,
                u.start, u.end]

    return write_table_sheet(book, "Unclaimed numbers", headers, items=unclaimed, row=row,
                             wrap=["Quote", "Reason"], caps={"Quote": 80, "Reason": 40})
