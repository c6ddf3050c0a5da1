"""The stages end to end: articles in, claims out, then comparisons and the workbook.

Each function here is what one command does. Articles are read and extracted one at a time
(streaming); the workbook and comparisons need the whole set of claims, which they collect.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, TextIO

from compare.articles import Corpus
from compare.extract import compile_engine
from compare.models import Article, Claim, Comparison, Unclaimed
from compare.progress import Report
from compare.rules import RuleSet, load_rules, load_rules_located

CLAIM_FIELDS = ["id", "article", "entity", "quantity", "value", "low", "high", "unit", "qualifier", "per",
                "versus", "direction", "text", "start", "end", "sentence", "rule"]


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    claims: list[Claim]
    unclaimed: list[Unclaimed]


def run(paths: Sequence[str], rules: RuleSet, lang: Optional[str] = None, jobs: int = 1,
        duplicates: Optional[list[tuple[str, str]]] = None, report: Optional[Report] = None,
        engine: str = "local", scheduler: Optional[str] = None) -> Iterator[ArticleResult]:
    """Claims and unclaimed numbers of each article, one article at a time, in file order; an article
    with the same text as an earlier one is read once and listed in `duplicates` as (its id, the first's).

    With jobs > 1 articles are extracted in worker processes, with engine "dask" on a Dask cluster
    (`scheduler`, else a LocalCluster of `jobs` workers); the output is the same, in the same order,
    since no state is shared between articles. Skipped files and the progress go to `report`.
    """
    from compare import engines
    from compare.workers import check_jobs
    check_jobs(jobs)
    report = report if report is not None else Report()
    compiled = compile_engine(rules)
    corpus = Corpus(paths, lang=lang, skip=report.skip, duplicates=duplicates)
    report.start(corpus.expected)
    mapped = engines.dask(corpus, compiled, jobs, scheduler) if engine == "dask" else \
        engines.local(corpus, compiled, jobs)
    try:
        for article, (claims, unclaimed) in mapped:
            report.advance(len(claims))
            yield ArticleResult(article, claims, unclaimed)
    finally:
        report.close()


def _slim(article: Article) -> Article:
    """The article as the workbook reads it once its claims are out: its metadata, the headline as its
    title (what a claim record carries too), no text; so memory holds no article texts."""
    from compare.workbook.sources import headline
    return article.model_copy(update={"text": "", "title": headline(article)})


def claim_record(c: Claim, article: Optional[Article] = None) -> dict:
    """The public claim record: the documented keys first, then the rest, then what the workbook shows
    of its article (`article_title`, `article_url`...: `export --claims` reads them back)."""
    data = c.model_dump()
    ordered = {k: data.pop(k) for k in CLAIM_FIELDS}
    ordered.update(data)
    if article is not None:
        from compare.workbook.records import article_keys
        ordered.update(article_keys(article))
    return ordered


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value, raw: bool = False):
    """A CSV cell: text a spreadsheet would read as a formula (=, +, -, @, a tab or a carriage return
    first) gets a leading ' unless `raw`, as OWASP advises against CSV injection; numbers stay numbers."""
    if isinstance(value, (list, tuple, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if not raw and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_records(records: Iterable[dict], out: TextIO, fmt: str, fields: Optional[list[str]] = None,
                  raw: bool = False) -> int:
    """JSON lines or CSV (with a header) on `out`; returns the number of records. CSV cells that a
    spreadsheet would run as formulas are neutralised unless `raw` (csv_cell)."""
    n = 0
    writer = None
    for rec in records:
        if fmt == "csv":
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=fields or list(rec), extrasaction="ignore", lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: csv_cell(v, raw) for k, v in rec.items()})
        else:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    if fmt == "csv" and writer is None and fields:
        csv.DictWriter(out, fieldnames=fields, lineterminator="\n").writeheader()
    return n


def write_claims(paths: Sequence[str], rules_paths: Sequence[str], out: TextIO, fmt: str = "jsonl",
                 lang: Optional[str] = None, jobs: int = 1, report: Optional[Report] = None,
                 engine: str = "local", scheduler: Optional[str] = None, raw: bool = False) -> int:
    """`claim-compare extract`: claims as JSON lines or CSV, streamed article by article."""
    rules = load_rules(list(rules_paths))
    results = run(paths, rules, lang, jobs, report=report, engine=engine, scheduler=scheduler)
    records = (claim_record(c, r.article) for r in results for c in r.claims)
    from compare.workbook.records import ARTICLE_KEYS
    fields = CLAIM_FIELDS + [k for k in Claim.model_fields if k not in CLAIM_FIELDS] + list(ARTICLE_KEYS)
    return write_records(records, out, fmt, fields, raw)


def all_references(rules: RuleSet, extra: Optional[Sequence[str]]) -> list:
    """The rules' reference figures plus those of `--references` files (same id: the file wins), checked against the rules."""
    refs = {r.id: r for r in rules.references}
    if extra:
        from compare.references import load_references
        refs.update((r.id, r) for r in load_references(list(extra), rules))  # a file's figure replaces the rules' one
    return list(refs.values())


def _comparisons(claims: list[Claim], articles: list[Article], rules: RuleSet, refs: Sequence, slim: bool = False):
    """compare_all over the claims, with each article's date for its exchange rates; `slim`: each
    comparison kept in slots (for the workbook, which holds them all)."""
    from compare.comparisons import compare_all
    from compare.comparisons.compact import compact, compact_comparison
    dates = {a.id: a.date for a in articles if a.date}
    return compare_all(claims, rules, refs, article_dates=dates, keep=compact_comparison if slim else compact)


def write_comparisons(paths: Sequence[str], rules_paths: Sequence[str], out: TextIO, fmt: str = "jsonl",
                      lang: Optional[str] = None, references: Optional[Sequence[str]] = None,
                      report: Optional[Report] = None, raw: bool = False) -> int:
    """`claim-compare compare`: comparisons as JSON lines or CSV."""
    rules = load_rules(list(rules_paths))
    results = [ArticleResult(_slim(r.article), r.claims, []) for r in run(paths, rules, lang, report=report)]
    claims = [c for r in results for c in r.claims]
    compared = _comparisons(claims, [r.article for r in results], rules, all_references(rules, references))
    return write_records((c.model_dump(mode="json") for c in compared.comparisons), out, fmt,
                         list(Comparison.model_fields), raw)


def export(paths: Sequence[str], rules_paths: Sequence[str], output: str, lang: Optional[str] = None,
           references: Optional[Sequence[str]] = None, now: Optional[str] = None, jobs: int = 1,
           force: bool = False, report: Optional[Report] = None, engine: str = "local",
           scheduler: Optional[str] = None) -> str:
    """`claim-compare export`: the workbook; returns the summary to print (compare.workbook.summary_line).

    Memory holds one record per claim and unclaimed number and each article's metadata, not its text."""
    from compare.workbook import summary_line, write_workbook
    rules, locations = load_rules_located(list(rules_paths))
    duplicates: list[tuple[str, str]] = []
    results = [ArticleResult(_slim(r.article), r.claims, r.unclaimed)
               for r in run(paths, rules, lang, jobs, duplicates=duplicates, report=report, engine=engine,
                            scheduler=scheduler)]
    articles = [r.article for r in results]
    claims = [c for r in results for c in r.claims]
    unclaimed = [u for r in results for u in r.unclaimed]
    refs = all_references(rules, references)  # read once: the comparisons and the workbook share them
    compared = _comparisons(claims, articles, rules, refs, slim=True)
    result = write_workbook(Path(output), articles=articles, claims=claims, unclaimed=unclaimed,
                            comparisons=compared, rules=rules, now=now, references=refs, locations=locations,
                            force=force, duplicates=duplicates)
    return summary_line(result.model_copy(update={"path": output}))


def export_claims(claims_file: str, rules_paths: Sequence[str], output: str,
                  references: Optional[Sequence[str]] = None, now: Optional[str] = None, force: bool = False,
                  paths: Sequence[str] = ()) -> str:
    """`claim-compare export --claims`: the workbook from the claims `extract --format jsonl` (or a Dask job)
    wrote, without reading the articles again (compare.workbook.records)."""
    from compare.errors import UserError
    from compare.workbook import summary_line, write_workbook
    from compare.workbook.records import read_claims
    if paths:
        raise UserError(f"export reads either articles ({', '.join(paths)}) or --claims {claims_file}, not both")
    rules, locations = load_rules_located(list(rules_paths))
    articles, claims = read_claims(claims_file, slim=True)
    refs = all_references(rules, references)
    result = write_workbook(Path(output), articles=articles, claims=claims, unclaimed=None, rules=rules, now=now,
                            comparisons=_comparisons(claims, articles, rules, refs, slim=True), references=refs,
                            locations=locations, force=force)
    return summary_line(result.model_copy(update={"path": output}))
