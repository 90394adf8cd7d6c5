"""The benchmark's page set: generated from fixed seeds, cached on disk.

The tuning set and the held-out set use disjoint seed ranges, so the figures
say how the pipeline does on layouts it was not tuned to. Each set also holds
English 19th-century pages (``en-old-<seed>``: dense narrow columns parted by
thin rules, caps headings of body size, bitonal microfilm at 72-150 dpi with
speckle and show-through), the kind of page the modern layouts hide failures on,
pages of vertical traditional Chinese (``zh-vert-<seed>``: bands of stories
read right to left, vertical headlines and captions, rules; white, tinted or
bitonal paper), modern Chinese pages scanned small (``zh-small-<seed>``:
72-100 dpi, body type of 8-11 pixels, as a city daily kept as a web image) and
Chinese broadsheets kept small (``zh-broad-<seed>``: six to eight columns at
56-72 dpi, body type of 7-10 pixels) and modern English pages kept small
(``en-small-<seed>``: 68-80 dpi, as a letter-size page at 72).
"""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path

from pagegen import PageSpec, generate_page, random_spec, save_page
from pagegen.__main__ import default_format
from pagegen.oldrandom import random_old_spec
from pagegen.randomize import random_broadsheet_spec, random_letter_spec, random_small_spec
from pagegen.vertical import GENERATOR, random_vertical_spec, save_vertical_page

log = logging.getLogger(__name__)

LANGUAGES = ("zh-hans", "zh-hant", "en")
TUNING_SEED = 1000
HELD_OUT_SEED = 5000


def old_page_count(per_language: int) -> int:
    """How many 19th-century pages a set of ``per_language`` pages per language gets:
    one for every three (10 -> 4, 4 -> 2)."""
    return math.ceil(per_language / 3)


def vertical_page_count(per_language: int) -> int:
    """How many vertical pages a set gets: as many as 19th-century pages."""
    return old_page_count(per_language)


def small_page_count(per_language: int) -> int:
    """How many small-scanned Chinese pages a set gets: one for every five
    (10 -> 2, 4 -> 1)."""
    return math.ceil(per_language / 5)


def broadsheet_page_count(per_language: int) -> int:
    """How many broadsheet Chinese pages kept small a set gets: one for every
    ten (10 -> 1, 4 -> 1)."""
    return math.ceil(per_language / 10)


def letter_page_count(per_language: int) -> int:
    """How many English pages kept small a set gets: one for every ten
    (10 -> 1, 4 -> 1)."""
    return math.ceil(per_language / 10)


def page_specs(
    first_seed: int, per_language: int, old_pages: int | None = None
) -> list[tuple[str, PageSpec]]:
    """(stem, spec) of every page of a set: ``per_language`` modern pages per language
    (``<language>-<seed>``, as before), then ``old_pages`` (default
    :func:`old_page_count`) 19th-century pages ``en-old-<seed>`` from the same seeds,
    then :func:`small_page_count` small-scanned Chinese pages ``zh-small-<seed>``,
    :func:`broadsheet_page_count` broadsheets kept small ``zh-broad-<seed>`` and
    :func:`letter_page_count` English pages kept small ``en-small-<seed>``."""
    specs = [
        (f"{language}-{seed}", random_spec(seed, language))
        for language in LANGUAGES
        for seed in range(first_seed, first_seed + per_language)
    ]
    count = old_page_count(per_language) if old_pages is None else old_pages
    specs += [
        (f"en-old-{seed}", random_old_spec(seed)) for seed in range(first_seed, first_seed + count)
    ]
    small = range(first_seed, first_seed + small_page_count(per_language))
    specs += [(f"zh-small-{seed}", random_small_spec(seed)) for seed in small]
    broad = range(first_seed, first_seed + broadsheet_page_count(per_language))
    specs += [(f"zh-broad-{seed}", random_broadsheet_spec(seed)) for seed in broad]
    letter = range(first_seed, first_seed + letter_page_count(per_language))
    specs += [(f"en-small-{seed}", random_letter_spec(seed)) for seed in letter]
    return specs


def page_set(
    folder: Path,
    first_seed: int,
    per_language: int,
    old_pages: int | None = None,
    vertical_pages: int | None = None,
) -> list[Path]:
    """Generate (once) the pages of :func:`page_specs` and ``vertical_pages``
    (default :func:`vertical_page_count`) vertical pages ``zh-vert-<seed>``;
    return their image paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, spec in page_specs(first_seed, per_language, old_pages):
        version = _GENERATORS.get(stem.rsplit("-", 1)[0])
        existing = _existing(folder, stem, version)
        if existing:
            paths.append(existing)
            continue
        log.info("generating %s", stem)
        paths.append(save_page(generate_page(spec), folder, stem, default_format(spec)))
        if version is not None:
            _stamp(folder / f"{stem}.truth.json", version)
    vertical = vertical_page_count(per_language) if vertical_pages is None else vertical_pages
    for seed in range(first_seed, first_seed + vertical):
        stem = f"zh-vert-{seed}"
        existing = _existing(folder, stem, GENERATOR)
        if existing is None:
            log.info("generating %s", stem)
            existing = save_vertical_page(random_vertical_spec(seed), folder, stem)
        paths.append(existing)
    return paths


SMALL_GENERATOR = "small-3"
"""The version of ``random_small_spec`` the cached small pages were drawn by
(its third: border and blur shrunk with the page)."""

BROADSHEET_GENERATOR = "broadsheet-1"
"""The version of ``random_broadsheet_spec`` the cached broadsheets were drawn by."""

LETTER_GENERATOR = "letter-1"
"""The version of ``random_letter_spec`` the cached small English pages were drawn by."""

_GENERATORS = {
    "zh-small": SMALL_GENERATOR,
    "zh-broad": BROADSHEET_GENERATOR,
    "en-small": LETTER_GENERATOR,
}


def _stamp(truth: Path, generator: str) -> None:
    """Write the generator's version into a page's truth (``_existing`` reads it)."""
    data = json.loads(truth.read_text(encoding="utf-8"))
    data["generator"] = generator
    truth.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _existing(folder: Path, stem: str, generator: str | None = None) -> Path | None:
    """The page ``stem`` already generated in ``folder`` (image and truth), if
    any; with ``generator``, only if its truth says that version drew it (an
    older version's page is removed, to be drawn again)."""
    images = [p for p in folder.glob(f"{stem}.*") if not p.name.endswith(".json")]
    truth = folder / f"{stem}.truth.json"
    if not images or not truth.exists():
        return None
    if generator is not None:
        drawn_by = json.loads(truth.read_text(encoding="utf-8")).get("generator")
        if drawn_by != generator:
            log.info("%s was drawn by %s, not %s: drawn again", stem, drawn_by, generator)
            for path in [*images, truth]:
                path.unlink()
            return None
    return images[0]
