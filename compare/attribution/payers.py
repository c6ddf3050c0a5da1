"""Who pays and who receives (docs/annotation.md, "funds raised vs invested"): an investor's own commitment is
the investor's, a round's total its recipient's; investors listed after "from"/"auprès de" and the maker of what a
count counts are not whose figure it is."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from compare.attribution.words import NEVER_SUBJECTS, _after_preposition, words
from compare.entities import EntityHit
from compare.lexicon import load_lexicon
from compare.models import Mention
from compare.phrases import phrase_regex
from compare.vocab import attribution_vocab


def _introduced_by_non_binding(text: str, h: EntityHit, hits: Sequence[EntityHit], sent_start: int, lang: str,
                               makers: bool = False, named: Sequence[EntityHit] = ()) -> bool:
    """"auprès de Bain Capital, eBay et Nvidia", "from Amazon and Google": investors listed after a
    word that names who pays are not what the figure is about. With `makers` (a figure said of a model or
    product), a word that also names a maker ("models from Anthropic") introduces no payer. `named`: the sentence's
    other names, so that a name after the payer ("mené par SoftBank valorise <Name>") is not taken for its description."""
    w = words(lang)
    for nb in w.non_binding.finditer(text, sent_start, h.start):
        if makers and w.maker_word.fullmatch(nb.group()):
            continue
        rest = text[nb.end():h.start]
        for o in hits:
            if nb.end() <= o.start and o.end <= h.start:
                rest = rest.replace(text[o.start:o.end], " ")
        rest = re.sub(r"\b\w*[A-Z]\w*\b", " ", rest)  # names the rules do not know: "eBay", "Bain Capital"
        if w.list_joiners.fullmatch(rest) and (not re.search(r",\s*$", rest) or _listed_on(text, h, hits, lang)):
            return True  # "backed by Nvidia, SoftBank and Thrive"; not "Backed by Nvidia, <Name> is valued at"
        # a payer described before its name: "with Dutch chip equipment maker ASML", "led by Japan’s SoftBank"; not a
        # name after the payer ("mené par SoftBank valorise Zentrix")
        between = any(nb.end() <= o.start and o.end <= h.start for o in (*hits, *named))
        if (not between and not re.search(r"[,.;:()«»“”\"]", rest) and not w.preposition_word.search(rest)
                and len(re.findall(r"[\w’'-]+", rest)) <= w.description_words_max):
            return True
    return False


def _listed_on(text: str, h: EntityHit, hits: Sequence[EntityHit], lang: str) -> bool:
    """Whether another name of a list follows `h` (", <Name>", " and <Name>")."""
    after = words(lang).list_end.match(text, h.end) or re.compile(r"\s*,\s*").match(text, h.end)
    return after is not None and any(o.start == after.end() for o in hits)


def _counted_maker(text: str, m: Mention, h: EntityHit, lang: str) -> bool:
    """A name right after a count that names what is counted, or its maker ("400 000 puces avancées de
    Nvidia", "a million Nvidia chips", "512-chip cluster of Nvidia H800s"): not whose count it is."""
    if m.kind != "count" or h.start < m.end:
        return False
    gap = text[m.end:h.start]
    if not re.search(r"[^\W\d]", m.text) and not words(lang).counted_of.search(gap):
        return False  # a bare figure: "compared with the 2,000 DeepSeek needed" is DeepSeek's
    if re.search(r"[,.;:()]", gap) or len(re.findall(r"[\w’'-]+", gap)) > 3:
        return False
    w = words(lang)
    rest = w.counted_of.sub(" ", gap)
    return not (w.binding.search(rest) or w.purpose.search(rest) or w.non_binding.search(rest)
                or re.search(r"\b(?:" + phrase_regex(attribution_vocab(lang).kind_bindings) + r")\b", rest, re.I))


def hardware_maker(text: str, m: Mention, h: EntityHit, hits: Sequence[EntityHit], lang: str) -> bool:
    """A chip named by a count's sentence, a company named as the brand of hardware ("des systèmes NVIDIA", "Nvidia
    chips", "GPU Nvidia") or, after a count, as the maker of the product it counts ("18 000 GPU <Chip>, les puces de
    <Maker>"): the hardware or its maker, never whose count it is."""
    if m.kind != "count":
        return False
    before, after, chip = _hardware_nouns(lang)
    if chip.fullmatch(text, h.start, h.end):
        return True  # the chip itself ("Google TPUs, up to N chips"): what is counted
    if h.kind != "company":
        return False
    if before.search(text, max(0, h.start - 40), h.start) or after.match(text, h.end):
        return True
    return h.start >= m.end and any(o.organisation == h.name and o.end <= h.start and _counted_maker(text, m, o, lang)
                                    for o in hits)


@lru_cache(maxsize=None)
def _hardware_nouns(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The words of GPU counts and the counters ("puces", "chips", "systèmes"), as they end before a name and as
    they follow one; and a chip's own name among them ("TPU", "H100")."""
    lex = load_lexicon(lang)
    chips = [p for p, unit in lex.unit_phrases.items() if unit == "GPUs"]
    nouns = phrase_regex(chips + list(lex.units.counters))
    return (re.compile(rf"(?<![\w-])(?:{nouns})\s+$"), re.compile(rf"\s+(?:{nouns})(?![\w-])"),
            re.compile(phrase_regex([c for c in chips if c[0].isupper()])))


def _after_recipient_marker(text: str, h: EntityHit, sent_start: int, lang: str) -> bool:
    return bool(words(lang).recipient_before.search(text, max(sent_start, h.start - 25), h.start))


def _commitment(text: str, m: Mention, hits: Sequence[EntityHit], sent: tuple[int, int],
                lang: str) -> Optional[tuple[Optional[EntityHit], str]]:
    """The investor whose own commitment the figure is: governed by an investing verb ("plans to invest $1
    billion", "ASML va investir 1,3 Md€", "€1.3bn brought by ASML") or by an investor's noun with its investor
    ("an $8 billion investment from Amazon", "un investissement de NVIDIA ... jusqu'à 100 milliards")."""
    w = words(lang)
    s0 = sent[0]
    candidates = [h for h in hits if h.kind not in NEVER_SUBJECTS]
    received = _received(text, m, s0, lang)
    for rx in (w.invested_by, w.investor_noun_after):
        found = rx.match(text, m.end)
        if found and not received:
            h = next((h for h in candidates if h.start == found.end()), None)
            if h is not None:
                return h, f"the investor named after the figure ({found.group().strip()!r})"
    lead = text[max(s0, m.start - 80):m.start]
    verb = w.investing.search(lead) if not re.search(r"[,;:()–—]\s*\S*\s*$", lead) else None
    if verb and not re.search(r"[,;:()–—.]", verb.group()):
        vpos = m.start - len(lead) + verb.start()
        before = [h for h in candidates if s0 <= h.start and h.end <= vpos
                  and not re.search(r"[;:()–—]", text[h.end:vpos])
                  and (not _after_preposition(text, h, s0, lang) or w.agent_before.search(text, max(s0, h.start - 12), h.start))]
        if before:
            h = ([o for o in before if o.kind != "person"] or before)[-1]  # a person is the investor when no firm is named
            if any(w.list_end.fullmatch(text, o.end, h.start) for o in hits if o.end < h.start):
                # "Alibaba, Tencent and 5Y Capital have committed"
                return None, "several investors together: the figure is no one's"
            if h.kind == "person":
                # "<CEO>, PDG de <company>, a révélé des plans pour investir": he speaks for the company
                firm = next((o for o in candidates if h.end <= o.start and o.end <= vpos and o.kind != "person"
                             and re.match(r"\s*,", text[h.end:o.start])), None)
                if firm is not None:
                    return firm, f"the investor: the company {h.name!r} speaks for"
            return h, f"the investor: the name before {verb.group().split()[0]!r}"
        # "Après avoir investi <amount> dans <recipient>, <investor> ..."
        for h in candidates:
            if m.end <= h.start < sent[1] and not _after_recipient_marker(text, h, s0, lang):
                if re.search(r",\s*$", text[max(m.end, h.start - 3):h.start]):
                    return h, f"the investor: the subject after {verb.group().split()[0]!r}"
                if not _after_preposition(text, h, s0, lang):
                    break
        return None
    for nb in w.investor_noun_before.finditer(text, max(s0, m.start - 90), m.start):
        h = next((h for h in candidates if h.start == nb.end()), None)
        if h is not None and not re.search(r"[,;:.()–—]", text[h.end:m.start]):
            return h, f"the investor named with {nb.group().strip()!r}"
    return None


def _buyer(text: str, m: Mention, hits: Sequence[EntityHit], sent: tuple[int, int], lang: str) -> Optional[EntityHit]:
    """The buyer a seller's verb names before the figure of its deal ("<Seller> will provide GPU capacity to <Buyer>
    in a deal valued at $N", decision 3): the deal is the buyer's investment, whoever sells."""
    w = words(lang)
    for verb in w.supply.finditer(text, sent[0], m.start):
        for h in hits:
            if (verb.end() < h.start and h.end <= m.start and h.kind not in NEVER_SUBJECTS and h.kind != "person"
                    and h.start - verb.end() <= 60 and not re.search(r"[,;:.()–—]", text[verb.end():m.start])
                    and w.buyer_before.search(text, max(verb.end(), h.start - 12), h.start)):
                return h
    return None


def count_buyer(text: str, m: Mention, hits: Sequence[EntityHit], sent: tuple[int, int],
                lang: str) -> Optional[EntityHit]:
    """The buyer a seller's verb names after a count of what it sells ("<Seller> a livré N puces à <Buyer>", "will
    supply N GPUs to <Buyer>"): the hardware is in the buyer's hands (decision 11), not the seller's."""
    w = words(lang)
    verbs = list(w.supply.finditer(text, max(sent[0], m.start - 60), m.start))
    if m.kind != "count" or not verbs or re.search(r"[,;:.()–—]", text[verbs[-1].end():m.start]):
        return None
    for h in hits:
        if (m.end < h.start <= m.end + 60 and h.end <= sent[1] and h.kind not in NEVER_SUBJECTS and h.kind != "person"
                and not re.search(r"[,;:.()–—]", text[m.end:h.start])
                and w.buyer_before.search(text, max(m.end, h.start - 12), h.start)):
            return h
    return None


def _received(text: str, m: Mention, sent_start: int, lang: str) -> bool:
    """A figure a raising verb governs, within its clause ("has secured a further $N billion investment from
    <investor>", "a obtenu un investissement de 2 milliards de Nvidia"): the recipient's, whoever it comes from."""
    lead = text[max(sent_start, m.start - 45):m.start]
    found = None
    for found in words(lang).raising.finditer(lead):
        pass
    return found is not None and not re.search(r"[,;:.()–—]", lead[found.end():])


def _round_total(text: str, m: Mention, sent: tuple[int, int], lang: str) -> bool:
    """A figure a round's noun governs: "a total round of 1.7 billion euros", "levée de fonds de 1,7 Md€",
    "OpenAI's $6.5 billion fundraising round", or a leading verb governs ("<Fund> led a $N investment in <Name>")."""
    w = words(lang)
    lead = text[max(sent[0], m.start - 50):m.start]
    found = w.round_before.search(lead) or w.payer_verb_lead.search(lead)  # "<Fund> led a $N investment in <Name>"
    if found and not re.search(r"[,;:.()–—]", found.group()):
        return True
    return bool(w.round_after.match(text, m.end, sent[1]))


def _round_parties(text: str, hits: Sequence[EntityHit], sent: tuple[int, int],
                   lang: str) -> tuple[Optional[EntityHit], set]:
    """Who receives a round and who pays in this sentence: the name after "in"/"dans" that follows an
    investing verb ("ASML va investir 1,3 Md€ dans Mistral"), and the subjects of investing or leading
    verbs ("General Catalyst led a funding round", "ASML investirait")."""
    w = words(lang)
    recipient = None
    for verb in w.investing_any.finditer(text, sent[0], sent[1]):
        for h in hits:
            if verb.end() < h.start <= verb.end() + 90 and h.kind not in NEVER_SUBJECTS \
                    and not re.search(r"[;:.()–—]", text[verb.end():h.start]) and _after_recipient_marker(text, h, sent[0], lang):
                recipient = h
                break
        if recipient is not None:
            break
    payers = {h for h in hits if sent[0] <= h.start < sent[1] and (w.payer_verb_after.match(text, h.end)
              or w.invested_by_before.search(text, max(sent[0], h.start - 40), h.start))}  # "brought by ASML"
    return recipient, payers
