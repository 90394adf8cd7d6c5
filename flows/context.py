"""What every ``newsprint`` command shares: the console, the progress bar, and the
settings, loaded once per command.

The app's callback (``flows.cli``) puts a ``CommandState`` with the ``--config``
file on the typer context; a command asks ``command_settings(ctx)`` for its
settings, which are read on that first call (from ``--config FILE``, else
``$NEWSPRINT_CONFIG``, else ``./newsprint.toml``, then the ``NEWSPRINT_*``
variables) and passed down from there. Reading them late, not in the callback,
keeps ``newsprint CMD --help`` working with a broken settings file.

The command modules (``flows.commands``, ``web.command``) import this module,
never ``flows.cli``: the CLI module imports them and registers their commands.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import typer
from newsprint.core.settings import ConfigFileError, Settings, config_file, load_settings
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

console = Console(stderr=True)


@dataclass
class CommandState:
    """The options given before the command (``newsprint --config FILE CMD``)."""

    config: Path | None = None
    verbose: int = 0
    """``-v`` given this many times."""
    settings: Settings | None = None
    """Loaded by the first ``command_settings`` call."""


def command_verbosity(ctx: typer.Context) -> int:
    """How many ``-v`` were given before the command."""
    state = ctx.find_object(CommandState)
    return state.verbose if state is not None else 0


def command_settings(ctx: typer.Context) -> Settings:
    """The command's settings, loaded on the first call and kept for the rest of
    the command; a missing or invalid settings file ends it with status 2."""
    state = ctx.find_object(CommandState) or ctx.ensure_object(CommandState)
    if state.settings is None:
        try:
            state.settings = load_settings(state.config)
        except (ConfigFileError, OSError) as exc:
            console.print(f"[red]✗ settings: {escape(str(exc))}[/red]")
            raise typer.Exit(2) from exc
        except tomllib.TOMLDecodeError as exc:
            where = config_file(state.config)
            console.print(f"[red]✗ settings file {escape(str(where))}: {escape(str(exc))}[/red]")
            raise typer.Exit(2) from exc
        except ValidationError as exc:
            console.print(f"[red]✗ settings:[/red] {escape(_short(exc))}")
            raise typer.Exit(2) from exc
    return state.settings


def settings_file(ctx: typer.Context) -> Path | None:
    """The settings file the command reads (absolute), or None when there is none:
    what a served deployment's runs are told to read (``flows.commands.serve``)."""
    state = ctx.find_object(CommandState) or CommandState()
    path = config_file(state.config)
    return path.resolve() if path.is_file() else None


def with_values(settings: Settings, **values: object) -> Settings:
    """``settings`` with top-level ``values`` changed (a command's own options),
    validated as the settings file's are; a bad value ends the command (status 2)."""
    try:
        return Settings.model_validate({**settings.model_dump(), **values})
    except ValidationError as exc:
        console.print(f"[red]✗ {escape(_short(exc))}[/red]")
        raise typer.Exit(2) from exc


def _short(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())


def progress_bar() -> Progress:
    """The bar every batch command shows: what it is on, done of total, time."""
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    return Progress(*columns, console=console, transient=False)
