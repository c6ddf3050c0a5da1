"""Where extraction runs: in this process, in a pool of local processes (`-j N`), or on Dask.

Articles go out in batches, results come back in article order, and at most a few batches per
worker are in flight, so memory holds a window of articles, never the corpus. Each worker gets
the compiled rules once (a pool initializer; a Dask broadcast), not with every batch.
"""
from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

from compare.extract import extract_article
from compare.models import Article, Claim, Unclaimed
from compare.workers import extract_in_time, worker_pool

BATCH = 16  # articles per task: enough to make the cost of shipping a task small
WINDOW = 4  # batches in flight per worker

Extracted = tuple[list[Claim], list[Unclaimed]]
_ENGINE = None  # a pool worker's compiled rules, set once by its initializer


def extract_batch(batch: list[Article], engine) -> list[Extracted]:
    """Claims and unclaimed numbers of each article of a batch (what a worker runs)."""
    return [extract_article(a, engine) for a in batch]


def _set_engine(engine) -> None:
    global _ENGINE
    _ENGINE = engine


def _extract_in_worker(batch: list[Article]) -> list[Extracted]:
    return [extract_in_time(a, _ENGINE) for a in batch]  # each article within its time budget


def batches(items: Iterable[Article], size: int = BATCH) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def in_order(submit: Callable[[list[Article]], object], articles: Iterable[Article],
             window: int) -> Iterator[tuple[Article, Extracted]]:
    """Each article with its result, in order; `submit(batch)` returns a future (`.result()`)."""
    pending: deque = deque()
    for batch in batches(articles):
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            batch, future = pending.popleft()
            yield from zip(batch, future.result())
    while pending:
        batch, future = pending.popleft()
        yield from zip(batch, future.result())


def local(articles: Iterable[Article], engine, jobs: int) -> Iterator[tuple[Article, Extracted]]:
    """In this process (jobs 1) or in `jobs` worker processes."""
    if jobs <= 1:
        for a in articles:
            yield a, extract_article(a, engine)
        return
    with worker_pool(jobs, _set_engine, (engine,)) as pool:
        yield from in_order(lambda batch: pool.submit(_extract_in_worker, batch), articles, WINDOW * jobs)


def dask(articles: Iterable[Article], engine, jobs: int,
         scheduler: Optional[str] = None) -> Iterator[tuple[Article, Extracted]]:
    """On a Dask cluster: the scheduler at `scheduler`, else a LocalCluster of `jobs` worker processes."""
    from compare.dask_engine import client_for
    with client_for(scheduler, jobs) as client:
        shipped = client.scatter(engine, broadcast=True)
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        yield from in_order(lambda batch: client.submit(extract_batch, batch, shipped, pure=False), articles,
                            WINDOW * workers)
