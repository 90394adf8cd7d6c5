"""What each block of a page laid out in bands continues (``articles.assembly``).

A block continues the block over it in its column, unless a rule, a dash
(``flow.is_dash``) or a new band's headline stands between them; a block at
the head of a column continues a headline centred over its article's columns
beside it, or else the foot of the column on its left, as text runs from the
foot of one column to the head of the next. A headline opens a story of its
own unless it is the deck of the headline over it; two column heads side by
side under a heading across both each head their own column. Boxes are in
working-image pixels; ``body`` is the body line height there.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from math import inf

from newsprint.articles.flow import box as _box
from newsprint.articles.flow import cut_off_rule, is_dash
from newsprint.articles.params.bands import ABOVE, BESIDE, CENTRED, COLUMN_HEADS, LEFT
from newsprint.articles.params.columns import COLUMN_SPANS, CUT_OFF
from newsprint.articles.params.neighbours import NEIGHBOURS
from newsprint.articles.roles import is_heading
from newsprint.articles.text import ends_a_sentence as ends_a_text_sentence
from newsprint.core.page import Region, RegionType
from newsprint.layout.boxes import Box

_BODY = (RegionType.TEXT,)


def blocks_under_dashes(
    flow: list[Region],
    over: dict[str, Region | None],
    rules: list[Box],
    width: float,
    body: float,
) -> dict[str, Region]:
    """The blocks set under a dash (``flow.is_dash``) in their column, each
    with the block over the dash: each starts a story, as a short item of a
    19th-century column does under the centred rule that ends the item
    above, and is read after that one (text blocks only). A dash under a
    heading (a headline, or a block in capitals only) sets the heading off
    from its own story, and one under a story's lead set across columns
    (``_a_story_s_lead``) sets the lead off from the columns under it.
    ``over``: the block over each region (``block_over``);
    ``body``: the body line height (``flow.cut_off_rule``)."""
    dashed: dict[str, Region] = {}
    under: dict[str, int] = {}
    for region in flow:
        if region.type == RegionType.TEXT and (up := over[region.id]) is not None:
            under[up.id] = under.get(up.id, 0) + 1
    for region in flow:
        if region.type != RegionType.TEXT:
            continue
        up = over[region.id]  # the block over the rule
        if up is None:
            continue
        if is_heading(up):
            continue  # a dash set under a heading, before its story
        if _a_story_s_lead(up, region, over, under):
            continue  # a dash under a lead across columns, before its columns
        rule = cut_off_rule(_box(up), _box(region), rules, width, body)
        if rule is not None and is_dash(rule, _box(region), width):
            dashed[region.id] = up
    return dashed


def _a_story_s_lead(
    up: Region, region: Region, over: dict[str, Region | None], under: dict[str, int]
) -> bool:
    """Whether ``up``, the text over ``region``, is a story's lead set across
    the columns under it: ``CUT_OFF.lead_width`` times as wide as
    ``region`` or more, over two text blocks or more (``under``: how many
    text blocks each block stands over), and under its headline (through
    text blocks as wide as it, ``CUT_OFF.lead_blocks`` at most: a lead
    read in paragraphs). A notice across two columns among a weekly's
    items, under the item before it, is no lead: the dash under it ends
    it."""
    if up.type != RegionType.TEXT or under.get(up.id, 0) < 2:
        return False
    if _box(up).width < CUT_OFF.lead_width * _box(region).width:
        return False
    block = up
    for _ in range(CUT_OFF.lead_blocks):
        higher = over.get(block.id)
        if higher is None:
            return False
        if is_heading(higher):
            return True
        if higher.type != RegionType.TEXT or (
            _box(higher).width < CUT_OFF.lead_block_width * _box(up).width
        ):
            return False
        block = higher
    return False


def block_over(
    region: Region,
    flow: list[Region],
    body: float,
    width: float = 0.0,
    nameplates: Sequence[Region] = (),
) -> Region | None:
    """The nearest region above in the same column, rules aside; None where
    there is none, or where a new band's headline, or the nameplate, stands
    in the white between them (``width``: the column width,
    ``flow.column_width``; 0 where unknown; ``nameplates``: the page's, which
    are no part of the flow)."""
    me = _box(region)
    best, best_y = None, None
    for other in flow:
        ob = _box(other)
        if (
            other is region
            or ob.x_overlap(me) < ABOVE.column_overlap * min(me.width, ob.width)
            or not _stands_over(other, region, body)
        ):
            continue
        if best_y is None or ob.y1 > best_y:
            best, best_y = other, ob.y1
    if best is None:
        return None
    gap = Box(min(me.x0, _box(best).x0), best_y, max(me.x1, _box(best).x1), me.y0)
    if gap.height > ABOVE.new_band_gap * body and _headline_across(
        gap, [*flow, *nameplates], body, width
    ):
        return None  # a new band starts: its headline stands in the white space
    return best


def _stands_over(upper: Region, lower: Region, body: float) -> bool:
    """Whether ``upper`` ends above ``lower``'s top: its box reaches at most
    ``NEIGHBOURS.overlap`` body lines into ``lower``'s, or its last line's
    box reaches less than ``NEIGHBOURS.line_touch`` of a line's height into
    ``lower``'s first line's box (both the detector's padded boxes, compared
    with each other). The padding grows where the page was detected at a
    reduced scale: on the Deseret News 1850 p7 (21-pixel body, detected at
    0.58) each line's box is 45 pixels and reaches 15 into the next, and a
    heading cut out of its column, its box its line's, reached 16 pixels
    into its text, which was then taken for text with nothing over it."""
    if _box(upper).y1 <= _box(lower).y0 + NEIGHBOURS.overlap * body:
        return True
    last = [ln.work_bbox for ln in upper.lines if ln.work_bbox]
    first = [ln.work_bbox for ln in lower.lines if ln.work_bbox]
    if not last or not first:
        return False
    low = max(last, key=lambda b: b[3])
    high = min(first, key=lambda b: b[1])
    reach = low[3] - high[1]
    shorter = min(low[3] - low[1], high[3] - high[1])
    return low[1] < high[1] and reach < NEIGHBOURS.line_touch * shorter


def ruled_off(up: Region | None, region: Region, rules: list[Box]) -> bool:
    """Whether a rule along more than ``NEIGHBOURS.rule_along`` of the
    region's width lies between it and the region ``up`` over it."""
    if up is None:
        return False
    me, top, slack = _box(region), _box(up).y1, NEIGHBOURS.edge_slack_px
    return any(
        top - slack <= rule.cy <= me.y0 + slack
        and rule.x_overlap(me) > NEIGHBOURS.rule_along * me.width
        for rule in rules
    )


def _headline_across(gap: Box, flow: list[Region], body: float, width: float) -> bool:
    """A headline set in the white space between two blocks of one column
    (``gap``: that white, the blocks' width) marks a new band of stories,
    even on a page without rules: one over the column (reaching
    ``ABOVE.headline_reach`` into its width), or one across columns (wider
    than ``COLUMN_SPANS.max_width`` columns of ``width``) elsewhere on the
    page. A one-column headline in another column does not: on the Port
    Gibson Reveille of 1921 a story's deck and its text, a dash between
    them, were parted by the next column's headline level with the dash.
    The nameplate does when it starts in the white, whatever it
    holds below it (the NZZ of 1943: its arms, a picture inside the title,
    stood between an ear over the title and the prices under it)."""
    slack = NEIGHBOURS.overlap * body
    for r in flow:
        b = _box(r)
        if r.type == RegionType.NAMEPLATE:
            if gap.y0 - slack <= b.y0 <= gap.y1 and b.x_overlap(gap) > 0:
                return True
        elif (
            r.type == RegionType.HEADLINE
            and b.y0 >= gap.y0 - slack
            and b.y1 <= gap.y1 + slack
            and (
                b.x_overlap(gap) >= ABOVE.headline_reach * body
                or width <= 0
                or b.width > COLUMN_SPANS.max_width * width
            )
        ):
            return True
    return False


def headline_beside(
    region: Region, flow: list[Region], rules: list[Box], body: float, centred: bool
) -> Region | None:
    """A centred headline over the article's other columns: the one just above
    this block's top, to its right, with nothing in between."""
    me = _box(region)
    best, best_dx = None, None
    for other in flow:
        ob = _box(other)
        # Above the block, or level with its foot (a byline set beside it).
        if (
            other.type != RegionType.HEADLINE
            or ob.y1 > me.y1 + BESIDE.foot_level * body
            or ob.y0 >= me.y0
        ):
            continue
        # A headline level with the top of a taller block (its middle lower
        # than the block's top: NZZ's subtitle beside the subscription rates)
        # heads its own column; a number or mark set in its row goes with it.
        if ob.cy >= me.y0 and me.y1 > ob.y1 + BESIDE.foot_level * body:
            continue
        if me.y0 - ob.y1 > BESIDE.max_rise * body or ob.x1 <= me.x1:
            continue
        if centred and not _centred_over(ob, me, flow, body):
            continue
        span = Box(me.x0, ob.y0, max(me.x0 + 1, ob.x0), me.y0)
        if any(_blocks(o, span, body) for o in flow if o is not other and o is not region):
            continue
        # A rule along the block's own edge (a slanting column rule's wide
        # box reaches into it) parts it from the column on its left, not
        # from the headline.
        if any(
            r.height > r.width
            and span.x0 < r.x0
            and r.cx < span.x1
            and r.y_overlap(span) > BESIDE.rule_along * body
            for r in rules
        ):
            continue
        dx = max(0.0, ob.x0 - me.x1)
        if best_dx is None or dx < best_dx:
            best, best_dx = other, dx
    return best


def _centred_over(headline: Box, block: Box, flow: list[Region], body: float) -> bool:
    """A headline centred over its article's columns stands as far in from
    the article's last column as from this block's: the mirror of the block
    about the headline's centre is still on the page, ends where a column
    beside the block ends, and is under no other headline of the same band;
    a headline right of the block over one column of text of its own heads
    that column instead (``_heads_a_column_beside``)."""
    mirror = Box(2 * headline.cx - block.x1, block.y0, 2 * headline.cx - block.x0, block.y1)
    right_edge = max(_box(r).x1 for r in flow)
    if mirror.cx > right_edge + CENTRED.mirror_off_page * body:
        return False
    if not _ends_at_a_column(mirror, block, flow, body):
        return False
    if _heads_a_column_beside(headline, block, flow, body):
        return False
    for other in flow:
        ob = _box(other)
        if other.type != RegionType.HEADLINE or ob == headline:
            continue
        if (
            ob.y_overlap(headline) > CENTRED.same_band * headline.height
            and ob.x_overlap(mirror) > CENTRED.mirror_clash * body
        ):
            return False
    return True


def _ends_at_a_column(mirror: Box, block: Box, flow: list[Region], body: float) -> bool:
    """Whether a block level with ``block`` (a column of the story beside it)
    ends where ``mirror`` (``block`` mirrored about a headline's centre) ends."""
    slack = max(CENTRED.edge_slack * body, CENTRED.edge_share * block.width)
    return any(
        other.type != RegionType.HEADLINE
        and (ob := _box(other)).y_overlap(block) > 0
        and abs(ob.x1 - mirror.x1) <= slack
        for other in flow
    )


def _heads_a_column_beside(headline: Box, block: Box, flow: list[Region], body: float) -> bool:
    """Whether ``headline`` stands wholly right of ``block``, over one column
    of text level with it alone: it heads that column (a headline as wide as
    its own column is centred on it, and the block's mirror lands on the
    next column). A photo under it is no column (zh-hans-2005's headline
    over its story's photo, centred over all five columns). One over
    several columns, starting near the edge of the first of them by chance,
    is centred over them all (zh-hant-5003's 港口貨物吞吐量穩步增長, 8 px
    in from its second column's edge)."""
    if headline.x0 < block.x1:
        return False
    slack = CENTRED.edge_slack * body
    return any(
        other.type in _BODY
        and (ob := _box(other)).y_overlap(block) > 0
        and ob.x0 >= block.x1
        and ob.x0 - slack <= headline.x0
        and headline.x1 <= ob.x1 + slack
        for other in flow
    )


def _blocks(other: Region, span: Box, body: float) -> bool:
    ob = _box(other)
    touch = NEIGHBOURS.overlap * body  # boxes that overlap less only touch
    return ob.x_overlap(span) > touch and ob.y_overlap(span) > touch


def ends_article(region: Region, above: dict[str, Region | None]) -> bool:
    """A byline under body text closes its article: what follows in the
    column is another story (a byline under a headline opens one instead)."""
    if region.type != RegionType.BYLINE:
        return False
    over = above.get(region.id)
    return over is not None and over.type == RegionType.TEXT


def starts_article(
    headline: Region, above: Region | None, pairs: list[tuple[Region, Region]]
) -> bool:
    """Whether a headline opens a story of its own. One right under another
    headline is its deck (second title line), but for a column's heading set
    beside another column's under a heading across both (``pairs``: the
    ``column_heads`` under ``above``): the first column's heading goes on
    under the heading across, each other column's opens its own story."""
    if above is None or above.type != RegionType.HEADLINE:
        return True
    heads = [h for pair in pairs for h in pair]
    if headline not in heads:
        return False
    return headline is not min(heads, key=lambda h: _box(h).x0)


def column_head_over(region: Region, pairs: list[tuple[Region, Region]]) -> Region | None:
    """The column's heading (of ``pairs``: the ``column_heads`` under the
    headline over ``region``) that stands over ``region``: its story's head,
    though the heading across reaches lower down beside it than the column's
    heading does."""
    me = _box(region)
    heads = {id(h): h for pair in pairs for h in pair}
    return next(
        (
            h
            for h in heads.values()
            if _box(h).y0 < me.y0
            and _box(h).x_overlap(me) >= COLUMN_HEADS.under * min(me.width, _box(h).width)
        ),
        None,
    )


def column_heads(above: Region, flow: list[Region], body: float) -> list[tuple[Region, Region]]:
    """Pairs of headlines side by side under the headline ``above``, whose
    middle lies between theirs, level with each other and all but apart,
    each over a text block of its own column that the other does not reach
    (``COLUMN_HEADS``). Stacked as decks of ``above``, both columns' heads
    were read before either's text (The Publishers' Circular 1883 p312, not
    in the shared set: "THE ROYAL GAME OF SEQUENCE" and "ILLUMINATED FLORAL
    MOTTOES" over an advert's two columns, under the line closing the
    advert above)."""
    P = COLUMN_HEADS
    top = _box(above)
    under = [
        r
        for r in flow
        if r.type == RegionType.HEADLINE
        and r is not above
        and _box(r).x_overlap(top) > 0
        and top.cy < _box(r).y0 + P.level * body
        and _box(r).y0 < top.y1 + P.near * body
    ]
    texts = [_box(r) for r in flow if r.type == RegionType.TEXT]

    def heads_column(head: Box, other: Box) -> bool:
        return any(
            t.y0 >= head.cy
            and t.y0 <= head.y1 + P.near * body
            and t.x_overlap(head) >= P.under * min(t.width, head.width)
            and t.x_overlap(other) <= P.apart * t.width
            for t in texts
        )

    pairs = []
    for a, b in itertools.combinations(under, 2):
        ba, bb = _box(a), _box(b)
        if (
            ba.y_overlap(bb) >= P.level_share * min(ba.height, bb.height)
            and ba.x_overlap(bb) <= P.apart * min(ba.width, bb.width)
            and min(ba.cx, bb.cx) < top.cx < max(ba.cx, bb.cx)
            and heads_column(ba, bb)
            and heads_column(bb, ba)
        ):
            pairs.append((a, b))
    return pairs


def _text_under(
    headline: Region, flow: list[Region], below: dict[str, Region], body: float
) -> Region | None:
    """The text a story runs down under ``headline``: reached from it down
    its column (``below``) through its decks and a byline, each within
    ``LEFT.deck_gap`` body lines of the one over it; of the text
    blocks starting there under the headline, the one furthest right (the
    column a story across several ends in). None where a picture, an
    advert's gap or a rule comes first (a header over adverts heads no
    story)."""
    head, current = _box(headline), headline
    while (nxt := below.get(current.id)) is not None:
        if _box(nxt).y0 - _box(current).y1 > LEFT.deck_gap * body:
            return None
        if nxt.type in _BODY:
            start = _box(nxt).y0
            texts = [
                other
                for other in flow
                if other.type in _BODY
                and _box(other).x_overlap(head) >= NEIGHBOURS.same_column * _box(other).width
                and abs(_box(other).y0 - start) <= ABOVE.new_band_gap * body
            ]
            return max(texts, key=lambda o: _box(o).x1, default=nxt)
        if nxt.type not in (RegionType.HEADLINE, RegionType.BYLINE):
            return None
        current = nxt
    return None


def left_neighbour(
    region: Region,
    flow: list[Region],
    below: dict[str, Region],
    body: float,
    rules: Sequence[Box] = (),
) -> Region | None:
    """The block the article flows in from: the foot of the column to the
    left, within the stretch of page this block's column runs down before a
    headline or rule interrupts it (text, or a photo that the article's text
    runs beside). Text runs from the foot of one column to the head of the
    next, so when the left column holds several stories beside this one, the
    one that reaches down to where this column's run ends is the one that
    continues here (a story that starts lower in the left column cannot),
    unless that one ends a sentence where its run ends, the story at the
    left column's foot (above anything across both columns: a headline, a
    block, one of ``rules``) breaks off mid-sentence and this block opens
    mid-sentence (``reads_on``): then that one does. ``region`` is a block
    with nothing over it in its column (the column's head, or a block under
    a rule); ``rules``: the page's rules across, in the same pixels."""
    me = _box(region)
    # A headline level with the block counts: the column of the text under
    # it is the one the story runs down before it comes up here (Keski-Suomi 1908: a
    # column's head beside the story's headline in the column on its left,
    # which heads that column's text lower down; taking the next column
    # over, whose text stood level, the head was read after an advert).
    beside = [
        other
        for other in flow
        if other.type in (*_BODY, RegionType.PHOTO, RegionType.HEADLINE)
        and other is not region
        and _box(other).x1 <= me.x0 + NEIGHBOURS.overlap * body
        and _box(other).y_overlap(me) >= NEIGHBOURS.level * min(me.height, _box(other).height)
    ]
    if not beside:
        return None
    nearest = max(beside, key=lambda o: _box(o).x1)
    if nearest.type == RegionType.HEADLINE:
        text = _text_under(nearest, flow, below, body)
        if text is None:  # a headline over no story's text: as if not there
            beside = [o for o in beside if o.type != RegionType.HEADLINE]
            if not beside:
                return None
            text = max(beside, key=lambda o: _box(o).x1)
        nearest = text
    column = _box(nearest)
    run_end = _run_end(region, below)
    in_column = [
        other
        for other in flow
        if other.type in (*_BODY, RegionType.PHOTO)
        and _box(other).x_overlap(column)
        >= NEIGHBOURS.same_column * min(column.width, _box(other).width)
        and _box(other).x1 <= me.x0 + NEIGHBOURS.overlap * body
        and _box(other).y1 > me.y0
        and _box(other).y0 < run_end - LEFT.run_end_margin * body
    ]
    picked = max(in_column, key=lambda o: _box(o).y0, default=nearest)
    foot = _foot_of_column(picked, me, flow, rules, body)
    # The story beside this column's run ends there, full stop, while the
    # one at the column's foot breaks off mid-sentence: that one goes on
    # here (the Port Gibson Reveille, 1921: a telephone-rates story ends
    # "Ordered this March 2nd, 1921." halfway down column 1; the contest
    # story under it ends "To enable those interested to attain" at the
    # column's foot, and column 2 opens "the greatest improvement").
    if (
        foot is not None
        and ends_a_sentence(run_of(picked, below)[-1])
        and not ends_a_sentence(foot)
        and reads_on(region, body)
    ):
        return foot
    return picked


def run_of(region: Region, below: dict[str, Region]) -> list[Region]:
    """The column run that starts with this block: it and the blocks below it
    that continue it (no headline, no rule between), top to bottom, ending
    at a byline, which closes its story (what stands under it is another
    story's: generated en-1004, where the next story's second column under
    a byline made a column's run reach down into it)."""
    run, seen = [region], {region.id}
    while (nxt := below.get(run[-1].id)) is not None and nxt.id not in seen:
        if nxt.type not in (*_BODY, RegionType.PHOTO, RegionType.CAPTION, RegionType.BYLINE):
            break
        run.append(nxt)
        seen.add(nxt.id)
        if nxt.type == RegionType.BYLINE:
            break
    return run


def _run_end(region: Region, below: dict[str, Region]) -> float:
    """Where the column run that starts with this block ends: the foot of the
    last block below it that continues it."""
    return max(_box(r).y1 for r in run_of(region, below))


def _foot_of_column(
    block: Region, me: Box, flow: list[Region], rules: Sequence[Box], body: float
) -> Region | None:
    """The lowest block of ``block``'s column on the left of ``me`` before
    anything set across both columns (a headline, a block, a rule reaching
    into both) or the page's foot, when it is text; None when there is none
    below ``block`` or it is not text (a byline or a photo closes its
    story there)."""
    column = _box(block)
    touch = NEIGHBOURS.overlap * body

    def across(b: Box) -> bool:
        return b.x_overlap(column) > touch and b.x_overlap(me) > touch

    boxes = [_box(o) for o in flow if o is not block] + list(rules)
    stop = min((b.y0 for b in boxes if b.y0 > column.y1 - touch and across(b)), default=inf)
    lower = [
        o
        for o in flow
        if _box(o).y0 > column.y1 - touch
        and _box(o).y1 <= stop + touch
        and _box(o).x_overlap(column) >= NEIGHBOURS.same_column * min(column.width, _box(o).width)
    ]
    foot = max(lower, key=lambda o: _box(o).y1, default=None)
    return foot if foot is not None and foot.type in _BODY and foot.lines else None


def ends_a_sentence(region: Region) -> bool:
    """Whether the block's last line ends a sentence or an item
    (``articles.text.ends_a_sentence``). A story breaking off at a column's
    foot to go on in the next one ends mid-sentence or mid-word."""
    return bool(region.lines) and ends_a_text_sentence(region.lines[-1].text)


def reads_on(region: Region, body: float) -> bool:
    """Whether the block opens mid-sentence, as a story's next column does:
    its first line not indented (a paragraph's first line is, by a letter
    or two, ``LEFT.indent`` body lines or more) and, where it starts with a
    Latin letter, a small one ("the greatest improvement")."""
    if not region.lines or region.lines[0].work_bbox is None or region.work_bbox is None:
        return False
    first = region.lines[0]
    if first.work_bbox[0] - region.work_bbox[0] >= LEFT.indent * body:
        return False
    letter = next((ch for ch in first.text if ch.isalpha()), "")
    return not (letter.isascii() and letter.isupper())
