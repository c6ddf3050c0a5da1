"""Claim records as `extract --format jsonl` prints them, read back for `export --claims`.

Each record carries, beside the claim, what the workbook shows of its article (`article_title`,
`article_url`, `article_date`, `article_author`, `article_path`), so a claims file alone gives the
Sources sheet, the links and the dates without reading the articles again. Records without these
keys (a Dask job's own) are read too: their articles are then known by id only.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pydantic import ValidationError

from compare.comparisons.compact import CompactClaim, compact, compact_claim
from compare.errors import Problem, UserError
from compare.models import Article, Claim
from compare.workbook.sources import headline

ARTICLE_KEYS = {"article_title": "title", "article_url": "url", "article_date": "date",
                "article_author": "author", "article_path": "path"}
# Values many claims repeat: one string object each, not one per record (memory at 100,000 claims).
SHARED = ("article", "entity", "quantity", "unit", "qualifier", "per", "versus", "direction", "rule", "kind",
          "entity_status", "entity_kind", "cue", "why", "lang", "note", "sentence")
MAX_PROBLEMS = 20


def article_keys(article: Article) -> dict[str, Optional[str]]:
    """What a claim record says of its article (the keys `read_claims` turns back into an Article)."""
    return {"article_title": headline(article), "article_url": article.url, "article_date": article.date,
            "article_author": article.author, "article_path": article.path}


def _problem(path: str, line: int, message: str) -> Problem:
    return Problem(message, file=path, line=line)


def read_claims(path: str, slim: bool = False) -> tuple[list[Article], list[Claim] | list[CompactClaim]]:
    """The articles and claims of a JSON-lines claims file, in file order; every bad line is a located problem.

    `slim`: each claim, once validated, kept as a CompactClaim (a quarter of the memory; what the
    workbook and comparisons read), not as a Claim."""
    file = Path(path)
    if not file.is_file():
        raise UserError(Problem("no such claims file (write one with claim-compare extract --format jsonl)",
                                file=path))
    shared: dict[str, str] = {}
    articles: dict[str, Article] = {}
    claims: list = []
    keep = compact_claim if slim else compact
    problems: list[Problem] = []
    with open(file, encoding="utf-8", errors="strict") as fh:
        try:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                claim, article = _record(path, n, line, shared, problems)
                if claim is None:
                    if len(problems) >= MAX_PROBLEMS:
                        break
                    continue
                claims.append(keep(claim))
                if claim.article not in articles:
                    articles[claim.article] = article
        except UnicodeDecodeError as e:
            problems.append(_problem(path, None, f"not UTF-8 text ({e.reason} at byte {e.start})"))
    if problems:
        raise UserError(problems)
    return list(articles.values()), claims


def _record(path: str, n: int, line: str, shared: dict[str, str], problems: list[Problem]):
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        problems.append(Problem(f"not a JSON record: {e.msg}", file=path, line=n, column=e.colno))
        return None, None
    if not isinstance(data, dict):
        problems.append(_problem(path, n, "a claim record is a JSON object, one per line"))
        return None, None
    about = {field: data.pop(key, None) for key, field in ARTICLE_KEYS.items()}
    for key in SHARED:
        v = data.get(key)
        if isinstance(v, str):
            data[key] = shared.setdefault(v, v)
    try:
        claim = Claim.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "record"
        problems.append(_problem(path, n, f"{where}: {first['msg']}"
                                          + (f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else "")))
        return None, None
    if any(v is not None and not isinstance(v, str) for v in about.values()):
        problems.append(_problem(path, n, "article_title, article_url, article_date, article_author and "
                                          "article_path are text"))
        return None, None
    article = Article(id=claim.article, path=about.pop("path") or claim.article, text="", lang=claim.lang, **about)
    return claim, article
