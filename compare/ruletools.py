"""`claim-compare rules check|test|schema`: validate rule files, run their examples, describe the format.

Everything is written to `out` (one problem or failure per line, then a summary line) and the
return value is the exit code, so these functions never raise for a broken rule set.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Callable, Optional, Sequence, TextIO, Union

from compare.errors import Problem
from compare.lang import LANG_DIR
from compare.models import Claim
from compare.rules import ExpectedClaim, RuleFile, RuleSet, check_rules, languages
from compare.vocab import check_vocabulary

Extractor = Callable[[str, Optional[str]], list[Claim]]
"""Claims of one example text in a language (None: detected)."""

PathLike = Union[str, Path]
FIELDS = tuple(ExpectedClaim.model_fields)


def check_vocab(lang_dir: PathLike, out: TextIO) -> int:
    """Print every problem of the vocabulary files (`file:line:col: error: message`); 0 when clean."""
    folder = Path(lang_dir)
    if not folder.is_dir():
        print(Problem("no such folder: give the vocabulary folder (compare/lang) or one language's folder",
                      str(folder)), file=out)
        return 1
    problems = check_vocabulary(folder)
    for p in problems:
        print(p, file=out)
    if problems:
        print(f"{_plural(len(problems), 'error')} in {_plural(len({p.file for p in problems if p.file}), 'file')}", file=out)
        return 1
    print(f"vocabulary OK: {folder}", file=out)
    return 0


def check(paths: Sequence[PathLike], out: TextIO, lang_dir: PathLike = LANG_DIR) -> int:
    """Print every problem of the vocabulary files and of the rule files (`file:line:col: error:
    message`) and a summary; 0 when clean."""
    rules, _, problems = check_rules(list(paths))
    problems = check_vocabulary(Path(lang_dir)) + problems
    for p in problems:
        print(p, file=out)
    if problems or rules is None:
        files = len({p.file for p in problems if p.file})
        print(f"{_plural(len(problems), 'error')} in {_plural(files, 'file')}", file=out)
        return 1
    examples = sum(len(q.examples) for q in rules.quantities)
    print(f"rules OK: {_plural(len(rules.files), 'file')}, {_plural(len(rules.entities), 'entity', 'entities')}, "
          f"{_plural(len(rules.families), 'family', 'families')}, {_plural(len(rules.quantities), 'quantity', 'quantities')}, "
          f"{_plural(examples, 'example')}, {_plural(len(rules.references), 'reference')}", file=out)
    return 0


def test(paths: Sequence[PathLike], out: TextIO, extract: Optional[Callable[[RuleSet], Extractor]] = None) -> int:
    """Run every quantity's examples through the extractor; print each failure as a readable diff.

    `extract` builds the extractor for a rule set (default: compare.extract); tests pass a stub.
    """
    rules, locations, problems = check_rules(list(paths))
    if problems or rules is None or locations is None:
        for p in problems:
            print(p, file=out)
        print(f"{_plural(len(problems), 'error')} in the rules: fix them first (claim-compare rules check)", file=out)
        return 1
    run = (extract or default_extractor)(rules)
    total = failed = 0
    for q in rules.quantities:
        for i, ex in enumerate(q.examples):
            total += 1
            try:
                claims = run(ex.text, ex.lang)
                lines = diff_claims(ex.claims, claims)
            except Exception as e:  # one broken example must not hide the others
                lines = [f"  the extractor failed: {type(e).__name__}: {e}"]
            if lines:
                failed += 1
                loc = locations.example(q.id, i)
                where = f"{loc.file}:{loc.line}: " if loc else ""
                print(f"{where}example {_quote(_clip(ex.text, 60))} ({q.id})", file=out)
                for line in lines:
                    print(line, file=out)
    print(f"{_plural(total, 'example')}, {failed} failed", file=out)
    return 1 if failed else 0


def default_extractor(rules: RuleSet) -> Extractor:
    """compare.extract with the rule set compiled once for all examples."""
    from compare.extract import compile_engine, extract_text

    engine = compile_engine(rules)
    return lambda text, lang: extract_text(text, rules, lang=lang, engine=engine)


def diff_claims(expected: Sequence[ExpectedClaim], actual: Sequence[Claim]) -> list[str]:
    """Lines saying how the actual claims differ from the expected ones; empty when they agree.

    An expected claim matches an actual one when every field it gives agrees. Left-over pairs that
    share the value (or the text, or most fields) are near matches, shown by their differing
    fields only; the rest are listed as missed or unexpected.
    """
    left = list(actual)
    missed: list[ExpectedClaim] = []
    for e in expected:
        hit = next((a for a in left if not _differences(e, a)), None)
        if hit is None:
            missed.append(e)
        else:
            left.remove(hit)
    lines: list[str] = []
    still_missed: list[ExpectedClaim] = []
    for e in missed:
        near = [a for a in left if _is_near(e, a)]
        if not near:
            still_missed.append(e)
            continue
        best = min(near, key=lambda a: len(_differences(e, a)))
        left.remove(best)
        lines.append(f"  claim {_quote(best.text)} ({best.quantity}, {_value(best.value)}"
                     f"{' ' + best.unit if best.unit else ''}):")
        for name, want, got in _differences(e, best):
            lines.append(f"    {name}: expected {_show(want)}, got {_show(got)}")
    for e in still_missed:
        lines.append("  missed: " + _describe(e, sorted(e.model_fields_set, key=FIELDS.index)))
    for a in left:
        shown = [f for f in FIELDS if getattr(a, f, None) is not None and not (f == "qualifier" and a.qualifier == "=")
                 and f != "entity_status"]
        lines.append("  unexpected: " + _describe(a, shown))
    return lines


def _differences(e: ExpectedClaim, a: Claim) -> list[tuple[str, Any, Any]]:
    out = []
    for name in sorted(e.model_fields_set, key=FIELDS.index):
        want, got = getattr(e, name), getattr(a, name, None)
        if isinstance(want, float) and isinstance(got, (int, float)):
            same = math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-12)
        else:
            same = want == got
        if not same:
            out.append((name, want, got))
    return out


def _is_near(e: ExpectedClaim, a: Claim) -> bool:
    given = e.model_fields_set
    wrong = {name for name, _, _ in _differences(e, a)}
    for anchor in ("value", "text"):
        if anchor in given:
            return anchor not in wrong
    return len(given) - len(wrong) > len(wrong)


def _describe(claim: Any, names: Sequence[str]) -> str:
    return ", ".join(f"{n} {_show(getattr(claim, n))}" for n in names) or "(any claim)"


def _show(v: Any) -> str:
    if isinstance(v, float):
        return _value(v)
    if v is None:
        return "none"
    return _quote(str(v))


def _value(v: Optional[float]) -> str:
    if v is None:
        return "none"
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e18 else repr(float(v))


def _quote(s: str) -> str:
    return '"' + s.replace('"', '\\"') + '"'


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n] + "…"


def _plural(n: int, word: str, many: Optional[str] = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def schema() -> dict:
    """The JSON Schema of one rule file, generated from the pydantic models."""
    s = RuleFile.model_json_schema()
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = "claim-compare rule file"
    s["description"] = ("Entities, model families, quantities with their cue words and examples, reference "
                        "figures, exchange rates and settings. See docs/rules.md.")
    for name in ("Quantity", "QuantityExtension"):
        cues = s.get("$defs", {}).get(name, {}).get("properties", {}).get("cues")
        if cues is not None:
            cues["propertyNames"] = {"enum": list(languages())}
    return s


def schema_json() -> str:
    """The schema as JSON text, keys sorted so that the output is byte-for-byte stable."""
    return json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

