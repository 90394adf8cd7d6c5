"""The catalog's schema is under Alembic: a new catalog is made by the migrations,
and a catalog made by the release before migrations is upgraded on open with its
data kept. SQLite, and PostgreSQL where ``NEWSPRINT_TEST_POSTGRES_URL`` is set."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from newsprint.catalog import Catalog, NewVersion, PageStatus
from newsprint.catalog.migrate import head_revision, schema_revision
from newsprint.catalog.models import Base
from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    insert,
    inspect,
)

PG_URL = os.environ.get("NEWSPRINT_TEST_POSTGRES_URL")

# The tables as newsprint 0.1.0 (before migrations) created them with create_all:
# a frozen copy, never to be changed with the models.
OLD = MetaData()
OLD_SCANS = Table(
    "scans",
    OLD,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("uri", Text, nullable=False),
    Column("size", Integer),
    Column("page_count", Integer),
    Column("error", Text),
    Column("first_seen", DateTime(), nullable=False),
)
OLD_SOURCES = Table(
    "scan_sources",
    OLD,
    Column("id", Integer, primary_key=True),
    Column(
        "scan_id", Integer, ForeignKey("scans.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("uri", Text, nullable=False),
    Column("seen_at", DateTime(), nullable=False),
    UniqueConstraint("scan_id", "uri"),
)
OLD_PAGES = Table(
    "pages",
    OLD,
    Column("id", Integer, primary_key=True),
    Column(
        "scan_id", Integer, ForeignKey("scans.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("page_index", Integer, nullable=False),
    Column("stem", String(200), nullable=False, unique=True),
    Column("status", String(16), nullable=False, index=True),
    Column("error", Text),
    Column("attempts", Integer, nullable=False),
    Column("prior_status", String(16)),
    Column("claimed_by", String(200)),
    Column("lease_expires", DateTime()),
    Column("started_at", DateTime()),
    Column("finished_at", DateTime()),
    Column("seconds", Float),
    Column("timings", JSON, nullable=False),
    Column("current_version", Integer),
    Column("overrides", JSON, nullable=False),
    Column("flags", JSON, nullable=False),
    Column("severity", Float, nullable=False),
    Column("language", String(16)),
    Column("articles", Integer),
    Column("reviewed_by", String(200)),
    Column("reviewed_at", DateTime()),
    Column("review_note", Text),
    Column("updated_at", DateTime(), nullable=False),
    UniqueConstraint("scan_id", "page_index"),
)
OLD_VERSIONS = Table(
    "versions",
    OLD,
    Column("id", Integer, primary_key=True),
    Column(
        "page_id", Integer, ForeignKey("pages.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("number", Integer, nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("pipeline_version", String(100), nullable=False),
    Column("settings", JSON, nullable=False),
    Column("overrides", JSON, nullable=False),
    Column("flags", JSON, nullable=False),
    Column("severity", Float, nullable=False),
    Column("timings", JSON, nullable=False),
    Column("seconds", Float),
    Column("language", String(16)),
    Column("articles", Integer),
    Column("reason", Text),
    UniqueConstraint("page_id", "number"),
)

WHEN = datetime(2026, 11, 27, 9, 30)
FLAG = {"code": "unusual_skew", "message": "skew of 4.10° is unusually large", "severity": 0.3}


def _drop_everything(url: str) -> None:
    engine = create_engine(url)
    # Other catalog tests share the server and leave tables of the newest
    # revision (issues, issue_pages) that point at pages: drop what is there.
    with engine.begin() as connection:
        present = MetaData()
        present.reflect(connection)
        present.drop_all(connection)
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'catalog.sqlite'}"
        return
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set NEWSPRINT_TEST_POSTGRES_URL (.ci/run does)")
    _drop_everything(PG_URL)
    yield PG_URL
    _drop_everything(PG_URL)


def _old_catalog(url: str) -> None:
    """A catalog as the previous release left it: one scan seen under two names,
    a page with two versions (the second current, reviewed, with overrides and a
    flag) and a failed page."""
    engine = create_engine(url)
    with engine.begin() as db:
        OLD.create_all(db)
        db.execute(
            insert(OLD_SCANS),
            [
                {"id": 1, "sha256": "ab" * 32, "uri": "/inbox/front.tif", "size": 1234,
                 "page_count": 2, "first_seen": WHEN},
            ],
        )  # fmt: skip
        db.execute(
            insert(OLD_SOURCES),
            [
                {"scan_id": 1, "uri": "/inbox/front.tif", "seen_at": WHEN},
                {"scan_id": 1, "uri": "/inbox/renamed.tif", "seen_at": WHEN},
            ],
        )
        page = {
            "scan_id": 1, "attempts": 2, "timings": {"ocr": 11.5}, "overrides": {},
            "flags": [], "severity": 0.0, "updated_at": WHEN,
        }  # fmt: skip
        pages = [
            {**page, "id": 1, "page_index": 0, "stem": "front-p1", "status": "reviewed",
             "current_version": 2, "overrides": {"skew": 0.4, "columns": 6},
             "flags": [FLAG], "severity": 0.3, "language": "en", "articles": 5,
             "reviewed_by": "ada", "reviewed_at": WHEN, "review_note": "headline checked"},
            {**page, "id": 2, "page_index": 1, "stem": "front-p2", "status": "failed",
             "error": "/inbox/front.tif: page 2 of 2: truncated TIFF data"},
        ]  # fmt: skip
        for row in pages:  # one at a time: the rows have different columns
            db.execute(insert(OLD_PAGES), row)
        version = {
            "page_id": 1, "created_at": WHEN, "pipeline_version": "newsprint 0.1.0 (0b4eaf2)",
            "settings": {"language": "auto"}, "timings": {"ocr": 11.5}, "seconds": 15.1,
            "language": "en", "articles": 5,
        }  # fmt: skip
        versions = [
            {**version, "number": 1, "overrides": {}, "flags": [], "severity": 0.0,
             "reason": "ingest"},
            {**version, "number": 2, "overrides": {"skew": 0.4, "columns": 6},
             "flags": [FLAG], "severity": 0.3, "reason": "reprocess by ada"},
        ]  # fmt: skip
        db.execute(insert(OLD_VERSIONS), versions)
    engine.dispose()


def _schema_differences(catalog: Catalog) -> list:
    with catalog.engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


def test_a_catalog_from_the_release_before_migrations_is_upgraded_with_its_data(url) -> None:
    _old_catalog(url)
    catalog = Catalog(url)
    try:
        with catalog.engine.connect() as connection:
            assert schema_revision(connection) == head_revision()
        assert _schema_differences(catalog) == []

        front = catalog.page("front-p1")
        assert front.status == PageStatus.REVIEWED and front.current_version == 2
        assert front.overrides == {"skew": 0.4, "columns": 6} and front.flags == [FLAG]
        assert (front.reviewed_by, front.review_note) == ("ada", "headline checked")
        assert front.sha256 == "ab" * 32 and front.timings == {"ocr": 11.5}
        assert [(v.number, v.reason) for v in catalog.versions("front-p1")] == [
            (1, "ingest"),
            (2, "reprocess by ada"),
        ]
        assert catalog.version("front-p1", 2).created_at == WHEN
        assert catalog.sources(front.scan_id) == ["/inbox/front.tif", "/inbox/renamed.tif"]
        failed = catalog.page("front-p2")
        assert failed.status == PageStatus.FAILED and "truncated" in failed.error

        # And it goes on working: the failed page is run again and recorded.
        assert catalog.claim_page(failed.id, "test", statuses=(PageStatus.FAILED,))
        done = catalog.finish_page(failed.id, "test", NewVersion(number=1, pipeline_version="t"))
        assert done.status == PageStatus.DONE and done.current_version == 1
    finally:
        catalog.dispose()
    # Opening it again finds it up to date and changes nothing.
    again = Catalog(url)
    assert again.page("front-p1").current_version == 2
    again.dispose()


def test_a_new_catalog_is_made_by_the_migrations_and_matches_the_models(url) -> None:
    catalog = Catalog(url)
    try:
        with catalog.engine.connect() as connection:
            assert schema_revision(connection) == head_revision()
            tables = set(inspect(connection).get_table_names())
        assert tables == {*Base.metadata.tables, "alembic_version"}
        assert _schema_differences(catalog) == []
    finally:
        catalog.dispose()


def test_processes_opening_one_new_catalog_at_once_all_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'catalog.sqlite'}"
    code = "import sys; from newsprint.catalog import Catalog; Catalog(sys.argv[1]).counts()"
    children = [
        subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    catalog = Catalog(url)
    with catalog.engine.connect() as connection:
        assert schema_revision(connection) == head_revision()
    catalog.dispose()


def test_a_catalog_at_the_first_revision_gains_issues_with_its_data_kept(url) -> None:
    """0001 -> 0002: the issue tables are added, the scans, pages and versions kept."""
    import datetime as dt

    from alembic import command
    from newsprint.catalog.migrate import alembic_config

    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    engine.dispose()
    _old_catalog(url)  # the tables are there (create_all leaves them): only the rows go in
    catalog = Catalog(url)
    try:
        with catalog.engine.connect() as connection:
            assert schema_revision(connection) == head_revision() == "0002"
            assert {"issues", "issue_pages"} <= set(inspect(connection).get_table_names())
        assert _schema_differences(catalog) == []
        front = catalog.page("front-p1")
        assert front.current_version == 2 and front.review_note == "headline checked"
        assert catalog.issue_of("front-p1") is None and catalog.list_issues() == []
        issue = catalog.add_to_issue(
            "Front/1926-11-26", "Front", dt.date(1926, 11, 26), [(2, "b"), (1, "a")]
        )
        assert issue.pages == ["front-p1", "front-p2"]
        assert issue.statuses == [PageStatus.REVIEWED, PageStatus.FAILED] and issue.settled
    finally:
        catalog.dispose()
