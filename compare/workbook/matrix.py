"""The Matrix sheet: entities by quantity, one number per cell (the median of the claims, money in the
common currency), with the count and the spread in a comment."""
from __future__ import annotations

from collections import Counter, defaultdict
from statistics import median
from typing import Any, Sequence

from compare.models import Claim
from compare.workbook.formats import Noted, Num, display, relation, stored, unit_format
from compare.workbook.kit import Book, write_table_sheet


def _central(c: Claim) -> float:
    if c.qualifier == "range" and c.low is not None and c.high is not None:
        return (c.low + c.high) / 2
    return c.value


def matrix_sheet(book: Book, claims: Sequence[Claim], order: dict[str, int], compared, rules) -> list[str]:
    """One row per entity, made as it is written; each cell holds the claims, not their values (memory)."""
    labels = {q.id: q.label or q.id for q in rules.quantities}
    cells: dict[tuple, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.value is None:
            continue
        common = compared.common.get(c.id)
        unit, kind = (compared.currency, "money") if common is not None else (c.unit, c.kind)
        cells[(c.quantity, unit or "", kind, c.per or "")][c.entity or "(no entity)"].append(c)
    columns = sorted(cells, key=lambda k: (order.get(k[0], len(order)), k))
    headers = ["Entity"]
    for quantity, unit, kind, per in columns:
        shown = {"percent": "%", "x": "x"}.get(unit, unit) or "count"
        headers.append(f"{labels.get(quantity, quantity)} ({shown}{' per ' + per if per else ''})")
    entities = sorted({e for by in cells.values() for e in by})

    def value(c: Claim) -> float:
        common = compared.common.get(c.id)
        return common if common is not None else _central(c)

    def row(e: str) -> list[Any]:
        out: list[Any] = [e]
        for key in columns:
            found = cells[key].get(e)
            if not found:
                out.append(None)
                continue
            _, unit, kind, per = key
            values = sorted(value(c) for c in found)
            mid = median(values)
            relations = Counter(relation(c) for c in found)
            tail = relations.most_common(1)[0][0] if len(relations) == 1 else ""
            number = Num(stored(mid, unit or None, kind), unit_format(unit or None, kind, stored(mid, unit or None, kind),
                                                                    tail=tail))
            if len(found) == 1 and found[0].qualifier != "range":
                out.append(number)
                continue
            spread = f"{display(values[0], unit or None, kind)} – {display(values[-1], unit or None, kind)}"
            out.append(Noted(number, f"median of {len(found)} claim{'s' if len(found) > 1 else ''} "
                                     f"({spread}); ranges at their midpoint"))
        return out

    return write_table_sheet(book, "Matrix", headers, items=entities, row=row, measure_all=True, cap=28, freeze="B2")
