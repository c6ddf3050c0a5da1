"""Score the extractor against gold: hand-annotated sentences, or real press passages annotated by offsets.

`gold` reads and checks both gold formats, `scoring` pairs and counts, `report` prints, `unknown`
scores as if the rules did not know half of their entities; this module runs the extractor over the
gold texts and ties them together for the CLI.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence, Union

from compare.evaluate.gold import (GoldClaim, GoldSentence, Passage, Versus, check_sentence, is_press_gold,
                                   load_gold, load_passages, load_press_gold)
from compare.evaluate.report import describe, format_report
from compare.evaluate.scoring import (Counts, Issue, Levels, Names, Scores, Side, build_names, differences,
                                      gold_side, max_matching, name_key, predicted_side, same_entity, score)
from compare.evaluate.unknown import entity_half, pool, score_unknown_names, without_half
from compare.errors import Problem, UserError
from compare.models import Claim
from compare.rules import RuleSet, load_rules

__all__ = ["Counts", "GoldClaim", "GoldSentence", "Issue", "Levels", "Names", "Passage", "Scores", "Side", "Versus",
           "build_names", "check_sentence", "describe", "differences", "entity_half", "evaluate_file", "format_report",
           "gold_side", "load_gold", "load_gold_any", "load_passages", "load_press_gold", "max_matching", "name_key",
           "pool", "predict", "predicted_side", "same_entity", "score", "score_unknown_names", "without_half"]


def predict(gold: Sequence[GoldSentence], rules: RuleSet) -> dict[str, list[Claim]]:
    """Run the extractor on every gold text without telling it the language (the hidden set gives none)."""
    from compare.extract import compile_engine, extract_text

    engine = compile_engine(rules)
    return {s.id: extract_text(s.sentence, rules, None, engine=engine) for s in gold}


def load_gold_any(gold_path: Union[str, Path], passages: Optional[Union[str, Path]] = None,
                  split: Optional[str] = None) -> list[GoldSentence]:
    """Sentence gold, or press gold joined with its passages file; `split` keeps one split of press gold."""
    from compare.evaluate.gold import PASSAGES_DEFAULT

    if not is_press_gold(gold_path):
        if split is not None:
            raise UserError(Problem("--split applies to real-press gold only (this file holds its sentences)",
                                    str(gold_path)))
        return load_gold(gold_path)
    source = Path(passages) if passages else PASSAGES_DEFAULT
    if not source.exists():
        raise UserError(Problem("the passages this gold points into are missing: give --passages FILE "
                                "(the shared press passages)", str(source)))
    gold = load_press_gold(gold_path, load_passages(source), split)
    if not gold:
        raise UserError(Problem(f"no passage of split {split!r} in this gold", str(gold_path)))
    return gold


def evaluate_file(gold_path: Union[str, Path], rules_paths: Sequence[Union[str, Path]], show: int = 20,
                  passages: Optional[Union[str, Path]] = None, split: Optional[str] = None,
                  as_json: bool = False, unknown_names: bool = False) -> str:
    """Load gold and rules, extract every text, score, and return the report the CLI prints.

    `unknown_names` scores as if the rules did not know half of their entities (`score_unknown_names`):
    the counts of two runs, one per half, added together.
    """
    gold = load_gold_any(gold_path, passages, split)
    rules = load_rules(list(rules_paths))
    scores = score_unknown_names(gold, rules, predict) if unknown_names else score(gold, predict(gold, rules), rules)
    if as_json:
        return scores.model_dump_json(indent=1, exclude={"misses", "false_positives"}) + "\n"
    label = str(gold_path) + (f" (split {split})" if split else "")
    if unknown_names:
        label += ", scored twice with half of the rules' entities unknown (counts of both runs)"
    return format_report(scores, show=show, source=label)
