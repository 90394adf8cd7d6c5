"""Restore and reprocess share one lock per page: a restore checks the catalog
before it swaps any file, and a run never claims a page halfway through a restore.

No OCR: the runs write hand-made pages through ``run_page``'s ``work`` hook."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from newsprint.catalog import Catalog, CatalogError, PageStatus, claimant_id
from newsprint.core.page import Article, NewspaperPage
from newsprint.core.settings import Settings
from newsprint.pipeline.jobs import NOT_RUNNING, PageJob, PageWritten, restore, run_page
from newsprint.versions import (
    PageBusyError,
    current_version,
    make_current,
    page_lock,
    write_version,
)
from newsprint.web.app import create_app
from newsprint.web.security import CSRF_COOKIE

STEM = "front"


def _settings() -> Settings:
    settings = Settings()
    output = settings.output.model_copy(update={"write_alto": False, "write_pdf": False})
    prefect = settings.prefect.model_copy(update={"page_timeout_seconds": 0})
    return settings.model_copy(update={"output": output, "prefect": prefect})


def fake_work(job: PageJob) -> PageWritten:
    """A run's work without OCR: a page whose headline names the run's reason."""
    grey = np.full((60, 80), 230, np.uint8)
    page = NewspaperPage(
        source="scan.png",
        sha256="ab" * 32,
        width=80,
        height=60,
        articles=[Article(id="a1", headline=job.reason, paragraphs=["text"])],
        image=grey,
        work_image=grey,
    )
    folder = Path(job.out_root) / STEM
    catalog = Catalog.open(job.catalog_url, Path(job.out_root))
    at_least = catalog.last_version_number(job.page_id) + 1
    number = write_version(page, folder, job.settings.output, {"stem": STEM}, at_least=at_least)
    make_current(folder, number)
    return PageWritten(number=number, flags=[], timings={}, language="en", articles=1)


def _run(catalog: Catalog, page_id: int, out: Path, reason: str) -> str:
    outcome = run_page(
        catalog,
        page_id,
        out,
        _settings(),
        claimant_id("test"),
        statuses=NOT_RUNNING,
        reason=reason,
        work=fake_work,
    )
    return outcome.status


@pytest.fixture
def page(tmp_path: Path) -> tuple[Catalog, Path, int]:
    """A page with versions 1 and 2 on disk and in the catalog; v2 current."""
    out = tmp_path / "out"
    catalog = Catalog.open(None, out)
    scan, _ = catalog.register_scan("ab" * 32, str(tmp_path / "scan.png"), 10)
    page_id = catalog.add_pages(scan.id, 1, STEM)[0].id
    assert _run(catalog, page_id, out, "run 1") == "done"
    assert _run(catalog, page_id, out, "run 2") == "done"
    return catalog, out, page_id


def _current_text(out: Path) -> str:
    return (out / STEM / "articles.txt").read_text(encoding="utf-8")


def test_restore_of_a_page_being_processed_is_refused_before_any_file_moves(page) -> None:
    catalog, out, page_id = page
    assert catalog.claim_page(page_id, "another-host:1:reprocess", statuses=NOT_RUNNING)
    with pytest.raises(CatalogError, match="being processed"):
        restore(catalog, out, STEM, 1)
    assert current_version(out / STEM) == 2
    assert "run 2" in _current_text(out)
    assert catalog.page(page_id).current_version == 2


def test_restore_waits_for_the_page_lock_and_gives_up_when_it_stays_taken(
    page, monkeypatch
) -> None:
    catalog, out, _page_id = page
    import newsprint.versions.lock as lock_module

    monkeypatch.setattr(lock_module, "PAGE_LOCK_SECONDS", 0.3)
    with page_lock(out, STEM), pytest.raises(PageBusyError):
        restore(catalog, out, STEM, 1)
    assert current_version(out / STEM) == 2
    restored = restore(catalog, out, STEM, 1)
    assert restored.current_version == 1 and current_version(out / STEM) == 1
    assert "run 1" in _current_text(out)


def test_a_run_claims_the_page_only_under_its_lock(page) -> None:
    catalog, out, page_id = page
    done: list[str] = []
    with page_lock(out, STEM):
        runner = threading.Thread(target=lambda: done.append(_run(catalog, page_id, out, "run 3")))
        runner.start()
        time.sleep(0.5)
        # Held by a restore, say: the run waits and does not claim the page meanwhile.
        assert catalog.page(page_id).status == PageStatus.DONE
        assert current_version(out / STEM) == 2
    runner.join(timeout=30)
    assert done == ["done"]
    assert catalog.page(page_id).current_version == 3 == current_version(out / STEM)


def test_the_review_pages_restore_refuses_a_page_being_processed(page) -> None:
    catalog, out, page_id = page
    assert catalog.claim_page(page_id, "another-host:1:reprocess", statuses=NOT_RUNNING)
    client = TestClient(create_app(out, Settings()), base_url="http://127.0.0.1:8000")
    client.get("/")
    token = client.cookies[CSRF_COOKIE]
    answer = client.post(
        f"/pages/{STEM}/restore",
        data={"csrf_token": token, "version": "1"},
        follow_redirects=False,
    )
    assert answer.status_code == 400
    assert "being processed" in answer.text
    assert current_version(out / STEM) == 2 and "run 2" in _current_text(out)
