"""Every kind of mistake an analyst can make in a rule file gives one located, readable problem.

Each case is a small set of broken rule files and the problems expected from it, as
(file, line, column, fragment of the message); the problems must be exactly these, in file order.
"""
from pathlib import Path

import pytest

from compare.errors import UserError
from compare.rules import check_rules, known_units, load_rules

QUANTITY = """\
quantities:
  - id: training_cost
    measures: [money, ratio]
    cues:
      en: [train, training]
      fr: [entraînement]
"""

ENTITIES = """\
entities:
  - name: DeepSeek V3
    kind: model
    aliases: [DeepSeek-V3, V3]
  - name: OpenAI
    kind: company
"""

CASES = [
    # ---- YAML syntax
    ("yaml: unclosed flow list", {"q.yaml": "quantities:\n  - id: x\n    cues: {en: [a}\n"},
     [("q.yaml", 3, 18, "not valid YAML")]),
    ("yaml: tab indentation", {"q.yaml": "quantities:\n\t- id: x\n"},
     [("q.yaml", 2, 1, "indent with spaces, not tabs")]),
    ("yaml: unclosed quote", {"q.yaml": 'entities:\n  - name: "OpenAI\n    kind: company\n'},
     [("q.yaml", 4, 1, "not valid YAML: while scanning a quoted scalar, found unexpected end of stream (it starts at line 2, column 11)")]),
    ("yaml: two documents", {"q.yaml": QUANTITY + "---\nentities: []\n"},
     [("q.yaml", 7, 1, "expected a single document")]),
    ("yaml: same key twice", {"q.yaml": QUANTITY + "    measures: [money]\n"},
     [("q.yaml", 7, 5, 'key "measures" appears twice in the same mapping (first at line 3)')]),
    ("yaml: file is a list", {"q.yaml": "- id: x\n"},
     [("q.yaml", 1, 1, "a rule file must be a mapping of sections")]),
    # ---- unknown keys, with suggestions
    ("unknown section", {"q.yaml": "quantites: []\n"},
     [("q.yaml", 1, 1, 'unknown section "quantites" (did you mean "quantities"?)')]),
    ("unknown key in a quantity", {"q.yaml": QUANTITY + "    cues_fr: [coût]\n"},
     [("q.yaml", 7, 5, 'quantity "training_cost": unknown key "cues_fr" (did you mean "cues"?)')]),
    ("unknown key in an example claim", {"q.yaml": QUANTITY + "    examples:\n      - text: x\n        claims:\n"
                                                              "          - {valeu: 3}\n"},
     [("q.yaml", 10, 14, 'quantity "training_cost", example 1, claim 1: unknown key "valeu" (did you mean "value"?)')]),
    ("unknown key in an entity", {"e.yaml": ENTITIES + "    alias: [Open AI]\n"},
     [("e.yaml", 7, 5, 'entity "OpenAI": unknown key "alias" (did you mean "aliases"?)')]),
    ("unknown key without a close match", {"e.yaml": ENTITIES + "    website: openai.com\n"},
     [("e.yaml", 7, 5, 'entity "OpenAI": unknown key "website"')]),
    # ---- wrong types
    ("a string where a list is expected", {"e.yaml": "entities:\n  - name: OpenAI\n    aliases: Open AI\n"},
     [("e.yaml", 3, 14, '"aliases": expected a list of strings, got the text "Open AI"')]),
    ("a number in a list of strings", {"e.yaml": "entities:\n  - name: DeepSeek V3\n    aliases: [V3, 3]\n"},
     [("e.yaml", 3, 19, '"aliases item 2": expected a string, got a number (3)')]),
    ("text where a number is expected", {"q.yaml": QUANTITY + "    examples:\n      - text: x\n        claims:\n"
                                                              "          - {value: \"5,57\"}\n"},
     [("q.yaml", 10, 21, '"value": expected a number, got the text "5,57"')]),
    ("target neither true nor false", {"q.yaml": QUANTITY + "    target: maybe\n"},
     [("q.yaml", 7, 13, '"target": expected true or false, got the text "maybe"')]),
    ("cue list given as a string", {"q.yaml": QUANTITY.replace("[entraînement]", "entraînement")},
     [("q.yaml", 6, 11, '"cues.fr": expected a list of strings, got the text "entraînement"')]),
    ("a measure that does not exist", {"q.yaml": QUANTITY.replace("[money, ratio]", "[money, mony]")},
     [("q.yaml", 3, 23, '"measures item 2": the text "mony" is not one of money, percent, ratio, count, money_change (did you mean "money"?)')]),
    ("an entity kind that does not exist", {"e.yaml": ENTITIES.replace("kind: model", "kind: modle")},
     [("e.yaml", 3, 11, '"kind": the text "modle" is not one of model, company')]),
    ("a qualifier that does not exist", {"q.yaml": QUANTITY + "    examples:\n      - text: x\n        claims:\n"
                                                              "          - {qualifier: about}\n"},
     [("q.yaml", 10, 25, '"qualifier": the text "about" is not one of =, >, >=, <, <=, ~, range')]),
    ("a section that is not a list", {"q.yaml": "quantities:\n  id: x\n"},
     [("q.yaml", 2, 3, 'section "quantities": expected a list of quantity items')]),
    ("a rate with a bad currency", {"r.yaml": "rates:\n  - {from: EURO, to: USD, rate: 1.05, date: 2025-01-24}\n"},
     [("r.yaml", 2, 12, "currency 'EURO' is not a three-letter code")]),
    ("a decimal comma inside braces", {"r.yaml": "rates:\n  - {from: EUR, to: USD, rate: 1,05, date: 2025-01-24}\n"},
     [("r.yaml", 2, 34, 'rate EUR->USD: unknown key "05" (inside { } a comma separates entries: write decimals with a point')]),
    ("settings with text for a number", {"s.yaml": "settings:\n  approx_tolerance: ten percent\n"},
     [("s.yaml", 2, 21, '"approx_tolerance": expected a number, got the text "ten percent"')]),
    # ---- missing keys
    ("quantity without measures", {"q.yaml": "quantities:\n  - id: price\n    cues: {en: [price]}\n"},
     [("q.yaml", 2, 5, 'quantity "price": missing required key "measures"')]),
    ("entity without a name", {"e.yaml": "entities:\n  - kind: model\n    aliases: [V3]\n"},
     [("e.yaml", 2, 5, 'entity #1: missing required key "name"')]),
    ("example without text", {"q.yaml": QUANTITY + "    examples:\n      - lang: en\n"},
     [("q.yaml", 8, 9, 'quantity "training_cost", example 1: missing required key "text"')]),
    # ---- duplicates across the set
    ("quantity id in two files", {"a.yaml": QUANTITY, "b.yaml": QUANTITY},
     [("b.yaml", 2, 9, 'quantity "training_cost" is defined twice (first at {dir}/a.yaml:2:5)')]),
    ("entity name twice", {"e.yaml": ENTITIES + "  - name: OpenAI\n"},
     [("e.yaml", 7, 11, 'entity "OpenAI" is defined twice (first at {dir}/e.yaml:5:5)')]),
    ("reference id twice", {"q.yaml": QUANTITY, "e.yaml": ENTITIES, "r.yaml": (
        "references:\n"
        "  - {id: v3-cost, entity: DeepSeek V3, quantity: training_cost, value: 5576000, source: {title: report}}\n"
        "  - {id: v3-cost, entity: DeepSeek V3, quantity: training_cost, value: 5600000, source: {title: press}}\n")},
     [("r.yaml", 3, 10, 'reference "v3-cost" is defined twice')]),
    ("alias of another entity, other case and hyphens", {"e.yaml": ENTITIES + "  - name: DeepSeek\n    aliases: [deepseek v3]\n"},
     [("e.yaml", 8, 15, 'the name "deepseek v3" already belongs to entity "DeepSeek V3" (as "DeepSeek V3")')]),
    ("name equal to another entity's alias", {"e.yaml": ENTITIES + "  - name: V-3\n"},
     [("e.yaml", 7, 11, 'entity "V-3": the name "V-3" already belongs to entity "DeepSeek V3" (as "V3")')]),
    ("settings in two files", {"a.yaml": "settings: {approx_tolerance: 0.1}\n", "b.yaml": "settings: {close_tolerance: 0.1}\n"},
     [("b.yaml", 1, 1, "settings are given twice (also in {dir}/a.yaml)")]),
    # ---- names that must exist
    ("example names an unknown entity", {"e.yaml": ENTITIES, "q.yaml": QUANTITY + (
        "    examples:\n      - text: x\n        claims:\n          - {entity: OpenAl}\n")},
     [("q.yaml", 10, 22, 'entity "OpenAl" is not a known entity (did you mean "OpenAI"?)')]),
    ("example names an alias, not the canonical name", {"e.yaml": ENTITIES, "q.yaml": QUANTITY + (
        "    examples:\n      - text: x\n        claims:\n          - {entity: Deepseek-V3}\n")},
     [("q.yaml", 10, 22, 'entity "Deepseek-V3" is a name of entity "DeepSeek V3": write its canonical name')]),
    ("example names an unknown quantity", {"q.yaml": QUANTITY + (
        "    examples:\n      - text: x\n        claims:\n          - {quantity: training_costs}\n")},
     [("q.yaml", 10, 24, 'quantity "training_costs" is not a known quantity (did you mean "training_cost"?)')]),
    ("example versus an unknown entity", {"e.yaml": ENTITIES, "q.yaml": QUANTITY + (
        "    examples:\n      - text: x\n        claims:\n          - {entity: OpenAI, versus: Llama 3}\n")},
     [("q.yaml", 10, 38, 'versus "Llama 3" is not a known entity')]),
    ("reference names an unknown quantity", {"q.yaml": QUANTITY, "e.yaml": ENTITIES, "r.yaml": (
        "references:\n"
        "  - {id: v3, entity: DeepSeek V3, quantity: trainig_cost, value: 5576000, source: {title: report}}\n")},
     [("r.yaml", 2, 45, 'reference "v3": quantity "trainig_cost" is not a known quantity (did you mean "training_cost"?)')]),
    ("refers_to an unknown entity", {"e.yaml": ENTITIES + "    refers_to: Open AI Inc\n"},
     [("e.yaml", 7, 16, 'refers_to "Open AI Inc" is not a known entity')]),
    ("example expects a claim of a non-target quantity", {"q.yaml": QUANTITY + (
        "    examples:\n      - text: x\n        claims:\n          - {quantity: stock_move}\n"
        "  - id: stock_move\n    target: false\n    measures: [percent]\n    cues: {en: [shares]}\n")},
     [("q.yaml", 10, 24, 'quantity "stock_move" has target: false, so it never gives a claim')]),
    # ---- regular expressions
    ("a pattern that matches empty text", {"e.yaml": ENTITIES + "    patterns: ['(?:Open)?(?:AI)?']\n"},
     [("e.yaml", 7, 16, 'pattern "(?:Open)?(?:AI)?" matches empty text, so it would match everywhere')]),
    ("entity pattern does not compile", {"e.yaml": ENTITIES + "    patterns: ['Open(AI']\n"},
     [("e.yaml", 7, 16, 'pattern "Open(AI" is not a valid regular expression: missing ), unterminated subpattern at position 4')]),
    ("family pattern does not compile", {"f.yaml": "families:\n  - name: Llama\n    pattern: 'Llama [0-9'\n"},
     [("f.yaml", 3, 14, 'family "Llama": pattern "Llama [0-9" is not a valid regular expression: unterminated character set at position 6')]),
    ("quantity pattern does not compile", {"q.yaml": QUANTITY + "    patterns:\n      - {lang: fr, regex: 'co[uû]t+?+'}\n"},
     [("q.yaml", 8, 27, "is not a valid regular expression: multiple repeat at position 9")]),
    # ---- cues and languages
    ("empty cue list", {"q.yaml": QUANTITY.replace("[entraînement]", "[]")},
     [("q.yaml", 6, 11, 'the cue list for "fr" is empty')]),
    ("no cues at all", {"q.yaml": QUANTITY.split("    cues:")[0] + "    cues: {}\n"},
     [("q.yaml", 4, 11, 'quantity "training_cost": no cue words')]),
    ("cues for an unknown language", {"q.yaml": QUANTITY + "      de: [Training]\n"},
     [("q.yaml", 7, 7, 'cues for "de" is not a known language (languages: en, fr)')]),
    ("example in an unknown language", {"q.yaml": QUANTITY + "    examples:\n      - {lang: french, text: x}\n"},
     [("q.yaml", 8, 16, 'example 1: language "french" is not a known language')]),
    ("pattern for an unknown language", {"q.yaml": QUANTITY + "    patterns:\n      - {lang: FR, regex: coût}\n"},
     [("q.yaml", 8, 16, 'pattern language "FR" is not a known language (did you mean "fr"?)')]),
    ("star inside a cue", {"q.yaml": QUANTITY.replace("[train, training]", "[train, tr*ining]")},
     [("q.yaml", 5, 19, '"*" only works at the end of a cue')]),
    ("a cue that is only a star", {"q.yaml": QUANTITY.replace("[train, training]", "[train, '*']")},
     [("q.yaml", 5, 19, 'cue "*" (en) has no word in it')]),
    ("counts without units", {"q.yaml": QUANTITY.replace("[money, ratio]", "[count]")},
     [("q.yaml", 3, 15, 'measures "count" but lists no units')]),
    # ---- include and extends
    ("include of a missing file", {"a.yaml": "include: [common.yaml]\n" + QUANTITY},
     [("a.yaml", 1, 11, 'include "common.yaml": no such file or folder')]),
    ("include cycle", {"a.yaml": "include: [b.yaml]\n", "b.yaml": "include: [a.yaml]\n"},
     [("b.yaml", 1, 11, 'include "a.yaml" makes a cycle: {dir}/a.yaml -> {dir}/b.yaml -> {dir}/a.yaml')]),
    ("include of a file that is a list", {"a.yaml": "include: common.yaml\n"},
     [("a.yaml", 1, 10, '"include": expected a list of strings, got the text "common.yaml"')]),
    ("extends an unknown entity", {"e.yaml": ENTITIES, "x.yaml": "entities:\n  - extends: OpenAl\n    aliases: [Open AI]\n"},
     [("x.yaml", 2, 14, 'entity extension "OpenAl": there is no entity "OpenAl" to extend (did you mean "OpenAI"?)')]),
    ("extends an unknown quantity", {"q.yaml": QUANTITY, "x.yaml": "quantities:\n  - extends: trainingcost\n    cues: {en: [pretraining]}\n"},
     [("x.yaml", 2, 14, 'there is no quantity "trainingcost" to extend (did you mean "training_cost"?)')]),
    ("an extension with a key it cannot change", {"q.yaml": QUANTITY, "x.yaml": "quantities:\n  - extends: training_cost\n    measures: [count]\n"},
     [("x.yaml", 3, 5, 'quantity extension "training_cost": unknown key "measures"')]),
    # ---- clean sets: YAML pitfalls that are not mistakes
    ("no and on stay words, dates stay text", {"q.yaml": QUANTITY.replace("[train, training]", "[no, on, off]"), "e.yaml": ENTITIES,
                                               "r.yaml": "references:\n  - {id: v3, entity: DeepSeek V3, quantity: training_cost, "
                                                         "value: 5576000, source: {title: report, date: 2024-12-27}}\n"},
     []),
    ("an empty section is no item", {"q.yaml": QUANTITY + "entities:\nsettings:\n"}, []),
    ("an item that is not a mapping", {"e.yaml": "entities:\n  - OpenAI\n"},
     [("e.yaml", 2, 5, 'entity #1: expected a mapping with keys name, kind, organisation, aliases, patterns, refers_to, '
                       'got the text "OpenAI"')]),
    ("a detected entity may be named in an example", {"q.yaml": QUANTITY + (
        "    examples:\n      - text: x\n        claims:\n          - {entity: xAI, entity_status: detected}\n")},
     []),
    ("a family member may be named in an example", {"q.yaml": QUANTITY + (
        "    examples:\n      - text: x\n        claims:\n          - {entity: Llama 3.1 405B}\n"),
        "f.yaml": "families:\n  - name: Llama\n    pattern: 'Llama[ -]?\\d+(?:\\.\\d+)?(?: \\d+B)?'\n"},
     []),
]


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("files,expected", [pytest.param(f, e, id=i) for i, f, e in CASES])
def test_each_mistake_gives_one_located_problem(tmp_path, files, expected):
    write(tmp_path, files)
    rules, locations, problems = check_rules([tmp_path])
    got = [(Path(p.file).name, p.line, p.column) for p in problems]
    assert got == [(f, line, col) for f, line, col, _ in expected], "\n".join(map(str, problems))
    for p, (_, _, _, fragment) in zip(problems, expected):
        assert fragment.replace("{dir}", str(tmp_path)) in p.message
        assert p.severity == "error"
    assert (rules is None) == bool(expected)


def test_load_rules_raises_every_problem_of_every_file(tmp_path):
    write(tmp_path, {
        "a.yaml": QUANTITY + "    cues_fr: [coût]\n",
        "b.yaml": "entities:\n  - name: OpenAI\n    kind: compagny\n  - name: Meta\n    aliases: Facebook\n",
        "c.yaml": "quantities: [\n",
    })
    with pytest.raises(UserError) as e:
        load_rules([tmp_path])
    where = [(Path(p.file).name, p.line) for p in e.value.problems]
    assert where == [("a.yaml", 7), ("b.yaml", 3), ("b.yaml", 5), ("c.yaml", 2)]
    assert str(e.value).count("error:") == 4


def test_a_missing_rules_path_is_a_problem_not_a_crash(tmp_path):
    rules, _, problems = check_rules([tmp_path / "nowhere"])
    assert rules is None
    assert [p.message for p in problems] == [f"rules path does not exist: {tmp_path / 'nowhere'}"]


def test_an_empty_folder_is_a_problem(tmp_path):
    _, _, problems = check_rules([tmp_path])
    assert len(problems) == 1 and "no rule files" in problems[0].message


def test_problems_print_as_file_line_column(tmp_path):
    write(tmp_path, {"q.yaml": QUANTITY + "    cues_fr: [coût]\n"})
    _, _, problems = check_rules([tmp_path / "q.yaml"])
    assert [str(p) for p in problems] == [
        f'{tmp_path / "q.yaml"}:7:5: error: quantity "training_cost": unknown key "cues_fr" (did you mean "cues"?)']


@pytest.mark.skipif(known_units() is None, reason="no unit vocabulary (compare.lexicon) yet")
@pytest.mark.parametrize("units,expected", [
    ("[GPU hours]", [(3, 13, 'unit "GPU hours" is not in the unit vocabulary (did you mean "GPU-hours"?)')]),
    ("[GPU-hours, flops]", [(3, 24, 'unit "flops" is not in the unit vocabulary (did you mean "FLOPs"?)')]),
    ("[GPU-hours, FLOPs, GPUs]", []),
], ids=["GPU hours", "flops", "canonical names"])
def test_count_units_must_be_in_the_unit_vocabulary(tmp_path, units, expected):
    write(tmp_path, {"q.yaml": f"quantities:\n  - id: compute\n    units: {units}\n    measures: [count]\n"
                               "    cues: {en: [compute]}\n"})
    _, _, problems = check_rules([tmp_path])
    assert [(p.line, p.column) for p in problems] == [(line, col) for line, col, _ in expected]
    for p, (_, _, fragment) in zip(problems, expected):
        assert fragment in p.message
