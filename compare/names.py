"""Proper names the rules do not know, found in a text so that a claim still says whose it is: runs of
capitalised words, less the words that open a sentence or are no name (compare/lang/LANG/attribution.yaml
`not_names`), each with its kind: a person (a role before the name, or one quoted), a place, an
institution, a plan, or another name (compare/lang/LANG/names.yaml)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from compare.lang import languages
from compare.lexicon import load_lexicon
from compare.phrases import phrase_regex
from compare.vocab import attribution_vocab, language_vocab, names_vocab


@dataclass(frozen=True)
class EntityHit:
    start: int
    end: int
    name: str
    kind: str
    status: str  # known | detected
    organisation: Optional[str] = None


CHIP = re.compile(r"(?:[A-Z][a-z]+ )?(?!FY|CY)[A-Z]{1,3}\d{2,4}[A-Z]{0,2}s?")  # "<Maker> XY300A": a model number
_CURRENCY_AFTER = re.compile(r"[$€£¥₹₩]")
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ](?:[\w&\-]|[’'](?![sS]\b))*[\w]\+?|[A-ZÀ-ÖØ-Þ])"
_SUFFIXES = ("AI", "Lab", "Labs", "Inc", "Inc.", "Corp", "Corp.", "Technologies", "Company", "Cloud", "Capital",
             "Ventures", "Partners")  # words that end a company's name and name nothing alone
_ELIDED = r"(?<=(?<![\w’'-])[dl][’'])|(?<=(?<![\w’'-])(?:qu|Qu)[’'])"  # "d’<Name>", "l’<Name>", "qu’<Name>"
_LOWER_INITIAL = r"[a-z]{1,2}[A-Z][\w&]*[a-zA-Z]"  # "xAI", "eBay", "iPhone": a name written with a small first letter
_NAME_RUN = re.compile(
    rf"(?:(?<![\w’'-])|{_ELIDED})(?:{_NAME_TOKEN}|{_LOWER_INITIAL})(?:[ \-]{_NAME_TOKEN}"
    rf"|[ ](?:{'|'.join(re.escape(w) for w in _SUFFIXES)}))*(?![\w])"
)


@lru_cache(maxsize=None)
def _currency_forms(lang: str) -> frozenset:
    """What is written of a currency before or after an amount ("Rs", "RMB", "INR", "CHF")."""
    return frozenset(load_lexicon(lang).currency_codes)


_SENTENCE_OPEN = re.compile(r"(?:^|[.!?…:]|\n)[\s«“\"'(\[‘–—-]*$")


@lru_cache(maxsize=None)
def _quoting_re(lang: str) -> re.Pattern:
    v = attribution_vocab(lang)
    return re.compile(r"\s+(?:" + phrase_regex(v.speech_verbs + v.source_verbs) + r")\s*[,:]?\s*[«“\"]")


def _quoted_speaker(text: str, end: int, lang: str) -> bool:
    """A single name the rules do not know followed by a speech verb and a direct quotation ("Chandrasekhar
    stated, “...", "Mensch a déclaré : « ..."): one who is quoted is a person, not a company."""
    return bool(_quoting_re(lang).match(text, end))


def _opens_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_OPEN.search(text, max(0, start - 6), start)) or start == 0


def _opener(word: str, text: str, end: int, lower_words: frozenset, suffixes: tuple) -> bool:
    """A capitalised word that opens a sentence and is an ordinary word: written in lower case elsewhere
    in the text ("Reports indicate ... the reports"), or an adverb or verb form ("Collectively,",
    "Charged at", "Valorisée 2 milliards") by its ending, followed by a comma, a word in lower case or a figure."""
    if word.lower() in lower_words:
        return True
    if len(word) < 6 or not word.lower().endswith(suffixes) or any(c.isupper() for c in word[1:]):
        return False
    return bool(re.match(r"\s*,|\s+[a-zà-ÿ\d]", text[end:end + 3]))


def _surname_like(words: list[str], v: "NameWords") -> bool:
    """Words after a given name that can be a surname: none ends a company's name, names a tier, a product noun,
    an institution or a place ("<Given> Capital", "<Given> Pro" are no people)."""
    return not any(w in _SUFFIXES or w.rstrip(".") in v.company_suffixes or w in v.tiers or w in v.product_nouns
                   or w in v.institutions or w in v.places for w in words)


@dataclass(frozen=True)
class NameWords:
    """The vocabulary `detect_names` reads, compiled once per language."""

    not_names: frozenset
    stop: frozenset
    places: frozenset
    institutions: frozenset
    tiers: frozenset
    money: frozenset
    units: frozenset
    suffixes: tuple
    role_words: frozenset  # one-word roles, lower case ("CEO", "President")
    role_in_run: re.Pattern  # a role of one word or more inside a run, cut there ("<Company> Chief Executive <Name>")
    given: frozenset  # given names of every language: "<Given> <Surname>" is a person
    openers: frozenset  # ordinary words that, alone and opening a sentence, are no name ("Faites", "Want")
    plans: frozenset  # plan nouns, lower case ("plan", "formule")
    company_suffixes: frozenset  # a legal or group suffix ("Corp", "SA"): still the company, no product of it
    role_starts: frozenset  # the first words of roles, lower case ("chief" of "Chief Executive")
    role_before: re.Pattern  # a role ending where a name starts, one word in lower case allowed between
    role_of_before: re.Pattern  # a role and its employer before a name set off by a comma ("Le PDG de <Firm>, ")
    role_after: re.Pattern  # a role of an employer in apposition after a name (", le PDG de <Firm>")
    named_before: re.Pattern  # a naming word ending where a name starts ("baptisé ", "dubbed ")
    infinitive: re.Pattern  # an infinitive by its ending and the object after it ("Ramener ça")
    product_noun: tuple[re.Pattern, re.Pattern]  # a product noun ending where a name starts, or right after it
    product_nouns: frozenset  # the same nouns, as the last word of a name ("<Name> API")
    place_after: re.Pattern  # "–based" after a name: the name is a place


@lru_cache(maxsize=None)
def name_words(lang: str) -> NameWords:
    vocab, names = attribution_vocab(lang), names_vocab(lang)
    roles = [r.replace("'", "’") for r in names.person_roles]
    stops = phrase_regex(sorted(language_vocab(lang).stopword_set))  # "le patron de <Name>": the name is the employer
    return NameWords(
        not_names=frozenset(w.replace("'", "’") for w in vocab.not_names),
        stop=language_vocab(lang).stopword_set, places=vocab.place_set,
        institutions=frozenset(vocab.institution_words), tiers=frozenset(vocab.tier_words),
        money=_currency_forms(lang), units=frozenset(load_lexicon(lang).unit_phrases) | frozenset(names.unit_names),
        suffixes=tuple(vocab.opener_suffixes),
        role_words=frozenset(r.lower() for r in roles if re.fullmatch(r"[\w-]+", r)),
        role_in_run=re.compile(r"(?<![^ ])(?:" + phrase_regex(roles) + r")(?![^ ])", re.I),
        given=frozenset(n for code in languages() for n in names_vocab(code).given_names),
        openers=frozenset(w.replace("'", "’") for w in names.sentence_openers),
        role_starts=frozenset(r.split()[0].lower() for r in roles),
        plans=frozenset(p.lower() for p in vocab.plan_nouns),
        company_suffixes=frozenset(names.company_suffixes),
        role_before=re.compile(r"(?<![\w-])(?:" + phrase_regex(roles) + r")\s+(?:(?!(?:" + stops + r")\s)[a-zà-ÿ][\w’'-]*\s+)?$",
                               re.I),
        role_of_before=re.compile(r"(?<![\w-])(?:" + phrase_regex(roles) + r")(?:(?:\s+[\w’'-]+){0,3}?\s+(?:(?:" + stops
                                  + r")\s+|d[’'])" + _NAME_TOKEN + r"(?:\s" + _NAME_TOKEN + r"){0,3})?\s*,\s*$"),
        role_after=re.compile(r"\s*,\s*(?:(?:" + phrase_regex(vocab.articles + names.possessives) + r")\s+)?"
                              r"(?:[a-zà-ÿ][\w’'-]*\s+)?(?:" + phrase_regex(roles) + r")\s+(?:(?:" + stops + r")\s|d[’'])",
                              re.I),
        infinitive=re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2,}(?:" + "|".join(map(re.escape, names.infinitive_endings or ["(?!)"]))
                              + r")\s+(?:" + phrase_regex(names.infinitive_objects)
                              + r")(?![\w’'-])"),
        product_noun=(re.compile(r"(?<![\w-])(?:" + phrase_regex(names.product_nouns) + r")\s+$"),
                      re.compile(r"\s+(?:" + phrase_regex(names.product_nouns) + r")(?![\w’'-])")),
        product_nouns=frozenset(names.product_nouns),
        named_before=re.compile(r"(?<![\w’'-])(?:" + phrase_regex(vocab.naming_words)
                                + r")\s+[«“\"]?\s*$", re.I),
        place_after=re.compile(r"\.?[-‑–—](?:" + phrase_regex(names.place_suffixes) + r")(?!\w)"))


def _segments(text: str, m: re.Match, role_in_run: re.Pattern) -> list[tuple[int, int, bool]]:
    """A run of capitalised words cut at the roles inside it, of one word or more ("<Company> CEO <First> <Last>",
    "<Company> Chief Executive <First> <Last>"): each piece's span, and whether a role stands right before it."""
    out, start, after_role = [], m.start(), False
    for r in role_in_run.finditer(m.group()):
        if r.start() > 0 and m.start() + r.start() - 1 > start:
            out.append((start, m.start() + r.start() - 1, after_role))
        start, after_role = m.start() + r.end() + 1, True
    if start < m.end():
        out.append((start, m.end(), after_role))
    return out


def detect_names(text: str, lang: str, known: list[EntityHit], common: frozenset = frozenset(),
                 not_given: frozenset = frozenset()) -> list[EntityHit]:
    """The names a text holds that `known` does not; `not_given` are words that open the rules' names of things
    ("Claude"), never read as a given name."""
    v = name_words(lang)
    lower_words = frozenset(re.findall(r"(?<![\w’'-])[a-zà-ÿ][a-zà-ÿ]+(?![\w’'-])", text))
    given = v.given - not_given
    out: list[EntityHit] = []
    common_acronyms = _common_acronyms(text)
    for m in _NAME_RUN.finditer(text):
        for seg_start, seg_end, after_role in _segments(text, m, v.role_in_run):
            hit = _detected(text, lang, seg_start, seg_end, after_role, v, lower_words, common, given)
            if hit is not None and hit.name not in common_acronyms:
                out.append(hit)
    return out


_DEFINED = re.compile(r"((?:[\w’'-]+\s+){1,7})\((?:the\s+|la\s+|le\s+|l’)?([A-Z]{2,6})\)")


def _common_acronyms(text: str) -> frozenset:
    """Acronyms the text defines in brackets after words in lower case whose initials they take ("initial public
    offering (IPO)", "zone d’aménagement concerté (ZAC)", "revenue run rate (ARR)"): abbreviations of common
    nouns, no one's name wherever they stand."""
    out = set()
    for m in _DEFINED.finditer(text):
        acronym = m.group(2)
        words = [re.sub(r"^[dl][’']", "", w) for w in m.group(1).split()][-len(acronym) - 2:]
        words = [w for w in words if w[:1].isalpha()]
        if words and all(w[0].islower() for w in words) and set(acronym.lower()) <= {w[0] for w in words}:
            out.add(acronym)
    return frozenset(out)


def _detected(text: str, lang: str, run_start: int, run_end: int, after_role: bool, v: NameWords,
              lower_words: frozenset, common: frozenset, given: frozenset) -> Optional[EntityHit]:
    """The name a run of capitalised words holds, once the words that open it and are no name are left
    out, with its kind; None when it is no name."""
    words = text[run_start:run_end].split(" ")
    opens = _opens_sentence(text, run_start)
    bare = re.sub(r"^[LD][’'](?=[A-ZÀ-ÖØ-Þ])", "", words[0])
    if bare != words[0] and (bare in v.not_names or bare in v.places or bare in v.institutions):
        words[0] = bare  # "L’IA", "L’Europe", "L’État": the article is no part of the word ("L’Oréal" stays whole)
    while words and (words[0].replace("'", "’") in v.not_names or words[0].lower() in v.stop
                     or words[0].lower() in common and opens or re.match(r"[A-ZÀ-ÖØ-Þ][’'][a-zà-ÿ]", words[0])):
        words.pop(0)  # "L’abonnement ChatGPT" starts with an article, not a name; "Training costs" a cue word
    if (len(words) == 1 and run_end - len(words[0]) == run_start and opens
            and (_opener(words[0], text, run_end, lower_words, v.suffixes) or v.infinitive.match(text, run_start)
                 or words[0].replace("'", "’") in v.openers)):
        return None  # "Sure, ads will help", "Collectively, these companies", "Actuellement, la société", "Ramener ça",
        # "Faites le calcul", "Want a chip?"
    if not words:
        return None
    surface = " ".join(words)
    start = run_end - len(surface)
    if surface in _SUFFIXES:
        return None  # "Capital" of a fund whose name opens with digits ("<9X> Capital")
    if (_CURRENCY_AFTER.match(text, run_end) or surface in v.money and (
            re.match(r"\s?[\d$€£¥]", text[run_end:run_end + 2])
            or re.search(r"\d(?:[\s-]?(?:[a-zA-Z]+|[$€£¥]))?\s$", text[max(0, start - 14):start]))):
        return None  # a currency's prefix or a scale glued to its sign ("HK$4.19 billion", "NZ$", "1,7 Md€", "Rs 10,000",
        # "NZD $18"), or its code after a figure ("$240 million CAD", "300 CHF")
    if surface in v.units and re.search(r"(?:\d|\d\s|/)$", text[max(0, start - 2):start]):
        return None  # a unit after its number ("(120 MW)", "1 Go de fichiers", "0,20 $/Go")
    based = v.place_after.search(surface)
    based = based if based is not None and based.end() == len(surface) and based.start() > 0 else None
    if based is not None:
        surface = surface[:based.start()]  # "<State>-based": the state is a place
        words = surface.split(" ")
        if surface in v.not_names:
            return None  # "AI-based", "US-based"
    if len(surface) < 2 or re.search(r"-[a-z]", surface):
        return None  # "AI-enabled", "US-based" are adjectives, not names
    if (any(ch.isdigit() for ch in surface) and not re.fullmatch(r"[A-Z][a-zA-Z]+-[A-Z]?\d+[a-z]?", surface)
            and not (CHIP.fullmatch(surface) and not re.match(r"[,.]\d", text[run_end:run_end + 2]))
            and not v.named_before.search(text, max(0, start - 40), start)):
        return None  # digits belong to figures and versions ("Q3", "H1"), except names like "Sky-T1", "Phi-4" or a
        # name given ("baptisé O5", "dubbed K3")
    end = start + len(surface)
    if len(words) == 1 and _quoted_speaker(text, end, lang):
        return EntityHit(start, end, surface, "person", "detected")  # "Chandrasekhar stated, “...”": a person
    if start == run_start and (after_role or v.role_before.search(text, max(0, start - 60), start)):
        return EntityHit(start, end, surface, "person", "detected")  # "le premier ministre canadien <Name>"
    if len(words) > 1 and (v.role_after.match(text, end) or v.role_of_before.search(text, max(0, start - 90), start)):
        return EntityHit(start, end, surface, "person", "detected")  # "<First> <Last>, le PDG de <Firm>,"
    if CHIP.fullmatch(surface):
        return EntityHit(start, end, re.sub(r"(?<=\d)s$|(?<=[A-Z])s$", "", surface), "product", "detected")  # "XY300As"
    if 1 < len(words) <= 3 and (words[0] in given or words[0].split("-")[0] in given) and _surname_like(words[1:], v):
        return EntityHit(start, end, surface, "person", "detected")  # "<Given> <Surname>"
    kind = ("place" if surface in v.places or v.place_after.match(text, end) or based is not None else  # "<State>.–based"
            "institution" if any(w in v.institutions for w in words) else  # "the Cabinet", "University"
            "product" if len(words) > 1 and (words[-1] in v.tiers or words[-1] in v.product_nouns)  # "Claude Max"
            or v.product_noun[0].search(text, max(0, start - 12), start) or v.product_noun[1].match(text, end)
            else "other")  # "l’API <Name>", "the <Name> API"
    return EntityHit(start, end, surface, kind, "detected")
