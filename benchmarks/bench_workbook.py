"""Time and peak memory of writing the workbook for 10,000 and 100,000 synthetic claims.

Usage: python benchmarks/bench_workbook.py [N ...]   (default: 10000 100000)
Each size runs in its own process so that its peak resident memory is its own.
It then re-exports over the file it wrote, which also reads the previous review back.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUANTITIES = [("training_cost", "USD", "money"), ("compute", "x", "ratio"), ("investment", "USD", "money"),
              ("price_change", "percent", "percent"), ("subscription_price", "EUR", "money"),
              ("compute", "GPU-hours", "count")]


def synthetic(n: int):
    from compare.models import Article, Claim, Comparison, Unclaimed
    from compare.rules import Quantity, RuleSet

    per_article = 100
    articles, claims, unclaimed, comparisons = [], [], [], []
    filler = ("Selon les documents consultés, le modèle {e} aurait coûté {v} à entraîner, un chiffre que "
              "les concurrents contestent, tandis que les analystes soulignent l'incertitude des estimations. ")
    for a in range(0, n // per_article + 1):
        aid = f"{a:05d}_synthetic"
        text = "".join(filler.format(e=f"Model {a}-{k}", v=f"{k + 1},5 millions de dollars") for k in range(per_article))
        articles.append(Article(id=aid, path=f"synthetic/{aid}.txt", text=text, lang="fr",
                                url=f"https://news.example.org/{aid}", date=f"2025-01-{a % 28 + 1:02d}"))
        pos = 0
        for k in range(per_article):
            i = a * per_article + k
            if i >= n:
                break
            sentence = filler.format(e=f"Model {a}-{k}", v=f"{k + 1},5 millions de dollars")
            span = f"{k + 1},5 millions de dollars"
            s = sentence.index(span)
            qid, unit, kind = QUANTITIES[i % len(QUANTITIES)]
            claims.append(Claim(id=f"c{i:07d}", article=aid, entity=f"Model {i % 500}", quantity=qid,
                                value=(k + 1.5) * 1e6 if kind != "percent" else 12.5, unit=unit, kind=kind,
                                text=span, start=pos + s, end=pos + s + len(span), sentence=sentence,
                                sentence_start=pos, rule=f"{qid}/cue", cue="coût", why="cue word before the number"))
            if i % 10 == 0:
                unclaimed.append(Unclaimed(article=aid, text="2025", start=pos, end=pos + 4, value=2025,
                                           sentence=sentence, reason="a year"))
            if i % 20 == 0:
                comparisons.append(Comparison(id=f"cmp{i:07d}", kind="across_sources", quantity=qid,
                                              entity=f"Model {i % 500}", left=f"c{i:07d}", right=f"c{i + 1:07d}",
                                              verdict=["consistent", "disagree", "unverifiable"][i % 3], reason="synthetic"))
            pos += len(sentence)
    rules = RuleSet(quantities=tuple(Quantity(id=q, measures=["money", "ratio", "percent", "count"], cues={"fr": ["coût"]})
                                     for q in sorted({q for q, _, _ in QUANTITIES})))
    return dict(articles=articles, claims=claims, unclaimed=unclaimed, comparisons=comparisons, rules=rules,
                now="2025-02-01")


def one(n: int) -> None:
    from compare.workbook import write_workbook

    data = synthetic(n)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.xlsx"
        t0 = time.perf_counter()
        result = write_workbook(out, **data)
        t1 = time.perf_counter()
        write_workbook(out, **data)
        t2 = time.perf_counter()
        size = out.stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>7,} claims: first export {t1 - t0:6.1f} s, re-export (reads the review) {t2 - t1:6.1f} s, "
          f"peak RSS {peak:6.0f} MB (whole process, inputs included), file {size:5.1f} MB, "
          f"sheets {len(result.sheets)}, warnings {len(result.warnings)}")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        one(int(argv[1]))
        return
    for n in [int(a) for a in argv] or [10_000, 100_000]:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True, env={**os.environ, "PYTHONHASHSEED": "0"})


if __name__ == "__main__":
    main(sys.argv[1:])
