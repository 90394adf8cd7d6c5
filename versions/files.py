"""Output versions of a page on disk.

Every run writes a complete new folder ``<stem>/versions/vN/`` (first into a
hidden temporary folder, then renamed into place, so a version is either whole
or absent); nothing in it is ever changed afterwards. ``<stem>/current`` is a
symbolic link to the current version's folder (``versions/vN``), and the names
readers open directly under ``<stem>/`` (``page.json``, ``articles.txt``...)
are links into ``current/``. Making another version current replaces the one
``current`` link with ``os.replace``: one atomic step, so a reader sees the old
version or the new one, never some files of each, and no file is ever written
over.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import secrets
import shutil
from pathlib import Path
from typing import Any

from newsprint.core.page import NewspaperPage
from newsprint.core.settings import OutputSettings
from newsprint.exports import write_outputs
from newsprint.exports.atomic import TEMP_SUFFIX, atomic_write_text

VERSIONS = "versions"
MANIFEST = "version.json"
CURRENT = "current"


class VersionError(Exception):
    """A version that does not exist on disk, or a folder that is not a page's."""


def version_dir(page_dir: Path, number: int) -> Path:
    return Path(page_dir) / VERSIONS / f"v{number}"


def versions_on_disk(page_dir: Path) -> list[int]:
    """Numbers of the complete versions under ``<stem>/versions/``, ascending."""
    root = Path(page_dir) / VERSIONS
    if not root.is_dir():
        return []
    found = [p.name[1:] for p in root.iterdir() if p.is_dir() and p.name.startswith("v")]
    return sorted(int(n) for n in found if n.isdigit())


def write_version(
    page: NewspaperPage,
    page_dir: Path,
    settings: OutputSettings,
    manifest: dict[str, Any],
    at_least: int = 1,
) -> int:
    """Write the page's outputs as a new version and return its number.

    The number is the first free one from ``at_least`` on (the catalog's next
    number); two writers never get the same folder, since a rename onto an
    existing non-empty folder fails.
    """
    root = Path(page_dir) / VERSIONS
    root.mkdir(parents=True, exist_ok=True)
    temp = root / f".tmp-{secrets.token_hex(6)}"
    try:
        written = write_outputs(page, temp, settings)
        number = max([at_least, *(n + 1 for n in versions_on_disk(page_dir))])
        body = {**manifest, "files": sorted(p.name for p in written)}
        while True:
            body["version"] = number
            atomic_write_text(temp / MANIFEST, json.dumps(body, indent=2, ensure_ascii=False))
            try:
                _rename_new(temp, version_dir(page_dir, number))
                return number
            except FileExistsError:
                number += 1
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def _rename_new(src: Path, dst: Path) -> None:
    if dst.exists():
        raise FileExistsError(dst)
    try:
        os.rename(src, dst)
    except OSError as exc:  # a racing writer made dst first (ENOTEMPTY / EEXIST)
        raise FileExistsError(dst) from exc


def make_current(page_dir: Path, number: int) -> list[Path]:
    """Make version ``number`` current in one atomic step and return the paths
    readers open (``<stem>/page.json``...).

    ``<stem>/current`` is switched to ``versions/vN`` first (a new link renamed
    over the old one); then links are made for names the folder lacks (a page's
    first version; a file the previous version did not have), names only the
    previous version had are removed, and files a release before links were
    used copied in are replaced by links (each an atomic rename, once per
    folder). So a name a reader opens never leads to a folder that is not a
    whole version."""
    page_dir = Path(page_dir)
    manifest = read_manifest(page_dir, number)
    names = [name for name in manifest.get("files", []) if name != MANIFEST] + [MANIFEST]
    previous = _current_files(page_dir)
    replace_link(page_dir / CURRENT, f"{VERSIONS}/v{number}")  # the switch
    for name in set(previous) - set(names):
        if _ours(page_dir / name, name) or not (page_dir / name).is_symlink():
            with contextlib.suppress(FileNotFoundError):
                (page_dir / name).unlink()
    for name in names:
        replace_link(page_dir / name, f"{CURRENT}/{name}")
    return [page_dir / name for name in names]


def _ours(path: Path, name: str) -> bool:
    return path.is_symlink() and os.readlink(path) == f"{CURRENT}/{name}"


def replace_link(path: Path, target: str) -> None:
    """Point ``path`` at ``target`` (relative): a new link renamed over the old entry,
    so a reader finds the old target or the new one, never none."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():
        # A folder written in place (``newsprint process``, e.g. ``tables/``):
        # a link cannot be renamed over it, so it goes first.
        shutil.rmtree(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
    os.symlink(target, temp)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def current_version(page_dir: Path) -> int | None:
    """The version ``<stem>/current`` points at (or, in a folder an earlier
    release wrote, the one its files are a copy of)."""
    link = Path(page_dir) / CURRENT
    if link.is_symlink():
        name = Path(os.readlink(link)).name
        if name.startswith("v") and name[1:].isdigit():
            return int(name[1:])
    path = Path(page_dir) / MANIFEST
    if not path.is_file():
        return None
    return int(json.loads(path.read_text(encoding="utf-8"))["version"])


def read_manifest(page_dir: Path, number: int) -> dict[str, Any]:
    path = version_dir(page_dir, number) / MANIFEST
    if not path.is_file():
        raise VersionError(f"{Path(page_dir).name}: no version v{number} ({path} missing)")
    return json.loads(path.read_text(encoding="utf-8"))


def articles_text(page_dir: Path, number: int) -> str:
    """``articles.txt`` of one version."""
    read_manifest(page_dir, number)
    return (version_dir(page_dir, number) / "articles.txt").read_text(encoding="utf-8")


def diff_articles(page_dir: Path, old: int, new: int, context: int = 2) -> str:
    """Unified diff of the article text of two versions (empty when equal)."""
    before = articles_text(page_dir, old).splitlines(keepends=True)
    after = articles_text(page_dir, new).splitlines(keepends=True)
    name = Path(page_dir).name
    lines = difflib.unified_diff(
        before, after, f"{name}/v{old}/articles.txt", f"{name}/v{new}/articles.txt", n=context
    )
    return "".join(lines)


def _current_files(page_dir: Path) -> list[str]:
    path = page_dir / MANIFEST
    if not path.is_file():
        return []  # never delete files this module did not write
    return json.loads(path.read_text(encoding="utf-8")).get("files", [])
