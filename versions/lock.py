"""One lock per page for everything that changes which version is current.

A restore takes it, checks in the catalog that the page is not being
processed, swaps the files and records the change; a run (ingest or
reprocess) takes it to claim the page. So a restore never swaps files under a
run that has claimed the page, and a run never claims a page halfway through
a restore. The lock files live in ``<out>/.locks/`` (never in a page's folder,
which exists only once a version is written).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from newsprint.versions.files import VersionError

LOCKS = ".locks"
PAGE_LOCK_SECONDS = 30.0
"""How long to wait for another restore or claim of the same page (each takes
well under a second)."""


class PageBusyError(VersionError):
    """Another restore or run held the page's lock for too long."""


def page_lock_path(out_root: Path, stem: str) -> Path:
    return Path(out_root) / LOCKS / f"{stem}.lock"


@contextmanager
def page_lock(out_root: Path, stem: str, timeout: float | None = None) -> Iterator[None]:
    """Hold page ``stem``'s lock (an OS file lock, so it holds across processes
    on this machine and is let go if the holder dies); wait at most ``timeout``
    seconds (``PAGE_LOCK_SECONDS``), then raise ``PageBusyError``."""
    timeout = PAGE_LOCK_SECONDS if timeout is None else timeout
    path = page_lock_path(out_root, stem)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise PageBusyError(
            f"page {stem} is locked by another restore or run (waited {timeout:g} s); try again"
        ) from None
    try:
        yield
    finally:
        lock.release()
