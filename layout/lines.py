"""Lines of type found from the ink alone (run-length smearing, cut at white corridors and
rules), and the column gutters: the layout path without a text detector, and the row joining
and gutter tests the detected-line path shares.

Everything here is in working-image pixels and measured in the page's body
line height (``body``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import cv2
import numpy as np
from newsprint.layout.boxes import Box, true_runs, union_all
from newsprint.layout.params.rules import DASHES
from newsprint.layout.params.separators import (
    CORRIDORS,
    DISPLAY_SPACES,
    GRID,
    GUTTERS,
    LINE_PIECES,
    SAME_ROW,
    TOUCHING_LINES,
)
from newsprint.layout.params.textlines import LINE_CUTS
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.rules import _open_along, runs_beside

log = logging.getLogger(__name__)


def find_lines(
    text_ink: np.ndarray,
    rule_mask: np.ndarray,
    photos: list[Box],
    v_rules: list[Box],
    body: float,
    grid: np.ndarray | None = None,
) -> list[Box]:
    """Lines of type, each cut at gutters and rules and joined across word
    spaces; ``grid`` (an archivist's column count) replaces the page's own."""
    # A photo stands in the way of a corridor: word spaces that happen to line
    # up under a picture are not a gutter running through it.
    obstacles = without_specks(text_ink, body)
    for p in photos:
        obstacles[int(p.y0) : int(p.y1), int(p.x0) : int(p.x1)] = 255
    corridors = gutters(obstacles, body)
    # Pieces are cut at every tall white corridor; join_rows then joins again
    # those that are word spaces rather than gutters.
    cuts = cv2.bitwise_or(rule_mask, corridors)
    pieces = split_touching(line_boxes(text_ink, cuts, body * LINE_PIECES.smear), text_ink, body)
    pieces = cut_at_corridors(pieces, corridors)
    if grid is None:
        grid = grid_gutters(corridors, photos, body)
    return join_rows(pieces, corridors, body, v_rules, grid)


def forced_grid(
    content: tuple[int, int, int, int], count: int, body: float, width: int
) -> np.ndarray:
    """Gutters of ``count`` equal columns over the printed area."""
    grid = np.zeros(width, dtype=bool)
    x0, x1 = content[0], content[2]
    half = GRID.forced_half_width
    for i in range(1, count):
        x = x0 + i * (x1 - x0) / count
        grid[max(0, int(x - half * body)) : int(x + half * body)] = True
    return grid


def line_boxes(text_ink: np.ndarray, cuts: np.ndarray, smear: float) -> list[Box]:
    """Pieces of text lines: ink smeared along the line, cut at rules (and gutters)."""
    kernel = cv2.getStructuringElement(
        cv2.MORPH_RECT, (max(LINE_PIECES.min_smear_px, int(smear)), 1)
    )
    closed = cv2.morphologyEx(text_ink, cv2.MORPH_CLOSE, kernel)
    closed = cv2.bitwise_and(closed, cv2.bitwise_not(cuts))
    _, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    em = smear / LINE_PIECES.smear
    boxes = []
    for x, y, w, h, area in stats[1:]:
        if area < LINE_PIECES.min_area * em * em or h < LINE_PIECES.min_height * em:
            continue
        boxes.append(Box(float(x), float(y), float(x + w), float(y + h)))
    return boxes


def split_touching(pieces: list[Box], ink: np.ndarray, body: float) -> list[Box]:
    """Lines whose descenders and ascenders touch (two body lines, or a
    headline and the line under it), cut at the valley between them."""
    out: list[Box] = []
    stack = list(pieces)
    P = TOUCHING_LINES
    while stack:
        piece = stack.pop()
        if not P.min_height * body <= piece.height <= P.max_height * body or (
            piece.width < P.min_width * body
        ):
            out.append(piece)
            continue
        rows = ink[int(piece.y0) : int(piece.y1), int(piece.x0) : int(piece.x1)].mean(axis=1)
        # Each part must be a line of its own, not a descender.
        lo, hi = int(P.min_part * body), len(rows) - int(P.min_part * body)
        if hi <= lo:
            out.append(piece)
            continue
        cut = lo + int(np.argmin(rows[lo:hi]))
        if rows[cut] < P.max_valley * rows.max():
            y = piece.y0 + cut
            stack += [
                Box(piece.x0, piece.y0, piece.x1, y),
                Box(piece.x0, y + 1, piece.x1, piece.y1),
            ]
        else:
            out.append(piece)
    return out


def cut_at_corridors(pieces: list[Box], corridors: np.ndarray) -> list[Box]:
    """A piece that a corridor crosses for most of its height is two pieces
    (a touching line that the smear carried over a gutter)."""
    out: list[Box] = []
    for piece in pieces:
        x0, y0, x1, y1 = (int(v) for v in piece.as_tuple())
        band = corridors[y0:y1, x0:x1]
        if band.size == 0:
            out.append(piece)
            continue
        open_cols = band.mean(axis=0) < CORRIDORS.cut_level  # fewer than half the rows are corridor
        for start, stop in true_runs(open_cols):
            out.append(Box(float(x0 + start), piece.y0, float(x0 + stop), piece.y1))
    return out


def without_specks(ink: np.ndarray, body: float) -> np.ndarray:
    """Ink less the dots of a dotted rule and other specks, which must not close a gutter."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = (stats[:, 2] <= DASHES.max_dot * body) & (stats[:, 3] <= DASHES.max_dot * body)
    small[0] = True
    return np.where(small[labels], 0, ink).astype(np.uint8)


def join_rows(
    pieces: list[Box],
    corridors: np.ndarray,
    body: float,
    v_rules: list[Box] | None = None,
    grid: np.ndarray | None = None,
    apart: Callable[[Box, Box], bool] | None = None,
) -> list[Box]:
    """Join the pieces of one line across wide word spaces, never across a gutter
    (nor where ``apart(last piece of the row, piece)`` says so)."""
    groups = row_groups(pieces, corridors, body, v_rules, grid, apart)
    return [union_all([pieces[i] for i in group]) for group in groups]


def row_groups(
    pieces: list[Box],
    corridors: np.ndarray,
    body: float,
    v_rules: list[Box] | None = None,
    grid: np.ndarray | None = None,
    apart: Callable[[Box, Box], bool] | None = None,
) -> list[list[int]]:
    """``join_rows`` as the indices of the pieces each joined line is made of."""
    rows: list[Box] = []
    tails: list[Box] = []
    groups: list[list[int]] = []
    open_rows: list[int] = []
    starts = LineStarts(pieces, body, grid)
    # Only beside a display line is a stack of small lines told from flat glyphs.
    display_lines = any(_display_line(p, body) for p in pieces)
    stacked = stacked_lines(pieces) if display_lines else np.zeros(len(pieces), dtype=bool)
    highest: list[Box] = []  # each row's tallest piece
    row_stacked: list[bool] = []  # whether a piece of the row is a stacked line
    D = DISPLAY_SPACES
    for n in sorted(range(len(pieces)), key=lambda k: pieces[k].x0):
        piece = pieces[n]
        reach = row_reach(body, piece.height)
        open_rows = [i for i in open_rows if rows[i].x1 >= piece.x0 - reach]
        best = None
        for i in open_rows:
            row = rows[i]
            fit = _row_fit(row, piece)
            if not fit or row.x1 < piece.x0 - reach:
                continue
            if fit == _FLAT_ONLY:
                if piece.height <= row.height:
                    small_stacked, big = bool(stacked[n]), highest[i]
                else:
                    small_stacked, big = row_stacked[i], piece
                if small_stacked and _display_line(big, body):
                    continue
            # Display type has word spaces wider than a gutter of body type.
            tallest = max(row.height, piece.height)
            display = min(row.height, piece.height) > TYPE_SIZE.display * body or (
                tallest > TYPE_SIZE.display * body and piece.x0 - row.x1 < D.close_gap * tallest
            )
            if _rule_between(row, piece, v_rules or [], body):
                continue
            if apart is not None and apart(tails[i], piece):
                continue
            if not display and _is_gutter(row, piece, corridors, starts, body, tails[i]):
                continue
            if display and _headlines_apart(row, tails[i], piece, starts):
                continue
            if best is None or row.y_overlap(piece) > rows[best].y_overlap(piece):
                best = i
        if best is None:
            rows.append(piece)
            tails.append(piece)
            groups.append([n])
            highest.append(piece)
            row_stacked.append(bool(stacked[n]))
            open_rows.append(len(rows) - 1)
        else:
            rows[best] = rows[best].union(piece)
            highest[best] = max(highest[best], piece, key=_height)
            row_stacked[best] = row_stacked[best] or bool(stacked[n])
            # The tail is the piece the row ends with, not a speck inside it.
            if piece.x1 >= tails[best].x1:
                tails[best] = piece
            groups[best].append(n)
    return _joined_across_wide_spaces(groups, pieces, corridors, starts, body, v_rules, apart)


def _joined_across_wide_spaces(
    groups: list[list[int]],
    pieces: list[Box],
    corridors: np.ndarray,
    starts: LineStarts,
    body: float,
    v_rules: list[Box] | None,
    apart: Callable[[Box, Box], bool] | None,
) -> list[list[int]]:
    """``groups`` (rows of body type) joined across a space wider than
    ``row_reach`` and at most ``SAME_ROW.column_reach`` body lines where the
    lines next above and below run on across it (``Spans.across``), and
    nothing else parts them (a rule, ``apart``, a gutter): a justified
    line's word space inside its column. Rows are looked up by their band
    of the page (a body line tall), so a page of many pieces pays little."""
    boxes = [union_all([pieces[i] for i in g]) for g in groups]
    firsts = [min((pieces[i] for i in g), key=lambda b: b.x0) for g in groups]
    lasts = [max((pieces[i] for i in g), key=lambda b: b.x1) for g in groups]
    spans = Spans(pieces)
    wide = SAME_ROW.column_reach * body
    display = TYPE_SIZE.display * body
    root = list(range(len(groups)))

    def find(k: int) -> int:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    bands: dict[int, list[int]] = {}
    for k in sorted(range(len(groups)), key=lambda k: boxes[k].x0):
        box = boxes[k]
        if box.height > display:
            continue
        band = int(box.cy // max(body, 1.0))
        reach = row_reach(body, box.height)
        best, best_gap = None, wide
        for j in (j for b in (band - 1, band, band + 1) for j in bands.get(b, [])):
            gap = box.x0 - lasts[j].x1
            if not reach < gap <= best_gap or not _same_row(boxes[j], box):
                continue
            if (
                _rule_between(lasts[j], firsts[k], v_rules or [], body)
                or (apart is not None and apart(lasts[j], firsts[k]))
                or _is_gutter(lasts[j], firsts[k], corridors, starts, body)
                or not spans.across(lasts[j], firsts[k])
            ):
                continue
            best, best_gap = j, gap
        if best is not None:
            root[find(k)] = find(best)
        bands.setdefault(band, []).append(k)
    joined: dict[int, list[int]] = {}
    for k, group in enumerate(groups):
        joined.setdefault(find(k), []).extend(group)
    return list(joined.values())


ABOVE, BELOW = 1, -1
"""The sides of a row ``Spans`` looks at."""


class Spans:
    """The pieces' extents, to ask whether the lines next above and below a
    space run on across it (``row_groups``: a wide word space of a justified
    line inside its column; ``segmentation._join_row_pieces``: the white
    over a block's first line is no gutter)."""

    def __init__(self, pieces: list[Box]) -> None:
        self.x0 = np.array([p.x0 for p in pieces], dtype=np.float64)
        self.x1 = np.array([p.x1 for p in pieces], dtype=np.float64)
        self.cy = np.array([p.cy for p in pieces], dtype=np.float64)
        self.height = np.array([p.height for p in pieces], dtype=np.float64)

    def across(self, left: Box, right: Box) -> bool:
        """Whether a line of the same type size next above the space between
        ``left`` and ``right`` (centre within ``SAME_ROW.span_rows`` of their
        height) runs on across it, and one next below does too: a word space
        of a line inside a column, however wide justifying made it (a
        typewritten page: "litary necessity,  but", three characters of
        white), never a gutter or the white between a table's cells, which
        the lines around share."""
        return bool(
            self._near(left, right, ABOVE, across=True).any()
            and self._near(left, right, BELOW, across=True).any()
        )

    def any_near(self, left: Box, right: Box, side: int) -> bool:
        """Whether a line of the same type size stands near ``left`` and
        ``right`` on ``side`` (``ABOVE``, ``BELOW``; centre within
        ``SAME_ROW.span_rows`` of their height), over either piece or the
        space between them."""
        return bool(self._near(left, right, side, across=False).any())

    def next_row_runs_across(self, left: Box, right: Box, side: int) -> bool:
        """Whether the nearest row of same-size lines on ``side`` of ``left``
        and ``right`` (``ABOVE``, ``BELOW``; its lines' centres within half a
        line of the nearest one's) holds a line that runs on across the
        space between them, and none that stands beside the space only (two
        columns' lines, a table's cells)."""
        near = self._near(left, right, side, across=False)
        if not near.any():
            return False
        rise = side * ((left.cy + right.cy) / 2 - self.cy)
        nearest = near & (rise <= rise[near].min() + 0.5 * np.median(self.height[near]))
        across = nearest & self._near(left, right, side, across=True)
        return bool(across.any() and not (nearest & ~across).any())

    def _near(self, left: Box, right: Box, side: int, across: bool) -> np.ndarray:
        height = max(left.height, right.height, 1.0)
        ratio = np.maximum(self.height, 1.0) / height
        sized = (ratio <= SAME_ROW.max_size_ratio) & (ratio >= 1 / SAME_ROW.max_size_ratio)
        if across:
            over = (self.x0 <= left.x1) & (self.x1 >= right.x0)
        else:
            over = (self.x0 < right.x1) & (self.x1 > left.x0)
        rise = side * ((left.cy + right.cy) / 2 - self.cy)
        return over & sized & (rise > 0.5 * height) & (rise <= SAME_ROW.span_rows * height)


def row_reach(body: float, height: float) -> float:
    """Pixels: the widest space between two pieces of one line of type
    ``height`` that ``row_groups`` ever joins (``SAME_ROW.reach`` body lines,
    or ``SAME_ROW.reach_of_height`` of the height): justified narrow columns
    stretch word spaces to two ems and more."""
    return max(SAME_ROW.reach * body, SAME_ROW.reach_of_height * height)


class LineStarts:
    """Where lines start and end. A gutter has a column's left edge on its
    right (shared by the lines above and below, or inside the gap when this
    line is indented) or a justified column's right edge on its left; a word
    space inside a column, even a river of them, has neither."""

    def __init__(self, pieces: list[Box], body: float, grid: np.ndarray | None = None) -> None:
        self.x0 = np.array([p.x0 for p in pieces], dtype=np.float64)
        self.x1 = np.array([p.x1 for p in pieces], dtype=np.float64)
        self.cy = np.array([p.cy for p in pieces], dtype=np.float64)
        self.height = np.array([p.height for p in pieces], dtype=np.float64)
        self.body = body
        self.grid = grid

    def on_grid(self, left: Box, right: Box) -> bool:
        """The space lies where the page's columns have their gutters."""
        if self.grid is None:
            return False
        x0, x1 = int(left.x1), int(right.x0)
        return x1 > x0 and bool(self.grid[max(0, x0) : max(0, x1)].any())

    def column_edge(self, left: Box, right: Box) -> bool:
        near = np.abs(self.cy - right.cy) < GUTTERS.edge_reach * self.body
        tol = GUTTERS.edge_tolerance * self.body
        starts = np.count_nonzero(near & (np.abs(self.x0 - right.x0) < tol))
        ends = np.count_nonzero(near & (np.abs(self.x1 - left.x1) < tol))
        inside = np.count_nonzero(near & (self.x0 > left.x1 + tol) & (self.x0 < right.x0 - tol))
        least = GUTTERS.min_edge_lines
        return starts >= least or ends >= least or inside >= GUTTERS.min_lines_inside

    def wide_lines_end_at(self, x: float, y0: float, y1: float, least: float) -> bool:
        """Whether lines whose centres lie between ``y0`` and ``y1`` end at x
        (within ``GUTTERS.edge_tolerance`` body lines) having started at
        least ``least`` pixels before it, ``GUTTERS.min_edge_lines`` of them:
        a column's right edge, a column wide."""
        rows = (self.cy >= y0) & (self.cy <= y1)
        ends = self._ending_at(rows, x, GUTTERS.edge_tolerance, least)
        return int(np.count_nonzero(ends)) >= GUTTERS.min_edge_lines

    def wide_lines_start_at(self, x: float, y0: float, y1: float, least: float) -> bool:
        """The same for a column's left edge: lines start at x and run on at
        least ``least`` pixels past it."""
        rows = (self.cy >= y0) & (self.cy <= y1)
        starts = self._starting_at(rows, x, GUTTERS.edge_tolerance, least)
        return int(np.count_nonzero(starts)) >= GUTTERS.min_edge_lines

    def edges_as_tall(self, left: Box, right: Box, size: float) -> bool:
        """Whether type ``size`` pixels tall, in ``left`` and ``right``, is of
        the type of the lines that end and start where they do
        (``both_edges``): the columns' own lines,
        taller than the page's body (their ascenders and descenders) by no
        more than ``GUTTERS.own_lines`` of those lines' median height. A
        small headline over two columns is larger than the lines of the
        columns under it, whose edges its word space may meet."""
        ends, starts = self._edges_around(left, right, -np.inf)
        least = GUTTERS.min_edge_lines
        if np.count_nonzero(ends) < least or np.count_nonzero(starts) < least:
            return False
        usual = float(np.median(self.height[ends | starts]))
        return size < GUTTERS.own_lines * usual

    def columns_meet(self, left: Box, right: Box, least: float) -> bool:
        """Whether two columns meet between ``left`` and ``right``: in the
        rows around theirs (``_rows_around``), ``GUTTERS.min_edge_lines``
        lines or more end where ``left`` ends having run ``least`` pixels
        or more, and as many start where ``right`` starts and run on as
        far. A list's numbers or a table's narrow cells, however well
        they line up, are not a column's width."""
        ends, starts = self._edges_around(left, right, least)
        least_lines = GUTTERS.min_edge_lines
        return bool(
            np.count_nonzero(ends) >= least_lines and np.count_nonzero(starts) >= least_lines
        )

    def _edges_around(self, left: Box, right: Box, least: float) -> tuple[np.ndarray, np.ndarray]:
        """In the rows around ``left`` and ``right`` (``_rows_around``), the
        lines ending where ``left`` ends and those starting where ``right``
        starts (within ``GUTTERS.both_edges_tolerance``), each having run
        ``least`` pixels or more."""
        rows = self._rows_around(left, right)
        tol = GUTTERS.both_edges_tolerance
        return (
            self._ending_at(rows, left.x1, tol, least),
            self._starting_at(rows, right.x0, tol, least),
        )

    def _ending_at(self, rows: np.ndarray, x: float, tol: float, least: float) -> np.ndarray:
        """Of ``rows``, the lines ending within ``tol`` body lines of x that
        start ``least`` pixels or more before it."""
        return rows & (np.abs(self.x1 - x) < tol * self.body) & (self.x0 <= x - least)

    def _starting_at(self, rows: np.ndarray, x: float, tol: float, least: float) -> np.ndarray:
        """Of ``rows``, the lines starting within ``tol`` body lines of x that
        run on ``least`` pixels or more past it."""
        return rows & (np.abs(self.x0 - x) < tol * self.body) & (self.x1 >= x + least)

    def _rows_around(self, left: Box, right: Box) -> np.ndarray:
        """The lines within ``GUTTERS.edge_reach`` body lines of the row of
        ``left`` and ``right``, less those of that row itself (the two
        pieces asked about do not vouch for themselves)."""
        cy = (left.cy + right.cy) / 2
        off = np.abs(self.cy - cy)
        return (off < GUTTERS.edge_reach * self.body) & (off > 0.5 * self.body)

    def both_edges(self, left: Box, right: Box) -> bool:
        near = np.abs(self.cy - right.cy) < GUTTERS.edge_reach * self.body
        tol = GUTTERS.both_edges_tolerance * self.body
        starts = np.count_nonzero(near & (np.abs(self.x0 - right.x0) < tol))
        ends = np.count_nonzero(near & (np.abs(self.x1 - left.x1) < tol))
        return starts >= GUTTERS.min_edge_lines and ends >= GUTTERS.min_edge_lines


def _rule_between(left: Box, right: Box, v_rules: list[Box], body: float) -> bool:
    """Whether a vertical rule parts two pieces of a row: its centre lies in
    the space between them, or just inside the end of the one or the start of
    the other (a rule tight against the type, taken into its detected box).
    Between two pieces of body type a rule that ends just short of their row
    parts them too (``LINE_CUTS.rule_reach``, as it cuts a line)."""
    slack = max(SAME_ROW.rule_slack_px, SAME_ROW.rule_inside * body)
    body_type = max(left.height, right.height) <= TYPE_SIZE.display * body
    reach = LINE_CUTS.rule_reach * body if body_type else -1.0
    span = LINE_CUTS.rule_break * body
    return any(
        left.x1 - slack <= r.cx <= right.x0 + slack
        and runs_beside(r, right, SAME_ROW.rule_overlap, v_rules, reach, span)
        for r in v_rules
    )


def _headlines_apart(row: Box, tail: Box, piece: Box, starts: LineStarts) -> bool:
    """Two headlines set side by side over neighbouring stories (``row``, the
    row so far, its last piece ``tail``, then ``piece``): the space between
    them falls on a column gutter and is far wider than a word space of their
    type (a third to a half of its height; "to" is shorter than its line, so
    the taller piece gives the size), or nearer when ``tail`` and ``piece``
    are display type of two sizes, as no one headline's pieces are
    (``DISPLAY_SPACES.size_ratio``), and a column of lines starts or ends
    at the space (a one-column story's headline set tight against a wider
    story's larger one; a headline's word of x-height letters beside its
    capitals has no column edge at its word space)."""
    gap = piece.x0 - row.x1
    P = DISPLAY_SPACES
    if not starts.on_grid(row, piece):
        return False
    if gap >= P.headlines_gap * max(row.height, piece.height):
        return True
    smaller, taller = sorted((tail.height, piece.height))
    return (
        smaller > TYPE_SIZE.display * starts.body
        and taller >= P.size_ratio * smaller
        and gap >= P.sizes_min_gap * smaller
        and starts.column_edge(tail, piece)
    )


def _is_gutter(
    left: Box,
    right: Box,
    corridors: np.ndarray,
    starts: LineStarts,
    body: float,
    tail: Box | None = None,
) -> bool:
    """A tall white corridor beside a column edge, or, for columns too short
    to make a tall corridor, a clear space with column edges on both sides or
    on the page's column grid. ``tail``: the last piece of the row ``left``
    (the type before the space; the row's box may be taller, a speck or a
    rule's fragment joined to it)."""
    gap = right.x0 - left.x1
    # Word spaces of larger type (a small bold headline over a gutter) are
    # wider than body type's: only a full body line of white parts them.
    P = GUTTERS
    size = max((tail or left).height, right.height)
    if (
        size >= TYPE_SIZE.larger * body
        and gap < P.larger_type_min_gap * body
        and not starts.edges_as_tall(left, right, size)
    ):
        return False
    if _gutter_between(left, right, corridors) and starts.column_edge(left, right):
        return True
    if gap < P.min_gap * body:
        # Narrower than any gutter the ink shows, but the lines of two
        # columns stop and start there: a gutter at a small scan's scale
        # (the Port Gibson Reveille of 1921: 10-px type, a hairline rule
        # too faint and broken to be found at the columns' foot, 2 px of
        # white either side), which the detector parted.
        return gap > 0 and starts.columns_meet(left, right, LINE_CUTS.min_column * body)
    return starts.both_edges(left, right) or (
        starts.on_grid(left, right)
        and (gap >= P.grid_min_gap * body or starts.column_edge(left, right))
    )


_APART, _LIKE_SIZE, _FLAT_ONLY = 0, 1, 2
"""What ``_row_fit`` says of two pieces."""


def _row_fit(row: Box, piece: Box) -> int:
    """Whether two pieces stand on one row: ``_LIKE_SIZE`` where they are of
    like size and overlap in height, ``_FLAT_ONLY`` where only the smaller
    stands inside the larger's height, as a flat glyph (一, 二, a dash) sits
    inside its line's, ``_APART`` otherwise."""
    small, big = sorted((row.height, piece.height))
    overlap = row.y_overlap(piece)
    P = SAME_ROW
    if big <= P.max_size_ratio * small and overlap >= P.min_overlap * small:
        return _LIKE_SIZE
    return _FLAT_ONLY if overlap >= P.flat_overlap * small else _APART


def _same_row(row: Box, piece: Box) -> bool:
    return _row_fit(row, piece) != _APART


def _height(box: Box) -> float:
    return box.height


def _display_line(box: Box, body: float) -> bool:
    """Whether a piece is a line of display type: taller than
    ``TYPE_SIZE.display`` body lines and wider than tall by
    ``SAME_ROW.display_aspect`` (a drop initial, about square, is no such
    line: the lines beside it join it as they always did, for
    ``articles.drop_capitals`` to read)."""
    return (
        box.height > TYPE_SIZE.display * body and box.width >= SAME_ROW.display_aspect * box.height
    )


def stacked_lines(pieces: list[Box]) -> np.ndarray:
    """For each piece: whether another of like size (``SAME_ROW.max_size_ratio``)
    stands over or under it, overlapping it across by half the narrower's
    width, no more than ``SAME_ROW.stacked_gap`` of the smaller's height of
    white apart: a line of a stack of lines, which is no flat glyph of a display
    line beside it (``_same_row``). Pieces are looked up by their band of
    the page, so a page of many pieces pays little."""
    out = np.zeros(len(pieces), dtype=bool)
    if not pieces:
        return out
    unit = max(1.0, float(np.median([p.height for p in pieces])))
    bands: dict[int, list[int]] = {}
    for k, p in enumerate(pieces):
        for band in range(int(p.y0 // unit), int(p.y1 // unit) + 1):
            bands.setdefault(band, []).append(k)
    P = SAME_ROW
    for k, p in enumerate(pieces):
        reach = P.stacked_gap * p.height  # at least the smaller's of any pair
        near = range(int((p.y0 - reach) // unit), int((p.y1 + reach) // unit) + 1)
        for j in {j for band in near for j in bands.get(band, [])}:
            q = pieces[j]
            small, big = sorted((p.height, q.height))
            if j == k or big > P.max_size_ratio * small:
                continue
            gap = max(q.y0 - p.y1, p.y0 - q.y1)
            beside = p.x_overlap(q) >= 0.5 * min(p.width, q.width)
            if beside and -P.stacked_overlap * small <= gap <= P.stacked_gap * small:
                out[k] = True
                break
    return out


def _gutter_between(left: Box, right: Box, corridors: np.ndarray) -> bool:
    x0, x1 = int(min(left.x1, right.x0)), int(max(left.x1, right.x0))
    if x1 <= x0:
        return False
    y = int((max(left.y0, right.y0) + min(left.y1, right.y1)) / 2)
    return bool(corridors[y, x0:x1].any())


def grid_gutters(corridors: np.ndarray, photos: list[Box], body: float) -> np.ndarray:
    """The x positions of the page's column gutters: where tall white
    corridors stand for a good part of the page's height. Short columns (under
    a photo, at the foot of a band) keep to the same grid."""
    # Only narrow corridors: the white of a margin is no gutter, nor is a
    # light patch of a picture (photos are blanked out of the text ink).
    wide = _open_along(corridors, (max(GRID.min_margin_px, int(GRID.margin_width * body)), 1))
    narrow = cv2.bitwise_and(corridors, cv2.bitwise_not(wide))
    for photo in photos:
        p = photo.expand(GRID.photo_margin * body)
        narrow[max(0, int(p.y0)) : int(p.y1), max(0, int(p.x0)) : int(p.x1)] = 0
    grid = np.count_nonzero(narrow, axis=0) >= GRID.min_height * body
    # A river of word spaces lines up for a few lines only, and is narrower
    # than the page's real gutters, which all have the same width.
    runs = _runs(grid, join=max(1, int(GRID.join * body)))
    widest = max((x1 - x0 for x0, x1 in runs), default=0)
    keep = np.zeros_like(grid)
    for x0, x1 in runs:
        if x1 - x0 >= GRID.min_width_share * widest:
            keep[x0:x1] = True
    return keep


def _runs(flags: np.ndarray, join: int) -> list[tuple[int, int]]:
    """The runs of True, those at most ``join`` apart joined into one."""
    runs: list[tuple[int, int]] = []
    for x0, x1 in true_runs(flags):
        if runs and x0 - runs[-1][1] <= join:
            runs[-1] = (runs[-1][0], x1)
        else:
            runs.append((x0, x1))
    return runs


def gutters(text_ink: np.ndarray, em: float) -> np.ndarray:
    """White vertical corridors at least half an em wide and a few lines tall.

    Word spaces never line up for several lines; the space between columns
    does, even under a headline that spans them.
    """
    free = cv2.bitwise_not(text_ink)
    tall = cv2.morphologyEx(
        free,
        cv2.MORPH_OPEN,
        cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(em * CORRIDORS.min_height))),
    )
    wide = cv2.morphologyEx(
        tall,
        cv2.MORPH_OPEN,
        cv2.getStructuringElement(cv2.MORPH_RECT, (max(2, int(em * CORRIDORS.min_width)), 1)),
    )
    return wide
