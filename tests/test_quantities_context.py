"""A bare amount takes the currency the article gives it (compare/quantities/context.py, extract._borrow_unit):
the last amount of money before it in its sentence, else the first after it in its sentence, else the
last one in the paragraph before it; with none written, French press counts in dollars when a word of
money governs the figure. Not when the amount counts something else."""
import pytest

from compare.extract import extract_text
from compare.quantities.context import counts_something, money_near
from compare.rules import load_rules

RULES = load_rules(["rules"])


def _claims(text, lang):
    return [(c.text, c.value if c.value is not None else (c.low, c.high), c.unit) for c in extract_text(text, RULES, lang)]


@pytest.mark.parametrize("text, lang, span, unit", [
    # the currency of the sentence or the paragraph before
    ("Alphabet table sur des dépenses d’investissement de 85 à 88 milliards de dollars cette année, "
     "contre une fourchette antérieure de 75 à 80 milliards.", "fr", "75 à 80 milliards", "USD"),
    ("Mistral a reçu 250 millions d’euros de ses actionnaires. La start-up avait levé 80 millions "
     "l’an passé.", "fr", "80 millions", "EUR"),
    ("Anthropic atteint 5 milliards de dollars de chiffre d’affaires annualisé. Claude Code génère déjà un "
     "demi-milliard de revenus.", "fr", "un demi-milliard", "USD"),
    # the currency written after it in the sentence
    ("En un an, ses revenus récurrents sont passés de 15 millions à près de 300 millions de dollars.", "fr",
     "15 millions", "USD"),
    # none written: a word of money governs it, French press counts in dollars
    ("Microsoft a déjà investi plus de 13 milliards dans OpenAI.", "fr", "plus de 13 milliards", "USD"),
    ("Le segment des centres de données a dégagé 51,2 milliards de revenus sur le trimestre.", "fr",
     "51,2 milliards", "USD"),
])
def test_a_bare_amount_takes_the_currency_of_its_article(text, lang, span, unit):
    got = {t: u for t, _, u in _claims(text, lang)}
    assert got.get(span) == unit, _claims(text, lang)


@pytest.mark.parametrize("text, lang, span", [
    ("OpenAI a levé 6 milliards de dollars. ChatGPT traite 2,5 milliards de requêtes par jour.", "fr", "2,5 milliards"),
    ("Nvidia a investi 5 milliards de dollars. Le groupe a vendu des « millions » de composants.", "fr", "millions"),
    ("xAI raised $6 billion. Its app reached 28 million consumers last month.", "en", "28 million"),
    ("Microsoft will spend $80 billion. The Fairwater site will sprawl across 1.2 million square feet.", "en",
     "1.2 million"),
    ("OpenAI raised $40 billion, and ChatGPT has well over 700 million weekly active users.", "en",
     "well over 700 million"),
    # English amounts are written with their currency: no default
    ("Microsoft has invested more than 13 billion in OpenAI.", "en", "more than 13 billion"),
])
def test_a_bare_amount_that_counts_something_else_takes_no_currency(text, lang, span):
    got = {t: u for t, _, u in _claims(text, lang)}
    assert span not in got or got[span] not in ("USD", "EUR"), _claims(text, lang)


@pytest.mark.parametrize("after, lang, counts", [
    (" de requêtes par jour", "fr", True),
    (" de revenus d’ici 2030", "fr", False),
    (" d’ici 2030", "fr", False),
    (" » de composants Nvidia", "fr", True),
    (" en 2026", "fr", False),
    (" dans OpenAI", "fr", False),
    (" consumers", "en", True),
    (" square feet", "en", True),
    ("-square-foot facility", "en", True),
    (" in revenue", "en", False),
    (" in 2026", "en", False),
    (" of funding", "en", False),
    (" of queries", "en", True),
    (".", "en", False),
])
def test_counts_something(after, lang, counts):
    text = "12 milliards" + after if lang == "fr" else "12 billion" + after
    end = len("12 milliards") if lang == "fr" else len("12 billion")
    assert counts_something(text, end, lang) is counts


def test_money_near_prefers_its_own_sentence():
    text = "Mistral a levé 600 millions. OpenAI, valorisé 300 milliards de dollars, a levé 40 milliards d’euros."
    start = text.index("40 milliards")
    s0 = text.index("OpenAI")
    got = money_near(text, start, start + len("40 milliards"), (s0, len(text)), "fr")
    assert got is not None and got.unit == "USD"
    start = text.index("600")
    end = start + len("600 millions")
    assert money_near(text, start, end, (0, s0), "fr") is None


@pytest.mark.parametrize("after, counts", [
    (" des équipements réseau", False),
    (" de Xavier Niel", False),
    (" d’utilisateurs", True),
])
def test_counts_something_fr_partitive_and_names(after, counts):
    assert counts_something("100 millions" + after, len("100 millions"), "fr") is counts


def _units(text, lang):
    """{figure: the unit of its claim, or the reason it made none (which names the unit it was read in)}"""
    from compare.articles import parse_article
    from compare.extract import compile_engine, decide
    article = parse_article(text, "text", lang=lang)
    return {d.mention.text: (d.claim.unit if d.claim is not None else d.reason) for d in decide(article, compile_engine(RULES))}


@pytest.mark.parametrize("text, lang, span, unit", [
    # the chips its sentence speaks of, before or after it
    ("Both bought less than half as many chips as Amazon, with roughly 180,000 over the year.",
     "en", "roughly 180,000", "GPUs"),
    ("Google and Amazon reportedly bought a huge number of H100s, totaling 120,000.",
     "en", "120,000", "GPUs"),
    ("Oracle was the top buyer of Nvidia's Blackwell, its purchases estimated to reach nearly "
     "420,000 units, twice the runner-up.", "en", "nearly 420,000", "GPUs"),
    ("Il précise que DeepSeek utilise des puces H100. Leur nombre reste limité à environ 50 000 unités.",
     "fr", "environ 50 000", None),  # the noun in the sentence before is out of reach
    # the count of the sentence before, elliptical in this one
    ("xAI a mis près de cinq mois à déployer 80 000 GPU. Puis deux de plus pour passer à 160 000.",
     "fr", "160 000", "GPUs"),
])
def test_a_bare_count_counts_the_chips_its_sentence_speaks_of(text, lang, span, unit):
    got = _units(text, lang)
    assert span in got, got
    if unit is None:
        assert "GPUs" not in got[span], got
    else:
        assert unit in got[span], got


@pytest.mark.parametrize("text, lang, span", [
    ("Nvidia sold chips to 12 cabinets makers.", "en", "12"),  # below a hundred
    ("Nvidia sells chips; it employs 36,000 people.", "en", "36,000 people"),  # it names what it counts
    ("Nvidia's chip revenue reached 30 billion in the quarter.", "en", "30 billion"),  # beyond any count of chips
])
def test_a_figure_that_is_no_count_of_chips_stays_so(text, lang, span):
    got = _units(text, lang)
    assert span in got and "GPUs" not in got[span], got


# A scale said only of one currency's amounts names that currency (scales.yaml `currency`), even after an
# amount in another currency (the sign lost in a scraped conversion); not when it counts a noun.
@pytest.mark.parametrize("text, span, unit", [
    ("The agency's total outlay came close to $90 million ( 750 crore), about half of its budget.",
     "750 crore", "INR"),
    ("Sarvam AI got the biggest share of the department's budget of around $120 million ( 1,000 crore).",
     "1,000 crore", "INR"),
    ("The ministry invested 10,372 crore in the IndiaAI Mission.", "10,372 crore", "INR"),
    ("The startup raised 50 lakh in its seed round.", "50 lakh", "INR"),
    ("The startup raised 50 lakh dollars in its seed round.", "50 lakh dollars", "USD"),
])
def test_a_scale_of_one_currency_names_it(text, span, unit):
    got = {t: u for t, _, u in _claims(text, "en")}
    assert got.get(span) == unit, _claims(text, "en")


@pytest.mark.parametrize("text", [
    "India's app store counted 90 crore downloads after the company raised $10 million.",
    "The scheme reached 12 lakh users, the company said after raising $10 million.",
])
def test_a_scale_that_counts_a_noun_is_no_money(text):
    from compare.quantities import find_mentions
    assert not any(m.unit == "INR" for m in find_mentions(text, "en")), find_mentions(text, "en")
    assert not any(c.unit == "INR" for c in extract_text(text, RULES, "en")), _claims(text, "en")


# A conversion in brackets takes the qualifier of the amount it converts (docs/annotation.md, rule 9).
@pytest.mark.parametrize("text, lang, span, qualifier", [
    ("Spending came close to $60 million ( 500 crore) that year.", "en", "500 crore", "~"),
    ("Its capex topped £50 million ($63 million) last year.", "en", "$63 million", ">"),
    ("It raised up to €100 million ($108 million) in the round.", "en", "$108 million", "<="),
    ("Tencent dépensera pas moins de 200 milliards de yuans (27,6 milliards de dollars) en trois ans.", "fr",
     "27,6 milliards de dollars", ">="),
    ("It raised €100 million ($108 million) in the round.", "en", "$108 million", "="),
    ("It raised close to $100 million and another $20 million later.", "en", "$20 million", "="),
    ("It raised close to $100 million (about €90 million) in the round.", "en", "about €90 million", "~"),
])
def test_a_conversion_in_brackets_takes_the_qualifier_it_converts(text, lang, span, qualifier):
    from compare.quantities import find_mentions
    got = {m.text: m.qualifier for m in find_mentions(text, lang)}
    assert got.get(span) == qualifier, got


# A bare "$" is the local dollar when a country's public body or programme is named with it (annotation rule 15,
# currencies.yaml `public`); a country adjective alone only adds a note.
@pytest.mark.parametrize("text, span, unit", [
    ("The Canadian government is funding the site through a $1.5bn Canadian Sovereign Compute fund.",
     "$1.5bn", "CAD"),
    ("a $1.5bn Canadian Sovereign Compute fund, which pledges up to $300m to the site.", "up to $300m", "CAD"),
    ("The grant comes from the $1.5 billion Canadian Sovereign Compute fund.", "$1.5 billion", "CAD"),
    ("The Australian federal government pledged $1 billion for quantum computing.", "$1 billion", "AUD"),
    ("a merger with Canadian Cohere in a $12B all-stock deal last spring.", "$12B", "USD"),
    ("The US government gave $5 billion to Canadian miners.", "$5 billion", "USD"),
    ("Cohere, the Canadian startup, raised $500 million.", "$500 million", "USD"),
    ("The Canadian government invested C$2 billion.", "C$2 billion", "CAD"),
])
def test_a_bare_dollar_of_a_public_programme_is_its_countrys(text, span, unit):
    from compare.quantities import find_mentions
    got = {m.text: m.unit for m in find_mentions(text, "en")}
    assert got.get(span) == unit, got


# A bare "$" or "dollars" is the local dollar when its sentence names the country or a province (currencies.yaml
# `local_dollars`, annotation rule 15), not when it only says the adjective; "US$" stays USD.
@pytest.mark.parametrize("text, lang, span, unit", [
    ("Nimbus received $180 million in federal grants to build a $640 million campus in Waterloo, Ontario.", "en",
     "$180 million", "CAD"),
    ("Nimbus received $180 million in federal grants to build a $640 million campus in Waterloo, Ontario.", "en",
     "$640 million", "CAD"),
    ("With 300 staff and valued at $4.2 billion, Nimbus is one of Canada's leading software firms.", "en",
     "$4.2 billion", "CAD"),
    ("Or, le Canada consacre 4 à 5 milliards de dollars par an à ces centres de calcul.", "fr",
     "4 à 5 milliards de dollars par an", "CAD"),
    ("Au Québec, l'abonnement est passé de 10 à 12 dollars.", "fr", "12 dollars", "CAD"),
    ("Waterloo-based Nimbus raised US$300 million in Canada.", "en", "US$300 million", "USD"),
    ("The Canadian startup Nimbus raised $300 million.", "en", "$300 million", "USD"),
    ("La start-up canadienne a levé 300 millions de dollars.", "fr", "300 millions de dollars", "USD"),
    ("Nimbus raised $300 million in Texas.", "en", "$300 million", "USD"),
])
def test_a_bare_dollar_of_a_named_dollar_country_is_its_own(text, lang, span, unit):
    from compare.quantities import find_mentions
    got = {m.text: m.unit for m in find_mentions(text, lang)}
    assert got.get(span) == unit, got
