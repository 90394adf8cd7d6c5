"""A run's log goes to ``DIR/logs/``, not to the console.

While a command runs a flow (``process``, ``ingest``, ``reprocess``), every log
record of this process goes to ``DIR/logs/newsprint.log`` (a
``logging.handlers.RotatingFileHandler``: 5 MB a file, five old files kept).
Prefect's, Dask's and distributed's loggers lose their own console handlers and
write there too. The processes the run starts (Dask workers, the embedded
Prefect server) write to standard output and error, which are a pipe for them:
a thread here reads it and logs each line as ``newsprint.processes``, so their
lines land in the same file. The console keeps only the command's own output
(the progress bar, a line per failed scan, the summary) and warnings of
newsprint's own; with ``-v`` every record (and every line of the processes) is
shown as well, ``-vv`` adds debug records.

Pages' outcomes are logged by ``pipeline.jobs`` too, marked ``extra={"page_outcome":
True}``: the command prints those itself (``✗`` / ``⚑`` lines), so the console
leaves them to it.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import sys
import threading
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.logging import RichHandler

LOGS = "logs"
LOG_FILE = "newsprint.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5
LIBRARIES = (
    "prefect",
    "distributed",
    "dask",
    "tornado",
    "bokeh",
    "uvicorn",
    "fastapi",
    "httpx",
    "httpcore",
    "asyncio",
    "alembic",
    "docket",
    "apprise",
    "websockets",
    "py.warnings",
)
"""Loggers whose records stay out of the console unless ``-v``."""
PROCESSES = "newsprint.processes"
"""The logger the lines of the run's child processes are logged under."""
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def log_file(out: Path) -> Path:
    return Path(out) / LOGS / LOG_FILE


class _QuietConsole(logging.Filter):
    """At default verbosity: no library records, no child-process lines, and no page
    outcomes (the command prints those)."""

    def filter(self, record: logging.LogRecord) -> bool:
        name = record.name
        if name == PROCESSES or getattr(record, "page_outcome", False):
            return False
        return not any(name == lib or name.startswith(lib + ".") for lib in LIBRARIES)


@contextlib.contextmanager
def run_logging(out: Path, verbose: int, console: Console) -> Iterator[Path]:
    """Send this process's logging and its children's output to ``out/logs/`` (and,
    with ``verbose``, to ``console`` as well) for the ``with`` block; yields the log
    file. Everything is put back as it was on the way out."""
    path = log_file(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    _import_libraries()  # their logging is set up at import: take it over after that
    file_handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler.setLevel(logging.DEBUG if verbose >= 2 else logging.INFO)
    console_handler = RichHandler(console=console, show_path=False, markup=False)
    console_handler.setLevel(
        logging.WARNING if not verbose else logging.INFO if verbose == 1 else logging.DEBUG
    )
    if not verbose:
        console_handler.addFilter(_QuietConsole())
    level = min(file_handler.level, console_handler.level)
    saved = _take_over([file_handler, console_handler], level)
    logging.captureWarnings(True)
    try:
        with _child_output([file_handler, console_handler]):
            logging.getLogger(__name__).info("newsprint %s: logging to %s", sys.argv[1:], path)
            yield path
    finally:
        logging.captureWarnings(False)
        _restore(saved)
        file_handler.close()


def _import_libraries() -> None:
    for module in ("prefect", "distributed"):
        with contextlib.suppress(ImportError):
            __import__(module)


def _take_over(handlers: list[logging.Handler], level: int) -> list[tuple[Any, ...]]:
    """Root gets ``handlers``; the libraries' loggers lose their stream handlers and
    pass their records up to root. Returns what is needed to put them back."""
    root = logging.getLogger()
    saved: list[tuple[Any, ...]] = [(root, list(root.handlers), root.level, root.propagate)]
    root.handlers = list(handlers)
    root.setLevel(level)
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if not isinstance(logger, logging.Logger) or not _library(name):
            continue
        streams = [h for h in logger.handlers if isinstance(h, logging.StreamHandler)]
        if not streams and logger.propagate:
            continue
        saved.append((logger, list(logger.handlers), logger.level, logger.propagate))
        logger.handlers = [h for h in logger.handlers if h not in streams]
        logger.propagate = True
    return saved


def _library(name: str) -> bool:
    return any(name == lib or name.startswith(lib + ".") for lib in LIBRARIES)


def _restore(saved: list[tuple[Any, ...]]) -> None:
    for logger, handlers, level, propagate in saved:
        logger.handlers = handlers
        logger.setLevel(level)
        logger.propagate = propagate


@contextlib.contextmanager
def _child_output(handlers: list[logging.Handler]) -> Iterator[None]:
    """Point file descriptors 1 and 2 at a pipe read by a thread that logs each line
    (so processes started meanwhile write there); the console, and this process's
    ``sys.stdout`` / ``sys.stderr`` where they are the real descriptors, keep the
    terminal."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    read_end, write_end = os.pipe()
    saved_fds = (os.dup(1), os.dup(2))
    reader = threading.Thread(
        target=_log_lines, args=(read_end, handlers), name="child-output", daemon=True
    )
    reader.start()
    swapped = _keep_terminal(saved_fds)
    os.dup2(write_end, 1)
    os.dup2(write_end, 2)
    os.close(write_end)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os.dup2(saved_fds[0], 1)
        os.dup2(saved_fds[1], 2)
        _give_back_terminal(swapped)
        for fd in saved_fds:
            os.close(fd)
        reader.join(timeout=5)  # ends when the last process holding the pipe is gone


def _keep_terminal(saved_fds: tuple[int, int]) -> dict[str, Any]:
    """Where this process's ``sys.stdout`` / ``sys.stderr`` are descriptors 1 / 2 (a
    real run, not a test's captured streams), they are given copies of those
    descriptors, so they (and the console, which writes to ``sys.stderr``) keep
    writing to the terminal."""
    swapped: dict[str, Any] = {}
    for name, fd in (("stdout", saved_fds[0]), ("stderr", saved_fds[1])):
        stream = getattr(sys, name)
        if _fileno(stream) in (1, 2):
            copy = open(fd, "w", encoding=stream.encoding or "utf-8", closefd=False)  # noqa: SIM115
            swapped[name] = stream
            setattr(sys, name, copy)
    return swapped


def _give_back_terminal(swapped: dict[str, Any]) -> None:
    for name in ("stdout", "stderr"):
        if name in swapped:
            copy = getattr(sys, name)
            with contextlib.suppress(Exception):
                copy.flush()
            setattr(sys, name, swapped[name])


def _fileno(stream: Any) -> int | None:
    try:
        return int(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None


def _log_lines(fd: int, handlers: list[logging.Handler]) -> None:
    """Each line read from ``fd`` as an INFO record of ``PROCESSES``, handed to the
    run's own handlers (so a process that outlives the run still logs to its file)."""
    log = logging.getLogger(PROCESSES)
    with open(fd, "rb", closefd=True) as pipe:
        for raw in pipe:
            line = _ANSI.sub("", raw.decode("utf-8", errors="replace")).rstrip()
            if not line:
                continue
            record = log.makeRecord(PROCESSES, logging.INFO, __file__, 0, "%s", (line,), None)
            for handler in handlers:
                if record.levelno >= handler.level:
                    handler.handle(record)
