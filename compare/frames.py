"""Frames: phrases of a quantity that govern a figure ("raised #", "valued at #", "# to train", "a levé #"), `#`
standing for the figure; compiled per language and quantity from the rules, and the ones that govern a figure.

A frame before the figure ends at most two short words before it; one after it starts at most one word after
it, or past the figure's conversion in brackets. Of frames that overlap on one side of a figure, the one that
reaches nearest to it wins, then the longest (`find_frames`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from compare.models import Mention
from compare.phrases import phrase_regex

# Between a frame and its figure: up to two short words ("raised a further $2bn", "a levé près de").
_FRAME_GAP = r"[\s«“\"(]*(?:[\w’'\-]{1,12}[\s«»“”\"(]+){0,2}?"
_WINDOW = 160  # characters around a figure where its frames are looked for
# A frame after a figure may stand beyond the figure's conversion in brackets ("$25,000 (about 3.8 million
# yen) per unit", "5,6 millions de dollars (...) pour le développer"); a figure inside the
# brackets reaches the frame past the closing bracket.
# The same holds for a conversion between commas ("N billion yuan, or $M million, to drive adoption").
_CONVERSION_SKIP = r"(?:\s*[(\[][^()\[\]]{1,60}[)\]]|,\s*(?:or|soit|ou|about|environ)\s+[^,;()]{1,40}?\d[^,;()]{0,30},)?"


@dataclass(frozen=True)
class FrameHit:
    start: int
    end: int
    quantity: str
    frame: str
    yields: bool = False  # a purpose frame ("invested #"): a frame of another quantity after the figure decides


def _frame_words(part: str) -> str:
    """One side of a frame as regex: its words as cue words, `...` a gap of up to four words (an abbreviation in
    brackets among them: "value the ... (AI) company at #")."""
    pieces = [p.strip() for p in part.split("...")]
    return r"(?:[\s\w’'\-]|\(\w{1,12}\)){0,40}?".join(phrase_regex([p]) if p else "" for p in pieces)


def compile_frames(frames: list[str]) -> tuple[Optional[re.Pattern], Optional[re.Pattern]]:
    """The frames of one quantity and language as two regexes: those before the figure, those after it."""
    # Longest first, so that where two frames of a quantity start at one place the longer says what it
    # governs ("valorisation ... à #" over "valorisation de #" in "valorisation de Mistral à #").
    befores = sorted((f.split("#")[0] for f in frames if f.strip().endswith("#")), key=lambda f: -len(f))
    afters = sorted((f.split("#", 1)[1] for f in frames if f.strip().startswith("#")), key=lambda f: -len(f))
    before = re.compile("(" + "|".join(_frame_words(b) for b in befores) + ")" + _FRAME_GAP + r"\Z",
                        re.IGNORECASE) if befores else None
    after = re.compile(_CONVERSION_SKIP + r"[\s”»\")]*(?:[\w’'\-]{1,12}\s+)?(" + "|".join(_frame_words(a) for a in afters) + ")",
                       re.IGNORECASE) if afters else None
    return before, after


def find_frames(m: Mention, text: str, lang: str, quantities: tuple, frame_res: dict, purpose_res: dict,
                start: int = 0, end: Optional[int] = None) -> list[FrameHit]:
    """The frames that govern figure `m` in text[start:end]: a phrase ending right before it, or starting right
    after it; `frame_res` and `purpose_res` map (lang, quantity id) to the compiled (before, after) pair."""
    end = len(text) if end is None else end
    out: list[FrameHit] = []
    before_at = max(start, m.start - _WINDOW)
    after_to = min(end, m.end + _WINDOW)
    for q, res, yields in [(q, res, res is purpose_res) for q in quantities
                           for res in (frame_res, purpose_res)]:
        before, after = res.get((lang, q.id), (None, None))
        if before is not None:
            f = before.search(text, before_at, m.start)
            if f is not None:
                out.append(FrameHit(f.start(), f.start() + len(f.group(1)), q.id, f.group(1), yields))
        if after is not None:
            f = after.match(text, m.end, after_to)
            if f is not None:
                out.append(FrameHit(f.start(1), f.end(1), q.id, f.group(1), yields))
    # Of frames that overlap on one side of the figure, the one whose words reach nearest to it says
    # more ("ferait grimper la valorisation de X à #" is a valuation); of two that reach
    # as near, the longest ("round that could bring in #" is a round, not revenue brought in).
    def beats(g: FrameHit, f: FrameHit) -> bool:
        near_g, near_f = (g.end, f.end) if f.end <= m.start else (-g.start, -f.start)
        return near_g > near_f or (near_g == near_f and g.end - g.start > f.end - f.start)

    return [f for f in out if not any(g is not f and g.start < f.end and f.start < g.end and beats(g, f)
                                      for g in out)]
