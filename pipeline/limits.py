"""A per-page time limit: a page's work runs in a child process that is killed
when it takes too long (or that died), and the caller gets a clean
``PageTimeout`` / ``PageCrashed`` while the next page runs in a fresh child.

A thread cannot be stopped while it is inside ONNX Runtime or OpenCV, so only
a process boundary makes the limit real (as Celery's hard time limit does).
Children are started with ``spawn`` (no forked copy of a process that holds
threads and database connections) and kept for later pages, so each loads the
OCR models once; a process running pages on several threads at once gets one
child per thread in flight.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import pebble
from newsprint.core.errors import NewsprintError

log = logging.getLogger(__name__)

Job = TypeVar("Job")
Result = TypeVar("Result")


class PageTimeout(NewsprintError):
    """The page's work ran longer than the per-page time limit and was stopped."""


class PageCrashed(NewsprintError):
    """The process working on the page died (a crash inside a native library)."""


class PageRunner:
    """One child process that runs one page's work at a time: pebble's process pool
    of one, which stops the child when a page runs past its time limit (or finds it
    dead) and starts a fresh one for the next page."""

    def __init__(self) -> None:
        self._pool: pebble.ProcessPool | None = None

    def run(self, work: Callable[[Job], Result], job: Job, seconds: float, what: str) -> Result:
        """``work(job)`` in the child (``work`` must be importable by name)."""
        future = self._child().schedule(work, args=(job,), timeout=seconds)
        try:
            return future.result()
        except TimeoutError:
            raise PageTimeout(
                f"{what}: stopped after the {seconds:g} s per-page time limit"
            ) from None
        except pebble.ProcessExpired:
            raise PageCrashed(f"{what}: the process working on the page died") from None

    def stop(self) -> None:
        """Stop the child (SIGTERM, then SIGKILL after a few seconds)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()
            pool.join()

    def _child(self) -> pebble.ProcessPool:
        if self._pool is None:
            self._pool = pebble.ProcessPool(
                max_workers=1,
                initializer=_exit_with_parent,
                context=multiprocessing.get_context("spawn"),
            )
        return self._pool


def _exit_with_parent() -> None:
    """In the child: exit as soon as the parent is gone (killed), so no orphan
    goes on writing a page that the next run has already taken back."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


PARENT_POLL_SECONDS = 0.5
_IDLE: list[PageRunner] = []
_IDLE_LOCK = threading.Lock()


def run_limited(
    work: Callable[[Job], Result], job: Job, seconds: float | None, what: str
) -> Result:
    """``work(job)`` stopped after ``seconds``; in this process when ``seconds`` is
    None or 0, or when this process may not start children (a daemonic worker)."""
    if not seconds:
        return work(job)
    if multiprocessing.current_process().daemon:
        log.warning("%s: daemonic worker process, per-page time limit not applied", what)
        return work(job)
    runner = _borrow()
    try:
        return runner.run(work, job, seconds, what)
    finally:
        _give_back(runner)


def stop_children() -> None:
    """Stop every idle child (tests; a process about to exit)."""
    with _IDLE_LOCK:
        runners, _IDLE[:] = list(_IDLE), []
    for runner in runners:
        runner.stop()


def _borrow() -> PageRunner:
    with _IDLE_LOCK:
        return _IDLE.pop() if _IDLE else PageRunner()


def _give_back(runner: PageRunner) -> None:
    with _IDLE_LOCK:
        _IDLE.append(runner)
