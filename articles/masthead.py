"""The masthead of a front page: the nameplate and what is set round it.

Above the rule that closes a front page's head stand the paper's name (the
nameplate), a row over it (issue number, date, edition) and "ears" beside
and under it: boxes of subscription and advert rates, the editor's address,
a subtitle. Read as columns of stories, its pieces joined the stories (the
rates box read as the first story of column 1, the nameplate after it) or
each other (NZZ front pages of 1890-1943: the date read after the rates,
the nameplate after the ears). People read, and annotate, a masthead as a
whole: the top row, the nameplate, then each ear from the left, top to
bottom.

So where a nameplate stands over a long rule, the regions above that rule
are one item with it, read by X-Y cut (``layout.boxes.xy_cut``): bands at
white across, then columns at white down. Everything here is in working
pixels.
"""

from __future__ import annotations

from newsprint.articles.flow import Story, box
from newsprint.articles.params.masthead import MASTHEAD
from newsprint.core.page import Region, RegionType
from newsprint.layout.boxes import Box, xy_cut

_LEFT_OUT = (RegionType.SEPARATOR,)


def masthead(regions: list[Region]) -> tuple[Story | None, list[Region]]:
    """The masthead as an item of kind ``NAMEPLATE`` (its regions in reading
    order, the nameplate among them) and the regions left for the stories;
    ``(None, regions)`` where the page has no nameplate over a closing rule."""
    plates = [r for r in regions if r.type == RegionType.NAMEPLATE and r.lines]
    if len(plates) != 1:
        return None, regions
    plate = plates[0]
    foot = _closing_rule(regions, box(plate))
    if foot is None:
        return None, regions
    inside = [r for r in regions if r.type not in _LEFT_OUT and (r is plate or box(r).cy < foot.y0)]
    if any(len(r.lines) > MASTHEAD.max_lines for r in inside):
        return None, regions  # a story's column over the rule: no masthead
    order = xy_cut([box(r).as_tuple() for r in inside])
    item = Story(kind=RegionType.NAMEPLATE, headlines=[plate])
    item.members = [inside[i] for i in order]
    taken = {id(r) for r in inside}
    return item, [r for r in regions if id(r) not in taken]


def _closing_rule(regions: list[Region], plate: Box) -> Box | None:
    """The first long rule across the page under the nameplate's middle and
    no further below its foot than ``MASTHEAD.depth`` of its height."""
    text = [box(r) for r in regions if r.type not in _LEFT_OUT]
    width = max(b.x1 for b in text) - min(b.x0 for b in text)
    rules = [
        b
        for r in regions
        if r.type == RegionType.SEPARATOR
        and (b := box(r)).width >= MASTHEAD.rule_width * width
        and b.width >= MASTHEAD.rule_aspect * b.height
        and plate.cy < b.y0 <= plate.y1 + MASTHEAD.depth * plate.height
    ]
    return min(rules, key=lambda b: b.y0, default=None)
