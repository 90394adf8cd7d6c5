"""What a rule is (``layout.rules``): long thin ink, solid, dashed or dotted,
and the long thin ink that is no rule (a line of type's serifs run together, a
streak inside a picture).

``layout.rules`` measures in ``body``: its functions' argument named ``em`` is
the body line height (``layout.segmentation`` passes ``body``; on pages of
1600 px and more it is halved with the page for the half-resolution search).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleParams:
    """How rules are searched for and how thin a rule is
    (``layout.rules.find_rules``, ``_thin_components``)."""

    half_resolution_from_px: int = 1600
    """Pages whose shorter side is this many pixels or more are searched at half
    resolution (a cell is ink when any of its 2x2 pixels is): four times fewer
    pixels for the morphology and component passes. Pixels: it sizes the work,
    not the type. Set for speed in fe0a534 (same rules found)."""

    min_length_px: int = 20
    """A rule is at least this many full-resolution pixels long, however small
    the measured type (the floor under ``Settings.layout.min_rule_length_lines``;
    integer-divided by the scale at half resolution). Pixels: a floor for a
    body measured absurdly small. Not tuned: a safe bound (first segmentation,
    08f9714)."""

    dash_join: float = 0.8
    """Dashes and dots of a broken rule are joined across gaps up to this many
    × body before the rule's length is asked for. Set by hand on the synthetic
    tuning set with dashed rules (cc724d4)."""

    pinhole_widen_px: int = 3
    """A vertical rule is thickened across to this many pixels before it is
    searched, so that a thin rule that wavers by a pixel stays one run. Pixels:
    the waver is a scanner's pixel, whatever the type size; not scaled at half
    resolution. Set by hand (87ce4ad, "vertical rules found through pinholes")."""

    pinhole_close_px: int = 5
    """Pinholes along a vertical rule up to about this many pixels long are
    closed (the kernel is ``pinhole_close_px // scale + 1`` tall: 6 pixels at
    full resolution, 3 at half). Pixels: a pinhole is scanner noise, not type.
    Set by hand (87ce4ad), the ``// scale + 1`` form from fe0a534."""

    max_thickness: float = 0.6
    """A rule is at most this many × body thick (its box's thickness, or for a
    long rule its mean thickness, area over length); thicker ink is a bar, a
    photo's edge or type. Since the first segmentation (08f9714); the mean
    thickness from 8c466ff (worn column rules of the dense old pages)."""

    max_heavy_thickness: float = 0.75
    """A solid rule (``heavy_solid``) may be up to this many × body thick: the
    heavy frame of an advert. The unseen 1939 晶報 fold (jb_3800, not in the
    shared set) frames the adverts beside its nameplate in strokes 14-17 px
    thick on 23-px body lines (0.61-0.74 body): taken for no rules, they
    joined the nameplate and both adverts into one "photo". Set by hand."""

    heavy_solid: float = 0.7
    """...when its ink fills its box: its mean thickness (area over length)
    is at least this share of the box's. The 1939 frames fill theirs (1.0 and
    more: the core columns measure a vertical side's box); a thin line
    slanting across a taller box (the shaded foot of a photo) fills 0.2 of
    it. Set by hand between them."""

    core_share: float = 0.5
    """A vertical rule's core: the columns of its component inked in at
    least this share of the fullest column's rows (and a horizontal rule's,
    too thick as a whole, the rows inked across this share of the fullest
    row's length: ``rules._core_rows``). Synthetic en-old-1003
    (type 4 pixels from a 3-pixel rule joined it at half resolution, and
    the rule's box covered the first letters of the column)."""

    mean_thickness_from_length: int = 50
    """A horizontal rule at least this many × body long (across the page) may be
    judged by its mean thickness, as every vertical rule is; a shorter dark
    band (the shaded foot of a photo on zh-hans-1005) is judged by its box.
    Tuned on zh-hans-1005 and the NZZ's masthead rule (ffe1d48, e1615bc)."""

    askew_chain_from: float = 20.0
    """× body: a vertical rule this long or longer that runs askew is boxed as
    a chain of stroke-wide boxes down it (``rules._askew_pieces``): a column
    rule leaning off the page's lines (Star of Freedom 1852 p14, 1.1° over
    150 body lines) covered the first letters of the column it drifts into.
    A shorter one keeps its one box (a bracket in an advert: chained, TTW 1867
    p12's adverts were grouped anew, and the page read across its
    columns). Set by hand."""

    askew_rise: float = 0.02
    """A rule judged by its mean thickness may fill a box this share of its
    length thicker than ``max_thickness`` (a long rule scanned askew: the NZZ's
    double rule under the masthead rises 7 pixels over 3,500). Share of the
    rule's length; set on the dense old pages (8c466ff) and the NZZ (e1615bc)."""

    aslant_from: float = 0.6
    """A horizontal rule whose box is thicker than this many × body is
    masked along its own ink, not as its box, where detected lines lying on
    a rule are dropped (``rules.rules_mask``, ``segmentation._off_the_rules``):
    a rule printed or scanned aslant (NZZ 1900: the head's rule drops 55 px
    across 3,500, its box 2 body lines tall; level rules are 0.05-0.3
    body). × body."""

    aslant_strip: float = 1.0
    """... strip by strip along it, each this long (a rule dropping one part
    in 60 drifts by about a pixel within a strip). × body."""

    aslant_fill: float = 0.75
    """... a row of a strip being the rule's where its ink fills this share
    of the strip's length (a solid rule's rows 0.9-1.0; a row through a line
    of type beside it, between its letters, under: the serifs along a bold
    line's foot fill up to about 0.6). A share."""

    mask_pad: float = 0.08
    """The rule mask (ink taken out of the text) reaches this many × body beyond
    each rule's box, at least a pixel, to take in its frayed edges. Not tuned
    since the first segmentation (08f9714)."""


RULES = RuleParams()


@dataclass(frozen=True)
class DashParams:
    """What ink is a dash or a dot of a broken rule (``layout.rules._dashes``),
    and what speck may not close a gutter (``layout.lines.without_specks``)."""

    max_thickness: float = 0.25
    """A dash is at most this many × body thick. Set by hand on the synthetic
    tuning set's dashed rules (cc724d4)."""

    min_length: float = 0.25
    """A dash is at least this many × body long (shorter pieces are dots or
    specks). Set by hand on the synthetic tuning set (cc724d4)."""

    max_length: float = 1.5
    """A horizontal dash is at most this many × body long: a longer thin piece
    is a rule by itself, and pieces of type are no longer. (A vertical dash may
    be as long as a rule: type has no hairline taller than a line and a half.)
    Set by hand on the synthetic tuning set (cc724d4)."""

    max_dot: float = 0.3
    """A dot of a dotted rule is at most this many × body wide and high. The
    same bound makes the specks that ``without_specks`` leaves out of the ink a
    gutter is looked for in (a dotted rule's dots must not close a gutter).
    Set by hand on the synthetic tuning set's dotted rules (8ec149d, 23617b0)."""

    min_dot_px: int = 2
    """A dot of a dotted rule is at least this many pixels wide and high
    (integer-divided by the scale at half resolution, at least 1): smaller
    specks are scanner noise. Pixels: noise has a pixel size, not a type size.
    Set by hand (8ec149d)."""


DASHES = DashParams()


@dataclass(frozen=True)
class LoneDashParams:
    """A dash standing alone between two stories of a column
    (``layout.rules._lone_dashes``), too short for a rule or too worn to be
    found as one, found by the white round it."""

    min_length: float = 2.5
    """× body: the dash is at least this long (an em dash inside a line of
    type is shorter than two body lines and has letters on its row). The
    synthetic old pages' shortest dash is 55 pixels on 14-pixel type
    (en-old-1001, 3.9 body). Set by hand."""

    max_thickness_px: int = 4
    """Pixels: a dash is no thicker (2 pixels on the old pages; 1-bit scans
    thicken a stroke by a pixel or two). Not tuned: a safe bound."""

    join: float = 0.3
    """× body: gaps in a worn dash up to this long are closed before it is
    measured (the wear on en-old-1001 and en-old-5001: 1-4 pixels; gaps of
    4 pixels were left open, the closing one pixel short, until 2026-12-01:
    en-old-5001, stories 16 -> 18 of 21)."""

    white: float = 0.6
    """× body: paper clear above and below the dash by this much ..."""

    clear: float = 1.5
    """... and to its left and right on its rows by this much: a dash alone
    on its line, where a dash of the text has letters beside it. Set by
    hand."""

    speck_share: float = 0.02
    """The share of that white that may be inked (specks of a 1-bit scan:
    0.9% round en-old-1001's dash; a line of type inks a fifth or more)."""


LONE_DASH = LoneDashParams()


@dataclass(frozen=True)
class RuleBesideTypeParams:
    """When a short horizontal run is the foot or head of a line of type, its
    serifs run together, and no rule (``layout.rules._along_type``)."""

    keep_from_length: float = 8
    """A horizontal rule at least this many × body long is a rule whatever
    stands beside it (the second rule of a double rule lies close along it).
    Tuned on en-old-1000 (b59b0ce: 359 'rules' in its text lines, now 20)."""

    band: float = 0.3
    """How far above and below the run (× body, at least 2 pixels) letters are
    looked for. Tuned on en-old-1000 (b59b0ce)."""

    lettered_share: float = 0.5
    """A run is type when more than this share of its length has ink in the band
    on one side (a cut-off rule has white above and below). Tuned on
    en-old-1000 (b59b0ce)."""


RULE_BESIDE_TYPE = RuleBesideTypeParams()


@dataclass(frozen=True)
class RuleInLineParams:
    """When a short horizontal run is the body of a line of heavy type, and no
    rule (``layout.rules._inside_type_lines``)."""

    middle: float = 0.2
    """The run's middle lies inside a detected line, at least this share of
    the line's height from its top and its foot (a rule under a headline that
    the detector's box takes in lies at its foot)."""

    max_width_share: float = 0.8
    """... and the run is narrower than this share of the line (a cut-off
    rule that the detector reads as a line of its own fills its box). On
    synthetic en-old-1003 the x-height band of 12-pixel 1-bit type runs
    solid for 50-100 pixels at half resolution: 47 such 'rules' in 230-pixel
    lines."""

    x_height: float = 0.4
    """× body: a run inside a detected line at least this thick is the line's
    x-height whatever its width (a short last line of a paragraph, 86 pixels,
    on en-old-1003, its x-height run 82 pixels long and 8 thick on 12-pixel
    type); a cut-off rule is a pixel to three."""


RULE_IN_LINE = RuleInLineParams()


@dataclass(frozen=True)
class BrokenRunParams:
    """When a horizontal run joined from pieces is the feet of a line of type,
    and no rule (``layout.rules._feet_of_type``): the dashed-rule search joins
    dash-shaped pieces, and the serifs along the foot of worn, bold type are
    such pieces. Deseret News 1850 p7 (1,407 pixels wide, 21-pixel lines):
    the feet of "intends emigrating" and of "territorial govern-" were two
    rules of 90 and 94 pixels; each parted a column's story in two."""

    solid_share: float = 0.8
    """A run whose own rows hold ink over less than this share of its length
    is broken (dashed, dotted, or the feet of letters); a rule, worn, keeps
    more. Set by hand: a solid rule worn to under 0.8 of its length is
    rare; the feet of type are inked over about half."""

    type_above: float = 0.5
    """× body: the line of type whose feet the run is reaches at least this
    far above the run's top (its letters stand on it). A dashed rule that
    the detector boxed as a line of its own has no type above it."""


BROKEN_RUN = BrokenRunParams()


@dataclass(frozen=True)
class RuleInPictureParams:
    """When a long thin streak is inside a picture, or the stems of close-set
    letters lined up, and no rule (``layout.rules._in_dark_area``)."""

    band: float = 0.5
    """How far on each side of the streak (× body, at least 2 pixels) ink is
    looked for. Set with the test (ba04d41, "a dark streak with ink on both
    sides is not a rule")."""

    inked_share: float = 0.2
    """A streak is in a dark area when more than this share of the band is ink
    on both sides (a fifth: dithered halftones leave white between their
    dots). Tuned on dithered halftones (214917e)."""

    white_rows_share: float = 0.25
    """A streak with at least this share of white rows (the space between lines
    of type) in the band on both sides stands between columns of type, not in a
    picture. Tuned on a worn column rule set tight against the type, TTW 1868
    and the dense old pages (8c466ff)."""

    tight_rule_from_length: float = 10
    """Such a streak between lines of type is a rule when it is at least this
    many × body long (letters' stems line up for a few lines only). Tuned on
    the dense old pages (8c466ff)."""


RULE_IN_PICTURE = RuleInPictureParams()


@dataclass(frozen=True)
class ScratchParams:
    """A vertical stroke that the detector's lines run straight through is a
    scratch or a crease in the film, no column rule (``rules._type_runs_through``)."""

    min_lines: int = 12
    """Detected lines of type, reaching within ``reach`` of the stroke, needed
    to judge it."""

    reach: float = 1.0
    """× body: a line is beside the stroke when it comes this near; it runs
    across it when it goes on this far past both of its sides."""

    across_share: float = 0.9
    """The stroke is a scratch when this share of the lines beside it or more
    run across it. Measured on NCSE NS2 1843 p4's scratch down the middle of
    a column: 1.0 of 191 lines (and of 152 at 1.66 times the size), where
    its column rules had 0.0-0.14; the 31 real NCSE pages' rules 0.0-0.02
    (of 20 lines or more), generated en-old pages' 0.0-0.6 (lines the
    detector joins across a thin rule)."""

    flank: float = 0.15
    """× body (a pixel at least): beside a column rule, even one set tight
    against the type, this much white parts it from the letters."""

    touched_share: float = 0.5
    """... and the stroke is a scratch only when, in this share of the lines
    run across it or more, ink stands within ``flank`` of it: the scratch runs
    through letters."""


SCRATCH = ScratchParams()


@dataclass(frozen=True)
class DisplayStrokeParams:
    """A vertical run inside a line of display type is a stroke of one of its
    characters, no rule (``display_strokes.stroke_of_display_type``): on a 2010 city
    daily at 72 dpi (农民日报, 992 x 1419, enlarged twice for its small
    type) the upright strokes of a headline's characters 8.7 body lines tall
    (推, 贸, 向) were found as rules, and the headline was cut at them into
    three lines, each read as a headline of its own ("E动タ")."""

    pad: float = 0.25
    """× body: the run lies within the line's box, give or take this."""

    ends: float = 0.15
    """... and the line's ink touches its side somewhere clear of its ends
    (this share of its length at each end left out): a character's cross
    strokes meet its upright mid-length, where a frame's sides meet only at
    its corners and a rule between two headlines on one row stands in white."""

    beyond_px: int = 2
    """... the ink running on unbroken across the run and this many pixels
    past each of its sides (a cross stroke through it, not a letter touching
    one side)."""

    square: float = 0.25
    """A run is part of a character (``display_strokes.
    character_of_display_type``) when the piece of ink it belongs to is
    at least this share as wide as high, or as high as wide: on 东莞日报 of
    2026, A03 (enlarged twice), 国's frame is 130 x 128 pixels, 制's
    upright with its hook 46 x 136 (0.34), 型's 土 138 x 45 (0.33); a
    rule is a thin piece (17 x 130 there, 0.13)."""

    glyph_size: float = 1.2
    """... and no longer, across or down, than this many times the
    detector's box of its line is high: one character, not a frame round
    the headline."""

    own_share: float = 0.5
    """... and that piece holds at least this share of the run's ink: a
    character's stroke is all one piece (0.76-1.0 on 东莞日报 of 2026); a
    dashed rule under a headline is many, the largest a dash (0.22 under
    晶報 1919's 催眠術, its last dash touching an ornament of the frame)."""

    flank: float = 0.08
    """× the run's length: ink this near on both sides of an upright with
    nothing across it (向's left side) is its character's and the next
    one's; a rule between two headlines on one row has more white beside
    it (half a body line on 16-px type beside a 90-px rule is 8 px, this
    7, and 向's upright on that page is still one), and a frame's side has
    none outside."""


DISPLAY_STROKE = DisplayStrokeParams()


@dataclass(frozen=True)
class StemStackParams:
    """When a vertical "rule" is the stems of letters lined up down a column
    of heavy type, and no rule (``layout.rules._runs_through_line_gaps``)."""

    core_pad_px: int = 2
    """Pixels added each side of the found stroke before its ink is read (the
    half-resolution search boxes a stroke a pixel or two off)."""

    band: float = 0.5
    """× body: the paper beside the stroke, each side, read for the white
    between lines of type."""

    min_gap_rows: float = 0.12
    """The stroke is judged only when the rows white on both sides (the space
    between lines) are at least this share of its length; a rule in a frame
    or a double rule has no such rows."""

    inked_share: float = 0.6
    """A rule's stroke is inked in at least this share of those rows. On the
    synthetic dense old pages (en-old-1000 to 1003, 5001) and eight NCSE pages
    every found column rule measured 0.83 or more, the stems of 1-bit type
    stacked down 5-12 lines (and the even left edge of a column) 0.44 or
    less."""


STEM_STACK = StemStackParams()


@dataclass(frozen=True)
class RuleTrackParams:
    """Following a found vertical rule past its breaks
    (``layout.rules.follow_broken_rules``)."""

    window: float = 3
    """× body: the rows looked at in one step (long enough that a break of
    two or three lines still leaves the rule's x inked in half of them).
    Synthetic en-old-1000: its column rules break every 100-250 pixels for
    30-45 (body 14 px)."""

    max_missed_windows: int = 1
    """A window without the rule is passed over this many times in a row (a
    break up to a window long, when the window after shows the rule again).
    Synthetic en-old-1000 (breaks of 30-45 pixels, three body lines)."""

    bridge_windows: int = 4
    """... and this many, when another found piece of the rule lies within as
    many windows ahead (every window between clean paper along the rule, the
    type on either side clear of it). Synthetic en-old-1000: a rule missing
    for 130 pixels (nine lines) between two found pieces, the gutter there
    4 pixels of white."""

    tight_white: float = 0.4
    """× body: a rule is followed only when the white between its stroke and
    the type is narrower than this on both sides (worn rules of old pages
    stand 2-4 pixels from the type: 0.14-0.33 body on en-old-1000 and
    en-old-1003; the NZZ's 0.27). A modern page's rule with a gutter of its
    own (11-14 pixels on 24-pixel type, zh-hant-1009) was followed across a
    story's headline band and parted the headline from its story (stories
    6 -> 4 of 7). A rule with more white beside it is only bridged between
    its found pieces (``_RuleWalk.bridge``)."""

    window_min_px: int = 12
    """Pixels: the window is never shorter (a profile needs rows). Not tuned:
    a safe bound."""

    min_share: float = 0.4
    """The rule's x is inked in at least this share of the window's rows (a
    column of type inks an x in about a third). Synthetic en-old-1000 (0.75
    along its broken rules, 0.2-0.37 in the type beside them)."""

    flank_max: float = 0.05
    """An x within ``flank_reach`` on each side is inked in at most this share:
    the hairline of white between a tight rule and the type. Synthetic
    en-old-1000 (0.003-0.008 there)."""

    flank_of_peak: float = 0.15
    """... or at most this share of the rule's own share, when that is more
    (type justified up to a solid rule touches it in a few rows). Synthetic
    en-old-1001 (a rule inked in every row, the type beside it in a tenth)."""

    solid_share: float = 0.9
    """A thin stroke inked in this share of a window's rows or more is the
    rule with white on one side only: type set flush against it on the
    other (synthetic en-old-1002, x 640: the rule inked in 0.81-1.0 of the
    rows, the type of column 3 beside it in 0.4-0.6; letters' stems lined up
    over three lines ink their x in well under this)."""

    bridge_beside: float = 0.3
    """A rule with a gutter of its own is bridged across a break only when
    lines of body type stand against its place on each side in this share
    of the rows around the break or more (``_RuleWalk.bridge``): the
    columns run on beside it. Over en-old-5001's breaks 0.36-0.73 (lines of
    14-pixel type 21 pixels apart, headings and paragraph ends between);
    over the white bands between stories on zh-hant-1009 (a headline on one
    side: bridged, the rule parted the headline from its story) 0.0-0.25.
    Set between the two."""

    beside_margin: float = 2.0
    """× body: the rows looked at for ``bridge_beside`` are the break's and
    this many body lines above and below it (a break of a line and a half
    may fall between two lines of type: en-old-5001's 30-row breaks). Set by
    hand."""

    beside_reach: float = 2.0
    """× body: a line stands against a rule's place when it ends (or starts)
    within this distance of it: the gutter and a ragged line end. Set by
    hand (en-old-5001's gutter is 0.4 body either side)."""

    stroke_slack_px: int = 2
    """Pixels: in a window, the inked run around the rule's x may be this much
    wider than the found rule's own stroke (a wavering rule); wider, it is a
    letter's stem of larger type (the NZZ 1940's black-letter headline,
    where a rule was followed up into "Krieg in Norwegen")."""

    flank_reach: float = 0.3
    """× body (at least ``flank_reach_px``): how far beside the found rule's
    box the rule's x and its white flanks are looked for (a worn rule wavers
    by a pixel or two). Synthetic en-old-1000."""

    flank_reach_px: int = 3
    """Pixels: the reach is never less. Not tuned: a safe bound."""


RULE_TRACK = RuleTrackParams()


@dataclass(frozen=True)
class ParallelRulesParams:
    """Double and triple rules (``layout.rules._parallel_rules``)."""

    stroke_share: float = 0.5
    """A row of the bar inked across at least this share of its length is
    part of a stroke. Set on generated en-old-5000 (its strokes' rows are
    0.95-1.0 inked, the rows around them under 0.4)."""
    gap_share: float = 0.1
    """Between two strokes some row is inked across at most this share of
    the length: paper parts them (en-old-5000: 0.01-0.02)."""
    min_strokes: int = 2
    max_strokes: int = 3


PARALLEL_RULES = ParallelRulesParams()


@dataclass(frozen=True)
class FaintRuleParams:
    """Faint column rules (``layout.faint_rules``): a hairline printed grey,
    or thinned by a small scan, that the page's one ink threshold takes in
    pieces or not at all. Found as a ridge of the flattened page (paper 255):
    an x darker than the paper a little way either side of it, down a long
    run of rows. Set on a generated English page shrunk to 72 dpi (en-3002:
    a 1-px rule of grey 160-180 on paper 230, 4-5 px of white either side,
    body 13 working px), where columns 1 and 2 were read row by row as one,
    and on the generated broadsheets at 56-72 dpi."""

    side: float = 0.25
    """× body: how far either side of the x the paper is looked at (at least
    ``side_min_px``); half the white of a narrow gutter."""

    side_min_px: int = 2
    """Pixels: the least distance to the paper beside a rule, for type so
    small that a quarter line is one pixel (the rule's own pixel and its
    blur). Not tuned."""

    contrast: int = 25
    """The x is at least this much darker (grey levels of the flattened page)
    than both sides: a rule at grey 175 on paper 230 is about 60; paper
    grain is under 10."""

    paper: float = 0.85
    """Both sides are paper: at least this share of white (255) on the
    flattened page. Inside a line of type they are a glyph's strokes."""

    bridge: float = 0.5
    """× body: breaks up to this long in the ridge are closed (a worn rule,
    broken every 10-12 px on the 60-dpi broadsheet zh-hans-2001). It
    bridges the leading of close-set type too: what keeps a column's lined
    up stems from passing for a rule is that they cross no line with type
    on both sides (``faint_rules._only_through``)."""


FAINT_RULE = FaintRuleParams()


@dataclass(frozen=True)
class OrnamentParams:
    """What a border of printer's ornaments is (``layout.ornaments``): a
    straight run of like pieces at one pitch. Set by hand on the Port Gibson
    Reveille of 3 March 1921 (Chronicling America; its bank advert framed in
    11-pixel squares every 15 pixels, on 12-pixel body lines), with the
    letters of type kept out: an x-height letter is under half a body line,
    and letters down a column stand a leading apart."""

    min_size: float = 0.6
    """× body: a piece is at least this large (its larger side): an x-height
    letter (0.45 body and less) is never a piece, so no word of x-height
    letters ("announce") is a border."""

    max_size: float = 1.3
    """× body: and at most this large; a larger ornament is a picture."""

    squareness: float = 0.2
    """A piece's width and height differ by at most this share of its larger
    side (squares, stars, lozenges; letters of a line vary far more)."""

    size_spread: float = 0.2
    """Each piece's sizes are within this share of the piece before it."""

    max_gap: float = 0.6
    """× the piece's size: the white to the next piece is at most this (the
    squares stand 4 pixels apart, 0.36 of their size). Capitals down a
    column set solid stand 0.4 of theirs apart: ``alike`` and ``clear``
    keep them out."""

    pitch_spread: float = 0.15
    """Every step from one piece to the next is within this share of the
    run's median step."""

    min_run: int = 4
    """A run of like pieces is looked at when it holds this many or more ..."""

    bridge: float = 3.0
    """... runs on one line with at most this many × their pitch between them
    are one border (a worn ornament, or two run together into one piece,
    breaks the run: the bank advert's right side, in four runs) ..."""

    min_pieces: int = 8
    """... and a border holds at least this many pieces."""

    alike: float = 0.8
    """Each piece covers the next, laid one on the other (the best of a
    pixel's shift either way), at least this share of both together
    (intersection over union): copies of one ornament. The bank advert's
    squares: median 0.89, a quarter under 0.84 (worn ones; ``bridge``
    joins the runs they part). Two figures or letters overlap less: tables
    of heavy figures set solid (1-3 digits, 12-24 px, serif and sans bold,
    thickened a pixel) and columns of vertical Chinese (12-32 px, heavy)
    gave no border at 0.8; at 0.7 one table did ..."""

    clear: float = 0.2
    """× body: ... and nothing else is inked this close beside a piece on
    its rows (across a row of pieces: above and below): letters of a word
    stand closer. The bank advert's squares stand 0.3 body from the column
    rule beside them and 0.75 from the advert's type ..."""

    rule_past: float = 3.0
    """... a rule running past the pieces aside (ink more than this many
    times a piece's length along the run)."""

    bin_px: float = 3.0
    """Pixels of the working image (borders are searched at its full
    resolution): pieces whose centres fall in one bin of this width across the
    run are on one line (a scanner's pixel of waver either way)."""


ORNAMENTS = OrnamentParams()
