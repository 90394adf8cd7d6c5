"""Reading order of a vertical page, and punctuation in vertical form, on hand-built regions."""

from __future__ import annotations

from newsprint.articles.assembly import assemble
from newsprint.articles.punctuation import horizontal_punctuation
from newsprint.articles.rtl import leans_right_to_left, reads_right_to_left, with_rtl_lines
from newsprint.articles.text import join_lines
from newsprint.articles.vertical import is_vertical_page
from newsprint.core.page import NewspaperPage, Region, RegionType, TextDirection, TextLine
from newsprint.core.settings import Settings

CHAR = 30
"""Side of a character's cell, working pixels (the body type)."""


def _vertical(rid: str, right: float, top: float, texts: list[str], kind=RegionType.TEXT) -> Region:
    """A block of vertical lines, the first at ``right``, each 45 px left of the one before."""
    lines = []
    for i, text in enumerate(texts):
        x1 = right - 45 * i
        box = (x1 - CHAR, top, x1, top + CHAR * len(text))
        lines.append(TextLine(text=text, confidence=0.9, bbox=tuple(map(int, box)), work_bbox=box))
    x0 = min(ln.work_bbox[0] for ln in lines)
    y1 = max(ln.work_bbox[3] for ln in lines)
    box = (x0, top, right, y1)
    return Region(
        id=rid,
        type=kind,
        bbox=tuple(map(int, box)),
        work_bbox=box,
        lines=lines,
        direction=TextDirection.VERTICAL_RL,
    )


def _rule(rid: str, box: tuple[float, float, float, float]) -> Region:
    return Region(id=rid, type=RegionType.SEPARATOR, bbox=tuple(map(int, box)), work_bbox=box)


def _page(regions: list[Region]) -> NewspaperPage:
    return NewspaperPage(
        source="v.png",
        sha256="0" * 64,
        width=2000,
        height=2000,
        regions=regions,
        body_line_height=CHAR,
        language="zh-Hant",
    )


def _across_block(
    rid: str, kind: RegionType, x0: float, top: float, texts: list[str], size: float = 40.0
) -> Region:
    """A block of lines set across, ``size`` px characters, one under another."""
    lines = []
    for i, text in enumerate(texts):
        box = (x0, top + size * i, x0 + size * len(text), top + size * (i + 1))
        lines.append(TextLine(text=text, confidence=0.9, bbox=tuple(map(int, box)), work_bbox=box))
    box = (x0, top, max(ln.work_bbox[2] for ln in lines), top + size * len(texts))
    return Region(id=rid, type=kind, bbox=tuple(map(int, box)), work_bbox=box, lines=lines)


def test_vertical_punctuation_is_written_in_horizontal_form() -> None:
    assert horizontal_punctuation("﹁好﹂︐他說︒︵一︶︽書︾") == "「好」，他說。（一）《書》"
    assert horizontal_punctuation("「好」，他說。") == "「好」，他說。"
    assert join_lines(["記者︓今日︐", "天晴︒"]) == "記者：今日，天晴。"


def test_a_page_is_vertical_when_its_body_text_runs_down() -> None:
    down = _vertical("r1", 900, 100, ["一二三四五六七八", "九十一二三四五六"])
    across = Region(
        id="r2",
        type=RegionType.TEXT,
        bbox=(0, 0, 10, 10),
        lines=[TextLine(text="短短", confidence=0.9, bbox=(0, 0, 10, 10))],
    )
    assert is_vertical_page([down, across])
    assert not is_vertical_page([across])


def test_bands_are_read_right_to_left_then_the_next_band_below() -> None:
    # Top band: story A (headline down its right, two blocks), then story B to its
    # left past a column rule. Bottom band (under a rule across): story C.
    regions = [
        _vertical("hA", 1900, 100, ["甲報新聞"], RegionType.HEADLINE),
        _vertical("tA1", 1840, 100, ["甲一甲一甲一甲一", "甲二甲二甲二甲二"]),
        _vertical("tA2", 1740, 100, ["甲三甲三甲三甲三"]),
        _rule("v1", (1560, 90, 1562, 420)),
        _vertical("hB", 1500, 100, ["乙報新聞"], RegionType.HEADLINE),
        _vertical("tB", 1440, 100, ["乙一乙一乙一乙一", "乙二乙二乙二乙二"]),
        _rule("h1", (100, 440, 1950, 442)),
        _vertical("hC", 1900, 470, ["丙報新聞"], RegionType.HEADLINE),
        _vertical("tC", 1840, 470, ["丙一丙一丙一丙一"]),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == ["甲報新聞", "乙報新聞", "丙報新聞"]
    first = page.articles[0]
    assert "".join(first.paragraphs) == "甲一甲一甲一甲一甲二甲二甲二甲二甲三甲三甲三甲三"
    assert page.reading_order[:3] == ["hA", "tA1", "tA2"]


def test_a_story_runs_on_into_the_band_below_without_a_rule() -> None:
    # One story over two bands of its own, no rule between: the top band right to
    # left, then the band below (right to left again).
    regions = [
        _vertical("h", 1900, 100, ["標題"], RegionType.HEADLINE),
        _vertical("top", 1840, 100, ["上一上一上一", "上二上二上二"]),
        _vertical("low", 1840, 310, ["下一下一下一", "下二下二下二"]),
    ]
    page = assemble(_page(regions), Settings())
    assert len(page.articles) == 1
    assert (
        "".join(page.articles[0].paragraphs) == "上一上一上一上二上二上二下一下一下一下二下二下二"
    )


def test_a_short_vertical_line_beside_a_photo_is_its_caption() -> None:
    photo = Region(
        id="p", type=RegionType.PHOTO, bbox=(1400, 100, 1700, 500), work_bbox=(1400, 100, 1700, 500)
    )
    regions = [
        _vertical("h", 1900, 100, ["新聞標題"], RegionType.HEADLINE),
        _vertical("t", 1840, 100, ["正文一正文一正文一", "正文二正文二正文二"]),
        _vertical("c", 1740, 120, ["圖為現場"]),
        photo,
    ]
    page = assemble(_page(regions), Settings())
    assert len(page.articles) == 1
    article = page.articles[0]
    assert article.captions == ["圖為現場"]
    assert "圖為現場" not in "".join(article.paragraphs)
    assert {"p", "c"} <= set(article.region_ids)


def test_short_chinese_lines_read_right_to_left_are_told_by_their_words() -> None:
    assert reads_right_to_left("日十三月四年九十二國民華中")
    assert reads_right_to_left("版二第")
    assert reads_right_to_left("報晶")
    for text in ("中華民國二十九年四月三十日", "第二版", "晶報", "港口經濟持續回暖", "Page 2"):
        assert not reads_right_to_left(text), text
    # The unseen 1939 晶報 fold's masthead row: a dateline with 廿 read "1",
    # and two notices a gap apart read as one line of 25 characters.
    assert reads_right_to_left("三期星日六1月四年挪拾貳國民華中")
    assert reads_right_to_left("日三月三年八國民於刊創報本厘四分貳幣國售張全兩日今")
    for text in (
        "中華民國貳拾挪年四月1六日星期三",
        "本報創刊於民國八年三月三日今日兩全張售國幣貳分四厘",
    ):
        assert not reads_right_to_left(text), text
    # Mostly figures and Latin, half- or full-width, is not looked at.
    assert not reads_right_to_left("A號百八千三第12345")
    assert not reads_right_to_left("１２３４５６７８９０號版")


def _headings(texts: list[str]) -> list[Region]:
    """One-line headlines set across, one under another down the page."""
    return [
        _across_block(f"h{i}", RegionType.HEADLINE, 100, 100 + 80 * i, [text])
        for i, text in enumerate(texts)
    ]


def test_a_heading_whose_words_cannot_tell_is_read_the_way_the_page_leans() -> None:
    # ECPO 1940's theatre adverts: a play's title, 三探惡虎村, read as set,
    # right to left, scores no word either way; the page's datelines and
    # folios read clearly right to left, so it is turned as they are.
    leaning = ["日十三月四年九十二國民華中", "版二第", "二期星", "村虎惡探三", "港口經濟持續回暖"]
    regions = with_rtl_lines(_headings(leaning))
    assert [r.lines[0].text for r in regions] == [
        "中華民國二十九年四月三十日",
        "第二版",
        "星期二",
        "三探惡虎村",
        "港口經濟持續回暖",  # reads clearly better forwards: kept
    ]
    assert regions[3].direction == TextDirection.HORIZONTAL_RTL
    assert regions[4].direction == TextDirection.HORIZONTAL_LTR
    # One line clearly right to left is no lean: the title stays as read.
    alone = with_rtl_lines(_headings(["版二第", "村虎惡探三"]))
    assert not leans_right_to_left(_headings(["版二第", "村虎惡探三"]))
    assert [r.lines[0].text for r in alone] == ["第二版", "村虎惡探三"]
    # Nor do lines that read clearly both ways, as many forwards as back.
    both = ["版二第", "二期星", "報晶", "港口經濟持續回暖", "中華民國二十九年", "第二版"]
    assert not leans_right_to_left(_headings(both))


def test_an_arrow_or_brackets_in_a_line_across_do_not_stop_its_words_being_judged() -> None:
    assert reads_right_to_left("←產生加增部濟經")
    assert with_rtl_lines(_headings(["←產生加增部濟經"]))[0].lines[0].text == "經濟部增加生產←"


def test_a_line_across_an_advert_on_a_vertical_page_comes_out_in_reading_order() -> None:
    # ECPO 1919's lamp advert, found in its frame: its maker's name across
    # the top, set right to left, over its vertical lines.
    lines = [
        TextLine(text="造製司公球電國中海上", confidence=0.9, bbox=(500, 840, 1070, 880)),
        TextLine(text="安利博", confidence=0.9, bbox=(1000, 900, 1040, 1100)),
    ]
    advert = Region(
        id="ad",
        type=RegionType.ADVERTISEMENT,
        bbox=(490, 840, 1075, 1700),
        work_bbox=(490.0, 840.0, 1075.0, 1700.0),
        lines=lines,
    )
    regions = [
        advert,
        _vertical("h", 1900, 100, ["新聞標題"], RegionType.HEADLINE),
        _vertical("t", 1840, 100, ["正文一正文一正文一", "正文二正文二正文二"]),
    ]
    page = assemble(_page(regions), Settings())
    texts = [ln.text for r in page.regions if r.id == "ad" for ln in r.lines]
    assert texts == ["上海中國電球公司製造", "安利博"]  # the vertical line as read


def test_a_masthead_across_a_vertical_page_comes_out_in_reading_order() -> None:
    masthead = Region(
        id="m",
        type=RegionType.RUNNING_HEAD,
        bbox=(900, 20, 1500, 60),
        work_bbox=(900.0, 20.0, 1500.0, 60.0),
        lines=[
            TextLine(text="日十三月四年九十二國民華中", confidence=0.9, bbox=(900, 20, 1500, 60))
        ],
    )
    regions = [
        masthead,
        _vertical("h", 1900, 100, ["新聞標題"], RegionType.HEADLINE),
        _vertical("t", 1840, 100, ["正文一正文一正文一", "正文二正文二正文二"]),
    ]
    page = assemble(_page(regions), Settings())
    head = page.region("m")
    assert head.direction == TextDirection.HORIZONTAL_RTL
    assert head.text == "中華民國二十九年四月三十日"
    assert page.region("t").text == "正文一正文一正文一\n正文二正文二正文二"  # vertical: as read


def test_lines_across_in_a_block_of_several_come_out_in_reading_order() -> None:
    # The 1939 晶報 fold's imprint box: four lines set across right to left,
    # one block; and a caption of two lines under a picture, one of them
    # set right to left, the other a figure and Latin, left as read.
    imprint = [
        "紙報之送寄益優包總照按券立號掛准特政郵華中",
        "號四廿宇C證記登局部工界租共公",
    ]
    head = _across_block("imp", RegionType.HEADLINE, 1000, 20, imprint)
    caption = _across_block(
        "cap", RegionType.CAPTION, 1000, 1500, ["品出司公煙新福國中", "No. 1939 A"]
    )
    regions = [
        head,
        caption,
        _vertical("h", 1900, 200, ["新聞標題"], RegionType.HEADLINE),
        _vertical("t", 1840, 200, ["正文一正文一正文一", "正文二正文二正文二"]),
    ]
    page = assemble(_page(regions), Settings())
    assert page.region("imp").direction == TextDirection.HORIZONTAL_RTL
    assert [ln.text for ln in page.region("imp").lines] == [
        "中華郵政特准掛號立券按照總包優益寄送之報紙",
        "公共租界工部局登記證C宇廿四號",
    ]
    assert [ln.text for ln in page.region("cap").lines] == ["中國福新煙公司出品", "No. 1939 A"]
    # Every line that words can judge was turned; the Latin one cannot be.
    assert page.region("cap").direction == TextDirection.HORIZONTAL_RTL


def test_a_story_set_across_on_a_vertical_page_keeps_its_lines_as_read() -> None:
    # A fragment of running text can read better backwards ("三點一。" at a
    # paragraph's end); a block set left to right, read as a whole, does not.
    story = [
        "行政院主計總處今天公布最新統計，今",
        "年第二季經濟成長率為百分之",
        "三點一。",
        "主計總處官員表示，出口表現回溫，加",
        "上民間消費持續增加，是帶動經濟成",
        "長的主要動力。",
    ]
    assert reads_right_to_left("三點一。")

    block = _across_block("s", RegionType.TEXT, 200, 1500, story, size=30)
    regions = [
        block,
        _vertical("h", 1900, 200, ["新聞標題"], RegionType.HEADLINE),
        _vertical("t", 1840, 200, ["正文一正文一正文一正文一", "正文二正文二正文二正文二"] * 4),
    ]
    page = assemble(_page(regions), Settings())
    assert [ln.text for ln in page.region("s").lines] == story
    assert page.region("s").direction == TextDirection.HORIZONTAL_LTR


def test_a_strip_down_the_page_edge_does_not_make_one_band_of_the_page() -> None:
    # A slogan set down the page's right edge, ruled off; left of it two bands,
    # each a story under a rule across: the top band's stories are read before
    # the lower band's, though the lower band's stand further right.
    regions = [
        _vertical("strip", 1990, 100, ["本報具有廿一年的歷史" * 3], RegionType.HEADLINE),
        _rule("v1", (1940, 90, 1942, 1100)),
        _vertical("hA", 1800, 100, ["甲報新聞"], RegionType.HEADLINE),
        _vertical("tA", 1740, 100, ["甲一甲一甲一甲一", "甲二甲二甲二甲二"]),
        _rule("h1", (100, 440, 1930, 442)),
        _vertical("hB", 1900, 470, ["乙報新聞"], RegionType.HEADLINE),
        _vertical("tB", 1840, 470, ["乙一乙一乙一乙一", "乙二乙二乙二乙二"]),
    ]
    page = assemble(_page(regions), Settings())
    heads = [a.headline for a in page.articles]
    assert heads.index("甲報新聞") < heads.index("乙報新聞"), heads


def test_a_tall_lead_story_across_the_page_is_no_strip() -> None:
    # A lead story in many columns over most of the page, two stories under a
    # rule across it: the lead first, then the band below right to left.
    lead = _vertical("tL", 1880, 100, ["丙一丙一丙一丙一丙一丙一丙"] * 24)
    regions = [
        _vertical("hL", 1940, 100, ["丙報新聞"], RegionType.HEADLINE),
        lead,
        _rule("h1", (100, 520, 1990, 522)),
        _vertical("hD", 1945, 540, ["丁報新聞"], RegionType.HEADLINE),
        _vertical("tD", 1885, 540, ["丁一丁一"]),
        _rule("v1", (1500, 530, 1502, 800)),
        _vertical("hE", 1400, 540, ["戊報新聞"], RegionType.HEADLINE),
        _vertical("tE", 1340, 540, ["戊一戊一"]),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == ["丙報新聞", "丁報新聞", "戊報新聞"]


def _across(rid: str, box: tuple[float, float, float, float], text: str) -> Region:
    line = TextLine(text=text, confidence=0.9, bbox=tuple(map(int, box)), work_bbox=box)
    return Region(
        id=rid,
        type=RegionType.TEXT,
        bbox=tuple(map(int, box)),
        work_bbox=box,
        lines=[line],
        direction=TextDirection.HORIZONTAL_LTR,
    )


def _signed(name: str, title: str = "吹羅自吹", ruled: bool = False) -> NewspaperPage:
    """A title down its column, ``name`` set across at the column's foot (nearer
    the text than the title is; ``ruled``: a rule across the column between
    them), the text to their left; assembled."""
    regions = [
        _vertical("h", 1900, 100, [title], RegionType.HEADLINE),
        _across("by", (1866, 300, 1904, 320), name),
        _vertical("t", 1851, 100, ["正文一正文一正文一正文一正文", "正文二正文二正文二正文二正文"]),
    ]
    if ruled:
        regions.append(_rule("r", (1862, 260, 1908, 262)))
    return assemble(_page(regions), Settings())


def test_a_pen_name_at_the_foot_of_the_titles_column_keeps_the_text_beside_it() -> None:
    page = _signed("(翁丹)")
    assert len(page.articles) == 1
    article = page.articles[0]
    assert article.headline == "吹羅自吹"
    assert set(article.region_ids) == {"h", "by", "t"}
    assert article.byline == "（翁丹）"
    assert page.region("by").type == RegionType.BYLINE


def test_a_pen_name_that_reads_backwards_too_is_not_turned_round() -> None:
    # "（海鳴）" reads as well one way as the other: a pen name is no line to turn.
    assert [a.byline for a in _signed("（海鳴）").articles] == ["（海鳴）"]


def test_an_instalment_number_a_note_or_a_plain_line_under_a_title_is_no_byline() -> None:
    # A serial's number, a note, punctuation, and an advert's address under its name.
    for line in ("（十二）", "（１２）", "（未完）", "（，。）", "南京路"):
        page = _signed(line)
        assert page.region("by").type == RegionType.TEXT, line
        assert not any(a.byline for a in page.articles), line


def test_a_block_under_a_title_ruled_off_from_it_is_not_its_pen_name() -> None:
    page = _signed("(翁丹)", ruled=True)
    assert page.region("by").type == RegionType.TEXT
    assert not any(a.byline for a in page.articles)


def test_two_stories_one_over_the_other_in_a_band_are_read_before_the_next_one_left() -> None:
    # A band: a tall story on the right, two stories one over the other in the
    # middle (the lower one's top under the middle of the tall one), a tall
    # story on the left. Read right to left, the middle top then bottom.
    regions = [
        _vertical("hR", 1900, 100, ["右報新聞"], RegionType.HEADLINE),
        _vertical("tR", 1850, 100, ["右一右一右一右一右一右一右一右一右一右一右一右一右"]),
        _rule("v1", (1760, 90, 1762, 500)),
        _vertical("hT", 1700, 100, ["上報新聞"], RegionType.HEADLINE),
        _vertical("tT", 1650, 100, ["上一上一上一上一"]),
        _rule("h1", (1400, 340, 1740, 342)),
        _vertical("hB", 1700, 360, ["下報新聞"], RegionType.HEADLINE),
        _vertical("tB", 1650, 360, ["下一下一"]),
        _rule("v2", (1380, 90, 1382, 500)),
        _vertical("hL", 1300, 100, ["左報新聞"], RegionType.HEADLINE),
        _vertical("tL", 1250, 100, ["左一左一左一左一左一左一左一左一左一左一左一左一左"]),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == ["右報新聞", "上報新聞", "下報新聞", "左報新聞"]


def test_a_mark_in_the_margin_is_read_in_its_band_not_first() -> None:
    # Two bands under a rule across, a price list set down the left margin by
    # both; a mark in the right margin, level with the lower band, reads in that
    # band (its rightmost), after the top band's stories.
    regions = [
        _vertical("prices", 60, 100, ["本報價目每月五角三個月一元四角外埠每月六角"]),
        _vertical("hA", 1800, 100, ["甲報新聞"], RegionType.HEADLINE),
        _vertical("tA", 1750, 100, ["甲一甲一甲一甲一甲一甲一"]),
        _rule("h1", (100, 440, 1850, 442)),
        _vertical("hB", 1800, 470, ["乙報新聞"], RegionType.HEADLINE),
        _vertical("tB", 1750, 470, ["乙一乙一乙一乙一乙一乙一"]),
        _vertical("mark", 1990, 600, ["記號二一"]),
    ]
    page = assemble(_page(regions), Settings())
    order = [rid for a in page.articles for rid in a.region_ids]
    assert order.index("hA") < order.index("mark") < order.index("tB"), order


def _columns(rid: str, columns: list[tuple[float, float, str]]) -> Region:
    """A block of vertical lines, each given as (right edge, top, text)."""
    lines = []
    for x1, top, text in columns:
        box = (x1 - CHAR, top, x1, top + CHAR * len(text))
        lines.append(TextLine(text=text, confidence=0.9, bbox=tuple(map(int, box)), work_bbox=box))
    box = tuple(f(ln.work_bbox[i] for ln in lines) for i, f in enumerate((min, min, max, max)))
    return Region(
        id=rid,
        type=RegionType.TEXT,
        bbox=tuple(map(int, box)),
        work_bbox=box,
        lines=lines,
        direction=TextDirection.VERTICAL_RL,
    )


def test_a_story_under_a_headline_inside_the_band_is_not_the_story_right_of_it() -> None:
    # 馬祖日報 (1957), p. 1: story A's columns run the band's full height; left
    # of them story B's headline stands across at the band's top, B's first
    # columns under it and its last ones the band's full height left of it.
    # Nothing but the step down of the column tops parts B from A (layout
    # parts their block there: ``layout.nested_heads``).
    full, short = "甲" * 12, "乙" * 7
    regions = [
        _vertical("hA", 1900, 100, ["甲報新聞"], RegionType.HEADLINE),
        _columns("tA", [(1840 - 45 * i, 100, full) for i in range(4)]),
        _across_block("hB", RegionType.HEADLINE, 1430, 100, ["乙報新聞"], size=60.0),
        _columns(
            "tB",
            [(1660 - 45 * i, 270, short) for i in range(4)]
            + [(1420 - 45 * i, 100, "丙" * 12) for i in range(2)],
        ),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == ["甲報新聞", "乙報新聞"]
    assert "".join(page.articles[1].paragraphs) == short * 4 + "丙" * 24
    assert page.reading_order == ["hA", "tA", "hB", "tB"]


def test_a_title_set_over_a_headline_across_is_read_first() -> None:
    # 馬祖日報 (1957), p. 1: 馬祖西北海戰報捷, set down in two columns, stands
    # over 我擊沉匪艇一艘, set across; the story's columns run under both.
    regions = [
        _vertical("title", 1800, 100, ["海戰報捷"], RegionType.HEADLINE),
        _across_block("deck", RegionType.HEADLINE, 1600, 230, ["擊沉匪艇"], size=60.0),
        _vertical("text", 1840, 300, ["一二三四五", "六七八九十"]),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == ["海戰報捷 擊沉匪艇"]


def test_a_column_of_body_text_typed_headline_is_read_in_its_story() -> None:
    # 馬祖日報 (1957): the 海戰 story's last column, boxed wide beside the
    # page's frame, was typed headline and started a story of its own.
    tail = "九分，發生在連江口，我艦隊始終勇猛沉着"
    regions = [
        _vertical("h", 1900, 100, ["海戰報捷"], RegionType.HEADLINE),
        _vertical("t", 1840, 100, ["一二三四五六七八九十一二三四五六七八九"] * 2),
        _vertical("last", 1750, 100, [tail], RegionType.HEADLINE),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == ["海戰報捷"]
    assert "".join(page.articles[0].paragraphs).endswith(tail)
    assert next(r for r in page.regions if r.id == "last").type == RegionType.TEXT


def _set_at(pitch: float, text: str) -> Region:
    """A vertical headline of one line, its characters ``pitch`` px apart."""
    box = (1000 - CHAR, 100, 1000, 100 + pitch * len(text))
    line = TextLine(text=text, confidence=0.9, bbox=tuple(map(int, box)), work_bbox=box)
    return Region(
        id="h",
        type=RegionType.HEADLINE,
        bbox=tuple(map(int, box)),
        work_bbox=box,
        lines=[line],
        direction=TextDirection.VERTICAL_RL,
    )


def test_titles_stay_headlines_whatever_their_commas() -> None:
    from newsprint.articles.body_columns import with_body_columns

    titles = [
        _set_at(CHAR, "菊影，梅影"),  # body size, a comma, but a title's length
        _set_at(2 * CHAR, "小便貼滿：血淋淋精，道精，老白濁"),  # display type
        _set_at(CHAR, "國軍運動大會昨四項破紀錄"),  # body size, no sentence mark
    ]
    assert [r.type for r in with_body_columns(titles, CHAR)] == [RegionType.HEADLINE] * 3
    sentence = _set_at(CHAR, "和前兩屆相比，可能要平淡得多。")
    assert with_body_columns([sentence], CHAR)[0].type == RegionType.TEXT
    # Six ideographs and two commas: the marks are not counted.
    assert with_body_columns([_set_at(CHAR, "菊影，梅影，秋聲")], CHAR)[0].type == (
        RegionType.HEADLINE
    )


def test_a_deck_a_size_up_and_an_archivist_s_headline_stay_headlines() -> None:
    from newsprint.articles.body_columns import with_body_columns

    story = _vertical("t", 1500, 100, ["一二三四五六七八九十一二"] * 3)
    deck = _set_at(1.25 * CHAR, "匪艇四艘被我擊中，一艘沉沒")
    typed = _set_at(CHAR, "和前兩屆相比，可能要平淡得多。").model_copy(
        update={"typed_by_archivist": True}
    )
    out = with_body_columns([story, deck, typed], CHAR)
    assert [r.type for r in out] == [RegionType.TEXT, RegionType.HEADLINE, RegionType.HEADLINE]


def _turned_heading(rid: str, box: tuple[float, float, float, float]) -> Region:
    """A headline as ``articles.vertical`` hands it to the article's text:
    its upright ``box`` turned a quarter."""
    from newsprint.layout.boxes import Box
    from newsprint.layout.direction import transpose

    turned = transpose(Box(*box)).as_tuple()
    return Region(id=rid, type=RegionType.HEADLINE, bbox=(0, 0, 1, 1), work_bbox=turned)


def test_a_vertical_page_s_headlines_read_rows_from_the_top_stacks_from_the_right() -> None:
    from newsprint.articles.draft import headline_order

    # 馬祖日報 (1957): 馬祖 and 西北海戰報捷 set down side by side (馬祖's top 3 px
    # lower), over 我擊沉匪艇一艘 set across.
    heads = [
        _turned_heading("across", (172, 134, 382, 213)),
        _turned_heading("xibei", (191, 57, 327, 134)),
        _turned_heading("mazu", (317, 60, 355, 139)),
    ]
    assert [h.id for h in headline_order(heads, turned=True)] == ["mazu", "xibei", "across"]
    # Two decks set across one over the other beside a tall title, the lower
    # one shorter, set to the right.
    heads = [
        _turned_heading("deck2", (1600, 170, 1790, 220)),
        _turned_heading("deck1", (1500, 100, 1790, 160)),
        _turned_heading("title", (1800, 100, 1840, 500)),
    ]
    assert [h.id for h in headline_order(heads, turned=True)] == ["title", "deck1", "deck2"]


def test_a_page_number_set_over_a_vertical_page_is_its_folio_not_a_headline() -> None:
    # ECPO's 1921-01-15 fold: 第二版, set across at the top of the page right
    # to left (read "版二第"), taken for a headline, headed the story under
    # it ("第二版 口吹羅自吹").
    regions = [
        _across_block("folio", RegionType.HEADLINE, 1700, 40, ["版二第"], size=40.0),
        _vertical("h", 1900, 100, ["吹羅自吹"], RegionType.HEADLINE),
        _vertical("t", 1840, 100, ["一二三四五六七八", "九十一二三四五六"]),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == ["吹羅自吹"]
    assert next(r for r in page.regions if r.id == "folio").type == RegionType.FOLIO
