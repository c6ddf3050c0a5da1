"""Reading articles: the footer becomes metadata, ids are stable, language is detected, errors are clear."""
from pathlib import Path

import pytest

from compare.articles import parse_article, read_articles
from compare.errors import UserError
from compare.language import detect_language

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b83a57ec9cdd648f.txt"


def test_seed_footer_is_metadata_and_cut_from_text():
    [a] = list(read_articles([ROOT / "seeds"]))
    assert a.id == "000_b83a57ec9cdd648f"
    assert a.url.startswith("https://www.lexpress.fr/economie/high-tech/avec-deepseek")
    assert a.author == "Maxime Recoquillé"
    assert a.date == "2025-01-24 11:30:00"
    assert a.lang == "fr"
    assert a.text.endswith("pour le soft power chinois.")
    assert "Source link" not in a.text and "$ $ $" not in a.text
    assert SEED.read_text(encoding="utf-8").startswith(a.text)


def test_seed_copy_is_identical_to_shared():
    shared = ROOT.parent / "shared" / "seeds" / SEED.name
    if not shared.exists():
        pytest.skip("../shared is not beside the project")
    assert SEED.read_bytes() == shared.read_bytes()


def test_article_without_footer_keeps_all_text():
    a = parse_article("OpenAI raised $6.6 billion.\n", "x")
    assert a.text == "OpenAI raised $6.6 billion."
    assert a.url is None and a.date is None and a.lang == "en"


def test_prose_line_with_source_word_is_not_a_footer():
    a = parse_article("Source : Bloomberg. Mistral a levé 600 millions d'euros.\n", "x")
    assert "Mistral" in a.text


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Meta spent $40 billion.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("OpenAI raised $6.6 billion.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    ids = [a.id for a in read_articles([tmp_path])]
    assert ids == ["a", "b/z"]


def test_missing_path_is_a_clear_error_and_non_utf8_is_decoded(tmp_path):
    with pytest.raises(UserError) as e:
        list(read_articles([tmp_path / "nope"]))
    assert "no such file or folder" in str(e.value)
    bad = tmp_path / "latin.txt"
    bad.write_bytes("ligne un\nLe coût de l'entraînement a été de 5 millions d'euros.".encode("latin-1"))
    [a] = list(read_articles([bad]))
    assert "coût de l'entraînement a été" in a.text and a.lang == "fr"


LANGS = [
    ("Nvidia shares fell 17% on Monday.", "en"),
    ("Le titre de Nvidia a chuté de 17 % lundi.", "fr"),
    ("DeepSeek a levé 10 millions", "fr"),
    ("OpenAI is now valued at $157 billion.", "en"),
    ("Mistral AI est désormais valorisée près de 6 milliards d’euros.", "fr"),
    ("ChatGPT Pro costs $200 a month.", "en"),
    ("L'abonnement coûte 200 dollars par mois.", "fr"),
    ("Anthropic's revenue run rate hit $1 billion.", "en"),
    ("Contre plus de 100 millions pour GPT-4o.", "fr"),
    ("By comparison, GPT-4 cost more than $100 million.", "en"),
]


@pytest.mark.parametrize("text,lang", LANGS, ids=[t for t, _ in LANGS])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_files_without_suffix_are_articles_and_hidden_files_are_not(tmp_path):
    (tmp_path / "s001").write_text("OpenAI raised $6.6 billion.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["s001"]


def test_a_footer_word_at_the_start_is_prose():
    a = parse_article("Author: Jane Doe wrote that OpenAI raised $6.6 billion.\n", "x")
    assert a.text.startswith("Author: Jane Doe") and a.author is None
