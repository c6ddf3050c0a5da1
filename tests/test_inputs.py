"""Corpus inputs: encodings, feeds, standard input, and files that cannot be read are skipped, named,
and make the exit status 3 while the run goes on."""
import io
import json
import os
from pathlib import Path

import pytest

from compare.articles import Corpus, read_articles
from compare.cli import main
from compare.errors import UserError
from compare.progress import EXIT_SKIPPED, Report

ROOT = Path(__file__).resolve().parents[1]
RULES = ["--rules", str(ROOT / "rules")]
GOOD = "OpenAI has raised $6.6 billion at a $157 billion valuation."


def skipped_of(paths, **kw):
    report = Report()
    report.stream = io.StringIO()
    articles = list(Corpus(paths, skip=report.skip, **kw))
    return articles, report


def test_windows_1252_and_utf16_files_are_decoded(tmp_path):
    (tmp_path / "a.txt").write_bytes("L’abonnement coûte 20 € par mois – « cher ».".encode("cp1252"))
    (tmp_path / "b.txt").write_bytes("Le coût dépasse 100 millions d’euros.".encode("utf-16"))
    a, b = read_articles([tmp_path])
    assert a.text == "L’abonnement coûte 20 € par mois – « cher »."
    assert b.text == "Le coût dépasse 100 millions d’euros."


def test_unreadable_binary_and_oversized_files_are_skipped_and_the_run_goes_on(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "big.md").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr("compare.articles.MAX_ARTICLE_BYTES", 1000)
    real_open = open

    def fake_open(file, *args, **kw):  # tests run as root, where chmod 000 does not stop a read
        if Path(file).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kw)

    monkeypatch.setattr("compare.articles.open", fake_open, raising=False)
    articles, report = skipped_of([tmp_path])
    assert [a.id for a in articles] == ["good"]
    lines = report.stream.getvalue().splitlines()
    assert len(lines) == 3 and report.exit_code == EXIT_SKIPPED
    assert any(line.startswith(f"{tmp_path}/binary.txt: warning: skipped: ") for line in lines)
    assert any("big.md: warning: skipped: larger than the 1,000 bytes" in line for line in lines)
    assert any("locked.txt: warning: skipped: cannot read it (Permission denied)" in line for line in lines)


def test_without_a_skip_callback_an_unreadable_file_is_an_error(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00" * 50)
    with pytest.raises(UserError) as e:
        list(read_articles([tmp_path]))
    assert "binary.txt" in str(e.value) and "skipped" in str(e.value)


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "b.txt").write_text(GOOD + " Again.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, report = skipped_of([tmp_path])
    assert [a.id for a in articles] == ["ok/a"]
    assert report.stream.getvalue() == f"{tmp_path}/closed: warning: skipped folder: cannot list it (Permission denied)\n"
    assert report.exit_code == EXIT_SKIPPED


def test_file_names_in_any_bytes_give_valid_ids_and_claims(tmp_path, capsys):
    name = os.fsdecode(b"caf\xe9 \x07news.txt")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    assert main(["extract", str(tmp_path), *RULES]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and {r["article"] for r in records} == {"caf\\xe9 \\x07news"}
    assert all(r["id"] for r in records)


def test_a_feed_gives_one_article_a_line_and_skips_bad_lines_with_file_and_line(tmp_path):
    lines = [
        json.dumps({"text": GOOD, "url": "https://example.com/a", "title": "OpenAI", "author": "A. B.",
                    "date": "2024-10-02", "lang": "en", "extra": [1, 2]}),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"url": "https://example.com/no-text"}),
        json.dumps({"text": "Mistral AI a levé 600 millions d'euros.", "date": 20240611}),
        json.dumps({"text": "Mistral AI a levé 600 millions d'euros. \ud800"}),
    ]
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, report = skipped_of([tmp_path])
    assert [a.id for a in articles] == ["news#1", "news#7"]
    first = articles[0]
    assert (first.url, first.title, first.author, first.date, first.lang) == \
        ("https://example.com/a", "OpenAI", "A. B.", "2024-10-02", "en")
    assert articles[1].lang == "fr" and articles[1].text.endswith("\ufffd")
    out = report.stream.getvalue().splitlines()
    feed = f"{tmp_path}/news.jsonl"
    assert [line.split(": warning: ")[0] for line in out] == [f"{feed}:{n}" for n in (3, 4, 5, 6)]
    assert "not JSON" in out[0] and "not an object" in out[1] and "no 'text'" in out[2] and "'date' is a int" in out[3]


def test_a_feed_line_past_the_limit_is_skipped_without_being_kept(tmp_path):
    from compare.inputs.feeds import read_feed
    data = (json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": GOOD}) + "\n").encode()
    skipped = []
    articles = list(read_feed(io.BytesIO(data), "f", "f.jsonl", skipped.append, limit=1000))
    assert [a.id for a in articles] == ["f#2"] and skipped[0].line == 1 and "longer than" in skipped[0].message


@pytest.mark.parametrize("data,kind", [
    (GOOD.encode(), "text"),
    ((json.dumps({"text": GOOD}) + "\n" + json.dumps({"text": "Meta spent $40 billion."}) + "\n").encode(), "feed"),
    (b"<html><body><nav>Home | News</nav><article><p>" + GOOD.encode() + b"</p><p>It was founded in 2015 "
     b"by a group of researchers and investors in San Francisco.</p></article></body></html>", "html"),
])
def test_standard_input_is_read_as_text_feed_or_page(data, kind):
    articles = list(Corpus(["-"], stdin=io.BytesIO(data)))
    assert articles[0].text.startswith(GOOD) and "Home" not in articles[0].text
    assert [a.id for a in articles] == (["stdin#1", "stdin#2"] if kind == "feed" else ["stdin"])


def test_cli_exit_status_is_3_when_files_were_skipped_and_0_otherwise(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    assert main(["extract", str(tmp_path), *RULES]) == 0
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff" * 100)
    assert main(["extract", str(tmp_path), *RULES, "--quiet"]) == EXIT_SKIPPED
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{tmp_path}/bad.txt: warning: skipped: ") and captured.err.count("\n") == 1
    assert captured.out.count("\n") == 2 * 2  # the good file's claims, both runs


def test_progress_bar_shows_articles_and_claims_only_on_a_terminal(tmp_path):
    from compare.pipeline import write_claims
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(GOOD.replace("6.6", f"6.{i}"), encoding="utf-8")
    shown = Report(quiet=False, stream=io.StringIO(), bar=True)
    write_claims([str(tmp_path)], RULES[1:], io.StringIO(), report=shown)
    bar = shown.stream.getvalue()
    assert "3/3" in bar and "6 claims" in bar and "articles/s" in bar
    hidden = Report(quiet=False, stream=io.StringIO())  # StringIO is no terminal
    write_claims([str(tmp_path)], RULES[1:], io.StringIO(), report=hidden)
    assert hidden.stream.getvalue() == "" and hidden.claims == 6
