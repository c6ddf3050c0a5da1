"""The attribution vocabulary of each language (compare/lang/LANG/attribution.yaml), validated once.

These words decide whose number a number is: contrast openers, versus markers, pronouns...
They are data so that an analyst can read and extend them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from compare.errors import Problem, UserError
from compare.yamlfiles import WordsLoader

LANG_DIR = Path(__file__).parent / "lang"


class AttributionVocab(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    stopwords: list[str]
    contrast_openers: list[str]
    versus_markers: list[str]
    binding_words: list[str]
    binding_words_adjacent_only: list[str] = []
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
    maker_of: list[str] = []
    temporal_markers: list[str] = []
    list_joiners: list[str] = []
    apposition_markers: list[str]
    source_markers: list[str]
    source_verbs: list[str] = []
    pronouns: dict[str, Literal["any", "company", "model", "product", "project"]]
    vague_words: list[str]
    not_names: list[str]

    @property
    def place_set(self) -> frozenset[str]:
        return frozenset(self.places)

    @property
    def stopword_set(self) -> frozenset[str]:
        return frozenset(w.lower().replace("'", "’") for w in self.stopwords)


def phrase_regex(phrases: list[str], prefix: bool = False) -> str:
    """A regex alternation of phrases: case-insensitive use, ’ and ' alike, spaces flexible.

    A phrase ending in `*` matches any word ending. Longest phrases come first.
    """
    parts = []
    for p in sorted(set(phrases), key=lambda s: (-len(s), s)):
        star = p.endswith("*")
        p = p.rstrip("*")
        rx = ""
        for ch in p:
            if ch in "’'":
                rx += "[’']"
            elif ch.isspace():
                rx += r"\s+"
            elif ch == "-":
                rx += r"[-‑\s]?"
            else:
                rx += re.escape(ch)
        if star:
            rx += r"\w*"
        left = r"(?<![\w])" if (p[:1].isalnum()) else ""
        right = r"(?![\w])" if (p[-1:].isalnum() and not star and not p.endswith(("’", "'"))) else ""
        parts.append(left + rx + right)
    return "|".join(parts) if parts else r"(?!x)x"


@lru_cache(maxsize=None)
def attribution_vocab(lang: str) -> AttributionVocab:
    path = LANG_DIR / lang / "attribution.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=WordsLoader)
        return AttributionVocab.model_validate(data)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise UserError(Problem(f"not valid YAML: {getattr(e, 'problem', e)}", str(path),
                                mark.line + 1 if mark else None, mark.column + 1 if mark else None))
    except ValidationError as e:
        raise UserError([Problem(f"{'.'.join(map(str, err['loc']))}: {err['msg']}", str(path)) for err in e.errors()])
