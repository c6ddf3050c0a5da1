"""Test settings shared by the suite.

Property tests draw the same examples on every run, so a red CI is always reproducible. Tests
marked `slow` (LibreOffice conversions, the big fuzzing runs) run in CI (`CI` set) or with
`--runslow`; a developer's default run skips them and stays under 30 seconds.
"""
import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.load_profile("repeatable")


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", help="also run the tests marked slow (CI does)")


def pytest_configure(config):
    if config.getoption("--runslow"):
        os.environ.setdefault("FUZZ", "full")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="slow: runs in CI (CI=true) or with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def engine():
    """The default rules compiled for extraction, once per run (a module may define its own)."""
    from compare.extract import compile_engine
    from compare.rules import load_rules
    return compile_engine(load_rules([Path(__file__).resolve().parents[1] / "rules"]))
