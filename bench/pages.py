"""The benchmark's page set: generated from fixed seeds, cached on disk.

The tuning set and the held-out set use disjoint seed ranges, so the figures
say how the pipeline does on layouts it was not tuned to.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pagegen import generate_page, random_spec, save_page
from pagegen.__main__ import default_format

log = logging.getLogger(__name__)

LANGUAGES = ("zh-hans", "zh-hant", "en")
TUNING_SEED = 1000
HELD_OUT_SEED = 5000


def page_set(folder: Path, first_seed: int, per_language: int) -> list[Path]:
    """Generate (once) ``per_language`` pages per language; return their image paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for language in LANGUAGES:
        for seed in range(first_seed, first_seed + per_language):
            stem = f"{language}-{seed}"
            existing = [p for p in folder.glob(f"{stem}.*") if not p.name.endswith(".json")]
            if existing and (folder / f"{stem}.truth.json").exists():
                paths.append(existing[0])
                continue
            spec = random_spec(seed, language)
            log.info("generating %s", stem)
            paths.append(save_page(generate_page(spec), folder, stem, default_format(spec)))
    return paths
