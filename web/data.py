"""What the review page shows, read from the catalog and the output folders.

Nothing here writes: changes go through ``pipeline.jobs`` / the flows and the
catalog, as the command line's do.
"""

from __future__ import annotations

import io
import json
import threading
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import cachetools
from newsprint.catalog import Catalog, PageInfo
from newsprint.core.settings import Settings
from newsprint.versions import version_dir, versions_on_disk
from newsprint.web.security import safe_path

DOWNLOADS = {
    "articles.txt": "text/plain; charset=utf-8",
    "page.json": "application/json",
    "page.alto.xml": "application/xml",
    "page.pdf": "application/pdf",
    "overlay.png": "image/png",
}
"""The output files a page view offers for download (nothing else is served)."""
ISSUE_DOWNLOADS = {"issue.mets.xml": "application/xml", "issue.pdf": "application/pdf"}
"""An issue's files offered for download (its current version)."""
STATUSES = ("flagged", "failed", "done", "reviewed", "pending", "running")
REGION_TYPES = ("photo", "advertisement", "text", "headline", "caption")


@dataclass
class PageFilter:
    status: str | None = None
    search: str | None = None
    """A substring of the page's folder name (issue or date in the stem)."""
    reason: str | None = None
    """A flag code, e.g. ``low_confidence``."""
    since: date | None = None
    until: date | None = None
    """Processed (finished) on or after / on or before."""
    issue: str | None = None
    """An issue's key (``<title>/<yyyy-mm-dd>``): its pages, in issue order."""


def list_pages(catalog: Catalog, wanted: PageFilter) -> list[PageInfo]:
    """Pages matching the filter, worst first (flag severity, then flag count), or an
    issue's pages in order; ``CatalogError`` for an issue the catalog does not know."""
    status = wanted.status if wanted.status in STATUSES else None
    if wanted.issue:
        pages = catalog.issue_pages(wanted.issue)  # in issue order
        pages = [p for p in pages if status is None or p.status == status]
        pages = [p for p in pages if not wanted.search or wanted.search in p.stem]
    else:
        pages = catalog.list_pages(status, search=wanted.search or None, order="severity")
    if wanted.reason:
        pages = [p for p in pages if wanted.reason in flag_codes(p)]
    if wanted.since:
        start = datetime.combine(wanted.since, time.min)
        pages = [p for p in pages if p.finished_at and p.finished_at >= start]
    if wanted.until:
        end = datetime.combine(wanted.until, time.max)
        pages = [p for p in pages if p.finished_at and p.finished_at <= end]
    return pages


def issues_view(catalog: Catalog) -> list[dict[str, Any]]:
    """Every issue with its pages' statuses counted, for the page list."""
    out = []
    for issue in catalog.list_issues():
        counts: dict[str, int] = {}
        for status in issue.statuses:
            counts[str(status)] = counts.get(str(status), 0) + 1
        out.append({"issue": issue, "counts": counts})
    return out


def issue_file(out_root: Path, key: str, name: str) -> Path:
    """File ``name`` of the issue's current version (inside the output root)."""
    from newsprint.pipeline.issues import ISSUES

    return safe_path(out_root, ISSUES, key, name)


def flag_codes(page: PageInfo) -> list[str]:
    return [str(f.get("code")) for f in page.flags if isinstance(f, dict)]


def reason_counts(catalog: Catalog) -> dict[str, int]:
    """How many pages carry each flag code (for the filter's choices)."""
    counts: dict[str, int] = {}
    for page in catalog.list_pages(["flagged", "reviewed", "done"]):
        for code in flag_codes(page):
            counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items()))


def page_folder(out_root: Path, stem: str, version: int | None = None) -> Path:
    """The page's current output folder, or one version's (inside the output root)."""
    folder = safe_path(out_root, stem)
    return safe_path(folder, str(version_dir(Path("."), version))) if version else folder


def read_page_json(out_root: Path, stem: str, version: int | None = None) -> dict[str, Any] | None:
    path = page_folder(out_root, stem, version) / "page.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def disk_versions(out_root: Path, stem: str) -> list[int]:
    return versions_on_disk(page_folder(out_root, stem))


def articles_view(page: dict[str, Any]) -> list[dict[str, Any]]:
    """Articles in reading order, each with its number, text blocks and region ids."""
    return [
        {
            "number": n,
            "id": a.get("id", f"a{n}"),
            "kind": a.get("kind", "article"),
            "headline": a.get("headline"),
            "paragraphs": a.get("paragraphs", []),
            "captions": a.get("captions", []),
            "byline": a.get("byline"),
            "region_ids": a.get("region_ids", []),
        }
        for n, a in enumerate(page.get("articles", []), start=1)
    ]


def regions_view(page: dict[str, Any]) -> list[dict[str, Any]]:
    """Regions with the article each belongs to and its place in reading order."""
    article_of = {
        rid: n for n, a in enumerate(page.get("articles", []), start=1) for rid in a["region_ids"]
    }
    order = {rid: i for i, rid in enumerate(page.get("reading_order", []), start=1)}
    out = []
    for region in page.get("regions", []):
        polygon = region.get("polygon") or _corners(region["bbox"])
        out.append(
            {
                "id": region["id"],
                "type": region["type"],
                "bbox": region["bbox"],
                "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in polygon),
                "article": article_of.get(region["id"]),
                "order": order.get(region["id"]),
                "text": "\n".join(line["text"] for line in region.get("lines", [])),
            }
        )
    return out


def article_labels(regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where to print each article's number: the top-left of its first region."""
    seen: dict[int, dict[str, Any]] = {}
    for region in sorted(regions, key=lambda r: r["order"] or 10**9):
        number = region["article"]
        if number and number not in seen:
            seen[number] = {"number": number, "x": region["bbox"][0], "y": region["bbox"][1]}
    return list(seen.values())


def _corners(box: list[int]) -> list[tuple[float, float]]:
    x0, y0, x1, y1 = box
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _preview_key(catalog: Catalog, info: PageInfo, settings: Settings) -> tuple[str, int, int]:
    return (info.sha256, info.page_index, settings.web.preview_max_side)


@cachetools.cached(cachetools.LRUCache(maxsize=16), key=_preview_key, lock=threading.Lock())
def scan_preview(catalog: Catalog, info: PageInfo, settings: Settings) -> bytes:
    """A JPEG of the page as scanned (scan pixels, downscaled) for the page view;
    the 16 last used are kept per scan content, since a scan never changes under its
    hash. Called from the web server's thread pool: the cache is locked, the decoding
    is not."""
    return _render_preview(catalog, info, settings)


def _render_preview(catalog: Catalog, info: PageInfo, settings: Settings) -> bytes:
    from newsprint.pipeline.jobs import load_catalogued_page
    from PIL import Image

    page = load_catalogued_page(catalog, info, settings)
    image = Image.fromarray(page.image)
    side = settings.web.preview_max_side
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=82)
    return buffer.getvalue()
