"""Pages per second of the whole pipeline (outputs written) in one process,
with the OCR engine the settings choose (``ocr.engine``; ``bench/gpu.sh``
runs it with ``onnxruntime-gpu``).

    python -m bench.throughput [--pages FILE...] [--rounds 1] [--overlap]

The first page is read once before the clock starts (models loaded, sessions
warm). Prints the engine and its device, seconds per page, pages per second
and per minute, and the mean seconds of each stage. ``--overlap`` also runs
the pages with each page's outputs written on a background thread while the
next page is read, alternating with the plain run round by round, and prints
the ratio of the two (writing off the critical path of the next page).
Resident memory after the warm-up page and after each round, and the peak,
show whether memory grows over the pages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from newsprint.core.settings import Settings
from newsprint.exports import write_outputs
from newsprint.ocr.engine import OcrEngine, load_engine
from newsprint.pipeline import process_page
from newsprint.scans import load_scan

from bench.memory import PeakMemory, rss_mib
from bench.samples import ROOT

DEFAULT_PAGES = sorted(
    p for p in (ROOT / "sample_scans").iterdir() if p.suffix in {".png", ".jpg", ".tif"}
)


def run_pages(
    paths: list[Path], out: Path, settings: Settings, engine: OcrEngine, overlap: bool
) -> tuple[float, dict[str, float]]:
    """Seconds to read and write every page of ``paths`` (loading included), and
    the summed seconds per stage. With ``overlap`` a page's outputs are written on
    a background thread while the next page is read (waited for at the end)."""
    stages: dict[str, float] = defaultdict(float)
    pending: list[Future] = []
    start = time.perf_counter()
    with ThreadPoolExecutor(1, thread_name_prefix="outputs") as writer:
        for n, path in enumerate(paths):
            for page in load_scan(path, settings.scan):
                page = process_page(page, settings, engine)
                for name, seconds in page.timings.items():
                    stages[name] += seconds
                folder = out / f"{n}-{page.stem}"
                if overlap:
                    pending.append(writer.submit(write_outputs, page, folder, settings.output))
                else:
                    write_start = time.perf_counter()
                    write_outputs(page, folder, settings.output)
                    stages["write"] += time.perf_counter() - write_start
        for future in pending:
            future.result()
    return time.perf_counter() - start, dict(stages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=Path, nargs="*", default=DEFAULT_PAGES)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--overlap", action="store_true", help="also time background writes")
    args = parser.parse_args(argv)
    settings = Settings()
    engine = load_engine(settings.ocr)
    info = engine.info()
    out = Path(tempfile.mkdtemp(prefix="newsprint-throughput-"))
    run_pages(args.pages[:1], out / "warm", settings, engine, overlap=False)
    modes = [False, True] if args.overlap else [False]
    totals: dict[bool, float] = defaultdict(float)
    stages: dict[str, float] = {}
    resident = [rss_mib()]
    with PeakMemory() as peak:
        for r in range(args.rounds):
            for overlap in modes:
                seconds, stages_run = run_pages(
                    args.pages, out / f"{r}-{overlap}", settings, engine, overlap
                )
                totals[overlap] += seconds
                resident.append(rss_mib())
                if not overlap:
                    stages = stages_run
    pages = len(args.pages) * args.rounds
    plain = totals[False]
    sys.stdout.write(
        f"engine {info['engine']} ({settings.ocr.engine}, device {settings.ocr.device_id} "
        f"if GPU), {len(args.pages)} scans x {args.rounds} rounds\n"
        f"{plain / pages:.2f} s/page, {pages / plain:.3f} pages/s, "
        f"{60 * pages / plain:.1f} pages/min\n"
        "stage means (s): "
        + ", ".join(f"{k} {v / len(args.pages):.2f}" for k, v in stages.items())
        + "\n"
        f"memory (MiB): after the first page {resident[0]:.0f}, after each round "
        + " ".join(f"{m:.0f}" for m in resident[1:])
        + f", peak {peak.peak:.0f}\n"
    )
    if args.overlap:
        sys.stdout.write(
            f"outputs on a background thread: {totals[True] / pages:.2f} s/page, "
            f"ratio {totals[True] / plain:.3f} of writing them in line\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
