"""The Claims sheet, laid out for reading: what was claimed first, the review next, provenance collapsed."""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from compare.models import Article, Claim
from compare.review import (CLAIMS_SHEET, FLAGGED_REVIEWS, ID_HEADER, NOTE_HEADER, REVIEW_CHOICES, REVIEW_HEADER,
                            CarriedReviews)
from compare.workbook.formats import (DARK_RED, GAP_FORMAT, GREEN, ORANGE, RED, Link, Noted, Num, Quote, amount,
                                      day, is_ratio, unit_format)
from compare.workbook.kit import Book, any_equal, highlight, plain_field, write_table_sheet

READING = ["Entity", "Quantity", "Value", "Unit", "Qualifier", "Per", "Low", "High", "Versus", "Direction",
           "Claimed text", "Quote", "Article", "Date", "Reference", "Off by", "Check", REVIEW_HEADER, NOTE_HEADER,
           ID_HEADER]
PROVENANCE = ["Quantity id", "Kind", "Precision", "Start", "End", "Sentence start", "Rule", "Cue", "Why",
              "Entity status", "Entity kind", "Language", "Extractor note"]


def headers(currency: str) -> list[str]:
    return READING[:3] + [f"Value ({currency})"] + READING[3:] + PROVENANCE


def claim_comment(c: Claim) -> str:
    parts = [f"rule: {c.rule}"]
    if c.cue:
        parts.append(f"cue: {c.cue}")
    if c.why:
        parts.append(f"why: {c.why}")
    return "\n".join(parts)


def quote_of(c: Claim) -> Quote | str:
    """The claim's sentence with its text located: by offsets when they match, else by search."""
    start, end = c.start - c.sentence_start, c.end - c.sentence_start
    if c.sentence[max(start, 0):max(end, 0)] != c.text:
        start = c.sentence.find(c.text) if c.text else -1
        end = start + len(c.text)
    return Quote(c.sentence, start, end) if start >= 0 else c.sentence


def review_validation(ws, area: str) -> None:
    dv = DataValidation(type="list", formula1='"' + ",".join(REVIEW_CHOICES) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Review",
                        error="Choose one of: " + ", ".join(REVIEW_CHOICES),
                        promptTitle="Review", prompt="Did the claim read right?", showInputMessage=True)
    dv.add(area)
    ws.data_validations.append(dv)


def claims_sheet(book: Book, claims: Sequence[Claim], articles: Mapping[str, Article], carried: CarriedReviews,
                 compared, rules) -> list[str]:
    """One row per claim; `compared` (compare.comparisons.Compared) gives the reference checks and
    the values in the common currency, shown as they are."""
    currency = compared.currency
    head = headers(currency)
    tolerance = rules.settings.approx_tolerance
    labels = {q.id: q.label or q.id for q in rules.quantities}

    def row(c: Claim) -> list[Any]:
        rv = carried.by_claim.get(c.id)
        check = compared.checks.get(c.id)
        ref = check.reference if check else None
        common = compared.common.get(c.id)
        article = articles.get(c.article)
        return [
            c.entity, labels.get(c.quantity, c.quantity), amount(c.value, c.unit, c.kind, c.per),
            Num(common, unit_format(currency, "money", common)) if common is not None else None,
            c.unit, c.qualifier, c.per, amount(c.low, c.unit, c.kind), amount(c.high, c.unit, c.kind),
            c.versus, c.direction, Noted(c.text, claim_comment(c)), quote_of(c),
            Link(c.article, article.url if article else None), day(article.date) if article else None,
            amount(ref.value, ref.unit, c.kind, ref.per) if ref and not is_ratio(c.unit, c.kind) else None,
            Num(check.gap, GAP_FORMAT) if check and check.gap is not None else None,
            check.verdict if check else None,
            rv.review if rv else "unchecked", rv.note if rv else None, c.id,
            c.quantity, c.kind, plain_field(c.precision), c.start, c.end, c.sentence_start, c.rule, c.cue, c.why,
            c.entity_status, c.entity_kind, c.lang, c.note,
        ]

    def decorate(ws, col, first, last):
        whole = f"A{first}:{get_column_letter(len(head))}{last}"
        review = f"${col[REVIEW_HEADER]}{first}"
        highlight(ws, whole, any_equal(review, FLAGGED_REVIEWS), RED, DARK_RED)
        highlight(ws, f"{col[REVIEW_HEADER]}{first}:{col[REVIEW_HEADER]}{last}", f'{review}="confirmed"', GREEN)
        off = f"${col['Off by']}{first}"
        far = f"AND(ISNUMBER({off}),ABS({off})>{tolerance})"
        for h in ("Value", "Reference", "Off by"):
            highlight(ws, f"{col[h]}{first}:{col[h]}{last}", far, ORANGE)
        review_validation(ws, f"{col[REVIEW_HEADER]}{first}:{col[REVIEW_HEADER]}{last}")

    rates = "; ".join(compared.rates_used) or "no conversion was needed"
    notes = {f"Value ({currency})": f"Money converted to {currency} at the rate nearest in date to each article "
                                    f"(rules/rates.yaml); a range at its midpoint. Rates used: {rates}",
             "Off by": "How far the claim is from the reference figure, in the common currency",
             "Check": "The verdict of the comparison with the reference figure (see Comparisons)"}
    return write_table_sheet(book, CLAIMS_SHEET, head, items=claims, row=row, freeze="D2",
                             wrap=["Quote", "Why"], caps={"Quote": 70, NOTE_HEADER: 30, "Why": 50,
                                                          "Claimed text": 24, "Entity": 22, "Quantity": 18},
                             decorate=decorate, print_through=NOTE_HEADER, collapsed=PROVENANCE, notes=notes)
