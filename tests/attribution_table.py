"""What the attribution table tests share: the entity of the claim on a span (the `engine` fixture,
the default rules compiled once, is in conftest.py)."""
from compare.extract import extract_text


def claims_on(text, span, engine, lang):
    """Every claim on `span` (one figure said of several names is one claim per name)."""
    return [c for c in extract_text(text, engine.rules, lang=lang, engine=engine) if c.text == span]


def entity_of(text, span, engine, lang):
    """The entity of the claim whose text is `span`; fails when no claim is on that span."""
    claims = claims_on(text, span, engine, lang)
    assert claims, f"no claim on {span!r}"
    return claims[0].entity
