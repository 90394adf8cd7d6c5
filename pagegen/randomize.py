"""``random_spec``: every layout and scan choice drawn from a seed."""

from __future__ import annotations

import dataclasses
import itertools
import math
from typing import Any

import numpy as np

from pagegen.spec import LANGUAGES, ArticleSpec, BandSpec, PageSpec, PhotoSpec, ScanSpec

SPECIAL = ("spans", "photos", "bylines", "byline_share", "band_count", "scan")
"""Overrides of ``random_spec`` that steer the drawing instead of replacing a field."""
SIDES = ("left", "right", "top", "bottom")


def _pick(rng: np.random.Generator, options: list[Any], p: list[float] | None = None) -> Any:
    return options[int(rng.choice(len(options), p=p))]


def random_spec(seed: int, language: str, **overrides: Any) -> PageSpec:
    """A reproducible random page description.

    Any ``PageSpec`` field may be overridden by keyword; in addition ``spans`` (column
    spans of the articles, one tuple per band), ``photos`` (how many articles get a
    photo), ``bylines`` ("top", "end" or "mixed"), ``byline_share`` (the chance that an
    article has a byline), ``band_count`` and ``scan`` (a ``ScanSpec`` or a dict of its
    fields) steer the random layout and scan. Values are
    drawn in a fixed order, so an override never changes the other choices.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    if seed < 0:
        raise ValueError("seed must be >= 0")
    lang = LANGUAGES.index(language)
    special = {k: overrides.pop(k) for k in SPECIAL if k in overrides}
    unknown = set(overrides) - {f.name for f in dataclasses.fields(PageSpec)}
    if unknown:
        raise TypeError(f"random_spec got unknown overrides {sorted(unknown)}")
    fields = _basics(np.random.default_rng([seed, lang, 1]), language)
    photos = int(fields.pop("photos"))
    bylines = fields.pop("bylines")
    fields.update(overrides)
    if "bands" not in overrides:
        fields["bands"] = random_bands(
            np.random.default_rng([seed, lang, 2]),
            fields,
            language,
            photos=special.get("photos", photos),
            bylines=special.get("bylines", bylines),
            byline_share=special.get("byline_share"),
            band_count=special.get("band_count"),
            spans=special.get("spans"),
        )
    scan = random_scan(np.random.default_rng([seed, lang, 3]))
    given = special.get("scan")
    if isinstance(given, ScanSpec):
        scan = given
    elif given:
        scan = dataclasses.replace(scan, **given)
    fields.setdefault("scan", scan)
    return PageSpec(seed=seed, language=language, **fields)


def _columns(rng: np.random.Generator, width: int, margin: int, gutter: int, size: int) -> int:
    def col_width(n: int) -> float:
        return (width - 2 * margin - (n - 1) * gutter) / n

    ok = [n for n in range(3, 9) if 9 * size <= col_width(n) <= 20 * size]
    if not ok:
        return min(range(3, 9), key=lambda n: abs(col_width(n) - 12 * size))
    return int(_pick(rng, ok))


def _basics(rng: np.random.Generator, language: str) -> dict[str, Any]:
    cjk = language != "en"
    size = int(rng.integers(24, 31) if cjk else rng.integers(26, 33))
    width = int(rng.integers(1600, 2401)) // 8 * 8
    height = int(np.clip(width * rng.uniform(1.3, 1.45), 2200, 3300)) // 8 * 8
    margin = int(rng.integers(80, 121))
    gutter = int(rng.integers(max(25, size), 41))
    skew = round(float(np.clip(rng.normal(0, 1.5), -5, 5)), 2)
    return {
        "width": width,
        "height": height,
        "margin": margin,
        "gutter": gutter,
        "body_size": size,
        "columns": _columns(rng, width, margin, gutter, size),
        "leading": round(float(rng.uniform(1.35, 1.6)), 2),
        "body_font": _pick(
            rng, ["uming", "microhei"] if cjk else ["liberation-serif", "dejavu-serif"], [0.8, 0.2]
        ),
        "headline_font": _pick(
            rng,
            ["zenhei", "microhei", "uming"]
            if cjk
            else [
                "liberation-sans-bold",
                "liberation-serif-bold",
                "dejavu-serif-bold",
                "dejavu-sans-condensed-bold",
                "dejavu-serif-condensed-bold",
            ],
        ),
        "caption_font": _pick(
            rng,
            ["microhei", "zenhei"]
            if cjk
            else ["liberation-serif-italic", "liberation-sans-bold", "liberation-sans"],
        ),
        "column_rules": bool(rng.random() < 0.5),
        "band_rules": bool(rng.random() < 0.8),
        "double_head_rule": bool(rng.random() < 0.4),
        "folio": "top" if rng.random() < 0.6 else "bottom",
        "page_number": int(rng.integers(1, 25)),
        "justify": bool(cjk or rng.random() < 0.6),
        "hyphenate": 0.0 if cjk else round(float(rng.uniform(0.3, 0.9)), 2),
        "skew": skew,
        "expand": abs(skew) > 2.5,
        "photos": int(rng.integers(0, 4)),
        "bylines": "end" if cjk else _pick(rng, ["top", "end", "mixed"]),
    }


def _spans(rng: np.random.Generator, columns: int, first: bool) -> tuple[int, ...]:
    most = min(3, columns)
    k = int(rng.integers(1, most + 1)) if not first else int(rng.integers(1, min(2, most) + 1))
    if k == 1:
        return (columns,)
    cuts = sorted(int(c) for c in rng.choice(np.arange(1, columns), size=k - 1, replace=False))
    edges = [0, *cuts, columns]
    return tuple(b - a for a, b in itertools.pairwise(edges))


def random_bands(
    rng: np.random.Generator,
    fields: dict[str, Any],
    language: str,
    photos: int,
    bylines: str,
    band_count: int | None = None,
    spans: tuple | None = None,
    byline_share: float | None = None,
) -> tuple[BandSpec, ...]:
    """Bands of articles, photos given to the largest articles."""
    columns = int(fields["columns"])
    share = byline_share if byline_share is not None else (0.75 if language != "en" else 0.85)
    n = int(band_count or (len(spans) if spans else rng.integers(2, 5)))
    plan = [tuple(spans[b]) if spans else _spans(rng, columns, b == 0) for b in range(n)]
    weights = [float(rng.uniform(0.75, 1.3)) * (1.25 if b == 0 else 1.0) for b in range(n)]
    area = {
        (b, a): s * weights[b] * rng.uniform(0.8, 1.2)
        for b, row in enumerate(plan)
        for a, s in enumerate(row)
    }
    with_photo = sorted(area, key=area.__getitem__, reverse=True)[:photos]
    col_w = (fields["width"] - 2 * fields["margin"] - (columns - 1) * fields["gutter"]) / columns
    bands = []
    for b, row in enumerate(plan):
        arts = tuple(
            _article(rng, span, language, (bylines, share), col_w if (b, a) in with_photo else None)
            for a, span in enumerate(row)
        )
        weight = weights[b] * (1.3 if any(a.photo for a in arts) else 1.0)
        bands.append(BandSpec(round(weight, 3), arts))
    return tuple(bands)


def _article(
    rng: np.random.Generator,
    span: int,
    language: str,
    bylines: tuple[str, float],
    photo_col_w: float | None,
) -> ArticleSpec:
    """``bylines``: where bylines go ("top", "end", "mixed") and the chance of one."""
    cjk = language != "en"
    mode = bylines[0] if bylines[0] != "mixed" else _pick(rng, ["top", "end"])
    byline = mode if rng.random() < bylines[1] else None
    scale = float(np.clip(1.5 + 0.3 * span + rng.normal(0, 0.2), 1.6, 3.0))
    align = "center" if rng.random() < (0.6 if cjk else 0.15) else "left"
    photo = _photo(rng, span, photo_col_w) if photo_col_w else None
    return ArticleSpec(span, photo, byline, round(scale, 2), align)


def _photo(rng: np.random.Generator, span: int, col_w: float) -> PhotoSpec:
    least = min(span, max(1, math.ceil(380 / col_w)))
    k = int(rng.integers(least, min(span, least + 2) + 1))
    return PhotoSpec(
        columns=k,
        first_column=int(rng.integers(0, span - k + 1)),
        placement="inline" if rng.random() < (0.5 if k == 1 else 0.15) else "top",
        position=round(float(rng.uniform(0.25, 0.75)), 2),
        caption_above=bool(rng.random() < 0.15),
        frame=bool(rng.random() < 0.5),
        aspect=round(float(rng.uniform(0.55, 0.85)), 2),
    )


def random_scan(rng: np.random.Generator) -> ScanSpec:
    """Scan degradations: colour, grey or bitonal, with tint, noise, borders, holes."""
    kind = _pick(rng, ["colour", "grey", "bitonal"], [0.5, 0.35, 0.15])
    r = int(rng.integers(228, 249))
    paper = (r, r - int(rng.integers(3, 10)), r - int(rng.integers(12, 35)))
    sides = tuple(str(s) for s in rng.permutation(SIDES)[: int(rng.integers(0, 4))])
    return ScanSpec(
        paper=paper,
        ink=int(rng.integers(15, 45)),
        illumination=round(float(rng.uniform(0.02, 0.15)), 3),
        noise=round(float(rng.uniform(2, 8)), 2),
        blur=round(float(rng.uniform(0.3, 1.0)), 2),
        jpeg_quality=int(rng.integers(55, 90)) if rng.random() < 0.7 else None,
        borders=sides,
        border_width=int(rng.integers(15, 70)),
        punch_holes=int(_pick(rng, [0, 0, 0, 2, 3])),
        punch_edge=_pick(rng, ["left", "top"]),
        grey=kind == "grey",
        bitonal=kind == "bitonal",
        threshold=round(float(rng.uniform(0.45, 0.6)), 2),
    )


SMALL_SCALES = (0.36, 0.5)
"""Scan scales of a small Chinese page (``random_small_spec``): drawn at 200
dpi, it is scanned at 72 to 100 dpi, its body type 8 to 11 pixels."""

SMALL_SEED_OFFSET = 500
"""A small page's layout is drawn from its seed plus this, so that it is not
the layout of the modern page with the same seed, only smaller."""


def random_small_spec(seed: int) -> PageSpec:
    """A modern Chinese page scanned small: a city daily's page kept as a web
    image or scanned from film at 72-100 dpi (the real-pages issue's 2010
    city daily, 992 x 1419). Simplified Chinese for an even seed, traditional
    for an odd one; grey or colour, never 1-bit (type of 8 pixels does not
    survive a threshold); the layout, paper and noise of ``random_spec``,
    the scanner's border and blur as much smaller as the page is."""
    if seed < 0:
        raise ValueError("seed must be >= 0")
    language = ("zh-hans", "zh-hant")[seed % 2]
    rng = np.random.default_rng([seed, 7, 11])
    scale = round(float(rng.uniform(*SMALL_SCALES)), 2)
    spec = random_spec(
        seed + SMALL_SEED_OFFSET,
        language,
        scan={"scale": scale, "bitonal": False},
        dpi=round(200 * scale),
    )
    return _shrunk_scan(spec, scale)


def _shrunk_scan(spec: PageSpec, scale: float) -> PageSpec:
    """``spec`` with the scanner's border and blur as much smaller as the page:
    they are drawn in scan pixels, and a page kept small was shrunk from a
    larger scan, they with it (the border stays in the margin, not over the
    print)."""
    scan = dataclasses.replace(
        spec.scan,
        border_width=max(4, round(spec.scan.border_width * scale)),
        blur=round(spec.scan.blur * scale, 2),
    )
    return dataclasses.replace(spec, scan=scan)


LETTER_SCALES = (0.34, 0.4)
"""Scan scales of an English page kept small (``random_letter_spec``): drawn
at 200 dpi, it is kept at 68 to 80 dpi, its body type 8.8 to 12.8 pixels
(capitals and ascenders to descenders; an x-height of 4 to 6)."""

LETTER_SEED_OFFSET = 900
"""A small English page's layout is drawn from its seed plus this."""


def random_letter_spec(seed: int) -> PageSpec:
    """A modern English page kept small: a page rendered or scanned at 68-80
    dpi, as the real-pages issue's US government page (612 x 792, letter
    size at 72 dpi) and a paper's page kept as a web image. Grey or colour,
    never 1-bit; the layout, paper and noise of ``random_spec``, the
    scanner's border and blur as much smaller as the page is
    (``random_small_spec``). Raises ValueError for a negative seed."""
    if seed < 0:
        raise ValueError("seed must be >= 0")
    rng = np.random.default_rng([seed, 7, 17])
    scale = round(float(rng.uniform(*LETTER_SCALES)), 2)
    spec = random_spec(
        seed + LETTER_SEED_OFFSET,
        "en",
        scan={"scale": scale, "bitonal": False},
        dpi=round(200 * scale),
    )
    return _shrunk_scan(spec, scale)


BROADSHEET_SCALES = (0.28, 0.36)
"""Scan scales of a broadsheet Chinese page (``random_broadsheet_spec``):
drawn at 200 dpi, it is scanned at 56 to 72 dpi, its body type 6.7 to 9.7
pixels."""

BROADSHEET_SEED_OFFSET = 700
"""A broadsheet page's layout is drawn from its seed plus this."""


def random_broadsheet_spec(seed: int) -> PageSpec:
    """A Chinese broadsheet city daily kept small: six to eight columns on a
    page 15-17 inches wide, drawn at 200 dpi and scanned at 56-72 dpi, about
    the size of the real-pages issue's 2010 city daily (992 x 1419), body
    type 6.7-9.7 pixels, gutters of 26-35 drawn pixels (9-12 scanned).
    Simplified Chinese for an even seed, traditional for an odd one; grey or
    colour, the border and blur shrunk with the page (``random_small_spec``).
    Raises ValueError for a negative seed."""
    if seed < 0:
        raise ValueError("seed must be >= 0")
    language = ("zh-hans", "zh-hant")[seed % 2]
    rng = np.random.default_rng([seed, 7, 13])
    scale = round(float(rng.uniform(*BROADSHEET_SCALES)), 2)
    width = int(rng.integers(3000, 3401)) // 8 * 8
    spec = random_spec(
        seed + BROADSHEET_SEED_OFFSET,
        language,
        scan={"scale": scale, "bitonal": False},
        dpi=round(200 * scale),
        width=width,
        height=int(width * rng.uniform(1.38, 1.45)) // 8 * 8,
        columns=int(rng.integers(6, 9)),
        body_size=int(rng.integers(24, 28)),
        gutter=int(rng.integers(26, 36)),
        margin=int(rng.integers(130, 171)),
    )
    return _shrunk_scan(spec, scale)
