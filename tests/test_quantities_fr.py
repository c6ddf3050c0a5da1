"""French press strings through find_mentions: one table per phenomenon, ids = the input.

Each row lists every mention the sentence must give (an empty list: none) with the fields that
matter for it; text == source[start:end] is checked for every mention.
"""
from mentions_table import q, table_test, xf

LANG = "fr"
NBSP, NNBSP = "\u00a0", "\u202f"


DIGITS = [
    ("Il a fallu environ 2,1 x 10^25 FLOP.", [q("environ 2,1 x 10^25 FLOP", 2.1e25, "FLOPs", qualifier="~")]),
    ("Un calcul de 3,14 × 10²³ FLOP.", [q("3,14 × 10²³ FLOP", 3.14e23, "FLOPs")]),
    ("Un seuil de 10²⁵ FLOP.", [q("10²⁵ FLOP", 1e25, "FLOPs")]),
    ("Un entraînement de 5,2 × 1 026 FLOPs.", [q("5,2 × 1 026 FLOPs", 5.2e26, "FLOPs")]),
    ("Il a fallu 1 250 pétaflops-jours.", [q("1 250 pétaflops-jours", 1.08e23, "FLOPs")]),
    ("1,9 million d'heures de calcul sur des GPU H800", [q("1,9 million d'heures de calcul sur des GPU", 1.9e6, "GPU-hours")]),
    ("3,3 millions d’heures H800", [q("3,3 millions d’heures H800", 3.3e6, "GPU-hours")]),
    ("4 millions d'heures de puces", [q("4 millions d'heures de puces", 4e6, "GPU-hours")]),
    ("2,8 millions d'heures de calcul", [q("2,8 millions d'heures", 2.8e6, "hours")]),
    ("Le groupe emploie 1 234 personnes.", [q("1 234 personnes", 1234.0, "people", precision=1.0)]),
    (f"Un total de 1{NBSP}234,5 tonnes.", [q(f"1{NBSP}234,5", 1234.5, precision=0.1)]),
    (f"Il a vendu 2{NNBSP}048 exemplaires.", [q(f"2{NNBSP}048", 2048.0)]),
    ("La ville compte 294.000 habitants.", [q("294.000", 294000.0, precision=1.0)]),
    ("Le taux atteint 3,75 cette année.", [q("3,75", 3.75, precision=0.01)]),
    ("On compte 12 000 000 de visites.", [q("12 000 000", 12e6)]),
    ("Un score de 0,5 seulement.", [q("0,5", 0.5)]),
    ("Le chiffre 4,800 est cité.", [q("4,800", 4.8, precision=0.001)]),
    ("La note est de 12,5 sur 20.", [q("12,5", 12.5), q("20", 20.0)]),
    ("Le fichier pèse 1.5 Go.", [q("1.5", 1.5)]),
    ("Ils étaient 15 000 à manifester.", [q("15 000", 15000.0)]),
    ("Il a parcouru 3 500 kilomètres.", [q("3 500", 3500.0)]),
    ("Une hausse du coefficient à 1.250.000 unités.", [q("1.250.000", 1250000.0)]),
    ("La valeur ,25 est rare.", [q(",25", 0.25)]),
    ("Au total, 7 équipes participent.", [q("7", 7.0)]),
    ("Le ratio vaut 2,3e-4 dans ce cas.", [q("2,3e-4", 2.3e-4)]),
    ("Ils ont trouvé 17 bugs.", [q("17", 17.0)]),
    ("Plus de 3,2 milliards de personnes", [q("Plus de 3,2 milliards de personnes", 3.2e9, "people", qualifier=">", low=3.2e9)]),
    ("Il reste 100 places.", [q("100", 100.0, precision=1.0)]),
    ("Le robot a 42 capteurs.", [q("42", 42.0)]),
]

SCALES = [
    ("Une levée de 5,57 millions.", [q("5,57 millions", 5.57e6, precision=1e4)]),
    ("Un budget de 500 milliards.", [q("500 milliards", 5e11, precision=1e9)]),
    ("Le fonds gère 100 millions.", [q("100 millions", 1e8, precision=1e6)]),
    ("Un trou de 1 billion dans les comptes.", [q("1 billion", 1e12)]),
    xf(("Le plan totalise 85\nmilliards d’euros.", [q("85\nmilliards d’euros", 8.5e10, "EUR")]),
       "a line break (a wrapped line of a web page) between the digits and the scale word ends the figure"),
    ("Il a gagné 10k abonnés.", [q("10k abonnés", 1e4, "users")]),
    ("La start-up vaut 2 Md€.", [q("2 Md€", 2e9, "EUR")]),
    ("Un contrat de 3 Mds € a été signé.", [q("3 Mds €", 3e9, "EUR")]),
    ("Un projet à 5 M$ seulement.", [q("5 M$", 5e6, "USD")]),
    ("Le marché pèse 12 Mrd d'euros.", [q("12 Mrd d'euros", 12e9, "EUR")]),
    ("Il a levé 1,5 milliard d’euros.", [q("1,5 milliard d’euros", 1.5e9, "EUR", precision=1e8)]),
    ("Cinq mille visiteurs sont venus.", [q("Cinq mille visiteurs", 5000.0, "users")]),
    ("Un fonds de 2 millions.", [q("2 millions", 2e6)]),
    ("Les ventes, 4,2 milliards, ont déçu.", [q("4,2 milliards", 4.2e9)]),
    ("Un demi-million de dollars", [q("Un demi-million de dollars", 5e5, "USD")]),
    ("deux milliards de dollars", [q("deux milliards de dollars", 2e9, "USD", precision=1e9)]),
    ("Un marché de 30 millions d'unités.", [q("30 millions", 3e7)]),
    ("Un investissement de 1 million et demi.", [q("1 million et demi", 1.5e6)]),
    # une virgule répétée devant des groupes de trois chiffres groupe les milliers (chiffre cité à l'anglaise)
    ("une amende de 4,000,000 dollars", [q("4,000,000 dollars", 4e6, "USD", precision=1.0)]),
    ("Le site atteint 3 000 milliards de requêtes.", [q("3 000 milliards", 3e12)]),
    ("Il y a 2 k de retard.", [q("2 k", 2000.0)]),
    ("Une perte de 7 Md.", [q("7 Md", 7e9)]),
]

MONEY = [
    ("La requête coûte 50 centimes d'euro.", [q("50 centimes d'euro", 0.5, "EUR", precision=0.01)]),
    ("Le service coûte 15 centimes par requête.", [q("15 centimes par requête", 0.15, "EUR", per="query")]),
    ("Le jeton coûte 2 cents de dollar.", [q("2 cents de dollar", 0.02, "USD")]),
    ("“V3” n’a par exemple réclamé que 5,57 millions de dollars pour son entraînement.",
     [q("5,57 millions de dollars", 5570000.0, "USD", qualifier="=", precision=10000.0)]),
    ("le projet “Stargate”, doté de 500 milliards de dollars", [q("500 milliards de dollars", 5e11, "USD", precision=1e9)]),
    ("Le repas coûte 25 euros.", [q("25 euros", 25.0, "EUR")]),
    ("Le repas coûte 25 €.", [q("25 €", 25.0, "EUR")]),
    ("Le repas coûte 25€ TTC.", [q("25€", 25.0, "EUR")]),
    ("Il a payé 8,50 $.", [q("8,50 $", 8.5, "USD", precision=0.01)]),
    ("Une amende de 10 000 livres sterling.", [q("10 000 livres sterling", 1e4, "GBP")]),
    ("Un chèque de 300 francs suisses.", [q("300 francs suisses", 300.0, "CHF")]),
    ("Les ventes atteignent 50 milliards de yuans.", [q("50 milliards de yuans", 5e10, "CNY")]),
    ("Un rachat à 2 milliards de yens.", [q("2 milliards de yens", 2e9, "JPY")]),
    ("Un contrat de 40 millions de dollars canadiens.", [q("40 millions de dollars canadiens", 4e7, "CAD")]),
    ("La transaction porte sur 16,4 millions de $CAD.", [q("16,4 millions de $CAD", 16.4e6, "CAD")]),
    ("Le titre vaut 150 $ US.", [q("150 $ US", 150.0, "USD")]),
    ("Une facture de 1 200 € HT.", [q("1 200 €", 1200.0, "EUR")]),
    ("un prix de 0,14 dollar", [q("0,14 dollar", 0.14, "USD")]),
    ("Un coût de 6 millions de dollars, selon l'entreprise.", [q("6 millions de dollars", 6e6, "USD")]),
    ("Microsoft a investi 13 milliards de dollars dans OpenAI.", [q("13 milliards de dollars", 13e9, "USD")]),
    ("Un tour de table de 6,6 milliards de dollars.", [q("6,6 milliards de dollars", 6.6e9, "USD")]),
    ("Il coûte 20 dollars et 15 cents.", [q("20 dollars et 15 cents", 20.15, "USD")]),
    ("La valorisation atteint 157 Md$.", [q("157 Md$", 157e9, "USD")]),
    ("Un dollar vaut 0,92 euro.", [q("0,92 euro", 0.92, "EUR")]),
    ("Une rallonge de 50 M€.", [q("50 M€", 5e7, "EUR")]),
    ("La société valait 3 400 milliards de dollars.", [q("3 400 milliards de dollars", 3.4e12, "USD")]),
    ("Un salaire de 4 000 euros bruts.", [q("4 000 euros", 4000.0, "EUR")]),
    ("un contrat de 100 millions de dollars australiens", [q("100 millions de dollars australiens", 1e8, "AUD")]),
    ("Le titre perd 2,75 $.", [q("2,75 $", 2.75, "USD")]),
    ("Le prix est de 9,99 € par mois.", [q("9,99 € par mois", 9.99, "EUR", per="month")]),
    ("La course a coûté 75 millions de dollars de Hong Kong.", [q("75 millions de dollars de Hong Kong", 75e6, "HKD")]),
    ("Une enveloppe de 109 milliards d'euros.", [q("109 milliards d'euros", 109e9, "EUR")]),
    ("Nvidia a perdu 589 milliards de dollars en bourse.", [q("589 milliards de dollars", 589e9, "USD")]),
    ("un contrat de 40 millions de dollars, versés en dollars canadiens",
     [q("40 millions de dollars", 4e7, "USD", note="dollars read as USD; the text says 'canadiens' nearby (CAD?)")]),
]

PERCENT = [
    ("d’environ 30 % à cause", [q("environ 30 %", 30.0, "percent", qualifier="~")]),
    ("Le chômage atteint 7,3 %.", [q("7,3 %", 7.3, "percent", precision=0.1)]),
    (f"Une part de 12{NNBSP}%.", [q(f"12{NNBSP}%", 12.0, "percent")]),
    (f"Une part de 12{NBSP}%.", [q(f"12{NBSP}%", 12.0, "percent")]),
    ("Une part de 12%.", [q("12%", 12.0, "percent")]),
    ("Les prix sont en hausse de 30 %.", [q("30 %", 30.0, "percent", direction="up")]),
    ("Le titre a chuté de 17 % lundi.", [q("17 %", 17.0, "percent", direction="down")]),
    ("Microsoft a augmenté ses prix de 30 %.", [q("30 %", 30.0, "percent", direction="up")]),
    ("Le chiffre d'affaires progresse de 12 %.", [q("12 %", 12.0, "percent", direction="up")]),
    ("Une baisse de 5 % est attendue.", [q("5 %", 5.0, "percent", direction="down")]),
    ("+30 % sur un an.", [q("+30 %", 30.0, "percent", direction="up")]),
    ("Le titre recule de 3,5 % à Paris.", [q("3,5 %", 3.5, "percent", direction="down")]),
    ("Une part de 40 pour cent.", [q("40 pour cent", 40.0, "percent")]),
    ("Le taux gagne 2 points de pourcentage.", [q("2 points de pourcentage", 2.0, "pp")]),
    ("Le taux passe à 15 %.", [q("15 %", 15.0, "percent")]),
    ("Près de 60 % des Français", [q("Près de 60 %", 60.0, "percent", qualifier="~")]),
    ("plus de 90 % des requêtes", [q("plus de 90 %", 90.0, "percent", qualifier=">", low=90.0)]),
    ("moins de 10 % du marché", [q("moins de 10 %", 10.0, "percent", qualifier="<", high=10.0)]),
    ("vingt pour cent des salariés", [q("vingt pour cent", 20.0, "percent")]),
    ("Un rabais de 50 % sur l'abonnement.", [q("50 %", 50.0, "percent")]),
    ("une chute de 17 %", [q("17 %", 17.0, "percent", direction="down")]),
    ("un bond de 8 % en séance", [q("8 %", 8.0, "percent", direction="up")]),
    ("Les ventes ont reculé de 2 % sur le trimestre.", [q("2 %", 2.0, "percent", direction="down")]),
    ("Une croissance de 3 % l'an.", [q("3 % l'an", 3.0, "percent", per="year")]),
    ("Le coût est 30 % moins cher.", [q("30 %", 30.0, "percent", direction="down")]),
]

RATIOS = [
    ("Un coût environ 27 fois inférieur à celui d'o1.", [q("environ 27 fois inférieur", 27.0, "x", qualifier="~", direction="less")]),
    ("Une facture 3 fois supérieure.", [q("3 fois supérieure", 3.0, "x", direction="more")]),
    ("Plus de la moitié des salariés.", [q("Plus de la moitié", 2.0, "x", direction="less", qualifier="<", high=2.0)]),
    ("Le coût a été divisé par dix.", [q("divisé par dix", 10.0, "x", direction="less")]),
    ("Il a coûté un dixième du coût de GPT-4.", [q("un dixième", 10.0, "x", direction="less")]),
    ("Il a dépensé un tiers du budget.", [q("un tiers", 3.0, "x", direction="less")]),
    ("Il consomme le quart du budget.", [q("le quart", 4.0, "x", direction="less")]),
    ("Il coûte la moitié du prix.", [q("la moitié", 2.0, "x", direction="less")]),
    ("La puissance de calcul a été multipliée par quatre.", [q("multipliée par quatre", 4.0, "x", direction="more")]),
    ("Le chiffre d'affaires a quadruplé.", [q("quadruplé", 4.0, "x", direction="more")]),
    ("Le prix a doublé en un an.", [q("doublé", 2.0, "x", direction="more")]),
    ("Un modèle une cinquantaine de fois plus cher.", [q("une cinquantaine de fois plus", 50.0, "x", direction="more", qualifier="~")]),
    ("Il est une dizaine de fois plus rapide.", [q("une dizaine de fois plus", 10.0, "x", direction="more", qualifier="~")]),
    ("Une dizaine de fois, il a refusé.", [q("Une dizaine de fois", 10.0, "x", qualifier="~")]),
    ("“V3” a par ailleurs nécessité 11 fois moins de temps de calcul que Llama-3 de Meta",
     [q("11 fois moins", 11.0, "x", direction="less")]),
    ("– environ 50 fois moins que GPT-4o", [q("environ 50 fois moins", 50.0, "x", direction="less", qualifier="~")]),
    ("Il est deux fois plus cher.", [q("deux fois plus", 2.0, "x", direction="more")]),
    ("Un modèle dix fois plus rapide.", [q("dix fois plus", 10.0, "x", direction="more")]),
    ("Il a fallu dix fois plus de puces.", [q("dix fois plus", 10.0, "x", direction="more")]),
    ("Il coûte deux fois moins.", [q("deux fois moins", 2.0, "x", direction="less")]),
    ("Un prix moitié moins élevé.", [q("moitié moins", 2.0, "x", direction="less")]),
    ("C'est 3 fois plus que prévu.", [q("3 fois plus", 3.0, "x", direction="more")])
    ,
    ("Le modèle consomme 20 fois moins d'énergie.", [q("20 fois moins", 20.0, "x", direction="less")]),
    ("Il a répété dix fois la même phrase.", [q("dix fois", 10.0, "x", direction=None)]),
    ("Un coût 30 fois inférieur.", [q("30 fois inférieur", 30.0, "x", direction="less")]),
    ("Un modèle 10x moins cher.", [q("10x moins", 10.0, "x", direction="less")]),
    ("Il consomme 4,5 fois plus d'électricité.", [q("4,5 fois plus", 4.5, "x", direction="more")]),
    ("près de 40 fois moins cher", [q("près de 40 fois moins", 40.0, "x", direction="less", qualifier="~")]),
    ("jusqu'à 100 fois plus vite", [q("jusqu'à 100 fois plus", 100.0, "x", direction="more", qualifier="<=", high=100.0)]),
    ("cent fois plus puissant", [q("cent fois plus", 100.0, "x", direction="more")]),
    ("trois fois plus de données", [q("trois fois plus", 3.0, "x", direction="more")]),
    ("un écran 1920 x 1080", [q("1920", 1920.0), q("1080", 1080.0)]),
    ("onze fois moins de calcul", [q("onze fois moins", 11.0, "x", direction="less")]),
    ("Son budget a été multiplié par 5 × 2.", [q("multiplié par 5", 5.0, "x", direction="more"), q("2", 2.0)]),
]

WORDS = [
    # « et demi » après l'échelle en ajoute la moitié, écrite en chiffres ou en lettres
    ("1 milliard et demi de dollars", [q("1 milliard et demi de dollars", 1.5e9, "USD")]),
    ("4 millions et demi d'abonnés", [q("4 millions et demi d'abonnés", 4.5e6, "users")]),
    ("trois milliards et demi d'euros", [q("trois milliards et demi d'euros", 3.5e9, "EUR")]),
    xf(("trois quarts de milliard", [q("trois quarts de milliard", 7.5e8)]),
       "a fraction 'de' a scale is read as a number and a scale apart"),
    ("Onze entreprises ont signé.", [q("Onze entreprises", 11.0, "companies")]),
    ("Il a embauché deux cents ingénieurs.", [q("deux cents ingénieurs", 200.0, "employees")]),
    ("vingt-cinq pays", [q("vingt-cinq pays", 25.0, "countries")]),
    ("quatre-vingt-dix jours", [q("quatre-vingt-dix jours", 90.0, "days")]),
    ("soixante et onze projets", [q("soixante et onze", 71.0)]),
    ("trois millions d'utilisateurs", [q("trois millions d'utilisateurs", 3e6, "users")]),
    ("quatre-vingts salariés", [q("quatre-vingts salariés", 80.0, "employees")]),
    ("mille cinq cents euros", [q("mille cinq cents euros", 1500.0, "EUR")]),
    ("dix-sept modèles", [q("dix-sept modèles", 17.0, "models")]),
    ("trente-trois ans", [q("trente-trois ans", 33.0, "years")]),
    ("une centaine de dollars", [q("une centaine de dollars", 100.0, "USD", qualifier="~")]),
    ("un millier de puces", [q("un millier de puces", 1000.0, "GPUs", qualifier="~")]),
    ("une vingtaine de chercheurs", [q("une vingtaine de chercheurs", 20.0, "employees", qualifier="~")]),
    ("Il a un chat.", []),
    ("une entreprise française", []),
    # an order of magnitude is a range (docs/annotation.md, decision 10)
    ("des millions de personnes", [q("millions de personnes", None, "people", qualifier="range", low=1e6, high=1e9)]),
    ("cinq cent trente-cinq", [q("cinq cent trente-cinq", 535.0)]),
    ("deux et demi", [q("deux et demi", 2.5)]),
    ("sept milliards d'euros", [q("sept milliards d'euros", 7e9, "EUR")]),
    ("neuf cent mille", [q("neuf cent mille", 900000.0)]),
    ("un million de dollars", [q("un million de dollars", 1e6, "USD")]),
    # l'article défini devant une échelle en nomme une : « le million de GPU », « loin du milliard promis »
    ("le million de GPU du futur site", [q("le million de GPU", 1e6, "GPUs")]),
    ("On reste loin du milliard promis.", [q("du milliard", 1e9)]),
    ("Il a franchi le milliard d'euros de ventes.", [q("franchi le milliard d'euros", 1e9, "EUR", qualifier=">")]),
    ("Elle approche du million d'abonnés.", [q("du million d'abonnés", 1e6, "users")]),
    # ... pas devant mille, cent, une fraction, ni le pluriel vague
    ("le mille-feuille", [q("mille", 1000.0)]),
    ("les millions de GPU", [q("millions de GPU", None, "GPUs", qualifier="range", low=1e6, high=1e9)]),
    ("0,05 dollar le million de tokens en entrée", [q("0,05 dollar le million de tokens en entrée", 0.05, "USD",
                                                      per="1M input tokens")]),
    xf(("un modèle tout neuf", []), "'neuf' (new) is read as the number nine"),
]

QUALIFIERS = [
    ("Le chiffre d'affaires a franchi 10 milliards de dollars.", [q("franchi 10 milliards de dollars", 1e10, "USD", qualifier=">", low=1e10)]),
    ("Pas loin de 10 % de hausse.", [q("Pas loin de 10 %", 10.0, "percent", qualifier="~")]),
    ("Les plans sont proposés à partir de 100 dollars.", [q("à partir de 100 dollars", 100.0, "USD", qualifier=">=", low=100.0)]),
    ("Le coût dépasserait les 100 millions de dollars.", [q("dépasserait les 100 millions de dollars", 1e8, "USD", qualifier=">", low=1e8)]),
    ("Le budget dépasse 100 millions.", [q("dépasse 100 millions", 1e8, qualifier=">")]),
    ("Le chiffre d'affaires a dépassé 2 milliards d'euros.", [q("dépassé 2 milliards d'euros", 2e9, "EUR", qualifier=">")]),
    ("Le contrat n'a pas dépassé 500 000 euros.", [q("n'a pas dépassé 500 000 euros", 5e5, "EUR", qualifier="<=", high=5e5)]),
    ("Le coût ne dépasse pas 500 000 euros.", [q("ne dépasse pas 500 000 euros", 5e5, "EUR", qualifier="<=", high=5e5)]),
    ("Cette puce coûte plus du double.", [q("plus du double", 2.0, "x", direction="more", qualifier=">", low=2.0)]),
    ("Un modèle entraîné pour environ la moitié du prix.", [q("environ la moitié", 2.0, "x", direction="less", qualifier="~")]),
    ("Contre plus de 100 millions de dollars pour “GPT-4o” d’OpenAI",
     [q("plus de 100 millions de dollars", 1e8, "USD", qualifier=">", low=1e8, high=None)]),
    ("au moins 2 000 GPU", [q("au moins 2 000 GPU", 2000.0, "GPUs", qualifier=">=", low=2000.0)]),
    ("pas moins de 50 millions d'euros", [q("pas moins de 50 millions d'euros", 5e7, "EUR", qualifier=">=")]),
    ("moins de 6 millions de dollars", [q("moins de 6 millions de dollars", 6e6, "USD", qualifier="<", high=6e6, low=None)]),
    ("jusqu’à 20 dollars", [q("jusqu’à 20 dollars", 20.0, "USD", qualifier="<=", high=20.0)]),
    ("jusqu'à 20 dollars", [q("jusqu'à 20 dollars", 20.0, "USD", qualifier="<=")]),
    ("environ 2 000 puces", [q("environ 2 000 puces", 2000.0, "GPUs", qualifier="~")]),
    ("près de 1 000 employés", [q("près de 1 000 employés", 1000.0, "employees", qualifier="~")]),
    ("quelque 300 chercheurs", [q("quelque 300 chercheurs", 300.0, "employees", qualifier="~")]),
    ("au-delà de 10 milliards", [q("au-delà de 10 milliards", 1e10, qualifier=">")]),
    ("Plus de 40 salariés", [q("Plus de 40 salariés", 40.0, "employees", qualifier=">")]),
    ("presque 5 millions d'abonnés", [q("presque 5 millions d'abonnés", 5e6, "users", qualifier="~")]),
    ("à peu près 12 %", [q("à peu près 12 %", 12.0, "percent", qualifier="~")]),
    ("Il y en a 500 ou plus.", [q("500 ou plus", 500.0, qualifier=">=", low=500.0)]),
    ("un budget avoisinant les 4 milliards d'euros", [q("avoisinant les 4 milliards d'euros", 4e9, "EUR", qualifier="~")]),
    ("au bas mot 250 millions d'euros", [q("au bas mot 250 millions d'euros", 2.5e8, "EUR", qualifier=">=", low=2.5e8)]),
    ("des coûts excédant 7 milliards de dollars", [q("excédant 7 milliards de dollars", 7e9, "USD", qualifier=">")]),
    ("un minimum de 40 000 GPU", [q("un minimum de 40 000 GPU", 4e4, "GPUs", qualifier=">=")]),
    ("une dette supérieure aux 6 milliards d'euros", [q("supérieure aux 6 milliards d'euros", 6e9, "EUR", qualifier=">")]),
    ("au-delà des 80 milliards de dollars", [q("au-delà des 80 milliards de dollars", 8e10, "USD", qualifier=">")]),
    ("+ de 40 000 GPU", [q("+ de 40 000 GPU", 4e4, "GPUs", qualifier=">")]),
    ("une valorisation qui dépasse désormais les 90 milliards", [q("dépasse désormais les 90 milliards", 9e10,
                                                                  qualifier=">")]),
    ("des ventes dépassant largement 4 000 GPU", [q("dépassant largement 4 000 GPU", 4e3, "GPUs", qualifier=">")]),
    ("soit ~12 % de hausse", [q("~12 %", 12.0, "percent", qualifier="~")]),
    ("des grappes de 40 000 ou plus GPU", [q("40 000 ou plus GPU", 4e4, "GPUs", qualifier=">=", low=4e4)]),
    # un qualificatif devant la première de figures coordonnées vaut pour chacune (décision 9)
    ("des hausses d'environ 38 % et 17 %", [q("environ 38 %", 38.0, "percent", qualifier="~"),
                                          q("17 %", 17.0, "percent", qualifier="~")]),
    ("plus de 3, 4 ou 5 milliards d'euros", [q("plus de 3", 3e9, "EUR", qualifier=">"), q("4", 4e9, "EUR", qualifier=">"),
                                             q("5 milliards d'euros", 5e9, "EUR", qualifier=">")]),
    ("Il y en a 500 ou moins.", [q("500 ou moins", 500.0, qualifier="<=", high=500.0)]),
    ("un peu plus de 3 milliards", [q("un peu plus de 3 milliards", 3e9, qualifier=">")]),
    ("de l'ordre de 15 millions", [q("de l'ordre de 15 millions", 1.5e7, qualifier="~")]),
    ("supérieur à 4565", [q("supérieur à 4565", 4565.0, qualifier=">")]),
    ("inférieur ou égal à 30", [q("inférieur ou égal à 30", 30.0, qualifier="<=")]),
    ("aux alentours de 200 euros", [q("aux alentours de 200 euros", 200.0, "EUR", qualifier="~")]),
]

RANGES = [
    ("OpenAI a relevé le tarif de son offre de 20 à 22 dollars par mois.", [q("20", 20.0, "USD", per="month"), q("22 dollars par mois", 22.0, "USD", per="month")]),
    ("Un modèle entre 20 et 50 fois moins cher.", [q("entre 20 et 50 fois moins", None, "x", qualifier="range", low=20.0, high=50.0, direction="less")]),
    ("Un modèle entre 20 et 50 fois plus cher.", [q("entre 20 et 50 fois plus", None, "x", qualifier="range", low=20.0, high=50.0, direction="more")]),
    ("Le prix passe de 20 à 22 dollars par mois.", [q("20", 20.0, "USD", per="month"), q("22 dollars par mois", 22.0, "USD", per="month")]),
    ("Mistral AI veut lever entre 1 et 2 milliards de dollars.", [q("entre 1 et 2 milliards de dollars", None, "USD", qualifier="range", low=1e9, high=2e9)]),
    ("entre 5 et 6 millions de dollars", [q("entre 5 et 6 millions de dollars", None, "USD", qualifier="range", low=5e6, high=6e6)]),
    ("de 5 à 6 M$", [q("5 à 6 M$", None, "USD", qualifier="range", low=5e6, high=6e6)]),
    ("5-6 millions d'euros", [q("5-6 millions d'euros", None, "EUR", qualifier="range", low=5e6, high=6e6)]),
    ("entre 10 et 20 %", [q("entre 10 et 20 %", None, "percent", qualifier="range", low=10.0, high=20.0)]),
    ("20 à 30 milliards", [q("20 à 30 milliards", None, qualifier="range", low=2e10, high=3e10)]),
    ("entre 2 000 et 3 000 GPU", [q("entre 2 000 et 3 000 GPU", None, "GPUs", qualifier="range", low=2000.0, high=3000.0)]),
    ("de 10 % à 15 %", [q("10 % à 15 %", None, "percent", qualifier="range", low=10.0, high=15.0)]),
    ("entre 1,5 et 2 milliards d'euros", [q("entre 1,5 et 2 milliards d'euros", None, "EUR", qualifier="range", low=1.5e9, high=2e9)]),
    ("plus de 10 et moins de 40", [q("plus de 10 et moins de 40", None, qualifier="range", low=10.0, high=40.0)]),
    ("supérieur à 100 et inférieur à 300", [q("supérieur à 100 et inférieur à 300", None, qualifier="range", low=100.0, high=300.0)]),
    ("Le prix est passé de 10 à 20 euros.", [q("10", 10.0, "EUR"), q("20 euros", 20.0, "EUR")]),
    ("Le score est de 3 - 2.", [q("3", 3.0), q("2", 2.0)]),
    ("entre 2020 et 2025", []),
    ("de 300 à 400 dollars par mois", [q("300 à 400 dollars par mois", None, "USD", qualifier="range", low=300.0, high=400.0, per="month")]),
    ("entre deux et trois milliards", [q("entre deux et trois milliards", None, qualifier="range", low=2e9, high=3e9)]),
    ("8–10 %", [q("8–10 %", None, "percent", qualifier="range", low=8.0, high=10.0)]),
    ("entre 40 et 50 ans", [q("entre 40 et 50 ans", None, "years", qualifier="range", low=40.0, high=50.0)]),
    ("de 1 000 à 5 000", [q("1 000 à 5 000", None, qualifier="range", low=1000.0, high=5000.0)]),
    ("Le cours a grimpé de 5 à 8 euros.", [q("5", 5.0, "EUR"), q("8 euros", 8.0, "EUR")]),
    ("pas plus de 12 et plus de 194", [q("pas plus de 12", 12.0, qualifier="<="), q("plus de 194", 194.0, qualifier=">")]),
]

PERIODS = [
    ("La location coûte 2 dollars de l'heure.", [q("2 dollars de l'heure", 2.0, "USD", per="hour")]),
    # « pour le million de jetons » est un tarif, pas un million de plus
    ("et 12 dollars pour le million de jetons en sortie", [q("12 dollars pour le million de jetons en sortie", 12.0, "USD",
                                                           per="1M output tokens")]),
    ("à 3 dollars pour le million de tokens", [q("3 dollars pour le million de tokens", 3.0, "USD", per="1M tokens")]),
    ("Il dépensera 100 millions de dollars l'an prochain.", [q("100 millions de dollars", 1e8, "USD", per=None)]),
    ("Il a dépensé 100 millions de dollars l'année dernière.", [q("100 millions de dollars", 1e8, "USD", per=None)]),
    ("Il dépensera 100 millions de dollars cette année.", [q("100 millions de dollars", 1e8, "USD", per=None)]),
    ("Il dépense 100 millions de dollars par an.", [q("100 millions de dollars par an", 1e8, "USD", per="year")]),
    ("à 200 dollars par mois", [q("200 dollars par mois", 200.0, "USD", per="month")]),
    ("un abonnement à 20 €/mois", [q("20 €/mois", 20.0, "EUR", per="month")]),
    ("30 euros mensuels", [q("30 euros mensuels", 30.0, "EUR", per="month")]),
    ("un salaire de 50 000 euros par an", [q("50 000 euros par an", 5e4, "EUR", per="year")]),
    ("10 milliards de dollars annuels", [q("10 milliards de dollars annuels", 1e10, "USD", per="year")]),
    ("2 dollars par heure", [q("2 dollars par heure", 2.0, "USD", per="hour")]),
    ("0,14 dollar pour un million de tokens", [q("0,14 dollar pour un million de tokens", 0.14, "USD", per="1M tokens")]),
    ("2,19 dollars par million de tokens en sortie", [q("2,19 dollars par million de tokens en sortie", 2.19, "USD", per="1M output tokens")]),
    ("0,55 dollar par million de tokens en entrée", [q("0,55 dollar par million de tokens en entrée", 0.55, "USD", per="1M input tokens")]),
    ("45 $ le million de jetons de sortie", [q("45 $ le million de jetons de sortie", 45.0, "USD", per="1M output tokens")]),
    ("0,35 $/M de tokens", [q("0,35 $/M de tokens", 0.35, "USD", per="1M tokens")]),
    ("1,10 $ pour 1 million de jetons d'entrée", [q("1,10 $ pour 1 million de jetons d'entrée", 1.1, "USD",
                                                   per="1M input tokens")]),
    ("2 dollars par heure GPU", [q("2 dollars par heure GPU", 2.0, "USD", per="GPU-hour")]),
    ("5 € par utilisateur", [q("5 € par utilisateur", 5.0, "EUR", per="user")]),
    ("un loyer de 1 000 euros par semaine", [q("1 000 euros par semaine", 1000.0, "EUR", per="week")]),
    ("10 dollars par jour", [q("10 dollars par jour", 10.0, "USD", per="day")]),
    ("22 euros/an", [q("22 euros/an", 22.0, "EUR", per="year")]),
    ("ChatGPT Pro, à 200 dollars mensuels", [q("200 dollars mensuels", 200.0, "USD", per="month")]),
    ("un abonnement de 20 dollars", [q("20 dollars", 20.0, "USD", per=None)]),
    ("10 millions de dollars l'an", [q("10 millions de dollars l'an", 1e7, "USD", per="year")]),
    ("2 % par an", [q("2 % par an", 2.0, "percent", per="year")]),
    ("300 000 utilisateurs par jour", [q("300 000 utilisateurs par jour", 3e5, "users", per="day")]),
    ("12 euros par mois et par utilisateur", [q("12 euros par mois et par utilisateur", 12.0, "EUR", per="user-month")]),
    ("à partir de 8 euros HT par utilisateur et par mois", [q("à partir de 8 euros HT par utilisateur et par mois", 8.0, "EUR", per="user-month", qualifier=">=", low=8.0)]),
    ("une levée de fonds de 1,5 Md€", [q("1,5 Md€", 1.5e9, "EUR", direction=None)]),
]

COUNTS = [
    ("Meta a commandé 600.000 H100.", [q("600.000 H100", 600000.0, "GPUs")]),
    ("Le cluster compte 16 000 H100.", [q("16 000 H100", 16000.0, "GPUs")]),
    ("Il a acheté 25 000 puces Nvidia.", [q("25 000 puces", 25000.0, "GPUs")]),
    ("Un centre de 10 000 A100.", [q("10 000 A100", 10000.0, "GPUs")]),
    ("Il faut 2 000 B200 pour l'entraîner.", [q("2 000 B200", 2000.0, "GPUs")]),
    ("Oracle aurait reçu entre 40 000 et 90 000 H100s en 2024", [q("entre 40 000 et 90 000 H100s", None, "GPUs", qualifier="range", low=40000.0, high=90000.0)]),
    ("Meta a acheté 350 000 H100s.", [q("350 000 H100s", 350000.0, "GPUs")]),
    ("2,788 millions d'heures GPU", [q("2,788 millions d'heures GPU", 2.788e6, "GPU-hours")]),
    ("2 048 GPU", [q("2 048 GPU", 2048.0, "GPUs")]),
    ("2 048 GPU H800 de Nvidia", [q("2 048 GPU", 2048.0, "GPUs")]),
    ("10 000 puces", [q("10 000 puces", 1e4, "GPUs")]),
    ("50 000 accélérateurs", [q("50 000 accélérateurs", 5e4, "GPUs")]),
    ("671 milliards de paramètres", [q("671 milliards de paramètres", 671e9, "parameters")]),
    ("14 800 milliards de tokens", [q("14 800 milliards de tokens", 14.8e12, "tokens")]),
    ("300 millions d'utilisateurs", [q("300 millions d'utilisateurs", 3e8, "users")]),
    ("200 salariés", [q("200 salariés", 200.0, "employees")]),
    ("5 GW", [q("5 GW", 5.0, "GW")]),
    ("1,2 gigawatt", [q("1,2 gigawatt", 1.2, "GW")]),
    ("300 mégawatts", [q("300 mégawatts", 300.0, "MW")]),
    ("Il y a 40 ans", [q("40 ans", 40.0, "years")]),
    ("en 18 mois", [q("18 mois", 18.0, "months")]),
    ("3 jours", [q("3 jours", 3.0, "days")]),
    ("10 millions d'abonnés", [q("10 millions d'abonnés", 1e7, "users")]),
    ("3,8e25 FLOPs", [q("3,8e25 FLOPs", 3.8e25, "FLOPs")]),
    ("2 000 puces Nvidia", [q("2 000 puces", 2000.0, "GPUs")]),
    ("160 ingénieurs", [q("160 ingénieurs", 160.0, "employees")]),
    ("20 centres de données", [q("20 centres de données", 20.0, "data centers")]),
]

NOT_QUANTITIES = [
    ("Il est né en 1989.", []),
    ("en 2025", []),
    ("le 26 décembre", []),
    ("le 20 janvier 2025", []),
    ("mercredi 22 janvier", []),
    ("GPT-4o", []),
    ("le modèle o1", []),
    ("Doubao 1.5 est sorti", []),
    ("DeepSeek R1 et V3", []),
    ("les puces H100 et H800", []),
    ("Qwen2.5-Max", []),
    ("Llama 3.1 405B", []),
    ("Claude 3.5 Sonnet", []),
    ("Gemini 2.0 Flash", []),
    ("Grok 3 est disponible", []),
    ("l'iPhone 16", []),
    ("sous Windows 11", []),
    ("la 5G", []),
    ("la COVID-19", []),
    ("le G7", []),
    ("le CAC 40 recule", []),
    ("à 11h30", []),
    ("à 10:30", []),
    ("le 1er janvier", []),
    ("le 2e trimestre", []),
    ("la 3ème place", []),
    ("page 12", []),
    ("p. 12", []),
    ("appelez le 01 23 45 67 89", []),
    ("appelez le +33 1 23 45 67 89", []),
    ("https://exemple.fr/article-2025?id=42", []),
    ("contact@exemple2025.fr", []),
    (". . . %%%. . . * . . $ $ $ $ - - - -", []),
    ("le 2025-01-24", []),
    ("le 24/01/2025", []),
    ("l'exercice 2024-25", []),
    ("article 5", []),
    ("n° 3", []),
    ("à 15h", []),
    ("Llama-3 de Meta", []),
    ("Son modèle “Doubao 1.5”, présenté mercredi", []),
    ("le modèle « Grok 3 » arrive", []),
]


test_digits_and_separators = table_test(DIGITS, LANG)
test_scales = table_test(SCALES, LANG)
test_money = table_test(MONEY, LANG)
test_percent = table_test(PERCENT, LANG)
test_ratios = table_test(RATIOS, LANG)
test_number_words = table_test(WORDS, LANG)
test_qualifiers = table_test(QUALIFIERS, LANG)
test_ranges = table_test(RANGES, LANG)
test_periods = table_test(PERIODS, LANG)
test_counts = table_test(COUNTS, LANG)
test_not_quantities = table_test(NOT_QUANTITIES, LANG)


# Numbers as the wires print them (issue 13): one table per form, rows from real press.

GLUED_SCALES = [
    ("Elle a levé 4milliards d'euros.", [q("4milliards d'euros", 4e9, "EUR")]),
    ("un fonds de 9,4 G$ CA", [q("9,4 G$ CA", 9.4e9, "CAD")]),
    ("un plan de 720 G$", [q("720 G$", 7.2e11, "USD")]),
    ("un budget de 180 Md$", [q("180 Md$", 1.8e11, "USD")]),
    ("1,2 m d'utilisateurs", [q("1,2 m d'utilisateurs", 1.2e6, "users")]),
    ("une tour de 5 m de haut", [q("5", 5.0)]),
]

COUNTRY_CURRENCIES = [
    ("l'abonnement coûte A$159 par an", [q("A$159 par an", 159.0, "AUD", per="year")]),
    ("un fonds de Rmb50bn", []),
    ("un prix de 元500", [q("元500", 500.0, "CNY")]),
    ("un prix de RMB5", [q("RMB5", 5.0, "CNY")]),
    ("Il coûte 26 $ CA par mois", [q("26 $ CA par mois", 26.0, "CAD", per="month")]),
    ("une subvention de 35 000 $ CAN", [q("35 000 $ CAN", 35000.0, "CAD")]),
    ("Il coûte CAD $26", [q("CAD $26", 26.0, "CAD")]),
]

CODES_AFTER = [
    ("des frais de 12 000 INR", [q("12 000 INR", 12000.0, "INR")]),
    ("Il coûte 300 CHF.", [q("300 CHF", 300.0, "CHF")]),
    ("un prêt de 2 milliards de yens", [q("2 milliards de yens", 2e9, "JPY")]),
    ("Il coûte 100 yuans.", [q("100 yuans", 100.0, "CNY")]),
]

CENTS = [
    ("Le timbre coûte 90 centimes.", [q("90 centimes", 0.9, "EUR")]),
    ("50 centimes d'euro", [q("50 centimes d'euro", 0.5, "EUR")]),
    ("Il coûte 0,10 € par requête.", [q("0,10 € par requête", 0.1, "EUR", precision=0.01, per="query")]),
]

WHOLE_COUNTS = [
    ("Meta a acheté 20,000 GPU.", [q("20,000 GPU", 20000.0, "GPUs", precision=1.0)]),
    ("un cluster de 4.096 GPU", [q("4.096 GPU", 4096.0, "GPUs")]),
    ("2,5 GPU par serveur", [q("2,5 GPU", 2.5, "GPUs")]),
    ("un coût de 2,500 dollars", [q("2,500 dollars", 2.5, "USD")]),
]

DASHES = [
    ("entre 20 et 40 M€", [q("entre 20 et 40 M€", None, "EUR", qualifier="range", low=2e7, high=4e7)]),
    ("20–40 M€", [q("20–40 M€", None, "EUR", qualifier="range", low=2e7, high=4e7)]),
    ("0,4‑1 milliard de dollars", [q("0,4‑1 milliard de dollars", None, "USD", qualifier="range", low=4e8, high=1e9)]),
    ("5‐6 millions de GPU", [q("5‐6 millions de GPU", None, "GPUs", qualifier="range", low=5e6, high=6e6)]),
]

WRITTEN_QUALIFIERS = [
    ("« au moins » 600 milliards de dollars", [q("« au moins » 600 milliards de dollars", 6e11, "USD", qualifier=">=", low=6e11)]),
    ("(au moins) 5 €", [q("(au moins) 5 €", 5.0, "EUR", qualifier=">=", low=5.0)]),
    ("estimée à 10 milliards de dollars", [q("estimée à 10 milliards de dollars", 1e10, "USD", qualifier="~")]),
    ("estimés à 4,3 milliards", [q("estimés à 4,3 milliards", 4.3e9, None, qualifier="~")]),
    ("estimé à 334,8 M€", [q("estimé à 334,8 M€", 3.348e8, "EUR", qualifier="~")]),
    ("pouvant atteindre 100 milliards de dollars", [q("pouvant atteindre 100 milliards de dollars", 1e11, "USD", qualifier="<=", high=1e11)]),
    ("pouvant monter jusqu'à 100 milliards de dollars", [q("pouvant monter jusqu'à 100 milliards de dollars", 1e11, "USD", qualifier="<=")]),
    ("jusqu’à 5 milliards", [q("jusqu’à 5 milliards", 5e9, None, qualifier="<=", high=5e9)]),
    ("Sa valeur boursière a bondi jusqu’à 2 870 milliards de dollars", [q("bondi jusqu’à 2 870 milliards de dollars", 2.87e12, "USD", qualifier="=")]),
    ("franchir la barre des 5 000 milliards de dollars", [q("la barre des 5 000 milliards de dollars", 5e12, "USD", qualifier=">", low=5e12)]),
    ("a franchi en mars le cap des 7 milliards de dollars", [q("le cap des 7 milliards de dollars", 7e9, "USD", qualifier=">")]),
    ("passer le seuil symbolique des 150 milliards de dollars", [q("le seuil symbolique des 150 milliards de dollars", 1.5e11, "USD", qualifier=">")]),
    ("touche le seuil symbolique de 4 milliards de dollars", [q("le seuil symbolique de 4 milliards de dollars", 4e9, "USD", qualifier="=")]),
    ("sous la barre des 3 milliards", [q("sous la barre des 3 milliards", 3e9, None, qualifier="<")]),
    ("proche de 40 %", [q("proche de 40 %", 40.0, "percent", qualifier="~")]),
    ("approchant les 2 milliards de dollars", [q("approchant les 2 milliards de dollars", 2e9, "USD", qualifier="~")]),
    ("flirtant avec les 200 millions de dollars", [q("flirtant avec les 200 millions de dollars", 2e8, "USD", qualifier="~")]),
    ("un coût approximatif de 30 000 dollars", [q("approximatif de 30 000 dollars", 3e4, "USD", qualifier="~")]),
    ("près d’un million de TPU", [q("près d’un million de TPU", 1e6, "GPUs", qualifier="~")]),
    ("un chiffre d'affaires de 200 M€+", [q("200 M€+", 2e8, "EUR", qualifier=">", low=2e8)]),
    # known misses seen once in real press (one page each): a verb's qualifier across its object noun
    xf(("l'agence estime sa valeur à 3 milliards $ et", [q("3 milliards $", 3e9, "USD", qualifier="~")]),
       "'estime <object> à' is no written qualifier: only 'estimé(e)(s) à' is"),
    xf(("la première firme à dépasser une capitalisation boursière de 4 000 milliards de dollars",
        [q("4 000 milliards de dollars", 4e12, "USD", qualifier=">", low=4e12)]),
       "a threshold verb before a measure noun and 'de' does not bound the figure (only 'le cap des', 'la barre des')"),
]

CHANGES_FROM_TO = [
    ("Le prix est passé de 6,90 à 7,50 €.", [q("6,90", 6.9, "EUR"), q("7,50 €", 7.5, "EUR")]),
    ("L'abonnement passe de 20 à 22 dollars par mois.", [q("20", 20.0, "USD", per="month"), q("22 dollars par mois", 22.0, "USD", per="month")]),
    ("Le prix va de 6,90 à 7,50 €.", [q("6,90 à 7,50 €", None, "EUR", qualifier="range", low=6.9, high=7.5)]),
]

VAGUE_AMOUNTS = [
    ("un demi-billion de dollars", [q("un demi-billion de dollars", 5e11, "USD")]),
    ("un milliard de dollars", [q("un milliard de dollars", 1e9, "USD")]),
    ("plusieurs centaines de millions de dollars", [q("plusieurs centaines de millions de dollars", None, "USD", qualifier="range", low=2e8, high=1e9)]),
    # entre guillemets, la figure compte l'unité écrite après le guillemet fermant
    ("un site rempli de « dizaines de milliers » de puces AMD", [q("« dizaines de milliers » de puces", None, "GPUs",
                                                                  qualifier="range", low=1e4, high=1e5)]),
    ("des centaines de milliards de dollars", [q("centaines de milliards de dollars", None, "USD", qualifier="range", low=1e11, high=1e12)]),
    ("plusieurs milliards d’euros", [q("plusieurs milliards d’euros", None, "EUR", qualifier="range", low=2e9, high=1e10)]),
    ("des dizaines de millions de dollars", [q("dizaines de millions de dollars", None, "USD", qualifier="range", low=1e7, high=1e8)]),
    # une approximation compte l'échelle qui la suit : « une centaine de millions » vaut environ 10^8
    ("une centaine de millions de dollars", [q("une centaine de millions de dollars", 1e8, "USD", qualifier="~")]),
    ("une vingtaine de milliards d'euros", [q("une vingtaine de milliards d'euros", 2e10, "EUR", qualifier="~")]),
    ("une dizaine de millions d'abonnés", [q("une dizaine de millions d'abonnés", 1e7, "users", qualifier="~")]),
    ("plusieurs dizaines de milliards de dollars", [q("plusieurs dizaines de milliards de dollars", None, "USD", qualifier="range", low=2e10, high=1e11)]),
    ("des millions de GPU", [q("millions de GPU", None, "GPUs", qualifier="range", low=1e6, high=1e9)]),
    ("des milliards USD", [q("milliards USD", None, "USD", qualifier="range", low=1e9, high=1e12)]),
    ("des centaines de milliards", [q("centaines de milliards", None, None, qualifier="range", low=1e11, high=1e12)]),
    ("quelques milliers de puces", []),
    ("quelques jours plus tard", []),
    xf(("quelques dollars de plus", [q("quelques dollars", None, "USD", qualifier="range", low=2.0, high=10.0)]),
       "'quelques' before a currency with no scale is not read"),
    xf(("un petit milliard", [q("un petit milliard", 1e9, None, qualifier="~")]),
       "an adjective between article and scale stops the number words"),
]

test_glued_scales = table_test(GLUED_SCALES, LANG)
test_vague_amounts = table_test(VAGUE_AMOUNTS, LANG)
test_country_currencies = table_test(COUNTRY_CURRENCIES, LANG)
test_codes_after = table_test(CODES_AFTER, LANG)
test_cents = table_test(CENTS, LANG)
test_whole_counts = table_test(WHOLE_COUNTS, LANG)
test_dashes = table_test(DASHES, LANG)
test_written_qualifiers = table_test(WRITTEN_QUALIFIERS, LANG)
test_changes_from_to = table_test(CHANGES_FROM_TO, LANG)

# Round 3 (issue 13): chip nouns a few words after the count, fractions, English quoted in French.
LOOSE_CHIP_COUNTS = [
    ("95 jours pour monter les 60 000 premières puces, puis", [q("95 jours", 95.0, "days"),
                                                               q("60 000 premières puces", 6e4, "GPUs")]),
    ("Oracle aurait déjà reçu 210 000 de ces GPU, selon", [q("210 000 de ces GPU", 210000.0, "GPUs")]),
    ("avec 18 000 systèmes NVIDIA Grace Blackwell.", [q("18 000 systèmes NVIDIA Grace Blackwell", 18000.0, "GPUs")]),
    xf(("dont 31 milliards issus des puces et 6,1 milliards du réseau", [q("31 milliards", 3.1e10), q("6,1 milliards", 6.1e9)]),
       "revenue 'issus des' chips is read as a count of chips (a participle of origin is no stop word)"),
    ("Le supercalculateur Alps aligne environ 10400 exemplaires de ces puces pour",
     [q("environ 10400 exemplaires de ces puces", 10400.0, "GPUs", qualifier="~")]),
    ("Meta louerait près de deux millions d’unités de traitement tensoriel.",
     [q("près de deux millions d’unités de traitement tensoriel", 2e6, "GPUs", qualifier="~")]),
    ("Il a vendu 2 048 exemplaires.", [q("2 048", 2048.0)]),
    ("Il en a vendu 40 000 et acheté des puces.", [q("40 000", 40000.0)]),
]

FRACTION_CHANGES = [
    ("OpenAI a diminué de moitié le prix d’entrée et réduit d’un tiers le coût de sortie.",
     [q("moitié", 50.0, "percent", direction="down"), q("un tiers", 33.33, "percent", direction="down")]),
    ("Le tarif est en hausse de moitié.", [q("moitié", 50.0, "percent", direction="up")]),
    ("la moitié du prix", [q("la moitié", 2.0, "x", direction="less")]),
    ("un sixième du prix", [q("un sixième", 6.0, "x", direction="less")]),
]

QUOTED_ENGLISH = [
    ("a promis “at least $400 billion” d’ici 2030.", [q("at least $400 billion", 4e11, "USD", qualifier=">=")]),
    ("un plan de US$ 3 billions", [q("US$ 3 billions", 3e9, "USD")]),
    ("600 billions de dollars", [q("600 billions de dollars", 6e14, "USD")]),
    ("un demi-billion de dollars", [q("un demi-billion de dollars", 5e11, "USD")]),
]

test_loose_chip_counts = table_test(LOOSE_CHIP_COUNTS, LANG)
test_fraction_changes = table_test(FRACTION_CHANGES, LANG)
test_quoted_english = table_test(QUOTED_ENGLISH, LANG)

# Coordinated figures share the unit, scale and period written after the last one.
COORDINATED = [
    ("ont investi respectivement 10 et 5 milliards de dollars",
     [q("10", 1e10, "USD"), q("5 milliards de dollars", 5e9, "USD")]),
    ("les formules à 3, 8 et 16 dollars par mois",
     [q("3", 3.0, "USD", per="month"), q("8", 8.0, "USD", per="month"), q("16 dollars par mois", 16.0, "USD", per="month")]),
    ("Microsoft a versé 11,6 des 13 milliards de dollars promis",
     [q("11,6", 1.16e10, "USD"), q("13 milliards de dollars", 1.3e10, "USD")]),
    ("au lieu de 10 et 40 dollars respectivement", [q("10", 10.0, "USD"), q("40 dollars", 40.0, "USD")]),
    ("Il a 12 ans et 40 dollars.", [q("12 ans", 12.0, "years"), q("40 dollars", 40.0, "USD")]),
    # un qualificatif devant le premier chiffre coordonné vaut pour chacun (décision 9), même quand chacun a son
    # complément ("pour X") et que la préposition est répétée ("et de")
    ("déjà plus de 40 Md$ pour Acme et de 25 Md$ pour Globex",
     [q("plus de 40 Md$", 4e10, "USD", qualifier=">"), q("25 Md$", 2.5e10, "USD", qualifier=">")]),
    ("environ 7 % chez Acme et 9 % chez Globex", [q("environ 7 %", 7.0, "percent", qualifier="~"),
                                                 q("9 %", 9.0, "percent", qualifier="~")]),
    ("plus de 10 % et de 20 %", [q("plus de 10 %", 10.0, "percent", qualifier=">"), q("20 %", 20.0, "percent", qualifier=">")]),
    # ... pas quand le second chiffre n'a pas de complément du même genre
    ("environ 5 millions pour Acme et 3 millions de plus",
     [q("environ 5 millions", 5e6, qualifier="~"), q("3 millions", 3e6, qualifier="=")]),
]

test_coordinated = table_test(COORDINATED, LANG)
