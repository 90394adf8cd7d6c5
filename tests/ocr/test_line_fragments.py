"""Detected pieces of one line joined again (``ocr.stage._merge_fragments``)."""

from __future__ import annotations

from newsprint.ocr.engine import OcrLine
from newsprint.ocr.stage import _merge_fragments, box_corners


def _line(text: str, box: tuple[float, float, float, float]) -> OcrLine:
    return OcrLine(text, 0.9, box_corners(box), box)


def _joined(*pieces: OcrLine) -> list[str]:
    """The texts of the lines ``pieces`` are joined into."""
    return [ln.text for ln in _merge_fragments(list(pieces))]


def _band_of_columns(count: int) -> list[OcrLine]:
    """``count`` vertical lines of 8 characters (30 x 210 pixels) side by side,
    28 pixels apart, at one height: a band of a vertical story."""
    text = "字" * 7
    return [_line(f"列{i}{text}", (100 + 28 * i, 500, 130 + 28 * i, 710)) for i in range(count)]


def _fragments(count: int) -> list[OcrLine]:
    """Small square pieces (one character each) the detector found in a worn block."""
    return [_line("口", (1000 + 40 * i, 520, 1030 + 40 * i, 550)) for i in range(count)]


def test_pieces_of_a_row_are_joined_left_to_right():
    assert _joined(_line("world", (300, 100, 500, 130)), _line("hello", (50, 102, 250, 131))) == [
        "hello world"
    ]


def test_vertical_lines_are_never_joined_into_a_row_across_a_band():
    # Tall lines a minority among a worn block's fragments: each stays a line
    # of its own (read once as one 315-character "row", ECPO 1940).
    lines = _band_of_columns(5) + _fragments(8)
    merged = _merge_fragments(lines)
    tall = [ln for ln in merged if ln.text.startswith("列")]
    assert sorted(ln.text for ln in tall) == sorted(ln.text for ln in _band_of_columns(5))
    assert max(len(ln.text) for ln in merged) < 20


def test_a_vertical_region_gives_its_lines_right_to_left():
    lines = _band_of_columns(3) + _fragments(5)
    merged = _merge_fragments(lines, vertical=True)
    columns = [ln.text for ln in merged if ln.text.startswith("列")]
    assert columns == ["列2字字字字字字字", "列1字字字字字字字", "列0字字字字字字字"]


def test_pieces_drifting_across_are_not_chained_into_one_line() -> None:
    # Four tiers of a story, each tier's column 6 px further left than the one
    # above: each piece's middle lies within a fifth of a column of the next
    # one's, but the first and the third are 12 px apart, more than pieces of
    # one line ever are (ECPO 1921-01-15 p2 chained four or five columns so).
    pieces = [
        _line(f"{t}字字字", (100 - 6 * k, 100 + 160 * k, 130 - 6 * k, 250 + 160 * k))
        for k, t in enumerate("甲乙丙丁")
    ]
    merged = [ln.text for ln in _merge_fragments(pieces, vertical=True)]
    assert not any("甲" in text and "丙" in text for text in merged), merged
    assert not any("乙" in text and "丁" in text for text in merged), merged
    # The pieces of one column the detector parted are still one line.
    top, foot = _line("上半", (200, 100, 230, 160)), _line("下半", (202, 180, 231, 240))
    assert [ln.text for ln in _merge_fragments([foot, top], vertical=True)] == ["上半下半"]


def test_a_character_under_two_overlapping_pieces_is_read_once():
    # Synthetic zh-hans-5000: a headline's two pieces overlap by half a
    # character, read in both ("象山公安创新发展展“海上枫桥经验").
    assert _joined(
        _line("象山公安创新发展", (100, 50, 740, 129)),
        _line("展“海上枫桥经验", (700, 50, 1340, 129)),
    ) == ["象山公安创新发展“海上枫桥经验"]
    # Latin pieces, the second read a letter differently (en-old-1000).
    assert _joined(
        _line("trees and", (100, 300, 300, 318)), _line("und flowers", (278, 300, 500, 318))
    ) == ["trees and flowers"]


def test_words_repeated_in_pieces_that_do_not_overlap_are_kept():
    assert _joined(
        _line("that", (100, 300, 180, 330)), _line("that one", (200, 300, 360, 330))
    ) == ["that that one"]
    # Overlapping, but the readings differ: nothing is dropped.
    assert _joined(
        _line("the cat", (100, 300, 240, 330)), _line("sat down", (225, 300, 400, 330))
    ) == ["the cat sat down"]


def test_chinese_pieces_a_third_of_a_character_apart_share_none():
    # ECPO 1919: five "保" in a row, the pieces overlapping by a third of one.
    assert _joined(_line("保保保保", (100, 50, 290, 97)), _line("保", (273, 50, 320, 97))) == [
        "保保保保保"
    ]


def test_a_repeat_ending_inside_a_word_leaves_the_word_whole():
    assert _joined(
        _line("trees an", (100, 300, 300, 318)), _line("and flowers", (285, 300, 500, 318))
    ) == ["trees and flowers"]
    # A piece that is all repeat adds nothing; the space before Latin after
    # Chinese stays as read.
    assert _joined(
        _line("hello wor", (100, 300, 300, 330)),
        _line("or", (270, 300, 310, 330)),
        _line("rld x", (290, 300, 400, 330)),
    ) == ["hello world x"]
    assert _joined(
        _line("Hello 世界", (100, 300, 300, 330)), _line("界 and", (280, 300, 420, 330))
    ) == ["Hello 世界 and"]


def test_pieces_of_a_row_beyond_a_line_s_reach_stay_lines_of_their_own() -> None:
    # NCSE's MRP 1831 p32: the folio "32" and the title "Letters from
    # Germany." on one row, 343 px apart at a body of 30 (layout joins no
    # pieces of a line further apart than 2.5 body lines): two lines, left to
    # right, though the title's middle stands higher. A word space of two
    # body lines is bridged.
    folio, title = _line("32", (216, 187, 257, 216)), _line("Letters", (600, 185, 930, 215))
    merged = _merge_fragments([title, folio], body=30.0)
    assert [ln.text for ln in merged] == ["32", "Letters"]
    near = _line("Letters", (317, 185, 647, 215))
    assert [ln.text for ln in _merge_fragments([near, folio], body=30.0)] == ["32 Letters"]
    # The gap is measured from the row's right end so far, as layout measures
    # it: a short piece boxed inside a long one does not part the next.
    long, inner = _line("the long", (100, 300, 600, 330)), _line("x", (200, 300, 300, 330))
    after = _line("end", (620, 300, 700, 330))
    assert [ln.text for ln in _merge_fragments([after, inner, long], body=30.0)] == [
        "the long x end"
    ]
    # Without a body height, as before, every piece of a row is one line.
    assert [ln.text for ln in _merge_fragments([title, folio])] == ["32 Letters"]


# 馬祖日報 (1957), a heading set right to left in two rows, as detected: each
# row less its last character, and those two characters boxed one over the
# other at the rows' left end. Texts are as read, left to right.
_ROW_1 = ("一艇匪沉擊我", (178, 131, 371, 177))
_ROW_2 = ("潰創受艘二另", (186, 166, 373, 214))
BODY = 12.0
"""馬祖日報's body type, pixels: the heading's rows are four times as tall."""


def _ends_joined(*pieces: OcrLine, body: float = BODY) -> list[str]:
    return [ln.text for ln in _merge_fragments(list(pieces), body=body)]


def test_the_ends_of_two_rows_boxed_down_go_back_to_their_rows() -> None:
    lines = [_line(*_ROW_1), _line("艘逃", (153, 133, 201, 214)), _line(*_ROW_2)]
    merged = _merge_fragments(lines, body=BODY)
    assert [ln.text for ln in merged] == ["艘一艇匪沉擊我", "逃潰創受艘二另"]
    assert all(ln.bbox[0] == 153 for ln in merged)


def test_row_ends_boxed_down_at_the_right_are_appended() -> None:
    lines = [_line("我擊沉", (100, 100, 230, 146)), _line("另二艘", (100, 140, 230, 186))]
    lines.append(_line("艇受", (222, 104, 268, 184)))
    assert _ends_joined(*lines) == ["我擊沉艇", "另二艘受"]


def test_a_character_the_row_read_already_is_not_given_twice() -> None:
    lines = [_line("我擊沉", (100, 100, 230, 146)), _line("另二受", (100, 140, 230, 186))]
    lines.append(_line("沉受", (200, 104, 246, 184)))
    assert _ends_joined(*lines) == ["我擊沉", "另二受"]


def test_a_vertical_label_of_smaller_type_beside_two_rows_stays_a_line() -> None:
    label = _line("本報訊", (150, 134, 176, 212))
    assert _ends_joined(_line(*_ROW_1), label, _line(*_ROW_2)) == [
        "一艇匪沉擊我",
        "本報訊",
        "潰創受艘二另",
    ]


def test_a_piece_down_standing_apart_from_the_rows_stays_a_line() -> None:
    apart = _line("艘逃", (80, 133, 128, 214))  # two characters' width of paper away
    assert _ends_joined(_line(*_ROW_1), apart, _line(*_ROW_2)) == [
        "一艇匪沉擊我",
        "艘逃",
        "潰創受艘二另",
    ]


def test_a_piece_down_holding_more_characters_than_rows_stays_a_line() -> None:
    column = _line("艘逃走了", (153, 133, 190, 290))
    assert sorted(_ends_joined(_line(*_ROW_1), column, _line(*_ROW_2))) == sorted(
        ["一艇匪沉擊我", "艘逃走了", "潰創受艘二另"]
    )


def test_rows_of_body_type_keep_a_piece_down_beside_them() -> None:
    # The same boxes on a page whose body type is 40 px: the rows are body
    # text, set with leading the detector does not bridge.
    lines = [_line(*_ROW_1), _line("艘逃", (153, 133, 201, 214)), _line(*_ROW_2)]
    assert _ends_joined(*lines, body=40.0) == ["一艇匪沉擊我", "艘逃", "潰創受艘二另"]


def test_a_tag_of_the_heading_s_size_set_apart_stays_a_line() -> None:
    # A quarter of a character of paper from the first row, near half from
    # the second: a tag set beside the heading, not its rows' ends.
    tag = _line("專電", (120, 133, 168, 214))
    assert _ends_joined(_line(*_ROW_1), tag, _line(*_ROW_2)) == [
        "一艇匪沉擊我",
        "專電",
        "潰創受艘二另",
    ]


def test_a_narrow_piece_down_is_no_pair_of_row_ends() -> None:
    narrow = _line("艘逃", (178, 133, 198, 214))  # half a cell wide
    assert _ends_joined(_line(*_ROW_1), narrow, _line(*_ROW_2))[1] == "艘逃"


def test_a_latin_piece_down_at_a_row_s_end_is_left_alone() -> None:
    latin = _line("Ab", (153, 133, 201, 214))
    assert _ends_joined(_line(*_ROW_1), latin, _line(*_ROW_2))[1] == "Ab"


def test_two_characters_of_one_row_are_no_ends_of_two_rows() -> None:
    # Both of the piece's cells lie in the first row's box; the second row is
    # far below.
    row_1 = _line("一艇匪沉擊我", (178, 100, 371, 160))
    row_2 = _line("潰創受艘二另", (186, 300, 373, 346))
    piece = _line("艘逃", (140, 100, 185, 180))
    assert _ends_joined(row_1, piece, row_2) == ["一艇匪沉擊我", "艘逃", "潰創受艘二另"]


def test_a_doubled_character_at_a_row_s_end_is_kept_twice() -> None:
    # 紛紛: the row ends in 紛 and the piece's 紛 overlaps it by a fifth of a cell.
    rows = [_line("議論紛", (100, 100, 230, 146)), _line("說明白", (100, 140, 230, 186))]
    piece = _line("紛了", (222, 104, 268, 184))
    assert _ends_joined(*rows, piece) == ["議論紛紛", "說明白了"]


def test_a_label_of_smaller_type_tight_beside_two_rows_stays_a_line() -> None:
    # Two characters of 26-px type against rows of 46: each cell's middle in
    # a row, tight against both rows' ends, but of another size.
    label = _line("本報", (156, 150, 182, 202))
    assert _ends_joined(_line(*_ROW_1), label, _line(*_ROW_2))[1] == "本報"
