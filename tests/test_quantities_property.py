"""Property tests: numbers formatted in each locale's style are read back exactly.

French: "1 234,5" with a space, U+00A0 or U+202F between thousands, or "1.234.567" for whole
numbers; English: "1,234.5". With and without scale words and currencies.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.quantities import find_mentions

SEPARATORS_FR = [" ", "\u00a0", "\u202f"]


def group(integer: int, sep: str) -> str:
    digits = str(integer)
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


amounts = st.tuples(st.integers(min_value=0, max_value=10**12), st.text("0123456789", min_size=0, max_size=4))

FR_SCALES = [("", 1.0, None), (" millions", 1e6, None), (" milliards", 1e9, None), (" millions d'euros", 1e6, "EUR"),
             (" €", 1.0, "EUR"), (" dollars", 1.0, "USD"), (" milliards de dollars", 1e9, "USD"), (" Md€", 1e9, "EUR"),
             (" M$", 1e6, "USD"), (" %", 1.0, "percent")]
EN_SCALES = [("", 1.0, None), (" million", 1e6, None), (" billion", 1e9, None), ("bn", 1e9, None),
             (" million euros", 1e6, "EUR"), (" dollars", 1.0, "USD"), ("%", 1.0, "percent"), ("M", 1e6, None)]


def expected(integer: int, fraction: str, scale: float) -> float:
    return float(f"{integer}.{fraction}" if fraction else str(integer)) * scale


def one(source: str, lang: str):
    got = find_mentions(source, lang)
    assert len(got) == 1, (source, got)
    m = got[0]
    assert source[m.start:m.end] == m.text
    return m


@settings(max_examples=300, deadline=None)
@given(amounts, st.sampled_from(SEPARATORS_FR), st.sampled_from(FR_SCALES))
def test_french_grouped_numbers_read_back(amount, sep, tail):
    integer, fraction = amount
    suffix, scale, unit = tail
    written = group(integer, sep) + ("," + fraction if fraction else "")
    m = one(f"Le montant atteint {written}{suffix} cette fois.", "fr")
    assert m.value == pytest.approx(expected(integer, fraction, scale), rel=1e-12)
    assert m.unit == unit
    assert m.text.startswith(written)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from(FR_SCALES[:4]))
def test_french_point_thousands_read_back(integer, tail):
    suffix, scale, unit = tail
    written = group(integer, ".")
    m = one(f"Le montant atteint {written}{suffix} cette fois.", "fr")
    assert m.value == pytest.approx(integer * scale, rel=1e-12)
    assert m.unit == unit


@settings(max_examples=300, deadline=None)
@given(amounts, st.sampled_from(EN_SCALES), st.booleans())
def test_english_grouped_numbers_read_back(amount, tail, dollar):
    integer, fraction = amount
    suffix, scale, unit = tail
    if dollar and unit is None:
        unit = "USD"
        prefix = "$"
    else:
        prefix = ""
    written = group(integer, ",") + ("." + fraction if fraction else "")
    m = one(f"The total reached {prefix}{written}{suffix} this time.", "en")
    assert m.value == pytest.approx(expected(integer, fraction, scale), rel=1e-12)
    assert m.unit == unit
    assert m.text == f"{prefix}{written}{suffix}"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 12,.%$€’“”\u00a0\u202f-–éàMk")), max_size=60), st.sampled_from(["fr", "en"]))
def test_any_text_gives_sorted_exact_non_overlapping_spans(source, lang):
    got = find_mentions(source, lang)
    for m in got:
        assert source[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))
    assert find_mentions(source, lang) == got


WORD_PIECES = ["deux", "trois", "cent", "mille", "moitié", "un tiers", "le quart", "doublé", "twice", "half", "one",
               "a third of", "ten", "récent", "famille", "often", "someone", "x", "é"]
GLUE = [" ", "\u00a0", "-", "‑", "—", "(", "“", "«", "'", "’", ",", ".", "/", "_", "1", "a", "É", "€", "\n", "\t", "¿", "…"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(GLUE), st.sampled_from(WORD_PIECES)), max_size=8), st.sampled_from(["fr", "en"]))
def test_word_scan_finds_the_word_anchors_a_boundary_test_finds(pieces, lang):
    """The separator-led scan of find_mentions starts at the same words as `\\b` + a hyphen test."""
    from compare.quantities import grammar
    g = grammar(lang)
    source = "".join(glue + word for glue, word in pieces)
    slow = [m.start() for m in g.word_anchor.finditer(source)]
    fast = ([0] if g.word_anchor.match(source, 0) else []) + [m.start() + 1 for m in g.word_scan.finditer(source)]
    assert sorted(set(fast)) == [s for s in slow if s == 0 or source[s - 1] not in "\u2010"]
