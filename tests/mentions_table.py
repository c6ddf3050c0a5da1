"""Shared helpers of the quantity tables (tests/test_quantities_en.py, tests/test_quantities_fr.py)."""
import pytest

from compare.quantities import find_mentions


def q(text, value=None, unit=None, kind=None, **kw):
    """An expected mention: its text and the fields to check (kind defaults from the unit)."""
    if kind is None:
        kind = {"percent": "percent", "pp": "percent", "x": "ratio", None: "number"}.get(unit, "money" if unit and len(unit) == 3 and unit.isupper() else "count")
    return dict(text=text, value=value, unit=unit, kind=kind, **kw)


def xf(row, reason):
    return pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=reason), id=row[0])


def ids(rows):
    return [r.id if hasattr(r, "id") and not isinstance(r, tuple) else r[0] for r in rows]


def check_mentions(source, expected, lang):
    """Every mention of `source`, in order, has the expected text and fields; spans are exact slices."""
    got = find_mentions(source, lang)
    for m in got:
        assert source[m.start:m.end] == m.text
    assert [m.text for m in got] == [e["text"] for e in expected]
    for m, e in zip(got, expected):
        for field, want in e.items():
            have = getattr(m, field)
            if isinstance(want, float) and have is not None:
                assert have == pytest.approx(want, rel=1e-12), field
            else:
                assert have == want, (field, m)
    starts = [m.start for m in got]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))


def table_test(rows, lang):
    """One parametrised test for one table: each row's mentions are checked in `lang`."""
    @pytest.mark.parametrize("source,expected", rows, ids=ids(rows))
    def test(source, expected):
        check_mentions(source, expected, lang)
    return test
