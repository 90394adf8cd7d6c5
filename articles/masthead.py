"""The masthead of a front page: the nameplate and what is set round it.

Above the rule that closes a front page's head stand the paper's name (the
nameplate), a row over it (issue number, date, edition) and "ears" beside
and under it: boxes of subscription and advert rates, the editor's address,
a subtitle. Read as columns of stories, its pieces joined the stories (the
rates box read as the first story of column 1, the nameplate after it) or
each other (NZZ front pages of 1890-1943: the date read after the rates,
the nameplate after the ears). People read, and annotate, a masthead as a
whole: the top row, the nameplate, then the ears under it from the left,
each top to bottom.

So where a nameplate across most of the page stands over a long rule, the
regions above that rule are one item with it, read by X-Y cut
(``layout.boxes.xy_cut``): bands at white across (the top row, the
nameplate's band, the ears under it), then columns at white down (ears
beside the nameplate, in its band, are read left ear, name, right ear).
A page whose head holds a story beside a narrower nameplate, anything
over the rule but off both it and the nameplate, or a story's column over
the rule (deeper than a rates box), has no masthead here: its nameplate
stays an item of its own. Everything here is in working pixels.
"""

from __future__ import annotations

from newsprint.articles.flow import Story, box
from newsprint.articles.params.masthead import MASTHEAD
from newsprint.core.page import Region, RegionType
from newsprint.layout.boxes import Box, union_all, xy_cut

_LEFT_OUT = (RegionType.SEPARATOR,)
_HEAD = (RegionType.RUNNING_HEAD, RegionType.FOLIO, RegionType.NAMEPLATE)
_STORY = (RegionType.TEXT, RegionType.HEADLINE, RegionType.CAPTION, RegionType.BYLINE)


def masthead(regions: list[Region], body: float) -> tuple[Story | None, list[Region]]:
    """The masthead as an item of kind ``NAMEPLATE`` (its regions in reading
    order, the nameplate among them) and the regions left for the stories;
    ``(None, regions)`` where the page has no nameplate over a closing rule.
    ``body``: the body line height (working pixels)."""
    plates = [r for r in regions if r.type == RegionType.NAMEPLATE and r.lines]
    if len(plates) != 1:
        return None, regions
    plate = plates[0]
    name = box(plate)
    foot = _closing_rule(regions, name, body)
    if foot is None or name.width < MASTHEAD.plate_width * foot.width:
        return None, regions
    # Over the rule's middle: a rule aslant has a tall box, and the ears
    # under its low end reach below its top (NZZ 1900).
    over = [
        r
        for r in regions
        if r is not plate
        and r.type not in _LEFT_OUT
        and box(r).cy < foot.cy
        and box(r).y1 > name.y0 - MASTHEAD.above * name.height
    ]
    # The ears stand under the name where the rule is not printed to its end
    # (NZZ 1907 has none under its left rates box).
    span = foot.union(Box(name.x0, foot.y0, name.x1, foot.y1))
    if any(not _on_the_rule(box(r), span) or _story_deep(r, body) for r in over):
        return None, regions  # a story beside the name, or a column over the rule
    inside = [plate, *over]
    order = xy_cut([box(r).as_tuple() for r in inside], slack=MASTHEAD.slack * body)
    item = Story(kind=RegionType.NAMEPLATE, headlines=[plate])
    item.members = [inside[i] for i in order]
    taken = {id(r) for r in inside}
    return item, [r for r in regions if id(r) not in taken]


def _closing_rule(regions: list[Region], plate: Box, body: float) -> Box | None:
    """The first long rule across the page under the nameplate's middle (or
    the one under a dateline ruled off under it: ``_under_the_dateline``)
    and no further below its foot than ``MASTHEAD.depth`` of its height: the
    span of a chain of rule pieces there, end to end along one row, that
    together run across ``MASTHEAD.rule_width`` of the text's width, one of
    them ``MASTHEAD.piece_width``. Layout may find a worn or
    thick-and-thin rule in pieces (NZZ 1881: four, the issue number over
    the shortest). ``body``: the body line height."""
    text = [box(r) for r in regions if r.type not in _LEFT_OUT]
    width = max(b.x1 for b in text) - min(b.x0 for b in text)
    pieces = sorted(
        (
            b
            for r in regions
            if r.type == RegionType.SEPARATOR
            and (b := box(r)).width >= MASTHEAD.rule_aspect * b.height
            and plate.cy < b.y0 <= plate.y1 + MASTHEAD.depth * plate.height
        ),
        key=lambda b: b.y0,
    )
    rules = []
    for first in pieces:
        row = _chain(first, pieces, MASTHEAD.piece_gap * body)
        longest = max(b.width for b in row)
        if longest >= MASTHEAD.piece_width * width and _covered(row) >= MASTHEAD.rule_width * width:
            rules.append(union_all(row))
    if not rules:
        return None
    return _under_the_dateline(rules, regions, body)


def _under_the_dateline(rules: list[Box], regions: list[Region], body: float) -> Box:
    """The first of ``rules`` (long rules under the nameplate, top to bottom),
    or the next one where the two rule off a dateline between them: one row
    of short pieces (the town and date, the volume and number, the price:
    each at most ``MASTHEAD.dateline_height`` body lines tall) with at most
    ``MASTHEAD.dateline_gap`` body lines from rule to rule, as American
    weeklies set it (Port Gibson Reveille, 1921: "Re-established Feb. 2,
    1876", "PORT GIBSON, CLAIBORNE COUNTY, MISS., THURSDAY, MARCH 3, 1921",
    "New Series—VOL. XLV., NO. 6"). Left under the first rule, each piece
    headed a story of its own and took in the column tops under it."""
    first = rules[0]
    below = [r for r in rules[1:] if r.y0 > first.y1]
    if not below or below[0].y0 - first.y1 > MASTHEAD.dateline_gap * body:
        return first
    second = below[0]
    between = [
        box(r) for r in regions if r.type not in _LEFT_OUT and first.cy < box(r).cy < second.cy
    ]
    if between and all(b.height <= MASTHEAD.dateline_height * body for b in between):
        return second
    return first


def _chain(first: Box, pieces: list[Box], gap: float) -> list[Box]:
    """``first`` and the pieces that continue it along its row, each level
    with one already taken (sharing rows) and no more than ``gap`` from its
    end: one rule found in pieces, not the rules closing columns side by
    side a gutter apart."""
    row = [first]
    grown = True
    while grown:
        grown = False
        for b in pieces:
            if any(b is m for m in row):
                continue
            if any(b.y_overlap(m) > 0 and max(b.x0 - m.x1, m.x0 - b.x1) <= gap for m in row):
                row.append(b)
                grown = True
    return row


def _covered(pieces: list[Box]) -> float:
    """The length of the x axis that ``pieces`` cover together (overlaps
    counted once)."""
    spans = sorted((b.x0, b.x1) for b in pieces)
    total, reach = 0.0, float("-inf")
    for x0, x1 in spans:
        if x1 > reach:
            total += x1 - max(x0, reach)
            reach = x1
    return total


def _story_deep(region: Region, body: float) -> bool:
    """Whether a region over the rule is a story's column: more lines than
    ``MASTHEAD.max_lines`` and deeper than ``MASTHEAD.max_depth`` body
    lines. Both: a rates box read cell by cell holds 18-20 lines in its
    eight rows (NZZ 1895, 1898, 1908), and an ear beside the name may run
    deep with few lines."""
    return len(region.lines) > MASTHEAD.max_lines and box(region).height > MASTHEAD.max_depth * body


def _on_the_rule(piece: Box, rule: Box) -> bool:
    """Whether most of a piece stands over the rule's length."""
    return piece.x_overlap(rule) >= MASTHEAD.on_rule * piece.width


def tables_in_the_head(regions: list[Region], body: float) -> list[Region]:
    """``regions`` with each table set among the running head's pieces made
    one of them (``RUNNING_HEAD``): a front page's rates of subscription
    beside its name (NZZ 1909-1940). Such a table stands level with a piece
    of the head beside it (sharing half that piece's height), ends within
    ``MASTHEAD.head_table_reach`` of the lowest such piece, and has no story
    above its middle. Layout had taken the rates for the running head, then
    found them a table; as a table they became a story of their own, read
    after the whole head. As a piece of the head they are read with it,
    row by row (a row's label, then its figures: its ``lines`` are the
    table's rows, ``ocr.tables``), and keep their cells in ``rows`` (the
    CSV of ``exports.tables``); like the rest of the head they are in no
    article. A masthead's own tables (``masthead``) stay tables in its
    item; call this on the regions it leaves. ``body``: the body line
    height (working pixels)."""
    heads = [box(r) for r in regions if r.type in _HEAD]
    stories = [box(r) for r in regions if r.type in _STORY]
    out = []
    for region in regions:
        if (
            region.type == RegionType.TABLE
            and not region.typed_by_archivist
            and region.lines
            and _in_the_head(box(region), heads, stories, body)
        ):
            region = region.model_copy(update={"type": RegionType.RUNNING_HEAD})
        out.append(region)
    return out


def _in_the_head(table: Box, heads: list[Box], stories: list[Box], body: float) -> bool:
    level = [h for h in heads if h.x_overlap(table) <= 0 and h.y_overlap(table) >= 0.5 * h.height]
    if not level or any(s.y1 <= table.cy for s in stories):
        return False
    return table.y1 <= max(h.y1 for h in level) + MASTHEAD.head_table_reach * body
