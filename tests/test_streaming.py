"""Streaming: workers get a bounded window of articles, and export keeps no article text yet writes the
same workbook as from whole articles."""
import itertools
from pathlib import Path

from compare import engines
from compare.extract import compile_engine
from compare.models import Article
from compare.pipeline import _comparisons, _slim, all_references, export, run
from compare.rules import load_rules, load_rules_located

ROOT = Path(__file__).resolve().parents[1]
RULES = [str(ROOT / "rules")]
CORPUS = [str(ROOT / "tests" / "data" / "corpus14"), str(ROOT / "seeds")]


def test_export_from_slim_articles_is_the_workbook_of_whole_articles(tmp_path):
    from compare.workbook import write_workbook
    export(CORPUS, RULES, str(tmp_path / "slim.xlsx"), now="2025-06-01")
    rules, locations = load_rules_located(RULES)
    duplicates = []
    results = list(run(CORPUS, rules, duplicates=duplicates))
    articles = [r.article for r in results]
    assert any(len(a.text) > 1000 for a in articles) and all(_slim(a).text == "" for a in articles)
    claims = [c for r in results for c in r.claims]
    refs = all_references(rules, None)
    write_workbook(tmp_path / "whole.xlsx", articles=articles, claims=claims,
                   unclaimed=[u for r in results for u in r.unclaimed],
                   comparisons=_comparisons(claims, articles, rules, refs), rules=rules, now="2025-06-01",
                   references=refs, locations=locations, duplicates=duplicates)
    assert (tmp_path / "slim.xlsx").read_bytes() == (tmp_path / "whole.xlsx").read_bytes()


def test_workers_are_fed_a_bounded_window_in_order():
    read = []

    def articles():
        for i in itertools.count():
            read.append(i)
            yield Article(id=f"a{i:04d}", path="", text=f"OpenAI raised ${i} billion.")

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    engine = compile_engine(load_rules(RULES))
    results = engines.in_order(lambda b: Done(engines.extract_batch(b, engine)), articles(), window=3)
    first = list(itertools.islice(results, 5))
    assert [a.id for a, _ in first] == ["a0000", "a0001", "a0002", "a0003", "a0004"]
    assert len(read) <= 3 * engines.BATCH + 1  # the corpus is not read ahead of the window
