"""The default rules ship inside the package from the repository's one rules/ folder; init copies them out."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from compare.cli import main
from compare.defaults import default_rules_dir, init_rules, rules_paths
from compare.errors import UserError

ROOT = Path(__file__).resolve().parents[1]


def test_outside_a_folder_with_rules_the_shipped_ones_are_used(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert default_rules_dir().resolve() == (ROOT / "rules").resolve()
    assert rules_paths() == [str(default_rules_dir())] and rules_paths(["x"]) == ["x"]
    (tmp_path / "a.txt").write_text("OpenAI has raised $6.6 billion at a $157 billion valuation.", encoding="utf-8")
    assert main(["extract", "a.txt"]) == 0
    assert capsys.readouterr().out.count("\n") == 2


def test_init_copies_the_rules_and_never_overwrites(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    names = sorted(p.name for p in (tmp_path / "rules").iterdir())
    assert names == sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert (tmp_path / "rules" / "entities.yaml").read_bytes() == (ROOT / "rules" / "entities.yaml").read_bytes()
    assert rules_paths() == ["rules"]
    (tmp_path / "rules" / "entities.yaml").write_text("# mine\n", encoding="utf-8")
    with pytest.raises(UserError) as e:
        init_rules("rules")
    assert len(e.value.problems) == len(names) and "never overwrites" in str(e.value)
    assert (tmp_path / "rules" / "entities.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert main(["init"]) == 1


@pytest.mark.slow
def test_a_wheel_has_every_package_and_the_rules_and_exports_from_any_folder(tmp_path):
    """Build the wheel as pip would, install it apart, and export from an empty folder with it."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"), str(ROOT)],
                   check=True, timeout=600)
    [wheel] = (tmp_path / "dist").glob("claim_compare-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    packages = {str(p.parent.relative_to(ROOT)) + "/__init__.py" for p in (ROOT / "compare").rglob("__init__.py")}
    assert packages <= names
    assert {f"compare/default_rules/{p.name}" for p in (ROOT / "rules").glob("*.yaml")} <= names
    assert "compare/lang/fr/numbers.yaml" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, timeout=300)
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text("OpenAI has raised $6.6 billion at a $157 billion valuation.", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-m", "compare", "export", "a.txt", "-o", "out.xlsx", "-q"], cwd=work,
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "2 claims" in done.stdout and (work / "out.xlsx").exists()
    where = subprocess.run([sys.executable, "-c", "from compare.defaults import default_rules_dir as d; print(d())"],
                           cwd=work, capture_output=True, text=True, env=env, check=True).stdout.strip()
    assert where == str(target / "compare" / "default_rules")
