"""docs/rules.md tells the truth: its example files load, and the outputs it shows are the real ones."""
import io
import re
from pathlib import Path

import pytest

from compare.models import Claim
from compare.ruletools import check, test as run_examples

DOC = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")


def yaml_files() -> dict[str, str]:
    """The ```yaml blocks of the doc that start with `# file: PATH`."""
    files = {}
    for block in re.findall(r"```yaml\n(.*?)```", DOC, re.S):
        first = block.splitlines()[0]
        if first.startswith("# file: "):
            files[first.removeprefix("# file: ").strip()] = block
    return files


def shown_output(command: str) -> str:
    """The text block that follows `<!-- output of: COMMAND ... -->` in the doc."""
    m = re.search(r"<!-- output of: " + re.escape(command) + r".*?-->\n```text\n(.*?)```", DOC, re.S)
    assert m, f"no output shown for {command}"
    return m.group(1)


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    for name, text in yaml_files().items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_doc_has_the_worked_example_and_the_broken_file():
    assert sorted(yaml_files()) == ["broken/costs.yaml", "rules/project/more.yaml", "rules/training.yaml"]


def test_the_worked_example_is_clean(workspace):
    out = io.StringIO()
    assert check(["rules"], out) == 0
    assert out.getvalue() == shown_output("claim-compare rules check rules/")


def test_the_broken_example_gives_the_errors_shown(workspace):
    out = io.StringIO()
    assert check(["broken"], out) == 1
    assert out.getvalue() == shown_output("claim-compare rules check broken/")


def test_the_rules_test_output_shown_is_what_the_tool_prints(workspace):
    def wrong(rules):
        def run(text, lang):
            if "$5.6 million" in text:
                return [claim("OpenAI", 5.6e6, "$5.6 million", text)]
            if "2024" in text:
                return [claim("DeepSeek V3", 2024.0, "2024", text)]
            if "5,57" in text:
                return [claim("DeepSeek V3", 5.57e6, "5,57 millions de dollars", text)]
            if "11 fois" in text:
                return [Claim(id="c", article="text", entity="DeepSeek V3", quantity="compute", value=11.0, unit="x",
                              direction="less", versus="Llama 3", text="11 fois moins", start=0, end=1, sentence=text,
                              rule="compute")]
            return []
        return run

    out = io.StringIO()
    assert run_examples(["rules"], out, extract=wrong) == 1
    assert out.getvalue() == shown_output("claim-compare rules test rules/")


def claim(entity, value, text, sentence):
    return Claim(id="c", article="text", entity=entity, quantity="training_cost", value=value, unit="USD", text=text,
                 start=0, end=len(text), sentence=sentence, rule="training_cost")

