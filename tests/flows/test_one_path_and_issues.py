"""``newsprint process`` is the ingest flow over the scans given (issue 13): its output has
the catalog, versions and issues, and everything that works on an ingest output works
on it (the review page, reprocess, diff, restore, status, review). An inbox of two
issues in folders gives two ``issue.mets.xml`` with the pages in order; reprocessing or
restoring a page builds its issue again as a new version, the earlier one kept.

Real Prefect (a temporary local server), the real catalog (SQLite) and the real OCR
models, on four tiny generated pages."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pypdfium2
import pytest
from fastapi.testclient import TestClient
from lxml import etree
from newsprint.catalog import Catalog, PageStatus
from newsprint.core.settings import Settings
from newsprint.flows.cli import app
from newsprint.flows.context import console
from newsprint.web.app import create_app
from synth import column_page
from typer.testing import CliRunner

pytestmark = pytest.mark.models

ROOT = Path(__file__).resolve().parents[2]
METS = {"mets": "http://www.loc.gov/METS/", "xlink": "http://www.w3.org/1999/xlink"}
ENV = {"NEWSPRINT_DASK__ENABLED": "false", "NEWSPRINT_OCR__THREADS": "2"}
SCANS = {
    # file (as the archive has it) -> headline; p10 comes after p2 (natural order)
    "Daily News/2026-01-02/p10.png": "Harbour Bridge Reopens",
    "Daily News/2026-01-02/p2.png": "Storm Closes Schools",
    "Herald/1926-11-26/1.png": "Library Opens Late",
    "Herald/1926-11-26/2.png": "Rail Fares Rise",
}
DAILY, HERALD = "Daily News/2026-01-02", "Herald/1926-11-26"
DAILY_PAGES = ["Daily News_20260102_p2", "Daily News_20260102_p10"]
HERALD_PAGES = ["Herald_19261126_1", "Herald_19261126_2"]


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def _run(*args: str) -> str:
    saved = console.width
    console.width = 200
    try:
        result = CliRunner().invoke(app, list(args), env=ENV)
    finally:
        console.width = saved
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """``newsprint process INBOX --out OUT`` over two issues in folders."""
    root = tmp_path_factory.mktemp("one-path")
    inbox, out = root / "inbox", root / "out"
    for name, headline in SCANS.items():
        path = inbox / name
        path.parent.mkdir(parents=True, exist_ok=True)
        column_page(columns=2, lines_per_column=4, size=22, col_width=240, headline=headline).save(
            path
        )
    return out, _run("process", str(inbox), "--out", str(out))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mets(out: Path, key: str) -> etree._ElementTree:
    return etree.parse(str(out / "issues" / key / "issue.mets.xml"))


def _page_labels(mets: etree._ElementTree) -> list[str]:
    divs = mets.findall(".//mets:structMap[@TYPE='PHYSICAL']//mets:div[@TYPE='page']", METS)
    return [d.get("LABEL") for d in divs]


def _hrefs(mets: etree._ElementTree, group: str) -> list[str]:
    files = mets.findall(f".//mets:fileGrp[@USE='{group}']/mets:file/mets:FLocat", METS)
    return [f.get(f"{{{METS['xlink']}}}href") for f in files]


def test_two_issues_in_folders_give_two_mets_files_with_their_pages_in_order(processed) -> None:
    out, output = processed
    assert "✓ issue Daily News 2026-01-02: 2 page(s)" in output
    assert "✓ issue Herald 1926-11-26: 2 page(s)" in output
    schema = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "mets-1-12-1.xsd")))
    for key, stems in ((DAILY, DAILY_PAGES), (HERALD, HERALD_PAGES)):
        mets = _mets(out, key)
        schema.assertValid(mets)
        assert _page_labels(mets) == [s.rsplit("_", 1)[-1] for s in stems]
        # The ALTO files are the pages' own versions, found from the issue's folder.
        altos = _hrefs(mets, "ALTO")
        assert altos == [
            f"../../../{s}/versions/v1/page.alto.xml".replace(" ", "%20") for s in stems
        ]
        folder = out / "issues" / key
        assert all((folder / h.replace("%20", " ")).resolve().is_file() for h in altos)
        with pypdfium2.PdfDocument(folder / "issue.pdf") as pdf:
            assert len(pdf) == 2
        articles = mets.findall(".//mets:div[@TYPE='article']", METS)
        headlines = [SCANS[n] for n in SCANS if n.startswith(key)]
        assert {a.get("LABEL") for a in articles} == set(headlines)
    catalog = Catalog.open(None, out)
    assert [(i.key, i.pages, i.current_version) for i in catalog.list_issues()] == [
        (DAILY, DAILY_PAGES, 1),
        (HERALD, HERALD_PAGES, 1),
    ]
    assert (out / "issues" / DAILY).resolve().name == "2026-01-02.v1"
    assert (out / "logs" / "newsprint.log").is_file()


def test_a_process_output_is_reviewed_reprocessed_diffed_and_restored(processed) -> None:
    out, _ = processed
    stem = DAILY_PAGES[1]
    issue_v1 = {p.name: _digest(p) for p in (out / "issues" / f"{DAILY}.v1").iterdir()}

    # The review page lists the pages and the issues, shows a page and serves the METS.
    with TestClient(create_app(out, Settings()), base_url="http://127.0.0.1:8000") as client:
        listing = client.get("/")
        assert listing.status_code == 200
        assert stem in listing.text and 'id="issues"' in listing.text
        in_order = client.get("/", params={"issue": DAILY})
        assert in_order.text.index(DAILY_PAGES[0]) < in_order.text.index(DAILY_PAGES[1])
        page = client.get(f"/pages/{stem}")
        assert page.status_code == 200 and "Harbour" in page.text and "Daily News" in page.text
        mets = client.get(f"/issues/{DAILY}/files/issue.mets.xml")
        assert mets.status_code == 200 and b"<mets:mets" in mets.content

    # Reprocess: a new version of the page, and its issue built again over it.
    output = _run(
        "reprocess", stem, "--out", str(out), "--crop", "30,30,560,280", "--skew", "0",
        "--region", "photo:40,40,200,120",
    )  # fmt: skip
    assert f"{stem} → v2" in output and "issue Daily News 2026-01-02" in output
    drawn = json.loads((out / stem / "versions" / "v2" / "page.json").read_text(encoding="utf-8"))
    assert any(
        r["type"] == "photo" and r["bbox"] == pytest.approx([40, 40, 200, 120], abs=2)
        for r in drawn["regions"]
    )
    catalog = Catalog.open(None, out)
    assert catalog.page(stem).current_version == 2
    assert catalog.issue(DAILY).current_version == 2
    assert (out / "issues" / DAILY).resolve().name == "2026-01-02.v2"
    altos = _hrefs(_mets(out, DAILY), "ALTO")
    assert altos[1].endswith(f"{stem.replace(' ', '%20')}/versions/v2/page.alto.xml")
    assert altos[0].endswith("/versions/v1/page.alto.xml")  # the other page is as it was
    # The earlier issue version is kept as it was, byte for byte.
    assert {p.name: _digest(p) for p in (out / "issues" / f"{DAILY}.v1").iterdir()} == issue_v1
    assert catalog.issue(HERALD).current_version == 1  # another issue is not touched

    diff = _run("diff", stem, "v1", "v2", "--out", str(out))
    assert f"{stem}/v2/articles.txt" in diff or "is the same" in diff

    # Restore: version 1 current again, and the issue built over it once more.
    output = _run("restore", stem, "v1", "--out", str(out))
    assert "v1 is current" in output and "issue.pdf v3" in output
    assert catalog.issue(DAILY).current_version == 3
    assert _hrefs(_mets(out, DAILY), "ALTO")[1].endswith("/versions/v1/page.alto.xml")
    assert sorted(p.name for p in (out / "issues" / "Daily News").iterdir()) == [
        "2026-01-02",
        "2026-01-02.v1",
        "2026-01-02.v2",
        "2026-01-02.v3",
    ]

    status = _run("status", "--out", str(out))
    assert "issues" in status and "Daily News" in status and "Herald" in status
    assert catalog.page(stem).status in (PageStatus.DONE, PageStatus.FLAGGED)
    review = CliRunner().invoke(app, ["review", "--out", str(out)], env=ENV)
    assert review.exit_code == 0, review.output


def test_processing_the_same_scans_again_is_no_new_work(processed) -> None:
    out, _ = processed
    inbox = out.parent / "inbox"
    before = {p: os.readlink(out / "issues" / p) for p in (DAILY, HERALD)}
    output = _run("process", str(inbox), "--out", str(out))
    assert "0 page(s) run" in output
    assert {p: os.readlink(out / "issues" / p) for p in (DAILY, HERALD)} == before
    assert "unchanged" in output
