"""What makes two claims comparable, as settings of the rules (`settings: comparable:`).

Kept apart from the rule model so that the rules can hold it without importing the comparisons.
Every list here may be replaced in a rule file; the defaults are what the shipped rules use.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

MARKETS = {
    "US": ["US", "U.S.", "USA", "United States", "America", "American", "Américains", "États-Unis", "Etats-Unis",
           "américain", "américaine", "américains", "américaines"],
    "Europe": ["Europe", "EU", "European", "European Union", "Union européenne", "UE", "européen", "européenne",
               "européens", "européennes", "eurozone", "zone euro"],
    "UK": ["UK", "U.K.", "United Kingdom", "Britain", "British", "Royaume-Uni", "britannique"],
    "France": ["France", "en France"],
    "China": ["China", "Chinese", "Chine", "chinois", "chinoise"],
    "India": ["India", "Inde"],
    "Japan": ["Japan", "Japon"],
}
TIERS = ["Free", "Plus", "Pro", "Team", "Teams", "Enterprise", "Business", "Max", "Premium", "Go", "Edu", "Basic",
         "Standard", "Ultra", "Advanced"]
FORECAST_WORDS = [
    "forecast", "forecasts", "forecasting", "projected", "projects", "projection", "projections", "expects",
    "expected to", "is expected", "targets", "on track to", "could reach", "would reach", "will reach",
    "prévoit", "prévoient", "prévision", "prévisions", "devrait atteindre", "devrait dépasser", "devrait générer",
    "devraient atteindre", "table sur", "anticipe", "objectif", "vise", "d'ici", "d’ici",
]
COMPARISON_WORDS = [
    "contre", "comparé", "comparée", "par rapport", "alors que", "tandis que", "face à", "versus", "vs",
    "compared", "contrast", "against", "whereas", "while", "than", "unlike", "rival", "rivals",
]


class Comparability(BaseModel):
    """The conditions under which two claims of one entity and quantity are compared, and when two
    entities are set against each other."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rate_uncertainty: float = Field(0.03, ge=0, description=(
        "Relative uncertainty of an exchange rate: amounts converted from another currency 'disagree' only "
        "beyond this plus close_tolerance."))
    per_conversions: dict[str, dict[str, float]] = Field(default_factory=dict, description=(
        "Allowed conversions between `per`s: {year: {month: 12}} lets a price per month be compared with one "
        "per year (times 12). None by default: an annual plan is not twelve monthly ones."))
    price_quantities: list[str] = Field(
        default_factory=lambda: ["price", "subscription_price"],
        description="Quantities that are prices: claims are compared only within one market.")
    markets: dict[str, list[str]] = Field(default_factory=lambda: {k: list(v) for k, v in MARKETS.items()},
                                          description="Market names and the words that name them in a sentence.")
    tiers: list[str] = Field(default_factory=lambda: list(TIERS),
                             description="Tier or plan names (capitalised as written): Plus and Pro are not compared.")
    forecast_words: list[str] = Field(default_factory=lambda: list(FORECAST_WORDS),
                                      description="Words that make a figure a forecast, not a reported figure.")
    comparison_words: list[str] = Field(default_factory=lambda: list(COMPARISON_WORDS), description=(
        "Words that set two entities against each other in one sentence or across two adjacent ones "
        "('Contre plus de 100 millions pour GPT-4o')."))
    entity_ratios: list[list[str]] = Field(default_factory=list, description=(
        "Pairs of entities whose ratio is always wanted, e.g. [[DeepSeek V3, GPT-4o]]."))
