"""The ``newsprint web`` command: serve the review page with uvicorn.

Binds 127.0.0.1 unless told otherwise; any other address needs ``web.token``
in the settings, or the command refuses to start (exit 2). Requests are
answered only under the host names the server was started for (loopback's,
the bound address, ``web.allowed_hosts``); any other ``Host`` gets 400.

A plain function: ``flows.cli`` registers it on the app (this module does not
import the CLI module, and ``web.app`` does not import this one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from newsprint.flows.context import command_settings, console
from newsprint.web.security import WebConfigError, check_bind, host_header_name


def web(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output root (default: schedule.out in the settings)."),
    ] = None,
    host: Annotated[
        str | None, typer.Option(help="Address to bind (default: web.host, 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: web.port, 8000).")] = None,
) -> None:
    """Serve the review page: pages to check, regions over the scan, corrections,
    versions, diffs, restore, mark reviewed, downloads."""
    settings = command_settings(ctx)
    host, port = host or settings.web.host, port or settings.web.port
    out = out or settings.schedule.out
    token = settings.web.token.get_secret_value() if settings.web.token else None
    try:
        check_bind(host, token)
    except WebConfigError as exc:
        console.print(f"[red]✗ {exc}[/red]")
        raise typer.Exit(2) from exc
    if settings.catalog.url is None and not (out / "catalog.sqlite").is_file():
        console.print(
            f"[red]✗ no catalog in {out}[/red] (run `newsprint ingest INBOX --out {out}`)"
        )
        raise typer.Exit(2)
    import uvicorn
    from newsprint.web.app import create_app

    review = create_app(out, settings, host=host)
    console.print(f"newsprint review: http://{host}:{port}/  ({out.resolve()})")
    if host_header_name(host) is None and not settings.web.allowed_hosts:
        console.print(
            "[yellow]answering only requests to localhost, 127.0.0.1 and [::1]: list the "
            "names and addresses clients use in web.allowed_hosts[/yellow]"
        )
    uvicorn.run(review, host=host, port=port, log_level="warning")
