"""Phrases of the vocabularies and rules as regexes, and names as lookup keys: one compiler.

A phrase is written as people write it ("plus de", "augment*", "l’an", "Llama-3"); `atoms` turns
it into regex pieces, one per character, by a `Style` that says how spaces, hyphens, apostrophes
and a trailing `*` (any word ending) may vary. Three styles, three readers:

- `WORDS`: cue words (rules) and attribution words: any spacing, an optional hyphen.
- `GRAMMAR`: the quantity vocabulary, compiled as a prefix-sharing trie (`alternation`), also
  for text read backwards; short capitalised phrases ("M", "Md") keep their case.
- `NAMES`: entity names and aliases: a space, hyphen or underscore may be any one of them or none.

`name_key` is the one way two entity names are compared: case, spaces, hyphens and underscores
ignored ("Llama-3" is "llama 3").
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

SP = r"[^\S\r\n]"  # a space that does not break the line
NEVER = r"(?!x)x"


@dataclass(frozen=True)
class Style:
    """How each character of a phrase is written as regex."""

    space: str  # between two words
    space_near_symbol: str  # next to a symbol ("$ US", "% ")
    hyphens: str  # the characters that are hyphens
    hyphen: str  # the regex of a hyphen
    quote: Optional[str]  # the regex of ’ or ' (None: as written)
    stars: bool  # a trailing (or leading) * matches any word ending
    left: str  # before a phrase that starts with a letter or digit
    right: str  # after a phrase that ends with one


WORDS = Style(space=r"\s+", space_near_symbol=r"\s+", hyphens="-", hyphen=r"[-‑\s]?", quote="[’']", stars=True,
              left=r"(?<![\w])", right=r"(?![\w])")
GRAMMAR = Style(space=SP + "+", space_near_symbol=SP + "*", hyphens="-‑", hyphen="[-‑‐]", quote="[’']", stars=True,
                left=r"(?<!\w)", right=r"(?!\w)")
_SEP = "[\\s\\-‑_]?"
NAMES = Style(space=_SEP, space_near_symbol=_SEP, hyphens="-‑_", hyphen=_SEP, quote=None, stars=False,
              left=r"(?<![\w])", right=r"(?![\w]|[\-‑][\w])")


def atoms(phrase: str, style: Style = GRAMMAR, glued: bool = False) -> list[str]:
    """Regex pieces of one phrase. `glued`: no boundary before it (a suffix written against digits)."""
    star = style.stars and phrase.endswith("*") and len(phrase) > 1
    lead_star = style.stars and phrase.startswith("*") and len(phrase) > 1
    p = phrase[1 if lead_star else 0:len(phrase) - 1 if star else len(phrase)]
    out = []
    if p[:1].isalnum() and not glued and not lead_star:
        out.append(style.left)
    if lead_star:
        out.append(r"\w*")
    for i, ch in enumerate(p):
        if ch in "’'" and style.quote:
            out.append(style.quote)
        elif ch.isspace():
            between_words = i > 0 and p[i - 1].isalnum() and i + 1 < len(p) and p[i + 1].isalnum()
            out.append(style.space if between_words else style.space_near_symbol)
        elif ch in style.hyphens:
            out.append(style.hyphen)
        else:
            out.append(re.escape(ch))
    if star:
        out.append(r"\w*")
    if p[-1:].isalnum() and not star:
        out.append(style.right)
    return out


def phrase_regex(phrases: Iterable[str], style: Style = WORDS) -> str:
    """An alternation of phrases, longest first (so the longest phrase at a place wins); used
    case-insensitively for words, case-sensitively for names."""
    alts = ["".join(atoms(p, style)) for p in sorted(set(phrases), key=lambda s: (-len(s), s))]
    if not alts:
        return NEVER
    left = style.left
    if left and len(alts) > 1 and all(a.startswith(left) for a in alts):  # the boundary tested once per position
        return left + "(?:" + "|".join(a[len(left):] for a in alts) + ")"
    return "|".join(alts)


def name_regex(name: str) -> str:
    """The regex of one entity name or alias (see NAMES)."""
    return "".join(atoms(name, NAMES))


def name_key(name: str, accents: bool = True) -> str:
    """Names compare as the entity matcher compares them: case, spaces, hyphens and underscores ignored;
    with `accents=False` also accents, dashes of every kind and the curly apostrophe (for scoring)."""
    if accents:
        return re.sub(r"[\s\-‑_]+", "", name).casefold()
    return "".join(name_words(name))


def name_words(name: str) -> list[str]:
    """The words of a name, casefolded, accents removed, split on spaces, dashes and underscores."""
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().replace("’", "'")
    return [w for w in re.split(r"[\s\-‐‑‒–—_]+", folded) if w]


def lookup_key(phrase: str) -> str:
    """A vocabulary phrase with ’ as ' and without spaces or hyphens, to look up what the text wrote."""
    return "".join(phrase.replace("’", "'").replace("-", "").replace("‑", "").replace("‐", "").split())


@lru_cache(maxsize=4096)
def lower_key(written: str) -> str:
    """lookup_key(written).lower(), kept for the spellings met (phrases the vocabulary matched: a bounded set)."""
    return lookup_key(written).lower()


def is_case_sensitive(phrase: str, flag: Optional[bool] = None) -> bool:
    """Short phrases with a capital ("M", "Md", "GPU") mean what they say only in that case."""
    if flag is not None:
        return flag
    if len(phrase.replace(" ", "")) > 4:  # tested first: most phrases are longer
        return False
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and any(c.isupper() for c in letters)


_ATOM_RANK = {"[^": 1, "[’": 1, "[-": 1, "\\w": 2, "(?": 3}


def trie(seqs: list[list[str]]) -> str:
    """One regex for many atom sequences, sharing prefixes so a failed branch costs one test."""
    root: dict = {}
    for seq in seqs:
        node = root
        for atom in seq:
            node = node.setdefault(atom, {})
        node[None] = {}

    def emit(node: dict) -> str:
        keys = sorted((k for k in node if k is not None), key=lambda a: (_ATOM_RANK.get(a[:2], 0), a))
        alts = [k + emit(node[k]) for k in keys]
        if None in node:
            return "(?:" + "|".join(alts) + ")?" if alts else ""
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def alternation(phrases: Iterable, reverse: bool = False, case: Optional[bool] = None, glued: bool = False) -> str:
    """The GRAMMAR alternation of phrases as a trie, longest match first; `reverse` builds it for
    reversed text. Phrases may be strings or (phrase, case) pairs; case-sensitive ones are tried first."""
    sensitive, insensitive = [], []
    items = [item if isinstance(item, tuple) else (item, case) for item in set(phrases)]
    loose = sorted(p.lower() for p, f in items if not is_case_sensitive(p.strip("*"), f))
    stems = []
    for phrase, flag in items:
        written = _reverse_phrase(phrase) if reverse else phrase
        low = phrase.lower()
        if flag is None and _extended(loose, low):
            flag = False
        if is_case_sensitive(phrase.strip("*"), flag):
            sensitive.append(atoms(written, GRAMMAR, glued))
        elif reverse and phrase.endswith("*") and phrase[:-1].isalpha():
            stems.append(phrase[:-1].lower()[::-1])
        else:
            insensitive.append(atoms(written.lower(), GRAMMAR, glued))
    parts = []
    if sensitive:
        parts.append("(?-i:" + trie(sensitive) + ")")
    if insensitive:
        parts.append(trie(insensitive))
    if stems:
        # A reversed "augment*" is a whole word ending in "tnemgua": the word is taken at once and
        # its end checked, instead of backtracking a leading \w* through every ending; the checks are
        # grouped by length, one lookbehind (a trie of stems of that length) per length.
        by_length: dict[int, list[list[str]]] = {}
        for st in sorted(set(stems)):
            by_length.setdefault(len(st), []).append([re.escape(ch) for ch in st])
        parts.append(r"\w++(?:" + "|".join(f"(?<={trie(seqs)})" for _, seqs in sorted(by_length.items())) + ")")
    return "|".join(parts) if parts else NEVER


def _extended(ordered: list[str], word: str) -> bool:
    """Whether a phrase of `ordered` (sorted) is `word` and more: the phrases that start with a word
    come right after it in sorted order, so only the first one after it is tested."""
    i = bisect_right(ordered, word)
    return i < len(ordered) and ordered[i].startswith(word)


def _reverse_phrase(p: str) -> str:
    if p.endswith("*") and len(p) > 1:
        return "*" + p[:-1][::-1]
    return p[::-1]


class NameIndex:
    """Entity names and aliases found where a word starts, at a cost that does not grow with their number.

    One alternation of 10,000 names costs seconds to compile and is tried name by name at every
    word; here names are bucketed by a prefix of their `name_key`, a bucket split by one more
    character while it holds more than `SIZE` names, and only the buckets whose prefix the text's
    own next characters spell are tried, each compiled when first needed. The result is the one a
    single alternation of `names` would give: the first name, in the order given, that matches at
    that place (`name_regex`)."""

    SIZE = 48

    def __init__(self, names: list[str]):
        keyed = [(rank, name, name_key(name)) for rank, name in enumerate(names)]
        keyed = [(r, n, k) for r, n, k in keyed if k and re.match(r"\w", n)]  # matching starts at a word character
        self._sources: dict[str, list[tuple[int, str]]] = {}
        self._span = 1  # text characters to read to spell the longest bucket prefix of any name
        todo = [("", keyed)]
        while todo:
            prefix, group = todo.pop()
            if len(group) <= self.SIZE or len(prefix) >= 64:
                here, deeper = group, []
            else:
                here = [x for x in group if len(x[2]) == len(prefix)]
                deeper = [x for x in group if len(x[2]) > len(prefix)]
            if here:
                self._sources[prefix] = sorted((r, n) for r, n, _ in here)
                self._span = max([self._span] + [_span(n, len(prefix)) for _, n, _ in here])
            split: dict[str, list] = {}
            for x in deeper:
                split.setdefault(x[2][:len(prefix) + 1], []).append(x)
            todo.extend(split.items())
        self._lengths = sorted({len(k) for k in self._sources})
        self._compiled: dict[str, tuple] = {}

    def __getstate__(self) -> dict:
        return {"_sources": self._sources, "_span": self._span, "_lengths": self._lengths}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._compiled = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._sources.values())

    def _bucket(self, prefix: str) -> Optional[tuple]:
        found = self._compiled.get(prefix)
        if found is None and prefix in self._sources:
            alts = self._sources[prefix]
            found = self._compiled[prefix] = (re.compile("|".join(f"({name_regex(a)})" for _, a in alts)), [r for r, _ in alts])
        return found

    def match(self, text: str, pos: int) -> Optional[re.Match]:
        """The match of the first name (in the given order) that matches at pos, or None."""
        window = name_key(text[pos:pos + self._span])
        best: Optional[tuple[int, re.Match]] = None
        for n in self._lengths:
            if n > len(window):
                break
            bucket = self._bucket(window[:n])
            if bucket is None:
                continue
            m = bucket[0].match(text, pos)
            if m is not None:
                rank = bucket[1][m.lastindex - 1]
                if best is None or rank < best[0]:
                    best = (rank, m)
        return best[1] if best else None


def _span(name: str, want: int) -> int:
    """How many characters of text spell the first `want` characters of the name's key, at most."""
    got = end = 0
    for ch in name:
        if got >= want:
            break
        end += 1
        got += 0 if ch in "-‑_" or ch.isspace() else len(ch.casefold())
    return max(end, 1)
