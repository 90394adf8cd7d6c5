"""``newsprint``: the command line.

A thin typer layer (as docling's CLI): it resolves settings, shows a progress
bar over the batch, prints a one-line error per bad scan, and ends with a
short summary. Exit status 1 when any scan failed.

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
from newsprint.core.errors import ModelMissingError, NewsprintError
from newsprint.core.settings import Settings
from newsprint.exports import write_issue
from newsprint.flows import commands
from newsprint.flows.children import reaping
from newsprint.flows.context import (
    CommandState,
    command_settings,
    console,
    progress_bar,
    with_values,
)
from newsprint.ocr.engine import OcrEngine, load_engine
from newsprint.pipeline.run import ScanResult, process_scan, safe_stem
from newsprint.scans import scan_paths
from newsprint.web import command as web_command
from rich.logging import RichHandler
from rich.table import Table

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
    ctx.obj = CommandState(config=config)
    # SIGTERM unwinds the command as Ctrl-C does, and no process it started
    # outlives it (flows/children.py).
    ctx.with_resource(reaping())


def process(
    ctx: typer.Context,
    scans: Annotated[list[Path], typer.Argument(help="Scan files or folders of scans.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output root folder.")] = Path("out"),
    lang: Annotated[
        str | None, typer.Option(help="auto, zh or en (default: language in the settings, auto).")
    ] = None,
    issue: Annotated[
        str | None,
        typer.Option(
            help="Issue ID: the scans are one issue's pages, in the order given; "
            "write DIR/ID/ with the pages, issue.mets.xml and issue.pdf."
        ),
    ] = None,
) -> None:
    """Process scans: write DIR/<stem>/ with articles.txt, page.json, overlay.png,
    page.alto.xml and page.pdf."""
    settings = command_settings(ctx)
    if lang is not None:
        settings = with_values(settings, language=lang)
    paths = scan_paths(scans)
    if not paths:
        console.print("[red]no scans found[/red] in " + ", ".join(map(str, scans)))
        raise typer.Exit(2)
    engine = _engine(settings)
    out = out / safe_stem(issue) if issue else out
    out.mkdir(parents=True, exist_ok=True)
    results = _run_batch(paths, out, settings, engine)
    issue_ok = _write_issue(issue, results, out, settings) if issue else True
    _summary(results, out)
    if any(not r.ok for r in results) or not issue_ok:
        raise typer.Exit(1)


def _write_issue(issue: str, results: list[ScanResult], out: Path, settings: Settings) -> bool:
    folders = [page.folder for result in results for page in result.pages]
    if not folders:
        console.print(f"[red]✗ issue {issue}: no page was processed[/red]")
        return False
    try:
        written = write_issue(issue, folders, out, settings.output)
    except (OSError, NewsprintError) as exc:
        console.print(f"[red]✗ issue {issue}: {exc}[/red]")
        return False
    console.print(
        f"[green]✓[/green] issue {issue}: {len(folders)} page(s) → "
        + ", ".join(str(p) for p in written)
    )
    return True


def _engine(settings: Settings) -> OcrEngine:
    try:
        return load_engine(settings.ocr)
    except ModelMissingError as exc:
        console.print(f"[red]OCR model missing:[/red] {exc}")
        raise typer.Exit(2) from exc


def _run_batch(
    paths: list[Path], out: Path, settings: Settings, engine: OcrEngine
) -> list[ScanResult]:
    results: list[ScanResult] = []
    taken: set[str] = set()
    with progress_bar() as bar:
        task = bar.add_task("pages", total=len(paths))
        for path in paths:
            bar.update(task, description=path.name[:40])
            result = process_scan(path, out, settings, engine, taken)
            if result.ok:
                bar.console.print(f"[green]✓[/green] {path} → {len(result.pages)} page(s)")
            else:
                bar.console.print(f"[red]✗ {result.error}[/red]")
            results.append(result)
            bar.advance(task)
    return results


def _summary(results: list[ScanResult], out: Path) -> None:
    pages = [p for r in results for p in r.pages]
    failed = [r for r in results if not r.ok]
    table = Table(title=f"newsprint → {out}", show_lines=False)
    for col in ("page", "lang", "skew°", "articles", "flags", "seconds"):
        table.add_column(col)
    for p in pages:
        table.add_row(
            p.stem,
            p.page.language or "?",
            f"{p.page.skew_angle:+.2f}",
            str(len(p.page.articles)),
            ",".join(f.code.value for f in p.page.flags) or "-",
            f"{p.seconds:.1f}",
        )
    console.print(table)
    total = sum(p.seconds for p in pages)
    console.print(
        f"{len(results)} scan(s): {len(results) - len(failed)} ok, {len(failed)} failed; "
        f"{len(pages)} page(s), {sum(len(p.page.articles) for p in pages)} articles, "
        f"{total / max(1, len(pages)):.1f} s/page"
    )


COMMANDS = (
    process,
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
