"""Command line: ``python -m pagegen --seed 1 --lang en --out DIR [--count N] [--format png]
[--style modern|old|vertical|small|broadsheet|letter]``.

Writes ``<lang>-<seed>.<ext>`` and ``<lang>-<seed>.truth.json`` for seeds
``seed .. seed+count-1``; ``--style old`` writes English 19th-century microfilm pages
``en-old-<seed>``, ``--style vertical`` pages of vertical traditional Chinese ``zh-vert-<seed>``,
``--style small`` modern Chinese pages scanned at 72-100 dpi ``zh-small-<seed>``,
``--style broadsheet`` Chinese broadsheets of six to eight columns at 56-72 dpi ``zh-broad-<seed>``,
``--style letter`` modern English pages kept at 68-80 dpi ``en-small-<seed>``.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from pagegen.generate import generate_page
from pagegen.oldrandom import random_old_spec
from pagegen.output import FORMATS, save_page
from pagegen.randomize import (
    random_broadsheet_spec,
    random_letter_spec,
    random_small_spec,
    random_spec,
)
from pagegen.spec import LANGUAGES, PageSpec
from pagegen.vertical import random_vertical_spec, save_vertical_page

log = logging.getLogger("pagegen")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m pagegen", description="Synthetic newspaper pages with ground truth."
    )
    parser.add_argument("--seed", type=int, default=0, help="first seed (>= 0)")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh-hans")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--count", type=int, default=1, help="number of pages")
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default=None,
        help="image format (default: tif-g4 for bitonal pages, jpg for pages with JPEG "
        "artefacts, else png)",
    )
    parser.add_argument(
        "--style",
        choices=("modern", "old", "vertical", "small", "broadsheet", "letter"),
        default="modern",
        help="old: English 19th-century page on bitonal microfilm at 72-150 dpi; vertical: "
        "vertical traditional Chinese, PNG or 1-bit TIFF (--format ignored); small: a modern "
        "Chinese page at 72-100 dpi, simplified for an even seed, traditional for an odd one; "
        "broadsheet: the same, a broadsheet of six to eight columns at 56-72 dpi; letter: a "
        "modern English page kept at 68-80 dpi, as a letter-size page at 72 "
        "(--lang ignored by all five)",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def default_format(spec: PageSpec) -> str:
    if spec.scan.bitonal:
        return "tif-g4"
    return "jpg" if spec.scan.jpeg_quality else "png"


def main(argv: list[str] | None = None) -> list[Path]:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(message)s")
    paths = []
    for seed in range(args.seed, args.seed + args.count):
        if args.style == "vertical":
            paths.append(
                save_vertical_page(random_vertical_spec(seed), args.out, f"zh-vert-{seed}")
            )
            continue
        if args.style == "old":
            spec, stem = random_old_spec(seed), f"en-old-{seed}"
        elif args.style == "small":
            spec, stem = random_small_spec(seed), f"zh-small-{seed}"
        elif args.style == "broadsheet":
            spec, stem = random_broadsheet_spec(seed), f"zh-broad-{seed}"
        elif args.style == "letter":
            spec, stem = random_letter_spec(seed), f"en-small-{seed}"
        else:
            spec, stem = random_spec(seed, args.lang), f"{args.lang}-{seed}"
        fmt = args.format or default_format(spec)
        paths.append(save_page(generate_page(spec), args.out, stem, fmt))
    return paths


if __name__ == "__main__":
    main()
