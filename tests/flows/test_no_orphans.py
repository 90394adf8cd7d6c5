"""No process a ``newsprint`` command starts outlives it (issue 16, kind 5).

``newsprint ingest`` on Prefect's embedded server with the Dask task runner
used to leave a Prefect server running after every run: each Dask worker
started an embedded server of its own and was killed with it still up.

The commands here run as real subprocesses with a marker in their
environment, set only for that run; every process they start inherits it, so
a scan of ``/proc/*/environ`` finds each one, even one whose parent died and
that init adopted.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import psutil
import pytest
import typer
from newsprint.flows import children
from newsprint.flows.children import Interrupted, Terminated, raise_if_stopping, reaping
from synth import column_page

MARK = "NEWSPRINT_TEST_RUN_MARK"
PREFECT_SERVER = "prefect.server.api.server:create_app"
NEWSPRINT = str(Path(sys.executable).parent / "newsprint")


def _marked(mark: str) -> dict[int, str]:
    """pid → command line of every live process whose environment has the mark."""
    wanted = f"{MARK}={mark}".encode()
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as env:
                if wanted not in env.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/cmdline", "rb") as cmd:
                found[int(entry)] = cmd.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


def _left_behind(mark: str, seconds: float = 20.0) -> dict[int, str]:
    """The marked processes still alive after ``seconds`` (the multiprocessing
    resource tracker ends a moment after the command, when its pipe closes)."""
    deadline = time.monotonic() + seconds
    while (left := _marked(mark)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return left


def _env(tmp_path: Path, mark: str) -> dict[str, str]:
    """Dask on (a LocalCluster with one worker), Prefect's embedded server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSPRINT_"))}
    env.update(
        {
            MARK: mark,
            "PREFECT_HOME": str(tmp_path / "prefect-home"),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "NEWSPRINT_CONFIG": str(tmp_path / "none.toml"),
            "NEWSPRINT_DASK__ENABLED": "true",
            "NEWSPRINT_DASK__WORKERS": "1",
            "NEWSPRINT_OCR__THREADS": "1",
        }
    )
    return env


def _start_ingest(tmp_path: Path, mark: str) -> subprocess.Popen:
    cmd = [NEWSPRINT, "ingest", str(tmp_path / "inbox"), "--out", str(tmp_path / "out")]
    log = (tmp_path / "ingest.log").open("w")
    return subprocess.Popen(
        cmd, env=_env(tmp_path, mark), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def _watch(run: subprocess.Popen, mark: str, servers: set[int], until: float) -> None:
    """Note the Prefect servers among the run's processes until it ends or ``until``."""
    while run.poll() is None and time.monotonic() < until:
        servers.update(pid for pid, cmd in _marked(mark).items() if PREFECT_SERVER in cmd)
        time.sleep(0.3)


def _kill_marked(mark: str) -> None:
    for pid in _marked(mark):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.slow
def test_ingest_with_dask_leaves_no_process_behind(tmp_path: Path) -> None:
    """A page that reaches a Dask worker (its scan is cut short: it registers
    from its header and fails when the worker decodes it, no OCR needed)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    whole = tmp_path / "whole.png"
    column_page(columns=2, lines_per_column=6, col_width=240).save(whole)
    (inbox / "cut.png").write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])
    mark = uuid.uuid4().hex
    servers: set[int] = set()
    run = _start_ingest(tmp_path, mark)
    try:
        _watch(run, mark, servers, until=time.monotonic() + 400)
        assert run.wait(timeout=60) == 1  # the cut page failed
        log = (tmp_path / "ingest.log").read_text()
        assert "cut" in log and "Traceback" not in log, log[-3000:]
        left = _left_behind(mark)
    finally:
        run.kill()
        _kill_marked(mark)
    assert left == {}, f"still running after `newsprint ingest`: {left}"
    # The worker used the command's Prefect server instead of starting its own.
    assert len(servers) == 1, f"Prefect servers started: {servers}"


def _page_running(mark: str, main: int) -> bool:
    """A page is being worked on: a Dask worker of ``main`` has a child (the
    process a page runs in under prefect.page_timeout_seconds)."""
    try:
        workers = psutil.Process(main).children()
        return any(w.pid in _marked(mark) and w.children() for w in workers)
    except psutil.Error:
        return False


@pytest.mark.models
@pytest.mark.slow
@pytest.mark.parametrize("stop", ["sigterm", "ctrl-c"])
def test_a_stopped_ingest_leaves_no_process_behind(tmp_path: Path, stop: str) -> None:
    """SIGTERM to the command (cron's timeout, systemd) or Ctrl-C in a terminal
    (SIGINT to the whole foreground process group) while a page is in OCR."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    column_page(columns=4, lines_per_column=30).save(inbox / "page.png")
    mark = uuid.uuid4().hex
    servers: set[int] = set()
    run = _start_ingest(tmp_path, mark)
    try:
        deadline = time.monotonic() + 300
        while not _page_running(mark, run.pid) and run.poll() is None:
            assert time.monotonic() < deadline, "no page started in 300 s"
            servers.update(pid for pid, cmd in _marked(mark).items() if PREFECT_SERVER in cmd)
            time.sleep(0.3)
        assert run.poll() is None, "the run ended before it could be stopped"
        time.sleep(1.0)
        if stop == "sigterm":
            run.send_signal(signal.SIGTERM)
        else:
            os.killpg(run.pid, signal.SIGINT)
        started = time.monotonic()
        code = run.wait(timeout=120)
        took = time.monotonic() - started
        left = _left_behind(mark)
    finally:
        run.kill()
        _kill_marked(mark)
    log = (tmp_path / "ingest.log").read_text()
    assert code == (143 if stop == "sigterm" else 130), log[-3000:]
    assert left == {}, f"still running after the stopped ingest: {left}"
    assert took < 60, f"{took:.0f} s to stop"
    assert len(servers) == 1, f"Prefect servers started: {servers}"


# ---- the reaper itself --------------------------------------------------------------


def _sleeper(*, orphan: bool = False, ignore_term: bool = False) -> subprocess.Popen:
    """A child that sleeps; with ``orphan`` it starts a grandchild and exits, so
    init adopts the grandchild; with ``ignore_term`` it ignores SIGTERM."""
    code = "import signal, time\n"
    if ignore_term:
        code += "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
    if orphan:
        code = (
            "import subprocess, sys, time\n"
            f"subprocess.Popen([sys.executable, '-c', {code + 'time.sleep(120)'!r}])\n"
            "time.sleep(1.5)\n"
        )
    else:
        code += "time.sleep(120)\n"
    return subprocess.Popen([sys.executable, "-c", code])


def _grandchildren_of(parent: subprocess.Popen, timeout: float = 20) -> list[psutil.Process]:
    deadline = time.monotonic() + timeout
    me = psutil.Process()
    while time.monotonic() < deadline:
        found = [
            p for p in me.children(recursive=True) if p.pid != parent.pid and p.ppid() == parent.pid
        ]
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("no grandchild appeared")


def test_reaping_stops_what_was_started_within_and_nothing_else(monkeypatch) -> None:
    monkeypatch.setattr(children, "POLL_SECONDS", 0.1)
    monkeypatch.setattr(children, "GRACE_SECONDS", 2.0)
    before = _sleeper()  # a test harness's server, say: not the command's
    try:
        with reaping(grace_seconds=2.0):
            plain, stubborn = _sleeper(), _sleeper(ignore_term=True)
            parent = _sleeper(orphan=True)
            (grandchild,) = _grandchildren_of(parent)
            parent.wait(timeout=20)  # the grandchild now belongs to init
            time.sleep(0.5)  # the watcher sees it at least once
            assert grandchild.ppid() != parent.pid
        for process in (plain, stubborn):
            assert process.wait(timeout=5) is not None
        assert not grandchild.is_running() or grandchild.status() == psutil.STATUS_ZOMBIE
        assert before.poll() is None
    finally:
        before.kill()
        before.wait()


def test_sigterm_unwinds_the_command_and_stops_its_children() -> None:
    handler = signal.getsignal(signal.SIGTERM)
    unwound = []
    with pytest.raises(Terminated) as stopped, reaping(grace_seconds=2.0):
        child = _sleeper()
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(10)
        finally:
            unwound.append(True)
    assert stopped.value.code == 128 + signal.SIGTERM and unwound == [True]
    assert child.wait(timeout=5) is not None
    assert signal.getsignal(signal.SIGTERM) is handler


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_ctrl_c_is_remembered_when_a_library_swallows_its_interrupt() -> None:
    """Python ignores an exception raised in a ``__del__`` (and a library may
    catch one): the command must not then run on and report success."""
    handler = signal.getsignal(signal.SIGINT)

    class Finaliser:
        def __del__(self) -> None:
            time.sleep(0.5)  # Ctrl-C arrives meanwhile; its exception is ignored here

    with pytest.raises(Interrupted), reaping(grace_seconds=2.0):
        raise_if_stopping()  # nothing asked to stop yet
        timer = threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT))
        timer.start()
        Finaliser()  # collected at once: the interrupt is raised in __del__ and lost
        timer.join()
        os.kill(os.getpid(), signal.SIGINT)  # a second Ctrl-C while stopping: ignored
        raise_if_stopping()
    assert signal.getsignal(signal.SIGINT) is handler
    raise_if_stopping()  # outside the command: nothing remembered


def test_interrupted_is_a_keyboard_interrupt_exiting_130() -> None:
    """Typer and the libraries below treat it as Ctrl-C (exit status 130)."""
    from typer.testing import CliRunner

    app = typer.Typer()

    @app.command()
    def wait() -> None:
        with reaping(grace_seconds=1.0):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(10)

    assert issubclass(Interrupted, KeyboardInterrupt)
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 130


def test_ctrl_c_while_the_children_are_stopped_does_not_cut_it_short(monkeypatch) -> None:
    """An impatient Ctrl-C while the command waits for a child to stop (here one
    that ignores SIGTERM) is ignored: the child is still killed, nothing raised."""
    monkeypatch.setattr(children, "POLL_SECONDS", 0.1)
    with reaping(grace_seconds=3.0):
        stubborn = _sleeper(ignore_term=True)
        time.sleep(0.5)  # the watcher sees it
        timer = threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGINT))
        timer.start()  # fires while reaping waits out the grace period
    timer.join()
    assert stubborn.wait(timeout=5) is not None
