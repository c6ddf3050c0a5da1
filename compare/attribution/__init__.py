"""Whose number a number is: the entity a quantity is said of, and the other side of a ratio.

Not the nearest name but the one the sentence says it of: a name bound right after the number
("100 millions de dollars pour GPT-4o"), else the nearest name before it that is not inside an
apposition (", filiale de High-Flyer,"), a source ("selon Bloomberg") or the other side of a
ratio ("que Llama-3"), preferring the kinds of entity the quantity is usually said of; failing
all that, a pronoun or a contrast carries the entity over from the sentences before, and at an article's
opening that names no one, the subject of the next sentence (`named_ahead`).

The parts: `words` (the attribution words compiled per language, shared helpers), `subjects` (the
subject of the clause: `attribute`), `payers` (who pays and who receives a round), `tiers` (the tier
named with a price), `refer` (what a pronoun or description refers back to), `versus` (the other side).
"""
from compare.attribution.refer import AHEAD, UNNAMED, historic, named_ahead, refer_back
from compare.attribution.subjects import attribute
from compare.attribution.versus import find_versus, owned
from compare.attribution.words import (NEVER_SUBJECTS, RECIPIENT_HOW, Attribution, change_words, compares_back,
                                       is_vague, starts_with_contrast, words)

__all__ = ["AHEAD", "NEVER_SUBJECTS", "RECIPIENT_HOW", "UNNAMED", "Attribution", "attribute", "change_words", "compares_back",
           "find_versus", "historic", "is_vague", "named_ahead", "owned", "refer_back", "starts_with_contrast", "words"]
