"""A story in the making and the article its regions make.

A :class:`Draft` holds the headlines and member regions that reading order
gave one story (``articles.assembly``, ``articles.vertical``);
:func:`build_article` makes the :class:`~newsprint.core.page.Article` of it:
its headlines read row by row, its text blocks in column order cut into
paragraphs (``articles.paragraphs``) with its tables where they stand, its
captions one per photo, its byline before or after the text by where it is
set. Boxes are in working-image pixels; ``body`` is the body line height
there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprint.articles.flow import box as _box
from newsprint.articles.paragraphs import paragraphs_of
from newsprint.articles.params.bands import BLOCK_COLUMNS, CAPTION_ROWS
from newsprint.articles.params.neighbours import NEIGHBOURS
from newsprint.articles.params.roles import BYLINE_UNDER
from newsprint.articles.text import join_lines, small_caps_as_capitals
from newsprint.core.page import (
    Article,
    ArticleKind,
    ArticleTable,
    Region,
    RegionType,
    TextDirection,
)
from newsprint.core.settings import Settings
from newsprint.layout.boxes import Box, in_rows, rows_of
from newsprint.layout.direction import untranspose


@dataclass
class Draft:
    """The regions reading order gave one story, before its text is built."""

    headlines: list[Region] = field(default_factory=list)
    members: list[Region] = field(default_factory=list)
    kind: ArticleKind = ArticleKind.ARTICLE
    in_order: bool = False
    """Members already in reading order (``articles.flow``): not sorted again."""
    follows: Draft | None = None
    """The story this one follows down its column (it starts under the dash
    that ends that one): it is read next after it."""
    turned: bool = False
    """Its regions are a vertical page's turned a quarter (``articles.vertical``):
    bands are columns, lines set down are rows."""

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


def build_article(
    draft: Draft, aid: str, language: str, body: float, settings: Settings
) -> Article:
    """The article ``aid`` of ``draft``: an advert's text as paragraphs, the
    nameplate's item (``_nameplate``), or a story with its headline, text
    blocks in column order (``column_order``, unless ``draft.in_order``) cut
    into paragraphs, tables, captions and byline, and ``region_ids`` in
    reading order. ``body``: the body line height in working pixels."""
    if draft.kind == ArticleKind.ADVERTISEMENT:
        return Article(
            id=aid,
            kind=draft.kind,
            paragraphs=paragraphs_of(draft.members, body, language, settings),
            region_ids=[r.id for r in draft.members],
            language=language,
        )
    if draft.kind == ArticleKind.NAMEPLATE:
        return _nameplate(draft, aid, language)
    kinds = (RegionType.TEXT, RegionType.TABLE)
    blocks = [m for m in draft.members if m.type in kinds]
    if not draft.in_order:
        blocks = column_order(blocks, body)
    captions = [m for m in draft.members if m.type == RegionType.CAPTION]
    bylines = [m for m in draft.members if m.type == RegionType.BYLINE]
    photos = [m for m in draft.members if m.type == RegionType.PHOTO]
    heads = headline_order(draft.headlines, draft.turned)
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


def _nameplate(draft: Draft, aid: str, language: str) -> Article:
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


def headline_order(headlines: list[Region], turned: bool = False) -> list[Region]:
    """An article's headlines as read: row by row from the top, side by side
    along a row left to right (``layout.boxes.in_rows``; right to left where
    one is set vertically). Two headlines level with each other are read
    left first though the right one's top stands a few pixels higher.

    ``turned``: the boxes are a vertical page's turned a quarter
    (``articles.vertical``); they are read upright (``_upright_order``)."""
    if turned:
        order = _upright_order([untranspose(_box(h)) for h in headlines])
        return [headlines[i] for i in order]
    rtl = any(h.direction == TextDirection.VERTICAL_RL for h in headlines)
    order = in_rows([_box(h).as_tuple() for h in headlines], right_to_left=rtl)
    return [headlines[i] for i in order]


def _upright_order(boxes: list[Box]) -> list[int]:
    """The order in which a vertical page's headlines are read: rows from the
    top (``layout.boxes.rows_of``); in a row, the headlines standing over one
    another (across half the narrower one's width) read from the top, and
    such stacks right to left by their right edges. 馬祖 and 西北海戰報捷, set
    down side by side over 我擊沉匪艇一艘 set across, read in that order
    (馬祖日報 1957); two decks set across, one over the other beside a tall
    title, read title, upper deck, lower deck, however their left ends lie."""
    order = []
    for row in rows_of([b.as_tuple() for b in boxes]):
        stacks: list[list[int]] = []
        for i in sorted(row, key=lambda j: -boxes[j].x1):
            stack = next((s for s in stacks if any(_stacked(boxes[i], boxes[j]) for j in s)), None)
            if stack is None:
                stacks.append([i])
            else:
                stack.append(i)
        order += [i for stack in stacks for i in sorted(stack, key=lambda j: boxes[j].y0)]
    return order


def _stacked(a: Box, b: Box) -> bool:
    return a.x_overlap(b) >= 0.5 * min(a.width, b.width)


def _leads(byline: Region, blocks: list[Region], draft: Draft) -> bool:
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
        paragraphs += paragraphs_of(run, body, language, settings)
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


def column_order(blocks: list[Region], body: float) -> list[Region]:
    """Column by column, top to bottom (blocks on one row left to right:
    ``_down_the_column``). The tallest blocks found the columns;
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
    return [b for col in columns for b in _down_the_column(col)]


def _down_the_column(blocks: list[Region]) -> list[Region]:
    """A column's blocks top to bottom, and those level on one row left to
    right: pieces of one line of type, each as tall as every other block of
    the row within ``BLOCK_COLUMNS.row_height`` and level with it over
    ``BLOCK_COLUMNS.level`` of the shorter's height (with every one: two
    stacked lines that a taller word beside both is level with are two
    rows). By their tops alone, a narrow piece that went down a wider
    one's column came after it: NCSE's TEC 1883 p312 read "ready, crown
    8vo. 40 pages, price Now Twopence.", the three pieces' tops on one
    pixel row."""
    rows: list[list[Region]] = []
    for block in sorted(blocks, key=lambda b: _box(b).y0):
        if rows and all(_on_one_row(_box(other), _box(block)) for other in rows[-1]):
            rows[-1].append(block)
        else:
            rows.append([block])
    return [b for row in rows for b in sorted(row, key=lambda b: _box(b).x0)]


def _on_one_row(a: Box, b: Box) -> bool:
    small, big = sorted((max(a.height, 1.0), max(b.height, 1.0)))
    return a.y_overlap(b) > BLOCK_COLUMNS.level * small and big <= BLOCK_COLUMNS.row_height * small


def _nearest_column(columns: list[list[Region]], block: Region) -> list[Region]:
    me = _box(block)

    def distance(col: list[Region]) -> float:
        x0, x1 = min(_box(b).x0 for b in col), max(_box(b).x1 for b in col)
        return max(0.0, x0 - me.cx, me.cx - x1)

    return min(columns, key=distance)
