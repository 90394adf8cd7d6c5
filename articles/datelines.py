"""The dateline of a page: the row at its head, under the nameplate on a
front page, that gives the paper's volume, place and date ("Vol. 29, No. 3 |
RENMARK, BERRI AND WAIKERIE, FRIDAY, JAN. 20, 1922. | PRICE 4d.";
"08/06/2023 星期四").

It is the page's, no story's. Layout types its pieces as headlines or text
from their size and place, and read so they headed the stories under them:
on the Murray Pioneer of 1922 (not in the shared set) the date and the
headlines of the two stories under it became one title, and the second
story was read inside the first. Only the text tells a date, so this is
done once OCR has read the page (as ``roles.running_head_row`` finds a
folio): the row becomes the page's running head, in ``regions`` and the
ALTO, in no story (with the masthead's item where the page has one, as
``masthead`` takes the running head's pieces over its rule; ABBYY
FineReader and docling likewise keep a page header out of the body text).
"""

from __future__ import annotations

import re

from newsprint.articles.params.masthead import DATELINE
from newsprint.articles.roles import same_row
from newsprint.core.page import Region, RegionType, TextDirection, TextLine
from newsprint.layout.boxes import Box, starts_under

_ROW_TYPES = (RegionType.TEXT, RegionType.HEADLINE, RegionType.CAPTION, RegionType.BYLINE)
_HEAD_TYPES = (RegionType.RUNNING_HEAD, RegionType.FOLIO)

_MONTH = (
    r"(?:(?-i:May|MAY)|jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|januar|jänner|jän|februar|märz|mai|juni|juli|okt|oktober|dez|dezember"
    r"|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre"
    r"|décembre"
    r"|(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)k(?:uu\w*)?)"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_DAY = r"(?<!\d)(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th|d|er|ten)?"
# "Heinäkuun 14 p:nä", "14 p. heinäk.": Finnish puts "päivänä" by the day.
_FINNISH_DAY = r"(?:\s*p(?:\.|:nä))?"
# "JAN. 20, 1922", "Heinäkuun 14 p:nä 1908" (the day and the year a few
# letters apart), "29. April 1940", "20 janvier 1922".
_LATIN_DATE = re.compile(
    rf"\b{_MONTH}\b\.?\s*{_DAY}\b[^\d\n]{{0,6}}{_YEAR}"
    rf"|{_DAY}\.?{_FINNISH_DAY}\s+(?:den\s+)?{_MONTH}\b\.?,?\s*{_YEAR}",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:1[5-9]|20)\d\d)(?![\d/.])"
    r"|(?<![\d/.\-])((?:1[5-9]|20)\d\d)([/.\-])(\d{1,2})\5(\d{1,2})(?![\d/.\-])"
)
_CJK_NUMERAL = r"[\d〇零一二三四五六七八九十百廿卅]"
# A year in figures, a reign's or the Republic's year (元年: the first), or
# a cyclic year; a month in figures or 元月, 正月, 臘月.
_CJK_DATE = re.compile(
    rf"(?:{_CJK_NUMERAL}{{1,4}}|元|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])\s*年"
    rf"\s*(?:{_CJK_NUMERAL}{{1,3}}|[元正臘腊])\s*月\s*{_CJK_NUMERAL}{{1,3}}\s*[日號号]"
)


def names_a_date(text: str) -> bool:
    """Whether ``text`` gives a date: a month with its day and year (English,
    German, French, Finnish: "JAN. 20, 1922", "29. April 1940"), a date in
    figures (08/06/2023, 1922-01-20: a day up to 31, a month up to 12), or
    a Chinese date whose year is figures or a cyclic year (1919年3月6日,
    中華民國八年三月六日, 癸卯年四月廿一日; not 今年3月5日 in a sentence). A
    weekday alone (星期四, Friday) is no date."""
    if _CJK_DATE.search(text) or _LATIN_DATE.search(text):
        return True
    for match in _NUMERIC_DATE.finditer(text):
        first, second = (
            (int(match[1]), int(match[2])) if match[1] else (int(match[6]), int(match[7]))
        )
        # Day and month either way round: 08/06/2023 and 06/08/2023.
        if 1 <= min(first, second) <= 12 and max(first, second) <= 31:
            return True
    return False


def dateline_rows(
    regions: list[Region], body: float, others: list[Region] | None = None
) -> list[Region]:
    """``regions`` with the page's dateline rows made ``RUNNING_HEAD``.

    A dateline row is the lines level with a line that names a date
    (``names_a_date``) and no taller than ``DATELINE.max_size`` body lines
    (a nameplate beside the date is not of its row), the dated line starting
    in the top ``DATELINE.top_share`` of the height the page's lines span.
    The row runs across ``DATELINE.min_span`` of the width the page's lines
    span, or stands level with the nameplate (typed so, or a line
    ``DATELINE.title_size`` body lines tall): a dated kicker over a
    headline does neither. Every region of the row is one line, over every
    block of text of ``DATELINE.column_lines`` lines or more, and none
    heads a block of text of any length (its top within
    ``DATELINE.heads_within`` body lines under the line, across half the
    narrower's width; a dated line under it, as a lunar date under the
    day's, heads nothing): a story's one-line headline that names a date
    stands right over its text. A page whose running head or folio is
    found already in that top share has no dateline to find (a running
    foot does not count). ``others``: regions to measure
    the page by but never retype (those an archivist typed). Lines set down
    the page (vertical Chinese) are left out; the caller leaves a vertical
    page alone. ``body``: the body line height in working pixels, which the
    lines' ``work_bbox`` are in."""
    page = [*regions, *(others or [])]
    lines = _lines_across(page)
    if not lines:
        return regions
    top = min(ln.work_bbox[1] for _, ln in lines)
    foot = max(ln.work_bbox[3] for _, ln in lines)
    head = top + DATELINE.top_share * (foot - top)
    if any(r.type in _HEAD_TYPES and r.work_bbox and r.work_bbox[1] <= head for r in page):
        return regions
    texts = [r for r in page if r.type == RegionType.TEXT and r.work_bbox and r.lines]
    columns = min(
        (r.work_bbox[1] for r in texts if len(r.lines) >= DATELINE.column_lines), default=foot
    )
    left = min(ln.work_bbox[0] for _, ln in lines)
    right = max(ln.work_bbox[2] for _, ln in lines)
    found = {id(r) for r in regions}
    plates = [r for r in page if r.type == RegionType.NAMEPLATE and r.work_bbox]
    # A second dated row under the first (a lunar date under the day's) is
    # no story the first heads.
    dated_rows = {id(r) for r in texts if len(r.lines) == 1 and names_a_date(r.lines[0].text)}
    dated: set[str] = set()
    for _, line in lines:
        box = line.work_bbox
        if box[1] > head or _height(line) > DATELINE.max_size * body:
            continue
        if not names_a_date(line.text):
            continue
        level = [(r, ln) for r, ln in lines if same_row(ln.work_bbox, box)]
        row = [(r, ln) for r, ln in level if _height(ln) <= DATELINE.max_size * body]
        span = max(ln.work_bbox[2] for _, ln in row) - min(ln.work_bbox[0] for _, ln in row)
        # Across the page, or beside the nameplate (typed so or not): no kicker.
        placed = (
            span >= DATELINE.min_span * (right - left)
            or any(_height(ln) >= DATELINE.title_size * body for _, ln in level)
            or any(same_row(p.work_bbox, box) for p in plates)
        )
        members = {id(r) for r, _ in row}
        under = [t for t in texts if id(t) not in members and id(t) not in dated_rows]
        if placed and all(
            id(r) in found
            and len(r.lines) == 1
            and ln.work_bbox[3] <= columns
            and not _heads_a_block(ln.work_bbox, under, body)
            for r, ln in row
        ):
            dated |= {r.id for r, _ in row}
    return [
        r.model_copy(update={"type": RegionType.RUNNING_HEAD}) if r.id in dated else r
        for r in regions
    ]


def _lines_across(regions: list[Region]) -> list[tuple[Region, TextLine]]:
    return [
        (region, line)
        for region in regions
        if region.type in _ROW_TYPES and region.direction != TextDirection.VERTICAL_RL
        for line in region.lines
        if line.work_bbox is not None
    ]


def _height(line: TextLine) -> float:
    box = line.work_bbox or (0.0, 0.0, 0.0, 0.0)
    return box[3] - box[1]


def _heads_a_block(line: tuple[float, ...], blocks: list[Region], body: float) -> bool:
    """Whether a block of text (of any length) starts right under ``line``: its top within
    ``DATELINE.heads_within`` body lines of the line's foot, across half the
    narrower's width."""
    return any(
        starts_under(Box(*line), Box(*block.work_bbox), body, DATELINE.heads_within)
        for block in blocks
    )
