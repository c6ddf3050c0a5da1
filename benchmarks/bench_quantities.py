"""Speed of compare.quantities.find_mentions against a bare digit scan, on a >= 5 MB press-like corpus.

The corpus is built here from French and English sentence templates with varied figures, plus
sentences without any number, as press text has. Run from the repository root:

    .venv/bin/python benchmarks/bench_quantities.py [--mb 5]

It prints MB/s of find_mentions and of `re.finditer(r"\\d[\\d\\s.,]*", text)` and their ratio
(target: the parser at least 1/20 of the bare scan; each the best of three runs), on a corpus with the figure density of the
seed article and on one with figures in every sentence.
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


def best_of(repeats: int, work):
    """The shortest of `repeats` timings of work() (the least disturbed run), and its result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - t0)
    return best, result


def measure(paragraphs: list[tuple[str, str]], label: str) -> float:
    """Print MB/s of the bare scan and of find_mentions over the paragraphs; returns the slowdown."""
    text = "\n".join(p for _, p in paragraphs)
    mb = len(text.encode("utf-8")) / 1e6
    t_bare, bare = best_of(3, lambda: sum(1 for _ in re.finditer(r"\d[\d\s.,]*", text)))
    t_parse, found = best_of(3, lambda: sum(len(find_mentions(p, lang)) for lang, p in paragraphs))
    slowdown = t_parse / t_bare
    print(f"{label}: {mb:.2f} MB, {len(paragraphs)} paragraphs, one digit run per {len(text) / max(bare, 1):.0f} chars")
    print(f"  bare digit scan: {mb / t_bare:8.1f} MB/s ({bare} digit runs, {t_bare:.3f} s)")
    print(f"  find_mentions:   {mb / t_parse:8.1f} MB/s ({found} mentions, {t_parse:.3f} s)")
    print(f"  ratio: the parser runs at 1/{slowdown:.1f} of the bare scan (target: 1/20 or better)")
    return slowdown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    args = ap.parse_args()
    find_mentions("5 %", "fr")
    find_mentions("5%", "en")
    measure(corpus(args.mb, plain_share=0.75), "press-like corpus (figure density of the seed article)")
    measure(corpus(args.mb, plain_share=0.0), "figure-dense corpus (figures in every sentence)")


if __name__ == "__main__":
    main()
