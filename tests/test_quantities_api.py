"""The public API around the parser: write_mentions (the CLI command), the lexicon and its errors."""
import io
import json
import os
import re
import select
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from compare.errors import UserError
from compare.lexicon import LANG_DIR, load_lexicon, read_lexicon
from compare.models import Mention
from compare.quantities import find_mentions, stdin_lines, write_mentions

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b83a57ec9cdd648f.txt"


@pytest.mark.parametrize("lang,text,field,want", [
    ("fr", "dont 8,2 milliards des ventes", "value", "8200000000.0"),
    ("fr", "4,1 milliards de dollars", "value", "4100000000.0"),
    ("en", "$8.2 billion", "value", "8200000000.0"),
    ("en", "$1.1-4.1 billion", "high", "4100000000.0"),
    ("fr", "entre 4,1 et 8,2 milliards", "low", "4100000000.0"),
])
def test_scaled_values_are_written_without_a_float_tail(lang, text, field, want):
    """'8,2 milliards' is written 8200000000.0, not 8199999999.999999 (what 8.2 * 1e9 gives)."""
    out = io.StringIO()
    write_mentions([text], lang, out)
    assert str(json.loads(out.getvalue())[0][field]) == want


def test_write_mentions_writes_one_json_array_per_text_with_every_field():
    out = io.StringIO()
    write_mentions(["à 200 dollars par mois\n", "rien ici\n", "+30 %"], "fr", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    first = json.loads(lines[0])
    assert set(first[0]) == set(Mention.model_fields)
    assert (first[0]["text"], first[0]["value"], first[0]["unit"], first[0]["per"]) == ("200 dollars par mois", 200.0, "USD", "month")
    assert json.loads(lines[1]) == []
    assert json.loads(lines[2])[0]["direction"] == "up"


DUMPED = [("en", "The agency gave C$2 billion, with the Canadian government adding $300 million."),
          ("en", "Costs of ¥500 billion at a Tokyo lab, or 5 cents a share, up 3.5%."),
          ("en", "between 3 and 5 billion dollars, more than 40% and 0.00001e310 FLOPs, \"quoted\" \\ 7 GPUs"),
          ("fr", "entre 3 et 5 milliards d'euros, plus de 10 et moins de 40 %, « au moins » 200 M$, −2,5 %"),
          ("fr", SEED.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("lang,text", DUMPED, ids=[t[:24] for _, t in DUMPED])
def test_write_mentions_writes_what_the_models_dump(lang, text):
    """The command writes each mention from its field values, without building the model: the JSON is
    the same as the models' dump, byte for byte (notes, escapes, ranges, signs)."""
    out = io.StringIO()
    write_mentions([text], lang, out)
    dumped = [m.model_dump() for m in find_mentions(text, lang)]
    assert dumped
    assert out.getvalue() == json.dumps(dumped, ensure_ascii=False) + "\n"


def test_write_mentions_strips_only_the_line_break():
    out = io.StringIO()
    write_mentions(["x 5 %\r\n"], "fr", out)
    m = json.loads(out.getvalue())[0]
    assert (m["start"], m["end"]) == (2, 5)


def test_write_mentions_streams():
    """Each line is written before the next text is read (stdin is not read to the end first)."""
    out = io.StringIO()
    seen = []

    def texts():
        for t in ["5 %", "6 %", "7 %"]:
            seen.append(out.getvalue().count("\n"))
            yield t

    write_mentions(texts(), "en", out)
    assert seen == [0, 1, 2]


class _CountingOut(io.StringIO):
    flushes = 0

    def flush(self):
        self.flushes += 1
        super().flush()


def test_stdin_lines_does_not_flush_per_line_when_more_input_is_waiting(tmp_path):
    """A file (or a pipe with lines waiting) is written in blocks, not with one system call a line."""
    src = tmp_path / "in.txt"
    src.write_text("".join(f"{i} %\n" for i in range(200)), encoding="utf-8")
    out = _CountingOut()
    with open(src, encoding="utf-8") as stream:
        write_mentions(stdin_lines(stream, out), "fr", out)
    assert out.getvalue().count("\n") == 200
    assert out.flushes <= 1


def test_stdin_lines_flushes_before_it_would_wait():
    """A pipe that feeds one line and waits gets the answer: the output is flushed before the reader
    blocks on the next line."""
    r, w = os.pipe()
    out = _CountingOut()
    flushed_before_second = []

    def feed_second_line_once_flushed():
        deadline = time.monotonic() + 20
        while out.flushes == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        flushed_before_second.append(out.flushes)
        os.write(w, "6 %\n".encode())
        os.close(w)

    os.write(w, "5 %\n".encode())
    with os.fdopen(r, encoding="utf-8") as stream:
        lines = stdin_lines(stream, out)
        assert next(lines) == "5 %\n"
        feeder = threading.Thread(target=feed_second_line_once_flushed)
        feeder.start()
        assert next(lines) == "6 %\n"
        feeder.join()
        assert list(lines) == []
    assert flushed_before_second == [1]


def test_cli_quantities_answers_a_line_before_its_input_ends():
    proc = subprocess.Popen([sys.executable, "-m", "compare", "quantities", "--lang", "en"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        proc.stdin.write("It costs $5 million.\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "no answer while the input stays open"
        assert json.loads(proc.stdout.readline())[0]["value"] == 5e6
    finally:
        proc.stdin.close()
        proc.wait(60)


def test_cli_quantities_reads_arguments_and_stdin():
    args = [sys.executable, "-m", "compare", "quantities", "--lang", "en"]
    r = subprocess.run(args + ["It costs $5 million.", "nothing"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert [len(json.loads(x)) for x in lines] == [1, 0]
    r = subprocess.run(args, input="10%\n\n2 billion\n", cwd=ROOT, capture_output=True, text=True)
    assert [[m["value"] for m in json.loads(x)] for x in r.stdout.splitlines()] == [[10.0], [], [2e9]]


def test_spans_hold_with_curly_quotes_and_narrow_spaces():
    text = "“V3” n’a coûté que 5,57\u202fmillions de dollars, «\u00a0environ 30\u00a0%\u00a0»."
    got = find_mentions(text, "fr")
    assert [m.text for m in got] == ["5,57\u202fmillions de dollars", "environ 30\u00a0%"]
    assert all(text[m.start:m.end] == m.text for m in got)


def test_seed_article_gives_the_claimed_figures_and_nothing_from_dates_names_or_noise():
    text = SEED.read_text(encoding="utf-8")
    got = find_mentions(text, "fr")
    assert all(text[m.start:m.end] == m.text for m in got)
    by_text = {m.text: m for m in got}
    assert by_text["5,57 millions de dollars"].value == 5570000.0
    assert by_text["plus de 100 millions de dollars"].low == 1e8
    assert by_text["11 fois moins"].direction == "less"
    assert by_text["500 milliards de dollars"].value == 5e11
    assert by_text["environ 30 %"].qualifier == "~"
    assert by_text["200 dollars par mois"].per == "month"
    assert by_text["environ 50 fois moins"].value == 50.0
    joined = " | ".join(by_text)
    for bad in ("1989", "2025", "26 décembre", "20 janvier", "22 janvier", "GPT-4o", "o1", "Doubao 1.5", "R1", "$ $"):
        assert bad not in joined
    assert not any(m.kind == "money" and "ans" in m.text for m in got)


def test_output_is_deterministic():
    text = SEED.read_text(encoding="utf-8")
    assert find_mentions(text, "fr") == find_mentions(text, "fr")


@pytest.mark.parametrize("lang,sentence,direction", [
    ("fr", "Les prix sont en hausse.", "up"), ("fr", "Microsoft veut augmenter ses tarifs.", "up"),
    ("fr", "Les coûts vont grimper.", "up"), ("fr", "Le titre a bondi.", "up"),
    ("fr", "Une baisse est prévue.", "down"), ("fr", "Le cours a chuté.", "down"),
    ("fr", "Il faut réduire les coûts.", "down"), ("en", "Prices rise.", "up"), ("en", "Costs increased.", "up"),
    ("en", "They raise prices.", "up"), ("en", "A price hike.", "up"), ("en", "They cut prices.", "down"),
    ("en", "They slashed prices.", "down"), ("en", "A sharp drop.", "down"), ("en", "Shares fall.", "down"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_change_words_can_be_found_anywhere_in_a_sentence(lang, sentence, direction):
    """`changes` is the mapping the attribution code uses to find a change verb away from the number."""
    found = set()
    for phrase, d in load_lexicon(lang).changes.items():
        body = re.escape(phrase.rstrip("*")) + (r"\w*" if phrase.endswith("*") else r"\b")
        if re.search(r"\b" + body, sentence, re.IGNORECASE):
            found.add(d)
    assert found == {direction}


def test_lexicon_is_loaded_once_and_frozen():
    lex = load_lexicon("fr")
    assert load_lexicon("fr") is lex
    assert lex.currency_codes["dollars"] == "USD" and lex.currency_codes["€"] == "EUR"
    assert lex.period_phrases["par mois"] == "month"
    assert lex.unit_phrases["puces"] == "GPUs"
    with pytest.raises(Exception):
        lex.lang = "en"


def test_unknown_language_is_a_user_error():
    with pytest.raises(UserError, match="no vocabulary for language 'de'"):
        load_lexicon("de")


def _copy(tmp_path):
    folder = tmp_path / "fr"
    shutil.copytree(LANG_DIR / "fr", folder)
    return folder


def test_broken_vocabulary_reports_every_problem_with_file_and_line(tmp_path):
    folder = _copy(tmp_path)
    periods = folder / "periods.yaml"
    periods.write_text(periods.read_text(encoding="utf-8") + "extra_key: 1\n", encoding="utf-8")
    currencies = folder / "currencies.yaml"
    text = currencies.read_text(encoding="utf-8").replace("code: EUR", "code: euro")
    currencies.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as e:
        read_lexicon(folder, "fr")
    problems = e.value.problems
    assert len(problems) == 2
    by_file = {Path(p.file).name: p for p in problems}
    assert "extra_key" in by_file["periods.yaml"].message
    assert by_file["periods.yaml"].line == len(periods.read_text(encoding="utf-8").splitlines())
    assert "ISO 4217" in by_file["currencies.yaml"].message
    euro_line = next(i for i, line in enumerate(text.splitlines(), 1) if "code: euro" in line)
    assert by_file["currencies.yaml"].line == euro_line


def test_invalid_yaml_and_missing_file_are_reported(tmp_path):
    folder = _copy(tmp_path)
    (folder / "ratios.yaml").write_text("times: [fois\n", encoding="utf-8")
    (folder / "units.yaml").unlink()
    with pytest.raises(UserError) as e:
        read_lexicon(folder, "fr")
    messages = {Path(p.file).name: p for p in e.value.problems}
    assert messages["ratios.yaml"].message.startswith("not valid YAML") and messages["ratios.yaml"].line
    assert messages["units.yaml"].message == "vocabulary file is missing"


def test_bad_unit_prefix_regex_is_reported(tmp_path):
    folder = _copy(tmp_path)
    units = folder / "units.yaml"
    units.write_text(re.sub(r"(?m)^prefix: .*$", "prefix: '(unclosed'", units.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(UserError, match="prefix is not a valid regular expression"):
        read_lexicon(folder, "fr")


def test_the_article_chooses_the_currency_of_a_shared_sign():
    """ "¥" in a sentence that names no country takes the currency the whole article's words choose."""
    from compare.quantities import find_mentions, read_quantities
    sentence = "The Pro plan costs ¥49 a month."
    assert find_mentions(sentence, "en")[0].unit == "JPY"
    assert find_mentions(sentence, "en")[0].note == "¥ read as JPY; JPY or CNY: the text does not say which"
    article = "Zhipu, a Chinese start-up, cut its prices. " + sentence
    got = read_quantities(sentence, "en", context=article).mentions[0]
    assert (got.unit, got.note) == ("CNY", None)
    got = find_mentions("Le forfait coûte 49 ¥ par mois.", "fr", context="Sony, au Japon, a annoncé un forfait.")[0]
    assert (got.unit, got.note) == ("JPY", None)


@pytest.mark.parametrize("words", [["Canada", "Canada's", "British Columbia", "Nova Scotia", "Québec"],
                                   ["Ontario", "$CA", "Alberta"]])
def test_one_boundary_alternation_finds_what_each_alternative_finds(words):
    """phrase_regex tests the word boundary once per position when every alternative starts with it (the place
    names around a bare dollar are searched so); the matches are those of the plain alternation, and an
    alternative without the boundary keeps it plain."""
    from compare.phrases import WORDS, atoms, phrase_regex
    plain = "|".join("".join(atoms(w, WORDS)) for w in sorted(set(words), key=lambda s: (-len(s), s)))
    factored = phrase_regex(words)
    assert (factored == plain) == any(not w[0].isalnum() for w in words)
    texts = ["raised $5 in Canada's west", "xCanada $5 BRITISH  columbia", "Nova-Scotia Québecois québec $CA 2",
             "Ontarian $3 ontario", "$CA Alberta, canadas"]
    for text in texts:
        for pos in range(0, len(text), 3):
            got = re.compile(factored, re.IGNORECASE).search(text, pos, len(text) - 2)
            want = re.compile(plain, re.IGNORECASE).search(text, pos, len(text) - 2)
            assert (got and (got.span(), got.group())) == (want and (want.span(), want.group())), (text, pos)


@pytest.mark.parametrize("lang, text", [
    ("en", "Revenue rose about 12% to $3.4 billion, 5x more than the ¥20 of 2019, between 10 and 20 GPUs."),
    ("fr", "Le prix a baissé de 5 € à environ 3,5 milliards de dollars par mois, soit 10 fois moins."),
])
def test_mentions_from_rows_are_the_validated_models(lang, text):
    """find_mentions builds each Mention from the reader's row without validating it again
    (Mention.from_row): the same model as validation gives, field order and set fields included."""
    from compare.quantities.reading import MENTION_FIELDS
    assert MENTION_FIELDS == tuple(Mention.model_fields)
    found = find_mentions(text, lang)
    assert found
    for m in found:
        valid = Mention(**m.model_dump())
        assert m == valid and list(m.__dict__) == list(valid.__dict__)
        assert m.model_fields_set == valid.model_fields_set and m.model_dump_json() == valid.model_dump_json()
        assert hash(m) == hash(valid) and m.model_copy(update={"unit": "X"}).unit == "X" and m.unit != "X"
        with pytest.raises(Exception):
            m.unit = "X"


def test_the_validated_vocabulary_is_cached_until_a_file_changes(tmp_path, monkeypatch):
    """load_lexicon keeps the validated vocabulary in the user's cache under a hash of the files: read
    again it is the same lexicon without the files being validated; an edited file is validated again."""
    import compare.lexicon as lexicon
    folder = tmp_path / "lang"
    shutil.copytree(LANG_DIR, folder)
    monkeypatch.setattr(lexicon, "LANG_DIR", folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    validated = []
    monkeypatch.setattr(lexicon, "read_lexicon", lambda f, lang: validated.append(lang) or read_lexicon(f, lang))
    try:
        load_lexicon.cache_clear()
        first = load_lexicon("fr")
        load_lexicon.cache_clear()
        again = load_lexicon("fr")
        assert validated == ["fr"] and again == first == read_lexicon(LANG_DIR / "fr", "fr")
        assert [p.name.split("-")[1] for p in (tmp_path / "cache" / "claim-compare").iterdir()] == ["fr"]
        units = folder / "fr" / "units.yaml"
        units.write_text(units.read_text(encoding="utf-8").replace("puces", "pucettes"), encoding="utf-8")
        load_lexicon.cache_clear()
        edited = load_lexicon("fr")
        assert validated == ["fr", "fr"] and "pucettes" in edited.unit_phrases and "puces" not in edited.unit_phrases
        for n in range(6):  # a few versions of the language's files are kept, the oldest removed
            units.write_text(units.read_text(encoding="utf-8") + f"# {n}\n", encoding="utf-8")
            load_lexicon.cache_clear()
            load_lexicon("fr")
        assert len(list((tmp_path / "cache" / "claim-compare").iterdir())) == lexicon._VERSIONS_KEPT
    finally:
        load_lexicon.cache_clear()


def test_a_cached_vocabulary_that_is_not_whole_is_validated_again(tmp_path, monkeypatch):
    import compare.lexicon as lexicon
    assert tuple(read_lexicon(LANG_DIR / "en", "en").__dict__) == lexicon.LEXICON_FIELDS
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    try:
        load_lexicon.cache_clear()
        whole = load_lexicon("en")
        (cached,) = (tmp_path / "claim-compare").iterdir()
        cached.write_text('{"__record__": "Lexicon", "lang": "en"}', encoding="utf-8")
        load_lexicon.cache_clear()
        assert load_lexicon("en") == whole
    finally:
        load_lexicon.cache_clear()


def test_ratio_phrase_records_have_the_fields_and_defaults_of_their_model():
    from compare.lexicon import RatioPhrase
    from compare.lexicon_schema import RatioPhrase as Model
    assert RatioPhrase(factor=2).__dict__ == Model(factor=2).model_dump()


def test_the_quantities_command_imports_neither_pydantic_nor_yaml(tmp_path):
    """Once the vocabulary is cached, the command starts without the models, pydantic or PyYAML."""
    code = ("import sys; from compare.cli import main; main(['quantities', '--lang', 'fr', '5 %']); "
            "print(sorted(m for m in ('compare.models', 'pydantic', 'yaml') if m in sys.modules))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert first.splitlines()[0] == again.splitlines()[0] and again.splitlines()[1] == "[]"
