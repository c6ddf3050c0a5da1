"""Figures said of things in general: "<CEO> said that AI models can cost up to $N to train" is no one's
(annotation guide, decision 18), though a company and its chief stand before it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from compare.entities import EntityHit
from compare.models import Mention
from compare.phrases import phrase_regex
from compare.vocab import names_vocab


@lru_cache(maxsize=None)
def _general_re(lang: str) -> re.Pattern:
    """A general subject opening a clause; a group ("largest companies") may follow up to two words that are
    no possessive ("The <Country>'s largest companies"), a thing in general ("AI models") none."""
    v = names_vocab(lang)
    if not v.general_subjects:
        return re.compile(r"(?!x)x")
    openers = phrase_regex(v.general_openers) if v.general_openers else r"(?!x)x"
    owners = phrase_regex(v.possessives) if v.possessives else r"(?!x)x"
    lead = r"(?:(?!(?:" + owners + r")\s)[\w’'-]+\s+){0,2}"
    groups = r"(?:" + lead + r"(?P<group>" + phrase_regex(v.group_subjects) + r"))|" if v.group_subjects else ""
    return re.compile(r"(?:^[\s«“\"]*|(?<![\w’'-])(?:" + openers + r")\s+)(?:" + groups
                      + r"(?P<thing>" + phrase_regex(v.general_subjects) + r"))(?![\w’'-])", re.I)


def general_statement(text: str, m: Mention, hits: Sequence[EntityHit], sent: tuple[int, int], lang: str) -> bool:
    """Whether the clause of `m` opens with a general subject ("AI models", "the cost of training these
    models") or a group ("the largest tech companies", decision 6: a combined figure is no one's) and names
    no one between that subject and the figure, in the same clause."""
    last = None
    for g in _general_re(lang).finditer(text[sent[0]:m.start]):
        last = g
    if last is None:
        return False
    start, end = sent[0] + last.start(), sent[0] + last.end()
    if m.start - end > 100 or re.search(r"[;:()]", text[end:m.start]):
        return False
    subject = sent[0] + last.start("group" if last.group("group") else "thing")  # "Hyperscalers" may be found as a name
    return not any(start <= h.start and h.end <= m.start and not (subject <= h.start and h.end <= end) for h in hits)
