"""Every command of the CLI is documented in the README."""
import argparse
from pathlib import Path

from compare.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(parser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = list(_commands(sub, prefix + (name,)))
                yield from nested or [prefix + (name,)]


def test_every_command_is_in_the_readme():
    commands = [" ".join(c) for c in _commands(build_parser())]
    assert len(commands) >= 9
    missing = [c for c in commands if f"claim-compare {c}" not in README]
    assert missing == []


def test_readme_has_the_two_commands():
    assert "claim-compare export seeds/ --rules rules/ -o claims.xlsx" in README
    assert "python -m pytest" in README
