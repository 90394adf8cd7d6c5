"""Reading order of boxes by rows and by X-Y cut."""

from __future__ import annotations

from newsprint.layout.boxes import in_rows, xy_cut


def test_xy_cut_reads_bands_then_columns_each_top_down() -> None:
    # A masthead: a row of two pieces, the title across, then three ears of
    # unequal depth; the middle ear's second box stands level with the left
    # ear's first line, so rows across the ears would interleave them.
    boxes = [
        (0, 0, 300, 30),  # 0 issue number
        (700, 2, 1000, 28),  # 1 date
        (0, 40, 1000, 140),  # 2 title
        (0, 150, 300, 190),  # 3 left ear, first box
        (0, 195, 300, 330),  # 4 left ear, second box
        (350, 150, 650, 180),  # 5 subtitle
        (350, 190, 650, 260),  # 6 address
        (700, 150, 1000, 180),  # 7 right ear
    ]
    assert xy_cut(boxes) == [0, 1, 2, 3, 4, 5, 6, 7]
    assert xy_cut(boxes, right_to_left=True) == [1, 0, 2, 7, 5, 6, 3, 4]
    # Rows across would take the left ear's second box after the subtitle.
    assert in_rows(boxes) != xy_cut(boxes)


def test_xy_cut_reads_boxes_no_white_parts_along_rows() -> None:
    # Two boxes overlapping both ways (a ruled box's text over its frame):
    # no cut parts them, so they are read by their rows, the upper first.
    boxes = [(100, 50, 400, 200), (0, 0, 300, 100)]
    assert xy_cut(boxes) == [1, 0]
    assert xy_cut([]) == []


def test_xy_cut_takes_a_few_pixels_of_overlap_for_white_within_its_slack() -> None:
    # A nameplate whose box reaches 4 pixels into the ears under it, and two
    # ears of two boxes each, the right ear's boxes level with the left's
    # gap: without slack no cut parts the name from the ears, and rows
    # across read the ears' boxes in turn.
    boxes = [
        (0, 0, 1000, 104),  # 0 the name
        (0, 100, 300, 160),  # 1 left ear, top
        (0, 170, 300, 230),  # 2 left ear, foot
        (700, 100, 1000, 140),  # 3 right ear, top
        (700, 150, 1000, 230),  # 4 right ear, foot
    ]
    assert xy_cut(boxes, slack=5) == [0, 1, 2, 3, 4]
    assert xy_cut(boxes) != [0, 1, 2, 3, 4]
    assert xy_cut(boxes, slack=3) != [0, 1, 2, 3, 4]


def test_a_block_reaching_down_from_a_row_takes_no_box_under_the_row() -> None:
    # NZZ 1909's masthead: the rates header's row ("Abonnementspreise." and
    # the months), one of its pieces a block of three lines reaching down
    # beside the table; the table under the row was taken into it and read
    # first (its left edge the row's leftmost).
    header, months, tall = (312, 759, 733, 803), (931, 759, 1048, 805), (761, 759, 905, 969)
    table = (233, 792, 1186, 920)
    assert in_rows([header, months, tall, table]) == [0, 2, 1, 3]
    # Pieces of one row a few pixels apart in height stay one row.
    assert in_rows([(500, 10, 900, 50), (100, 2, 400, 44), (1000, 16, 1300, 58)]) == [1, 0, 2]


def test_a_speck_on_a_row_does_not_set_it() -> None:
    # A mark a few pixels tall at the row's top, then pieces of the line:
    # all one row, read left to right.
    boxes = [(100, 8, 400, 40), (500, 10, 520, 16), (1000, 14, 1300, 44), (20, 14, 90, 44)]
    assert in_rows(boxes) == [3, 0, 1, 2]
