"""Why each quantity in a text became a claim, or why it became none.

Prints, sentence by sentence, the names and cue words the rules found, then for each quantity
the claim it became (entity, quantity, value, the cue and the attribution that decided) or the
reason it was left out, so an analyst sees which rule to change.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from compare.articles import parse_article, read_article
from compare.cues import Choice
from compare.extract import compile_engine, decide
from compare.models import Claim
from compare.rules import load_rules


def explain(source: str, rules_paths: Sequence[str], lang: Optional[str] = None) -> str:
    """The explanation for a file (an article) or a literal text."""
    rules = load_rules(list(rules_paths))
    engine = compile_engine(rules)
    path = Path(source)
    try:
        is_file = len(source) < 4096 and "\n" not in source and path.is_file()
    except OSError:  # a text longer than a file name may be ("File name too long") is a text
        is_file = False
    article = read_article(path, lang=lang) if is_file else parse_article(source, "text", lang=lang)
    lines = [f"article {article.id} ({article.lang}), {len(article.text)} characters"]
    decisions = decide(article, engine)
    if not decisions:
        lines.append("no quantity found in the text")
    text = article.text
    hits = engine.entities.find(text, article.lang)
    current = None
    for d in decisions:
        if d.sentence != current:
            current = d.sentence
            s0, s1 = d.sentence
            lines.append("")
            lines.append(f"sentence [{s0}:{s1}]: {text[s0:s1]}")
            names = [f"{h.name} ({h.kind}, {h.status})" for h in hits if s0 <= h.start and h.end <= s1]
            cues = sorted({f"{c.cue!r}->{c.quantity}" for c in engine.cues.find(text, article.lang, s0, s1)})
            lines.append("  names: " + (", ".join(names) if names else "none"))
            lines.append("  cues: " + (", ".join(cues) if cues else "none"))
        m = d.mention
        head = f"  {m.text!r} [{m.start}:{m.end}] {m.kind}"
        if d.claim is not None:
            lines.append(head + " -> claim " + _describe(d.claim))
            lines.append(f"      because: {d.claim.why}")
            lines.extend("      and claim " + _describe(c) for c in d.more)
        else:
            lines.append(head + f" -> no claim: {d.reason}")
        if d.choice is not None:
            lines.extend(_evidence(d.choice))
    return "\n".join(lines) + "\n"


def _evidence(choice: Choice) -> list[str]:
    """The evidence that decided the quantity, and the best of the quantities that lost."""
    out = [f"      decided by: {choice.quantity.id} {choice.points:.1f} = " + " + ".join(str(p) for p in choice.evidence)]
    for qid, points, best in choice.rivals[:3]:
        out.append(f"      lost: {qid} {points:.1f} (best: {best})")
    if choice.ruled_out:
        out.append(f"      ruled out: {choice.ruled_out}")
    return out


def _describe(c: Claim) -> str:
    value = c.value if c.value is not None else f"{c.low}..{c.high}"
    parts = [f"{c.quantity}", f"entity={c.entity or '-'} ({c.entity_status})", f"{c.qualifier} {value} {c.unit or ''}".rstrip()]
    if c.per:
        parts.append(f"per {c.per}")
    if c.direction:
        parts.append(c.direction)
    if c.versus:
        parts.append(f"versus {c.versus}")
    return ", ".join(parts)
