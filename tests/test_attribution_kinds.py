"""Attribution on real-press phrasing, round 4: no entity rather than one of the wrong kind or too far away,
the most specific name written, and the names the press gives that are no proper name of the rules.

Each row: text, language, the span of a figure and the entity its claim must have (None: the sentence names
no one the figure belongs to). Sentences are modelled on the phrasing of the real-press dev passages.
"""
import pytest
from attribution_table import entity_of


WRONG_KIND = [
    # a chip, a model or a product raises no money and is valued at nothing (decision 1): no entity
    ("Les 20 000 puces H100 représentent un investissement de 2 000 millions d'euros.", "fr",
     "2 000 millions d'euros", None),
    ("Orders for the H20 chips are expected to exceed $12 billion in investment this year.", "en",
     "exceed $12 billion", None),
    ("Après avoir levé près de 400 millions d'euros, la start-up a dévoilé mardi Mistral Large.", "fr",
     "près de 400 millions d'euros", None),
    ("The firm behind the Kimi assistant raised $300 million at a $3.8 billion valuation.", "en",
     "$3.8 billion", None),
    ("Le rival français de ChatGPT annonçait une levée de 85 millions d’euros.", "fr",
     "85 millions d’euros", None),
    # ... but a product's revenue is its own, and the company named with the chip takes the investment
    ("ChatGPT a généré 270 millions de dollars de revenus en octobre.", "fr", "270 millions de dollars", "ChatGPT"),
    ("Meta va investir 10 milliards de dollars dans des puces H100.", "fr", "10 milliards de dollars", "Meta"),
    # a product described as its maker's ("le fournisseur de ChatGPT") is the maker only when the article names it
    ("Le fournisseur de ChatGPT a généré 270 millions de dollars de revenus.", "fr", "270 millions de dollars", None),
    ("OpenAI a été fondée en 2015. Le créateur de ChatGPT a levé 6 milliards de dollars.", "fr",
     "6 milliards de dollars", "OpenAI"),
    ("The company behind ChatGPT is valued at $157 billion.", "en", "$157 billion", None),
]


@pytest.mark.parametrize("text,lang,span,entity", WRONG_KIND, ids=[c[0][:60] for c in WRONG_KIND])
def test_no_entity_of_the_wrong_kind(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


NOT_THE_NAME = [
    # institutions named by their common noun, places with a word in lower case: never whose figure it is
    ("The scheme cleared by the Cabinet carries an outlay of Rs 8,000 crore.", "en", "Rs 8,000 crore", None),
    ("That implies an investment of up to £600 million in a supercomputer hosted at the University of Edinburgh.", "en",
     "up to £600 million", None),
    ("Ce campus de données implanté en Essonne exigera des investissements de 2 milliards d’euros.", "fr",
     "2 milliards d’euros", None),
    ("La Corée du Sud a annoncé 9 milliards de dollars d'investissements dans l’IA.", "fr",
     "9 milliards de dollars", None),
    # words in capitals that are no one's name: abbreviations, rounds, words opening a sentence
    ("For an LLM with similar quality, inference ran about $45 per million tokens.", "en",
     "about $45 per million tokens", None),
    ("The report (Nov. 5) says the company is due to raise $500 million.", "en", "$500 million", None),
    ("La société avait levé 450 millions d'euros pendant son tour de Série B.", "fr",
     "450 millions d'euros", None),
    ("Bien que rien ne soit confirmé, la start-up devrait valoir 80 milliards de dollars.", "fr",
     "80 milliards de dollars", None),
    ("S’y ajouteront 180,2 M€ de frais de fonctionnement, soit un budget total de 497,3 M€.", "fr",
     "497,3 M€", None),
    ("Estimé à plusieurs dizaines de milliards de dollars, le contrat assure à Anthropic des puces.", "fr",
     "plusieurs dizaines de milliards de dollars", "Anthropic"),
    # investors a round comes from, named after the figure, are payers, not its subject
    ("La jeune pousse a bouclé une levée de 190 millions de dollars, menée par Salesforce Ventures.",
     "fr", "190 millions de dollars", None),
    ("L’opération inclut 280 millions d'euros de capitaux venant d'investisseurs menés par Andreessen Horowitz.",
     "fr", "280 millions d'euros", None),
    # a conversion in brackets is said of whom the figure it converts is said of
    ("Andreessen Horowitz discute pour investir 150 millions d'euros (environ 162 M $) dans ce tour.",
     "fr", "environ 162 M $", "Andreessen Horowitz"),
    # a figure used as an adjective of the name after it is the name's
    ("The ministry unveiled a second round of grants under its $1.4-billion IndiaAI Mission.", "en",
     "$1.4-billion", "IndiaAI Mission"),
    ("Four startups were chosen, marking a step in the INR 10,037 Cr IndiaAI Mission.", "en", "INR 10,037 Cr",
     "IndiaAI Mission"),
]


@pytest.mark.parametrize("text,lang,span,entity", NOT_THE_NAME, ids=[c[0][:60] for c in NOT_THE_NAME])
def test_words_and_institutions_are_not_the_name(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


SPECIFIC = [
    # the most specific name written wins over its family's or maker's
    ("Will Kimi remain open? Is the $5.1 million training cost of K2 Thinking real?", "en", "$5.1 million",
     "K2 Thinking"),
    ("DeepSeek cut prices. V4-Pro pricing: 12 yuan per million tokens for input.", "en",
     "12 yuan per million tokens", "V4-Pro"),
    # a variant named before its model with a plan noun is the model's variant
    ("OpenAI facture la version Nano de GPT-5 0,04 dollar le million de tokens en sortie.", "fr",
     "0,04 dollar le million de tokens en sortie", "GPT-5 Nano"),
    # a country's government named with its place or nationality is one name, that spends
    ("The UK government will invest £900 million in a new supercomputer.", "en", "£900 million", "UK government"),
    ("Le gouvernement belge investira 400 millions d’euros dans un supercalculateur.", "fr",
     "400 millions d’euros", "gouvernement belge"),
]


@pytest.mark.parametrize("text,lang,span,entity", SPECIFIC, ids=[c[0][:60] for c in SPECIFIC])
def test_the_most_specific_name_wins(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


PAYERS = [
    # a valuation or a revenue is the company's that is worth it or takes it in, never its investor's or buyer's
    ("Anthropic, lifted by a $4 billion investment from Amazon toward a $40 billion valuation, builds "
     "Claude.", "en", "$40 billion", "Anthropic"),
    ("SoftBank also purchased $2 billion worth of OpenAI staff stock at a valuation of $260 billion.",
     "en", "$260 billion", "OpenAI"),
    ("Nvidia a investi dans Mistral AI, dont le chiffre d'affaires atteint 300 millions d'euros.", "fr",
     "300 millions d'euros", "Mistral AI"),
    # a purchase is the buyer's investment (decision 3); a cost is its spender's
    ("SoftBank also purchased about $2 billion worth of OpenAI staff stock.", "en", "about $2 billion",
     "SoftBank"),
    ("Meta a acheté 10 milliards de dollars de puces à Nvidia.", "fr", "10 milliards de dollars", "Meta"),
    ("Alors que OpenAI dépense des milliards, DeepSeek annonce avoir investi 5 millions USD dans son "
     "développement.", "fr", "5 millions USD", "DeepSeek"),
]


@pytest.mark.parametrize("text,lang,span,entity", PAYERS, ids=[c[0][:60] for c in PAYERS])
def test_a_valuation_is_never_the_payers(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


FOUND = [
    ("la Corée du Sud et l'Arabie saoudite", "fr", [("Corée du Sud", "place"), ("Arabie saoudite", "place")]),
    ("approved by the Cabinet", "en", [("Cabinet", "institution")]),
    ("présidente de la Commission de l’UE", "fr", [("Commission", "institution"), ("UE", "place")]),
    ("an outlay of Rs 10,000 crore, or RMB 15", "en", []),
    ("under the Series A led by investors", "en", []),
    # the press drops a family's name before a version with its variant; a bare version stays no name
    ("Is the training cost of K2 Thinking true?", "en", [("K2 Thinking", "model")]),
    ("V4-Flash pricing and V4-Pro pricing, unlike V2", "en", [("V4-Flash", "model"), ("V4-Pro", "model")]),
]


@pytest.mark.parametrize("text,lang,found", FOUND, ids=[f[0] for f in FOUND])
def test_found_names(text, lang, found, engine):
    assert [(h.name, h.kind) for h in engine.entities.find(text, lang)] == found


# Real-press attributions round 4 left wrong: kept visible until a rule fixes them (strict: a fix must move the
# row up into a table above).
KNOWN_MISSES = [
    ("Bloomberg LP, the privately held company, has annual revenue in excess of $10 billion.", "en",
     "in excess of $10 billion", "Bloomberg LP", "an outlet's name with a company suffix is still taken for the outlet"),
    ("Current backers, among them Tencent, Alibaba and 5Y Capital, have committed more than $600 million.", "en",
     "more than $600 million", None, "'5Y Capital' opens with digits, so only 'Capital' is found and the list of "
     "investors (no one's figure together) is not seen"),
    ("Microsoft a signé avec OpenAI un accord pour que ce dernier achète pour 200 milliards de dollars "
     "de services Azure.", "fr", "200 milliards de dollars", "OpenAI",
     "'ce dernier' (the latter) refers to the last name before it; the subject before wins"),
]


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("text,lang,span,entity,reason", KNOWN_MISSES, ids=[c[0][:60] for c in KNOWN_MISSES])
def test_known_miss(text, lang, span, entity, reason, engine):
    assert entity_of(text, span, engine, lang) == entity, reason
