"""Memory of one huge honest page, stage by stage.

    python -m bench.bigpage [--width 9000 --height 14000] [--through layout|ocr|all]

Builds a 400-dpi broadsheet-sized page (a sample scan's page enlarged to
``width`` x ``height``, so it has real columns, headlines and photos), saves
it as PNG, then loads it and runs the stages one by one, printing for each
the seconds and the peak RSS of this process while it ran (sampled every
50 ms). The issue's target is a peak of at most 3 GiB.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil
from newsprint.core.page import NewspaperPage
from newsprint.core.settings import Settings
from PIL import Image

SAMPLE = Path(__file__).resolve().parent.parent / "sample_scans" / "en-6col.jpg"
GIB = 1 << 30


class Peak:
    """Peak RSS of this process while the ``with`` block runs."""

    def __enter__(self) -> Peak:
        self.peak = psutil.Process().memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, me.memory_info().rss)


def broadsheet(path: Path, width: int, height: int) -> Path:
    with Image.open(SAMPLE) as sample:
        sample.convert("L").resize((width, height), Image.Resampling.BILINEAR).save(
            path, dpi=(400, 400)
        )
    return path


def stages(settings: Settings, through: str) -> list[tuple[str, Callable]]:
    from newsprint.articles import assemble
    from newsprint.layout import deskew, segment
    from newsprint.ocr.detect import detect_text
    from newsprint.ocr.engine import load_engine
    from newsprint.ocr.orientation import orient
    from newsprint.ocr.stage import recognize

    engine = load_engine(settings.ocr)
    chosen = [
        ("orientation", lambda p: orient(p, settings, engine)),
        ("deskew", lambda p: deskew(p, settings)),
        ("detection", lambda p: detect_text(p, settings, engine)),
        ("layout", lambda p: segment(p, settings)),
        ("ocr", lambda p: recognize(p, settings, engine)),
        ("articles", lambda p: assemble(p, settings)),
    ]
    last = {"layout": 4, "ocr": 5, "all": 6}[through]
    return chosen[:last]


def measure(width: int, height: int, through: str) -> list[tuple[str, float, int]]:
    from newsprint.scans import load_scan

    settings = Settings()
    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = broadsheet(Path(folder) / "broadsheet.png", width, height)
        run = stages(settings, through)  # models loaded before the baseline
        rows.append(("baseline (models loaded)", 0.0, psutil.Process().memory_info().rss))
        start = time.perf_counter()
        with Peak() as peak:
            (page,) = load_scan(path, settings.scan)
        rows.append(("load", time.perf_counter() - start, peak.peak))
        page = _run(run, page, rows)
    return rows


def _run(run: list[tuple[str, Callable]], page: NewspaperPage, rows: list) -> NewspaperPage:
    for name, stage in run:
        start = time.perf_counter()
        with Peak() as peak:
            page = stage(page)
        rows.append((name, time.perf_counter() - start, peak.peak))
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width", type=int, default=9000)
    parser.add_argument("--height", type=int, default=14000)
    parser.add_argument("--through", choices=["layout", "ocr", "all"], default="all")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    rows = measure(args.width, args.height, args.through)
    for name, seconds, rss in rows:
        print(f"{name:26s} {seconds:7.1f} s   peak RSS {rss / GIB:5.2f} GiB")
    print(f"peak over the page: {max(r[2] for r in rows) / GIB:.2f} GiB (target 3 GiB)")


if __name__ == "__main__":
    main()
