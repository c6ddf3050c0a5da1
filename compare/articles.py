"""Reading articles: files and folders in, Article records out, one at a time.

An article file may end with a metadata footer (`Source link : URL`, `Author : NAME`,
`Publish date : YYYY-MM-DD hh:mm:ss`) followed by syndication boilerplate and noise. The
footer goes into the record's metadata; the text that rules see stops where it starts, so
character offsets into `Article.text` are also offsets into the file.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from compare.errors import Problem, UserError
from compare.language import detect_language
from compare.models import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".text", "")  # "" : a file with no suffix, as sentence dumps often are

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


def article_paths(paths: Iterable[Union[str, Path]]) -> list[tuple[Path, Path]]:
    """(file, root) for every article under `paths`, folders read recursively, in sorted order."""
    found: list[tuple[Path, Path]] = []
    problems: list[Problem] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                problems.append(Problem(f"no .txt or .md article in folder {p}", file=str(p)))
            found.extend((f, p) for f in files)
        elif p.is_file():
            found.append((p, p.parent))
        else:
            problems.append(Problem(f"no such file or folder: {p}", file=str(p)))
    if problems:
        raise UserError(problems)
    return found


def article_id(file: Path, root: Path) -> str:
    """The file's path under its root, without suffix: stable and unique within one run."""
    try:
        rel = file.relative_to(root)
    except ValueError:
        rel = Path(file.name)
    return rel.with_suffix("").as_posix()


def read_articles(paths: Iterable[Union[str, Path]], lang: Optional[str] = None,
                  duplicates: Optional[list[tuple[str, str]]] = None) -> Iterator[Article]:
    """Articles from files and folders, streamed in a deterministic order.

    An article's id is its path under the folder given (subfolders included, suffix dropped), the same
    however the folder is written (`corpus`, `./corpus/`, an absolute path). Two files with one id
    (`a/x.txt` and `b/x.txt` given as files, or `x.txt` beside `x.md`) are an error naming both. A
    file with the same text as an earlier one is read once; (its id, the first's) go to `duplicates`.
    """
    files = article_paths(paths)
    owner: dict[str, Path] = {}
    problems = []
    for file, root in files:
        aid = article_id(file, root)
        if aid in owner and owner[aid].resolve() != file.resolve():
            problems.append(Problem(f"two articles would have the id {aid!r}: {owner[aid]} and {file}; "
                                    "give their common folder instead, or rename one", file=str(file)))
        owner.setdefault(aid, file)
    if problems:
        raise UserError(problems)
    seen: dict[str, str] = {}
    done: set[str] = set()
    for file, root in files:
        aid = article_id(file, root)
        if aid in done:
            continue  # the same file named twice on the command line
        done.add(aid)
        article = read_article(file, aid, lang=lang)
        digest = hashlib.sha1(article.text.encode()).hexdigest()
        if digest in seen and article.text.strip():
            if duplicates is not None:
                duplicates.append((aid, seen[digest]))
            continue
        seen.setdefault(digest, aid)
        yield article


def read_article(file: Path, aid: Optional[str] = None, lang: Optional[str] = None) -> Article:
    try:
        raw = file.read_bytes()
    except OSError as e:
        raise UserError(Problem(f"cannot read article: {e.strerror}", file=str(file)))
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise UserError(Problem(f"article is not UTF-8 text (byte {e.start} is 0x{raw[e.start]:02x}); "
                                "save it as UTF-8", file=str(file), line=line))
    return parse_article(content, aid or file.stem, path=str(file), lang=lang)


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
    detected = lang or meta.get("lang") or detect_language(text)
    if detected not in ("en", "fr"):
        detected = detect_language(text)
    return Article(id=aid, path=path, text=text, url=meta.get("url") or None,
                   author=meta.get("author") or None, date=meta.get("date") or None,
                   title=meta.get("title") or None, lang=detected)
