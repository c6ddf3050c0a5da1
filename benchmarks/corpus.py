"""Press-like corpora for the benchmarks, in English and French, with the claims each article states.

`write_articles(folder, n)` writes n articles (`.txt`, the metadata footer the scraped press pages
carry) and returns what each one claims (article id, entity, quantity, value in base units);
`claim_records(n)` gives n claim records as `extract --format jsonl` prints them (the article keys
included), for the workbook and comparisons without the cost of extraction: many entities, every
unit the workbook formats, stated ratios against other entities, periods, ranges, qualifiers.
Deterministic: the same n gives the same corpus. Nothing is downloaded.
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterator, NamedTuple

COMPANIES = ["OpenAI", "Anthropic", "Mistral AI", "DeepSeek", "Google", "Meta", "Microsoft", "Nvidia", "xAI",
             "Cohere", "Perplexity", "Hugging Face", "Inflection AI", "Aleph Alpha", "Moonshot AI", "Zhipu AI"]
MODELS = ["GPT-4o", "GPT-4", "Llama 3", "DeepSeek V3", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Mistral Large",
          "Grok 2", "Qwen 2.5", "Doubao 1.5"]


class Known(NamedTuple):
    article: str
    entity: str
    quantity: str
    value: float


# (language, quantity, template, value maker, value in base units)
EN = [
    ("investment", "{e} has raised ${v} billion in a new funding round, people familiar with the matter said.",
     lambda r: r.choice([1.5, 2, 4, 6.6, 10]), 1e9),
    ("valuation", "The deal values {e} at ${v} billion, more than double its valuation a year ago.",
     lambda r: r.choice([12, 30, 60, 157, 300]), 1e9),
    ("training_cost", "Training {m} cost about ${v} million, according to the technical report.",
     lambda r: r.choice([5.6, 12, 63, 78, 100]), 1e6),
    ("subscription_price", "{e} charges ${v} a month for its premium plan.", lambda r: r.choice([8, 20, 25, 200]), 1),
    ("revenue", "{e} expects revenue of ${v} billion this year, its chief financial officer said.",
     lambda r: r.choice([1.2, 3.7, 4, 11.6]), 1e9),
]
FR = [
    ("investment", "{e} a levé {v} millions d'euros lors d'un tour de table mené par des fonds américains.",
     lambda r: r.choice([105, 385, 600, 1700]), 1e6),
    ("valuation", "La start-up {e} est désormais valorisée {v} milliards d'euros.", lambda r: r.choice([2, 6, 11.7]), 1e9),
    ("training_cost", "L'entraînement de {m} aurait coûté {v} millions de dollars.",
     lambda r: r.choice([5.57, 12, 63, 100]), 1e6),
    ("subscription_price", "L'abonnement à {e} coûte {v} euros par mois.", lambda r: r.choice([8, 18, 22, 230]), 1),
]
FILLER = {
    "en": ["The company did not respond to a request for comment.", "Analysts say competition in the sector is intensifying.",
           "The announcement comes as regulators in Europe look more closely at the market.",
           "In 2024, the firm opened offices in London and Paris."],
    "fr": ["L'entreprise n'a pas souhaité commenter ces informations.", "Les analystes soulignent une concurrence accrue.",
           "Cette annonce intervient alors que les régulateurs européens examinent le secteur.",
           "En 2024, la société a ouvert des bureaux à Londres et à Paris."],
}


def _number(v: float, lang: str) -> str:
    text = f"{v:g}"
    return text.replace(".", ",") if lang == "fr" else text


def article(i: int, rng: random.Random) -> tuple[str, str, list[Known]]:
    """One article's id, text (with its footer) and the claims it states."""
    lang = "fr" if i % 3 == 2 else "en"
    aid = f"{i // 1000:03d}/{lang}-{i:06d}"
    templates = FR if lang == "fr" else EN
    lines, known = [], []
    for _ in range(rng.randint(4, 9)):
        q, template, make, scale = rng.choice(templates)
        v = make(rng)
        e, m = rng.choice(COMPANIES), rng.choice(MODELS)
        lines.append(template.format(e=e, m=m, v=_number(v, lang)))
        known.append(Known(aid, m if "{m}" in template else e, q, v * scale))
        lines.extend(rng.sample(FILLER[lang], 2))
    day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
    footer = (f"\n\n\n\nSource link : https://news.example.org/{aid}\n\nAuthor : Bench Writer\n\n"
              f"Publish date : {day} 09:00:00\n")
    return aid, " ".join(lines) + footer, known


def write_articles(folder: Path, n: int, seed: int = 15) -> tuple[int, list[Known]]:
    """n articles under folder; returns their size in bytes and the claims they state."""
    rng = random.Random(seed)
    size, known = 0, []
    for i in range(n):
        aid, text, claims = article(i, rng)
        path = folder / f"{aid}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        size += len(data)
        known.extend(claims)
    return size, known


UNITS = [("training_cost", "USD", "money", None), ("investment", "EUR", "money", None),
         ("subscription_price", "USD", "money", "month"), ("compute", "GPU-hours", "count", None),
         ("gpu_count", "GPUs", "count", None), ("price_change", "percent", "percent", None),
         ("valuation", "USD", "money", None), ("revenue", "GBP", "money", None)]
RATIOS = ["compute", "training_cost", "price"]


def claim_records(n: int, per_article: int = 10, seed: int = 15) -> Iterator[dict]:
    """n claim records as `extract --format jsonl` prints them, `per_article` to an article."""
    rng = random.Random(seed)
    famous = COMPANIES + MODELS  # a tenth of the claims, in groups that outgrow pairwise comparison
    labs = [f"Lab {k}" for k in range(max(50, n // 8))]  # the rest: a few claims per name, as in the press
    entities = famous + labs
    for i in range(n):
        a = i // per_article
        aid = f"{a // 1000:03d}/synthetic-{a:06d}"
        k = i % per_article
        entity = rng.choice(famous) if i % 10 == 0 else rng.choice(labs)
        ratio = i % 25 == 7
        quantity, unit, kind, per = (rng.choice(RATIOS), "x", "ratio", None) if ratio else rng.choice(UNITS)
        base = round(rng.uniform(1, 900), rng.choice([0, 1, 2]))
        value = base * (1 if kind in ("ratio", "percent") else 10 ** rng.randint(3, 9))
        ranged = i % 17 == 3
        text = f"{value:,g} {unit}"
        sentence = (f"Selon les documents consultés, {entity} aurait annoncé {text} pour l'exercice 2025, "
                    f"un chiffre que les concurrents contestent. ")
        start = k * 160 + sentence.index(text)
        yield {
            "id": f"c{i:08d}", "article": aid, "entity": entity, "quantity": quantity, "value": value,
            "low": value * 0.9 if ranged else None, "high": value * 1.1 if ranged else None, "unit": unit,
            "qualifier": "range" if ranged else rng.choice(["=", "=", "~", ">"]), "per": per,
            "versus": rng.choice(entities) if ratio else None, "direction": rng.choice(["less", "more"]) if ratio else None,
            "text": text, "start": start, "end": start + len(text), "sentence": sentence, "rule": f"{quantity}/cue",
            "kind": kind, "entity_status": "known", "entity_kind": "company", "cue": "annoncé",
            "why": "cue word before the number", "lang": "fr", "precision": None, "note": None,
            "sentence_start": k * 160,
            "article_title": f"Synthetic article {a}", "article_url": f"https://news.example.org/{aid}",
            "article_date": f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}", "article_author": "Bench Writer",
            "article_path": f"corpus/{aid}.txt",
        }


def write_claims(path: Path, n: int, per_article: int = 10) -> int:
    with open(path, "w", encoding="utf-8") as out:
        for rec in claim_records(n, per_article):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path.stat().st_size
