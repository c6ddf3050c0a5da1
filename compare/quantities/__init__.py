"""Quantity mentions in French and English press text: money, percents, ratios, counts, numbers.

- `grammar`: the vocabulary of compare/lang/LANG/*.yaml compiled into regexes and tables;
- `reader`: the scan of a text (`find_mentions`, `read_quantities`);
- `reading`: what is known of one numeral while it is read, and the Mention it becomes;
- `affixes`: what is written before and after a numeral;
- `ranges`: ranges, facing bounds and floors;
- `skips`: the numbers that are no quantity (years, dates, times, versions...), with why.

All vocabulary is in compare/lang/LANG/*.yaml (compare/lexicon.py); these modules hold the grammar.
`COMPILED` says whether this install's parser was compiled with mypyc (setup.py: the same output, faster).
"""
from compare.quantities import reader as _reader
from compare.quantities.grammar import Grammar, grammar
from compare.quantities.output import stdin_lines, write_mentions
from compare.quantities.reader import Quantities, find_mentions, read_quantities
from compare.quantities.skips import REASONS, Skipped

COMPILED = not _reader.__file__.endswith(".py")  # an extension module (.so, .pyd) where setup.py compiled it

__all__ = ["COMPILED", "Grammar", "Quantities", "REASONS", "Skipped", "find_mentions", "grammar", "read_quantities",
           "stdin_lines", "write_mentions"]
