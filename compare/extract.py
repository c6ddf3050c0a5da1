"""Claims from articles: every quantity mention becomes a claim or an unclaimed number, with why.

One article in, its claims and unclaimed numbers out; nothing is shared between articles but
the compiled rules, so articles can be processed in any order or on other machines.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from compare.articles import parse_article
from compare.borrowing import borrow_period, borrow_unit, names_in_units, number_core
from compare.attribution import (AHEAD, RECIPIENT_HOW, attribute, change_words, find_versus, historic, is_vague,
                                  starts_with_contrast)
from compare.cues import (Choice, CueMatcher, Scene, accepts, beyond_bound, choose_quantity, compares_figures, compile_cues,
                          converts, own_noun)
from compare.entities import EntityHit, EntityMatcher, compile_entities
from compare.limits import ARTICLE_FIGURES, TOO_LONG, TOO_MANY, article_end, pieces, rest_skipped, warn
from compare.models import Article, Claim, Mention, Unclaimed
from compare.phrases import name_key
from compare.quantities import REASONS, Skipped, read_quantities
from compare.rules.model import RuleSet
from compare.sentences import split_sentences


@dataclass(frozen=True)
class Engine:
    """The rule set compiled for extraction; build once with `compile_engine`, share freely."""

    rules: RuleSet
    entities: EntityMatcher
    cues: CueMatcher


def compile_engine(rules: RuleSet) -> Engine:
    return Engine(rules, compile_entities(rules), compile_cues(rules))


@dataclass(frozen=True)
class Decision:
    """What became of one mention: a claim, or the reason it is none."""

    mention: Mention
    sentence: tuple[int, int]
    claim: Optional[Claim]
    reason: str
    choice: Optional[Choice] = None  # the evidence that decided the quantity, and what lost
    more: tuple = ()  # the claims of the same figure for the other entities it is said of (decision 6)


def claim_id(article: str, start: int, end: int, quantity: str, entity: Optional[str] = None) -> str:
    """Stable across runs: the same span of the same article measured as the same quantity; the entity is
    part of it only for the further claims of one figure said of several entities."""
    key = f"{article}\x1f{start}\x1f{end}\x1f{quantity}" + (f"\x1f{entity}" if entity is not None else "")
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def decide(article: Article, engine: Engine) -> list[Decision]:
    """Every quantity mention of the article and what it became, in text order."""
    text, lang = article.text, article.lang
    read_to, why = article_end(text), TOO_LONG  # compare.limits: what is past the limits is skipped, with why
    readable = text if read_to == len(text) else text[:read_to]
    hits = engine.entities.find(readable, lang)
    starts = [h.start for h in hits]
    figures = 0
    decisions: list[Decision] = []
    history: list[list[EntityHit]] = []  # the names of each earlier sentence, its topic first
    last_claim: Optional[Claim] = None
    last_money: Optional[Claim] = None
    prev_cues: list = []  # the cue words of the sentence before: evidence for a figure its own sentence says little of
    prev_claim: Optional[str] = None  # the quantity of the last claim of the sentence before: evidence too
    last_figure: Optional[tuple[int, int, str]] = None  # (sentence start, end, quantity) of the last figure decided
    last_amount: Optional[tuple[int, int, str]] = None  # the same, of the last figure that is no factor
    sentences = list(pieces(text, split_sentences(readable)))  # an overlong sentence is read in pieces
    for i, sent in enumerate(sentences):
        s0, s1 = sent
        sentence = text[s0:s1]
        sent_hits = [h for h in hits[bisect_left(starts, s0):bisect_right(starts, s1)] if h.end <= s1]
        found = read_quantities(sentence, lang, context=readable)  # the article chooses the currency of a shared sign (¥)
        figures += len(found.mentions) + len(found.skipped)
        if figures > ARTICLE_FIGURES:
            read_to, why = s0, TOO_MANY
            break
        mentions = [_shift(m, s0) for m in found.mentions]
        units = names_in_units(sent_hits, mentions)
        first = len(decisions)
        cues = engine.cues.find(text, lang, s0, s1)
        frames = {(m.start, m.end): engine.cues.frames(m, text, lang, s0, s1) for m in mentions}
        contrast = starts_with_contrast(sentence, lang)
        decisions.extend(_skipped_numbers(text, (s0, s1), found.skipped, sent_hits))
        ahead = _next_names(hits, starts, sentences[i + 1]) if not history and i + 1 < len(sentences) else None
        for m in mentions:
            d = _decide_one(article, engine, m, (s0, s1), sent_hits, cues, contrast, history, last_claim, last_money,
                            mentions, frames, prev_cues, last_figure if m.kind == "ratio" else last_amount, units,
                            prev_claim, ahead)
            decisions.append(d)
            if d.claim is not None or d.choice is not None:  # a non-target figure too ("3 billion yuan, or $431 million")
                last_figure = (s0, d.claim.end if d.claim is not None else d.mention.end,
                               d.claim.quantity if d.claim is not None else d.choice.quantity.id)
                if m.kind != "ratio":  # "$30.7bn, doubling the $15.2bn": the amount before, not the factor between
                    last_amount = last_figure
            if d.claim is not None:
                last_claim = _as_seen_after(d.claim)
                if d.claim.kind == "money":
                    last_money = last_claim
        named = historic(text, sent_hits, mentions, sent, lang)  # no person, investor or maker of what is counted
        # The entity a sentence made a claim about is its topic: later sentences refer back to it first; a
        # round's recipient before its investor ("ASML va investir 1,3 Md€ dans Mistral ... la société" is Mistral).
        topic = next((d.claim for d in reversed(decisions[first:]) if d.claim is not None and d.claim.sentence_start == s0
                      and d.claim.why.endswith(RECIPIENT_HOW)), last_claim)
        if topic is not None and topic.sentence_start == s0 and topic.entity:
            named.insert(0, EntityHit(s0, s0, topic.entity, topic.entity_kind or "other",
                                      topic.entity_status if topic.entity_status != "none" else "detected"))
        if named:
            history.append(named)
        prev_cues = [c for c in cues if not c.pattern]
        prev_claim = next((d.claim.quantity for d in reversed(decisions[first:]) if d.claim is not None), None)
    if read_to < len(text):
        start, end, reason = rest_skipped(text, read_to, why)
        warn(article.id, reason)
        decisions.append(Decision(Mention(text=text[start:end], start=start, end=end), (start, end), None, reason))
    return sorted(decisions, key=lambda d: (d.sentence[0], d.mention.start))


def _as_seen_after(claim: Claim) -> Claim:
    """The claim as the figures after it see it: the subject of an opening named only in the next sentence is no one
    they carry over or refer back to yet; that sentence names it itself."""
    if not claim.why.endswith(AHEAD):
        return claim
    return claim.model_copy(update={"entity": None, "entity_status": "none", "entity_kind": None})


def _next_names(hits: list[EntityHit], starts: list[int], nxt: tuple[int, int]) -> tuple[list[EntityHit], tuple[int, int]]:
    """The names of the sentence after the article's opening, and its span: the opening's subject may be named there."""
    return [h for h in hits[bisect_left(starts, nxt[0]):bisect_right(starts, nxt[1])] if h.end <= nxt[1]], nxt


def _skipped_numbers(text: str, sent: tuple[int, int], skipped: list[Skipped], hits: list[EntityHit]) -> list[Decision]:
    """The figures the quantity reader skipped (years, dates, times...), with its reason, so the
    Unclaimed sheet shows every number; digits inside a name ("GPT-4o") are names, not numbers."""
    s0 = sent[0]
    out = []
    for sk in skipped:
        start, end = sk.start + s0, sk.end + s0
        if any(h.start < end and start < h.end for h in hits):
            continue
        m = Mention(text=text[start:end], start=start, end=end, kind="number")
        out.append(Decision(m, sent, None, "not read as a quantity: " + REASONS[sk.reason]))
    return out


def _shift(m: Mention, offset: int) -> Mention:
    return m.model_copy(update={"start": m.start + offset, "end": m.end + offset})


def _decide_one(article: Article, engine: Engine, m: Mention, sent: tuple[int, int], hits: list[EntityHit],
                cues, contrast: bool, history: list[list[EntityHit]], last_claim: Optional[Claim],
                last_money: Optional[Claim], mentions: Sequence[Mention] = (), frames: Optional[dict] = None,
                prev_cues: Sequence = (), last_figure: Optional[tuple[int, int, str]] = None,
                units: Optional[frozenset] = None, prev_claim: Optional[str] = None,
                ahead: Optional[tuple[list[EntityHit], tuple[int, int]]] = None) -> Decision:
    text, lang = article.text, article.lang
    units = names_in_units(hits, mentions) if units is None else units

    def none(reason: str) -> Decision:
        return Decision(m, sent, None, reason)

    span = (m.start, m.end)  # the frames were found for the mention as read, before any trimming below
    core = number_core(m)
    inside = next((h for h in hits if h.start < core[1] and core[0] < h.end), None)
    if inside is not None:
        return none(f"part of the name {inside.name!r}")
    head = next((h for h in hits if h.start < core[0] and m.start < h.end <= core[0]), None)
    if head is not None:
        # "le prix de ChatGPT Plus de 20 %": the name's last word was read as a qualifier ("plus de").
        start = core[0]
        m = m.model_copy(update={"start": start, "text": text[start:m.end], "qualifier": "=",
                                 "low": None if m.qualifier in (">", ">=") else m.low,
                                 "high": None if m.qualifier in ("<", "<=") else m.high})
    if m.qualifier != "range" and is_vague(text, m, sent[0], lang):  # an order of magnitude read as a range stays
        return none("a vague amount (no figure given)")
    mention, note = m, m.note
    if m.kind == "number":
        borrowed = None if own_noun(m, cues, engine.cues, text) else borrow_unit(  # "291,42 tonnes" borrows no unit
            m, sent, cues, engine, text, lang, contrast, last_claim, last_money)
        if borrowed is None:
            return none("a bare number: no currency, percent, ratio or unit")
        mention, note = borrowed
    period = borrow_period(mention, sent, text, lang, last_claim)
    if period is not None:
        mention, note = period
    scene = _scene(text, m, mention, sent, hits, mentions, frames or {}, last_claim, prev_cues, lang, span, last_figure, units)
    scene = replace(scene, neighbour_claim=prev_claim)
    choice = choose_quantity(mention, cues, engine.cues, text, lang, scene, (frames or {}).get(span, ()))
    how = None
    weak_choice = choice is not None and choice.weak
    if (choice is None or weak_choice) and contrast and last_claim is not None:
        q = engine.rules.quantity(last_claim.quantity)
        if q is not None and accepts(q, mention):
            how = "quantity carried over from the previous claim: the sentence opens with a contrast"
            quantity, cue_text = q, None
    if how is None:
        if choice is None:
            fitting = [q.id for q in engine.rules.quantities if accepts(q, mention) and q.target]
            if not fitting:
                return none(f"no target quantity measures a {mention.kind}"
                            + (f" in {mention.unit}" if mention.kind == "count" else ""))
            return none("no evidence for " + ", ".join(fitting) + " (no cue word, frame, rate or figure before)")
        quantity = choice.quantity
        cue_text = choice.cue.cue if choice.cue else None
        how = choice.describe()
        if not quantity.target:
            return Decision(m, sent, None, f"{quantity.label or quantity.id} ({how}), not a target quantity", choice)
    if quantity.period == "required" and not mention.per:
        return none(f"{quantity.id} needs a period (per month, per year...)")
    if quantity.period == "forbidden" and mention.per:
        return none(f"{quantity.id} takes no period")
    beyond = beyond_bound(quantity, mention, engine.cues)  # "$360,000 per year" for 1,000 seats is no plan's price
    if beyond is not None:
        return Decision(m, sent, None, f"{quantity.label or quantity.id} ({how}), but {beyond}", choice)
    versus = find_versus(text, mention, hits, sent, lang) if mention.kind == "ratio" else None
    att = attribute(text, mention, quantity, [h for h in hits if h not in units], sent, lang, versus, history, mentions,
                    ahead)
    if (att.entity is None or att.how.endswith(AHEAD)) and contrast and last_claim is not None and last_claim.entity:
        entity_name, status, kind = last_claim.entity, last_claim.entity_status, last_claim.entity_kind
        who = "entity carried over from the previous claim"
    elif att.entity is not None:
        entity_name, status, kind = att.entity.name, att.entity.status, att.entity.kind
        who = att.how
        known = engine.entities.by_key.get(name_key(entity_name)) if status == "detected" else None
        if known is not None:  # a name put together ("ChatGPT" + "Go") that the rules know: their canonical name
            entity_name, status, kind = known.name, "known", known.kind
    else:
        entity_name, status, kind, who = None, "none", None, att.how
    direction = mention.direction
    if direction is None and mention.kind == "percent":
        direction = _change_direction(text, mention, sent, lang)
    elif direction is None and mention.kind == "ratio":
        # "costs have fallen 280-fold": a fall is a ratio of less, a rise one of more.
        direction = {"down": "less", "up": "more"}.get(_change_direction(text, mention, sent, lang) or "")
    claim = Claim(
        id=claim_id(article.id, mention.start, mention.end, quantity.id),
        article=article.id, entity=entity_name, quantity=quantity.id,
        value=mention.value, low=mention.low, high=mention.high, unit=mention.unit,
        qualifier=mention.qualifier, per=mention.per, versus=versus.name if versus else None,
        direction=direction, text=mention.text, start=mention.start, end=mention.end,
        sentence=text[sent[0]:sent[1]], rule=quantity.id, kind=mention.kind, entity_status=status,
        entity_kind=kind, cue=cue_text, why=f"{how}; entity: {who}", lang=lang,
        precision=mention.precision, note=note, sentence_start=sent[0],
    )
    more = tuple(claim.model_copy(update={"id": claim_id(article.id, mention.start, mention.end, quantity.id, o.name),
                                          "entity": o.name, "entity_status": o.status, "entity_kind": o.kind})
                 for o in att.others)
    return Decision(m, sent, claim, how, choice if choice is not None and choice.quantity.id == quantity.id else None,
                    more)


def _scene(text: str, m: Mention, mention: Mention, sent: tuple[int, int], hits: list[EntityHit],
           mentions: Sequence[Mention], frames: dict, last_claim: Optional[Claim], prev_cues: Sequence,
           lang: str, span: Optional[tuple[int, int]] = None,
           last_figure: Optional[tuple[int, int, str]] = None, units: Optional[frozenset] = None) -> Scene:
    """What the sentence says around figure `m` besides its cue words: the other figures and the frames
    that bind them, the claim before it in the sentence (and whether `m` is set against it), the cue
    words of the sentence before, and the kind of the nearest name. The figure before may be a non-target
    one (a loss, a deal): what it measures is evidence too; its conversion in brackets measures the same."""
    own = {(m.start, m.end), span or (m.start, m.end)}
    others = tuple((o.start, o.end) for o in mentions if (o.start, o.end) not in own)
    taken = tuple(f for o in mentions if (o.start, o.end) not in own for f in frames.get((o.start, o.end), ()))
    previous, compared = None, False
    if last_figure is None and last_claim is not None:
        last_figure = (last_claim.sentence_start, last_claim.end, last_claim.quantity)
    if last_figure is not None and last_figure[0] == sent[0] and last_figure[1] <= m.start:
        previous = last_figure[2]
        gap = text[last_figure[1]:m.start]
        compared = len(gap) <= 60 and (compares_figures(gap, lang) or converts(gap))
    units = names_in_units(hits, mentions) if units is None else units
    before = [h for h in hits if h.end <= m.start and h not in units]
    after = [h for h in hits if h.start >= m.end and h not in units]
    near = before[-1] if before else (after[0] if after else None)
    return Scene(others=others, taken=taken, previous=previous, compared=compared, neighbour_cues=tuple(prev_cues),
                 entity_kind=near.kind if near is not None else None)


def _change_direction(text: str, m: Mention, sent: tuple[int, int], lang: str) -> Optional[str]:
    """The direction of the change word nearest to a percent in its sentence ("grimper" is up)."""
    best: Optional[tuple[int, str]] = None
    for start, end, direction in change_words(text, sent[0], sent[1], lang):
        gap = m.start - end if end <= m.start else start - m.end if start >= m.end else 0
        if best is None or gap < best[0]:
            best = (gap, direction)
    return best[1] if best else None


def extract_article(article: Article, engine: Engine) -> tuple[list[Claim], list[Unclaimed]]:
    """Claims and unclaimed numbers of one article."""
    claims: list[Claim] = []
    unclaimed: list[Unclaimed] = []
    for d in decide(article, engine):
        if d.claim is not None:
            claims.append(d.claim)
            claims.extend(d.more)
        else:
            m = d.mention
            unclaimed.append(Unclaimed(article=article.id, text=m.text, start=m.start, end=m.end, value=m.value,
                                       unit=m.unit, kind=m.kind, sentence=article.text[d.sentence[0]:d.sentence[1]],
                                       reason=d.reason, sentence_start=d.sentence[0]))
    return claims, unclaimed


def extract_text(text: str, rules: RuleSet, lang: Optional[str] = None, engine: Optional[Engine] = None) -> list[Claim]:
    """Claims of a bare text (a sentence or a paragraph), language detected when not given."""
    article = parse_article(text, "text", lang=lang)
    return extract_article(article, engine or compile_engine(rules))[0]
