"""Refer-back: the entity a pronoun or a description ("the company", "la société") stands for, from the names of
earlier sentences that `extract.decide` keeps."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from compare.attribution.words import NEVER_SUBJECTS, _rank, words, wrong_kind
from compare.entities import EntityHit
from compare.models import Mention
from compare.rules.model import Quantity


def refer_back(history: Sequence[Sequence[EntityHit]], kind: str, q: Quantity) -> Optional[EntityHit]:
    """The entity a pronoun or description points back to: in the latest sentence that names one of
    the right kind, its topic (the claim it made, else the first name), preferring the quantity's kinds."""
    for names in reversed(history):
        fitting = [h for h in names if (kind == "any" or h.kind == kind or kind == "company" and _claimed_name(h))
                   and h.kind != "person" and h.kind not in NEVER_SUBJECTS and not wrong_kind(h, q)]
        if fitting:
            return min(fitting, key=lambda h: _rank(h, q))  # the first of the best-ranked kind
    return None


def _claimed_name(h: EntityHit) -> bool:
    """A name the rules do not know that a sentence made a claim of (its topic, an empty span): "Canva a
    levé 70 millions ... l'entreprise est valorisée" - a company description may refer back to it."""
    return h.start == h.end and h.status == "detected" and h.kind == "other"


def _description_between(text: str, start: int, end: int, lang: str) -> Optional[tuple[str, str]]:
    """A description of a given kind ("la start-up", "the company") standing between a name and
    the number, and not in apposition to that name ("OpenAI, la start-up de..." is OpenAI)."""
    for rx, kind in words(lang).pronouns:
        if kind == "any":
            continue
        for pm in rx.finditer(text, start, end):
            if not re.fullmatch(r"[\s,(–—-]*", text[start:pm.start()]):
                return pm.group(), kind
    return None


def _pronoun_before(text: str, m: Mention, sent: tuple[int, int], lang: str) -> Optional[tuple[str, str]]:
    """The last pronoun or description before the number; a pronoun of any kind after a description of one
    kind in the same sentence stands for what the description does ("The company's valuation ... as it grew
    revenue", "l'entreprise s'attend à ce que son chiffre d'affaires": the company, not a product)."""
    segment = text[sent[0]:m.start]
    best: Optional[tuple[int, str, str]] = None
    described: Optional[str] = None
    for rx, kind in words(lang).pronouns:
        for pm in rx.finditer(segment):
            if best is None or pm.start() > best[0] or (pm.start() == best[0] and kind != "any"):
                best = (pm.start(), pm.group(), kind)
    for rx, kind in words(lang).pronouns:
        if kind != "any" and best is not None and any(pm.end() <= best[0] for pm in rx.finditer(segment)):
            described = kind
    if best is not None and best[2] == "any" and described is not None:
        return best[1], described
    return (best[1], best[2]) if best else None
