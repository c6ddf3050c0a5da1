"""The Rules sheet: the rule set in effect (quantities and cues, entities, references, files)."""
from __future__ import annotations

from typing import Any, Optional, Sequence

from compare.defaults import shown_path
from compare.workbook.formats import Link, display
from compare.workbook.kit import Book, write_table_sheet


def rules_sheet(book: Book, rules, references: Sequence,
                locations=None) -> list[str]:
    headers = ["What", "Name", "Details", "Language", "Words", "Where"]
    from compare.rules import Locations
    loc = locations or Locations()

    def where(table: dict, key: str) -> Optional[str]:
        found = table.get(key)
        return f"{shown_path(found.file)}:{found.line}" if found else None

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
        rows.append(["rule file", shown_path(path), None, None, None, None])
    return write_table_sheet(book, "Rules", headers, rows, wrap=["Words"], caps={"Words": 80, "Details": 50})


