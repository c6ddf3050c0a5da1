"""Property tests: numbers formatted in each locale's style are read back exactly.

French: "1 234,5" with a space, U+00A0 or U+202F between thousands, or "1.234.567" for whole
numbers; English: "1,234.5". With and without scale words and currencies.
"""
import pytest
from fuzzing import fuzz
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


HOSTILE = [(s, lang) for lang in ("fr", "en") for s in (
    "1e999", "8e612", "1" * 320, "10^999 FLOPs", "2 x 10^400 FLOPs", "10⁹⁹⁹", "1e-999", "0^-5",
    "from 1e999 to 2e999 dollars", "$5 to $1e999", "0.00001e310 FLOPs")] + [("1e308 milliards de dollars", "fr"), ("1e308 billion dollars", "en")]


@pytest.mark.parametrize("source,lang", HOSTILE, ids=[f"{lang}-{s[:30]}" for s, lang in HOSTILE])
def test_figures_beyond_a_float_are_skipped_as_out_of_range(source, lang):
    """No inf or nan ever leaves the reader: such a figure is skipped with the reason "out of range"."""
    import json
    import math

    from compare.quantities import REASONS, read_quantities, write_mentions
    found = read_quantities(source, lang)
    for m in found.mentions:
        assert all(v is None or math.isfinite(v) for v in (m.value, m.low, m.high, m.precision)), m
    assert [s for s in found.skipped if s.reason == "range"], found
    assert REASONS["range"] == "out of range"
    import io
    out = io.StringIO()
    write_mentions([source], lang, out)
    json.loads(out.getvalue(), parse_constant=lambda c: pytest.fail(f"{c} in JSON output"))


def test_a_long_exact_mantissa_times_a_power_is_read():
    m = one("A total of 10000000000000001e9 operations.", "en")
    assert m.value == pytest.approx(1e25)


MESS = ["1", "12", "0", "999", "1e999", "e", "E", "^", "x", "×", "10", ",", ".", " ", "\u00a0", "\u202f", "-", "‑", "–",
        "+", "%", "$", "€", "£", "¥", "元", "US$", "NZ$", "bn", "m", "M", "k", "million", "milliards", "billion",
        "trillion", "billions of", "dizaines de", "plusieurs", "des", "tens of", "hundreds of", "several", "de", "à",
        "to", "between", "entre", "et", "and", "dollars", "euros", "yuan", "cents", "centimes", "GPUs", "au moins",
        "« ", " »", "(", ")", "\n", "a", "half", "un demi-", "per month", "par mois", "plus", "estimé à", "~"]


@fuzz()  # 10,000 texts in CI
@given(st.lists(st.sampled_from(MESS), max_size=25), st.sampled_from(["fr", "en"]))
def test_the_reader_never_raises_on_digits_separators_scales_and_currencies(pieces, lang):
    """Random mixes of digits, separators, scale and currency words: no exception, finite numbers,
    exact sorted non-overlapping spans, and valid JSON out."""
    import json
    import math

    from compare.quantities import read_quantities
    source = "".join(pieces)
    found = read_quantities(source, lang)
    for m in found.mentions:
        assert source[m.start:m.end] == m.text
        assert all(v is None or math.isfinite(v) for v in (m.value, m.low, m.high, m.precision)), m
    assert all(a.end <= b.start for a, b in zip(found.mentions, found.mentions[1:]))
    json.dumps([m.model_dump() for m in found.mentions], allow_nan=False)
