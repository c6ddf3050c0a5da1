"""The vocabulary layer: one located YAML loader, the check of every vocabulary file, one phrase
compiler, one name key, and the reader's skipped figures with their reasons."""
from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from compare.lang import LANG_DIR, languages
from compare.phrases import name_key, name_regex, phrase_regex
from compare.quantities import REASONS, read_quantities
from compare.quantities.skips import is_year
from compare.ruletools import check
from compare.vocab import abbreviations, check_vocabulary, language_vocab

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_vocabulary_has_no_problem():
    assert check_vocabulary(LANG_DIR) == []
    assert check_vocabulary(LANG_DIR / "fr") == []
    assert set(languages()) >= {"en", "fr"}


def _broken(tmp_path: Path) -> Path:
    lang = tmp_path / "lang"
    shutil.copytree(LANG_DIR / "fr", lang / "fr", ignore=shutil.ignore_patterns("__pycache__"))
    fr = lang / "fr"
    (fr / "language.yaml").write_text("stopwords: [le, la]\nstopwords: [les]\n", encoding="utf-8")
    (fr / "sentences.yaml").write_text("abbreviations: [m]\nabreviations: [mme]\n", encoding="utf-8")
    (fr / "percents.yaml").write_text("percent: 3\n", encoding="utf-8")
    (fr / "units.yaml").unlink()
    (fr / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    return lang


def test_every_problem_of_every_vocabulary_file_is_located(tmp_path):
    lang = _broken(tmp_path)
    got = {(Path(p.file).name, p.line, p.column): p.message for p in check_vocabulary(lang)}
    assert got[("language.yaml", 2, 1)].startswith('key "stopwords" appears twice')
    assert got[("sentences.yaml", 2, 15)].startswith("abreviations: Extra inputs are not permitted")
    assert got[("percents.yaml", 1, 10)].startswith("percent: Input should be a valid list")
    assert got[("units.yaml", None, None)] == "vocabulary file is missing"
    assert "nothing reads it" in got[("notes.yaml", None, None)]
    assert len(got) == 5


def test_rules_check_reports_the_vocabulary_too(tmp_path):
    out = io.StringIO()
    assert check([ROOT / "rules"], out, lang_dir=_broken(tmp_path)) == 1
    lines = out.getvalue().splitlines()
    assert any(re.match(r".*language\.yaml:2:1: error: key \"stopwords\" appears twice", line) for line in lines)
    assert lines[-1] == "5 errors in 5 files"
    clean = io.StringIO()
    assert check([ROOT / "rules"], clean) == 0 and clean.getvalue().startswith("rules OK")


def test_language_data_lives_in_the_language_folders():
    assert "the" in language_vocab("en").stopword_set and "les" in language_vocab("fr").stopword_set
    assert {"mr", "u.s", "mme", "n°"} <= abbreviations()


@pytest.mark.parametrize("a,b", [("Llama-3", "llama 3"), ("GPT 4o", "gpt-4o"), ("Open_AI", "OpenAI")])
def test_one_name_key(a, b):
    assert name_key(a) == name_key(b)


def test_one_phrase_compiler_in_three_styles():
    words = re.compile(phrase_regex(["prix", "augment*", "l’an"]), re.IGNORECASE)
    assert [m.group() for m in words.finditer("Le Prix augmente depuis l'an dernier; aprix")] == ["Prix", "augmente", "l'an"]
    alias = re.compile(name_regex("Llama 3"))
    assert alias.search("Llama-3 et Llama3") and not alias.search("Llama 30") and not alias.search("Llama 3-B")


@pytest.mark.parametrize("text,lang,figure,reason", [
    ("Le 26 janvier 2025, le prix a doublé.", "fr", "2025", "year"),
    ("Le 26 janvier 2025, le prix a doublé.", "fr", "26", "date"),
    ("In January 2024 the price doubled.", "en", "2024", "year"),
    ("From 2023-2024 on, prices rose.", "en", "2023-2024", "year"),
    ("Published 2025-01-24 11:30:00 by the desk.", "en", "2025-01-24", "date"),
    ("Published 2025-01-24 11:30:00 by the desk.", "en", "11:30:00", "time"),
    ("The meeting starts at 14:30 in Paris.", "en", "14:30", "time"),
    ("Grok 3 is out.", "en", "3", "version"),
    ("See page 5 of the report.", "en", "5", "reference"),
    ("COVID-19 changed everything.", "en", "19", "name"),
])
def test_the_reader_returns_the_figures_it_skips_with_why(text, lang, figure, reason):
    found = read_quantities(text, lang)
    skipped = {text[s.start:s.end]: s.reason for s in found.skipped}
    assert skipped[figure] == reason and reason in REASONS


def test_digits_of_a_web_address_are_no_figure():
    assert read_quantities("Read it at https://example.com/2024/05/report-12 today.", "en").skipped == []


def test_one_rule_for_years():
    assert is_year(2025, 4, True) and is_year(1800, 4, True) and not is_year(2101, 4, True)
    assert not is_year(2025, 5, True) and not is_year(2025, 4, False)


def test_unclaimed_numbers_carry_their_sentence_offset():
    from compare.extract import compile_engine, extract_article
    from compare.models import Article
    from compare.rules import load_rules

    text = "OpenAI was founded in 2015. In 2015, it had 10 employees and 10 ideas."
    _, unclaimed = extract_article(Article(id="a", path="a", text=text, lang="en"),
                                   compile_engine(load_rules([ROOT / "rules"])))
    assert unclaimed
    for u in unclaimed:
        assert text[u.start:u.end] == u.text
        assert u.sentence == text[u.sentence_start:u.sentence_start + len(u.sentence)]
        assert u.sentence[u.start - u.sentence_start:u.end - u.sentence_start] == u.text
    assert {u.sentence_start for u in unclaimed} == {0, 28}
