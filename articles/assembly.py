"""Reading order and article assembly.

Each body block is tied to what stands above it in its column: a headline
starts an article, a block of the same column continues it, and a block at
the top of a column (under a rule, or at the top of the page) continues the
article of the column on its left in the same band, which is how text flows
from the foot of one column to the head of the next. Photos follow the same
rule, captions follow their photo, bylines the text above (or the headline
above) them. Within an article, blocks are read column by column, top to
bottom, and lines are cut into paragraphs by indents and short last lines;
a paragraph cut by a column break is joined again.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field

import numpy as np
from newsprint.articles.flow import (
    Story,
    column_stories,
    column_width,
    cut_off_rule,
    is_column_page,
    is_dash,
    own_item,
)
from newsprint.articles.flow import box as _box
from newsprint.articles.jumps import find_jumps
from newsprint.articles.masthead import masthead, tables_in_the_head
from newsprint.articles.params.bands import (
    ABOVE,
    BESIDE,
    BLOCK_COLUMNS,
    CAPTION_ROWS,
    CENTRED,
    COLUMN_HEADS,
    LEFT,
    STORY_ORDER,
)
from newsprint.articles.params.flags import FLAGS
from newsprint.articles.params.neighbours import NEIGHBOURS
from newsprint.articles.params.roles import BYLINE_UNDER
from newsprint.articles.params.text import PARAGRAPHS, STORIES
from newsprint.articles.roles import (
    headings_over_text,
    is_folio,
    is_heading,
    join_caption_ends,
    running_head_row,
    split_headings,
    split_roles,
    split_signatures,
)
from newsprint.articles.text import join_lines, small_caps_as_capitals
from newsprint.articles.vertical import is_vertical_page, vertical_articles
from newsprint.core.page import (
    STORY_PART_TYPES,
    Article,
    ArticleKind,
    ArticleTable,
    FlagCode,
    NewspaperPage,
    Region,
    RegionType,
    TextDirection,
    TextLine,
)
from newsprint.core.script import detect_language
from newsprint.core.settings import Settings
from newsprint.layout.boxes import Box, in_rows

log = logging.getLogger(__name__)

_BODY = (RegionType.TEXT,)
_TEXTUAL = (RegionType.TEXT, RegionType.CAPTION, RegionType.HEADLINE, RegionType.BYLINE)
_FLOW = STORY_PART_TYPES


@dataclass
class _Draft:
    headlines: list[Region] = field(default_factory=list)
    members: list[Region] = field(default_factory=list)
    kind: ArticleKind = ArticleKind.ARTICLE
    in_order: bool = False
    """Members already in reading order (``articles.flow``): not sorted again."""
    follows: _Draft | None = None
    """The story this one follows down its column (it starts under the dash
    that ends that one): it is read next after it."""

    def top(self) -> Box:
        """Where the article starts, for the order of the articles: its first
        headline, else its first text. A photo it took in does not move it
        up: a story set beside a "photo" at the scan's edge (the NZZ 1940's
        strip of the next page, down beside its rates box from the running
        head) was read before the paper's name."""
        text = [m for m in self.members if m.type != RegionType.PHOTO]
        return min(
            (_box(r) for r in self.headlines or text or self.members), key=lambda b: (b.y0, b.x0)
        )


def assemble(page: NewspaperPage, settings: Settings) -> NewspaperPage:
    """Stage: refine roles from text, then build the articles in reading order."""
    body = page.body_px
    # A vertical page's lines across are headlines and adverts: no folio row.
    found = page.regions if is_vertical_page(page.regions) else running_head_row(page.regions, body)
    regions = headings_over_text(_refine_roles(found), body)
    language = page.language or detect_language([r.text for r in regions if r.lines])
    if is_vertical_page(regions):  # vertical Chinese: bands read right to left
        regions, articles = vertical_articles(regions, body, language, settings)
    else:
        head, rest = masthead(regions, body)
        rest = tables_in_the_head(rest, body)
        retyped = {r.id: r for r in rest}
        regions = [retyped.get(r.id, r) for r in regions]
        if is_column_page(rest, body):  # plain columns: down each, headings start stories
            drafts = [_from_story(story) for story in column_stories(rest, body)]
        else:
            drafts = _order(_group(rest, body) + _items_of_their_own(rest), body)
        if head is not None:
            drafts.insert(0, _from_story(head))
        articles = [
            _article(draft, f"a{n}", language, body, settings)
            for n, draft in enumerate(drafts, start=1)
        ]
    articles = [a for a in articles if _substantial(a)]
    order = [rid for a in articles for rid in a.region_ids]
    page = page.model_copy(
        update={
            "regions": regions,
            "articles": articles,
            "reading_order": order,
            "language": language,
        }
    )
    if not articles:
        page.add_flag(
            FlagCode.NO_ARTICLES,
            "no article was found on the page",
            severity=FLAGS.no_articles,
        )
    return find_jumps(page)


_KINDS = {
    RegionType.ADVERTISEMENT: ArticleKind.ADVERTISEMENT,
    RegionType.NAMEPLATE: ArticleKind.NAMEPLATE,
}


def _from_story(story: Story) -> _Draft:
    kind = _KINDS.get(story.kind, ArticleKind.ARTICLE)
    return _Draft(headlines=story.headlines, members=story.members, kind=kind, in_order=True)


def _items_of_their_own(regions: list[Region]) -> list[_Draft]:
    """The adverts and the nameplate (``flow.own_item``), to be placed where
    they stand among the stories; the nameplate, at the top, comes first."""
    return [_from_story(item) for r in regions if (item := own_item(r)) is not None]


def _substantial(article: Article) -> bool:
    # A stray mark (a bar beside a photo, a speck) reads as a character or two:
    # no story is that short.
    def letters(text: str) -> int:
        return sum(ch.isalnum() for ch in text)

    cells = "".join(cell for table in article.tables for row in table.rows for cell in row)
    return (
        letters(article.headline or "") >= STORIES.min_headline_letters
        or letters("".join(article.paragraphs)) >= STORIES.min_text_letters
        or letters(cells) >= STORIES.min_text_letters
    )


def _refine_roles(regions: list[Region]) -> list[Region]:
    out: list[Region] = []
    for region in regions:
        if region.type == RegionType.RUNNING_HEAD and region.lines and is_folio(region.text):
            out.append(region.model_copy(update={"type": RegionType.FOLIO}))
            continue
        for signed in split_signatures(region, f"{region.id}g"):
            for part in split_roles(signed, f"{signed.id}s"):
                out.extend(split_headings(part, part.id))
    # A text region that OCR found empty (a smudge) is dropped.
    return join_caption_ends([r for r in out if r.type not in _TEXTUAL or r.lines])


def _group(regions: list[Region], body: float) -> list[_Draft]:
    flow = sorted((r for r in regions if r.type in _FLOW), key=lambda r: (_box(r).y0, _box(r).x0))
    separators = [_box(r) for r in regions if r.type == RegionType.SEPARATOR]
    rules = [b for b in separators if b.width > b.height]
    over = {r.id: _over(r, flow, body) for r in flow}
    above = {r.id: None if _ruled_off(over[r.id], r, rules) else over[r.id] for r in flow}
    dashed = _under_dashes(flow, over, rules, column_width(regions), body)
    for rid in dashed:
        above[rid] = None
    below = {up.id: r for r in flow if (up := above[r.id]) is not None}
    heads_under = {
        r.id: _column_heads(r, flow, body) for r in flow if r.type == RegionType.HEADLINE
    }
    owner: dict[str, _Draft] = {}
    drafts: list[_Draft] = []

    def resolve(region: Region, visiting: frozenset[str] = frozenset()) -> _Draft:
        if region.id in owner:
            return owner[region.id]
        up = above[region.id]
        if up is not None and _ends_article(up, above):
            up = None
        if up is not None and up.type == RegionType.HEADLINE and region.type != RegionType.HEADLINE:
            up = _column_head_over(region, heads_under[up.id]) or up
        source = up
        if source is None and region.type != RegionType.HEADLINE and region.id not in dashed:
            # A table is not read on from the column on its left.
            left = (
                _left_neighbour(region, flow, below, body)
                if region.type != RegionType.TABLE
                else None
            )
            # When a column on the left could flow into the block, a headline
            # beside it takes it only if centred over the block's column too.
            source = _headline_beside(region, flow, separators, body, left is not None) or left
        pairs = heads_under[up.id] if up is not None and up.id in heads_under else []
        if region.type == RegionType.HEADLINE and _starts_article(region, up, pairs):
            source = None
        if source is not None and source.id not in visiting:
            draft = resolve(source, visiting | {region.id})
        else:
            draft = _Draft()
            drafts.append(draft)
            if region.id in dashed and (up := dashed[region.id]).id not in visiting:
                draft.follows = resolve(up, visiting | {region.id})
        (draft.headlines if region.type == RegionType.HEADLINE else draft.members).append(region)
        owner[region.id] = draft
        return draft

    for region in flow:
        resolve(region)
    return drafts


def _under_dashes(
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
    from its own story. ``over``: the block over each region (``_over``);
    ``body``: the body line height (``flow.cut_off_rule``)."""
    dashed: dict[str, Region] = {}
    for region in flow:
        if region.type != RegionType.TEXT:
            continue
        up = over[region.id]  # the block over the rule
        if up is None:
            continue
        if is_heading(up):
            continue  # a dash set under a heading, before its story
        rule = cut_off_rule(_box(up), _box(region), rules, width, body)
        if rule is not None and is_dash(rule, _box(region), width):
            dashed[region.id] = up
    return dashed


def _over(region: Region, flow: list[Region], body: float) -> Region | None:
    """The nearest region above in the same column, rules aside; None where
    there is none, or where a new band's headline stands in the white
    between them."""
    me = _box(region)
    best, best_y = None, None
    for other in flow:
        ob = _box(other)
        if (
            other is region
            or ob.y1 > me.y0 + NEIGHBOURS.overlap * body
            or ob.x_overlap(me) < ABOVE.column_overlap * min(me.width, ob.width)
        ):
            continue
        if best_y is None or ob.y1 > best_y:
            best, best_y = other, ob.y1
    if best is None:
        return None
    if me.y0 - best_y > ABOVE.new_band_gap * body and _headline_across(best_y, me.y0, flow, body):
        return None  # a new band starts: its headline stands in the white space
    return best


def _ruled_off(up: Region | None, region: Region, rules: list[Box]) -> bool:
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


def _headline_across(top: float, bottom: float, flow: list[Region], body: float) -> bool:
    """A headline set in the white space between two blocks of one column
    marks a new band of stories, even on a page without rules."""
    return any(
        r.type == RegionType.HEADLINE
        and _box(r).y0 >= top - NEIGHBOURS.overlap * body
        and _box(r).y1 <= bottom + NEIGHBOURS.overlap * body
        for r in flow
    )


def _headline_beside(
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


def _ends_article(region: Region, above: dict[str, Region | None]) -> bool:
    """A byline under body text closes its article: what follows in the
    column is another story (a byline under a headline opens one instead)."""
    if region.type != RegionType.BYLINE:
        return False
    over = above.get(region.id)
    return over is not None and over.type == RegionType.TEXT


def _starts_article(
    headline: Region, above: Region | None, pairs: list[tuple[Region, Region]]
) -> bool:
    """Whether a headline opens a story of its own. One right under another
    headline is its deck (second title line), but for a column's heading set
    beside another column's under a heading across both (``pairs``: the
    ``_column_heads`` under ``above``): the first column's heading goes on
    under the heading across, each other column's opens its own story."""
    if above is None or above.type != RegionType.HEADLINE:
        return True
    heads = [h for pair in pairs for h in pair]
    if headline not in heads:
        return False
    return headline is not min(heads, key=lambda h: _box(h).x0)


def _column_head_over(region: Region, pairs: list[tuple[Region, Region]]) -> Region | None:
    """The column's heading (of ``pairs``: the ``_column_heads`` under the
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


def _column_heads(above: Region, flow: list[Region], body: float) -> list[tuple[Region, Region]]:
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


def _left_neighbour(
    region: Region, flow: list[Region], below: dict[str, Region], body: float
) -> Region | None:
    """The block the article flows in from: the foot of the column to the
    left, within the stretch of page this block's column runs down before a
    headline or rule interrupts it (text, or a photo that the article's text
    runs beside). Text runs from the foot of one column to the head of the
    next, so when the left column holds several stories beside this one, the
    one that reaches down to where this column's run ends is the one that
    continues here (a story that starts lower in the left column cannot)."""
    me = _box(region)
    beside = [
        other
        for other in flow
        if other.type in (*_BODY, RegionType.PHOTO)
        and other is not region
        and _box(other).x1 <= me.x0 + NEIGHBOURS.overlap * body
        and _box(other).y_overlap(me) >= NEIGHBOURS.level * min(me.height, _box(other).height)
    ]
    if not beside:
        return None
    nearest = max(beside, key=lambda o: _box(o).x1)
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
    return max(in_column, key=lambda o: _box(o).y0, default=nearest)


def _run_end(region: Region, below: dict[str, Region]) -> float:
    """Where the column run that starts with this block ends: the foot of the
    last block below it that continues it (no headline, no rule between)."""
    end, current, seen = _box(region).y1, region, {region.id}
    while (nxt := below.get(current.id)) is not None and nxt.id not in seen:
        if nxt.type not in (*_BODY, RegionType.PHOTO, RegionType.CAPTION, RegionType.BYLINE):
            break
        end, current = max(end, _box(nxt).y1), nxt
        seen.add(nxt.id)
    return end


def _order(drafts: list[_Draft], body: float) -> list[_Draft]:
    """Articles top to bottom; those starting on the same band left to right."""
    rows: list[list[_Draft]] = []
    for draft in sorted(drafts, key=lambda d: d.top().y0):
        if (
            rows
            and abs(draft.top().y0 - rows[-1][0].top().y0) < STORY_ORDER.same_band_within * body
        ):
            rows[-1].append(draft)
        else:
            rows.append([draft])
    ordered = [d for row in rows for d in _left_to_right(row)]
    return _after_what_they_follow(ordered)


def _left_to_right(row: list[_Draft]) -> list[_Draft]:
    """The stories of one band left to right, but of two that start one over
    the other (their tops overlap across by ``STORY_ORDER.stacked_overlap``
    of the narrower) the upper first. A line centred over a letter's
    salutation ("To the Editor of the English Woman's Journal." over
    "MADAM,", NCSE's EWJ 1859 p66) starts less than a band below the story
    above it, left of the salutation's indent: read by its left edge alone,
    it came after the whole letter. Only the two stacked are ordered so: a
    wide top over two side by side leaves those two left to right."""
    left = sorted(row, key=lambda d: d.top().x0)
    tops = [d.top() for d in left]
    after = {
        i: {
            j
            for j in range(len(left))
            if j != i and _stacked(tops[i], tops[j]) and tops[j].y0 < tops[i].y0
        }
        for i in range(len(left))
    }
    order: list[int] = []
    while len(order) < len(left):
        ready = [i for i in range(len(left)) if i not in order and after[i] <= set(order)]
        # A ring (tops stacked both ways at one height) falls back to the left.
        order.append(ready[0] if ready else next(i for i in range(len(left)) if i not in order))
    return [left[i] for i in order]


def _stacked(a: Box, b: Box) -> bool:
    return a.x_overlap(b) >= STORY_ORDER.stacked_overlap * max(1.0, min(a.width, b.width))


def _after_what_they_follow(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts in the given order, but each story that follows another down
    its column (``_Draft.follows``) read right after that one."""
    known = {id(d) for d in drafts}
    followers: dict[int, list[_Draft]] = {}
    for d in drafts:
        if d.follows is not None and id(d.follows) in known:
            followers.setdefault(id(d.follows), []).append(d)
    out: list[_Draft] = []
    placed: set[int] = set()

    def place(draft: _Draft) -> None:
        if id(draft) in placed:
            return
        placed.add(id(draft))
        out.append(draft)
        for follower in followers.get(id(draft), []):
            place(follower)

    for d in drafts:
        if d.follows is None or id(d.follows) not in known:
            place(d)
    for d in drafts:  # a ring of followers (none expected): kept, in order
        place(d)
    return out


def _article(draft: _Draft, aid: str, language: str, body: float, settings: Settings) -> Article:
    if draft.kind == ArticleKind.ADVERTISEMENT:
        return Article(
            id=aid,
            kind=draft.kind,
            paragraphs=_paragraphs(draft.members, body, language, settings),
            region_ids=[r.id for r in draft.members],
            language=language,
        )
    if draft.kind == ArticleKind.NAMEPLATE:
        return _nameplate(draft, aid, language)
    kinds = (RegionType.TEXT, RegionType.TABLE)
    blocks = [m for m in draft.members if m.type in kinds]
    if not draft.in_order:
        blocks = _column_order(blocks, body)
    captions = [m for m in draft.members if m.type == RegionType.CAPTION]
    bylines = [m for m in draft.members if m.type == RegionType.BYLINE]
    photos = [m for m in draft.members if m.type == RegionType.PHOTO]
    heads = _headline_order(draft.headlines)
    headline = (
        " ".join(small_caps_as_capitals(join_lines([ln.text for ln in h.lines])) for h in heads)
        or None
    )
    paragraphs, tables = _flow_text(blocks, body, language, settings)
    leading = [b for b in bylines if _leads(b, blocks, draft)]
    trailing = [b for b in bylines if b not in leading]
    ids = [r.id for r in heads + leading + blocks + trailing + photos + captions]
    return Article(
        id=aid,
        headline=headline,
        paragraphs=paragraphs,
        captions=_caption_texts(captions),
        tables=tables,
        byline=" ".join(join_lines([ln.text for ln in b.lines]) for b in bylines) or None,
        region_ids=ids,
        language=language,
    )


def _nameplate(draft: _Draft, aid: str, language: str) -> Article:
    """The nameplate's item: the paper's name as its headline; with a
    masthead (``articles.masthead``), the pieces round it as paragraphs (a
    rates table as a table), in the masthead's reading order. Its
    ``region_ids`` keep that order with the name in its place (ALTO, the
    PDF); its text, as a story's, gives the name first."""
    pieces = [r for r in draft.members if r not in draft.headlines]
    paragraphs: list[str] = []
    tables: list[ArticleTable] = []
    for region in pieces:
        if region.type == RegionType.TABLE and region.rows:
            tables.append(
                ArticleTable(region_id=region.id, after=len(paragraphs), rows=region.cell_grid())
            )
        elif region.lines:
            paragraphs.append(join_lines([ln.text for ln in region.lines]))
    return Article(
        id=aid,
        kind=draft.kind,
        headline=" ".join(join_lines([ln.text for ln in h.lines]) for h in draft.headlines),
        paragraphs=paragraphs,
        tables=tables,
        region_ids=[r.id for r in draft.members or draft.headlines],
        language=language,
    )


def _headline_order(headlines: list[Region]) -> list[Region]:
    """An article's headlines as read: row by row from the top, side by side
    along a row left to right (``layout.boxes.in_rows``; right to left where
    one is set vertically). Two headlines level with each other are read
    left first though the right one's top stands a few pixels higher."""
    rtl = any(h.direction == TextDirection.VERTICAL_RL for h in headlines)
    order = in_rows([_box(h).as_tuple() for h in headlines], right_to_left=rtl)
    return [headlines[i] for i in order]


def _leads(byline: Region, blocks: list[Region], draft: _Draft) -> bool:
    """Whether a byline is read before its story's text. A story read down
    its columns (``draft.in_order``) keeps the byline where the flow met
    it: before its first text block or after. Otherwise by place: no text
    block lies above it across half its width or more. A byline set under
    the headline leads; a signature at the foot of the story's column ("JOHN
    JONES." closing a letter, a Chinese paper's 记者 line at the end) is read
    after the text (NCSE's MRP 1822 p. 14: the letter's signature, read
    first, began the page's reading order)."""
    if draft.in_order:
        kinds = (RegionType.TEXT, RegionType.TABLE)
        first = next((n for n, m in enumerate(draft.members) if m.type in kinds), None)
        at = next(n for n, m in enumerate(draft.members) if m is byline)
        return first is None or at < first
    own = _box(byline)
    return not any(
        _box(b).x_overlap_ratio(own) >= BYLINE_UNDER.across and _box(b).cy < own.y0 for b in blocks
    )


def _flow_text(
    blocks: list[Region], body: float, language: str, settings: Settings
) -> tuple[list[str], list[ArticleTable]]:
    """The paragraphs of the text blocks, and the tables among them with where
    they stand (a table ends the paragraph before it; its cells stay out of
    the paragraphs)."""
    paragraphs: list[str] = []
    tables: list[ArticleTable] = []
    run: list[Region] = []
    for block in [*blocks, None]:
        if block is not None and block.type != RegionType.TABLE:
            run.append(block)
            continue
        paragraphs += _paragraphs(run, body, language, settings)
        run = []
        if block is not None:
            tables.append(
                ArticleTable(region_id=block.id, after=len(paragraphs), rows=block.cell_grid())
            )
    return paragraphs, tables


def _caption_texts(captions: list[Region]) -> list[str]:
    """One caption per photo: pieces of a caption line on one row are joined."""
    rows: list[list[Region]] = []
    for cap in sorted(captions, key=lambda c: (_box(c).y0, _box(c).x0)):
        if rows and _box(rows[-1][-1]).y_overlap(_box(cap)) > CAPTION_ROWS.level * _box(cap).height:
            rows[-1].append(cap)
        else:
            rows.append([cap])
    texts = []
    for row in rows:
        parts = [
            join_lines([ln.text for ln in c.lines]) for c in sorted(row, key=lambda c: _box(c).x0)
        ]
        texts.append(" ".join(p for p in parts if p))
    return texts


def _column_order(blocks: list[Region], body: float) -> list[Region]:
    """Column by column, top to bottom. The tallest blocks found the columns;
    every other block goes down the column whose founding block it shares
    most of its width with (a column of its own where it shares too little
    with any), so that short blocks over two columns do not join them into
    one (NZZ 1943, not in the shared set: a map's place names, read into the
    lead story, chained its two columns, and column 2's top was read before
    column 1). A block under a quarter as wide as the widest (a price set at
    the end of a line, a stray word) makes no column of its own: it goes
    down the column it stands in or nearest to."""
    if not blocks:
        return []
    widest = max(_box(b).width for b in blocks)
    narrow = [b for b in blocks if _box(b).width < BLOCK_COLUMNS.narrow_block * widest]
    columns: list[list[Region]] = []
    wide = [b for b in blocks if _box(b).width >= BLOCK_COLUMNS.narrow_block * widest]
    for block in sorted(wide, key=lambda b: (-_box(b).height, _box(b).x0, _box(b).y0)):
        me = _box(block)
        # Of two columns it shares as much with (a lead set across both),
        # the left one: it is read before both.
        best = max(
            columns,
            key=lambda col: (_box(col[0]).x_overlap_ratio(me), -_box(col[0]).x0),
            default=None,
        )
        if best is None or _box(best[0]).x_overlap_ratio(me) < NEIGHBOURS.same_column:
            columns.append([block])
        else:
            best.append(block)
    for block in narrow:
        _nearest_column(columns, block).append(block)
    columns.sort(key=lambda col: _box(col[0]).x0)
    return [b for col in columns for b in sorted(col, key=lambda b: _box(b).y0)]


def _nearest_column(columns: list[list[Region]], block: Region) -> list[Region]:
    me = _box(block)

    def distance(col: list[Region]) -> float:
        x0, x1 = min(_box(b).x0 for b in col), max(_box(b).x1 for b in col)
        return max(0.0, x0 - me.cx, me.cx - x1)

    return min(columns, key=distance)


def _paragraphs(blocks: list[Region], body: float, language: str, settings: Settings) -> list[str]:
    paragraphs: list[list[str]] = []
    ended = True
    for block in blocks:
        lines = [ln for ln in block.lines if ln.text.strip()]
        if not lines:
            continue
        left, right = _edges(block)
        for i, line in enumerate(lines):
            x0, _, x1, _ = line.work_bbox or line.bbox
            char = _char_width(line, language, body)
            indented = x0 - left >= settings.articles.indent_chars * char
            if ended or indented or not paragraphs:
                paragraphs.append([line.text])
            else:
                paragraphs[-1].append(line.text)
            nxt = lines[i + 1].text if i + 1 < len(lines) else None
            ended = _ends_paragraph(x1, right, char, language, nxt)
    return [p for p in (join_lines(lines) for lines in paragraphs) if p]


def _edges(block: Region) -> tuple[float, float]:
    x0s = [ln.work_bbox[0] if ln.work_bbox else ln.bbox[0] for ln in block.lines]
    x1s = [ln.work_bbox[2] if ln.work_bbox else ln.bbox[2] for ln in block.lines]
    return (
        float(np.percentile(x0s, PARAGRAPHS.left_edge_percentile)),
        float(np.percentile(x1s, PARAGRAPHS.right_edge_percentile)),
    )


def _char_width(line: TextLine, language: str, body: float) -> float:
    if language.startswith("zh"):
        return body
    x0, _, x1, _ = line.work_bbox or line.bbox
    return max(PARAGRAPHS.min_char_width * body, (x1 - x0) / max(1, len(line.text)))


def _ends_paragraph(x1: float, right: float, char: float, language: str, nxt: str | None) -> bool:
    """A line ends its paragraph when the next word would have fitted after it."""
    room = right - x1
    if language.startswith("zh"):
        return room > PARAGRAPHS.zh_end_room * char
    word = (nxt or "").split(" ", 1)[0].rstrip("-")
    # At a column's foot the next line is unknown: only a clearly short line ends.
    need = (len(word) + 1) * char if word else PARAGRAPHS.foot_end_room * char
    return room > need
