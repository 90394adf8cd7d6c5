"""The catalog's tables (SQLAlchemy 2 declarative models).

A *scan* is one file, known by the SHA-256 of its bytes; every name it was seen
under is a *source*. A scan has one *page* per image in it (a multi-page TIFF or
PDF has several); the page is the unit of work, with a status, a claim (who is
processing it, until when) and a pointer to its current output *version*. A
version records what produced it: pipeline version, settings and overrides.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Naive UTC: stored and compared the same way by SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


class PageStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    FLAGGED = "flagged"
    """Done, but the page carries flags that ask for an archivist's look."""
    REVIEWED = "reviewed"
    """An archivist looked at the page and accepted its current version."""


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Scan(Base):
    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    uri: Mapped[str] = mapped_column(Text)
    """Where the scan was first seen (a path or an object-store key)."""
    size: Mapped[int | None] = mapped_column(Integer)
    page_count: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    """Why the scan could not be opened at all (then its one page is failed too)."""
    first_seen: Mapped[datetime] = mapped_column(DateTime(), default=utcnow)

    pages: Mapped[list[Page]] = relationship(back_populates="scan", order_by="Page.page_index")
    sources: Mapped[list[ScanSource]] = relationship(back_populates="scan")


class ScanSource(Base):
    __tablename__ = "scan_sources"
    __table_args__ = (UniqueConstraint("scan_id", "uri"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"), index=True)
    uri: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(DateTime(), default=utcnow)

    scan: Mapped[Scan] = relationship(back_populates="sources")


class Page(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("scan_id", "page_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"), index=True)
    page_index: Mapped[int] = mapped_column(Integer, default=0)
    stem: Mapped[str] = mapped_column(String(200), unique=True)
    """The page's output folder under the output root."""
    status: Mapped[str] = mapped_column(String(16), default=PageStatus.PENDING, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    prior_status: Mapped[str | None] = mapped_column(String(16))
    """The status before the current claim, given back when a reprocess fails."""
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    """``host:pid:run`` of the process working on the page while it is running."""
    lease_expires: Mapped[datetime | None] = mapped_column(DateTime())
    started_at: Mapped[datetime | None] = mapped_column(DateTime())
    finished_at: Mapped[datetime | None] = mapped_column(DateTime())
    seconds: Mapped[float | None] = mapped_column(Float)
    timings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    current_version: Mapped[int | None] = mapped_column(Integer)
    overrides: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """The archivist's standing overrides; every later run of the page applies them."""
    flags: Mapped[list[Any]] = mapped_column(default=list)
    severity: Mapped[float] = mapped_column(Float, default=0.0)
    """Worst flag severity of the current version (0 when none): review order."""
    language: Mapped[str | None] = mapped_column(String(16))
    articles: Mapped[int | None] = mapped_column(Integer)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime())
    review_note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(), default=utcnow, onupdate=utcnow)

    scan: Mapped[Scan] = relationship(back_populates="pages")
    versions: Mapped[list[Version]] = relationship(back_populates="page", order_by="Version.number")


class Version(Base):
    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("page_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(), default=utcnow)
    pipeline_version: Mapped[str] = mapped_column(String(100))
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    overrides: Mapped[dict[str, Any]] = mapped_column(default=dict)
    flags: Mapped[list[Any]] = mapped_column(default=list)
    severity: Mapped[float] = mapped_column(Float, default=0.0)
    timings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    seconds: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(16))
    articles: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    """Why this version was made: ``ingest``, ``reprocess`` (with who), ``restore``."""

    page: Mapped[Page] = relationship(back_populates="versions")


class Issue(Base):
    __tablename__ = "issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    """The issue's folder under ``<out>/issues/``: ``<title>/<yyyy-mm-dd>`` (or ``<title>``)."""
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date | None] = mapped_column(Date())
    current_version: Mapped[int | None] = mapped_column(Integer)
    """The version of ``issue.mets.xml`` and ``issue.pdf`` that is current (None: none built)."""
    built_at: Mapped[datetime | None] = mapped_column(DateTime())
    error: Mapped[str | None] = mapped_column(Text)
    """Why the last build of the issue's files failed (None after a good one)."""
    created_at: Mapped[datetime] = mapped_column(DateTime(), default=utcnow)

    pages: Mapped[list[IssuePage]] = relationship(
        back_populates="issue", order_by="IssuePage.order_key"
    )


class IssuePage(Base):
    __tablename__ = "issue_pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="CASCADE"), index=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), unique=True)
    """A page belongs to one issue at most."""
    order_key: Mapped[str] = mapped_column(String(200))
    """Sorts the issue's pages in order (the page number from the file name, padded)."""

    issue: Mapped[Issue] = relationship(back_populates="pages")
    page: Mapped[Page] = relationship()
