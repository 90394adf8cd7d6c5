"""Ornamental borders: rows and columns of like small squares, stars or
lozenges that frame an advert or stand for a column rule.

A border of printer's ornaments is no rule to the rule search: it is broken
at every piece, and each piece is as thick as a letter. The text detector
takes a run of them for a line of type, and the recogniser reads it as
letters ("I H 2 I 0 a": the Port Gibson Reveille of 3 March 1921, whose
bank advert is framed by 11-pixel squares every 15 pixels on 12-pixel type).
What tells them from type: many pieces of one size, each about as wide as
high, set at one pitch, a gap under half their size apart, on one straight
line. Letters of a word vary in width and height and are seldom square;
letters down a column stand a line's leading apart.

Everything is in the pixels of the mask searched; ``em`` is the body line
height there.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np
from newsprint.layout.boxes import Box, true_runs
from newsprint.layout.params.rules import ORNAMENTS


def find_borders(ink: np.ndarray, em: float) -> list[Box]:
    """Borders of like ornaments on ``ink`` (H x W uint8, nonzero = ink), at its
    full resolution: halved, each ornament is a few pixels of blob, as like
    its neighbour as two heavy figures are. ``em``: the body line height in
    its pixels. Returns one box per border, down the page or across it,
    over its pieces, in the pixels of ``ink``."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return ornament_chains(labels, stats, em)


def ornament_chains(labels: np.ndarray, stats: np.ndarray, em: float) -> list[Box]:
    """Borders of like ornaments among an ink mask's pieces, as
    ``cv2.connectedComponentsWithStats`` gives them (``labels``: H x W;
    ``stats``: rows of x, y, width, height, area, the first the
    background); ``em``: the body line height in pixels."""
    P = ORNAMENTS
    x, y, w, h = (stats[1:, k].astype(float) for k in range(4))
    size = np.maximum(w, h)
    like = (
        (size >= P.min_size * em)
        & (size <= P.max_size * em)
        & (np.abs(w - h) <= P.squareness * size)
    )
    i = np.flatnonzero(like)
    borders = []
    for horizontal, (across, along, breadth, length) in (
        (False, (x, y, w, h)),
        (True, (y, x, h, w)),
    ):
        runs = _runs(across[i], along[i], breadth[i], length[i])
        pieces = [
            part for run in runs for part in _alike_parts(i[run] + 1, labels, stats, em, horizontal)
        ]
        chains = [_chain(p - 1, across, along, breadth, length) for p in pieces]
        for a0, b0, a1, b1 in _borders(chains):
            borders.append(Box(b0, a0, b1, a1) if horizontal else Box(a0, b0, a1, b1))
    return borders


@dataclass
class _Chain:
    """A run of like pieces along one axis, in (across, along) coordinates."""

    across0: float
    along0: float
    across1: float
    along1: float
    pitch: float


def _chain(
    run: np.ndarray, across: np.ndarray, along: np.ndarray, breadth: np.ndarray, length: np.ndarray
) -> _Chain:
    return _Chain(
        float(across[run].min()),
        float(along[run].min()),
        float((across[run] + breadth[run]).max()),
        float((along[run] + length[run]).max()),
        float(np.median(np.diff(along[run]))),
    )


def _runs(
    across: np.ndarray, along: np.ndarray, breadth: np.ndarray, length: np.ndarray
) -> list[np.ndarray]:
    """Runs of pieces on one line along an axis: the same place across it
    (``across``: their starts, ``breadth``: their sizes across), each the
    next along (``along``: their starts, ``length``: their sizes along) a
    short gap after the one before, all of one size and one pitch. Returns
    each run as indices into the inputs, in order along."""
    P = ORNAMENTS
    centre = across + breadth / 2
    found: list[np.ndarray] = []
    # Two binnings half a bin apart, so a line of pieces drifting across a
    # bin boundary (a scan a hair askew) is still one run in one of them.
    for offset in (0.0, P.bin_px / 2):
        bins = np.floor((centre + offset) / P.bin_px)
        order = np.lexsort((along, bins))
        b, a, s, t = bins[order], along[order], breadth[order], length[order]
        gap = a[1:] - (a[:-1] + t[:-1])
        linked = (
            (b[1:] == b[:-1])
            & (gap >= 1)
            & (gap <= P.max_gap * t[:-1])
            & (np.abs(s[1:] - s[:-1]) <= P.size_spread * s[:-1])
            & (np.abs(t[1:] - t[:-1]) <= P.size_spread * t[:-1])
        )
        # A run of links start..stop-1 joins pieces start..stop.
        for start, stop in true_runs(linked):
            found += _even_runs(order[start : stop + 1], along)
    return found


def _alike_parts(
    run: np.ndarray, labels: np.ndarray, stats: np.ndarray, em: float, horizontal: bool
) -> list[np.ndarray]:
    """The parts of ``run`` (labels, in order along) whose pieces are
    copies of one another (each like the next in shape) and stand clear
    of ink beside them across the run (no letters touching on their row).
    A column of figures set solid in a table is of one size and pitch, but
    its figures differ from one another; the last words of justified lines
    have the next word's letters a hairline beside them."""
    P = ORNAMENTS
    clear = max(1, round(P.clear * em))
    keep = np.array([_clear_beside(k, labels, stats, clear, horizontal) for k in run])
    shapes = [_shape(k, labels, stats) for k in run]
    alike = np.array([_overlap(a, b) >= P.alike for a, b in itertools.pairwise(shapes)])
    linked = alike & keep[:-1] & keep[1:]
    return [
        run[start : stop + 1] for start, stop in true_runs(linked) if stop + 1 - start >= P.min_run
    ]


def _shape(label: int, labels: np.ndarray, stats: np.ndarray) -> np.ndarray:
    x, y, w, h = (int(v) for v in stats[label, :4])
    return labels[y : y + h, x : x + w] == label


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two shapes laid one on the other, the best
    of their top-left corners set together or a pixel apart either way (a
    scanned copy of an ornament sits a pixel off its neighbour's grid)."""
    h, w = max(a.shape[0], b.shape[0]) + 2, max(a.shape[1], b.shape[1]) + 2
    pa = np.zeros((h, w), bool)
    pa[1 : a.shape[0] + 1, 1 : a.shape[1] + 1] = a
    best = 0.0
    for dy, dx in itertools.product((0, 1, 2), repeat=2):
        pb = np.zeros((h, w), bool)
        pb[dy : dy + b.shape[0], dx : dx + b.shape[1]] = b
        union = np.count_nonzero(pa | pb)
        if union:
            best = max(best, np.count_nonzero(pa & pb) / union)
    return best


def _clear_beside(
    label: int, labels: np.ndarray, stats: np.ndarray, clear: int, horizontal: bool
) -> bool:
    """Whether no other piece's ink lies within ``clear`` pixels of the
    piece on either side across the run, on its own rows (or columns),
    save a rule running past it (a piece more than three times its length
    along the run)."""
    x, y, w, h = (int(v) for v in stats[label, :4])
    if horizontal:  # across a row of ornaments is up and down
        sides = (labels[max(0, y - clear) : y, x : x + w], labels[y + h : y + h + clear, x : x + w])
    else:
        sides = (labels[y : y + h, max(0, x - clear) : x], labels[y : y + h, x + w : x + w + clear])
    length = w if horizontal else h
    for side in sides:
        for other in np.unique(side[side > 0]):
            if stats[other, 2 if horizontal else 3] <= ORNAMENTS.rule_past * length:
                return False
    return True


def _borders(chains: list[_Chain]) -> list[tuple[float, float, float, float]]:
    """Runs on one line that overlap or stand a few pitches apart joined (a
    worn or run-together ornament breaks a border's run), kept where they
    are ``min_pieces`` long; as (across0, along0, across1, along1)."""
    P = ORNAMENTS
    borders = list(chains)
    joined = True
    while joined:  # until no two are left to join (a run can bridge two)
        joined = False
        for a, b in itertools.combinations(range(len(borders)), 2):
            if _one_border(borders[a], borders[b]):
                borders[a] = _joined(borders[a], borders[b])
                del borders[b]
                joined = True
                break
    # Pieces counted by the border's length: the two binnings find most runs twice.
    return [
        (c.across0, c.along0, c.across1, c.along1)
        for c in borders
        if (c.along1 - c.along0) / c.pitch >= P.min_pieces - 1
    ]


def _one_border(a: _Chain, b: _Chain) -> bool:
    level = abs((a.across0 + a.across1) - (b.across0 + b.across1)) / 2
    apart = max(a.along0, b.along0) - min(a.along1, b.along1)
    return level <= ORNAMENTS.bin_px and apart <= ORNAMENTS.bridge * max(a.pitch, b.pitch)


def _joined(a: _Chain, b: _Chain) -> _Chain:
    """One chain over both; the pitch of the longer."""
    longer = a if a.along1 - a.along0 >= b.along1 - b.along0 else b
    return _Chain(
        min(a.across0, b.across0),
        min(a.along0, b.along0),
        max(a.across1, b.across1),
        max(a.along1, b.along1),
        longer.pitch,
    )


def _even_runs(run: np.ndarray, along: np.ndarray) -> list[np.ndarray]:
    """``run`` (indices, in order along) parted where a step from one piece
    to the next strays from the run's median step; the parts long enough."""
    steps = np.diff(along[run])
    middle = float(np.median(steps))
    even = np.abs(steps - middle) <= ORNAMENTS.pitch_spread * middle
    return [
        run[start : stop + 1]
        for start, stop in true_runs(even)
        if stop + 1 - start >= ORNAMENTS.min_run
    ]
