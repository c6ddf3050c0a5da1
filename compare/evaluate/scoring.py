"""Scoring: gold and predicted claims paired one to one per text, counted at value and claim level.

Scoring is pure: `score(gold, predicted, rules)` takes claims already extracted, so the matching
can be tested with hand-made claims and the report is the same on every run. Besides the
precision, recall and F1 of each level, every unmatched claim is classed by what went wrong
(missed, extra, or which field differs), per language and per quantity.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Mapping, Optional, Sequence

from pydantic import computed_field

from compare.evaluate.gold import GoldClaim, GoldSentence
from compare.phrases import name_key as phrase_name_key, name_words
from compare.models import Claim, Frozen
from compare.rules import RuleSet

RATIO_FALLBACK = {"compute": "compute_ratio", "price": "price_ratio", "subscription_price": "price_ratio",
                  "training_cost": "cost_ratio"}
REL_TOL = 1e-6
VALUE_FIELDS = ("value", "unit", "qualifier")
CLAIM_FIELDS = VALUE_FIELDS + ("quantity", "entity")
ERRORS = ("missed", "extra") + CLAIM_FIELDS


# ---------------------------------------------------------------- normalised sides

class Side(Frozen):
    """A gold or predicted claim reduced to the fields that are scored, in gold vocabulary."""

    quantity: str
    entity: Optional[str] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: str = "="
    per: Optional[str] = None
    versus: Optional[str] = None
    direction: Optional[str] = None
    text: str = ""
    start: Optional[int] = None
    end: Optional[int] = None

    def overlaps(self, other: "Side") -> bool:
        if None in (self.start, self.end, other.start, other.end):
            return False
        return self.start < other.end and other.start < self.end


def gold_side(c: GoldClaim, text: str = "") -> Side:
    """The gold claim in scored terms; a span without offsets is placed at its first occurrence in `text`."""
    start, end = c.start, c.end
    if start is None and c.text and c.text in text:
        start = text.index(c.text)
        end = start + len(c.text)
    return Side(quantity=c.quantity, entity=c.subject, value=c.value, low=c.low, high=c.high, unit=c.unit,
                qualifier=c.qualifier, per=c.per, versus=c.versus.entity if c.versus else None,
                direction=c.versus.direction if c.versus else c.direction, text=c.text, start=start, end=end)


def predicted_side(c: Claim, rules: RuleSet) -> Side:
    """Our claim in gold terms: unit "x" is a ratio, reported under the quantity's ratio id."""
    unit, quantity = c.unit, c.quantity
    if unit == "x" or (c.kind == "ratio" and unit in (None, "ratio")):
        unit = "ratio"
        if not quantity.endswith("_ratio"):
            rq = rules.quantity(quantity)
            quantity = (rq.ratio_id if rq is not None and rq.ratio_id else None) or RATIO_FALLBACK.get(quantity, quantity)
    return Side(quantity=quantity, entity=c.entity, value=c.value, low=c.low, high=c.high, unit=unit,
                qualifier=c.qualifier, per=c.per, versus=c.versus, direction=c.direction, text=c.text,
                start=c.start, end=c.end)


# ---------------------------------------------------------------- entity names

def name_key(name: str) -> str:
    """A name compared ignoring case, accents, spaces, hyphens and underscores."""
    return phrase_name_key(name, accents=False)


_words = name_words


@dataclass(frozen=True)
class Names:
    """Every name, alias and pattern of the rules' entities, to tell whether two names mean one entity."""

    keys: dict = field(default_factory=dict)  # name_key -> canonical names
    patterns: tuple = ()  # (compiled regex, canonical name)
    families: tuple = ()  # compiled regexes of model families
    companies: frozenset = frozenset()  # canonical names of entities of kind company
    canonical: frozenset = frozenset()  # every canonical name

    def resolve(self, name: str) -> frozenset[str]:
        """Canonical names `name` can stand for (a family member stands for itself); empty when unknown."""
        found = set(self.keys.get(name_key(name), ()))
        found.update(canon for rx, canon in self.patterns if rx.fullmatch(name.strip()))
        if not found and any(rx.fullmatch(name.strip()) for rx in self.families):
            found.add(name_key(name))
        return frozenset(found)


def build_names(rules: RuleSet) -> Names:
    keys: dict[str, set[str]] = {}
    patterns = []
    for e in rules.entities:
        for n in (e.name, *e.aliases):
            keys.setdefault(name_key(n), set()).add(e.name)
        for p in e.patterns:
            rx = _compile(p)
            if rx is not None:
                patterns.append((rx, e.name))
    families = tuple(rx for rx in (_compile(f.pattern) for f in rules.families) if rx is not None)
    companies = frozenset(e.name for e in rules.entities if e.kind == "company")
    return Names({k: frozenset(v) for k, v in keys.items()}, tuple(patterns), families, companies,
                 frozenset(e.name for e in rules.entities))


def _compile(pattern: str) -> Optional[re.Pattern]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error:
        return None


def same_entity(gold: Optional[str], predicted: Optional[str], names: Names) -> bool:
    """Gold subject (as written) and predicted entity (canonical) name one entity.

    Equal names match; so do two names of one rules entity; so does a name written inside the
    other as whole words ("V3" in "DeepSeek-V3", "Poolside" in "Poolside AI"), unless the rules
    know both as different entities ("Llama 3.1" is not "Llama 3.1 405B") or the shorter one is a
    company, whose name inside a longer one names its product ("OpenAI" is not "OpenAI o1").
    """
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if name_key(gold) == name_key(predicted):
        return True
    g, p = names.resolve(gold), names.resolve(predicted) | ({predicted} & names.canonical)
    if g & p:
        return True
    gw, pw = _words(gold), _words(predicted)
    short, long_ = (gw, pw) if len(gw) <= len(pw) else (pw, gw)
    if not short or not any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
        return False
    if g and p:
        return False
    return not (names.resolve(" ".join(short)) & names.companies)


# ---------------------------------------------------------------- comparing two claims

def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0)


def _point(s: Side) -> Optional[float]:
    if s.value is not None:
        return s.value
    return s.low if s.qualifier in (">", ">=") else s.high if s.qualifier in ("<", "<=") else None


def _unit(u: Optional[str]) -> Optional[str]:
    if u is None:
        return None
    u = u.strip()
    return "percent" if u in ("%", "percent") else u.casefold()


def differences(gold: Side, pred: Side, names: Names) -> list[str]:
    """Scored fields that differ between a gold and a predicted claim, in CLAIM_FIELDS order."""
    out = []
    if (gold.qualifier == "range") != (pred.qualifier == "range"):
        out.append("value")
    elif gold.qualifier == "range":
        if not (_close(gold.low, pred.low) and _close(gold.high, pred.high)):
            out.append("value")
    elif not _close(_point(gold), _point(pred)):
        out.append("value")
    if _unit(gold.unit) != _unit(pred.unit):
        out.append("unit")
    if gold.qualifier != pred.qualifier:
        out.append("qualifier")
    if gold.quantity != pred.quantity:
        out.append("quantity")
    if not same_entity(gold.entity, pred.entity, names):
        out.append("entity")
    return out


def max_matching(n_gold: int, n_pred: int, ok) -> dict[int, int]:
    """Maximum one-to-one matching {gold index: predicted index} where ok(i, j); deterministic."""
    adj = [[j for j in range(n_pred) if ok(i, j)] for i in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_gold):
        augment(i, set())
    return {i: j for j, i in sorted(owner.items())}


# ---------------------------------------------------------------- scores

class Counts(Frozen):
    """True positives, false positives and false negatives, with the rates they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @computed_field
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @computed_field
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Levels(Frozen):
    """Counts at value level (value, unit, qualifier) and claim level (also quantity and entity)."""

    value: Counts = Counts()
    claim: Counts = Counts()


class Issue(Frozen):
    """A gold claim not matched at claim level (a miss) or a predicted claim not matched (a false positive)."""

    sentence_id: str
    lang: Optional[str] = None
    claim: Side
    nearest: Optional[Side] = None
    differs: tuple[str, ...] = ()
    value_match: bool = False


class Scores(Frozen):
    """Everything `score` measures; `misses` and `false_positives` are in gold file order."""

    sentences: int
    gold_claims: int
    predicted_claims: int
    overall: Levels
    by_lang: dict[str, Levels]
    by_quantity: dict[str, Levels]
    per_agrees: int = 0
    per_compared: int = 0
    versus_agrees: int = 0
    versus_compared: int = 0
    errors: dict[str, dict[str, int]] = {}  # row ("all", "lang en", a quantity) -> error kind -> count
    non_target_extras: dict[str, int] = {}  # kind of the gold number a false positive was read from
    misses: tuple[Issue, ...] = ()
    false_positives: tuple[Issue, ...] = ()


@dataclass
class _Tally:
    tp_v: int = 0
    fp_v: int = 0
    fn_v: int = 0
    tp_c: int = 0
    fp_c: int = 0
    fn_c: int = 0

    def levels(self) -> Levels:
        return Levels(value=Counts(tp=self.tp_v, fp=self.fp_v, fn=self.fn_v),
                      claim=Counts(tp=self.tp_c, fp=self.fp_c, fn=self.fn_c))


def score(gold: Sequence[GoldSentence], predicted: Mapping[str, Sequence[Claim]], rules: RuleSet) -> Scores:
    """Match each sentence's predicted claims to its gold claims, one to one, and count.

    Claim level is matched first (maximum matching on every scored field); the claims left over
    on both sides are then matched at value level. A sentence missing from `predicted` predicted nothing.
    """
    names = build_names(rules)
    total, langs, quantities = _Tally(), {}, {}
    misses: list[Issue] = []
    extras: list[Issue] = []
    per = [0, 0]
    versus = [0, 0]
    n_pred = 0
    errors: dict[str, dict[str, int]] = {}
    non_target: dict[str, int] = {}
    for s in gold:
        explained: set[int] = set()
        golds = [gold_side(c, s.sentence) for c in s.claims]
        preds = [predicted_side(c, rules) for c in predicted.get(s.id, ())]
        n_pred += len(preds)
        diffs = [[differences(g, p, names) for p in preds] for g in golds]
        claim_pairs = max_matching(len(golds), len(preds), lambda i, j: not diffs[i][j])
        free_g = [i for i in range(len(golds)) if i not in claim_pairs]
        used = set(claim_pairs.values())
        free_p = [j for j in range(len(preds)) if j not in used]
        sub = max_matching(len(free_g), len(free_p),
                           lambda a, b: not any(f in VALUE_FIELDS for f in diffs[free_g[a]][free_p[b]]))
        value_pairs = {free_g[a]: free_p[b] for a, b in sub.items()}
        value_of_pred = {j: i for i, j in value_pairs.items()}
        lang_tally = langs.setdefault(s.lang or "?", _Tally())

        for i, g in enumerate(golds):
            tallies = (total, lang_tally, quantities.setdefault(g.quantity, _Tally()))
            if i in claim_pairs:
                p = preds[claim_pairs[i]]
                if g.per is not None or p.per is not None:
                    per[1] += 1
                    per[0] += g.per == p.per
                if g.versus is not None or p.versus is not None:
                    versus[1] += 1
                    versus[0] += (same_entity(g.versus, p.versus, names) and g.direction == p.direction)
            for t in tallies:
                if i in claim_pairs:
                    t.tp_c += 1
                    t.tp_v += 1
                else:
                    t.fn_c += 1
                    if i in value_pairs:
                        t.tp_v += 1
                    else:
                        t.fn_v += 1
            if i not in claim_pairs:
                misses.append(_issue(s, g, i, preds, diffs, value_pairs.get(i)))
                partner = value_pairs.get(i)
                if partner is None:
                    partner = next((j for j in free_p if j not in value_of_pred and j not in explained
                                    and g.overlaps(preds[j])), None)
                    if partner is not None:
                        explained.add(partner)
                kinds = ["missed"] if partner is None else (diffs[i][partner] or ["missed"])
                for row in ("all", f"lang {s.lang or '?'}", g.quantity):
                    bucket = errors.setdefault(row, {})
                    for k in kinds:
                        bucket[k] = bucket.get(k, 0) + 1
        by_pred = [list(r) for r in zip(*diffs)] if golds else []
        for j, p in enumerate(preds):
            if j in used:
                continue
            for t in (total, lang_tally, quantities.setdefault(p.quantity, _Tally())):
                t.fp_c += 1
                if j not in value_of_pred:
                    t.fp_v += 1
            extras.append(_issue(s, p, j, golds, by_pred, value_of_pred.get(j)))
            if j in value_of_pred or j in explained:
                continue
            for row in ("all", f"lang {s.lang or '?'}", p.quantity):
                bucket = errors.setdefault(row, {})
                bucket["extra"] = bucket.get("extra", 0) + 1
            number = next((n for n in s.numbers if p.overlaps(Side(quantity="", start=n.start, end=n.end))), None)
            if number is not None:
                non_target[number.kind] = non_target.get(number.kind, 0) + 1
    return Scores(
        sentences=len(gold), gold_claims=sum(len(s.claims) for s in gold), predicted_claims=n_pred,
        overall=total.levels(), by_lang={k: v.levels() for k, v in sorted(langs.items())},
        by_quantity={k: v.levels() for k, v in sorted(quantities.items())},
        per_agrees=per[0], per_compared=per[1], versus_agrees=versus[0], versus_compared=versus[1],
        errors={k: dict(sorted(v.items())) for k, v in sorted(errors.items())},
        non_target_extras=dict(sorted(non_target.items())),
        misses=tuple(misses), false_positives=tuple(extras))


def _issue(s: GoldSentence, side: Side, index: int, others: list[Side], diffs: list[list[str]],
           value_partner: Optional[int]) -> Issue:
    """The unmatched claim with its nearest candidate on the other side: its value partner, else fewest differences."""
    row = diffs[index] if diffs else []
    if value_partner is not None:
        best = value_partner
    elif row:
        best = min(range(len(row)), key=lambda k: (len(row[k]), k))
    else:
        best = None
    return Issue(sentence_id=s.id, lang=s.lang, claim=side,
                 nearest=others[best] if best is not None else None,
                 differs=tuple(row[best]) if best is not None else (), value_match=value_partner is not None)

