"""Which Prefect API newsprint's flows talk to, and the life of the embedded server.

With ``prefect.api_url`` set (or ``PREFECT_API_URL`` in Prefect's own
settings) that server is used. Without one, Prefect runs an embedded server:
a ``uvicorn`` subprocess on a free port with its SQLite database under
``PREFECT_HOME``. Prefect starts it lazily in whichever process first needs the
API, and only that process knows its address, so each Dask worker process
started one of its own; workers are killed, not shut down, at the end of a run,
and their servers were left running with init as their parent. Here the
embedded server is started once, in the command's own process, and its address
is handed explicitly to all that newsprint starts: this process's Prefect
settings, and ``PREFECT_API_URL`` in each Dask worker's environment
(``worker_env``). It runs in a session of its own (Ctrl-C in a terminal does
not stop it while the flow still reports to it) and is stopped, once Prefect's
queued logs are sent, when the command is done with it.

The servers newsprint starts are told not to send usage telemetry (the
machines it runs on may have no way out, and the server logs an error each
start): ``server_env`` sets that in the server's environment only, never in
this process's ``os.environ``. ``scheduling_server`` is the local Prefect
server (with its scheduler) that ``newsprint serve`` serves the ingest
deployment on. This module imports neither typer nor the command line: the
review page (``web/jobs.py``) uses it too.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

from newsprint.core.settings import Settings

log = logging.getLogger(__name__)

STARTUP_TIMEOUT_SECONDS = 180
"""Prefect's 20 s default is too short for the embedded server on two busy cores."""

DRAIN_SECONDS = 10.0
"""At most this long to send Prefect's queued logs and events before the stop."""

SERVER_DEFAULTS = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
"""Environment for a Prefect server newsprint starts, unless already set."""


class PrefectServerError(RuntimeError):
    """A Prefect server newsprint started stopped or did not answer."""


_lock = threading.Lock()
_started: Any = None
"""The embedded server newsprint started in this process (a Prefect
``SubprocessASGIServer``), or None."""


def current_api_url() -> str | None:
    """The Prefect API this thread's Prefect settings point at, if any."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


def server_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's environment) with ``SERVER_DEFAULTS``
    added where unset: the environment of a Prefect server newsprint starts."""
    return {**SERVER_DEFAULTS, **(os.environ if env is None else env)}


def worker_env() -> dict[str, str]:
    """Environment for a process newsprint starts that talks to Prefect (a Dask
    worker): the API this process uses, so it never starts a server of its own."""
    url = current_api_url()
    return {"PREFECT_API_URL": url} if url else {}


@contextlib.contextmanager
def prefect_server(settings: Settings, keep_server: bool = False) -> Iterator[str]:
    """Point Prefect at the server in the settings, else at the one Prefect is
    already configured for, else at an embedded server started here; yields the
    API URL. The embedded server is stopped on the way out, unless
    ``keep_server`` (the review page keeps it for its next reprocess and stops
    it with ``stop_embedded_server`` when it shuts down)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = settings.prefect.api_url or current_api_url()
    started = None
    if not url:
        started = _start_embedded()
        url = started.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield url
    finally:
        if started is not None and not keep_server:
            stop_embedded_server()


def _start_embedded() -> Any:
    """Prefect's embedded server, started once per process (SQLite under
    PREFECT_HOME); a second call while it runs returns the same server."""
    global _started
    with _lock:
        if _started is None or not _started.running:
            # A port of its own: SubprocessASGIServer() is a shared instance that a
            # test harness may have put its own server in.
            server = _new_server(port=_free_port())
            server.start(timeout=STARTUP_TIMEOUT_SECONDS)
            _started = server
            log.info("Prefect embedded server at %s", server.api_url)
        return _started


@functools.cache
def _own_session_server_class() -> type:
    from prefect.server.api import server as prefect_server_module

    class OwnSessionServer(prefect_server_module.SubprocessASGIServer):  # type: ignore[misc]
        """Prefect's embedded server (Prefect's own command and environment) in a
        session of its own. Ctrl-C in a terminal goes to the whole foreground
        process group; the server must stay up while the flow reports how it
        ended, and is stopped after by ``stop_embedded_server``."""

        def _run_uvicorn_command(self) -> subprocess.Popen:
            real = prefect_server_module.subprocess
            prefect_server_module.subprocess = _NewSession(real)  # type: ignore[assignment]
            try:
                return super()._run_uvicorn_command()
            finally:
                prefect_server_module.subprocess = real

    return OwnSessionServer


class _NewSession:
    """The ``subprocess`` module, but ``Popen`` starts a new session, in an
    environment with ``SERVER_DEFAULTS``."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def Popen(self, *args: Any, **kwargs: Any) -> subprocess.Popen:
        kwargs["env"] = server_env(kwargs.get("env"))
        return self._module.Popen(*args, start_new_session=True, **kwargs)


def _new_server(port: int) -> Any:
    return _own_session_server_class()(port=port)


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_embedded_server() -> None:
    """Stop the embedded server started by ``prefect_server`` (if one runs), once
    the logs and events still queued for it are sent."""
    global _started
    with _lock:
        server, _started = _started, None
    if server is not None:
        _send_queued()
        server.stop()


def _send_queued(timeout: float = DRAIN_SECONDS) -> None:
    """Send the flow logs and events Prefect still holds (otherwise they are
    retried against the stopped server at exit, for a minute, and lost)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (APILogWorker, EventsWorker):
        try:
            service.drain_all(timeout=timeout)
        except Exception:  # a flush that fails must not keep the server up
            log.debug("could not send %s's queue", service.__name__, exc_info=True)


@contextlib.contextmanager
def scheduling_server(
    settings: Settings, seconds: float = STARTUP_TIMEOUT_SECONDS
) -> Iterator[str]:
    """The Prefect API a deployment is served on (``newsprint serve``): the server
    in the settings, or a local Prefect server started here (Prefect's own, SQLite
    under PREFECT_HOME, on ``prefect.local_server_port``), since Prefect's
    ephemeral in-process API runs no scheduler. Yields the API URL; the local
    server is stopped on the way out. Raises ``PrefectServerError`` when it stops
    or does not answer within ``seconds``."""
    if settings.prefect.api_url:
        yield settings.prefect.api_url
        return
    port = settings.prefect.local_server_port
    url = f"http://127.0.0.1:{port}/api"
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
    server = subprocess.Popen(
        [*cmd, "--port", str(port)], stdout=subprocess.DEVNULL, env=server_env()
    )
    try:
        _wait_for(url, server, seconds)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=60)


def _wait_for(url: str, server: subprocess.Popen, seconds: float) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise PrefectServerError(f"the local Prefect server stopped (exit {server.returncode})")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/health", timeout=5).status_code == 200:
                return
        time.sleep(1)
    raise PrefectServerError(f"the local Prefect server did not answer at {url} in {seconds:.0f} s")
