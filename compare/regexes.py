"""Analyst regular expressions (entity `patterns`, family `pattern`, quantity `patterns`): checked
for catastrophic backtracking when the rules load, and run with a time limit on every text.

`backtracking_risk` reads a pattern's parse tree and names the nested quantifier that can make a
backtracking engine try exponentially many ways on a text that almost matches: a repeat inside a
repeat that can match the same characters (`(a+)+`, `(a*)*`, `(\\w+\\s?)+$`), or a repeated choice
of two alternatives that match the same character (`(a|a)*`, `(\\w|\\d)+`). It is a heuristic: it
flags what is known to explode, and the time limit is the guarantee for the rest.

`TimedPattern` runs a pattern with the `regex` module, whose matching takes a `timeout` (Python's
`re` has none, and a signal-based alarm works only in the main thread and would clash with a
per-article time budget): a pattern that runs out of time on a text gives no match on that text,
once with a warning on standard error, and the run goes on.
"""
from __future__ import annotations

import re
import sys
from typing import Any, Iterator, Optional

import regex

try:  # Python 3.11+: the parser of the `re` module
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

PATTERN_SECONDS = 0.5  # one pattern on one text
_BIG = 10  # a repeat of at most this many times cannot blow up


def backtracking_risk(pattern: str, flags: int = 0) -> Optional[str]:
    """Why the pattern can backtrack catastrophically (the nested quantifier, as written), or None."""
    try:
        tree = _p.parse(pattern, flags)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None  # not a regex: reported as such elsewhere
    ignore_case = bool(tree.state.flags & re.IGNORECASE)
    try:
        found = _scan(list(tree), ignore_case)
    except RecursionError:
        return "it is nested too deeply to check"
    return found


def _scan(seq: list, ic: bool) -> Optional[str]:
    for op, av in seq:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, body = av
            body = list(body)
            if op != getattr(_c, "POSSESSIVE_REPEAT", None) and (hi == _c.MAXREPEAT or hi > _BIG):
                why = _nested(body, ic)
                if why:
                    return why
            found = _scan(body, ic)
        else:
            found = None
            for sub in _children(op, av):
                found = found or _scan(sub, ic)
        if found:
            return found
    return None


def _children(op: Any, av: Any) -> list[list]:
    if op == _c.SUBPATTERN:
        return [list(av[-1])]
    if op == _c.BRANCH:
        return [list(b) for b in av[1]]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [list(av[1])]
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return [list(av)]
    if op == _c.GROUPREF_EXISTS:
        return [list(b) for b in av[1:] if b is not None]
    return []


def _nested(body: list, ic: bool) -> Optional[str]:
    """Why an unbounded repeat of `body` is ambiguous: an inner unbounded repeat whose characters the
    rest of the body cannot tell apart, or a choice of alternatives that match the same character."""
    for chars, siblings in _inner_repeats(body):
        if all(_nullable(s) or _first(s, ic) & chars for s in siblings):
            return "a repeated group holds another repeat over the same characters, as in (a+)+ or (\\w+\\s?)+"
    start = _first(body, ic)
    for alts in _choices(body):
        texts = [repr(a) for a in alts]
        if len(set(texts)) < len(texts):
            return "a repeated choice has two identical alternatives, as in (a|a)*"
        singles = [_first(a, ic) for a in alts if _single(a)]
        if any(a & b for i, a in enumerate(singles) for b in singles[i + 1:]):
            return "a repeated choice has alternatives that match the same character, as in (a|a)* or (\\w|\\d)+"
        if any(_nullable(a) for a in alts) and any(not _nullable(a) and _first(a, ic) & start for a in alts):
            return "a repeated choice can match the same text in two ways, as in (a|aa)+"
    return None


def _inner_repeats(seq: list) -> Iterator[tuple[frozenset, list]]:
    """(characters, the other elements on the way to it) of every unbounded repeat inside seq."""
    for i, (op, av) in enumerate(seq):
        others = [[x] for j, x in enumerate(seq) if j != i]
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):  # a possessive repeat or atomic group never gives back
            lo, hi, body = av
            if hi == _c.MAXREPEAT or hi > _BIG:
                yield _first(list(body), False) | _first(list(body), True), others
            continue
        if op in (_c.SUBPATTERN, _c.BRANCH):
            for sub in _children(op, av):
                for chars, deeper in _inner_repeats(sub):
                    yield chars, deeper + others


def _choices(seq: list) -> Iterator[list[list]]:
    """The alternatives of every choice in the repeated body's own sequence (through groups)."""
    for op, av in seq:
        if op == _c.SUBPATTERN:
            yield from _choices(list(av[-1]))
        elif op == _c.BRANCH:
            yield [list(b) for b in av[1]]


def _single(seq: list) -> bool:
    """One character, or a repeat of one character."""
    if len(seq) != 1:
        return False
    op, av = seq[0]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return _single(list(av[2]))
    return op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY)


# Characters that stand for every class a pattern can name: enough to see whether two sets meet.
_PROBES = "".join(chr(c) for c in range(32, 127)) + "\t\n\u00a0\u202féèàçÉÀ’«»–—€£¥0٣ß"


def _first(seq: list, ic: bool) -> frozenset:
    """The probe characters the sequence can start with (of its first elements that may be empty too)."""
    out: set = set()
    for op, av in seq:
        out |= _first_of(op, av, ic)
        if not _nullable([(op, av)]):
            break
    return frozenset(out)


def _first_of(op: Any, av: Any, ic: bool) -> set:
    if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY):
        return {ch for ch in _PROBES if _matches(op, av, ch, ic)}
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return set(_first(list(av[2]), ic))
    if op in (_c.SUBPATTERN, _c.BRANCH, getattr(_c, "ATOMIC_GROUP", None), _c.GROUPREF_EXISTS):
        return set().union(*(_first(sub, ic) for sub in _children(op, av)))
    if op == _c.GROUPREF:
        return set(_PROBES)
    return set()


def _matches(op: Any, av: Any, ch: str, ic: bool) -> bool:
    if op == _c.LITERAL:
        return ch == chr(av) or (ic and ch.lower() == chr(av).lower())
    if op == _c.NOT_LITERAL:
        return not _matches(_c.LITERAL, av, ch, ic)
    if op == _c.ANY:
        return ch != "\n"
    if op == _c.CATEGORY:
        return _category(av, ch)
    if op == _c.IN:
        negate = False
        hit = False
        for iop, iav in av:
            if iop == _c.NEGATE:
                negate = True
            elif iop == _c.RANGE:
                lo, hi = iav
                hit = hit or lo <= ord(ch) <= hi or (ic and (lo <= ord(ch.lower()) <= hi or lo <= ord(ch.upper()) <= hi))
            else:
                hit = hit or _matches(iop, iav, ch, ic)
        return hit != negate
    return False


def _category(cat: Any, ch: str) -> bool:
    name = str(cat).upper()
    base = re.match(r"\w", ch) is not None if "WORD" in name else ch.isdigit() if "DIGIT" in name else \
        ch.isspace() if "SPACE" in name else ch in "\n\r" if "LINEBREAK" in name else False
    return not base if "_NOT_" in name else base


def _nullable(seq: list) -> bool:
    """Whether the sequence can match empty text (zero-width items included)."""
    for op, av in seq:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            if av[0] == 0 or _nullable(list(av[2])):
                continue
            return False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op in (_c.SUBPATTERN, getattr(_c, "ATOMIC_GROUP", None)):
            if _nullable(_children(op, av)[0]):
                continue
            return False
        if op in (_c.BRANCH, _c.GROUPREF_EXISTS):
            if any(_nullable(sub) for sub in _children(op, av)):
                continue
            return False
        return False
    return True


class TimedPattern:
    """An analyst's pattern compiled with the `regex` module, run with a time limit per text.

    `finditer` and `fullmatch` give nothing, with one warning on standard error, when the pattern
    runs out of time on that text. Picklable (it is shipped to worker processes)."""

    def __init__(self, pattern: str, flags: int = 0, seconds: float = PATTERN_SECONDS, where: str = ""):
        self.pattern = pattern
        self.flags = flags
        self.seconds = seconds
        self.where = where
        self._rx = regex.compile(pattern, _regex_flags(flags))

    def __getstate__(self) -> dict:
        return {"pattern": self.pattern, "flags": self.flags, "seconds": self.seconds, "where": self.where}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def finditer(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> list:
        """Every match, as a list: all of them, or none when the time ran out."""
        try:
            return list(self._rx.finditer(text, pos, len(text) if endpos is None else endpos, timeout=self.seconds))
        except TimeoutError:
            self._warn(text)
            return []

    def fullmatch(self, text: str) -> Any:
        try:
            return self._rx.fullmatch(text, timeout=self.seconds)
        except TimeoutError:
            self._warn(text)
            return None

    def _warn(self, text: str) -> None:
        where = f" ({self.where})" if self.where else ""
        print(f"claim-compare: warning: pattern {self.pattern!r}{where} took more than {self.seconds:g} s on a text "
              f"of {len(text):,} characters (\"{' '.join(text[:40].split())}...\"); skipped for that text",
              file=sys.stderr)

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern!r})"


def _regex_flags(flags: int) -> int:
    out = 0
    for name in ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII"):
        if flags & getattr(re, name):
            out |= getattr(regex, name)
    return out
