"""Sentence boundaries in press text, as character spans into the article.

Press text reaches us with paragraphs glued together ("ChatGPT.Mais", "l’IA.C’est"), decimal
points inside numbers ("1.5", "5.57") and abbreviations ("U.S.", "M."), so a plain split on ". "
is wrong both ways. Spans, not strings, are returned so offsets stay those of the article.
The abbreviations are those of every language, in compare/lang/LANG/sentences.yaml.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from compare.vocab import abbreviations

_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+)(?P<close>["”»’')\]]*)      # terminal punctuation, closing quotes
        (?=(?P<gap>\s+)(?P<next>[«“"'(\[]?\s*(?:[A-ZÀ-ÖØ-Þ0-9]|[a-z]+[A-Z]))  # space then a capital, a digit
          | (?P<glued>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’']))           # or a name like "xAI"; or a glued paragraph: "ChatGPT.Mais"
    |(?P<para>\n)                                     # a line break
    """,
    re.VERBOSE,
)
# A text wrapped by hand (a line break inside a sentence: "totalise 109\nmilliards", "ayant\ndéjà") breaks
# sentences only at a blank line; any other text at every line break.
_WRAPPED = re.compile(r"[\w,]\n[a-zà-öø-ÿ]+(?![\w])")  # a word in lower case, not a name ("xAI")
_BLANK = re.compile(r"\n[^\S\n]*\n")


class Span(NamedTuple):
    start: int
    end: int


def split_sentences(text: str) -> list[Span]:
    """Spans of the sentences of `text`, in order, without surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    wrapped = bool(_WRAPPED.search(text))
    for m in _BOUNDARY.finditer(text):
        if m.group("para") is not None:
            if wrapped and not _BLANK.match(text, m.start()):
                continue
            cut = m.start()
        else:
            if not _is_real_end(text, m):
                continue
            cut = m.end("close")
        _push(spans, text, start, cut)
        start = cut
    _push(spans, text, start, len(text))
    return spans


def _is_real_end(text: str, m: re.Match) -> bool:
    punct = m.group("end")
    if punct != ".":
        return True
    before = text[max(0, m.start() - 12):m.start()]
    word = re.search(r"([\w.°]+)$", before)
    token = word.group(1).lower() if word else ""
    if m.group("glued") is not None:
        # "ChatGPT.Mais": a word of two letters or more before the point, not an initialism.
        initials = re.search(r"\b[A-Z]\.[A-Z]$", text[max(0, m.start() - 4):m.start()])
        return bool(re.search(r"[a-zà-ÿA-Z0-9]{2,}$", before)) and not initials
    known = abbreviations()
    if token in known or token.rstrip(".") in known:
        return False
    if re.fullmatch(r"[A-Z]", word.group(1) if word else ""):
        return False  # an initial: "J. Smith", "U.S. government"
    return True


def _push(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
