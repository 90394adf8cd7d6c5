"""Prefect flow ``ingest``: every new scan in an inbox (or the scans given to
``newsprint process``) becomes articles, and every issue whole.

Scans are known by content hash (a renamed copy is not done twice); each page
is its own task, claimed in the catalog first, so two runs at once never do
the same page and a run killed mid-batch is finished by the next one. Scans are
grouped into issues (``pipeline.issues``); as soon as the last page of an issue
in the run is done, the issue's ``issue.mets.xml`` and ``issue.pdf`` are built
(task ``build-issue``). Pages run on prefect-dask's ``DaskTaskRunner``: a
``LocalCluster`` by default, or the cluster at ``settings.dask.address``. The
flow and its workers use one Prefect server, the command's
(``flows/prefect_api.py``).
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprint.catalog import Catalog, PageStatus, claimant_id
from newsprint.core.settings import Settings, load_settings
from newsprint.flows.children import raise_if_stopping
from newsprint.flows.prefect_api import prefect_server, worker_env
from newsprint.pipeline.issues import IssueBuilt, IssueRef, find_issue, given_issue
from newsprint.pipeline.jobs import (
    PageOutcome,
    Registered,
    record_failure,
    register_scan,
    run_issue,
    run_page,
)
from newsprint.store import open_store
from prefect import flow, task
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

log = logging.getLogger(__name__)

ProgressHook = Callable[[str, Any], None]
progress_hook: ContextVar[ProgressHook | None] = ContextVar("newsprint_progress", default=None)
"""Set by the command line to hear ``("scans", n)``, ``("pages", n)``,
``("page", PageOutcome)`` and ``("issue", IssueBuilt)`` as the flow goes; None
in a served deployment."""


@dataclass
class IngestSummary:
    run: str
    inbox: str
    out: str
    scans: int = 0
    new_scans: int = 0
    known: list[str] = field(default_factory=list)
    """Scans whose content was already catalogued (maybe under another name)."""
    pages: list[PageOutcome] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    issues: list[IssueBuilt] = field(default_factory=list)
    """The issues this run touched, as built (or found up to date) at its end."""

    def count(self, status: str) -> int:
        return sum(1 for p in self.pages if p.status == status)

    @property
    def failed(self) -> int:
        return self.count("failed") + len(self.unreadable)


def _io_error(_task: Any, _run: Any, state: Any) -> bool:
    """Retry a page only when it failed on I/O (a network share, an object store)."""
    try:
        state.result()
    except OSError:
        return True
    except Exception:
        return False
    return False


@task(name="register-scan", retry_condition_fn=_io_error)
def register_task(
    uri: str, inbox: str, catalog_url: str, settings: Settings, issue: IssueRef | None = None
) -> Registered:
    catalog = Catalog.open(catalog_url, Path())
    return register_scan(catalog, open_store(inbox), uri, settings, issue)


@task(name="build-issue", retry_condition_fn=_io_error, task_run_name="issue-{key}")
def issue_task(
    key: str, out: str, catalog_url: str, settings: Settings, reason: str
) -> IssueBuilt | None:
    return run_issue(Catalog.open(catalog_url, Path(out)), key, Path(out), settings, reason)


@task(name="process-page", retry_condition_fn=_io_error, task_run_name="page-{page_id}")
def page_task(
    page_id: int, out: str, catalog_url: str, settings: Settings, run: str, retry_failed: bool
) -> PageOutcome:
    statuses = (PageStatus.PENDING, PageStatus.FAILED) if retry_failed else (PageStatus.PENDING,)
    catalog = Catalog.open(catalog_url, Path(out))
    return run_page(catalog, page_id, Path(out), settings, claimant_id(run), statuses=statuses)


@flow(name="ingest", log_prints=True)
def ingest(
    inbox: str,
    out: str,
    retry_failed: bool = False,
    settings: Settings | None = None,
    config: str | None = None,
    scans: list[str] | None = None,
    issue: str | None = None,
) -> IngestSummary:
    """Catalogue every scan in ``inbox`` (or only ``scans``, files under any folder:
    ``newsprint process``) and process each page not yet done, with ``settings``,
    or (a served deployment's run) the settings loaded from the file ``config``
    (default: ``$NEWSPRINT_CONFIG``, else ``./newsprint.toml``). Scans are grouped
    into issues by ``settings.issues``, or, with ``issue``, are that one issue's
    pages in the order given; each issue touched is built when its pages are done."""
    settings = worker_settings(settings or load_settings(config))
    run = uuid.uuid4().hex[:8]
    catalog = Catalog.open(settings.catalog.url, Path(out))
    catalog.release_dead_claims()
    summary = IngestSummary(run=run, inbox=str(inbox), out=str(out))
    uris = list(scans) if scans is not None else open_store(inbox).list_scans()
    _tell("scans", len(uris))
    retries = settings.prefect.task_retries
    delay = settings.prefect.retry_delay_seconds
    register = register_task.with_options(retries=retries, retry_delay_seconds=delay)
    todo: list[int] = []
    issue_of: dict[int, str] = {}
    for place, uri in enumerate(uris, start=1):
        ref = given_issue(issue, place) if issue else find_issue(uri, inbox, settings.issues)
        found = register(uri, str(inbox), catalog.url, settings, ref)
        summary.scans += 1
        summary.new_scans += int(found.new)
        if found.sha256 and not found.new:
            summary.known.append(uri)
        if found.error and found.new:
            summary.unreadable.append(found.error)
        todo += [p for p in found.page_ids if p not in todo]
        issue_of.update({p: found.issue for p in found.page_ids if found.issue})
    wanted = _waiting(catalog, todo, retry_failed)
    _tell("pages", len(wanted))
    log.info("ingest %s: %d scan(s), %d page(s) to process", run, len(uris), len(wanted))
    worker = page_task.with_options(retries=retries, retry_delay_seconds=delay)
    builder = issue_task.with_options(retries=retries, retry_delay_seconds=delay)
    issues = _Issues(builder, issue_of, wanted, out, catalog.url, settings)
    summary.pages = _run_pages(worker, wanted, catalog, out, settings, run, retry_failed, issues)
    summary.issues = issues.finish()
    log.info(
        "ingest %s: %d done, %d flagged, %d failed, %d skipped, %d scan(s) unreadable, %d issue(s)",
        run,
        summary.count("done"),
        summary.count("flagged"),
        summary.count("failed"),
        summary.count("skipped"),
        len(summary.unreadable),
        len(summary.issues),
    )
    return summary


def _waiting(catalog: Catalog, page_ids: list[int], retry_failed: bool) -> list[int]:
    statuses = {PageStatus.PENDING, PageStatus.RUNNING}
    if retry_failed:
        statuses.add(PageStatus.FAILED)
    return [i for i in page_ids if catalog.page(i).status in statuses]


class _Issues:
    """The issues a run touches: each is built once the run's last page of it is done
    (at the end of the run for an issue none of whose pages ran)."""

    def __init__(
        self,
        builder: Any,
        issue_of: dict[int, str],
        page_ids: list[int],
        out: str,
        catalog_url: str,
        settings: Settings,
    ) -> None:
        self.builder, self.issue_of = builder, issue_of
        self.out, self.catalog_url, self.settings = out, catalog_url, settings
        self.left: dict[str, set[int]] = {key: set() for key in issue_of.values()}
        for page_id in page_ids:
            if page_id in issue_of:
                self.left[issue_of[page_id]].add(page_id)
        self.built: dict[str, IssueBuilt] = {}

    def page_done(self, page_id: int) -> None:
        key = self.issue_of.get(page_id)
        if key is None:
            return
        self.left[key].discard(page_id)
        if not self.left[key]:
            self._build(key)

    def finish(self) -> list[IssueBuilt]:
        for key in self.left:
            if key not in self.built:
                self._build(key)
        return list(self.built.values())

    def _build(self, key: str) -> None:
        catalog = Catalog.open(self.catalog_url, Path(self.out))
        if not catalog.issue(key).settled:  # another run still has pages of it: it builds it
            return
        built = self.builder(key, self.out, self.catalog_url, self.settings, "ingest")
        if built is not None:
            self.built[key] = built
            _tell("issue", built)


def _run_pages(
    worker: Any,
    page_ids: list[int],
    catalog: Catalog,
    out: str,
    settings: Settings,
    run: str,
    retry_failed: bool,
    issues: _Issues,
) -> list[PageOutcome]:
    """Submit pages with at most ``max_concurrent_pages`` in flight at once; build an
    issue as soon as its last page in the run is done."""
    limit = max(1, settings.prefect.max_concurrent_pages)
    outcomes: list[PageOutcome] = []
    in_flight: dict[PrefectFuture, int] = {}
    pending = list(page_ids)
    while pending or in_flight:
        while pending and len(in_flight) < limit:
            page_id = pending.pop(0)
            future = worker.submit(page_id, out, catalog.url, settings, run, retry_failed)
            in_flight[future] = page_id
        done = next(as_completed(list(in_flight)))
        page_id = in_flight.pop(done)
        outcomes.append(_outcome(done, page_id, catalog))
        _tell("page", outcomes[-1])
        issues.page_done(page_id)
        raise_if_stopping()  # Ctrl-C or SIGTERM whose exception a library swallowed
    return outcomes


def _outcome(future: PrefectFuture, page_id: int, catalog: Catalog) -> PageOutcome:
    try:
        return future.result()
    except Exception as exc:  # retries spent: the page is failed, the batch goes on
        return record_failure(catalog, page_id, f"{type(exc).__name__}: {exc}")


def _tell(event: str, value: Any) -> None:
    hook = progress_hook.get()
    if hook is not None:
        hook(event, value)


def task_runner(settings: Settings) -> TaskRunner:
    """Dask (a LocalCluster, or the scheduler in the settings), or Prefect's
    thread pool when Dask is turned off."""
    if not settings.dask.enabled:
        return ThreadPoolTaskRunner(max_workers=max(1, settings.prefect.max_concurrent_pages))
    from prefect_dask import DaskTaskRunner

    if settings.dask.address:
        return DaskTaskRunner(address=settings.dask.address)
    import dask

    # Non-daemonic workers may start the child process a page runs in under
    # prefect.page_timeout_seconds (pipeline/limits.py).
    dask.config.set({"distributed.worker.daemon": False})
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={
            "n_workers": settings.dask.workers,
            "threads_per_worker": settings.dask.threads_per_worker,
            "processes": True,
            "dashboard_address": ":0",
            # The workers use this process's Prefect server: without its address
            # each would start an embedded server of its own, left running when
            # the worker is killed at the end of the run (flows/prefect_api.py).
            "env": worker_env(),
        },
    )


def worker_settings(settings: Settings) -> Settings:
    """Share the cores between local workers rather than let each take them all."""
    if settings.ocr.threads is not None or settings.dask.address or not settings.dask.enabled:
        return settings
    slots = settings.dask.workers * settings.dask.threads_per_worker
    threads = max(1, (os.cpu_count() or 1) // max(1, slots))
    return settings.model_copy(update={"ocr": settings.ocr.model_copy(update={"threads": threads})})


def run_ingest(
    inbox: Path | str,
    out: Path | str,
    settings: Settings,
    retry_failed: bool = False,
    scans: list[Path] | None = None,
    issue: str | None = None,
) -> IngestSummary:
    """Run the ``ingest`` flow once with the task runner the settings ask for, on
    the Prefect server ``prefect_server`` picks (an embedded one is stopped after).
    With ``scans`` (files), only those are catalogued and processed (``newsprint
    process``); ``inbox`` is then the folder their issue is found from."""
    Path(out).mkdir(parents=True, exist_ok=True)
    uris = None if scans is None else [str(Path(p).resolve()) for p in scans]
    with prefect_server(settings):
        configured = ingest.with_options(task_runner=task_runner(worker_settings(settings)))
        inbox_path = str(Path(inbox).resolve())
        return configured(
            inbox_path, str(Path(out).resolve()), retry_failed, settings, None, uris, issue
        )
