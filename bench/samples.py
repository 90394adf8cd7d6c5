"""Score the pipeline on the pages in ``sample_scans/`` against their ground truth.

    python -m bench.samples [--out DIR] [--json FILE]

Prints one row per page and the mean; the benchmark proper (generated pages,
the plain-PaddleOCR peer) builds on these scores.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from newsprint.core.settings import Settings
from newsprint.ocr.engine import load_engine
from newsprint.pipeline import process_scan

from bench.score import PageScore, score_page

ROOT = Path(__file__).resolve().parent.parent


def truth_pairs(folder: Path) -> list[tuple[Path, dict]]:
    pairs = []
    for truth_file in sorted(folder.glob("*.truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        pairs.append((folder / truth["image"], truth))
    return pairs


def run(folder: Path, out: Path) -> list[PageScore]:
    settings = Settings()
    engine = load_engine(settings.ocr)
    scores = []
    for image, truth in truth_pairs(folder):
        start = time.perf_counter()
        result = process_scan(image, out, settings, engine)
        seconds = time.perf_counter() - start
        if not result.ok:
            raise SystemExit(f"benchmark page failed: {result.error}")
        page = json.loads((result.pages[0].folder / "page.json").read_text(encoding="utf-8"))
        scores.append(score_page(image.name, truth, page, seconds))
    return scores


def table(scores: list[PageScore]) -> str:
    names = ("art", "recall", "prec", "CER%", "head", "capt", "byl", "leak", "skew°", "s/page")
    widths = (5, 6, 6, 6, 5, 5, 5, 4, 6, 7)
    head = f"{'page':28} " + " ".join(f"{n:>{w}}" for n, w in zip(names, widths, strict=True))
    rows = [head, "-" * len(head)]
    for s in scores:
        rows.append(
            f"{s.name[:28]:28} {s.found:>2}/{s.truth_articles:<2} {s.recall:6.2f} "
            f"{s.precision:6.2f} {100 * s.page_cer:6.2f} {s.headline_ok:>2}/{s.headlines:<2} "
            f"{s.caption_ok:>2}/{s.captions:<2} {s.byline_ok:>2}/{s.bylines:<2} "
            f"{s.running_head_leaks:>4} {s.skew_error:6.3f} {s.seconds:7.1f}"
        )
    n = max(1, len(scores))
    rows.append("-" * len(head))
    recall = sum(s.recall for s in scores) / n
    precision = sum(s.precision for s in scores) / n
    page_cer = 100 * sum(s.page_cer for s in scores) / n
    leaks = sum(s.running_head_leaks for s in scores)
    skew = max((s.skew_error for s in scores), default=0)
    seconds = sum(s.seconds for s in scores) / n
    rows.append(
        f"{'mean':28} {'':5} {recall:6.2f} {precision:6.2f} {page_cer:6.2f} "
        f"{'':5} {'':5} {'':5} {leaks:>4} {skew:6.3f} {seconds:7.1f}"
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=Path, default=ROOT / "sample_scans")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="newsprint-bench-"))
    scores = run(args.scans, out)
    sys.stdout.write(table(scores) + "\n")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sys.stdout.write(f"peak memory {peak:.0f} MiB; outputs in {out}\n")
    for s in scores:
        for line in s.details:
            sys.stdout.write(f"  {s.name}: {line}\n")
    if args.json:
        args.json.write_text(json.dumps([vars(s) for s in scores], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
