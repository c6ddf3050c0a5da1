"""A workbook made with the shipped rules names them the same way on every machine."""
import shutil
from pathlib import Path

from compare.defaults import default_rules_dir, shown_path
from compare.rules import load_rules
from compare.workbook.summary import rules_version


def test_shipped_rule_files_are_shown_by_name():
    assert shown_path(default_rules_dir() / "quantities.yaml") == "(default rules)/quantities.yaml"
    assert shown_path("my_rules/quantities.yaml") == "my_rules/quantities.yaml"
    assert shown_path("rules/quantities.yaml") == "rules/quantities.yaml"  # given by the analyst


def test_the_version_of_a_rule_set_does_not_depend_on_where_its_files_are(tmp_path: Path):
    copy = tmp_path / "elsewhere"
    shutil.copytree(default_rules_dir(), copy)
    assert rules_version(load_rules([str(copy)])) == rules_version(load_rules([str(default_rules_dir())]))
    (copy / "quantities.yaml").write_text((copy / "quantities.yaml").read_text(encoding="utf-8").replace(
        "label: Training cost", "label: Cost of training"), encoding="utf-8")
    assert rules_version(load_rules([str(copy)])) != rules_version(load_rules([str(default_rules_dir())]))
