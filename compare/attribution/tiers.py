"""The tier named with a price (decision 2, "product vs maker"): "the Pro tier at $200" is ChatGPT Pro."""
from __future__ import annotations

import re
from typing import Sequence

from compare.attribution.words import NEVER_SUBJECTS, Attribution, _names_rx, words
from compare.entities import EntityHit
from compare.models import Mention


def _tiered(text: str, m: Mention, att: Attribution, hits: Sequence[EntityHit], sent: tuple[int, int], lang: str,
            history: Sequence[Sequence[EntityHit]]) -> Attribution:
    """The tier named next to a price wins over the product or tier named earlier: "$8-per-month Go tiers"
    after "ChatGPT’s" is ChatGPT Go, "the Pro tier at $200" after ChatGPT Plus is ChatGPT Pro, "the $5/month
    Comet Plus plan" is Comet Plus; a tier with only a company named is the company's (decision 2), with
    nothing named the tier itself."""
    w = words(lang)
    after = w.tier_after.match(text, m.end, sent[1])
    if after is not None:
        tier, named, at = after.group("tier"), after.group("name").strip(), m.end + after.start("name")
    else:
        before = w.tier_before.search(text, max(sent[0], m.start - 40), m.start)
        if before is None:
            return _tier_adjective(text, m, att, hits, sent, lang, history)
        tier, named, at = before.group("tier"), "", before.start()
        lead = re.search(r"((?:[A-Z][\w+-]*\s+){1,3})$", text[max(sent[0], at - 40):at])
        if lead and not _opens(text, at - len(lead.group(1)), sent[0]):
            named = lead.group(1).strip()  # "Max 5x" is its own; "MiniMax Token Plan Plus" keeps its product
    return _named_tier(text, tier, named, at, hits, sent, lang, history)


def _tier_adjective(text: str, m: Mention, att: Attribution, hits: Sequence[EntityHit], sent: tuple[int, int],
                    lang: str, history: Sequence[Sequence[EntityHit]]) -> Attribution:
    """A tier named by an adjective with its plan noun: bound after the price ("de N % pour les abonnements
    familiaux") or earlier in the clause ("l'abonnement personnel, pour <qui>, est à N € par mois", "the family
    plan now costs $N"), unless a name stands between."""
    w = words(lang)
    found = w.tier_adjective_after.match(text, m.end, sent[1])
    if found is None:
        for found in w.tier_adjective.finditer(text, max(sent[0], m.start - 150), m.start):
            pass
        if found is None or re.search(r"[;:.]", text[found.end():m.start]) or any(
                found.end() <= h.start and h.end <= m.start and h.kind not in NEVER_SUBJECTS for h in hits):
            bare = att.entity
            if bare is not None and bare.name in w.tier_word_list and bare.status == "detected" and bare.start > m.end:
                # "charges $N a month for its Pro tier": the bare tier bound after the price, joined to what is named
                return _named_tier(text, bare.name, "", bare.start, hits, sent, lang, history)
            return att
    tier = w.tier_of_adjective[(found.group("adj") or found.group("adj2")).lower()]
    return _named_tier(text, tier, "", found.start(), hits, sent, lang, history)


def _named_tier(text: str, tier: str, named: str, at: int, hits: Sequence[EntityHit], sent: tuple[int, int],
                lang: str, history: Sequence[Sequence[EntityHit]]) -> Attribution:
    """The entity of `tier` named at `at` (after `named`, the capitalised words before it, if any): the name covering
    it, the product named before it, the company named before it, else the bare tier."""
    w = words(lang)
    how = f"the tier named with the price ({tier!r})"
    covering = next((h for h in hits if h.start <= at < h.end and h.kind not in NEVER_SUBJECTS), None)
    if covering is not None and covering.name.endswith(tier) and covering.name != tier:
        return Attribution(covering, how)  # "ChatGPT Plus est facturé 20 livres"
    if named:
        full = next((h for h in hits if h.start == at and h.kind not in NEVER_SUBJECTS), None)
        if full is not None and full.name.endswith(tier):
            return Attribution(full, how)
        return Attribution(EntityHit(at, at + len(named) + 1 + len(tier), f"{named} {tier}", "product", "detected"), how)
    earlier = [h for h in hits if sent[0] <= h.start and h.end <= at and h.kind not in NEVER_SUBJECTS
               and h.kind != "person"]
    named_before = [earlier[::-1]] + [list(n) for n in reversed(history)]
    product = next((h for kind in ("product", "model") for names in named_before for h in names
                    if h.kind == kind and h.status == "known"), None)
    if product is not None:
        base = re.sub(r"\s+(?:" + _names_rx(w.tier_word_list) + r")$", "", product.name)
        return Attribution(EntityHit(product.start, product.end, f"{base} {tier}", "product", "detected",
                                     product.organisation), how)
    company = next((h for names in named_before for h in names if h.kind == "company"), None)
    if company is not None:
        plan = re.match(r"(?:\s+[A-Z][\w+-]*){1,3}", text[company.end:company.end + 60]) if company.end > company.start else None
        if plan and plan.group().split()[-1].lower() in w.plan_noun_set:
            # "the MiniMax Token Plan ...: Plus costs 49 yuan": the plan the company names is the product
            return Attribution(EntityHit(company.start, company.end + plan.end(),
                                         f"{company.name}{plan.group()} {tier}", "product", "detected"), how)
        return Attribution(company, how + ", of the company named")
    return Attribution(EntityHit(at, at + len(tier), tier, "product", "detected"), how + ", with no product named")


def _opens(text: str, pos: int, sent_start: int) -> bool:
    return not text[sent_start:pos].strip() or bool(re.search(r"[:;.]\s*$", text[sent_start:pos]))


def tier_of_product(h: EntityHit, hits: Sequence[EntityHit], sent: tuple[int, int], lang: str,
                    history: Sequence[Sequence[EntityHit]]) -> EntityHit:
    """A bare tier word of a list ("the Personal and Family tiers ... respectively") joined to the product
    named before it in the sentence or the passage (Microsoft 365 Personal); any other name as it is."""
    w = words(lang)
    if h.name not in w.tier_word_list:
        return h
    earlier = [o for o in hits if sent[0] <= o.start and o.end <= h.start and o.kind not in NEVER_SUBJECTS]
    product = next((o for kind in ("product", "model") for names in [earlier[::-1]] + [list(n) for n in reversed(history)]
                    for o in names if o.kind == kind and o.status == "known"), None)
    if product is None:
        return h
    base = re.sub(r"\s+(?:" + _names_rx(w.tier_word_list) + r")$", "", product.name)
    return EntityHit(h.start, h.end, f"{base} {h.name}", "product", "detected", product.organisation)
