"""Figures: claims and reference figures made comparable (entity resolved, money converted, interval,
context), and how they are shown in a comparison's text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

from compare.comparability import Comparability
from compare.comparisons.context import NONE, Context, read_context
from compare.comparisons.rates import convert
from compare.intervals import Interval, claim_interval, describe, multiply, nonnegative
from compare.models import Claim

LESS = {"less", "down"}
QUALIFIER_WORDS = {"=": "", ">": "> ", ">=": ">= ", "<": "< ", "<=": "<= ", "~": "~ "}
MONEY_UNIT_LENGTH = 3


@dataclass(frozen=True, slots=True)
class Figure:
    """A claim or reference made comparable: entity resolved, money converted, interval computed."""

    id: str
    origin: str  # "claim" or "reference"
    article: Optional[str]
    position: int
    named: str
    entity: str
    quantity: str
    unit: Optional[str]
    per: Optional[str]
    qualifier: str
    value: Optional[float]
    interval: Interval
    direction: Optional[str] = None
    versus_named: Optional[str] = None
    versus: Optional[str] = None
    money: bool = False
    original: str = ""
    notes: tuple[str, ...] = ()
    currency: Optional[str] = None      # the currency as written, for money
    context: Context = NONE
    entity_kind: Optional[str] = None
    sentence: tuple = ()                # (article, sentence start, sentence) of a claim
    source: Any = None                  # the Reference of a reference figure

    @property
    def is_ratio(self) -> bool:
        return self.unit == "x"

    @property
    def where(self) -> str:
        return f"reference {self.id}" if self.origin == "reference" else f"claim {self.id} in {self.article}"

    @property
    def label(self) -> str:
        name = self.named if self.named == self.entity else f"{self.named} -> {self.entity}"
        text = f"{name} {self.quantity} {self.original}"
        if self.is_ratio and self.versus_named:
            text += f" {'less' if self.direction in LESS else 'more'} than {self.versus_named}"
        return f"{text} ({self.where})"

    @property
    def used(self) -> str:
        """How this figure was found, for `figures_used`."""
        return self.used_for(self.named)

    def used_for(self, written: str) -> str:
        """Which figure stands for the entity as a text wrote it: "Llama 3 -> Llama 3.1 405B (reference ...)"."""
        name = written if written == self.entity else f"{written} -> {self.entity}"
        return f"{name} ({self.where}{''.join('; ' + n for n in self.notes)})"


def resolve(name: str, refers: Mapping[str, str]) -> str:
    """The entity whose figures stand for `name`, following `refers_to` (cycles stop where they loop)."""
    seen = {name}
    while name in refers and refers[name] not in seen:
        name = refers[name]
        seen.add(name)
    return name


def num(v: float) -> str:
    a = abs(v)
    if a >= 1e9:
        return f"{v / 1e9:.6g} bn"
    if a >= 1e6:
        return f"{v / 1e6:.6g} M"
    return f"{v:.6g}"


def unit_text(unit: Optional[str], per: Optional[str]) -> str:
    text = "x" if unit == "x" else " %" if unit == "percent" else f" {unit}" if unit else ""
    return text + (f"/{per}" if per else "")


def show(iv: Interval, unit: Optional[str] = None, per: Optional[str] = None) -> str:
    """An amount interval for a reader: "[5.565, 5.575) M USD", "> 100 M USD", "[11.06, 11.07)x"."""
    bounds = [abs(b) for b in (iv.low, iv.high) if b is not None]
    scale, word = 1.0, ""
    if bounds and unit not in ("x", "percent"):
        top = max(bounds)
        scale, word = (1e9, "bn") if top >= 1e9 else (1e6, "M") if top >= 1e6 else (1.0, "")
    text = describe(multiply(iv, 1 / scale) if scale != 1 else iv)
    return text + (f" {word}" if word else "") + unit_text(unit, per)


def fmt_pct(x: float) -> str:
    return f"{x:.2g} %" if x < 10 else f"{x:.0f} %"


@dataclass(frozen=True)
class _Bounds:
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str
    precision: Optional[float]

    @property
    def central(self) -> Optional[float]:
        if self.qualifier == "range" and self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        if self.value is not None:
            return self.value
        return self.low if self.low is not None else self.high

    def original(self, unit: Optional[str], per: Optional[str]) -> str:
        u = unit_text(unit, per)
        if self.qualifier == "range":
            lo = self.low if self.low is not None else self.value
            hi = self.high if self.high is not None else self.value
            return f"{num(lo)}-{num(hi)}{u}"
        return f"{QUALIFIER_WORDS.get(self.qualifier, '')}{num(self.central)}{u}"


@dataclass(frozen=True)
class Setup:
    """What every figure of one run needs: entity map, rates, settings, article dates."""

    refers: Mapping[str, str]
    rates: Sequence
    settings: Any
    comparable: Comparability
    dates: Mapping[str, str]
    kinds: Mapping[str, str]

    @property
    def currency(self) -> str:
        return self.settings.currency


def is_money(unit: Optional[str], kind: Optional[str] = None) -> bool:
    return kind == "money" or bool(unit and len(unit) == MONEY_UNIT_LENGTH and unit.isalpha() and unit.isupper())


def _figure(setup: Setup, b: _Bounds, *, unit: Optional[str], per: Optional[str], money: bool,
            date: Optional[str], named: str, **fields: Any) -> Optional[Figure]:
    try:
        iv = claim_interval(b, setup.settings)
    except ValueError:
        return None
    if unit != "percent":
        iv = nonnegative(iv)
    notes: list[str] = []
    original = b.original(unit, per)
    central = b.central
    written = unit if money else None
    if money and unit and unit != setup.currency:
        converted = convert(iv, unit, setup.currency, setup.rates, date)
        if converted is not None:
            iv, factor, note = converted
            central = None if central is None else central * factor
            notes.append(note)
            original += f" (= {num(central) if central is not None else '?'} {setup.currency})"
            unit = setup.currency
    entity = resolve(named, setup.refers)
    return Figure(named=named, entity=entity, unit=unit, per=per or None, qualifier=b.qualifier, value=central,
                  interval=iv, money=money, original=original, notes=tuple(notes), currency=written,
                  entity_kind=fields.pop("entity_kind", None) or setup.kinds.get(entity) or setup.kinds.get(named),
                  **fields)


def claim_figure(c: Claim, setup: Setup) -> Optional[Figure]:
    """A claim as a comparable figure; None when it names no entity or has no number to compare."""
    if not c.entity or (c.value is None and c.low is None and c.high is None):
        return None
    at = c.start - c.sentence_start
    if c.sentence[max(at, 0):max(at, 0) + len(c.text)] != c.text:
        at = c.sentence.find(c.text) if c.text else -1
    context = read_context(c.sentence, at, at + len(c.text), c.quantity, c.entity, setup.comparable) \
        if at >= 0 else NONE
    return _figure(setup, _Bounds(c.value, c.low, c.high, c.qualifier, c.precision), unit=c.unit, per=c.per,
                   money=is_money(c.unit, c.kind), date=setup.dates.get(c.article), named=c.entity,
                   id=c.id, origin="claim", article=c.article, position=c.start, quantity=c.quantity,
                   direction=c.direction, versus_named=c.versus,
                   versus=resolve(c.versus, setup.refers) if c.versus else None, context=context,
                   entity_kind=c.entity_kind, sentence=(c.article, c.sentence_start, c.sentence))


def reference_figure(r, setup: Setup) -> Optional[Figure]:
    """A reference figure; its context is what it says of itself (`period`, `market`, `tier`)."""
    context = Context(year=r.period, market=r.market, tier=r.tier)
    return _figure(setup, _Bounds(r.value, r.low, r.high, r.qualifier, r.precision), unit=r.unit, per=r.per,
                   money=is_money(r.unit), date=r.source.date, named=r.entity, id=r.id, origin="reference",
                   article=None, position=0, quantity=r.quantity, context=context, source=r)
