"""A quiet console (issue 13): a run prints its progress bar, a line per failed scan and
the summary; Prefect's, Dask's and distributed's logging and the output of the processes
it starts go to ``DIR/logs/newsprint.log`` (and, with ``-v``, to the console too)."""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from newsprint.flows.logs import log_file, run_logging
from rich.console import Console
from synth import column_page

NEWSPRINT = str(Path(sys.executable).parent / "newsprint")
LIBRARY_LINE = re.compile(
    r"\b(distributed|dask|prefect|tornado|uvicorn|httpx)\.|dashboard|nanny|scheduler|"
    r"worker|flow run|task run|temporary server|jupyter",
    re.IGNORECASE,
)
"""What a line of Prefect's, Dask's or distributed's logging looks like."""


def _child_says(words: str) -> None:
    """A process started meanwhile writing to its standard error, as a Dask worker does."""
    code = f"import sys; print({words!r}, file=sys.stderr)"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("verbose", [0, 1])
def test_library_logging_and_child_output_go_to_the_log_file(tmp_path: Path, verbose: int) -> None:
    shown = io.StringIO()
    console = Console(file=shown, width=200)
    with run_logging(tmp_path, verbose, console) as path:
        logging.getLogger("distributed.scheduler").info("dashboard at: http://127.0.0.1:8787")
        logging.getLogger("prefect.flow_runs").info("Beginning flow run 'calm-otter'")
        logging.getLogger("newsprint.pipeline.jobs").warning(
            "front: scan unreadable", extra={"page_outcome": True}
        )
        logging.getLogger("newsprint.catalog.api").warning("catalog locked; retrying")
        _child_says("worker chatter")
    assert path == log_file(tmp_path)
    logged = path.read_text(encoding="utf-8")
    for line in ("dashboard at", "calm-otter", "scan unreadable", "retrying", "worker chatter"):
        assert line in logged
    on_console = shown.getvalue()
    assert "catalog locked; retrying" in on_console  # newsprint's own warnings stay visible
    if verbose:
        assert "dashboard at" in on_console and "calm-otter" in on_console
    else:
        assert "scan unreadable" not in on_console  # the command prints page outcomes itself
        assert not LIBRARY_LINE.search(on_console), on_console
        assert "worker chatter" not in on_console
    # Everything is put back: the libraries' loggers log where they did before.
    assert not any(h.baseFilename == str(path) for h in _file_handlers())


def _file_handlers() -> list[logging.FileHandler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)]


@pytest.mark.models
def test_a_run_on_dask_prints_no_library_line_and_logs_them(tmp_path: Path) -> None:
    """``newsprint process`` as a person runs it: Dask on (a LocalCluster worker),
    Prefect's embedded server, one good scan and one broken one."""
    scans = tmp_path / "scans"
    scans.mkdir()
    column_page(columns=2, lines_per_column=4, size=22, col_width=240).save(scans / "good.png")
    (scans / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSPRINT_"))}
    env.update(
        {
            "PREFECT_HOME": str(tmp_path / "prefect-home"),
            "NEWSPRINT_CONFIG": str(tmp_path / "none.toml"),
            "NEWSPRINT_DASK__ENABLED": "true",
            "NEWSPRINT_DASK__WORKERS": "1",
            "NEWSPRINT_OCR__THREADS": "1",
            "COLUMNS": "160",
        }
    )
    out = tmp_path / "out"
    run = subprocess.run(
        [NEWSPRINT, "process", str(scans), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    console = run.stdout + run.stderr
    assert run.returncode == 1, console  # the broken scan
    lines = [line for line in console.splitlines() if line.strip()]
    assert not [line for line in lines if LIBRARY_LINE.search(line)], console
    failed = [line for line in lines if line.startswith("✗")]
    assert len(failed) == 1 and "broken.jpg" in failed[0], console
    assert "1 done" in console or "1 flagged" in console
    # One page ran; the broken scan ran none (it was counted a failed page).
    assert "1 page(s) run" in console and "0 failed, 1 scan(s) unreadable" in console
    # The table above that line counts them so too: no failed page, one unreadable scan.
    head = next(line for line in lines if "unreadable" in line and "┃" in line)
    cells = [c.strip() for c in head.strip().strip("┃").split("┃")]
    row = next(line for line in lines if line.startswith("│") and line.split("│")[1].strip() == "2")
    counts = dict(zip(cells, (c.strip() for c in row.strip().strip("│").split("│")), strict=True))
    assert counts["failed"] == "0" and counts["unreadable"] == "1", console
    assert len(lines) < 25, console
    logged = log_file(out).read_text(encoding="utf-8")
    assert re.search(r" INFO distributed\.scheduler: ", logged)
    assert re.search(r" INFO prefect\.flow_runs: ", logged)
    assert "newsprint.processes: " in logged  # the worker process's own output
