"""Corpus scale, in one run: extraction (articles/s, MB/s, peak memory) over generated press-like
articles, and the workbook from a claims file (`export --claims`) for 1k, 10k and 100k claims beside
XlsxWriter's constant_memory mode writing the same rows and columns (benchmarks/xlsxwriter_baseline.py).

Usage:
  python benchmarks/bench_scale.py                      # extraction of 1,000 articles; 1k, 10k, 100k claims
  python benchmarks/bench_scale.py --claims 10000       # the workbook only, at these sizes
  python benchmarks/bench_scale.py --articles 1000 10000 --jobs 2 --end-to-end
                                                        # `export -j 2` of generated articles, time per article

Each measurement runs in its own process (CPU = user + system of that process and its workers, peak =
the largest resident set among them). The baseline needs XlsxWriter: `pip install -e '.[bench]'`.
Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402


def measured(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one command (its waited-for workers included)."""
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONHASHSEED": "0"})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 3):  # 3: some files skipped
        raise SystemExit(f"{' '.join(args)} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "compare", *args]


def extraction(n: int, jobs: int, tmp: Path) -> None:
    folder = tmp / f"articles{n}"
    size, known = corpus.write_articles(folder, n)
    out = tmp / f"claims{n}.jsonl"
    for j in sorted({1, jobs}):
        wall, cpu, peak = measured(["sh", "-c", " ".join(cli("extract", str(folder), "--rules", str(RULES),
                                                            "-j", str(j), "-q")) + f" > {out}"])
        found = sum(1 for _ in open(out, encoding="utf-8"))
        print(f"extract -j {j}: {n:,} articles ({size / 1e6:.1f} MB, {len(known):,} claims written in): "
              f"{n / wall:,.0f} articles/s, {size / 1e6 / wall:.2f} MB/s, CPU {cpu:.1f} s, peak {peak:.0f} MB, "
              f"{found:,} claims out")


def workbook(n: int, tmp: Path) -> None:
    claims = tmp / f"synthetic{n}.jsonl"
    corpus.write_claims(claims, n)
    ours = measured(cli("export", "--claims", str(claims), "--rules", str(RULES), "-o",
                        str(tmp / f"ours{n}.xlsx"), "--now", "2025-06-01"))
    theirs = measured([sys.executable, __file__, "--baseline", str(claims), str(tmp / f"xlsxwriter{n}.xlsx"),
                       str(RULES)])
    size = (tmp / f"ours{n}.xlsx").stat().st_size / 1e6
    other = (tmp / f"xlsxwriter{n}.xlsx").stat().st_size / 1e6
    print(f"export --claims, {n:>7,} claims: {ours[0]:6.1f} s, CPU {ours[1]:6.1f} s, peak {ours[2]:4.0f} MB, "
          f"{size:5.1f} MB | XlsxWriter constant_memory, same rows: {theirs[0]:6.1f} s, CPU {theirs[1]:6.1f} s, "
          f"peak {theirs[2]:4.0f} MB, {other:5.1f} MB | CPU ratio {ours[1] / theirs[1]:.2f}")


def end_to_end(sizes: list[int], jobs: int, tmp: Path) -> None:
    for n in sizes:
        folder = tmp / f"e2e{n}"
        size, _ = corpus.write_articles(folder, n)
        wall, cpu, peak = measured(cli("export", str(folder), "--rules", str(RULES), "-j", str(jobs), "-q",
                                       "-o", str(tmp / f"e2e{n}.xlsx"), "--now", "2025-06-01"))
        print(f"export -j {jobs}: {n:>6,} articles ({size / 1e6:.1f} MB): {wall:7.1f} s = {wall / n * 1000:.1f} ms "
              f"per article, CPU {cpu:.1f} s, peak {peak:.0f} MB")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--baseline"]:
        from xlsxwriter_baseline import write_baseline
        write_baseline(argv[1], Path(argv[2]), [argv[3]])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="*", default=[1000])
    ap.add_argument("--claims", type=int, nargs="*", default=[1000, 10_000, 100_000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--end-to-end", action="store_true", help="export the generated articles, per size")
    ap.add_argument("--rules", help="rules folder (default: the repository's)")
    args = ap.parse_args(argv)
    global RULES
    RULES = Path(args.rules or RULES)
    with tempfile.TemporaryDirectory(prefix="bench_scale.") as tmp:
        if args.end_to_end:
            end_to_end(args.articles, args.jobs, Path(tmp))
            return
        for n in args.articles:
            extraction(n, args.jobs, Path(tmp))
        for n in args.claims:
            workbook(n, Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
