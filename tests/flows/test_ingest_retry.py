"""``newsprint ingest --retry-failed`` runs failed pages again (no OCR models needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsprint.catalog import Catalog, PageStatus
from newsprint.core.settings import Settings
from newsprint.flows.cli import app
from newsprint.flows.ingest import run_ingest
from typer.testing import CliRunner


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def test_retry_failed_runs_the_failed_pages_again(tmp_path: Path, monkeypatch) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (inbox / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG")
    monkeypatch.setenv("NEWSPRINT_DASK__ENABLED", "false")
    monkeypatch.setenv("NEWSPRINT_PREFECT__PAGE_TIMEOUT_SECONDS", "0")
    settings = Settings()
    first = run_ingest(inbox, out, settings)
    assert first.failed == 1
    (page,) = Catalog.open(None, out).list_pages()
    assert page.status == PageStatus.FAILED
    # Without the option a failed page is left alone.
    assert run_ingest(inbox, out, settings).pages == []

    retried = CliRunner().invoke(app, ["ingest", str(inbox), "--out", str(out), "--retry-failed"])
    # The page was claimed and run again (and failed again: the scan is still broken).
    assert retried.exit_code == 1, retried.output
    assert "broken" in retried.output
    after = Catalog.open(None, out).page(page.id)
    assert after.status == PageStatus.FAILED
    assert after.attempts == page.attempts + 1
    assert "damaged image header" in (after.error or "")
