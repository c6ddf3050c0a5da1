"""Which HTML extractor reads saved news pages best: trafilatura, readability-lxml or jusText.

For each page of tests/data/html (see gold.json there) it prints, per extractor, the share of the
article's words found (recall) and of the words returned that are the article's (precision), the
numbers taken from outside the article (each one a possible false claim), the metadata found
(title, URL, date, author) and the time per page. Run: python benchmarks/bench_html.py [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import lxml.html

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "html"
WORD = re.compile(r"\w+(?:[.,]\d+)*")
NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")


def gold_text(raw: bytes, xpath: str) -> str:
    tree = lxml.html.fromstring(raw)
    return "\n".join(" ".join(e.text_content().split()) for e in tree.xpath(xpath))


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def numbers(text: str) -> Counter:
    return Counter(re.sub(r"\s", "", n) for n in NUMBER.findall(text))


def with_trafilatura(raw: bytes, lang: str) -> dict:
    import trafilatura
    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=True)
    return {"text": doc.text or "", "title": doc.title, "url": doc.url, "date": doc.date, "author": doc.author}


def with_readability(raw: bytes, lang: str) -> dict:
    from readability import Document
    doc = Document(raw)
    tree = lxml.html.fromstring(doc.summary())
    paras = [" ".join(e.text_content().split()) for e in tree.iter("p", "li", "h2", "td", "th")]
    return {"text": "\n".join(p for p in paras if p), "title": doc.short_title(), "url": None, "date": None,
            "author": None}


def with_justext(raw: bytes, lang: str) -> dict:
    import justext
    paras = justext.justext(raw, justext.get_stoplist("French" if lang == "fr" else "English"))
    return {"text": "\n".join(p.text for p in paras if not p.is_boilerplate), "title": None, "url": None,
            "date": None, "author": None}


EXTRACTORS = {"trafilatura": with_trafilatura, "readability-lxml": with_readability, "justext": with_justext}


def score(found: dict, gold: dict, body: str) -> dict:
    got, want = words(found["text"]), words(body)
    common = sum((got & want).values())
    leaked = sum((numbers(found["text"]) - numbers(body)).values())
    meta = [found["title"] in gold["title"], found["url"] == gold["url"],
            bool(found["date"]) and str(found["date"])[:10] == gold["date"], found["author"] == gold["author"]]
    return {"recall": common / max(sum(want.values()), 1), "precision": common / max(sum(got.values()), 1),
            "leaked": leaked, "meta": sum(meta)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20, help="runs per page for the timing (default 20)")
    args = ap.parse_args(argv)
    gold = {k: v for k, v in json.loads((PAGES / "gold.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}
    print(f"{'extractor':18} {'page':18} {'recall':>7} {'prec.':>7} {'leaked#':>7} {'meta/4':>6} {'ms/page':>8}")
    for name, extract in EXTRACTORS.items():
        total = Counter()
        for page, g in gold.items():
            raw = (PAGES / page).read_bytes()
            body = gold_text(raw, g["body"])
            found = extract(raw, g["lang"])
            t0 = time.perf_counter()
            for _ in range(args.repeat):
                extract(raw, g["lang"])
            ms = (time.perf_counter() - t0) / args.repeat * 1000
            s = score(found, g, body)
            total.update({**s, "ms": ms})
            print(f"{name:18} {page:18} {s['recall']:7.3f} {s['precision']:7.3f} {s['leaked']:7d} {s['meta']:6d} {ms:8.1f}")
        n = len(gold)
        print(f"{name:18} {'MEAN / TOTAL':18} {total['recall'] / n:7.3f} {total['precision'] / n:7.3f} "
              f"{total['leaked']:7d} {total['meta']:4d}/{4 * n} {total['ms'] / n:8.1f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
