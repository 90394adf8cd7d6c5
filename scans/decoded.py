"""What a decoder hands back for one page, before it becomes a NewspaperPage."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Dpi = tuple[float, float]


@dataclass(frozen=True)
class DecodedPage:
    image: np.ndarray
    """8-bit grey (H, W) or RGB (H, W, 3), upright (orientation applied)."""
    mode: str
    """Pillow mode of the page as stored in the file."""
    dpi: Dpi | None


MIN_DPI = 30.0
"""A resolution under this (dots per inch) is no scan's but a placeholder:
a TIFF whose writer set no resolution comes back from Pillow as (1, 1)."""


def clean_dpi(value: object, swap: bool = False) -> Dpi | None:
    """An (x, y) resolution of at least ``MIN_DPI`` each, rounded to 0.01,
    swapped for quarter turns; else None (unknown)."""
    try:
        x, y = (float(v) for v in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return None
    if not (x >= MIN_DPI and y >= MIN_DPI):  # also NaN
        return None
    pair = (round(x, 2), round(y, 2))
    return (pair[1], pair[0]) if swap else pair
