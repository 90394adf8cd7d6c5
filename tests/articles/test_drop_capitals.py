"""Drop capitals joined to their stories' first lines (``articles.drop_capitals``)
and the indents beside them (``articles.paragraphs``), over boxes measured on
The Park Record of 1935, p2 (scan pixels, as the detector boxed them)."""

from __future__ import annotations

from newsprint.articles import assemble
from newsprint.articles.drop_capitals import drop_capital, with_drop_capitals
from newsprint.core.page import NewspaperPage, Region, RegionType, TextDirection, TextLine
from newsprint.core.settings import Settings
from newsprint.exports.text import render_articles_text

PITCH = 44
"""The column's line pitch; each detected box is 48 px tall (padded)."""

BODY = 30.0

STORY = [
    "and to cost $750,000,000. This laborite",
    "newspaper asserted that the admiralty",
    "has developed a secret seven-year plan,",
    "calling for the construction of 12 new",
]


def _line(text: str, x0: int, y0: int, x1: int, y1: int | None = None) -> TextLine:
    box = (x0, y0, x1, y1 if y1 is not None else y0 + 48)
    return TextLine(text=text, confidence=0.95, bbox=box, work_bbox=tuple(map(float, box)))


def _region(lines: list[TextLine], direction=TextDirection.HORIZONTAL_LTR) -> Region:
    box = (
        min(ln.bbox[0] for ln in lines),
        min(ln.bbox[1] for ln in lines),
        max(ln.bbox[2] for ln in lines),
        max(ln.bbox[3] for ln in lines),
    )
    return Region(
        id="r1",
        type=RegionType.TEXT,
        bbox=box,
        work_bbox=tuple(map(float, box)),
        lines=lines,
        direction=direction,
    )


def _story(cap: str, first: str, second: str, cap_box=(2448, 3191, 2513, 3265)) -> list[TextLine]:
    """A story opening with a drop capital two lines tall, read as a line of
    its own after the first line (where its box's top puts it), and the
    column's lines under it at the left edge."""
    lines = [
        _line(first, 2501, 3187, 3129, 3236),
        _line(cap, *cap_box),
        _line(second, 2517, 3233, 3128, 3279),
    ]
    return lines + [_line(t, 2448, 3277 + PITCH * i, 3130) for i, t in enumerate(STORY)]


def _text(regions: list[Region]) -> str:
    page = NewspaperPage(
        source="t.png",
        sha256="0",
        width=4552,
        height=7218,
        regions=regions,
        body_line_height=BODY,
        language="en",
    )
    return render_articles_text(assemble(page, Settings()).articles)


def test_a_drop_capital_read_as_a_line_of_its_own_opens_the_first_line() -> None:
    lines = _story("A", "CCORDING to the Daily Herald", "of London, the British admiralty")
    region = _region(lines)
    cap, first = drop_capital(region)
    assert (cap.text, first.text) == ("A", "CCORDING to the Daily Herald")
    joined = with_drop_capitals([region])[0]
    assert [ln.text for ln in joined.lines[:2]] == [
        "ACCORDING to the Daily Herald",
        "of London, the British admiralty",
    ]
    assert len(joined.lines) == len(lines) - 1
    assert joined.lines[0].bbox == (2448, 3187, 3129, 3265)
    # In the article: one paragraph, the indent beside the capital no start.
    text = _text([region])
    assert "ACCORDING to the Daily Herald of London, the British admiralty and to cost" in text
    assert "\n\nof London" not in text


def test_a_drop_capital_read_as_a_figure_is_its_letter() -> None:
    region = _region(_story("0", "PPONENTS of the AAA amend-", "ments designed to strengthen"))
    joined = with_drop_capitals([region])[0]
    assert joined.lines[0].text == "OPPONENTS of the AAA amend-"


def test_a_drop_capital_set_apart_from_its_first_word_is_a_word() -> None:
    lines = _story("A", "LONG the line of providing help", "for white collar workers")
    lines[0] = _line("LONG the line of providing help", 2540, 3187, 3129, 3236)
    joined = with_drop_capitals([_region(lines)])[0]
    assert joined.lines[0].text == "A LONG the line of providing help"


def test_what_is_no_drop_capital_stays_a_line() -> None:
    story = _story("A", "CCORDING to the Daily Herald", "of London, the British admiralty")
    one_line_tall = [*story[:1], _line("A", 2448, 3191, 2513, 3236), *story[2:]]
    lower_case = [*story[:1], _line("a", 2448, 3191, 2513, 3265), *story[2:]]
    word = [*story[:1], _line("An", 2448, 3191, 2513, 3265), *story[2:]]
    # Nothing beside it: the line after the first starts at the column's edge.
    nothing_beside = [*story[:2], _line(story[2].text, 2448, 3233, 3128, 3279), *story[3:]]
    for lines in (one_line_tall, lower_case, word, nothing_beside):
        region = _region(lines)
        assert drop_capital(region) is None
        assert with_drop_capitals([region])[0] is region
    vertical = _region(story, direction=TextDirection.VERTICAL_RL)
    assert drop_capital(vertical) is None


def test_an_indent_beside_a_first_line_boxed_with_its_drop_capital_starts_no_paragraph() -> None:
    """ "A LONG the line of providing help", the capital A in the first line's
    box (96 px tall), the next line indented to clear it."""
    lines = [
        _line("A LONG the line of providing help", 1012, 4951, 1717, 5047),
        _line("for white collar workers, Harry", 1102, 4995, 1715, 5056),
    ] + [_line(t, 1013, 5040 + PITCH * i, 1720) for i, t in enumerate(STORY)]
    text = _text([_region(lines)])
    assert "A LONG the line of providing help for white collar workers, Harry and to cost" in text
    # The same indent under a first line of the body's height starts a paragraph.
    lines[0] = _line(lines[0].text, 1012, 4951, 1717, 4999)
    lines[1] = _line(lines[1].text, 1102, 4995, 1715, 5043)
    text = _text([_region(lines)])
    assert "A LONG the line of providing help\n\nfor white collar workers" in text


def test_a_drop_capital_among_heavily_padded_boxes_keeps_its_paragraph_whole() -> None:
    """Boxes padded to 60 px on the 44-px pitch: the capital (78 px) joined
    to the first line makes a line only 1.37 times as tall as the others,
    yet the line beside the capital is no paragraph start (the capital's
    own box is kept for that)."""
    lines = [
        _line("CCORDING to the Daily Herald", 2501, 3181, 3129, 3241),
        _line("A", 2448, 3185, 2513, 3263),
        _line("of London, the British admiralty", 2517, 3225, 3128, 3285),
    ] + [_line(t, 2448, 3269 + PITCH * i, 3130, 3329 + PITCH * i) for i, t in enumerate(STORY)]
    text = _text([_region(lines)])
    assert "ACCORDING to the Daily Herald of London, the British admiralty and to cost" in text


def test_a_line_read_as_nothing_does_not_take_the_drop_capital() -> None:
    lines = _story("A", "CCORDING to the Daily Herald", "of London, the British admiralty")
    lines.insert(0, _line("", 2501, 3185, 3129, 3230))
    joined = with_drop_capitals([_region(lines)])[0]
    assert [ln.text for ln in joined.lines[:2]] == ["", "ACCORDING to the Daily Herald"]


def test_a_bar_down_the_column_read_as_i_is_no_drop_capital() -> None:
    """A rule's fragment or a bracket at the block's edge, read "I", runs
    down twelve lines: no capital is that tall. Nor is one a tenth of a
    line wide."""
    story = _story("I", "the council met on Tuesday to", "consider the new tax")
    tall = [*story[:1], _line("I", 2448, 3191, 2470, 3191 + 12 * PITCH), *story[2:]]
    thin = [*story[:1], _line("I", 2448, 3191, 2452, 3265), *story[2:]]
    for lines in (tall, thin):
        assert drop_capital(_region(lines)) is None
