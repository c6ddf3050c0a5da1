"""Attribution on real-press phrasing, round 5: a plan the rules do not know, named with a tier word
("Comet Plus", "Forge Pro"), is the product a subscription price is said of, before its company; a single
name the rules do not know that is quoted ("Chandrasekhar stated, “...") is a person, whose figure it is not;
a pronoun after a description in its sentence ("The company's ... it") stands for what the description does;
an investor a round names and the maker of counted chips are no one a later "la société" refers back to;
an investing verb after an elided "d'" ("prévoit d'investir") governs its figure like any other.

Each row: text, language, the span of a figure and the entity its claim must have. Sentences are modelled on
the phrasing of the real-press dev passages.
"""
import pytest
from attribution_table import entity_of


PLANS = [
    ("Perplexity AI propose « Comet Plus », un abonnement mensuel de 7 $ pour les lecteurs.", "fr",
     "7 $", "Comet Plus"),
    ("Perplexity a créé une formule nommée Comet Plus. Cet abonnement, vendu au prix de 7 dollars "
     "par mois, ouvre des articles réservés.", "fr", "7 dollars par mois", "Comet Plus"),
    ("Anthropic launched Forge Pro, a subscription costing $30 per month.", "en", "$30 per month", "Forge Pro"),
    ("Mistral a dévoilé Atelier Max, un abonnement à 40 euros par mois.", "fr", "40 euros par mois", "Atelier Max"),
    # a name without a tier word stays a name the rules do not know: the company keeps the price
    ("Perplexity launched Comet, a subscription costing $5 per month.", "en", "$5 per month", "Perplexity"),
]


@pytest.mark.parametrize("text,lang,span,entity", PLANS, ids=[c[0][:60] for c in PLANS])
def test_a_plan_named_with_a_tier_is_the_product(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


SPEAKERS = [
    ("Chandrasekhar stated, “The scheme cleared by the Cabinet carries an outlay of Rs 8,000 crore.”", "en",
     "Rs 8,000 crore", None),
    ("Varadarajan said: “The programme will spend $2 billion on new data centres.”", "en", "$2 billion", None),
    ("Lemaire a déclaré : « Le programme investira 500 millions d'euros dans des centres de données. »", "fr",
     "500 millions d'euros", None),
    # a name that is not quoted keeps the figure it is the subject of
    ("Kyutai said it will invest $2 billion in new data centres.", "en", "$2 billion", "Kyutai"),
]


@pytest.mark.parametrize("text,lang,span,entity", SPEAKERS, ids=[c[0][:60] for c in SPEAKERS])
def test_one_who_is_quoted_is_a_person(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


DESCRIBED = [
    # "it", "son" after "the company", "l'entreprise" in the same sentence: a company, never the product before
    ("ChatGPT has drawn 200 million users since launch. The company's valuation climbed to $120 "
     "billion as it took revenue from nothing to $2.9 billion.", "en", "$2.9 billion", None),
    ("Le fournisseur de ChatGPT a encaissé 270 millions de dollars. L'entreprise prévoit que son "
     "chiffre d'affaires atteigne 9,8 milliards de dollars.", "fr", "9,8 milliards de dollars", None),
    # ... and the company it refers back to when one is named before
    ("OpenAI launched ChatGPT Pro. The company said its revenue reached $3.6 billion.", "en", "$3.6 billion",
     "OpenAI"),
    # a pronoun alone still refers back to the name before
    ("Mistral AI a présenté Le Chat. Son chiffre d'affaires atteint 30 millions d'euros.", "fr",
     "30 millions d'euros", "Mistral AI"),
]


@pytest.mark.parametrize("text,lang,span,entity", DESCRIBED, ids=[c[0][:60] for c in DESCRIBED])
def test_a_pronoun_after_a_description_is_what_it_describes(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


HISTORY = [
    # an investor named with "auprès de", "from", "led by" is not what "la société" refers back to
    ("La start-up a levé 300 millions de dollars auprès de Salesforce et Nvidia. La société est désormais "
     "valorisée à 4,5 milliards de dollars.", "fr", "4,5 milliards de dollars", None),
    ("The startup raised $300 million in a round led by Salesforce. The company is now valued at $4.5 billion.",
     "en", "$4.5 billion", None),
    # the maker of the chips a count counts is no one's subject later either
    ("Le système est alimenté par 100 000 GPU NVIDIA H100. Le mois prochain, Elon Musk compte y ajouter "
     "50 000 puces NVIDIA H200 dans sa création.", "fr", "50 000 puces", None),
    # ... while the recipient and a spender who is the sentence's subject stay
    ("Mistral a levé 600 millions d'euros auprès de Nvidia. La société est valorisée à 6 milliards d'euros.", "fr",
     "6 milliards d'euros", "Mistral AI"),
    ("OpenAI s'est engagé à dépenser 1 400 milliards de dollars. La société vise 200 milliards de dollars de "
     "chiffre d'affaires.", "fr", "200 milliards de dollars", "OpenAI"),
]


@pytest.mark.parametrize("text,lang,span,entity", HISTORY, ids=[c[0][:60] for c in HISTORY])
def test_no_investor_or_maker_is_referred_back_to(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


ELIDED = [
    ("Le tour, conduit par Thrive Capital, un fonds qui prévoit d'investir 2 milliards de "
     "dollars, a atteint 5,4 milliards de dollars.", "fr", "2 milliards de dollars", "Thrive Capital"),
    ("Le groupe, mené par Xavier Niel, qui a décidé d’investir 100 millions d’euros, soutient le laboratoire.", "fr",
     "100 millions d’euros", "Xavier Niel"),
]


@pytest.mark.parametrize("text,lang,span,entity", ELIDED, ids=[c[0][:60] for c in ELIDED])
def test_an_elided_investing_verb_names_its_investor(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


UNPREFIXED = [
    # a known plan's name without its maker's word ("AI Ultra" for "Google AI Ultra") is still the plan
    ("Google asked $240 a month for AI Ultra, then lowered it to $120.", "en", "$240 a month", "Google AI Ultra"),
    ("Google sells AI Pro for $19.99 a month.", "en", "$19.99 a month", "Google AI Pro"),
    ("L'abonnement Gemini AI Pro coûte 21,99 euros par mois.", "fr", "21,99 euros par mois", "Google AI Pro"),
    # with the maker's word the full name still matches
    ("Google AI Ultra costs $249.99 a month.", "en", "$249.99 a month", "Google AI Ultra"),
]


@pytest.mark.parametrize("text,lang,span,entity", UNPREFIXED, ids=[c[0][:60] for c in UNPREFIXED])
def test_a_plan_named_without_its_maker_is_the_plan(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity
