"""The analyst's review survives a re-export: read it from the previous workbook, carry it by claim id.

Claims are identified by their stable `Claim.id`. Before a workbook is overwritten, the `Review`
and `Note` columns of its Claims sheets (and its Retired claims sheet) are read; reviews of claims
that still exist are written back onto them, reviews of claims that are gone move to "Retired
claims". Anything that would make us lose an edit stops the export with a located UserError.
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Literal, NamedTuple, Optional, Sequence
from xml.etree import ElementTree

from openpyxl.utils import get_column_letter

from compare.errors import Problem, UserError
from compare.models import Frozen

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
CONTEXT_HEADERS = ("Article", "Entity", "Quantity", "Quantity id", "Value", "Unit", "Claimed text", "Quote")


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
    sheets: tuple[str, ...] = ()            # every sheet of the previous workbook, in order
    claims_headers: tuple[str, ...] = ()    # the header row of its Claims sheet


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


def read_sheet(path: str, rows: Iterator[tuple[int, dict[int, Callable[[], Any]]]], title: str, retired: bool,
               problems: list[Problem]) -> list[Review]:
    """Reviews of one Claims or Retired claims sheet; problems are appended, located by cell.

    `rows` gives each row's number and, per 0-based column, a function that decodes the cell
    (only the columns a review needs are decoded). Rows still unchecked and without a note hold
    nothing to carry and are left out.
    """
    first = next(rows, None)
    header = {i: get() for i, get in first[1].items()} if first and first[0] == 1 else {}
    cols = {str(h).strip().lower(): i for i, h in sorted(header.items(), reverse=True) if h is not None}
    needed = [ID_HEADER, REVIEW_HEADER, NOTE_HEADER]
    missing = [h for h in needed if h.lower() not in cols]
    if missing:
        problems.append(Problem(
            f"sheet '{title}' has no {', '.join(repr(h) for h in missing)} column in row 1, so the review "
            f"cannot be carried over; restore the header (or move the file away to start a fresh review)",
            file=path, line=1))
        return []
    at = {h: cols.get(h.lower()) for h in needed + list(CONTEXT_HEADERS) + [RETIRED_HEADER]}
    reviews = []
    for r, cells in rows:
        def get(h):
            decode = cells.get(at[h]) if at[h] is not None else None
            return decode() if decode else None

        claim = text_or_none(get(ID_HEADER))
        raw = text_or_none(get(REVIEW_HEADER))
        note = text_or_none(get(NOTE_HEADER))
        choice = " ".join((raw or UNCHECKED).lower().split())
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
        if choice == UNCHECKED and not note:
            continue
        reviews.append(Review(
            claim=claim, review=choice, note=note,
            retired=text_or_none(get(RETIRED_HEADER)) if retired else None,
            article=text_or_none(get("Article")), entity=text_or_none(get("Entity")),
            quantity=text_or_none(get("Quantity id") or get("Quantity")), value=number_or_none(get("Value")),
            unit=text_or_none(get("Unit")), text=text_or_none(get("Claimed text")),
            sentence=text_or_none(get("Quote")),
        ))
    return reviews


def column_letter(index: int) -> str:
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

    Raises UserError (every problem, located) when the file is not a claim-compare workbook, is
    damaged (truncated, a broken archive or XML: one message, whatever the fault), or its review
    cannot be read back in full. A note typed as a formula (`=...`) is read as the text typed, and
    written back as text.
    """
    path = Path(path)
    if not path.exists():
        return PreviousReviews()
    where = str(path)
    not_ours = Problem(
        "this file was not written by claim-compare, so exporting would overwrite someone else's "
        "workbook; choose another --output or move the file away", file=where)
    head = b""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
        if head and not head.startswith(b"PK"):
            raise UserError(not_ours)  # not even an archive: an .xlsx starts with PK
        with zipfile.ZipFile(path) as zf:
            try:
                book = workbook_parts(zf)
            except KeyError:
                raise UserError(not_ours) from None  # an archive, but no workbook in it
            if not book.ours:
                raise UserError(not_ours)
            shared = shared_strings(zf, book.shared_strings)
            problems: list[Problem] = []
            claim_sheets = review_sheets(list(book.sheets), CLAIMS_SHEET)
            if not claim_sheets:
                problems.append(Problem(
                    f"the sheet '{CLAIMS_SHEET}' is missing (renamed or deleted?), so its reviews cannot be "
                    f"carried over; rename it back to '{CLAIMS_SHEET}' (sheets now: {', '.join(book.sheets)})",
                    file=where))
            current: list[Review] = []
            first = next(sheet_rows(zf, book.sheets[claim_sheets[0]], shared), None) if claim_sheets else None
            headers = tuple(str(get()) for _, get in sorted(first[1].items()) if get() is not None) \
                if first and first[0] == 1 else ()
            for title in claim_sheets:
                current.extend(read_sheet(where, sheet_rows(zf, book.sheets[title], shared), title, False, problems))
            retired: list[Review] = []
            for title in review_sheets(list(book.sheets), RETIRED_SHEET):
                retired.extend(read_sheet(where, sheet_rows(zf, book.sheets[title], shared), title, True, problems))
    except UserError:
        raise
    except PermissionError as e:
        raise UserError(Problem(f"cannot read the previous workbook: {e.strerror}", file=where)) from e
    except Exception as e:  # noqa: BLE001 - any fault of the file (zip, zlib, CRC, XML, encryption) is one message
        detail = "an empty file" if not head else f"{type(e).__name__}: {e}"[:200]
        raise UserError(Problem(f"the workbook is damaged ({detail}), so its reviews cannot be read; it was left "
                                "untouched: repair it in Excel or LibreOffice, or move it away and export again",
                                file=where)) from e
    result = PreviousReviews(current=unique(current, where, CLAIMS_SHEET, problems),
                             retired=unique(retired, where, RETIRED_SHEET, problems),
                             sheets=tuple(book.sheets), claims_headers=headers)
    if problems:
        raise UserError(problems)
    return result


# --- reading the workbook's XML directly: openpyxl takes 30 s for 100,000 claims, this 5x less ---

class Parts(NamedTuple):
    sheets: dict[str, str]
    shared_strings: Optional[str]
    ours: bool


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def rel_targets(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, archive path) of a part."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in zf.namelist():
        return {}
    out = {}
    for el in ElementTree.fromstring(zf.read(rels)):
        target = el.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[el.get("Id")] = (el.get("Type", "").rsplit("/", 1)[-1], target)
    return out


def workbook_parts(zf: zipfile.ZipFile) -> Parts:
    """Sheet names and their XML parts, the shared strings part, and whether we wrote the file."""
    main = next((t for kind, t in rel_targets(zf, "").values() if kind == "officeDocument"), "xl/workbook.xml")
    rels = rel_targets(zf, main)
    root = ElementTree.fromstring(zf.read(main))
    sheets, ours = {}, False
    for el in root.iter():
        tag = local(el.tag)
        if tag == "sheet":
            rid = next((v for k, v in el.attrib.items() if local(k) == "id"), None)
            if rid in rels:
                sheets[el.get("name")] = rels[rid][1]
        elif tag == "definedName" and el.get("name") == MARKER_NAME:
            ours = True
    if "docProps/custom.xml" in zf.namelist():
        props = ElementTree.fromstring(zf.read("docProps/custom.xml"))
        ours = ours or any(el.get("name") == MARKER_PROPERTY for el in props)
    shared = next((t for kind, t in rels.values() if kind == "sharedStrings"), None)
    return Parts(sheets, shared, ours)


def text_of(el) -> str:
    """The text of a string item: its <t>, or its rich-text runs' <t>s (phonetic runs left out)."""
    out = []
    for child in el:
        tag = local(child.tag)
        if tag == "t":
            out.append(child.text or "")
        elif tag == "r":
            out.extend(t.text or "" for t in child if local(t.tag) == "t")
    return "".join(out)


def shared_strings(zf: zipfile.ZipFile, part: Optional[str]) -> list[str]:
    if not part or part not in zf.namelist():
        return []
    out = []
    with zf.open(part) as fh:
        for _, el in ElementTree.iterparse(fh):
            if local(el.tag) == "si":
                out.append(text_of(el))
                el.clear()
    return out


def column_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + ord(ch.upper()) - 64
        else:
            break
    return n - 1


def cell_value(c, shared: list[str]) -> Any:
    """A cell's value as openpyxl gives it without data_only: a formula comes back as its text."""
    kind = c.get("t", "n")
    formula = value = None
    for child in c:
        tag = local(child.tag)
        if tag == "f":
            formula = child.text
        elif tag == "v":
            value = child.text
        elif tag == "is":
            return text_of(child)
    if formula is not None:
        return "=" + formula
    if value is None:
        return None
    if kind == "s":
        return shared[int(value)]
    if kind in ("str", "e"):
        return value
    if kind == "b":
        return value == "1"
    number = float(value)
    return int(number) if number.is_integer() and "." not in value and "E" not in value.upper() else number


def sheet_rows(zf: zipfile.ZipFile, part: str, shared: list[str]) -> Iterator[tuple[int, dict[int, Callable[[], Any]]]]:
    """Each row's number and a decoder per cell, streamed so 100,000 rows need little memory."""
    n = 0
    with zf.open(part) as fh:
        for _, el in ElementTree.iterparse(fh):
            if local(el.tag) != "row":
                continue
            n = int(el.get("r", n + 1))
            cells, col = {}, -1
            for c in el:
                if local(c.tag) != "c":
                    continue
                ref = c.get("r")
                col = column_index(ref) if ref else col + 1
                cells[col] = (lambda c=c: cell_value(c, shared))
            yield n, cells
            el.clear()


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
