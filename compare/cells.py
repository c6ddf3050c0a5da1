"""Safe cell values: text that can never become a formula, XML-safe characters, Excel's limits.

Every string the workbook writes comes from articles or rule files, i.e. from outside. It goes
through here so that a hostile sentence (`=HYPERLINK(...)`, `@SUM(A1)`, control characters, a
100,000-character paragraph) is shown as the text it is, and never breaks the file.
"""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlsplit

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from pydantic import BaseModel, ConfigDict

MAX_CELL_CHARS = 32_767
MAX_ROWS = 1_048_576
MAX_HYPERLINKS = 65_530
MAX_URL_CHARS = 2_079
# Not Excel's limit but ours: Excel opens a sheet with 100,000 comments slowly, and the same
# text is in the Rule/Cue/Why columns.
MAX_COMMENTS = 10_000
MAX_SHEET_TITLE = 31

# What XML 1.0 cannot hold (openpyxl refuses the controls; lone surrogates fail at encoding).
UNWRITABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SHEET_TITLE_BAD_RE = re.compile(r"[\[\]:*?/\\]")
TABLE_NAME_BAD_RE = re.compile(r"[^A-Za-z0-9_.]")
HIGHLIGHT = InlineFont(rFont="Calibri", sz=11, b=True, color="C00000")


class Limits(BaseModel):
    """Excel's limits; tests lower them to exercise overflow without writing a million rows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rows: int = MAX_ROWS
    hyperlinks: int = MAX_HYPERLINKS
    cell_chars: int = MAX_CELL_CHARS
    comments: int = MAX_COMMENTS


def visible_marker(ch: str) -> str:
    return f"[U+{ord(ch):04X}]"


def clean(text: str) -> str:
    """Text with every character XML cannot hold replaced by a visible `[U+0007]` marker."""
    return UNWRITABLE_RE.sub(lambda m: visible_marker(m.group()), text)


def truncation_marker(dropped: int) -> str:
    return f" […{dropped:,} characters cut: Excel holds {MAX_CELL_CHARS:,} per cell]"


def fit(text: str, limit: int = MAX_CELL_CHARS) -> tuple[str, bool]:
    """Clean text cut to `limit` characters, ending with a marker saying how much was cut."""
    text = clean(text)
    if len(text) <= limit:
        return text, False
    keep = max(0, limit - len(truncation_marker(len(text))))
    return text[:keep] + truncation_marker(len(text) - keep), True


def highlighted(sentence: str, start: int, end: int, limit: int = MAX_CELL_CHARS) -> tuple[CellRichText | str, bool]:
    """The sentence with [start:end] in bold red; cut around the highlight when too long.

    Returns plain text when the span does not lie inside the sentence.
    """
    if not (0 <= start < end <= len(sentence)):
        return fit(sentence, limit)
    before, span, after = sentence[:start], sentence[start:end], sentence[end:]
    cut = False
    if len(clean(sentence)) > limit:
        cut = True
        span = fit(span, limit // 2)[0]
        room = max(0, limit - len(span) - 2 * len(truncation_marker(len(sentence))))
        before = before[-(room // 2):] if room // 2 else ""
        after = after[: room - len(before)]
        dropped = len(sentence) - len(before) - len(after) - (end - start)
        before, after = clean(before), clean(after)
        before = ("…" if start > len(before) else "") + before
        after = after + truncation_marker(dropped)
    else:
        before, span, after = clean(before), clean(span), clean(after)
    parts = [p for p in (before, TextBlock(HIGHLIGHT, span), after) if isinstance(p, TextBlock) or p]
    return CellRichText(*parts), cut


def web_url(url: Optional[str]) -> Optional[str]:
    """The URL if it is a plain http(s) address a hyperlink may point to, else None."""
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL_CHARS or UNWRITABLE_RE.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def sheet_title(name: str, taken: set[str] = frozenset()) -> str:
    """A legal, unique sheet name: no []:*?/\\, not quoted, at most 31 characters."""
    base = SHEET_TITLE_BAD_RE.sub("_", clean(name)).strip("'").strip() or "Sheet"
    base = base[:MAX_SHEET_TITLE]
    lowered = {t.lower() for t in taken}
    title, n = base, 1
    while title.lower() in lowered:
        n += 1
        suffix = f" ({n})"
        title = base[: MAX_SHEET_TITLE - len(suffix)] + suffix
    return title


def table_name(title: str, taken: set[str] = frozenset()) -> str:
    """A legal, unique Excel table name derived from a sheet title (letters, digits, _ and .)."""
    base = TABLE_NAME_BAD_RE.sub("_", title.replace(" (", "_").replace(")", "")) or "Table"
    if not (base[0].isalpha() or base[0] == "_"):
        base = "T_" + base
    base = base[:250]
    lowered = {t.lower() for t in taken}
    name, n = base, 1
    while name.lower() in lowered:
        n += 1
        name = f"{base}_{n}"
    return name
