"""Finding the entities a text names: known ones (rules), family members (patterns), and others.

Known entities match by name and alias, whole words, case-sensitively, with spaces and hyphens
interchangeable ("Llama-3" is "Llama 3"). Family patterns find members that no list names
("Llama 3.1 405B", "Qwen2.5-Max"). Other proper names are detected so that a claim about a
company the rules don't know still says whose it is, marked `detected`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from compare.lexicon import load_lexicon
from compare.phrases import NameIndex, name_key, name_regex, phrase_regex
from compare.regexes import TimedPattern
from compare.rules.model import RuleSet
from compare.vocab import attribution_vocab, language_vocab, outlets


@dataclass(frozen=True)
class EntityHit:
    start: int
    end: int
    name: str
    kind: str
    status: str  # known | detected
    organisation: Optional[str] = None


@dataclass(frozen=True)
class EntityMatcher:
    """Compiled once per rule set; pure and picklable, so it can be shipped to workers."""

    alias_res: NameIndex  # every name and alias, tried where a word starts (phrases.NameIndex)
    by_key: dict
    patterns: tuple  # (compiled, entity)
    families: tuple  # (compiled, family)
    kinds: dict  # canonical name -> (kind, organisation)
    common_words: frozenset = frozenset()  # cue words of the rules: "Training", "Inference" open sentences, not names

    def find(self, text: str, lang: str, detect: bool = True) -> list[EntityHit]:
        hits: list[EntityHit] = []
        for w in _WORD_START.finditer(text):
            m = self.alias_res.match(text, w.start())
            if m is None:
                continue
            e = self.by_key.get(name_key(m.group()))
            if e is not None:
                hits.append(EntityHit(m.start(), m.end(), e.name, e.kind, "known", e.organisation))
        for rx, e in self.patterns:
            for m in rx.finditer(text):
                hits.append(EntityHit(m.start(), m.end(), e.name, e.kind, "known", e.organisation))
        for rx, fam in self.families:
            for m in rx.finditer(text):
                surface = re.sub(r"\s+", " ", m.group()).strip()
                known = self.by_key.get(name_key(surface))
                if known is not None:
                    hits.append(EntityHit(m.start(), m.end(), known.name, known.kind, "known", known.organisation))
                else:
                    hits.append(EntityHit(m.start(), m.end(), surface, fam.kind, "known", fam.organisation))
        hits = _resolve_overlaps(hits)
        if detect:
            starts = [k.start for k in hits]
            sources = _resolve_overlaps([o for o in _find_outlets(text) + _find_places(text, lang) if _clear_of(o, hits, starts)])
            taken = sorted(hits + sources, key=lambda h: h.start)
            starts = [k.start for k in taken]
            detected = [d for d in _resolve_overlaps(_detect_names(text, lang, hits, self.common_words))
                        if _clear_of(d, taken, starts)]
            hits = sorted(hits + sources + detected, key=lambda h: h.start)
        return hits


def compile_entities(rules: RuleSet) -> EntityMatcher:
    by_key: dict = {}
    alternatives: list[str] = []
    for e in rules.entities:
        for name in [e.name, *e.aliases]:
            key = name_key(name)
            if not key:
                continue
            by_key.setdefault(key, e)
            alternatives.append(name)
    alternatives.sort(key=lambda a: (-len(a), a))
    alias_res = NameIndex(alternatives)  # not one alternation: 10,000 aliases would cost seconds per name
    # analyst regexes run with a time limit per text (compare.regexes)
    patterns = tuple((TimedPattern(p, where=f'entity "{e.name}"'), e) for e in rules.entities for p in e.patterns)
    families = tuple((TimedPattern(r"(?<![\w])(?:" + f.pattern + r")(?![\w])", where=f'family "{f.name}"'), f)
                     for f in rules.families)
    kinds = {e.name: (e.kind, e.organisation) for e in rules.entities}
    common = frozenset(w.lower() for q in rules.quantities for group in (q.cues, q.weak_cues)
                       for words in group.values() for w in words if " " not in w and not w.endswith("*"))
    return EntityMatcher(alias_res, by_key, patterns, families, kinds, common)


_WORD_START = re.compile(r"(?<![\w])\w")


def _resolve_overlaps(hits: list[EntityHit]) -> list[EntityHit]:
    """Keep the longest hit where hits overlap; known beats detected at equal length."""
    rank = {"known": 0, "detected": 1}
    ordered = sorted(hits, key=lambda h: (-(h.end - h.start), rank[h.status], h.start))
    kept: list[EntityHit] = []  # apart from each other, in text order
    starts: list[int] = []
    for h in ordered:
        if _clear_of(h, kept, starts):
            i = bisect_right(starts, h.start)
            kept.insert(i, h)
            starts.insert(i, h.start)
    return kept


def _clear_of(h: EntityHit, hits: list[EntityHit], starts: list[int]) -> bool:
    """Whether `h` overlaps none of `hits` (apart from each other, in text order; `starts` theirs): only
    the hits next to where it would go can overlap it, so this costs a search, not a pass over all."""
    i = bisect_right(starts, h.start)
    return all(h.end <= k.start or h.start >= k.end for k in hits[max(0, i - 1):i + 1])


_CURRENCY_AFTER = re.compile(r"[$€£¥₹₩]")
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ](?:[\w&\-]|[’'](?![sS]\b))*[\w]|[A-ZÀ-ÖØ-Þ])"
_NAME_RUN = re.compile(
    rf"(?<![\w’'-]){_NAME_TOKEN}(?:[ \-]{_NAME_TOKEN}"
    rf"|[ ](?:AI|Labs?|Inc\.?|Corp\.?|Technologies|Company|Cloud|Capital|Ventures|Partners))*(?![\w])"
)


@lru_cache(maxsize=None)
def _outlets_re() -> re.Pattern:
    return re.compile("|".join(name_regex(o) for o in sorted(outlets(), key=lambda o: (-len(o), o))) or r"(?!x)x")


def _find_outlets(text: str) -> list[EntityHit]:
    """News outlets, agencies and analyst firms (compare/lang/LANG/attribution.yaml `outlets`): found so
    that no part of them passes for a name ("York Times"), and marked so that they are never a subject."""
    return [EntityHit(m.start(), m.end(), m.group(), "outlet", "detected") for m in _outlets_re().finditer(text)]


@lru_cache(maxsize=None)
def _currency_forms(lang: str) -> frozenset:
    """What is written of a currency before or after an amount ("Rs", "RMB", "INR", "CHF")."""
    return frozenset(load_lexicon(lang).currency_codes)


@lru_cache(maxsize=None)
def _places_re(lang: str) -> re.Pattern:
    """The places whose name holds a word in lower case ("Corée du Sud", "Arabie saoudite"): no run of
    capitalised words finds them whole, so they are looked for as phrases."""
    spaced = [p for p in attribution_vocab(lang).places if re.search(r"\s[a-zà-ÿ]", p)]
    return re.compile("|".join(name_regex(p) for p in sorted(spaced, key=lambda p: (-len(p), p))) or r"(?!x)x")


def _find_places(text: str, lang: str) -> list[EntityHit]:
    return [EntityHit(m.start(), m.end(), m.group(), "place", "detected") for m in _places_re(lang).finditer(text)]


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
    "Charged at") by its ending, followed by a comma or a word in lower case."""
    if word.lower() in lower_words:
        return True
    if len(word) < 6 or not word.lower().endswith(suffixes) or any(c.isupper() for c in word[1:]):
        return False
    return bool(re.match(r"\s*,|\s+[a-zà-ÿ]", text[end:end + 3]))


def _detect_names(text: str, lang: str, known: list[EntityHit], common: frozenset = frozenset()) -> list[EntityHit]:
    vocab = attribution_vocab(lang)
    not_names = {w.replace("'", "’") for w in vocab.not_names}
    stop = language_vocab(lang).stopword_set
    places = vocab.place_set
    institutions = frozenset(vocab.institution_words)
    tiers = frozenset(vocab.tier_words)
    money = _currency_forms(lang)
    suffixes = tuple(vocab.opener_suffixes)
    lower_words = frozenset(re.findall(r"(?<![\w’'-])[a-zà-ÿ][a-zà-ÿ]+(?![\w’'-])", text))
    out: list[EntityHit] = []
    for m in _NAME_RUN.finditer(text):
        words = m.group().split(" ")
        while words and (words[0].replace("'", "’") in not_names or words[0].lower() in stop
                         or words[0].lower() in common or re.match(r"[A-ZÀ-ÖØ-Þ][’'][a-zà-ÿ]", words[0])):
            words.pop(0)  # "L’abonnement ChatGPT" starts with an article, not a name
        if (len(words) == 1 and m.end() - len(words[0]) == m.start() and _opens_sentence(text, m.start())
                and _opener(words[0], text, m.end(), lower_words, suffixes)):
            continue  # "Sure, ads will help", "Collectively, these companies", "Actuellement, la société"
        if not words:
            continue
        surface = " ".join(words)
        start = m.end() - len(surface)
        if _CURRENCY_AFTER.match(text, m.end()) or surface in money and re.match(r"\s?\d", text[m.end():m.end() + 2]):
            continue  # a currency's prefix or a scale glued to its sign ("HK$4.19 billion", "NZ$", "1,7 Md€", "Rs 10,000")
        if len(surface) < 2 or re.search(r"-[a-z]", surface):
            continue  # "AI-enabled", "US-based" are adjectives, not names
        if any(ch.isdigit() for ch in surface) and not re.fullmatch(r"[A-Z][a-zA-Z]+-[A-Z]?\d+[a-z]?", surface):
            continue  # digits belong to figures and versions ("Q3", "H1"), except names like "Sky-T1", "Phi-4"
        if len(words) == 1 and _quoted_speaker(text, start + len(surface), lang):
            out.append(EntityHit(start, start + len(surface), surface, "person", "detected"))
            continue  # "Chandrasekhar stated, “...”": one who is quoted is a person
        kind = ("place" if surface in places else
                "institution" if any(w in institutions for w in words) else  # "the Cabinet", "University"
                "product" if len(words) > 1 and words[-1] in tiers else "other")  # a plan: "Comet Plus", "Claude Max"
        out.append(EntityHit(start, start + len(surface), surface, kind, "detected"))
    return out
