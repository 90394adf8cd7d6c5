"""The sample issue: two small sample scans, a grey Chinese page and a bitonal English
one, as one issue ("1926-11-26 No 7"). Two ways to have it:

- ``written_issue()`` (no OCR): the two pages' ``page.json`` as one real run wrote them,
  committed in ``tests/fixtures/<page>/page.json`` (their scans are the committed
  ``sample_scans/``), given to the writers as ``newsprint process --issue`` gives them
  after OCR: ``write_outputs`` per page (``page.alto.xml``, ``page.pdf``, ...), then
  ``write_issue`` (``issue.mets.xml``, ``issue.pdf``). The ALTO, METS and PDF tests read
  this.
- ``issue_folder()``: a real run of ``newsprint process --issue`` over the two scans, OCR
  and all (the slow part: once per test process): the pages in ``DIR/<page>/``, the
  issue's files in ``DIR/issues/<issue>/``. The end-to-end test and the OCR tests read
  this.

``python tests/archival.py`` makes the real run and rewrites the committed fixtures
(after a change to what the pipeline finds on these pages).
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from newsprint.core.page import NewspaperPage
from newsprint.core.settings import OutputSettings, ScanSettings
from newsprint.exports import write_issue, write_outputs
from newsprint.exports.page_json import page_json_text, read_page_json
from newsprint.flows.cli import app
from newsprint.scans import load_scan_page
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
FIXTURES = ROOT / "tests" / "fixtures"
ZH_SCAN = ROOT / "sample_scans" / "zh-hans-4col-small.png"
EN_SCAN = ROOT / "sample_scans" / "en-4col-bitonal.tif"
ISSUE_ID = "1926-11-26 No 7"
ISSUE_FOLDER = "1926-11-26 No 7"
PAGES = ("zh-hans-4col-small", "en-4col-bitonal")
"""Page folder names, in issue order: a grey Chinese page and a bitonal English one."""


def _temp_folder(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


# --- the committed pages through the writers (no OCR) ------------------------------------


def fixture_page(name: str) -> NewspaperPage:
    """The committed ``page.json`` of page ``name`` with its scan decoded, as the pipeline
    hands a page to the writers (``source`` is stored relative to the checkout)."""
    page = read_page_json(FIXTURES / name / "page.json")
    scan = ROOT / page.source
    image = load_scan_page(scan, ScanSettings(), page.page_index, sha256=page.sha256).image
    return page.model_copy(update={"source": str(scan), "image": image})


@functools.cache
def written_issue() -> Path:
    """``DIR/<issue>/`` as ``newsprint process --issue`` writes it, from the committed pages."""
    issue = _temp_folder("newsprint-written-") / ISSUE_FOLDER
    settings = OutputSettings()
    folders = [issue / name for name in PAGES]
    for name, folder in zip(PAGES, folders, strict=True):
        write_outputs(fixture_page(name), folder, settings)
    write_issue(ISSUE_ID, folders, issue, settings)
    return issue


def written_page_folder(name: str) -> Path:
    return written_issue() / name


@functools.cache
def written_page(name: str) -> NewspaperPage:
    return read_page_json(written_page_folder(name) / "page.json")


# --- a real run (OCR) -------------------------------------------------------------------


@functools.cache
def processed() -> Path:
    """``DIR`` after processing both scans as one issue (Prefect's thread pool, no Dask)."""
    out = _temp_folder("newsprint-archival-")
    args = ["process", str(ZH_SCAN), str(EN_SCAN), "--out", str(out), "--issue", ISSUE_ID]
    result = CliRunner().invoke(app, args, env={"NEWSPRINT_DASK__ENABLED": "false"})
    assert result.exit_code == 0, result.output
    return out


def issue_folder() -> Path:
    """``DIR/issues/<issue>/``: the issue's ``issue.mets.xml`` and ``issue.pdf``."""
    return processed() / "issues" / ISSUE_FOLDER


def page_folder(name: str) -> Path:
    return processed() / name


@functools.cache
def page_model(name: str) -> NewspaperPage:
    return read_page_json(page_folder(name) / "page.json")


def refresh_fixtures() -> None:
    """Rewrite ``tests/fixtures/<page>/page.json`` from a real run."""
    for name in PAGES:
        page = page_model(name)
        source = Path(page.source).relative_to(ROOT).as_posix()
        target = FIXTURES / name / "page.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_json_text(page.model_copy(update={"source": source})), "utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    refresh_fixtures()
