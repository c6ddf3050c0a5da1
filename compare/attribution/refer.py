"""Refer-back: the entity a pronoun or a description ("the company", "la société") stands for, from the names of
earlier sentences that `extract.decide` keeps."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from compare.attribution.payers import _counted_maker, _introduced_by_non_binding, _round_parties
from compare.attribution.words import NEVER_SUBJECTS, _after_preposition, _rank, as_model, words, wrong_kind
from compare.entities import EntityHit
from compare.models import Mention
from compare.rules.model import Quantity

UNNAMED = "no name in the sentence or before it"
AHEAD = "named in the next sentence, after the opening that names no one"


def refer_back(history: Sequence[Sequence[EntityHit]], kind: str, q: Quantity) -> Optional[EntityHit]:
    """The entity a pronoun or description points back to: in the latest sentence that names one of
    the right kind, its topic (the claim it made, else the first name), preferring the quantity's kinds."""
    for names in reversed(history):
        fitting = [h for h in names if (kind == "any" or h.kind == kind or kind == "company" and _unknown_actor(h))
                   and h.kind != "person" and h.kind not in NEVER_SUBJECTS and not wrong_kind(h, q)]
        if fitting:
            return min(fitting, key=lambda h: _topic_rank(h, q) if h is names[0] else _rank(h, q))
    return None


def _topic_rank(h: EntityHit, q: Quantity) -> int:
    """A sentence's topic (the entity its claim was said of, which `extract.decide` puts first as an empty span) that
    the rules do not know ranks as the company it was taken for, as a known one would: "<Lab> rents Nvidia chips and
    raised $N. The company is valued at $M" is the lab's, not Nvidia's. Any other name the rules do not know still
    ranks below the known ones; the first of the best-ranked wins."""
    if h.start == h.end and _unknown_actor(h) and "company" in q.entity_kinds:
        return min(_rank(h, q), q.entity_kinds.index("company"))
    return _rank(h, q)


def historic(text: str, hits: Sequence[EntityHit], mentions: Sequence[Mention], sent: tuple[int, int],
             lang: str) -> list[EntityHit]:
    """The names of a sentence a later pronoun or description may refer back to: no person, place or source,
    no investor a round names ("auprès de SoftBank", "led by Thrive", "SoftBank participated") and no maker of
    what a count counts ("50 000 puces NVIDIA H200"): "la société" later is never one of them. A name the text calls
    a model is a model ("le modèle de <Firm>, baptisé <Name>")."""
    named = [as_model(text, h, lang) for h in hits if h.kind != "person" and h.kind not in NEVER_SUBJECTS]
    recipient, payers = _round_parties(text, named, sent, lang)  # a spender alone is its sentence's subject
    payers = (payers if recipient is not None else set()) | {
        h for h in named if _introduced_by_non_binding(text, h, named, sent[0], lang)}
    return [h for h in named if h not in payers and not any(_counted_maker(text, m, h, lang) for m in mentions)]


def named_ahead(text: str, hits: Sequence[EntityHit], sent: tuple[int, int], q: Quantity,
                lang: str) -> Optional[EntityHit]:
    """A lede's subject named only in the sentence after it ("N de financement. La start-up <Name> vient de
    boucler", "The company is due to raise $N. This would value <Name> at"): the first name of that sentence, when it
    is no example or other side ("comme <Model>", "than <Name>"), follows no preposition ("la valeur d'<Name>") and is
    no person, source, investor or bare tier ("Pro"); a detected word opening the sentence is too often no name
    ("Additional ...")."""
    inside = sorted((h for h in hits if sent[0] <= h.start and h.end <= sent[1]), key=lambda h: h.start)
    if not inside:
        return None
    h = inside[0]
    w = words(lang)
    if (_after_preposition(text, h, sent[0], lang) or w.set_against.search(text, max(sent[0], h.start - 16), h.start)
            or h.status != "known" and " " not in h.name and not text[sent[0]:h.start].strip() or h.name in w.tier_word_list
            or h not in historic(text, inside, (), sent, lang) or wrong_kind(h, q)):
        return None
    return h


def _unknown_actor(h: EntityHit) -> bool:
    """A name the rules do not know, of no known kind: "Canva a levé 70 millions ... l'entreprise est valorisée",
    "<Lab> has been fundraising ... The company was in talks to raise" - a company description may refer back to
    it."""
    return h.status == "detected" and h.kind == "other"


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
    revenue", "l'entreprise ... son chiffre d'affaires": the company, not a product)."""
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
