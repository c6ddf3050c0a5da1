"""One figure said of several named entities (docs/annotation.md, decision 6).

"MiniMax and Moonshot charge $2 to $3", "Anthropic and OpenAI each raised", "Microsoft, Google et Amazon
auraient acquis entre 50 000 et 150 000 H100": the figure is each one's, one claim per entity on the same
span. "A, B, C and D are on track to spend more than $Xbn", "à elles quatre": a
combined figure of the group is no one's. A list is told to be each one's by a word ("each", "both",
"chacun") or by a figure that cannot be summed over its members: a rate, a percent, a ratio, a range.
"""
from __future__ import annotations

import re
from typing import Sequence

from compare.attribution.tiers import tier_of_product
from compare.attribution.words import NEVER_SUBJECTS, Attribution, words
from compare.entities import EntityHit
from compare.models import Mention
from compare.rules.model import Quantity

_ENDS = re.compile(r"[.;:!?()–—]")
_NEAR = 60  # how far from the figure a list of names may end and still be what the figure is said of
_CALENDAR = frozenset({"year", "month", "quarter", "week", "day"})
_ASIDE = re.compile(r"^\s*\([^()]{1,12}\)")
_OWNER = re.compile(r"[’']s\s*(?:\([^()]{1,12}\)\s*)?")


def _aside(text: str, o: EntityHit, hits: Sequence[EntityHit]) -> bool:
    """A name alone in brackets right after another name: its ticker or acronym ("Amazon (AMZN)"), no member."""
    return (text[o.start - 1:o.start] == "(" and text[o.end:o.end + 1] == ")"
            and any(re.fullmatch(r"(?:[’']s)?\s*\(", text[p.end:o.start]) for p in hits if p.end <= o.start))


def listed_with(text: str, h: EntityHit, hits: Sequence[EntityHit], q: Quantity, lang: str) -> list[EntityHit]:
    """The names coordinated with `h` ("Anthropic, Google, and OpenAI", "Microsoft, Google et Amazon"), `h`
    among them, in text order; [h] when it stands alone. The last two are joined by a list word."""
    w = words(lang)
    usable = [o for o in hits if o.kind not in NEVER_SUBJECTS and (o.kind != "person" or "person" in q.entity_kinds)
              and not _aside(text, o, hits)]
    if h not in usable:
        return [h]
    i = usable.index(h)
    members, joined = [h], False
    starts = {h.start: h.start}  # where each member's phrase starts: "Alphabet’s Google" starts at its owner
    for step in (-1, 1):
        j, cur = i + step, h
        while 0 <= j < len(usable):
            o = usable[j]
            a, b = (o, cur) if step < 0 else (cur, o)
            gap = _ASIDE.sub("", text[a.end:b.start])  # "Amazon (AMZN) and Alphabet": a ticker in brackets
            if step < 0 and cur is members[0] and _OWNER.fullmatch(gap):
                starts[cur.start] = o.start  # "Alphabet’s (GOOGL) Google": the owner is part of the member
                cur, j = o, j - 1
                continue
            by_word = bool(w.list_end.fullmatch(gap))
            if not (by_word or re.fullmatch(r"\s*,\s*", gap)):
                break
            joined = joined or by_word
            members.insert(0, o) if step < 0 else members.append(o)
            starts.setdefault(o.start, o.start)
            cur, j = o, j + step
            if by_word and step > 0:
                break  # the list word joins its last member
    last_gap = text[members[-2].end:starts[members[-1].start]] if len(members) > 1 else ""
    if len(members) < 2 or not joined or not w.list_end.fullmatch(_ASIDE.sub("", last_gap)):
        return [h]
    if len({o.name for o in members}) < len(members):
        return [h]
    return members


def several(text: str, m: Mention, att: Attribution, hits: Sequence[EntityHit], sent: tuple[int, int],
            q: Quantity, lang: str, figures: Sequence[Mention] = (),
            history: Sequence[Sequence[EntityHit]] = ()) -> Attribution:
    """The attribution of a figure whose entity stands in a list of names: each one's, the one of the list
    in its place ("respectively"), the first party of a deal ("between"), or no one's."""
    in_sentence = [o for o in hits if sent[0] <= o.start and o.end <= sent[1]]
    h = att.entity
    pair = next((o for o in in_sentence if m.end <= o.start <= m.end + 40), None)
    if pair is not None and (h is None or h not in in_sentence):  # no name of the clause took it
        marker = words(lang).pair_before.search(text, m.end, pair.start)
        if marker is not None and not re.search(r"[,;:.()–—]", text[m.end:pair.start]):
            members = listed_with(text, pair, in_sentence, q, lang)
            if len(members) > 1:  # "un accord de N milliards entre X et Y"
                return Attribution(members[0], "the first party of a deal between " + ", ".join(o.name for o in members))
    if h is None or h.start == h.end or not any(o == h for o in hits):
        return att
    members = listed_with(text, h, in_sentence, q, lang)
    if len(members) < 2:
        return att
    names = ", ".join(o.name for o in members)
    w = words(lang)
    respective = w.respectively.search(text, members[-1].end, sent[1])
    if respective is not None:
        # "X and Y planned to raise $A and $B, respectively"
        listed = [f for f in figures if members[-1].end <= f.start and f.end <= sent[1]]
        place = _place(text, m, listed)
        if place is not None and place < len(members):
            return Attribution(tier_of_product(members[place], hits, sent, lang, history),
                               f"{respective.group()!r}: figure {place + 1} of the list {names}")
    if w.pair_before.search(text, max(sent[0], members[0].start - 20), members[0].start):
        return Attribution(members[0], f"the first party of a deal between {names}")
    start, end = min(members[0].start, m.start), max(members[-1].end, m.end)
    tail = text[end:min(sent[1], end + 30)]
    tail = tail[:_ENDS.search(tail).start()] if _ENDS.search(tail) else tail
    span = text[start:end] + tail
    if w.group_words.search(span):
        return Attribution(None, f"a combined figure of {names} ({w.group_words.search(span).group()!r}): no one's")
    each = w.each_words.search(span)
    near = m.start - members[-1].end <= _NEAR if members[-1].end <= m.start else members[0].start - m.end <= _NEAR
    if each or near and _per_member(m, q):
        why = f"{each.group()!r}" if each else "a figure no sum of theirs"
        members = [tier_of_product(o, hits, sent, lang, history) for o in members]
        return Attribution(members[0], f"one figure of each of {names} ({why})", tuple(members[1:]))
    return Attribution(None, f"one figure of {names} together: no one's")


def _per_member(m: Mention, q: Quantity) -> bool:
    """A figure that cannot be the members' sum: a price per unit of use, a percent, a ratio, a range of
    values ("$2 to $3 per million output tokens"); a company's amount a year or a month ("clears $45 billion a
    year") can be a sum, a product's price a month cannot."""
    thing = bool(q.entity_kinds) and q.entity_kinds[0] in ("product", "model")
    return (bool(m.per) and (thing or m.per not in _CALENDAR) or m.kind in ("percent", "ratio")
            or m.qualifier == "range")


def _place(text: str, m: Mention, figures: Sequence[Mention]) -> int | None:
    """Where `m` stands among the figures of a list, a conversion in brackets taking the place of the figure
    it converts."""
    place = -1
    for f in sorted(figures, key=lambda f: f.start):
        depth = text.count("(", figures[0].start, f.start) - text.count(")", figures[0].start, f.start)
        if depth <= 0:
            place += 1
        if f.start <= m.start < f.end or m.start <= f.start < m.end:
            return max(place, 0)
    return None
