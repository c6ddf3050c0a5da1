"""What is written before a numeral (sign, currency, negation, qualifier, change word, range opener,
"multiplied by"), matched once on the reversed text before it (the grammar's `prefix`), and the
qualifiers and change words before a factor word ("roughly half", "cut by a third").
"""
from __future__ import annotations

import re

from compare.phrases import lookup_key, lower_key, phrase_regex
from compare.quantities.grammar import Grammar
from compare.quantities.reading import Reading


def apply_prefix(text: str, r: Reading, pm: re.Match, g: Grammar) -> None:
    """What the reversed prefix match `pm` found before the numeral: sign, currency, negation, qualifier,
    change word, range opener, "multiplied by"/"divided by" (the groups are read once, in order)."""
    s = r.start
    sign1, cur, sign2, neg, qual, chg, chgd, opener, mul, div = pm.groups()
    end = pm.end
    sign = sign1 or sign2
    if sign:
        glued = False
        if sign1:
            at = s - end(1)
            glued = at > 0 and text[at - 1].isalnum()
        if sign2 and not glued:
            at = s - end(3)
            glued = at > 0 and text[at - 1].isalnum()
        if glued:
            sign = None
        elif sign1 and not (cur and sign2):
            r.start = s - end(1)
    if cur and r.kind in ("number", "money") and not r.subunit:
        form = cur[::-1]
        code = g.currency_table.get(form)
        if code and (r.kind == "number" or r.unit == code):
            r.kind, r.unit, r.cur_before = "money", code, True
            r.currency_form = r.currency_form or form
            r.start = s - end(2)
    if sign2 and r.cur_before:
        r.start = min(r.start, s - end(3))
    if sign:
        if sign in "-−":
            assert r.value is not None  # a figure read, not yet a range
            r.value = -r.value
            if r.kind in ("money", "percent"):
                r.direction = "down"
        elif sign == "+" and r.kind in ("money", "percent"):
            r.direction = "up"
    if neg:
        assert r.value is not None
        r.value = -r.value
        r.start = s - end(4)
    if qual:
        qtext = qual[::-1]
        q = g.qual_table.get(qtext)
        qs = s - end(5)
        threshold = bool(g.thresholds) and " " in qtext and lower_key(qtext) in g.thresholds
        if threshold:
            q = _threshold(text, qs, g)
        if q and not (qtext.strip() in "<>=" and qs > 0 and text[qs - 1] in "<>="):
            if q == "=" and not threshold:
                r.equal = True
            elif r.qualifier in ("=", "~") or q != "~":
                r.qualifier = q
            r.start = _opening_quote(text, qs, s)
    if chg or chgd:
        r.governed = True
        if chg and not qual and r.kind == "number" and not r.digits and r.value is not None and 0 < r.value < 1:
            as_percent_change(r, 1 / r.value)  # the idiom "diminué de moitié", "cut by half": a 50 % change (decision 7)
        said = chg if chg else (chgd if r.kind == "percent" else None)
        if said and r.kind in ("money", "percent") and r.direction is None:
            _change_direction(r, said[::-1], g)
    else:
        r.governed = False
    if opener:
        r.opener = lower_key(opener[::-1])
        r.opener_start = s - end(8)
    if mul and r.kind == "number":
        r.kind, r.unit, r.direction, r.start = "ratio", "x", "more", s - end(9)
    if div and r.kind == "number":
        r.kind, r.unit, r.direction, r.start = "ratio", "x", "less", s - end(10)


def _change_direction(r: Reading, chg: str, g: Grammar) -> None:
    """ "rose 5 %", "cut by $2": the direction of the change word before a money or percent figure."""
    cm = g.change_up.search(chg)
    if cm:
        r.direction = "up" if cm.group("up") else "down"
    else:
        r.direction = g.lex.change_words.adjacent.get(chg.strip()) or \
            {lookup_key(k).lower(): v for k, v in g.lex.change_words.adjacent.items()}.get(lookup_key(chg).lower())


_CLOSING, _OPENING = frozenset("»”\"’)]"), frozenset("«“\"‘([")


def _opening_quote(text: str, qs: int, s: int) -> int:
    """ "« au moins » 200": a qualifier in quotes or brackets starts the mention with its opening mark."""
    if _CLOSING.isdisjoint(text[qs:s]):
        return qs
    k = qs
    while k > 0 and text[k - 1] in " \u00a0\u202f":
        k -= 1
    return k - 1 if k > 0 and text[k - 1] in _OPENING else qs


def _threshold(text: str, qs: int, g: Grammar) -> str:
    """ "a franchi, la semaine dernière, le cap des N milliards": the last threshold verb of the clause
    before the threshold gives the qualifier; none: the figure is stated as it is ("=")."""
    clause = re.split(r"[.;:!?]", text[max(0, qs - 80):qs])[-1]
    verbs = list(g.threshold_verb.finditer(clause))
    if not verbs:
        return "="
    word = verbs[-1].group()
    return next((q for phrase, q in g.lex.qualifiers.threshold_verbs.items()
                 if re.fullmatch(phrase_regex([phrase]), word, re.IGNORECASE)), "=")


def as_percent_change(r: Reading, factor: float) -> None:
    """A fraction a change word governs is the change in percent: "diminué de moitié" 50 %, "réduit d'un
    tiers" 33.33 % (docs/annotation.md, decision 7); the direction is the change word's (apply_prefix)."""
    r.kind, r.unit, r.value = "percent", "percent", round(100 / factor, 2)
    r.precision, r.direction, r.fraction = None, None, False


def fraction_change(text: str, r: Reading, g: Grammar, lo: int) -> None:
    """ "réduit d'un tiers le coût", "cut by a third": a fraction after a change word and its preposition
    is a percent change, with the change word's direction."""
    if not r.fraction or r.start <= lo:
        return
    pm = g.prefix.match(text[lo:r.start][::-1])
    if pm is None or not pm.group("chg") or pm.group("cur") or pm.group("qual"):
        return
    assert r.value is not None  # a fraction read, not yet a range
    as_percent_change(r, r.value)
    cm = g.change_up.search(pm.group("chg")[::-1])
    if cm:
        r.direction = "up" if cm.group("up") else "down"


_TURNED = {">": "<", ">=": "<=", "<": ">", "<=": ">="}


def ratio_qualifier(text: str, r: Reading, g: Grammar, lo: int) -> None:
    """ "roughly half the cost", "more than twice as much": a qualifier right before a factor word.

    Before a fraction the bound is on the share, so it turns around on the factor: "plus de la
    moitié" is a share above 1/2, a factor below 2 ("<")."""
    if r.qualifier != "=" or r.start == 0:
        return
    pm = g.prefix.match(text[lo:r.start][::-1])
    if pm and pm.group("qual") and not pm.group("cur") and not pm.group("sign"):
        q = g.qual_table.get(pm.group("qual")[::-1])
        if q and q != "=":
            r.qualifier = _TURNED.get(q, q) if r.fraction else q
            r.start -= pm.end("qual")

