"""Soak test: generated pages through the ``ingest`` flow for a bounded time.

    python -m bench.soak --pages 200 --minutes 30 [--batch 20] [--workdir DIR]

Pages arrive in the inbox in batches, one flow run per batch (as a scheduled
deployment would see them). After each run it prints the pages done so far,
the pages per minute of that run and the memory (RSS) of this process plus its
children (the page workers); at the end, pages, minutes, pages per minute,
RSS at start, end and peak, and whether every page is accounted for in the
catalog. It stops after ``--pages`` pages or once ``--minutes`` have passed
(the batch in progress finishes). Exit status 1 when a page is missing, not
done, or done more than once.

The pages are small three-column pages (1000 x 720 px, a headline, 3 x 12
lines of Pillow's bundled font), each with its own text, so each is a new
scan to the catalog.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import psutil
from newsprint.catalog import Catalog, PageStatus
from newsprint.core.settings import Settings
from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

_TEXT = (
    "the city council voted on tuesday to approve a new budget for schools roads and "
    "parks after months of debate while residents asked for more buses and safer streets"
)
WORDS = _TEXT.split()
PAGE_SIZE = (1000, 720)


def soak_page(seed: int) -> Image.Image:
    """A small three-column page whose text depends on ``seed``."""
    rng = np.random.default_rng(seed)
    img = Image.new("L", PAGE_SIZE, 240)
    draw = ImageDraw.Draw(img)
    title = " ".join(rng.choice(WORDS, 3)).title() + f" {seed}"
    draw.text((50, 40), title, font=ImageFont.load_default(size=44), fill=10)
    body = ImageFont.load_default(size=20)
    for column in range(3):
        for row in range(12):
            line = " ".join(rng.choice(WORDS, 4))
            draw.text((50 + column * 310, 130 + row * 42), line[:24], font=body, fill=10)
    return img


class MemoryWatch:
    """Samples the RSS of this process and all its children twice a second."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> MemoryWatch:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    @staticmethod
    def now() -> int:
        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                continue
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, self.now())


@dataclass
class SoakReport:
    pages: int = 0
    seconds: float = 0.0
    rss_start: int = 0
    rss_end: int = 0
    rss_peak: int = 0
    per_batch: list[tuple[int, float, int]] = field(default_factory=list)
    """(pages, pages per minute, RSS after) per flow run."""
    missing: list[str] = field(default_factory=list)

    def text(self) -> str:
        minutes = self.seconds / 60
        gib = 1 << 30
        return (
            f"pages {self.pages}, minutes {minutes:.1f}, "
            f"pages/min {self.pages / max(minutes, 1e-9):.1f}; "
            f"RSS start {self.rss_start / gib:.2f} GiB, end {self.rss_end / gib:.2f} GiB, "
            f"peak {self.rss_peak / gib:.2f} GiB; "
            + ("every page accounted for" if not self.missing else f"MISSING {self.missing}")
        )


def soak(pages: int, minutes: float, batch: int, workdir: Path, settings: Settings) -> SoakReport:
    """Run batches of generated pages through the ingest flow; see the module doc."""
    from newsprint.flows.ingest import run_ingest

    inbox, out = workdir / "inbox", workdir / "out"
    inbox.mkdir(parents=True, exist_ok=True)
    report, watch = SoakReport(rss_start=MemoryWatch.now()), MemoryWatch().start()
    started = time.monotonic()
    made: list[str] = []
    while len(made) < pages and time.monotonic() - started < minutes * 60:
        names = [f"soak-{n:05d}" for n in range(len(made), min(pages, len(made) + batch))]
        for name in names:
            soak_page(len(made) + names.index(name)).save(inbox / f"{name}.png")
        run_start = time.monotonic()
        run_ingest(inbox, out, settings)
        made += names
        rate = len(names) / max((time.monotonic() - run_start) / 60, 1e-9)
        report.per_batch.append((len(made), rate, MemoryWatch.now()))
        print(f"{len(made)} pages, {rate:.1f} pages/min, RSS {MemoryWatch.now() / 2**30:.2f} GiB")
    report.seconds = time.monotonic() - started
    watch.stop()
    report.pages, report.rss_end = len(made), MemoryWatch.now()
    report.rss_peak = max(watch.peak, report.rss_end)
    report.missing = unaccounted(Catalog.open(None, out), made)
    return report


def unaccounted(catalog: Catalog, stems: list[str]) -> list[str]:
    """Stems that are not exactly one done/flagged page with exactly one version."""
    ok = (PageStatus.DONE, PageStatus.FLAGGED)
    pages = {p.stem: p for p in catalog.list_pages()}
    return [
        s
        for s in stems
        if s not in pages
        or pages[s].status not in ok
        or [v.number for v in catalog.versions(pages[s].id)] != [1]
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()
    dask = settings.dask.model_copy(update={"enabled": False})
    settings = settings.model_copy(update={"dask": dask})
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsprint-soak-"))
    report = soak(args.pages, args.minutes, args.batch, workdir, settings)
    print(report.text())
    raise SystemExit(1 if report.missing else 0)


if __name__ == "__main__":
    main()
