"""Annotation passes over the press passages: spans given by text, turned into offsets, checked, compared.

An annotator writes each span as its `text` (and `nth`, 1-based, when the text recurs in the
passage); `parse_pass` finds the offsets, `pass_problems` checks every claim and that every
digit of the passage is covered, and `compare_passes` lists where two independent passes differ.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Mapping, Optional, Sequence, Union

from pydantic import ValidationError

from compare.evaluate.gold import GoldClaim, GoldNumber, GoldSentence, Passage, PressGold, claim_problems, loose_digits


class PassClaim(GoldClaim):
    nth: Optional[int] = None


class PassNumber(GoldNumber):
    nth: Optional[int] = None


class PassRecord(PressGold):
    claims: tuple[PassClaim, ...] = ()
    numbers: tuple[PassNumber, ...] = ()

    def gold_json(self) -> dict:
        """The record as a gold line: offsets kept, `nth` dropped."""
        def dump(items):
            return [{k: v for k, v in x.model_dump().items() if k != "nth"} for x in items]
        return {"id": self.id, "skip": self.skip, "claims": dump(self.claims), "numbers": dump(self.numbers)}


def slice_of(items: Sequence, k: int, n: int) -> list:
    """The k-th (1-based) of n contiguous, nearly equal slices."""
    size = len(items)
    return list(items[(k - 1) * size // n: k * size // n])


def _find(text: str, span: str, nth: Optional[int]) -> tuple[int, str]:
    starts = [m.start() for m in re.finditer(re.escape(span), text)] if span else []
    if not starts:
        return -1, "is not in the passage (copy it exactly)"
    if nth is None:
        if len(starts) > 1:
            return -1, f"occurs {len(starts)} times in the passage: add \"nth\""
        return starts[0], ""
    if not 1 <= nth <= len(starts):
        return -1, f"has no occurrence number {nth} (it occurs {len(starts)} times)"
    return starts[nth - 1], ""


def _placed(item, text: str, where: str, problems: list[str]):
    """The item with offsets: kept when given and right, found from its text and nth otherwise."""
    if item.start is not None and item.end is not None:
        if text[item.start:item.end] != item.text:
            problems.append(f"{where} {item.text!r}: offsets {item.start}:{item.end} cover {text[item.start:item.end]!r}")
            return None
        return item
    start, why = _find(text, item.text, item.nth)
    if why:
        problems.append(f"{where} {item.text!r} {why}")
        return None
    return item.model_copy(update={"start": start, "end": start + len(item.text), "nth": None})


def parse_pass(path: Union[str, Path], passages: Mapping[str, Passage]) -> tuple[list[PassRecord], list[str]]:
    """Read a pass (or gold) file and place every span. Returns the records and the problems met."""
    records: list[PassRecord] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = PassRecord.model_validate(json.loads(line))
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not valid JSON: {e.msg}")
            continue
        except ValidationError as e:
            problems.append(f"{where}: " + "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors()))
            continue
        if rec.id not in passages:
            problems.append(f"{where}: no passage has id {rec.id}")
            continue
        if rec.id in seen:
            problems.append(f"{where}: {rec.id} is already annotated on line {seen[rec.id]}")
            continue
        seen[rec.id] = n
        text = passages[rec.id].text
        claims = [_placed(c, text, f"{where}: {rec.id} claim {i}", problems) for i, c in enumerate(rec.claims, 1)]
        numbers = [_placed(x, text, f"{where}: {rec.id} number {i}", problems) for i, x in enumerate(rec.numbers, 1)]

        def order(items):
            return tuple(sorted((x for x in items if x is not None), key=lambda x: (x.start, x.end)))
        records.append(rec.model_copy(update={"claims": order(claims), "numbers": order(numbers)}))
    return records, problems


def as_sentence(rec: PressGold, passage: Passage) -> GoldSentence:
    return GoldSentence(id=rec.id, lang=passage.lang, split=passage.split, sentence=passage.text,
                        claims=tuple(GoldClaim(**{k: v for k, v in c.model_dump().items() if k != "nth"}) for c in rec.claims),
                        numbers=tuple(GoldNumber(**{k: v for k, v in x.model_dump().items() if k != "nth"}) for x in rec.numbers))


def pass_problems(records: Sequence[PassRecord], passages: Mapping[str, Passage]) -> list[str]:
    """Claims that are not well formed, and digits that no span covers (skipped passages excepted)."""
    out = []
    for r in records:
        for i, c in enumerate(r.claims, 1):
            out.extend(f"{r.id} claim {i} {c.text!r}: {m}" for m in claim_problems(c))
        if r.skip:
            continue
        s = as_sentence(r, passages[r.id])
        loose = loose_digits(s)
        if loose:
            shown = ", ".join(repr(s.sentence[max(0, m.start() - 12):m.end() + 12]) for m in loose[:4])
            out.append(f"{r.id}: {len(loose)} digit group(s) not covered by any claim or number: {shown}")
    return out


FIELDS = ("quantity", "subject", "value", "low", "high", "unit", "qualifier", "per", "versus", "direction")


def _key(c: GoldClaim) -> tuple:
    return (c.quantity, (c.subject or "").casefold(), c.value, c.low, c.high, c.unit, c.qualifier, c.per or "",
            ((c.versus.entity or "").casefold(), c.versus.direction) if c.versus else None, c.direction)


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def compare_passes(a: Sequence[PassRecord], b: Sequence[PassRecord]) -> tuple[list[str], dict]:
    """Lines describing every disagreement between two passes of the same passages, and agreement counts."""
    bmap = {r.id: r for r in b}
    lines: list[str] = []
    stats = {"passages": 0, "agree": 0, "claims_a": 0, "claims_b": 0, "same_claims": 0, "skip_disagree": 0}
    for ra in a:
        rb = bmap.get(ra.id)
        if rb is None:
            continue
        stats["passages"] += 1
        stats["claims_a"] += len(ra.claims)
        stats["claims_b"] += len(rb.claims)
        out = []
        if bool(ra.skip) != bool(rb.skip):
            stats["skip_disagree"] += 1
            out.append(f"  skip: A {ra.skip!r} / B {rb.skip!r}")
        used: set[int] = set()
        for ca in ra.claims:
            near = [j for j, cb in enumerate(rb.claims) if j not in used and _overlap(ca, cb)]
            same = [j for j in near if _key(rb.claims[j]) == _key(ca)]
            partner = (same or near or [None])[0]
            if partner is None:
                kind = next((x.kind for x in rb.numbers if _overlap(ca, x)), None)
                out.append(f"  only A: {describe(ca)}" + (f"  (B: number {kind})" if kind else ""))
                continue
            used.add(partner)
            cb = rb.claims[partner]
            diffs = [f for f, x, y in zip(FIELDS, _key(ca), _key(cb)) if x != y]
            if diffs:
                out.append(f"  differ {', '.join(diffs)}: A {describe(ca)} / B {describe(cb)}")
            else:
                stats["same_claims"] += 1
        for j, cb in enumerate(rb.claims):
            if j not in used:
                kind = next((x.kind for x in ra.numbers if _overlap(cb, x)), None)
                out.append(f"  only B: {describe(cb)}" + (f"  (A: number {kind})" if kind else ""))
        if out:
            lines.append(ra.id)
            lines.extend(out)
        else:
            stats["agree"] += 1
    return lines, stats


def describe(c: GoldClaim) -> str:
    fig = f"{c.low}..{c.high}" if c.qualifier == "range" else f"{'' if c.qualifier == '=' else c.qualifier}{c.value}"
    extra = f" per {c.per}" if c.per else ""
    if c.versus:
        extra += f" {c.versus.direction} than {c.versus.entity}"
    if c.direction:
        extra += f" {c.direction}"
    return f"{c.quantity} | {c.subject} | {fig} {c.unit}{extra} | {c.text!r}"
