"""`claim-compare vocab check`: the shipped vocabulary is clean; a broken copy gives located errors and exit 1."""
import shutil
from pathlib import Path

from compare.cli import main
from compare.lang import LANG_DIR


def test_the_shipped_vocabulary_is_clean(capsys):
    assert main(["vocab", "check"]) == 0
    assert "vocabulary OK" in capsys.readouterr().out


def test_a_broken_copy_is_reported_at_its_line(tmp_path: Path, capsys):
    shutil.copytree(LANG_DIR / "en", tmp_path / "en")
    scales = tmp_path / "en" / "scales.yaml"
    lines = scales.read_text(encoding="utf-8").count("\n")
    scales.write_text(scales.read_text(encoding="utf-8") + "broken: [\n", encoding="utf-8")
    (tmp_path / "en" / "stray.yaml").write_text("a: 1\n", encoding="utf-8")
    assert main(["vocab", "check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"scales.yaml:{lines + 2}:1: error: not valid YAML" in out
    assert "stray.yaml" in out and "nothing reads it" in out


def test_a_missing_folder_is_one_line(capsys):
    assert main(["vocab", "check", "/no/such/folder"]) == 1
    assert capsys.readouterr().out.count("\n") == 1
