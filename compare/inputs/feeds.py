"""Feeds: one article a line as JSON (`text`, optional `url`, `title`, `author`, `date`, `lang`).

A line that is not such an object is skipped with its file, line and reason; the others are read.
An article's id is the feed's id, `#`, and its line number (`news/2025-05#12`). Other keys are
ignored, so a crawler's records can be read as they are.
"""
from __future__ import annotations

import json
from typing import BinaryIO, Callable, Iterator, Optional

from compare.errors import Problem
from compare.inputs.decoding import MAX_ARTICLE_BYTES
from compare.inputs.text import choose_language
from compare.models import Article

OPTIONAL = ("url", "title", "author", "date", "lang")


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, Optional[bytes]]]:
    """(line number, bytes) for each line; None for a line longer than `limit`, read past without keeping it."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield n, None
        else:
            yield n, line


def _record(line: bytes) -> dict:
    """The line's fields, or ValueError saying what is wrong with it."""
    try:
        data = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 (byte {e.start} of the line)")
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON ({e.msg} at column {e.colno})")
    if not isinstance(data, dict):
        raise ValueError(f"a JSON {type(data).__name__}, not an object with 'text'")
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        raise ValueError("no 'text' (a non-empty string)")
    for key in OPTIONAL:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ValueError(f"'{key}' is a {type(data[key]).__name__}, not a string")
    return data


def read_feed(stream: BinaryIO, feed_id: str, path: str, skip: Callable[[Problem], None],
              lang: Optional[str] = None, limit: int = MAX_ARTICLE_BYTES) -> Iterator[Article]:
    """The articles of a feed, line by line (a feed of any size is never held in memory)."""
    for n, line in _lines(stream, limit):
        if line is None:
            skip(Problem(f"skipped line: longer than the {limit:,} bytes one article may have", file=path, line=n,
                         severity="warning"))
            continue
        if not line.strip():
            continue
        try:
            data = _record(line)
        except ValueError as e:
            skip(Problem(f"skipped line: {e}", file=path, line=n, severity="warning"))
            continue
        data = {k: _whole(v) for k, v in data.items() if k in OPTIONAL + ("text",) and v}
        text = data["text"].replace("\r\n", "\n").replace("\r", "\n").rstrip()
        yield Article(id=f"{feed_id}#{n}", path=f"{path}:{n}", text=text, url=data.get("url"),
                      author=data.get("author"), date=data.get("date"), title=data.get("title"),
                      lang=choose_language(text, lang, data.get("lang")))


def _whole(value: str) -> str:
    """The string with a lone surrogate (JSON allows "\\ud800", UTF-8 does not) as U+FFFD."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
