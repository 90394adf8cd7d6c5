"""``generate_page``: a spec in, a scanned page with its exact ground truth out."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from pagegen.layout import PageLayout
from pagegen.oldpage import compose_old_page
from pagegen.page import compose_page
from pagegen.scan import Rotation, degrade
from pagegen.spec import PageSpec

log = logging.getLogger(__name__)


@dataclass
class GeneratedPage:
    spec: PageSpec
    image: Image.Image
    """The 'scan': rotated and degraded (mode RGB, L or 1)."""
    clean: Image.Image
    """The straight page before any scan degradation (mode L)."""
    truth: dict[str, Any]
    """Ground truth in scan pixels (see ``sample_scans/README.md``)."""
    layout: PageLayout
    """Every drawn element with its box in clean-page pixels."""
    rotation: Rotation
    """Maps clean-page points and boxes to scan pixels."""


def generate_page(spec: PageSpec) -> GeneratedPage:
    """Render ``spec``; the same spec always gives the same pixels and truth."""
    content_rng = np.random.default_rng([spec.seed, 11])
    scan_rng = np.random.default_rng([spec.seed, 12])
    compose = compose_old_page if spec.old is not None else compose_page
    clean, layout = compose(spec, content_rng)
    image, rotation = degrade(clean, spec, scan_rng)
    truth = build_truth(spec, layout, rotation, image.size)
    log.debug(
        "generated %s page seed %d: %d articles", spec.language, spec.seed, len(layout.articles)
    )
    return GeneratedPage(spec, image, clean, truth, layout, rotation)


def build_truth(
    spec: PageSpec, layout: PageLayout, rotation: Rotation, size: tuple[int, int]
) -> dict[str, Any]:
    """The truth dictionary; ``image`` is filled in by ``save_page``."""
    return {
        "image": f"{spec.language}-{spec.seed}.png",
        "language": "en" if spec.language == "en" else "zh",
        "script": spec.script,
        "width": size[0],
        "height": size[1],
        "dpi": spec.dpi,
        "skew_angle": spec.skew,
        "columns": spec.columns,
        "running_head": [layout.header, layout.folio],
        "articles": [
            {
                "headline": art.headline,
                "paragraphs": list(art.paragraphs),
                "captions": list(art.captions),
                "byline": art.byline,
                "bbox": list(rotation.box(art.bbox)),
            }
            for art in layout.articles
        ],
    }
