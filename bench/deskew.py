"""Deskew alone against the generator's exact skew, on many pages, no OCR.

    python -m bench.deskew [--pages N] [--seed S] [--worst K]

Generates (once, cached in ``bench/data/deskew/``) ``N`` pages per language
from seed ``S`` on, loads each scan as the pipeline does, estimates its skew
and compares it with the truth's ``skew_angle`` (same sign convention as the
benchmark's scorer: the angle ``PIL.Image.rotate`` applied to the page).
Prints the worst pages, the error by scan style, the mean and maximum error
and the estimator's seconds per page.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from newsprint.core.settings import Settings
from newsprint.layout.binarize import to_grey
from newsprint.layout.deskew import estimate_skew
from newsprint.scans import load_scan

from bench.pages import page_set
from bench.samples import ROOT
from pagegen import random_spec
from pagegen.spec import ScanSpec

CACHE = ROOT / "bench" / "data" / "deskew"
SEED = 7000


def scan_styles(scan: ScanSpec) -> list[str]:
    """The degradations a page was scanned with, as labels to group errors by."""
    styles = ["bitonal" if scan.bitonal else "grey" if scan.grey else "colour"]
    styles.append("jpeg" if scan.jpeg_quality and not scan.bitonal else "lossless")
    if scan.borders:
        styles.append("borders")
    if scan.punch_holes:
        styles.append("holes")
    styles.append("blur>0.7" if scan.blur > 0.7 else "blur<=0.7")
    return styles


def measure(image: Path, settings: Settings) -> dict:
    stem = image.name.split(".")[0]
    truth = json.loads(image.with_name(stem + ".truth.json").read_text("utf-8"))
    language, seed = stem.rsplit("-", 1)
    grey = to_grey(load_scan(image, settings.scan)[0].image)
    start = time.perf_counter()
    angle = estimate_skew(grey, settings.deskew.max_angle, settings.deskew.analysis_width)
    seconds = time.perf_counter() - start
    return {
        "page": image.name,
        "truth": truth["skew_angle"],
        "estimate": angle,
        "error": abs(angle - truth["skew_angle"]),
        "seconds": seconds,
        "styles": [language, *scan_styles(random_spec(int(seed), language).scan)],
    }


def report(rows: list[dict], worst: int) -> str:
    lines = [f"{'page':22} {'truth°':>7} {'estimate°':>9} {'error°':>7} {'s':>5}  styles"]
    for r in sorted(rows, key=lambda r: -r["error"])[:worst]:
        lines.append(
            f"{r['page']:22} {r['truth']:7.2f} {r['estimate']:9.3f} {r['error']:7.3f} "
            f"{r['seconds']:5.2f}  {' '.join(r['styles'])}"
        )
    groups: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        for style in r["styles"]:
            groups[style].append(r["error"])
    lines.append("")
    lines.append(f"{'style':12} {'pages':>5} {'mean°':>7} {'max°':>7}")
    for style, errors in sorted(groups.items()):
        lines.append(
            f"{style:12} {len(errors):5d} {sum(errors) / len(errors):7.3f} {max(errors):7.3f}"
        )
    errors = [r["error"] for r in rows]
    seconds = sum(r["seconds"] for r in rows) / max(1, len(rows))
    over = sum(e > 0.1 for e in errors)
    lines.append("")
    lines.append(
        f"{len(rows)} pages: mean error {sum(errors) / max(1, len(errors)):.3f}°, "
        f"max {max(errors, default=0):.3f}°, {over} over 0.1°; {seconds:.2f} s/page"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=30, help="pages per language")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--worst", type=int, default=10, help="pages to list, worst first")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = parser.parse_args(argv)
    settings = Settings()
    images = page_set(CACHE, args.seed, args.pages, vertical_pages=0)
    rows = [measure(image, settings) for image in images]
    sys.stdout.write(report(rows, args.worst) + "\n")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
