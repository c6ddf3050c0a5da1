"""Which parser the tests run on. CI's second run installs the mypyc build (CLAIM_COMPARE_COMPILE=1) and
sets CLAIM_COMPARE_EXPECT_COMPILED=1: the parser tables must then run on the compiled modules, not on the
checkout's sources, or that run would test nothing new."""
import os

import pytest

import compare.quantities as quantities
from compare.quantities import reader


def test_compiled_build_is_the_one_tested():
    if os.environ.get("CLAIM_COMPARE_EXPECT_COMPILED") != "1":
        pytest.skip("only in CI's run on the compiled build (.ci/run)")
    assert quantities.COMPILED, f"the pure parser was imported from {reader.__file__}"
    assert not reader.__file__.endswith(".py")

