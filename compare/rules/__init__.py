"""The rule set: what to extract (entities, families, quantities with cues and examples) and what
to compare against (references, rates, settings), read from the YAML files analysts edit.

- `model`: the rule format (pydantic models, the source of `rules schema`);
- `loading`: reading files and includes, validating each item (`load_rules`, `check_rules`);
- `checks`: the checks a type cannot express, each with an id (`CHECKS`);
- `merge`: one RuleSet from every file: unique ids, `extends:` applied;
- `messages`: validation errors worded for an analyst.
"""
from compare.lang import LANG_DIR, languages
from compare.rules.checks import CHECKS, Finding, known_units
from compare.rules.loading import RulesLoader, SECTIONS, check_rules, load_rules, load_rules_located
from compare.rules.model import (CURRENCY, Entity, EntityExtension, EntityKind, Example, ExpectedClaim, Family, Location,
                                 Locations, Measure, Pattern, Quantity, QuantityExtension, Rate, Reference, RuleFile,
                                 RuleSet, Settings, Source)

__all__ = [
    "CHECKS", "CURRENCY", "Entity", "EntityExtension", "EntityKind", "Example", "ExpectedClaim", "Family", "Finding",
    "LANG_DIR", "Location", "Locations", "Measure", "Pattern", "Quantity", "QuantityExtension", "Rate", "Reference",
    "RuleFile", "RuleSet", "RulesLoader", "SECTIONS", "Settings", "Source", "check_rules", "known_units", "languages",
    "load_rules", "load_rules_located",
]
