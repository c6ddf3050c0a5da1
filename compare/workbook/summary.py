"""The Summary sheet: what was run (the export's date, the rule set's version), counts, and one chart per
quantity that at least three entities have figures for in one unit and one `per`."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from statistics import median
from typing import Any, Sequence

from openpyxl.chart import BarChart, Reference as ChartRef
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties

from compare.cells import clean
from compare.models import Claim
from compare.workbook.formats import Num, stored, unit_format
from compare.workbook.kit import Block, Book, write_blocks_sheet

CHART_ENTITIES = 3   # a quantity is charted when this many entities have a figure in one unit and per
CHART_BARS = 15
MAX_CHARTS = 4
POINTS_PER_CM = 28.35
CHART_ROWS = 20      # rows a chart takes on the sheet


def rules_version(rules) -> str:
    """The rule set's version: its own `version` if it has one, else a digest of its content (not of where
    its files are, so the same rules give the same version on every machine)."""
    own = getattr(rules, "version", None)
    content = rules.model_dump_json(exclude={"files"})
    return str(own) if own else "sha1:" + hashlib.sha1(content.encode()).hexdigest()[:12]


def chart_groups(claims: Sequence[Claim], compared, rules) -> list[tuple[tuple, dict[str, float]]]:
    """(quantity, unit, kind, per) -> median figure per entity, for the quantities worth a chart:
    those of the rules' `chart_quantities` first, then by number of entities."""
    values: dict[tuple, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if not c.entity or c.value is None or c.value <= 0 or c.unit == "x":
            continue
        common = compared.common.get(c.id)
        unit, v = (compared.currency, common) if common is not None else (c.unit, c.value)
        values[(c.quantity, unit, "money" if common is not None else c.kind, c.per or "")][c.entity].append(v)
    wanted = list(rules.settings.chart_quantities)
    groups = [(key, {e: median(vs) for e, vs in by.items()}) for key, by in values.items()
              if len(by) >= CHART_ENTITIES]
    groups.sort(key=lambda g: (wanted.index(g[0][0]) if g[0][0] in wanted else len(wanted), -len(g[1]), g[0]))
    return groups[:MAX_CHARTS]


def _chart(ws, first: int, last: int, title: str, unit: str, kind: str, bars: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = clean(title)
    chart.y_axis.scaling.logBase = 10
    chart.y_axis.number_format = unit_format(unit, kind, 1)
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    font = RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=900)), endParaRPr=CharacterProperties())])
    chart.x_axis.txPr = font
    chart.y_axis.txPr = font
    chart.add_data(ChartRef(ws, min_col=2, max_col=2, min_row=first, max_row=last), titles_from_data=True)
    chart.set_categories(ChartRef(ws, min_col=1, min_row=first + 1, max_row=last))
    chart.legend = None
    chart.width = 18
    chart.height = max(7.5, min(12, 2.5 + 0.7 * bars))
    return chart


def summary_sheet(book: Book, run: list[list[Any]], claims: Sequence[Claim], rules, order: dict[str, int],
                  compared) -> None:
    per_q: dict[str, list[Claim]] = defaultdict(list)
    per_e: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        per_q[c.quantity].append(c)
        per_e[c.entity or "(no entity)"].append(c)
    labels = {q.id: q.label for q in rules.quantities}
    q_rows = [[q, labels.get(q), len(cs), len({c.entity for c in cs if c.entity}), len({c.article for c in cs})]
              for q, cs in sorted(per_q.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]
    e_rows = [[e, len(cs), len({c.quantity for c in cs}), len({c.article for c in cs})]
              for e, cs in sorted(per_e.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    blocks = [Block("run", ["Item", "Value"], run),
              Block("quantities", ["Quantity", "Label", "Claims", "Entities", "Articles"], q_rows),
              Block("entities", ["Entity", "Claims", "Quantities", "Articles"], e_rows)]
    charts = []
    for n, ((qid, unit, kind, per), by_entity) in enumerate(chart_groups(claims, compared, rules), start=1):
        ranked = sorted(by_entity.items(), key=lambda kv: (-kv[1], kv[0]))
        name = (labels.get(qid) or qid) + (f" per {per}" if per else "")
        header = f"{name} ({unit or 'value'}, median)"
        rows = [[e, Num(stored(v, unit, kind), unit_format(unit, kind, stored(v, unit, kind)))] for e, v in ranked]
        blocks.append(Block(f"chart{n}" if n > 1 else "chart", ["Entity", header], rows))
        top = f"top {CHART_BARS} of {len(ranked)}, " if len(ranked) > CHART_BARS else ""
        charts.append((len(blocks) - 1, f"{name} by entity ({top}{unit or 'value'}, log scale)", unit, kind,
                       min(len(ranked), CHART_BARS)))
    free = CHART_ROWS * 15 * len(charts)
    ws, starts = write_blocks_sheet(book, "Summary", blocks, caps={"Value": 36}, wrap=["Value"], free_points=free)
    for i, (block, title, unit, kind, bars) in enumerate(charts):
        first = starts[block]
        if first is None:
            continue
        last = first + min(bars, book.limits.rows - first)
        ws.add_chart(_chart(ws, first, last, title, unit, kind, bars), f"D{2 + i * CHART_ROWS}")

