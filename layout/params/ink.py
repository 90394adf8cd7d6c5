"""Ink and type size: which pixels are ink (``layout.binarize``), and how big
the page's type is (``layout.metrics``, ``layout.boxes``).

These measure the units everything else is stated in, so they cannot use
them: their lengths are pixels, each saying why.

"Set by hand (08f9714)": the value came with the first pipeline (commit
08f9714, tested on the synthetic pages of ``tests/synth.py``), and no later
commit names a page it was tuned on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InkParams:
    """Which pixels are ink (``layout.binarize.ink_mask``): the paper's illumination
    divided out, then one Otsu threshold for the page, and whatever is dark in
    absolute terms."""

    background_width_px: int = 400
    """The paper's illumination is estimated on the page shrunk (by a whole factor)
    to about this many pixels on its longer side (pixels: a fixed working size, for
    speed; nothing is measured yet). Set by hand (08f9714)."""

    paper_filter_px: int = 15
    """On that shrunk page, a max filter this many pixels square (wider than any
    glyph stroke) sees only paper. Set by hand (08f9714)."""

    speck_filter_px: int = 15
    """... and a median filter this many pixels square removes specks and photo
    highlights from the paper's level. Set by hand (08f9714)."""

    bitonal_samples: int = 200
    """Whether a page is already bitonal is judged on about this many samples each
    way (a grid, for speed; a count, not a length). Set by hand (08f9714)."""

    max_threshold: int = 200
    """Otsu's threshold on the flattened page is capped at this grey level (0-255):
    on a mostly white page it can land too close to paper. Set by hand (08f9714)."""

    min_text_share: float = 0.02
    """The text detector's line boxes decide the ink threshold
    (``binarize.ink_mask``) when they cover at least this share of the page
    (fewer pixels make no histogram worth splitting)."""

    text_samples: int = 4_000_000
    """About this many pixels of the page are sampled (on a grid) for that
    threshold."""

    min_line_px: int = 200
    """A text line's box is thresholded on its own (``binarize.ink_mask``)
    when it holds at least this many pixels: fewer make no histogram. Pixels:
    a histogram's sample. Not tuned."""

    lighter_by: int = 20
    """Grey levels (0-255): a line's own threshold counts where it lands this
    much above the page's, type printed lighter than the page's (the Evening
    Bulletin's light column: 31-36 over it). Less is the halo round dark
    type (generated en-small-5000: 11, capped), which only fattens letters
    and made a body line as tall as the headline over it."""

    min_seed_share: float = 0.2
    """A piece under a line's own threshold that runs through the line's
    box from top to foot is grown only where the page's threshold already
    finds this share of its pixels: grey paper round a few specks (the
    shadow along NZZ 1922-08-17's edge: 0.06-0.08) is no letter, where a
    light letter grows from its strokes (the Evening Bulletin's light
    column: 0.56 of the grown pieces' pixels; a light letter against a
    rule, or filling a tight box: about 0.5)."""

    dark_share: float = 0.45
    """Grey darker than this share of the paper's level is ink whatever the
    flattening says (it turns the middle of a wide dark border into "paper"). Set by
    hand (08f9714)."""


INK = InkParams()


@dataclass(frozen=True)
class NegativeParams:
    """Whether a scan is a negative, light print on dark paper
    (``layout.binarize.is_negative``): a microfilm negative scanned as it is.
    Judged on the middle of the page (a scanner's dark border is left out) from
    a grid of samples. Set on the 72 real, generated and sample scans and the
    same scans inverted."""

    solid_share: float = 0.95
    """A row or column at the scan's edge this much (or more) solid dark is a frame
    or scanner bed round the page, left out first."""

    inner: float = 0.1
    """This share of the scan's width and height at each edge is left out."""

    samples: int = 400
    """About this many samples each way (a count, not a length)."""

    min_contrast: int = 64
    """Between the 1st and 99th percentiles of the middle's grey at least this
    many levels (0-255): a blank page, or one washed out, is never inverted."""

    max_light_share: float = 0.5
    """A negative's light pixels (brighter than halfway between its 1st and 99th
    percentiles) are its print, a minority: at most this share of the middle. On
    positives they are the paper: 0.60 and more on every page seen (the least:
    zh-hans-1009, a tinted generated page; jb_4138, ECPO's browned 1940 fold
    0.70); on the same pages inverted 0.41 and less."""

    max_median_place: float = 0.4
    """... and the paper, the most of it, is dark: its median grey lies at most this
    far from the 1st percentile towards the 99th. Positives: 0.65 and more on
    every page seen; the same inverted: 0.35 and less. A dark photo over most of
    the page has its median mid-way, among its shades."""


NEGATIVE = NegativeParams()


@dataclass(frozen=True)
class PaperParams:
    """The paper's grey level (``layout.binarize.paper_level``): the brightest common
    value, used for the ink threshold and to paint out border and photos."""

    percentile: int = 90
    """The paper is this percentile of the page's grey values (brighter than all
    print, below the odd bright speck). Set by hand (08f9714)."""

    sample_step_px: int = 4
    """Every this many pixels, each way, is sampled (for speed; pixels: a sampling
    stride). Set by hand (08f9714)."""


PAPER = PaperParams()


@dataclass(frozen=True)
class GlyphParams:
    """Which connected components are characters when the glyph height (the ``em``)
    is measured (``layout.metrics.glyph_height``: their median height). These run
    before any type size is known, so the sizes are pixels of the working image."""

    min_height_px: int = 6
    """A character is at least this many pixels tall (smaller is specks, dots and
    accents; pixels: the type size is what is being measured). Set by hand
    (08f9714)."""

    max_height_px: int = 150
    """... and at most this many (taller is rules, frames, photos and headline
    type). Set by hand (08f9714)."""

    max_width: int = 3
    """A character is at most this many times its height wide (wider is a rule or
    letters run together). Set by hand (08f9714)."""

    max_slenderness: int = 5
    """... and at most this many times its width tall (taller is a vertical rule).
    Set by hand (08f9714)."""

    min_area_px: int = 12
    """A character has at least this many ink pixels (an outline or a speck has
    fewer; pixels: nothing is measured yet). Set by hand (08f9714)."""

    min_count: int = 20
    """With fewer characters than this the page's type size is not measured
    (``core.page.DEFAULT_BODY_PX`` is used). Set by hand (08f9714)."""


GLYPHS = GlyphParams()


@dataclass(frozen=True)
class BodyLineParams:
    """The body type's line height (``layout.metrics.body_line_height``): the
    commonest line height, read from a histogram of the lines' heights in pixels
    (it is the unit being measured)."""

    bin_px: int = 2
    """The histogram's bins are this many pixels wide. Set by hand (08f9714)."""

    near_px: int = 2
    """Lines up to this many pixels beyond the commonest bin, either way, count in the
    median that gives the body line height. Set by hand (08f9714)."""


BODY_LINE = BodyLineParams()


@dataclass(frozen=True)
class LineShapeParams:
    """Which way a text line runs (``layout.boxes.Box.thickness`` and ``length``):
    across the page, or down it (Chinese set vertically)."""

    vertical_aspect: float = 1.5
    """A line runs down the page when it is more than this many times taller than
    wide (a share of its width); its type size is then its width. Commit 35ab9fb
    (ECPO's vertical folds were turned or taken for photos); the same bound tells
    a vertical line and block in ``layout.direction`` (commit c6a3cde, generated
    vertical page: 4/4 stories read whole)."""


LINE_SHAPE = LineShapeParams()
