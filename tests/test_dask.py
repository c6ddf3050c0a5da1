"""--engine dask: extraction on a Dask LocalCluster gives the claims in article order and the same workbook bytes."""
import io
from pathlib import Path

import pytest

from compare.pipeline import export, write_claims

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
RULES = [str(ROOT / "rules")]
CORPUS = [str(ROOT / "tests" / "data" / "corpus14"), str(ROOT / "seeds")]


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def test_dask_export_is_byte_identical_to_the_single_process_one(tmp_path, scheduler, monkeypatch):
    monkeypatch.setattr("compare.engines.BATCH", 3)  # several batches in flight, out of order on the cluster
    one, on_dask = tmp_path / "one.xlsx", tmp_path / "dask.xlsx"
    summary = export(CORPUS, RULES, str(one), now="2025-06-01")
    export(CORPUS, RULES, str(on_dask), now="2025-06-01", engine="dask", scheduler=scheduler)
    assert "15 articles" in summary
    assert on_dask.read_bytes() == one.read_bytes()


def test_dask_claims_come_in_article_order(scheduler, monkeypatch):
    monkeypatch.setattr("compare.engines.BATCH", 2)
    local, remote = io.StringIO(), io.StringIO()
    n = write_claims(CORPUS, RULES, local)
    assert write_claims(CORPUS, RULES, remote, engine="dask", scheduler=scheduler) == n > 20
    assert remote.getvalue() == local.getvalue()


@pytest.mark.slow
def test_cli_dask_engine_starts_its_own_local_cluster(tmp_path, capsys):
    from compare.cli import main
    out = tmp_path / "cli.xlsx"
    assert main(["export", *CORPUS[:1], "--rules", RULES[0], "-o", str(out), "--now", "2025-06-01",
                 "--engine", "dask", "-j", "1", "-q"]) == 0
    assert "14 articles, 28 claims" in capsys.readouterr().out
    one = tmp_path / "one.xlsx"
    export(CORPUS[:1], RULES, str(one), now="2025-06-01")
    assert out.read_bytes() == one.read_bytes()
