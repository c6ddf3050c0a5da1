"""Real-press gold: passages read from the shared file, annotations that point into them by offsets.

The passages' text never enters the project; a gold line holds the passage id, each claim's
fields and its span (`start`, `end`, and the `text` it covers, checked against the passage), and
every other number of the passage with its kind. Annotation passes give spans by text (and `nth`
when the text recurs); `parse_pass` turns them into offsets.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Literal, Optional, Sequence, Union

from pydantic import BaseModel, ConfigDict, ValidationError

PASSAGES_DEFAULT = "../shared/press/passages.jsonl"
TARGETS = ("training_cost", "compute", "gpu_count", "price", "subscription_price", "investment", "price_change",
           "revenue", "valuation", "compute_ratio", "price_ratio", "cost_ratio")
KINDS = ("year", "date", "duration", "name", "stock_move", "other_money", "growth", "other_count", "other")
COUNT_UNITS = ("percent", "GPU-hours", "GPUs", "FLOPs", "ratio")
QUALIFIERS = ("=", ">", ">=", "<", "<=", "~", "range")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Passage(BaseModel):
    """One passage of the shared press file."""

    model_config = ConfigDict(frozen=True, extra="ignore")
    id: str
    lang: str
    split: str
    text: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    topic: Optional[str] = None


class PressVersus(_Strict):
    entity: Optional[str] = None
    direction: Literal["less", "more"]


class PressClaim(_Strict):
    """A target claim of a passage; `start`/`end` are offsets into the passage's text."""

    subject: Optional[str] = None
    quantity: Literal[TARGETS]  # type: ignore[valid-type]
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: str
    qualifier: Literal[QUALIFIERS] = "="  # type: ignore[valid-type]
    per: Optional[str] = None
    versus: Optional[PressVersus] = None
    direction: Optional[Literal["up", "down"]] = None
    text: str
    start: int = -1
    end: int = -1
    nth: Optional[int] = None


class PressNumber(_Strict):
    """A number of the passage that is no target claim, and what it is."""

    kind: Literal[KINDS]  # type: ignore[valid-type]
    text: str
    start: int = -1
    end: int = -1
    nth: Optional[int] = None


class PressGold(_Strict):
    """Everything annotated in one passage."""

    id: str
    skip: Optional[str] = None
    claims: tuple[PressClaim, ...] = ()
    numbers: tuple[PressNumber, ...] = ()

    def gold_json(self) -> dict:
        claims = [{k: v for k, v in c.model_dump().items() if k != "nth"} for c in self.claims]
        numbers = [{k: v for k, v in n.model_dump().items() if k != "nth"} for n in self.numbers]
        return {"id": self.id, "skip": self.skip, "claims": claims, "numbers": numbers}


def load_passages(path: Union[str, Path]) -> dict[str, Passage]:
    """The passages file as {id: Passage}, in file order."""
    out: dict[str, Passage] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                p = Passage.model_validate_json(line)
                out[p.id] = p
    return out


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


def parse_pass(path: Union[str, Path], passages: dict[str, Passage]) -> tuple[list[PressGold], list[str]]:
    """Read a pass or gold file; spans given by text get their offsets. Returns records and problems."""
    records: list[PressGold] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            data = json.loads(line)
            rec = PressGold.model_validate(data)
        except (json.JSONDecodeError, ValidationError) as e:
            problems.append(f"{where}: {str(e).splitlines()[0] if isinstance(e, json.JSONDecodeError) else _short(e)}")
            continue
        if rec.id not in passages:
            problems.append(f"{where}: no passage has id {rec.id}")
            continue
        if rec.id in seen:
            problems.append(f"{where}: {rec.id} is already annotated on line {seen[rec.id]}")
            continue
        seen[rec.id] = n
        text = passages[rec.id].text
        fixed_claims, fixed_numbers = [], []
        for label, items, out in (("claim", rec.claims, fixed_claims), ("number", rec.numbers, fixed_numbers)):
            for i, item in enumerate(items, 1):
                if item.start >= 0 and item.end >= 0:
                    if text[item.start:item.end] != item.text:
                        problems.append(f"{where}: {rec.id} {label} {i} {item.text!r}: offsets {item.start}:{item.end} "
                                        f"cover {text[item.start:item.end]!r}")
                    out.append(item)
                    continue
                start, why = _find(text, item.text, item.nth)
                if why:
                    problems.append(f"{where}: {rec.id} {label} {i} {item.text!r} {why}")
                    continue
                out.append(item.model_copy(update={"start": start, "end": start + len(item.text), "nth": None}))
        records.append(rec.model_copy(update={"claims": tuple(sorted(fixed_claims, key=lambda c: (c.start, c.end))),
                                              "numbers": tuple(sorted(fixed_numbers, key=lambda c: (c.start, c.end)))}))
    return records, problems


def _short(e: ValidationError) -> str:
    parts = []
    for err in e.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()))
        parts.append(f"{loc}: {err.get('msg')}" + (f" (got {err.get('input')!r})" if err.get("type") == "literal_error" else ""))
    return "; ".join(parts)


def claim_problems(c: PressClaim) -> list[str]:
    """What is inconsistent in one claim: unit, ratio fields, qualifier and bounds, finite values."""
    out = []
    if not (re.fullmatch(r"[A-Z]{3}", c.unit) or c.unit in COUNT_UNITS):
        out.append(f"unit {c.unit!r} is neither an ISO 4217 code nor one of {', '.join(COUNT_UNITS)}")
    is_ratio = c.quantity.endswith("_ratio")
    if is_ratio != (c.unit == "ratio"):
        out.append("ratio quantities and unit \"ratio\" go together")
    if c.versus is not None and not is_ratio:
        out.append("versus is only for ratio quantities")
    if c.subject is not None and not c.subject.strip():
        out.append("subject is empty: write null")
    for v in (c.value, c.low, c.high):
        if v is not None and not math.isfinite(v):
            out.append("values must be finite numbers")
    q = c.qualifier
    if q == "range":
        if c.value is not None or c.low is None or c.high is None:
            out.append("a range has value null and both low and high")
        elif c.low > c.high:
            out.append("low is above high")
    elif q in (">", ">="):
        if c.value is None or c.low is None or c.high is not None or not math.isclose(c.value, c.low):
            out.append(f"qualifier {q!r} needs value and low equal to the bound, and high null")
    elif q in ("<", "<="):
        if c.value is None or c.high is None or c.low is not None or not math.isclose(c.value, c.high):
            out.append(f"qualifier {q!r} needs value and high equal to the bound, and low null")
    elif c.value is None or c.low is not None or c.high is not None:
        out.append(f"qualifier {q!r} needs a value and no low or high")
    return out


def problems_of_pass(records: Sequence[PressGold], passages: dict[str, Passage]) -> list[str]:
    """Claims that are not well formed, and digits that no span covers."""
    out = []
    for r in records:
        text = passages[r.id].text
        for i, c in enumerate(r.claims, 1):
            out.extend(f"{r.id} claim {i} {c.text!r}: {m}" for m in claim_problems(c))
        if r.skip:
            continue
        covered = [False] * len(text)
        for item in (*r.claims, *r.numbers):
            for k in range(max(item.start, 0), max(item.end, 0)):
                covered[k] = True
        loose = [m for m in re.finditer(r"\d+", text) if not all(covered[m.start():m.end()])]
        if loose:
            shown = ", ".join(repr(text[max(0, m.start() - 12):m.end() + 12]) for m in loose[:4])
            out.append(f"{r.id}: {len(loose)} digit group(s) not covered by any claim or number: {shown}")
    return out


def _claim_key(c: PressClaim) -> tuple:
    return (c.quantity, (c.subject or "").casefold(), c.value, c.low, c.high, c.unit, c.qualifier,
            (c.per or ""), (c.versus.entity or "").casefold() if c.versus else None,
            c.versus.direction if c.versus else None, c.direction)


FIELDS = ("quantity", "subject", "value", "low", "high", "unit", "qualifier", "per", "versus", "direction")


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def compare_passes(a: Sequence[PressGold], b: Sequence[PressGold],
                   passages: dict[str, Passage]) -> tuple[list[str], dict]:
    """Lines describing every disagreement between two passes, and agreement figures."""
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
        used = set()
        for ca in ra.claims:
            partner = next((j for j, cb in enumerate(rb.claims) if j not in used and _overlap(ca, cb)
                            and _claim_key(ca) == _claim_key(cb)), None)
            if partner is None:
                partner = next((j for j, cb in enumerate(rb.claims) if j not in used and _overlap(ca, cb)), None)
            if partner is None:
                kind = next((n.kind for n in rb.numbers if _overlap(ca, n)), None)
                out.append(f"  only A: {_describe(ca)}" + (f"  (B: number {kind})" if kind else ""))
                continue
            used.add(partner)
            cb = rb.claims[partner]
            diffs = [f for f in FIELDS if _claim_key(ca)[FIELDS.index(f)] != _claim_key(cb)[FIELDS.index(f)]]
            if diffs:
                out.append(f"  differ {', '.join(diffs)}: A {_describe(ca)} / B {_describe(cb)}")
            else:
                stats["same_claims"] += 1
        for j, cb in enumerate(rb.claims):
            if j not in used:
                kind = next((n.kind for n in ra.numbers if _overlap(cb, n)), None)
                out.append(f"  only B: {_describe(cb)}" + (f"  (A: number {kind})" if kind else ""))
        if out:
            lines.append(f"{ra.id}")
            lines.extend(out)
        else:
            stats["agree"] += 1
    return lines, stats


def _describe(c: PressClaim) -> str:
    fig = f"{c.low}..{c.high}" if c.qualifier == "range" else f"{'' if c.qualifier == '=' else c.qualifier}{c.value}"
    extra = f" per {c.per}" if c.per else ""
    if c.versus:
        extra += f" {c.versus.direction} than {c.versus.entity}"
    if c.direction:
        extra += f" {c.direction}"
    return f"{c.quantity} | {c.subject} | {fig} {c.unit}{extra} | {c.text!r}"
