"""The evaluation report: score tables, the error breakdown, then the claims missed or invented and why."""
from __future__ import annotations

import json
from typing import Optional

from compare.evaluate.scoring import ERRORS, Issue, Levels, Scores, Side, _point

def _num(v: Optional[float]) -> str:
    if v is None:
        return "null"
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e16 else format(v, ".10g")


def describe(s: Side) -> str:
    """One claim on one line: quantity, entity, figure, unit, period, other side and the text."""
    if s.qualifier == "range":
        figure = f"{_num(s.low)}..{_num(s.high)}"
    else:
        figure = f"{'' if s.qualifier == '=' else s.qualifier + ' '}{_num(_point(s))}"
    parts = [s.quantity, s.entity or "(no entity)", figure, s.unit or "(no unit)"]
    if s.per:
        parts.append(f"per {s.per}")
    if s.versus or s.direction in ("less", "more"):
        parts.append(f"{s.direction or '?'} than {s.versus or '?'}")
    elif s.direction:
        parts.append(s.direction)
    return " | ".join(parts) + f" | {json.dumps(s.text, ensure_ascii=False)}"


def _why(issue: Issue, other: str) -> str:
    if issue.nearest is None:
        return f"no {other} claim in this sentence"
    shown = []
    for f in issue.differs:
        a, b = (issue.claim, issue.nearest) if other == "predicted" else (issue.nearest, issue.claim)
        if f == "value":
            shown.append("value ({} vs {})".format(*(
                f"{_num(x.low)}..{_num(x.high)}" if x.qualifier == "range" else _num(_point(x)) for x in (a, b))))
        else:
            shown.append(f"{f} ({getattr(a, f)} vs {getattr(b, f)})")
    head = "matched at value level only; " if issue.value_match else ""
    return f"{head}nearest {other} differs in " + ", ".join(shown) + " [expected vs predicted]"


def format_report(scores: Scores, show: int = 20, source: str = "") -> str:
    """The evaluation report: score tables, then the first `show` misses and false positives."""
    lines = [f"evaluation of {source or 'gold'}: {scores.sentences} sentences, {scores.gold_claims} gold claims, "
             f"{scores.predicted_claims} predicted", ""]
    head = f"{'':22}{'value level':>24}   {'claim level':>24}"
    cols = f"{'':22}{'P':>8}{'R':>8}{'F1':>8}   {'P':>8}{'R':>8}{'F1':>8}   {'gold':>5}{'pred':>5}"
    lines += [head, cols]

    def row(label: str, lv: Levels) -> str:
        v, c = lv.value, lv.claim
        return (f"{label:22}{v.precision:8.3f}{v.recall:8.3f}{v.f1:8.3f}   "
                f"{c.precision:8.3f}{c.recall:8.3f}{c.f1:8.3f}   {c.tp + c.fn:5d}{c.tp + c.fp:5d}")

    lines.append(row("all", scores.overall))
    lines += [row(f"lang {k}", v) for k, v in scores.by_lang.items()]
    lines += [row(k, v) for k, v in scores.by_quantity.items()]
    lines += error_table(scores)
    lines.append("")
    lines.append(f"among claim-level matches: per agrees {scores.per_agrees}/{scores.per_compared}, "
                 f"versus agrees {scores.versus_agrees}/{scores.versus_compared}")
    for title, issues, label, other in (("misses", scores.misses, "expected", "predicted"),
                                        ("false positives", scores.false_positives, "predicted", "gold")):
        lines.append("")
        shown = f", first {min(show, len(issues))}:" if issues and show > 0 else ""
        lines.append(f"{title} (claim level): {len(issues)}{shown}")
        for issue in issues[:max(show, 0)]:
            lines.append(f"  {issue.sentence_id}  {label}: {describe(issue.claim)}")
            lines.append(f"  {' ' * len(issue.sentence_id)}  why: {_why(issue, other)}")
    return "\n".join(lines) + "\n"


def error_table(scores: Scores) -> list[str]:
    """What went wrong with each gold claim not matched and each predicted claim not asked for, by row.

    `missed`: no predicted claim at that place; `extra`: a predicted claim no gold claim asked for;
    a field name: a predicted claim at that place (or with that value) got this field wrong.
    """
    if not scores.errors:
        return []
    lines = ["", f"{'errors':22}" + "".join(f"{k:>10}" for k in ERRORS)]
    rows = ["all"] + [r for r in scores.errors if r.startswith("lang ")] + \
        [r for r in scores.errors if r != "all" and not r.startswith("lang ")]
    for r in rows:
        counts = scores.errors.get(r, {})
        lines.append(f"{r:22}" + "".join(f"{counts.get(k, 0):>10}" for k in ERRORS))
    if scores.non_target_extras:
        lines.append("false positives read from non-target numbers: " +
                     ", ".join(f"{k} {v}" for k, v in scores.non_target_extras.items()))
    return lines
