"""Chinese set across the page right to left: old mastheads, datelines and adverts.

On pages of vertical Chinese a short line across the page is often read right
to left ("報晶" for 晶報, "日十三月四年" for 年四月三十日): it is really vertical
writing one character a line. Geometry cannot tell which way such a line runs;
the words can. Each reading is scored by how common its character pairs are as
Chinese words (``core.words``); a line that reads clearly better backwards
is turned round and its region marked ``horizontal-rtl``.

Where the words cannot tell (a name, a play's title: "林樹森", "天蟾舞臺" with
臺 misread), the page's other lines do: a page whose short lines across
mostly read clearly right to left leans that way (``RIGHT_TO_LEFT.lean_votes``,
``lean_share``), and there a line is turned unless it reads clearly better
forwards, as the issue of vertical pages asks of a short heading on a page
set down. Punctuation and symbols in a line (an arrow, brackets) are not
scored; they are turned with it.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from newsprint.articles.params.vertical import RIGHT_TO_LEFT
from newsprint.core.page import Region, RegionType, TextDirection, TextLine
from newsprint.core.script import CJK_CHAR
from newsprint.core.words import word_score

log = logging.getLogger(__name__)

# Figures and Latin letters, half- and full-width (CJK_CHAR takes in the full-width ones).
_FIGURE_OR_LATIN = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")

_ACROSS = (
    RegionType.HEADLINE,
    RegionType.RUNNING_HEAD,
    RegionType.TEXT,
    RegionType.FOLIO,
    RegionType.NAMEPLATE,
)
# Regions of several lines whose lines across may also run right to left.
_LINES_ACROSS = (RegionType.CAPTION, RegionType.PHOTO)


def with_rtl_lines(regions: list[Region]) -> list[Region]:
    """``regions`` with each line set across the page whose Chinese reads
    clearly better right to left turned round (its text reversed, into
    reading order): the line of a one-line region set across (``_ACROSS``),
    and each line wider than tall in a region of several lines set across
    (``_ACROSS``, captions, words in a picture) or in an advert. A region set
    across whose lines are all turned is ``horizontal-rtl``; an advert keeps
    its direction, its lines' boxes saying which run across."""
    lean = leans_right_to_left(regions)
    out = []
    for region in regions:
        if region.type == RegionType.ADVERTISEMENT:
            region, _ = _lines_turned(region, lean)
        elif region.direction != TextDirection.HORIZONTAL_LTR or not region.lines:
            pass
        elif region.type in _ACROSS and len(region.lines) == 1:
            region = _one_line_turned(region, lean)
        elif region.type in _ACROSS + _LINES_ACROSS and _reads_right_to_left_as_a_whole(
            region, lean
        ):
            region, every = _lines_turned(region, lean)
            if every:
                region = region.model_copy(update={"direction": TextDirection.HORIZONTAL_RTL})
        out.append(region)
    return out


def leans_right_to_left(regions: list[Region]) -> bool:
    """Whether the page's short lines across (those ``with_rtl_lines`` looks
    at, that can be judged) that read clearly one way (by
    ``RIGHT_TO_LEFT.margin``) mostly read right to left: at least
    ``RIGHT_TO_LEFT.lean_votes`` of them and ``lean_share`` of those."""
    backward = forward = 0
    for region in regions:
        if region.type not in (*_ACROSS, *_LINES_ACROSS, RegionType.ADVERTISEMENT):
            continue
        for line in region.lines:
            text = _letters(line.text)
            if not _across(line) or not _judged(text):
                continue
            gain = _score(text[::-1]) - _score(text)
            backward += gain >= RIGHT_TO_LEFT.margin
            forward += gain <= -RIGHT_TO_LEFT.margin
    clear = backward + forward
    return backward >= RIGHT_TO_LEFT.lean_votes and backward >= RIGHT_TO_LEFT.lean_share * clear


def _reads_right_to_left_as_a_whole(region: Region, lean: bool = False) -> bool:
    """Whether the lines across of a region of several lines, those that can
    be judged (``_judged``), read clearly better right to left taken together
    (by ``RIGHT_TO_LEFT.margin``; on a page that leans right to left, not
    clearly worse): a story or a caption set across left to right whose
    paragraph ends on a fragment that reads better backwards ("三點一。") is
    not turned line by line."""
    texts = [_letters(ln.text) for ln in region.lines if _across(ln)]
    texts = [t for t in texts if _judged(t)]
    if not texts:
        return False
    forward = sum(_score(t) for t in texts)
    backward = sum(_score(t[::-1]) for t in texts)
    return _backward_wins(backward - forward, lean)


def _backward_wins(gain: float, lean: bool) -> bool:
    """Whether a reading backwards that scores ``gain`` more than forwards is
    the line's: by ``RIGHT_TO_LEFT.margin`` at least, or on a page that leans
    right to left by more than minus it (a tie goes the page's way)."""
    margin = RIGHT_TO_LEFT.margin
    return gain >= margin or (lean and gain > -margin)


def _letters(text: str) -> str:
    """``text`` without spaces, punctuation and symbols: what its words are
    scored on ("←經濟部增加生產" is judged on its Chinese)."""
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PS"
    )


def _judged(text: str) -> bool:
    """Whether a line's words can tell which way it reads: 2 to
    ``RIGHT_TO_LEFT.max_chars`` characters, spaces not counted,
    ``RIGHT_TO_LEFT.min_chinese`` of them Chinese and the rest figures or
    Latin letters, half- or full-width (a figure misread in a dateline, "廿"
    read "1", leaves it one)."""
    text = "".join(text.split())
    if not 2 <= len(text) <= RIGHT_TO_LEFT.max_chars:
        return False
    figures = sum(1 for ch in text if _FIGURE_OR_LATIN.match(ch))
    return figures <= (1 - RIGHT_TO_LEFT.min_chinese) * len(text) and all(
        CJK_CHAR.match(ch) or _FIGURE_OR_LATIN.match(ch) for ch in text
    )


def _one_line_turned(region: Region, lean: bool = False) -> Region:
    line = region.lines[0]
    if not reads_right_to_left(line.text, lean):
        return region
    turned = line.model_copy(update={"text": turned_round(line.text)})
    log.debug("%s read right to left: %s", region.id, turned.text)
    return region.model_copy(update={"lines": [turned], "direction": TextDirection.HORIZONTAL_RTL})


def _lines_turned(region: Region, lean: bool = False) -> tuple[Region, bool]:
    """``region`` with each of its lines set across (its box wider than tall)
    that reads clearly better right to left turned round, and whether every
    such line that can be judged (``_judged``; one at least) was. An advert
    mixes lines set down, across and right to left (ECPO 1919's lamp advert:
    "造製司公球電國中海上" over its vertical text, found as an advert of its
    own inside its frame); a headline's or a masthead's block holds several
    lines across (ECPO 1921's dateline "日七初月二十年申庚" beside the
    paper's name, the 1939 fold's imprint box of four lines)."""
    lines, judged, turned = [], 0, 0
    for line in region.lines:
        if _across(line) and _judged(_letters(line.text)):
            judged += 1
            if reads_right_to_left(line.text, lean):
                turned += 1
                line = line.model_copy(update={"text": turned_round(line.text)})
                log.debug("%s: a line read right to left: %s", region.id, line.text)
        lines.append(line)
    return region.model_copy(update={"lines": lines}), judged > 0 and turned == judged


def _across(line: TextLine) -> bool:
    x0, y0, x1, y1 = line.bbox
    return x1 - x0 > y1 - y0


_MIRRORED = str.maketrans("（）()「」『』《》〈〉【】〔〕", "）（)(」「』『》《〉〈】【〕〔")


def turned_round(text: str) -> str:
    """``text`` read the other way: its characters reversed, each bracket and
    quote turned to face the other way ("）鳴海（" -> "（海鳴）")."""
    return text[::-1].translate(_MIRRORED)


def reads_right_to_left(text: str, lean: bool = False) -> bool:
    """Whether a short line of Chinese that can be judged (``_judged``, its
    punctuation and symbols left out) makes clearly more words read
    backwards than forwards (by ``RIGHT_TO_LEFT.margin``); with ``lean`` (the
    page leans right to left: ``leans_right_to_left``), not clearly fewer."""
    text = _letters(text)
    return _judged(text) and _backward_wins(_score(text[::-1]) - _score(text), lean)


def _score(text: str) -> float:
    """``core.words.word_score`` over the character runs ``RIGHT_TO_LEFT.ngram_sizes``."""
    return word_score(text, RIGHT_TO_LEFT.ngram_sizes)
