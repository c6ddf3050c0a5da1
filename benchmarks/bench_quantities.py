"""Speed of compare.quantities.find_mentions against a bare digit scan, on a >= 5 MB press-like corpus.

The corpus is built here from French and English sentence templates with varied figures, plus
sentences without any number, as press text has. Run from the repository root:

    .venv/bin/python benchmarks/bench_quantities.py [--mb 5]

It prints MB/s of find_mentions and of `re.finditer(r"\\d[\\d\\s.,]*", text)` and their ratio
(target: the parser at least 1/20 of the bare scan).
"""
from __future__ import annotations

import argparse
import random
import re
import time

from compare.quantities import find_mentions

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


def corpus(megabytes: float, seed: int = 7) -> str:
    """A deterministic press-like corpus of at least `megabytes` MB (UTF-8), French and English mixed."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        template = rng.choice(FR if rng.random() < 0.5 else EN)
        s = template.format(a=rng.randint(1, 9), b=rng.randint(10, 99), n=rng.randint(2, 900),
                            m=f"{rng.randint(0, 999):03d}", k=rng.randint(2, 60), p=rng.randint(1, 60),
                            d=rng.randint(1, 28), y=rng.randint(2019, 2026))
        parts.append(s)
        size += len(s.encode("utf-8")) + 1
    return "\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    args = ap.parse_args()
    text = corpus(args.mb)
    mb = len(text.encode("utf-8")) / 1e6
    lines = text.split("\n")
    fr_lines = [line for i, line in enumerate(lines) if line in FR_SET or _is_fr(line)]
    find_mentions("warm-up 5 %", "fr")
    find_mentions("warm-up 5%", "en")

    t0 = time.perf_counter()
    bare = sum(1 for _ in re.finditer(r"\d[\d\s.,]*", text))
    t_bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    found = 0
    for line in lines:
        found += len(find_mentions(line, "fr" if _is_fr(line) else "en"))
    t_parse = time.perf_counter() - t0

    print(f"corpus: {mb:.2f} MB, {len(lines)} sentences ({len(fr_lines)} French)")
    print(f"bare digit scan: {mb / t_bare:8.1f} MB/s ({bare} digit runs, {t_bare:.3f} s)")
    print(f"find_mentions:   {mb / t_parse:8.1f} MB/s ({found} mentions, {t_parse:.3f} s)")
    print(f"ratio: parser runs at 1/{t_parse / t_bare:.1f} of the bare scan (target: 1/20 or better)")


FR_SET: frozenset = frozenset()
_FR_MARK = re.compile(r"[éèàùç’]|\b(?:le|la|les|de|des|du|et)\b")


def _is_fr(line: str) -> bool:
    return bool(_FR_MARK.search(line))


if __name__ == "__main__":
    main()
