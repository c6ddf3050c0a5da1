"""The subject of the clause a figure stands in: a name bound after it, its owner, the nearest name before it
that is no apposition, source or other side, preferring the kinds the quantity is said of."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from compare.attribution.payers import (_buyer, _commitment, _counted_maker, _introduced_by_non_binding, _round_parties,
                                        _round_total, count_buyer, hardware_maker)
from compare.attribution.refer import (AHEAD, UNNAMED, _description_between, _pronoun_before, named_ahead,
                                      refer_back)
from compare.attribution.several import _aside, listed_with, several
from compare.attribution.tiers import _tiered
from compare.attribution.versus import _versus_marker, find_versus, owned
from compare.attribution.words import (_CLOSERS, _DELIMS, NEVER_SUBJECTS, RECIPIENT_HOW, Attribution,
                                       _after_preposition, _last_clause_marker, _rank, as_model, invested, received,
                                       words, wrong_kind)
from compare.cues import converts
from compare.entities import EntityHit
from compare.attribution.generic import general_statement, unnamed_share
from compare.models import Mention
from compare.phrases import phrase_regex
from compare.rules.model import Quantity
from compare.vocab import attribution_vocab, language_vocab, names_vocab


def attribute(text: str, m: Mention, q: Quantity, hits: Sequence[EntityHit], sent: tuple[int, int],
              lang: str, versus: Optional[EntityHit], history: Sequence[Sequence[EntityHit]],
              figures: Sequence[Mention] = (), ahead: Optional[tuple[Sequence[EntityHit], tuple[int, int]]] = None
              ) -> Attribution:
    """The entity mention `m` of quantity `q` is said of, and how that was decided; `figures` are the
    sentence's figures (for a list of them said "respectively" of a list of names); `ahead`, the names and span of
    the next sentence when no sentence before names anyone (an article's opening, whose subject may come next)."""
    if unnamed_share(text, m, hits, sent, lang):  # before a conversion: "N (M par homme d'affaires)" is no conversion
        return Attribution(None, "each one's share of a group of people the text does not name")
    before = [f for f in figures if f.end <= m.start and sent[0] <= f.start]
    if before and m.kind == before[-1].kind == "money" and converts(text[before[-1].end:m.start]):
        att = attribute(text, before[-1], q, hits, sent, lang, versus, history, figures, ahead)  # "200 M€ (environ 216 M$)"
        return Attribution(att.entity, f"the conversion of {before[-1].text!r}: {att.how}", att.others)
    if general_statement(text, m, hits, sent, lang):
        return Attribution(None, "said of things in general: the clause opens with a general subject")
    att = _attribute(text, m, q, hits, sent, lang, versus, history, figures)
    if q.entity_kinds and q.entity_kinds[0] == "product":
        att = _tiered(text, m, att, hits, sent, lang, history)
    att = several(text, m, att, hits, sent, q, lang, figures, history)
    if att.how == UNNAMED and ahead is not None:  # "N de financement. La start-up <Name> vient de boucler ..."
        h = named_ahead(text, ahead[0], ahead[1], q, lang)
        if h is not None:
            return Attribution(h, AHEAD)
    return att


def _attribute(text: str, m: Mention, q: Quantity, hits: Sequence[EntityHit], sent: tuple[int, int],
               lang: str, versus: Optional[EntityHit], history: Sequence[Sequence[EntityHit]],
               figures: Sequence[Mention] = ()) -> Attribution:
    hits = [as_model(text, h, lang) for h in hits]
    other_side = versus or (find_versus(text, m, hits, sent, lang) if m.kind != "ratio" else None)
    cut = _versus_marker(text, m, sent, lang)
    in_sentence = [h for h in hits if sent[0] <= h.start and h.end <= sent[1] and h != other_side
                   and h.kind not in NEVER_SUBJECTS and not _aside(text, h, hits)  # "Amazon (AMZN)"
                   and not (cut is not None and h.start >= cut)
                   and not (versus is not None and m.end <= h.start < versus.end)]  # "of Meta's Llama"
    usable = [h for h in in_sentence if not _after_source(text, h, sent[0], lang)
              and (h.kind != "person" or "person" in q.entity_kinds)  # people speak; few figures are theirs
              and not any(_counted_maker(text, f, h, lang) for f in (m, *figures))  # of this count or another
              and not hardware_maker(text, m, h, hits, lang)  # "équipés de systèmes NVIDIA, représentant N GPU"
              and (not wrong_kind(h, q) or _described_maker(text, h, sent[0], lang))
              and _maker(text, h, sent[0], lang) is not None]  # "le fournisseur de ChatGPT", its maker never named
    if "person" in q.entity_kinds:  # a person's figure only when they raise or put in the money (decision 25)
        for h in [h for h in usable if h.kind == "person" and h.end <= m.start and not _raises(text, h, m, lang)]:
            usable.remove(h)
            firm = next((o for o in usable if h.end <= o.start and o.end <= m.start and o.kind != "person"
                         and re.match(r"\s*,[^,;:.()]{0,40}$", text[h.end:o.start])), None)
            if firm is not None and re.match(r"\s*,", text[firm.end:firm.end + 2]):
                return Attribution(firm, f"the company {h.name!r} speaks for")  # "Mark Zuckerberg, le CEO de Meta, a déclaré"
    buyer = count_buyer(text, m, usable, sent, lang)
    if buyer is not None:
        return Attribution(buyer, "the buyer a seller's verb names: hardware sold is in the buyer's hands")
    if m.kind == "money" and received(q):  # a valuation, a revenue: never the investor's or the buyer's
        payers = _round_parties(text, usable, sent, lang)[1] | {
            h for h in usable if _introduced_by_non_binding(text, h, usable, sent[0], lang)}
        usable = [h for h in usable if h not in payers] if len(payers) < len(usable) else usable
    if m.kind == "money" and invested(q):
        buyer = _buyer(text, m, usable, sent, lang)
        if buyer is not None:
            return Attribution(buyer, "the buyer a seller's verb names: a deal for compute is the buyer's")
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
    said = None
    for said in words(lang).said_that.finditer(text, sent[0], m.start):
        pass
    if said is not None and any(said.end() <= h.start and h.end <= m.start for h in usable):
        usable = [h for h in usable if h.start >= said.end() or h.start >= m.end]  # "<Lab> signale que <Model> a ..."
    clause = _last_clause_marker(text, sent[0], m.start, lang)
    if clause is not None and any(h.start >= clause for h in usable):
        usable = [h for h in usable if h.start >= clause]  # "..., compared with the 16,000 Meta used"
    after = [h for h in usable if h.start >= m.end]
    for h in after[:1]:
        if (h.status == "known" and h.kind in q.entity_kinds and not text[m.end:h.start].strip()
                and words(lang).attributive.search(text, max(sent[0], m.start - 12), m.start)):
            return Attribution(h, "the figure qualifies the name after it")  # "its $1.2-billion IndiaAI Mission"
        if (_bound_after(text, m, h, lang, q) and (h.kind != "person" or _paid_by(text, m, h, q, lang))
                and not _source_of_raise(text, m, h, q, usable, lang)):
            return Attribution(owned(text, h, usable),
                               f"bound to the number by the words after it ({text[m.end:h.start].strip()!r})")
    makers = bool(q.entity_kinds) and q.entity_kinds[0] in ("model", "product")  # "models from Anthropic" are theirs
    before = [_maker(text, h, sent[0], lang) for h in usable
              if h.end <= m.start and not _in_apposition(text, h, m, sent[0], lang, hits)
              and not _introduced_by_non_binding(text, h, usable, sent[0], lang, makers, in_sentence)]
    for h in before[-1:]:
        if words(lang).possessive.match(text[h.end:m.start]) and h.kind != "person":
            return Attribution(h, "possessive right before the number")
    for h in [h for h in usable if h.end <= m.start][-1:]:
        if (h.kind != "person" and h.name not in words(lang).tier_word_list
                and re.fullmatch(r"\s*\([^()]*", text[h.end:m.start]) and len(listed_with(text, h, usable, q, lang)) < 2
                and not words(lang).versus.search(text, max(sent[0], h.start - 12), h.start)):
            return Attribution(h, "the number is in brackets right after the name")  # "SSI (valorisée à 32 milliards"
    for h in reversed([h for h in usable if h.end <= m.start][-1:]):
        clause = text[h.end:m.start]  # no possessive inside: "..., qui a porté sa valorisation à" is not the name's
        if (h.kind != "person" and words(lang).relative.match(clause)
                and (words(lang).possessive_relative.match(clause)  # "X, dont l'entrée en bourse lui a rapporté"
                     or not any(rx.search(clause) for rx, _ in words(lang).pronouns))):
            h = _maker(text, h, sent[0], lang) or h  # "la maison-mère de Google, qui pèse": the maker, when named
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
            earlier = refer_back(history, desc[1], q) or next(  # "<Model> ... et la start-up a": the model's maker
                (h for h in in_sentence if desc[1] == "company" and best.organisation and h.name == best.organisation
                 and h.end <= m.start), None)
            if earlier is not None:
                return Attribution(earlier, f"{desc[0]!r} refers back to it, not to {best.name!r}")
        if (best.status == "known" or not pron or refer_back(history, "any", q) is None
                or not any(rx.search(text, best.end, m.start) for rx, _ in words(lang).pronouns)):  # "Sa filiale <Name>"
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
    return Attribution(None, UNNAMED)


def _raises(text: str, h: EntityHit, m: Mention, lang: str) -> bool:
    """A person who raises or puts in the money the figure is ("Musk has garnered $135 million"), not one who
    announces, presents or speaks of it ("présentée par Emmanuel Macron", "Arthur Mensch a confirmé")."""
    w = words(lang)
    gap = text[h.end:m.start]
    return (len(gap) <= 120 and bool(w.raising.search(gap) or w.investing_any.search(gap))
            and not w.speech.search(gap) and not w.speech.search(text, max(0, h.start - 20), h.start))


def _in_apposition(text: str, h: EntityHit, m: Mention, sent_start: int, lang: str,
                   hits: Sequence[EntityHit] = ()) -> bool:
    """A name inside a description set off by commas after another name ("Thinking Machines Lab, une société
    fondée par des chercheurs qui ont fui OpenAI, a levé"); a clause after a source ("According to a report
    by The Economic Times, the government ... in Sarvam") is no description."""
    before = text[sent_start:h.start]
    cut = max(before.rfind(d) for d in _DELIMS)
    w = words(lang)
    if cut < 0:  # a participle opening the sentence: "Fondée par d'anciens de Google, <Name> est valorisée"
        close = re.search(r"^[^,;:.]*,", text[h.end:m.start])
        return bool(w.apposition.match(before) and close and _subject_in(
            text, h.end + close.end(), m.start, hits, lang, descriptions=not _role_of(lang).search(before)))
    opener = before[cut + 1:]
    head = text[sent_start:sent_start + cut].rstrip()
    after_name = any(o.end == sent_start + len(head) and o.kind not in NEVER_SUBJECTS for o in hits)
    if not (w.apposition.match(opener) or w.article_start.match(opener) and after_name
            or w.apposition.search(opener) and len(opener) < 60):
        return False
    between = w.restating.sub(lambda r: " " * len(r.group()), text[h.end:m.start])  # ", soit trois fois plus cher"
    closer = min((between.find(c) for c in _CLOSERS if c in between), default=-1)
    return closer >= 0 and (bool(w.article_start.match(head)) or _subject_in(text, sent_start, sent_start + cut, hits, lang)
                            or _subject_in(text, h.end + closer + 1, m.start, hits, lang))


def _subject_in(text: str, start: int, end: int, hits: Sequence[EntityHit], lang: str, descriptions: bool = True) -> bool:
    """Whether a name, a pronoun or a description stands in the span: the head an apposition describes. With none
    before it (nor a noun with its article: "The <Town>-based giant, which ...") or after its close, the apposition
    is the clause itself ("Le patron de <Name>, licorne valorisée à N", "A 32 ans, le patron de <Name>, ..."); a person
    there speaks for the name ("Le cofondateur de <Name>, <First> <Last>, a annoncé"). Without `descriptions`, a
    description is no head: after a role of the name's, it is the name ("Le patron de <Name>, <Person>, a indiqué que
    la société ...")."""
    if any(start <= o.start and o.end <= end and o.kind not in NEVER_SUBJECTS and o.kind != "person" for o in hits):
        return True
    return descriptions and any(rx.search(text, start, end) for rx, _ in words(lang).pronouns)


@lru_cache(maxsize=None)
def _role_of(lang: str) -> re.Pattern:
    """A person's role and the preposition before the employer's name ("Le patron de ", "The chief executive of ")."""
    stops = phrase_regex(sorted(language_vocab(lang).stopword_set))
    roles = phrase_regex([r.replace("'", "’") for r in names_vocab(lang).person_roles])
    return re.compile(rf"(?<![\w-])(?:{roles})\s+(?:(?:{stops})\s+|d[’'])$", re.I)


def _described_maker(text: str, h: EntityHit, sent_start: int, lang: str) -> bool:
    return bool(words(lang).maker_of.search(text[max(sent_start, h.start - 40):h.start]))


def _maker(text: str, h: EntityHit, sent_start: int, lang: str) -> Optional[EntityHit]:
    """"le créateur de ChatGPT", "the maker of Claude": the product stands for its maker, when the article names
    the maker; a maker it never names is no one (decision 1: "le fournisseur de ChatGPT a généré" is null)."""
    if not _described_maker(text, h, sent_start, lang):
        return h
    if h.organisation and re.search(r"(?<![\w-])" + re.escape(h.organisation) + r"(?![\w-])", text):
        return EntityHit(h.start, h.end, h.organisation, "company", "known")
    return None


def _after_source(text: str, h: EntityHit, sent_start: int, lang: str) -> bool:
    """A name given as the source ("selon Bloomberg", "..., said OpenAI."), not as the subject."""
    before = text[max(sent_start, h.start - 30):h.start]
    w = words(lang)
    if w.source_before.search(before):
        return True
    if w.source_verb_before.search(before):
        return bool(re.match(r"\s*(?:[,.;:)»”\"]|$)", text[h.end:h.end + 3]))
    return False


def _source_of_raise(text: str, m: Mention, h: EntityHit, q: Quantity, usable: Sequence[EntityHit], lang: str) -> bool:
    """A name after money a name before it raises ("<Name> a levé N de <Fund>", "<Name> a reçu N de <Firm>"): where
    the money comes from, not whose round it is."""
    if m.kind != "money" or not invested(q):
        return False
    subject = [o for o in usable if o.end <= m.start]
    w = words(lang)
    verbs = [r for r in w.raising.finditer(text, subject[-1].end, m.start)] if subject else []
    return (bool(verbs) and not _article_before(lang).search(text, max(0, verbs[-1].start() - 8), verbs[-1].start())
            and bool(w.binding.fullmatch(text[m.end:h.start].strip())))  # "salue la levée de N de <Name>": its round


@lru_cache(maxsize=None)
def _article_before(lang: str) -> re.Pattern:
    return re.compile(r"(?<![\w’'-])(?:" + phrase_regex(attribution_vocab(lang).articles) + r")\s*$", re.I)


@lru_cache(maxsize=None)
def _payer_gap(lang: str) -> re.Pattern:
    return re.compile(r"\s+(?:" + phrase_regex(attribution_vocab(lang).payer_prepositions) + r")\s*")


def _paid_by(text: str, m: Mention, h: EntityHit, q: Quantity, lang: str) -> bool:
    """A person named right after an amount put in, by a payer's preposition alone, put it in ("100 millions
    de <First> <Last>"), as a firm there would have (decision 25)."""
    return invested(q) and bool(_payer_gap(lang).fullmatch(text, m.end, h.start))


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
    if q is not None and q.entity_kinds and q.entity_kinds[0] in ("model", "product"):
        found += list(w.unit_article.finditer(gap))  # "environ 30 000 $ en moyenne le GPU H100"
        found.sort(key=lambda f: f.start())
    if not found:
        return False
    last = found[-1]
    word = last.group().lower().replace("'", "’")
    if word in w.adjacent_only:  # "on its V4 API", "de son modèle": a determiner may stand between
        rest = gap[last.end():]
        return not re.search(r"\w", rest) or bool(w.attributive.fullmatch(rest.lstrip()))
    return True
