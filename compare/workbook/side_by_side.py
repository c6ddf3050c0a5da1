"""The Side by side sheet: for each entity and quantity that two or more sources give, one row per
source (article or reference), one number per cell, so the rows sort, sum and pivot. The link is
the reference's source (an article's link is on the Claims and Sources sheets)."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Mapping, Sequence

from openpyxl.utils import get_column_letter

from compare.models import Article, Claim, Comparison
from compare.rules import Reference
from compare.workbook.formats import FLAGGED_VERDICTS, RED, Link, Num, amount, day, unit_format
from compare.workbook.kit import Book, highlight, write_table_sheet


def verdicts_by_figure(comparisons: Sequence[Comparison]) -> dict[str, list[str]]:
    """Claim or reference id -> the verdicts of its across-source comparisons (a list, not a Counter per
    figure: 100,000 claims' Counters took 25 MB)."""
    out: dict[str, list[str]] = {}
    for c in comparisons:
        if c.kind == "across_sources":
            for fid in c.left_ids + c.right_ids:
                out.setdefault(fid, []).append(c.verdict)
    return out


def summary(verdicts: Sequence[str]) -> str | None:
    return ", ".join(f"{v} {n}" for v, n in sorted(Counter(verdicts).items())) or None


def side_by_side_sheet(book: Book, claims: Sequence[Claim], comparisons: Sequence[Comparison], compared,
                       articles: Mapping[str, Article], rules, order: dict[str, int]) -> list[str]:
    """One row per source of each entity and quantity that two or more sources give; the rows are made
    as they are written (items: the group's key and a claim or a reference)."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.value is not None and c.entity:
            groups[(c.quantity, c.entity, c.per or "")].append(c)
    labels = {q.id: q.label or q.id for q in rules.quantities}
    verdicts = verdicts_by_figure(comparisons)
    currency = compared.currency
    headers = ["Quantity", "Entity", "Per", "Source", "Date", "Value", "Low", "High", "Unit", f"Value ({currency})",
               "Qualifier", "Verdicts", "Link"]
    items: list[tuple[tuple, Any]] = []
    for key in sorted(groups, key=lambda k: (order.get(k[0], len(order)), k)):
        members = sorted(groups[key], key=lambda c: (c.article, c.start, c.id))
        refs = {}
        for c in members:
            check = compared.checks.get(c.id)
            if check:
                refs[check.reference.id] = check.reference
        if len({c.article for c in members}) + len(refs) < 2:
            continue
        items.extend((key, c) for c in members)
        items.extend((key, refs[rid]) for rid in sorted(refs))
    del groups

    def claim_row(key: tuple, c: Claim) -> list[Any]:
        quantity, entity, per = key
        a = articles.get(c.article)
        common = compared.common.get(c.id)
        return [labels.get(quantity, quantity), entity, per or None, c.article, day(a.date) if a else None,
                amount(c.value, c.unit, c.kind), amount(c.low, c.unit, c.kind), amount(c.high, c.unit, c.kind), c.unit,
                Num(common, unit_format(currency, "money", common)) if common is not None else None,
                c.qualifier, summary(verdicts.get(c.id, ())), None]

    def reference_row(key: tuple, r) -> list[Any]:
        quantity, entity, per = key
        kind = "money" if r.unit and len(r.unit) == 3 and r.unit.isupper() else "number"
        return [labels.get(quantity, quantity), entity, per or None, f"reference {r.id}", day(r.source.date),
                amount(r.value, r.unit, kind), amount(r.low, r.unit, kind), amount(r.high, r.unit, kind),
                r.unit, None, r.qualifier, summary(verdicts.get(r.id, ())), Link(r.source.title, r.source.url)]

    def row(item: tuple[tuple, Any]) -> list[Any]:
        key, member = item
        return reference_row(key, member) if isinstance(member, Reference) else claim_row(key, member)

    def decorate(ws, col, first, last):
        cell = f"${col['Verdicts']}{first}"
        test = "OR(" + ",".join(f'ISNUMBER(SEARCH("{v}",{cell}))' for v in FLAGGED_VERDICTS) + ")"
        highlight(ws, f"A{first}:{get_column_letter(len(headers))}{last}", test, RED)

    return write_table_sheet(book, "Side by side", headers, items=items, row=row, measure_all=True, cap=30,
                             caps={"Link": 40, "Verdicts": 36}, decorate=decorate, freeze="E2")
