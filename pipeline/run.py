"""Run every stage over one scan and write each page's outputs."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsprint.articles import assemble
from newsprint.core.errors import NewsprintError, ScanError
from newsprint.core.page import NewspaperPage
from newsprint.core.settings import Settings
from newsprint.exports import write_outputs
from newsprint.layout import deskew, segment
from newsprint.ocr.detect import detect_text
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.orientation import orient
from newsprint.ocr.stage import recognize
from newsprint.pipeline.overrides import (
    Overrides,
    adjust_stages,
    crop_page,
    settings_for,
    uncrop_page,
)
from newsprint.scans import load_scan

log = logging.getLogger(__name__)


@dataclass
class PageResult:
    stem: str
    folder: Path
    page: NewspaperPage
    seconds: float


@dataclass
class ScanResult:
    source: Path
    pages: list[PageResult] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def process_page(
    page: NewspaperPage,
    settings: Settings,
    engine: OcrEngine,
    overrides: Overrides | None = None,
) -> NewspaperPage:
    """All stages over one loaded page; each stage's time goes into ``page.timings``.

    ``overrides`` are an archivist's corrections (``pipeline.overrides``).
    """
    overrides = overrides or Overrides()
    settings = settings_for(settings, overrides)
    timings: dict[str, float] = {}
    stages: list[tuple[str, Callable[[NewspaperPage], NewspaperPage]]] = [
        ("orientation", lambda p: orient(p, settings, engine)),
        ("deskew", lambda p: deskew(p, settings)),
        ("detection", lambda p: detect_text(p, settings, engine)),
        ("layout", lambda p: segment(p, settings)),
        ("ocr", lambda p: recognize(p, settings, engine)),
        ("articles", lambda p: assemble(p, settings)),
    ]
    stages = adjust_stages(stages, settings, overrides)
    original = page
    # One page of a fold (``page.part``) is read alone, as a crop is.
    crop = overrides.crop or page.part
    if crop:
        page = crop_page(page, crop)
    for name, stage in stages:
        start = time.perf_counter()
        page = stage(page)
        timings[name] = round(time.perf_counter() - start, 3)
    if crop:
        page = uncrop_page(page, original, crop)
    return page.model_copy(update={"timings": {**page.timings, **timings}})


def process_scan(
    path: Path, out_dir: Path, settings: Settings, engine: OcrEngine, taken: set[str] | None = None
) -> ScanResult:
    """Load one scan, run every page through the pipeline, write the outputs.

    A bad scan gives a result with ``error`` set; it never raises, so a batch
    goes on. ``taken`` holds output folder names already used in this batch.
    """
    result = ScanResult(source=path)
    try:
        start = time.perf_counter()
        pages = load_scan(path, settings.scan)
        load_time = (time.perf_counter() - start) / max(1, len(pages))
    except ScanError as exc:
        result.error = str(exc)
        return result
    taken = taken if taken is not None else set()
    for page in pages:
        try:
            result.pages.append(_run_one(page, out_dir, settings, engine, taken, load_time))
        except NewsprintError as exc:
            result.error = f"{path}: page {page.page_index + 1}: {exc}"
        except Exception as exc:  # one broken page must never stop the batch
            log.exception("%s: page %d failed", path, page.page_index + 1)
            result.error = f"{path}: page {page.page_index + 1}: {type(exc).__name__}: {exc}"
    return result


def _run_one(
    page: NewspaperPage,
    out_dir: Path,
    settings: Settings,
    engine: OcrEngine,
    taken: set[str],
    load_time: float,
) -> PageResult:
    start = time.perf_counter()
    page = process_page(page, settings, engine)
    stem = unique_stem(safe_stem(page.stem), taken)
    folder = out_dir / stem
    write_start = time.perf_counter()
    page = page.model_copy(update={"timings": {"load": round(load_time, 3), **page.timings}})
    write_outputs(page, folder, settings.output)
    seconds = time.perf_counter() - start + load_time
    log.info(
        "%s -> %s: %d articles, %.1fs (write %.2fs)",
        page.source,
        folder,
        len(page.articles),
        seconds,
        time.perf_counter() - write_start,
    )
    return PageResult(stem=stem, folder=folder, page=page, seconds=seconds)


_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_stem(stem: str) -> str:
    """A folder name that cannot climb out of the output root."""
    cleaned = _UNSAFE.sub("_", stem).strip(" .") or "scan"
    return cleaned[:120]


def unique_stem(stem: str, taken: set[str]) -> str:
    name, n = stem, 2
    while name in taken:
        name, n = f"{stem}-{n}", n + 1
    taken.add(name)
    return name
