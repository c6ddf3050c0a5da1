"""Extraction throughput: articles and MB per second, and peak memory, over a synthetic corpus.

Builds N articles from the seed and press-style sentences (written here, no data downloaded),
writes them to a temporary folder and times `extract` over them in one and in two processes.
Prints figures; asserts nothing. Usage: python benchmarks/bench_extract.py [N_ARTICLES]
"""
from __future__ import annotations

import io
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.pipeline import run, write_claims  # noqa: E402
from compare.rules import load_rules  # noqa: E402

SENTENCES = [
    "OpenAI has raised $6.6 billion at a $157 billion valuation.",
    "DeepSeek said it trained V3 for about $5.6 million on 2,048 Nvidia H800 GPUs.",
    "Mistral AI a levé 600 millions d'euros lors d'un tour de table.",
    "Le titre Nvidia a chuté de 17 % lundi, effaçant 589 milliards de dollars de capitalisation.",
    "ChatGPT Pro costs $200 a month, ten times the price of ChatGPT Plus.",
    "Microsoft a relevé de 30 % le prix de ses abonnements.",
    "The model needed 11 times less compute than Llama 3.",
    "In 2024, the company employed 3,000 people across 12 offices.",
]


def corpus(folder: Path, n: int) -> int:
    seed = (ROOT / "seeds" / "000_b83a57ec9cdd648f.txt").read_text(encoding="utf-8")
    rng = random.Random(7)
    size = 0
    for i in range(n):
        if i % 4 == 0:
            text = seed
        else:
            text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(20, 60)))
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    rules = load_rules([ROOT / "rules"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = corpus(folder, n)
        for jobs in (1, 2):
            t = time.perf_counter()
            out = io.StringIO()
            claims = write_claims([str(folder)], [str(ROOT / "rules")], out, jobs=jobs)
            dt = time.perf_counter() - t
            print(f"extract, {jobs} process(es): {n} articles, {size / 1e6:.2f} MB, {claims} claims in {dt:.2f} s"
                  f" = {n / dt:.0f} articles/s, {size / 1e6 / dt:.2f} MB/s")
        tracemalloc.start()
        total = sum(len(r.claims) for r in run([str(folder)], rules))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"peak Python memory while streaming {n} articles ({total} claims): {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
