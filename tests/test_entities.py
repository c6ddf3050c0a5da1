"""Entity matching: aliases with flexible separators, family patterns, detected names."""
import pytest

from compare.entities import compile_entities
from compare.rules import Entity, Family, RuleSet

RULES = RuleSet(
    entities=(
        Entity(name="DeepSeek V3", kind="model", organisation="DeepSeek", aliases=["DeepSeek-V3", "V3"]),
        Entity(name="DeepSeek", kind="company"),
        Entity(name="Llama 3", kind="model", organisation="Meta", refers_to="Llama 3.1 405B"),
        Entity(name="Llama 3.1 405B", kind="model", organisation="Meta"),
        Entity(name="GPT-4o", kind="model", organisation="OpenAI"),
        Entity(name="OpenAI", kind="company"),
        Entity(name="ChatGPT Pro", kind="product", patterns=[r"abonnement\s+[“\"«]?\s*pro\s*[”\"»]?\s+à\s+ChatGPT"]),
        Entity(name="ChatGPT", kind="product"),
    ),
    families=(
        Family(name="Qwen", organisation="Alibaba", pattern=r"Qwen[\s-]?\d+(?:\.\d+)?(?:-(?:Max|Plus|Turbo|\d+B))?"),
        Family(name="Llama", organisation="Meta", pattern=r"Llama[\s-]?\d+(?:\.\d+)?(?:\s\d+B)?"),
    ),
)
MATCHER = compile_entities(RULES)

CASES = [
    ("11 fois moins de temps de calcul que Llama-3 de Meta", "fr", ["Llama 3", "Meta"]),
    ("Llama3 et Llama 3 sont le même modèle", "fr", ["Llama 3", "Llama 3"]),
    ("“V3” a nécessité moins de calcul", "fr", ["DeepSeek V3"]),
    ("DeepSeek-V3 was trained for $5.6M", "en", ["DeepSeek V3"]),
    ("DeepSeek trained V3 cheaply", "en", ["DeepSeek", "DeepSeek V3"]),
    ("pour “GPT-4o” d’OpenAI", "fr", ["GPT-4o", "OpenAI"]),
    ("un abonnement “pro” à ChatGPT à 200 dollars", "fr", ["ChatGPT Pro"]),
    ("ChatGPT Pro costs $200 a month", "en", ["ChatGPT Pro"]),
    ("Meta's Llama 3.1 405B used 30.84M GPU hours", "en", ["Meta", "Llama 3.1 405B"]),
    ("Alibaba released Qwen2.5-Max on Tuesday", "en", ["Alibaba", "Qwen2.5-Max"]),
    ("Llama 4 Scout is new", "en", ["Llama 4 Scout"]),  # a family member and a capitalised word: one name
    ("Poolside raised $500 million", "en", ["Poolside"]),
    ("The startup H Company raised money", "en", ["H Company"]),
    ("Le fonds High-Flyer contrôle DeepSeek", "fr", ["High-Flyer", "DeepSeek"]),
    ("GPT-4o-mini is not GPT-4o", "en", ["GPT-4o"]),
]


@pytest.mark.parametrize("text,lang,names", CASES, ids=[c[0] for c in CASES])
def test_find(text, lang, names):
    assert [h.name for h in MATCHER.find(text, lang)] == names


def test_known_beats_detected_and_offsets_are_exact():
    text = "Contre plus de 100 millions pour “GPT-4o” d’OpenAI."
    hits = MATCHER.find(text, "fr")
    assert [(text[h.start:h.end], h.status) for h in hits] == [("GPT-4o", "known"), ("OpenAI", "known")]


def test_detected_names_are_marked():
    hits = MATCHER.find("Kyutai a levé 300 millions d’euros.", "fr")
    assert [(h.name, h.status) for h in hits] == [("Kyutai", "detected")]


def test_sentence_start_common_word_is_not_a_name():
    assert MATCHER.find("Contre toute attente, le prix baisse.", "fr") == []
