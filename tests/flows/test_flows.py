"""The Prefect flows end to end on tiny generated pages, with the real OCR models.

Prefect runs against a temporary local server (``prefect_test_harness``);
the catalog is SQLite under each test's output root.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from newsprint.catalog import Catalog, PageStatus, claimant_id
from newsprint.core.settings import Settings
from newsprint.flows.cli import app
from newsprint.flows.ingest import run_ingest
from newsprint.flows.reprocess import reprocess
from newsprint.pipeline.jobs import register_scan, run_page
from newsprint.pipeline.overrides import Overrides
from newsprint.store import open_store
from synth import column_page
from typer.testing import CliRunner

pytestmark = pytest.mark.models

HEADLINES = [
    "Harbour Bridge Reopens",
    "Storm Closes Schools",
    "Library Opens Late",
    "Rail Fares Rise",
]


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()


def _tiny(path: Path, n: int) -> Path:
    img = column_page(columns=2, lines_per_column=4, size=22, col_width=240, headline=HEADLINES[n])
    img.save(path)
    return path


def _settings(workers: int | None = None) -> Settings:
    settings = Settings()
    dask = {"enabled": workers is not None, "workers": workers or 1}
    return settings.model_copy(update={"dask": settings.dask.model_copy(update=dask)})


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_batch_with_new_known_and_corrupt_scans(tmp_path: Path, monkeypatch) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    first = _tiny(inbox / "first.png", 0)
    run_ingest(inbox, out, _settings())
    v1 = _digest(out / "first" / "versions" / "v1" / "page.json")

    shutil.copy(first, inbox / "renamed copy.png")
    _tiny(inbox / "second.png", 1)
    (inbox / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG")
    monkeypatch.setenv("NEWSPRINT_DASK__ENABLED", "false")
    result = CliRunner().invoke(app, ["ingest", str(inbox), "--out", str(out)])

    assert result.exit_code == 1, result.output
    assert "broken.jpg" in result.output
    catalog = Catalog.open(None, out)
    pages = {p.stem: p for p in catalog.list_pages()}
    assert set(pages) == {"first", "second", "broken"}
    assert pages["second"].status in (PageStatus.DONE, PageStatus.FLAGGED)
    assert pages["broken"].status == PageStatus.FAILED and "broken.jpg" in pages["broken"].error
    # The renamed copy is the same scan: not processed again, only a new source.
    assert not (out / "renamed copy").exists()
    assert catalog.sources(pages["first"].scan_id)[1].endswith("renamed copy.png")
    assert [v.number for v in catalog.versions("first")] == [1]
    assert _digest(out / "first" / "versions" / "v1" / "page.json") == v1
    assert json.loads((out / "second" / "page.json").read_text())["articles"][0]["headline"]

    status = CliRunner().invoke(app, ["status", "--out", str(out)])
    assert status.exit_code == 0 and "broken" in status.output


def test_two_dask_workers_run_a_batch(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for n in range(3):
        _tiny(inbox / f"page{n}.png", n)
    summary = run_ingest(inbox, out, _settings(workers=2))
    assert sorted(p.stem for p in summary.pages) == ["page0", "page1", "page2"]
    assert {p.status for p in summary.pages} <= {"done", "flagged"}
    for n in range(3):
        page = json.loads((out / f"page{n}" / "page.json").read_text())
        assert HEADLINES[n].split()[0] in (page["articles"][0]["headline"] or "")


def test_a_crashed_batch_is_resumed_without_redoing_done_pages(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for n in range(3):
        _tiny(inbox / f"p{n}.png", n)
    settings = _settings()
    catalog = Catalog.open(None, out)
    store = open_store(inbox)
    ids = [register_scan(catalog, store, uri, settings).page_ids[0] for uri in store.list_scans()]
    # The crashed run finished p0 and died while working on p1.
    assert run_page(catalog, ids[0], out, settings, claimant_id("crashed")).status == "done"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert catalog.claim_page(ids[1], f"{claimant_id().split(':')[0]}:{dead.stdout.strip()}:x")
    done_json = out / "p0" / "page.json"
    before = (done_json.stat().st_mtime_ns, _digest(done_json))

    summary = run_ingest(inbox, out, settings)

    assert sorted(p.stem for p in summary.pages) == ["p1", "p2"]
    assert all(p.status in ("done", "flagged") for p in summary.pages)
    assert (done_json.stat().st_mtime_ns, _digest(done_json)) == before
    assert [v.number for v in catalog.versions("p0")] == [1]
    assert catalog.counts()["running"] == 0 and catalog.counts()["pending"] == 0


def test_two_runs_at_once_never_process_a_page_twice(tmp_path: Path, prefect_server: str) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for n in range(4):
        _tiny(inbox / f"s{n}.png", n)
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_server,
        "NEWSPRINT_DASK__ENABLED": "false",
        "NEWSPRINT_OCR__THREADS": "1",
    }
    cmd = [str(Path(sys.executable).parent / "newsprint"), "ingest", str(inbox), "--out", str(out)]
    runs = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]
    outputs = [r.communicate(timeout=400)[0] for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    catalog = Catalog.open(None, out)
    for n in range(4):
        assert [v.number for v in catalog.versions(f"s{n}")] == [1]
        assert [p.name for p in (out / f"s{n}" / "versions").iterdir()] == ["v1"]
    assert catalog.counts()["done"] + catalog.counts()["flagged"] == 4
    # Each page was run by exactly one of them: their summaries add up to the four pages.
    ran = [re.search(r"(\d+) done, (\d+) flagged", o) for o in outputs]
    assert sum(int(m[1]) + int(m[2]) for m in ran if m) == 4, outputs


def test_reprocess_keeps_the_old_version(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    scan = _tiny(inbox / "front.png", 2)
    run_ingest(inbox, out, _settings())
    page_dir = out / "front"
    v1 = {p.name: _digest(p) for p in (page_dir / "versions" / "v1").iterdir()}

    outcome = reprocess("front", str(out), Overrides(skew=0.0, crop=(30, 30, 560, 280)), "tester")

    assert outcome.status in ("done", "flagged") and outcome.version == 2
    assert {p.name: _digest(p) for p in (page_dir / "versions" / "v1").iterdir()} == v1
    assert _digest(page_dir / "page.json") == _digest(page_dir / "versions/v2/page.json")
    page = json.loads((page_dir / "page.json").read_text())
    # Coordinates stay in the pixels of the whole scan, not of the crop.
    assert (page["width"], page["height"]) == _image_size(scan)
    headline = next(r for r in page["regions"] if r["type"] == "headline")
    assert headline["bbox"][0] >= 55 and headline["bbox"][1] >= 55
    catalog = Catalog.open(None, out)
    info = catalog.page("front")
    assert info.current_version == 2 and info.overrides == {"skew": 0.0, "crop": [30, 30, 560, 280]}
    assert catalog.version("front", 2).reason == "reprocess by tester"

    diff = CliRunner().invoke(app, ["diff", "front", "v1", "v2", "--out", str(out)])
    assert diff.exit_code == 0
    restored = CliRunner().invoke(app, ["restore", "front", "v1", "--out", str(out)])
    assert restored.exit_code == 0, restored.output
    assert _digest(page_dir / "page.json") == v1["page.json"]
    assert catalog.page("front").current_version == 1


def _image_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as img:
        return img.size
