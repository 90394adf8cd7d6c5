"""Reading order of a page set in plain columns: down each column, then the
next, each heading starting a story.

Nineteenth-century papers (and many later ones) set every story in the
column it starts in, its heading no wider than the column, and run the text
on from the foot of one column to the head of the next. On such a page the
reading order is the columns' order, and the stories are the stretches of
it between headings: the method of the column-by-column readers of old
papers (Tesseract's ``--psm 3`` reads this way within a column; eynollah
orders regions column by column). A page whose headlines span columns below
its top is laid out in bands instead (``articles.assembly``).

Everything is in working-image pixels; ``body`` is the body line height.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

import numpy as np
from newsprint.articles.params.columns import (
    COLUMN_PAGE,
    COLUMN_SPANS,
    COLUMN_WIDTH,
    CUT_OFF,
)
from newsprint.articles.params.neighbours import NEIGHBOURS
from newsprint.articles.roles import is_heading
from newsprint.core.page import STORY_PART_TYPES, Region, RegionType
from newsprint.layout.boxes import Box

_OWN_ITEMS = (RegionType.ADVERTISEMENT, RegionType.NAMEPLATE)
_IN_FLOW = (*STORY_PART_TYPES, *_OWN_ITEMS)


@dataclass
class Story:
    """A stretch of the column flow: its headings and what follows them."""

    headlines: list[Region] = field(default_factory=list)
    members: list[Region] = field(default_factory=list)
    kind: RegionType | None = None
    """``ADVERTISEMENT`` or ``NAMEPLATE`` for an item of its own, else None."""


def own_item(region: Region) -> Story | None:
    """An advertisement or the nameplate with text, as an item of its own (as
    METS newspaper profiles keep adverts: their own ``div``, never part of a
    story); None for anything else."""
    if region.type not in _OWN_ITEMS or not region.lines:
        return None
    item = Story(kind=region.type)
    (item.headlines if region.type == RegionType.NAMEPLATE else item.members).append(region)
    return item


def box(region: Region) -> Box:
    x0, y0, x1, y1 = region.work_bbox or region.bbox
    return Box(x0, y0, x1, y1)


def column_width(regions: list[Region]) -> float:
    """The width of a column: the 80th percentile of the widths of the text
    blocks of three lines or more (of all of them where none is that long;
    0 when there is no text). Verse, lists and centred notices set narrower
    than their column are many on a weekly's page; full columns are wider."""
    text = [r for r in regions if r.type == RegionType.TEXT and r.lines]
    widths = [box(r).width for r in text if len(r.lines) >= COLUMN_WIDTH.min_lines] or [
        box(r).width for r in text
    ]
    return float(np.percentile(widths, COLUMN_WIDTH.percentile)) if widths else 0.0


def is_column_page(regions: list[Region], body: float) -> bool:
    """Whether the page is set in plain columns: two columns or more; below
    the top of its text (where a nameplate or a title over the whole page may
    span them) no headline half as wide again as a column, nor one in
    display type (taller than ``COLUMN_PAGE.max_heading_size`` body lines)
    where a headline anywhere on the page runs across more than
    ``COLUMN_SPANS.max_width`` (1.3) columns, and not many headlines set
    level in two columns, well above what chance sets level
    (``COLUMN_PAGE.above_chance``; a modern page starts its stories on one
    line across the page, in bands)."""
    width = column_width(regions)
    text = [box(r) for r in regions if r.type == RegionType.TEXT and r.lines]
    if width <= 0 or not text:
        return False
    spans = _column_spans(regions, width)
    top = min(b.y0 for b in text)
    P = COLUMN_PAGE
    headlines = [
        r
        for r in regions
        if r.type == RegionType.HEADLINE and box(r).y0 > top + P.top_margin * body
    ]
    heads = [box(r) for r in headlines]

    # An old page heads its stories in capitals of the body's size (split
    # out of the column by ``split_headings``), a modern one in display type
    # under a headline across columns (its top story's, at least). Display
    # type with no headline across is an advert's name or a notice's: a
    # weekly's page of small adverts in columns (NCSE's TTW 1867 p12, 47
    # adverts, 20 named in type 2.3 to 17 body lines tall) was read in
    # bands, across the columns by the adverts' tops.
    across = any(
        r.type == RegionType.HEADLINE and box(r).width > COLUMN_SPANS.max_width * width
        for r in regions
    )
    if across and any(_type_size(r) > P.max_heading_size * body for r in headlines):
        return False
    if any(b.width > P.max_heading_width * width for b in heads):
        return False
    # Two stories of a page of many short ones can start level by chance.
    columns = [_column_of(head, spans) for head in heads]
    placed = list(zip(heads, columns, strict=True))
    level = sum(
        len({c for o, c in placed if abs(o.y0 - head.y0) <= P.level * body}) >= 2 for head in heads
    )
    if level and level >= P.level_share * len(heads):
        share = level / len(heads)
        chance = _level_by_chance(columns, max(b.y1 for b in text) - top, P.level * body)
        # How far above chance, as a share of the room above it: a page of
        # many headings all level stays in bands however often chance would
        # set them so.
        if chance < 1 and (share - chance) / (1 - chance) >= P.above_chance:
            return False
    return len(spans) >= 2


def _level_by_chance(columns: list[int], height: float, within: float) -> float:
    """The share of headings that would stand within ``within`` of one in
    another column if each column's headings fell anywhere down the
    ``height`` of the page's text (``columns``: each heading's column).
    Headings as a Poisson scatter: a heading of column c misses all others
    with probability exp(-sum over the other columns of n * 2 * within /
    height)."""
    if height <= 0 or not columns:
        return 0.0
    count = Counter(columns)
    rate = 2 * within / height
    return sum(1 - math.exp(-rate * (len(columns) - count[c])) for c in columns) / len(columns)


def _type_size(region: Region) -> float:
    """The median height of a region's lines (its box where it has none)."""
    heights = [ln.work_bbox[3] - ln.work_bbox[1] for ln in region.lines if ln.work_bbox]
    return float(median(heights)) if heights else box(region).height


def column_stories(regions: list[Region], body: float) -> list[Story]:
    """The page's stories in reading order: the flow regions band by band
    (bands parted by rules across most of the page), column by column within
    a band, top to bottom within a column, cut into stories at each heading
    (a heading right under another is its deck) and after a byline that
    closes a story. Adverts and the nameplate are items of their own."""
    width = column_width(regions)
    spans = _column_spans(regions, width)
    flow = [r for r in regions if r.type in _IN_FLOW and (r.lines or r.type == RegionType.PHOTO)]
    cuts = _band_cuts(regions, spans, body)
    rules = [
        box(r) for r in regions if r.type == RegionType.SEPARATOR and box(r).width > box(r).height
    ]

    def place(region: Region) -> tuple[int, int, float]:
        b = box(region)
        band = sum(b.cy > cut for cut in cuts)
        return band, _column_of(b, spans), b.y0

    stories: list[Story] = []
    current: Story | None = None
    previous: Region | None = None
    for region in sorted(flow, key=place):
        if (item := own_item(region)) is not None:
            stories.append(item)
            continue
        if region.type == RegionType.HEADLINE:
            deck = previous is not None and previous.type == RegionType.HEADLINE
            if not (deck and current is not None):
                current = Story()
                stories.append(current)
            current.headlines.append(region)
        else:
            # A byline under body text closes its story; one under the
            # headline, before any text, opens it (``bands.ends_article``).
            signed = (
                previous is not None
                and previous.type == RegionType.BYLINE
                and region.type == RegionType.TEXT
                and current is not None
                and any(m.type == RegionType.TEXT for m in current.members)
            )
            closed = signed or (
                previous is not None and _cut_off(previous, region, rules, width, body)
            )
            if current is None or closed:
                current = Story()
                stories.append(current)
            current.members.append(region)
        previous = region
    return stories


def _column_spans(regions: list[Region], width: float) -> list[tuple[float, float]]:
    """The columns' left and right edges, left to right, from the text blocks
    no wider than a column and a third (a line run across two columns is no
    column) and at least half as wide (a number or a short line is none):
    those of ``COLUMN_WIDTH.min_lines`` lines or more, then the shorter ones
    that overlap none of their columns by ``COLUMN_SPANS.short_clear`` of
    their width (detected boxes reach a little past the ink)."""
    spans: list[list[float]] = []
    blocks = [
        r
        for r in regions
        if r.type == RegionType.TEXT
        and r.lines
        and COLUMN_SPANS.min_width * width <= box(r).width <= COLUMN_SPANS.max_width * width
    ]
    # Columns are marked by blocks of several lines; a short one (a line
    # centred across a gutter: the running title over NCSE's MRP 1815 p29,
    # left unrecognised, made a column of its own between the two, and the
    # right column's blocks fell into one or the other by their left edge)
    # marks one only where no column stands.
    tall = [r for r in blocks if len(r.lines) >= COLUMN_WIDTH.min_lines]
    short = [r for r in blocks if len(r.lines) < COLUMN_WIDTH.min_lines]
    for b in sorted((box(r) for r in tall), key=lambda b: -b.width):
        if _in_a_span(b, spans) is None:
            spans.append([b.x0, b.x1])
    for b in sorted((box(r) for r in short), key=lambda b: -b.width):
        clear = COLUMN_SPANS.short_clear * b.width
        if all(min(s[1], b.x1) - max(s[0], b.x0) < clear for s in spans):
            spans.append([b.x0, b.x1])
    return sorted((s[0], s[1]) for s in spans)


def _in_a_span(b: Box, spans: list[list[float]]) -> list[float] | None:
    """The span ``b`` lies in (overlapping it by ``NEIGHBOURS.same_column``
    of the narrower), None if none."""
    for span in spans:
        overlap = min(span[1], b.x1) - max(span[0], b.x0)
        if overlap >= NEIGHBOURS.same_column * min(span[1] - span[0], b.width):
            return span
    return None


def _column_of(b: Box, spans: list[tuple[float, float]]) -> int:
    """The column a region starts in: the leftmost it covers a third of (or of
    itself), so that a title over two columns is read before both, unless it
    starts at the next column's left edge (within ``COLUMN_SPANS.margin``);
    else the nearest. A column's span is its blocks' boxes, which a long
    line can carry a little past the gutter: NCSE's NS2 1843 p4 "yon.", a
    paragraph's last line at column 3's edge, lay 14 px under column 2's
    span, a third of its width, and was read at the foot of column 2. A
    title centred over the gutter starts well left of the next column's
    edge and stays in the first."""
    if not spans:
        return 0
    for i, (x0, x1) in enumerate(spans):
        if min(x1, b.x1) - max(x0, b.x0) >= COLUMN_SPANS.start_share * min(x1 - x0, b.width):
            return i + 1 if _at_left_edge(b, spans[i + 1 :]) else i
    return min(range(len(spans)), key=lambda i: abs((spans[i][0] + spans[i][1]) / 2 - b.cx))


def _at_left_edge(b: Box, spans: list[tuple[float, float]]) -> bool:
    """Whether ``b`` starts at the left edge of the first of ``spans``
    (within ``COLUMN_SPANS.margin`` of that column's width)."""
    if not spans:
        return False
    x0, x1 = spans[0]
    return abs(b.x0 - x0) <= COLUMN_SPANS.margin * (x1 - x0)


def _cut_off(previous: Region, region: Region, rules: list[Box], width: float, body: float) -> bool:
    """Whether a cut-off rule (a short rule across the column between two
    stories) lies between two regions read one after the other down a column;
    a dash under a heading (``roles.is_heading``) only sets the heading off
    from its own story."""
    rule = cut_off_rule(box(previous), box(region), rules, width, body)
    if rule is None:
        return False
    return not (is_heading(previous) and is_dash(rule, box(region), width))


def cut_off_rule(above: Box, below: Box, rules: list[Box], width: float, body: float) -> Box | None:
    """The rule that lies between two blocks read one after the other down a
    column (``width``: the column's), across at least ``CUT_OFF.rule_width``
    of the lower block or the column: a cut-off rule, or a longer one; None
    when there is none. The rule lies wholly in the white between them, or in
    the padding of their edge lines' boxes (``CUT_OFF.line_pad`` × ``body``:
    a block's box is its lines' detected boxes, which reach past the ink;
    a dash under a story's last line lay inside it on en-old-1003); a "rule"
    on the ink of a line (heavy type run solid) cuts nothing."""
    slack = NEIGHBOURS.edge_slack_px
    pad = slack + CUT_OFF.line_pad * body
    if below.y0 < above.y1 - pad or above.x_overlap(below) <= 0:
        return None
    return next(
        (
            rule
            for rule in rules
            if above.y1 - pad <= rule.y0
            and rule.y1 <= below.y0 + pad
            and above.cy < rule.cy < below.cy
            and rule.x_overlap(below) >= CUT_OFF.rule_width * min(width, below.width)
        ),
        None,
    )


def is_dash(rule: Box, below: Box, width: float) -> bool:
    """Whether a rule between two blocks of a column is a dash: shorter than
    ``CUT_OFF.dash`` of the column (or of the lower block, the narrower), as
    the short rule, most often centred, that parts two items of a
    19th-century column (where a rule across the column can part the parts
    of one story, under a picture or a table)."""
    return rule.width < CUT_OFF.dash * min(width, below.width)


def _band_cuts(regions: list[Region], spans: list[tuple[float, float]], body: float) -> list[float]:
    """Where one band of stories ends and the next begins: the rules that run
    across most of the columns (``CUT_OFF.band_rule``). A worn rule found in
    pieces counts whole: the pieces level with each other (their middles
    within ``CUT_OFF.rule_level`` body lines) make one rule over their
    union (NCSE's MRP 1807 p54: the double rule over the obituaries, found
    as three pieces of 0.2 to 0.6 of the page's width, left the page one
    band, and the top band's right column was read after the obituaries;
    the NZZ of 1921, its rule under the leading articles broken twice inside
    columns), so long as a piece crosses each gutter they reach over: two
    columns' stories closed by rules on one row are no band."""
    if not spans:
        return []
    left, right = spans[0][0], spans[-1][1]
    rules = sorted(
        (
            box(r)
            for r in regions
            if r.type == RegionType.SEPARATOR and box(r).width > box(r).height
        ),
        key=lambda b: b.cy,
    )
    cuts = []
    for level in _level_groups(rules, CUT_OFF.rule_level * body):
        covered = np.zeros(max(1, int(np.ceil(right - left))), dtype=bool)
        for rule in level:
            covered[max(0, int(rule.x0 - left)) : max(0, int(np.ceil(rule.x1 - left)))] = True
        if covered.sum() >= CUT_OFF.band_rule * (right - left) and _over_the_gutters(level, spans):
            cuts.append(float(np.mean([rule.cy for rule in level])))
    return cuts


def _over_the_gutters(rules: list[Box], spans: list[tuple[float, float]]) -> bool:
    """Whether every gutter between ``spans`` (the middle between two
    neighbouring columns) that ``rules`` reach over has one of them across it."""
    lo, hi = min(r.x0 for r in rules), max(r.x1 for r in rules)
    for (_, end), (start, _) in itertools.pairwise(spans):
        middle = (end + start) / 2
        if lo < middle < hi and not any(r.x0 < middle < r.x1 for r in rules):
            return False
    return True


def _level_groups(rules: list[Box], within: float) -> list[list[Box]]:
    """``rules`` (sorted by their middles) in groups whose middles lie within
    ``within`` pixels of the group's first."""
    groups: list[list[Box]] = []
    for rule in rules:
        if groups and rule.cy - groups[-1][0].cy <= within:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return groups
