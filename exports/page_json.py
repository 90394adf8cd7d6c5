"""``page.json``: the page model as JSON (no images, no working-image coordinates)."""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path
from typing import Any

from newsprint.core.page import NewspaperPage
from newsprint.exports.atomic import atomic_write_text

log = logging.getLogger(__name__)

PAGE_JSON = "page.json"


def page_json_text(page: NewspaperPage) -> str:
    """``page.model_dump(mode="json")`` as indented UTF-8 JSON text ending in a newline.

    Non-finite floats (NaN, infinity) are written as ``null`` so the file stays valid JSON.
    """
    data = page.model_dump(mode="json")
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    except ValueError:
        # Rare: only then is the whole tree walked (a tenth of a second on a
        # full page) to find and name each non-finite value.
        data = _finite_only(data, page.source, "$")
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return text + "\n"


def write_page_json(page: NewspaperPage, folder: Path) -> Path:
    """Write ``folder/page.json`` atomically and return its path."""
    return atomic_write_text(Path(folder) / PAGE_JSON, page_json_text(page))


def read_page_json(path: Path) -> NewspaperPage:
    """Read a ``page.json`` back into a validated page (without images).

    Raises ``pydantic.ValidationError`` if the file does not hold a valid page.
    """
    return NewspaperPage.model_validate_json(Path(path).read_bytes())


def _finite_only(value: Any, source: str, where: str) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        log.warning("%s: %s is %s; written as null in page.json", source, where, value)
        return None
    if isinstance(value, dict):
        return {key: _finite_only(item, source, f"{where}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return [_finite_only(item, source, f"{where}[{i}]") for i, item in enumerate(value)]
    return value
