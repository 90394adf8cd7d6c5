"""Worn column rules followed up and down the page across their breaks.

A column rule on an old bitonal page (a 19th-century weekly on microfilm) is
pieces a few lines long with gaps between, set tight against the type of both
columns: ``layout.rules`` finds the longer pieces; this module follows each
along its x through the breaks, by the column profile of the rule (a thin
inked x with white either side), so that lines read across the columns there
are cut at it (``layout.line_cuts``).

Everything is in working-image pixels and measured in the body line height.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from newsprint.layout.boxes import Box
from newsprint.layout.params.rules import RULE_TRACK
from newsprint.layout.params.type_size import TYPE_SIZE


def follow_broken_rules(
    ink: np.ndarray,
    v_rules: list[Box],
    body: float,
    h_rules: list[Box] | None = None,
    type_lines: list[Box] | None = None,
    display_lines: Sequence[Box] = (),
) -> list[Box]:
    """Vertical rules followed up and down the page past where they break.

    A worn column rule on an old bitonal page is pieces a few lines long with
    gaps between, set tight against the type of both columns (a 2-pixel white
    either side): too broken for the morphological search and, piece by
    piece, too short to tell from letters' stems lined up. Seeded from each
    rule already found, the rule is followed a window of ``RULE_TRACK.window``
    body lines at a time while, in the window, an x near it is inked in
    ``min_share`` of the rows or more and a nearly white x (``flank_max``)
    lies on each side of it within ``flank_reach``: the profile of a rule, which
    a column of type (inked at every x about as much) or a headline across
    the columns (inked beside the rule too) does not have. A window with
    white on both sides of the rule, or white along the rule's own x, but
    little of the rule is a break, passed over when the window after it
    shows the rule again (several windows, up to ``bridge_windows``, when
    another found piece of the rule lies that near ahead); anything else, a
    horizontal rule across its way (``h_rules``), a line of display type across
    it (one of ``display_lines`` with display type on both sides of the rule:
    ``_display_across``) or another piece of the rule reached, ends the walk.

    Only a rule set tight against the type of both columns (white beside it
    narrower than ``tight_white`` body lines on each side) is followed so.
    One with a little gutter of white beside it is only bridged across a
    break to its next found piece (or a horizontal rule), and only when the
    page's ``type_lines`` are known and none of display type crosses the
    break (``_RuleWalk.bridge``): its white is too narrow to part the columns
    where the rule broke (synthetic en-old-5001: 6 pixels either side of a
    2-pixel rule, body 14), but walked on freely it would cross a modern
    page's headline band (zh-hant-1009).

    ``v_rules``, ``h_rules``, ``type_lines`` (the detector's lines),
    ``display_lines`` (the detector's lines of display type set across, as
    ``layout.rules.find_rules`` takes them): boxes in ``ink``'s pixels
    (ink: H x W, nonzero = ink); returns ``v_rules`` lengthened, collinear
    pieces that come to overlap merged.
    """
    if not v_rules:
        return v_rules
    # Twice: a break between two pieces is bridged from either once both
    # have grown towards it (``RULE_TRACK.bridge_windows``).
    lines = np.array([ln.as_tuple() for ln in type_lines or []], dtype=float).reshape(-1, 4)
    walls = (h_rules or [], list(display_lines))
    grown = _grown(ink, v_rules, body, walls, lines)
    return _merge_collinear(_grown(ink, grown, body, walls, lines))


def _grown(
    ink: np.ndarray,
    v_rules: list[Box],
    body: float,
    walls: tuple[list[Box], list[Box]],
    lines: np.ndarray,
) -> list[Box]:
    """Each rule walked up and down (one pass of ``follow_broken_rules``);
    ``walls``: the horizontal rules and the lines of display type that end
    a walk; ``lines``: the detector's lines, N x 4 (x0, y0, x1, y1)."""
    P = RULE_TRACK
    h_rules, display_lines = walls
    x0s, y0s, x1s, y1s = lines.T
    display_size = y1s - y0s > TYPE_SIZE.display * body
    window = max(P.window_min_px, round(P.window * body))
    reach = max(P.flank_reach_px, round(P.flank_reach * body))
    side = int(np.ceil(body))
    grown = []
    for rule in v_rules:
        band = (max(0, int(rule.x0) - reach), min(ink.shape[1], int(np.ceil(rule.x1)) + reach))
        core = (max(band[0], int(rule.x0) - 1), min(band[1], int(np.ceil(rule.x1)) + 1))
        # One column profile over the rule's rows, from a body line either
        # side of it: the white beside the stroke, and (inside the band) its width.
        x0, x1 = max(0, core[0] - side), min(ink.shape[1], core[1] + side)
        share = (ink[int(rule.y0) : int(np.ceil(rule.y1)), x0:x1] > 0).mean(axis=0)
        white = _white_beside(share, core[0] - x0, core[1] - x0)
        guttered = max(white) > P.tight_white * body
        if guttered and not len(lines):
            grown.append(rule)  # no lines known to tell a headline's band by
            continue
        across = [  # horizontal rules running through the rule's x, both sides
            (int(h.y0), int(np.ceil(h.y1)))
            for h in h_rules
            if h.x0 < core[0] and h.x1 > core[1] and not rule.y0 <= h.cy <= rule.y1
        ]
        others = [
            (int(o.y0), int(np.ceil(o.y1)))
            for o in v_rules
            if o is not rule and o.x0 < band[1] and o.x1 > band[0]
        ]
        in_band = share[band[0] - x0 : band[1] - x0]
        stroke = _stroke_width(in_band, core[0] - band[0], core[1] - band[0])
        over = display_size & (x0s < core[0]) & (x1s > core[1])
        display = [(int(a), int(np.ceil(b))) for a, b in zip(y0s[over], y1s[over], strict=True)]
        walk = _RuleWalk(ink, band, core, stroke, across, others, display)
        walk.headings = _display_across(ink, display_lines, core, body)
        if guttered:
            walk.beside = _type_beside(lines[~display_size], core, body, ink.shape[0])
            walk.gutter = white
        # A rule with a gutter of its own beside it is only bridged to its
        # next piece: walked on, it could cross a headline's band.
        end = walk.bridge if guttered else walk.end
        y0 = end(int(rule.y0), -window)
        y1 = end(int(np.ceil(rule.y1)), window)
        grown.append(Box(rule.x0, float(y0), rule.x1, float(y1)))
    return grown


def _display_across(
    ink: np.ndarray, lines: Sequence[Box], core: tuple[int, int], body: float
) -> list[tuple[int, int]]:
    """Rows (y0, y1) of the ``lines`` (of display type) that run across the
    rule's x band ``core`` with ink ``TYPE_SIZE.display`` body lines tall on
    both sides of it. Two columns' lines of body type read across a rule as
    one, their baselines apart, make a box as tall as display type; the ink
    on each side is body type."""
    height, width = ink.shape[:2]
    rows = []
    for line in lines:
        if not (line.x0 < core[0] and line.x1 > core[1]):
            continue
        y0, y1 = max(0, int(line.y0)), min(height, int(np.ceil(line.y1)))
        sides = (
            ink[y0:y1, max(0, int(line.x0)) : core[0]],
            ink[y0:y1, core[1] : min(width, int(np.ceil(line.x1)))],
        )
        if all(_ink_height(side) >= TYPE_SIZE.display * body for side in sides):
            rows.append((y0, y1))
    return rows


def _ink_height(strip: np.ndarray) -> int:
    """Rows from the first to the last that hold ink in ``strip`` (H x W)."""
    inked = np.flatnonzero((strip > 0).any(axis=1))
    return int(inked[-1] - inked[0] + 1) if inked.size else 0


def _type_beside(
    lines: np.ndarray, core: tuple[int, int], body: float, height: int
) -> tuple[np.ndarray, np.ndarray]:
    """Rows (H,) where a line of body type (``lines``: N x 4) reaches within
    ``beside_reach`` body lines of the rule's x band ``core`` from the left,
    and from the right (a line read across the rule counts on both sides)."""
    reach = RULE_TRACK.beside_reach * body
    x0s, y0s, x1s, y1s = lines.T
    sides = (
        (x0s < core[0]) & (x1s >= core[0] - reach),
        (x1s > core[1]) & (x0s <= core[1] + reach),
    )
    out = []
    for touching in sides:
        rows = np.zeros(height, bool)
        for a, b in zip(y0s[touching], y1s[touching], strict=True):
            rows[max(0, int(a)) : min(height, int(np.ceil(b)))] = True
        out.append(rows)
    return out[0], out[1]


def _stroke_width(share: np.ndarray, lo: int, hi: int) -> int:
    """The width (pixels) of a found rule's stroke in its column profile
    ``share`` (the share of its rows inked at each x; the rule may take x =
    lo..hi): the columns around its fullest one inked at least half as often
    (``_inked_run``)."""
    a, b = _inked_run(share, lo + int(np.argmax(share[lo:hi])))
    return b - a


def _white_beside(share: np.ndarray, lo: int, hi: int) -> tuple[int, int]:
    """The white strips (pixels) between a found rule's stroke and the type
    on its left and on its right, in its column profile ``share`` (the rule
    may take x = lo..hi): x inked in at most ``RULE_TRACK.flank_max`` of its
    rows."""
    a, b = _inked_run(share, lo + int(np.argmax(share[lo:hi])))
    white = share <= RULE_TRACK.flank_max
    edge = RULE_TRACK.stroke_slack_px  # the stroke's ragged edge, a pixel or two
    widths = []
    for start, step in ((a - 1, -1), (b, 1)):
        at = start
        while 0 <= at < len(share) and not white[at] and abs(at - start) < edge:
            at += step
        width = 0
        while 0 <= at < len(share) and white[at]:
            at, width = at + step, width + 1
        widths.append(width)
    return widths[0], widths[1]


def _inked_run(share: np.ndarray, peak: int) -> tuple[int, int]:
    """The run of columns around ``peak`` inked at least half as often."""
    half = share[peak] / 2
    a, b = peak, peak + 1
    while a > 0 and share[a - 1] >= half:
        a -= 1
    while b < len(share) and share[b] >= half:
        b += 1
    return a, b


@dataclass
class _RuleWalk:
    """One rule's walk (``follow_broken_rules``): the x band looked at, the
    x the rule itself may take (its box and a pixel of waver either side),
    its stroke width, the rows (y0, y1) of the horizontal rules across the
    band and those of the other rules found in it."""

    ink: np.ndarray
    band: tuple[int, int]
    core: tuple[int, int]
    stroke: int
    across: list[tuple[int, int]]
    others: list[tuple[int, int]]
    display: list[tuple[int, int]]
    headings: list[tuple[int, int]] = field(default_factory=list)
    """Rows (y0, y1) of the lines of display type across the rule's x that
    end a walk (``_display_across``)."""
    beside: tuple[np.ndarray, np.ndarray] | None = None
    """Rows (H,) where a line of body type stands against the rule's x on its
    left, and on its right (``_type_beside``)."""
    gutter: tuple[int, int] = (0, 0)
    """The white (pixels) between the rule's stroke and the type on its left
    and on its right, where the rule was found (``_white_beside``)."""

    def end(self, start: int, step: int) -> int:
        """The rule's end (row) walked from ``start`` in windows of ``|step|``
        rows, up (``step`` < 0) or down; each window that shows the rule moves
        the end to the rule's last ink there. A window reaching a horizontal
        rule or a line of display type across the rule's x ends the walk."""
        misses = 0
        at = end = start
        height = self.ink.shape[0]
        # Towards another found piece of the rule a longer break is bridged,
        # so long as every window of it is clean paper along the rule.
        ahead = [(a, b) for a, b in self.others if (a >= start if step > 0 else b <= start)]
        gaps = [a - start if step > 0 else start - b for a, b in ahead]
        near = min(gaps, default=height) <= RULE_TRACK.bridge_windows * abs(step)
        allowed = RULE_TRACK.bridge_windows if near else RULE_TRACK.max_missed_windows
        while 0 < at < height and misses <= allowed:
            lo, hi = (at, min(height, at + step)) if step > 0 else (max(0, at + step), at)
            # A line of display type across the rule's x ends it as a
            # horizontal rule does: walked into a headline, the edge of a
            # drawing under it cut the headline in two (东莞日报 2026 A03).
            if any(a < hi and b > lo for a, b in self.across + self.headings):
                break
            met = [(a, b) for a, b in self.others if a < hi and b > lo]
            if met:  # another piece of the rule, found already, takes over
                if step > 0:
                    end = max(end, min(a for a, _ in met))
                else:
                    end = min(end, max(b for _, b in met))
                break
            at = hi if step > 0 else lo
            found = self.window(lo, hi)
            if found is None:
                break
            if found is False:
                misses += 1
                continue
            misses = 0
            end = lo + found[1] if step > 0 else lo + found[0]
        return end

    def bridge(self, start: int, step: int) -> int:
        """The rule's end walked from ``start`` (as ``end``) only across a
        break to the next found piece of it (or a horizontal rule), within
        ``RULE_TRACK.bridge_windows`` windows of ``|step|`` rows, every window
        between a break or the rule, lines of body type standing against the
        rule's place on both sides in ``RULE_TRACK.bridge_beside`` of the
        rows between (the columns run on beside the break: not the white band
        between two stories), the half of its gutter nearer the stroke
        white (``gutter_inked``: no line set across the columns there), and
        no line of display type nor horizontal
        rule across the rule's x (a headline over the columns, or the rule
        over a band of stories, interrupts a column rule); else
        ``start``."""
        down = step > 0
        ends = [a if down else b for a, b in self.others + self.across]
        ahead = [e for e in ends if (e > start if down else e < start)]
        if not ahead:
            return start
        target = min(ahead) if down else max(ahead)
        if abs(target - start) > RULE_TRACK.bridge_windows * abs(step):
            return start
        lo, hi = (start, target) if down else (target, start)
        if any(a < hi and b > lo for a, b in self.display + self.across):
            return start
        # Measured over the break and a few lines either side of it: a short
        # break's rows may fall between two lines.
        margin = round(RULE_TRACK.beside_margin * abs(step) / RULE_TRACK.window)
        rows = slice(max(0, lo - margin), hi + margin)
        if self.beside is None or min(side[rows].mean() for side in self.beside) < (
            RULE_TRACK.bridge_beside
        ):
            return start  # no columns of type running on beside the break
        at = start
        while (at < target) if down else (at > target):
            lo, hi = (at, min(target, at + step)) if down else (max(target, at + step), at)
            # A last sliver of a row shows no profile: it is passed.
            if hi - lo >= 2 and (self.window(lo, hi) is None or self.gutter_inked(lo, hi)):
                return start
            at = hi if down else lo
        return target

    def gutter_inked(self, y0: int, y1: int) -> bool:
        """Rows y0..y1 hold ink in the half of the rule's gutter nearer its
        stroke (``gutter``), on either side, in more than
        ``RULE_TRACK.flank_max`` of its pixels: a line set across the
        columns there (a centred line under a two-column advert: The
        Publishers' Circular 1883 p312), not a break in a rule whose columns
        run on beside it with their gutter white."""
        height = self.ink.shape[0]
        for width, (a, b) in zip(
            self.gutter,
            ((self.core[0] - 1, -1), (self.core[1], 1)),
            strict=True,
        ):
            half = (width + 1) // 2
            if half < 2:
                continue
            x0, x1 = (a - half + 1, a + 1) if b < 0 else (a, a + half)
            strip = self.ink[max(0, y0) : min(height, y1), max(0, x0) : max(0, x1)]
            if strip.size and (strip > 0).mean() > RULE_TRACK.flank_max:
                return True
        return False

    def window(self, y0: int, y1: int) -> tuple[int, int] | bool | None:
        """Rows y0..y1: the first and last row (relative to y0) where the rule
        holds ink, when they show it; False for a break (white on both
        sides of the rule's x, little rule); None for anything else."""
        if y1 - y0 < 2:
            return None
        strip = self.ink[y0:y1, self.band[0] : self.band[1]] > 0
        share = strip.mean(axis=0)
        lo, hi = self.core[0] - self.band[0], self.core[1] - self.band[0]
        peak = lo + int(np.argmax(share[lo:hi]))
        # A strong rule keeps its profile with a little type touching it.
        flank = max(RULE_TRACK.flank_max, RULE_TRACK.flank_of_peak * share[peak])
        run = _inked_run(share, peak)
        white_left = bool((share[:peak] <= flank).any())
        white_right = bool((share[peak + 1 :] <= flank).any())
        solid = share[peak] >= RULE_TRACK.solid_share
        if (
            share[peak] >= RULE_TRACK.min_share
            and run[1] - run[0] <= self.stroke + RULE_TRACK.stroke_slack_px
            and ((white_left and white_right) or (solid and (white_left or white_right)))
        ):
            rows = np.flatnonzero(strip[:, peak])
            return int(rows[0]), int(rows[-1]) + 1
        flank = RULE_TRACK.flank_max
        track = share[lo:hi]
        if (share[:lo] <= flank).any() and (share[hi:] <= flank).any():
            return False
        # Type justified up to the rule's place (no white either side), with
        # the rule's own track white: paper where the rule broke.
        if (track <= flank).any():
            return False
        return None


def _merge_collinear(rules: list[Box]) -> list[Box]:
    """Pieces of one rule (the same x, within a pixel) that now overlap as one
    box; pieces at other x stay apart (a rule scanned askew drifts across)."""
    out = sorted(rules, key=lambda b: (b.x0, b.y0))
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(out):
            for j in range(i + 1, len(out)):
                b = out[j]
                same_x = abs(a.x0 - b.x0) <= 1 and abs(a.x1 - b.x1) <= 1
                if same_x and a.y0 <= b.y1 and b.y0 <= a.y1:
                    out[i] = a.union(b)
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return out
