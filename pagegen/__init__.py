"""Synthetic newspaper pages with exact ground truth, for testing the OCR pipeline.

``random_spec(seed, language)`` draws a page description (``random_old_spec(seed)`` a
dense 19th-century page on bitonal microfilm, ``random_small_spec(seed)`` a modern
Chinese page scanned at 72-100 dpi, ``random_broadsheet_spec(seed)`` a Chinese
broadsheet of six to eight columns at 56-72 dpi, ``random_letter_spec(seed)`` a
modern English page kept at 68-80 dpi), ``generate_page(spec)``
renders it (clean page, 'scanned' image and truth) and ``save_page`` writes the image
with its ``.truth.json``. ``python -m pagegen`` is the command line;
``python -m pagegen.samples`` rebuilds ``sample_scans/``.
"""

from pagegen.generate import GeneratedPage, generate_page
from pagegen.oldrandom import random_old_spec
from pagegen.output import load_truth, save_page
from pagegen.randomize import (
    random_broadsheet_spec,
    random_letter_spec,
    random_small_spec,
    random_spec,
)
from pagegen.spec import LANGUAGES, ArticleSpec, BandSpec, PageSpec, PhotoSpec, ScanSpec

__all__ = [
    "LANGUAGES",
    "ArticleSpec",
    "BandSpec",
    "GeneratedPage",
    "PageSpec",
    "PhotoSpec",
    "ScanSpec",
    "generate_page",
    "load_truth",
    "random_broadsheet_spec",
    "random_letter_spec",
    "random_old_spec",
    "random_small_spec",
    "random_spec",
    "save_page",
]
