"""The seed article's seven claims, built by hand, for the workbook and review tests."""
from __future__ import annotations

from pathlib import Path

from compare.models import Article, Claim, Comparison, Unclaimed
from compare.references import Reference, Source
from compare.rules import Entity, Quantity, RuleSet

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_b83a57ec9cdd648f.txt"
SEED_ID = "000_b83a57ec9cdd648f"
SEED_URL = ("https://www.lexpress.fr/economie/high-tech/avec-deepseek-la-chine-revient-dans-la-course-a-lia-"
            "face-aux-etats-unis-et-a-openai-JR6RJYAN6RH3REP4LI4LLTGYZE/")


def seed_article() -> Article:
    raw = SEED.read_text(encoding="utf-8")
    text = raw[: raw.index("\n\n\n\nSource link")]
    return Article(id=SEED_ID, path=f"seeds/{SEED_ID}.txt", text=text, url=SEED_URL,
                   author="Maxime Recoquillé", date="2025-01-24 11:30:00", lang="fr")


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding text[start:end] (ends at '. ' or a glued '.X'), and where it starts."""
    s = max(text.rfind(". ", 0, start), text.rfind(".", 0, start))
    s = 0 if s < 0 else s + 1
    while s < start and text[s] == " ":
        s += 1
    e = text.find(".", end)
    e = len(text) if e < 0 else e + 1
    return text[s:e], s


SEED_CLAIMS = [
    # (id, entity, quantity, text, value, unit, kind, qualifier, per, versus, direction)
    ("c-v3-cost", "DeepSeek V3", "training_cost", "5,57 millions de dollars", 5_570_000, "USD", "money", "=", None, None, None),
    ("c-gpt4o-cost", "GPT-4o", "training_cost", "plus de 100 millions de dollars", 1e8, "USD", "money", ">", None, None, None),
    ("c-v3-compute", "DeepSeek V3", "compute", "11 fois moins", 11, "x", "ratio", "=", None, "Llama 3", "less"),
    ("c-stargate", "Stargate", "investment", "500 milliards de dollars", 5e11, "USD", "money", "=", None, None, None),
    ("c-ms-price", "Microsoft", "price_change", "environ 30 %", 30, "percent", "percent", "~", None, None, "up"),
    ("c-pro-price", "ChatGPT Pro", "subscription_price", "200 dollars par mois", 200, "USD", "money", "=", "month", None, None),
    ("c-doubao-price", "Doubao 1.5", "price", "environ 50 fois moins", 50, "x", "ratio", "~", None, "GPT-4o", "less"),
]


def seed_claims(article: Article) -> list[Claim]:
    claims = []
    for cid, entity, qty, span, value, unit, kind, qual, per, versus, direction in SEED_CLAIMS:
        start = article.text.index(span)
        end = start + len(span)
        sentence, s0 = sentence_around(article.text, start, end)
        claims.append(Claim(id=cid, article=article.id, entity=entity, quantity=qty, value=value, unit=unit,
                            qualifier=qual, per=per, versus=versus, direction=direction, text=span,
                            start=start, end=end, sentence=sentence, sentence_start=s0, rule=f"{qty}/cue",
                            kind=kind, cue="coût" if qty == "training_cost" else "prix", why="cue word near the number",
                            lang="fr"))
    return claims


def seed_unclaimed(article: Article) -> list[Unclaimed]:
    out = []
    for span, value, reason in [("40 ans", 40, "age of a person"), ("1989", 1989, "a year")]:
        start = article.text.index(span)
        sentence, _ = sentence_around(article.text, start, start + len(span))
        out.append(Unclaimed(article=article.id, text=span, start=start, end=start + len(span), value=value,
                             sentence=sentence, reason=reason))
    return out


def seed_rules() -> RuleSet:
    return RuleSet(
        files=("rules/quantities.yaml",),
        entities=(Entity(name="DeepSeek V3", kind="model", organisation="DeepSeek", aliases=["V3"]),
                  Entity(name="Llama 3", kind="model", organisation="Meta", aliases=["Llama-3"],
                         refers_to="Llama 3.1 405B"),
                  Entity(name="GPT-4o", kind="model", organisation="OpenAI")),
        quantities=(Quantity(id="training_cost", label="Training cost", measures=["money"],
                             cues={"fr": ["entraînement", "coût*"], "en": ["training cost", "to train"]}),
                    Quantity(id="compute", measures=["ratio", "count"], units=["GPU-hours"],
                             cues={"fr": ["temps de calcul"], "en": ["compute"]}),
                    Quantity(id="investment", measures=["money"], cues={"fr": ["doté"]}),
                    Quantity(id="price_change", measures=["percent"], cues={"fr": ["tarif"]}),
                    Quantity(id="subscription_price", measures=["money"], period="required", cues={"fr": ["abonnement"]}),
                    Quantity(id="price", measures=["money", "ratio"], cues={"fr": ["coût à l'usage"]})),
    )


def seed_references() -> list[Reference]:
    return [Reference(id="v3-paper-cost", entity="DeepSeek V3", quantity="training_cost", value=5_576_000,
                      unit="USD", source=Source(title="DeepSeek-V3 Technical Report", url="https://arxiv.org/abs/2412.19437",
                                                date="2024-12-27")),
            Reference(id="gpt4o-estimate", entity="GPT-4o", quantity="training_cost", value=4e7, unit="USD",
                      source=Source(title="javascript-scheme estimate", url="javascript:alert(1)"))]


def seed_comparisons() -> list[Comparison]:
    return [Comparison(id="cmp-1", kind="across_sources", quantity="training_cost", entity="DeepSeek V3", unit="USD",
                       left="c-v3-cost", right="v3-paper-cost", left_ids=("c-v3-cost",), verdict="consistent",
                       reason="5.57 M rounds 5.576 M"),
            Comparison(id="cmp-2", kind="entity_ratio", quantity="training_cost", entity="DeepSeek V3",
                       versus="GPT-4o", unit="USD", left="c-v3-cost", right="c-gpt4o-cost", computed_low=0,
                       computed_high=0.0557, verdict="unverifiable", reason="GPT-4o figure is a lower bound"),
            Comparison(id="cmp-3", kind="across_sources", quantity="training_cost", entity="GPT-4o", unit="USD",
                       left="c-gpt4o-cost", right="gpt4o-estimate", verdict="disagree", reason="> 100 M vs 40 M",
                       spread_pct=150.0)]


def seed_compared(claims: list[Claim], rules: RuleSet, references: list[Reference]):
    """The hand-made comparisons, with the reference checks and common-currency values the comparisons give."""
    from compare.comparisons import Compared, compare_all
    computed = compare_all(claims, rules, references, {SEED_ID: "2025-01-24"})
    return Compared(comparisons=seed_comparisons(), checks=computed.checks, common=computed.common,
                    currency=computed.currency, rates_used=computed.rates_used)


def seed_inputs(**over) -> dict:
    article = seed_article()
    claims = over.get("claims") or seed_claims(article)
    rules = over.get("rules") or seed_rules()
    data = dict(articles=[article], claims=claims, unclaimed=seed_unclaimed(article),
                comparisons=seed_compared(claims, rules, seed_references()), rules=rules, now="2025-01-31",
                references=seed_references())
    data.update(over)
    return data
