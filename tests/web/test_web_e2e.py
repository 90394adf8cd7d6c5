"""The review page end to end in a real headless Chromium (Debian's package, driven
by Playwright), over a page really ingested with the OCR models into a real catalog.

An archivist opens the flagged page, sets the column count, reprocesses, sees
version 2 with its new text, reads the diff and restores version 1.
Screenshots go to tests/artifacts/web/ (kept by CI as test artefacts).
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from newsprint.catalog import Catalog, PageStatus
from newsprint.core.settings import Settings
from synth import column_page

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "web"

pytestmark = [
    pytest.mark.models,
    pytest.mark.skipif(
        not CHROMIUM.is_file(),
        reason="/usr/bin/chromium missing: scripts/setup.sh installs Debian's chromium as root",
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) missing")


@pytest.fixture(scope="module")
def prefect_api() -> Iterator[str]:
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()


def _settings(api_url: str) -> Settings:
    settings = Settings()
    return settings.model_copy(
        update={
            "prefect": settings.prefect.model_copy(update={"api_url": api_url}),
            "dask": settings.dask.model_copy(update={"enabled": False}),
            # Every page's mean confidence is below 0.999: the pipeline's own
            # low-confidence rule flags the page for review.
            "ocr": settings.ocr.model_copy(update={"low_confidence": 0.999}),
        }
    )


@pytest.fixture(scope="module")
def served(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    import uvicorn
    from newsprint.flows.ingest import run_ingest
    from newsprint.web.app import create_app

    root = tmp_path_factory.mktemp("web")
    inbox, out = root / "inbox", root / "out"
    inbox.mkdir()
    page = column_page(columns=2, lines_per_column=5, col_width=260, headline="Harbour Bridge")
    page.save(inbox / "front.png")
    settings = _settings(prefect_api)
    summary = run_ingest(inbox, out, settings)
    assert [p.status for p in summary.pages] == ["flagged"]

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(out, settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server.started, "the review server did not start"
    try:
        yield f"http://127.0.0.1:{port}", out
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=False)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reprocess_with_another_column_count_then_restore(served: tuple, browser) -> None:
    base, out = served
    expect = sync_api.expect
    tab = browser.new_page(viewport={"width": 1440, "height": 1000})
    tab.set_default_timeout(20_000)

    # The list: counts at the top, the flagged page in the flagged filter.
    tab.goto(f"{base}/")
    expect(tab.locator("#counts .count.flagged b")).to_have_text("1")
    tab.select_option("select[name=status]", "flagged")
    tab.click(".filters button[type=submit]")
    expect(tab.locator("#pages tbody tr")).to_have_count(1)
    _shot(tab, "01-list.png")
    tab.click("#pages a:text('front')")

    # The page view: regions over the scan, linked to the articles' text.
    expect(tab.locator("#status")).to_have_text("flagged")
    expect(tab.locator("#current")).to_contain_text("v1")
    assert tab.locator("#regions polygon").count() >= 3
    tab.wait_for_function("document.querySelector('#scan image').getBBox().width > 0")
    headline = tab.locator("#regions polygon.t-headline").first
    headline.click()
    number = headline.get_attribute("data-article")
    expect(tab.locator(f"#articles article[data-article='{number}']")).to_have_class("lit")
    tab.locator("#articles article").last.click()
    expect(tab.locator("#regions polygon.lit").first).to_be_visible()
    tab.uncheck("#show-regions")
    expect(tab.locator("#regions")).to_be_hidden()
    tab.check("#show-regions")
    tab.click("#zoom-in")
    assert tab.get_attribute("#scan", "viewBox") != f"0 0 {_size(out)}"
    tab.click("#zoom-reset")
    v1_text = tab.locator("#articles").inner_text()
    _shot(tab, "02-page-view.png")

    # Correct: set the column count, and split the article where the second
    # column starts (picked on the scan); reprocess; version 2.
    second = tab.evaluate(
        """() => [...document.querySelectorAll('#regions polygon.t-text')]
            .sort((a, b) => +b.dataset.bbox.split(',')[0] - +a.dataset.bbox.split(',')[0])[0]
            .dataset.region"""
    )
    tab.locator(f"#regions polygon[data-region='{second}']").click()
    tab.click("button[data-target=split]")
    expect(tab.locator("#split")).to_have_value(second)
    tab.fill("input[name=columns]", "2")
    tab.fill("input[name=by]", "e2e archivist")
    tab.click("#reprocess")
    expect(tab.locator("#job")).to_contain_text("v2 is current", timeout=240_000)
    expect(tab.locator("#current")).to_contain_text("v2")
    v2_text = tab.locator("#articles").inner_text()
    assert v2_text != v1_text
    assert tab.locator("#articles article").count() == 2
    v2_file = out / "front" / "versions" / "v2" / "articles.txt"
    assert (out / "front" / "articles.txt").read_bytes() == v2_file.read_bytes()
    assert v2_file.read_text().count("\n\n\n") == 1  # two articles
    expect(tab.locator("#versions tr[data-version='2']")).to_contain_text("reprocess by e2e")
    expect(tab.locator("#versions tr[data-version='2']")).to_contain_text('"columns": 2')
    _shot(tab, "03-version-2.png")

    # The diff of the article text between v1 and v2.
    tab.click("#show-diff")
    expect(tab.locator("h1")).to_contain_text("v1 → v2")
    assert tab.locator("#diff .add").count() + tab.locator("#diff .del").count() > 0
    _shot(tab, "04-diff.png")
    tab.go_back()

    # Restore version 1: the files and the catalog say v1 again.
    tab.click("button.restore[data-version='1']")
    expect(tab.locator("#current")).to_contain_text("v1")
    assert tab.locator("#articles").inner_text() == v1_text
    folder = out / "front"
    assert _digest(folder / "page.json") == _digest(folder / "versions" / "v1" / "page.json")
    catalog = Catalog.open(None, out)
    assert catalog.page("front").current_version == 1
    assert [v.number for v in catalog.versions("front")] == [1, 2]

    # Mark reviewed; download the text.
    tab.fill("#review-form input[name=note]", "columns checked")
    tab.click("#mark-reviewed")
    expect(tab.locator("#status")).to_have_text("reviewed")
    assert catalog.page("front").status == PageStatus.REVIEWED
    with tab.expect_download() as download:
        tab.click("#downloads a:text('articles.txt')")
    saved = ARTIFACTS / "front-articles.txt"
    download.value.save_as(saved)
    assert saved.read_bytes() == (folder / "versions" / "v1" / "articles.txt").read_bytes()
    _shot(tab, "05-restored-reviewed.png")
    tab.close()


def _size(out: Path) -> str:
    import json

    page = json.loads((out / "front" / "page.json").read_text())
    return f"{page['width']} {page['height']}"
