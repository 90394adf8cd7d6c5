"""A grid of characters on a page of vertical lines, read down its columns
where its words say so.

Adverts and lists on pages set in vertical lines print short vertical lines
side by side with their characters level across: "買賣歷代 / 金石書畫 /
銅瓷古玩 / 翡翠玉器 / 貨高價廉 / 歡迎參觀" (ECPO 1940, an antiques dealer),
"東京火災保險會社" beside five more insurers (ECPO 1919). The detector joins
characters along the smaller gap, and where the gap across is the smaller it
boxes such a grid as rows across ("高翠瓷石", "保保保保保"): read so, the
words come out one character from each. Geometry cannot tell the two
apart; the words can, as for a line set right to left (``articles.rtl``).
The grid's characters are read as rows (either way) and as columns (right to
left, each top to bottom) and scored by how common their character pairs and
triples are as Chinese words (``core.words``); where the columns score
clearly higher, in all and for each run of characters scored, each column
is cut from the page and read down, as the page's vertical lines are, and
the columns replace the rows (a column's reading is checked against the
characters the rows gave it). Where the columns score higher in all but
not for each run, a misread row may hide their words: they are read again
from the page and judged on that reading. A grid's rows may lie in more
than one region, one over another, where layout split them. The region's
lines are then in the order of a block set down.

A character's place in its row is taken from the row's box and its number
of characters (the grid's type is of one size and evenly set). Boxes are in
working-image pixels.
"""

from __future__ import annotations

import logging
import operator
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from newsprint.core.page import (
    NewspaperPage,
    Region,
    RegionType,
    TextDirection,
    TextLine,
    WorkBox,
)
from newsprint.core.script import IDEOGRAPH
from newsprint.core.words import word_score
from newsprint.layout.binarize import ink_mask, to_grey
from newsprint.layout.boxes import Box, true_runs, union_all
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.stacked import CORE_SHARE
from newsprint.ocr.traditional import to_traditional_forms
from rapidfuzz.distance import LCSseq

log = logging.getLogger(__name__)


DOWN_SHARE = 0.3
"""Share of the lines with a direction that run down on a page that sets
lines down (ECPO's folds: 0.48-0.97 a page). Pages set across have a few
short lines down, a date or a figure column: 0.004-0.03 on 信報 and 頭條日報,
none on the generated sample pages."""

MIN_ROWS = 2
"""Rows across, one over the next, that make a grid."""

MAX_CHARS = 8
"""Characters: a row of more is a line across, not a row of a grid (the
grids of ECPO 1919 and 1940 have 2 to 6 columns)."""

ROW_GAP = 0.2
"""Row heights: the most white between one row of a grid and the next
(the detector's boxes of a grid's rows overlap, on ECPO 1919 and 1940;
1919's two grids one over the other, of a wine advert, stand 0.35 of a
row apart)."""

TYPE_SPREAD = 1.25
"""A row this many times as tall as the row over it, or as short, and with
its characters as much further apart or closer, is of another size of type:
a heading over the grid ("古玩 / 商場" over ECPO 1940's dealer's grid: rows
1.36 times as tall, characters 1.5 times as far apart), not a row of it.
Either alone is no sign: a row's box may take in an ornament beside it
(1.31 times as tall, the same pitch), and a row may have lost a character
(the same height, 1.41 times the pitch)."""

PITCH_SPREAD = 0.2
"""A row whose characters stand this share further apart or closer than the
grid's median pitch placed its characters unevenly (one lost: "金銅貨" over
four columns): it is read again with the grid, but takes no part in placing
its columns or in the judgement."""

MARGIN = 5.0
"""The columns must score at least this much higher than the rows, each row
read the better way (a sum of Zipf values: about one common word more; 中國
scores 6.4, 古玩 2.9 and 商場 4.3)..."""

SLOT_MARGIN = 0.5
"""...and this much more for each run of characters scored (``_per_slot``).
Both hold for the seven grids of ECPO 1919 and 1940 (columns 5.9-27.9 more,
0.58-3.03 a run); rows of random names or prices set across a page set
down, as a grid, pass both in 0.2-2.5% of cases (9-19% by the sum alone,
at 2), as their rows give them. Those that pass the sum alone are read
again from the page and judged on that reading; read again, rows read
rightly give the same characters, so the share is as measured (not
measured again since)."""

INK_BAND = (0.7, 1.3)
"""× the grid's pitch: a band of the ink's vertical profile this wide is a
column of the grid's type (ECPO 1940's dealer: 0.92-1.0; half-width columns
of smaller type beside, about 0.5, are not)."""

WHITE_SHARE = 0.05
"""A column of the profile with less than this share of its densest
column's ink is white between two columns of a grid (ECPO 1940's dealer:
0-4 of 98)."""

SNAP = 0.25
"""× the pitch: a column's centre moves onto a band of ink this near it."""


_READ = frozenset(
    {
        RegionType.TEXT,
        RegionType.HEADLINE,
        RegionType.CAPTION,
        RegionType.ADVERTISEMENT,
    }
)


Cut = Callable[[WorkBox], np.ndarray]
"""A working-image box to its crop for the recogniser."""


@dataclass(frozen=True)
class _Column:
    centre: float
    chars: list[tuple[float, str]]
    """(y, text), top to bottom: the characters of the grid's evenly set rows
    that stand in the column (at their centres) and are not beside a line
    set down in it, and the text of each such line that is Chinese (at its
    top)."""
    lines: list[TextLine]
    """The lines set down that stand in the column."""

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.chars)


def grids_read_down(
    page: NewspaperPage,
    regions: list[Region],
    engine: OcrEngine,
    cutter: Callable[[NewspaperPage], Cut],
) -> list[Region]:
    """``regions`` with each grid of characters read down its columns where
    the columns make clearly more words than the rows (see the module's
    docstring); only on a page that sets lines down (``sets_lines_down``).
    ``cutter`` gives the page's cut: a working-image box to its crop for the
    recogniser, turned level where the box is tall (``ocr.stage.line_cutter``).

    A grid's rows may lie in regions stacked one over the other (layout
    took a taller row of ECPO 1919's insurers' grid, "火災" across six
    columns, for a headline between two blocks of rows). Read as one grid,
    its columns must also score ``MARGIN`` more than the regions' rows read
    apart, each region's as a grid of its own where it is one (two grids one
    over the other, or a grid over a price list, stay apart); then they go
    to the region holding most of the rows, whose box grows to hold them,
    and the others lose those rows (one left with no lines is dropped by
    the OCR stage; one left with some shrinks to them). Where they are no
    grid together, each region's rows are tried alone. A region whose lines
    are all set down after it is ``vertical-rl``."""
    if not sets_lines_down(np.asarray(page.detected_lines, dtype=float).reshape(-1, 4)):
        return regions
    cut = _lazy(cutter, page)
    lines = {r.id: list(r.lines) for r in regions if r.type in _READ and r.lines}
    owner = {id(ln): rid for rid, lns in lines.items() for ln in lns}
    down = {r.id: [ln for ln in r.lines if _tall(ln.work_bbox)] for r in regions}
    grew: set[str] = set()
    shrank: set[str] = set()

    def read_down(rows: list[TextLine]) -> bool:
        held = {owner[id(r)] for r in rows}
        if any(all(ln is not r for ln in lines[owner[id(r)]]) for r in rows):
            return False  # taken in by a grid read before
        mine = [ln for rid in held for ln in lines[rid]]
        standing = [ln for ln in mine if _tall(ln.work_bbox)]
        others = [ln for rid, lns in down.items() if rid not in held for ln in lns]
        columns = _grid_columns(rows, standing, others)
        if columns is None:
            return False
        texts = [c.text for c in columns]
        more, denser = _judged(rows, texts)
        read = _read_again(page, rows, columns, mine, engine, cut) if more else None
        if read is None:
            return False
        replaced, new = read
        apart = _read_apart(rows, [[r for r in rows if owner[id(r)] == rid] for rid in held])
        # Where the rows' misreads hide the columns' words ("火英" for 火災
        # down five of ECPO 1919's insurers), the columns as read again judge.
        if not (denser and _together(texts, apart)):
            again = [ln.text for ln in new]
            if not (all(_judged(rows, again)) and _together(again, apart)):
                return False
        gone = {id(ln) for ln in replaced}
        # The columns go to the region holding most of the rows (the grid's
        # top row's where as many).
        top = owner[id(rows[0])]
        count = {rid: sum(owner[id(r)] == rid for r in rows) for rid in held}
        into = max(sorted(held), key=lambda rid: (count[rid], rid == top))
        at = next(i for i, ln in enumerate(lines[into]) if id(ln) in gone)
        before = [ln for ln in lines[into][:at] if id(ln) not in gone]
        after = [ln for ln in lines[into][at:] if id(ln) not in gone]
        lines[into] = before + new + after
        for rid in held - {into}:
            lines[rid] = [ln for ln in lines[rid] if id(ln) not in gone]
            grew.add(into)
            shrank.add(rid)
        log.debug("%s: a grid read down: %s", into, " / ".join(ln.text for ln in new))
        return True

    for rows in _stacked_rows([ln for lns in lines.values() for ln in lns]):
        held = sorted({owner[id(r)] for r in rows})
        if read_down(rows) or len(held) == 1:
            continue
        # No grid together: each region's rows may be one alone.
        for rid in held:
            for part in _stacked_rows([r for r in rows if owner[id(r)] == rid]):
                read_down(part)
    return [
        _with_lines(page, r, lines[r.id], r.id in grew, r.id in shrank) if r.id in lines else r
        for r in regions
    ]


def _read_apart(rows: list[TextLine], parts: list[list[TextLine]]) -> float | None:
    """The word score of a grid's rows read region by region (``parts``):
    each region's run of rows read down where it is a grid of its own and
    its columns read better, else each row read across the better way;
    None for a grid in one region."""
    if len(parts) < 2:
        return None
    score = 0.0
    for part in parts:
        runs = _stacked_rows(part)
        for run in runs:
            columns = _grid_columns(run)
            texts = None if columns is None else [c.text for c in columns]
            if texts is not None and all(_judged(run, texts)):
                score += sum(word_score(t) for t in texts)
            else:
                score += sum(_across(t) for t in _texts(run))
        in_runs = {id(r) for run in runs for r in run}
        score += sum(_across(_text(r)) for r in part if id(r) not in in_runs)
    return score


def _together(texts: list[str], apart: float | None) -> bool:
    """Whether a grid's columns, ``texts``, score ``MARGIN`` more than its
    rows read region by region (``_read_apart``); True for one region."""
    return apart is None or sum(word_score(t) for t in texts) >= apart + MARGIN


def _across(text: str) -> float:
    """A row's word score, read the better way (left to right or right to left)."""
    return max(word_score(text), word_score(text[::-1]))


def _with_lines(
    page: NewspaperPage, region: Region, lines: list[TextLine], grew: bool, shrank: bool
) -> Region:
    """``region`` with ``lines`` where they changed. The columns stand where
    the grid's first line stood among the region's lines, which keep their
    order. A region that took in another's rows grows to hold its lines; one
    that lost rows to another shrinks to the lines it keeps (working pixels,
    mapped to the scan as layout maps a region's box; a region that did
    both grows)."""
    if len(lines) == len(region.lines) and all(map(operator.is_, lines, region.lines)):
        return region
    update: dict = {"lines": lines}
    if lines and all(_tall(ln.work_bbox) for ln in lines):
        update["direction"] = TextDirection.VERTICAL_RL
    boxes = [ln.work_bbox for ln in lines if ln.work_bbox is not None]
    if grew and region.work_bbox is not None:
        boxes.append(region.work_bbox)
    if (grew or shrank) and boxes:
        work = union_all([Box(*b) for b in boxes]).as_tuple()
        bbox, polygon = page.geometry.box_to_scan(work, (page.width, page.height))
        update.update({"work_bbox": work, "bbox": bbox, "polygon": polygon})
    return region.model_copy(update=update)


def sets_lines_down(boxes: np.ndarray) -> bool:
    """Whether ``DOWN_SHARE`` of the detected lines (N x 4) that have a
    direction (one side twice the other at least) run down the page. The
    grids themselves are boxed as lines across: ECPO 1919's right page, a
    vertical newspaper's, has 78 lines down and 83 across."""
    heights, widths = boxes[:, 3] - boxes[:, 1], boxes[:, 2] - boxes[:, 0]
    down = int((heights >= 2 * widths).sum())
    across = int((widths >= 2 * heights).sum())
    return down > 0 and down >= DOWN_SHARE * (down + across)


def _lazy(cutter: Callable[[NewspaperPage], Cut], page: NewspaperPage) -> Cut:
    """The page's cut, made the first time a grid is read again."""
    made: list[Cut] = []

    def cut(box: WorkBox) -> np.ndarray:
        if not made:
            made.append(cutter(page))
        return made[0](box)

    return cut


def _stacked_rows(lines: list[TextLine]) -> list[list[TextLine]]:
    """Runs of rows across (wider than tall, 2 to ``MAX_CHARS`` Chinese
    characters), top to bottom, each under the one before (``ROW_GAP``), over
    the same width (half the narrower at least) and of its size of type
    (``TYPE_SPREAD``)."""
    rows = sorted(
        (ln for ln in lines if ln.work_bbox and not _tall(ln.work_bbox) and _grid_row(ln.text)),
        key=lambda ln: ln.work_bbox[1],
    )
    runs: list[list[TextLine]] = []
    for row in rows:
        # A row continues the nearest run it lies under: another block's rows may
        # come between in the order top to bottom (ECPO 1919's "送禮美品",
        # beside its grid).
        above = [run for run in runs if _under(run[-1], row)]
        if above:
            max(above, key=lambda run: run[-1].work_bbox[3]).append(row)
        else:
            runs.append([row])
    return [run for run in runs if len(run) >= MIN_ROWS]


def _grid_row(text: str) -> bool:
    """Whether ``text`` is 2 to ``MAX_CHARS`` Chinese characters (ideographs:
    no punctuation, no full-width letters or figures), spaces not counted."""
    text = "".join(text.split())
    return 2 <= len(text) <= MAX_CHARS and all(IDEOGRAPH.match(ch) for ch in text)


def _under(upper: TextLine, lower: TextLine) -> bool:
    a, b = upper.work_bbox, lower.work_bbox
    overlap = min(a[2], b[2]) - max(a[0], b[0])
    narrower = min(a[2] - a[0], b[2] - b[0])
    step = (b[1] + b[3]) / 2 - (a[1] + a[3]) / 2
    return (
        b[1] - a[3] <= ROW_GAP * (a[3] - a[1])
        and step >= 0.5 * min(a[3] - a[1], b[3] - b[1])
        and overlap >= 0.5 * narrower
        and not (_apart(a[3] - a[1], b[3] - b[1]) and _apart(_pitch(upper), _pitch(lower)))
    )


def _apart(a: float, b: float) -> bool:
    return max(a, b) > TYPE_SPREAD * min(a, b)


def _pitch(line: TextLine) -> float:
    x0, _, x1, _ = line.work_bbox
    return (x1 - x0) / len(_text(line))


def _even(rows: list[TextLine]) -> list[TextLine]:
    """The rows whose pitch is within ``PITCH_SPREAD`` of the rows' median."""
    median = float(np.median([_pitch(r) for r in rows]))
    return [r for r in rows if abs(_pitch(r) - median) <= PITCH_SPREAD * median]


def _judged(rows: list[TextLine], texts: list[str]) -> tuple[bool, bool]:
    """Whether the columns' ``texts`` score ``MARGIN`` more than the grid's
    evenly set rows read across (each the better way), and whether they
    score ``SLOT_MARGIN`` more for each run of characters scored."""
    even = _texts(_even(rows))
    across = [_across(t) for t in even]
    down = [word_score(t) for t in texts]
    more = sum(down) >= sum(across) + MARGIN
    denser = _per_slot(down, texts) >= _per_slot(across, even) + SLOT_MARGIN
    return more, denser


def _grid_columns(
    rows: list[TextLine],
    down: list[TextLine] | None = None,
    elsewhere: list[TextLine] | None = None,
) -> list[_Column] | None:
    """The grid's columns, right to left; None where fewer than ``MIN_ROWS``
    rows are evenly set or fewer than two columns stand, or where a line of
    other text stands down a column.
    ``down``: the region's lines set down; one that stands in a column (the
    detector boxed the grid's outer columns as lines down, short of their
    last character, on ECPO 1940) is read as part of it. ``elsewhere``: the
    lines set down of the page's other regions."""
    even = _even(rows)
    if len(even) < MIN_ROWS:
        return None
    pitch = float(np.median([_pitch(r) for r in even]))
    centres, groups = _placed(even)
    top = min(r.work_bbox[1] for r in rows)
    bottom = max(r.work_bbox[3] for r in rows)
    columns, claimed = [], set()
    for centre, g in reversed(list(zip(centres, groups, strict=True))):
        span = (centre - pitch / 2, top, centre + pitch / 2, bottom)
        standing = [
            ln for ln in down or [] if id(ln) not in claimed and _in_column(ln.work_bbox, span)
        ]
        claimed.update(id(ln) for ln in standing)
        # A line down in a column is read with it where it is the column's
        # characters, or a mark of one (an ornament read "C" between two
        # columns of ECPO 1940's restaurant advert); a longer line of other
        # text ("電話：2345") is no part of a grid.
        if any(not _grid_row(ln.text) and len(_text(ln)) > 1 for ln in standing):
            return None
        # A character alone in its column where another region's line set
        # down stands is that line's, reaching into a row ("市" and "行" of
        # the address beside ECPO 1919's wine advert's grid); else the
        # column's other characters fell between the rows (1919's sixth
        # insurer, 千代田, set lower than the other five).
        alone = len(g) < MIN_ROWS and not standing
        if alone and any(_passes(ln.work_bbox, span) for ln in elsewhere or []):
            continue
        chars = [(c[1], c[2]) for c in sorted(g, key=lambda c: (c[1], c[0]))]
        chars = [(y, ch) for y, ch in chars if not any(_within(y, ln) for ln in standing)]
        chars += [(ln.work_bbox[1], _text(ln)) for ln in standing if _grid_row(ln.text)]
        columns.append(_Column(centre, sorted(chars, key=lambda c: c[0]), standing))
    return columns if len(columns) >= 2 else None


def _placed(rows: list[TextLine]) -> tuple[list[float], list[list[tuple[float, float, str]]]]:
    """The grid's column centres (x, working pixels), left to right, and the
    characters (x, y, text) of ``rows`` that stand in each. A character's x
    is taken from its row's box and number of characters. There are as many
    columns as the longest row has characters; each character goes to a
    column, those of a row in order, nearest the median place of that
    column's character in the longest rows (a row may lack a column's
    character, or its box reach past a column of smaller type: ECPO 1919's
    insurers). A column's centre is then the mean of its characters' x.
    A row read with a character too many makes a column too many (a
    column of one character, kept as read)."""
    placed = [
        [
            (r.work_bbox[0] + (i + 0.5) * _pitch(r), (r.work_bbox[1] + r.work_bbox[3]) / 2, ch)
            for i, ch in enumerate(_text(r))
        ]
        for r in rows
    ]
    width = max(len(row) for row in placed)
    full = [row for row in placed if len(row) == width]
    centres = [float(np.median([row[k][0] for row in full])) for k in range(width)]
    groups: list[list[tuple[float, float, str]]] = [[] for _ in centres]
    for row in placed:
        for k, cell in zip(_nearest_in_order(row, centres), row, strict=True):
            groups[k].append(cell)
    return [float(np.mean([cell[0] for cell in g])) for g in groups], groups


def _nearest_in_order(row: list[tuple[float, float, str]], centres: list[float]) -> tuple[int, ...]:
    """The columns, one for each of the row's characters and in their order,
    that lie nearest them in all (``len(row) <= len(centres) <= MAX_CHARS``:
    at most 70 choices)."""
    return min(
        combinations(range(len(centres)), len(row)),
        key=lambda ks: sum(abs(cell[0] - centres[k]) for cell, k in zip(row, ks, strict=True)),
    )


def _per_slot(scores: list[float], texts: list[str]) -> float:
    """Score per run of characters scored (pairs and triples): a grid of more
    rows than columns has more runs down than across, each a chance of a
    word."""
    runs = sum(max(0, len(t) - 1) + max(0, len(t) - 2) for t in texts)
    return sum(scores) / max(1, runs)


def _text(line: TextLine) -> str:
    return "".join(line.text.split())


def _within(y: float, line: TextLine) -> bool:
    """Whether a row's character at height ``y`` is one the line set down
    holds (read twice)."""
    return line.work_bbox[1] <= y <= line.work_bbox[3]


def _texts(rows: list[TextLine]) -> list[str]:
    return [_text(r) for r in rows]


def _read_again(
    page: NewspaperPage,
    rows: list[TextLine],
    columns: list[_Column],
    lines: list[TextLine],
    engine: OcrEngine,
    cut: Cut,
) -> tuple[list[TextLine], list[TextLine]] | None:
    """The lines the grid's columns replace and the columns, right to left,
    each read again from the page; None where the grid is better left as
    its rows.

    Replaced: the grid's rows, the lines set down that stand in a column,
    and the pieces of rows (2 to ``MAX_CHARS`` Chinese characters) that lie
    within the grid's box (a row the detector cut in two); any other line
    over the grid for half its box (a caption set across under short
    columns) leaves the grid as it was. A column's reading is taken where
    it agrees with the characters the rows and lines gave it (``_agrees``);
    else the column keeps those (the recogniser loses a character of a
    short column now and then: "名點" read "名"), but only where every
    character replaced was placed in a column: where a row was unevenly
    set, or a piece of one taken in whole, a column read wrongly leaves
    the grid as it was."""
    pitch = float(np.median([_pitch(r) for r in _even(rows)]))
    top = min(r.work_bbox[1] for r in rows)
    bottom = max(r.work_bbox[3] for r in rows)
    left = min(r.work_bbox[0] for r in rows)
    right = max(r.work_bbox[2] for r in rows)
    boxes, replaced = [], list(rows)
    for col in columns:
        centre = _on_ink(page.work_image, col.centre, pitch, (top, bottom))
        x0, x1 = max(left, centre - pitch / 2), min(right, centre + pitch / 2)
        box = union_all([Box(x0, top, x1, bottom), *(Box(*ln.work_bbox) for ln in col.lines)])
        replaced += col.lines
        boxes.append(box.as_tuple())
    grid = (min(b[0] for b in boxes), top, max(b[2] for b in boxes), bottom)
    over = [ln for ln in lines if all(ln is not r for r in replaced) and _in(ln, grid, 0.5)]
    if any(not (_grid_row(ln.text) and _in(ln, grid, 0.9)) for ln in over):
        return None
    replaced += over
    placed = all(any(r is e for e in _even(rows)) for r in rows) and not over
    read = engine.recognize_lines([cut(b) for b in boxes])
    new = []
    for box, col, (text, conf) in zip(boxes, columns, read, strict=True):
        text = "".join(text.split())
        slots = len(rows) + sum(len(_text(ln)) for ln in col.lines)
        if not _agrees(text, col.text, slots):
            if not placed:
                return None
            text, conf = col.text, min(r.confidence for r in rows)
        new.append(_column_line(page, box, text, conf))
    return replaced, new


def _on_ink(image: np.ndarray, centre: float, pitch: float, rows: tuple[float, float]) -> float:
    """A column's centre (x, working pixels) moved onto its ink: the middle
    of the nearest band of the ink's vertical profile over the grid's
    ``rows`` (top, bottom), between white (``WHITE_SHARE``) or a core of
    denser ink (``CORE_SHARE``), that is as wide
    as a column (``INK_BAND`` of the pitch) and lies within ``SNAP`` of a
    pitch of ``centre``; ``centre``
    itself where none does. A character's place from its row's box divided
    evenly is off by a few pixels, and the crop of a column a few pixels
    aside reads its edge characters less surely (ECPO 1940's dealer:
    "貨馬價廉" at its place, "貨高價廉" on its ink). A column of two half-width
    columns of smaller type keeps its place (ECPO 1919's "東京" over
    "海上 / 火災")."""
    x0 = max(0, round(centre - pitch))
    x1 = min(image.shape[1], round(centre + pitch))
    crop = image[max(0, round(rows[0])) : round(rows[1]), x0:x1]
    if crop.size == 0:
        return centre
    profile = (ink_mask(to_grey(crop)) > 0).sum(axis=0)
    peak = profile.max(initial=0)
    if peak == 0:
        return centre
    low, high = INK_BAND
    # Bands between white, and the cores of bands where worn print leaves
    # no white between columns (ECPO 1919's wine advert).
    bands = [*true_runs(profile > WHITE_SHARE * peak), *true_runs(profile >= CORE_SHARE * peak)]
    middles = [x0 + (a + b) / 2 for a, b in bands if low * pitch <= b - a <= high * pitch]
    near = [m for m in middles if abs(m - centre) <= SNAP * pitch]
    return min(near, key=lambda m: abs(m - centre)) if near else centre


def _agrees(read: str, given: str, slots: int) -> bool:
    """Whether a column's reading is one of the characters the rows and
    lines gave it: at least as many, at most one more than ``slots`` (one
    for each of the grid's rows, and the characters of the column's own
    lines set down; a column may be set closer than the rows: ECPO 1919's
    "千代田火災保險會社", nine beside eight rows), and half of them in
    order (a column box that drifted onto its neighbour reads the
    neighbour, as long)."""
    if not len(given) <= len(read) <= slots + 1:
        return False
    common = LCSseq.similarity(to_traditional_forms(read), to_traditional_forms(given))
    return common >= 0.5 * len(given)


def _in(line: TextLine, box: tuple[float, float, float, float], share: float) -> bool:
    """Whether ``share`` of the line's box lies within ``box``."""
    x0, y0, x1, y1 = line.work_bbox
    w = max(0.0, min(x1, box[2]) - max(x0, box[0]))
    h = max(0.0, min(y1, box[3]) - max(y0, box[1]))
    return w * h >= share * max(1.0, (x1 - x0) * (y1 - y0))


def _in_column(line_box, column_box) -> bool:
    """Whether a line set down stands in a grid's column: half its width over
    the column and half its height beside the grid's rows (a line that runs
    on far above or below is a line of its own passing by)."""
    return _beside(line_box, column_box, 0.5)


def _passes(line_box, column_box) -> bool:
    """Whether a line set down passes through a grid's column: half its width
    over the column, some of its height beside the grid's rows."""
    return _beside(line_box, column_box, 0.0)


def _beside(line_box, column_box, height_share: float) -> bool:
    """Half the line's width over the column, and more than none and at least
    ``height_share`` of its height beside the column's rows."""
    overlap = min(line_box[2], column_box[2]) - max(line_box[0], column_box[0])
    down = min(line_box[3], column_box[3]) - max(line_box[1], column_box[1])
    height = line_box[3] - line_box[1]
    return (
        overlap >= 0.5 * (line_box[2] - line_box[0]) and down > 0 and down >= height_share * height
    )


def _tall(box) -> bool:
    return box is not None and box[3] - box[1] > box[2] - box[0]


def _column_line(page: NewspaperPage, box, text: str, confidence: float) -> TextLine:
    x0, y0, x1, y1 = box
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)
    bbox, _ = page.geometry.box_to_scan(box, (page.width, page.height))
    return TextLine(
        text=text.strip(),
        confidence=round(float(confidence), 4),
        bbox=bbox,
        polygon=[
            (round(float(x), 1), round(float(y), 1))
            for x, y in page.geometry.to_scan_points(corners)
        ],
        work_bbox=tuple(round(float(v), 1) for v in box),
    )
