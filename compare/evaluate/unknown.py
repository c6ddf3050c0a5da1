"""Scoring as if the rules did not know half of their entities: a stand-in for press nobody has seen.

The rules were written with the dev split in view, so nearly every gold entity of dev is one of
their names, while unseen press names companies and models they do not know. `score_unknown_names`
runs the extractor twice, each time with one half of the rules' entities removed (the half is a
fixed hash of the canonical name, `entity_half`), scores both runs with the full rules (so that a
gold name still resolves to its entity) and adds the two runs' counts together.
"""
from __future__ import annotations

import zlib
from typing import Callable, Mapping, Sequence

from compare.evaluate.gold import GoldSentence
from compare.evaluate.scoring import Counts, Issue, Levels, Scores, score
from compare.models import Claim
from compare.rules import RuleSet

HALVES = (0, 1)
Predict = Callable[[Sequence[GoldSentence], RuleSet], Mapping[str, Sequence[Claim]]]


def entity_half(name: str) -> int:
    """The half (0 or 1) an entity's canonical name falls in: CRC-32 of its UTF-8 bytes, modulo 2.

    A checksum rather than Python's `hash`, which changes from one process to the next; the same
    name falls in the same half on every run and machine, whatever the other entities are.
    """
    return zlib.crc32(name.encode("utf-8")) % 2


def without_half(rules: RuleSet, half: int) -> RuleSet:
    """The rules with the entities of `half` removed, and every mention of their names that extraction reads.

    A kept entity's or family's `organisation` or `refers_to` naming a removed entity is cleared, and
    references to a removed entity dropped: the reduced rules pass the same checks as the full ones
    (those fields must name a known entity), and no removed name reaches the extractor by another way.
    Families (patterns for model names) stay: they describe how names are formed, not which.
    """
    gone = {e.name for e in rules.entities if entity_half(e.name) == half}

    def kept(item):
        update = {f: None for f in ("organisation", "refers_to") if getattr(item, f, None) in gone}
        return item.model_copy(update=update) if update else item

    return rules.model_copy(update={
        "entities": tuple(kept(e) for e in rules.entities if e.name not in gone),
        "families": tuple(kept(f) for f in rules.families),
        "references": tuple(r for r in rules.references if r.entity not in gone),
    })


def score_unknown_names(gold: Sequence[GoldSentence], rules: RuleSet, predict: Predict) -> Scores:
    """Both halves in turn: predictions with the reduced rules, scored with the full ones, counts pooled."""
    runs = [score(gold, predict(gold, without_half(rules, h)), rules) for h in HALVES]
    return pool(runs, [s.id for s in gold], [f"half {h} unknown" for h in HALVES])


def pool(runs: Sequence[Scores], order: Sequence[str], labels: Sequence[str]) -> Scores:
    """Runs over the same gold as one: every count summed, so the rates are those of the pooled counts.

    The misses and false positives of all runs are listed sentence by sentence in `order` (the gold's),
    the runs in turn within a sentence, each id followed by its run's label ("press-en-0001 (half 1 unknown)").
    """
    position = {sid: i for i, sid in enumerate(order)}

    def merged(field: str) -> tuple[Issue, ...]:
        flat = sorted((position.get(i.sentence_id, len(order)), h, k, i)
                      for h, r in enumerate(runs) for k, i in enumerate(getattr(r, field)))
        return tuple(i.model_copy(update={"sentence_id": f"{i.sentence_id} ({labels[h]})"}) for _, h, _, i in flat)

    return Scores(
        sentences=sum(r.sentences for r in runs), gold_claims=sum(r.gold_claims for r in runs),
        predicted_claims=sum(r.predicted_claims for r in runs),
        overall=_levels([r.overall for r in runs]),
        by_lang=_by_key([r.by_lang for r in runs]), by_quantity=_by_key([r.by_quantity for r in runs]),
        per_agrees=sum(r.per_agrees for r in runs), per_compared=sum(r.per_compared for r in runs),
        versus_agrees=sum(r.versus_agrees for r in runs), versus_compared=sum(r.versus_compared for r in runs),
        errors={row: _sum([r.errors.get(row, {}) for r in runs])
                for row in sorted({row for r in runs for row in r.errors})},
        non_target_extras=_sum([r.non_target_extras for r in runs]),
        misses=merged("misses"), false_positives=merged("false_positives"))


def _counts(items: Sequence[Counts]) -> Counts:
    return Counts(tp=sum(c.tp for c in items), fp=sum(c.fp for c in items), fn=sum(c.fn for c in items))


def _levels(items: Sequence[Levels]) -> Levels:
    return Levels(value=_counts([lv.value for lv in items]), claim=_counts([lv.claim for lv in items]))


def _by_key(items: Sequence[Mapping[str, Levels]]) -> dict[str, Levels]:
    return {k: _levels([m[k] for m in items if k in m]) for k in sorted({k for m in items for k in m})}


def _sum(items: Sequence[Mapping[str, int]]) -> dict[str, int]:
    return {k: sum(m.get(k, 0) for m in items) for k in sorted({k for m in items for k in m})}
