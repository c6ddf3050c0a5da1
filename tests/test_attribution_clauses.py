"""Attribution by the clause a figure stands in: relative clauses said of the name before them, people who raise
the money, descriptions named later, investors and recipients of a stake or a deal.

Each row: text, language, the span of a figure and the entity its claim must have (None: no one's). The rows are
modelled on real-press constructions with other names and figures.
"""
import pytest
from attribution_table import claims_on, entity_of


CASES = [
    # a relative clause is the name's even past a common noun and a bracket, or when it says whose ("dont", "whose")
    ("Last year GPT-4 cost an estimated $80 million to train, up from Zorba's Quill model (175B), which cost "
     "$9 million.", "en", "$9 million", "Quill"),
    ("Mistral AI a levé 600 millions d'euros. Contrairement à Zentral, dont la dernière levée lui a permis de "
     "récolter 40 millions d'euros, la start-up ne gagne rien.", "fr", "40 millions d'euros", "Zentral"),
    ("OpenAI raised $6 billion. Unlike Varnox, whose latest round brought it $45 million, the startup is "
     "profitable.", "en", "$45 million", "Varnox"),
    # ... and a product described as its maker's stands for the maker the article names
    ("Alphabet est visé. Nvidia talonne désormais la maison-mère de Google, qui capitalisait mardi 1900 Mds$.",
     "fr", "1900 Mds$", "Alphabet"),
    # a person who raises the money takes it from a name the rules do not know, named further away
    ("Per a filing with the Zentrix Registry (ZR), Musk has secured about $240 million from six investors.",
     "en", "about $240 million", "Elon Musk"),
    # a figure a raising verb governs is the recipient's, whoever the investment comes from
    ("Zorvex, a fast-growing lab, said it has secured an additional $3 billion investment from Google.",
     "en", "$3 billion", "Zorvex"),
    # ... and one who takes a stake puts in the money
    ("Ce n'est pas un hasard : Halvard Capital, le fonds de Jean Dupont, a pris une participation de 2,1 milliards "
     "de dollars au sein de Nvidia.", "fr", "2,1 milliards de dollars", "Halvard Capital"),
    ("Halvard Capital took a stake of $800 million in Mistral AI last week.", "en", "$800 million", "Halvard Capital"),
    # a deal for compute is the buyer's, named after the seller's verb (decision 3)
    ("Cloud provider CoreWeave will provide GPU capacity to Meta in a deal valued at $14.2 billion.",
     "en", "$14.2 billion", "Meta"),
    ("Nebius fournira de la capacité de calcul à Microsoft dans le cadre d'un accord d'investissement de "
     "9 milliards de dollars.",
     "fr", "9 milliards de dollars", "Microsoft"),
    # "the company" refers back to a name the rules do not know, before a project named after the figure
    ("Zentrix has been raising money all year to fund its plans. The company was in talks to raise $12 billion "
     "in debt earlier this year, partly to buy chips for Colossus 2.", "en", "$12 billion", "Zentrix"),
    # « que » after a verb of saying opens a clause: the name after it is no other side
    ("Alors que l’abonnement ne coûte que 12 dollars par mois, plusieurs analystes estiment que le coût réel de "
     "Copilot dépasse 40 dollars.", "fr", "12 dollars par mois", "Copilot"),
    # ... after a comparative it is one
    ("GPT-4o mini est facturé 0,15 dollar par million de jetons, trois fois moins cher que Claude Haiku.",
     "fr", "0,15 dollar par million de jetons", "GPT-4o mini"),
    # a figure bound to the name after "on", "of" past a determiner ("a discount on its <Model> API")
    ("OpenAI said it would make a 40% promotional discount on its GPT-4o API permanent after June.", "en", "40%", "GPT-4o"),
    # ... but the chips a count of GPU hours ran on are not whose count it is
    ("GPT-3 is said to have consumed about 2 million GPU hours on Nvidia V100s.", "en", "about 2 million GPU hours",
     "GPT-3"),
    # a name that is what another count of the sentence counts is nobody's figure
    ("Zorbit a pu utiliser 256 GPU Nvidia H100 pendant 300 000 heures GPU.", "fr", "300 000 heures GPU", "Zorbit"),
    # a tier named by an adjective with its plan noun, before the price or bound after it
    ("La formule « Famille » coûte 13 € par mois. L'abonnement personnel, réservé à une seule personne, "
     "revient à seulement 8 € par mois.", "fr", "8 € par mois", "Personnel"),
    ("Les prix des abonnements personnels ont augmenté de 40 % et de 25 % pour les abonnements familiaux.",
     "fr", "25 %", "Famille"),
    ("Microsoft 365 got dearer. The family plan now costs $14 a month.", "en", "$14 a month", "Microsoft 365 Family"),
    # a name the rules do not know that the text calls a model ranks as a model, before the company that made it
    ("Xiaomi unveiled its Lumo model this spring at $0.20 per million output tokens.", "en",
     "$0.20 per million output tokens", "Lumo"),
    ("Baidu a présenté le modèle Lumo, facturé 0,30 dollar par million de jetons.", "fr",
     "0,30 dollar par million de jetons", "Lumo"),
    # what a company says of something else is that thing's figure ("<Lab> said that <Model> needed N")
    ("Dans son rapport, Meta signale que Zorblax a nécessité 900 000 heures GPU d'entraînement.", "fr",
     "900 000 heures GPU", "Zorblax"),
    ("In its paper, Meta said that Zorblax needed 900,000 GPU hours to train.", "en", "900,000 GPU hours",
     "Zorblax"),
    # a ticker in brackets and an owner's possessive do not break a list said "respectively"
    ("Zentrix (ZTX) and Varnox (VRX) bought 90,000 and 70,000 GPUs, respectively.", "en", "90,000", "Zentrix"),
    ("Zentrix (ZTX) and Orbital’s (ORB) Varnox bought 90,000 and 70,000 GPUs, respectively.", "en", "90,000",
     "Zentrix"),
    ("Zentrix (ZTX) and Orbital’s (ORB) Varnox bought 90,000 and 70,000 GPUs, respectively.", "en", "70,000 GPUs",
     "Varnox"),
    # a company description after a model named in the same sentence is the model's maker, when named
    ("Des chercheurs de Mistral AI écrivent que Mistral Large tourne sur des puces H100 et que la start-up a pu "
     "entraîner ses modèles pour moins de 20 millions de dollars.", "fr", "moins de 20 millions de dollars",
     "Mistral AI"),
    # a payer described after "led by", "with" is the first name after it, not a name further on
    ("Le tour de table mené par SoftBank valorise Zentrix à 3 milliards de dollars.", "fr", "3 milliards de dollars",
     "Zentrix"),
    ("With Nvidia's newest B200 chip costing around $45,000, budgets will grow.", "en", "around $45,000",
     "B200"),
    # a figure a leading verb governs is the round's total, its recipient's
    ("Thrive Capital led a $200 million investment in Zentrix, valuing it at $2 billion.", "en", "$200 million",
     "Zentrix"),
    # a name in a participle opening the sentence is no subject; a payer after "backed by" is one unless a list goes on
    ("Fondée par d'anciens de Google, Zentrix est désormais valorisée 2 milliards d'euros.", "fr",
     "2 milliards d'euros", "Zentrix"),
    ("Backed by Nvidia, Zentrix is now valued at $2 billion.", "en", "$2 billion", "Zentrix"),
    ("Zentrix raised $300 million from Nvidia, SoftBank and Thrive Capital.", "en", "$300 million", "Zentrix"),
    # a bare tier bound after the price is the company's when only the company is named (decision 2)
    ("Perplexity charges $20 a month for its Pro tier.", "en", "$20 a month", "Perplexity"),
    # a French price binds to the thing priced after its article ("N $ le <produit>"); other figures do not
    ("Les puces de Nvidia coûtent cher, à environ 25 000 $ en moyenne le GPU H100 et près de 60 000 $ le B200.", "fr",
     "près de 60 000 $", "B200"),
    ("Les puces de Nvidia coûtent cher, à environ 25 000 $ en moyenne le GPU H100 et près de 60 000 $ le B200.", "fr",
     "environ 25 000 $", "H100"),
    ("Mistral AI vaut 12 milliards d'euros la start-up Zentrix en vaut deux.", "fr", "12 milliards d'euros",
     "Mistral AI"),
    # a role-of apposition with no other head is the clause itself: the employer named is what is valued
    ("À 41 ans, le patron de Zentrix, pépite choyée par les ministères et valorisée à 3 milliards d'euros, vise loin.",
     "fr", "3 milliards d'euros", "Zentrix"),
    ("Le fondateur de Zentrix, licorne valorisée à 3 milliards d'euros, vise Meta.", "fr", "3 milliards d'euros",
     "Zentrix"),
    # a company named as the brand of hardware, or as the maker of the chip a count counts, is not whose count it is
    ("Ce calculateur sera équipé de 9 000 GPU Grace Blackwell, les puces les plus rapides de Nvidia, dès mai.", "fr",
     "9 000 GPU", None),
    ("L'accord permettra à Zentrix de bâtir 3 gigawatts de centres dotés de systèmes Nvidia, soit des millions de "
     "GPU.", "fr", "millions de GPU", "Zentrix"),
    ("Zentrix will rent Google TPUs, up to 400,000 chips, next year.", "en", "up to 400,000 chips", "Zentrix"),
    ("Zentrix a déployé 20 000 GPU Nvidia H100 cet été.", "fr", "20 000 GPU", "Zentrix"),
    # a person set off with a role of the employer announces the employer's figure
    ("Paul Vautrin, le PDG de Zentrix, a annoncé une levée de 90 millions d'euros.", "fr", "90 millions d'euros",
     "Zentrix"),
    ("Le cofondateur de Zentrix, Paul Vautrin, a annoncé une levée de 90 millions d'euros.", "fr",
     "90 millions d'euros", "Zentrix"),
    # a name a model noun is given ("baptisé", "dubbed") is the model's, even with digits, in later sentences too
    ("Le dernier modèle de Zentrix, baptisé Z7, serait très coûteux. Selon une estimation, son tarif atteindrait "
     "12 000 dollars par requête.", "fr", "12 000 dollars par requête", "Z7"),
    ("Zentrix's latest model, dubbed Quarry, looks costly. One estimate puts its price at $12,000 per query.", "en",
     "$12,000 per query", "Quarry"),
    ("Le patron de Zentrix, Paul Vautrin, a indiqué que la société valait désormais 4 milliards d'euros.", "fr",
     "4 milliards d'euros", "Zentrix"),
    # a possessive before a name describes the name ("Sa filiale <Name>", "Its rival <Name>"): the name is the subject
    ("Zentrix a levé 60 millions d'euros. Sa filiale Varnox est valorisée 900 millions d'euros.", "fr",
     "900 millions d'euros", "Varnox"),
    ("Zentrix raised $60 million. Its rival Varnox is valued at $900 million.", "en", "$900 million", "Varnox"),
    # a restatement after a comma stays in the relative clause ("dont <Model> ..., soit N fois plus cher")
    ("C'est une réponse à Zentrix, dont Zorblax Pro coûte 3 dollars en entrée, soit cinq fois plus cher que Varnox.",
     "fr", "cinq fois plus", "Zorblax Pro"),
    # tiers listed with a '+' one are three members, each taking its figure "respectively"
    ("Depuis mars, les abonnés de Zorbo choisissent entre trois formules : Basic, Premium et Premium+, "
     "respectivement à 4, 9 et 17 dollars par mois.", "fr", "17 dollars par mois", "Premium+"),
    # ... and a later price goes to the product named with a product noun, not to its maker
    ("Zentrix détaille deux tarifs pour l’API Navigateurs. Pour la recherche, comptez 0,07 $/session.", "fr",
     "0,07 $", "Navigateurs"),
    # after a verb of raising or receiving, a name bound by 'de' is where the money comes from, not whose it is
    ("Varnox a reçu 700 millions d'euros de Zentrix.", "fr", "700 millions d'euros", "Varnox"),
    ("Varnox a levé 700 millions d'euros de Zentrix et Halvard Capital.", "fr", "700 millions d'euros", "Varnox"),
    # ... but a round named by its noun is the name's after it
    ("Zentrix salue la levée de 700 millions d'euros de Varnox.", "fr", "700 millions d'euros", "Varnox"),
    # a round led in the passive is its recipient's, not a payer's ("menée par", "led by" after the name)
    ("La levée de 35 millions d'euros de Zentrix a été menée par Halvard Capital.", "fr", "35 millions d'euros",
     "Zentrix"),
    ("Halvard Capital a mené la levée de 35 millions d'euros de Zentrix.", "fr", "35 millions d'euros", "Zentrix"),
    # a round raised for a model is its maker's: a name the text calls a model raises no money (decision 1)
    ("Zentrix lève 45 millions d'euros pour son modèle Zorblax.", "fr", "45 millions d'euros", "Zentrix"),
    ("Zentrix raised $45 million for its Quarry model.", "en", "$45 million", "Zentrix"),
    # chips a seller's verb sends to a buyer are the buyer's count (decision 11)
    ("Nvidia a livré 30 000 puces à Zentrix cet hiver.", "fr", "30 000 puces", "Zentrix"),
    ("Nvidia will supply 90,000 GPUs to Zentrix next year.", "en", "90,000 GPUs", "Zentrix"),
    # ... but a head before it or a name after its close is the subject
    ("The Austin-based chip giant, which is also Zentrix's biggest backer, bought 90,000 GPUs.", "en",
     "90,000 GPUs", None),
    # each one's share of a group of people the text does not name is no one's
    ("Zentrix a reçu 300 millions d'euros (100 millions par homme d'affaires).", "fr", "100 millions", None),
    ("Zentrix est financé à hauteur de 240 millions d'euros, chacun des quatre associés ayant versé 60 millions "
     "d'euros.", "fr", "60 millions d'euros", None),
    ("Kyutai est financé à hauteur de 240 M€, chacun des trois cofondateurs ayant fourni "
     "un chèque de 80 millions d’euros.", "fr", "80 millions d’euros", None),
    ("Each of the three founders put in $100 million.", "en", "$100 million", None),
    ("Zentrix raised $300 million from its founders.", "en", "$300 million", "Zentrix"),
    # an article's opening that names no one is said of the subject of the next sentence (a lede)
    ("The company is due to raise $400 million in a new round. This would value Zentrix at $8 billion.", "en",
     "$400 million", "Zentrix"),
    ("Deux ans d'existence, vingt salariés et… 400 millions d'euros levés. La jeune pousse Zentrix Labs vient de "
     "conclure son tour de table.", "fr", "400 millions d'euros", "Zentrix Labs"),
    ("Valued above 2 billion euros, the group is now the largest in its field. With 900 staff, Mistral AI has "
     "outgrown its rivals.", "en", "above 2 billion euros", "Mistral AI"),
    # ... unless that name is an example or the other side, a bare tier, or a word opening the sentence
    ("Le modèle a été entraîné pour 3 millions de dollars. C'est bien moins que des rivaux comme Llama-3 405B.", "fr",
     "3 millions de dollars", None),
    ("The firm has spent $2 billion on chips so far. Additional orders are expected.", "en", "$2 billion", None),
    ('The basic plan costs $12 a month. Buyers of the higher tiers ("Pro" and "Max") get more.', "en", "$12 a month", None),
    ("Mistral AI a été fondée à Paris en 2023. L'an dernier, une levée de 600 millions d'euros a été bouclée.", "fr",
     "600 millions d'euros", "Mistral AI"),
    ("Zentrix has been raising money all year. The company was in talks to raise $12 billion.", "en", "$12 billion",
     "Zentrix"),
    # a description after a comma whose model noun is the name's makes it a model; one that speaks of models in the
    # plural, or of a model it names, describes their maker, which takes a company's figures
    ("Baidu unveiled Quillo, an open-source model, at $0.20 per million output tokens.", "en",
     "$0.20 per million output tokens", "Quillo"),
    ("Zorvane, known for developing large language models, was valued at $2 billion last year.", "en",
     "$2 billion", "Zorvane"),
    ("La start-up Zorvane, spécialisée dans les modèles de langage, serait valorisée à 2 milliards d'euros.", "fr",
     "2 milliards d'euros", "Zorvane"),
    ("Zorvane, which makes the chatbot Quillo, plans to raise up to $1 billion.", "en", "up to $1 billion", "Zorvane"),
    # the sentence's topic is what "the company" refers back to, as much when the rules do not know it as when they do:
    # a known company named beside it is not preferred for being known
    ("Nvidia supplies the chips of Zorvane, which raised $300 million in March. The company is now valued at "
     "$4 billion.", "en", "$4 billion", "Zorvane"),
    ("Nvidia fournit les puces de Zorvane, qui a levé 300 millions de dollars en mars. La société est désormais "
     "valorisée à 4 milliards de dollars.", "fr", "4 milliards de dollars", "Zorvane"),
]


@pytest.mark.parametrize("text,lang,span,entity", CASES, ids=[c[0][:60] for c in CASES])
def test_entity(text, lang, span, entity, engine):
    assert entity_of(text, span, engine, lang) == entity


# Constructions of real press the rules still get wrong: kept visible until a rule fixes them (strict: a fix must
# move the row up into CASES).
REASON_UNKNOWN_CARRIED = ("an unknown name of an earlier sentence (an event, a coined word) is carried over like a company's; not carrying names the rules do not know gained dev +0.003 claim F1 but cost 0.008 with half the rules' entities removed (the stand-in for unseen press, where most names are unknown): reverted")
KNOWN_MISSES = [
    ("Les chercheurs de Zorb affirment que Zorblax-2 repose sur des puces H800 et que la start-up a pu former ses "
     "modèles pour moins de 4 millions de dollars.", "fr", "moins de 4 millions de dollars", "Zorb",
     "'la start-up' refers back only to earlier sentences; the company named earlier in the same sentence is not "
     "looked for"),
    ("Zentrix lève 10 milliards de dollars auprès de SoftBank. Le conglomérat a déjà investi 2 milliards de dollars "
     "dans la start-up.", "fr", "2 milliards de dollars", "SoftBank",
     "a description of an investor refers back to the payer a round named, but payers are kept out of what later "
     "sentences refer to"),
    ("Chez Zentrix, l'abonnement Pro coûte 25 euros par mois.", "fr", "25 euros par mois", "Zentrix",
     "a bare tier with only a company the rules do not know named is the tier's, not the company's (decision 2); "
     "letting a detected name stand for the company gave another en tier to a detected word ('Heavy'): left out"),
    ("Créée en 2023 par d'anciens de Meta, Zentrix a levé 100 millions d'euros.", "fr", "100 millions d'euros",
     "Zentrix", "a participle opening the sentence with a name in it is an apposition only after the listed markers "
     "('fondée par'); treating any participle opener so cost dev-b one claim: left out"),
    ("Zentrix a levé 10 millions d'euros. Mais à 30 dollars par mois, et après une polémique, Zorblax pose question.",
     "fr", "30 dollars par mois", "Zorblax", "a sentence opening with a contrast carries the last claim's entity "
     "(extract.py) before the subject named after the figure is looked at"),
    ("Zentrix and Varnox were its largest customers. Both bought roughly 120,000 chips this year.", "en",
     "roughly 120,000 chips", ("Zentrix", "Varnox"), "'both' after a list in the sentence before is each member's "
     "figure (decision 6); refer-back gives the first member only"),
    ("Le Forum Kestrel s'est ouvert lundi à Lyon. Des entreprises ont promis 12 milliards d'euros d'investissements "
     "dans les centres de données.", "fr", "12 milliards d'euros", None, REASON_UNKNOWN_CARRIED),
    ("Analysts have called the trend Pricedrift since last spring. The report cited roughly $50 per million tokens "
     "in 2022 against about $0.05 now.", "en", "roughly $50 per million tokens", None, REASON_UNKNOWN_CARRIED),
]


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("text,lang,span,entity,reason", KNOWN_MISSES, ids=[c[0][:60] for c in KNOWN_MISSES])
def test_known_miss(text, lang, span, entity, reason, engine):
    if isinstance(entity, tuple):
        assert tuple(c.entity for c in claims_on(text, span, engine, lang)) == entity, reason
    else:
        assert entity_of(text, span, engine, lang) == entity, reason
