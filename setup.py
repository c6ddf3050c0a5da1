"""Packaging that pyproject.toml cannot say alone: every package under compare/ (found, so a new one is
never left out of the wheel) plus the repository's rules/ folder installed as compare.default_rules,
so the default rules ship from their one copy.

Optionally the quantity parser is compiled with mypyc (docs/quantities.md, "A compiled parser"): only
when CLAIM_COMPARE_COMPILE=1 is set for a regular (not editable) build. mypy is then a build requirement;
if it cannot be imported, or mypy finds an error, or the C compiler fails, the build says so and the
package is pure Python, the same as without the variable."""
import os
import sys

from setuptools import find_packages, setup
from setuptools.command.build_ext import build_ext

COMPILED = ["compare/quantities/reader.py", "compare/quantities/affixes.py", "compare/quantities/prefixes.py",
            "compare/quantities/ranges.py", "compare/quantities/powers.py", "compare/quantities/reading.py",
            "compare/quantities/skips.py", "compare/quantities/dollars.py", "compare/quantities/grammar.py",
            "compare/numbers.py"]  # not phrases.py: its NameIndex is pickled for the workers, which a compiled class is not
OPTED_IN = os.environ.get("CLAIM_COMPARE_COMPILE") == "1"
BUILDING = {"build", "build_ext", "bdist_wheel", "install"} & set(sys.argv)  # not an editable install nor metadata


def _warn(message: str) -> None:
    print(f"claim-compare: {message}; the quantity parser is installed as pure Python", file=sys.stderr)


def compiled_parser() -> list:
    """The mypyc extensions of the parser, or none (pure Python) unless opted in and they can be made."""
    if not (OPTED_IN and BUILDING):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("CLAIM_COMPARE_COMPILE=1 but mypy is not installed")
        return []
    try:
        import inspect
        named = {"group_name": "compare_parser"} if "group_name" in inspect.signature(mypycify).parameters else {}
        extensions = mypycify(COMPILED, opt_level="3", **named)  # named: its shared library compare_parser__mypyc
    except (Exception, SystemExit) as e:  # mypy's type errors end in SystemExit
        _warn(f"mypyc could not compile it ({e})")
        return []
    return extensions


class OptionalBuildExt(build_ext):
    """build_ext that leaves the package pure Python when the C compiler fails (none installed, an error):
    the extensions it built are removed, so no half-compiled package is installed."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # CompileError, LinkError, a missing compiler (DistutilsPlatformError)
            _warn(f"the C compiler failed ({e})")
            for ext in self.extensions:
                path = self.get_ext_fullpath(ext.name)
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []


setup(packages=find_packages(include=["compare", "compare.*"]) + ["compare.default_rules"],
      package_dir={"compare.default_rules": "rules"},
      ext_modules=compiled_parser(),
      cmdclass={"build_ext": OptionalBuildExt},
      setup_requires=["mypy>=1.10"] if OPTED_IN else [])
