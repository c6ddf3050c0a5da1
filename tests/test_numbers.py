"""Reading numerals: digit strings by each language's separators, and spelled numbers."""
import pytest

from compare.numbers import read_digits, read_words, scaled_precision

NBSP, NNBSP = "\u00a0", "\u202f"

DIGITS = [
    # run, lang, value, precision, characters used
    ("2,788,000", "en", 2788000.0, 1.0, 9),
    ("1,234.5", "en", 1234.5, 0.1, 7),
    ("4.800", "en", 4.8, 0.001, 5),
    ("5.576", "en", 5.576, 0.001, 5),
    ("0.14", "en", 0.14, 0.01, 4),
    (".08", "en", 0.08, 0.01, 3),
    ("65,536", "en", 65536.0, 1.0, 6),
    ("192.168.1.2", "en", 192.0, 1.0, 3),
    ("22,24", "en", 22.0, 1.0, 2),
    ("1234,567", "en", 1234.0, 1.0, 4),
    (f"1{NBSP}234", "en", 1234.0, 1.0, 5),
    ("5,57", "fr", 5.57, 0.01, 4),
    ("294.000", "fr", 294000.0, 1.0, 7),
    ("1.250.000", "fr", 1250000.0, 1.0, 9),
    ("12,345", "fr", 12.345, 0.001, 6),
    ("4,800", "fr", 4.8, 0.001, 5),
    (f"1{NBSP}234,5", "fr", 1234.5, 0.1, 7),
    (f"2{NNBSP}048", "fr", 2048.0, 1.0, 5),
    ("12 000 000", "fr", 12e6, 1.0, 10),
    ("3 500", "fr", 3500.0, 1.0, 5),
    ("2025 100", "fr", 2025.0, 1.0, 4),
    ("192.168.1.2", "fr", 192168.0, 1.0, 7),
    ("1.5", "fr", 1.5, 0.1, 3),
    (",23456000", "fr", 0.23456, 1e-8, 9),
    ("1 234 567,89", "fr", 1234567.89, 0.01, 12),
    ("10 12", "fr", 10.0, 1.0, 2),
    ("500", "fr", 500.0, 1.0, 3),
    ("0,5", "fr", 0.5, 0.1, 3),
]


@pytest.mark.parametrize("run,lang,value,precision,length", DIGITS, ids=[f"{d[1]}:{d[0]}" for d in DIGITS])
def test_read_digits(run, lang, value, precision, length):
    n = read_digits(run, lang)
    assert n.value == pytest.approx(value, rel=1e-12)
    assert n.precision == pytest.approx(precision, rel=1e-9)
    assert n.length == length


WORDS = [
    # text, lang, value (None: no number), characters used, approximate
    # numbers longer than the six words read_words tries first
    ("quatre-vingt-dix-sept millions trois cent quarante-deux mille", "fr", 97342000.0, 61, False),
    ("deux millions trois cent quarante-cinq mille six cent soixante-dix-huit euros", "fr", 2345678.0, 71, False),
    ("one million two hundred and thirty-four thousand five hundred and sixty-seven", "en", 1234567.0, 77, False),
    ("seven hundred and twenty-one thousand three hundred and five people", "en", 721305.0, 60, False),
    ("three point one four one five nine two six", "en", 3.1415926, 42, False),
    ("onze", "fr", 11.0, 4, False),
    ("vingt-cinq", "fr", 25.0, 10, False),
    ("vingt et un", "fr", 21.0, 11, False),
    ("soixante et onze", "fr", 71.0, 16, False),
    ("quatre-vingts", "fr", 80.0, 13, False),
    ("quatre-vingt-dix", "fr", 90.0, 16, False),
    ("quatre-vingt-dix-sept", "fr", 97.0, 21, False),
    ("dix-sept", "fr", 17.0, 8, False),
    ("deux cents", "fr", 200.0, 10, False),
    ("cinq cent trente-cinq", "fr", 535.0, 21, False),
    ("trois mille neuf cent soixante-cinq", "fr", 3965.0, 35, False),
    ("mille cinq cents", "fr", 1500.0, 16, False),
    ("trois millions", "fr", 3e6, 14, False),
    ("trois million sept", "fr", 3000007.0, 18, False),
    ("un demi-million", "fr", 5e5, 15, False),
    ("un million et demi", "fr", 1.5e6, 18, False),
    ("deux et demi", "fr", 2.5, 12, False),
    ("une centaine", "fr", 100.0, 12, True),
    ("un millier", "fr", 1000.0, 10, True),
    ("nonante", "fr", 90.0, 7, False),
    ("cent", "fr", 100.0, 4, False),
    ("un", "fr", None, 0, False),
    ("une", "fr", None, 0, False),
    ("millions de", "fr", None, 0, False),
    ("deux et trois", "fr", 2.0, 4, False),
    ("trois deux", "fr", 3.0, 5, False),
    ("sixteen", "en", 16.0, 7, False),
    ("twenty-five", "en", 25.0, 11, False),
    ("one hundred and sixteen", "en", 116.0, 23, False),
    ("one hundred and sixty-one", "en", 161.0, 25, False),
    ("three hundred", "en", 300.0, 13, False),
    ("a dozen", "en", 12.0, 7, False),
    ("half a  dozen", "en", 6.0, 13, False),
    ("three hundred and two dozens", "en", 324.0, 28, False),
    ("a half", "en", 0.5, 6, False),
    ("two and a half", "en", 2.5, 14, False),
    ("a thousand", "en", 1000.0, 10, False),
    ("one thousand and five hundred", "en", 1500.0, 29, False),
    ("two hundred point zero three", "en", 200.03, 28, False),
    ("nine point nought four", "en", 9.04, 22, False),
    ("seven billion", "en", 7e9, 13, False),
    ("a", "en", None, 0, False),
    ("millions of", "en", None, 0, False),
    ("quarter", "en", None, 0, False),
    ("one", "en", 1.0, 3, False),
]


@pytest.mark.parametrize("text,lang,value,length,approximate", WORDS, ids=[f"{w[1]}:{w[0]}" for w in WORDS])
def test_read_words(text, lang, value, length, approximate):
    n = read_words(text, lang)
    if value is None:
        assert n is None
        return
    assert n.value == pytest.approx(value, rel=1e-12)
    assert n.length == length
    assert n.approximate == approximate


@pytest.mark.parametrize("precision,scale,want", [(0.01, 1e6, 1e4), (1.0, 1e9, 1e9), (0.001, 1e6, 1e3), (None, 1e6, None)])
def test_scaled_precision_is_rounded(precision, scale, want):
    assert scaled_precision(precision, scale) == want
