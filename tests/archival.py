"""One real run of ``newsprint process --issue`` over two small sample pages, shared by
the ALTO, METS and PDF tests (run once per test process: OCR is the slow part)."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from newsprint.core.page import NewspaperPage
from newsprint.exports.page_json import read_page_json
from newsprint.flows.cli import app
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
ZH_SCAN = ROOT / "sample_scans" / "zh-hans-4col-small.png"
EN_SCAN = ROOT / "sample_scans" / "en-4col-bitonal.tif"
ISSUE_ID = "1926-11-26 No 7"
ISSUE_FOLDER = "1926-11-26 No 7"
PAGES = ("zh-hans-4col-small", "en-4col-bitonal")
"""Page folder names, in issue order: a grey Chinese page and a bitonal English one."""


@functools.cache
def issue_folder() -> Path:
    """``DIR/<issue>/`` after processing both scans as one issue."""
    out = Path(tempfile.mkdtemp(prefix="newsprint-archival-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    args = ["process", str(ZH_SCAN), str(EN_SCAN), "--out", str(out), "--issue", ISSUE_ID]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return out / ISSUE_FOLDER


def page_folder(name: str) -> Path:
    return issue_folder() / name


@functools.cache
def page_model(name: str) -> NewspaperPage:
    return read_page_json(page_folder(name) / "page.json")
