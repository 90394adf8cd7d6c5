"""Detected text lines (``layout.textlines``): fitted to their ink, cut at the
column separators the detector read across (``layout.line_cuts``, by the
gutters that ``layout.gutter_votes`` finds), and told from photos.

``body`` is the body line height, ``height`` the line's own type height (its
ink band); commits are those that set the value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InkFitParams:
    """Which rows of a detected box are its line's own ink (``fit_to_ink``):
    the band of rows that holds the most ink, and a sloping line measured as
    if level."""

    core_share: float = 0.25
    """A row holding this share of the fullest row's ink or more is the
    line's core (``_valley_band``, ``_band_near``). Set with the level
    measure for dense old pages (commit 8c466ff; no page named for the value)."""

    part_share: float = 0.05
    """A row holding less than this share of the fullest row's ink parts the
    line from the lines above and below (``_main_band``; the floor of
    ``_valley_band``). A fiftieth let close-set old lines run together (CLD
    1853 reading order 0.65 -> 0.90 with a twentieth, commit 1d8b6e6)."""

    slice_heights: int = 2
    """A sloping line is followed in slices this many type heights wide
    (integer: the slice count is ``width // (slice_heights * height)``);
    narrow enough that the slope inside one does not merge lines. Commit
    8c466ff (warped microfilm pages), no page named for the value."""

    min_slices: int = 3
    """A line fewer slices long than this is measured as it stands (too short
    to slope). Commit 8c466ff; not tuned: a safe bound."""

    level_drift: float = 0.25
    """× the line's type height: slices whose line middles lie within this of
    each other are level, and the line is measured as it always was (close-set
    type keeps its measure); × a sloping line's slices' core band height: a
    slice whose middle lies this far or farther off the straight line
    through the others is off it (``on_line``). Commit 8c466ff, dense old
    pages."""

    on_line: float = 0.75
    """A share of a sloping line's slices: when this many have their
    ink-weighted middles within ``level_drift`` of their core band's height
    of one straight line, the line is sheared level along it and measured
    as a level line is (``_sheared_band``); fewer, it curves or steps, and
    is measured slice by slice (``_valley_band``). Not tuned: the 1853
    Chicopee Weekly Journal's sloping lines have one or two slices of ten
    off (a word space, a capital)."""

    min_straight_slices: int = 5
    """A sloping line with fewer slices than this is measured slice by
    slice: any three or four middles that climb one way pass for a
    straight line, though they followed a neighbouring line (a line
    sloping 5 degrees between close-set neighbours measured 146 px for 29).
    Not tuned."""

    min_shear_px: float = 1.5
    """Pixels: a straight line whose ends lie less than this above or below
    its middle's row is measured as it stands, not sheared (shearing moves
    no column, or the columns at its ends by one row). Its ink measured a
    pixel or two lower so and a boxed advert's lines were read as three
    text blocks (NCSE TEC 1886 p59: order 1.000 -> 0.900; 1.000 again at
    1.5), and two paragraphs' last words came apart from their lines (NZZ
    1939: 0.965 -> 0.934; 0.965 again). The 1853 Chicopee Weekly Journal
    p1 keeps its 19 headline regions. Set on those pages."""

    max_level_band: float = 0.8
    """A share of the box's band: a levelled band this tall or taller gains
    nothing, and the box's band is kept. Commit 8c466ff, dense old pages."""

    min_refit_share: float = 0.25
    """× the detector's box height: a line fitted to a rule and fitted again
    off the rules is type when its ink is this tall (a frame's boxed
    heading); less is the rule's ragged edge (a dash the detector boxed).
    ECPO 1919 "經華織襪廠": 78 of 106 px; not tuned."""


INK_FIT = InkFitParams()


@dataclass(frozen=True)
class RuleThroughParams:
    """A column rule that runs through a detected box at its end
    (``textlines._without_rules_through``): a faint or broken rule, not found
    as a separator, that the detector's box took in beside a short line. Its
    stroke spans the box's rows and runs on past them; a glyph's stroke
    stands inside the padded box. The values are the generated 60-dpi
    broadsheet zh-hans-2001's "构。" (a 2-px rule over 24 of the box's 27
    rows, measured 25 px against 14 px type and typed a headline)."""

    max_width: float = 0.15
    """The stroke is at most this share of the box's height wide."""

    min_fill: float = 0.8
    """The stroke holds ink in at least this share of the box's rows."""

    min_fill_beyond: float = 0.5
    """And in at least this share of the rows above and below the box, taken
    together (a faint rule at 60 dpi is broken: 0.57 below, 0.64 above)."""

    beyond: float = 1.0
    """How far past the box it is looked for: this share of the box's height."""

    min_gap: float = 0.2
    """The stroke stands apart from the line's ink by at least this share of
    the box's height (the gutter: 9 px of 29)."""


RULE_THROUGH = RuleThroughParams()


@dataclass(frozen=True)
class RepeatParams:
    """Two detected boxes over one line (``textlines.without_repeats``): the
    detector boxes a line alone and again with half of the lines beside it,
    and the line was read twice, joined into one ("WHAT was once a vacant
    lot ... WHAT was once ...": synthetic en-old-1000)."""

    covered: float = 0.6
    """The two ink boxes share this much of the shorter one's height (two lines
    of a column overlap by a third at most, ascenders and descenders in
    solid type; a box that took in half the next line too has its ink found
    a little off the line's own: 0.77 on en-old-1000, where 0.8 of the area
    kept it) ..."""

    same_stretch: float = 0.8
    """... and this much of the wider one's width across: one line spans one
    stretch (a short piece inside a long line, a line of vertical type
    crossing a headline, or the neighbour of a line whose ink was found in
    the band above it, ECPO 1919, is none) ..."""

    size: float = 0.5
    """... and the shorter ink box is at least this share of the taller's
    height (a thin strip across a line, an underline or its descenders
    boxed alone, is no second box of the line: it would have stood for it)."""


REPEAT = RepeatParams()


@dataclass(frozen=True)
class NeighbourReachParams:
    """Which detected boxes limit each other's ink (``_neighbour_reach``, and
    ``direction.vertical_reach`` turned a quarter): a line's ink is looked for
    only halfway to the lines stacked above and below it; and where a stacked
    line's ink reaches into a line's box, what the recogniser reads of it
    (``_clear_of_stacked_ink``)."""

    min_overlap_across: float = 0.3
    """A share of the narrower box's width: boxes overlapping across by this
    much stand in one column and limit each other. Commit 8c466ff (the
    detector's padded boxes took in close-set neighbours on old pages)."""

    min_step: float = 0.3
    """A share of the smaller box's height: centres this far apart down the
    page are stacked lines (nearer, they are pieces of one row). Commit 8c466ff."""

    read_intrusion: float = 0.5
    """A share of a level line's ink height: where the ink of a line stacked
    above or below reaches this far into the line's detected box, the box
    the recogniser reads stops halfway between the two lines' ink. At a
    detection scale set for larger type, the detector's box straddles half
    of the next line (NCSE's CLD 1853: "all sgsed a a of is ind, and nd,"
    for "all suggested a tribunal of this kind, and, indeed, it"; TEC 1880:
    "Printe      m-y      P  le"). At 0.25 the ordinary overlap of
    close-set lines was cut too, and NZZ 1940's Fraktur lost word spaces."""


REACH = NeighbourReachParams()


@dataclass(frozen=True)
class RowNeighbourParams:
    """Ink at a line's end that the detected box beside it on its row holds
    (``textlines._clear_of_row_neighbours``)."""

    same_row: float = 0.5
    """A share of the lower detected box's height: boxes overlapping down by
    this much stand on one row. Padded boxes of a column's stacked lines
    overlap as much in close-set type; ``textlines._trimmed`` tells them
    apart by where the other box ends. Not tuned (half a line)."""

    min_white: float = 0.5
    """× the line's ink height: a fragment parted from the line's ink by this
    much white, inside the neighbour's box, is the neighbour's (a hyphen
    before a gutter: NCSE's MRP 1807 p54, 1.5 ink heights). Less than a word
    space of justified type never counts: the fragment must lie in the
    other box too."""

    max_fragment: float = 1.0
    """× the line's ink height: only a fragment this narrow is moved (a
    hyphen, a stop, a letter: 0.4 on MRP 1807 p54). Wider, the boxes of two
    lines overlapping across a gutter (bold close-set type, synthetic
    en-old-1002) took whole words off each other's ends."""


ROW_NEIGHBOUR = RowNeighbourParams()


@dataclass(frozen=True)
class StackedGutterParams:
    """A gutter the detector bridged, found from the lines around a line
    (``stacked_gutters``, ``stacked_gaps``): white at one x in nearly every
    line of its size there, where a word space is white in one line only."""

    window: float = 8
    """× body: the lines whose centres lie within this of the line's vote.
    Commit 5ca662b (narrow gutters the detector bridges), no page named."""

    size_ratio: float = 1.6
    """Only lines within this ratio of the line's own type height vote (a
    headline across the columns above is inked over the gutter). Synthetic
    en-1002: articles 4 -> 7 of 8, page CER 0.76 -> 0.17 (commit 415cf8c)."""

    row_overlap: float = 0.6
    """Two pieces side by side are one row of the vote when they overlap
    over this share of the shorter one's height (``gutter_votes._rows``; baselines that
    align, as the detector joins them). Not tuned: most of a line."""

    full_share: float = 0.85
    """A share of a line's ink height: a column of the line inked over this
    much is a rule's stroke, not type (counted white when thin, see
    ``hairline_max``). Commit 2d3d675 (hairline rules of old dense pages)."""

    hairline_max: float = 0.15
    """× body: a run of full columns at most this wide (or
    ``hairline_max_px``) is a hairline rule; wider, a solid blot. Commit 2d3d675."""

    hairline_max_px: int = 3
    """Pixels: the hairline width never counts below this, so that a
    one- to three-pixel rule is one at any scale. Commit 2d3d675."""

    stroke_length: float = 1.2
    """× body: ink running on down the page longer than this is a worn rule's
    stroke, not a letter's stem (``_without_rule_strokes``; the opening
    kernel is ``max(stroke_length_min_px, round(stroke_length * body)) | 1``).
    Synthetic en-old-1000: lines read across columns 173 -> 67 of about
    1,100 (commit 2fda93a)."""

    stroke_length_min_px: int = 3
    """Pixels: the stroke kernel is never shorter than this (a smaller one
    finds nothing). Commit 2fda93a; not tuned: a safe bound."""

    min_lines: int = 5
    """At least this many lines must cross an x for their white to tell a
    gutter. Commit 5ca662b; not tuned on a named page."""

    white_share: float = 0.85
    """A share of the lines crossing an x: white in this many of them is a
    gutter (``stacked_gaps``), and a corridor through a line is one only
    where the lines around are this white too (``line_cuts._cut``). Commit 5ca662b."""

    corridor_white_share: float = 0.8
    """A share of the lines around a line: a white corridor through the line
    is a gutter only where this many of them are white on average over the
    gutter's narrowest width, and at ``corridor_white_width`` of its x's
    (``white_across``). Set on NCSE's MRP 1807 p54 (the gutter 0.83 under
    a running head across it; a word space under the top margin 0.55); the
    max at one x of 0.85 (``white_share``) before."""

    corridor_white_width: float = 0.75
    """A share of the x's of the gutter's narrowest width, never more than
    all but one: the lines around are white (``corridor_white_share``) at
    this many of them; the rest may be a speck or a letter's overhang at
    the gutter's edge. With only three or four lines crossing, a speck
    wider than that in one of them leaves the gutter to the other tests
    (votes counted without specks cut 1850 Deseret News lines at word
    spaces whose commas and full stops they dropped: coverage 0.996 ->
    0.983 on p6). The average alone before, when the word spaces of lines
    that only overlap the corridor made as high a mean: a Charlottetown
    pharmacy's full-page advert (1,100 x 1,756 px, body 25 px), a line
    with 1.5-body word spaces under two full lines whose spaces overlap
    them by 5 px, the lines under it short. All three white over 5 px, two
    of three elsewhere: a mean of 0.83 over the 12-px window, white at 0.5
    of its x's. "Of course, it is known, we |
    are | headquarters for" was cut in three and read first. This share
    alone, without the average, cut MRP 1807 p54's "demeanour | of a
    sincere inquirer." (4 of 5 lines white at 13 of 15 x's, a mean of
    0.76). Not tuned."""

    corridor_inked_lines: int = 1
    """Lines: a white corridor through a line is a gutter too where all the
    lines around but this many are white (on average over the gutter's
    narrowest width), at least ``corridor_min_white`` are, and lines start
    or end at it (``layout.lines.LineStarts.column_edge``: a word space
    over a band's foot leaves three of four justified lines white too, but
    they run on through it: generated en-5001). A band's
    head crossed by a running head is that one line, which under a share
    counts for more the fewer lines the band has: NCSE's MRP 1815 p54,
    two rows joined across the gutter under its running head, 3 of 4
    white (0.75)."""

    corridor_min_white: int = 3
    """Lines: the fewest white lines around that tell a gutter by
    ``corridor_inked_lines`` (two rows white at one x are a word space
    as often as a gutter). Not tuned: the least that outvotes one."""

    own_white_share: float = 0.6
    """A share of a gap's width (``white_in_the_line_too``): the line itself
    is white over this much of a gap the lines around it are white in, or
    it is not parted there. A gutter is white but for a speck (0.9 in the
    speck test's lines); a caption across the columns is white between its
    letters only (generated en-1004: 0.3-0.4). Not tuned between those."""

    dash_length: float = 0.8
    """× body: where a line's own ink at an x all belongs to horizontal
    strokes this long or longer (a dash, a typed strike-out or an underline
    run through the gap between two columns), the line counts as white
    there in the test of its own white (``white_in_the_line_too``); a
    letter's bars are shorter (``gutter_votes._dash_columns``; the own
    white is used by ``line_cuts`` to cut the line, and to carry a gutter
    on from the row next to it). Real Topaz Times 1944 p59 (a typewritten
    page, 17-pixel lines): "and Yoshi——Certificates" struck out with dashes
    5-9 pixels thick across its one-character gutter; the one row left whole
    joined the two columns into one block, read across. Not tuned: a dash
    of body type is about an en or em wide, a letter's bar half that."""

    dash_thickness: float = 0.5
    """× body: a dash's ink at an x is no taller than this (``dash_length``;
    Topaz Times 1944 p59: 4-8 pixels of a 17-pixel line, 0.25-0.47); a
    word's ink is taller where its letters run together."""

    dash_rest: float = 0.25
    """× body: how far above or below a dash's stroke (``dash_length``)
    ink may lie and still be the dash's, its ragged edge: a smeared typed
    dash wavers by a few rows along its length (Topaz Times 1944 p59: 2-4
    pixels of a 17-pixel line). A letter standing on an underline rises
    further than this (a helper's review: underlined words counted 0.89
    white at 0.25 of the ink beside the stroke counted anywhere, 0.33 so)."""

    speck_share: float = 0.6
    """A share of the lines crossing an x: an x white in this many of them
    (a speck or a rule fragment inks it in the rest) belongs to a gutter
    when the run it lies in holds ``min_gap`` of x white in ``white_share``.
    Synthetic en-old-1000 (a gutter 8 px wide with one x inked in 3 of 11
    lines)."""

    min_gap: float = 0.4
    """× body: a white run narrower than this (or ``min_gap_px``) is letter
    spacing, no gutter. Commit 5ca662b."""

    min_gap_px: int = 2
    """Pixels: the narrowest stacked gap at any scale. Commit 5ca662b; not
    tuned: a safe bound."""

    min_gap_on_rule: float = 0.25
    """× body: ... and this, for a white run at the x of a column rule found
    elsewhere down the page (the rule worn away beside the line, its place
    still white in the lines around). Synthetic en-old-1002: a worn rule
    between columns 3 and 4 with breaks of 100-400 pixels, the white run
    there 5 pixels (0.36 body) against 0.4; 32 lines read across it, 8 of 9
    headlines lost. A run of letter spacing at a rule's x is as narrow, but
    the lines around are not white there in ``white_share`` of them."""

    rule_piece_rows: float = 0.25
    """At a found rule's place, an x inked in more than this share of a
    line's rows is the rule's piece (or a letter); fewer, a speck or a serif
    touching it. Synthetic en-old-1002 (the rule's x 0.5-1.0 of a line's
    rows, the x beside it 0.0-0.2)."""

    rule_x_slack_px: int = 2
    """Pixels: how far from a found rule's x a run may lie and still be at
    its place (a deskewed page's rule drifts a pixel over its height)."""


STACKED = StackedGutterParams()


@dataclass(frozen=True)
class LineCutParams:
    """Where a detected line is cut at a column separator (``line_cuts._cut``)."""

    min_length: float = 2.0
    """× body: a line shorter than this is never cut (it cannot span two
    columns). Commit 81d1183; not tuned: a safe bound."""

    rule_overlap: float = 0.5
    """A share of the line's height: a vertical rule crossing this much of it
    cuts it. Commit 81d1183; not tuned on a named page."""

    rule_reach: float = 1.0
    """× body: a vertical rule cuts a line of body type that passes this near
    an end of it too, where the rule goes on past the line (``rule_break``;
    ``layout.rules.runs_beside``). Synthetic en-old-5001: a line read across
    columns 9 pixels under a rule's end (body 14) joined two columns' blocks,
    and they the page's middle three columns into one block (stories 7 -> 16
    of 21)."""

    rule_break: float = 15.0
    """× body: ... when another piece of the rule starts again this near on
    the line's other side (a break the rule's walk did not bridge: 68 and 161
    pixels on en-old-5001, body 14). A rule that only starts under a line does
    not cut it: a caption over two columns sits just above the rule between
    them (zh-hant-1009, zh-hant-1004: captions cut in two at 1.0 body without
    this test)."""

    end_margin: float = 0.5
    """× body (truncated to whole pixels): white this near a line's ends is
    margin, no separator. Commit 81d1183."""

    min_piece: float = 0.3
    """× body: a cut piece narrower than this is dropped (a speck or a rule's
    edge). Commit 81d1183."""

    min_column: float = 3.0
    """× body: a gap found from the lines around (``STACKED``) parts a line
    only where this much of it stands on either side, up to its ends or the
    next separator: no column is narrower (three CJK characters, five Latin
    letters). A list's numbers or a tag before the text, as wide in every
    line, leave their word space white down the lines (a probe page: "L17"
    cut from "Police in the old town…" in four lines of a column tilted
    0.7°)."""

    run_on_rows: float = 2.0
    """× body: a gutter found through one row cuts the row next above or
    below it, whose centre lies this near, when that row is white right
    across it (``_gutters_run_on``): about one line's leading and a half,
    so never a row beyond the next. NCSE's MRP 1815 p54: rows 1.6 body
    apart."""

    run_on_slack: float = 0.25
    """× body: the ends of a gutter carried to the next row that this row
    may ink (a letter's serif or an italic's overhang standing a pixel or
    two into the space). Not tuned: a quarter of a letter."""

    read_pad: float = 0.25
    """× the line's type height: a cut piece's box for the recogniser reaches
    this far beyond its ink on either side (within the detector's box), so the
    whole glyphs are read. Commit 81d1183."""

    head_reach: float = 8.0
    """× body: how far under a headline the first column of its story is
    looked for (``line_cuts._opens_a_column``): past a second line of the
    headline and an indented first line to the text (generated en-3008 at
    72 dpi: the second line of column 3 5 body lines under "Parents Split
    on Bell Schedule"). Not tuned."""

    head_edge: float = 1.0
    """× body: type starts within this of the headline's left edge, paper
    as far before it."""

    head_lines: int = 2
    """Lines of type (runs of rows) that start there at least: a story's
    column, not one stray glyph."""


LINE_CUTS = LineCutParams()


@dataclass(frozen=True)
class GutterTestParams:
    """Whether the space at one x through or between pieces of a row is a
    column separator: a white corridor that type stands against on both sides
    (``type_on_both_sides``, ``gutter_between``), or a hairline rule through
    the rows around (``hairline_between``)."""

    rows_around: float = 6
    """× body: the rows above and below the line looked at for type against
    the corridor. Commit 81d1183."""

    reach: float = 1.5
    """× body (truncated to whole pixels): how far beside the corridor type
    counts as standing against it. Commit 81d1183."""

    reach_min_px: int = 2
    """Pixels: the reach is never less than this at any scale. Commit
    81d1183; not tuned: a safe bound."""

    indent: float = 2.0
    """× body: on the corridor's right, a line of the next column may start
    this much further in (a paragraph's indented first line). Synthetic
    en-1000: an indent of 2 body lines under a headline made the gutter
    look like white beside type (right share 0.55), and the columns' lines
    were read across it (page CER 0.86 -> 0.37 with the above/below split)."""

    min_inked_rows: float = 3
    """× body: fewer rows than this with type beside the corridor tell
    nothing (no gutter). Commit 5ca662b."""

    right_share: float = 0.6
    """A share of the rows with type beside: the next column's lines start
    against the corridor's right side in this many. Commit 81d1183."""

    left_share: float = 0.45
    """A share of the rows with type beside: type stands against the left side
    in this many (a ragged column reaches it less often; the white beside a
    centred heading has type in a few). Raised from 0.3 in commit 33ebc4b
    (tests of a centred heading and narrow gutters)."""

    min_space_px: int = 2
    """Pixels: a space between two pieces of a row narrower than this holds
    no separator (``hairline_between``, ``gutter_between``). Not tuned: a
    safe bound."""

    hairline_rows_around: float = 4
    """× body: the rows above and below two pieces of a row a hairline rule
    between them must run through. Commit 2d3d675 (old dense pages' broken
    hairline column rules)."""

    hairline_share: float = 0.5
    """A share of those rows: a column of pixels inked in this many is a
    hairline rule. Commit 2d3d675."""


GUTTER_TEST = GutterTestParams()


@dataclass(frozen=True)
class TypeColumnParams:
    """Whether a "photo" is really type (``filled_with_body_lines``,
    ``is_display_type``, ``_in_display_line``): body-size lines fill much of
    it, or a display line (a nameplate's black letter) runs across it."""

    min_line: float = 0.5
    """× body: lines at least this thick count (ink thickness for body-size
    lines, the detector's height for the display test); thinner are specks.
    Commits 81d1183 and fb46e3c (NZZ nameplate), each at this value."""

    min_lines: int = 3
    """At least this many body-size lines must fall in the "photo" (a picture
    holds at most a sign or a few words). Commit 81d1183; not tuned on a named
    page."""

    covered_share: float = 0.25
    """A share of the photo's area the body-size lines must cover. Commit 81d1183."""

    display_aspect: float = 3
    """× its own height: a display line is at least this wide (a picture gives
    the detector no line three times as wide as tall). Commit fb46e3c (NZZ).
    The same for the ink of a line whose letters a "photo" may be
    (``_a_letter_of_a_display_line``)."""

    display_overlap: float = 0.2
    """A share of the photo's area the display line must cover. Commit fb46e3c."""

    display_cover: float = 0.5
    """A share of the photo's area all detected lines together must cover
    when a display line meets it. Commit fb46e3c."""

    lines_cover: float = 0.65
    """A share of the photo's area that detected lines of any size (at least
    ``min_lines`` of them) cover, their boxes' union: a box of type set in
    several sizes, as an advert of words alone. From an unseen 1939 晶報
    fold, whose framed advert of display lines, run together with the
    nameplate beside it, was a "photo" covered 0.71; its picture adverts are
    covered 0.42-0.46, and no photo of the shared real set more than 0.26."""

    glyph_inside: float = 0.9
    """A "photo" that one detected line of display size holds this share of
    (``_a_display_glyph``)... The unseen 1939 晶報 fold's nameplate: its
    three pieces lie wholly inside the detector's boxes. Set by hand. The
    same for a letter of a longer display line
    (``_a_letter_of_a_display_line``: the NZZ's letters lie wholly inside)."""

    glyph_fill: float = 0.25
    """...that fills at least this share of that line's box... The
    detector's box round a heavy character is 1.5-3.5x the ink's: the 1939
    nameplate 0.42, 0.44, 0.28; the 1940 fold's running head 0.66 and a
    vertical 晶報 0.32; the NZZ's "N" 0.29. Set by hand below them."""

    letter_share: float = 0.5
    """A share of a display line's ink length: a "photo" inside the line
    that runs along at most this much of it is its letters
    (``_a_letter_of_a_display_line``; the NZZ's 0.15-0.19). A picture the
    detector boxed alone is its line's whole ink. Set by hand."""

    glyph_aspect: float = 2.5
    """...and whose line is at most this many times as long as thick (one or
    two characters: those boxes are 1.0-1.9), is that line's glyph. Set by
    hand: a longer display line is ``_in_display_line``'s and
    ``_a_letter_of_a_display_line``'s."""


TYPE_COLUMN = TypeColumnParams()
