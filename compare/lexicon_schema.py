"""The models the quantity vocabulary files (compare/lang/LANG/*.yaml) are validated against.

Each file is checked against a strict model; a mistake is reported with its file and line
(`read_vocabulary_file`). compare/lexicon.py keeps what they validate as read-only records, so
that reading the vocabulary needs neither pydantic nor PyYAML once it is cached.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError, field_validator, model_validator

from compare.errors import Problem
from compare.models import UserFile
from compare.yamlfiles import field_problems, read_yaml

Qualifier = Literal["=", ">", ">=", "<", "<=", "~"]
Change = Literal["up", "down"]
RatioDirection = Literal["less", "more"]


class Vague(UserFile):
    """Amounts given by their order of magnitude ("hundreds of millions", "plusieurs milliards"), read as ranges."""

    orders: dict[str, float] = Field(default_factory=dict, description="Words for tens and hundreds of a scale (tens of, "
        "centaines de).")
    several: list[str] = Field(default_factory=list, description="Words that make what follows 2 to 10 times it (several, "
        "plusieurs).")
    alternatives: list[str] = Field(default_factory=list, description="Joins two orders into one range (tens or hundreds of "
        "millions).")
    scales: dict[str, float] = Field(default_factory=dict, description="Plural scale words: alone, the scale to a thousand "
        "times it.")
    singular: dict[str, float] = Field(default_factory=dict, description="Singular scale words, vague only after a word of "
        "several.")
    minimum: float = Field(0.0, description="An order of magnitude whose low end is below this is not read.")


class NumberWords(UserFile):
    """numbers.yaml: the words that spell numbers."""

    units: dict[str, int] = Field(description="Words worth less than 100, added together.")
    hundreds: list[str] = Field(description="Words that multiply what precedes them by 100.")
    articles: list[str] = Field(description="Articles read as 1 only before a multiplier (un million).")
    scale_articles: list[str] = Field(default_factory=list, description="Articles read as 1 only before a scale word "
                                      "(le million de GPU, du milliard).")
    joiners: list[str] = Field(default_factory=list, description="Words allowed between number words (et, and).")
    fractions: dict[str, float] = Field(default_factory=dict)
    approximations: dict[str, int] = Field(default_factory=dict, description="Nouns meaning about N (une centaine).")
    approximation_links: list[str] = Field(default_factory=list, description="Words between an approximation and the "
                                           "scale it counts ('une centaine de millions': about 10^8).")
    alone: list[str] = Field(default_factory=list, description="Multipliers that are a number on their own (cent, hundred).")
    negative: list[str] = Field(default_factory=list, description="Words that make the next number negative (minus).")
    decimals: list[str] = Field(default_factory=list, description="Words for the decimal mark (point, virgule).")
    vague: Vague = Field(default_factory=Vague)


class Scale(UserFile):
    """One multiplier and its spellings."""

    value: float
    words: list[str]
    glued: bool = Field(False, description="May be written against the digits (10k).")
    spaced: bool = Field(True, description="May follow the number after a space.")
    case: bool = Field(False, description="Only in the case written here (M, not m).")
    money_only: bool = Field(False, description="Only when a currency is written with the amount.")
    currency: Optional[str] = Field(None, description="The currency a bare amount in this scale is counted in, when "
                                    "it counts no noun: '860 crore' is rupees (INR).")
    foreign_value: Optional[float] = Field(None, description="Its value after a currency form of `foreign_after` "
                                           "written before the figure: English 'billion' after '$' in French text.")
    foreign_after: list[str] = Field(default_factory=list, description="Currency forms before the figure that make "
                                     "the word the other language's ('$', 'US$', 'USD').")


class Scales(UserFile):
    """scales.yaml."""

    scales: list[Scale]
    connectors: list[str] = Field(default_factory=list, description="Words between a scale and what it counts (de, of).")


class Currency(UserFile):
    """One currency: its ISO 4217 code and how it is written before and after an amount."""

    code: str
    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    ambiguous: bool = Field(False, description="The sign or name is shared by several currencies.")

    @field_validator("code")
    @classmethod
    def _iso(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Z]{3}", v):
            raise ValueError(f"currency code {v!r} is not an ISO 4217 code (three capital letters)")
        return v


class Currencies(UserFile):
    """currencies.yaml."""

    currencies: list[Currency]
    subunits: dict[str, Optional[str]] = Field(
        default_factory=dict,
        description="Cents and pence -> the currency they are a hundredth of (amount converted to it); null: the amount stays "
            "in the sub-unit.")
    hints: dict[str, str] = Field(default_factory=dict, description="Words near a dollar amount that name another dollar.")
    public: list[str] = Field(default_factory=list, description="Words of a public body or programme: with a hint near a "
                              "dollar amount ('Canadian government', 'Canadian Sovereign ... Strategy') the amount is "
                              "the hint's dollar.")
    shared: dict[str, dict[str, list[str]]] = Field(
        default_factory=dict, description="A sign two currencies write alike (¥) -> each code -> the words of an article that "
            "choose it.")
    local_dollars: dict[str, list[str]] = Field(
        default_factory=dict, description="A country whose press writes a bare dollar for its own -> its code -> the words "
            "that name it: a bare '$' or 'dollars' with one of them near is that dollar.")
    local_forms: list[str] = Field(default_factory=list, description="The bare dollar forms local_dollars applies to "
                                   "('$', 'dollars'); not 'US$'.")
    local_reach: int = Field(300, ge=0, le=2000, description="Characters either side of the amount searched for local_dollars "
                             "words.")
    money_nouns: list[str] = Field(
        default_factory=list,
        description="Nouns of money after a bare amount ('30 milliards de revenus'): it may take the currency of the text "
                    "before it; after any other noun ('30 milliards de requêtes') it counts something else.")
    default: Optional[str] = Field(
        None, description="The currency of a bare amount governed by a money word when the article writes no currency at all "
                          "('a levé 13 milliards'); the claim says it was assumed.")
    not_nouns: list[str] = Field(
        default_factory=list, description="Words after 'de'/'of' that are no noun ('d'ici 2030', 'de plus'): the amount counts "
            "nothing.")
    count_connectors: list[str] = Field(
        default_factory=list, description="Words between a bare amount and what it counts ('de', 'of'); not 'des' "
                                          "('8,2 milliards des équipements réseau' is money from them).")
    noun_right_after: bool = Field(
        False, description="A word right after a bare amount is what it counts ('28 million consumers'), unless it is a money "
                           "noun or one of not_nouns (English); else only a noun after a connector counts ('de requêtes').")

    @field_validator("default")
    @classmethod
    def _default_iso(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not re.fullmatch(r"[A-Z]{3}", v):
            raise ValueError(f"currency code {v!r} is not an ISO 4217 code (three capital letters)")
        return v

    @field_validator("local_dollars")
    @classmethod
    def _local_iso(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = [code for code in v if not re.fullmatch(r"[A-Z]{3}", code)]
        if bad:
            raise ValueError(f"currency code {bad[0]!r} is not an ISO 4217 code (three capital letters)")
        return v


class Percents(UserFile):
    """percents.yaml."""

    percent: list[str]
    points: list[str] = Field(default_factory=list, description="Percentage points (unit pp).")
    before: list[str] = Field(default_factory=list, description="Percent words written before the number.")


class Qualifiers(UserFile):
    """qualifiers.yaml."""

    before: dict[str, Qualifier]
    after: dict[str, Qualifier] = Field(default_factory=dict)
    range_open: dict[str, list[str]] = Field(default_factory=dict, description="Opening word -> the words joining the two ends.")
    range_joiners: list[str] = Field(default_factory=list)
    bound_joiners: list[str] = Field(default_factory=list)
    not_range_after: list[str] = Field(default_factory=list, description="Words before 'de X à Y' that make it a change, not a "
        "range.")
    change_openers: list[str] = Field(default_factory=list, description="Range openers that a change word turns into 'from X to "
        "Y' (de, from); 'entre' is not one.")
    floor_openers: list[str] = Field(default_factory=list, description="Range openers that make a lone price with a period a "
        "floor (plans from $20 a month).")
    thresholds: list[str] = Field(default_factory=list, description="A threshold named before a figure (le cap des); its "
        "qualifier is the verb's.")
    threshold_verbs: dict[str, Qualifier] = Field(default_factory=dict, description="Verbs before a threshold -> its qualifier "
        "(franchi* >, atteint* =).")
    coordinators: list[str] = Field(default_factory=list, description="Words between coordinated figures that share "
                                    "the unit and scale written after the last ('10 et 5 milliards de dollars', "
                                    "'3, 8 et 16 dollars', '$10 or even $100 billion', '11,6 des 13 milliards').")
    qualifier_joiners: list[str] = Field(default_factory=list, description="Words between coordinated figures that "
                                         "share the qualifier written before the first ('about 45% and 29%').")
    qualifier_complements: list[str] = Field(default_factory=list, description="Prepositions of a short complement "
                                             "written after each of such figures ('about 5x for X and 20x for Y').")


class Periods(UserFile):
    """periods.yaml."""

    periods: dict[str, list[str]]
    skip: list[str] = Field(default_factory=list, description="Words allowed between an amount and its period (HT, gross).")
    not_after: list[str] = Field(default_factory=list, description="Words after a period phrase that make it a date (l'an "
        "prochain, a year ago).")


class Ratios(UserFile):
    """ratios.yaml."""

    times: list[str]
    directions: dict[str, RatioDirection]
    fold: dict[str, float] = Field(default_factory=dict)
    half_less: dict[str, int] = Field(default_factory=dict, description="Phrases meaning a factor 2 less -> how many of their "
        "words the mention keeps.")
    phrases: dict[str, "RatioPhrase"] = Field(default_factory=dict, description="Fractions and multipliers written as words (a "
        "tenth of, doubled).")
    multiplied_by: list[str] = Field(default_factory=list, description="Words before a number that make it a factor up "
        "(multiplié par).")
    divided_by: list[str] = Field(default_factory=list, description="Words before a number that make it a factor down (divisé "
        "par).")
    times_connectors: list[str] = Field(default_factory=list, description="Words between an approximate number and its factor "
        "word (une dizaine de fois).")


class RatioPhrase(UserFile):
    """A word phrase that states a factor: 'a tenth of' (10, less), 'quadruplé' (4, more)."""

    factor: float
    direction: Optional[RatioDirection] = None
    keep: int = Field(0, description="How many of the phrase's words the mention keeps (0: all).")
    qualifier: Qualifier = "="


Ratios.model_rebuild()


class Changes(UserFile):
    """changes.yaml."""

    words: dict[str, Change]
    governing: list[str] = Field(default_factory=list, description="Prepositions between a change word and its amount (de, by).")
    adjacent: dict[str, Change] = Field(default_factory=dict)
    after: dict[str, Change] = Field(default_factory=dict)


class Units(UserFile):
    """units.yaml."""

    prefix: str = ""
    units: dict[str, list[str]]
    whole: list[str] = Field(default_factory=list, description="Units counted in whole numbers: '4.096 GPUs' is 4096 whatever "
        "the language's decimal mark.")
    loose: list[str] = Field(default_factory=list, description="Units whose nouns may stand a few words after the "
                             "number: '485,000 high-performance computing chips', '350 000 de ces GPU'.")
    loose_words: int = Field(0, ge=0, le=8, description="At most this many words between the number and a loose unit.")
    stop: list[str] = Field(default_factory=list, description="Words that end the words between a number and a loose "
                            "unit (and, to, than...), and that may follow a bare count elliptical of its noun.")
    counters: list[str] = Field(default_factory=list, description="Nouns that count whatever the text speaks of "
                                "('500,000 units', '18 000 systèmes'): the extractor gives the count the unit of the "
                                "noun nearby.")
    factors: dict[str, float] = Field(default_factory=dict, description="Unit phrases worth a multiple of their unit: "
                                      "'petaflop-days' is 8.64e19 FLOPs.")

    @model_validator(mode="after")
    def _whole_known(self) -> "Units":
        unknown = [u for u in self.whole + self.loose if u not in self.units]
        if unknown:
            raise ValueError(f"whole or loose names units that are not in units: {', '.join(unknown)}")
        phrases = {p for ps in self.units.values() for p in ps}
        stray = [p for p in self.factors if p not in phrases]
        if stray:
            raise ValueError(f"factors names phrases that are in no unit: {', '.join(stray)}")
        return self

    @field_validator("prefix")
    @classmethod
    def _regex(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as e:
            raise ValueError(f"prefix is not a valid regular expression: {e}") from None
        return v


class Dates(UserFile):
    """dates.yaml."""

    months: list[str]
    weekdays: list[str] = Field(default_factory=list)
    ordinal_suffixes: list[str] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    time_suffixes: list[str] = Field(default_factory=list)
    not_names: list[str] = Field(default_factory=list, description="Capitalised words before a number that are no product name "
        "(Les, Selon).")


FILES: dict[str, type[UserFile]] = {
    "numbers": NumberWords, "scales": Scales, "currencies": Currencies, "percents": Percents,
    "qualifiers": Qualifiers, "periods": Periods, "ratios": Ratios, "changes": Changes,
    "units": Units, "dates": Dates,
}


def read_vocabulary_file(path: Path, model: type[UserFile], problems: list[Problem]) -> Optional[UserFile]:
    """One vocabulary file validated against its model; problems are appended, not raised."""
    if not path.is_file():
        problems.append(Problem("vocabulary file is missing", file=str(path)))
        return None
    doc = read_yaml(path, problems)
    if doc is None:
        return None
    try:
        return model.model_validate(doc.data or {})
    except ValidationError as e:
        problems.extend(field_problems(e, doc))
        return None
