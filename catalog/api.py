"""``Catalog``: every scan, page and output version, in SQLite or PostgreSQL.

All methods open their own short transaction and return plain pydantic
records (``ScanInfo``, ``PageInfo``, ``VersionInfo``), never live ORM
objects, so callers (flows, the CLI, a web page) hold no session.

Claiming a page is one conditional ``UPDATE`` (``... WHERE status IN (...)``):
the database serialises two runs that race for the same page, and exactly one
of them sees its row updated.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import socket
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from newsprint.catalog.migrate import upgrade_schema
from newsprint.catalog.models import (
    Base,
    Issue,
    IssuePage,
    Page,
    PageStatus,
    Scan,
    ScanSource,
    Version,
    utcnow,
)
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, and_, case, create_engine, event, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.sqlite"
DEFAULT_LEASE_SECONDS = 1800
SQLITE_BUSY_SECONDS = 60.0
"""How long one SQLite statement waits for another process's lock."""
SETTLED = (PageStatus.DONE, PageStatus.FLAGGED, PageStatus.REVIEWED)
RESERVED_STEMS = frozenset({"issues", "logs"})
"""Folders of the output root that are not pages' (``issues/``, ``logs/``)."""


class CatalogError(Exception):
    """A catalog request cannot be met (unknown page, page busy, ...)."""


class PageNotFound(CatalogError):
    def __init__(self, ref: int | str) -> None:
        super().__init__(f"no page {ref!r} in the catalog")


class ScanInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    sha256: str
    uri: str
    size: int | None = None
    page_count: int | None = None
    error: str | None = None
    first_seen: datetime


class PageInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    scan_id: int
    page_index: int
    stem: str
    status: PageStatus
    error: str | None = None
    attempts: int = 0
    claimed_by: str | None = None
    lease_expires: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    seconds: float | None = None
    timings: dict[str, Any] = Field(default_factory=dict)
    current_version: int | None = None
    overrides: dict[str, Any] = Field(default_factory=dict)
    flags: list[Any] = Field(default_factory=list)
    severity: float = 0.0
    language: str | None = None
    articles: int | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    review_note: str | None = None
    updated_at: datetime
    sha256: str = ""
    source: str = ""
    """The scan's first known location."""


class VersionInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: int
    created_at: datetime
    pipeline_version: str
    settings: dict[str, Any] = Field(default_factory=dict)
    overrides: dict[str, Any] = Field(default_factory=dict)
    flags: list[Any] = Field(default_factory=list)
    severity: float = 0.0
    timings: dict[str, Any] = Field(default_factory=dict)
    seconds: float | None = None
    language: str | None = None
    articles: int | None = None
    reason: str | None = None
    current: bool = False


class IssueInfo(BaseModel):
    """An issue: a newspaper title's pages of one date, in order."""

    id: int
    key: str
    """The issue's folder under ``<out>/issues/``."""
    title: str
    date: dt.date | None = None
    current_version: int | None = None
    built_at: datetime | None = None
    error: str | None = None
    pages: list[str] = Field(default_factory=list)
    """The pages' stems (output folder names), in issue order."""
    statuses: list[PageStatus] = Field(default_factory=list)
    """Each page's status, in the same order."""

    @property
    def label(self) -> str:
        return f"{self.title} {self.date.isoformat()}" if self.date else self.title

    @property
    def settled(self) -> bool:
        """No page of the issue is waiting or being processed."""
        return not any(s in (PageStatus.PENDING, PageStatus.RUNNING) for s in self.statuses)


class NewVersion(BaseModel):
    """What a finished run reports; ``Catalog.finish_page`` records it."""

    number: int
    pipeline_version: str
    settings: dict[str, Any] = Field(default_factory=dict)
    overrides: dict[str, Any] = Field(default_factory=dict)
    flags: list[dict[str, Any]] = Field(default_factory=list)
    timings: dict[str, Any] = Field(default_factory=dict)
    seconds: float | None = None
    language: str | None = None
    articles: int | None = None
    reason: str = "ingest"

    @property
    def severity(self) -> float:
        return max((float(f.get("severity", 0.5)) for f in self.flags), default=0.0)


def default_url(out_root: Path) -> str:
    """SQLite file under the output root."""
    return f"sqlite:///{(Path(out_root) / CATALOG_FILE).resolve()}"


def claimant_id(run: str = "") -> str:
    """``host:pid:run``: who holds a claim, so a dead holder can be recognised."""
    return f"{socket.gethostname()}:{os.getpid()}:{run}"


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Catalog:
    """The catalog at ``url`` (``sqlite:///…`` or ``postgresql+psycopg://…``)."""

    retry_delays: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 16.0)
    """Seconds to wait before each retry of a call the database refused (locked,
    unreachable); SQLite also waits ``SQLITE_BUSY_SECONDS`` for a lock each try."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.engine = _make_engine(url)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        if create:
            upgrade_schema(self.engine)  # creates a new catalog, migrates an old one

    @classmethod
    def open(cls, url: str | None, out_root: Path) -> Catalog:
        """The catalog named by ``url``, or the SQLite file under ``out_root``."""
        if url is None:
            Path(out_root).mkdir(parents=True, exist_ok=True)
        return connect(url or default_url(out_root))

    def dispose(self) -> None:
        self.engine.dispose()

    # ---- scans -------------------------------------------------------------------------

    def register_scan(
        self, sha256: str, uri: str, size: int | None = None
    ) -> tuple[ScanInfo, bool]:
        """Record a scan seen at ``uri``; returns it and whether its content is new.

        A scan already known by its hash (a renamed or re-uploaded copy) only
        gains ``uri`` as another source. Two runs registering the same content at
        once: the database lets one insert it, the other finds it.
        """
        with self._session.begin() as s:
            new = _insert_if_absent(s, Scan, ["sha256"], sha256=sha256, uri=uri, size=size)
            scan = s.scalars(select(Scan).where(Scan.sha256 == sha256)).one()
            _insert_if_absent(s, ScanSource, ["scan_id", "uri"], scan_id=scan.id, uri=uri)
            return ScanInfo.model_validate(scan), new

    def scan(self, sha256: str) -> ScanInfo | None:
        with self._session() as s:
            scan = s.scalar(select(Scan).where(Scan.sha256 == sha256))
            return ScanInfo.model_validate(scan) if scan else None

    def sources(self, scan_id: int) -> list[str]:
        """Every location the scan was seen at, oldest first."""
        with self._session() as s:
            rows = s.scalars(
                select(ScanSource.uri).where(ScanSource.scan_id == scan_id).order_by(ScanSource.id)
            )
            return list(rows)

    def add_pages(self, scan_id: int, page_count: int, base_stem: str) -> list[PageInfo]:
        """Give the scan its pages (pending), once; later calls return the existing ones."""
        for _ in range(5):
            try:
                with self._session.begin() as s:
                    scan = s.get_one(Scan, scan_id)
                    if not scan.pages:
                        scan.page_count = page_count
                        for index in range(page_count):
                            stem = base_stem if page_count == 1 else f"{base_stem}-p{index + 1}"
                            s.add(Page(scan_id=scan_id, page_index=index, stem=_free_stem(s, stem)))
                        s.flush()
                return self.pages_of(scan_id)
            except IntegrityError:
                continue  # a concurrent run took the same stem or added the pages
        raise CatalogError(f"could not add pages to scan {scan_id}")

    def fail_scan(self, scan_id: int, error: str, base_stem: str) -> PageInfo:
        """A scan that cannot be opened: its one page is ``failed`` with the reason."""
        with self._session.begin() as s:
            scan = s.get_one(Scan, scan_id)
            scan.error = error
            if not scan.pages:
                scan.pages.append(
                    Page(page_index=0, stem=_free_stem(s, base_stem), status=PageStatus.PENDING)
                )
            for page in scan.pages:
                if page.status in (PageStatus.PENDING, PageStatus.RUNNING):
                    page.status, page.error, page.claimed_by = PageStatus.FAILED, error, None
                    page.finished_at = utcnow()
        return self.pages_of(scan_id)[0]

    def pages_of(self, scan_id: int) -> list[PageInfo]:
        with self._session() as s:
            rows = s.scalars(_page_query().where(Page.scan_id == scan_id).order_by(Page.page_index))
            return [_page_info(p) for p in rows]

    # ---- pages -------------------------------------------------------------------------

    def page(self, ref: int | str) -> PageInfo:
        """A page by id, or by its output folder name (stem)."""
        with self._session() as s:
            return _page_info(_find_page(s, ref))

    def list_pages(
        self,
        status: PageStatus | str | Iterable[PageStatus | str] | None = None,
        *,
        search: str | None = None,
        order: str = "id",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PageInfo]:
        """Pages filtered by status(es) and a substring of the stem; ``order`` is
        ``id``, ``severity`` (worst first), ``updated`` (newest first) or ``stem``."""
        query = _page_query()
        if status is not None:
            wanted = [status] if isinstance(status, str) else list(status)
            query = query.where(Page.status.in_([str(w) for w in wanted]))
        if search:
            query = query.where(Page.stem.contains(search, autoescape=True))
        query = query.order_by(*_ORDERS[order]).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._session() as s:
            return [_page_info(p) for p in s.scalars(query)]

    def review_queue(self, limit: int | None = None) -> list[PageInfo]:
        """Flagged pages, worst first (highest flag severity, then most flags)."""
        return self.list_pages(PageStatus.FLAGGED, order="severity", limit=limit)

    def counts(self) -> dict[str, int]:
        """Pages per status (every status present, zero when none)."""
        with self._session() as s:
            rows = s.execute(select(Page.status, func.count()).group_by(Page.status)).all()
        found = {str(status): n for status, n in rows}
        return {status.value: found.get(status.value, 0) for status in PageStatus}

    def claim_page(
        self,
        page_id: int,
        claimant: str,
        *,
        statuses: Iterable[PageStatus] = (PageStatus.PENDING,),
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
    ) -> bool:
        """Mark the page ``running`` for ``claimant`` if it is in one of ``statuses``
        (or running under an expired lease, or already claimed by ``claimant``).

        One conditional UPDATE: of two runs claiming the same page at once,
        exactly one gets True.
        """
        now = utcnow()
        claimable = or_(
            Page.status.in_([str(st) for st in statuses]),
            and_(
                Page.status == PageStatus.RUNNING,
                or_(Page.lease_expires < now, Page.claimed_by == claimant),
            ),
        )
        stmt = (
            update(Page)
            .where(Page.id == page_id, claimable)
            .values(
                prior_status=case(
                    (Page.status == PageStatus.RUNNING, Page.prior_status), else_=Page.status
                ),
                status=PageStatus.RUNNING,
                claimed_by=claimant,
                lease_expires=now + timedelta(seconds=lease_seconds),
                started_at=now,
                attempts=Page.attempts + 1,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        with self._session.begin() as s:
            return s.execute(stmt).rowcount == 1

    def release_dead_claims(
        self, host: str | None = None, alive: Callable[[int], bool] = pid_alive
    ) -> list[str]:
        """Give back claims held by processes on ``host`` (this one by default) that
        no longer exist: a killed run's pages become claimable again at once,
        without waiting for their lease. Returns the stems released."""
        host = host or socket.gethostname()
        released = []
        with self._session.begin() as s:
            for page in s.scalars(select(Page).where(Page.status == PageStatus.RUNNING)):
                holder_host, pid = _holder(page.claimed_by)
                if holder_host == host and pid is not None and not alive(pid):
                    _settle(page, page.prior_status or PageStatus.PENDING)
                    released.append(page.stem)
        if released:
            log.info("released %d page(s) claimed by dead processes: %s", len(released), released)
        return released

    def finish_page(self, page_id: int, claimant: str | None, version: NewVersion) -> PageInfo:
        """Record a finished run: the new version becomes current; the page is
        ``flagged`` when the version has flags, else ``done``."""
        with self._session.begin() as s:
            page = _claimed(s, page_id, claimant)
            s.add(
                Version(
                    page_id=page.id,
                    number=version.number,
                    pipeline_version=version.pipeline_version,
                    settings=version.settings,
                    overrides=version.overrides,
                    flags=version.flags,
                    severity=version.severity,
                    timings=version.timings,
                    seconds=version.seconds,
                    language=version.language,
                    articles=version.articles,
                    reason=version.reason,
                )
            )
            page.current_version = version.number
            page.overrides = version.overrides
            _show_version(page, version.flags, version.severity, version.language, version.articles)
            page.timings, page.seconds, page.error = version.timings, version.seconds, None
            page.status = PageStatus.FLAGGED if version.flags else PageStatus.DONE
            page.claimed_by = page.lease_expires = page.prior_status = None
            page.finished_at = utcnow()
        return self.page(page_id)

    def fail_page(
        self, page_id: int, claimant: str | None, error: str, seconds: float | None = None
    ) -> PageInfo:
        """Record a failed run. A page that has a current version keeps it (and
        the status it had); the error text says what went wrong."""
        with self._session.begin() as s:
            page = _claimed(s, page_id, claimant)
            keep = page.current_version is not None and page.prior_status in SETTLED
            _settle(page, page.prior_status if keep else PageStatus.FAILED)
            page.error, page.seconds, page.finished_at = error, seconds, utcnow()
        return self.page(page_id)

    def release_page(self, page_id: int, claimant: str) -> None:
        """Give a claim back unchanged (a run that stops before working on the page)."""
        with self._session.begin() as s:
            page = _claimed(s, page_id, claimant)
            _settle(page, page.prior_status or PageStatus.PENDING)

    def set_overrides(self, ref: int | str, overrides: dict[str, Any]) -> PageInfo:
        """Store the archivist's overrides for the page's next run."""
        with self._session.begin() as s:
            page = _find_page(s, ref)
            page.overrides = overrides
            page_id = page.id
        return self.page(page_id)

    def mark_reviewed(self, ref: int | str, reviewer: str, note: str | None = None) -> PageInfo:
        """An archivist accepts the page's current version."""
        with self._session.begin() as s:
            page = _find_page(s, ref)
            if page.current_version is None:
                raise CatalogError(f"page {page.stem} has no output to review")
            if page.status == PageStatus.RUNNING:
                raise CatalogError(f"page {page.stem} is being processed")
            page.status = PageStatus.REVIEWED
            page.reviewed_by, page.reviewed_at, page.review_note = reviewer, utcnow(), note
            page_id = page.id
        return self.page(page_id)

    # ---- versions ----------------------------------------------------------------------

    def versions(self, ref: int | str) -> list[VersionInfo]:
        """Every recorded version of the page, oldest first."""
        with self._session() as s:
            page = _find_page(s, ref)
            return [_version_info(v, page.current_version) for v in page.versions]

    def version(self, ref: int | str, number: int) -> VersionInfo:
        for info in self.versions(ref):
            if info.number == number:
                return info
        raise CatalogError(f"page {ref!r} has no version {number}")

    def last_version_number(self, ref: int | str) -> int:
        with self._session() as s:
            page = _find_page(s, ref)
            return max((v.number for v in page.versions), default=0)

    def restore_version(self, ref: int | str, number: int) -> PageInfo:
        """Make an earlier version current again (in the catalog; the files are
        swapped by ``versions.make_current``). The page's standing overrides
        become that version's."""
        with self._session.begin() as s:
            page = _find_page(s, ref)
            if page.status == PageStatus.RUNNING:
                raise CatalogError(f"page {page.stem} is being processed; restore it later")
            chosen = next((v for v in page.versions if v.number == number), None)
            if chosen is None:
                raise CatalogError(f"page {page.stem} has no version {number}")
            page.current_version = number
            page.overrides = chosen.overrides
            page.timings, page.seconds = chosen.timings, chosen.seconds
            _show_version(page, chosen.flags, chosen.severity, chosen.language, chosen.articles)
            page.status = PageStatus.FLAGGED if chosen.flags else PageStatus.DONE
            page_id = page.id
        return self.page(page_id)

    # ---- issues ------------------------------------------------------------------------

    def add_to_issue(
        self, key: str, title: str, when: dt.date | None, pages: list[tuple[int, str]]
    ) -> IssueInfo:
        """Put pages (``(page id, order key)``) into the issue ``key``, made if new.

        A page already in an issue stays where it is (a scan seen again under
        another name keeps its issue); two runs adding the same issue at once:
        the database lets one insert it, the other finds it."""
        with self._session.begin() as s:
            _insert_if_absent(s, Issue, ["key"], key=key, title=title, date=when)
            issue_id = s.scalars(select(Issue.id).where(Issue.key == key)).one()
            for page_id, order_key in pages:
                _insert_if_absent(
                    s, IssuePage, ["page_id"], issue_id=issue_id, page_id=page_id,
                    order_key=order_key,
                )  # fmt: skip
        return self.issue(issue_id)

    def issue(self, ref: int | str) -> IssueInfo:
        """An issue by id or by key (``<title>/<yyyy-mm-dd>``)."""
        with self._session() as s:
            return _issue_info(s, _find_issue(s, ref))

    def issue_of(self, page_ref: int | str) -> IssueInfo | None:
        """The issue the page belongs to, if any."""
        with self._session() as s:
            page = _find_page(s, page_ref)
            issue_id = s.scalar(select(IssuePage.issue_id).where(IssuePage.page_id == page.id))
            return None if issue_id is None else _issue_info(s, s.get_one(Issue, issue_id))

    def list_issues(self) -> list[IssueInfo]:
        """Every issue, by title then date."""
        with self._session() as s:
            issues = s.scalars(select(Issue).order_by(Issue.title, Issue.date, Issue.id))
            return [_issue_info(s, issue) for issue in issues]

    def issue_pages(self, ref: int | str) -> list[PageInfo]:
        """The issue's pages in order (order key, then the page's place in its scan)."""
        with self._session() as s:
            issue = _find_issue(s, ref)
            return [_page_info(p) for p in s.scalars(_issue_page_query(issue.id))]

    def record_issue_version(self, ref: int | str, number: int) -> IssueInfo:
        """The issue's files were built as version ``number``, now current."""
        with self._session.begin() as s:
            issue = _find_issue(s, ref)
            issue.current_version, issue.built_at, issue.error = number, utcnow(), None
            issue_id = issue.id
        return self.issue(issue_id)

    def fail_issue(self, ref: int | str, error: str) -> IssueInfo:
        """Building the issue's files failed; the current version (if any) stays."""
        with self._session.begin() as s:
            issue = _find_issue(s, ref)
            issue.error = error
            issue_id = issue.id
        return self.issue(issue_id)


RETRIED = (
    "register_scan", "scan", "sources", "add_pages", "fail_scan", "pages_of", "page",
    "list_pages", "review_queue", "counts", "claim_page", "release_dead_claims",
    "finish_page", "fail_page", "release_page", "set_overrides", "mark_reviewed",
    "versions", "version", "last_version_number", "restore_version",
    "add_to_issue", "issue", "issue_of", "list_issues", "issue_pages",
    "record_issue_version", "fail_issue",
)  # fmt: skip
"""Catalog methods retried when the database is locked or unreachable."""


class CatalogUnavailable(CatalogError):
    """The database stayed locked or unreachable through every retry."""


def _retrying(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``method`` again after ``Catalog.retry_delays`` while the database is
    locked or unreachable (each try is a whole transaction, rolled back on error),
    then raise ``CatalogUnavailable`` naming the database and the last error."""

    @functools.wraps(method)
    def retried(self: Catalog, *args: Any, **kwargs: Any) -> Any:
        for delay in [*self.retry_delays, None]:
            try:
                return method(self, *args, **kwargs)
            except OperationalError as exc:
                reason = " ".join(str(exc.orig or exc).split())
                if delay is None:
                    where = self.engine.url.render_as_string(hide_password=True)
                    tries = len(self.retry_delays) + 1
                    raise CatalogUnavailable(
                        f"catalog {where} unavailable after {tries} tries: {reason}"
                    ) from exc
                log.warning("catalog: %s; retrying %s in %.1f s", reason, method.__name__, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")

    return retried


for _name in RETRIED:
    setattr(Catalog, _name, _retrying(getattr(Catalog, _name)))


@functools.lru_cache(maxsize=8)
def connect(url: str) -> Catalog:
    """One ``Catalog`` (and connection pool) per URL and process."""
    return Catalog(url)


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # Several processes (Dask workers, two runs) write one file: WAL lets
        # readers go on during a write, and writers wait instead of failing.
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_SECONDS * 1000)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


_ORDERS = {
    "id": (Page.id,),
    "stem": (Page.stem,),
    "updated": (Page.updated_at.desc(), Page.id),
    "severity": (Page.severity.desc(), func.json_array_length(Page.flags).desc(), Page.id),
}


def _page_query() -> Any:
    return select(Page).options(selectinload(Page.scan))


def _page_info(page: Page) -> PageInfo:
    info = PageInfo.model_validate(page)
    return info.model_copy(update={"sha256": page.scan.sha256, "source": page.scan.uri})


def _version_info(version: Version, current: int | None) -> VersionInfo:
    return VersionInfo.model_validate(version).model_copy(
        update={"current": version.number == current}
    )


def _find_page(s: Session, ref: int | str) -> Page:
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        page = s.get(Page, int(ref))
        if page is not None:
            return page
    page = s.scalar(select(Page).where(Page.stem == str(ref)))
    if page is None:
        raise PageNotFound(ref)
    return page


def _find_issue(s: Session, ref: int | str) -> Issue:
    issue = None
    if isinstance(ref, int) or ref.isdigit():
        issue = s.get(Issue, int(ref))
    issue = issue or s.scalar(select(Issue).where(Issue.key == str(ref)))
    if issue is None:
        raise CatalogError(f"no issue {ref!r} in the catalog")
    return issue


def _issue_page_query(issue_id: int) -> Any:
    return (
        _page_query()
        .join(IssuePage, IssuePage.page_id == Page.id)
        .where(IssuePage.issue_id == issue_id)
        .order_by(IssuePage.order_key, Page.page_index, Page.id)
    )


def _issue_info(s: Session, issue: Issue) -> IssueInfo:
    pages = list(s.scalars(_issue_page_query(issue.id)))
    return IssueInfo(
        id=issue.id,
        key=issue.key,
        title=issue.title,
        date=issue.date,
        current_version=issue.current_version,
        built_at=issue.built_at,
        error=issue.error,
        pages=[p.stem for p in pages],
        statuses=[PageStatus(p.status) for p in pages],
    )


def _claimed(s: Session, page_id: int, claimant: str | None) -> Page:
    page = s.get_one(Page, page_id)
    if claimant is not None and page.claimed_by != claimant:
        raise CatalogError(f"page {page.stem} is not claimed by {claimant} (but {page.claimed_by})")
    return page


def _settle(page: Page, status: str) -> None:
    page.status = status
    page.claimed_by = page.lease_expires = page.prior_status = None


def _show_version(
    page: Page, flags: list[Any], severity: float, language: str | None, articles: int | None
) -> None:
    page.flags, page.severity, page.language, page.articles = flags, severity, language, articles


def _holder(claimed_by: str | None) -> tuple[str | None, int | None]:
    parts = (claimed_by or "").split(":")
    if len(parts) < 2 or not parts[1].isdigit():
        return None, None
    return parts[0], int(parts[1])


_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def _insert_if_absent(s: Session, model: type[Base], unique: list[str], **values: Any) -> bool:
    """``INSERT ... ON CONFLICT (unique) DO NOTHING``: whether the row was new."""
    insert = _INSERTS[s.get_bind().dialect.name](model).values(**values)
    new_id = s.scalar(insert.on_conflict_do_nothing(index_elements=unique).returning(model.id))
    return new_id is not None


def _free_stem(s: Session, stem: str) -> str:
    """``stem``, or ``stem-2``, ``stem-3``… when another page has the folder."""
    taken = set(s.scalars(select(Page.stem).where(Page.stem.startswith(stem, autoescape=True))))
    taken |= RESERVED_STEMS
    name, n = stem, 2
    while name in taken:
        name, n = f"{stem}-{n}", n + 1
    return name
