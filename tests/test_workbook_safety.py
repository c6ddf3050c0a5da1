"""Hostile text never becomes a formula or breaks the file; Excel's limits warn; writes are atomic."""
from __future__ import annotations

import os
import re
import zipfile

import openpyxl
import pytest

import compare.workbook as workbook
from compare.cells import (
    MAX_CELL_CHARS, Limits, clean, fit, highlighted, sheet_title, table_name, web_url,
)
from compare.errors import UserError
from compare.models import Claim, Unclaimed
from compare.workbook import write_workbook
from test_workbook_seed import seed_article, seed_claims, seed_inputs

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=1+2",
    "+cmd|' /C calc'!A0",
    "-1+2",
    "@SUM(A1)",
    "\t=tab first",
    "\r=carriage return first",
    "#N/A",
    "#DIV/0!",
    "=",
    "'quoted",
    "line\r\nbreaks\rkept",
    "  leading and trailing spaces  ",
]


def hostile_inputs(text: str) -> dict:
    """The seed records with `text` as sentence, claimed text, entity, article title/author and reason."""
    article = seed_article()
    article = article.model_copy(update={"title": text, "author": text, "text": text})
    claim = Claim(id="c-hostile", article=article.id, entity=text, quantity="training_cost", value=1.0, unit=text,
                  text=text, start=0, end=len(text), sentence=text, rule=text, cue=text, why=text, note=text,
                  versus=text, per=text)
    unclaimed = Unclaimed(article=article.id, text=text, start=0, end=len(text), value=2.0, sentence=text, reason=text)
    return seed_inputs(articles=[article], claims=[claim], unclaimed=[unclaimed])


def sheet_xml(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet")}


def all_strings(path) -> list[tuple[str, str, object, str]]:
    wb = openpyxl.load_workbook(path)
    return [(ws.title, c.coordinate, c.value, c.data_type) for ws in wb.worksheets
            for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


@pytest.mark.parametrize("text", HOSTILE, ids=repr)
def test_hostile_text_stays_text_and_reads_back_the_same(tmp_path, text):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **hostile_inputs(text))
    for name, xml in sheet_xml(path).items():
        assert "<f>" not in xml and "<f " not in xml, name
    found = [(t, coord, v, dt) for t, coord, v, dt in all_strings(path) if v == text]
    assert {t for t, *_ in found} >= {"Claims", "Sources", "Unclaimed numbers"}
    assert all(dt == "s" for *_, dt in found)
    wb = openpyxl.load_workbook(path, rich_text=True)
    headers = [c.value for c in wb["Claims"][1]]
    row = dict(zip(headers, wb["Claims"][2]))
    assert str(row["Quote"].value) == text
    assert row["Entity"].value == text and row["Claimed text"].value == text


@pytest.mark.parametrize("text, shown", [
    ("bell\x07here", "bell[U+0007]here"),
    ("nul\x00byte", "nul[U+0000]byte"),
    ("esc\x1b[31mred", "esc[U+001B][31mred"),
    ("form\x0cfeed", "form[U+000C]feed"),
    ("lone \ud800 surrogate", "lone [U+D800] surrogate"),
    ("not a char \uffff", "not a char [U+FFFF]"),
    ("tab\tnewline\n ok", "tab\tnewline\n ok"),
], ids=repr)
def test_characters_xml_cannot_hold_become_visible_markers(tmp_path, text, shown):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **hostile_inputs(text))
    values = [v for _, _, v, _ in all_strings(path)]
    assert shown in values
    assert clean(text) == shown


def test_a_100000_character_sentence_is_cut_with_a_marker_and_a_warning(tmp_path):
    article = seed_article()
    claim = seed_claims(article)[0]
    long = "x" * 60_000 + claim.text + "y" * 40_000
    claim = claim.model_copy(update={"sentence": long, "sentence_start": claim.start - 60_000})
    result = write_workbook(tmp_path / "c.xlsx", **seed_inputs(claims=[claim]))
    assert result.truncated_cells >= 1
    assert any("cells longer than Excel's 32,767 characters were cut" in w for w in result.warnings)
    wb = openpyxl.load_workbook(tmp_path / "c.xlsx", rich_text=True)
    headers = [c.value for c in wb["Claims"][1]]
    quote = dict(zip(headers, wb["Claims"][2]))["Quote"].value
    text = str(quote)
    assert len(text) <= MAX_CELL_CHARS
    assert "characters cut" in text
    assert [b.text for b in quote if not isinstance(b, str)] == [claim.text]


def test_rows_beyond_the_sheet_limit_continue_on_numbered_sheets(tmp_path):
    result = write_workbook(tmp_path / "c.xlsx", limits=Limits(rows=4), **seed_inputs())
    wb = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert [t for t in wb.sheetnames if t.startswith("Claims")] == ["Claims", "Claims (2)", "Claims (3)"]
    at = [c.value for c in wb["Claims"][1]].index("Claim id")
    ids = [r[at] for t in ("Claims", "Claims (2)", "Claims (3)") for r in wb[t].iter_rows(min_row=2, values_only=True)]
    assert len(ids) == 7 and len(set(ids)) == 7
    assert all(wb[t].max_row <= 4 for t in wb.sheetnames)
    assert any("Claims: more rows than Excel's 4 per sheet" in w for w in result.warnings)
    assert set(wb["Claims (2)"].tables) == {"Claims_2"}


def test_links_beyond_the_sheet_limit_are_plain_text(tmp_path):
    result = write_workbook(tmp_path / "c.xlsx", limits=Limits(hyperlinks=3), **seed_inputs())
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")["Claims"]
    col = [c.value for c in ws[1]].index("Article")
    cells = [row[col] for row in ws.iter_rows(min_row=2)]
    assert sum(c.hyperlink is not None for c in cells) == 3
    assert all(c.value == "000_b83a57ec9cdd648f" for c in cells)
    assert any("Claims: 4 links beyond Excel's 3 per sheet are plain text" in w for w in result.warnings)


def test_comments_beyond_the_cap_are_left_to_the_columns(tmp_path):
    result = write_workbook(tmp_path / "c.xlsx", limits=Limits(comments=2), **seed_inputs())
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")["Claims"]
    col = [c.value for c in ws[1]].index("Claimed text")
    assert sum(row[col].comment is not None for row in ws.iter_rows(min_row=2)) == 2
    assert any("Claims: only the first 2 rows have a comment" in w for w in result.warnings)


@pytest.mark.parametrize("name, taken, expected", [
    ("Claims", set(), "Claims"),
    ("Claims", {"claims"}, "Claims (2)"),
    ("a/b\\c?d*e[f]g:h", set(), "a_b_c_d_e_f_g_h"),
    ("x" * 40, set(), "x" * 31),
    ("x" * 40, {"x" * 31}, "x" * 27 + " (2)"),
    ("'quoted'", set(), "quoted"),
    ("", set(), "Sheet"),
    ("bell\x07", set(), "bell_U+0007_"),
], ids=repr)
def test_sheet_titles_are_legal_and_unique(name, taken, expected):
    title = sheet_title(name, taken)
    assert title == expected
    assert len(title) <= 31 and not re.search(r"[\[\]:*?/\\]", title)


@pytest.mark.parametrize("title, expected", [
    ("Claims", "Claims"), ("Claims (2)", "Claims_2"), ("Side by side", "Side_by_side"),
    ("2024 costs", "T_2024_costs"), ("Unclaimed numbers (3)", "Unclaimed_numbers_3"),
])
def test_table_names_are_legal(title, expected):
    assert table_name(title) == expected


@pytest.mark.parametrize("url, ok", [
    ("https://www.lexpress.fr/a/b?c=1#d", True),
    ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG/X", True),
    ("javascript:alert(1)", False),
    ("file:///etc/passwd", False),
    ("ftp://example.org/x", False),
    ("mailto:a@b.c", False),
    ("https://", False),
    ("//example.org/x", False),
    ("https://exa mple.org", False),
    ("https://example.org/\x07", False),
    ("https://example.org/" + "a" * 3000, False),
    ("", False),
    (None, False),
], ids=repr)
def test_only_http_urls_may_become_hyperlinks(url, ok):
    assert (web_url(url) is not None) == ok


@pytest.mark.parametrize("text, limit, cut", [("short", 10, False), ("x" * 200, 100, True), ("exact", 5, False)])
def test_fit_cuts_with_a_marker_within_the_limit(text, limit, cut):
    value, was_cut = fit(text, limit)
    assert was_cut == cut and len(value) <= limit
    assert ("characters cut" in value) == cut


@pytest.mark.parametrize("sentence, start, end, rich", [
    ("Il a coûté 5,57 millions de dollars.", 11, 35, True),
    ("5,57 millions de dollars", 0, 24, True),
    ("span outside", 5, 50, False),
    ("empty span", 3, 3, False),
], ids=repr)
def test_highlight_marks_the_span_or_falls_back_to_plain_text(sentence, start, end, rich):
    value, _ = highlighted(sentence, start, end)
    assert str(value) == sentence
    assert (not isinstance(value, str)) == rich


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_failed_write_leaves_the_previous_workbook_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    before = path.read_bytes()

    def boom(self, *a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(workbook.StampedZip, "write", boom)
    with pytest.raises(KeyboardInterrupt):
        write_workbook(path, **seed_inputs(now="2026-01-01"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.xlsx"]


def test_an_unreplaceable_target_is_a_user_error(tmp_path, monkeypatch):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    before = path.read_bytes()

    def denied(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workbook.os, "replace", denied)
    with pytest.raises(UserError, match="cannot replace the workbook: Permission denied") as e:
        write_workbook(path, **seed_inputs(now="2026-01-01"))
    assert e.value.problems[0].file == str(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.xlsx"]


@pytest.mark.parametrize("lock", [".~lock.claims.xlsx#", "~$claims.xlsx", "~$aims.xlsx"])
def test_a_workbook_open_in_libreoffice_or_excel_is_not_overwritten(tmp_path, lock):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    before = path.read_bytes()
    (tmp_path / lock).write_text("locked")
    with pytest.raises(UserError, match="open in another program"):
        write_workbook(path, **seed_inputs(now="2026-01-01"))
    assert path.read_bytes() == before


def test_a_full_disk_is_a_user_error_and_keeps_the_previous_workbook(tmp_path, monkeypatch):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    before = path.read_bytes()

    def full(self, *a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workbook.StampedZip, "writestr", full)
    with pytest.raises(UserError, match="No space left on device; the previous one is unchanged"):
        write_workbook(path, **seed_inputs(now="2026-01-01"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.xlsx"]


def test_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        write_workbook(tmp_path / "nope" / "claims.xlsx", **seed_inputs())


def test_the_output_must_be_xlsx(tmp_path):
    with pytest.raises(UserError, match=r"\.xlsx"):
        write_workbook(tmp_path / "claims.csv", **seed_inputs())


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_new_workbook_gets_ordinary_permissions_and_an_old_one_keeps_its_own(tmp_path):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    assert path.stat().st_mode & 0o777 == 0o666 & ~workbook.current_umask()
    os.chmod(path, 0o640)
    write_workbook(path, **seed_inputs())
    assert path.stat().st_mode & 0o777 == 0o640


# --- issue 16: damaged files, read-only targets, links, temporary files --------------------------

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import compare.workbook.saving as saving  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
from make_workbooks import make_workbooks  # noqa: E402


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faulty")
    good = folder / "good.xlsx"
    write_workbook(good, **seed_inputs())
    return make_workbooks(good, folder / "bad")


@pytest.mark.parametrize("name", ["truncated", "truncated_end", "no_central_directory", "empty", "header_only",
                                  "bad_crc", "broken_sheet_xml", "broken_workbook_xml", "missing_sheet_part",
                                  "text_file", "other_zip"])
def test_a_damaged_or_foreign_workbook_is_one_message_and_left_untouched(tmp_path, faulty, name):
    source, expected = faulty[name]
    path = tmp_path / "claims.xlsx"
    path.write_bytes(source.read_bytes())
    with pytest.raises(UserError) as e:
        write_workbook(path, **seed_inputs())
    assert len(e.value.problems) == 1
    message = e.value.problems[0].message
    if expected == "damaged":
        assert message.startswith("the workbook is damaged (") and "left untouched" in message
        assert "not written by claim-compare" not in message
    else:
        assert "not written by claim-compare" in message
    assert path.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.xlsx"]


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_read_only_workbook_is_refused_and_not_replaced(tmp_path):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    before = path.read_bytes()
    os.chmod(path, 0o444)
    with pytest.raises(UserError, match="the workbook is read-only, so it was left untouched"):
        write_workbook(path, **seed_inputs(now="2026-01-01"))
    assert path.read_bytes() == before and path.stat().st_mode & 0o777 == 0o444


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symlinked_workbook_is_written_through_to_its_file_and_the_link_stays(tmp_path):
    real = tmp_path / "store" / "claims.xlsx"
    real.parent.mkdir()
    link = tmp_path / "claims.xlsx"
    link.symlink_to(real)
    write_workbook(link, **seed_inputs())
    assert link.is_symlink() and real.is_file()
    first = real.read_bytes()
    write_workbook(link, **seed_inputs(now="2026-01-01"))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != first
    assert sorted(p.name for p in real.parent.iterdir()) == ["claims.xlsx"]


def test_temporary_files_are_made_beside_the_workbook_not_in_the_system_folder(tmp_path, monkeypatch):
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    made = []
    original = saving.tempfile.mkstemp

    def watch(*a, **k):
        fd, name = original(*a, **k)
        made.append(name)
        return fd, name

    monkeypatch.setattr(saving.tempfile, "mkstemp", watch)
    path = tmp_path / "out" / "claims.xlsx"
    path.parent.mkdir()
    write_workbook(path, **seed_inputs())
    assert made and all(Path(m).parent == path.parent and Path(m).name.startswith(".claims.xlsx.") for m in made)
    assert sorted(p.name for p in path.parent.iterdir()) == ["claims.xlsx"]


def test_what_a_killed_export_left_is_removed_by_the_next_one_but_not_a_running_ones(tmp_path):
    import subprocess
    path = tmp_path / "claims.xlsx"
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True).stdout.strip()
        stale = [f".claims.xlsx.{gone}.abc123.tmp", f".claims.xlsx.{gone}.openpyxl.x1.tmp", ".claims.xlsx.k2j3.tmp"]
        live = f".claims.xlsx.{running.pid}.zz9.tmp"
        for name in stale + [live, ".other.xlsx.1.tmp"]:
            (tmp_path / name).write_text("half a workbook")
        write_workbook(path, **seed_inputs())
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".other.xlsx.1.tmp", live, "claims.xlsx"])
    finally:
        running.kill()
        running.wait()


def test_a_full_folder_while_the_sheets_are_written_is_one_user_error(tmp_path, monkeypatch):
    path = tmp_path / "claims.xlsx"
    write_workbook(path, **seed_inputs())
    before = path.read_bytes()

    def full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saving.tempfile, "mkstemp", full)
    with pytest.raises(UserError, match="No space left on device; the previous workbook is unchanged") as e:
        write_workbook(path, **seed_inputs(now="2026-01-01"))
    assert len(e.value.problems) == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.xlsx"]
