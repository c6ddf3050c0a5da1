"""Which quantity a number measures, from all the evidence its sentence (and the one before) gives.

Each kind of evidence gives points to the quantity it speaks for; the weights are the rules'
`evidence:` section (rules/quantities.yaml), so an analyst reads and tunes them:

- `pattern`: an explicit regex of the quantity matched at the number;
- `unit`: the measure, a count in a unit the quantity counts (GPU-hours is compute; each of two that count it);
- `frame`: a phrase of the quantity that governs the number ("raised #", "valued at #",
  "# to train", "a levé #"), `#` standing for the figure;
- `rate`: what the figure is per ("per month" is a subscription, "per million tokens" a price);
- `cue`, `weak_cue`: a cue word anywhere in the sentence, losing half its points every
  `half_distance` characters, and more in another clause or when a frame binds it to another figure;
- `compared`: a figure set against the one before it ("contre 3,7 milliards") measures what that one does;
- `previous_figure`: the quantity of the figure before it in the same sentence;
- `neighbour`: a cue word of the sentence before, when the figure's own sentence says less;
- `neighbour_claim`: the quantity of the last claim of the sentence before ("... $18bn of revenue this year.
  For 2027 its projections reach $55bn.");
- `entity_kind`: the kind of the nearest name, when it is the kind the quantity is said of first
  (a product's monthly amount); it only supports a quantity that has other evidence.

Among the quantities that accept the number's measure (money, percent, ratio, or a count in one
of their units) the one with most points wins; non-target quantities compete too, so "shares fell
17 %" goes to the stock move, not to a price change. Every piece of evidence is kept, so `explain`
shows which decided and which lost.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from compare.comparisons.rates import find_rate
from compare.frames import FrameHit, compile_frames, find_frames
from compare.models import Mention
from compare.phrases import phrase_regex
from compare.regexes import TimedPattern
from compare.rules.model import Evidence, Quantity, RuleSet
from compare.vocab import attribution_vocab

# A cue inside the number's own span (a period such as "par mois") counts as this many characters away.
INSIDE_DISTANCE = 6

_CLAUSE_BREAK = re.compile(r"[,;:()–—]|\s-\s")

# "spent $5.6M to train V3", "5,6 millions pour entraîner": a cue reached from the number through
# a purpose word says what the money was for, and beats a generic verb before the number.
_PURPOSE = re.compile(r"^[\s,]*(?:pour|afin\s+d[e’']|to|for|in\s+order\s+to)"
                      r"(?:\s+(?:son|sa|ses|leur|leurs|its|their|the|le|la|les|l’|l'))?\s*$", re.IGNORECASE)


# Evidence that says little of the quantity on its own: a generic cue word, the sentence before, a name's kind.
_GENERIC = ("weak_cue", "neighbour", "neighbour_claim", "entity_kind")


@dataclass(frozen=True)
class CueHit:
    start: int
    end: int
    quantity: str
    cue: str
    pattern: bool = False
    weak: bool = False


@dataclass(frozen=True)
class Point:
    """One piece of evidence: its kind, the quantity it speaks for, its points and what it is."""

    kind: str
    quantity: str
    points: float
    what: str

    def __str__(self) -> str:
        return f"{self.kind} {self.what} {self.points:.1f}"


@dataclass(frozen=True)
class Scene:
    """What the sentence around a figure says besides its cue words (built by compare.extract)."""

    others: tuple = ()  # (start, end) of the other figures of the sentence
    taken: tuple = ()  # FrameHits that bind another figure of the sentence
    previous: Optional[str] = None  # the quantity of the previous claim of the sentence
    compared: bool = False  # the figure is set against that previous claim ("contre", "compared with")
    neighbour_cues: tuple = ()  # CueHits of the sentence before
    entity_kind: Optional[str] = None  # the kind of the nearest name
    neighbour_claim: Optional[str] = None  # the quantity of the last claim of the sentence before


@dataclass(frozen=True)
class Choice:
    quantity: Quantity
    cue: Optional[CueHit]  # the winner's best cue word, if any
    how: str  # pattern | unit | frame | rate | cue | compared | previous_figure | neighbour
    points: float = 0.0
    evidence: tuple = ()  # the winner's Points, best first
    rivals: tuple = ()  # (quantity id, points, best Point) of the losers that had evidence, best first
    ruled_out: str = ""  # why the quantity with most points did not win (an amount beyond its plausible bound)

    @property
    def weak(self) -> bool:
        """Only generic evidence: a weak cue word, the sentence before, a name's kind."""
        return all(p.kind in _GENERIC for p in self.evidence)

    def describe(self) -> str:
        won = " + ".join(str(p) for p in self.evidence)
        out = f"evidence for {self.quantity.id}: {won} = {self.points:.1f}"
        if self.rivals:
            out += "; lost: " + ", ".join(f"{q} {pts:.1f} ({best})" for q, pts, best in self.rivals[:3])
        return out + (f"; ruled out: {self.ruled_out}" if self.ruled_out else "")


@dataclass(frozen=True)
class CueMatcher:
    """Compiled cue, frame and pattern regexes per language and quantity; pure and picklable."""

    quantities: tuple
    cue_res: dict  # (lang, quantity id) -> compiled
    weak_res: dict  # (lang, quantity id) -> compiled
    pattern_res: dict  # quantity id -> tuple of (lang or None, compiled)
    frame_res: dict = field(default_factory=dict)  # (lang, quantity id) -> (before, after) compiled or None
    weights: Evidence = Evidence()
    rates: tuple = ()  # the rules' exchange rates, for the quantities' plausible bounds (`at_most`)
    currency: str = "USD"  # the comparison currency the bounds are written in
    purpose_res: dict = field(default_factory=dict)  # (lang, quantity id) -> the purpose_frames, compiled

    def find(self, text: str, lang: str, start: int = 0, end: Optional[int] = None) -> list[CueHit]:
        end = len(text) if end is None else end
        hits: list[CueHit] = []
        sources = [(r.start(1), r.end(1)) for r in _reporting(lang).finditer(text, start, end)]
        for q in self.quantities:
            rx = self.cue_res.get((lang, q.id))
            if rx is not None:
                for m in rx.finditer(text, start, end):
                    if not _inside(m, sources):
                        hits.append(CueHit(m.start(), m.end(), q.id, m.group()))
            wrx = self.weak_res.get((lang, q.id))
            if wrx is not None:
                for m in wrx.finditer(text, start, end):
                    if not _inside(m, sources):
                        hits.append(CueHit(m.start(), m.end(), q.id, m.group(), weak=True))
            for plang, prx in self.pattern_res.get(q.id, ()):
                if plang in (None, lang):
                    for m in prx.finditer(text, start, end):
                        hits.append(CueHit(m.start(), m.end(), q.id, m.group(), pattern=True))
        return hits

    def frames(self, m: Mention, text: str, lang: str, start: int = 0, end: Optional[int] = None) -> list[FrameHit]:
        """The frames that govern figure `m`: a phrase ending right before it, or starting right after it."""
        return find_frames(m, text, lang, self.quantities, self.frame_res, self.purpose_res, start, end)


@lru_cache(maxsize=None)
def _reporting(lang: str) -> re.Pattern:
    """A verb naming the source after the clause it reports (", rapporte Reuters", ", reports Bloomberg"): no cue
    of what the figure is ("rapporte" also means "brings in")."""
    verbs = attribution_vocab(lang).source_verbs
    if not verbs:
        return re.compile(r"(?!x)x")
    return re.compile(r",\s*(" + phrase_regex(verbs) + r")(?=\s+(?:the\s+|le\s+|la\s+|les\s+|l’|l')?(?-i:[A-ZÀ-Ý]))",
                      re.IGNORECASE)


def _inside(m: re.Match, spans: list) -> bool:
    return any(s <= m.start() and m.end() <= e for s, e in spans)


def compile_cues(rules: RuleSet) -> CueMatcher:
    cue_res = {}
    weak_res = {}
    pattern_res = {}
    frame_res = {}
    purpose_res = {}
    for q in rules.quantities:
        for lang, words in q.cues.items():
            if words:
                cue_res[(lang, q.id)] = re.compile(phrase_regex(words), re.IGNORECASE)
        for lang, words in q.weak_cues.items():
            if words:
                weak_res[(lang, q.id)] = re.compile(phrase_regex(words), re.IGNORECASE)
        for lang, frames in q.frames.items():
            if frames:
                frame_res[(lang, q.id)] = compile_frames(frames)
        for lang, frames in q.purpose_frames.items():
            if frames:
                purpose_res[(lang, q.id)] = compile_frames(frames)
        pattern_res[q.id] = tuple((p.lang, TimedPattern(p.regex, re.IGNORECASE, where=f'quantity "{q.id}"'))
                                  for p in q.patterns)  # analyst regexes run with a time limit (compare.regexes)
    return CueMatcher(tuple(rules.quantities), cue_res, weak_res, pattern_res, frame_res, rules.evidence,
                      tuple(rules.rates), rules.settings.currency, purpose_res)


def beyond_bound(q: Quantity, m: Mention, matcher: CueMatcher, unrated: bool = False) -> Optional[str]:
    """Why an amount of money cannot plausibly be quantity `q`, or None: above its `at_most` (in the comparison
    currency at the rules' rates: "$360,000 per year" for 1,000 seats is no plan's price, "20 milliards par an" no
    price of use; the smallest amount the figure states counts) or below its `at_least` (a company's revenue of
    "$2.91" is an amount per user; the largest amount stated counts); with `unrated`, above its `unrated_at_most`
    for a figure with no rate ("$191 million" is no price of use). A currency without a rate is kept."""
    high = (None if m.per else q.unrated_at_most) if unrated else q.at_most
    low = None if unrated else q.at_least
    if (high is None and low is None) or m.kind != "money" or not m.unit:
        return None
    amounts = [abs(v) for v in (m.low, m.value, m.high) if v is not None]
    if not amounts:
        return None
    found = find_rate(m.unit, matcher.currency, matcher.rates)
    if found is None:
        return None
    label = "plausible bound with no rate" if unrated else "plausible bound"
    smallest, largest, cur = min(amounts) * found[0], max(amounts) * found[0], matcher.currency
    if high is not None and smallest > high:
        return f"{smallest:,.0f} {cur} is above the {label} of {q.id} ({high:,.0f} {cur})"
    if low is not None and largest < low:
        return f"{largest:,.2f} {cur} is below the smallest plausible amount of {q.id} ({low:,.0f} {cur})"
    return None


def own_noun(m: Mention, cues: list[CueHit], matcher: CueMatcher, text: str) -> bool:
    """Whether a cue word of a non-target count ("tonnes", "users") follows a bare figure right away: it
    counts that, and borrows no unit from the figure before ("291,42 tonnes" after "1 720 320 heures GPU")."""
    counted = {q.id for q in matcher.quantities if not q.target and "count" in q.measures}
    return any(h.quantity in counted and h.start >= m.end and not text[m.end:h.start].strip() for h in cues)


def accepts(q: Quantity, m: Mention) -> bool:
    """Whether quantity `q` can measure mention `m` (its kind, and its unit for counts)."""
    if m.kind == "count":
        return "count" in q.measures and m.unit in q.units
    if m.kind == "money" and m.direction in ("up", "down") and "money_change" in q.measures:
        return True  # "a price increase of five dollars a month": the amount of a change
    return m.kind in q.measures


@lru_cache(maxsize=None)
def _temporal(lang: str) -> re.Pattern:
    return re.compile(phrase_regex(attribution_vocab(lang).temporal_markers), re.IGNORECASE)


def distance(hit: CueHit, m: Mention, text: str = "", lang: Optional[str] = None) -> tuple[int, bool]:
    """How far a cue stands from the number, in characters, and whether it stands in another clause
    (across a comma, a dash, a parenthesis, or a time phrase after the number)."""
    if hit.end <= m.start:
        d, between = m.start - hit.end, text[hit.end:m.start]
    elif hit.start >= m.end:
        between = text[m.end:hit.start]
        d = 0 if text and _PURPOSE.match(between) else hit.start - m.end
    else:
        d, between = INSIDE_DISTANCE, ""
    other_clause = bool(_CLAUSE_BREAK.search(between) or (lang and hit.start >= m.end and _temporal(lang).search(between)))
    return d, other_clause


@lru_cache(maxsize=None)
def _versus(lang: str) -> re.Pattern:
    return re.compile(r"(?:" + phrase_regex(attribution_vocab(lang).versus_markers) + r")|^\W*(?:to|à|au|jusqu’à|jusqu'à)\W*$",
                      re.IGNORECASE)


def compares_figures(gap: str, lang: Optional[str]) -> bool:
    """Whether the words between two figures set the second against the first ("..., contre 3,7 milliards",
    "up from $2bn", "from $20 to $22")."""
    return bool(lang) and bool(_versus(lang).search(gap))


# "US$558 million ($705.31 million)", "5,6 millions de dollars (5 millions de francs)", "3 billion yuan, or
# $431 million": the same amount in another currency, so the same quantity.
_CONVERTS = re.compile(r"\s*[(\[]\s*[≈~]?\s*|,\s*(?:or|soit|ou)\s+(?:about|around|some|environ|près\s+de)?\s*"
                       r"|,\s*(?:which|ce\s+qui)\s+(?:in\s+\w+\s+|en\s+\w+\s+)?(?:would\s+be|is|equals|ferait|fait|représente)"
                       r"\s+(?:about|around|some|roughly|environ|près\s+de)?\s*")


def converts(gap: str) -> bool:
    """Whether the figure after `gap` is the previous figure's conversion in brackets."""
    return bool(_CONVERTS.fullmatch(gap))


def _beyond(hit, m: Mention, spans) -> bool:
    """Whether another figure stands between the cue and the number, or the cue is bound to another figure."""
    lo, hi = (hit.end, m.start) if hit.end <= m.start else (m.end, hit.start)
    return any(lo <= s and e <= hi for s, e in spans)


def choose_quantity(m: Mention, cues: list[CueHit], matcher: CueMatcher, text: str = "",
                    lang: Optional[str] = None, scene: Optional[Scene] = None,
                    frames: Optional[list[FrameHit]] = None) -> Optional[Choice]:
    """The quantity with most evidence for `m`, among those that accept it; None if none has any."""
    candidates = [q for q in matcher.quantities if accepts(q, m)]
    if not candidates:
        return None
    w = matcher.weights
    scene = scene or Scene()
    order = {q.id: i for i, q in enumerate(matcher.quantities)}
    by_id = {q.id: q for q in candidates}
    best: dict[tuple[str, str], Point] = {}  # (quantity, kind) -> the best point of that kind
    best_cue: dict[str, tuple[float, CueHit]] = {}

    def add(p: Point) -> None:
        if p.quantity in by_id and (best.get((p.quantity, p.kind)) is None or p.points > best[(p.quantity, p.kind)].points):
            best[(p.quantity, p.kind)] = p

    taken = [(f.start, f.end) for f in scene.taken]
    for h in cues:
        if h.quantity not in by_id or any(s <= h.start and h.end <= e for s, e in scene.others):
            continue  # a cue inside another figure ("2 dollars par heure") is that figure's own
        d, other_clause = distance(h, m, text, lang)
        if h.pattern:
            if d <= INSIDE_DISTANCE:
                add(Point("pattern", h.quantity, w.pattern, repr(h.cue)))
            continue
        pts = (w.weak_cue if h.weak else w.cue) * 0.5 ** (d / w.half_distance)
        if other_clause:
            pts *= w.other_clause
        if _beyond(h, m, scene.others) or any(s <= h.start and h.end <= e for s, e in taken):
            pts *= w.other_figure
        p = Point("weak_cue" if h.weak else "cue", h.quantity, pts, repr(h.cue))
        add(p)
        if pts > best_cue.get(h.quantity, (-1.0, None))[0]:
            best_cue[h.quantity] = (pts, h)
    # "invested $500M to train", "investi 5 millions USD dans son développement": an investing verb says where the
    # money goes, a frame of another quantity after the figure says what it is for, and decides.
    frames = list(frames or ())
    purposes = [f for f in frames if f.start >= m.end and not f.yields]
    for f in frames:
        purpose = [p for p in purposes if p.quantity != f.quantity]
        if f.yields and purpose:
            continue
        if not f.yields and f in purposes and any(g.yields and g.quantity != f.quantity for g in frames):
            add(Point("purpose", f.quantity, w.purpose, repr(f.frame)))
        elif f.start >= m.end and any(g.end <= m.start and not g.yields and g.quantity != f.quantity for g in frames):
            # "raised $600M to train": the funding verb before the figure governs it; what for is only a hint
            add(Point("frame", f.quantity, w.frame * w.governed, repr(f.frame)))
        else:
            add(Point("frame", f.quantity, w.frame, repr(f.frame)))
    if m.kind == "count":
        for q in candidates:  # accepts() kept those that count the unit
            add(Point("unit", q.id, w.unit, m.unit or ""))
    if m.per:
        for q in candidates:  # "$45 billion a year" is no plan's yearly price: a rate speaks only for an amount it can be
            if m.per in q.rates and beyond_bound(q, m, matcher) is None:
                add(Point("rate", q.id, w.rate, f"per {m.per}"))
    if scene.previous is not None:
        if scene.compared:
            add(Point("compared", scene.previous, w.compared, "set against the figure before"))
        else:
            add(Point("previous_figure", scene.previous, w.previous_figure, "the figure before in the sentence"))
    if scene.neighbour_claim is not None:
        add(Point("neighbour_claim", scene.neighbour_claim, w.neighbour_claim, "the last claim of the sentence before"))
    for h in scene.neighbour_cues:
        if not h.pattern:
            add(Point("neighbour", h.quantity, w.neighbour * (0.5 if h.weak else 1.0), repr(h.cue)))
    totals: dict[str, float] = defaultdict(float)
    for (qid, _), p in best.items():
        totals[qid] += p.points
    if scene.entity_kind:
        for qid in list(totals):
            kinds = by_id[qid].entity_kinds
            if kinds and kinds[0] == scene.entity_kind:
                best[(qid, "entity_kind")] = Point("entity_kind", qid, w.entity_kind, f"a {scene.entity_kind} is named")
                totals[qid] += w.entity_kind
    ranked = sorted((qid for qid in totals if totals[qid] >= w.minimum), key=lambda q: (-totals[q], order[q]))
    if not ranked:
        return None
    ruled_out = ""
    if beyond_bound(by_id[ranked[0]], m, matcher) is not None:
        # An amount the best quantity cannot plausibly be goes to a runner-up as well supported short of the name's
        # kind (the tie-breaker): a product's "$13 billion" with "offre" and "revenue" near it is revenue.
        near = [q for q in ranked[1:] if round(totals[ranked[0]] - totals[q], 6) <= w.entity_kind
                and beyond_bound(by_id[q], m, matcher) is None]
        if near:
            ruled_out = f"{ranked[0]}: {beyond_bound(by_id[ranked[0]], m, matcher)}"
            ranked = [near[0]] + [q for q in ranked if q != near[0]]
    elif (scene.entity_kind and by_id[ranked[0]].entity_kinds[:1] == [scene.entity_kind]
          and all(p.kind in _GENERIC for (q, _), p in best.items() if q == ranked[0])):
        # "Gemini Ultra costs $191 million": a generic cost word, no rate, an amount no price of use reaches, said of
        # the kind the price is said of first (a model): the other quantity that kind is said of first (its
        # training cost), on the kind alone. A chip's price (a product) or a company's is left as it is.
        unrated = beyond_bound(by_id[ranked[0]], m, matcher, unrated=True)
        kind = [q.id for q in candidates if unrated and q.target and q.id != ranked[0] and q.entity_kinds
                and q.entity_kinds[0] == scene.entity_kind and beyond_bound(q, m, matcher) is None]
        if kind:
            if (kind[0], "entity_kind") not in best:
                best[(kind[0], "entity_kind")] = Point("entity_kind", kind[0], w.entity_kind, f"a {scene.entity_kind} is named")
                totals[kind[0]] += w.entity_kind
            ruled_out = f"{ranked[0]}: {unrated}"
            ranked = [kind[0]] + [q for q in ranked if q != kind[0]]

    def points_of(qid: str) -> tuple:
        return tuple(sorted((p for (q, _), p in best.items() if q == qid), key=lambda p: -p.points))

    win = ranked[0]
    evidence = points_of(win)
    cue = best_cue.get(win, (0.0, None))[1]
    rivals = tuple((q, totals[q], points_of(q)[0]) for q in ranked[1:])
    return Choice(by_id[win], cue, evidence[0].kind, totals[win], evidence, rivals, ruled_out)
