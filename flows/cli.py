"""``newsprint``: the command line.

A thin typer layer (as docling's CLI): it resolves settings, shows a progress
bar over the batch, prints a one-line error per bad scan, and ends with a
short summary. Exit status 1 when any scan failed. ``process`` and ``ingest``
are one path (``flows.commands._run_ingest``): the Prefect ``ingest`` flow.

This module makes the app and registers every command on it explicitly (the
``COMMANDS`` table at the end); the command modules (``flows.commands``,
``web.command``) never import it, so there is no import cycle, and the review
page (``web.app``) loads without typer or the CLI. The global ``--config FILE``
names the settings file; each command loads its settings once
(``flows.context.command_settings``) and passes them down.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer
from newsprint.flows import commands
from newsprint.flows.children import reaping
from newsprint.flows.context import (
    CommandState,
    console,
    progress_bar,
)
from newsprint.web import command as web_command
from rich.logging import RichHandler

__all__ = ["app", "console", "progress_bar"]

app = typer.Typer(help="OCR for scanned newspaper pages: per-article text, JSON and overlays.")


def main(
    ctx: typer.Context,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="-v info, -vv debug")
    ] = 0,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            help="Settings file (TOML). Default: the file in $NEWSPRINT_CONFIG, "
            "else ./newsprint.toml when there is one.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(message)s", handlers=[RichHandler(console=console)])
    ctx.obj = CommandState(config=config, verbose=verbose)
    # SIGTERM unwinds the command as Ctrl-C does, and no process it started
    # outlives it (flows/children.py).
    ctx.with_resource(reaping())


COMMANDS = (
    # one path: process (the scans given) and ingest (an inbox) run the ingest flow
    commands.process,
    # flows and catalog
    commands.ingest,
    commands.serve,
    commands.status,
    commands.review,
    commands.reprocess,
    commands.diff,
    commands.restore,
    commands.reviewed,
    # the review page
    web_command.web,
)
"""Every ``newsprint`` command, in the order ``--help`` lists them."""

app.callback()(main)
for _command in COMMANDS:
    app.command()(_command)

if __name__ == "__main__":
    app()
