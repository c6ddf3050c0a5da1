"""The quantity vocabulary of a language (compare/lang/LANG/*.yaml), validated and frozen.

Number words, scales, currencies, qualifiers, periods, ratio and change words, count units and
the words of dates are data so that an analyst can read and extend them without touching
Python. Each file is checked against a strict model (compare/lexicon_schema.py); a mistake is
reported with its file and line. What the models validate is kept as read-only records: `Lexicon`,
whose fields are the files, each a `Record` of its model's fields. The attribution code reads
`changes` to find a change verb anywhere in a sentence.

Validating takes pydantic and PyYAML, a tenth of a second of every process that reads a text. The
built-in vocabulary, once validated, is therefore kept as JSON in the user's cache directory under a
hash of the language's files and of the code that validates them: a changed file is read and
validated again, and the `quantities` command starts without importing either.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from compare import __version__
from compare.errors import Problem, UserError
from compare.lang import LANG_DIR, languages

_TAG = "__record__"  # the key that marks a record in the cached JSON
_VERSIONS_KEPT = 4  # cached vocabularies kept per language


class Record:
    """One validated part of a vocabulary, read-only: the fields of its model as attributes."""

    def __init__(self, **fields: Any) -> None:
        object.__setattr__(self, "__dict__", fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self), tuple(self.__dict__.values())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"


class RatioPhrase(Record):
    """A word phrase that states a factor: 'a tenth of' (10, less), 'quadruplé' (4, more); the fields and
    defaults of lexicon_schema.RatioPhrase (a test compares them)."""

    def __init__(self, factor: float, direction: Optional[str] = None, keep: int = 0, qualifier: str = "=") -> None:
        super().__init__(factor=float(factor), direction=direction, keep=keep, qualifier=qualifier)


class Lexicon(Record):
    """Everything the quantity parser knows about one language: `lang`, then one record per file
    (numbers, scales, currencies, percents, qualifiers, periods, ratios, change_words, units, dates).
    The annotations are for the type checker: each record is a lexicon_schema model's fields, read-only."""

    lang: str
    numbers: Any
    scales: Any
    currencies: Any
    percents: Any
    qualifiers: Any
    periods: Any
    ratios: Any
    change_words: Any
    units: Any
    dates: Any

    @property
    def changes(self) -> dict[str, str]:
        """Change phrase -> "up"/"down"; a trailing * matches any ending. For finding a change verb anywhere."""
        return dict(self.change_words.words)

    @property
    def currency_codes(self) -> dict[str, str]:
        """Every written form of a currency (before or after the amount) -> ISO 4217 code."""
        out: dict[str, str] = {}
        for c in self.currencies.currencies:
            for form in c.before + c.after:
                out.setdefault(form, c.code)
        return out

    @property
    def period_phrases(self) -> dict[str, str]:
        """Period phrase -> canonical per ("par mois" -> "month")."""
        return {p: per for per, phrases in self.periods.periods.items() for p in phrases}

    @property
    def unit_phrases(self) -> dict[str, str]:
        """Count unit phrase -> canonical unit ("puces" -> "GPUs")."""
        return {p: unit for unit, phrases in self.units.units.items() for p in phrases}


LEXICON_FIELDS = ("lang", "numbers", "scales", "currencies", "percents", "qualifiers", "periods", "ratios",
                  "change_words", "units", "dates")
"""The fields of a Lexicon in order: what read_lexicon gives (a test checks them against the files)."""
_RECORDS = {"Lexicon": Lexicon, "RatioPhrase": RatioPhrase}


def _record(value: Any) -> Any:
    """A validated model as records (its fields in order), lists and mappings as they are."""
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:
        return _RECORDS.get(type(value).__name__, Record)(**{name: _record(getattr(value, name)) for name in fields})
    if isinstance(value, list):
        return [_record(v) for v in value]
    if isinstance(value, dict):
        return {k: _record(v) for k, v in value.items()}
    return value


def read_lexicon(folder: Path, lang: str) -> Lexicon:
    """The lexicon in a folder of vocabulary files, validated; raises UserError listing every problem."""
    from compare.lexicon_schema import FILES, read_vocabulary_file
    problems: list[Problem] = []
    parts = {name: read_vocabulary_file(folder / f"{name}.yaml", model, problems) for name, model in FILES.items()}
    if problems:
        raise UserError(problems)
    return Lexicon(lang=lang, **{"change_words" if name == "changes" else name: _record(model)
                                 for name, model in parts.items()})


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """The built-in vocabulary of `lang` ("fr" or "en"), loaded once: from the user's cache when
    its files and the code that validates them are unchanged since they were last validated."""
    folder = LANG_DIR / lang
    if not folder.is_dir():
        known = ", ".join(languages())
        raise UserError(Problem(f"no vocabulary for language {lang!r} (known: {known})"))
    cached = _cache_file(folder, lang)
    lexicon = _read_cache(cached) if cached is not None else None
    if lexicon is None or lexicon.lang != lang:
        lexicon = read_lexicon(folder, lang)
        if cached is not None:
            _write_cache(cached, lexicon)
    return lexicon


def _cache_file(folder: Path, lang: str) -> Optional[Path]:
    """Where the validated vocabulary of `folder` is cached: named by a hash of every file of the
    folder and of the modules that validate them; None without a cache directory."""
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
    try:
        root = Path(base) if base else Path.home() / ".cache"
        digest = hashlib.sha256(f"{__version__}\0{lang}\0".encode())
        here = Path(__file__).parent
        code = [here / name for name in ("lexicon.py", "lexicon_schema.py", "models.py", "yamlfiles.py")]
        for path in code + sorted(folder.iterdir()):
            if path.suffix in (".py", ".yaml", ".yml"):
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except (OSError, RuntimeError):  # no home directory, an unreadable file: read the files every time
        return None
    if not lang.isalnum():
        return None
    return root / "claim-compare" / f"lexicon-{lang}-{digest.hexdigest()[:32]}.json"


def _read_cache(path: Path) -> Optional[Lexicon]:
    try:
        with open(path, encoding="utf-8") as f:
            found = json.load(f, object_hook=_from_json)
    except (OSError, ValueError, TypeError, KeyError):  # missing, or not what _write_cache wrote
        return None
    return found if isinstance(found, Lexicon) and tuple(found.__dict__) == LEXICON_FIELDS else None


def _from_json(obj: dict) -> Any:
    kind = obj.pop(_TAG, None)
    return obj if kind is None else (_RECORDS[kind] if kind in _RECORDS else Record)(**obj)


def _to_json(value: Any) -> Any:
    if isinstance(value, Record):
        return {_TAG: type(value).__name__, **{k: _to_json(v) for k, v in value.__dict__.items()}}
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        if _TAG in value:
            raise ValueError(f"a vocabulary key is {_TAG!r}")
        return {k: _to_json(v) for k, v in value.items()}
    return value


def _write_cache(path: Path, lexicon: Lexicon) -> None:
    """Writes the validated lexicon, keeping the _VERSIONS_KEPT newest of its language (two checkouts of
    different versions may share the cache); a cache that cannot be written is no error: the files are
    read and validated again next time."""
    import tempfile
    tmp = None
    try:
        text = json.dumps(_to_json(lexicon), ensure_ascii=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as f:
            tmp = f.name
            f.write(text)
        os.replace(tmp, path)
        versions = sorted(path.parent.glob(f"lexicon-{lexicon.lang}-*.json"), key=lambda p: p.stat().st_mtime)
        for old in versions[:-_VERSIONS_KEPT]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
