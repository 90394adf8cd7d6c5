"""An article's text blocks cut into paragraphs (``articles.assembly``).

A line starts a paragraph where it is indented (``articles.indent_chars``
characters) or the line before it ended short: the next line's first word
would have fitted after it; not where the indent clears a drop capital. In
a block of Chinese set across round something (several of its lines stop
short in mid-sentence), only after a line that ends a sentence (a stop, alone
or before a closing quote; a closing bracket; a colon), at or after a
heading set in the block (centred, or in larger type), or at a paragraph's
indent after a short line, the lines before and after it at the edge (the
stop of a paragraph's last line not read). Lines set round a picture (信報
of 12 August 2024, A13: a column run round a round portrait) start and stop
short in mid-sentence, and each was a paragraph of its own
("本港人口老齡化是不爭事實，不少長" / "者因年紀大…"). Elsewhere as above.
A paragraph that a column break cuts goes on in the next block. Boxes are in
working-image pixels; ``body`` is the body line height there.
"""

from __future__ import annotations

import numpy as np
from newsprint.articles.params.text import DROP_CAPITALS, PARAGRAPHS
from newsprint.articles.text import ends_a_sentence, join_lines
from newsprint.core.page import Region, TextDirection, TextLine
from newsprint.core.settings import Settings


def paragraphs_of(
    blocks: list[Region], body: float, language: str, settings: Settings
) -> list[str]:
    """The paragraphs of ``blocks``' lines, read block after block: a line
    indented ``settings.articles.indent_chars`` characters or more, or
    following a line that ended short (``_ends_paragraph``), starts one (an
    indent beside a drop capital does not: ``_beside_a_drop_capital``); in
    Chinese set across only after a line that ends a sentence
    (``articles.text.ends_a_sentence``), a heading's line or at one
    (``_heading``), or at a paragraph's indent (``_paragraph_indent``).
    Each paragraph's lines joined (``articles.text.join_lines``)."""
    paragraphs: list[list[str]] = []
    ended = True
    heading = False  # the line before was a heading (``_heading``)
    for block in blocks:
        lines = [ln for ln in block.lines if ln.text.strip()]
        if not lines:
            continue
        lefts, right = _left_edges(lines), _edges(block)[1]
        heights = [(ln.work_bbox or ln.bbox)[3] - (ln.work_bbox or ln.bbox)[1] for ln in lines]
        # Only a block of Chinese set across whose lines stop short in
        # mid-sentence: set round a picture (a vertical block's lines are
        # measured across the page, as above).
        chinese = (
            language.startswith("zh")
            and block.direction != TextDirection.VERTICAL_RL
            and _set_round(lines, right, body)
        )
        latin = block.direction == TextDirection.HORIZONTAL_LTR and not language.startswith("zh")
        cap_foot = _beside_a_drop_capital(lines) if latin else -np.inf
        for i, line in enumerate(lines):
            x0, y0, x1, y1 = line.work_bbox or line.bbox
            char = _char_width(line, language, body)
            beside_cap = i > 0 and (y0 + y1) / 2 < cap_foot
            indented = x0 - lefts[i] >= settings.articles.indent_chars * char and not beside_cap
            starts = ended or indented or not paragraphs
            centred = chinese and _heading_line(lines, heights, i, lefts[i], right, char, body)
            if chinese and paragraphs:
                # A heading is a paragraph of its own; else only after a
                # sentence's end or at a paragraph's indent: lines set round
                # a picture stop and start short mid-sentence.
                starts = (
                    heading
                    or centred
                    or (
                        starts
                        and (
                            ends_a_sentence(paragraphs[-1][-1], colons=True)
                            or (ended and _paragraph_indent(lines, lefts, i, char))
                        )
                    )
                )
            if starts:
                paragraphs.append([line.text])
            else:
                paragraphs[-1].append(line.text)
            nxt = lines[i + 1].text if i + 1 < len(lines) else None
            ended = _ends_paragraph(x1, right, char, language, nxt)
            heading = centred
    return [p for p in (join_lines(lines) for lines in paragraphs) if p]


def _beside_a_drop_capital(lines: list[TextLine]) -> float:
    """How far down a block the lines beside its drop capital reach (their
    indent clears it): the foot of the capital joined to the first line
    (``TextLine.drop_capital``), or of a first line the capital's box made
    ``DROP_CAPITALS.beside_first`` times as tall as the block's other lines;
    -inf where there is none."""
    if not lines:
        return -np.inf
    if lines[0].drop_capital is not None:
        return lines[0].drop_capital[3]
    boxes = [ln.work_bbox or ln.bbox for ln in lines]
    if len(boxes) < 2:
        return -np.inf
    first = boxes[0]
    size = float(np.median([b[3] - b[1] for b in boxes[1:]]))
    return first[3] if first[3] - first[1] >= DROP_CAPITALS.beside_first * size else -np.inf


def _edges(block: Region) -> tuple[float, float]:
    x0s = [ln.work_bbox[0] if ln.work_bbox else ln.bbox[0] for ln in block.lines]
    x1s = [ln.work_bbox[2] if ln.work_bbox else ln.bbox[2] for ln in block.lines]
    return (
        float(np.percentile(x0s, PARAGRAPHS.left_edge_percentile)),
        float(np.percentile(x1s, PARAGRAPHS.right_edge_percentile)),
    )


def _left_edges(lines: list[TextLine]) -> np.ndarray:
    """For each line, the left edge its indent is measured from: the
    ``PARAGRAPHS.left_edge_percentile`` of the left ends of the lines round
    it (``PARAGRAPHS.edge_window`` either side), or of the whole block's
    where that is further right. A column's edge drifts on a page scanned
    curved or askew: NCSE's CLD 1853 column starts 10 pixels further right
    at its head than at its foot, about a character, and measured from the
    block's one edge every line at its head was "indented", each a
    paragraph. Never left of the block's edge: a few lines' ragged starts
    (generated en-1000's, 8-18 px apart) are no edge of their own."""
    x0s = np.array([(ln.work_bbox or ln.bbox)[0] for ln in lines], dtype=np.float64)
    half, share = PARAGRAPHS.edge_window, PARAGRAPHS.left_edge_percentile
    block = float(np.percentile(x0s, share))
    return np.array(
        [
            max(block, float(np.percentile(x0s[max(0, i - half) : i + half + 1], share)))
            for i in range(len(x0s))
        ]
    )


def _char_width(line: TextLine, language: str, body: float) -> float:
    if language.startswith("zh"):
        return body
    x0, _, x1, _ = line.work_bbox or line.bbox
    return max(PARAGRAPHS.min_char_width * body, (x1 - x0) / max(1, len(line.text)))


def _heading(indent: float, room: float, char: float, size: float) -> bool:
    """Whether a line of a block is a heading: in type
    ``PARAGRAPHS.heading_size`` times the block's lines' or larger
    (``size``: its height over theirs), or set in from both edges, ``indent``
    from the left and ``room`` from the right (pixels), both more than
    ``PARAGRAPHS.centred_margin`` characters (``char`` pixels) and within
    ``PARAGRAPHS.centred_slack`` characters of each other: centred."""
    if size >= PARAGRAPHS.heading_size:
        return True
    least = PARAGRAPHS.centred_margin * char
    if indent <= least or room <= least:
        return False
    return abs(indent - room) <= PARAGRAPHS.centred_slack * char


def _heading_line(
    lines: list[TextLine],
    heights: list[float],
    i: int,
    left: float,
    right: float,
    char: float,
    body: float,
) -> bool:
    """Whether line ``i`` of a block is a heading set in it (``_heading``)
    that ends no sentence: its type measured against the median of the
    block's other lines (``heights``; the body line ``body`` where there
    are fewer than two others), its place against the block's left edge
    there (``left``) and its right edge (``right``)."""
    line = lines[i]
    x0, y0, x1, y1 = line.work_bbox or line.bbox
    others = heights[:i] + heights[i + 1 :]
    size = float(np.median(others)) if len(others) >= 2 else body
    return not ends_a_sentence(line.text) and _heading(
        x0 - left, right - x1, char, (y1 - y0) / max(size, 1.0)
    )


def _set_round(lines: list[TextLine], right: float, char: float) -> bool:
    """Whether a block's lines (``right``: its right edge) are set round
    something: ``PARAGRAPHS.set_round_lines`` of them or more, the last
    apart, stop short of the edge (``PARAGRAPHS.zh_end_room`` characters of
    ``char`` pixels) in mid-sentence. In a column set square only a
    paragraph's last line stops short, at its end."""
    short = [
        ln
        for ln in lines[:-1]
        if right - (ln.work_bbox or ln.bbox)[2] > PARAGRAPHS.zh_end_room * char
        and not ends_a_sentence(ln.text, colons=True)
    ]
    return len(short) >= PARAGRAPHS.set_round_lines


def _paragraph_indent(lines: list[TextLine], lefts: np.ndarray, i: int, char: float) -> bool:
    """Whether line ``i`` is set in by a paragraph's indent
    (``PARAGRAPHS.indent_span`` characters of ``char`` pixels from its left
    edge, ``lefts``) and the lines before and after it, where there are
    any, stand at the edge (within ``PARAGRAPHS.edge_slack``): a
    paragraph's first line, not one of the lines set round a picture, which
    stay in for several lines."""
    low, high = PARAGRAPHS.indent_span
    if not low * char <= _indent(lines, lefts, i) <= high * char:
        return False
    slack = PARAGRAPHS.edge_slack * char
    return all(_indent(lines, lefts, j) <= slack for j in (i - 1, i + 1) if 0 <= j < len(lines))


def _indent(lines: list[TextLine], lefts: np.ndarray, i: int) -> float:
    return float((lines[i].work_bbox or lines[i].bbox)[0] - lefts[i])


def _ends_paragraph(x1: float, right: float, char: float, language: str, nxt: str | None) -> bool:
    """A line ends its paragraph when the next word would have fitted after it."""
    room = right - x1
    if language.startswith("zh"):
        return room > PARAGRAPHS.zh_end_room * char
    word = (nxt or "").split(" ", 1)[0].rstrip("-")
    # At a column's foot the next line is unknown: only a clearly short line ends.
    need = (len(word) + 1) * char if word else PARAGRAPHS.foot_end_room * char
    return room > need
