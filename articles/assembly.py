"""Reading order and article assembly.

Each body block is tied to what stands above it in its column: a headline
starts an article, a block of the same column continues it, and a block at
the top of a column (under a rule, or at the top of the page) continues the
article of the column on its left in the same band, which is how text flows
from the foot of one column to the head of the next. Photos follow the same
rule, captions follow their photo, bylines the text above (or the headline
above) them (``articles.bands``). Within an article, blocks are read column
by column, top to bottom (``articles.draft``), and lines are cut into
paragraphs by indents and short last lines (``articles.paragraphs``).
"""

from __future__ import annotations

from newsprint.articles.bands import (
    block_over,
    blocks_under_dashes,
    column_head_over,
    column_heads,
    ends_article,
    headline_beside,
    left_neighbour,
    ruled_off,
    starts_article,
)
from newsprint.articles.caption_photos import photo_beside
from newsprint.articles.datelines import dateline_rows
from newsprint.articles.draft import Draft, build_article
from newsprint.articles.drop_capitals import with_drop_capitals
from newsprint.articles.flow import (
    Story,
    column_stories,
    column_width,
    is_column_page,
    own_item,
)
from newsprint.articles.flow import box as _box
from newsprint.articles.jumps import find_jumps
from newsprint.articles.masthead import masthead, tables_in_the_head
from newsprint.articles.params.bands import STORY_ORDER
from newsprint.articles.params.flags import FLAGS
from newsprint.articles.params.text import STORIES
from newsprint.articles.photo_columns import column_on_under_photo
from newsprint.articles.roles import (
    headings_over_text,
    is_folio,
    join_caption_ends,
    running_head_row,
    split_headings,
    split_roles,
    split_signatures,
    with_named_folios,
)
from newsprint.articles.vertical import is_vertical_page, vertical_articles
from newsprint.core.page import (
    STORY_PART_TYPES,
    Article,
    ArticleKind,
    FlagCode,
    NewspaperPage,
    Region,
    RegionType,
)
from newsprint.core.script import detect_language
from newsprint.core.settings import Settings
from newsprint.layout.boxes import Box

_TEXTUAL = (RegionType.TEXT, RegionType.CAPTION, RegionType.HEADLINE, RegionType.BYLINE)
_FLOW = STORY_PART_TYPES


def assemble(page: NewspaperPage, settings: Settings) -> NewspaperPage:
    """Stage: join drop capitals to their lines, refine roles from text, then
    build the articles in reading order."""
    body = page.body_px
    # What an archivist typed keeps its type: the rules reading roles from
    # the text (a folio, a byline, a heading in capitals) pass it by.
    typed = [r for r in page.regions if r.typed_by_archivist]
    found = [r for r in page.regions if not r.typed_by_archivist]
    # A vertical page's lines across are headlines and adverts: no folio row.
    if not is_vertical_page(page.regions):
        found = dateline_rows(running_head_row(found, body), body, typed)
    found = with_drop_capitals(found)
    regions = _with_typed(headings_over_text(_refine_roles(found), body), typed)
    language = page.language or detect_language([r.text for r in regions if r.lines])
    if is_vertical_page(regions):  # vertical Chinese: bands read right to left
        regions, articles = vertical_articles(regions, body, language, settings)
    else:
        regions = with_named_folios(regions)
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
            build_article(draft, f"a{n}", language, body, settings)
            for n, draft in enumerate(drafts, start=1)
        ]
    # Numbered again once the stray marks are out: the ids are the reading
    # order the overlay shows (a page read a8 then a10, the overlay 8 then 9).
    articles = [a for a in articles if _substantial(a)]
    articles = [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(articles, start=1)]
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


def _from_story(story: Story) -> Draft:
    kind = _KINDS.get(story.kind, ArticleKind.ARTICLE)
    return Draft(headlines=story.headlines, members=story.members, kind=kind, in_order=True)


def _items_of_their_own(regions: list[Region]) -> list[Draft]:
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


def _with_typed(regions: list[Region], typed: list[Region]) -> list[Region]:
    """``regions`` with the regions an archivist typed put back among them,
    top to bottom (as ``pipeline.overrides.retype_regions`` leaves a page's
    regions); ``regions`` as they are where there are none."""
    if not typed:
        return regions
    return sorted([*regions, *typed], key=lambda r: (r.bbox[1], r.bbox[0]))


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


def _group(regions: list[Region], body: float) -> list[Draft]:
    flow = sorted((r for r in regions if r.type in _FLOW), key=lambda r: (_box(r).y0, _box(r).x0))
    separators = [_box(r) for r in regions if r.type == RegionType.SEPARATOR]
    rules = [b for b in separators if b.width > b.height]
    width = column_width(regions)
    nameplates = [r for r in regions if r.type == RegionType.NAMEPLATE]
    over = {r.id: block_over(r, flow, body, width, nameplates) for r in flow}
    above = {r.id: None if ruled_off(over[r.id], r, rules) else over[r.id] for r in flow}
    dashed = blocks_under_dashes(flow, over, rules, width, body)
    for rid in dashed:
        above[rid] = None
    below = {up.id: r for r in flow if (up := above[r.id]) is not None}
    heads_under = {r.id: column_heads(r, flow, body) for r in flow if r.type == RegionType.HEADLINE}
    owner: dict[str, Draft] = {}
    drafts: list[Draft] = []

    def resolve(region: Region, visiting: frozenset[str] = frozenset()) -> Draft:
        if region.id in owner:
            return owner[region.id]
        up = above[region.id]
        if up is not None and ends_article(up, above):
            up = None
        if up is not None and up.type == RegionType.HEADLINE and region.type != RegionType.HEADLINE:
            up = column_head_over(region, heads_under[up.id]) or up
        source = up
        if up is not None:
            source = column_on_under_photo(region, up, flow, above, below, body, rules) or up
        if source is None and region.type != RegionType.HEADLINE and region.id not in dashed:
            # A table is not read on from the column on its left.
            left = (
                left_neighbour(region, flow, below, body, rules)
                if region.type != RegionType.TABLE
                else None
            )
            # When a column on the left could flow into the block, a headline
            # beside it takes it only if centred over the block's column too.
            source = headline_beside(region, flow, separators, body, left is not None) or left
            source = source or photo_beside(region, flow, body)
        pairs = heads_under[up.id] if up is not None and up.id in heads_under else []
        if region.type == RegionType.HEADLINE and starts_article(region, up, pairs):
            source = None
        if source is not None and source.id not in visiting:
            draft = resolve(source, visiting | {region.id})
        else:
            draft = Draft()
            drafts.append(draft)
            if region.id in dashed and (up := dashed[region.id]).id not in visiting:
                draft.follows = resolve(up, visiting | {region.id})
        (draft.headlines if region.type == RegionType.HEADLINE else draft.members).append(region)
        owner[region.id] = draft
        return draft

    for region in flow:
        resolve(region)
    return drafts


def _order(drafts: list[Draft], body: float) -> list[Draft]:
    """Articles top to bottom; those starting on the same band left to right."""
    rows: list[list[Draft]] = []
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


def _left_to_right(row: list[Draft]) -> list[Draft]:
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


def _after_what_they_follow(drafts: list[Draft]) -> list[Draft]:
    """The drafts in the given order, but each story that follows another down
    its column (``Draft.follows``) read right after that one."""
    known = {id(d) for d in drafts}
    followers: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.follows is not None and id(d.follows) in known:
            followers.setdefault(id(d.follows), []).append(d)
    out: list[Draft] = []
    placed: set[int] = set()

    def place(draft: Draft) -> None:
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
