"""Hostile article texts, written into a folder at test time (no committed blobs).

`make_texts(folder, big=False)` writes one file per shape that once made extraction slow or
endless, and returns {name: path}. The sizes are those of issue 16's measurements:

- `price_list_fr.txt`: a 14.5 KB French price list in one sentence (commas, no full stop);
- `numbers_390.txt`: a 25 KB English sentence with 390 figures;
- `short_100k.txt`, `short_400k.txt`: 100 kB and 400 kB of short press sentences;
- `one_line_50m.txt` (only with `big=True`): a 50 MB file on one line, no sentence end.

Everything is deterministic (a seeded generator). Run it by hand to time extraction:

    python tests/hostile/make_texts.py /tmp/hostile_texts --big
    time claim-compare extract /tmp/hostile_texts/price_list_fr.txt
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

PRODUCTS_FR = ["le forfait Essentiel", "l'offre Pro", "l'abonnement Famille", "la formule Entreprise",
               "le pack Étudiant", "l'option Cloud", "la licence Équipe", "le plan Premium"]
SHORT = [
    "OpenAI has raised $6.6 billion at a $157 billion valuation.",
    "DeepSeek said it trained V3 for about $5.6 million on 2,048 Nvidia H800 GPUs.",
    "Mistral AI a levé 600 millions d'euros lors d'un tour de table.",
    "Le titre Nvidia a chuté de 17 % lundi, effaçant 589 milliards de dollars de capitalisation.",
    "ChatGPT Pro costs $200 a month, ten times the price of ChatGPT Plus.",
    "Microsoft a relevé de 30 % le prix de ses abonnements.",
    "The model needed 11 times less compute than Llama 3.",
    "In 2024, the company employed 3,000 people across 12 offices.",
]


def price_list_fr(size: int = 14_500, seed: int = 1) -> str:
    """One French sentence listing prices, joined by commas, about `size` bytes."""
    rng = random.Random(seed)
    parts = ["Les tarifs de la plateforme sont les suivants"]
    while len(" ".join(parts).encode("utf-8")) < size:
        euros = rng.randint(1, 999)
        cents = rng.randint(0, 99)
        per = rng.choice(["par mois", "par an", "par utilisateur et par mois", "le million de tokens"])
        parts.append(f"{rng.choice(PRODUCTS_FR)} à {euros},{cents:02d} euros {per},")
    return " ".join(parts).rstrip(",") + "."


def numbers_sentence(count: int = 390, size: int = 25_000, seed: int = 2) -> str:
    """One English sentence of `count` figures of every kind, each after a company name (a league
    table), bare and scaled figures among them, padded with words to about `size` bytes."""
    rng = random.Random(seed)
    names = ["OpenAI", "Anthropic", "Mistral AI", "Nvidia", "Google", "Meta", "xAI", "DeepSeek", "Microsoft"]
    forms = ["${:,} million", "{:,} GPUs", "{}%", "€{:,} billion", "{:,} million", "{}x more compute",
             "$ {:,} per month", "{:,}", "{:,} billion"]
    parts = ["Over the years the companies disclosed"]
    for i in range(count):
        parts.append(f"{rng.choice(names)} {rng.choice(forms).format(rng.randint(2, 90_000))},")
        parts.append(rng.choice(["then", "against", "while", "compared with"]))
    text = " ".join(parts)
    filler = " and according to the latest filings the company reported"
    pad = max(0, size - len(text.encode("utf-8")) - 1)
    return (text + filler * (pad // len(filler) + 1))[:size - 1] + "."


def short_sentences(size: int, seed: int = 3) -> str:
    """Press sentences of ordinary length, `size` bytes in all."""
    rng = random.Random(seed)
    out, n = [], 0
    while n < size:
        s = rng.choice(SHORT)
        out.append(s)
        n += len(s.encode("utf-8")) + 1
    return " ".join(out)


def one_line(size: int = 50_000_000) -> str:
    """`size` bytes on one line with no sentence end: words and figures, commas only."""
    chunk = "la société a levé 12,5 millions d'euros puis 3 000 GPU, "
    return (chunk * (size // len(chunk.encode("utf-8")) + 1)).encode("utf-8")[:size].decode("utf-8", "ignore")


def make_texts(folder: Path, big: bool = False) -> dict[str, Path]:
    """Write the hostile texts into `folder`; {name: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {
        "price_list_fr": price_list_fr(),
        "numbers_390": numbers_sentence(),
        "short_100k": short_sentences(100_000),
        "short_400k": short_sentences(400_000),
    }
    if big:
        texts["one_line_50m"] = one_line()
    paths = {}
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    for name, path in make_texts(Path(args[0] if args else "hostile_texts"), big="--big" in sys.argv).items():
        print(f"{path}\t{path.stat().st_size:,} bytes")
