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
    scale: float = 1.0
    """Resampling from the clean page to the scan (0.1..1, area averaging, after the
    rotation): a page drawn at 300 dpi with ``scale=0.4`` is scanned at 120 dpi. The
    spec's ``dpi`` is the scan's. Everything after it works at the scan's size."""
    ink_spread: float = 0.0
    """Scan pixels (0..1) by which every stroke grows on each side before resampling:
    the heavy look of old type, ink spread and over-exposed film."""
    show_through: float = 0.0
    """Darkness (0..1 of the ink) of the verso's print seen through the paper: the page
    mirrored, shifted and blurred (see :mod:`pagegen.microfilm`)."""
    exposure: float = 0.0
    """Strength (0..1) of blotchy uneven exposure: a smooth random field that lightens
    or darkens patches of a few centimetres, on top of ``illumination``."""
    dropout: float = 0.0
    """Broken strokes (0..1): fine random noise, about a stroke wide, added to the ink
    before quantising, so thin strokes break up (most visible on bitonal pages)."""
    speckle: float = 0.0
    """Dust: the share of the page's pixels (e.g. 0.0005) that seed a black speck of
    1-3 pixels on the paper; a fifth as many white pinholes fall in the ink."""


@dataclass(frozen=True)
class OldArticleSpec:
    """One article of a 19th-century page (see :class:`OldStyleSpec`)."""

    heading: Literal["caps", "small-caps", "none"] = "caps"
    """Centred heading in capitals, in small capitals, or none (the article runs on
    after the previous one, parted from it only by a short centred rule)."""
    heading_scale: float = 1.1
    """Size of the heading's capitals / body size (1..1.4)."""
    lines: int = 40
    """Length of the body in lines (the page's last article takes what is left)."""
    rule: bool = True
    """A short centred rule above the article (always drawn before a headless one)."""
    lead_caps: bool = False
    """The first word of the body in capitals ("THE long Committee ..."), as printed."""
    signature: bool = False
    """A name in small capitals set right at the foot of the article (its byline);
    never under the spec's last article, which takes the rest of the page."""


@dataclass(frozen=True)
class OldStyleSpec:
    """A dense 19th-century page: a masthead band across the top, then narrow columns
    parted by thin vertical rules, filled by one stream of articles that runs down each
    column and on at the head of the next. ``PageSpec.bands`` is empty for such a page."""

    articles: tuple[OldArticleSpec, ...]
    rule_width: float = 1.5
    """Width of the column rules in scan pixels (the clean page draws them wider by
    1 / ``ScanSpec.scale``)."""
    rule_breaks: float = 0.0
    """Share (0..0.6) of each column rule's length left out, in gaps of a few lines."""
    masthead_scale: float = 2.6
    """Size of the paper's name / body size."""
    letter_spacing: float = 0.15
    """Space added between the masthead's letters, in ems of its size."""
    head_rule: Literal["single", "double", "thick-thin"] = "double"
    """The rule under the masthead band."""


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
    old: OldStyleSpec | None = None
    """A 19th-century page (see :mod:`pagegen.oldpage`); ``bands`` is then empty."""

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
    if spec.old is not None:
        _check_old(spec)
    elif not spec.bands:
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
    if not 0.1 <= spec.scan.scale <= 1.0:
        raise ValueError(f"scan scale {spec.scan.scale} is out of range (0.1..1)")


def _check_photo(art: ArticleSpec, band: int) -> None:
    photo = art.photo
    if photo is None:
        return
    if photo.columns < 1 or photo.first_column < 0 or photo.first_column + photo.columns > art.span:
        raise ValueError(f"band {band}: photo columns do not fit the article span {art.span}")


def _check_old(spec: PageSpec) -> None:
    old = spec.old
    if old is None:
        return
    if spec.bands:
        raise ValueError("a 19th-century page has no bands (its articles are in spec.old)")
    if not old.articles:
        raise ValueError("a 19th-century page needs at least one article")
    if not 0.0 <= old.rule_breaks <= 0.6:
        raise ValueError(f"rule_breaks {old.rule_breaks} is out of range (0..0.6)")
