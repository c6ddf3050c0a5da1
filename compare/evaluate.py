"""Score the extractor against gold sentences: precision, recall and F1 at value and claim level.

The gold format (one sentence a line, see docs/evaluation.md) is fixed by the project's issue and
shared with a hidden test set, so `load_gold` checks it strictly and reports every bad line at once.
Scoring is pure: `score(gold, predicted, rules)` takes claims already extracted, so the matching can
be tested with hand-made claims and the report is the same on every run.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Mapping, Optional, Sequence, Union

from pydantic import BaseModel, ConfigDict, ValidationError, computed_field

from compare.errors import Problem, UserError
from compare.models import Claim, Qualifier
from compare.rules import RuleSet, load_rules

GoldQuantity = Literal[
    "training_cost", "compute", "gpu_count", "price", "subscription_price", "investment", "price_change",
    "revenue", "valuation", "compute_ratio", "price_ratio", "cost_ratio"]
COUNT_UNITS = ("percent", "GPU-hours", "GPUs", "FLOPs", "ratio")
RATIO_FALLBACK = {"compute": "compute_ratio", "price": "price_ratio", "subscription_price": "price_ratio",
                  "training_cost": "cost_ratio"}
REL_TOL = 1e-6
VALUE_FIELDS = ("value", "unit", "qualifier")
CLAIM_FIELDS = VALUE_FIELDS + ("quantity", "entity")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Versus(_Strict):
    """The other side of a stated ratio, and whether the subject has less or more of the quantity."""

    entity: str
    direction: Literal["less", "more"]


class GoldClaim(_Strict):
    """One expected claim; `text` is the exact span of the quantity in the sentence."""

    subject: Optional[str] = None
    quantity: GoldQuantity
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: str
    qualifier: Qualifier = "="
    per: Optional[str] = None  # free text ("month", "1M input tokens", "user"...): it does not decide a match
    versus: Optional[Versus] = None
    text: str


class GoldSentence(_Strict):
    """One gold line: a sentence (or two, when the second needs the first) and every claim it holds."""

    id: str
    lang: Optional[str] = None
    sentence: str
    claims: tuple[GoldClaim, ...] = ()


# ---------------------------------------------------------------- loading

def load_gold(path: Union[str, Path]) -> list[GoldSentence]:
    """Read a gold JSONL file; raises UserError listing every bad line with what is wrong."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UserError(Problem("gold file not found", str(path)))
    except UnicodeDecodeError as e:
        raise UserError(Problem(f"not UTF-8 text (byte {e.start}): save the file as UTF-8", str(path)))
    except OSError as e:
        raise UserError(Problem(f"cannot read the gold file: {e.strerror}", str(path)))
    problems: list[Problem] = []
    sentences: list[GoldSentence] = []
    first_line: dict[str, int] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(Problem(f"not valid JSON: {e.msg}", str(path), n, e.colno))
            continue
        if not isinstance(data, dict):
            problems.append(Problem("a gold line must be a JSON object", str(path), n))
            continue
        try:
            sentence = GoldSentence.model_validate(data)
        except ValidationError as e:
            problems.extend(Problem(_validation_message(err, data), str(path), n) for err in e.errors())
            continue
        messages = check_sentence(sentence)
        if sentence.id in first_line:
            messages.insert(0, f'id "{sentence.id}" is already used on line {first_line[sentence.id]}')
        else:
            first_line[sentence.id] = n
        problems.extend(Problem(m, str(path), n) for m in messages)
        sentences.append(sentence)
    if problems:
        raise UserError(problems)
    if not sentences:
        raise UserError(Problem("the gold file holds no sentence", str(path)))
    return sentences


def _validation_message(err: Mapping, data: dict) -> str:
    loc = list(err.get("loc", ()))
    where = []
    if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
        claims = data.get("claims")
        text = claims[loc[1]].get("text") if isinstance(claims, list) and isinstance(claims[loc[1]], dict) else None
        where.append(f"claim {loc[1] + 1}" + (f" ({json.dumps(text, ensure_ascii=False)})" if isinstance(text, str) else ""))
        loc = loc[2:]
    if loc:
        where.append("field " + ".".join(str(x) for x in loc))
    kind = err.get("type", "")
    if kind == "extra_forbidden":
        what = "unknown field (check its spelling)"
    elif kind == "missing":
        what = "required field is missing"
    else:
        what = err.get("msg", "invalid")
        if kind == "literal_error":
            what = f"{what}, got {json.dumps(err.get('input'), ensure_ascii=False)}"
    return (", ".join(where) + ": " if where else "") + what


def check_sentence(s: GoldSentence) -> list[str]:
    """What is inconsistent in one gold sentence (spans, units, qualifier and bounds), as messages."""
    out: list[str] = []
    if not s.id.strip():
        out.append("id is empty")
    if not s.sentence.strip():
        out.append("sentence is empty")
    for i, c in enumerate(s.claims, 1):
        head = f"claim {i} ({json.dumps(c.text, ensure_ascii=False)})"
        if not c.text or c.text not in s.sentence:
            out.append(f"{head}: text is not a span of the sentence (copy it exactly, with its spaces and apostrophes)")
        if not (re.fullmatch(r"[A-Z]{3}", c.unit) or c.unit in COUNT_UNITS):
            out.append(f"{head}: unit {json.dumps(c.unit)} is neither an ISO 4217 code nor one of {', '.join(COUNT_UNITS)}")
        is_ratio = c.quantity.endswith("_ratio")
        if is_ratio != (c.unit == "ratio"):
            out.append(f"{head}: ratio quantities ({c.quantity if is_ratio else 'compute_ratio, ...'}) "
                       f"and unit \"ratio\" go together")
        if c.versus is not None and not is_ratio:
            out.append(f"{head}: versus is only for ratio quantities")
        if c.subject is not None and not c.subject.strip():
            out.append(f"{head}: subject is empty: write null when the sentence names no one")
        out.extend(f"{head}: {m}" for m in _bound_problems(c))
    return out


def _bound_problems(c: GoldClaim) -> list[str]:
    q = c.qualifier
    if q == "range":
        if c.value is not None or c.low is None or c.high is None:
            return ["a range has value null and both low and high"]
        if c.low > c.high:
            return [f"low {_num(c.low)} is above high {_num(c.high)}"]
    elif q in (">", ">="):
        if c.value is None or c.low is None or c.high is not None or not _close(c.value, c.low):
            return [f'qualifier "{q}" needs value and low equal to the bound, and high null']
    elif q in ("<", "<="):
        if c.value is None or c.high is None or c.low is not None or not _close(c.value, c.high):
            return [f'qualifier "{q}" needs value and high equal to the bound, and low null']
    elif c.value is None or c.low is not None or c.high is not None:
        return [f'qualifier "{q}" needs a value and no low or high']
    return []


# ---------------------------------------------------------------- normalised sides

class Side(_Strict):
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


def gold_side(c: GoldClaim) -> Side:
    return Side(quantity=c.quantity, entity=c.subject, value=c.value, low=c.low, high=c.high, unit=c.unit,
                qualifier=c.qualifier, per=c.per, versus=c.versus.entity if c.versus else None,
                direction=c.versus.direction if c.versus else None, text=c.text)


def predicted_side(c: Claim, rules: RuleSet) -> Side:
    """Our claim in gold terms: unit "x" is a ratio, reported under the quantity's ratio id."""
    unit, quantity = c.unit, c.quantity
    if unit == "x" or (c.kind == "ratio" and unit in (None, "ratio")):
        unit = "ratio"
        if not quantity.endswith("_ratio"):
            rq = rules.quantity(quantity)
            quantity = (rq.ratio_id if rq is not None and rq.ratio_id else None) or RATIO_FALLBACK.get(quantity, quantity)
    return Side(quantity=quantity, entity=c.entity, value=c.value, low=c.low, high=c.high, unit=unit,
                qualifier=c.qualifier, per=c.per, versus=c.versus, direction=c.direction, text=c.text)


# ---------------------------------------------------------------- entity names

def name_key(name: str) -> str:
    """A name compared ignoring case, accents, spaces, hyphens and underscores."""
    return re.sub(r"[\s\-‐‑‒–—_]+", "", _fold(name))


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐‑‒–—_]+", _fold(name)) if w]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().replace("’", "'")


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

class Counts(_Strict):
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


class Levels(_Strict):
    """Counts at value level (value, unit, qualifier) and claim level (also quantity and entity)."""

    value: Counts = Counts()
    claim: Counts = Counts()


class Issue(_Strict):
    """A gold claim not matched at claim level (a miss) or a predicted claim not matched (a false positive)."""

    sentence_id: str
    lang: Optional[str] = None
    claim: Side
    nearest: Optional[Side] = None
    differs: tuple[str, ...] = ()
    value_match: bool = False


class Scores(_Strict):
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
    for s in gold:
        golds = [gold_side(c) for c in s.claims]
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
        by_pred = [list(r) for r in zip(*diffs)] if golds else []
        for j, p in enumerate(preds):
            if j in used:
                continue
            for t in (total, lang_tally, quantities.setdefault(p.quantity, _Tally())):
                t.fp_c += 1
                if j not in value_of_pred:
                    t.fp_v += 1
            extras.append(_issue(s, p, j, golds, by_pred, value_of_pred.get(j)))
    return Scores(
        sentences=len(gold), gold_claims=sum(len(s.claims) for s in gold), predicted_claims=n_pred,
        overall=total.levels(), by_lang={k: v.levels() for k, v in sorted(langs.items())},
        by_quantity={k: v.levels() for k, v in sorted(quantities.items())},
        per_agrees=per[0], per_compared=per[1], versus_agrees=versus[0], versus_compared=versus[1],
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


# ---------------------------------------------------------------- running and reporting

def predict(gold: Sequence[GoldSentence], rules: RuleSet) -> dict[str, list[Claim]]:
    """Run the extractor on every gold sentence without telling it the language."""
    from compare.extract import compile_engine, extract_text

    engine = compile_engine(rules)
    return {s.id: extract_text(s.sentence, rules, None, engine=engine) for s in gold}


def evaluate_file(gold_path: Union[str, Path], rules_paths: Sequence[Union[str, Path]], show: int = 20) -> str:
    """Load gold and rules, extract every sentence, score, and return the report the CLI prints."""
    gold = load_gold(gold_path)
    rules = load_rules(list(rules_paths))
    return format_report(score(gold, predict(gold, rules), rules), show=show, source=str(gold_path))


def _num(v: Optional[float]) -> str:
    if v is None:
        return "null"
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e16 else format(v, ".10g")


def describe(s: Side) -> str:
    """One claim on one line: quantity, entity, figure, unit, period, other side and the text."""
    if s.qualifier == "range":
        figure = f"{_num(s.low)}..{_num(s.high)}"
    else:
        figure = f"{'' if s.qualifier == '=' else s.qualifier + ' '}{_num(_point(s))}"
    parts = [s.quantity, s.entity or "(no entity)", figure, s.unit or "(no unit)"]
    if s.per:
        parts.append(f"per {s.per}")
    if s.versus or s.direction in ("less", "more"):
        parts.append(f"{s.direction or '?'} than {s.versus or '?'}")
    elif s.direction:
        parts.append(s.direction)
    return " | ".join(parts) + f" | {json.dumps(s.text, ensure_ascii=False)}"


def _why(issue: Issue, other: str) -> str:
    if issue.nearest is None:
        return f"no {other} claim in this sentence"
    shown = []
    for f in issue.differs:
        a, b = (issue.claim, issue.nearest) if other == "predicted" else (issue.nearest, issue.claim)
        if f == "value":
            shown.append("value ({} vs {})".format(*(
                f"{_num(x.low)}..{_num(x.high)}" if x.qualifier == "range" else _num(_point(x)) for x in (a, b))))
        else:
            shown.append(f"{f} ({getattr(a, f)} vs {getattr(b, f)})")
    head = "matched at value level only; " if issue.value_match else ""
    return f"{head}nearest {other} differs in " + ", ".join(shown) + " [expected vs predicted]"


def format_report(scores: Scores, show: int = 20, source: str = "") -> str:
    """The evaluation report: score tables, then the first `show` misses and false positives."""
    lines = [f"evaluation of {source or 'gold'}: {scores.sentences} sentences, {scores.gold_claims} gold claims, "
             f"{scores.predicted_claims} predicted", ""]
    head = f"{'':22}{'value level':>24}   {'claim level':>24}"
    cols = f"{'':22}{'P':>8}{'R':>8}{'F1':>8}   {'P':>8}{'R':>8}{'F1':>8}   {'gold':>5}{'pred':>5}"
    lines += [head, cols]

    def row(label: str, lv: Levels) -> str:
        v, c = lv.value, lv.claim
        return (f"{label:22}{v.precision:8.3f}{v.recall:8.3f}{v.f1:8.3f}   "
                f"{c.precision:8.3f}{c.recall:8.3f}{c.f1:8.3f}   {c.tp + c.fn:5d}{c.tp + c.fp:5d}")

    lines.append(row("all", scores.overall))
    lines += [row(f"lang {k}", v) for k, v in scores.by_lang.items()]
    lines += [row(k, v) for k, v in scores.by_quantity.items()]
    lines.append("")
    lines.append(f"among claim-level matches: per agrees {scores.per_agrees}/{scores.per_compared}, "
                 f"versus agrees {scores.versus_agrees}/{scores.versus_compared}")
    for title, issues, label, other in (("misses", scores.misses, "expected", "predicted"),
                                        ("false positives", scores.false_positives, "predicted", "gold")):
        lines.append("")
        lines.append(f"{title} (claim level): {len(issues)}" + (f", first {min(show, len(issues))}:" if issues and show > 0 else ""))
        for issue in issues[:max(show, 0)]:
            lines.append(f"  {issue.sentence_id}  {label}: {describe(issue.claim)}")
            lines.append(f"  {' ' * len(issue.sentence_id)}  why: {_why(issue, other)}")
    return "\n".join(lines) + "\n"
