"""Roles that only the text tells: captions, bylines, folios.

Layout proposes types from geometry; once OCR has read the regions these
rules split off a caption merged into the body under a photo, a byline line
at the end or head of an article, and mark page numbers as the folio.
"""

from __future__ import annotations

import itertools
import re
from statistics import median

from newsprint.articles.params.roles import (
    BODY_LINES,
    BYLINES,
    CAPITAL_HEADINGS,
    CAPTION_ENDS,
    CAPTIONS,
    SIGNATURES,
    TOP_FOLIO,
)
from newsprint.core.page import Region, RegionType, TextDirection, TextLine
from newsprint.core.script import is_cjk

_BYLINE = re.compile(
    r"^(By\s+(?:[A-Z][\w.'’-]+\s+[A-Z]|[A-Z][A-Z.'’-]+\b)|BY\s+[A-Z]|(本报|本報)?(记者|記者|通讯员|通訊員|特约记者|特約記者)|文[/／]|图[/／]|圖[/／])"
)
# Two to four words, each starting with a capital: a name ("HENRY DAWSON.",
# small capitals read "Henry Dawson.").
_NAME = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*\.?$")
_CAPTION_START = re.compile(r"^[▲△▼◀►▶]|^(Photo|PHOTO|Above|ABOVE|Pictured|PICTURED)\b")
_CAPTION_END = re.compile(r"(摄|攝|\)|Photo\)|photo\))\s*$")
_PHOTO_CREDIT = re.compile(r"(摄|攝)\s*$")
_PAGE_WORD = r"Page\s+\w+|PAGE\s+\w+|第\s*[\d一二三四五六七八九十〇零]+\s*[版页頁]"
_FOLIO = re.compile(rf"^\s*({_PAGE_WORD}|[A-Z]?\d{{1,4}}|[A-Z]\d{{1,2}}\s*\S{{0,4}})\s*$")
_NAMED_FOLIO = re.compile(rf"^\s*({_PAGE_WORD})\s*$")
_SPECKS = ".,·•"
"""What a speck before a folio reads as (NCSE's MRP 1807 p13: ".521")."""


_SENTENCE = re.compile(r"[，。；！？：“”,;!?]|\.\s")


_ROLE_WORDS = re.compile(
    r"本报|本報|特约记者|特約記者|记者|記者|通讯员|通訊員|文[/／]|图[/／]|圖[/／]|\s+"
)


def _names_only(text: str) -> bool:
    """Between the role words of a Chinese credit stand names, two or three
    characters each (the recogniser drops the spaces between them); a run of
    nine characters and more is a sentence (记者昨天在市区几个主要路口)."""
    return all(len(chunk) <= BYLINES.max_name_chars for chunk in _ROLE_WORDS.split(text))


def is_byline(text: str) -> bool:
    """A credit line: a role word and names, not a sentence that starts with 记者
    (nor "By Monday", a sentence's first words: a name has two words or capitals)."""
    text = text.strip()
    return (
        bool(_BYLINE.match(text))
        and len(text) <= BYLINES.max_chars
        and not _SENTENCE.search(text)
        and (not is_cjk(text[:1]) or _names_only(text))
    )


def is_signature(region: Region, line: TextLine) -> bool:
    """A writer's name signing a story: two to four capitalised words, ending
    in a full stop or in capitals, set flush right well in from the block's
    left edge (a paragraph's last line "Chief Henry Dawson." starts at it)."""
    text = _signature_text(line.text)
    if not _NAME.match(text) or not (text.endswith(".") or _in_capitals(text, 4)):
        return False
    margins = _margins(region, line)
    if margins is None or region.work_bbox is None:
        return False
    left, right, letter = margins
    width = region.work_bbox[2] - region.work_bbox[0]
    return left >= SIGNATURES.min_indent * width and right <= SIGNATURES.max_right * letter


_STRAY_START = re.compile(r"^[^\w\s]+\s*")
_STOP_MISREAD = re.compile(r"[:;,]$")


def _signature_text(text: str) -> str:
    """A line's text as a signature is matched: a speck before the name read as
    punctuation (". ROBERT HUGHES.") dropped, and a full stop read as a colon,
    semicolon or comma ("SAMUEL BROOKS:") taken for one; small type on an old
    page reads so (synthetic en-old-1003, two of its five signatures)."""
    return _STOP_MISREAD.sub(".", _STRAY_START.sub("", text.strip()))


def split_signatures(region: Region, new_id: str) -> list[Region]:
    """Cut a text or headline block round the signatures in it (a story's
    last lines, its writer's name, the next story's first lines, in one
    block of one type size down a dense old column; or the name over the
    next story's heading, synthetic en-old-1003's "HENRY DAWSON. / SCHOOL
    BOARD WEIGHS LATER / START TIMES."). Each signature becomes a byline
    region of its own; the rest keep the block's type."""
    if region.type not in (RegionType.TEXT, RegionType.HEADLINE) or not region.lines:
        return [region]
    marks = [is_signature(region, ln) for ln in region.lines]
    if not any(marks):
        return [region]
    if region.type == RegionType.HEADLINE and any(marks[1:]):
        return [region]  # only a name over the heading is cut off
    parts: list[tuple[RegionType, list[TextLine]]] = []
    for line, mark in zip(region.lines, marks, strict=True):
        kind = RegionType.BYLINE if mark else region.type
        if parts and parts[-1][0] == kind and not mark:
            parts[-1][1].append(line)
        else:
            parts.append((kind, [line]))
    return [
        _sub_region(region, kind, lines, region.id if n == 0 else f"{new_id}{n}")
        for n, (kind, lines) in enumerate(parts)
    ]


def is_caption_start(text: str) -> bool:
    return bool(_CAPTION_START.match(text.strip()))


def folio_text(text: str) -> str:
    """A folio's text without the speck the recogniser may read before it
    (NCSE's MRP 1807 p13: ".521"); the rest as read."""
    return text.strip().lstrip(_SPECKS).strip()


def is_folio(text: str) -> bool:
    """Whether ``text`` is a page number alone ("521", "1366", "Page 3", "A12",
    "第3版", "第二版"), of up to four figures, a speck read before it allowed
    (".521")."""
    return bool(_FOLIO.match(folio_text(text)))


def is_named_folio(text: str) -> bool:
    """Whether ``text`` is a page number named as one ("Page 3", "第二版"):
    set apart in display type it is still the folio, where a figure alone
    ("1921") may be a headline's."""
    return bool(_NAMED_FOLIO.match(folio_text(text)))


def with_named_folios(regions: list[Region]) -> list[Region]:
    """``regions`` with each headline whose whole text is a page number named
    as one (``is_named_folio``: "第二版" set in display type over a vertical
    page, "Page 4") typed ``folio``: read as a headline, it headed the story
    under it (ECPO's 1921 folds: "第二版 口吹羅自吹"). A region an archivist
    typed keeps its type. On a vertical page call it once lines read right
    to left are turned (``articles.rtl``): "版二第" is 第二版 read backwards."""
    return [
        region.model_copy(update={"type": RegionType.FOLIO})
        if region.type == RegionType.HEADLINE
        and not region.typed_by_archivist
        and region.lines
        and is_named_folio(region.text)
        else region
        for region in regions
    ]


def split_roles(region: Region, new_id: str) -> list[Region]:
    """Split a text region into caption / body / byline parts by what its lines say."""
    if region.type not in (RegionType.TEXT, RegionType.CAPTION) or not region.lines:
        return [region]
    lines = region.lines
    if region.type == RegionType.TEXT and _credited_caption(lines):
        return [region.model_copy(update={"type": RegionType.CAPTION})]
    head: list[TextLine] = []
    if region.type == RegionType.TEXT and is_caption_start(lines[0].text):
        head = _caption_lines(lines)
    tail: list[TextLine] = []
    rest = lines[len(head) :]
    if rest and is_byline(rest[-1].text) and len(rest) > 1 and not _runs_on(region, rest[-1]):
        tail = [rest[-1]]
        rest = rest[:-1]
    elif rest and len(rest) == 1 and is_byline(rest[0].text):
        return [region.model_copy(update={"type": RegionType.BYLINE})]
    byline_head: list[TextLine] = []
    if rest and len(rest) > 1 and is_byline(rest[0].text) and not _fills_line(region, rest[0]):
        byline_head, rest = [rest[0]], rest[1:]
    parts = [
        (RegionType.CAPTION, head),
        (RegionType.BYLINE, byline_head),
        (region.type, rest),
        (RegionType.BYLINE, tail),
    ]
    out = []
    for n, (kind, part) in enumerate(p for p in parts if p[1]):
        out.append(_sub_region(region, kind, part, region.id if n == 0 else f"{new_id}{n}"))
    return out


def split_headings(region: Region, new_id: str) -> list[Region]:
    """Split the headings set in body-size capitals out of a text block.

    Dense 19th-century pages (and their microfilm) head a story with a line
    or two of capitals the size of the body type, centred in the column, so
    layout sees one block of one type size down the column. A run of up to
    three lines that are nearly all capitals (four letters or more, at most
    twelve words) is a headline when it starts the block and other text
    follows, or when it follows a paragraph's end (a sentence's end, or a
    short line) and one of its lines stands centred, clear of both edges, at
    the foot of the block too: the block is cut round it. A block of
    capitals only (a notice, a list of names) is left whole. Latin script
    only: Chinese has no capitals."""
    if region.type != RegionType.TEXT or region.work_bbox is None or len(region.lines) < 2:
        return [region]
    lines = region.lines
    capitals = [_in_capitals(ln.text) for ln in lines]
    if all(capitals):
        return [region]
    cuts: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not capitals[i]:
            i += 1
            continue
        end = i
        while (
            end + 1 < len(lines) and capitals[end + 1] and end + 1 - i < CAPITAL_HEADINGS.max_lines
        ):
            end += 1
        after_paragraph = i > 0 and (
            _ends_sentence(lines[i - 1].text) or _short_line(region, lines[i - 1])
        )
        # At the head of a block a heading may fill the column; inside one it
        # stands centred, clear of both edges, in one line at least (the
        # second line of "VOLUNTEERS SORT / DONATIONS FOR FOOD BANK." fills
        # the column: synthetic en-old-1003).
        heading = i == 0 or (
            after_paragraph and any(_centred(region, ln) for ln in lines[i : end + 1])
        )
        # Numbered items of a list set in capitals are no heading ("3. CAMELS
        # (SHIPS OF THE DESERT)", "4. HAULING FISH…": TEC 1880's list of plates).
        heading = heading and not any(_LIST_ITEM.match(ln.text) for ln in lines[i : end + 1])
        # At the foot of a block a heading's story goes on at the head of the
        # next column (en-old-1003: "HOUSING COSTS SQUEEZE / YOUNG FAMILIES.").
        if heading and (end + 1 < len(lines) or i > 0):
            cuts.append((i, end + 1))
        i = end + 1
    if not cuts:
        return [region]
    parts: list[tuple[RegionType, list[TextLine]]] = []
    done = 0
    for start, stop in cuts:
        parts += [(RegionType.TEXT, lines[done:start]), (RegionType.HEADLINE, lines[start:stop])]
        done = stop
    parts.append((RegionType.TEXT, lines[done:]))
    out = []
    for n, (kind, part) in enumerate(p for p in parts if p[1]):
        out.append(_sub_region(region, kind, part, region.id if n == 0 else f"{new_id}h{n}"))
    return out


_LIST_ITEM = re.compile(r"^[\W_]*\d{1,3}\s*[.)]\s")
"""A list's item number at a line's head, after any ditto marks: "3. ", ",, 4. ",
"(5) " (a heading's figures are no item number: "1,000 KILLED", "1880.")."""


def _in_capitals(text: str, min_letters: int | None = None) -> bool:
    P = CAPITAL_HEADINGS
    letters = [c for c in text if c.isalpha()]
    if (
        len(letters) < (P.min_letters if min_letters is None else min_letters)
        or len(text.split()) > P.max_words
        or any(is_cjk(c) for c in letters)
    ):
        return False
    return sum(c.isupper() for c in letters) >= P.min_capitals * len(letters)


def _margins(region: Region, line: TextLine) -> tuple[float, float, float] | None:
    """How far a line stands in from its block's left and right edges, and
    its letter width (half its height: ``CAPITAL_HEADINGS.letter_width``), in
    working pixels; None unplaced."""
    if region.work_bbox is None or line.work_bbox is None:
        return None
    letter = CAPITAL_HEADINGS.letter_width * (line.work_bbox[3] - line.work_bbox[1])
    return line.work_bbox[0] - region.work_bbox[0], region.work_bbox[2] - line.work_bbox[2], letter


def _short_line(region: Region, line: TextLine) -> bool:
    """A paragraph's last line: it stops three letters or more short of the block's edge."""
    margins = _margins(region, line)
    return margins is not None and margins[1] >= CAPITAL_HEADINGS.short_line * margins[2]


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", '"', "”", "’", ":", ";"))


def _centred(region: Region, line: TextLine) -> bool:
    """Clear of both edges of its block by at least a letter, and about as far
    from the one as from the other."""
    margins = _margins(region, line)
    if margins is None:
        return False
    P = CAPITAL_HEADINGS
    left, right, letter = margins
    return min(left, right) >= P.min_margin * letter and abs(left - right) <= max(
        P.max_offset * letter, P.max_offset_share * (left + right)
    )


def _fills_line(region: Region, line: TextLine) -> bool:
    """A line running to the block's right edge goes on: it is body text."""
    if region.work_bbox is None or line.work_bbox is None:
        return False
    height = line.work_bbox[3] - line.work_bbox[1]
    return region.work_bbox[2] - line.work_bbox[2] < BODY_LINES.fill_margin * height


def _runs_on(region: Region, line: TextLine) -> bool:
    """A Chinese line at a block's foot that starts with a role word (记者) but
    is body text running on to the next column: set from the block's left
    edge to its right, with one role word only and more characters run
    together after it than two names have ("記者看到山路兩邊停", the last
    line of a column of generated zh-hant-1004, was taken for the story's
    byline). A credit set full measure holds its names apart or names more
    than one role ("記者 俞敏 通訊員 曹陽 蔣志剛", "記者馮雪通訊員楊靜朱建國"
    read without its spaces), and a Latin byline ("By JOHN SMITH") is told
    by its capitals, whatever its width."""
    if region.work_bbox is None or line.work_bbox is None or not is_cjk(line.text.strip()[:1]):
        return False
    roles = [m for m in _ROLE_WORDS.finditer(line.text) if m.group().strip()]
    if len(roles) != 1:  # 記者 … 通訊員 …: a credit, however its names ran together
        return False
    after = line.text[roles[0].end() :].split()
    if not after or len(after[0]) <= BYLINES.max_names_run:
        return False
    height = line.work_bbox[3] - line.work_bbox[1]
    flush_left = line.work_bbox[0] - region.work_bbox[0] < BODY_LINES.fill_margin * height
    return flush_left and _fills_line(region, line)


def join_caption_ends(regions: list[Region]) -> list[Region]:
    """``regions`` with the last line(s) of a caption that layout set apart
    as a text block joined to the caption: a block of one or two lines
    (``CAPTION_ENDS``) straight under a caption, flush with its left edge,
    whose last line ends as a caption does (a photo credit "(Photo by …)",
    "摄"). Body text under a caption starts a story and does not end so."""
    captions = [r for r in regions if r.type == RegionType.CAPTION and r.lines and r.work_bbox]
    joined: dict[str, Region] = {}
    taken: set[str] = set()
    for region in regions:
        if region.type != RegionType.TEXT or not region.lines or region.work_bbox is None:
            continue
        if len(region.lines) > CAPTION_ENDS.max_lines:
            continue
        if not _CAPTION_END.search(region.lines[-1].text):
            continue
        caption = next((c for c in captions if _ends(joined.get(c.id, c), region)), None)
        if caption is None:
            continue
        base = joined.get(caption.id, caption)
        lines = base.lines + region.lines
        joined[caption.id] = _sub_region(base, RegionType.CAPTION, lines, base.id)
        taken.add(region.id)
    return [joined.get(r.id, r) for r in regions if r.id not in taken]


def _ends(caption: Region, block: Region) -> bool:
    """Whether ``block`` lies straight under ``caption``, flush left with it."""
    cap, box = caption.work_bbox, block.work_bbox
    last = caption.lines[-1].work_bbox
    if cap is None or box is None or last is None:
        return False
    height = last[3] - last[1]
    gap = box[1] - cap[3]
    return (
        -height <= gap <= CAPTION_ENDS.max_gap * height
        and abs(box[0] - cap[0]) <= CAPTION_ENDS.align * height
        and box[2] <= cap[2] + CAPTION_ENDS.align * height
    )


def _credited_caption(lines: list[TextLine]) -> bool:
    """Whether a short block (``CAPTIONS.max_lines`` lines at most, two or
    more) ends with a photographer's credit ("本报记者 陈帆 摄"): a photo's
    caption, its ▲ or ■ unread or never set (东莞日报 of 2026, A03: a caption
    beside its photo's foot was read as a story and a byline). A credit
    alone, one line, stays a byline."""
    return 1 < len(lines) <= CAPTIONS.max_lines and bool(_PHOTO_CREDIT.search(lines[-1].text))


def _caption_lines(lines: list[TextLine]) -> list[TextLine]:
    for i, line in enumerate(lines[: CAPTIONS.max_lines]):
        if _CAPTION_END.search(line.text):
            return lines[: i + 1]
    return lines[:1]


def _sub_region(region: Region, kind: RegionType, lines: list[TextLine], rid: str) -> Region:
    ys0 = [ln.work_bbox[1] for ln in lines if ln.work_bbox]
    ys1 = [ln.work_bbox[3] for ln in lines if ln.work_bbox]
    work = region.work_bbox
    if ys0 and work:
        work = (work[0], min(ys0), work[2], max(ys1))
    sx0 = min(ln.bbox[0] for ln in lines)
    sy0 = min(ln.bbox[1] for ln in lines)
    sx1 = max(ln.bbox[2] for ln in lines)
    sy1 = max(ln.bbox[3] for ln in lines)
    return region.model_copy(
        update={
            "id": rid,
            "type": kind,
            "lines": lines,
            "work_bbox": work,
            "bbox": (sx0, sy0, sx1, sy1),
            "polygon": [(sx0, sy0), (sx1, sy0), (sx1, sy1), (sx0, sy1)],
        }
    )


def headings_over_text(regions: list[Region], body: float) -> list[Region]:
    """Blocks of one to three lines in capitals standing right over a text
    block of their column, typed headline.

    Layout parts a heading in body-size capitals from the column when white or
    a short rule sets it off (the dense 19th-century weekly: "FARMERS MARKET
    MOVES / TO RIVERFRONT." over its story), and ``split_headings`` sees it
    alone, a block of capitals only, which it leaves as text. Over a block of
    text in the same column, no wider than it, and close above it (within
    ``CAPITAL_HEADINGS.max_gap`` body lines), it heads that story; a heading's
    first part over its last line (a heading parted in two) heads it too.
    Latin script only (``_in_capitals``). ``body``: the body line height in
    working pixels, the unit of the region boxes compared."""
    placed = [r for r in regions if r.work_bbox is not None]
    out = []
    for region in regions:
        if (
            region.type == RegionType.TEXT
            and region.work_bbox is not None
            and in_capitals_only(region)
            and any(_heads(region, other, body) for other in placed if other is not region)
        ):
            region = region.model_copy(update={"type": RegionType.HEADLINE})
        out.append(region)
    return out


def in_capitals_only(region: Region) -> bool:
    """Whether a block is one to three lines nearly all capitals
    (``CAPITAL_HEADINGS``): a heading in body-size capitals, or a notice."""
    P = CAPITAL_HEADINGS
    return (
        0 < len(region.lines) <= P.max_lines
        and all(_in_capitals(ln.text, P.min_letters_last) for ln in region.lines)
        and _in_capitals(region.lines[0].text)
    )


def is_heading(region: Region) -> bool:
    """Whether a block heads what follows it: a headline, or text in capitals
    only (a heading that ``headings_over_text`` could not tie to the block
    under it, that block being narrower: verse under its title)."""
    return region.type == RegionType.HEADLINE or (
        region.type == RegionType.TEXT and in_capitals_only(region)
    )


def _heads(heading: Region, other: Region, body: float) -> bool:
    """Whether ``other`` (text, or a heading's last part) stands right under
    ``heading`` in its column."""
    if other.type not in (RegionType.TEXT, RegionType.HEADLINE) or other.work_bbox is None:
        return False
    hx0, _, hx1, hy1 = heading.work_bbox or (0, 0, 0, 0)
    ox0, oy0, ox1, _ = other.work_bbox
    overlap = min(hx1, ox1) - max(hx0, ox0)
    gap = oy0 - hy1
    slack = CAPITAL_HEADINGS.edge_slack * body
    return (
        _type_height(heading) >= CAPITAL_HEADINGS.min_size * _type_height(other)
        and -CAPITAL_HEADINGS.max_overlap * body <= gap <= CAPITAL_HEADINGS.max_gap * body
        and overlap >= CAPITAL_HEADINGS.min_overlap * (hx1 - hx0)
        and hx0 >= ox0 - slack
        and hx1 <= ox1 + slack
    )


def _type_height(region: Region) -> float:
    """The median height of a region's lines (working pixels)."""
    heights = sorted(ln.work_bbox[3] - ln.work_bbox[1] for ln in region.lines if ln.work_bbox)
    return heights[len(heights) // 2] if heights else 0.0


_ROW_TYPES = (
    RegionType.TEXT,
    RegionType.HEADLINE,
    RegionType.CAPTION,
    RegionType.BYLINE,
    RegionType.RUNNING_HEAD,
)


def running_head_row(regions: list[Region], body: float) -> list[Region]:
    """The page's top row made its running head when a folio stands at one end
    of it and only single lines (the title, the date) stand level with it.

    Layout takes a line at the top for the running head when white or a rule
    parts it from the columns (``layout.roles``); a magazine's folio and
    title are often set closer than that, and the folio then opens the first
    column's block (NCSE's MRP 1822 p. 14: "598  Moral Duty of Jurymen.", 13
    pixels over two columns of 20-pixel type: the folio began column 1's
    text, the title was read as a paragraph after it). Only the text tells a
    folio, so this is done once OCR has read the page: the folio line is
    split off its block as a ``FOLIO`` region and the one-line regions level
    with it become ``RUNNING_HEAD``, so long as none of them is a headline or
    type larger than a running head's; a title that opens a column's block,
    set apart from it (``_opens_its_block``), is split off as the folio is.
    Lines set down the page (vertical Chinese) are left out; the caller
    leaves a vertical page alone.
    ``body``: the body line height in working pixels, which the lines'
    ``work_bbox`` are in."""
    lines = [
        (region, line)
        for region in regions
        if region.type in _ROW_TYPES and region.direction != TextDirection.VERTICAL_RL
        for line in region.lines
        if line.work_bbox is not None
    ]
    if len(lines) < 2:
        return regions
    top = min(lines, key=lambda item: item[1].work_bbox[1])[1].work_bbox
    row = [(r, ln) for r, ln in lines if same_row(ln.work_bbox, top)]
    left = min(ln.work_bbox[0] for _, ln in lines)
    right = max(ln.work_bbox[2] for _, ln in lines)
    folios = [(r, ln) for r, ln in row if _is_edge_folio(r, ln, left, right, body)]
    others = [(r, ln) for r, ln in row if (r, ln) not in folios]
    if len(folios) != 1 or not others:
        return regions
    if not all(_running_head_line(r, body) or _opens_its_block(r, ln, body) for r, ln in others):
        return regions
    holder, folio = folios[0]
    if holder.type == RegionType.RUNNING_HEAD and all(
        r.type == RegionType.RUNNING_HEAD for r, _ in others
    ):
        return regions  # layout found it already
    split = {id(folio): (RegionType.FOLIO, "f")}
    split.update({id(ln): (RegionType.RUNNING_HEAD, "h") for r, ln in others if len(r.lines) > 1})
    heads = {r.id for r, _ in others if len(r.lines) == 1}
    out: list[Region] = []
    for region in regions:
        if region.id in heads:
            out.append(region.model_copy(update={"type": RegionType.RUNNING_HEAD}))
            continue
        opening = _opening_row(region)
        taken = [ln for ln in opening if id(ln) in split]
        if not taken:
            out.append(region)
            continue
        rest = [ln for ln in region.lines if not any(ln is t for t in taken)]
        suffixes = [split[id(ln)][1] for ln in taken]
        for place, (line, suffix) in enumerate(zip(taken, suffixes, strict=True), start=1):
            # A second title split off the same block is told apart by its place.
            tag = suffix if suffixes.count(suffix) == 1 else f"{suffix}{place}"
            rid = f"{region.id}{tag}" if rest or len(taken) > 1 else region.id
            part = _sub_region(region, split[id(line)][0], [line], rid)
            if len(taken) > 1 and line.work_bbox is not None:
                # Parts of one row side by side: each as wide as its own line.
                part = part.model_copy(update={"work_bbox": line.work_bbox})
            out.append(part)
        if rest:
            out.append(_sub_region(region, region.type, rest, region.id))
    return out


def _opening_row(region: Region) -> list[TextLine]:
    """The block's first line and the lines after it that stand level with it
    (a folio and the title read as two lines of one block's first row)."""
    if not region.lines or region.lines[0].work_bbox is None:
        return []
    first = region.lines[0].work_bbox
    row = []
    for line in region.lines:
        if line.work_bbox is None or not same_row(line.work_bbox, first):
            break
        row.append(line)
    return row


def _opens_its_block(region: Region, line: TextLine, body: float) -> bool:
    """A piece of the running head that layout set at the head of a column's
    block: in the block's first row (``_opening_row``: its first line, or
    beside a folio there), no headline and no number (a title, not
    a year heading a chronicle's column), of a running head's size, at most
    ``TOP_FOLIO.max_title_share`` of the block's width, set in from the
    left edge of the lines under it by a body line or more (centred or set
    over the gutter: a paragraph's last line carried over to the column's
    head starts at its edge), with more white under it than between the
    block's next lines (``TOP_FOLIO.gap_ratio``; that white never taken as
    under ``TOP_FOLIO.min_gap`` body lines): NCSE's MRP 1807 p54, "278" at
    the left column's head and "Obituary." centred over the gutter at the
    right column's; MRP 1831 p32, "32" and "Letters from Germany." the two
    lines of one block's first row. ``body``: the body line height in
    working pixels."""
    opening = _opening_row(region)
    if region.type == RegionType.HEADLINE or not any(line is ln for ln in opening):
        return False
    lines = [ln.work_bbox for ln in region.lines if ln.work_bbox is not None]
    below = [ln.work_bbox for ln in region.lines[len(opening) :] if ln.work_bbox is not None]
    if len(below) < 2 or is_folio(line.text):
        return False
    x0, y0, x1, y1 = line.work_bbox
    left = min(b[0] for b in below)
    width = max(b[2] for b in lines) - min(b[0] for b in lines)
    gaps = [b[1] - a[3] for a, b in itertools.pairwise(below)]
    under = below[0][1] - y1
    return (
        y1 - y0 <= TOP_FOLIO.max_size * body
        and x1 - x0 <= TOP_FOLIO.max_title_share * width
        and abs(x0 - left) >= body
        and under >= TOP_FOLIO.gap_ratio * max(median(gaps), TOP_FOLIO.min_gap * body)
    )


def _running_head_line(region: Region, body: float) -> bool:
    """A region that may stand level with the folio in a running head: one
    line, no headline, of type no larger than ``TOP_FOLIO.max_size`` body
    lines (a story's headline set level with a page number is no title)."""
    if region.type == RegionType.HEADLINE or len(region.lines) != 1:
        return False
    box = region.lines[0].work_bbox
    return box is not None and box[3] - box[1] <= TOP_FOLIO.max_size * body


def same_row(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two lines' boxes (x0, y0, x1, y1) stand on one row: their
    heights overlap by ``TOP_FOLIO.same_row`` of the shorter's."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > TOP_FOLIO.same_row * min(a[3] - a[1], b[3] - b[1])


def _is_edge_folio(region: Region, line: TextLine, left: float, right: float, body: float) -> bool:
    """A folio's text, a few figures wide, at the left or right edge of the
    page's text, in the first row of its region (``_opening_row``)."""
    x0, y0, x1, y1 = line.work_bbox
    return (
        any(line is ln for ln in _opening_row(region))
        and is_folio(line.text)
        and y1 - y0 <= TOP_FOLIO.max_size * body
        and x1 - x0 <= TOP_FOLIO.max_folio_width * body
        and (x0 - left <= TOP_FOLIO.edge * body or right - x1 <= TOP_FOLIO.edge * body)
    )
