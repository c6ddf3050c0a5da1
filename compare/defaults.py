"""The default rules and references, shipped inside the package, and `claim-compare init`.

The repository's `rules/` folder is the one source: a wheel installs it as the package
`compare.default_rules` (pyproject.toml maps that package to `rules/`), a source checkout or an
editable install reads it where it is. A command given no `--rules` uses `./rules` when the
current folder has one (an analyst's copy, made by `init`), else these.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional, Sequence, Union

from compare.errors import Problem, UserError

_PACKAGE = Path(__file__).resolve().parent
LOCAL_RULES = "rules"


def default_rules_dir() -> Path:
    """The folder of the shipped rule files."""
    for folder in (_PACKAGE / "default_rules", _PACKAGE.parent / "rules"):
        if any(folder.glob("*.yaml")):
            return folder
    raise UserError(Problem("the default rules are missing from this installation; reinstall claim-compare "
                            "or give --rules"))


def shown_path(path: Union[str, Path]) -> str:
    """A rule file's path as the workbook shows it: the shipped rules, found by absolute path when no
    --rules is given, by their name under `(default rules)`, so that a workbook made with them is the
    same on every machine; a path an analyst gave, as given."""
    if not Path(path).is_absolute():
        return str(path)
    try:
        inside = Path(path).resolve().relative_to(default_rules_dir().resolve())
    except (ValueError, OSError, UserError):
        return str(path)
    return f"(default rules)/{inside.as_posix()}"


def rules_paths(given: Optional[Sequence[str]] = None) -> list[str]:
    """The rule files or folders to load: those given, else ./rules when it exists, else the defaults."""
    if given:
        return list(given)
    if Path(LOCAL_RULES).is_dir():
        return [LOCAL_RULES]
    return [str(default_rules_dir())]


def init_rules(folder: Union[str, Path] = LOCAL_RULES) -> list[Path]:
    """Copy the default rule files into `folder` for editing; nothing is written if one exists there."""
    source = default_rules_dir()
    target = Path(folder)
    files = sorted(source.glob("*.yaml"))
    there = [target / f.name for f in files if (target / f.name).exists() or (target / f.name).is_symlink()]
    if there:
        raise UserError([Problem("already exists; init never overwrites a rule file (move it away first)",
                                 file=str(p)) for p in there])
    if target.exists() and not target.is_dir():
        raise UserError(Problem("not a folder", file=str(target)))
    try:
        target.mkdir(parents=True, exist_ok=True)
        return [Path(shutil.copyfile(f, target / f.name)) for f in files]
    except OSError as e:
        raise UserError(Problem(f"cannot write the rule files: {e.strerror or e}", file=str(e.filename or target)))
