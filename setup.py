"""Packaging that pyproject.toml cannot say alone: every package under compare/ (found, so a new one is
never left out of the wheel) plus the repository's rules/ folder installed as compare.default_rules,
so the default rules ship from their one copy."""
from setuptools import find_packages, setup

setup(packages=find_packages(include=["compare", "compare.*"]) + ["compare.default_rules"],
      package_dir={"compare.default_rules": "rules"})
