"""One way in (issue 15 B): commands registered explicitly with no import cycle, the
review page and the Prefect helper free of the command line, settings loaded once
per command from ``--config`` / ``$NEWSPRINT_CONFIG`` / ``./newsprint.toml`` (never
at import), and review-page handlers that do not block the event loop."""

from __future__ import annotations

import ast
import asyncio
import contextlib
import inspect
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from newsprint.catalog import Catalog, NewVersion
from newsprint.core.settings import ConfigFileError, Settings, load_settings
from newsprint.flows import cli
from newsprint.web import data
from newsprint.web.app import create_app
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_FOLDERS = (
    "newsprint",
    "core",
    "scans",
    "layout",
    "ocr",
    "articles",
    "exports",
    "pipeline",
    "flows",
    "catalog",
    "store",
    "versions",
    "web",
)
"""The folders installed as the ``newsprint`` package (pyproject's package-dir)."""


def _modules_after_import(module: str) -> dict:
    """``sys.modules`` names and the environment changes after importing ``module``
    in a fresh interpreter. OpenCV is imported first: its loader sets
    ``LD_LIBRARY_PATH`` and Qt's variables, which are not newsprint's doing."""
    code = (
        "import json, os, sys\n"
        "import cv2\n"
        "before = dict(os.environ)\n"
        f"import {module}\n"
        "after = dict(os.environ)\n"
        "changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))\n"
        "print(json.dumps({'modules': sorted(sys.modules), 'env': changed}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


# ---- the import graph --------------------------------------------------------------------


CLI_MODULES = ("typer", "click", "newsprint.flows.cli", "newsprint.flows.commands")


@pytest.mark.parametrize("module", ["newsprint.web.app", "newsprint.flows.prefect_api"])
def test_the_review_page_and_the_prefect_helper_load_without_the_command_line(
    module: str,
) -> None:
    loaded = _modules_after_import(module)
    modules = set(loaded["modules"])
    assert not modules & {*CLI_MODULES, "newsprint.web.command", "newsprint.flows.context"}
    assert loaded["env"] == []  # importing changes nothing in os.environ


def test_command_modules_do_not_import_the_cli_module() -> None:
    """No cycle: flows.cli imports the command modules, never the other way round."""
    for module in ("newsprint.flows.commands", "newsprint.web.command"):
        assert "newsprint.flows.cli" not in _modules_after_import(module)["modules"], module


def test_importing_the_command_line_sets_nothing_in_the_environment() -> None:
    assert _modules_after_import("newsprint.flows.cli")["env"] == []


def test_every_command_is_registered_explicitly_once() -> None:
    names = [c.callback.__name__ for c in cli.app.registered_commands]
    assert names == [c.__name__ for c in cli.COMMANDS]
    assert names == [
        "process",
        "ingest",
        "serve",
        "status",
        "review",
        "reprocess",
        "diff",
        "restore",
        "reviewed",
        "web",
    ]


def _import_time_environ(path: Path) -> list[int]:
    """Lines where ``path`` touches ``os.environ`` / ``os.getenv`` / ``os.putenv``
    outside a function body (module or class level: run at import)."""
    found: list[int] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            outside = [*getattr(node, "decorator_list", []), *node.args.defaults]
            outside += [d for d in node.args.kw_defaults if d is not None]
            for child in outside:
                visit(child, in_function)
            body = node.body if isinstance(node.body, list) else [node.body]
            for child in body:
                visit(child, True)
            return
        if (
            not in_function
            and isinstance(node, ast.Attribute)
            and node.attr in ("environ", "getenv", "putenv", "unsetenv")
        ):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_function)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_no_package_module_reads_or_sets_the_environment_at_import() -> None:
    offenders = {
        str(path.relative_to(ROOT)): lines
        for folder in PACKAGE_FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (lines := _import_time_environ(path))
    }
    assert offenders == {}


# ---- settings: --config, NEWSPRINT_CONFIG, ./newsprint.toml ------------------------------


def _toml(path: Path, out: Path) -> Path:
    path.write_text(f'[schedule]\nout = "{out.as_posix()}"\n', encoding="utf-8")
    return path


def _status(*args: str) -> tuple[int, str]:
    """``newsprint ARGS status``: exit code and output without white space (rich
    wraps long paths anywhere)."""
    result = CliRunner().invoke(cli.app, [*args, "status"])
    return result.exit_code, _bare(result.output)


def _bare(text: object) -> str:
    return "".join(str(text).split())


def test_load_settings_reads_the_file_chosen_when_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSPRINT_CONFIG", raising=False)
    assert load_settings().schedule.out == Path("out")
    _toml(tmp_path / "newsprint.toml", tmp_path / "here")
    assert load_settings().schedule.out == tmp_path / "here"
    # Set after this module (and core.settings) were imported: still honoured.
    monkeypatch.setenv("NEWSPRINT_CONFIG", str(_toml(tmp_path / "env.toml", tmp_path / "env")))
    assert load_settings().schedule.out == tmp_path / "env"
    assert Settings().schedule.out == tmp_path / "env"
    given = _toml(tmp_path / "given.toml", tmp_path / "given")
    assert load_settings(given).schedule.out == tmp_path / "given"
    assert load_settings(given, language="zh").language == "zh"
    with pytest.raises(ConfigFileError, match=r"missing\.toml"):
        load_settings(tmp_path / "missing.toml")


def test_the_config_option_and_newsprint_config_reach_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSPRINT_CONFIG", raising=False)
    catalogued = tmp_path / "catalogued"
    Catalog.open(None, catalogued)
    given = _toml(tmp_path / "given.toml", catalogued)

    code, output = _status("--config", str(given))
    assert code == 0, output
    assert _bare(f"catalog sqlite:///{catalogued}/catalog.sqlite") in output

    # NEWSPRINT_CONFIG, set now (long after import), names another output root.
    monkeypatch.setenv("NEWSPRINT_CONFIG", str(_toml(tmp_path / "env.toml", tmp_path / "env")))
    code, output = _status()
    assert code == 2 and _bare(f"no catalog in {tmp_path / 'env'} ") in output
    code, output = _status("-c", str(given))  # --config wins over NEWSPRINT_CONFIG
    assert code == 0, output

    monkeypatch.delenv("NEWSPRINT_CONFIG")
    _toml(tmp_path / "newsprint.toml", tmp_path / "cwd")
    code, output = _status()
    assert code == 2 and _bare(f"no catalog in {tmp_path / 'cwd'} ") in output


def test_a_bad_config_file_ends_the_command_with_one_line(tmp_path: Path) -> None:
    code, output = _status("--config", str(tmp_path / "missing.toml"))
    assert code == 2 and "missing.tomlnotfound" in output
    broken = tmp_path / "broken.toml"
    broken.write_text("[schedule\nout = 1\n", encoding="utf-8")
    code, output = _status("--config", str(broken))
    assert code == 2 and "broken.toml" in output and "Traceback" not in output
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('language = "fr"\n', encoding="utf-8")
    code, output = _status("--config", str(wrong))
    assert code == 2 and "language" in output
    # Help needs no settings.
    helped = CliRunner().invoke(cli.app, ["--config", str(broken), "status", "--help"])
    assert helped.exit_code == 0, helped.output


def test_settings_are_loaded_once_per_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsprint.flows.context as context

    calls: list[object] = []
    real = context.load_settings

    def counting(config: object = None, **values: object) -> Settings:
        calls.append(config)
        return real(config, **values)

    monkeypatch.setattr(context, "load_settings", counting)
    out = tmp_path / "out"
    Catalog.open(None, out)
    config = _toml(tmp_path / "given.toml", out)
    for args in (["status"], ["review"], ["reviewed", "nothing"]):
        calls.clear()
        CliRunner().invoke(cli.app, ["--config", str(config), *args])
        assert calls == [config], args


# ---- the review page does not block its event loop ---------------------------------------


ASYNC_WITHOUT_IO = {"login_form", "login", "job_state"}
"""Handlers that touch neither the catalog nor files nor images."""


def _pages(tmp_path: Path, stems: tuple[str, ...]) -> Path:
    out = tmp_path / "out"
    catalog = Catalog.open(None, out)
    for stem in stems:
        scan, _ = catalog.register_scan(stem.ljust(64, "0"), str(tmp_path / f"{stem}.png"), 1)
        page = catalog.add_pages(scan.id, 1, stem)[0]
        assert catalog.claim_page(page.id, "test")
        flags = [{"code": "low_confidence", "message": "low", "severity": 0.5}]
        catalog.finish_page(
            page.id, "test", NewVersion(number=1, pipeline_version="t", flags=flags)
        )
    return out


def test_handlers_that_do_io_run_in_the_thread_pool(tmp_path: Path) -> None:
    app = create_app(_pages(tmp_path, ("one",)), Settings())
    handlers = {
        route.endpoint.__name__: route.endpoint
        for route in app.routes
        if getattr(route, "endpoint", None) is not None and hasattr(route, "methods")
    }
    assert {"page_list", "page_view", "scan_image", "download", "diff_view"} <= set(handlers)
    assert {"reprocess", "restore", "reviewed"} <= set(handlers)
    coroutines = {name for name, fn in handlers.items() if inspect.iscoroutinefunction(fn)}
    assert coroutines <= ASYNC_WITHOUT_IO


def _concurrently(
    app: object, paths: list[str], finished: dict[str, float] | None = None
) -> list[httpx.Response]:
    """The answers to ``paths`` requested at once; ``finished`` gets the
    monotonic time each answer came."""
    done = {} if finished is None else finished

    async def main() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as c:

            async def get(path: str) -> httpx.Response:
                answer = await c.get(path)
                done[path] = time.monotonic()
                return answer

            return list(await asyncio.gather(*(get(p) for p in paths)))

    return asyncio.run(main())


@contextlib.contextmanager
def _timed(spans: list[tuple[float, float]]) -> Iterator[None]:
    start = time.monotonic()
    yield
    spans.append((start, time.monotonic()))


def _overlapping(spans: list[tuple[float, float]]) -> bool:
    """Whether every span was under way at one instant (a wall-clock limit on the
    whole request fails on a busy CI machine; this does not)."""
    return len(spans) >= 2 and max(s for s, _ in spans) < min(e for _, e in spans)


def test_a_slow_catalog_call_does_not_hold_up_another_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both requests are inside the slow call at once: they can only meet at the
    barrier if neither holds the event loop (else the first waits out the timeout)."""
    app = create_app(_pages(tmp_path, ("one", "two")), Settings())
    barrier = threading.Barrier(2, timeout=10)
    real = Catalog.counts

    spans: list[tuple[float, float]] = []

    def slow_counts(self: Catalog) -> dict:
        barrier.wait()
        with _timed(spans):
            time.sleep(1.0)
        return real(self)

    monkeypatch.setattr(Catalog, "counts", slow_counts)
    answers = _concurrently(app, ["/", "/?status=flagged"])
    assert [a.status_code for a in answers] == [200, 200]
    assert _overlapping(spans)  # the two slow calls ran at once, not one after the other


def test_decoding_a_preview_does_not_hold_up_the_page_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(_pages(tmp_path, ("slow1", "slow2")), Settings())
    barrier = threading.Barrier(3, timeout=10)

    spans: list[tuple[float, float]] = []

    def slow_decode(catalog: Catalog, info: object, settings: Settings) -> bytes:
        barrier.wait()
        with _timed(spans):
            time.sleep(1.0)
        return b"\xff\xd8jpeg"

    real = Catalog.counts

    def counts(self: Catalog) -> dict:
        barrier.wait()
        return real(self)

    monkeypatch.setattr(data, "_render_preview", slow_decode)
    monkeypatch.setattr(Catalog, "counts", counts)
    data.scan_preview.cache_clear()
    try:
        finished: dict[str, float] = {}
        paths = ["/pages/slow1/scan.jpg", "/pages/slow2/scan.jpg", "/"]
        answers = _concurrently(app, paths, finished)
    finally:
        data.scan_preview.cache_clear()  # the fake JPEGs
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[0].content == b"\xff\xd8jpeg"
    assert _overlapping(spans)  # both previews decoded at once, not one after the other
    # The page list came while the previews were still being decoded.
    assert finished["/"] < min(end for _, end in spans)


def test_a_served_deployment_is_told_which_settings_file_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``newsprint --config FILE serve``: each scheduled run loads FILE (a flow
    parameter), not whatever newsprint.toml its working directory has."""
    import typer
    from newsprint.flows.context import CommandState, settings_file
    from newsprint.flows.ingest import ingest

    assert "config" in inspect.signature(ingest.fn).parameters
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSPRINT_CONFIG", raising=False)
    given = _toml(tmp_path / "given.toml", tmp_path / "out")
    ctx = typer.Context(typer.main.get_command(cli.app), obj=CommandState(config=given))
    assert settings_file(ctx) == given.resolve()
    ctx.obj = CommandState()
    assert settings_file(ctx) is None
    monkeypatch.setenv("NEWSPRINT_CONFIG", os.fspath(given))
    assert settings_file(ctx) == given.resolve()


def test_a_prefect_server_newsprint_starts_is_told_not_to_send_telemetry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Set in the server's environment when it starts, not in ours at import."""
    from newsprint.flows import prefect_api

    started: list[dict] = []

    class Subprocess:
        def Popen(self, *args: object, **kwargs: object) -> None:
            started.append(kwargs)

    monkeypatch.delenv("PREFECT_SERVER_ANALYTICS_ENABLED", raising=False)
    prefect_api._NewSession(Subprocess()).Popen(["uvicorn"], env={"PREFECT_HOME": "/x"})
    prefect_api._NewSession(Subprocess()).Popen(["uvicorn"])
    assert started[0]["env"] == {"PREFECT_HOME": "/x", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    assert started[1]["env"]["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert all(kw["start_new_session"] for kw in started)
    assert "PREFECT_SERVER_ANALYTICS_ENABLED" not in os.environ
    # An operator's own choice is kept.
    assert prefect_api.server_env({"PREFECT_SERVER_ANALYTICS_ENABLED": "true"}) == {
        "PREFECT_SERVER_ANALYTICS_ENABLED": "true"
    }


def test_serve_reports_a_local_prefect_server_that_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``newsprint serve``'s scheduling server comes from ``prefect_api`` (no typer
    there): its failure is an error the command reports in one line, status 1."""
    import subprocess as real_subprocess

    from newsprint.flows import prefect_api

    started: list[dict] = []

    class Stopped:
        returncode = 3

        def poll(self) -> int:
            return self.returncode

        def terminate(self) -> None:
            pass

        def wait(self, timeout: float) -> int:
            return self.returncode

    class Subprocess:
        DEVNULL = real_subprocess.DEVNULL

        @staticmethod
        def Popen(args: list[str], **kwargs: object) -> Stopped:
            started.append({"args": args, **kwargs})
            return Stopped()

    monkeypatch.setattr(prefect_api, "subprocess", Subprocess)
    monkeypatch.delenv("PREFECT_SERVER_ANALYTICS_ENABLED", raising=False)
    config = tmp_path / "serve.toml"
    config.write_text("[prefect]\nlocal_server_port = 4321\n", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    result = CliRunner().invoke(cli.app, ["--config", str(config), "serve", str(inbox)])
    assert result.exit_code == 1, result.output
    assert "localPrefectserverstopped(exit3)" in _bare(result.output)
    (call,) = started
    assert call["args"][-2:] == ["--port", "4321"]  # the port from --config's file
    assert call["env"]["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
