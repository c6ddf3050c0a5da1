"""Everything language-specific, as data: one folder of YAML vocabulary per language (LANG/*.yaml).

numbers, scales, currencies, percents, qualifiers, periods, ratios, changes, units and dates are
the quantity vocabulary (compare/lexicon.py); attribution, language (stopwords that tell the
languages apart) and sentences (abbreviations a point does not end) are read by compare/vocab.py.
"""
from __future__ import annotations

from pathlib import Path

LANG_DIR = Path(__file__).parent


def languages(folder: Path = LANG_DIR) -> tuple[str, ...]:
    """The languages with a vocabulary: one folder each (cues and examples may be written in these)."""
    found = tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))))
    return found or ("en", "fr")
