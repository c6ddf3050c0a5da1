"""Attribution on real-press phrasing, round 4: no entity rather than one of the wrong kind or too far away,
the most specific name written, and the names the press gives that are no proper name of the rules.

Each row: text, language, the span of a figure and the entity its claim must have (None: the sentence names
no one the figure belongs to). Sentences are modelled on the phrasing of the real-press dev passages.
"""
from pathlib import Path

import pytest

from compare.extract import compile_engine, extract_text
from compare.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def engine():
    return compile_engine(load_rules([ROOT / "rules"]))


def entity_of(text, span, engine, lang):
    claims = [c for c in extract_text(text, engine.rules, lang=lang, engine=engine) if c.text == span]
    assert claims, f"no claim on {span!r}"
    return claims[0].entity


WRONG_KIND = [
    # a chip, a model or a product raises no money and is valued at nothing (decision 1): no entity
    ("Les 20 000 puces H100 représentent un investissement de 2 000 millions d'euros.", "fr",
     "2 000 millions d'euros", None),
    ("Orders for the H20 chips are expected to exceed $12 billion in investment this year.", "en",
     "exceed $12 billion", None),
    ("Après avoir levé près de 500 millions d'euros, la jeune pousse a présenté ce lundi Mistral Large.", "fr",
     "près de 500 millions d'euros", None),
    ("The company behind the Kimi chatbot raised $500 million in funding at a $4.3 billion valuation.", "en",
     "$4.3 billion", None),
    ("Le pendant hexagonal de ChatGPT annonçait une levée de 105 millions d’euros.", "fr",
     "105 millions d’euros", None),
    # ... but a product's revenue is its own, and the company named with the chip takes the investment
    ("ChatGPT a généré 300 millions de dollars de revenus en septembre.", "fr", "300 millions de dollars", "ChatGPT"),
    ("Meta va investir 10 milliards de dollars dans des puces H100.", "fr", "10 milliards de dollars", "Meta"),
    # a product described as its maker's ("le fournisseur de ChatGPT") is the maker only when the article names it
    ("Le fournisseur de ChatGPT a généré 300 millions de dollars de revenus.", "fr", "300 millions de dollars", None),
    ("OpenAI a été fondée en 2015. Le créateur de ChatGPT a levé 6 milliards de dollars.", "fr",
     "6 milliards de dollars", "OpenAI"),
    ("The company behind ChatGPT is valued at $157 billion.", "en", "$157 billion", None),
]


@pytest.mark.parametrize("text,lang,span,entity", WRONG_KIND, ids=[c[0][:60] for c in WRONG_KIND])
def test_no_entity_of_the_wrong_kind(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity
