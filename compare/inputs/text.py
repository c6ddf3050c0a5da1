"""Plain-text and Markdown articles: the text, and the metadata footer cut from its end.

An article file may end with a metadata footer (`Source link : URL`, `Author : NAME`,
`Publish date : YYYY-MM-DD hh:mm:ss`) followed by syndication boilerplate and noise. The
footer goes into the record's metadata; the text that rules see stops where it starts, so
character offsets into `Article.text` are also offsets into the file (for a UTF-8 file).
"""
from __future__ import annotations

import re
from typing import Optional

from compare.language import detect_language
from compare.models import Article

_FOOTER_LINE = re.compile(
    r"^[ \t]*(?P<key>Source link|Source|Author|Auteur|Publish date|Published|Date|Title|Titre|Lang|Language)"
    r"[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_KEYS = {
    "source link": "url", "source": "url", "author": "author", "auteur": "author",
    "publish date": "date", "published": "date", "date": "date", "title": "title", "titre": "title",
    "lang": "lang", "language": "lang",
}
LANGS = ("en", "fr")


def choose_language(text: str, forced: Optional[str] = None, stated: Optional[str] = None) -> str:
    """`--lang` when given, else the language the source states when we read it, else the detected one."""
    chosen = forced or stated
    return chosen if chosen in LANGS else detect_language(text)


def parse_article(content: str, aid: str, path: str = "", lang: Optional[str] = None) -> Article:
    """Split an article's content into text and footer metadata."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str] = {}
    cut = len(content)
    for m in _FOOTER_LINE.finditer(content):
        key = _KEYS[m.group("key").lower()]
        if key == "url" and not re.match(r"https?://", m.group("value")):
            continue
        if key == "date" and not re.match(r"\d{4}-\d{2}-\d{2}", m.group("value")):
            continue
        if m.start() < len(content) * 0.3:
            continue  # a line early in the text is prose, not the footer
        cut = min(cut, m.start())
        meta.setdefault(key, m.group("value"))
    text = content[:cut].rstrip()
    return Article(id=aid, path=path, text=text, url=meta.get("url") or None,
                   author=meta.get("author") or None, date=meta.get("date") or None,
                   title=meta.get("title") or None, lang=choose_language(text, lang, meta.get("lang")))
