"""Gold annotations: the sentence format (text in the line) and the real-press format (offsets into passages).

The sentence format (one sentence a line, see docs/evaluation.md) is shared with a hidden test
set, so `load_gold` checks it strictly and reports every bad line at once. The real-press gold
(docs/annotation.md) keeps no text: each line names a passage of the shared passages file, and
`load_press_gold` joins the two into the same `GoldSentence` records, so both are scored alike.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path
from typing import Literal, Mapping, Optional, Union

from pydantic import BaseModel, ConfigDict, ValidationError

from compare.errors import Problem, UserError
from compare.models import Frozen, Qualifier

GoldQuantity = Literal[
    "training_cost", "compute", "gpu_count", "price", "subscription_price", "investment", "price_change",
    "revenue", "valuation", "compute_ratio", "price_ratio", "cost_ratio"]
NumberKind = Literal["year", "date", "duration", "name", "stock_move", "other_money", "growth", "other_count", "other"]
COUNT_UNITS = ("percent", "GPU-hours", "GPUs", "FLOPs", "ratio")
PASSAGES_DEFAULT = Path("..") / "shared" / "press" / "passages.jsonl"


class Versus(Frozen):
    """The other side of a stated ratio (None when the text names none), and whether the subject has less or more."""

    entity: Optional[str] = None
    direction: Literal["less", "more"]


class GoldClaim(Frozen):
    """One expected claim; `text` is the exact span of the quantity, `start`/`end` its offsets when known."""

    subject: Optional[str] = None
    quantity: GoldQuantity
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: str
    qualifier: Qualifier = "="
    per: Optional[str] = None  # free text ("month", "1M input tokens", "user"...): it does not decide a match
    versus: Optional[Versus] = None
    direction: Optional[Literal["up", "down"]] = None
    text: str
    start: Optional[int] = None
    end: Optional[int] = None


class GoldNumber(Frozen):
    """A number of a passage that is no target claim, and what it is."""

    kind: NumberKind
    text: str
    start: Optional[int] = None
    end: Optional[int] = None


class GoldSentence(Frozen):
    """One gold line: a text (a sentence, or a press passage) and every claim it holds."""

    id: str
    lang: Optional[str] = None
    split: Optional[str] = None
    sentence: str
    claims: tuple[GoldClaim, ...] = ()
    numbers: tuple[GoldNumber, ...] = ()


class Passage(BaseModel):
    """One passage of the shared press file (its text stays there)."""

    model_config = ConfigDict(frozen=True, extra="ignore")
    id: str
    lang: str
    split: str
    text: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    topic: Optional[str] = None


class PressGold(Frozen):
    """Everything annotated in one passage: its claims, its other numbers, or why it was skipped."""

    id: str
    skip: Optional[str] = None
    claims: tuple[GoldClaim, ...] = ()
    numbers: tuple[GoldNumber, ...] = ()


SPLITS = ("dev", "dev-a", "dev-b", "test")


def in_split(passage: Passage, split: Optional[str]) -> bool:
    """Whether the passage belongs to `split`: `dev-a` and `dev-b` halve dev by page, so a change
    made while looking at one half can be checked on the other before the test split is read."""
    if split is None:
        return True
    if split in ("dev-a", "dev-b"):
        if passage.split != "dev":
            return False
        page = (passage.url or passage.id).encode("utf-8")
        half = "dev-a" if hashlib.sha256(page).digest()[0] % 2 == 0 else "dev-b"
        return half == split
    return passage.split == split


# ---------------------------------------------------------------- reading files

def _lines(path: Path, what: str) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UserError(Problem(f"{what} not found", str(path)))
    except UnicodeDecodeError as e:
        raise UserError(Problem(f"not UTF-8 text (byte {e.start}): save the file as UTF-8", str(path)))
    except OSError as e:
        raise UserError(Problem(f"cannot read the {what}: {e.strerror}", str(path)))


def _records(path: Path, what: str, model: type[BaseModel], problems: list[Problem]) -> list[tuple[int, BaseModel]]:
    """Each non-blank line parsed as JSON and validated; every bad line becomes a problem."""
    out = []
    for n, line in enumerate(_lines(path, what), 1):
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
            out.append((n, model.model_validate(data)))
        except ValidationError as e:
            problems.extend(Problem(_validation_message(err, data), str(path), n) for err in e.errors())
    return out


def load_gold(path: Union[str, Path]) -> list[GoldSentence]:
    """Read a sentence gold file; raises UserError listing every bad line with what is wrong."""
    path = Path(path)
    problems: list[Problem] = []
    sentences: list[GoldSentence] = []
    first_line: dict[str, int] = {}
    for n, sentence in _records(path, "gold file", GoldSentence, problems):
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


def load_passages(path: Union[str, Path]) -> dict[str, Passage]:
    """The shared passages file as {id: Passage}, in file order."""
    path = Path(path)
    problems: list[Problem] = []
    found = _records(path, "passages file", Passage, problems)
    if problems:
        raise UserError(problems)
    return {p.id: p for _, p in found}


def is_press_gold(path: Union[str, Path]) -> bool:
    """True when the first line of a gold file points into passages instead of holding its sentence."""
    for line in _lines(Path(path), "gold file"):
        if line.strip():
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                return False
            return isinstance(data, dict) and "sentence" not in data and "numbers" in data
    return False


def load_press_gold(path: Union[str, Path], passages: Mapping[str, Passage],
                    split: Optional[str] = None) -> list[GoldSentence]:
    """The real-press gold joined with its passages: skipped passages left out, `split` kept if given."""
    path = Path(path)
    problems: list[Problem] = []
    out: list[GoldSentence] = []
    seen: dict[str, int] = {}
    for n, rec in _records(path, "gold file", PressGold, problems):
        p = passages.get(rec.id)
        if p is None:
            problems.append(Problem(f"no passage has id {rec.id}", str(path), n))
            continue
        if rec.id in seen:
            problems.append(Problem(f"{rec.id} is already annotated on line {seen[rec.id]}", str(path), n))
            continue
        seen[rec.id] = n
        sentence = GoldSentence(id=rec.id, lang=p.lang, split=p.split, sentence=p.text, claims=rec.claims,
                                numbers=rec.numbers)
        messages = check_sentence(sentence) + span_problems(sentence)
        problems.extend(Problem(m, str(path), n) for m in messages)
        if rec.skip is None and in_split(p, split):
            out.append(sentence)
    if problems:
        raise UserError(problems)
    return out


# ---------------------------------------------------------------- checks

def _validation_message(err: Mapping, data: dict) -> str:
    loc = list(err.get("loc", ()))
    where = []
    if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
        claims = data.get("claims")
        item = claims[loc[1]] if isinstance(claims, list) and loc[1] < len(claims) else None
        text = item.get("text") if isinstance(item, dict) else None
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
        out.extend(f"{head}: {m}" for m in claim_problems(c))
    return out


def claim_problems(c: GoldClaim) -> list[str]:
    """What is inconsistent in one claim: unit, ratio fields, finite values, qualifier and bounds."""
    out = []
    if not (re.fullmatch(r"[A-Z]{3}", c.unit) or c.unit in COUNT_UNITS):
        out.append(f"unit {json.dumps(c.unit)} is neither an ISO 4217 code nor one of {', '.join(COUNT_UNITS)}")
    is_ratio = c.quantity.endswith("_ratio")
    if is_ratio != (c.unit == "ratio"):
        out.append(f"ratio quantities ({c.quantity if is_ratio else 'compute_ratio, ...'}) and unit \"ratio\" go together")
    if c.versus is not None and not is_ratio:
        out.append("versus is only for ratio quantities")
    if c.subject is not None and not c.subject.strip():
        out.append("subject is empty: write null when the sentence names no one")
    if any(v is not None and not math.isfinite(v) for v in (c.value, c.low, c.high)):
        out.append("values must be finite numbers")
    else:
        out.extend(_bound_problems(c))
    return out


def _bound_problems(c: GoldClaim) -> list[str]:
    q = c.qualifier
    if q == "range":
        if c.value is not None or c.low is None or c.high is None:
            return ["a range has value null and both low and high"]
        if c.low > c.high:
            return [f"low {_num(c.low)} is above high {_num(c.high)}"]
    elif q in (">", ">="):
        if c.value is None or c.low is None or c.high is not None or not math.isclose(c.value, c.low, rel_tol=1e-6):
            return [f'qualifier "{q}" needs value and low equal to the bound, and high null']
    elif q in ("<", "<="):
        if c.value is None or c.high is None or c.low is not None or not math.isclose(c.value, c.high, rel_tol=1e-6):
            return [f'qualifier "{q}" needs value and high equal to the bound, and low null']
    elif c.value is None or c.low is not None or c.high is not None:
        return [f'qualifier "{q}" needs a value and no low or high']
    return []


def span_problems(s: GoldSentence) -> list[str]:
    """Offsets that do not cover their text, and digits that no claim or number covers."""
    out = []
    for label, items in (("claim", s.claims), ("number", s.numbers)):
        for i, item in enumerate(items, 1):
            if item.start is None or item.end is None or s.sentence[item.start:item.end] != item.text:
                out.append(f"{label} {i} ({json.dumps(item.text, ensure_ascii=False)}): offsets "
                           f"{item.start}:{item.end} do not cover its text in the passage")
    return out


def loose_digits(s: GoldSentence) -> list[re.Match]:
    """Digit groups of the text that no claim or number span covers."""
    covered = [False] * len(s.sentence)
    for item in (*s.claims, *s.numbers):
        if item.start is not None and item.end is not None:
            covered[item.start:item.end] = [True] * (item.end - item.start)
    return [m for m in re.finditer(r"\d+", s.sentence) if not all(covered[m.start():m.end()])]


def _num(v: Optional[float]) -> str:
    if v is None:
        return "null"
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e16 else format(v, ".10g")
