"""The page as a whole: its orientation, its skew, the scanner's border round
it, and the fold that parts two pages of one scan.

These run before any type size is measured (``layout.metrics`` needs the
straightened page), so their lengths are shares of the page or of the scan,
and pixels where an image is first shrunk to a fixed size.

"Set by hand (08f9714)": the value came with the first pipeline (commit
08f9714, tested on the synthetic pages of ``tests/synth.py``), and no later
commit names a page it was tuned on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OrientationParams:
    """Whether the print runs across the page or up it (``layout.orientation.sideways``):
    the sharpest profile along the rows against the sharpest along the columns."""

    analysis_width_px: int = 600
    """The scan is shrunk to at most this many pixels wide before both profiles are
    taken (pixels: nothing is measured yet; wide enough for lines to stay apart).
    Set with the orientation stage (commit 7a91cf9); no page named."""

    max_skew: float = 15.0
    """Each profile is searched over this many degrees of skew either way (the same
    range as ``Settings.deskew.max_angle``'s default, but fixed: the orientation
    stage reads no settings). Set with the orientation stage (commit 7a91cf9)."""

    skew_step: float = 0.5
    """Degrees between the angles tried (a coarse search: only the sharpest profile
    counts, not its angle). Set with the orientation stage (commit 7a91cf9)."""

    sideways_margin: float = 1.1
    """The page is sideways when the columns' profile is this many times sharper than
    the rows' (a share of the rows' sharpness). Set with the orientation stage
    (commit 7a91cf9); the recogniser then decides among the turns it proposes."""


ORIENTATION = OrientationParams()


@dataclass(frozen=True)
class SkewParams:
    """How the skew is searched (``layout.deskew``): a coarse search over the whole
    range on a small image, a fine one near its best angle on a larger image. The
    range and the fine image's width are ``Settings.deskew``'s. The search was
    checked with ``python -m bench.deskew`` on 90 generated pages of every scan
    style (commit c182ac5: max error 0.035°)."""

    coarse_width_px: int = 800
    """The coarse search runs on the page shrunk to at most this many pixels wide
    (or ``Settings.deskew.analysis_width``, if less). Pixels: nothing is measured
    yet. Set by hand (08f9714)."""

    coarse_step: float = 0.25
    """Degrees between the angles of the coarse search. Set by hand (08f9714)."""

    fine_width_scale: int = 2
    """The fine search runs on an image this many times
    ``Settings.deskew.analysis_width`` wide. Set by hand (08f9714)."""

    fine_window: float = 0.4
    """The fine search tries this many degrees either side of the coarse angle (more
    than the coarse step, so the true angle is inside). Set by hand (08f9714)."""

    near_best: float = 0.9
    """A coarse angle whose score is at least this share of the best one's (and
    a peak of the coarse profile) is searched finely too: coarse steps can
    straddle the true angle's peak (generated en-old-5000: -0.25 scored 0.999
    of the best, 0.25, next to the true 0.26). Set by hand."""

    fine_candidates: int = 3
    """At most this many coarse angles are searched finely. Set by hand."""

    fine_step: float = 0.02
    """Degrees between the angles of the fine search (a parabola through the best
    three then reads between them). Set by hand (08f9714)."""

    min_ink_px: int = 50
    """With fewer ink pixels than this on the analysis image the skew is read as 0
    (a blank page). Pixels: a count, not a length. Not tuned: a safe bound."""

    max_ink_px: int = 400_000
    """At most this many ink pixels (a fixed random sample) are projected, for speed.
    Pixels: a count, not a length. Set by hand (08f9714)."""

    type_min_height_px: int = 2
    """Ink this many pixels tall or more counts towards the typical component height
    (thinner specks do not). Pixels of the analysis image: the type size is not
    known yet. Set with type-only skew (commit a626fef); no page named."""

    type_max_height: int = 4
    """Only ink at most this many times the typical (median) component height is
    projected: letters and rules say where the lines run, a photo's mass or a torn
    edge only blurs the profile. Set with type-only skew (commit a626fef)."""

    type_max_height_floor_px: float = 4.0
    """... and at least this many pixels, whatever the typical height (pixels of the
    analysis image, a floor for pages of specks). Commit a626fef."""

    type_max_height_floor_share: float = 0.02
    """Ink up to this share of the analysis image's width is looked at too, and
    taken where its profile is the sharper (``contrast_range``): where specks of
    dust or grain outnumber the letters, their median height (2-4 px) is the
    "typical" one and 4 times it cut every letter away, so that the skew was the
    specks' (1.14° on a level page of six lines under 9,000 specks of 1-4 px,
    profile contrast 1.1; with the letters 15). A photo's mass is far taller than
    2% of the page. Generated zh-hans-1005: -0.81° to -0.90° (truth -0.9°); ECPO
    1919's right page keeps its stroke-sized ink (contrast 14 against 5)."""

    contrast_range: float = 5.0
    """Degrees either side of level over which two ways of choosing the ink are
    compared: the peak of the profile's sharpness over its median."""

    straight_below: float = 0.01
    """A skew under this many degrees is not corrected (the page is copied, not
    resampled). Not tuned: a safe bound (set in 08f9714)."""

    unusual_skew_severity: float = 0.3
    """Severity (0-1) of the ``unusual_skew`` flag (the angle is
    ``Settings.deskew.unusual_angle``). Set by hand (08f9714)."""


SKEW = SkewParams()


@dataclass(frozen=True)
class BorderParams:
    """What is the scanner's dark border, not print (``layout.border``): ink that
    touches the image's edge and keeps to a band along the edges. Lengths are
    shares of the page (its shorter side, or its width or height), since the type
    size is measured only on the cleaned page."""

    band: float = 0.06
    """The edge band: this share of the page's shorter side along every edge. Set by
    hand (08f9714)."""

    band_min_px: int = 4
    """... and at least this many pixels (a floor for tiny images). Set by hand (08f9714)."""

    max_inside_share: float = 0.1
    """A piece touching the edge is border when less than this share of its area
    lies inside the edge band (a frame round the whole scan is one such piece). Set
    by hand (08f9714)."""

    touch_margin: float = 0.004
    """A piece touches the edge when it comes within this share of the page's shorter
    side of it. Set by hand (08f9714)."""

    touch_margin_min_px: int = 2
    """... or within this many pixels, if more (a floor for small images). Set by hand (08f9714)."""

    long_side: float = 0.5
    """A torn or tilted paper edge runs along at least this share of the page's width
    (or height). Used both for a frame of such edges joined at a corner and for a
    strip along one edge. Commit ba04d41 (a dark strip along one edge, torn paper
    against the scanner lid) and 59e89b2 (two such strips joined at a corner); no
    page named."""

    torn_depth: float = 0.15
    """A torn or tilted paper edge reaches at most this share of the page in from its
    edge: a frame of them keeps (all but ``max_deep_share``) within this share of the
    shorter side, a strip along one edge is at most this share of the height (or
    width) thick. Commits ba04d41 and 59e89b2 (a page read as one block before)."""

    max_deep_share: float = 0.01
    """A long piece is border when less than this share of its area lies deeper in
    than ``torn_depth``. Commit 59e89b2."""

    strip_min_fill: float = 0.1
    """A strip along one edge fills at least this share of its box (a solid dark
    strip, not a rule's thin outline). Commit ba04d41."""


BORDER = BorderParams()


@dataclass(frozen=True)
class PunchHoleParams:
    """What is a punch hole (``layout.border``): a solid round blob near an edge, far
    bigger than type. Sizes are shares of the page's shorter side."""

    min_size: float = 0.012
    """A hole is at least this share of the shorter side across (far bigger than
    type). Set by hand (08f9714)."""

    max_size: float = 0.08
    """... and at most this share. Set by hand (08f9714)."""

    min_aspect: float = 0.75
    """A hole's box is at least this wide for its height (width / height). Set by hand (08f9714)."""

    max_aspect: float = 1.33
    """... and at most this. Set by hand (08f9714)."""

    min_fill: float = 0.65
    """A hole fills at least this share of its box (a disc fills pi/4 = 0.785). Set by
    hand (08f9714)."""

    max_fill: float = 0.9
    """... and at most this share (a square blob fills all of it). Set by hand (08f9714)."""

    max_edge_distance: float = 0.08
    """A hole's centre is less than this share of the shorter side from an edge.
    Set in 08f9714, widened to 0.12 in 59e89b2 ("the deskewed canvas adds a margin")
    and back to 0.08 in 3f12352, when a bold 'o' was taken for a hole."""

    min_roundness: float = 0.8
    """A hole's outline is round: 4 pi area / perimeter² is more than this (1 for a
    disc). Commit efe18ac (punch holes must be round); no page named."""


PUNCH_HOLES = PunchHoleParams()


@dataclass(frozen=True)
class PrintBoxParams:
    """The bounding box of the print (``layout.border.content_box``): ink that is not
    border or holes, less stray specks."""

    pad_px: int = 4
    """The box is padded by this many pixels each way (working-image pixels: it is
    found before the type size is measured). Set by hand (08f9714)."""

    speck_px: int = 2
    """Ink that cannot hold a square this many pixels wide is opened away before the
    box is taken (pixels: a speck of noise is a pixel or two at any type size). Set
    by hand (08f9714)."""

    trim_percent: float = 0.05
    """This percent of the ink pixels at each end, in x and in y, is left outside the
    box (stray ink in the margins must not stretch it). Set by hand (08f9714)."""

    faint_min_ink: float = 0.1
    """The box grows over ink found with a scanner border painted out
    (``layout.border.grown_over_faint_print``) only where that ink covers this
    share of the bounding box of the glyphs in the added band (type with its
    leading and the gaps between columns: 0.15 on the 84-dpi page's foot
    lines, 0.105-0.13 on a page of grey type; paper grain and a stained
    margin's specks, 0.01-0.07 in the NZZ scans' margins). Set on the
    small-scanned generated Chinese pages and the ten NZZ scans (2026-12-05)."""

    line_aspect: float = 10.0
    """... ink drawn out this many times as long as it is thick is a rule, a
    paper edge or a crease, no glyph: left out of that measure. Set by hand
    (2026-12-05)."""

    min_glyphs: int = 5
    """... and a band holding fewer glyphs than this (a blot, a mark) holds no
    type. Set by hand (2026-12-05)."""

    rim_px: int = 3
    """... and ink this many pixels from the border is its edge, not print (grey
    where the border was resampled by the deskew or blurred by the scanner).
    Set by hand (2026-12-05)."""

    faint_min_span: float = 0.2
    """... and only where it runs along this share of the box's side (the last
    lines of a band across a page: two thirds of it on the 84-dpi page; a
    blot in a margin, a tenth). Set as ``faint_min_ink``."""


PRINT_BOX = PrintBoxParams()


@dataclass(frozen=True)
class FoldParams:
    """What is a fold (``layout.folds``): two newspaper pages side by side in one
    scan, parted at a white gutter down the middle. Found on a scan shrunk to a fixed
    width, before anything of the type is measured. Set on ECPO's 晶報 folds and the
    tests' synthetic pages (commit 9f90d4b), then 986f612 (a landscape page of four
    columns was cut in two) and da70030 (the bad-input batch's sideways.png was cut
    in two)."""

    min_aspect: float = 1.2
    """Only a scan at least this much wider than tall (width / height) can hold two
    pages. Commit 9f90d4b."""

    min_width_px: int = 2000
    """... and at least this many pixels wide (scan pixels: a newspaper page under
    1,000 pixels wide holds type too small to read, and a page scanned sideways is
    landscape too). Commit da70030 (the bad-input batch's sideways.png)."""

    search: tuple[float, float] = (0.4, 0.6)
    """The gutter is looked for in this part of the scan's width (shares of it: the
    middle fifth). Commit 9f90d4b."""

    edge: float = 0.03
    """This share of the scan's height at its top and foot is left out (a scanner's
    dark border crosses everything). Commit 986f612."""

    strips: int = 24
    """The gutter is followed through this many strips of the print's height. Commit
    9f90d4b."""

    min_clear: float = 0.85
    """A gutter between pages of vertical print is clear of ink (within ``drift``) in
    at least this share of the strips (a scan of an old fold is seldom clean along
    the binding); between pages of horizontal print in all of them. Commit 9f90d4b
    (ECPO's 晶報 folds)."""

    drift: float = 0.002
    """How far (a share of the shrunk scan's width) the gutter may wander from strip
    to strip. Commit 9f90d4b."""

    margins: float = 1.5
    """Between pages of horizontal print the gutter is this many times wider than any
    gutter between columns (it holds both pages' margins). Commit 986f612 (the tests'
    landscape page of four columns was cut at its middle gutter)."""

    min_ink_share: float = 0.25
    """Each page holds at least this share of the other's ink (an empty half is no
    page). Commit 9f90d4b."""

    gutter_width_px: int = 1200
    """The scan is looked for a gutter at this many pixels wide (at most; pixels:
    nothing is measured yet). Commit 9f90d4b."""

    direction_width_px: int = 2400
    """... and for the direction of its print at this many (at most; type must stay
    8 px or more for ``layout.direction``). Commit 9f90d4b."""


FOLDS = FoldParams()
