"""The word vocabularies of each language beside the quantity lexicon, and the check of them all.

compare/lang/LANG/attribution.yaml: the words that decide whose number a number is (contrast
openers, versus markers, pronouns...); language.yaml: the stopwords that tell the languages
apart; sentences.yaml: the abbreviations a point does not end a sentence after; names.yaml: the
roles that make a name a person's, the units and suffixes that make a word no name or a place, and the
subjects of general statements. They are data so that an analyst can read and extend them.
`check_vocabulary` reports every problem of every vocabulary file of every language, located,
without raising.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from compare.errors import Problem, UserError
from compare.lang import LANG_DIR, languages
from compare.lexicon_schema import FILES, read_vocabulary_file
from compare.models import UserFile


class AttributionVocab(UserFile):
    """attribution.yaml."""

    contrast_openers: list[str]
    versus_markers: list[str]
    comparative_markers: list[str] = []
    comparatives: list[str] = []
    binding_words: list[str]
    binding_words_adjacent_only: list[str] = []
    unit_articles: list[str] = []
    non_binding_words: list[str] = []
    purpose_bindings: list[str] = []
    kind_bindings: list[str] = []
    clause_markers: list[str] = []
    articles: list[str] = []
    prepositions: list[str] = []
    frame_openers: list[str] = []
    ratio_of: list[str] = []
    possessive_fillers: list[str] = []
    places: list[str] = []
    institution_words: list[str] = []
    outlets: list[str] = []
    opener_suffixes: list[str] = []
    counted_of: list[str] = []
    relative_pronouns: list[str] = []
    possessive_relatives: list[str] = []
    description_words_max: int = 0
    maker_of: list[str] = []
    attributive_determiners: list[str] = []
    temporal_markers: list[str] = []
    list_joiners: list[str] = []
    each_words: list[str] = []
    group_words: list[str] = []
    respectively_words: list[str] = []
    pair_markers: list[str] = []
    maker_prepositions: list[str] = []
    raising_verbs: list[str] = []
    speech_verbs: list[str] = []
    complementizers: list[str] = []
    investing_verbs: list[str] = []
    investor_nouns: list[str] = []
    payer_prepositions: list[str] = []
    recipient_markers: list[str] = []
    round_nouns: list[str] = []
    payer_verbs: list[str] = []
    agent_markers: list[str] = []
    supply_verbs: list[str] = []
    buyer_markers: list[str] = []
    model_nouns: list[str] = []
    naming_words: list[str] = []
    restating_words: list[str] = []
    example_markers: list[str] = []
    tier_words: list[str] = []
    tier_adjectives: dict[str, str] = {}
    plan_nouns: list[str] = []
    tier_price_links: list[str] = []
    apposition_markers: list[str]
    source_markers: list[str]
    source_verbs: list[str] = []
    pronouns: dict[str, Literal["any", "company", "model", "product", "project"]]
    vague_words: list[str]
    not_names: list[str]

    @property
    def place_set(self) -> frozenset[str]:
        return frozenset(self.places)


class LanguageVocab(UserFile):
    """language.yaml."""

    stopwords: list[str]

    @property
    def stopword_set(self) -> frozenset[str]:
        return frozenset(w.lower().replace("'", "’") for w in self.stopwords)


class SentenceVocab(UserFile):
    """sentences.yaml."""

    abbreviations: list[str]


class NamesVocab(UserFile):
    """names.yaml: the capitalised words that name no entity or a person (compare/entities.py)."""

    person_roles: list[str] = []
    unit_names: list[str] = []
    place_suffixes: list[str] = []
    company_suffixes: list[str] = []
    government_words: list[str] = []
    nationalities: list[str] = []
    general_subjects: list[str] = []
    general_openers: list[str] = []
    group_subjects: list[str] = []
    share_holders: list[str] = []
    possessives: list[str] = []
    infinitive_endings: list[str] = []
    infinitive_objects: list[str] = []
    product_nouns: list[str] = []
    given_names: list[str] = []
    sentence_openers: list[str] = []


WORD_FILES: dict[str, type[UserFile]] = {"attribution": AttributionVocab, "language": LanguageVocab,
                                         "sentences": SentenceVocab, "names": NamesVocab}


def _load(lang: str, name: str) -> UserFile:
    problems: list[Problem] = []
    found = read_vocabulary_file(LANG_DIR / lang / f"{name}.yaml", WORD_FILES[name], problems)
    if found is None:
        raise UserError(problems)
    return found


@lru_cache(maxsize=None)
def attribution_vocab(lang: str) -> AttributionVocab:
    return _load(lang, "attribution")


@lru_cache(maxsize=None)
def names_vocab(lang: str) -> NamesVocab:
    return _load(lang, "names")


@lru_cache(maxsize=None)
def language_vocab(lang: str) -> LanguageVocab:
    return _load(lang, "language")


@lru_cache(maxsize=None)
def outlets() -> tuple[str, ...]:
    """The news outlets, agencies and analyst firms of every language: the press quotes them in both."""
    return tuple(sorted({o for lang in languages() for o in attribution_vocab(lang).outlets}))


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    """The abbreviations of every language: a text is split before its language is known."""
    return frozenset(a.lower() for lang in languages() for a in _load(lang, "sentences").abbreviations)


def check_vocabulary(lang_dir: Path = LANG_DIR) -> list[Problem]:
    """Every problem of the vocabulary files under `lang_dir` (one folder per language, or one
    language's folder), each at its file:line:col: YAML errors, duplicate keys, unknown or missing
    keys, wrong types, files missing or that nothing reads."""
    lang_dir = Path(lang_dir)
    expected = {**{name: model for name, model in FILES.items()}, **WORD_FILES}
    folders = [lang_dir] if (lang_dir / "numbers.yaml").is_file() else [lang_dir / code for code in languages(lang_dir)]
    problems: list[Problem] = []
    for folder in folders:
        for name, model in expected.items():
            read_vocabulary_file(folder / f"{name}.yaml", model, problems)
        for extra in sorted(folder.glob("*.y*ml")):
            if extra.stem not in expected:
                problems.append(Problem(f"no vocabulary file is called {extra.name!r}: nothing reads it "
                                        f"(the files are {', '.join(sorted(expected))})", str(extra)))
    return problems
