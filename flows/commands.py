"""``newsprint`` commands around the Prefect flows and the catalog.

process, ingest, serve, status, review, reprocess, diff, restore, reviewed:
plain functions, registered on the app by ``flows.cli`` (this module does not
import it). ``process`` and ``ingest`` are one path: the ``ingest`` flow, over
the scans given or over an inbox (``_run_ingest``). Each loads its settings
once (``command_settings``) and passes them down. Prefect is imported only by
the commands that run a flow, so ``newsprint status`` stays quick.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from newsprint.catalog import Catalog, CatalogError, IssueInfo, PageInfo
from newsprint.core.settings import Settings
from newsprint.flows.children import raise_if_stopping
from newsprint.flows.context import (
    command_settings,
    command_verbosity,
    console,
    progress_bar,
    settings_file,
    with_values,
)
from newsprint.flows.logs import run_logging
from newsprint.flows.prefect_api import PrefectServerError, prefect_server, scheduling_server
from newsprint.pipeline.overrides import Overrides, RegionOverride, parse_box
from newsprint.scans import scan_paths
from rich.markup import escape
from rich.table import Table

OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Output root (default: schedule.out in the settings)."),
]


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
            help="Issue title: the scans are this one issue's pages, in the order given "
            "(default: issues found from folders and file names, see issues.pattern)."
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Dask LocalCluster workers (default: dask.workers).")
    ] = None,
    retry_failed: Annotated[bool, typer.Option(help="Run failed pages again too.")] = False,
) -> None:
    """Process scans: the ingest flow, run once over the scans given. DIR gets the
    catalog, a folder per page (articles.txt, page.json, overlay.png, page.alto.xml,
    page.pdf, with versions) and issues/ (issue.mets.xml, issue.pdf per issue).
    Exit 1 when a page failed, 2 when nothing could start."""
    settings = command_settings(ctx)
    if lang is not None:
        settings = with_values(settings, language=lang)
    paths = scan_paths(scans)
    if not paths:
        console.print("[red]no scans found[/red] in " + ", ".join(map(str, scans)))
        raise typer.Exit(2)
    _run_ingest(ctx, settings, _common_folder(scans), out, workers, retry_failed, paths, issue)


def ingest(
    ctx: typer.Context,
    inbox: Annotated[Path, typer.Argument(help="Folder of scans (the inbox).")],
    out: OutOption = None,
    workers: Annotated[
        int | None, typer.Option(help="Dask LocalCluster workers (default: dask.workers).")
    ] = None,
    retry_failed: Annotated[bool, typer.Option(help="Run failed pages again too.")] = False,
) -> None:
    """Run the ingest flow once: catalogue new scans (by content hash) and
    process every page not yet done. Exit 1 when a page failed."""
    settings = command_settings(ctx)
    if not inbox.is_dir():
        console.print(f"[red]✗ {inbox}: inbox folder not found[/red]")
        raise typer.Exit(2)
    _run_ingest(ctx, settings, inbox, out or settings.schedule.out, workers, retry_failed)


def _run_ingest(
    ctx: typer.Context,
    settings: Settings,
    inbox: Path,
    out: Path,
    workers: int | None,
    retry_failed: bool,
    scans: list[Path] | None = None,
    issue: str | None = None,
) -> None:
    """The one path of ``process`` and ``ingest``: the ingest flow with a progress bar,
    its logging in ``out/logs/``, then the summary; exit 1 when a page or an issue
    failed, 2 when the OCR models are missing or the engine cannot run here."""
    if workers:
        settings = settings.model_copy(
            update={"dask": settings.dask.model_copy(update={"workers": workers})}
        )
    _check_models(settings)
    from newsprint.flows.ingest import progress_hook, run_ingest
    from newsprint.pipeline.limits import stop_children

    verbose = command_verbosity(ctx)
    with (
        run_logging(out, verbose, console) as log_path,
        prefect_server(settings),
        _progress() as hook,
    ):
        token = progress_hook.set(hook)
        try:
            summary = run_ingest(inbox, out, settings, retry_failed, scans, issue)
        finally:
            progress_hook.reset(token)
            # The children pages ran in (Prefect's thread pool, no Dask) are stopped
            # here, by their pool, while their output still goes to the log.
            stop_children()
    raise_if_stopping()  # not "done" when a stop was asked for and got lost on the way
    _ingest_summary(summary, log_path)
    if summary.failed or any(i.error for i in summary.issues):
        raise typer.Exit(1)


def _common_folder(paths: list[Path]) -> Path:
    """The folder the given scans and folders share: issues are found from their
    paths below it."""
    folders = [str(p.resolve() if p.is_dir() else p.resolve().parent) for p in paths]
    return Path(os.path.commonpath(folders))


def _check_models(settings: Settings) -> None:
    from newsprint.core.errors import ModelMissingError
    from newsprint.ocr.models import prepare_models
    from newsprint.ocr.paddle import EngineUnavailableError, engine_options

    try:
        engine_options(settings.ocr)
        prepare_models(settings.ocr)
    except EngineUnavailableError as exc:
        console.print(f"[red]✗ OCR engine unavailable:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    except ModelMissingError as exc:
        console.print(f"[red]✗ OCR model missing:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc


def serve(
    ctx: typer.Context,
    inbox: Annotated[Path | None, typer.Argument(help="Inbox (default: schedule.inbox).")] = None,
    out: OutOption = None,
) -> None:
    """Serve the ingest flow as a deployment on the schedule in the settings
    (schedule.cron, else schedule.interval_seconds) until stopped."""
    settings = command_settings(ctx)
    inbox, out = inbox or settings.schedule.inbox, out or settings.schedule.out
    from newsprint.flows.ingest import ingest as ingest_flow
    from newsprint.flows.ingest import task_runner, worker_settings

    schedule: dict[str, Any] = (
        {"cron": settings.schedule.cron}
        if settings.schedule.cron
        else {"interval": settings.schedule.interval_seconds}
    )
    where = settings.prefect.api_url or "Prefect's embedded local server (SQLite)"
    console.print(
        f"serving {settings.schedule.deployment_name}: {inbox} → {out}, {schedule}, {where}"
    )
    parameters = {"inbox": str(inbox.resolve()), "out": str(out.resolve())}
    config = settings_file(ctx)
    if config is not None:  # each run loads its settings from the same file
        parameters["config"] = str(config)
    try:
        with scheduling_server(settings) as server:
            settings = settings.model_copy(
                update={"prefect": settings.prefect.model_copy(update={"api_url": server})}
            )
            console.print(f"Prefect server: {server.removesuffix('/api')}")
            with prefect_server(settings):
                # Built once the server is known: its workers are given its address.
                runner = task_runner(worker_settings(settings))
                flow = ingest_flow.with_options(task_runner=runner)
                flow.serve(
                    name=settings.schedule.deployment_name,
                    parameters=parameters,
                    **schedule,
                )
    except PrefectServerError as exc:
        console.print(f"[red]✗ {escape(str(exc))}[/red]")
        raise typer.Exit(1) from exc


def status(ctx: typer.Context, out: OutOption = None) -> None:
    """Pages by status, the issues, then the failed and the flagged pages."""
    catalog = _catalog(command_settings(ctx), out)
    counts = catalog.counts()
    table = Table(title=f"catalog {catalog.url}")
    for name in counts:
        table.add_column(name, justify="right")
    table.add_row(*(str(n) for n in counts.values()))
    console.print(table)
    issues = catalog.list_issues()
    if issues:
        console.print(_issues_table(issues))
    for page in catalog.list_pages("failed"):
        console.print(f"[red]✗ {page.stem}[/red]: {escape(page.error or '?')}")
    for page in catalog.list_pages("flagged", order="severity"):
        console.print(f"[yellow]⚑ {page.stem}[/yellow]: {_why(page)}")
    for page in catalog.list_pages("running"):
        console.print(f"[blue]… {page.stem}[/blue]: running under {page.claimed_by}")


def _issues_table(issues: list[IssueInfo]) -> Table:
    table = Table(title="issues")
    for col in ("title", "date", "pages", "done", "flagged", "failed", "METS", "folder"):
        table.add_column(col, justify="left" if col in ("title", "folder") else "right")
    for issue in issues:
        statuses = [str(s) for s in issue.statuses]
        done = statuses.count("done") + statuses.count("reviewed")
        version = f"v{issue.current_version}" if issue.current_version else "-"
        if issue.error:
            version += " ✗"
        table.add_row(
            escape(issue.title),
            issue.date.isoformat() if issue.date else "-",
            str(len(issue.pages)),
            str(done),
            str(statuses.count("flagged")),
            str(statuses.count("failed")),
            version,
            escape(f"issues/{issue.key}"),
        )
    return table


def review(
    ctx: typer.Context,
    out: OutOption = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """Flagged pages with why they were flagged and their issue, worst first."""
    catalog = _catalog(command_settings(ctx), out)
    pages = catalog.review_queue(limit)
    if not pages:
        console.print("no flagged pages")
        return
    issue_of = {stem: i.label for i in catalog.list_issues() for stem in i.pages}
    table = Table(title="pages to review, worst first")
    for col in ("page", "issue", "severity", "why", "version", "source"):
        table.add_column(col)
    for page in pages:
        table.add_row(
            page.stem,
            escape(issue_of.get(page.stem, "-")),
            f"{page.severity:.2f}",
            _why(page),
            f"v{page.current_version}",
            page.source,
        )
    console.print(table)


def reprocess(
    ctx: typer.Context,
    page: Annotated[str, typer.Argument(help="The page: its output folder name or catalog id.")],
    out: OutOption = None,
    skew: Annotated[
        float | None, typer.Option(help="The scan's skew in degrees (+ = counter-clockwise).")
    ] = None,
    columns: Annotated[int | None, typer.Option(help="Number of columns.")] = None,
    lang: Annotated[str | None, typer.Option(help="zh or en.")] = None,
    crop: Annotated[str | None, typer.Option(help="x0,y0,x1,y1 in scan pixels.")] = None,
    region: Annotated[
        list[str] | None,
        typer.Option(help="TYPE:x0,y0,x1,y1 (photo, advertisement, text, headline, caption)."),
    ] = None,
    merge: Annotated[
        list[str] | None, typer.Option(help="Articles to join: a2+a3, or points x,y+x,y.")
    ] = None,
    split: Annotated[
        list[str] | None, typer.Option(help="Region (id or x,y) that starts a new article.")
    ] = None,
    by: Annotated[str | None, typer.Option(help="Who asks (recorded).")] = None,
) -> None:
    """Run a page again with overrides; the result is a new version, made current."""
    try:
        overrides = Overrides(
            skew=skew,
            columns=columns,
            lang=lang,
            crop=parse_box(crop) if crop else None,
            regions=[_region(r) for r in region or []],
            merge=[m.split("+") for m in merge or []],
            split=list(split or []),
        )
    except ValueError as exc:
        console.print(f"[red]✗ {exc}[/red]")
        raise typer.Exit(2) from exc
    settings = command_settings(ctx)
    out = out or settings.schedule.out
    _page(settings, out, page)
    from newsprint.flows.reprocess import reprocess as reprocess_flow

    with run_logging(out, command_verbosity(ctx), console), prefect_server(settings):
        try:
            result = reprocess_flow(
                page, str(out.resolve()), overrides, by or getpass.getuser(), settings
            )
        except CatalogError as exc:
            console.print(f"[red]✗ {exc}[/red]")
            raise typer.Exit(1) from exc
    if result.status == "failed":
        console.print(f"[red]✗ {result.stem}: {escape(result.error or '?')}[/red]")
        raise typer.Exit(1)
    flags = ", ".join(result.flags) or "no flags"
    console.print(
        f"[green]✓[/green] {result.stem} → v{result.version}: {result.articles} articles, "
        f"{flags}, {result.seconds:.1f}s"
    )
    if result.issue is not None:
        console.print(_issue_line(result.issue, out))
        if result.issue.error:
            raise typer.Exit(1)


def diff(
    ctx: typer.Context,
    page: Annotated[str, typer.Argument(help="The page: output folder name or catalog id.")],
    old: Annotated[str, typer.Argument(help="Version, e.g. v1 or 1.")],
    new: Annotated[str, typer.Argument(help="Version, e.g. v2 or 2.")],
    out: OutOption = None,
) -> None:
    """What changed in the article text between two versions of a page."""
    from newsprint.versions import VersionError, diff_articles

    settings = command_settings(ctx)
    out = out or settings.schedule.out
    info = _page(settings, out, page)
    try:
        text = diff_articles(out / info.stem, _number(old), _number(new))
    except VersionError as exc:
        console.print(f"[red]✗ {exc}[/red]")
        raise typer.Exit(1) from exc
    if not text:
        console.print(f"{info.stem}: the article text of {old} and {new} is the same")
        return
    for line in text.splitlines():
        style = "green" if line.startswith("+") else "red" if line.startswith("-") else None
        console.print(escape(line), style=style, highlight=False, soft_wrap=True)


def restore(
    ctx: typer.Context,
    page: Annotated[str, typer.Argument(help="The page: output folder name or catalog id.")],
    version: Annotated[str, typer.Argument(help="Version to make current, e.g. v1.")],
    out: OutOption = None,
) -> None:
    """Make an earlier version of a page current again."""
    from newsprint.pipeline.jobs import restore as restore_version
    from newsprint.versions import VersionError

    settings = command_settings(ctx)
    out = out or settings.schedule.out
    catalog = _catalog(settings, out)
    try:
        info = restore_version(catalog, out, page, _number(version), settings)
    except (CatalogError, VersionError) as exc:
        console.print(f"[red]✗ {exc}[/red]")
        raise typer.Exit(1) from exc
    console.print(f"[green]✓[/green] {info.stem}: v{info.current_version} is current")
    issue = catalog.issue_of(info.id)
    if issue is not None:
        console.print(
            f"issue {escape(issue.label)}: issue.mets.xml and issue.pdf v{issue.current_version}"
            + (f" [red](not built again: {escape(issue.error)})[/red]" if issue.error else "")
        )


def reviewed(
    ctx: typer.Context,
    page: Annotated[str, typer.Argument(help="The page: output folder name or catalog id.")],
    by: Annotated[str | None, typer.Option(help="Who reviewed it.")] = None,
    note: Annotated[str | None, typer.Option(help="A note kept with the page.")] = None,
    out: OutOption = None,
) -> None:
    """Mark a page reviewed: an archivist accepts its current version."""
    try:
        info = _catalog(command_settings(ctx), out).mark_reviewed(
            page, by or getpass.getuser(), note
        )
    except CatalogError as exc:
        console.print(f"[red]✗ {exc}[/red]")
        raise typer.Exit(1) from exc
    console.print(f"[green]✓[/green] {info.stem}: reviewed by {info.reviewed_by}")


def _catalog(settings: Settings, out: Path | None) -> Catalog:
    out = out or settings.schedule.out
    if settings.catalog.url is None and not (out / "catalog.sqlite").is_file():
        console.print(
            f"[red]✗ no catalog in {out}[/red] (run `newsprint process SCANS --out {out}` first)"
        )
        raise typer.Exit(2)
    return Catalog.open(settings.catalog.url, out)


def _page(settings: Settings, out: Path, ref: str) -> PageInfo:
    try:
        return _catalog(settings, out).page(ref)
    except CatalogError as exc:
        console.print(f"[red]✗ {exc}[/red]")
        raise typer.Exit(2) from exc


def _number(version: str) -> int:
    text = version.lower().removeprefix("v")
    if not text.isdigit():
        console.print(f"[red]✗ {version!r} is not a version (v1, v2, …)[/red]")
        raise typer.Exit(2)
    return int(text)


def _region(text: str) -> RegionOverride:
    kind, _, box = text.partition(":")
    return RegionOverride(type=kind.strip(), bbox=parse_box(box))


def _why(page: PageInfo) -> str:
    return "; ".join(f"{f.get('code')}: {f.get('message')}" for f in page.flags) or "-"


@contextlib.contextmanager
def _progress() -> Iterator[Any]:
    """The progress bar over the run's pages; a line for each page that failed or was
    flagged (a clean page only moves the bar) and for an issue that could not be built."""
    with progress_bar() as bar:
        task = bar.add_task("pages", total=None)

        def hook(event: str, value: Any) -> None:
            if event == "pages":
                bar.update(task, total=value)
            elif event == "page":
                _print_outcome(bar.console, value)
                bar.update(task, advance=1, description=value.stem[:40])
            elif event == "issue" and value.error:
                bar.console.print(
                    f"[red]✗ issue {escape(value.label)}: {escape(value.error)}[/red]"
                )

        yield hook


def _print_outcome(out: Any, outcome: Any) -> None:
    if outcome.status == "flagged":
        out.print(
            f"[yellow]⚑ {escape(outcome.stem)}[/yellow] v{outcome.version}: "
            f"{', '.join(outcome.flags)}"
        )
    elif outcome.status == "skipped":
        out.print(f"[blue]…[/blue] {escape(outcome.stem)}: taken by another run")
    elif outcome.status == "failed":
        out.print(f"[red]✗ {escape(outcome.stem)}: {escape(outcome.error or '?')}[/red]")


MAX_PAGE_ROWS = 20
"""A run of at most this many pages lists them in its summary."""


def _ingest_summary(summary: Any, log_path: Path) -> None:
    for error in summary.unreadable:
        console.print(f"[red]✗ {escape(error)}[/red]")
    table = Table(title=f"{escape(summary.inbox)} → {escape(summary.out)}")
    # Pages and scans apart, as the line under the table counts them.
    columns = ("scans", "new", "already known", "pages run", "done", "flagged", "failed")
    for col in (*columns, "unreadable"):
        table.add_column(col, justify="right")
    table.add_row(
        str(summary.scans),
        str(summary.new_scans),
        str(len(summary.known)),
        str(len(summary.pages)),
        str(summary.count("done")),
        str(summary.count("flagged")),
        str(summary.count("failed")),
        str(len(summary.unreadable)),
    )
    console.print(table)
    ran = [p for p in summary.pages if p.status in ("done", "flagged")]
    if ran and len(summary.pages) <= MAX_PAGE_ROWS:
        console.print(_pages_table(summary.pages))
    for issue in summary.issues:
        console.print(_issue_line(issue, Path(summary.out)))
    seconds = sum(p.seconds for p in ran)
    done = f", {seconds / len(ran):.1f} s/page" if ran else ""
    # The pages run add up; a scan that could not be read ran no page.
    unreadable = f", {len(summary.unreadable)} scan(s) unreadable" if summary.unreadable else ""
    console.print(
        f"{summary.scans} scan(s), {len(summary.pages)} page(s) run: "
        f"{summary.count('done')} done, {summary.count('flagged')} flagged, "
        f"{summary.count('failed')} failed{unreadable}{done}; log: {escape(str(log_path))}"
    )


def _pages_table(pages: list[Any]) -> Table:
    table = Table(show_edge=False, box=None, pad_edge=False)
    for col, justify in (("page", "left"), ("version", "right"), ("articles", "right"),
                         ("flags", "left"), ("seconds", "right")):  # fmt: skip
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for page in pages:
        if page.status in ("done", "flagged"):
            flags = ", ".join(page.flags) or "-"
            row = (f"v{page.version}", str(page.articles), flags, f"{page.seconds:.1f}")
        else:
            row = ("", "", page.status, f"{page.seconds:.1f}")
        table.add_row(escape(page.stem), *row)
    return table


def _issue_line(issue: Any, out: Path) -> str:
    where = escape(
        str(issue.folder.relative_to(out) if issue.folder.is_relative_to(out) else issue.folder)
    )
    if issue.error:
        return f"[red]✗ issue {escape(issue.label)}: {escape(issue.error)}[/red]"
    missing = f", {len(issue.left_out)} page(s) left out (failed)" if issue.left_out else ""
    state = "" if issue.new else ", unchanged"
    return (
        f"[green]✓[/green] issue {escape(issue.label)}: {len(issue.pages)} page(s) → "
        f"{where}/issue.mets.xml (v{issue.version}{state}){missing}"
    )
