"""Whose number a number is: the entity a quantity is said of, and the other side of a ratio.

Not the nearest name but the one the sentence says it of: a name bound right after the number
("100 millions de dollars pour GPT-4o"), else the nearest name before it that is not inside an
apposition (", filiale de High-Flyer,"), a source ("selon Bloomberg") or the other side of a
ratio ("que Llama-3"), preferring the kinds of entity the quantity is usually said of; failing
all that, a pronoun or a contrast carries the entity over from the sentences before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from compare.entities import EntityHit
from compare.lexicon import load_lexicon
from compare.models import Mention
from compare.phrases import phrase_regex
from compare.rules.model import Quantity
from compare.vocab import attribution_vocab

_DELIMS = ",;(–—:"
# Kinds of name that are never whose figure it is: places, and the outlets, agencies and analysts quoted.
NEVER_SUBJECTS = frozenset({"place", "outlet"})
_CLOSERS = ",;)–—"
RECIPIENT_HOW = "the round's total is its recipient's: the name an investor puts money into"


@dataclass(frozen=True)
class Attribution:
    entity: Optional[EntityHit]
    how: str


@dataclass(frozen=True)
class _Words:
    versus: re.Pattern
    binding: re.Pattern
    adjacent_only: frozenset
    non_binding: re.Pattern
    purpose: re.Pattern
    kind_binding: re.Pattern
    clause: re.Pattern
    apposition: re.Pattern
    source: re.Pattern
    contrast: re.Pattern
    pronouns: tuple  # (compiled, kind)
    vague: re.Pattern
    preposition: re.Pattern
    frame: re.Pattern
    ratio_of: re.Pattern
    possessive: re.Pattern
    maker_of: re.Pattern
    source_before: re.Pattern  # a source marker right before a name ("selon", "according to the")
    source_verb_before: re.Pattern
    article_start: re.Pattern
    list_joiners: re.Pattern
    counted_of: re.Pattern
    relative: re.Pattern
    preposition_word: re.Pattern
    description_words_max: int
    investing: re.Pattern  # an investing verb, then up to three words, ending where the figure starts
    investing_any: re.Pattern
    invested_by: re.Pattern  # after a figure: "brought by", "apportés par"
    investor_noun_after: re.Pattern  # after a figure: "investment from"
    investor_noun_before: re.Pattern  # "investissement de" before a name
    recipient_before: re.Pattern  # a recipient marker ending where a name starts
    round_before: re.Pattern
    round_after: re.Pattern
    payer_verb_after: re.Pattern  # after a name: "prévoit d'investir", "led", "is investing"
    invested_by_before: re.Pattern  # "brought by", "apportés par" ending where a name starts
    tier_word_list: tuple
    plan_noun_set: frozenset
    tier_after: re.Pattern  # after a price: "-per-month Go tiers", " monthly Pro plan", " ChatGPT Plus subscription"
    tier_before: re.Pattern  # before a price: "Pro at ", "the new Ultra tier at ", "Plus costs "
    agent_before: re.Pattern  # "by", "par" ending where a name starts
    list_end: re.Pattern  # "Tencent and " ending where a name starts: the last of a list


def _before_name(v) -> str:
    return r"\s*[«“\"]?\s*(?:(?:" + phrase_regex(v.articles) + r")\s*)?$"


@lru_cache(maxsize=None)
def words(lang: str) -> _Words:
    v = attribution_vocab(lang)
    flags = re.IGNORECASE
    return _Words(
        versus=re.compile(phrase_regex(v.versus_markers), flags),
        binding=re.compile(phrase_regex(v.binding_words), flags),
        adjacent_only=frozenset(w.lower().replace("'", "’") for w in v.binding_words_adjacent_only),
        non_binding=re.compile(phrase_regex(v.non_binding_words), flags) if v.non_binding_words else re.compile(r"(?!x)x"),
        purpose=re.compile(phrase_regex(v.purpose_bindings), flags),
        kind_binding=re.compile(r"^\s*(?:" + phrase_regex(v.kind_bindings) + r")\s*[«“\"]?\s*(?:(?:" + phrase_regex(v.articles)
                                + r")\s*)?(?:\w+\s+)?[«“\"]?\s*$", flags),
        clause=re.compile(phrase_regex(v.clause_markers), flags),
        apposition=re.compile(r"^\s*(?:(?:" + phrase_regex(v.articles) + r")\s*)?(?:" + phrase_regex(v.apposition_markers) + ")", flags),
        source=re.compile(phrase_regex(v.source_markers), flags),
        contrast=re.compile(r"^[\s«“\"'(–—-]*(?:" + phrase_regex(v.contrast_openers) + ")", flags),
        pronouns=tuple((re.compile(phrase_regex([p]), flags), kind) for p, kind in v.pronouns.items()),
        vague=re.compile(r"(?:" + phrase_regex(v.vague_words) + r")\s*$", flags),
        preposition=re.compile(r"(?:(?:" + phrase_regex(v.prepositions) + r")\s*[«“\"]?\s*|[’'])$", flags),
        frame=re.compile(r"^\s*(?:" + phrase_regex(v.frame_openers) + r")\s+[«“\"]?\s*(\S)[^,]{0,40},", flags),
        ratio_of=re.compile(r"^\s*(?:" + phrase_regex(v.ratio_of) + r")\s*[«“\"]?\s*$", flags),
        possessive=re.compile(r"^[’']s\s+(?:(?:" + phrase_regex(v.possessive_fillers) + r")\s+)?$", flags),
        maker_of=re.compile(r"(?:" + phrase_regex(v.maker_of) + r")\s*[«“\"]?\s*$", flags),
        source_before=re.compile(r"(?:" + phrase_regex(v.source_markers) + r")" + _before_name(v), flags),
        source_verb_before=re.compile(r"(?:" + (phrase_regex(v.source_verbs) if v.source_verbs else r"(?!x)x") + r")"
                                      + _before_name(v), flags),
        article_start=re.compile(r"^\s*(?:" + phrase_regex(v.articles) + r")\s*\w", flags),
        list_joiners=re.compile(r"(?:[\s,«“\"»”]|\b(?:" + phrase_regex(v.list_joiners + v.articles) + r")\b)*", flags),
        counted_of=re.compile(phrase_regex(v.counted_of), flags),
        preposition_word=re.compile(r"(?:" + phrase_regex(v.prepositions) + r")", flags),
        relative=re.compile(r"\s*,?\s*(?:" + phrase_regex(v.relative_pronouns) + r")[^,;:.()–—]*$", flags),
        description_words_max=v.description_words_max,
        investing=re.compile(r"(?<![\w’'-])(?:" + _rx(v.investing_verbs) + r")\s+(?:[\w’'-]+\s+){0,3}$", flags),
        investing_any=re.compile(r"(?<![\w’'-])(?:" + _rx(v.investing_verbs) + r")(?![\w’'-])", flags),
        invested_by=re.compile(r"\s*(?:" + _rx(v.investing_verbs) + r")\s+(?:" + _rx(v.payer_prepositions) + ")"
                               + _before_name(v)[:-1], flags),
        investor_noun_after=re.compile(r"\s*(?:" + _rx(v.investor_nouns) + r")\s+(?:" + _rx(v.payer_prepositions)
                                       + ")" + _before_name(v)[:-1], flags),
        investor_noun_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.investor_nouns) + r")\s+(?:" + _rx(v.payer_prepositions)
                                        + ")" + _before_name(v)[:-1], flags),
        recipient_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.recipient_markers) + ")" + _before_name(v), flags),
        round_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.round_nouns) + r")\s+(?:[\w’'-]+\s+){0,3}$", flags),
        round_after=re.compile(r"\s+(?:[\w’'-]+\s+)?(?:" + _rx(v.round_nouns) + r")(?![\w’'-])", flags),
        invested_by_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.investing_verbs) + r")\s+(?:" + _rx(v.payer_prepositions) + ")"
                                      + _before_name(v), flags),
        tier_word_list=tuple(v.tier_words),
        plan_noun_set=frozenset(p.lower() for p in v.plan_nouns),
        tier_after=re.compile(r"[\s-]*(?:[a-z][\w-]*\s+)?[«“\"]?\s*(?P<name>(?:[A-Z][\w+-]*\s+){0,3}?)(?P<tier>"
                              + _names_rx(v.tier_words) + r")\s*[»”\"]?\s+(?:" + _rx(v.plan_nouns) + ")", flags & 0),
        tier_before=re.compile(r"(?<![\w’'-])(?P<tier>" + _names_rx(v.tier_words) + r")\s*[»”\"]?\s*(?:(?:" + _rx(v.plan_nouns)
                               + r")\s*)?(?::|\s(?:" + _rx(v.tier_price_links) + r"))\s*$", flags & 0),
        agent_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.agent_markers) + ")" + _before_name(v), flags),
        list_end=re.compile(r"\s*,?\s+(?:" + _rx(v.list_joiners) + r")\s+", flags),
        payer_verb_after=re.compile(r"\s+(?:[\w’'-]+\s+|[\w]+[’']\s*){0,3}?(?:" + _rx(v.investing_verbs + v.payer_verbs)
                                    + r")(?![\w’'-])", flags),
    )


def _names_rx(names) -> str:
    """Tier words as names: case-sensitive, whole words ("Premium+" with its plus)."""
    return "|".join(re.escape(n) + (r"(?![\w+])" if not n.endswith("+") else "") for n in sorted(names, key=lambda n: (-len(n), n))) \
        if names else r"(?!x)x"


def _rx(phrases) -> str:
    return phrase_regex(phrases) if phrases else r"(?!x)x"


def starts_with_contrast(sentence: str, lang: str) -> bool:
    return bool(words(lang).contrast.match(sentence))


def is_vague(text: str, m: Mention, sent_start: int, lang: str) -> bool:
    """An amount with no digit after "quelques", "several"... is too vague to be a claim."""
    if any(ch.isdigit() for ch in m.text):
        return False
    before = text[max(sent_start, m.start - 25):m.start]
    return bool(words(lang).vague.search(before)) or bool(words(lang).vague.match(m.text.split(" ")[0] + " "))


def find_versus(text: str, m: Mention, hits: Sequence[EntityHit], sent: tuple[int, int], lang: str) -> Optional[EntityHit]:
    """The other side of a ratio: the name after "que", "than", "compared with"... near the number."""
    w = words(lang)
    window_end = min(sent[1], m.end + 90)
    for vm in w.versus.finditer(text, m.end, window_end):
        gap = text[m.end:vm.start()]
        if vm.group().lower() == "as" and gap.strip():
            continue  # "half as much as X", not "... as part of X"
        if _qualifies_figure(text, vm, lang):
            continue
        if any(c in gap for c in ".;") or len(gap) > 70:
            break
        for h in hits:
            if h.start >= vm.end() and h.start - vm.end() <= 45 and "," not in text[vm.end():h.start]:
                return owned(text, h, hits)
        break
    if m.kind == "ratio":
        # "half the cost of DeepSeek-V3", "un dixième du coût de Llama 3"
        for h in hits:
            if m.end <= h.start <= m.end + 45 and w.ratio_of.match(text[m.end:h.start]):
                return owned(text, h, hits)
    if m.kind != "ratio":
        return None
    # "Compared with GPT-4, V3 needed 11 times less compute": the marker opens the sentence.
    for vm in w.versus.finditer(text, sent[0], m.start):
        for h in hits:
            if vm.end() <= h.start and h.end <= m.start and h.start - vm.end() <= 30 and "," in text[h.end:m.start]:
                return h
        break
    return None


@lru_cache(maxsize=None)
def _qualifier_end(lang: str) -> re.Pattern:
    """A qualifier written before a figure ("more than", "plus de") ending where the text ends."""
    before = [q for q in load_lexicon(lang).qualifiers.before if " " in q]
    return re.compile(r"(?<![\w])(?:" + phrase_regex(before) + r")$", re.IGNORECASE) if before else re.compile(r"(?!x)x")


def _qualifies_figure(text: str, vm: re.Match, lang: str) -> bool:
    """"more than 260 billion euros": the "than" is a figure's qualifier, not the start of another side."""
    return bool(_qualifier_end(lang).search(text, max(0, vm.end() - 40), vm.end())
                and re.match(r"\s*(?:[^\w\s]|\d|[a-zà-ÿ])", text[vm.end():vm.end() + 3]))


def _versus_marker(text: str, m: Mention, sent: tuple[int, int], lang: str) -> Optional[int]:
    """Where the other side of a comparison starts after the number ("compared with ..."), if it does."""
    for vm in words(lang).versus.finditer(text, m.end, min(sent[1], m.end + 90)):
        gap = text[m.end:vm.start()]
        if vm.group().lower() == "as" and gap.strip():
            continue
        if _qualifies_figure(text, vm, lang):
            continue
        if not any(c in gap for c in ".;") and len(gap) <= 70:
            return vm.start()
        break
    return None


def owned(text: str, h: EntityHit, hits: Sequence[EntityHit]) -> EntityHit:
    """"OpenAI's o1", "Meta’s Llama 3": the name after the possessive is the one meant."""
    m = re.match(r"[’']s\s+(?:[«“\"]\s*)?", text[h.end:h.end + 6])
    if m:
        nxt = next((o for o in hits if o.start == h.end + m.end()), None)
        if nxt is not None:
            return nxt
    return h


def _in_apposition(text: str, h: EntityHit, m: Mention, sent_start: int, lang: str,
                   hits: Sequence[EntityHit] = ()) -> bool:
    """A name inside a description set off by commas after another name ("Thinking Machines Lab, une société
    fondée par des chercheurs qui ont fui OpenAI, a levé"); a clause after a source ("According to a report
    by The Economic Times, the government ... in Sarvam") is no description."""
    before = text[sent_start:h.start]
    cut = max(before.rfind(d) for d in _DELIMS)
    if cut < 0:
        return False
    opener = before[cut + 1:]
    w = words(lang)
    head = text[sent_start:sent_start + cut].rstrip()
    after_name = any(o.end == sent_start + len(head) and o.kind not in NEVER_SUBJECTS for o in hits)
    if not (w.apposition.match(opener) or w.article_start.match(opener) and after_name
            or w.apposition.search(opener) and len(opener) < 60):
        return False
    between = text[h.end:m.start]
    return any(c in between for c in _CLOSERS)


def _introduced_by_non_binding(text: str, h: EntityHit, hits: Sequence[EntityHit], sent_start: int, lang: str) -> bool:
    """"auprès de Bain Capital, eBay et Nvidia", "from Amazon and Google": investors listed after a
    word that names who pays are not what the figure is about."""
    w = words(lang)
    for nb in w.non_binding.finditer(text, sent_start, h.start):
        rest = text[nb.end():h.start]
        for o in hits:
            if nb.end() <= o.start and o.end <= h.start:
                rest = rest.replace(text[o.start:o.end], " ")
        rest = re.sub(r"\b\w*[A-Z]\w*\b", " ", rest)  # names the rules do not know: "eBay", "Bain Capital"
        if w.list_joiners.fullmatch(rest):
            return True
        # a payer described before its name: "with Dutch chip equipment maker ASML", "led by Japan’s SoftBank"
        if (not re.search(r"[,.;:()«»“”\"]", rest) and not w.preposition_word.search(rest)
                and len(re.findall(r"[\w’'-]+", rest)) <= w.description_words_max):
            return True
    return False


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


def _maker(text: str, h: EntityHit, sent_start: int, lang: str) -> EntityHit:
    """"le créateur de ChatGPT", "the maker of Claude": the product stands for its maker."""
    if h.organisation and words(lang).maker_of.search(text[max(sent_start, h.start - 40):h.start]):
        return EntityHit(h.start, h.end, h.organisation, "company", "known")
    return h


def _after_source(text: str, h: EntityHit, sent_start: int, lang: str) -> bool:
    """A name given as the source ("selon Bloomberg", "..., said OpenAI."), not as the subject."""
    before = text[max(sent_start, h.start - 30):h.start]
    w = words(lang)
    if w.source_before.search(before):
        return True
    if w.source_verb_before.search(before):
        return bool(re.match(r"\s*(?:[,.;:)»”\"]|$)", text[h.end:h.end + 3]))
    return False


def _bound_after(text: str, m: Mention, h: EntityHit, lang: str, q: Optional[Quantity] = None) -> bool:
    """A name that the number is bound to by "pour", "for", "de"... right after it."""
    gap = text[m.end:h.start]
    w = words(lang)
    if q is not None and q.entity_kinds and h.kind == q.entity_kinds[0] and w.kind_binding.match(gap):
        return True  # "$100 billion to Stargate", "investissement ... dans Stargate"
    if any(c in gap for c in ",.;:()") or len(gap) > 80:
        return False
    if w.non_binding.search(gap) or w.versus.search(gap):
        return False
    tokens = re.findall(r"[\w’']+", gap)
    purpose = list(w.purpose.finditer(gap))
    if purpose and len(tokens) <= 9 and not re.search(r"\w", gap[purpose[-1].end():]):
        return True
    if len(tokens) > 4 or len(gap) > 40:
        return False
    found = list(w.binding.finditer(gap))
    if not found:
        return False
    last = found[-1]
    word = last.group().lower().replace("'", "’")
    if word in w.adjacent_only:
        return not re.search(r"\w", gap[last.end():])
    return True


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
    for rx in (w.invested_by, w.investor_noun_after):
        found = rx.match(text, m.end)
        if found:
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
                return None, "several investors together: the figure is no one's"  # "Alibaba, Tencent and 5Y Capital have committed"
            if h.kind == "person":
                # "Mark Zuckerberg, PDG de Meta, a révélé des plans pour investir": he speaks for the company
                firm = next((o for o in candidates if h.end <= o.start and o.end <= vpos and o.kind != "person"
                             and re.match(r"\s*,", text[h.end:o.start])), None)
                if firm is not None:
                    return firm, f"the investor: the company {h.name!r} speaks for"
            return h, f"the investor: the name before {verb.group().split()[0]!r}"
        # "Après avoir investi 1 milliard de dollars dans OpenAI en 2019, Microsoft serait prêt à ..."
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


def _round_total(text: str, m: Mention, sent: tuple[int, int], lang: str) -> bool:
    """A figure a round's noun governs: "a total round of 1.7 billion euros", "levée de fonds de 1,7 Md€",
    "OpenAI's $6.5 billion fundraising round"."""
    w = words(lang)
    lead = text[max(sent[0], m.start - 50):m.start]
    found = w.round_before.search(lead)
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


def _rank(h: EntityHit, q: Quantity) -> int:
    """Lower is likelier: the quantity's entity kinds in their order, then other known names,
    then detected names, then persons."""
    kinds = list(q.entity_kinds)
    if h.kind == "person":
        return len(kinds) + 3
    if h.status != "known":
        return len(kinds) + 2
    if h.kind in kinds:
        return kinds.index(h.kind)
    return len(kinds)


def _after_preposition(text: str, h: EntityHit, sent_start: int, lang: str) -> bool:
    """"built on top of V3", "modèles d’OpenAI": a name after a preposition is seldom the subject."""
    return bool(words(lang).preposition.search(text[max(sent_start, h.start - 12):h.start]))


def attribute(text: str, m: Mention, q: Quantity, hits: Sequence[EntityHit], sent: tuple[int, int],
              lang: str, versus: Optional[EntityHit], history: Sequence[Sequence[EntityHit]]) -> Attribution:
    """The entity mention `m` of quantity `q` is said of, and how that was decided."""
    att = _attribute(text, m, q, hits, sent, lang, versus, history)
    if q.entity_kinds and q.entity_kinds[0] == "product":
        return _tiered(text, m, att, hits, sent, lang, history)
    return att


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
            return att
        tier, named, at = before.group("tier"), "", before.start()
        lead = re.search(r"((?:[A-Z][\w+-]*\s+){1,3})$", text[max(sent[0], at - 40):at])
        if lead and not _opens(text, at - len(lead.group(1)), sent[0]):
            named = lead.group(1).strip()  # "Max 5x" is its own; "MiniMax Token Plan Plus" keeps its product
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


def _attribute(text: str, m: Mention, q: Quantity, hits: Sequence[EntityHit], sent: tuple[int, int],
               lang: str, versus: Optional[EntityHit], history: Sequence[Sequence[EntityHit]]) -> Attribution:
    other_side = versus or (find_versus(text, m, hits, sent, lang) if m.kind != "ratio" else None)
    cut = _versus_marker(text, m, sent, lang)
    in_sentence = [h for h in hits if sent[0] <= h.start and h.end <= sent[1] and h != other_side
                   and h.kind not in NEVER_SUBJECTS
                   and not (cut is not None and h.start >= cut)
                   and not (versus is not None and m.end <= h.start < versus.end)]  # "of Meta's Llama"
    usable = [h for h in in_sentence if not _after_source(text, h, sent[0], lang)
              and (h.kind != "person" or "person" in q.entity_kinds)  # people speak; few figures are theirs
              and not _counted_maker(text, m, h, lang)]
    if m.kind == "money":
        payer = _commitment(text, m, [h for h in hits if sent[0] <= h.start and h.end <= sent[1]
                                      and not _after_source(text, h, sent[0], lang)], sent, lang)
        if payer is not None:
            return Attribution(payer[0], payer[1])
        if _round_total(text, m, sent, lang):
            recipient, payers = _round_parties(text, usable, sent, lang)
            if recipient is not None:
                return Attribution(recipient, RECIPIENT_HOW)
            usable = [h for h in usable if h not in payers
                      and not _introduced_by_non_binding(text, h, usable, sent[0], lang)]
    clause = _last_clause_marker(text, sent[0], m.start, lang)
    if clause is not None and any(h.start >= clause for h in usable):
        usable = [h for h in usable if h.start >= clause]  # "..., compared with the 16,000 Meta used"
    after = [h for h in usable if h.start >= m.end]
    for h in after[:1]:
        if _bound_after(text, m, h, lang, q) and h.kind != "person":
            return Attribution(owned(text, h, usable), f"bound to the number by the words after it ({text[m.end:h.start].strip()!r})")
    before = [_maker(text, h, sent[0], lang) for h in usable
              if h.end <= m.start and not _in_apposition(text, h, m, sent[0], lang, hits)
              and not _introduced_by_non_binding(text, h, usable, sent[0], lang)]
    for h in before[-1:]:
        if words(lang).possessive.match(text[h.end:m.start]) and h.kind != "person":
            return Attribution(h, "possessive right before the number")
    for h in reversed([h for h in usable if h.end <= m.start][-1:]):
        clause = text[h.end:m.start]  # no possessive inside: "..., qui a porté sa valorisation à" is not the name's
        if (h.kind != "person" and words(lang).relative.match(clause)
                and not any(rx.search(clause) for rx, _ in words(lang).pronouns)):
            return Attribution(h, "the number is in a relative clause of the name")
    frame = words(lang).frame.match(text[sent[0]:m.start])
    if frame:
        h = next((h for h in before if h.start == sent[0] + frame.start(1)), None)
        if h is not None and h.kind != "person" and _rank(h, q) <= min(_rank(o, q) for o in before):
            return Attribution(h, f"the sentence is framed by {frame.group(0).strip()!r}")
    pron = _pronoun_before(text, m, sent, lang)
    if before and all(h.kind == "person" for h in before) and refer_back(history, "any", q) is not None:
        before = []  # "L'entreprise d'Elon Musk est valorisée...": a person is not what is valued
    if before:
        best = min(before, key=lambda h: (_rank(h, q), _after_preposition(text, h, sent[0], lang), m.start - h.end))
        desc = _description_between(text, best.end, m.start, lang)
        if desc:
            earlier = refer_back(history, desc[1], q)
            if earlier is not None:
                return Attribution(earlier, f"{desc[0]!r} refers back to it, not to {best.name!r}")
        if best.status == "known" or not pron or refer_back(history, "any", q) is None:
            return Attribution(best, "nearest name before the number" if best == before[-1]
                               else "nearest name of a kind this quantity is said of")
    earlier = refer_back(history, pron[1] if pron else "any", q)
    if earlier is not None:
        why = f"pronoun {pron[0]!r} refers back to it" if pron else "carried over from an earlier sentence"
        return Attribution(earlier, why)
    after = [h for h in after if not words(lang).non_binding.search(text[m.end:h.start])]  # "auprès de", "from"
    if after:
        best = min(after, key=lambda h: (_rank(h, q), h.start - m.end))
        if best.kind != "person":
            return Attribution(best, "the only name in the sentence, after the number")
    return Attribution(None, "no name in the sentence or before it")


def refer_back(history: Sequence[Sequence[EntityHit]], kind: str, q: Quantity) -> Optional[EntityHit]:
    """The entity a pronoun or description points back to: in the latest sentence that names one of
    the right kind, its topic (the claim it made, else the first name), preferring the quantity's kinds."""
    for names in reversed(history):
        fitting = [h for h in names if (kind == "any" or h.kind == kind or kind == "company" and _claimed_name(h))
                   and h.kind != "person" and h.kind not in NEVER_SUBJECTS]
        if fitting:
            return min(fitting, key=lambda h: _rank(h, q))  # the first of the best-ranked kind
    return None


def _claimed_name(h: EntityHit) -> bool:
    """A name the rules do not know that a sentence made a claim of (its topic, an empty span): "Canva a
    levé 70 millions ... l'entreprise est valorisée" - a company description may refer back to it."""
    return h.start == h.end and h.status == "detected" and h.kind == "other"


def compares_back(text: str, start: int, end: int, lang: str) -> bool:
    """Whether text[start:end] sets what follows against what came before ("..., contre 60 dollars")."""
    w = words(lang)
    return bool(w.clause.search(text, start, end) or w.versus.search(text, start, end))


def _last_clause_marker(text: str, start: int, end: int, lang: str) -> Optional[int]:
    found = None
    for cm in words(lang).clause.finditer(text, start, end):
        found = cm.end()
    return found


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
    segment = text[sent[0]:m.start]
    best: Optional[tuple[int, str, str]] = None
    for rx, kind in words(lang).pronouns:
        for pm in rx.finditer(segment):
            if best is None or pm.start() > best[0] or (pm.start() == best[0] and kind != "any"):
                best = (pm.start(), pm.group(), kind)
    return (best[1], best[2]) if best else None


@lru_cache(maxsize=None)
def _change_res(lang: str) -> tuple:
    changes = load_lexicon(lang).changes
    by_dir: dict = {}
    for phrase, direction in changes.items():
        by_dir.setdefault(direction, []).append(phrase)
    return tuple((re.compile(phrase_regex(ps), re.IGNORECASE), d) for d, ps in sorted(by_dir.items()))


def change_words(text: str, start: int, end: int, lang: str) -> list[tuple[int, int, str]]:
    """Spans of change words ("hausse", "cut", "grimper") in text[start:end], with their direction."""
    return [(m.start(), m.end(), d) for rx, d in _change_res(lang) for m in rx.finditer(text, start, end)]
