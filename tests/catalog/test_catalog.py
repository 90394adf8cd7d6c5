"""The catalog against SQLite and, where a server is configured, PostgreSQL.

``.ci/run`` starts a PostgreSQL server (``scripts/postgres.sh``) and sets
``NEWSPRINT_TEST_POSTGRES_URL``; without it the PostgreSQL cases are skipped.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from newsprint.catalog import (
    Catalog,
    CatalogError,
    NewVersion,
    PageNotFound,
    PageStatus,
    claimant_id,
)
from newsprint.catalog.models import Base, Page, utcnow
from sqlalchemy import update

PG_URL = os.environ.get("NEWSPRINT_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def catalog_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalog.sqlite'}"
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set NEWSPRINT_TEST_POSTGRES_URL (.ci/run does)")
    fresh = Catalog(PG_URL, create=False)
    Base.metadata.drop_all(fresh.engine)
    with fresh.engine.begin() as connection:  # so that the migrations make it anew
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    fresh.dispose()
    return PG_URL


@pytest.fixture
def cat(catalog_url: str):
    catalog = Catalog(catalog_url)
    yield catalog
    catalog.dispose()


def _scan(cat: Catalog, name: str, pages: int = 1, digest: str | None = None):
    info, _ = cat.register_scan(digest or (name.encode().hex() * 64)[:64], f"/inbox/{name}", 100)
    return info, cat.add_pages(info.id, pages, Path(name).stem)


def _version(number: int, flags: list[dict] | None = None, **extra) -> NewVersion:
    return NewVersion(
        number=number,
        pipeline_version="newsprint 0.1.0",
        settings={"language": "auto"},
        flags=flags or [],
        timings={"ocr": 1.5},
        seconds=2.0,
        language="en",
        articles=3,
        **extra,
    )


def test_a_renamed_copy_is_the_same_scan(cat: Catalog) -> None:
    first, new = cat.register_scan("a" * 64, "/inbox/page.png", 10)
    again, new_again = cat.register_scan("a" * 64, "/inbox/renamed.png", 10)
    assert new and not new_again
    assert again.id == first.id
    assert cat.sources(first.id) == ["/inbox/page.png", "/inbox/renamed.png"]
    assert cat.scan("a" * 64).uri == "/inbox/page.png"
    assert cat.scan("b" * 64) is None


def test_runs_registering_the_same_scans_at_once_agree(cat: Catalog) -> None:
    """Four runs register the same contents at once, each from the same inbox and a
    folder of its own: each content is new to exactly one run; every path is a source."""
    digests = [f"{n:064x}" for n in range(20)]
    barrier = threading.Barrier(4, timeout=60)

    def register(run: int) -> list[tuple[int, bool]]:
        barrier.wait()
        seen = []
        for digest in digests:
            for path in (f"/inbox/{digest}.png", f"/run{run}/{digest}.png"):
                info, new = cat.register_scan(digest, path, 5)
                seen.append((info.id, new))
        return seen

    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(register, range(4)))
    for i, digest in enumerate(digests):
        found = [entry for run in runs for entry in run[2 * i : 2 * i + 2]]
        ids = {scan_id for scan_id, _ in found}
        assert len(ids) == 1 and sum(new for _, new in found) == 1
        expected = [f"/inbox/{digest}.png", *(f"/run{r}/{digest}.png" for r in range(4))]
        assert sorted(cat.sources(ids.pop())) == expected


def test_pages_get_unique_output_folders(cat: Catalog) -> None:
    _, tiff = _scan(cat, "issue.tif", pages=2)
    _, one = _scan(cat, "front.png")
    _, clash = _scan(cat, "front.jpg")
    assert [p.stem for p in tiff] == ["issue-p1", "issue-p2"]
    assert (one[0].stem, clash[0].stem) == ("front", "front-2")
    # Adding pages again (a second run) changes nothing.
    assert [p.id for p in cat.add_pages(tiff[0].scan_id, 2, "issue")] == [p.id for p in tiff]
    assert cat.page("front-2").id == clash[0].id
    assert cat.page(str(one[0].id)).stem == "front"
    with pytest.raises(PageNotFound):
        cat.page("nothing")


def test_a_page_is_claimed_once(cat: Catalog) -> None:
    _, (page,) = _scan(cat, "a.png")
    assert cat.claim_page(page.id, "host:1:run-a")
    assert not cat.claim_page(page.id, "host:2:run-b")
    # The holder may claim again (a retried task); the status stays running.
    assert cat.claim_page(page.id, "host:1:run-a")
    info = cat.page(page.id)
    assert info.status == PageStatus.RUNNING and info.claimed_by == "host:1:run-a"
    assert info.attempts == 2


def test_an_expired_lease_can_be_taken_over(cat: Catalog) -> None:
    _, (page,) = _scan(cat, "a.png")
    assert cat.claim_page(page.id, "host:1:a", lease_seconds=60)
    assert not cat.claim_page(page.id, "host:2:b")
    with cat.engine.begin() as conn:
        conn.execute(update(Page).values(lease_expires=utcnow() - timedelta(seconds=1)))
    assert cat.claim_page(page.id, "host:2:b")


def test_claims_of_dead_processes_are_released(cat: Catalog) -> None:
    _, (a, b) = _scan(cat, "two.tif", pages=2)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(dead.stdout)
    host = claimant_id().split(":")[0]
    assert cat.claim_page(a.id, f"{host}:{dead_pid}:crashed")
    assert cat.claim_page(b.id, claimant_id("alive"))
    assert cat.release_dead_claims() == ["two-p1"]
    assert cat.page(a.id).status == PageStatus.PENDING
    assert cat.page(b.id).status == PageStatus.RUNNING


def _claim_all(url: str, ids: list[int], name: str, queue) -> None:
    catalog = Catalog(url)
    queue.put([i for i in ids if catalog.claim_page(i, f"host:{os.getpid()}:{name}")])


def test_two_processes_never_claim_the_same_page(cat: Catalog) -> None:
    ids = [p.id for p in _scan(cat, "many.tif", pages=30)[1]]
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    workers = [ctx.Process(target=_claim_all, args=(cat.url, ids, n, queue)) for n in "ab"]
    for w in workers:
        w.start()
    got = [queue.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    assert sorted(got[0] + got[1]) == ids
    assert not set(got[0]) & set(got[1])


def test_finished_pages_have_versions_and_flags(cat: Catalog) -> None:
    _, (page,) = _scan(cat, "a.png")
    me = claimant_id("t")
    assert cat.claim_page(page.id, me)
    done = cat.finish_page(page.id, me, _version(1))
    assert done.status == PageStatus.DONE and done.current_version == 1
    assert done.claimed_by is None and done.timings == {"ocr": 1.5}

    flag = {"code": "low_confidence", "message": "mean 0.6", "severity": 0.7}
    assert cat.claim_page(page.id, me, statuses=[PageStatus.DONE])
    with pytest.raises(CatalogError):
        cat.finish_page(page.id, "someone else", _version(2))
    again = cat.finish_page(
        page.id, me, _version(2, [flag], overrides={"skew": 1.2}, reason="reprocess")
    )
    assert again.status == PageStatus.FLAGGED and again.severity == 0.7
    assert again.overrides == {"skew": 1.2}
    versions = cat.versions("a")
    assert [(v.number, v.current) for v in versions] == [(1, False), (2, True)]
    assert versions[1].reason == "reprocess" and versions[0].settings == {"language": "auto"}
    assert cat.last_version_number(page.id) == 2

    restored = cat.restore_version("a", 1)
    assert restored.current_version == 1 and restored.status == PageStatus.DONE
    assert restored.overrides == {} and restored.flags == []
    with pytest.raises(CatalogError):
        cat.restore_version("a", 7)


def test_review_queue_is_worst_first_and_review_marks(cat: Catalog) -> None:
    me = claimant_id("t")
    for name, severity in [("mild.png", 0.3), ("bad.png", 0.9), ("fine.png", None)]:
        _, (page,) = _scan(cat, name)
        assert cat.claim_page(page.id, me)
        flags = [] if severity is None else [{"code": "x", "message": "m", "severity": severity}]
        cat.finish_page(page.id, me, _version(1, flags))
    assert [p.stem for p in cat.review_queue()] == ["bad", "mild"]
    reviewed = cat.mark_reviewed("bad", "archivist", "headline fixed by hand")
    assert reviewed.status == PageStatus.REVIEWED and reviewed.reviewed_by == "archivist"
    assert [p.stem for p in cat.review_queue()] == ["mild"]
    counts = cat.counts()
    assert counts["reviewed"] == 1 and counts["flagged"] == 1 and counts["done"] == 1
    assert counts["pending"] == 0
    assert [p.stem for p in cat.list_pages(["done", "reviewed"], order="stem")] == ["bad", "fine"]
    assert [p.stem for p in cat.list_pages(search="ild")] == ["mild"]
    assert len(cat.list_pages(limit=2, offset=2)) == 1


def test_failures_are_recorded_and_a_failed_reprocess_keeps_the_version(cat: Catalog) -> None:
    me = claimant_id("t")
    _, (page,) = _scan(cat, "a.png")
    assert cat.claim_page(page.id, me)
    failed = cat.fail_page(page.id, me, "/inbox/a.png: page 1: decoding error", 0.5)
    assert failed.status == PageStatus.FAILED and "decoding error" in failed.error
    # Retrying failed pages is a choice of the caller.
    assert not cat.claim_page(page.id, me)
    assert cat.claim_page(page.id, me, statuses=[PageStatus.FAILED])
    cat.finish_page(page.id, me, _version(1))
    assert cat.claim_page(page.id, me, statuses=[PageStatus.DONE])
    kept = cat.fail_page(page.id, me, "reprocess: out of memory")
    assert kept.status == PageStatus.DONE and kept.current_version == 1
    assert kept.error == "reprocess: out of memory"


def test_an_unreadable_scan_is_one_failed_page(cat: Catalog) -> None:
    info, _ = cat.register_scan("c" * 64, "/inbox/broken.jpg", 5)
    page = cat.fail_scan(info.id, "/inbox/broken.jpg: not an image", "broken")
    assert page.status == PageStatus.FAILED and page.stem == "broken"
    assert cat.scan("c" * 64).error == "/inbox/broken.jpg: not an image"
    assert [p.stem for p in cat.list_pages("failed")] == ["broken"]


def test_overrides_are_kept_for_the_next_run(cat: Catalog) -> None:
    _scan(cat, "a.png")
    assert cat.set_overrides("a", {"columns": 5}).overrides == {"columns": 5}
    with pytest.raises(CatalogError):
        cat.mark_reviewed("a", "archivist")  # nothing to review yet


def test_issues_hold_their_pages_in_order_and_a_page_in_one_issue(cat: Catalog) -> None:
    import datetime as dt

    _, p3 = _scan(cat, "herald_19261126_3.tif")
    _, p1 = _scan(cat, "herald_19261126_1.tif", pages=2)
    _, loose = _scan(cat, "front.tif")
    day = dt.date(1926, 11, 26)
    cat.add_to_issue("herald/1926-11-26", "herald", day, [(p3[0].id, "00000003:0000")])
    issue = cat.add_to_issue(
        "herald/1926-11-26", "herald", day, [(p.id, f"00000001:{n:04d}") for n, p in enumerate(p1)]
    )
    assert issue.pages == ["herald_19261126_1-p1", "herald_19261126_1-p2", "herald_19261126_3"]
    assert issue.label == "herald 1926-11-26" and issue.date == day and not issue.settled
    # A page already in an issue stays there.
    cat.add_to_issue("other/1926-11-27", "other", None, [(p3[0].id, "0")])
    assert cat.issue_of("herald_19261126_3").key == "herald/1926-11-26"
    assert cat.issue("other/1926-11-27").pages == []
    assert cat.issue_of(loose[0].id) is None
    assert [i.key for i in cat.list_issues()] == ["herald/1926-11-26", "other/1926-11-27"]
    assert [p.stem for p in cat.issue_pages(issue.id)] == issue.pages

    for page in [*p1, *p3]:
        assert cat.claim_page(page.id, "run")
        cat.finish_page(page.id, "run", _version(1))
    assert cat.issue(issue.id).settled
    built = cat.record_issue_version("herald/1926-11-26", 1)
    assert built.current_version == 1 and built.built_at is not None and built.error is None
    failed = cat.fail_issue(issue.id, "disk full")
    assert (failed.current_version, failed.error) == (1, "disk full")
    with pytest.raises(CatalogError, match="no issue"):
        cat.issue("nobody/1900-01-01")


def test_no_page_takes_the_name_of_an_output_folder_that_is_not_a_page(cat: Catalog) -> None:
    _, pages = _scan(cat, "issues.tif")
    _, logs = _scan(cat, "logs.png")
    assert [pages[0].stem, logs[0].stem] == ["issues-2", "logs-2"]
