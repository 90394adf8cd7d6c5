"""The dateline of a page: the row at its head, under the nameplate on a
front page, that gives the paper's volume, place and date ("Vol. 29, No. 3 |
RENMARK, BERRI AND WAIKERIE, FRIDAY, JAN. 20, 1922. | PRICE 4d.";
"08/06/2023 星期四 | 農曆癸卯年四月廿一日").

It is the page's, no story's. Layout types its pieces as headlines or text
from their size and place, and read so they headed the stories under them:
on the Murray Pioneer of 1922 (not in the shared set) the date and the
headlines of the two stories under it became one title, and the second
story was read inside the first; on 頭條日報 2023 the date opened the lead
story's title. Only the text tells a date, so this is done once OCR has
read the page (as ``roles.running_head_row`` finds a folio): the row
becomes the page's running head, in ``regions`` and the ALTO, in no
article (as ABBYY FineReader and docling keep a page header out of the
body text).
"""

from __future__ import annotations

import re

from newsprint.articles.params.masthead import DATELINE
from newsprint.core.page import Region, RegionType, TextDirection, TextLine

_ROW_TYPES = (RegionType.TEXT, RegionType.HEADLINE, RegionType.CAPTION, RegionType.BYLINE)

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_MONTH_OR_DAY = re.compile(
    r"\b((?-i:May|MAY)|jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|januar|februar|märz|mai|juni|juli|oktober|dezember"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    r"|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre"
    r"|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu\w*)\b\.?",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(\d{1,2}[/.\-]\d{1,2}[/.\-](1[5-9]|20)\d\d"
    r"|(1[5-9]|20)\d\d[/.\-]\d{1,2}[/.\-]\d{1,2})(?!\d)"
)
_CJK_DATE = re.compile(
    r"年[^年]{0,4}月[^月]{0,4}[日號号]|星期[一二三四五六日天]|禮拜[一二三四五六日天]"
)


def names_a_date(text: str) -> bool:
    """Whether ``text`` gives a date: a year with a month or a weekday
    (English, German, French, Finnish), a date in figures (08/06/2023,
    1922-01-20), or a Chinese date (…年…月…日, 星期四)."""
    if _CJK_DATE.search(text) or _NUMERIC_DATE.search(text):
        return True
    return bool(_YEAR.search(text) and _MONTH_OR_DAY.search(text))


def dateline_rows(regions: list[Region], body: float) -> list[Region]:
    """``regions`` with the page's dateline rows made ``RUNNING_HEAD``. A
    dateline row is the lines level with a line that names a date
    (``names_a_date``), that line starting in the top
    ``DATELINE.top_share`` of the height the page's lines span; every region
    in the row one line of at most ``DATELINE.max_size`` body lines, and the
    row over every block of ``DATELINE.column_lines`` lines or more. Lines
    set down the page (vertical Chinese) are left out; the caller leaves a
    vertical page alone. ``body``: the body line height in working pixels,
    which the lines' ``work_bbox`` are in."""
    lines = [
        (region, line)
        for region in regions
        if region.type in _ROW_TYPES and region.direction != TextDirection.VERTICAL_RL
        for line in region.lines
        if line.work_bbox is not None
    ]
    if not lines:
        return regions
    top = min(ln.work_bbox[1] for _, ln in lines)
    foot = max(ln.work_bbox[3] for _, ln in lines)
    head = top + DATELINE.top_share * (foot - top)
    columns = min(
        (ln.work_bbox[1] for r, ln in lines if len(r.lines) >= DATELINE.column_lines),
        default=foot,
    )
    dated: set[str] = set()
    for _, line in lines:
        if line.work_bbox[1] > head or not names_a_date(line.text):
            continue
        row = [(r, ln) for r, ln in lines if _same_row(ln.work_bbox, line.work_bbox)]
        if all(_dateline_piece(r, ln, body) for r, ln in row) and all(
            ln.work_bbox[3] <= columns for _, ln in row
        ):
            dated |= {r.id for r, _ in row}
    return [
        r.model_copy(update={"type": RegionType.RUNNING_HEAD}) if r.id in dated else r
        for r in regions
    ]


def _dateline_piece(region: Region, line: TextLine, body: float) -> bool:
    box = line.work_bbox
    return (
        len(region.lines) == 1
        and not region.typed_by_archivist
        and box is not None
        and box[3] - box[1] <= DATELINE.max_size * body
    )


def _same_row(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Two lines share half the shorter's height."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1])
