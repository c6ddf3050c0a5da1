"""What a command says on standard error while it reads a corpus: a progress bar and skip lines.

The bar (articles done of those expected, claims found, articles per second, time left) is
tqdm's: a small pure-Python package with no dependencies that computes rate and time left,
redraws at most a few times a second, and lets a line be printed above the bar (`tqdm.write`);
rich would do the same with a larger dependency tree and a refresh thread. The bar is shown
only when standard error is a terminal and `--quiet` is not given; skipped files and lines are
named one per line in every case, and make the command's exit status EXIT_SKIPPED.
"""
from __future__ import annotations

import sys
from typing import Callable, Optional, TextIO

from compare.errors import Problem

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


class Report:
    """The standard-error side of one run; `skipped` lists what was not read."""

    def __init__(self, quiet: bool = True, stream: Optional[TextIO] = None, bar: Optional[bool] = None):
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.shows_bar = (not quiet and bool(isatty and isatty())) if bar is None else bar
        self.quiet = quiet
        self.skipped: list[Problem] = []
        self.claims = 0
        self._bar = None

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else EXIT_OK

    def start(self, expected: Callable[[], int]) -> None:
        """Open the bar; `expected` (the articles to read) is called only when the bar is shown."""
        if self.shows_bar:
            from tqdm import tqdm
            self._bar = tqdm(total=expected(), unit=" articles", file=self.stream, dynamic_ncols=True,
                             mininterval=0.5, smoothing=0.1)
            self._bar.set_postfix_str("0 claims", refresh=False)

    def advance(self, claims: int = 0) -> None:
        """One more article done, with its number of claims."""
        self.claims += claims
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.claims:,} claims", refresh=False)
            self._bar.update(1)

    def skip(self, problem: Problem) -> None:
        """A file, line or folder not read: named at once, counted for the exit status."""
        self.skipped.append(problem)
        self._print(str(problem))
        if problem.line is not None or not problem.message.startswith("skipped folder"):
            self.advance(0)

    def note(self, message: str) -> None:
        if not self.quiet:
            self._print(message)

    def _print(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.total = self._bar.n  # duplicates read once: the bar ends full
            self._bar.refresh()
            self._bar.close()
            self._bar = None
