"""Reprocess runs started from the review page, one at a time, in a background thread.

Each run calls the Prefect ``reprocess`` flow exactly as ``newsprint reprocess``
does; the page polls the job's state. One worker thread: a reprocess loads
the OCR models and takes the machine's cores, so two would only slow each other.
"""

from __future__ import annotations

import itertools
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsprint.core.settings import Settings
from newsprint.flows.prefect_api import prefect_server, stop_embedded_server
from newsprint.pipeline.overrides import Overrides

log = logging.getLogger(__name__)


@dataclass
class Job:
    id: int
    stem: str
    by: str
    overrides: dict[str, Any]
    state: str = "queued"
    """``queued``, ``running``, ``done``, ``flagged`` or ``failed``."""
    version: int | None = None
    error: str | None = None
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    seconds: float | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("done", "flagged", "failed")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "page": self.stem,
            "state": self.state,
            "version": self.version,
            "error": self.error,
            "seconds": self.seconds,
            "overrides": self.overrides,
        }


class ReprocessJobs:
    """Queue reprocess runs of pages under ``out_root``; remember their outcome."""

    def __init__(self, out_root: Path, settings: Settings) -> None:
        self.out_root = Path(out_root).resolve()
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reprocess")
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def submit(self, stem: str, overrides: Overrides, by: str) -> Job:
        with self._lock:
            busy = self.active(stem)
            if busy is not None:
                return busy
            job = Job(next(self._ids), stem, by, overrides.as_dict())
            self._jobs[job.id] = job
        self._pool.submit(self._run, job, overrides)
        return job

    def get(self, job_id: int) -> Job | None:
        return self._jobs.get(job_id)

    def active(self, stem: str) -> Job | None:
        """The queued or running job of the page, if any."""
        return next((j for j in self._jobs.values() if j.stem == stem and not j.finished), None)

    def latest(self, stem: str) -> Job | None:
        jobs = [j for j in self._jobs.values() if j.stem == stem]
        return max(jobs, key=lambda j: j.id) if jobs else None

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        stop_embedded_server()

    def _run(self, job: Job, overrides: Overrides) -> None:
        from newsprint.flows.reprocess import reprocess

        job.state = "running"
        try:
            # An embedded Prefect server is kept for the next run (stopped at shutdown).
            with prefect_server(self.settings, keep_server=True):
                outcome = reprocess(job.stem, str(self.out_root), overrides, job.by, self.settings)
        except Exception as exc:  # the page view reports it; the server goes on
            log.exception("reprocess of %s failed", job.stem)
            job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"
            return
        job.state, job.version = outcome.status, outcome.version
        job.error, job.seconds = outcome.error, outcome.seconds
