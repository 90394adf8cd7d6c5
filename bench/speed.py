"""Speed of the hot path's parts, as ratios in one run: OCR engine variants
(``ocr`` settings) on the same pages, interleaved round by round so that the
load other processes put on the machine falls on every variant alike.

    python -m bench.speed [--pages FILE...] [--rounds 2] [--stage ocr|detection]
                          [--variant NAME=JSON ...]

Each page is loaded, turned, deskewed and (for ``--stage ocr``) detected and
laid out once; then each round times the stage (``ocr.stage.recognize`` or
``ocr.detect.detect_text``) on every page with each variant's engine, variants
in turn. ``--variant arena='{"memory_arena": true}'`` names a variant by its
``OcrSettings`` fields over the defaults; the first variant is the baseline.
Prints seconds per round and variant, each variant's total and its ratio to
the baseline, and the share of text lines each variant reads exactly as the
baseline does (a faster variant must not read differently).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from newsprint.core.page import NewspaperPage
from newsprint.core.settings import OcrSettings, Settings
from newsprint.layout import deskew, segment
from newsprint.ocr.detect import detect_text
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.orientation import orient
from newsprint.ocr.paddle import PaddleOcrEngine
from newsprint.ocr.stage import line_crops as stage_line_crops
from newsprint.ocr.stage import recognize
from newsprint.scans import load_scan

from bench.samples import ROOT

log = logging.getLogger(__name__)

DEFAULT_PAGES = (
    ROOT / "sample_scans" / "en-6col.jpg",
    ROOT / "sample_scans" / "zh-hans-5col.jpg",
    ROOT / "bench" / "data" / "tuning" / "en-old-1000.tif",
)

Stage = Callable[[NewspaperPage, Settings, OcrEngine], NewspaperPage]


def prepared_pages(paths: list[Path], settings: Settings, engine: OcrEngine, stage: str) -> list:
    """Each scan's first page, made ready for ``stage`` (``ocr``: laid out;
    ``detection``: deskewed)."""
    pages = []
    for path in paths:
        page = load_scan(path, settings.scan)[0]
        page = deskew(orient(page, settings, engine), settings)
        if stage in ("ocr", "rec"):
            page = segment(detect_text(page, settings, engine), settings)
        pages.append(page)
    return pages


def page_lines(page: NewspaperPage) -> list[str]:
    """The text of every line the page's regions hold, in region order; before
    layout, the detected line boxes (rounded to 4 px) as text."""
    if not page.regions:
        return [str([round(v / 4) for v in box]) for box in page.detected_lines]
    return [line.text for region in page.regions for line in region.lines]


def same_lines(a: list[str], b: list[str]) -> float:
    """Share of ``b``'s lines that ``a`` reads exactly alike (multiset overlap)."""
    if not b:
        return 1.0
    left = list(a)
    same = 0
    for text in b:
        if text in left:
            left.remove(text)
            same += 1
    return same / len(b)


@dataclass
class Timings:
    """Per variant and round: wall-clock seconds and this process's CPU seconds
    (user + system, all threads; less disturbed by other processes' load)."""

    wall: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    texts: dict[str, list[list[str]]] = field(default_factory=dict)
    """Each variant's text lines per page (from its last round)."""


def time_variants(
    pages: list[NewspaperPage],
    settings: Settings,
    engines: dict[str, OcrEngine],
    stage: Stage,
    rounds: int,
) -> Timings:
    """``stage`` over all ``pages`` with each variant's engine, ``rounds`` times."""
    timings = Timings({name: [] for name in engines}, {name: [] for name in engines})
    for _ in range(rounds):
        for name, engine in engines.items():
            start, cpu = time.perf_counter(), time.process_time()
            done = [stage(page, settings, engine) for page in pages]
            timings.wall[name].append(time.perf_counter() - start)
            timings.cpu[name].append(time.process_time() - cpu)
            timings.texts[name] = [page_lines(page) for page in done]
            log.info("%s: %.2f s, %.2f CPU s", name, timings.wall[name][-1], timings.cpu[name][-1])
    return timings


def report(timings: Timings) -> str:
    """One line per variant: wall seconds per round; the ratio to the baseline
    (the first variant) of the totals and of the fastest rounds (the least
    disturbed by other load); the same for CPU seconds; lines read alike."""
    names = list(timings.wall)
    base = names[0]
    rows = [
        f"{'variant':20} {'wall s per round':>28} {'ratio':>6} {'min':>6} {'CPU s':>8} "
        f"{'ratio':>6} {'min':>6} {'same lines':>10}"
    ]
    for name in names:
        wall, cpu = timings.wall[name], timings.cpu[name]
        texts = zip(timings.texts[name], timings.texts[base], strict=True)
        alike = min((same_lines(a, b) for a, b in texts), default=1.0)
        rounds = " ".join(f"{s:.1f}" for s in wall)
        rows.append(
            f"{name:20} {rounds:>28} {sum(wall) / sum(timings.wall[base]):6.3f} "
            f"{min(wall) / min(timings.wall[base]):6.3f} "
            f"{sum(cpu):8.1f} {sum(cpu) / sum(timings.cpu[base]):6.3f} "
            f"{min(cpu) / min(timings.cpu[base]):6.3f} {alike:10.3f}"
        )
    return "\n".join(rows)


def _detect(page: NewspaperPage, settings: Settings, engine: OcrEngine) -> NewspaperPage:
    return detect_text(page, settings, engine)


_CROPS: dict[int, list[np.ndarray]] = {}


def line_crops(page: NewspaperPage) -> list[np.ndarray]:
    """The crops the OCR stage recognises (``ocr.stage.line_crops``: the lines
    of the regions it reads, cut from the scan with their paper margin), cut
    once per page and kept."""
    if id(page) not in _CROPS:
        _CROPS[id(page)] = stage_line_crops(page)[2]
    return _CROPS[id(page)]


def _recognise(page: NewspaperPage, settings: Settings, engine: OcrEngine) -> NewspaperPage:
    """Recognition alone (``--stage rec``): the page's line crops through the model."""
    engine.recognize_lines(line_crops(page))
    return page


def padding(widths: list[int], batch: int) -> float:
    """Share of the recognition input that is padding, for crops of ``widths``
    (pixels at the model's 48-pixel height) sorted and cut into batches of
    ``batch``, each padded to its widest (at least 320 px, as PaddleOCR does)."""
    ordered = sorted(max(320, w) for w in widths)
    batches = [ordered[i : i + batch] for i in range(0, len(ordered), batch)]
    padded = sum(len(b) * max(b) for b in batches)
    return 1 - sum(ordered) / padded if padded else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=Path, nargs="*", default=list(DEFAULT_PAGES))
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--stage", choices=("ocr", "rec", "detection"), default="ocr")
    parser.add_argument("--variant", action="append", default=[], help="NAME=JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    log.setLevel(logging.INFO)
    settings = Settings()
    variants = {"default": {}} | {
        name: json.loads(value) for name, value in (v.split("=", 1) for v in args.variant)
    }
    engines: dict[str, OcrEngine] = {
        name: PaddleOcrEngine(OcrSettings(**{**settings.ocr.model_dump(), **fields}))
        for name, fields in variants.items()
    }
    base = next(iter(engines.values()))
    pages = prepared_pages(args.pages, settings, base, args.stage)
    stage: Stage = {"ocr": recognize, "rec": _recognise, "detection": _detect}[args.stage]
    timings = time_variants(pages, settings, engines, stage, args.rounds)
    names = ", ".join(p.name for p in args.pages)
    sys.stdout.write(f"{args.stage} on {len(pages)} pages ({names}), {args.rounds} rounds\n")
    sys.stdout.write(report(timings) + "\n")
    if args.stage == "rec":
        widths = [
            round(48 * c.shape[1] / c.shape[0]) for p in pages for c in line_crops(p) if c.size
        ]
        shares = ", ".join(f"{b}: {padding(widths, b):.1%}" for b in (4, 8, 16, 32, 64))
        median = int(np.median([max(320, w) for w in widths])) if widths else 0
        sys.stdout.write(
            f"{len(widths)} lines, median model width {median} px; "
            f"padding share by batch size: {shares}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
