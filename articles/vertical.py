"""Reading order and articles on a page of vertical Chinese.

A page set vertically is read from its top-right corner: each line top to
bottom, the lines of a block right to left; an article's blocks across a
band of the page right to left, then on in the next band below; a headline
(set vertically at the article's right, or across over it) starts the
article; a short vertical line beside a photo is its caption.

Grouping: a block belongs to the article of the block just right of it in
its band (nothing but white between them: no rule), else of the block just
above it (no rule between, at most ``VERTICAL_GROUPING.band_gap`` body
heights up: ``articles.params.vertical``), else it
starts an article; a headline always starts one, unless it stands right
beside or under another headline (a deck). A caption goes with its photo.
Rules frame the stories of a vertical page: a story never runs on across one.

Text: each article is built by ``articles.draft.build_article`` from copies of its
regions turned a quarter, (x, y) -> (y, -x): the bands become columns read
left to right, the lines of a vertical block rows read top to bottom, so its
paragraphs (indents, short last lines) are found as on a horizontal page.

Coordinates are working-image pixels; the regions in the page stay as they
are (the turned copies only give the order and the text).
"""

from __future__ import annotations

import logging
import re

from newsprint.articles.body_columns import with_body_columns
from newsprint.articles.draft import Draft, build_article
from newsprint.articles.params.bands import STORY_ORDER
from newsprint.articles.params.neighbours import NEIGHBOURS
from newsprint.articles.params.vertical import (
    VERTICAL_CAPTIONS,
    VERTICAL_GROUPING,
    VERTICAL_PAGE,
)
from newsprint.articles.roles import with_named_folios
from newsprint.articles.rtl import with_rtl_lines
from newsprint.core.page import STORY_PART_TYPES, Article, Region, RegionType, TextDirection
from newsprint.core.settings import Settings
from newsprint.layout.boxes import Box, union_all
from newsprint.layout.direction import transpose

log = logging.getLogger(__name__)

_FLOW = STORY_PART_TYPES


def is_vertical_page(regions: list[Region]) -> bool:
    """Whether the page's body text is set vertically: its ``text`` regions that
    run down the page hold more than half of the body's characters
    (``VERTICAL_PAGE.min_share``)."""
    down = across = 0
    for region in regions:
        if region.type != RegionType.TEXT:
            continue
        chars = sum(len(line.text) for line in region.lines)
        if region.direction == TextDirection.VERTICAL_RL:
            down += chars
        else:
            across += chars
    return down > 0 and down > VERTICAL_PAGE.min_share * (down + across)


def vertical_articles(
    regions: list[Region], body: float, language: str, settings: Settings
) -> tuple[list[Region], list[Article]]:
    """The regions of a vertical page with what reading them found (captions
    beside photos typed ``caption``, short lines across read right to left
    turned round: ``articles.rtl``) and its articles in reading order (ids
    ``a1``, ``a2`` ...).

    ``regions``: the page's regions (working pixels in ``work_bbox``), their
    lines in reading order; ``body``: the body type size in working pixels."""
    rules = [_box(r) for r in regions if r.type == RegionType.SEPARATOR]
    # Pen names first: a name in brackets is no line to turn round.
    regions = with_vertical_captions(with_body_columns(regions, body), body)
    regions = with_pen_names(regions, rules, body)
    regions = with_named_folios(with_rtl_lines(regions))
    flow = [r for r in regions if r.type in _FLOW]
    owner = _owners(flow, rules, body)
    drafts: dict[str, Draft] = {}
    for region in flow:
        draft = drafts.setdefault(owner[region.id], Draft())
        (draft.headlines if region.type == RegionType.HEADLINE else draft.members).append(region)
    ordered = _order(list(drafts.values()), body)
    articles = [
        build_article(_turned_draft(draft), f"a{n}", language, body, settings)
        for n, draft in enumerate(ordered, start=1)
    ]
    return regions, articles


def with_vertical_captions(regions: list[Region], body: float) -> list[Region]:
    """``regions`` with each short vertical text block set right beside a photo
    (``VERTICAL_CAPTIONS``: at most two lines, within a body height of its
    side, along it for most of its length) typed ``caption``."""
    photos = [_box(r) for r in regions if r.type == RegionType.PHOTO]
    out = []
    for region in regions:
        me = _box(region)
        if (
            region.type == RegionType.TEXT
            and not region.typed_by_archivist
            and region.direction == TextDirection.VERTICAL_RL
            and 0 < len(region.lines) <= VERTICAL_CAPTIONS.max_lines
            and any(_beside(me, photo, body) for photo in photos)
        ):
            region = region.model_copy(update={"type": RegionType.CAPTION})
        out.append(region)
    return out


def with_pen_names(regions: list[Region], rules: list[Box], body: float) -> list[Region]:
    """``regions`` with each writer's name set at the foot of a vertical
    headline's column typed ``byline``: a text block of one line, a name in
    brackets (``_pen_name``), that ``_foot_of_headline_column`` places under
    a headline ("(翁丹)" under
    吹羅自吹 on ECPO's 1921-01-15 fold: the 1920s 晶報 signs its pieces so)."""
    flow = [r for r in regions if r.type in _FLOW]
    out = []
    for region in regions:
        if (
            region.type == RegionType.TEXT
            and not region.typed_by_archivist
            and len(region.lines) == 1
            and _pen_name(region.lines[0].text)
            and _foot_of_headline_column(region, flow, rules, body) is not None
        ):
            region = region.model_copy(update={"type": RegionType.BYLINE})
        out.append(region)
    return out


def _pen_name(text: str) -> bool:
    """Whether ``text`` reads as a writer's name in brackets: "(翁丹)",
    "（得凌）": two to ``VERTICAL_GROUPING.pen_name_chars`` ideographs, not
    all numerals (a serial's instalment, "（十二）") nor a note such as
    "（未完）"."""
    name = text.strip()
    if len(name) < 4 or name[0] not in "(（" or name[-1] not in ")）":
        return False
    inner = name[1:-1].strip()
    return (
        2 <= len(inner) <= VERTICAL_GROUPING.pen_name_chars
        and all(_IDEOGRAPH.fullmatch(ch) for ch in inner)
        and not all(ch in _NUMERALS for ch in inner)
        and inner not in _NOTES
    )


_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NUMERALS = set("〇一二三四五六七八九十百千廿卅零兩")
_NOTES = {"未完", "待續", "續完", "完", "續", "上", "下", "上下", "續前", "接上", "附錄"}


def _speck(region: Region) -> bool:
    """A text block read as one character or none (dust, a stray mark)."""
    return region.type == RegionType.TEXT and sum(ch.isalnum() for ch in region.text) < 2


def _beside(me: Box, photo: Box, body: float) -> bool:
    P = VERTICAL_CAPTIONS
    gap = max(me.x0 - photo.x1, photo.x0 - me.x1)
    return (
        -NEIGHBOURS.overlap * body <= gap <= P.max_gap * body
        and me.y_overlap(photo) >= P.along * me.height
    )


def _box(region: Region) -> Box:
    x0, y0, x1, y1 = region.work_bbox or region.bbox
    return Box(x0, y0, x1, y1)


def _owners(flow: list[Region], rules: list[Box], body: float) -> dict[str, str]:
    """For each flow region's id, the id of the region that starts its article."""
    parent = {r.id: r.id for r in flow}

    def root(rid: str) -> str:
        while parent[rid] != rid:
            parent[rid] = parent[parent[rid]]
            rid = parent[rid]
        return rid

    photos = [r for r in flow if r.type == RegionType.PHOTO]
    # Right to left, top to bottom: what a block joins is placed before it.
    for region in sorted(flow, key=lambda r: (-_box(r).x1, _box(r).y0)):
        source = _source(region, flow, photos, rules, body)
        if source is not None:
            parent[root(region.id)] = root(source.id)
    return {rid: root(rid) for rid in parent}


def _source(
    region: Region, flow: list[Region], photos: list[Region], rules: list[Box], body: float
) -> Region | None:
    """The region whose article ``region`` belongs to, None when it starts one."""
    me = _box(region)
    if region.type == RegionType.CAPTION:
        near = [p for p in photos if _beside(me, _box(p), body) or _under(me, _box(p), body)]
        if near:
            return min(near, key=lambda p: abs(_box(p).cx - me.cx) + abs(_box(p).cy - me.cy))
    right = _neighbour_right(region, flow, rules, body, me)
    if region.type == RegionType.PHOTO:
        # A photo goes with the story right of it and of its captions.
        captions = [
            _box(r) for r in flow if r.type == RegionType.CAPTION and _beside(_box(r), me, body)
        ]
        beside = union_all([me, *captions])
        right = _neighbour_right(region, flow, rules, body, beside, VERTICAL_GROUPING.photo_gap)
    up = _neighbour_above(region, flow, rules, body)
    if region.type == RegionType.HEADLINE:
        deck = [r for r in (right, up) if r is not None and r.type == RegionType.HEADLINE]
        return deck[0] if deck else None
    if region.type == RegionType.BYLINE:  # a pen name goes with the title it signs
        foot = _foot_of_headline_column(region, flow, rules, body)
        if foot is not None:
            return foot
    return (
        right
        or up
        or _foot_of_headline_column(region, flow, rules, body)
        or _headline_over(region, flow, rules, body)
    )


def _foot_of_headline_column(
    region: Region, flow: list[Region], rules: list[Box], body: float
) -> Region | None:
    """The vertical headline whose column ``region`` stands in, lower down:
    across half the narrower one's width or more (``NEIGHBOURS.same_column``),
    from under the headline (the detector's padded boxes overlapping by up to
    a body height) to the headline's own length below it, with only white
    between (no other block, no rule). A story's pen name, set at the foot of
    its title's column (ECPO's 1921-01-15 fold: "(翁丹)" 12 body heights
    under 吹羅自吹, the text beside it; ECPO 1940's 女獄花 over
    "西湖女士王妙如遺稿", their boxes overlapping by 15 pixels), belongs to
    that story; alone, it took the text beside it away from its title."""
    me = _box(region)
    for other in flow:
        ob = _box(other)
        if other.type != RegionType.HEADLINE or other.direction != TextDirection.VERTICAL_RL:
            continue
        if me.x_overlap(ob) < NEIGHBOURS.same_column * min(me.width, ob.width):
            continue
        if not -VERTICAL_GROUPING.foot_overlap * body <= me.y0 - ob.y1 <= ob.height:
            continue
        gap = Box(min(me.x0, ob.x0), ob.y1, max(me.x1, ob.x1), me.y0)
        between = [
            r
            for r in flow
            if r is not region and r is not other and not _speck(r) and _crosses(_box(r), gap)
        ]
        if between or (gap.height > 0 and _ruled(gap, rules, vertical=False)):
            continue
        return other
    return None


def _crosses(box: Box, gap: Box) -> bool:
    """Whether a block stands in ``gap``: across it, its middle within it
    (the text beside a headline's column may reach into it)."""
    return box.x_overlap(gap) > 0 and gap.y0 <= box.cy <= gap.y1


def _headline_over(
    region: Region, flow: list[Region], rules: list[Box], body: float
) -> Region | None:
    """A headline set across over the story a block begins: above the block's
    top (within ``VERTICAL_GROUPING.band_gap`` body heights), to its left or over it, no rule
    between; the nearest one."""
    me = _box(region)
    best, best_dx = None, None
    for other in flow:
        ob = _box(other)
        if other.type != RegionType.HEADLINE or other.direction == TextDirection.VERTICAL_RL:
            continue
        if (
            ob.y1 > me.y0 + NEIGHBOURS.overlap * body
            or me.y0 - ob.y1 > VERTICAL_GROUPING.band_gap * body
            or ob.x0 > me.x1
        ):
            continue
        between = Box(min(ob.x1, me.x0), ob.y0, max(ob.x1, me.x0), me.y1)
        if between.width > 0 and _ruled(between, rules, vertical=True):
            continue
        dx = max(0.0, me.x0 - ob.x1)
        if best_dx is None or dx < best_dx:
            best, best_dx = other, dx
    return best


def _under(me: Box, photo: Box, body: float) -> bool:
    P = VERTICAL_CAPTIONS
    return (
        -NEIGHBOURS.overlap * body <= me.y0 - photo.y1 <= P.max_gap * body
        and me.x_overlap(photo) >= P.along * me.width
    )


def _neighbour_right(
    region: Region,
    flow: list[Region],
    rules: list[Box],
    body: float,
    me: Box,
    reach: float = VERTICAL_GROUPING.side_gap,
) -> Region | None:
    """The nearest block right of ``region`` (whose box is ``me``) in its band:
    level with it for half the shorter one's height, at most ``reach`` body
    heights away, no rule between them; a caption is no such block (it goes
    with its photo)."""
    best, best_gap = None, None
    for other in flow:
        ob = _box(other)
        gap = ob.x0 - me.x1
        if other is region or other.type == RegionType.CAPTION:
            continue
        if ob.cx <= me.cx or gap > reach * body:
            continue
        if ob.y_overlap(me) < NEIGHBOURS.level * min(me.height, ob.height):
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = other, gap
    if best is None:
        return None
    ob = _box(best)
    inset = VERTICAL_GROUPING.rule_reach
    between = Box(me.x1 - inset * body, max(me.y0, ob.y0), ob.x0 + inset * body, min(me.y1, ob.y1))
    return None if _ruled(between, rules, vertical=True) else best


def _ruled(between: Box, rules: list[Box], vertical: bool) -> bool:
    """Whether a rule runs through the space ``between`` two blocks, along
    most of it: a vertical rule between blocks side by side, a horizontal one
    between blocks one above the other."""
    for rule in rules:
        if vertical and rule.height > rule.width:
            crosses = between.x0 <= rule.cx <= between.x1
            along = rule.y_overlap(between) > NEIGHBOURS.rule_along * between.height
        elif not vertical and rule.width > rule.height:
            crosses = between.y0 <= rule.cy <= between.y1
            along = rule.x_overlap(between) > NEIGHBOURS.rule_along * between.width
        else:
            continue
        if crosses and along:
            return True
    return False


def _neighbour_above(
    region: Region, flow: list[Region], rules: list[Box], body: float
) -> Region | None:
    """The nearest block above ``region`` across its width (half the narrower
    one's width), at most ``VERTICAL_GROUPING.band_gap`` body heights up, no
    rule between."""
    me = _box(region)
    best, best_y = None, None
    for other in flow:
        ob = _box(other)
        if (
            other is region
            or ob.y1 > me.y0 + NEIGHBOURS.overlap * body
            or me.y0 - ob.y1 > VERTICAL_GROUPING.band_gap * body
        ):
            continue
        if ob.x_overlap(me) < NEIGHBOURS.same_column * min(me.width, ob.width):
            continue
        if best_y is None or ob.y1 > best_y:
            best, best_y = other, ob.y1
    if best is None:
        return None
    ob = _box(best)
    slack = NEIGHBOURS.edge_slack_px
    between = Box(max(me.x0, ob.x0), ob.y1 - slack, min(me.x1, ob.x1), me.y0 + slack)
    return None if _ruled(between, rules, vertical=False) else best


def _order(drafts: list[Draft], body: float) -> list[Draft]:
    """Articles in reading order by recursive XY-cut (Nagy and Seth, 1984; the
    order PP-Structure and eynollah give a page's regions), turned for
    vertical print: the page is cut across where no article's extent
    crosses, into bands read from the top; a band down, where none crosses,
    into parts read right to left; each part again the other way. A part
    that no cut divides is read by ``_bands``. In a band the stories of a
    part set one above the other are so read top first: 閥 then 請教少卿,
    one under the other between 吹羅自吹 and 崔劉指事三詠 on ECPO's
    1921-01-15 fold, where the bands alone read the lower story after the
    band's last, leftmost one."""
    extent = {id(d): _extent(d) for d in drafts}
    return _xy_cut(drafts, extent, body, across=True)


def _xy_cut(drafts: list[Draft], extent: dict[int, Box], body: float, across: bool) -> list[Draft]:
    """``drafts`` cut across (bands, top first) when ``across``, else down
    (parts, right first), failing that the other way, each piece cut again
    the other way; ``_bands`` where no cut divides them. Extents that overlap
    by ``NEIGHBOURS.overlap`` body heights or less do not stop a cut."""
    if len(drafts) <= 1:
        return drafts
    for rows in (across, not across):
        pieces = _cut(drafts, extent, rows, NEIGHBOURS.overlap * body)
        if not rows:
            pieces = _short_parts_joined(pieces, extent)
        if len(pieces) > 1:
            return [d for piece in pieces for d in _xy_cut(piece, extent, body, not rows)]
    return _bands(drafts, extent, body)


def _cut(
    drafts: list[Draft], extent: dict[int, Box], rows: bool, slack: float
) -> list[list[Draft]]:
    """``drafts`` in the pieces that the white between their extents parts:
    across the page (``rows``: top first) or down it (right first)."""

    def span(d: Draft) -> tuple[float, float]:
        b = extent[id(d)]
        return (b.y0, b.y1) if rows else (-b.x1, -b.x0)

    pieces: list[list[Draft]] = []
    end = float("-inf")
    for draft in sorted(drafts, key=span):
        lo, hi = span(draft)
        if pieces and lo < end - slack:
            pieces[-1].append(draft)
            end = max(end, hi)
            continue
        pieces.append([draft])
        end = hi
    return pieces


def _short_parts_joined(pieces: list[list[Draft]], extent: dict[int, Box]) -> list[list[Draft]]:
    """Parts cut down the page, each one shorter than ``STORY_ORDER.cut_part``
    of their whole height joined to the part beside it (the one before, or
    after the first): a mark in the margin beside the foot of the page ("2N12"
    by ECPO 1940's bottom band) is read in its band, not first of all, as a
    part of its own. A strip down the page's edge is long, and stays one."""
    if len(pieces) < 2:
        return pieces
    tops = [min(extent[id(d)].y0 for d in piece) for piece in pieces]
    feet = [max(extent[id(d)].y1 for d in piece) for piece in pieces]
    height = max(feet) - min(tops)
    out: list[list[Draft]] = []
    short_first: list[Draft] = []
    for piece, top, foot in zip(pieces, tops, feet, strict=True):
        if foot - top >= STORY_ORDER.cut_part * height:
            out.append(short_first + piece)
            short_first = []
        elif out:
            out[-1] = out[-1] + piece
        else:
            short_first += piece
    if not out:
        return [short_first]
    return out


def _bands(drafts: list[Draft], extent: dict[int, Box], body: float) -> list[Draft]:
    """Articles in bands from the top of the page, each band right to left: an
    article whose top lies above the middle of a band's first article (or
    within 2.5 body heights of its top: ``STORY_ORDER``) is in that band. A
    strip down the page's edge (``_is_strip``) sets a band's reach only as
    far as 2.5 body heights below its top; the first other article in its
    band sets the rest."""
    page = union_all(list(extent.values()))
    bands: list[list[Draft]] = []
    reach: list[float] = []
    from_strip: list[bool] = []
    for draft in sorted(drafts, key=lambda d: extent[id(d)].y0):
        box = extent[id(draft)]
        strip = _is_strip(box, page, body)
        if bands and box.y0 < reach[-1]:
            bands[-1].append(draft)
            if from_strip[-1] and not strip:
                reach[-1], from_strip[-1] = _band_reach(box, body), False
            continue
        bands.append([draft])
        reach.append(_band_reach(box, body, strip))
        from_strip.append(strip)
    return [d for band in bands for d in sorted(band, key=lambda d: -extent[id(d)].x1)]


def _is_strip(box: Box, page: Box, body: float) -> bool:
    """Whether an article's extent is a strip down the page's edge (a slogan
    set down it, 2,530 pixels on the 1939 ECPO fold): most of the height the
    page's articles take (``STORY_ORDER.strip``), a few lines wide
    (``STORY_ORDER.strip_width``), at the left or right of them."""
    P = STORY_ORDER
    at_edge = min(box.x0 - page.x0, page.x1 - box.x1) <= P.strip_width * body
    narrow = box.width <= P.strip_width * body
    return box.height > P.strip * page.height and narrow and at_edge


def _band_reach(first: Box, body: float, strip: bool = False) -> float:
    """Where the band whose first article's extent is ``first`` ends: an
    article whose top lies above this starts in it. A strip's band reaches
    ``STORY_ORDER.same_band_within`` body heights only."""
    near = STORY_ORDER.same_band_within * body
    return first.y0 + (near if strip else max(near, STORY_ORDER.band_middle * first.height))


def _extent(draft: Draft) -> Box:
    return union_all([_box(r) for r in draft.headlines + draft.members])


def _turned_draft(draft: Draft) -> Draft:
    """The article's regions turned a quarter (boxes and lines' boxes,
    ``layout.direction.transpose``), so that ``articles.draft.build_article`` reads its
    bands as columns and its lines as rows."""
    return Draft(
        headlines=[_turned(r) for r in draft.headlines],
        members=[_turned(r) for r in draft.members],
        turned=True,
    )


def _turned(region: Region) -> Region:
    lines = [
        line.model_copy(update={"work_bbox": transpose(Box(*line.work_bbox)).as_tuple()})
        if line.work_bbox
        else line
        for line in region.lines
    ]
    return region.model_copy(
        update={"work_bbox": transpose(_box(region)).as_tuple(), "lines": lines}
    )
