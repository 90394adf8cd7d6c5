"""Issues: which scans are one newspaper title's pages of one date, and each issue's
``issue.mets.xml`` and ``issue.pdf``, kept as versions. No Prefect in here: the
flows wrap these functions in tasks.

**Grouping.** ``settings.issues.pattern`` (a regular expression with the named
groups ``title``, ``date`` and, optionally, ``page``) is searched in each scan's
path relative to the inbox. The default takes both the folder layout
``INBOX/<title>/<yyyy-mm-dd>/<page>.tif`` and the archive file names
``<title>_<yyyymmdd>_<page>.tif``. Pages sort by ``page`` in natural order
(``2`` before ``10``), then by their place in a multi-page scan.

**Versions.** An issue's files live in ``<out>/issues/<title>/<yyyy-mm-dd>.vN/``
(``issue.mets.xml``, ``issue.pdf``, ``issue.json``): each build writes a new
folder aside and renames it in, and nothing in it is changed afterwards.
``<out>/issues/<title>/<yyyy-mm-dd>`` is a symbolic link to the current one,
switched in one atomic step (a new link renamed over the old). Every version
sits at the same depth as the link, so the relative paths in its METS resolve
the same through the link or in the version's own folder; they point at the
pages' own version folders (``<stem>/versions/vN/``), which never change, so an
earlier issue version still describes exactly the files it was built from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import json
import logging
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from newsprint.catalog import Catalog, CatalogError, IssueInfo, NewVersion, PageInfo, PageStatus
from newsprint.core.page import NewspaperPage
from newsprint.core.settings import IssueSettings, Settings
from newsprint.exports import write_issue
from newsprint.exports.atomic import atomic_write_text
from newsprint.exports.page_json import PAGE_JSON, read_page_json
from newsprint.pipeline.run import safe_stem
from newsprint.versions import (
    make_current,
    page_lock,
    read_manifest,
    replace_link,
    version_dir,
    write_version,
)
from newsprint.versions.lock import LOCKS

log = logging.getLogger(__name__)

ISSUES = "issues"
"""The folder of the output root that holds the issues."""
ISSUE_MANIFEST = "issue.json"
ISSUE_LOCK_SECONDS = 120.0
"""How long a build waits for another build of the same issue (a PDF join of many pages)."""


class IssueBusyError(CatalogError):
    """Another build held the issue's lock for too long."""


@dataclass(frozen=True)
class IssueRef:
    """Where a scan belongs: the issue (title and date) and its place in it."""

    title: str
    date: dt.date | None
    order_key: str
    from_folders: bool = False
    """Title and date came from the folders, not from the file name."""

    @property
    def key(self) -> str:
        return issue_key(self.title, self.date)


@dataclass
class IssueBuilt:
    """An issue's files, as built (or found up to date)."""

    key: str
    label: str
    version: int | None
    """The current version (None when the build failed before any was made)."""
    folder: Path
    """The issue's folder as readers open it (the link to the current version)."""
    pages: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    """Pages of the issue with no output (failed), not in its METS and PDF."""
    new: bool = True
    """False when the current version was already built from the same page versions."""
    relinked: list[str] = field(default_factory=list)
    """Pages given a new version because linking the issue's jumps changed them."""
    error: str | None = None
    """Why the build failed (the current version, if any, stays)."""


# --- grouping --------------------------------------------------------------------------


def issue_key(title: str, when: dt.date | None) -> str:
    """The issue's folder under ``<out>/issues/``: ``<title>/<yyyy-mm-dd>``, or
    ``<title>`` for an issue without a date (``process --issue``)."""
    name = safe_stem(title)
    return f"{name}/{when.isoformat()}" if when else name


def find_issue(uri: str, root: Path | str | None, settings: IssueSettings) -> IssueRef | None:
    """The issue the scan at ``uri`` belongs to by ``settings.pattern``, searched in its
    path relative to ``root`` (the inbox), then in its whole path (a folder of one
    issue given as the inbox, or files given one by one); None when it matches
    nowhere, grouping is off, or its date is no calendar date."""
    if not settings.enabled:
        return None
    pattern = re.compile(settings.pattern)
    path = Path(uri)
    texts = [path.as_posix()]
    if root is not None and path.is_relative_to(root):
        texts.insert(0, path.relative_to(root).as_posix())
    found = next((m for m in map(pattern.search, texts) if m is not None), None)
    if found is None:
        return None
    when = _date(found.group("date"))
    if when is None:
        log.info("%s: %r is no date; not grouped into an issue", uri, found.group("date"))
        return None
    page = found.groupdict().get("page") or path.stem
    from_folders = found.end("title") <= found.string.rfind("/")
    return IssueRef(found.group("title").strip(), when, natural_key(page), from_folders)


def given_issue(title: str, place: int) -> IssueRef:
    """The issue named on the command line (``process --issue``), the scans in the
    order given."""
    return IssueRef(title, None, f"{place:08d}")


def scan_stem(uri: str, issue: IssueRef | None) -> str:
    """The output folder name of a scan's page(s): the file's stem, prefixed with its
    issue's title and date when those came from folders (``INBOX/Herald/1926-11-26/
    p1.tif`` -> ``Herald_19261126_p1``), so pages of different issues do not share a
    name."""
    stem = Path(uri).stem
    if issue is not None and issue.from_folders:
        day = f"_{issue.date:%Y%m%d}" if issue.date else ""
        stem = f"{issue.title}{day}_{stem}"
    return safe_stem(stem)


def natural_key(text: str) -> str:
    """``text`` with its numbers padded, so that strings sort as people count."""
    return re.sub(r"\d+", lambda m: f"{int(m.group()):08d}", text)[:200]


def _date(text: str) -> dt.date | None:
    digits = text.replace("-", "")
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def add_scan_to_issue(catalog: Catalog, issue: IssueRef, pages: list[PageInfo]) -> IssueInfo:
    """Record the scan's pages (in their order) as pages of ``issue``."""
    entries = [(p.id, f"{issue.order_key}:{p.page_index:04d}") for p in pages]
    return catalog.add_to_issue(issue.key, issue.title, issue.date, entries)


# --- the issue's files -----------------------------------------------------------------


def issue_folder(out_root: Path, key: str) -> Path:
    """``<out>/issues/<key>``: the link to the issue's current version."""
    return Path(out_root) / ISSUES / key


def issue_version_dir(out_root: Path, key: str, number: int) -> Path:
    link = issue_folder(out_root, key)
    return link.with_name(f"{link.name}.v{number}")


def issue_versions_on_disk(out_root: Path, key: str) -> list[int]:
    """Numbers of the issue's complete versions on disk, ascending."""
    link = issue_folder(out_root, key)
    if not link.parent.is_dir():
        return []
    prefix = f"{link.name}.v"
    found = [p.name[len(prefix) :] for p in link.parent.iterdir() if p.name.startswith(prefix)]
    return sorted(int(n) for n in found if n.isdigit())


def read_issue_manifest(out_root: Path, key: str, number: int) -> dict[str, Any]:
    path = issue_version_dir(out_root, key, number) / ISSUE_MANIFEST
    return json.loads(path.read_text(encoding="utf-8"))


def build_issue(
    catalog: Catalog, ref: int | str, out_root: Path, settings: Settings, reason: str = "ingest"
) -> IssueBuilt | None:
    """Write a new version of the issue's ``issue.mets.xml`` and ``issue.pdf`` from its
    pages' current versions, in order, and make it current; None when no page of it has
    output yet. Pages that failed are left out (``IssueBuilt.left_out``). When the
    current version was built from the same page versions nothing is written.

    The issue's jumped articles are linked first (``link_jumps``); a page the links
    change gets a new version of its own. Raises ``IssueBusyError`` when another build
    of the issue holds it, and OSError / ``NewsprintError`` from the writers."""
    out_root = Path(out_root)
    key = catalog.issue(ref).key
    with _issue_lock(out_root, key):
        info = catalog.issue(key)  # again, under the lock: another build may have run
        pages = catalog.issue_pages(info.id)
        ready = [p for p in pages if p.current_version is not None]
        left_out = [p.stem for p in pages if p.current_version is None]
        if not ready:
            return None
        relinked = _link_issue_pages(catalog, ready, out_root, settings, info)
        if relinked:
            ready = [catalog.page(p.id) for p in ready]
        wanted = [{"stem": p.stem, "version": p.current_version} for p in ready]
        link = issue_folder(out_root, info.key)
        stems = [p.stem for p in ready]
        current = info.current_version
        if current is not None and not relinked and _built_from(out_root, info, current) == wanted:
            return IssueBuilt(info.key, info.label, current, link, stems, left_out, new=False)
        number = _write_issue_version(out_root, info, ready, wanted, settings, reason)
        replace_link(link, f"{link.name}.v{number}")
        catalog.record_issue_version(info.id, number)
    log.info("issue %s: v%d from %d page(s)", info.key, number, len(ready))
    return IssueBuilt(info.key, info.label, number, link, stems, left_out, relinked=relinked)


def _built_from(out_root: Path, info: IssueInfo, number: int) -> list[dict[str, Any]] | None:
    try:
        return read_issue_manifest(out_root, info.key, number).get("pages")
    except (OSError, ValueError):
        return None


def _write_issue_version(
    out_root: Path,
    info: IssueInfo,
    pages: list[PageInfo],
    wanted: list[dict[str, Any]],
    settings: Settings,
    reason: str,
) -> int:
    """Write the files aside, then rename them in as the next version; its number."""
    from newsprint.pipeline.jobs import pipeline_version

    link = issue_folder(out_root, info.key)
    link.parent.mkdir(parents=True, exist_ok=True)
    temp = link.with_name(f".{link.name}.tmp-{secrets.token_hex(6)}")
    folders = [version_dir(out_root / p.stem, p.current_version or 0) for p in pages]
    try:
        written = write_issue(info.label, folders, temp, settings.output)
        number = max([info.current_version or 0, *issue_versions_on_disk(out_root, info.key)]) + 1
        manifest = {
            "issue": info.key,
            "title": info.title,
            "date": info.date.isoformat() if info.date else None,
            "version": number,
            "reason": reason,
            "pages": wanted,
            "pipeline_version": pipeline_version(),
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "files": sorted(p.name for p in written),
        }
        atomic_write_text(temp / ISSUE_MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        os.rename(temp, issue_version_dir(out_root, info.key, number))
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
    return number


@contextlib.contextmanager
def _issue_lock(out_root: Path, key: str) -> Iterator[None]:
    path = Path(out_root) / LOCKS / f"issue-{key.replace('/', '__')}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=ISSUE_LOCK_SECONDS)
    except Timeout:
        raise IssueBusyError(f"issue {key} is being built by another run; try again") from None
    try:
        yield
    finally:
        lock.release()


# --- jumps -----------------------------------------------------------------------------


def link_jumps(pages: list[NewspaperPage]) -> list[NewspaperPage]:
    """The issue's pages (in order) with their jumped articles linked, by
    ``articles.issue_jumps.link_issue_jumps`` where that module is installed;
    else as given. The one place an issue's pages are linked before its files are written."""
    if importlib.util.find_spec("newsprint.articles.issue_jumps") is None:
        return pages
    from newsprint.articles.issue_jumps import link_issue_jumps

    return link_issue_jumps(pages)


def _link_issue_pages(
    catalog: Catalog, pages: list[PageInfo], out_root: Path, settings: Settings, info: IssueInfo
) -> list[str]:
    """Link the issue's jumps; every page the links change (its articles or flags) is
    written as a new version of that page, made current and recorded. Returns the
    stems given a new version."""
    folders = [version_dir(out_root / p.stem, p.current_version or 0) for p in pages]
    before = [read_page_json(folder / PAGE_JSON) for folder in folders]
    after = link_jumps(before)
    changed = []
    for page_info, old, new, folder in zip(pages, before, after, folders, strict=True):
        if (new.articles, new.flags) == (old.articles, old.flags):
            continue
        if _relink_page(catalog, page_info, new, folder, out_root, settings, info.key):
            changed.append(page_info.stem)
    return changed


def _relink_page(
    catalog: Catalog,
    info: PageInfo,
    page: NewspaperPage,
    folder: Path,
    out_root: Path,
    settings: Settings,
    key: str,
) -> bool:
    """Write ``page`` (the current version with its jumps linked) as a new version."""
    from newsprint.pipeline.jobs import load_catalogued_page

    page_dir = out_root / info.stem
    with page_lock(out_root, info.stem):
        now = catalog.page(info.id)
        if now.status == PageStatus.RUNNING or now.current_version != info.current_version:
            return False  # another run is changing the page; its issue is built again after
        scan = load_catalogued_page(catalog, now, settings)
        page = page.model_copy(update={"image": scan.image, "source": scan.source})
        manifest = read_manifest(page_dir, now.current_version or 0)
        reason = f"issue {key}: jumps linked"
        manifest = {**manifest, "reason": reason, "based_on": now.current_version}
        manifest.pop("files", None)
        number = write_version(
            page, page_dir, settings.output, manifest,
            at_least=catalog.last_version_number(info.id) + 1,
        )  # fmt: skip
        make_current(page_dir, number)
        old = catalog.version(info.id, now.current_version or 0)
        catalog.finish_page(  # recorded as a run's version: current, flagged or done
            info.id,
            None,
            NewVersion(
                number=number,
                pipeline_version=old.pipeline_version,
                settings=old.settings,
                overrides=old.overrides,
                flags=[f.model_dump(mode="json") for f in page.flags],
                timings=old.timings,
                seconds=old.seconds,
                language=page.language,
                articles=len(page.articles),
                reason=reason,
            ),
        )
    log.info("%s: v%d, jumps linked in issue %s (from %s)", info.stem, number, key, folder.name)
    return True
