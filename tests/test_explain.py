"""explain: what each quantity became and why, for a text or a file."""
import subprocess
import sys
from pathlib import Path

from compare.explain import explain

ROOT = Path(__file__).resolve().parents[1]
RULES = [str(ROOT / "rules")]


def test_claim_shows_entity_cue_and_attribution():
    out = explain("“V3” n’a par exemple réclamé que 5,57 millions de dollars pour son entraînement.", RULES)
    assert "'5,57 millions de dollars'" in out
    assert "-> claim training_cost, entity=DeepSeek V3 (known), = 5570000.0 USD" in out
    assert "because: evidence for training_cost: frame 'pour son entraînement' 45.0 + cue 'entraînement'" in out
    assert "decided by: training_cost" in out
    assert "names: DeepSeek V3 (model, known)" in out


def test_unclaimed_numbers_say_why():
    out = explain("Nvidia shares fell 17% on Monday. DeepSeek-V3 has 671 billion parameters. "
                  "Sam Altman, 39, founded OpenAI in 2015.", RULES)
    assert "'17%'" in out and "no claim: Stock move (evidence for stock_move: frame 'shares fell'" in out
    assert "cue 'shares'" in out
    assert "decided by: stock_move" in out
    assert "unit parameters 60.0" in out and "not a target quantity" in out
    assert "'39'" in out and "a bare number" in out


def test_no_quantity_at_all():
    assert "no quantity found in the text" in explain("OpenAI released a new model.", RULES)


def test_file_argument_reads_the_article_without_footer():
    out = explain(str(ROOT / "seeds" / "000_b83a57ec9cdd648f.txt"), RULES)
    assert out.startswith("article 000_b83a57ec9cdd648f (fr)")
    assert out.count("-> claim ") == 7
    assert "Source link" not in out


def test_cli_explain_runs_as_a_user_would():
    r = subprocess.run([sys.executable, "-m", "compare", "explain", "ChatGPT Pro costs $200 a month."],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "subscription_price, entity=ChatGPT Pro (known)" in r.stdout


def test_evidence_that_lost_is_shown():
    out = explain("OpenAI raised $6.6 billion at a valuation of $157 billion.", RULES)
    assert "'$6.6 billion' [14:26] money -> claim investment" in out
    assert "decided by: investment" in out and "frame 'raised'" in out
    assert "lost: valuation" in out
    assert "'$157 billion' [45:57] money -> claim valuation" in out


def test_a_figure_without_evidence_says_so():
    out = explain("Il atteint 450 millions d’euros.", RULES)
    assert "no evidence for" in out


def test_a_text_longer_than_a_file_name_is_explained_as_text():
    text = "Mistral AI raised €600 million in its latest funding round. " * 6
    assert len(text.encode()) > 300
    out = explain(text, RULES)
    assert "claim investment" in out
