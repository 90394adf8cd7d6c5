"""Rebuild ``sample_scans/``: a few fixed pages with their truth, always the same bytes.

``python -m pagegen.samples [--out DIR]``
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pagegen.generate import GeneratedPage, generate_page
from pagegen.output import save_page
from pagegen.randomize import random_spec

log = logging.getLogger(__name__)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "sample_scans"


@dataclass(frozen=True)
class Sample:
    stem: str
    fmt: str
    seed: int
    language: str
    photos: int
    overrides: dict[str, Any] = field(default_factory=dict)
    quality: int = 75
    """JPEG quality when saving (the scan already went through one JPEG round trip)."""


SAMPLES: tuple[Sample, ...] = (
    Sample(
        "zh-hans-5col",
        "jpg",
        101,
        "zh-hans",
        2,
        {
            "width": 2080,
            "height": 2896,
            "columns": 5,
            "body_size": 26,
            "gutter": 32,
            "column_rules": True,
            "band_rules": True,
            "skew": 1.2,
            "expand": False,
            "body_font": "uming",
            "headline_font": "zenhei",
            "folio": "top",
            "spans": ((5,), (3, 2), (2, 3)),
            "scan": {
                "grey": False,
                "bitonal": False,
                "noise": 5.0,
                "jpeg_quality": 72,
                "paper": (241, 233, 208),
                "illumination": 0.1,
                "borders": (),
                "punch_holes": 0,
                "blur": 0.6,
            },
        },
    ),
    Sample(
        "zh-hant-4col",
        "png",
        202,
        "zh-hant",
        1,
        {
            "width": 1856,
            "height": 2560,
            "columns": 4,
            "body_size": 27,
            "gutter": 36,
            "column_rules": False,
            "band_rules": True,
            "skew": -0.8,
            "expand": False,
            "body_font": "uming",
            "headline_font": "microhei",
            "spans": ((4,), (2, 2), (1, 3)),
            "scan": {
                "grey": True,
                "bitonal": False,
                "noise": 1.2,
                "jpeg_quality": None,
                "illumination": 0.06,
                "borders": (),
                "punch_holes": 0,
                "blur": 0.5,
            },
        },
    ),
    Sample(
        "en-6col",
        "jpg",
        303,
        "en",
        2,
        {
            "width": 2400,
            "height": 3200,
            "columns": 6,
            "body_size": 28,
            "gutter": 30,
            "column_rules": True,
            "band_rules": True,
            "skew": -1.5,
            "expand": False,
            "bylines": "top",
            "byline_share": 1.0,
            "body_font": "liberation-serif",
            "justify": True,
            "spans": ((4, 2), (6,), (2, 2, 2)),
            "scan": {
                "grey": False,
                "bitonal": False,
                "noise": 4.0,
                "jpeg_quality": 72,
                "paper": (236, 230, 212),
                "borders": ("left", "bottom"),
                "border_width": 45,
                "punch_holes": 3,
                "punch_edge": "left",
                "blur": 0.6,
            },
        },
    ),
    Sample(
        "en-4col-bitonal",
        "tif-g4",
        404,
        "en",
        1,
        {
            "width": 1760,
            "height": 2400,
            "columns": 4,
            "body_size": 28,
            "gutter": 32,
            "skew": 0.6,
            "expand": False,
            "bylines": "mixed",
            "spans": ((4,), (1, 3), (2, 2)),
            "scan": {
                "bitonal": True,
                "grey": False,
                "noise": 6.0,
                "threshold": 0.5,
                "borders": (),
                "punch_holes": 0,
                "blur": 0.7,
            },
        },
    ),
    Sample(
        "zh-hans-4col-small",
        "png",
        505,
        "zh-hans",
        1,
        {
            "width": 1200,
            "height": 1600,
            "columns": 3,
            "body_size": 24,
            "gutter": 28,
            "margin": 80,
            "leading": 1.5,
            "skew": 0.4,
            "expand": False,
            "folio": "top",
            "body_font": "uming",
            "spans": ((3,), (2, 1)),
            "scan": {
                "grey": True,
                "bitonal": False,
                "noise": 1.0,
                "jpeg_quality": None,
                "illumination": 0.05,
                "borders": (),
                "punch_holes": 0,
                "blur": 0.5,
            },
        },
    ),
)


def build_sample(sample: Sample) -> GeneratedPage:
    spec = random_spec(sample.seed, sample.language, photos=sample.photos, **dict(sample.overrides))
    page = generate_page(spec)
    captions = sum(len(a["captions"]) for a in page.truth["articles"])
    if captions != sample.photos:
        log.warning("%s: %d photos placed, %d wanted", sample.stem, captions, sample.photos)
    return page


def build_samples(out_dir: Path = DEFAULT_OUT) -> list[Path]:
    """Write every sample page and its truth into ``out_dir``."""
    paths = []
    for sample in SAMPLES:
        paths.append(
            save_page(build_sample(sample), out_dir, sample.stem, sample.fmt, sample.quality)
        )
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for path in build_samples(args.out):
        log.info("%s: %d bytes", path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
