"""Hostile texts: overlong sentences are read in pieces, overlong articles up to a limit, with why.

Speed is measured by benchmarks/bench_hostile.py, not asserted here; these tests check what is
read and what is said about the rest.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import compare.extract as extract
import compare.limits as limits
from compare.articles import parse_article
from compare.extract import compile_engine, extract_article
from compare.limits import SENTENCE_CHARS, SENTENCE_FIGURES, SKIPPED, pieces
from compare.rules import load_rules
from compare.sentences import split_sentences

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
from make_texts import numbers_sentence, price_list_fr, short_sentences  # noqa: E402


@pytest.fixture(scope="module")
def engine():
    return compile_engine(load_rules(["rules"]))


def test_a_sentence_within_the_limits_is_one_piece():
    text = "OpenAI a levé 6,6 milliards de dollars, selon Reuters. Mistral AI a levé 600 millions d'euros."
    assert list(pieces(text, split_sentences(text))) == split_sentences(text)


@pytest.mark.parametrize("text", [price_list_fr(), numbers_sentence(), "1 000 000, " * 400, "x" * 5000,
                                  "12,5 " * 900], ids=["price list", "390 numbers", "grouped", "no space", "decimals"])
def test_a_long_sentence_is_cut_within_the_limits_outside_numbers_and_loses_nothing(text):
    parts = list(pieces(text, split_sentences(text)))
    assert len(parts) > 1
    assert all(0 < e - s <= SENTENCE_CHARS for s, e in parts)
    assert all(len(re.findall(r"\d(?:[\d\u00a0\u202f .,']?\d)*", text[s:e])) <= SENTENCE_FIGURES for s, e in parts)
    assert all(not (text[s - 1:s].isdigit() and text[s:s + 1].isdigit()) for s, _ in parts)
    assert "".join(text[s:e] for s, e in parts).replace(" ", "") == text.strip().replace(" ", "")


def test_every_price_of_a_one_sentence_price_list_is_read(engine):
    text = price_list_fr()
    claims, unclaimed = extract_article(parse_article(text, "prices", lang="fr"), engine)
    assert len(claims) == text.count(" euros ")
    assert {c.unit for c in claims} == {"EUR"}
    assert not [u for u in unclaimed if u.reason.startswith(SKIPPED)]


def test_an_article_over_the_figure_limit_is_read_up_to_it_with_an_unclaimed_entry_and_a_warning(
        engine, monkeypatch, capsys):
    monkeypatch.setattr(extract, "ARTICLE_FIGURES", 40)
    text = short_sentences(5_000)
    claims, unclaimed = extract_article(parse_article(text, "long", lang="en"), engine)
    rest = [u for u in unclaimed if u.reason.startswith(SKIPPED)]
    assert len(rest) == 1 and rest[0] == unclaimed[-1]
    assert rest[0].reason.startswith("skipped: the article has more than")
    assert text[rest[0].start:rest[0].end] == rest[0].text == rest[0].sentence[:len(rest[0].text)]
    assert claims and max(c.end for c in claims) <= rest[0].start
    assert f"long: {rest[0].reason}" in capsys.readouterr().err


def test_an_article_over_the_length_limit_is_read_up_to_it(engine, monkeypatch, capsys):
    monkeypatch.setattr(limits, "ARTICLE_CHARS", 3_000)
    text = short_sentences(10_000)
    claims, unclaimed = extract_article(parse_article(text, "big", lang="en"), engine)
    rest = [u for u in unclaimed if u.reason.startswith(SKIPPED)]
    assert len(rest) == 1 and 2_800 <= rest[0].start <= 3_000
    assert f"({len(text) - rest[0].start:,} characters) was not read" in rest[0].reason
    assert all(c.end <= rest[0].start for c in claims)
    assert "big: skipped: the article is longer than" in capsys.readouterr().err
