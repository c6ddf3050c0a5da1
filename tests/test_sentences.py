"""Sentence splitting on press text: glued paragraphs, decimals, abbreviations."""
import pytest

from compare.sentences import split_sentences


def sentences(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


CASES = [
    ("qui nourrissent l’agent de conversation ChatGPT.Mais ce n’est pas le plus surprenant.",
     ["qui nourrissent l’agent de conversation ChatGPT.", "Mais ce n’est pas le plus surprenant."]),
    ("dans l’IA.C’est un euphémisme de dire que cette stratégie a du plomb dans l’aile.",
     ["dans l’IA.", "C’est un euphémisme de dire que cette stratégie a du plomb dans l’aile."]),
    ("la place Tiananmen en 1989.Mais tout le monde ne sera pas si intransigeant.",
     ["la place Tiananmen en 1989.", "Mais tout le monde ne sera pas si intransigeant."]),
    ("V3 a coûté 5.57 millions de dollars. GPT-4o a coûté plus.",
     ["V3 a coûté 5.57 millions de dollars.", "GPT-4o a coûté plus."]),
    ("Son modèle “Doubao 1.5” est moins cher. Il vaut 1,5 fois moins.",
     ["Son modèle “Doubao 1.5” est moins cher.", "Il vaut 1,5 fois moins."]),
    ("The U.S. government restricted exports. Nvidia fell.",
     ["The U.S. government restricted exports.", "Nvidia fell."]),
    ("M. Altman a parlé. Il a promis 500 milliards.", ["M. Altman a parlé.", "Il a promis 500 milliards."]),
    ("Shares fell 17%! Investors panicked? Yes.", ["Shares fell 17%!", "Investors panicked?", "Yes."]),
    ("“Nous vivons une époque unique.” Le patron l’a dit.", ["“Nous vivons une époque unique.”", "Le patron l’a dit."]),
    ("It costs $0.27 per million tokens. That is cheap.", ["It costs $0.27 per million tokens.", "That is cheap."]),
    ("Version 2.5 is out. Version 3 follows.", ["Version 2.5 is out.", "Version 3 follows."]),
    ("Title line\n\nFirst paragraph here. Second one.", ["Title line", "First paragraph here.", "Second one."]),
    ("J. Smith of OpenAI said so. He left.", ["J. Smith of OpenAI said so.", "He left."]),
    ("Elle vaut 157 Mds $. Contre 86 Mds $ en février.", ["Elle vaut 157 Mds $.", "Contre 86 Mds $ en février."]),
    ("OpenAI (San Francisco) leads. DeepSeek follows...  Then Meta.",
     ["OpenAI (San Francisco) leads.", "DeepSeek follows...", "Then Meta."]),
    # a sentence may open with a name in lower case
    ("Grok 3 is out. xAI raised $6 billion.", ["Grok 3 is out.", "xAI raised $6 billion."]),
    ("The auction closed. eBay took a cut.", ["The auction closed.", "eBay took a cut."]),
    ("Apple cut prices. iPhone sales rose.", ["Apple cut prices.", "iPhone sales rose."]),
    # a line break ends a sentence, whatever opens the next line
    ("OpenAI raises prices\n$20 a month for Plus", ["OpenAI raises prices", "$20 a month for Plus"]),
    ("Pricing\nxAI charges $30", ["Pricing", "xAI charges $30"]),
    ("Mistral AI\n(Paris) raised €600m", ["Mistral AI", "(Paris) raised €600m"]),
    # ... unless the text is wrapped by hand: then only a blank line does
    ("L’enveloppe\nd’investissement totalise 109\nmilliards d’euros, comme Digital\nRealty.\n\nFin.",
     ["L’enveloppe\nd’investissement totalise 109\nmilliards d’euros, comme Digital\nRealty.", "Fin."]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_split(text, expected):
    assert sentences(text) == expected


def test_spans_are_offsets_into_text():
    text = "  Un. Deux trois.  "
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == ["Un.", "Deux trois."]
    assert spans[0].start == 2
