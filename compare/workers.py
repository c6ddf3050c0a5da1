"""Worker processes for `-j N`: a checked number of them, none outliving its parent, a time budget per article.

- `check_jobs`: from 1 to `max_jobs()` (4 per CPU): each worker holds the compiled rules and a
  window of articles, so more than that only adds memory and switching, and `-j 99999999` would
  fork without bound.
- `worker_pool`: the process pool, stopped at once when the run is left early.
- `start_worker` (run first in each worker of the pool): a worker dies with its parent. On Linux the kernel sends it
  SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG), wherever the parent's death comes from
  (SIGKILL included); elsewhere, and as a second guard, a thread checks every second that the
  parent is still the same process.
- `extract_in_time`: an article whose extraction takes longer than `ARTICLE_SECONDS` is given up:
  no claims, one unclaimed entry whose reason says so, one warning on standard error, and the
  worker goes on with the next article. The limits of compare.limits keep every article far below
  this on an ordinary machine (about 25 s for the worst text measured); the budget is the last
  guard, against a machine far slower than expected or a case nobody measured.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from compare.errors import Problem, UserError
from compare.extract import extract_article
from compare.limits import SKIPPED, warn
from compare.models import Article, Claim, Unclaimed

JOBS_PER_CPU = 4
ARTICLE_SECONDS = 120.0
_PR_SET_PDEATHSIG = 1


def max_jobs() -> int:
    return max(4, JOBS_PER_CPU * (os.cpu_count() or 1))


def check_jobs(jobs: int) -> int:
    """`jobs` if it is a number of worker processes this machine can run, else a UserError."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= max_jobs():
        raise UserError(Problem(f"-j {jobs}: give a number of processes from 1 to {max_jobs()} "
                                f"({JOBS_PER_CPU} per CPU on this machine)"))
    return jobs


def start_worker() -> None:
    """Run first in each worker process: make it die with its parent."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


@contextmanager
def worker_pool(jobs: int, initializer: Callable, initargs: tuple) -> Iterator:
    """A pool of `jobs` processes (each started by `start_worker`, then `initializer`). Left early (an
    error, the consumer stopping), it cancels what is queued and stops the workers at once, rather than
    waiting for the batches in flight."""
    from concurrent.futures import ProcessPoolExecutor
    pool = ProcessPoolExecutor(max_workers=check_jobs(jobs), initializer=_start, initargs=(initializer, initargs))
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        raise
    pool.shutdown(wait=True)


def _start(initializer: Callable, initargs: tuple) -> None:
    start_worker()
    initializer(*initargs)


class _OutOfTime(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in extraction swallows it."""


def extract_in_time(article: Article, engine, seconds: float = ARTICLE_SECONDS) -> tuple[list[Claim], list[Unclaimed]]:
    """extract_article within `seconds` (in a process's main thread, where an alarm can interrupt it).

    Python drops an exception a signal handler raises while a garbage-collector callback or a
    finalizer runs ("Exception ignored in ..."), so the alarm rings again every `RING_AGAIN`
    seconds until it gets through, and an article that ran past its budget is given up even when
    every ring was lost."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return extract_article(article, engine)
    rang = False

    def stop(signum, frame):
        nonlocal rang
        rang = True
        signal.setitimer(signal.ITIMER_REAL, RING_AGAIN)
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    result = None
    try:
        try:
            result = extract_article(article, engine)
        finally:
            _disarm()
    except _OutOfTime:
        _disarm()
    finally:
        signal.signal(signal.SIGALRM, previous)
    if result is None or rang:
        return [], [given_up(article, seconds)]
    return result


RING_AGAIN = 0.05


def _disarm() -> None:
    """Stop the alarm, even if it rings while being stopped."""
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            return
        except _OutOfTime:
            continue


def given_up(article: Article, seconds: float) -> Unclaimed:
    """The unclaimed entry of an article given up after `seconds` (and its warning)."""
    text = article.text
    reason = (f"{SKIPPED}extraction took longer than {seconds:g} s, the time one article may take in a worker "
              f"process; the article ({len(text):,} characters) was not read")
    warn(article.id, reason)
    return Unclaimed(article=article.id, text=text[:40], start=0, end=len(text[:40]), sentence=text[:200],
                     reason=reason)
