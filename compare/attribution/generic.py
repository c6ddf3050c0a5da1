"""Figures said of things in general: "<CEO> said that AI models can cost up to $N to train" is no one's
(annotation guide, decision 18), though a company and its chief stand before it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from compare.entities import EntityHit
from compare.models import Mention
from compare.phrases import NEVER, phrase_regex
from compare.vocab import names_vocab


@lru_cache(maxsize=None)
def _general_re(lang: str) -> re.Pattern:
    """A general subject opening a clause; a group ("largest companies") may follow up to two words that are
    no possessive ("The <Country>'s largest companies"), a thing in general ("AI models") none."""
    v = names_vocab(lang)
    if not v.general_subjects:
        return re.compile(NEVER)
    openers = phrase_regex(v.general_openers)
    owners = phrase_regex(v.possessives)
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


@lru_cache(maxsize=None)
def _share_re(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """Each of a group of people no name gives: "chacun des trois cofondateurs", "each of the founders" before the
    figure, "par homme d'affaires", "per founder" right after it."""
    v = names_vocab(lang)
    if not v.share_holders:
        return re.compile(NEVER), re.compile(NEVER)
    holders = phrase_regex(sorted({h for x in v.share_holders for h in (x, x.replace("’", "'"))}))
    each = r"(?:chacun|chacune|each)\s+(?:des|d[’']|of\s+(?:the|its|their))\s+(?:[\w’'-]+\s+)?"
    return (re.compile(r"(?<![\w’'-])" + each + r"(?:" + holders + r")(?![\w’'-])", re.I),
            re.compile(r"\s*(?:par|per|for\s+each|pour\s+chaque)\s+(?:" + holders + r")(?![\w’'-])", re.I))


def unnamed_share(text: str, m: Mention, hits: Sequence[EntityHit], sent: tuple[int, int], lang: str) -> bool:
    """Whether the figure is each one's share of a group of people the text does not name ("chacun des trois
    cofondateurs ayant apporté N", "N par homme d'affaires", "each of the founders put in N"): no one's."""
    before, after = _share_re(lang)
    if after.match(text, m.end, sent[1]):
        return True
    last = None
    for last in before.finditer(text, sent[0], m.start):
        pass
    return (last is not None and not re.search(r"[;:()]", text[last.end():m.start])
            and not any(last.end() <= h.start and h.end <= m.start for h in hits))
