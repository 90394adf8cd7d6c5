"""``random_old_spec``: a 19th-century page (dense narrow columns, thin rules, caps
headings) on bitonal microfilm at 72-150 dpi, every choice drawn from a seed.

The page is drawn large (body type 26-32 pixels) and resampled by ``ScanSpec.scale`` so
that the scan's body type is 13-18 pixels (font size; lines 14-22 pixels apart, the
NCSE pages' are 19-27 apart at about 120 dpi; smaller type is not legible on a bitonal
scan), whatever the dpi: at 72 dpi that is type of 13-18 points, at 150 dpi 6-9 points. Small
type keeps the shapes a scanner would see, not those of a font hinted at 13 pixels.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from pagegen.randomize import _pick
from pagegen.spec import OldArticleSpec, OldStyleSpec, PageSpec, ScanSpec

DPIS = (72, 96, 100, 120, 120, 150)
"""Scan resolutions drawn from (120 twice: the NCSE microfilm scans are about 120 dpi)."""
STYLE = 7
"""Key of this style in the seed sequence (``random_spec`` uses 1-3 for its draws)."""


def random_old_spec(seed: int, **overrides: Any) -> PageSpec:
    """A reproducible English 19th-century page description.

    Any ``PageSpec`` field may be overridden by keyword (``width``, ``height``,
    ``columns``, ``dpi`` ...); ``scan`` and ``old`` may also be a dict of the fields of
    ``ScanSpec`` / ``OldStyleSpec`` to replace. Sizes are clean-page pixels; the scan is
    ``ScanSpec.scale`` times smaller, at ``dpi``.
    """
    if seed < 0:
        raise ValueError("seed must be >= 0")
    scan_given, old_given = overrides.pop("scan", None), overrides.pop("old", None)
    unknown = set(overrides) - {f.name for f in dataclasses.fields(PageSpec)}
    if unknown:
        raise TypeError(f"random_old_spec got unknown overrides {sorted(unknown)}")
    fields = old_basics(np.random.default_rng([seed, STYLE, 1]))
    scan_body = fields.pop("scan_body")
    fields.update(overrides)
    scale = scan_body / fields["body_size"]
    scale = round(float(np.clip(scale, 0.1, 1.0)), 4)
    scan = old_scan(np.random.default_rng([seed, STYLE, 3]), scale)
    old = old_style(np.random.default_rng([seed, STYLE, 2]), fields, scan.scale)
    fields["scan"] = _replaced(scan, scan_given)
    fields["old"] = _replaced(old, old_given)
    return PageSpec(seed=seed, language="en", bands=(), **fields)


def _replaced(value: Any, given: Any) -> Any:
    if given is None:
        return value
    if isinstance(given, dict):
        return dataclasses.replace(value, **given)
    return given


def old_basics(rng: np.random.Generator) -> dict[str, Any]:
    """Page size, type and grid: 4-7 columns of 17-24 ems, gutters of 0.4-1.2 em."""
    size = int(rng.integers(26, 33))
    columns = int(rng.integers(4, 8))
    col_w = round(float(rng.uniform(17, 24)) * size)
    gutter = round(float(rng.uniform(0.4, 1.2)) * size)
    margin = round(float(rng.uniform(2.5, 5)) * size)
    width = 2 * margin + columns * col_w + (columns - 1) * gutter
    height = round(width * float(rng.uniform(1.3, 1.45)))
    skew = round(float(np.clip(rng.normal(0, 0.8), -3, 3)), 2)
    return {
        "width": width,
        "height": height,
        "margin": margin,
        "gutter": gutter,
        "body_size": size,
        "columns": columns,
        "leading": round(float(rng.uniform(1.1, 1.25)), 2),
        "body_font": _pick(rng, ["liberation-serif", "dejavu-serif"], [0.75, 0.25]),
        "headline_font": _pick(rng, ["liberation-serif", "liberation-serif-bold", "dejavu-serif"]),
        "caption_font": "liberation-serif-italic",
        "column_rules": True,
        "band_rules": False,
        "folio": "top",
        "page_number": int(rng.integers(1, 1000)),
        "justify": bool(rng.random() < 0.9),
        "hyphenate": round(float(rng.uniform(0.5, 0.95)), 2),
        "skew": skew,
        "expand": False,
        "dpi": int(_pick(rng, DPIS)),
        "scan_body": float(rng.uniform(13.0, 18.0)),
    }


def old_style(rng: np.random.Generator, fields: dict[str, Any], scale: float) -> OldStyleSpec:
    """Rules, masthead and enough articles to fill the page (the last takes the rest)."""
    pitch = fields["body_size"] * fields["leading"]
    lines = fields["columns"] * (fields["height"] - 2 * fields["margin"]) / pitch
    count = max(3, int(lines / 30) + 2)
    articles = tuple(old_article(rng) for _ in range(count))
    return OldStyleSpec(
        articles=articles,
        rule_width=round(float(rng.uniform(1.0, 2.0)), 2),
        rule_breaks=0.0 if rng.random() < 0.35 else round(float(rng.uniform(0.05, 0.4)), 2),
        masthead_scale=round(float(rng.uniform(1.6, 3.2)), 2),
        letter_spacing=round(float(rng.uniform(0.0, 0.3)), 2),
        head_rule=_pick(rng, ["single", "double", "thick-thin"]),
    )


def old_article(rng: np.random.Generator) -> OldArticleSpec:
    """Headings in caps (55%), small caps (25%) or none (20%); 6-70 lines; the first
    word in capitals under half the headings; a signature under 15% of the articles."""
    heading = _pick(rng, ["caps", "small-caps", "none"], [0.55, 0.25, 0.2])
    return OldArticleSpec(
        heading=heading,
        heading_scale=round(float(rng.uniform(1.0, 1.35)), 2),
        lines=int(rng.integers(6, 71)),
        rule=bool(rng.random() < 0.7),
        lead_caps=heading != "none" and bool(rng.random() < 0.5),
        signature=bool(rng.random() < 0.15),
    )


def old_scan(rng: np.random.Generator, scale: float) -> ScanSpec:
    """Microfilm: bitonal (80%) or grey, grey paper, speckle, broken strokes,
    show-through (70%; darkening the paper by 40-85% of what the threshold
    allows, so it prints where the exposure is dark), uneven exposure, sometimes the
    film's dark edge. The threshold is high (0.66-0.76): thin strokes of small type,
    averaged down to grey, stay ink as they do on real microfilm."""
    bitonal = bool(rng.random() < 0.8)
    threshold = round(float(rng.uniform(0.66, 0.76)), 2)
    through = float(rng.uniform(0.4, 0.85)) * (1 - threshold) if rng.random() < 0.7 else 0.0
    level = int(rng.integers(225, 251))
    sides = ("left", "right", "top", "bottom")
    borders = tuple(str(s) for s in rng.permutation(sides)[: int(rng.integers(0, 3))])
    return ScanSpec(
        paper=(level, level, level),
        ink=int(rng.integers(10, 41)),
        illumination=round(float(rng.uniform(0.03, 0.15)), 3),
        noise=round(float(rng.uniform(3, 8)), 2),
        blur=round(float(rng.uniform(0.3, 0.7)), 2),
        jpeg_quality=None if bitonal else int(rng.integers(60, 90)),
        borders=borders if rng.random() < 0.3 else (),
        border_width=int(rng.integers(5, 31)),
        grey=not bitonal,
        bitonal=bitonal,
        threshold=threshold,
        scale=scale,
        show_through=round(through, 3),
        exposure=round(float(rng.uniform(0.05, 0.25)), 3),
        dropout=round(float(rng.uniform(0.03, 0.25)), 2),
        ink_spread=round(float(rng.uniform(0.15, 0.6)), 2),
        speckle=round(float(rng.uniform(0.0002, 0.002)), 5),
    )
