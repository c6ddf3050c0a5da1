"""Attribution's words, compiled once per language, and the small tests every part of it shares."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from compare.entities import EntityHit
from compare.lexicon import load_lexicon
from compare.models import Mention
from compare.phrases import NEVER, phrase_regex
from compare.rules.model import Quantity
from compare.vocab import attribution_vocab

_DELIMS = ",;(–—:"


# Kinds of name that are never whose figure it is: places, the outlets, agencies and analysts quoted, and
# institutions named by a common noun ("the Cabinet", "University of Edinburgh", "la Commission de l'UE").
NEVER_SUBJECTS = frozenset({"place", "outlet", "institution"})


_CLOSERS = ",;)–—"


RECIPIENT_HOW = "the round's total is its recipient's: the name an investor puts money into"


@dataclass(frozen=True)
class Attribution:
    entity: Optional[EntityHit]
    how: str
    others: tuple = ()  # the further entities one figure is said of, each its own claim (decision 6)


@dataclass(frozen=True)
class _Words:
    versus: re.Pattern
    comparative_marker: re.Pattern  # "que": another side only after a comparative word
    comparative: re.Pattern
    binding: re.Pattern
    adjacent_only: frozenset
    unit_article: re.Pattern  # "le", "la": a price binds to the thing priced after it
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
    possessive_relative: re.Pattern  # "whose", "dont": a pronoun inside the clause is still the name's
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
    payer_verb_lead: re.Pattern  # "led a ", "a mené un ": a payer's verb, then up to three words, ending at a figure
    payer_verb_after: re.Pattern  # after a name: "prévoit d'investir", "led", "is investing"; not passive ("led by")
    invested_by_before: re.Pattern  # "brought by", "apportés par" ending where a name starts
    tier_word_list: tuple
    model_before: re.Pattern  # "the model ", "le modèle " ending where a name starts
    model_named: re.Pattern  # "le nouveau modèle de <Firm>, baptisé " ending where a name starts
    restating: re.Pattern  # ", soit", ", i.e.": a comma that does not close the clause before
    set_against: re.Pattern  # "comme ", "such as ", "que " right before a name: an example or the other side
    model_after: re.Pattern  # after a name: " model", " Instruct model"
    model_described: re.Pattern  # after a name: ", an open-source model", ", qui n'est pas le modèle"; its noun in `noun`
    plan_noun_set: frozenset
    tier_after: re.Pattern  # after a price: "-per-month Go tiers", " monthly Pro plan", " ChatGPT Plus subscription"
    tier_before: re.Pattern  # before a price: "Pro at ", "the new Ultra tier at ", "Plus costs "
    tier_adjective: re.Pattern  # "l'abonnement personnel", "the family plan": a tier named by an adjective
    tier_adjective_after: re.Pattern  # after a price: " pour les abonnements familiaux"
    tier_of_adjective: dict
    agent_before: re.Pattern  # "by", "par" ending where a name starts
    supply: re.Pattern  # a seller's verb: "will provide", "fournira"
    buyer_before: re.Pattern  # "to", "à" ending where a name starts: the buyer after a seller's verb
    list_end: re.Pattern  # "Tencent and " ending where a name starts: the last of a list
    each_words: re.Pattern  # "each", "chacun": one figure said of every member of a list
    group_words: re.Pattern  # "together", "à elles quatre": a combined figure of a list, no one's
    respectively: re.Pattern  # "respectively": the figures of a list go to the names of a list in order
    maker_word: re.Pattern  # of the non-binding words, those that also name a maker ("models from Anthropic")
    raising: re.Pattern  # "raised", "a levé": a person who raises the money is its subject
    said_that: re.Pattern  # "said that", "signale que": what follows is what is said
    speech: re.Pattern  # "said", "a déclaré", "présentée par": a person who speaks of a figure is not its subject
    pair_before: re.Pattern  # "between", "entre" ending where a list starts: the parties of a deal
    attributive: re.Pattern  # "the", "its" ending where a figure starts: a figure used as an adjective of the name after it


# A word's start: not inside a word, or right after an elided "d'", "l'", "n'", "s'" ("prévoit d'investir").
_ELIDED = r"(?:(?<![\w’'-])|(?<=(?<![\w’'-])[dlnsDLNS][’']))"


# What may stand between a name and the relative clause said of it: a common noun or two and a bracket
# ("<Maker>'s <Model> model (540B), which cost").
_ASIDE = r"(?:\s+[a-z][\w-]*){0,2}(?:\s*\([^()]{0,30}\))?"


# A plan noun with a tier adjective in lower case, either order ("abonnement personnel", "family plan"); a capitalised
# tier ("the Family tier") is a tier word, read as a name.
_TIER_ADJECTIVE = r"(?<![\w-])(?:(?i:{plans})\s+(?P<adj>{adjs})|(?P<adj2>{adjs})\s+(?i:{plans}))(?![\w’'-])"


def _before_name(v) -> str:
    return r"\s*[«“\"]?\s*(?:(?:" + phrase_regex(v.articles) + r")\s*)?$"


@lru_cache(maxsize=None)
def words(lang: str) -> _Words:
    v = attribution_vocab(lang)
    flags = re.IGNORECASE
    return _Words(
        versus=re.compile(phrase_regex(v.versus_markers), flags),
        comparative_marker=re.compile(_rx(v.comparative_markers), flags),
        comparative=re.compile(r"(?<![\w’'-])(?:" + _rx(v.comparatives) + r")(?![\w’'-])", flags),
        binding=re.compile(phrase_regex(v.binding_words), flags),
        unit_article=re.compile(r"(?<![\w’'-])(?:" + _rx(v.unit_articles) + r")(?![\w-])", flags),
        adjacent_only=frozenset(w.lower().replace("'", "’") for w in v.binding_words_adjacent_only),
        non_binding=re.compile(phrase_regex(v.non_binding_words), flags),
        purpose=re.compile(phrase_regex(v.purpose_bindings), flags),
        kind_binding=re.compile(r"^\s*(?:" + phrase_regex(v.kind_bindings) + r")\s*[«“\"]?\s*(?:(?:" + phrase_regex(v.articles)
                                + r")\s*)?(?:\w+\s+)?[«“\"]?\s*$", flags),
        clause=re.compile(phrase_regex(v.clause_markers), flags),
        apposition=re.compile(r"^\s*(?:(?:" + phrase_regex(v.articles) + r")\s*)?(?:"
                              + phrase_regex(v.apposition_markers) + ")", flags),
        source=re.compile(phrase_regex(v.source_markers), flags),
        contrast=re.compile(r"^[\s«“\"'(–—-]*(?:" + phrase_regex(v.contrast_openers) + ")", flags),
        pronouns=tuple((re.compile(phrase_regex([p]), flags), kind) for p, kind in v.pronouns.items()),
        vague=re.compile(r"(?:" + phrase_regex(v.vague_words) + r")\s*$", flags),
        preposition=re.compile(r"(?:(?:" + phrase_regex(v.prepositions) + r")\s*[«“\"]?\s*|[’'])$", flags),
        frame=re.compile(r"^\s*(?:" + phrase_regex(v.frame_openers) + r")\s+[«“\"]?\s*(\S)[^,]{0,40},", flags),
        ratio_of=re.compile(r"^\s*(?:" + phrase_regex(v.ratio_of) + r")\s*[«“\"]?\s*$", flags),
        possessive=re.compile(r"^[’']s\s+(?:(?:" + phrase_regex(v.possessive_fillers) + r")\s+)?$", flags),
        maker_of=re.compile(r"(?:" + phrase_regex(v.maker_of) + r")" + _before_name(v), flags),
        source_before=re.compile(r"(?:" + phrase_regex(v.source_markers) + r")" + _before_name(v), flags),
        source_verb_before=re.compile(r"(?:" + phrase_regex(v.source_verbs) + r")"
                                      + _before_name(v), flags),
        article_start=re.compile(r"^\s*(?:" + phrase_regex(v.articles) + r")\s*\w", flags),
        list_joiners=re.compile(r"(?:[\s,«“\"»”]|\b(?:" + phrase_regex(v.list_joiners + v.articles) + r")\b)*", flags),
        counted_of=re.compile(phrase_regex(v.counted_of), flags),
        preposition_word=re.compile(r"(?:" + phrase_regex(v.prepositions) + r")", flags),
        relative=re.compile(_ASIDE + r"\s*,?\s*(?:" + _rx(v.relative_pronouns + v.possessive_relatives) + r")[^,;:.()–—]*$",
                            flags),
        possessive_relative=re.compile(_ASIDE + r"\s*,?\s*(?:" + _rx(v.possessive_relatives) + r")(?![\w’'-])", flags),
        description_words_max=v.description_words_max,
        investing=re.compile(_ELIDED + r"(?:" + _rx(v.investing_verbs) + r")\s+(?:[\w’'-]+\s+){0,3}$", flags),
        investing_any=re.compile(_ELIDED + r"(?:" + _rx(v.investing_verbs) + r")(?![\w’'-])", flags),
        invested_by=re.compile(r"\s*(?:" + _rx(v.investing_verbs) + r")\s+(?:" + _rx(v.payer_prepositions) + ")"
                               + _before_name(v)[:-1], flags),
        investor_noun_after=re.compile(r"\s*(?:" + _rx(v.investor_nouns) + r")\s+(?:" + _rx(v.payer_prepositions)
                                       + ")" + _before_name(v)[:-1], flags),
        investor_noun_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.investor_nouns) + r")\s+(?:" + _rx(v.payer_prepositions)
                                        + ")" + _before_name(v)[:-1], flags),
        recipient_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.recipient_markers) + ")" + _before_name(v), flags),
        round_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.round_nouns) + r")\s+(?:[\w’'-]+\s+){0,3}$", flags),
        payer_verb_lead=re.compile(r"(?<![\w’'-])(?:" + _rx(v.payer_verbs) + r")\s+(?:[\w’'-]+\s+){0,3}$", flags),
        round_after=re.compile(r"\s+(?:[\w’'-]+\s+)?(?:" + _rx(v.round_nouns) + r")(?![\w’'-])", flags),
        invested_by_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.investing_verbs) + r")\s+(?:" + _rx(v.payer_prepositions) + ")"
                                      + _before_name(v), flags),
        tier_word_list=tuple(v.tier_words),
        model_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.model_nouns) + r")\s+$", flags),
        restating=re.compile(r",\s*(?:" + _rx(v.restating_words) + r")(?![\w’'-])", flags),
        set_against=re.compile(r"(?<![\w’'-])(?:" + _rx(v.example_markers + v.versus_markers) + r")\s*$", flags),
        model_named=re.compile(r"(?<![\w’'-])(?:" + _rx(v.model_nouns) + r")(?![\w’'-])[^.;:()]{0,60}?(?<![\w’'-])(?:"
                               + _rx(v.naming_words) + r")\s+[«“\"]?\s*$", flags),
        model_after=re.compile(r"(?:\s+[\w-]+)?\s+(?:" + _rx(v.model_nouns) + r")(?![\w’'-])", flags),
        model_described=re.compile(r"\s*,[^,;:.()–—]{0,40}?(?<![\w’'-])(?P<noun>" + _rx(v.model_nouns) + r")(?![\w’'-])",
                                   flags),
        plan_noun_set=frozenset(p.lower() for p in v.plan_nouns),
        tier_after=re.compile(r"[\s-]*(?:[a-z][\w-]*\s+)?[«“\"]?\s*(?P<name>(?:[A-Z][\w+-]*\s+){0,3}?)(?P<tier>"
                              + _names_rx(v.tier_words) + r")\s*[»”\"]?\s+(?:" + _rx(v.plan_nouns) + ")", flags & 0),
        tier_before=re.compile(r"(?<![\w’'-])(?P<tier>" + _names_rx(v.tier_words) + r")\s*[»”\"]?\s*(?:(?:" + _rx(v.plan_nouns)
                               + r")\s*)?(?::|\s(?:" + _rx(v.tier_price_links) + r"))\s*$", flags & 0),
        tier_adjective=re.compile(_TIER_ADJECTIVE.format(plans=_rx(v.plan_nouns), adjs=_rx(list(v.tier_adjectives)))),
        tier_adjective_after=re.compile(r"\s*(?:(?i:" + _rx(v.binding_words) + r")\s+)?(?:(?i:"
                                        + _rx(v.articles + v.attributive_determiners) + r")\s*)?"
                                        + _TIER_ADJECTIVE.format(plans=_rx(v.plan_nouns), adjs=_rx(list(v.tier_adjectives)))),
        tier_of_adjective={a.lower(): t for a, t in v.tier_adjectives.items()},
        agent_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.agent_markers) + ")" + _before_name(v), flags),
        supply=re.compile(r"(?<![\w’'-])(?:" + _rx(v.supply_verbs) + r")(?![\w’'-])", flags),
        buyer_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.buyer_markers) + ")" + _before_name(v), flags),
        list_end=re.compile(r"\s*,?\s+(?:" + _rx(v.list_joiners) + r")\s+", flags),
        each_words=re.compile(r"(?<![\w’'-])(?:" + _rx(v.each_words) + r")(?![\w’'-])", flags),
        group_words=re.compile(r"(?<![\w’'-])(?:" + _rx(v.group_words) + r")(?![\w’'-])", flags),
        respectively=re.compile(r"(?<![\w’'-])(?:" + _rx(v.respectively_words) + r")(?![\w’'-])", flags),
        maker_word=re.compile(_rx(v.maker_prepositions), flags),
        raising=re.compile(r"(?<![\w’'-])(?:" + _rx(v.raising_verbs) + r")(?![\w’'-])", flags),
        said_that=re.compile(r"(?<![\w’'-])(?:" + _rx(v.speech_verbs + v.source_verbs)
                             + r")\s+(?:[\w’'-]+\s+){0,4}?(?:" + _rx(v.complementizers) + r")(?![\w-])", flags),
        speech=re.compile(r"(?<![\w’'-])(?:" + _rx(v.speech_verbs + v.source_verbs) + r")(?![\w’'-])", flags),
        attributive=re.compile(r"(?<![\w’'-])(?:" + _rx(v.attributive_determiners) + r")\s+$", flags),
        pair_before=re.compile(r"(?<![\w’'-])(?:" + _rx(v.pair_markers) + r")" + _before_name(v), flags),
        payer_verb_after=re.compile(r"\s+(?:[\w’'-]+\s+|[\w]+[’']\s*){0,3}?(?:" + _rx(v.investing_verbs + v.payer_verbs)
                                    + r")(?![\w’'-])(?!\s+(?:" + _rx(v.agent_markers) + r")(?![\w’'-]))", flags),
    )


def _names_rx(names) -> str:
    """Tier words as names: case-sensitive, whole words ("Premium+" with its plus)."""
    if not names:
        return NEVER
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return "|".join(re.escape(n) + (r"(?![\w+])" if not n.endswith("+") else "") for n in ordered)


_rx = phrase_regex  # short, for the long table above; no phrases give a pattern that never matches


def starts_with_contrast(sentence: str, lang: str) -> bool:
    return bool(words(lang).contrast.match(sentence))


def is_vague(text: str, m: Mention, sent_start: int, lang: str) -> bool:
    """An amount with no digit after "quelques", "several"... is too vague to be a claim."""
    if any(ch.isdigit() for ch in m.text):
        return False
    before = text[max(sent_start, m.start - 25):m.start]
    return bool(words(lang).vague.search(before)) or bool(words(lang).vague.match(m.text.split(" ")[0] + " "))


def _after_preposition(text: str, h: EntityHit, sent_start: int, lang: str) -> bool:
    """"built on top of V3", "modèles d’OpenAI": a name after a preposition is seldom the subject."""
    return bool(words(lang).preposition.search(text[max(sent_start, h.start - 12):h.start]))


def _rank(h: EntityHit, q: Quantity) -> int:
    """Lower is likelier: the quantity's entity kinds in their order, then other known names,
    then detected names, then persons; a person a quantity may be said of (one who raises the money, decision 25)
    ranks with the detected names, so the nearer wins ("Per a filing with the SEC, Musk has garnered")."""
    kinds = list(q.entity_kinds)
    if h.kind == "person":
        return len(kinds) + 2 if "person" in kinds else len(kinds) + 3
    if h.status != "known":  # a plan or model the rules do not know ("Comet Plus") ranks as the thing it is
        return kinds.index(h.kind) if h.kind in THING_KINDS and h.kind in kinds else len(kinds) + 2
    if h.kind in kinds:
        return kinds.index(h.kind)
    return len(kinds)


# Kinds of known name that stand for a thing, not an actor: a quantity whose entity_kinds list none of them is
# said of actors only (a product or a model raises no money and is valued at nothing: decision 1).
THING_KINDS = frozenset({"model", "product"})


def as_model(text: str, h: EntityHit, lang: str) -> EntityHit:
    """A name the rules do not know, of no known kind, that the text calls a model ("its <Name> model", "le modèle
    <Name>", "<Name>, qui n'est pas le modèle le plus gros", "le modèle de <Firm>, baptisé <Name>"): a model, so it
    ranks as one."""
    if h.status != "detected" or h.kind != "other":
        return h
    w = words(lang)
    if (w.model_before.search(text, max(0, h.start - 25), h.start) or w.model_after.match(text, h.end)
            or w.model_named.search(text, max(0, h.start - 100), h.start) or _described_as_model(text, h, w)):
        return EntityHit(h.start, h.end, h.name, "model", "detected", h.organisation)
    return h


def _described_as_model(text: str, h: EntityHit, w: _Words) -> bool:
    """A description set off by a comma after the name whose model noun is the name's ("<Name>, an open-source
    model", "<Name>, qui n'est pas le modèle le plus gros"); one that speaks of models in the plural or of a model it
    names describes their maker ("<Name>, known for developing language models", "<Name>, spécialisée dans les
    modèles de langage", "<Name>, which makes the chatbot <Other>")."""
    d = w.model_described.match(text, h.end)
    return (d is not None and not d.group("noun").endswith(("s", "S"))
            and not re.match(r"\s+[«“\"]?[A-Z0-9]", text[d.end():d.end() + 4]))


def wrong_kind(h: EntityHit, q: Quantity) -> bool:
    """A known model or product as the subject of a quantity said of actors only ("H100" takes no investment,
    "Kimi" no valuation, "Mistral Large" no round): no candidate at all, not a poor one. Where the entity_kinds
    list a thing of one kind, they are a preference (ChatGPT's revenue, Grok's, GPUs serving ChatGPT). A name the text
    calls a model ("pour son modèle <Name>") is one too."""
    return (bool(q.entity_kinds) and (h.status == "known" and h.kind in THING_KINDS or h.kind == "model")
            and not THING_KINDS.intersection(q.entity_kinds))


def invested(q: Quantity) -> bool:
    """A quantity an investor puts money into (investment): the one whose entity_kinds list a person, since a
    person who raises or puts in money is its subject (decision 25). Its figure may be the investor's own
    commitment."""
    return "person" in q.entity_kinds


def received(q: Quantity) -> bool:
    """A quantity said first of a company and never of a person (valuation, revenue): what a company is worth or
    takes in, never what its investor or buyer pays ("an $Xbn investment from <investor> on its way to a $Y
    billion valuation" is Anthropic's). A cost (training) is its spender's, so it is not one of these."""
    return bool(q.entity_kinds) and q.entity_kinds[0] == "company" and "person" not in q.entity_kinds


def compares_back(text: str, start: int, end: int, lang: str) -> bool:
    """Whether text[start:end] sets what follows against what came before ("..., contre 60 dollars")."""
    w = words(lang)
    return bool(w.clause.search(text, start, end) or w.versus.search(text, start, end))


def _last_clause_marker(text: str, start: int, end: int, lang: str) -> Optional[int]:
    found = None
    for cm in words(lang).clause.finditer(text, start, end):
        found = cm.end()
    return found


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
