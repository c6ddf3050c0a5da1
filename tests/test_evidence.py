"""The quantity of a figure from all the evidence of its sentence: frames, rates, units, cue words
at any distance, the figure before it; and the `evidence:` weights as the rules loader reads them."""
from pathlib import Path

import pytest

from compare.cues import compile_frames
from compare.extract import extract_text
from compare.rules import check_rules, load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules([ROOT / "rules"])

# Short sentences modelled on real press phrasing, with the quantities of their claims in text order.
CASES = [
    # verb frames: raised/lève/mobiliser -> investment, valued at/valorise -> valuation
    ("Mistral raised €600 million at a valuation of €6 billion.", "en", ["investment", "valuation"]),
    ("Moonshot is close to a funding round that could value the company at about $4 billion.", "en", ["valuation"]),
    ("OpenAI is in talks over an investment round that could bring in $7 billion and value the company at "
     "$150 billion.", "en", ["investment", "valuation"]),
    ("Anthropic raised $13 billion, far exceeding its $3.5 billion target, pushing its valuation to $170 billion.",
     "en", ["investment", "investment", "valuation"]),
    ("This would value Perplexity at $9 billion.", "en", ["valuation"]),
    ("Microsoft will put $40 billion toward new data centres.", "en", ["investment"]),
    ("Microsoft is building a $6.2 billion facility in Norway.", "en", ["investment"]),
    ("xAI a réussi à mobiliser 20 milliards de dollars auprès d’investisseurs.", "fr", ["investment"]),
    ("xAI boucle un tour de série B de 6 milliards de dollars, ce qui la valorise à 24 milliards de dollars.",
     "fr", ["investment", "valuation"]),
    ("Le champion a bouclé une levée de 40 milliards de dollars valorisant l’entreprise 300 milliards de dollars.",
     "fr", ["investment", "valuation"]),
    # cost to train: training cost, even after a spending verb
    ("DeepSeek spent $5.6M training V3.", "en", ["training_cost"]),
    ("Google spent roughly $190 million on the computing power needed to train Gemini Ultra.", "en", ["training_cost"]),
    ("Le modèle a été mis au point pour moins de 3 millions d’euros.", "fr", ["training_cost"]),
    # an investing verb says where the money goes; a purpose after the figure says what for, and decides
    ("DeepSeek annonce avoir investi seulement 5 millions USD dans son développement.", "fr", ["training_cost"]),
    ("The lab invested $6 million in its development.", "en", ["training_cost"]),
    ("Meta invested $500 million to train Llama 4.", "en", ["training_cost"]),
    ("L’entraînement de Grok-4 a demandé un investissement de 490 millions de dollars.", "fr", ["training_cost"]),
    ("SoftBank plans to invest $50 billion in AI development in the US.", "en", ["investment"]),
    ("Microsoft va investir 10 milliards de dollars dans des centres de données.", "fr", ["investment"]),
    ("Mistral raised $600 million to train its next models.", "en", ["investment"]),
    # spending with no purpose is running spending (other_money); on infrastructure or hardware, an investment
    ("Selon les nouvelles projections, OpenAI devrait dépenser 8 milliards de dollars cette année.", "fr", []),
    ("Les dépenses flamberaient ensuite à 17 milliards de dollars en 2026.", "fr", []),
    ("Quand OpenAI dépense quotidiennement près de 700 000 euros pour son modèle star.", "fr", []),
    ("Alibaba will spend 3 billion yuan to promote Qwen AI.", "en", []),
    ("Alphabet said it will spend $75 billion on its AI buildout this year.", "en", ["investment"]),
    ("Microsoft said it would spend more than $30bn in the current quarter to build out the data centers.", "en",
     ["investment"]),
    ("DeepSeek's hardware spending significantly exceeds $500 million.", "en", ["investment"]),
    # what something cost, with nothing said of training, is no training cost
    ("Ce partenariat aurait pu coûter près de 2 milliards de dollars au Royaume-Uni.", "fr", []),
    ("Cette mesure aurait coûté 2,7 milliards de dollars à l’État.", "fr", []),
    ("L’entraînement de GPT-4 a coûté plus de 100 millions de dollars.", "fr", ["training_cost"]),
    # "training costs" names what the money was, beating a rental price or a generic "costs" in the sentence
    ("The company said its total training costs amounted to $5.576 million, based on the rental price of GPUs.", "en",
     ["training_cost"]),
    ("Its training cost was $12 million.", "en", ["training_cost"]),
    # plans and tiers in the plural name subscriptions as the singular does, beating a usage word further on
    ("It oversold its premium plans, claiming the 100 and 200 dollar tiers deliver far less usage.", "en",
     ["subscription_price", "subscription_price"]),
    ("Les nouvelles formules démarrent à 8 euros.", "fr", ["subscription_price"]),
    ("Ses forfaits débutent à 12 euros.", "fr", ["subscription_price"]),
    # a company's value brought or boosted to a figure is its valuation, even after an investment word
    ("The infusion of new cash brings its total post-investment value to $50 billion.", "en", ["valuation"]),
    ("The company's estimated value has jumped, reaching the $500 billion mark.", "en", ["valuation"]),
    ("The funding would boost the value of the ChatGPT creator to around $300 billion.", "en", ["valuation"]),
    ("Les coûts d’entraînement ont atteint 5,6 millions de dollars, au prix de location des puces.", "fr", ["training_cost"]),
    ("Le modèle a coûté 5 millions de dollars à entraîner.", "fr", ["training_cost"]),
    # revenue from subscriptions is revenue; a yearly bill or a licence is a payment, no price
    ("Elle espère réaliser 3,7 milliards de dollars de ventes, dont 2,7 milliards de dollars issus des abonnements.",
     "fr", ["revenue", "revenue"]),
    ("OpenAI made $2.7 billion from subscriptions last year.", "en", ["revenue"]),
    ("Bloomberg évoque une facture annuelle d’environ un milliard de dollars.", "fr", []),
    # a plant or a factory built, an order placed: investment (decision 3)
    ("The facility includes an $80 million water recycling plant.", "en", ["investment"]),
    ("Sam Altman aurait déjà sécurisé une commande estimée à 10 milliards de dollars.", "fr", ["investment"]),
    # what a gigawatt of capacity would cost is a generic amount, no one's investment (decision 18)
    ("La mise en service d’une capacité d’IA de 1 GW représenterait un investissement d’environ 50 milliards de "
     "dollars.", "fr", []),
    ("Analysts put the cost at about $50 billion per gigawatt.", "en", []),
    ("Le fonds d'investissement MGX va construire un data center d'un gigawatt pour 50 milliards d'euros.", "fr",
     ["investment"]),
    # what serving costs the provider is no price of a plan (decision 17)
    ("L’accès ne coûte que 10 dollars par mois, mais le coût moyen de fonctionnement de Copilot est autour de 30 "
     "dollars par mois.", "fr", ["subscription_price"]),
    ("The running cost of the service is $30 per month per user.", "en", []),
    # a factor of a machine against its predecessor is hardware power, no compute ratio (decision 16)
    ("Alps disposera d’une puissance de calcul 20 fois supérieure à celle de son prédécesseur.", "fr", []),
    ("The new cluster delivers 10 times more compute than its predecessor.", "en", []),
    ("Meta aura besoin de 10 fois plus de puissance de calcul que pour l’entraînement du Llama 3.", "fr", ["compute"]),
    # a bare figure followed by its own noun borrows no unit from the figure before it
    ("Le modèle a nécessité 1 720 320 heures GPU, une étape qui a émis 291,42 tonnes équivalent CO2.", "fr", ["compute"]),
    ("Training used 2.7 million GPU hours and emitted 11,390 tons of CO2.", "en", ["compute"]),
    # rates: per month on a product is a subscription, per million tokens or per GPU-hour a price
    ("The Pro tier now costs $200 a month.", "en", ["subscription_price"]),
    ("DeepSeek charges $0.28 per million tokens.", "en", ["price"]),
    ("Lambda rents H100s at $2.49 per GPU-hour.", "en", ["price"]),
    ("Google va facturer 30 euros par mois pour son utilisation.", "fr", ["subscription_price"]),
    # a figure set against the one before it measures the same thing
    ("La valorisation de Mistral grimperait à 10 milliards d’euros, contre 5,8 milliards lors de sa dernière "
     "levée de fonds.", "fr", ["valuation", "valuation"]),
    # non-target numbers stay unclaimed: losses, market value, stock moves
    ("Nvidia lost nearly $600 billion in market value on Monday.", "en", []),
    ("OpenAI expects to lose $5 billion this year on revenue of $3.7 billion.", "en", ["revenue"]),
    ("Le titre Nvidia a perdu 17 % lundi, effaçant 589 milliards de dollars de capitalisation.", "fr", []),
    ("CoreWeave has borrowed more than $12bn using its GPUs as collateral.", "en", []),
    # a rise verb alone is no stock move: the price of a product rises too
    ("A substantial price increase for Microsoft 365 subscriptions, which rose by at least 30% worldwide.", "en",
     ["price_change"]),
    ("Nvidia shares fell 17% on Monday.", "en", []),
    ("xAI’s market value has been on a tear, soaring to $50 billion.", "en", ["valuation"]),
    ("Le géant va investir 380 milliards de yuans au cours des trois prochaines années.", "fr", ["investment"]),
    # a yearly amount is no subscription by its rate alone: a deal between companies
    ("Apple envisagerait de verser environ 1 milliard de dollars par an à Google.", "fr", []),
    # a conversion in brackets measures what the figure it converts measures, and a frame after the
    # figure reaches past it
    ("The H100 is reported to cost $25,000 (about 3.8 million yen) per unit.", "en", ["price", "price"]),
    ("La start-up affirme n’avoir dépensé que 5,6 millions de dollars (5 millions de francs) pour le développer.",
     "fr", ["training_cost", "training_cost"]),
    ("The company now holds more than 10 billion yuan (US$1.4 billion) in cash reserves.", "en", []),
    ("Zhipu raised US$558 million ($705.31 million) in its initial funding round.", "en",
     ["investment", "investment"]),
    # of two frames over one stretch, the one that reaches nearest the figure decides
    ("Ce cycle de financement de série C ferait grimper la valorisation de Mistral à 10 milliards d’euros.", "fr",
     ["valuation"]),
    # a quote inside a frame's gap: « que »
    ("Il y a deux ans, l’entreprise ne valait « que » 400 milliards de dollars.", "fr", ["valuation"]),
    # spending is an investment only on what investment is (infrastructure, data centres, a stake):
    # running costs and promotion are not, money spent to train a model is its training cost
    ("Operating costs are estimated at $944 million.", "en", []),
    ("SemiAnalysis estimates operating costs around $944 million.", "en", []),
    ("L’exploitation de ChatGPT coûtait environ 700 000 dollars par jour.", "fr", []),
    ("Cette année, 12 milliards de dollars seront consacrés à l’entraînement des modèles, et 7 milliards à leur "
     "fonctionnement.", "fr", ["training_cost"]),
    ("Auxquels s’ajouteront 206,9 M€ de coûts d’exploitation.", "fr", []),
    ("DeepSeek n’aurait dépensé que 6 millions d’euros en puces pour entraîner ses IA.", "fr", ["training_cost"]),
    ("Microsoft plans to spend $80 billion on AI data centers this fiscal year.", "en", ["investment"]),
    # investments the verb frame leaves unsaid: the purchase of compute (decision 3), a deal worth, an IPO,
    # instalments, money put on the table
    ("OpenAI has agreed to purchase $300 billion worth of computing power from Oracle.", "en", ["investment"]),
    ("The deal, worth tens of billions of dollars, gives Anthropic up to one million TPUs.", "en", ["investment"]),
    ("Nebius will provide GPU capacity to Microsoft in a deal valued at $17.4 billion.", "en", ["investment"]),
    ("Zhipu is planning a listing after its US$558 million initial public offering.", "en", ["investment"]),
    ("SoftBank détaille qu'un premier versement de 10 milliards de dollars est prévu en avril.", "fr", ["investment"]),
    ("300 millions d’euros ont été injectés dans le capital de Kyutai.", "fr", ["investment"]),
    ("Meta discuterait pour acheter des milliards de dollars de puces IA à Google.", "fr", ["investment"]),
    ("Le supercalculateur créé pour l'occasion aurait coûté plusieurs centaines de millions de dollars.", "fr",
     ["investment"]),
    ("Sam Altman est à la recherche de 7 000 milliards de dollars pour son réseau d’usines de puces.", "fr",
     ["investment"]),
    # a deal or a contract alone is no investment: a licence paid yearly stays unclaimed
    ("L’accord représenterait près d’un milliard de dollars par an pour Apple.", "fr", []),
    # what users spend in an app is its revenue (decision 13)
    ("Les utilisateurs ont dépensé pas moins de 2,48 milliards de dollars dans l’application ChatGPT.", "fr",
     ["revenue"]),
    ("ChatGPT a franchi le cap des 3 milliards de dollars de dépenses des consommateurs.", "fr", ["revenue"]),
    # 'price', 'prix', 'cheaper' say a figure is a price of something, not which kind: a plan or tier named
    # with it makes it a subscription, a chip or tokens a usage price
    ("ChatGPT did get a new $200 price tag for a pro tier.", "en", ["subscription_price"]),
    ("Users were alarmed as subscription costs went from 10.00 euros to 1300.00 euros by a pricing error.", "en",
     ["subscription_price", "subscription_price"]),
    ("Son nouvel abonnement moins cher à 8 dollars, ChatGPT Go.", "fr", ["subscription_price"]),
    ("Nvidia's B200 carries a price of $40,000.", "en", ["price"]),
    ("Le prix du H100 est d'environ 30 000 dollars.", "fr", ["price"]),
    ("Doubao 1.5 est environ 50 fois moins cher que GPT-4o.", "fr", ["price"]),
    # a percent a year is a trend, a tax rate is no price change; a promotion is one (decision 7)
    ("Les coûts d'inférence ont chuté de 86 % par an au cours de l'année précédente.", "fr", []),
    ("Inference cost was falling about 10x per year for an LLM of equal performance.", "en", []),
    ("Kenya adds a 16% Value Added Tax on digital services.", "en", []),
    ("DeepSeek said it would make a 75% promotional discount on its V4-Pro API permanent.", "en", ["price_change"]),
    ("Input costs 12 yuan per million tokens, with a limited-time 25% discount at launch.", "en",
     ["price", "price_change"]),
    # 'tariff' alone is a price list as often as a customs duty
    ("GPT-5.4 is half that on the same standard tariff: $2.50 per million input tokens.", "en", ["price"]),
    # a price beyond its plausible bound (`at_most`, in the comparison currency) is a bill, a deal or a
    # provider's cost: seats multiplied out, a payment between companies (decision 3)
    ("For a 1,000-person organisation, that is $360,000 per year for the Copilot subscription.", "en", []),
    ("OpenAI spends $3 to $21 million per month on its subscription infrastructure.", "en", []),
    ("Google verse 20 milliards de dollars par an à Apple pour l’usage de son moteur.", "fr", []),
    ("ChatGPT Pro costs $200 a month.", "en", ["subscription_price"]),
    ("The Bloomberg Terminal subscription costs $25,000 a year.", "en", ["subscription_price"]),
    ("Chaque machine est vendue au prix de 180 millions d’euros l’unité.", "fr", ["price"]),
    ("L’abonnement coûte 30 000 euros par mois.", "fr", []),
    # factors that are no ratio of a target (decision 16): a doubling, hardware power, performance,
    # a usage allowance, a factor of revenue, a factor in a tier's name
    ("Qwen3 pricing is doubling for long inputs.", "en", []),
    ("Le prix de l’API a doublé.", "fr", []),
    ("The B200 has around 4x the AI training performance of H100.", "en", []),
    ("The B200 has 30x the inference performance of H100.", "en", []),
    ("Le supercalculateur est désormais quatre fois plus puissant qu’à ses débuts.", "fr", []),
    ("The Ultra plan comes with 5x the usage limits of the Pro tier.", "en", []),
    ("The Max tier is approximately 15 times the usage of the Claude subscription at a similar price.", "en", []),
    ("OpenAI s’est engagé à dépenser 70 fois son chiffre d’affaires en calcul.", "fr", []),
    ('Anthropic sells Claude on tiers: Max "5x" at $100 a month.', "en", ["subscription_price"]),
    ("GPT-5.5 costs twice as much as GPT-5.4.", "en", ["price"]),
    ("Project Rainier provides Anthropic with more than five times the compute power used to train its models.",
     "en", ["compute"]),
    # an amount of a whole market or industry is no one's investment (decision 18, market sizes), nor is the
    # value of a stake held or a secondary sale of shares (decision 4); promotion is no investment even past a
    # conversion between commas; an abbreviation in brackets inside a frame's gap
    ("Roughly half of the $209bn spent by US venture capitalists went to AI companies.", "en", []),
    ("Les dépenses mondiales dans l’IA devraient atteindre environ 1 500 milliards de dollars en 2025.", "fr", []),
    ("Microsoft détiendrait une participation d'environ 135 milliards de dollars dans la start-up.", "fr", []),
    ("Le montant des titres cédés s’élèverait à environ 6,6 milliards de dollars.", "fr", []),
    ("Alibaba plans to spend 3 billion yuan, or $431 million, to drive adoption of its Qwen chatbot.", "en", []),
    ("OpenAI is preparing a secondary share sale worth nearly $6 billion that would value the artificial "
     "intelligence (AI) company at about $500 billion.", "en", ["valuation"]),
    # a percent difference between two entities is growth, not a price change (docs/annotation.md, Ratios)
    ("GPT-4.1 mini cut latency by nearly half and cost by 83% versus GPT-4o.", "en", []),
    ("Doubao Pro is priced at 0.0008 yuan per 1,000 tokens, 99.3% below the industry average.", "en", ["price"]),
    ("Le modèle est 30 % moins cher que GPT-4o.", "fr", []),
    ("OpenAI cut the price of GPT-4o by 50% for developers.", "en", ["price_change"]),
    # the figure before is the amount before, not a factor between them
    ("Capital expenditure amounted to $30.7bn, doubling the $15.2bn figure from last year.", "en",
     ["investment", "investment"]),
]


@pytest.mark.parametrize("text,lang,quantities", CASES, ids=[c[0][:60] for c in CASES])
def test_quantity_from_the_evidence(text, lang, quantities):
    assert [c.quantity for c in extract_text(text, RULES, lang)] == quantities


def test_the_claim_says_which_evidence_decided_and_which_lost():
    claim = extract_text("OpenAI raised $6.6 billion at a valuation of $157 billion.", RULES, "en")[0]
    assert claim.why.startswith("evidence for investment: frame 'raised' 45.0")
    assert "lost: valuation" in claim.why


FRAMES = [
    ("raised #", "Mistral raised a further $2bn", True),
    ("raised #", "Mistral raised money, then $2bn", False),  # a comma: the frame does not govern the figure
    ("value ... at #", "could value the company at $4bn", True),
    ("# to train", "$5.6M to train V3", True),
]


@pytest.mark.parametrize("frame,text,governs", FRAMES)
def test_a_frame_governs_the_figure_next_to_it(frame, text, governs):
    before, after = compile_frames([frame])
    at = text.index("$")
    if before is not None:
        assert bool(before.search(text, 0, at)) is governs
    else:
        end = text.index(" ", at)
        assert bool(after.match(text, end)) is governs


def _problems(tmp_path, body: str) -> list[str]:
    (tmp_path / "r.yaml").write_text(body, encoding="utf-8")
    return [f"{p.check}: {p.message}" for p in check_rules([tmp_path])[2]]


QUANTITY = """quantities:
  - id: q
    measures: [money]
    cues: {en: [cost]}
"""


def test_evidence_weights_are_read_from_the_rules(tmp_path):
    (tmp_path / "r.yaml").write_text(QUANTITY + "evidence:\n  frame: 10\n  half_distance: 30\n", encoding="utf-8")
    rules = load_rules([tmp_path])
    assert rules.evidence.frame == 10 and rules.evidence.half_distance == 30 and rules.evidence.cue == 30


@pytest.mark.parametrize("body,check", [
    (QUANTITY + "evidence:\n  frame: -1\n", "schema"),
    (QUANTITY + "evidence:\n  framez: 3\n", "schema"),
    (QUANTITY + "    frames: {en: [raised]}\n", "bad-frame"),
    (QUANTITY + "    frames: {en: ['raised # at #']}\n", "bad-frame"),
    (QUANTITY + "    frames: {en: ['# ... #']}\n", "bad-frame"),
    (QUANTITY + "    frames: {xx: ['raised #']}\n", "unknown-language"),
    (QUANTITY + "    rates: month\n", "schema"),
])
def test_broken_evidence_is_reported(tmp_path, body, check):
    assert any(p.startswith(check + ":") for p in _problems(tmp_path, body)), _problems(tmp_path, body)


def test_evidence_given_twice_is_an_error(tmp_path):
    (tmp_path / "a.yaml").write_text(QUANTITY + "evidence:\n  frame: 10\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("evidence:\n  frame: 20\n", encoding="utf-8")
    problems = check_rules([tmp_path])[2]
    assert [p.check for p in problems] == ["duplicate-evidence"]
    assert "evidence is given twice" in problems[0].message
