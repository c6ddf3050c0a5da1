"""Annotation tool for the real-press gold: show passages, check a pass file, compare two passes.

    python scripts/press_gold.py show K/N              passages of slice K of N (1-based), with their digits
    python scripts/press_gold.py check PASS.jsonl      every problem of a pass file, and what it still lacks
    python scripts/press_gold.py diff A.jsonl B.jsonl  where two passes disagree, passage by passage
    python scripts/press_gold.py finalize PASS.jsonl   the pass with start/end offsets, as gold lines
    python scripts/press_gold.py merge A B RESOLVED    gold lines: A where the passes agree, RESOLVED where they did not
                                                       (each a file or a folder of .jsonl files)

A pass file holds one JSON object per passage, as docs/annotation.md describes, except that each
span is given by its `text` (and `nth`, 1-based, when the same text occurs more than once in the
passage) instead of offsets: this script finds the offsets and checks that every digit is covered.
The passages are read from ../shared/press/passages.jsonl (or $PRESS_PASSAGES).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.evaluate.gold import PASSAGES_DEFAULT, load_passages  # noqa: E402
from compare.evaluate.passages import compare_passes, parse_pass, pass_problems, slice_of  # noqa: E402


def _passages():
    return load_passages(os.environ.get("PRESS_PASSAGES") or ROOT / PASSAGES_DEFAULT)


def cmd_show(arg: str) -> None:
    passages = _passages()
    if "/" in arg:
        k, n = (int(x) for x in arg.split("/"))
        chosen = slice_of(list(passages.values()), k, n)
    else:
        chosen = [passages[i] for i in arg.replace(",", " ").split()]
    for p in chosen:
        print(f"=== {p.id}  [{p.lang}] {p.outlet}  {p.published or ''}")
        print(p.text)
        print()


def cmd_check(path: str) -> int:
    passages = _passages()
    records, problems = parse_pass(path, passages)
    problems += pass_problems(records, passages)
    for pr in problems:
        print(pr)
    print(f"{len(records)} passages annotated, {sum(len(r.claims) for r in records)} claims, "
          f"{sum(len(r.numbers) for r in records)} other numbers; {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def cmd_diff(a: str, b: str) -> int:
    passages = _passages()
    ra, pa = parse_pass(a, passages)
    rb, pb = parse_pass(b, passages)
    if pa or pb:
        for pr in pa + pb:
            print(pr)
        return 1
    report, stats = compare_passes(ra, rb)
    for line in report:
        print(line)
    print(json.dumps(stats), file=sys.stderr)
    return 0


def cmd_finalize(path: str) -> int:
    passages = _passages()
    records, problems = parse_pass(path, passages)
    problems += pass_problems(records, passages)
    if problems:
        for pr in problems:
            print(pr, file=sys.stderr)
        return 1
    for r in records:
        print(json.dumps(r.gold_json(), ensure_ascii=False))
    return 0


def _read_many(paths: list[str], passages) -> tuple[list, list[str]]:
    records, problems = [], []
    for path in paths:
        r, p = parse_pass(path, passages)
        records += r
        problems += p
    return records, problems


def _files(path: str) -> list[str]:
    """A pass file, or every .jsonl file of a folder in name order; nothing for a path that does not exist."""
    p = Path(path)
    if p.is_dir():
        return sorted(str(x) for x in p.glob("*.jsonl"))
    return [path] if p.exists() else []


def cmd_merge(a: str, b: str, resolved: str) -> int:
    """A's record where both passes agree on the claims; the resolved record where they disagreed."""
    passages = _passages()
    ra, pa = _read_many(_files(a), passages)
    rb, pb = _read_many(_files(b), passages)
    rr, pr = _read_many(_files(resolved), passages)
    problems = pa + pb + pr + pass_problems(rr, passages)
    disputed = {line for line in compare_passes(ra, rb)[0] if not line.startswith(" ")}
    fixed: dict = {}
    for r in rr:
        if r.id in fixed:
            problems.append(f"{r.id}: resolved twice")
        fixed[r.id] = r
    amap, bmap = {r.id: r for r in ra}, {r.id: r for r in rb}
    out = []
    for pid in passages:
        if pid not in amap or pid not in bmap:
            problems.append(f"{pid}: not annotated twice (A: {pid in amap}, B: {pid in bmap})")
            continue
        if pid in disputed and pid not in fixed:
            problems.append(f"{pid}: the passes disagree and no resolution is given")
            continue
        out.append(fixed.get(pid, amap[pid]))
    for pr_ in problems:
        print(pr_, file=sys.stderr)
    for r in out:
        print(json.dumps(r.gold_json(), ensure_ascii=False))
    print(f"{len(out)} passages merged ({len(fixed)} resolved); {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("show").add_argument("slice")
    sub.add_parser("check").add_argument("path")
    d = sub.add_parser("diff")
    d.add_argument("a")
    d.add_argument("b")
    sub.add_parser("finalize").add_argument("path")
    m = sub.add_parser("merge")
    m.add_argument("a")
    m.add_argument("b")
    m.add_argument("resolved")
    args = ap.parse_args()
    if args.cmd == "show":
        cmd_show(args.slice)
        return 0
    if args.cmd == "check":
        return cmd_check(args.path)
    if args.cmd == "diff":
        return cmd_diff(args.a, args.b)
    if args.cmd == "merge":
        return cmd_merge(args.a, args.b, args.resolved)
    return cmd_finalize(args.path)


if __name__ == "__main__":
    sys.exit(main())
