"""Which files a run reads: paths and folders in, (file, root) pairs out, in a fixed order.

A folder is walked without following links to folders (no loops); hidden files and folders are
left out; a subfolder that cannot be listed is reported, never silently passed over. Names may be
any bytes: `shown` gives the text to print or to use in an id for a name that is not UTF-8.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Callable, Iterable, Union

from compare.errors import Problem, UserError

TEXT_SUFFIXES = (".txt", ".md", ".text", "")  # "": a file with no suffix, as sentence dumps often are
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".jsonl",)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES
STDIN = "-"

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(name: Union[str, Path]) -> str:
    """A file name as text that can be printed, written to a workbook and encoded as UTF-8: bytes that
    are not UTF-8 and control characters become `\\xNN`."""
    text = os.fsencode(str(name)).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def kind_of(file: Path) -> str:
    """'text', 'html' or 'feed' by the file's suffix."""
    suffix = file.suffix.lower()
    return "html" if suffix in HTML_SUFFIXES else "feed" if suffix in FEED_SUFFIXES else "text"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk(folder: Path, skip: Callable[[Problem], None]) -> list[Path]:
    """Every article file under `folder`, sorted; a subfolder that cannot be listed goes to `skip`."""
    found: list[Path] = []

    def unreadable(e: OSError) -> None:
        skip(Problem(f"skipped folder: cannot list it ({e.strerror or e})", file=shown(e.filename or folder),
                     severity="warning"))

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for name in files:
            f = Path(top, name)
            if _hidden(name) or f.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            try:
                regular = stat.S_ISREG(f.stat().st_mode)  # a link to a file counts; a FIFO or device never
            except OSError:
                regular = False  # a dangling link
            if regular:
                found.append(f)
    return sorted(found, key=lambda f: os.fsencode(f))


def article_paths(paths: Iterable[Union[str, Path]], skip: Callable[[Problem], None]) -> list[tuple[Path, Path]]:
    """(file, root) for every article under `paths`, folders read recursively, in sorted order; `-` is
    standard input, (Path('-'), Path('.')). A path given that does not exist, or a folder without one
    article, is an error before anything is read."""
    found: list[tuple[Path, Path]] = []
    problems: list[Problem] = []
    for given in paths:
        p = Path(given)
        if str(given) == STDIN:
            found.append((p, Path(".")))
        elif p.is_dir():
            files = walk(p, skip)
            if not files:
                problems.append(Problem("no article in folder (.txt, .md, .html, .jsonl)", file=shown(p)))
            found.extend((f, p) for f in files)
        elif p.is_file():
            found.append((p, p.parent))
        elif p.exists():
            problems.append(Problem("not a regular file (a device, FIFO or socket is never read)", file=shown(p)))
        else:
            problems.append(Problem(f"no such file or folder: {shown(p)}", file=shown(p)))
    if problems:
        raise UserError(problems)
    return found


def article_id(file: Path, root: Path) -> str:
    """The file's path under its root, without suffix: stable and unique within one run."""
    if str(file) == STDIN:
        return "stdin"
    try:
        rel = file.relative_to(root)
    except ValueError:
        rel = Path(file.name)
    return shown(rel.with_suffix("").as_posix())
