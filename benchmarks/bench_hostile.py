"""Extraction time of the hostile texts of issue 16 (tests/hostile/make_texts.py), one process each.

Each text is extracted by `claim-compare extract` in its own process, stopped after a cap, and
its wall and CPU time printed (CPU time is what to compare on a shared machine) with the last
warning it gave. Prints figures; asserts nothing.
Usage: python benchmarks/bench_hostile.py [--big] [--cap SECONDS] [NAME ...]
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from make_texts import make_texts  # noqa: E402


def main() -> None:
    args = sys.argv[1:]
    cap = float(args[args.index("--cap") + 1]) if "--cap" in args else 300.0
    names = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--cap")]
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_texts(Path(tmp), big="--big" in args)
        for name, path in paths.items():
            if names and name not in names:
                continue
            t0 = time.perf_counter()
            cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            try:
                done = subprocess.run([sys.executable, "-m", "compare", "extract", str(path)], cwd=ROOT,
                                      capture_output=True, text=True, timeout=cap)
                wall = time.perf_counter() - t0
                cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
                claims = done.stdout.count("\n")
                notes = [line for line in done.stderr.splitlines() if line.strip()]
                print(f"{name:14} {path.stat().st_size / 1000:>9,.1f} kB {wall:8.2f} s wall {cpu:8.2f} s CPU  "
                      f"exit {done.returncode}  "
                      f"{claims} claims  {notes[-1][:100] if notes else ''}", flush=True)
            except subprocess.TimeoutExpired:
                print(f"{name:14} {path.stat().st_size / 1000:>9,.1f} kB  > {cap:.0f} s (stopped)", flush=True)


if __name__ == "__main__":
    main()
