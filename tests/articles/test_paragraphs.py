"""Paragraphs of Chinese text set round a picture, and headings in a block."""

from __future__ import annotations

from newsprint.articles.paragraphs import paragraphs_of
from newsprint.core.page import Region, RegionType, TextLine
from newsprint.core.settings import Settings

BODY = 40.0


def _line(text: str, x0: float, y0: float, x1: float, height: float = BODY) -> TextLine:
    box = (x0, y0, x1, y0 + height)
    return TextLine(text=text, confidence=0.99, bbox=tuple(int(v) for v in box), work_bbox=box)


def _block(lines: list[TextLine]) -> Region:
    x0 = min(ln.work_bbox[0] for ln in lines)
    x1 = max(ln.work_bbox[2] for ln in lines)
    y0, y1 = lines[0].work_bbox[1], lines[-1].work_bbox[3]
    box = (x0, y0, x1, y1)
    return Region(
        id="t", type=RegionType.TEXT, bbox=tuple(int(v) for v in box), work_bbox=box, lines=lines
    )


def _paragraphs(rows: list[tuple[str, float, float]]) -> list[str]:
    lines = [_line(t, x0, 100 + 50 * i, x1) for i, (t, x0, x1) in enumerate(rows)]
    return paragraphs_of([_block(lines)], BODY, "zh-Hant", Settings())


def test_lines_set_round_a_picture_stay_one_paragraph() -> None:
    # 信報 of 12 August 2024, A13: a column run round a round portrait, its
    # lines stopping short on the right, then starting in on the left.
    rows = [
        ("本港人口老齡化是不爭事實，不少長者", 0, 680),
        ("因年紀大而出現視力衰退，突如其", 0, 600),
        ("來的改變，難免焦慮不安，試", 0, 520),
        ("諗下，突然間也都睇唔到，有", 0, 520),
        ("咗視力，你會點？會唔敢出", 0, 520),
        ("街，唔想同人講嘢，以前", 160, 680),
        ("覺得好易好簡單嘅事，例如", 80, 680),
        ("行路、上落樓梯，忽然好難。", 0, 560),
        ("何怡昕指出，為新失明長者提供", 80, 680),
        ("的復康訓練愈早愈好。", 0, 400),
    ]
    paragraphs = _paragraphs(rows)
    assert paragraphs == [
        "".join(t for t, _, _ in rows[:8]),
        "".join(t for t, _, _ in rows[8:]),
    ]


def test_a_heading_in_a_block_of_chinese_is_a_paragraph_of_its_own() -> None:
    rows = [
        ("該會中心經理李庭康謂，最近發現輪", 0, 560),  # set round a picture
        ("候時間有增無減，服務", 0, 480),
        ("求過於供。", 0, 200),
        ("輪候時間超指引目標", 120, 520),  # centred
        ("根據政府指引，三個月內接受訓練最好，", 0, 680),
        ("但而家最快都要十二至十六個月。", 0, 560),
    ]
    first, last = "".join(t for t, _, _ in rows[:3]), rows[4][0] + rows[5][0]
    assert _paragraphs(rows) == [first, rows[3][0], last]
    # Set off centre beside a picture, a heading in larger type is one too.
    lines = [_line(t, x0, 100 + 60 * i, x1) for i, (t, x0, x1) in enumerate(rows)]
    lines[3] = _line(rows[3][0], 260, 280, 600, height=1.5 * BODY)
    assert paragraphs_of([_block(lines)], BODY, "zh-Hant", Settings())[1] == rows[3][0]
    # Not centred and in the block's own type, it runs on into the next line.
    lines[3] = _line(rows[3][0], 260, 280, 600)
    assert paragraphs_of([_block(lines)], BODY, "zh-Hant", Settings()) == [
        first,
        rows[3][0] + last,
    ]


def test_a_heading_in_body_type_over_an_indented_line_parts_a_square_column() -> None:
    # 东莞日报 2026 A03: "七百八十六个日夜的坚守", bold in body type, over a
    # paragraph set in by two characters, in a column set square.
    rows = [
        ("破土", 240, 320),
        ("七百八十六個日夜的堅守", 20, 660),
        ("站在佔地13295畝的廠區裏，很難想", 80, 680),
        ("象兩年前這裏還是一片空地。", 0, 560),
    ]
    assert _paragraphs(rows) == [rows[0][0], rows[1][0], rows[2][0] + rows[3][0]]


def test_a_heading_after_a_line_read_without_its_stop_is_still_its_own() -> None:
    rows = [
        ("該會中心經理李庭康謂，最近發現輪候時", 0, 680),
        ("間有增無減，服務求過於供", 0, 480),  # its stop not read
        ("輪候時間超指引目標", 160, 520),
        ("根據政府指引，三個月內接受訓練最好。", 0, 680),
    ]
    assert _paragraphs(rows)[1] == rows[2][0]


def test_a_line_set_in_round_a_picture_and_a_little_short_is_no_heading() -> None:
    rows = [
        ("天地玄黃宇宙", 0, 520),  # set round a picture
        ("洪荒日月盈", 0, 480),
        ("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午", 0, 680),
        ("未申酉戌亥天地玄黃宇宙洪荒日月盈", 0, 680),
        ("昃辰宿列張寒來暑往秋收冬藏閏餘", 90, 645),  # in 90 px, 35 px short
        ("成歲律呂調陽雲騰致雨露結為霜金", 90, 680),
        ("生麗水玉出崑岡。", 0, 320),
    ]
    assert _paragraphs(rows) == ["".join(t for t, _, _ in rows)]


def test_a_heading_across_its_column_in_larger_type_is_its_own_paragraph() -> None:
    # 頭條日報 of 18 February 2025, p1: "任正非雷軍等6代表發言", 22.6 px in
    # a block of 19.3-px lines, across the column, over an indented line.
    body = 19.3
    rows = [("中國式現代化作出新的更大的", 567, 800), ("貢獻。", 565, 621)]
    lines = [_line(t, x0, 1000 + 21 * i, x1, height=body) for i, (t, x0, x1) in enumerate(rows)]
    lines.append(_line("任正非雷軍等6代表發言", 568, 1080, 799, height=22.6))
    lines.append(_line("習近平強調，當前民營經", 602, 1115, 802, height=body))
    lines.append(_line("濟發展面臨一些困難和挑戰，", 567, 1137, 799, height=body))
    paragraphs = paragraphs_of([_block(lines)], body, "zh-Hant", Settings())
    assert paragraphs[1] == "任正非雷軍等6代表發言"
    assert paragraphs[2].startswith("習近平強調")


def test_a_paragraph_s_indent_parts_it_from_a_line_read_without_its_stop() -> None:
    rows = [
        ("不少長者因年紀大而出現視力衰退，難免", 0, 680),
        ("焦慮不安", 0, 160),  # its stop not read
        ("失明人協進會服務中心社工何怡昕表示", 80, 680),  # two characters in
        ("從前線社工接觸到的個案發現大部分有隱", 0, 680),
        ("蔽傾向。", 0, 160),
    ]
    assert _paragraphs(rows) == [rows[0][0] + rows[1][0], "".join(t for t, _, _ in rows[2:])]


def test_a_quote_closed_mid_sentence_ends_no_paragraph() -> None:
    # A line set round a picture stops short after 「一國兩制」, the next set in.
    rows = [
        ("香港回歸以來實行「一國兩制」", 0, 560),
        ("方針，社會各界普遍", 80, 600),  # in by two characters, as the next
        ("認同這一方針的實行", 80, 680),
        ("和成效。", 0, 160),
    ]
    assert _paragraphs(rows) == ["".join(t for t, _, _ in rows)]
    # A quote closed after its stop, and a colon before a quoted paragraph,
    # end one.
    for end in ("他說：", "「做得好。」"):
        rows = [
            ("記者昨日訪問了協會的負責人", 0, 680),
            (end, 0, 240),
            ("「我們會繼續努力。」", 0, 560),
        ]
        assert len(_paragraphs(rows)) == 2


def test_a_last_line_in_a_taller_box_is_no_heading() -> None:
    # 联合早报 2025 p2: "作。", a paragraph's last two characters, boxed
    # 1.29 times as tall as its block's lines.
    rows = [
        ("面對日益複雜的外部環境，我國", 0, 560),  # set round a picture
        ("內部必須在政治課題上", 0, 480),
        ("團結一致，並與政府緊密合", 0, 680),
    ]
    lines = [_line(t, x0, 100 + 50 * i, x1) for i, (t, x0, x1) in enumerate(rows)]
    lines.append(_line("作。", 0, 250, 80, height=1.4 * BODY))
    paragraphs = paragraphs_of([_block(lines)], BODY, "zh-Hant", Settings())
    assert paragraphs == ["".join(t for t, _, _ in rows) + "作。"]
