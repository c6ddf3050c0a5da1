"""How much of an article extraction reads: bounded, so that any text ends in time linear in its length.

A sentence is the unit every decision looks at (its names, cue words, figures), so a sentence of
unbounded length (a price list or a table flattened into one line) would cost its length times
its figures times its names. A sentence longer than `SENTENCE_CHARS`, or with more than
`SENTENCE_FIGURES` numbers, is read in pieces: each piece ends at the last clause break (a
semicolon, a comma, a colon, a dash, else a space) before the limit, never inside a number, and is
read as a sentence of its own. Nothing of the sentence is lost; real press sentences are far below
the limits (the longest of the 1,403 real-press passages has 589 characters).

An article is read up to `ARTICLE_CHARS` characters and `ARTICLE_FIGURES` numbers; the rest is
skipped, listed as one unclaimed entry whose reason starts with `SKIPPED`, with one warning on
standard error, and the run goes on.
"""
from __future__ import annotations

import re
import sys
from typing import Iterable, Iterator, NamedTuple, Optional

SENTENCE_CHARS = 1_000
SENTENCE_FIGURES = 50
ARTICLE_CHARS = 1_000_000
ARTICLE_FIGURES = 15_000
SKIPPED = "skipped: "

# A number as written, its groups and decimals included ("1 000 000", "12,5", "3.4"): never cut inside.
_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f .,']?\d)*")
_CLAUSE_BREAK = re.compile(r"[;,:\u2013\u2014]\s|\s[-\u2013\u2014]\s")
_SPACE = re.compile(r"\s")


class Piece(NamedTuple):
    start: int
    end: int


def article_end(text: str) -> int:
    """Where reading stops: the text's end, or the last space before `ARTICLE_CHARS`."""
    if len(text) <= ARTICLE_CHARS:
        return len(text)
    cut = text.rfind(" ", ARTICLE_CHARS - 200, ARTICLE_CHARS)
    return cut if cut > 0 else ARTICLE_CHARS


def pieces(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[Piece]:
    """The sentences `spans` of `text`, those over the limits cut into pieces of at most
    `SENTENCE_CHARS` characters and `SENTENCE_FIGURES` numbers."""
    for s0, s1 in spans:
        if s1 - s0 <= SENTENCE_CHARS and _few_numbers(text, s0, s1):
            yield Piece(s0, s1)
            continue
        start = s0
        while start < s1:
            end = _piece_end(text, start, s1)
            piece = _trimmed(text, start, end)
            if piece is not None:
                yield piece
            start = end


def _few_numbers(text: str, s0: int, s1: int) -> bool:
    found = 0
    for _ in _NUMBER.finditer(text, s0, s1):
        found += 1
        if found > SENTENCE_FIGURES:
            return False
    return True


def _piece_end(text: str, start: int, stop: int) -> int:
    """The end of the piece that starts at `start`: the limit in characters or numbers, moved back to
    the last clause break (else space) after the piece's first half, outside any number."""
    limit = min(stop, start + SENTENCE_CHARS)
    numbers: list[tuple[int, int]] = []  # a number across the limit is seen whole: the scan goes a little beyond
    for m in _NUMBER.finditer(text, start, min(stop, limit + 64)):
        if m.start() >= limit:
            break
        if len(numbers) == SENTENCE_FIGURES:
            limit = m.start()
            break
        numbers.append((m.start(), m.end()))
    if limit >= stop:
        return stop
    floor = start + max(1, (limit - start) // 2)

    def outside(pos: int) -> bool:
        return not any(a < pos < b for a, b in numbers)

    for rx in (_CLAUSE_BREAK, _SPACE):
        ends = [m.end() for m in rx.finditer(text, floor, limit) if outside(m.end())]
        if ends:
            return ends[-1]
    while limit > floor and not outside(limit):
        limit -= 1
    return limit


def _trimmed(text: str, start: int, end: int) -> Optional[Piece]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(start, end) if end > start else None


TOO_LONG = f"the article is longer than {ARTICLE_CHARS:,} characters"
TOO_MANY = f"the article has more than {ARTICLE_FIGURES:,} numbers"


def rest_skipped(text: str, at: int, why: str) -> tuple[int, int, str]:
    """The unclaimed entry for the text from `at` on: (start, end) of a short excerpt, and the reason."""
    return at, min(len(text), at + 40), f"{SKIPPED}{why}; the rest ({len(text) - at:,} characters) was not read"


def warn(article: str, reason: str) -> None:
    """One line on standard error for text not read (a worker process writes it too)."""
    print(f"claim-compare: warning: {article}: {reason}", file=sys.stderr, flush=True)
