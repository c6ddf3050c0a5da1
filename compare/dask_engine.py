"""A Dask client for `--engine dask`: a scheduler given by address, or a LocalCluster on this machine.

dask[distributed] is an optional dependency (`pip install 'claim-compare[dask]'`); without it the
option is a UserError that says how to install it.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator, Optional

from compare.errors import Problem, UserError


@contextmanager
def client_for(scheduler: Optional[str], jobs: int) -> Iterator:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UserError(Problem("--engine dask needs Dask: pip install 'claim-compare[dask]'"))
    for name in ("distributed", "bokeh", "tornado"):
        logging.getLogger(name).setLevel(logging.ERROR)  # its startup and shutdown chatter is not for analysts
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as e:
            raise UserError(Problem(f"cannot reach the Dask scheduler at {scheduler}: {e}"))
        with client:
            yield client
        return
    with LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster:  # any free port: never a warning that 8787 is taken
        with Client(cluster) as client:
            yield client
