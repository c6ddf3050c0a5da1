"""The analyst's workbook: claims, comparisons and sources as formatted, safe, deterministic .xlsx.

Sheets: Summary, Claims, Comparisons, Side by side, Matrix, Sources, Unclaimed numbers, Rules
(and Retired claims once a review outlives its claim), one module each; `kit` writes Excel tables
with frozen headers and print setup, `formats` the number formats, `saving` the file. The review
columns of a previous export at the same path are carried over (compare.review), and a sheet or a
Claims column the analyst added stops the export unless `force` (never silently lost).
Written with openpyxl's write-only mode so 100,000 claims fit in memory, into a temporary file
that replaces the target only when complete.
"""
from __future__ import annotations

import os  # noqa: F401  (tests replace os.replace here to simulate a failed rename)
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence, Union

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.defined_name import DefinedName
from pydantic import BaseModel, ConfigDict

from compare import __version__
from compare.cells import Limits
from compare.defaults import shown_path
from compare.errors import Problem, UserError
from compare.models import Article, Claim, Comparison, Unclaimed
from compare.review import (CLAIMS_SHEET, FORMAT_VERSION, MARKER_NAME, MARKER_PROPERTY, RETIRED_SHEET,
                            PreviousReviews, carry_reviews, lock_file, read_reviews)
from compare.workbook.claims import headers as claim_headers
from compare.workbook.claims import claims_sheet, quote_of
from compare.workbook.comparisons import comparisons_sheet
from compare.workbook.formats import display, relation, stored, unit_format
from compare.workbook.kit import Book
from compare.workbook.matrix import matrix_sheet
from compare.workbook.retired import retired_sheet
from compare.workbook.rules_sheet import rules_sheet
from compare.workbook.saving import (StampedZip, current_umask, refuse_read_only, run_time, save_atomically, target_of,
                                     writing_beside)
from compare.workbook.side_by_side import side_by_side_sheet
from compare.workbook.sources import sources_sheet

if TYPE_CHECKING:
    from compare.comparisons import Compared
from compare.workbook.summary import rules_version, summary_sheet
from compare.workbook.unclaimed import unclaimed_sheet

__all__ = ["write_workbook", "WorkbookResult", "summary_line", "Limits", "display", "run_time", "stored",
           "unit_format", "quote_of", "relation", "StampedZip", "current_umask"]

SHEETS = ("Summary", "Claims", "Comparisons", "Side by side", "Matrix", "Sources", "Unclaimed numbers", "Rules",
          RETIRED_SHEET)
# Claims headers of earlier claim-compare versions: not the analyst's additions.
FORMER_HEADERS = ("Article", "Reference", "Off by", "Quote", "Claimed text", "Sentence", "Value", "Low", "High")
CONTINUED = re.compile(r"^(.*) \((\d+)\)$")


class WorkbookResult(BaseModel):
    """What an export wrote: counts per sheet, what happened to reviews, and warnings to show."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    sheets: tuple[str, ...]
    articles: int
    claims: int
    unclaimed: Optional[int]  # None: not known (a workbook from a claims file)
    comparisons: int
    reviews_carried: int
    reviews_retired: int
    reviews_restored: int
    truncated_cells: int
    warnings: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()


def summary_line(result: WorkbookResult) -> str:
    """The line `export` prints: counts, what happened to reviews, then one line per warning."""
    reviews = ""
    if result.reviews_carried or result.reviews_retired or result.reviews_restored:
        reviews = (f" (reviews: {result.reviews_carried} carried over, {result.reviews_retired} retired, "
                   f"{result.reviews_restored} restored)")
    unclaimed = "" if result.unclaimed is None else f"{result.unclaimed} unclaimed numbers, "
    lines = [f"{result.articles} articles, {result.claims} claims, {unclaimed}"
             f"{result.comparisons} comparisons -> {result.path}{reviews}"]
    lines += [f"warning: {w}" for w in result.warnings]
    return "\n".join(lines)


def analyst_additions(previous: PreviousReviews, currency: str) -> list[str]:
    """Sheets and Claims columns of the previous workbook that no export writes: the analyst's own."""
    ours = set(claim_headers(currency)) | set(FORMER_HEADERS)
    found = []
    for title in previous.sheets:
        m = CONTINUED.match(title)
        if title not in SHEETS and not (m and m.group(1) in SHEETS):
            found.append(f"sheet '{title}'")
    for h in previous.claims_headers:
        if h not in ours and not re.fullmatch(r"Value \([A-Z]{3}\)", h):
            found.append(f"column '{h}' of Claims")
    return found


def _check_target(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise UserError(Problem("the workbook must be an .xlsx file", file=str(path)))
    if not path.parent.is_dir():
        raise UserError(Problem(f"the folder {path.parent} does not exist", file=str(path)))
    lock = lock_file(path)
    if lock:
        raise UserError(Problem(f"the workbook is open in another program (lock file {lock.name}); "
                                "close it and export again", file=str(path)))


def _alerts(book: Book, limits: Limits) -> list[str]:
    alerts: list[str] = []
    for title, n in book.continued.items():
        alerts.append(f"{title}: more rows than Excel's {limits.rows:,} per sheet; continued on "
                      f"{', '.join(f'{title} ({i})' for i in range(2, n + 1))}")
    for title, n in sorted(book.left_out.items()):
        alerts.append(f"{title}: {n:,} rows left out to stay within Excel's {limits.rows:,} rows per sheet")
    for title, n in sorted(book.unlinked.items()):
        alerts.append(f"{title}: {n:,} links beyond Excel's {limits.hyperlinks:,} per sheet are plain text")
    for title, n in sorted(book.uncommented.items()):
        alerts.append(f"{title}: only the first {limits.comments:,} rows have a comment with the rule and cue; "
                      f"the other {n:,} have them in the Rule, Cue and Why columns" if title.startswith(CLAIMS_SHEET)
                      else f"{title}: only the first {limits.comments:,} cells have a comment; the other {n:,} have none")
    for title, n in sorted(book.truncated.items()):
        alerts.append(f"{title}: {n:,} cells longer than Excel's {limits.cell_chars:,} characters were cut "
                      "(marked '…characters cut')")
    return alerts


def write_workbook(path, *, articles: Sequence[Article], claims: Sequence[Claim],
                   unclaimed: Optional[Sequence[Unclaimed]],
                   comparisons: Union[Sequence[Comparison], "Compared"], rules, now: Optional[str],
                   references: Sequence = (), limits: Limits = Limits(), locations=None, force: bool = False,
                   duplicates: Sequence[tuple[str, str]] = ()) -> WorkbookResult:
    """Write the analyst's workbook at `path`, carrying over the review of the workbook already there.

    `comparisons` is what compare.comparisons.compare_all gives (comparisons, reference checks,
    values in the common currency), or a plain list of comparisons (then no claim has a check).
    `unclaimed` None: not known (the claims came from a file), said so on the Summary and Sources.
    Raises UserError (and leaves the old file as it was) if the target is open, not ours, its
    review cannot be carried over, or it holds sheets or columns the analyst added (unless `force`).
    """
    from compare.comparisons import Compared
    compared = comparisons if isinstance(comparisons, Compared) else \
        Compared(comparisons=list(comparisons), currency=rules.settings.currency)
    path = Path(path)
    _check_target(path)
    target = target_of(path)  # a symbolic link is written through to its file (compare.workbook.saving)
    if target != path:
        _check_target(target)
    refuse_read_only(target)
    stamp = run_time(now, articles)
    previous = read_reviews(target)
    added = analyst_additions(previous, compared.currency)
    if added and not force:
        raise UserError(Problem(
            f"the workbook holds what an export would not keep: {', '.join(added)}; move it to another file, "
            "or export again with --force to drop it", file=str(path)))
    claims = sorted(claims, key=lambda c: (c.article, c.start, c.end, c.id))
    known = unclaimed is not None
    unclaimed = sorted(unclaimed or (), key=lambda u: (u.article, u.start, u.end, u.text))
    articles = sorted(articles, key=lambda a: a.id)
    carried = carry_reviews(previous, [c.id for c in claims], stamp.date().isoformat())
    refs_used = sorted(list(references) or list(rules.references), key=lambda r: r.id)
    order = {q.id: i for i, q in enumerate(rules.quantities)}
    by_id = {a.id: a for a in articles}

    with writing_beside(target):  # temporary files beside the workbook, not in /tmp
        wb = Workbook(write_only=True)
        wb.properties.creator = "claim-compare"
        wb.properties.title = "Claims"
        wb.custom_doc_props.append(StringProperty(name=MARKER_PROPERTY, value=FORMAT_VERSION))
        wb.custom_doc_props.append(StringProperty(name="claim-compare version", value=__version__))
        wb.defined_names[MARKER_NAME] = DefinedName(MARKER_NAME, attr_text=f'"{FORMAT_VERSION}"', hidden=True)
        book = Book(wb, limits)
        run = [["claim-compare version", __version__],
               ["Generated", stamp if stamp.time() != datetime.min.time()
                else datetime.combine(stamp.date(), datetime.min.time())],
               ["Rule set version", rules_version(rules)],
               ["Articles", len(articles)],
               ["Duplicate articles", "; ".join(f"{d} = {o}" for d, o in duplicates) or 0],
               ["Claims", len(claims)],
               ["Comparisons", len(compared.comparisons)],
               ["Unclaimed numbers", len(unclaimed) if known else "not in a claims file (export the articles to list them)"],
               ["Rule files", "; ".join(shown_path(f) for f in rules.files) or None],
               ["References", f"{len(refs_used)}: " + ", ".join(r.id for r in refs_used) if refs_used else 0],
               ["Reviews", f"{carried.carried} carried over, {carried.newly_retired} retired, "
                           f"{carried.restored} restored"]]
        try:
            summary_sheet(book, run, claims, rules, order, compared)
            claims_sheet(book, claims, by_id, carried, compared, rules)
            comparisons_sheet(book, compared.comparisons)
            side_by_side_sheet(book, claims, compared.comparisons, compared, by_id, rules, order)
            matrix_sheet(book, claims, order, compared, rules)
            sources_sheet(book, articles, claims, unclaimed if known else None)
            unclaimed_sheet(book, unclaimed, by_id)
            rules_sheet(book, rules, refs_used, locations)
            if carried.retired:
                retired_sheet(book, carried.retired)
            book.close()
        finally:
            book.discard()
        alerts = _alerts(book, limits)
        alerts += [f"{d} has the same text as {o}: read once" for d, o in duplicates]
        if added:
            alerts.append(f"dropped what the analyst added (--force): {', '.join(added)}")
        sheets = tuple(ws.title for ws in wb.worksheets)
        save_atomically(wb, target, stamp)
    return WorkbookResult(path=str(path), sheets=sheets, articles=len(articles), claims=len(claims),
                          unclaimed=len(unclaimed) if known else None, comparisons=len(compared.comparisons),
                          reviews_carried=carried.carried, reviews_retired=len(carried.retired),
                          reviews_restored=carried.restored, truncated_cells=sum(book.truncated.values()),
                          warnings=tuple(alerts), dropped=tuple(added))
