"""The Sources sheet: each article's title, outlet, date, link and counts."""
from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence
from urllib.parse import urlsplit

from compare.models import Article, Claim, Unclaimed
from compare.workbook.formats import Link, day
from compare.workbook.kit import Book, write_table_sheet

HEADLINE_CHARS = 160


def headline(a: Article) -> Optional[str]:
    """The article's title: its footer's, else its first line when that reads as a headline."""
    if a.title:
        return a.title
    first, _, rest = a.text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= HEADLINE_CHARS and not first.endswith((".", ":", ";", ",")):
        return first
    return None


def outlet(url: Optional[str]) -> Optional[str]:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def sources_sheet(book: Book, articles: Sequence[Article], claims: Sequence[Claim],
                  unclaimed: Optional[Sequence[Unclaimed]]) -> list[str]:
    """`unclaimed` None: not known (then the column is empty)."""
    n_claims = Counter(c.article for c in claims)
    n_unclaimed = Counter(u.article for u in unclaimed) if unclaimed is not None else {}
    headers = ["Article", "Title", "Outlet", "Date", "URL", "Claims", "Unclaimed numbers", "Author", "Language",
               "File"]
    rows = [[a.id, headline(a), outlet(a.url), day(a.date), Link(a.url, a.url) if a.url else None, n_claims[a.id],
             n_unclaimed.get(a.id, 0) if unclaimed is not None else None, a.author, a.lang, a.path] for a in articles]
    return write_table_sheet(book, "Sources", headers, rows, caps={"URL": 50, "Title": 50}, wrap=["Title"])
