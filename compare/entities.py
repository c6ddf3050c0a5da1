"""Finding the entities a text names: known ones (rules), family members (patterns), and others.

Known entities match by name and alias, whole words, case-sensitively, with spaces and hyphens
interchangeable ("Llama-3" is "Llama 3"). Family patterns find members that no list names
("Llama 3.1 405B", "Qwen2.5-Max"). Other proper names are detected (compare/names.py) so that a claim
about a company the rules don't know still says whose it is, marked `detected`; a known name is extended
to the product written with it ("<Company> Cloud", "la version Nano de <Model>").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from compare.names import EntityHit, detect_names, name_words
from compare.phrases import NameIndex, name_key, name_regex, phrase_regex
from compare.regexes import TimedPattern
from compare.rules.model import RuleSet
from compare.vocab import attribution_vocab, names_vocab, outlets

__all__ = ["EntityHit", "EntityMatcher", "compile_entities"]


@dataclass(frozen=True)
class EntityMatcher:
    """Compiled once per rule set; pure and picklable, so it can be shipped to workers."""

    alias_res: NameIndex  # every name and alias, tried where a word starts (phrases.NameIndex)
    by_key: dict
    patterns: tuple  # (compiled, entity)
    families: tuple  # (compiled, family)
    kinds: dict  # canonical name -> (kind, organisation)
    common_words: frozenset = frozenset()  # cue words of the rules: "Training", "Inference" open sentences, not names
    first_names: frozenset = frozenset()  # the first names of the rules' persons: "<First>'s estimate" is theirs
    not_given: frozenset = frozenset()  # first words of the rules' names of things: "Claude Code" is no person
    surnames: frozenset = frozenset()  # the last words of the rules' persons' names: "<Surname> said" is theirs

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
            hits = _extend_products(text, lang, self._variants_named_before(text, lang, hits), self.by_key)
            starts = [k.start for k in hits]
            sources = _resolve_overlaps([o for o in _find_outlets(text) + _find_places(text, lang)
                                         + _find_governments(text, lang) if _clear_of(o, hits, starts)])
            taken = sorted(hits + sources, key=lambda h: h.start)
            starts = [k.start for k in taken]
            detected = [d for d in _resolve_overlaps(detect_names(text, lang, hits, self.common_words, self.not_given))
                        if _clear_of(d, taken, starts)]
            people = self.surnames | _surnames_in(text, hits + detected)
            detected = [self._known_by_part(d, text, people) for d in detected]
            hits = _same_kind(text, sorted(hits + sources + detected, key=lambda h: h.start))
        return hits


    def _variants_named_before(self, text: str, lang: str, hits: list[EntityHit]) -> list[EntityHit]:
        """A variant or tier named before its product or model with a plan noun ("la version Nano de <Model>",
        "the Pro tier of <Product>"): one name, the product's and the variant's ("<Model> Nano"), from the
        variant's word to the product's end."""
        out = list(hits)
        for i, h in enumerate(hits):
            if h.status != "known" or h.kind not in ("product", "model"):
                continue
            m = _variant_before(lang).search(text, max(0, h.start - 60), h.start)
            if m is None or any(m.start() <= k.start < h.start for k in hits):
                continue
            group = "v1" if m.group("v1") else "v2"
            if m.group(group) in name_words(lang).not_names:
                continue  # "the API version of <Model>"
            name = f"{h.name} {m.group(group)}"
            e = self.by_key.get(name_key(name))
            out[i] = (EntityHit(m.start(group), h.end, e.name, e.kind, "known", e.organisation) if e is not None
                      else EntityHit(m.start(group), h.end, name, h.kind, "known", h.organisation))
        return out

    def _known_by_part(self, h: EntityHit, text: str, surnames: frozenset = frozenset()) -> EntityHit:
        """A detected word the rules know in part: the first name or the surname of one of their persons, or the
        surname of a person the text names in full, is a person's ("<First>'s estimate", "<Surname> said"),
        unless a domain follows ("<Name>.ai"); a word of seven letters or more that is
        a known name with two letters swapped is that name ("Perlpexity"), the press's commonest slip (other
        slips come too close to other names)."""
        word = h.name
        person = word in self.first_names or word in surnames
        if h.kind == "other" and person and not re.match(r"\.[a-z]", text[h.end:h.end + 2]):
            return EntityHit(h.start, h.end, word, "person", "detected")
        if h.kind != "other" or len(word) < 7 or not word.isalpha():
            return h
        for i in range(1, len(word) - 1):
            e = self.by_key.get(name_key(word[:i] + word[i + 1] + word[i] + word[i + 2:]))
            if e is not None and word[i] != word[i + 1]:
                return EntityHit(h.start, h.end, e.name, e.kind, "known", e.organisation)
        return h


@lru_cache(maxsize=None)
def _variant_before(lang: str) -> re.Pattern:
    """A plan noun and a capitalised variant before "of"/"de" ending where a product's name starts, either order
    ("version Nano de ", "Pro tier of ")."""
    plans = phrase_regex(attribution_vocab(lang).plan_nouns)
    variant = r"[«“\"‘']?\s*(?P<{}>[A-ZÀ-ÖØ-Þ][\w+]*)\s*[»”\"’']?"
    return re.compile(rf"(?<![\w’'-])(?:(?i:{plans})\s+{variant.format('v1')}|{variant.format('v2')}\s+(?i:{plans}))"
                      r"\s+(?:of|for|de|d’|du)\s*$")


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
    first = frozenset(e.name.split()[0] for e in rules.entities if e.kind == "person" and " " in e.name
                      and len(e.name.split()[0]) >= 3) - frozenset(by_key)
    things = frozenset(n.split()[0] for e in rules.entities if e.kind != "person" for n in (e.name, *e.aliases) if n.split())
    last = frozenset(w for w in _surnames(e.name for e in rules.entities if e.kind == "person") if name_key(w) not in by_key)
    return EntityMatcher(alias_res, by_key, patterns, families, kinds, common, first, things, last)


def _surnames(names) -> frozenset:
    """The last word of each name of two words or more, when it is capitalised and three letters or longer: the
    surname the press writes alone once the person is named ("<First> <Last> ... <Last> said")."""
    return frozenset(w[-1] for w in (n.split() for n in names)
                     if len(w) > 1 and len(w[-1]) >= 3 and w[-1][0].isupper() and w[-1].isalpha())


def _surnames_in(text: str, hits: list[EntityHit]) -> frozenset:
    """The surnames of the persons a text names in full (as it writes them)."""
    return _surnames(text[h.start:h.end] for h in hits if h.kind == "person")


_WORD_START = re.compile(r"(?<![\w])\w")
_NEXT_WORDS = re.compile(r" ((?:[A-ZÀ-ÖØ-Þ][\w]*\+?)(?: [A-ZÀ-ÖØ-Þ][\w]*\+?){0,2})(?![\w’'-])")


def _extend_products(text: str, lang: str, hits: list[EntityHit], by_key: dict) -> list[EntityHit]:
    """A known company, product or model followed by one or two capitalised words that are no name of their
    own is one product or model ("<Company> Cloud", "<Product> Family Classic", "<Model> Nano"):
    its name as written (the rules' name when they list it: "Copilot" and "Pro" is Copilot Pro), its maker the
    company. Words that are never names, roles, places, figures, a company's legal suffix and other names stop
    it ("<Company> CEO", "<Company> Thursday", "<Company> India", "<Company> Q3", "<Company> Corp")."""
    v = name_words(lang)
    out = []
    for h in hits:
        if h.status == "known" and h.kind in ("product", "model") and re.match(r"\+(?![\w+])", text[h.end:h.end + 2]):
            out.append(EntityHit(h.start, h.end + 1, h.name + "+", h.kind, "known", h.organisation))
            continue  # "<Product>+": its plus tier, as the press writes it
        nxt = _NEXT_WORDS.match(text, h.end) if h.status == "known" and h.kind in ("company", "product", "model") else None
        words = []
        for w in (nxt.group(1).split(" ") if nxt else ()):
            bare = w.rstrip("+")
            if (bare in v.not_names or bare.lower() in v.stop or bare.lower() in v.role_words
                    or bare.lower() in v.role_starts or bare in v.places or bare in v.units or bare in v.money
                    or bare.rstrip(".") in v.company_suffixes or any(c.isdigit() for c in bare)):
                break
            words.append(w)
        if len(words) > 2 or not words or any(w.lower() in v.plans for w in words):
            out.append(h)  # "<Company> Token Plan": the plan a company names is read with its tier (attribution.tiers)
            continue
        end = h.end + 1 + len(" ".join(words))
        if any(h.end < k.start < end for k in hits):
            out.append(h)
            continue
        e = by_key.get(name_key(f"{h.name} {' '.join(words)}"))
        if e is not None:
            out.append(EntityHit(h.start, end, e.name, e.kind, "known", e.organisation))
            continue
        maker, kind = (h.name, "product") if h.kind == "company" else (h.organisation, h.kind)
        out.append(EntityHit(h.start, end, text[h.start:end], kind, "known", maker))
    return out
_NOBODY = frozenset({"place", "outlet", "institution"})  # kinds of name that are never whose figure it is
_ACRONYM = re.compile(r"(?:[’']s)?\s*\((?:the\s+|la\s+|le\s+|l’)?([A-Z][A-Z&]{1,7})\)")
_PLACE_AFTER = re.compile(r"\s*,\s*$")
_JOINED = re.compile(r"\s+(?:and|&|et)\s+")  # "<Name> and <Name> Commission": one institution


def _same_kind(text: str, hits: list[EntityHit]) -> list[EntityHit]:
    """Detected names that take the kind of a name next to them: an acronym given in brackets after a
    place, outlet or institution, wherever it stands ("the Securities and Exchange Commission (SEC)"), or
    after another name, that name (a ticker or a short name: "<Company> (TICK)"); and
    a name followed by a comma and a place, the town of a region or country ("<Town>, <State>."); a name
    joined by "and" to an institution is part of it ("Securities and Exchange Commission")."""
    acronyms: dict[str, EntityHit] = {}
    for h in hits:
        a = _ACRONYM.match(text, h.end)
        if a and h.kind != "person" and a.group(1) != h.name:
            acronyms.setdefault(a.group(1), h)
    out: list[EntityHit] = []
    for i, h in enumerate(hits):
        if out and out[-1].end > h.start:
            continue  # joined to the name before it
        if h.status == "detected" and h.kind == "other":
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            if (nxt is not None and nxt.kind == "institution" and nxt.status == "detected"
                    and _JOINED.fullmatch(text[h.end:nxt.start])):
                h = EntityHit(h.start, nxt.end, text[h.start:nxt.end], "institution", "detected")
            elif h.name in acronyms:
                named = acronyms[h.name]  # "<Company> (TICK)" is the company; "... Commission (SEC)" an institution
                h = EntityHit(h.start, h.end, h.name if named.kind in _NOBODY else named.name, named.kind,
                              named.status, named.organisation)
            elif (nxt is not None and nxt.kind == "place" and _PLACE_AFTER.match(text[h.end:nxt.start])
                  and re.match(r"\.?(?:[^\w’']|$)", text[nxt.end:nxt.end + 2])):
                h = EntityHit(h.start, h.end, h.name, "place", h.status)
        out.append(h)
    return out


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


@lru_cache(maxsize=None)
def _outlets_re() -> re.Pattern:
    return re.compile("|".join(name_regex(o) for o in sorted(outlets(), key=lambda o: (-len(o), o))) or r"(?!x)x")


def _find_outlets(text: str) -> list[EntityHit]:
    """News outlets, agencies and analyst firms (compare/lang/LANG/attribution.yaml `outlets`): found so
    that no part of them passes for a name ("York Times"), and marked so that they are never a subject."""
    return [EntityHit(m.start(), m.end(), m.group(), "outlet", "detected") for m in _outlets_re().finditer(text)]


@lru_cache(maxsize=None)
def _places_re(lang: str) -> re.Pattern:
    """The places whose name holds a word in lower case ("Corée du Sud", "Arabie saoudite"): no run of
    capitalised words finds them whole, so they are looked for as phrases."""
    spaced = [p for p in attribution_vocab(lang).places if re.search(r"\s[a-zà-ÿ]", p)]
    return re.compile("|".join(name_regex(p) for p in sorted(spaced, key=lambda p: (-len(p), p))) or r"(?!x)x")


def _find_places(text: str, lang: str) -> list[EntityHit]:
    return [EntityHit(m.start(), m.end(), m.group(), "place", "detected") for m in _places_re(lang).finditer(text)]


@lru_cache(maxsize=None)
def _governments_re(lang: str) -> re.Pattern:
    """A country's government: its place or nationality before the word ("UK government"), or, in French,
    the word before its adjective ("gouvernement français")."""
    v = names_vocab(lang)
    if not v.government_words:
        return re.compile(r"(?!x)x")
    word = r"(?i:" + "|".join(re.escape(w) for w in v.government_words) + r")"  # "Gouvernement" opens a sentence
    named = "|".join(name_regex(p) for p in sorted(set(attribution_vocab(lang).places) | set(v.nationalities),
                                                     key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![\w’'-])(?:(?:{named})\s+{word}|{word}\s+(?:{named}))(?![\w’'-])")


def _find_governments(text: str, lang: str) -> list[EntityHit]:
    return [EntityHit(m.start(), m.end(), m.group(), "other", "detected") for m in _governments_re(lang).finditer(text)]
