"""Errors meant for an analyst: each problem has a location and a message, raised as one type.

The CLI prints every problem of a `UserError` one per line (`file:line:col: error: message`)
and exits with status 1, never with a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a user's file, where it is and what to do about it."""

    message: str
    file: Optional[str] = None
    line: Optional[int] = None
    column: Optional[int] = None
    severity: str = "error"

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        message = self.message.replace("\r", "\\r").replace("\n", "\\n")  # one problem, one line
        return f"{where}{self.severity}: {message}"


class UserError(Exception):
    """Bad input from the user: one or more located problems."""

    def __init__(self, problems: Iterable[Problem] | Problem | str):
        if isinstance(problems, (Problem, str)):
            problems = [problems]
        self.problems = [p if isinstance(p, Problem) else Problem(p) for p in problems]
        super().__init__("\n".join(str(p) for p in self.problems))
