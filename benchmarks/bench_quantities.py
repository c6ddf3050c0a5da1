"""Speed of the quantity parser against a bare digit scan, on the real press passages.

The corpus is the text of ../shared/press/passages.jsonl, each language apart: every passage on one
line (its line breaks made spaces), the passages repeated in file order until the language has
2.5 MB (5 MB in all with --mb 5). In the same run it times, per language and in total:

- the bare pass: `re.finditer(r"\\d[\\d\\s.,]*", line)` over every line (in process);
- the library: `find_mentions(line, lang)` over the same lines (in process, grammar already built);
- the command: `claim-compare quantities --lang LANG < FILE` as a subprocess, the whole command
  (interpreter start, imports, grammar, reading stdin, one JSON array a line to a file);

each the best of three runs (the bare pass, a few hundredths of a second, the best of ten), as MB/s and
as a slowdown against the bare pass (the target of issue 15: the command within 20x of the bare pass),
in wall-clock and in CPU time; and the command's startup: the whole command on one short line
(interpreter, imports, the grammar compiled), with the validated vocabulary in the user's cache as
every run but the first finds it (compare/lexicon.py), once more with an empty cache (the YAML
files read and validated, as after an edit of them), and with the bytecode of the modules cached as an
installed package has it (where PYTHONDONTWRITEBYTECODE is set, every other run compiles the sources).
Run from the repository root:

    .venv/bin/python benchmarks/bench_quantities.py [--mb 5] [--repeats 3] [--passages FILE] [--synthetic]

`--synthetic` adds the library on the generated press-like corpora of earlier measurements (figure
density of the seed article, and figures in every sentence).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from compare.quantities import COMPILED, find_mentions, reader

ROOT = Path(__file__).resolve().parents[1]
PASSAGES = ROOT.parent / "shared" / "press" / "passages.jsonl"
CODE = Path(reader.__file__).resolve().parents[2]  # where `compare` is imported from: the command runs there, on the same code
BARE = r"\d[\d\s.,]*"


def press_lines(path: Path, megabytes: float) -> dict[str, list[str]]:
    """{lang: lines}: each language's passages one a line, repeated to megabytes / 2 MB (UTF-8)."""
    texts: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            texts.setdefault(p["lang"], []).append(" ".join(p["text"].splitlines()))
    target = megabytes * 1_000_000 / len(texts)
    out: dict[str, list[str]] = {}
    for lang, items in sorted(texts.items()):
        lines, size, i = [], 0, 0
        while size < target:
            t = items[i % len(items)]
            lines.append(t)
            size += len(t.encode("utf-8")) + 1
            i += 1
        out[lang] = lines
    return out


def best_of(repeats: int, work):
    """The shortest of `repeats` timings of work() (the least disturbed run), and its result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - t0)
    return best, result


def cpu_best_of(repeats: int, work):
    """The shortest CPU time (user + system, this process and its children) of `repeats` runs: on a
    loaded machine the wall clock of a long run counts the other processes' time too."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = _cpu()
        result = work()
        best = min(best, _cpu() - t0)
    return best, result


def _cpu() -> float:
    """CPU seconds of this process and its finished children, to the microsecond (os.times counts
    hundredths: a quarter of the bare pass)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def bare_pass(lines: list[str]) -> int:
    return sum(1 for line in lines for _ in re.finditer(BARE, line))


def library(lines: list[str], lang: str) -> int:
    return sum(len(find_mentions(line, lang)) for line in lines)


def command(path: str, lang: str, out: str, env: Optional[dict] = None) -> int:
    """The whole command as a user runs it; returns the number of output lines. `env`: its environment
    (default: this process's)."""
    with open(path, "rb") as src, open(out, "wb") as dst:
        subprocess.run([sys.executable, "-m", "compare", "quantities", "--lang", lang], stdin=src, stdout=dst,
                       cwd=CODE, check=True, env=env)
    with open(out, "rb") as f:
        return sum(1 for _ in f)


def _empty_cache(tmp: str) -> dict:
    """The environment of a command that finds the user's cache directory empty."""
    cache = tempfile.mkdtemp(dir=tmp)
    return {**os.environ, "XDG_CACHE_HOME": cache, "LOCALAPPDATA": cache}


def measure_press(path: Path, megabytes: float, repeats: int = 3, bare_repeats: int = 10) -> dict:
    corpus = press_lines(path, megabytes)
    for lang in corpus:
        find_mentions("5 %", lang)  # the grammar is built once per process; the command pays for it itself
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang, lines in corpus.items():
            src = os.path.join(tmp, f"{lang}.txt")
            with open(src, "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(lines) + "\n")
            mb = os.path.getsize(src) / 1e6
            dest = os.path.join(tmp, f"{lang}.jsonl")
            t_bare, runs = best_of(bare_repeats, lambda: bare_pass(lines))
            t_lib, found = best_of(repeats, lambda: library(lines, lang))
            t_cli, out_lines = best_of(repeats, lambda: command(src, lang, dest))
            assert out_lines == len(lines), (out_lines, len(lines))
            c_bare, _ = cpu_best_of(bare_repeats, lambda: bare_pass(lines))
            c_lib, _ = cpu_best_of(repeats, lambda: library(lines, lang))
            c_cli, _ = cpu_best_of(repeats, lambda: command(src, lang, dest))
            rows[lang] = dict(mb=mb, lines=len(lines), runs=runs, mentions=found, bare=t_bare, lib=t_lib, cli=t_cli,
                              c_bare=c_bare, c_lib=c_lib, c_cli=c_cli)
        one = os.path.join(tmp, "one.txt")
        with open(one, "w", encoding="utf-8") as f:
            f.write("5 %\n")
        t_start, _ = best_of(repeats, lambda: command(one, "en", os.path.join(tmp, "one.jsonl")))
        c_start, _ = cpu_best_of(repeats, lambda: command(one, "en", os.path.join(tmp, "one.jsonl")))
        cold = [cpu_best_of(1, lambda: command(one, "en", os.path.join(tmp, "one.jsonl"), _empty_cache(tmp)))[0]
                for _ in range(repeats)]  # each run with a new, empty cache
        compiled = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        compiled["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
        command(one, "en", os.path.join(tmp, "one.jsonl"), compiled)  # writes the bytecode
        c_pyc, _ = cpu_best_of(repeats, lambda: command(one, "en", os.path.join(tmp, "one.jsonl"), compiled))
    total = {k: sum(r[k] for r in rows.values()) for k in next(iter(rows.values()))}
    rows["all"] = total
    print(f"press passages ({path.name}), each language with its --lang, best of {repeats} (bare pass: {bare_repeats}); "
          f"parser: {'compiled (mypyc)' if COMPILED else 'pure Python'}, from {CODE}:")
    print(f"  {'':4} {'MB':>5} {'lines':>6} {'digit runs':>10} {'mentions':>8} | {'bare pass':>9} | "
          f"{'library':>20} | {'claim-compare quantities':>26}")
    for lang, r in rows.items():
        print(f"  {lang:4} {r['mb']:5.2f} {r['lines']:6d} {r['runs']:10d} {r['mentions']:8d} | "
              f"{r['mb'] / r['bare']:5.0f} MB/s | {r['mb'] / r['lib']:5.2f} MB/s (1/{r['lib'] / r['bare']:4.1f}) | "
              f"{r['mb'] / r['cli']:5.2f} MB/s (1/{r['cli'] / r['bare']:4.1f}) {r['cli']:5.2f} s")
    print(f"  the command runs at 1/{total['cli'] / total['bare']:.1f} of the bare pass (target: 1/20 or better); "
          f"the library at 1/{total['lib'] / total['bare']:.1f}; "
          f"{(total['lib'] / total['mentions']) * 1e6:.0f} us per mention in the library, "
          f"{(total['cli'] / total['mentions']) * 1e6:.0f} in the command (its startup included)")
    print(f"  in CPU time (user + system): bare {total['c_bare']:.3f} s, library {total['c_lib']:.2f} s "
          f"(1/{total['c_lib'] / total['c_bare']:.1f}), "
          f"command {total['c_cli']:.2f} s (1/{total['c_cli'] / total['c_bare']:.1f}); "
          f"{total['c_lib'] / total['mentions'] * 1e6:.0f} and {total['c_cli'] / total['mentions'] * 1e6:.0f} us per mention; "
          f"per language:"
          + "".join(f" {lang} library 1/{r['c_lib'] / r['c_bare']:.1f}, command 1/{r['c_cli'] / r['c_bare']:.1f};"
                    for lang, r in rows.items() if lang != "all"))
    print(f"  startup of the command (one short line: interpreter, imports, grammar): {t_start:.2f} s wall, "
          f"{c_start:.2f} s CPU, once per process and language; {min(cold):.2f} s CPU with an empty cache "
          "(the vocabulary validated, as the first run after installing or editing it); "
          f"{c_pyc:.2f} s CPU with the bytecode cached"
          + (" (as installed: here PYTHONDONTWRITEBYTECODE is set, so every other run compiles the sources)"
             if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""))
    return rows


# The generated corpora of the first measurements (library only): templates with varied figures.
FR = [
    "“V3” n’a par exemple réclamé que {a},{b} millions de dollars pour son entraînement.",
    "Contre plus de {n} millions de dollars pour “GPT-4o” d’OpenAI, selon la société.",
    "Le modèle a nécessité {k} fois moins de temps de calcul que Llama-3 de Meta.",
    "Le projet “Stargate”, doté de {n} milliards de dollars, a été annoncé le {d} janvier {y}.",
    "Microsoft a augmenté ses prix d’environ {p} % à cause de l’IA.",
    "L’abonnement ChatGPT Pro est proposé à {n} dollars par mois depuis décembre.",
    "Doubao 1.5 serait environ {k} fois moins cher que GPT-4o, affirme ByteDance.",
    "L’entreprise emploie {n} {m} personnes et vise {p} % de croissance en {y}.",
    "Les dirigeants se sont réunis mercredi {d} janvier pour discuter de la régulation.",
    "Le titre Nvidia a chuté de {p},{b} % lundi, effaçant près de {n} milliards de dollars.",
    "La start-up a levé entre {a} et {k} millions d’euros auprès de fonds européens.",
    "Selon les analystes, la demande restera forte pendant plusieurs années encore.",
    "Le gouvernement n’a pas souhaité commenter ces informations, a indiqué un porte-parole.",
    "Les chercheurs ont entraîné le modèle sur {n} {m} GPU H800 pendant deux mois.",
    "Cette décision intervient dans un contexte de concurrence accrue entre les laboratoires.",
]
FR_PLAIN = [
    "Le lancement a provoqué une onde de choc dans la Silicon Valley et à Wall Street.",
    "Les investisseurs s’interrogent sur la rentabilité des énormes dépenses engagées par les géants du secteur.",
    "La jeune pousse chinoise affirme avoir contourné les restrictions américaines sur les puces les plus avancées.",
    "Plusieurs experts doutent toutefois des chiffres avancés par l’entreprise, qui n’ont pas été vérifiés.",
    "Le président américain a qualifié cette percée de signal d’alarme pour l’industrie nationale.",
    "À Pékin, les autorités saluent une démonstration de la capacité d’innovation du pays.",
    "Les concurrents européens, eux, peinent encore à lever des fonds comparables.",
    "Le modèle est distribué sous une licence ouverte, ce qui facilite sa diffusion.",
    "Des chercheurs ont rapidement reproduit une partie des résultats publiés.",
    "La question de la protection des données personnelles reste entière pour les régulateurs.",
]
EN_PLAIN = [
    "The launch sent shockwaves through Silicon Valley and Wall Street alike.",
    "Investors are questioning the returns on the huge sums spent by the largest technology companies.",
    "The Chinese startup says it worked around American export controls on the most advanced chips.",
    "Several experts doubt the figures, which have not been independently verified.",
    "The president called the breakthrough a wake-up call for the domestic industry.",
    "In Beijing, officials hailed it as proof of the country's capacity to innovate.",
    "European rivals are still struggling to raise comparable funding.",
    "The model is released under an open licence, which makes it easy to adopt.",
    "Researchers quickly reproduced part of the published results.",
    "Data protection remains an open question for regulators on both sides of the Atlantic.",
]
EN = [
    "DeepSeek said it spent ${a}.{b} million on training, far less than rivals.",
    "GPT-4 cost more than ${n} million to train, according to OpenAI's chief executive.",
    "The model used {k}x less compute than Llama 3.1 405B, the company claimed.",
    "The Stargate project, with ${n} billion of funding, was unveiled on January {d}, {y}.",
    "Microsoft raised prices by about {p}% as it bundled AI features into Office.",
    "ChatGPT Pro costs ${n} a month and includes unlimited access to o1.",
    "Shares of Nvidia fell {p}.{b}% on Monday, wiping out nearly ${n} billion in value.",
    "The startup raised between ${a} million and ${k} million from investors.",
    "Analysts said demand would remain strong for several years to come.",
    "A spokesperson declined to comment on the report on Tuesday.",
    "Researchers trained the model on {n},{m} Nvidia H800 GPUs for two months.",
    "Prices start at ${a}.{b} per million input tokens for the cheapest tier.",
    "The competition between laboratories has intensified since the release.",
    "Revenue grew {p}% to ${a}.{b} billion in fiscal {y}.",
    "The chips are twice as expensive as last year's models.",
]


def corpus(megabytes: float, plain_share: float = 0.0, seed: int = 7) -> list[tuple[str, str]]:
    """A deterministic press-like corpus of at least `megabytes` MB (UTF-8) as (lang, paragraph) pairs.

    `plain_share` is the share of sentences without figures (0.75 gives about one digit run per
    200 characters, the density of the seed article; 0 gives figures in every sentence).
    """
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    paragraphs: list[tuple[str, str]] = []
    size = 0
    while size < target:
        lang = "fr" if rng.random() < 0.5 else "en"
        sentences = []
        for _ in range(8):
            if rng.random() < plain_share:
                sentences.append(rng.choice(FR_PLAIN if lang == "fr" else EN_PLAIN))
                continue
            template = rng.choice(FR if lang == "fr" else EN)
            sentences.append(template.format(
                a=rng.randint(1, 9), b=rng.randint(10, 99), n=rng.randint(2, 900), m=f"{rng.randint(0, 999):03d}",
                k=rng.randint(2, 60), p=rng.randint(1, 60), d=rng.randint(1, 28), y=rng.randint(2019, 2026)))
        paragraph = " ".join(sentences)
        paragraphs.append((lang, paragraph))
        size += len(paragraph.encode("utf-8")) + 1
    return paragraphs


def measure(paragraphs: list[tuple[str, str]], label: str) -> float:
    """Print MB/s of the bare scan and of find_mentions over the paragraphs; returns the slowdown."""
    text = "\n".join(p for _, p in paragraphs)
    mb = len(text.encode("utf-8")) / 1e6
    t_bare, bare = best_of(3, lambda: sum(1 for _ in re.finditer(BARE, text)))
    t_parse, found = best_of(3, lambda: sum(len(find_mentions(p, lang)) for lang, p in paragraphs))
    slowdown = t_parse / t_bare
    print(f"{label}: {mb:.2f} MB, {len(paragraphs)} paragraphs, one digit run per {len(text) / max(bare, 1):.0f} chars")
    print(f"  bare digit scan: {mb / t_bare:8.1f} MB/s ({bare} digit runs, {t_bare:.3f} s)")
    print(f"  find_mentions:   {mb / t_parse:8.1f} MB/s ({found} mentions, {t_parse:.3f} s)")
    print(f"  ratio: the library runs at 1/{slowdown:.1f} of the bare scan")
    return slowdown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB, both languages (default 5)")
    ap.add_argument("--repeats", type=int, default=3, help="runs of each timing, the best kept (default 3)")
    ap.add_argument("--passages", type=Path, default=Path(os.environ.get("PRESS_PASSAGES", PASSAGES)),
                    help="the press passages (default: ../shared/press/passages.jsonl)")
    ap.add_argument("--synthetic", action="store_true", help="also time the library on the generated corpora")
    args = ap.parse_args()
    measure_press(args.passages, args.mb, repeats=args.repeats, bare_repeats=max(10, args.repeats))
    if args.synthetic:
        measure(corpus(args.mb, plain_share=0.75), "generated corpus (figure density of the seed article)")
        measure(corpus(args.mb, plain_share=0.0), "generated corpus (figures in every sentence)")


if __name__ == "__main__":
    main()
