"""No process a ``newsprint`` command starts outlives the command.

A command starts processes of its own and through its libraries: Prefect's
embedded server, Dask's worker processes, the child a page runs in under a
time limit, a served deployment's flow runs. ``reaping`` wraps every command
(``flows.cli``):

- SIGTERM and SIGHUP raise ``Terminated`` (a ``SystemExit``, status 128 + the
  signal) in the main thread, so the command unwinds as on Ctrl-C: the Dask
  cluster is closed, the embedded server stopped, each ``with`` left in order.
  Python's default for SIGTERM is to die at once, leaving every child behind.
  SIGINT (Ctrl-C) raises ``Interrupted``, a ``KeyboardInterrupt``, as Python's
  own handler does. A second signal while the command unwinds is ignored.
- The stop is also remembered: an exception raised where a library swallows
  it (Python ignores one raised in a ``__del__`` or a weakref callback, and
  Prefect's flow engine drops one that arrives after the flow's own code has
  finished) would let the command run on and exit 0. ``raise_if_stopping``,
  called between the pages of ``process`` and ``ingest`` and before they
  report success, raises it again.
- A watcher thread notes the command's descendants every second, so that one
  whose parent has died in the meantime (adopted by init) is still known.
- On the way out, whatever it noted that still runs is terminated, then
  killed after ``GRACE_SECONDS``. Processes that were already running when the
  command started (a test harness's server) are left alone, and so is this
  process's multiprocessing resource tracker, which ends by itself when this
  process does (it ignores SIGTERM).

Only SIGKILL of the command itself escapes this: nothing runs in a process
killed that way (a page's child process still exits when its parent is gone,
``pipeline/limits.py``; Dask's worker processes do too).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Iterator
from types import FrameType

import psutil

log = logging.getLogger(__name__)

GRACE_SECONDS = 10.0
POLL_SECONDS = 1.0
SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
_RESOURCE_TRACKER = "multiprocessing.resource_tracker"


class Terminated(SystemExit):
    """The command was asked to stop by a signal; it unwinds, then exits."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT): the command unwinds as on Python's own KeyboardInterrupt
    and exits with status 130."""

    signum = signal.SIGINT


_stop_requested: list[int] = []
"""The signal that asked this command to stop, once one has (main thread only)."""
_unwinding: list[bool] = []
"""Set while ``reaping`` stops the children on the way out: signals are ignored."""


def _stop_exception(signum: int) -> BaseException:
    return Interrupted() if signum == signal.SIGINT else Terminated(signum)


def stop_requested() -> int | None:
    """The signal number that asked the command to stop, or None."""
    return _stop_requested[0] if _stop_requested else None


def raise_if_stopping() -> None:
    """Raise the stop again when a signal asked for one but the command is still
    running (its first exception was swallowed on the way up); call it from the
    main thread at safe points, between pages and before reporting success.

    Raises:
        Interrupted: after SIGINT.
        Terminated: after SIGTERM or SIGHUP.
    """
    signum = stop_requested()
    if signum is not None:
        log.warning("signal %d asked this command to stop: stopping now", signum)
        raise _stop_exception(signum)


class _Watch:
    """The descendants of this process seen while the command ran."""

    def __init__(self) -> None:
        self.me = psutil.Process()
        self.before = {_key(p) for p in _descendants(self.me)}
        self.seen: dict[tuple[int, float], psutil.Process] = {}
        self.lock = threading.Lock()

    def note(self) -> None:
        for process in _descendants(self.me):
            key = _key(process)
            if key is None or key in self.before or self._ours_to_keep(process):
                continue
            with self.lock:
                self.seen.setdefault(key, process)

    def _ours_to_keep(self, process: psutil.Process) -> bool:
        """This process's resource tracker: it must outlive the last of its users
        and exits when this process does."""
        try:
            return process.ppid() == self.me.pid and any(
                _RESOURCE_TRACKER in part for part in process.cmdline()
            )
        except psutil.Error:
            return True

    def alive(self) -> list[psutil.Process]:
        with self.lock:
            processes = list(self.seen.values())
        return [p for p in processes if _running(p)]


@contextlib.contextmanager
def reaping(grace_seconds: float = GRACE_SECONDS) -> Iterator[None]:
    """Within: SIGTERM/SIGHUP unwind the command; on the way out every process
    started meanwhile that still runs is stopped (see the module docstring)."""
    watch = _Watch()
    done = threading.Event()

    def watcher() -> None:
        while not done.wait(POLL_SECONDS):
            with contextlib.suppress(psutil.Error):
                watch.note()

    thread = threading.Thread(target=watcher, name="newsprint-children", daemon=True)
    thread.start()
    previous = _install_handlers()
    try:
        yield
    finally:
        # A first signal now (an impatient Ctrl-C while the server stops) must
        # not cut the children's stopping short: it is ignored from here on.
        _stopping()
        try:
            done.set()
            thread.join()
            with contextlib.suppress(psutil.Error):
                watch.note()
            stop(watch.alive(), grace_seconds)
        finally:
            _restore_handlers(previous)


def stop(processes: list[psutil.Process], grace_seconds: float = GRACE_SECONDS) -> None:
    """Terminate ``processes``, wait up to ``grace_seconds``, kill what is left."""
    if not processes:
        return
    for process in processes:
        log.info("stopping %s (pid %d), started by this command", _name(process), process.pid)
        with contextlib.suppress(psutil.Error):
            process.terminate()
    _, left = psutil.wait_procs(processes, timeout=grace_seconds)
    for process in left:
        log.warning("killing %s (pid %d): still running", _name(process), process.pid)
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(left, timeout=5)


def _install_handlers() -> dict[int, object]:
    """SIGTERM/SIGHUP raise ``Terminated`` once, SIGINT ``Interrupted``; a second
    one while the command unwinds is ignored (the children are being stopped).
    Main thread only."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    _stop_requested.clear()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        if _stop_requested or _unwinding:
            log.warning("signal %d: already stopping", signum)
            return
        _stop_requested.append(signum)
        raise _stop_exception(signum)

    previous: dict[int, object] = {}
    for signum in SIGNALS:
        previous[signum] = signal.signal(signum, on_signal)
    return previous


def _stopping() -> None:
    """From now on the handlers ignore every signal: the command is stopping its
    children. No stop is remembered by this (``stop_requested`` reads the same)."""
    _unwinding.append(True)


def _restore_handlers(previous: dict[int, object]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)  # type: ignore[arg-type]
    if previous:
        _stop_requested.clear()
    _unwinding.clear()


def _descendants(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _key(process: psutil.Process) -> tuple[int, float] | None:
    try:
        return process.pid, process.create_time()
    except psutil.Error:
        return None


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _name(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline()[:4]) or process.name()
    except psutil.Error:
        return "a process"
