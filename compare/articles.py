"""Reading articles: files, folders and standard input in, Article records out, one at a time.

Formats by suffix: `.txt`, `.md`, `.text` and no suffix are text with an optional metadata footer
(`compare.inputs.text`), `.html`/`.htm`/`.xhtml` saved pages (`compare.inputs.html`), `.jsonl`
feeds of one article a line (`compare.inputs.feeds`); `-` is standard input, read as a feed when
its first line is a JSON object, as a page when it starts with `<`, else as text.

A file that cannot be read (unreadable, not text in any encoding, larger than
MAX_ARTICLE_BYTES, a page without article text) is skipped: a warning `Problem` naming it and why
goes to the `skip` callback and the run goes on. Without a callback the first one is raised as a
UserError.
"""
from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional, Union

from compare.errors import Problem, UserError
from compare.inputs.decoding import MAX_ARTICLE_BYTES, NotText, decode
from compare.inputs.feeds import read_feed
from compare.inputs.html import NoArticle, parse_html
from compare.inputs.text import parse_article
from compare.inputs.walk import ARTICLE_SUFFIXES, STDIN, article_id, kind_of, shown
from compare.inputs.walk import article_paths as _article_paths
from compare.models import Article

__all__ = ["ARTICLE_SUFFIXES", "Corpus", "article_id", "article_paths", "parse_article", "read_article",
           "read_articles"]

Skip = Callable[[Problem], None]


def _raise(problem: Problem) -> None:
    raise UserError(problem)


def article_paths(paths: Iterable[Union[str, Path]], skip: Skip = _raise) -> list[tuple[Path, Path]]:
    """(file, root) for every article under `paths`, folders read recursively, in sorted order."""
    return _article_paths(paths, skip)


class Corpus:
    """The articles of `paths`, streamed in a deterministic order by iterating.

    An article's id is its path under the folder given (subfolders included, suffix dropped), the same
    however the folder is written; a feed's articles add `#LINE`. Two files with one id are an error
    naming both, raised before anything is read. A text seen before is read once: (its id, the
    first's) go to `duplicates`. Skipped files and lines go to `skip`.
    """

    def __init__(self, paths: Iterable[Union[str, Path]], lang: Optional[str] = None, skip: Skip = _raise,
                 duplicates: Optional[list[tuple[str, str]]] = None, stdin: Optional[BinaryIO] = None):
        self.lang, self.skip, self.stdin = lang, skip, stdin
        self.duplicates: list[tuple[str, str]] = [] if duplicates is None else duplicates
        self.files = _unique(article_paths(paths, skip))

    def expected(self) -> int:
        """How many articles the files hold (a feed's lines counted), for a progress bar's total."""
        n = 0
        for file, _ in self.files:
            if kind_of(file) == "feed" and str(file) != STDIN:
                try:
                    with open(file, "rb") as f:
                        n += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
                except OSError:
                    pass
            else:
                n += 1
        return n

    def __iter__(self) -> Iterator[Article]:
        seen: dict[str, str] = {}
        for file, root in self.files:
            for article in self._read(file, article_id(file, root)):
                digest = hashlib.sha1(article.text.encode("utf-8", "surrogatepass")).hexdigest()
                if digest in seen and article.text.strip():
                    self.duplicates.append((article.id, seen[digest]))
                    continue
                seen.setdefault(digest, article.id)
                yield article

    def _read(self, file: Path, aid: str) -> Iterator[Article]:
        name = "<stdin>" if str(file) == STDIN else shown(file)
        try:
            if str(file) == STDIN:
                yield from self._stdin(aid)
            elif kind_of(file) == "feed":
                with open(file, "rb") as f:
                    yield from read_feed(f, aid, name, self.skip, self.lang)
            else:
                yield _load(file, aid, self.lang)
        except (OSError, NotText, NoArticle, _TooLarge) as e:
            reason = f"cannot read it ({e.strerror})" if isinstance(e, OSError) and e.strerror else str(e)
            self.skip(Problem(f"skipped: {reason}", file=name, severity="warning"))

    def _stdin(self, aid: str) -> Iterator[Article]:
        stream = self.stdin or sys.stdin.buffer
        first = stream.readline(MAX_ARTICLE_BYTES + 1)
        if first.lstrip().startswith(b"{"):
            yield from read_feed(io.BufferedReader(_Chain(first, stream)), aid, "<stdin>", self.skip, self.lang)
            return
        raw = first + _read_at_most(stream, MAX_ARTICLE_BYTES + 1 - len(first))
        yield _parse(raw, aid, "<stdin>", "html" if raw.lstrip().startswith(b"<") else "text", self.lang)


def _unique(files: list[tuple[Path, Path]]) -> list[tuple[Path, Path]]:
    """The files without repeats (one named twice); two different files with one id are an error."""
    owner: dict[str, Path] = {}
    problems, kept = [], []
    for file, root in files:
        aid = article_id(file, root)
        if aid in owner:
            if owner[aid].resolve() != file.resolve():
                problems.append(Problem(f"two articles would have the id {aid!r}: {shown(owner[aid])} and "
                                        f"{shown(file)}; give their common folder instead, or rename one",
                                        file=shown(file)))
            continue
        owner[aid] = file
        kept.append((file, root))
    if problems:
        raise UserError(problems)
    return kept


class _TooLarge(ValueError):
    pass


class _Chain(io.RawIOBase):
    """A first line already read, then the rest of a stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.head[:len(buffer)] if self.head else self.rest.read(len(buffer))
        self.head = self.head[len(data):] if self.head else b""
        buffer[:len(data)] = data
        return len(data)


def _read_at_most(stream: BinaryIO, n: int) -> bytes:
    data = stream.read(n)
    if len(data) >= n:
        raise _TooLarge(f"larger than the {MAX_ARTICLE_BYTES:,} bytes one article may have")
    return data


def read_articles(paths: Iterable[Union[str, Path]], lang: Optional[str] = None,
                  duplicates: Optional[list[tuple[str, str]]] = None, skip: Skip = _raise) -> Iterator[Article]:
    """The articles of `paths` (see Corpus); duplicates are appended to `duplicates` as they are met."""
    return iter(Corpus(paths, lang=lang, skip=skip, duplicates=duplicates))


def read_article(file: Path, aid: Optional[str] = None, lang: Optional[str] = None) -> Article:
    """One text or HTML file as an article; a UserError naming it when it cannot be read."""
    try:
        return _load(file, aid, lang)
    except (OSError, NotText, NoArticle, _TooLarge) as e:
        reason = f"cannot read article: {e.strerror}" if isinstance(e, OSError) and e.strerror else str(e)
        raise UserError(Problem(reason, file=shown(file)))


def _load(file: Path, aid: Optional[str], lang: Optional[str]) -> Article:
    with open(file, "rb") as f:
        raw = _read_at_most(f, MAX_ARTICLE_BYTES + 1)
    return _parse(raw, aid or shown(file.stem), shown(file), kind_of(file), lang)


def _parse(raw: bytes, aid: str, path: str, kind: str, lang: Optional[str]) -> Article:
    if kind == "html":
        return parse_html(raw, aid, path, lang)
    text, _ = decode(raw)
    return parse_article(text, aid, path=path, lang=lang)
