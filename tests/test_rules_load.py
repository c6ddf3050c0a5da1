"""Loading a rule set: folders, include, extends, where each item came from, determinism."""
from pathlib import Path

import pytest

from compare.errors import UserError
from compare.rules import Location, load_rules, load_rules_located

BASE = """\
entities:
  - name: DeepSeek V3
    kind: model
    aliases: [DeepSeek-V3]
quantities:
  - id: training_cost
    measures: [money]
    cues:
      en: [training]
    examples:
      - lang: en
        text: DeepSeek spent $5.6 million to train V3.
        claims:
          - {entity: DeepSeek V3, value: 5600000}
"""

EXTRA = """\
entities:
  - extends: DeepSeek V3
    aliases: [V3, DeepSeek-V3]
    patterns: ['DeepSeek\\s+V3']
quantities:
  - extends: training_cost
    cues:
      en: [pretraining, training]
      fr: [entraînement]
    examples:
      - lang: fr
        text: V3 a coûté 5,57 millions de dollars pour son entraînement.
        claims: []
"""


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_extends_adds_names_cues_and_examples(tmp_path):
    write(tmp_path, {"a.yaml": BASE, "b.yaml": EXTRA})
    rules = load_rules([tmp_path])
    v3 = rules.entity("DeepSeek V3")
    assert v3.aliases == ["DeepSeek-V3", "V3"]
    assert v3.patterns == ["DeepSeek\\s+V3"]
    q = rules.quantity("training_cost")
    assert q.cues == {"en": ["training", "pretraining"], "fr": ["entraînement"]}
    assert [e.lang for e in q.examples] == ["en", "fr"]
    assert [e.name for e in rules.entities] == ["DeepSeek V3"]


def test_an_extension_may_come_before_what_it_extends(tmp_path):
    write(tmp_path, {"a_extra.yaml": EXTRA, "b_base.yaml": BASE})
    q = load_rules([tmp_path]).quantity("training_cost")
    assert q.cues["en"] == ["training", "pretraining"]
    assert [e.lang for e in q.examples] == ["en", "fr"]


def test_locations_point_at_each_item_and_example(tmp_path):
    write(tmp_path, {"a.yaml": BASE, "b.yaml": EXTRA})
    _, loc = load_rules_located([tmp_path])
    a, b = str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")
    assert loc.entities["DeepSeek V3"] == Location(file=a, line=2, column=5)
    assert loc.quantities["training_cost"] == Location(file=a, line=6, column=5)
    assert loc.example("training_cost", 0) == Location(file=a, line=11, column=9)
    assert loc.example("training_cost", 1) == Location(file=b, line=11, column=9)
    assert loc.example("training_cost", 2) is None
    assert loc.extensions["DeepSeek V3"] == (Location(file=b, line=2, column=5),)
    assert str(loc.quantities["training_cost"]) == f"{a}:6:5"


def test_include_is_relative_to_the_including_file(tmp_path):
    write(tmp_path, {"main/top.yaml": "include: [../shared/base.yaml]\n", "shared/base.yaml": BASE})
    rules = load_rules([tmp_path / "main" / "top.yaml"])
    assert rules.files == (str(tmp_path / "main" / "top.yaml"), str(tmp_path / "shared" / "base.yaml"))
    assert rules.quantity("training_cost") is not None


def test_include_of_a_folder_reads_it_recursively(tmp_path):
    write(tmp_path, {"top.yaml": "include: [more]\n", "more/x/base.yaml": BASE, "more/extra.yml": EXTRA})
    rules = load_rules([tmp_path / "top.yaml"])
    assert [Path(f).name for f in rules.files] == ["top.yaml", "extra.yml", "base.yaml"]
    assert "V3" in rules.entity("DeepSeek V3").aliases


def test_a_file_included_twice_is_read_once(tmp_path):
    write(tmp_path, {"a.yaml": "include: [c.yaml]\n", "b.yaml": "include: [c.yaml]\n", "c.yaml": BASE})
    rules = load_rules([tmp_path])
    assert [Path(f).name for f in rules.files] == ["a.yaml", "c.yaml", "b.yaml"]
    assert len(rules.quantities) == 1


def test_folders_are_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path, {
        "b/q.yaml": BASE.split("quantities:")[0],
        "a.yaml": "quantities:" + BASE.split("quantities:")[1],
        "b/a/x.yaml": "rates:\n  - {from: EUR, to: USD, rate: 1.0472, date: 2025-01-24}\n",
        "notes.txt": "not a rule file",
    })
    rules = load_rules([tmp_path])
    assert [str(Path(f).relative_to(tmp_path)) for f in rules.files] == ["a.yaml", "b/a/x.yaml", "b/q.yaml"]
    assert rules.rates[0].rate == 1.0472


def test_loading_twice_gives_an_equal_rule_set(tmp_path):
    write(tmp_path, {"a.yaml": BASE, "b.yaml": EXTRA})
    first, first_loc = load_rules_located([tmp_path])
    second, second_loc = load_rules_located([tmp_path])
    assert first == second and first_loc == second_loc
    assert first.model_dump_json() == second.model_dump_json()


def test_the_rule_set_is_frozen(tmp_path):
    write(tmp_path, {"a.yaml": BASE})
    rules = load_rules([tmp_path])
    with pytest.raises(Exception):
        rules.quantities = ()


def test_fields_left_out_of_an_expected_claim_stay_unset(tmp_path):
    write(tmp_path, {"a.yaml": BASE, "b.yaml": EXTRA})
    claim = load_rules([tmp_path]).quantity("training_cost").examples[0].claims[0]
    assert claim.model_fields_set == {"entity", "value"}


def test_settings_come_from_the_one_file_that_has_them(tmp_path):
    write(tmp_path, {"a.yaml": BASE, "s.yaml": "settings: {approx_tolerance: 0.2}\n"})
    assert load_rules([tmp_path]).settings.approx_tolerance == 0.2


def test_an_empty_file_is_an_empty_rule_file(tmp_path):
    write(tmp_path, {"a.yaml": BASE, "empty.yaml": "# nothing yet\n"})
    assert len(load_rules([tmp_path]).files) == 2


def test_a_broken_rule_set_raises_user_error_not_validation_error(tmp_path):
    write(tmp_path, {"a.yaml": BASE.replace("measures: [money]", "measures: money")})
    with pytest.raises(UserError) as e:
        load_rules_located([tmp_path])
    assert [(p.line, p.column) for p in e.value.problems] == [(7, 15)]
