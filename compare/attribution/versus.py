"""The other side of a comparison: the name after "than", "que", "compared with" near a figure."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from compare.attribution.words import words
from compare.entities import EntityHit
from compare.lexicon import load_lexicon
from compare.models import Mention
from compare.phrases import phrase_regex


def find_versus(text: str, m: Mention, hits: Sequence[EntityHit], sent: tuple[int, int], lang: str) -> Optional[EntityHit]:
    """The other side of a ratio: the name after "que", "than", "compared with"... near the number."""
    w = words(lang)
    window_end = min(sent[1], m.end + 90)
    for vm in w.versus.finditer(text, m.end, window_end):
        gap = text[m.end:vm.start()]
        if vm.group().lower() == "as" and gap.strip():
            continue  # "half as much as X", not "... as part of X"
        if _qualifies_figure(text, vm, lang) or _no_comparison(text, m.start, vm, lang):
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
        if _qualifies_figure(text, vm, lang) or _no_comparison(text, m.start, vm, lang):
            continue
        if not any(c in gap for c in ".;") and len(gap) <= 70:
            return vm.start()
        break
    return None


def _no_comparison(text: str, start: int, vm: re.Match, lang: str) -> bool:
    """« les sources ont avoué que ... », "pas plus tard qu'hier, <Name>": a marker that is another side only after a
    comparative word, with none between the figure and it (or a clause break after that word)."""
    w = words(lang)
    if not w.comparative_marker.fullmatch(vm.group()):
        return False
    found = None
    for found in w.comparative.finditer(text, start, vm.start()):
        pass
    return found is None or bool(re.search(r"[,;:()–—]", text[found.end():vm.start()]))


def owned(text: str, h: EntityHit, hits: Sequence[EntityHit]) -> EntityHit:
    """"OpenAI's o1", "Meta’s Llama 3": the name after the possessive is the one meant."""
    m = re.match(r"[’']s\s+(?:[«“\"]\s*)?", text[h.end:h.end + 6])
    if m:
        nxt = next((o for o in hits if o.start == h.end + m.end()), None)
        if nxt is not None:
            return nxt
    return h
