"""The full description of one synthetic page: every choice the generator makes is here.

``random_spec`` (see :mod:`pagegen.randomize`) draws a spec from a seed; ``generate_page``
renders it. Nothing else is random except what is derived from ``PageSpec.seed``, so the
same spec always gives the same image and truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Language = Literal["zh-hans", "zh-hant", "en"]
LANGUAGES: tuple[str, ...] = ("zh-hans", "zh-hant", "en")
Side = Literal["left", "right", "top", "bottom"]


@dataclass(frozen=True)
class PhotoSpec:
    """A photo inside an article, with its caption."""

    columns: int = 1
    """How many of the article's columns the photo spans (1..span)."""
    first_column: int = 0
    """Offset of the photo's first column inside the article."""
    placement: Literal["top", "inline"] = "top"
    """``top``: at the top of the article body; ``inline``: in the middle of the column(s)."""
    position: float = 0.4
    """For ``inline``: where the photo sits in the free height (0 = top, 1 = bottom)."""
    caption_above: bool = False
    frame: bool = True
    aspect: float = 0.7
    """Height / width of the picture (clamped so the article keeps room for text)."""


@dataclass(frozen=True)
class ArticleSpec:
    span: int
    """Number of page columns the article occupies."""
    photo: PhotoSpec | None = None
    byline: Literal["top", "end"] | None = "end"
    headline_scale: float = 2.0
    """Headline size / body size (1.6..3); reduced when the headline would not fit."""
    headline_align: Literal["left", "center"] = "left"


@dataclass(frozen=True)
class BandSpec:
    """A horizontal band of the page; its articles sit side by side, left to right."""

    weight: float
    articles: tuple[ArticleSpec, ...]


@dataclass(frozen=True)
class ScanSpec:
    """How the clean page is degraded into a 'scan'."""

    paper: tuple[int, int, int] = (240, 233, 212)
    ink: int = 28
    illumination: float = 0.08
    """Strength of the uneven-lighting gradient (0 = flat)."""
    noise: float = 4.0
    """Gaussian noise sigma in grey levels."""
    blur: float = 0.6
    """Gaussian blur sigma in pixels (0 = none)."""
    jpeg_quality: int | None = 80
    """JPEG round trip in memory (None = none); ignored for bitonal pages."""
    borders: tuple[Side, ...] = ()
    """Sides with a dark scanner border strip."""
    border_width: int = 40
    punch_holes: int = 0
    punch_edge: Side = "left"
    grey: bool = False
    """Output mode ``L`` instead of ``RGB``."""
    bitonal: bool = False
    """Output mode ``1`` (threshold); photos are dithered on the clean page."""
    threshold: float = 0.55
    """Bitonal threshold as a fraction between ink (0) and paper (1)."""


@dataclass(frozen=True)
class PageSpec:
    seed: int
    language: Language
    width: int
    height: int
    columns: int
    bands: tuple[BandSpec, ...]
    margin: int = 100
    gutter: int = 32
    body_size: int = 26
    leading: float = 1.45
    body_font: str = "uming"
    headline_font: str = "zenhei"
    caption_font: str = "microhei"
    column_rules: bool = True
    band_rules: bool = True
    double_head_rule: bool = False
    folio: Literal["top", "bottom"] = "top"
    page_number: int = 5
    justify: bool = True
    hyphenate: float = 0.5
    """English: chance of hyphenating a word when the line would otherwise be loose."""
    skew: float = 0.0
    """Degrees, positive = counter-clockwise (the angle given to ``Image.rotate``)."""
    expand: bool = False
    """Rotate with ``expand=True`` (the scan grows to hold the whole rotated page)."""
    scan: ScanSpec = field(default_factory=ScanSpec)
    dpi: int = 200

    def __post_init__(self) -> None:
        check_spec(self)

    @property
    def script(self) -> str:
        return {"zh-hans": "hans", "zh-hant": "hant", "en": "latn"}[self.language]

    @property
    def is_cjk(self) -> bool:
        return self.language != "en"


def check_spec(spec: PageSpec) -> None:
    """Raise ValueError for a spec the generator cannot render."""
    if spec.language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {spec.language!r}")
    if not 1 <= spec.columns <= 12:
        raise ValueError(f"columns must be 1..12, not {spec.columns}")
    if not spec.bands:
        raise ValueError("a page needs at least one band")
    for i, band in enumerate(spec.bands):
        spans = [a.span for a in band.articles]
        if not spans or min(spans) < 1 or sum(spans) != spec.columns:
            raise ValueError(f"band {i}: article spans {spans} must add up to {spec.columns}")
        for art in band.articles:
            _check_photo(art, i)
    if abs(spec.skew) > 45:
        raise ValueError(f"skew {spec.skew} is out of range (|skew| <= 45)")
    if spec.width < 400 or spec.height < 400:
        raise ValueError("page is too small")


def _check_photo(art: ArticleSpec, band: int) -> None:
    photo = art.photo
    if photo is None:
        return
    if photo.columns < 1 or photo.first_column < 0 or photo.first_column + photo.columns > art.span:
        raise ValueError(f"band {band}: photo columns do not fit the article span {art.span}")
