"""Catalogued work on one scan or page, with no Prefect in it.

The Prefect flows (``flows/ingest.py``, ``flows/reprocess.py``) wrap these
functions in tasks; anything else (a web page, a test) can call them as they
are. A page is claimed in the catalog before any work, written as a new
output version, made current, and only then recorded as finished.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import subprocess
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from newsprint.catalog import Catalog, CatalogError, NewVersion, PageInfo, PageStatus
from newsprint.core.errors import NewsprintError, PageDecodeError, ScanError
from newsprint.core.page import NewspaperPage
from newsprint.core.settings import Settings
from newsprint.exports.page_json import read_page_json
from newsprint.ocr.engine import load_engine
from newsprint.pipeline.issues import (
    IssueBuilt,
    IssueRef,
    add_scan_to_issue,
    build_issue,
    issue_folder,
    scan_stem,
)
from newsprint.pipeline.limits import run_limited
from newsprint.pipeline.overrides import OverrideError, Overrides
from newsprint.pipeline.run import process_page
from newsprint.scans import inspect_scan, load_scan_page
from newsprint.store import ScanStore, open_store
from newsprint.versions import (
    PageBusyError,
    VersionError,
    current_version,
    make_current,
    page_lock,
    read_manifest,
    version_dir,
    versions_on_disk,
    write_version,
)

log = logging.getLogger(__name__)

OUTCOME = {"page_outcome": True}
"""``extra`` of a record that reports a page's (or issue's) outcome, which the command
line prints itself: its console leaves these to it (``flows.logs``)."""

NOT_RUNNING = (
    PageStatus.PENDING,
    PageStatus.DONE,
    PageStatus.FAILED,
    PageStatus.FLAGGED,
    PageStatus.REVIEWED,
)
"""A reprocess may start from any status but ``running``."""
RUN_SETTINGS_EXCLUDED = {"catalog", "schedule", "prefect", "dask", "web"}
"""Setting groups that do not change a page's result (and may hold secrets)."""


@dataclass
class PageOutcome:
    page_id: int
    stem: str
    status: str
    """``done``, ``flagged``, ``failed`` or ``skipped`` (claimed by another run)."""
    error: str | None = None
    seconds: float = 0.0
    version: int | None = None
    articles: int = 0
    flags: list[str] = field(default_factory=list)
    issue: IssueBuilt | None = None
    """The page's issue as built again after it (reprocess), if it has one."""


@dataclass
class Registered:
    uri: str
    sha256: str | None = None
    new: bool = False
    """First time this content was seen (a renamed copy is not new)."""
    page_ids: list[int] = field(default_factory=list)
    error: str | None = None
    issue: str | None = None
    """The key of the issue its pages belong to, if any."""


def register_scan(
    catalog: Catalog,
    store: ScanStore,
    uri: str,
    settings: Settings,
    issue: IssueRef | None = None,
) -> Registered:
    """Record the scan at ``uri`` by its content hash; give a new scan its pages,
    and put them into ``issue`` (``pipeline.issues.find_issue``) when one is given.

    An unreadable scan becomes one failed page with the reason. OSError from
    the store propagates so that the caller may retry.
    """
    base = scan_stem(uri, issue)
    try:
        digest, size = store.sha256(uri), store.size(uri)
    except ScanError as exc:
        return _with_issue(catalog, _unreadable(catalog, uri, base, str(exc)), issue)
    scan, new = catalog.register_scan(digest, uri, size)
    if scan.page_count is None and scan.error is None and not catalog.pages_of(scan.id):
        try:
            with store.local_path(uri) as path:
                count = inspect_scan(path, settings.scan).page_count
        except ScanError as exc:
            log.warning("%s", exc, extra=OUTCOME)
            catalog.fail_scan(scan.id, str(exc), base)
        else:
            catalog.add_pages(scan.id, count, base)
    pages = catalog.pages_of(scan.id)
    found = Registered(uri, digest, new, [p.id for p in pages], pages[0].error if pages else None)
    return _with_issue(catalog, found, issue)


def _with_issue(catalog: Catalog, found: Registered, issue: IssueRef | None) -> Registered:
    """The scan's pages put into ``issue`` (a page already in an issue stays there)."""
    if issue is None or not found.page_ids:
        return found
    pages = [catalog.page(i) for i in found.page_ids]
    found.issue = add_scan_to_issue(catalog, issue, pages).key
    return found


def unreadable_key(uri: str) -> str:
    """Catalog key of a scan whose bytes cannot be read (no content hash): the
    hash of its location, so a later run finds the same failed page."""
    return hashlib.sha256(f"unreadable:{uri}".encode()).hexdigest()


def _unreadable(catalog: Catalog, uri: str, base: str, error: str) -> Registered:
    # Recorded as one failed page so that an archivist sees it in `newsprint status`;
    # once readable again the file gets its real content hash and is processed.
    log.warning("%s", error, extra=OUTCOME)
    scan, new = catalog.register_scan(unreadable_key(uri), uri, None)
    if not catalog.pages_of(scan.id):
        catalog.fail_scan(scan.id, error, base)
    return Registered(uri, None, new, [p.id for p in catalog.pages_of(scan.id)], error)


def run_page(
    catalog: Catalog,
    page_id: int,
    out_root: Path,
    settings: Settings,
    claimant: str,
    *,
    statuses: Iterable[PageStatus] = (PageStatus.PENDING,),
    overrides: Overrides | None = None,
    reason: str = "ingest",
    work: Callable[[PageJob], PageWritten] | None = None,
) -> PageOutcome:
    """Claim the page, run the pipeline with its standing overrides (updated by
    ``overrides``), write a new version and make it current.

    Bad input, a failing stage or a page over ``prefect.page_timeout_seconds``
    (its work runs in a child process that is then killed) is recorded as the
    page's error and returned; OSError propagates (the caller's retry), leaving
    the claim to the same claimant. ``work`` replaces ``work_on_page`` (tests).
    """
    work = work or work_on_page
    info = catalog.page(page_id)
    lease = settings.catalog.lease_seconds
    try:
        with page_lock(out_root, info.stem):  # never claimed halfway through a restore
            claimed = catalog.claim_page(page_id, claimant, statuses=statuses, lease_seconds=lease)
    except PageBusyError as exc:
        return PageOutcome(page_id, info.stem, "skipped", error=str(exc))
    if not claimed:
        return PageOutcome(page_id, info.stem, "skipped", error=f"{info.stem}: {info.status}")
    start = time.perf_counter()
    wanted = Overrides.model_validate(info.overrides)
    if overrides is not None:
        wanted = wanted.updated(overrides)
    job = PageJob(catalog.url, page_id, str(out_root), settings, wanted, reason)
    what = f"{info.source}: page {info.page_index + 1}"
    try:
        written = run_limited(work, job, settings.prefect.page_timeout_seconds, what)
    except OSError:
        raise
    except (NewsprintError, OverrideError) as exc:
        return _failed(catalog, info, claimant, str(exc), start)
    except Exception as exc:  # one broken page must never stop the batch
        log.exception("%s: page %d failed", info.source, info.page_index + 1, extra=OUTCOME)
        return _failed(catalog, info, claimant, f"{type(exc).__name__}: {exc}", start)
    number, page = written.number, written
    seconds = round(time.perf_counter() - start, 3)
    done = catalog.finish_page(
        page_id,
        claimant,
        NewVersion(
            number=number,
            pipeline_version=pipeline_version(),
            settings=run_settings(settings),
            overrides=wanted.as_dict(),
            flags=page.flags,
            timings=page.timings,
            seconds=seconds,
            language=page.language,
            articles=page.articles,
            reason=reason,
        ),
    )
    log.info("%s -> %s/v%d: %s, %.1fs", info.source, info.stem, number, done.status, seconds)
    return PageOutcome(
        page_id,
        info.stem,
        done.status.value,
        seconds=seconds,
        version=number,
        articles=page.articles,
        flags=[f["code"] for f in page.flags],
    )


@dataclass
class PageJob:
    """What a child process needs to work on one claimed page."""

    catalog_url: str
    page_id: int
    out_root: str
    settings: Settings
    overrides: Overrides
    reason: str


@dataclass
class PageWritten:
    """A page's new version, as the catalog records it."""

    number: int
    flags: list[dict[str, Any]]
    timings: dict[str, float]
    language: str | None
    articles: int


def work_on_page(job: PageJob) -> PageWritten:
    """Load the claimed page, run the pipeline, write a new version and make it
    current (the part of ``run_page`` that runs under the time limit)."""
    catalog = Catalog.open(job.catalog_url, Path(job.out_root))
    info = catalog.page(job.page_id)
    finished = _unrecorded_version(catalog, info, job)
    if finished is not None:
        return finished
    page = load_catalogued_page(catalog, info, job.settings)
    page = process_page(page, job.settings, load_engine(job.settings.ocr), job.overrides)
    out_root = Path(job.out_root)
    number = _write(catalog, info, page, out_root, job.settings, job.overrides, job.reason)
    return _written(number, page)


def _unrecorded_version(catalog: Catalog, info: PageInfo, job: PageJob) -> PageWritten | None:
    """A complete version on disk that a killed run wrote from the same scan,
    settings, overrides and pipeline but did not live to record: made current
    and returned as this run's result, so the page is not done twice."""
    folder = Path(job.out_root) / info.stem
    wanted = {
        "sha256": info.sha256,
        "page_index": info.page_index,
        "pipeline_version": pipeline_version(),
        "overrides": job.overrides.as_dict(),
        "settings": run_settings(job.settings),
    }
    known = catalog.last_version_number(info.id)
    for number in reversed(versions_on_disk(folder)):
        if number <= known:
            break
        manifest = read_manifest(folder, number)
        if all(manifest.get(key) == value for key, value in wanted.items()):
            log.info("%s: adopting v%d, written by a run that was stopped", info.stem, number)
            make_current(folder, number)
            return _written(number, read_page_json(version_dir(folder, number) / "page.json"))
    return None


def _written(number: int, page: NewspaperPage) -> PageWritten:
    return PageWritten(
        number=number,
        flags=[f.model_dump(mode="json") for f in page.flags],
        timings=page.timings,
        language=page.language,
        articles=len(page.articles),
    )


def record_failure(catalog: Catalog, page_id: int, error: str) -> PageOutcome:
    """A page task that failed for good (retries spent): record it, whoever held it."""
    info = catalog.page(page_id)
    if info.status != PageStatus.RUNNING:
        return PageOutcome(page_id, info.stem, info.status.value, error=info.error)
    failed = catalog.fail_page(page_id, None, error)
    return PageOutcome(page_id, info.stem, failed.status.value, error=error)


def load_catalogued_page(catalog: Catalog, info: PageInfo, settings: Settings) -> NewspaperPage:
    """The page's image, from the first known location that still holds the same
    bytes; only this page of a multi-page scan is decoded."""
    tried = []
    for uri in catalog.sources(info.scan_id):
        store = open_store(Path(uri).parent)
        try:
            with store.local_path(uri) as path:
                return load_scan_page(path, settings.scan, info.page_index, sha256=info.sha256)
        except PageDecodeError:
            raise  # the catalogued bytes themselves: no other copy reads better
        except ScanError as exc:  # not there, not readable, or other bytes now
            tried.append(str(exc))
    raise ScanError(info.source, "scan not found at any known location: " + "; ".join(tried))


def restore(
    catalog: Catalog,
    out_root: Path,
    ref: int | str,
    number: int,
    settings: Settings | None = None,
) -> PageInfo:
    """Make version ``number`` current again: its files under ``<stem>/`` and in the catalog.

    Under the page's lock (the one a run takes to claim the page): first the
    catalog is asked whether the page is being processed, then the files are
    swapped, then the catalog records it. A page being processed is refused
    with ``CatalogError`` and its files are not touched. With ``settings``, the
    page's issue (if it has one) is built again over the restored version
    (``rebuild_issue_of``)."""
    info = _restore(catalog, out_root, ref, number)
    if settings is not None:
        rebuild_issue_of(catalog, info.id, out_root, settings, f"restore {info.stem} v{number}")
    return info


def rebuild_issue_of(
    catalog: Catalog, ref: int | str, out_root: Path, settings: Settings, reason: str
) -> IssueBuilt | None:
    """Build the issue of page ``ref`` again (a new version of its METS and PDF) when
    the page has one and none of its pages is waiting or running (``run_issue``)."""
    issue = catalog.issue_of(ref)
    if issue is None or not issue.settled:
        return None
    return run_issue(catalog, issue.key, out_root, settings, reason)


def run_issue(
    catalog: Catalog, key: str, out_root: Path, settings: Settings, reason: str
) -> IssueBuilt | None:
    """``build_issue``, with a failure recorded on the issue, logged and returned
    (``IssueBuilt.error``), never raised: the pages' own work is done and kept."""
    try:
        return build_issue(catalog, key, Path(out_root), settings, reason)
    except (OSError, NewsprintError, CatalogError) as exc:
        log.warning("issue %s: %s", key, exc, extra=OUTCOME)
        info = catalog.fail_issue(key, str(exc))
        folder = issue_folder(Path(out_root), key)
        return IssueBuilt(key, info.label, info.current_version, folder, error=str(exc))


def _restore(catalog: Catalog, out_root: Path, ref: int | str, number: int) -> PageInfo:
    stem = catalog.page(ref).stem
    folder = Path(out_root) / stem
    with page_lock(out_root, stem):
        catalog.release_dead_claims()
        info = catalog.page(ref)
        if info.status == PageStatus.RUNNING:
            raise CatalogError(f"page {info.stem} is being processed; restore it later")
        catalog.version(info.id, number)  # raises when the catalog does not know it
        previous = current_version(folder)
        make_current(folder, number)
        try:
            return catalog.restore_version(info.id, number)
        except Exception:
            # The catalog still names the old version: put its files back.
            if previous is not None and previous != number:
                with contextlib.suppress(OSError, VersionError):
                    make_current(folder, previous)
            raise


def _write(
    catalog: Catalog,
    info: PageInfo,
    page: NewspaperPage,
    out_root: Path,
    settings: Settings,
    overrides: Overrides,
    reason: str,
) -> int:
    folder = out_root / info.stem
    manifest: dict[str, Any] = {
        "stem": info.stem,
        "source": info.source,
        "sha256": info.sha256,
        "page_index": info.page_index,
        "pipeline_version": pipeline_version(),
        "reason": reason,
        "overrides": overrides.as_dict(),
        "settings": run_settings(settings),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    previous = current_version(folder)
    number = write_version(
        page, folder, settings.output, manifest, at_least=catalog.last_version_number(info.id) + 1
    )
    try:
        make_current(folder, number)
    except OSError:
        # e.g. the disk filled up: the switch is one rename, but the links
        # around it may be half made; point everything back at the version the
        # catalog still names (best effort).
        if previous is not None:
            with contextlib.suppress(OSError):
                make_current(folder, previous)
        raise
    return number


def _failed(
    catalog: Catalog, info: PageInfo, claimant: str, error: str, start: float
) -> PageOutcome:
    seconds = round(time.perf_counter() - start, 3)
    log.warning("%s: %s", info.stem, error, extra=OUTCOME)
    catalog.fail_page(info.id, claimant, error, seconds)
    return PageOutcome(info.id, info.stem, "failed", error=error, seconds=seconds)


def run_settings(settings: Settings) -> dict[str, Any]:
    """The settings that shape a page's result, as recorded with each version."""
    return settings.model_dump(mode="json", exclude=RUN_SETTINGS_EXCLUDED)


@functools.cache
def pipeline_version() -> str:
    """``newsprint <package version>`` plus the git commit when run from a checkout."""
    try:
        version = metadata.version("newsprint")
    except metadata.PackageNotFoundError:
        version = "unknown"
    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"newsprint {version}" + (f" ({commit})" if commit else "")
