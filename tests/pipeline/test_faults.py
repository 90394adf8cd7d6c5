"""Faults: a crash mid-write, a hung or crashing page, a full disk, a locked
catalog, and an ingestion process killed at random points. Nothing earlier is
lost, no half-written file looks complete, the batch goes on."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import newsprint.catalog.api as catalog_api
import pytest
from newsprint.catalog import Catalog, CatalogUnavailable, PageStatus, claimant_id
from newsprint.core.settings import Settings
from newsprint.exports.atomic import atomic_write_bytes
from newsprint.pipeline import limits
from newsprint.pipeline.jobs import NOT_RUNNING, PageJob, record_failure, register_scan, run_page
from newsprint.pipeline.limits import PageCrashed, PageTimeout, run_limited
from newsprint.store import open_store
from synth import column_page

ROOT = Path(__file__).resolve().parents[2]
HEADLINES = ["Harbour Bridge Reopens", "Storm Closes Schools", "Library Opens Late"]


def _tiny(path: Path, n: int) -> Path:
    headline = HEADLINES[n % len(HEADLINES)] + (f" {n}" if n >= len(HEADLINES) else "")
    column_page(columns=2, lines_per_column=4, size=22, col_width=240, headline=headline).save(path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree_digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): _digest(p) for p in folder.rglob("*") if p.is_file()}


# ---- atomic writes -------------------------------------------------------------------


# A failed rename (os.replace raising): test_exports.py::
# test_failed_write_keeps_the_old_file_and_leaves_no_temp.


def test_process_killed_mid_write_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "page.json"
    atomic_write_bytes(target, b'{"version": 1}')
    # The child writes 300 MB in 1 MB pieces; it is killed once its temp file exists.
    code = (
        "import sys, time, newsprint.exports.atomic as a\n"
        "from pathlib import Path\n"
        "def slow(temp, data):\n"
        "    with open(temp, 'wb') as f:\n"
        "        for i in range(0, len(data), 1 << 20):\n"
        "            f.write(data[i:i + (1 << 20)]); f.flush(); time.sleep(0.01)\n"
        "a._write_synced = slow\n"
        "a.atomic_write_bytes(Path(sys.argv[1]), b'x' * 300_000_000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(target)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".page.json.*.tmp")) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)
        assert child.poll() is None, "the write finished before it could be killed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert target.read_bytes() == b'{"version": 1}'
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "page.json"]
    # What a kill leaves is a hidden temp file that no reader takes for a result.
    assert leftovers and all(n.startswith(".page.json.") and n.endswith(".tmp") for n in leftovers)


# ---- per-page time limit -------------------------------------------------------------


def hang(_job: object) -> None:
    """A page whose OCR never returns (module level: it runs in the child)."""
    while True:
        time.sleep(1)


def crash(_job: object) -> None:
    os.abort()


def echo(job: object) -> object:
    return job, os.getpid()


def test_hung_page_is_stopped_and_the_next_page_runs(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(PageTimeout, match=r"scan\.png: page 1: stopped after the 2 s"):
        run_limited(hang, None, 2.0, "scan.png: page 1")
    assert time.monotonic() - started < 30
    value, pid = run_limited(echo, "next page", 30.0, "scan.png: page 2")
    assert value == "next page" and pid != os.getpid()
    limits.stop_children()


def test_crashing_page_is_reported_and_the_next_page_runs() -> None:
    with pytest.raises(PageCrashed, match="died"):
        run_limited(crash, None, 30.0, "scan.png: page 1")
    assert run_limited(echo, 7, 30.0, "scan.png: page 2")[0] == 7
    limits.stop_children()


class HangingEngine:
    """An OCR engine that never answers (only ever used in this test)."""

    def __getattr__(self, _name: str):
        return lambda *a, **k: hang(None)


def hanging_ocr(job: PageJob):
    import newsprint.pipeline.jobs as jobs

    jobs.load_engine = lambda _settings: HangingEngine()
    return jobs.work_on_page(job)


def full_disk(job: PageJob):
    """The page's work with every file write failing on ENOSPC after page.json."""
    import newsprint.exports.atomic as atomic

    real = atomic._write_synced

    def write(temp: Path, data: bytes) -> None:
        if ".page.json." not in temp.name:
            raise OSError(errno.ENOSPC, "No space left on device", str(temp))
        real(temp, data)

    atomic._write_synced = write
    from newsprint.pipeline.jobs import work_on_page

    return work_on_page(job)


def _catalogued(tmp_path: Path, count: int) -> tuple[Catalog, list[int], Path, Settings]:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for n in range(count):
        _tiny(inbox / f"p{n}.png", n)
    settings = Settings()
    catalog = Catalog.open(None, out)
    store = open_store(inbox)
    ids = [register_scan(catalog, store, uri, settings).page_ids[0] for uri in store.list_scans()]
    return catalog, ids, out, settings


def _limited(settings: Settings, seconds: float) -> Settings:
    prefect = settings.prefect.model_copy(update={"page_timeout_seconds": seconds})
    return settings.model_copy(update={"prefect": prefect})


@pytest.mark.models
def test_page_whose_ocr_hangs_is_failed_and_the_worker_goes_on(tmp_path: Path) -> None:
    catalog, ids, out, settings = _catalogued(tmp_path, 2)
    claimant = claimant_id("t")
    stuck = run_page(catalog, ids[0], out, _limited(settings, 20), claimant, work=hanging_ocr)
    assert stuck.status == "failed" and "20 s per-page time limit" in stuck.error
    page = catalog.page(ids[0])
    assert page.status == PageStatus.FAILED and "p0.png" in page.error
    assert not (out / "p0" / "page.json").exists()
    ok = run_page(catalog, ids[1], out, _limited(settings, 300), claimant)
    assert ok.status in ("done", "flagged")
    assert json.loads((out / "p1" / "page.json").read_text())["articles"]
    limits.stop_children()


@pytest.mark.models
def test_disk_full_fails_the_page_and_keeps_the_earlier_version(tmp_path: Path) -> None:
    catalog, ids, out, settings = _catalogued(tmp_path, 1)
    settings = _limited(settings, 300)
    claimant = claimant_id("t")
    assert run_page(catalog, ids[0], out, settings, claimant).status in ("done", "flagged")
    before = _tree_digests(out / "p0")

    with pytest.raises(OSError) as raised:  # I/O errors go to the flow's retries first
        run_page(catalog, ids[0], out, settings, claimant, statuses=NOT_RUNNING, work=full_disk)
    assert raised.value.errno == errno.ENOSPC
    outcome = record_failure(catalog, ids[0], f"OSError: {raised.value}")  # retries spent

    assert _tree_digests(out / "p0") == before
    assert not [p for p in (out / "p0").rglob("*") if ".tmp" in p.name]
    page = catalog.page(ids[0])
    assert page.status in (PageStatus.DONE, PageStatus.FLAGGED) and page.current_version == 1
    assert "No space left" in page.error and outcome.error == page.error
    assert [v.number for v in catalog.versions(ids[0])] == [1]
    limits.stop_children()


# ---- catalog locked ------------------------------------------------------------------


@pytest.fixture
def impatient_catalog(tmp_path: Path, monkeypatch) -> Catalog:
    monkeypatch.setattr(catalog_api, "SQLITE_BUSY_SECONDS", 0.2)
    catalog = Catalog(f"sqlite:///{tmp_path / 'catalog.sqlite'}")
    catalog.retry_delays = (0.2, 0.4, 0.8)
    scan, _new = catalog.register_scan("a" * 64, "/inbox/a.png", 10)
    catalog.add_pages(scan.id, 1, "a")
    return catalog


def _lock(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def test_locked_catalog_is_retried_until_the_lock_goes(impatient_catalog: Catalog, tmp_path):
    holder = _lock(tmp_path / "catalog.sqlite")
    threading.Timer(0.6, holder.rollback).start()
    started = time.monotonic()
    assert impatient_catalog.claim_page(1, "run:1:x")
    assert time.monotonic() - started >= 0.5  # it did wait for the lock
    assert impatient_catalog.page(1).status == PageStatus.RUNNING
    holder.close()


def test_catalog_locked_for_good_is_reported_after_the_retries(
    impatient_catalog: Catalog, tmp_path: Path
) -> None:
    holder = _lock(tmp_path / "catalog.sqlite")
    try:
        with pytest.raises(CatalogUnavailable, match=r"catalog.sqlite unavailable after 4 tries"):
            impatient_catalog.claim_page(1, "run:1:x")
    finally:
        holder.rollback()
        holder.close()
    assert impatient_catalog.page(1).status == PageStatus.PENDING  # nothing half-done


# ---- ingestion killed at random points -----------------------------------------------


@pytest.fixture(scope="module")
def prefect_api():
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()


@pytest.mark.models
@pytest.mark.slow
def test_ingest_killed_at_random_points_ends_with_each_page_done_once(
    tmp_path: Path, prefect_api: str
) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for n in range(5):
        _tiny(inbox / f"k{n}.png", n)
    (inbox / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a JPEG")
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_api,
        "NEWSPRINT_DASK__ENABLED": "false",
        "NEWSPRINT_OCR__THREADS": "1",
    }
    cmd = [str(Path(sys.executable).parent / "newsprint"), "ingest", str(inbox), "--out", str(out)]
    rng = random.Random(6)
    for _ in range(4):
        run = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(4.0, 16.0))
        run.send_signal(signal.SIGKILL)
        run.wait()
        _assert_no_corrupt_output(out)
    final = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=500)
    # 1 only when this run was the first to see broken.jpg
    assert final.returncode in (0, 1) and "Traceback" not in final.stderr, final.stderr

    catalog = Catalog.open(None, out)
    for n in range(5):
        assert [v.number for v in catalog.versions(f"k{n}")] == [1]
        assert [p.name for p in (out / f"k{n}" / "versions").iterdir() if p.name[0] != "."] == [
            "v1"
        ]
        assert catalog.page(f"k{n}").status in (PageStatus.DONE, PageStatus.FLAGGED)
    assert catalog.page("broken").status == PageStatus.FAILED
    assert catalog.counts()["running"] == 0 and catalog.counts()["pending"] == 0
    _assert_no_corrupt_output(out)


def _assert_no_corrupt_output(out: Path) -> None:
    if not out.exists():
        return
    for path in out.rglob("page.json"):
        assert not any(part.startswith(".") for part in path.relative_to(out).parts[:-1]) or (
            ".tmp-" in str(path)
        )
        if ".tmp-" not in str(path):
            json.loads(path.read_text(encoding="utf-8"))
    # A leftover from a kill is hidden (".name.xxx.tmp" or "versions/.tmp-xxx"),
    # never a file under a name a reader opens.
    for path in out.rglob("*"):
        if path.name.endswith(".tmp"):
            assert path.name.startswith(".")
