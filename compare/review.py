"""The analyst's review survives a re-export: read it from the previous workbook, carry it by claim id.

Claims are identified by their stable `Claim.id`. Before a workbook is overwritten, the `Review`
and `Note` columns of its Claims sheets (and its Retired claims sheet) are read; reviews of claims
that still exist are written back onto them, reviews of claims that are gone move to "Retired
claims". Anything that would make us lose an edit stops the export with a located UserError.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterable, Literal, Optional, Sequence

from pydantic import BaseModel, ConfigDict

from compare.errors import Problem, UserError

ReviewChoice = Literal["unchecked", "confirmed", "wrong value", "wrong entity", "not a claim"]
REVIEW_CHOICES: tuple[str, ...] = ReviewChoice.__args__
FLAGGED_REVIEWS: tuple[str, ...] = ("wrong value", "wrong entity", "not a claim")
UNCHECKED = "unchecked"

MARKER_PROPERTY = "claim-compare workbook"
MARKER_NAME = "ClaimCompareWorkbook"
FORMAT_VERSION = "1"

CLAIMS_SHEET = "Claims"
RETIRED_SHEET = "Retired claims"
ID_HEADER = "Claim id"
REVIEW_HEADER = "Review"
NOTE_HEADER = "Note"
RETIRED_HEADER = "Retired on"
CONTEXT_HEADERS = ("Article", "Entity", "Quantity", "Value", "Unit", "Claimed text", "Quote")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Review(Frozen):
    """One claim's review, with enough of the claim to recognise it once the claim is gone."""

    claim: str
    review: ReviewChoice = "unchecked"
    note: Optional[str] = None
    retired: Optional[str] = None
    article: Optional[str] = None
    entity: Optional[str] = None
    quantity: Optional[str] = None
    value: Optional[float] = None
    unit: Optional[str] = None
    text: Optional[str] = None
    sentence: Optional[str] = None

    @property
    def meaningful(self) -> bool:
        """Worth keeping: the analyst changed the review or wrote a note."""
        return self.review != UNCHECKED or bool(self.note)


class PreviousReviews(Frozen):
    """What the workbook about to be overwritten holds: reviews on its claims, and retired ones."""

    current: tuple[Review, ...] = ()
    retired: tuple[Review, ...] = ()


class CarriedReviews(Frozen):
    """Reviews to write: on current claims (by id) and in Retired claims, with what happened."""

    by_claim: dict[str, Review] = {}
    retired: tuple[Review, ...] = ()
    carried: int = 0
    newly_retired: int = 0
    restored: int = 0


def lock_file(path: Path) -> Optional[Path]:
    """The lock file LibreOffice (`.~lock.NAME#`) or Excel (`~$NAME`) keeps beside an open workbook."""
    names = [f".~lock.{path.name}#", f"~${path.name}"]
    if len(path.name) > 2:
        names.append(f"~${path.name[2:]}")
    return next((path.parent / n for n in names if (path.parent / n).exists()), None)


def is_ours(wb) -> bool:
    props = {p.name: getattr(p, "value", None) for p in wb.custom_doc_props}
    return MARKER_PROPERTY in props or MARKER_NAME in wb.defined_names


def review_sheets(sheetnames: Sequence[str], base: str) -> list[str]:
    """`base` and its continuation sheets (`base (2)`, `base (3)`...), in order."""
    found = [base] if base in sheetnames else []
    n = 2
    while f"{base} ({n})" in sheetnames:
        found.append(f"{base} ({n})")
        n += 1
    return found


def text_or_none(value) -> Optional[str]:
    if value is None:
        return None
    text = str(value).strip() if not isinstance(value, float) or not value.is_integer() else str(int(value))
    return text or None


def number_or_none(value) -> Optional[float]:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def read_sheet(path: str, ws, title: str, retired: bool, problems: list[Problem]) -> list[Review]:
    """Reviews of one Claims or Retired claims sheet; problems are appended, located by cell."""
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None) or ()
    cols = {str(h).strip().lower(): i for i, h in reversed(list(enumerate(header))) if h is not None}
    needed = [ID_HEADER, REVIEW_HEADER, NOTE_HEADER]
    missing = [h for h in needed if h.lower() not in cols]
    if missing:
        problems.append(Problem(
            f"sheet '{title}' has no {', '.join(repr(h) for h in missing)} column in row 1, so the review "
            f"cannot be carried over; restore the header (or move the file away to start a fresh review)",
            file=path, line=1))
        return []
    at = {h: cols.get(h.lower()) for h in needed + list(CONTEXT_HEADERS) + [RETIRED_HEADER]}

    def get(row, h):
        i = at[h]
        return row[i] if i is not None and i < len(row) else None

    reviews = []
    for r, row in enumerate(rows, start=2):
        claim = text_or_none(get(row, ID_HEADER))
        raw = text_or_none(get(row, REVIEW_HEADER))
        note = text_or_none(get(row, NOTE_HEADER))
        choice = (raw or UNCHECKED).lower()
        choice = " ".join(choice.split())
        if choice not in REVIEW_CHOICES:
            problems.append(Problem(
                f"sheet '{title}', cell {column_letter(at[REVIEW_HEADER])}{r}: review {raw!r} is not one of "
                f"{', '.join(REVIEW_CHOICES)}", file=path, line=r, column=at[REVIEW_HEADER] + 1))
            continue
        if claim is None:
            if choice != UNCHECKED or note:
                problems.append(Problem(
                    f"sheet '{title}', row {r}: a review without a claim id cannot be matched to a claim; "
                    f"put the id back in column {column_letter(at[ID_HEADER])}",
                    file=path, line=r, column=at[ID_HEADER] + 1))
            continue
        reviews.append(Review(
            claim=claim, review=choice, note=note,
            retired=text_or_none(get(row, RETIRED_HEADER)) if retired else None,
            article=text_or_none(get(row, "Article")), entity=text_or_none(get(row, "Entity")),
            quantity=text_or_none(get(row, "Quantity")), value=number_or_none(get(row, "Value")),
            unit=text_or_none(get(row, "Unit")), text=text_or_none(get(row, "Claimed text")),
            sentence=text_or_none(get(row, "Quote")),
        ))
    return reviews


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(index + 1)


def unique(reviews: Iterable[Review], path: str, title: str, problems: list[Problem]) -> tuple[Review, ...]:
    """One review per claim id; the same id reviewed two different ways is a problem."""
    seen: dict[str, Review] = {}
    for rv in reviews:
        old = seen.get(rv.claim)
        if old is None:
            seen[rv.claim] = rv
        elif (old.review, old.note) != (rv.review, rv.note):
            if not old.meaningful:
                seen[rv.claim] = rv
            elif rv.meaningful:
                problems.append(Problem(
                    f"sheet '{title}': claim {rv.claim} appears twice with different reviews "
                    f"({old.review!r} and {rv.review!r}); keep one row", file=path))
    return tuple(seen.values())


def read_reviews(path: str | Path) -> PreviousReviews:
    """The reviews in the workbook at `path`; nothing if there is no file yet.

    Raises UserError (every problem, located) when the file is not a claim-compare workbook or
    its review cannot be read back in full. A note typed as a formula (`=...`) is read as the
    text typed, and written back as text.
    """
    from openpyxl import load_workbook

    path = Path(path)
    if not path.exists():
        return PreviousReviews()
    where = str(path)
    not_ours = Problem(
        "this file was not written by claim-compare, so exporting would overwrite someone else's "
        "workbook; choose another --output or move the file away", file=where)
    if not zipfile.is_zipfile(path):
        raise UserError(not_ours)
    try:
        wb = load_workbook(path, read_only=True, keep_links=False)
    except PermissionError as e:
        raise UserError(Problem(f"cannot read the previous workbook: {e.strerror}", file=where)) from e
    except Exception as e:
        raise UserError(Problem(f"cannot read the previous workbook ({type(e).__name__}: {e}); "
                                "repair it in Excel or move it away", file=where)) from e
    try:
        if not is_ours(wb):
            raise UserError(not_ours)
        problems: list[Problem] = []
        claim_sheets = review_sheets(wb.sheetnames, CLAIMS_SHEET)
        if not claim_sheets:
            problems.append(Problem(
                f"the sheet '{CLAIMS_SHEET}' is missing (renamed or deleted?), so its reviews cannot be "
                f"carried over; rename it back to '{CLAIMS_SHEET}' (sheets now: {', '.join(wb.sheetnames)})",
                file=where))
        current: list[Review] = []
        for title in claim_sheets:
            current.extend(read_sheet(where, wb[title], title, False, problems))
        retired: list[Review] = []
        for title in review_sheets(wb.sheetnames, RETIRED_SHEET):
            retired.extend(read_sheet(where, wb[title], title, True, problems))
        result = PreviousReviews(current=unique(current, where, CLAIMS_SHEET, problems),
                                 retired=unique(retired, where, RETIRED_SHEET, problems))
        if problems:
            raise UserError(problems)
        return result
    finally:
        wb.close()


def carry_reviews(previous: PreviousReviews, claim_ids: Sequence[str], today: str) -> CarriedReviews:
    """Match previous reviews to the claims of this export.

    A review whose claim is gone is retired (dated `today`) if the analyst changed it or wrote a
    note; a retired review whose claim is back is restored onto it.
    """
    ids = set(claim_ids)
    current = {rv.claim: rv for rv in previous.current}
    by_claim: dict[str, Review] = {}
    carried = restored = newly = 0
    for rv in previous.current:
        if rv.claim in ids:
            by_claim[rv.claim] = rv
            carried += rv.meaningful
    retired: dict[str, Review] = {}
    for rv in previous.retired:
        if rv.claim in ids:
            if rv.claim not in by_claim or not by_claim[rv.claim].meaningful:
                by_claim[rv.claim] = rv.model_copy(update={"retired": None})
                restored += 1
        elif rv.claim not in current or not current[rv.claim].meaningful:
            retired[rv.claim] = rv
    for rv in previous.current:
        if rv.claim not in ids and rv.meaningful:
            retired[rv.claim] = rv.model_copy(update={"retired": today})
            newly += 1
    ordered = tuple(sorted(retired.values(), key=lambda r: (r.retired or "", r.claim)))
    return CarriedReviews(by_claim=by_claim, retired=ordered, carried=carried,
                          newly_retired=newly, restored=restored)
