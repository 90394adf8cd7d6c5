"""Reading order and article assembly over hand-built regions (no OCR needed)."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.articles import assemble
from newsprint.articles.bands import ends_a_sentence
from newsprint.articles.flow import cut_off_rule
from newsprint.articles.roles import is_byline, split_roles, split_signatures
from newsprint.articles.text import join_lines, small_caps_as_capitals
from newsprint.core.page import (
    ArticleKind,
    NewspaperPage,
    Region,
    RegionType,
    TableCell,
    TextLine,
)
from newsprint.core.script import detect_language
from newsprint.core.settings import Settings
from newsprint.exports.text import render_articles_text
from newsprint.layout.boxes import Box

BODY = 20.0


def _line(text: str, x0: float, y0: float, x1: float) -> TextLine:
    box = (x0, y0, x1, y0 + BODY)
    return TextLine(text=text, confidence=0.99, bbox=tuple(int(v) for v in box), work_bbox=box)


def _region(rid: str, kind: RegionType, box: tuple[float, float, float, float], lines=()) -> Region:
    return Region(
        id=rid, type=kind, bbox=tuple(int(v) for v in box), work_bbox=box, lines=list(lines)
    )


def _column(rid: str, x0: float, y0: float, rows: list[tuple[str, float, float]]) -> Region:
    """rows: (text, indent in px, line length in px); a column 300 px wide."""
    lines = [
        _line(t, x0 + ind, y0 + i * 30, x0 + ind + length)
        for i, (t, ind, length) in enumerate(rows)
    ]
    y1 = y0 + (len(rows) - 1) * 30 + BODY
    return _region(rid, RegionType.TEXT, (x0, y0, x0 + 300, y1), lines)


def _page(regions: list[Region], language: str = "en") -> NewspaperPage:
    return NewspaperPage(
        source="t.png",
        sha256="0",
        width=2000,
        height=2000,
        regions=regions,
        body_line_height=BODY,
        language=language,
    )


def two_column_article_with_photo() -> NewspaperPage:
    head = _region(
        "h",
        RegionType.HEADLINE,
        (100, 100, 700, 150),
        [_line("Harbour bridge reopens", 100, 100, 600)],
    )
    photo = _region("p", RegionType.PHOTO, (100, 180, 400, 400))
    caption = _region(
        "c",
        RegionType.CAPTION,
        (100, 410, 400, 430),
        [_line("Crews at work on Monday. (Photo by Ann Lee)", 100, 410, 390)],
    )
    col1 = _column(
        "t1",
        100,
        460,
        [
            ("The bridge opened to traffic", 40, 260),
            ("again on Monday after a long", 0, 300),
            ("repair that cost the city", 0, 300),
            ("nearly three mil-", 0, 300),
        ],
    )
    col2 = _column(
        "t2",
        420,
        180,
        [
            ("lion dollars, officials said.", 0, 200),
            ("Drivers cheered as the", 40, 260),
            ("barriers came down.", 0, 180),
        ],
    )
    byline = _region(
        "b", RegionType.TEXT, (420, 280, 720, 300), [_line("By JOHN SMITH", 420, 280, 560)]
    )
    running = _region(
        "rh",
        RegionType.RUNNING_HEAD,
        (100, 20, 900, 40),
        [_line("THE RIVERSIDE HERALD Thursday", 100, 20, 900)],
    )
    return _page([running, head, photo, caption, col1, col2, byline])


def test_two_column_article_reads_down_then_across_with_caption_and_byline() -> None:
    page = assemble(two_column_article_with_photo(), Settings())
    assert len(page.articles) == 1
    art = page.articles[0]
    assert art.headline == "Harbour bridge reopens"
    assert art.paragraphs == [
        "The bridge opened to traffic again on Monday after a long repair that cost the city "
        "nearly three million dollars, officials said.",
        "Drivers cheered as the barriers came down.",
    ]
    assert art.captions == ["Crews at work on Monday. (Photo by Ann Lee)"]
    assert art.byline == "By JOHN SMITH"
    assert "p" in art.region_ids and "c" in art.region_ids
    assert "rh" not in art.region_ids
    assert all("RIVERSIDE" not in p for p in art.paragraphs)


def test_chinese_paragraph_cut_by_column_break_is_joined() -> None:
    head = _region(
        "h",
        RegionType.HEADLINE,
        (100, 100, 700, 150),
        [_line("宁波公安发出扫黑除恶最强音", 100, 100, 600)],
    )
    col1 = _column(
        "t1",
        100,
        200,
        [
            ("会议充分肯定了今年以来扫黑", 40, 260),
            ("除恶专项斗争所取得的成绩全", 0, 300),
            ("市各级公安机关的思想认识高度统", 0, 300),
        ],
    )
    col2 = _column(
        "t2",
        420,
        200,
        [
            ("一，打击力度不断增强。", 0, 220),
            ("会议强调，下阶段要深入学习", 40, 260),
            ("贯彻重要指示精神。", 0, 180),
        ],
    )
    byline = _region(
        "b",
        RegionType.TEXT,
        (420, 300, 720, 320),
        [_line("记者 张贻富 通讯员 黄军", 420, 300, 600)],
    )
    page = assemble(_page([head, col1, col2, byline], language="zh-Hans"), Settings())
    art = page.articles[0]
    assert art.paragraphs == [
        "会议充分肯定了今年以来扫黑除恶专项斗争所取得的成绩全市各级公安机关的思想认识高度统一，打击力度不断增强。",
        "会议强调，下阶段要深入学习贯彻重要指示精神。",
    ]
    assert art.byline == "记者 张贻富 通讯员 黄军"


def test_articles_side_by_side_and_stacked_are_kept_apart_in_reading_order() -> None:
    regions = [
        _region(
            "h1", RegionType.HEADLINE, (100, 100, 400, 150), [_line("First story", 100, 100, 380)]
        ),
        _column("a1", 100, 180, [("Alpha text runs here", 40, 300), ("and ends.", 0, 100)]),
        _region(
            "h2", RegionType.HEADLINE, (420, 100, 720, 150), [_line("Second story", 420, 100, 700)]
        ),
        _column("b1", 420, 180, [("Beta text runs here", 40, 300), ("and ends.", 0, 100)]),
        _region("rule", RegionType.SEPARATOR, (100, 300, 720, 303)),
        _region(
            "h3", RegionType.HEADLINE, (100, 330, 720, 380), [_line("Third story", 100, 330, 500)]
        ),
        _column("c1", 100, 400, [("Gamma text runs", 40, 300), ("on and on", 0, 300)]),
        _column("c2", 420, 400, [("and on.", 0, 100)]),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == ["First story", "Second story", "Third story"]
    assert page.articles[2].paragraphs == ["Gamma text runs on and on and on."]


def test_join_lines_undoes_hyphenation_but_keeps_real_hyphens() -> None:
    assert join_lines(["a well-known infor-", "mation desk"]) == "a well-known information desk"
    assert join_lines(["won 3-", "2 at home"]) == "won 3- 2 at home"
    assert join_lines(["宁波公安发出", "扫黑除恶最强音"]) == "宁波公安发出扫黑除恶最强音"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["(大雄)"], "（大雄）"),
        (["新華社(北京", ")電記者: 今日,天晴"], "新華社（北京）電記者：今日，天晴"),
        (["（雲寒)"], "（雲寒）"),
        (["(1)第一"], "（1）第一"),
        (["價目: 1,000元"], "價目：1,000元"),
        (["Reuters (London), he said:", "yes (1)?"], "Reuters (London), he said: yes (1)?"),
        (["“好”,他說。真的?!"], "“好”，他說。真的？！"),
        (["見圖(1),(2)與(a(大雄)b)"], "見圖（1），（2）與（a（大雄）b）"),
        (["iPhone (蘋果)手機 10:30,開始"], "iPhone（蘋果）手機 10:30，開始"),
        # English quoting Chinese, and Korean, keep their ASCII marks.
        (["He wrote 愛, then left (see 圖)."], "He wrote 愛, then left (see 圖)."),
        (["Mao Zedong (毛泽东) said"], "Mao Zedong (毛泽东) said"),
        (["한국어, 테스트"], "한국어, 테스트"),
    ],
)
def test_brackets_and_marks_set_in_chinese_are_written_full_width(
    lines: list[str], joined: str
) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["a new inter-", "national terminal"], "a new international terminal"),
        (["the news-", "paper office"], "the newspaper office"),
        (["a well-", "known architect"], "a well-known architect"),
        (["the quay's post-", "1949 sheds"], "the quay's post-1949 sheds"),
        (["Chiang Kai-", "shek near the gate"], "Chiang Kai-shek near the gate"),
        (["a Hong Kong-", "based firm"], "a Hong Kong-based firm"),
        (["an Anglo-", "American treaty"], "an Anglo-American treaty"),
        # words that are two words run together: the dictionary lists them
        (["a fort-", "night ago"], "a fortnight ago"),
        (["the may-", "or said"], "the mayor said"),
        (["he can-", "not go"], "he cannot go"),
        (["the side-", "walk was"], "the sidewalk was"),
        (["to-", "day's meeting"], "today's meeting"),
        (["the fire-", "men came"], "the firemen came"),  # a plural: its singular is listed
        (["two fort-", "nights ago"], "two fortnights ago"),
        (["the rent there-", "of is due"], "the rent thereof is due"),  # common words as a phrase
        (["he walked on-", "to the quay"], "he walked onto the quay"),
        # compounds that the dictionary lists hyphenated, or whose parts are
        # far more common as a phrase than run together
        (["a long-", "term plan"], "a long-term plan"),
        (["the so-", "called reform"], "the so-called reform"),
        (["self-", "government"], "self-government"),
        (["the anti-", "war party"], "the anti-war party"),
        (["the pre-", "war tariff"], "the pre-war tariff"),
        (["he was re-", "elected"], "he was re-elected"),
        (["a by-", "law of the city"], "a by-law of the city"),
    ],
)
def test_a_line_end_hyphen_is_undone_only_where_it_breaks_a_word(
    lines: list[str], joined: str
) -> None:
    assert join_lines(lines) == joined
    # ALTO's HYP and SUBS_CONTENT follow the same decision.
    from newsprint.exports.words import is_hyphenated

    assert is_hyphenated(lines[0], lines[1]) is (joined.count("-") < " ".join(lines).count("-"))


@pytest.mark.parametrize(
    ("line", "next_line", "word"),
    [
        ("he found him-", "self, at last", "himself"),
        ("(the news-", "paper's office)", "newspaper's"),
        ("of a new inter-", "national.", "international"),
        ("no hyphen here", "at all", ""),
    ],
)
def test_the_broken_word_is_whole_without_its_punctuation(
    line: str, next_line: str, word: str
) -> None:
    from newsprint.articles.text import broken_word

    assert broken_word(line, next_line) == word


def test_language_is_detected_with_script() -> None:
    assert detect_language(["The council voted on Tuesday"]) == "en"
    assert detect_language(["会议强调，下阶段全市各级公安机关要深入学习"]) == "zh-Hans"
    assert detect_language(["會議強調，下階段全市各級公安機關要深入學習"]) == "zh-Hant"


def test_a_byline_under_body_text_closes_its_article() -> None:
    regions = [
        _region(
            "h1",
            RegionType.HEADLINE,
            (100, 100, 720, 150),
            [_display_line("城市书房开放", (100, 100, 500, 150))],
        ),
        _column("a1", 100, 180, [("晚上十点，城市书房里", 40, 260), ("依然灯火通明。", 0, 140)]),
        _column("a2", 420, 180, [("市民只需刷卡就可以", 40, 260), ("进入书房。", 0, 100)]),
        _region("b1", RegionType.BYLINE, (420, 250, 720, 270), [_line("记者 叶青", 600, 250, 720)]),
        _region(
            "h2",
            RegionType.HEADLINE,
            (100, 300, 400, 350),
            [_display_line("老街夜市人气旺", (100, 300, 380, 350))],
        ),
        _column("c1", 100, 380, [("夜幕降临，老街上", 40, 260), ("游客摩肩接踵。街区", 0, 300)]),
        _column("c2", 420, 380, [("保留了原有的青石板路。", 0, 220)]),
    ]
    page = assemble(_page(regions, language="zh-Hans"), Settings())
    assert [a.headline for a in page.articles] == ["城市书房开放", "老街夜市人气旺"]
    assert page.articles[0].byline == "记者 叶青"
    assert page.articles[1].paragraphs == [
        "夜幕降临，老街上游客摩肩接踵。街区保留了原有的青石板路。"
    ]


def test_a_byline_is_read_where_it_stands_before_or_after_the_text() -> None:
    # A byline set under the headline is read before the text; a signature at
    # the foot of the last column (a letter's "JOHN JONES.") after it, in the
    # page's reading order as in its article.
    def story(top: str, byline: tuple[str, tuple[float, float, float, float]]) -> list[Region]:
        text, box = byline
        return [
            _region(
                top,
                RegionType.HEADLINE,
                (100, 100, 720, 150),
                [_display_line("Letters to the Editor", (100, 100, 600, 150))],
            ),
            _column(
                "t1", 100, 190, [("Sir, the jury met on", 40, 260), ("Monday at ten.", 0, 200)]
            ),
            _column("t2", 420, 190, [("They heard the case", 0, 300), ("and went home.", 0, 200)]),
            _region("b", RegionType.BYLINE, box, [_line(text, box[0], box[1], box[2])]),
        ]

    top = assemble(_page(story("h", ("By JOHN JONES", (100, 160, 400, 180)))), Settings())
    foot = assemble(_page(story("h", ("JOHN JONES.", (520, 250, 720, 270)))), Settings())
    assert [a.byline for a in top.articles + foot.articles] == ["By JOHN JONES", "JOHN JONES."]
    assert len(top.articles) == len(foot.articles) == 1
    assert top.reading_order == ["h", "b", "t1", "t2"]
    assert foot.reading_order == ["h", "t1", "t2", "b"]
    assert foot.articles[0].region_ids == ["h", "t1", "t2", "b"]


def test_credit_lines_are_told_from_sentences_that_start_like_them() -> None:
    credits = ["记者冯雪通讯员叶青郑一鸣", "记者 杨静 通讯员 俞敏", "本报记者 张三"]
    credits.append("By SARAH O'CONNELL")
    sentences = ["记者昨天在市区几个主要路口", "记者从市教育局获悉，全市各", "By Monday afternoon"]
    assert all(is_byline(t) for t in credits)
    assert not any(is_byline(t) for t in sentences)


def test_the_head_of_a_column_continues_the_story_at_the_foot_of_the_column_on_its_left() -> None:
    # An old two-column page with no rules across it (TTW 1868): column 1
    # holds a first story, a cut-off rule, then a second story that runs to
    # the foot; the head of column 2 goes on with the second story, not with
    # the first one set beside it, until column 2's own next heading.
    first = _column("a", 100, 100, [("First story opens here and runs on", 0, 290)] * 6)
    cutoff = _region("rule", RegionType.SEPARATOR, (150, 290, 350, 293))
    second = _column("b", 100, 310, [("Second story starts under the rule", 0, 290)] * 10)
    head_of_col2 = _column("c", 450, 100, [("and ends at the head of column two.", 0, 290)] * 11)
    third_head = _region(
        "h3", RegionType.HEADLINE, (500, 460, 700, 490), [_line("THIRD STORY", 500, 460, 700)]
    )
    third = _column("d", 450, 510, [("Third story under its own heading", 0, 290)] * 8)
    page = assemble(_page([first, cutoff, second, head_of_col2, third_head, third]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c"] == owner["b"] != owner["a"]
    assert owner["d"] == owner["h3"] not in (owner["a"], owner["b"])
    assert page.reading_order == ["a", "b", "c", "h3", "d"]


def _contest_page(
    last_of_column_one: str,
    first_ends: str = "Ordered this March 2nd, 1921.",
    ruled: bool = False,
    column_two: tuple[str, float] = ("the greatest improvement at the least", 0),
    foot: Region | None = None,
) -> NewspaperPage:
    """The Port Gibson Reveille, 1921, in small: column 1 holds a story that
    ends halfway down, then another to the column's foot; column 2 opens
    headless beside the first, then a story under its own heading; an
    advert in display type stands across both columns under them (so the
    page is read in bands, not as plain columns)."""
    rows = [("Commission grants the increase of rates", 0, 290)] * 7
    first = _column("a", 100, 170, [*rows, (first_ends, 0, 200)])
    second = _column("b", 100, 490, [*rows, (last_of_column_one, 0, 290)])
    heads = [
        _region(
            "ha", RegionType.HEADLINE, (100, 100, 400, 150), [_line("RATES RAISED", 100, 115, 400)]
        ),
        _region(
            "hb",
            RegionType.HEADLINE,
            (100, 420, 400, 470),
            [_line("JOIN THE CONTEST", 100, 435, 400)],
        ),
        _region(
            "hd",
            RegionType.HEADLINE,
            (450, 260, 750, 300),
            [_line("CHILD LOSES HAND", 450, 270, 750)],
        ),
    ]
    opening, indent = column_two
    rows_of_two = [(opening, indent, 290 - indent)] + [("of roses and of magnolias", 0, 290)] * 4
    top_of_two = _column("c", 450, 100, rows_of_two)
    fourth = _column("d", 450, 320, [("Last Saturday the little three-year-old", 0, 290)] * 14)
    tall = TextLine(
        text="Capital and Surplus",
        confidence=0.99,
        bbox=(150, 770, 700, 830),
        work_bbox=(150, 770, 700, 830),
    )
    advert = _region("ad", RegionType.HEADLINE, (150, 770, 700, 830), [tall])
    # A rule across both columns under the first story parts the page in two bands.
    rule = [_region("rule", RegionType.SEPARATOR, (100, 405, 750, 408))] if ruled else []
    return _page(
        [*heads, first, second, top_of_two, fourth, advert, *rule, *([foot] if foot else [])]
    )


def test_a_column_top_goes_on_with_the_story_breaking_off_at_the_left_column_s_foot() -> None:
    page = assemble(_contest_page("To enable those interested to attain"), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c"] == owner["b"] == owner["hb"] != owner["a"]
    assert owner["a"] == owner["ha"] and owner["d"] == owner["hd"] != owner["c"]
    # Where the story at the column's foot ends a sentence too, the story
    # beside the column's run goes on there, as before.
    page = assemble(_contest_page("to attain the prize."), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c"] == owner["a"] != owner["b"]
    # So it does where it breaks off mid-sentence itself ...
    page = assemble(
        _contest_page("to attain", first_ends="Ordered this 2nd March, and"), Settings()
    )
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c"] == owner["a"] != owner["b"]
    # ... and where a rule across both columns sets the lower story in a band of its own.
    page = assemble(_contest_page("to attain", ruled=True), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c"] == owner["a"] != owner["b"]
    # Column 2 must open mid-sentence: not with a capital, nor indented.
    for opening in [("The greatest improvement at the least", 0), ("the greatest improvement", 20)]:
        page = assemble(_contest_page("to attain", column_two=opening), Settings())
        owner = {rid: a.id for a in page.articles for rid in a.region_ids}
        assert owner["c"] == owner["a"] != owner["b"]
    # A byline under the lower story closes it at the column's foot.
    signed = [_line("M. W. MUSGROVE, Chairman", 100, 740, 300)]
    byline = _region("by", RegionType.BYLINE, (100, 740, 400, 760), signed)
    page = assemble(_contest_page("to attain", foot=byline), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c"] == owner["a"] != owner["b"]


@pytest.mark.parametrize(
    ("last", "ends"),
    [
        *[("in 1921.", True), ("he said!", True), ("“go on.”", True), ("工作。", True)],
        *[("「好。」", True), ("(Continued on Page 6)", True), ("（下转A04版）", True)],
        *[("to attain", False), ("improve-", False), ("工作，", False), ("the cost,", False)],
        *[("the farmers’", False), ("所谓「好」", False), ("“go on,”", False)],
    ],
)
def test_a_block_ends_a_sentence_by_its_last_line(last: str, ends: bool) -> None:
    block = _column("a", 100, 100, [("The story runs on down the column", 0, 290), (last, 0, 200)])
    assert ends_a_sentence(block) is ends


def test_a_centred_dash_a_quarter_of_the_column_wide_ends_a_story() -> None:
    # The dense old weekly (synthetic en-old-1003): a story with no heading
    # starts under a short dash centred in the column, 75 of its 300 pixels.
    first = _column("a", 100, 100, [("The first story runs down here", 0, 290)] * 8)
    dash = _region("rule", RegionType.SEPARATOR, (212, 340, 287, 342))
    second = _column("b", 100, 352, [("Drivers who use the bridge will", 0, 290)] * 8)
    beside = _column("c", 450, 100, [("expect delays for much of the year", 0, 290)] * 17)
    page = assemble(_page([first, dash, second, beside]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["a"] != owner["b"] == owner["c"]
    # So does a dash a seventh of the column wide, as the layout finds one
    # standing alone (en-old-1001: 55 of 313 pixels).
    short = _region("rule", RegionType.SEPARATOR, (228, 340, 271, 342))
    page = assemble(_page([first, short, second, beside]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["a"] != owner["b"]
    # A speck of a rule (a tenth of the column) ends nothing.
    speck = _region("rule", RegionType.SEPARATOR, (235, 340, 265, 342))
    page = assemble(_page([first, speck, second, beside]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["a"] == owner["b"]


@pytest.mark.parametrize("dash_width", [75, 165])
def test_a_dash_on_a_page_in_bands_starts_a_story_read_next_after_the_one_it_ends(
    dash_width: int,
) -> None:
    # A heading in display type puts the page in bands. Under the dash in
    # column 1 a short item with no heading starts (synthetic en-old-1000):
    # it neither runs on from the story above nor from a column on its
    # left, and is read right after the story the dash ends, before the
    # story headed higher up in column 2.
    title = _region(
        "h", RegionType.HEADLINE, (100, 40, 750, 80), [_display_line("LEAD", (100, 40, 750, 80))]
    )
    lead = _column("a", 100, 100, [("The lead story runs down here", 0, 290)] * 6)
    # A quarter of the column, or over half of it (still under 0.6).
    x0 = 250 - dash_width // 2
    dash = _region("rule", RegionType.SEPARATOR, (x0, 282, x0 + dash_width, 284))
    item = _column("b", 100, 296, [("Recycling pickup will move to", 0, 290)] * 4)
    lead_on = _column("c", 450, 100, [("and the lead story ends here.", 0, 290)] * 3)
    box2 = (450, 200, 750, 256)
    head2 = _region("h2", RegionType.HEADLINE, box2, [_display_line("SECOND", box2)])
    second = _column("d", 450, 266, [("The second story under its head", 0, 290)] * 6)
    page = assemble(_page([title, lead, dash, item, lead_on, head2, second]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["a"] == owner["c"] == owner["h"]
    assert owner["b"] not in (owner["a"], owner["d"])
    assert [a.region_ids for a in page.articles] == [["h", "a", "c"], ["b"], ["h2", "d"]]


def test_a_dash_under_a_lead_across_two_columns_leaves_both_columns_with_its_story() -> None:
    # The Murray Pioneer of 1922: a story's lead set across two columns, a
    # short dash under it near the gutter, over 42 pixels of the left
    # column and 25 of the right one; the left column started a story of
    # its own and the right one was read on under the lead before it.
    title = _region(
        "h", RegionType.HEADLINE, (100, 40, 700, 80), [_display_line("RAID", (100, 40, 700, 80))]
    )
    rows = [
        _line("The story of a convivial party which was interrupted", 100, 100 + 30 * n, 700)
        for n in range(4)
    ]
    lead = _region("l", RegionType.TEXT, (100, 100, 700, 210), rows)
    dash = _region("rule", RegionType.SEPARATOR, (358, 222, 425, 224))
    left = _column("a", 100, 236, [("The court proceedings, which oc-", 0, 290)] * 8)
    right = _column("b", 400, 236, [("liquor was proceeding Carter drank", 0, 290)] * 8)
    box2 = (750, 200, 1050, 256)
    head2 = _region("h2", RegionType.HEADLINE, box2, [_display_line("PROFIT", box2)])
    other = _column("d", 750, 266, [("The profit made by the hotel", 0, 290)] * 6)
    page = assemble(_page([title, lead, dash, left, right, head2, other]), Settings())
    assert page.articles[0].region_ids == ["h", "l", "a", "b"]


def test_a_column_s_head_beside_a_headline_goes_on_from_that_headline_s_story() -> None:
    # Keski-Suomi 1908 p1: under a rule across two columns, a story's
    # headline and decks head the left one, its text starting under them;
    # the right column's head stands beside the headline and goes on from
    # the foot of that story, not from the column further left whose text
    # stood level with it (it was read after an advert there).
    far_head = _region(
        "hz",
        RegionType.HEADLINE,
        (100, 40, 400, 80),
        [_display_line("ADVERTS", (100, 40, 400, 80))],
    )
    far = _column("z", 100, 100, [("Steamer leaves on Monday and", 0, 290)] * 27)
    rule = _region("rule", RegionType.SEPARATOR, (450, 86, 1100, 90))
    head = _region(
        "h",
        RegionType.HEADLINE,
        (450, 100, 750, 140),
        [_display_line("LIBERTY", (450, 100, 750, 140))],
    )
    deck = _region(
        "k",
        RegionType.HEADLINE,
        (470, 175, 730, 215),
        [_display_line("ITS WORTH", (470, 175, 730, 215))],
    )
    # Title, deck and text 1.75 body lines apart, as on the page.
    text = _column("a", 450, 250, [("The nature of political liberty", 0, 290)] * 22)
    # The right column's first paragraph, level with the headline and deck.
    right = _column("b", 800, 100, [("the majority must bow to the", 0, 290)] * 3)
    right_on = _column("b2", 800, 200, [("will of the people, and so the", 0, 290)] * 24)
    # A headline across the page under them: the page is laid out in bands.
    wide = (100, 950, 1100, 1000)
    band = _region("hw", RegionType.HEADLINE, wide, [_display_line("ELECTIONS", wide)])
    under = _column("w", 100, 1010, [("The elections were held on", 0, 290)] * 4)
    regions = [far_head, far, rule, head, deck, text, right, right_on, band, under]
    page = assemble(_page(regions), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["b"] == owner["a"] == owner["h"] != owner["z"]
    article = next(a for a in page.articles if "b" in a.region_ids)
    assert article.region_ids.index("a") < article.region_ids.index("b")
    # A headline over a picture heads no column of text: the column's head
    # goes on from the column further left, as before.
    photo = _region("a", RegionType.PHOTO, (450, 210, 750, 900))
    regions = [far_head, far, rule, head, photo, right, right_on, band, under]
    page = assemble(_page(regions), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["b"] != owner["h"]


def _head(rid: str, box: tuple[int, int, int, int], text: str = "HEAD") -> Region:
    return _region(rid, RegionType.HEADLINE, box, [_display_line(text, box)])


def _beside_page(middle: list[Region]) -> list[list[str]]:
    """Column 0 a story down the page, column 1 ``middle``, column 2 a head
    (b, three lines) level with column 1's top and its column (b2) under
    it, a headline across the page under them; the articles' regions."""
    story = [
        _head("zh", (100, 40, 400, 80)),
        _column("z", 100, 100, [("and the troops", 0, 290)] * 27),
    ]
    right = [
        _column("b", 800, 100, [("the enemy fell back across", 0, 290)] * 3),
        _column("b2", 800, 200, [("the river, and the town was", 0, 290)] * 24),
    ]
    band = [
        _head("hw", (100, 950, 1100, 1000)),
        _column("w", 100, 1010, [("The elections were held on", 0, 290)] * 4),
    ]
    page = assemble(_page([*story, *middle, *right, *band]), Settings())
    return [a.region_ids for a in page.articles]


def test_a_column_s_head_beside_a_header_over_adverts_goes_on_from_the_column_further_left() -> (
    None
):
    ads = [
        _region(f"ad{i}", RegionType.ADVERTISEMENT, (450, 150 + i * 250, 750, 390 + i * 250))
        for i in range(3)
    ]
    assert ["zh", "z", "b", "b2"] in _beside_page([_head("ann", (450, 100, 750, 140)), *ads])


def test_a_column_s_head_beside_a_headline_with_a_byline_or_across_two_columns() -> None:
    # Headline, byline, then the story's text: the byline is no text.
    signed = _region(
        "by",
        RegionType.BYLINE,
        (470, 150, 730, 180),
        [_display_line("By J. Smith", (470, 150, 730, 180))],
    )
    text = _column("a", 450, 200, [("The nature of political liberty", 0, 290)] * 23)
    rule = _region("rule", RegionType.SEPARATOR, (450, 86, 1100, 90))
    assert ["h", "by", "a", "b", "b2"] in _beside_page(
        [rule, _head("h", (450, 100, 750, 140)), signed, text]
    )
    # A story headlined across columns 0 and 1 goes on from its column 1
    # into column 2's head, not from a story lower in column 0; whichever
    # of its columns the headline's run reaches first (column 0's first
    # line set a little lower, or column 1's), where the story ends.
    for top in (160, 156):
        regions = [
            _head("sh", (100, 100, 750, 140)),
            _column("sa", 100, 160, [("The story across two columns", 0, 290)] * 12),
            _column("sb", 450, top, [("goes on down the second one", 0, 290)] * 25),
            _head("th", (100, 520, 400, 560)),
            _column("tt", 100, 580, [("Another story lower down in", 0, 290)] * 11),
            _column("b", 800, 100, [("the enemy fell", 0, 290)] * 3),
            _column("b2", 800, 200, [("the river, and", 0, 290)] * 24),
            _head("hw", (100, 950, 1100, 1000)),
            _column("w", 100, 1010, [("The elections", 0, 290)] * 4),
        ]
        page = assemble(_page(regions), Settings())
        assert ["sh", "sa", "sb", "b", "b2"] in [a.region_ids for a in page.articles]


def _dashed_item_page(item: Region) -> NewspaperPage:
    """A page in bands: a lead story down column 1 and on into column 2, a
    dash under it in column 1, ``item`` under the dash, a second story
    headed lower in column 2."""
    title = _region(
        "h", RegionType.HEADLINE, (100, 40, 750, 80), [_display_line("LEAD", (100, 40, 750, 80))]
    )
    lead = _column("a", 100, 100, [("The lead story runs down here.", 0, 290)] * 6)
    dash = _region("rule", RegionType.SEPARATOR, (212, 282, 287, 284))
    lead_on = _column("c", 450, 100, [("and the lead story ends here.", 0, 290)] * 3)
    box2 = (450, 200, 750, 256)
    head2 = _region("h2", RegionType.HEADLINE, box2, [_display_line("SECOND", box2)])
    second = _column("d", 450, 266, [("The second story under its head", 0, 290)] * 6)
    return _page([title, lead, dash, item, lead_on, head2, second])


@pytest.mark.parametrize(
    ("x0", "x1", "rows"), [(160, 340, 4), (100, 290, 2)], ids=["stanza", "short item"]
)
def test_a_dash_over_a_narrower_item_still_ends_the_story_above(
    x0: int, x1: int, rows: int
) -> None:
    # A centred stanza (180 of the column's 300 pixels) or a two-line item
    # (190) under the dash: the block over the dash is wider, but it is no
    # lead across columns, and the dash ends its story.
    lines = [_line("Oh the summer winds are blowing", x0, 296 + 30 * n, x1) for n in range(rows)]
    item = _region("b", RegionType.TEXT, (x0, 296, x1, 296 + 30 * (rows - 1) + BODY), lines)
    page = assemble(_dashed_item_page(item), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["b"] not in (owner["a"], owner["d"])


def test_a_dash_under_a_notice_across_two_columns_ends_the_notice() -> None:
    # A notice across two columns under an item, no headline over it: the
    # dash under it ends it, and the two items under it are stories of
    # their own.
    title = _region(
        "h", RegionType.HEADLINE, (100, 40, 700, 80), [_display_line("NEWS", (100, 40, 700, 80))]
    )
    item = _column("i", 100, 100, [("The Council met on Monday and", 0, 290)] * 3)
    rows = [
        _line("NOTICE is hereby given that the annual meeting", 100, 200 + 30 * n, 700)
        for n in range(3)
    ]
    notice = _region("n", RegionType.TEXT, (100, 200, 700, 280), rows)
    dash = _region("rule", RegionType.SEPARATOR, (356, 292, 444, 294))
    left = _column("l", 100, 306, [("Mr. Brown has returned from the", 0, 290)] * 6)
    right = _column("r", 400, 306, [("The weather this week has been", 0, 290)] * 6)
    box2 = (750, 200, 1050, 256)
    head2 = _region("h2", RegionType.HEADLINE, box2, [_display_line("PROFIT", box2)])
    other = _column("d", 750, 266, [("The profit made by the hotel", 0, 290)] * 6)
    page = assemble(_page([title, item, notice, dash, left, right, head2, other]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["l"] != owner["n"]


@pytest.mark.parametrize("bands", [True, False])
def test_a_dash_under_a_heading_in_capitals_leaves_the_heading_with_its_story(
    bands: bool,
) -> None:
    # TTW 1867 p1: "LES MAIRES D'ARRAS ... A L'EMPEREUR.", two lines of
    # capitals wider than the verse under it (so layout left it text), a
    # dash, then the verse: one story, where a dash under a story's text
    # starts the next one. On a page in bands (a display headline lower in
    # column 2) and on one in plain columns alike.
    title = _region(
        "h", RegionType.HEADLINE, (100, 40, 750, 96), [_display_line("TITLE", (100, 40, 750, 96))]
    )
    heading = _column(
        "k", 100, 120, [("LES MAIRES D'ARRAS DE LILLE ET", 0, 290), ("L'EMPEREUR.", 90, 110)]
    )
    dash = _region("rule", RegionType.SEPARATOR, (222, 176, 278, 178))
    verse = _region(
        "v",
        RegionType.TEXT,
        (150, 190, 350, 260),
        [_line("Donc un nouveau labour", 150, 190, 350), _line("a tes armes", 150, 220, 300)],
    )
    beside = _column("c", 450, 120, [("Another story runs down here", 0, 290)] * 6)
    regions = [title, heading, dash, verse, beside]
    if bands:
        box = (450, 300, 750, 356)
        regions += [
            _region("h2", RegionType.HEADLINE, box, [_display_line("SECOND", box)]),
            _column("d", 450, 366, [("The second story under its head", 0, 290)] * 6),
        ]
    from newsprint.articles.flow import is_column_page

    assert is_column_page(regions, BODY) != bands
    page = assemble(_page(regions), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["k"] == owner["v"]


def test_a_rule_across_the_column_under_a_notice_in_capitals_still_ends_it() -> None:
    # A page in plain columns: a story, a two-line notice in capitals, a rule
    # across most of the column, the next story. Only a dash sets a heading
    # off from its story; under a full rule the notice heads nothing.
    first = _column("a", 100, 100, [("The first story runs down here", 0, 290)] * 6)
    notice = _column("n", 100, 290, [("NOTICE TO SUBSCRIBERS PAYABLE", 0, 290)] * 2)
    rule = _region("rule", RegionType.SEPARATOR, (130, 342, 370, 344))
    nxt = _column("b", 100, 356, [("The next story starts under it", 0, 290)] * 6)
    beside = _column("c", 450, 100, [("and runs on in the next column", 0, 290)] * 12)
    page = assemble(_page([first, notice, rule, nxt, beside]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["n"] != owner["b"]


@pytest.mark.parametrize(
    ("height", "width", "plain"), [(44, 220, True), (56, 220, True), (56, 420, False)]
)
def test_headings_in_capitals_twice_the_body_leave_a_page_in_plain_columns(
    height: float, width: float, plain: bool
) -> None:
    # Synthetic en-old-1000/5000: each story headed in capitals about twice
    # the body (1.7-2.1x) centred in its column, the page still in plain
    # columns; so is a page of adverts named in display type (2.8x) inside
    # their columns (NCSE's TTW 1867 p12); display type over more than a
    # column marks a modern page.
    from newsprint.articles.flow import is_column_page

    regions: list[Region] = []
    for c, x0 in enumerate((100, 450, 800)):
        for n in range(2):
            y = 100 + 500 * n + 150 * c
            box = (x0 + 40, y, x0 + 40 + width, y + height)
            regions.append(
                _region(f"h{c}{n}", RegionType.HEADLINE, box, [_display_line(f"S{c}{n}", box)])
            )
            regions.append(
                _old_column(f"t{c}{n}", x0, y + height + 10, ["Text of the story runs on"] * 15)
            )
    assert is_column_page(regions, BODY) == plain


def test_a_column_head_in_a_band_continues_the_block_beside_it_not_a_story_below_the_band() -> None:
    # A modern page: stories start on one line across the columns (their
    # headings level), so the head of column 2 goes on from the block beside
    # it; the one-column story under the band in column 1 stays its own.
    top_left = _column("x", 100, 100, [("The lead story runs in two columns", 0, 290)] * 10)
    top_right = _column("y", 450, 100, [("and goes on in the second column", 0, 290)] * 10)
    head_s = _region("hs", RegionType.HEADLINE, (100, 440, 400, 470), [_line("S", 100, 440, 400)])
    story_s = _column("s", 100, 490, [("A one-column story under the band", 0, 290)] * 10)
    head_z = _region("hz", RegionType.HEADLINE, (450, 440, 750, 470), [_line("Z", 450, 440, 750)])
    story_z = _column("z", 450, 490, [("Another one beside it, its own", 0, 290)] * 10)
    regions = [top_left, top_right, head_s, story_s, head_z, story_z]
    page = assemble(_page(regions), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["y"] == owner["x"]
    assert owner["s"] == owner["hs"] != owner["x"]
    assert owner["z"] == owner["hz"] not in (owner["x"], owner["s"])


def test_an_advertisement_is_an_item_of_its_own_in_reading_order() -> None:
    # A page of one column of business cards (TEC 1886) beside a story: each
    # card's text is kept, in its place, never run into the story.
    head = _region(
        "h", RegionType.HEADLINE, (450, 100, 750, 130), [_line("LITERARY NOTES", 450, 100, 750)]
    )
    story = _column("s", 450, 150, [("The new edition of the poems is out.", 0, 290)] * 12)
    cards = [
        _region(
            f"ad{n}",
            RegionType.ADVERTISEMENT,
            (100, 100 + 150 * n, 400, 230 + 150 * n),
            [
                _line(f"{name} & SONS,", 120, 110 + 150 * n, 380),
                _line("Publishers' Bookbinders,", 120, 140 + 150 * n, 380),
            ],
        )
        for n, name in enumerate(["AUSTING", "KITCAT", "BURN"])
    ]
    page = assemble(_page([head, story, *cards]), Settings())
    adverts = [a for a in page.articles if a.kind == ArticleKind.ADVERTISEMENT]
    assert [a.region_ids for a in adverts] == [["ad0"], ["ad1"], ["ad2"]]
    assert adverts[1].paragraphs[0].startswith("KITCAT & SONS")
    stories = [a for a in page.articles if a.kind == ArticleKind.ARTICLE]
    assert len(stories) == 1 and "SONS" not in " ".join(stories[0].paragraphs)
    # Items in the order they start, as stories are: the first card and the
    # story beside it (left to right), then the cards below.
    assert page.reading_order == ["ad0", "h", "s", "ad1", "ad2"]
    text = render_articles_text(page.articles)
    assert text.startswith("[Advertisement]\n\nAUSTING & SONS")


def test_the_nameplate_is_the_first_item_and_opens_no_story() -> None:
    # NZZ 1940: the title across the page, the subscription box under its left
    # end and the paper's subtitle (a headline) under its middle. Neither is
    # the nameplate's story: the subtitle opens its own item.
    title = _region(
        "np",
        RegionType.NAMEPLATE,
        (100, 100, 1700, 300),
        [_line("Neue Zürcher Zeitung", 100, 100, 1700)],
    )
    subscription = _column(
        "sub", 100, 330, [("Abonnemente: Zürich am Schalter Fr. 2.85", 0, 290)] * 5
    )
    subtitle = _region(
        "st",
        RegionType.HEADLINE,
        (600, 330, 1200, 370),
        [_line("und schweizerisches Handelsblatt", 600, 330, 1200)],
    )
    address = _column("ad", 750, 390, [("Redaktion: Falkenstrasse 11, Zürich", 0, 290)] * 3)
    page = assemble(_page([title, subscription, subtitle, address], language="de"), Settings())
    first = page.articles[0]
    assert first.kind == ArticleKind.NAMEPLATE and first.headline == "Neue Zürcher Zeitung"
    assert first.region_ids == ["np"] and not first.paragraphs
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["st"] == owner["ad"] != owner["np"]
    assert owner["sub"] not in (owner["np"], owner["st"])
    assert page.reading_order[0] == "np"


def _display_line(text: str, box: tuple[float, float, float, float]) -> TextLine:
    return TextLine(text=text, confidence=0.99, bbox=tuple(int(v) for v in box), work_bbox=box)


def test_a_headline_level_with_the_top_of_a_block_on_its_left_heads_its_own_column() -> None:
    # NZZ 1940: the subtitle starts a few pixels above the box of rates on its
    # left; it heads the column under it. A number set in the headline's row
    # (a serial's instalment, "12") goes with it.
    rates = _column("rates", 100, 330, [("1 Monat 3 Mte. 6 Mte. 12 Mte.", 0, 290)] * 6)
    subtitle = _region(
        "st",
        RegionType.HEADLINE,
        (600, 322, 1200, 372),
        [_display_line("und schweizerisches Handelsblatt", (600, 322, 1200, 372))],
    )
    under = _column("un", 750, 390, [("Redaktion: Falkenstrasse 11, Zürich", 0, 290)] * 3)
    number = _region(
        "no",
        RegionType.TEXT,
        (1220, 1000, 1260, 1040),
        [_display_line("12", (1220, 1000, 1260, 1040))],
    )
    serial = _region(
        "fe",
        RegionType.HEADLINE,
        (1300, 995, 1700, 1045),
        [_display_line("Feuilleton", (1300, 995, 1700, 1045))],
    )
    story = _column("fs", 1300, 1070, [("Auf dem Dampfer nach Astrachan fuhren wir", 0, 290)] * 4)
    page = assemble(_page([rates, subtitle, under, number, serial, story]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["st"] == owner["un"] != owner["rates"]
    assert owner["no"] == owner["fe"] == owner["fs"]


def _old_column(
    rid: str,
    x0: float,
    y0: float,
    rows: list[str],
    widths: dict[int, tuple[float, float]] | None = None,
) -> Region:
    """A 300-px column of 20-px lines 24 px apart; ``widths`` gives some lines
    their own (indent, length): a centred heading, a paragraph's short end."""
    widths = widths or {}
    lines = []
    for i, text in enumerate(rows):
        indent, length = widths.get(i, (0, 300))
        lines.append(_line(text, x0 + indent, y0 + 24 * i, x0 + indent + length))
    return _region(
        rid, RegionType.TEXT, (x0, y0, x0 + 300, y0 + 24 * (len(rows) - 1) + BODY), lines
    )


def test_headings_in_body_capitals_are_cut_out_of_the_column() -> None:
    from newsprint.articles.roles import split_headings

    column = _old_column(
        "c",
        100,
        100,
        [
            "the last lines of a story that",
            "ends here.",
            "FIRE AT THE MILLS.",
            "A fire broke out at the",
            "mills on Monday night and",
        ],
        {1: (0, 90), 2: (60, 180)},
    )
    parts = split_headings(column, "c")
    assert [(p.type, [ln.text for ln in p.lines]) for p in parts] == [
        (RegionType.TEXT, ["the last lines of a story that", "ends here."]),
        (RegionType.HEADLINE, ["FIRE AT THE MILLS."]),
        (RegionType.TEXT, ["A fire broke out at the", "mills on Monday night and"]),
    ]
    # Capitals running on inside a paragraph, or a block of capitals only, stay text.
    running = _old_column(
        "r",
        100,
        100,
        ["the Lord Mayor said that", "THE QUEEN'S NEW BRIDGE", "would open in May."],
        {1: (60, 180)},
    )
    assert len(split_headings(running, "r")) == 1
    notice = _old_column(
        "n", 100, 100, ["NOTICE TO SHAREHOLDERS.", "THE MEETING IS PUT OFF."], {0: (40, 220)}
    )
    assert len(split_headings(notice, "n")) == 1


def test_a_numbered_list_in_capitals_is_no_heading() -> None:
    # TEC 1880 p. 44: a list of plates in small capitals, numbered, under a
    # line ending in a full stop, was cut out as a headline and a story.
    from newsprint.articles.roles import split_headings

    column = _old_column(
        "l",
        100,
        100,
        [
            "Full Coloured, size 33 by 27 inches.",
            "2. GATHERING THE VINTAGE ...",
            '" 3. CAMELS (SHIPS OF THE DESERT)',
            '" 4. HAULING FISH WITH NETS ...',
            "Others in Preparation.",
        ],
        {1: (20, 240), 2: (40, 220), 3: (40, 220), 4: (120, 170)},
    )
    assert [p.type for p in split_headings(column, "l")] == [RegionType.TEXT]


def test_a_heading_read_with_some_small_letters_is_still_a_heading() -> None:
    # Synthetic en-old-1003: OCR read "HIGH SCHOOL TEAM HEADS" in capitals
    # as "HIGH SCHoOL Team HeaDs" (0.63 of its letters capitals), and the
    # story under it ran on from the one above.
    from newsprint.articles.roles import split_headings

    column = _old_column(
        "c",
        100,
        100,
        [
            "vendors say the change is already",
            "paying off.",
            "HIGH SCHoOL Team HeaDs",
            "To STATE FINAL.",
            "The Northfield Eagles girls",
            "soccer team will play for a state",
        ],
        {1: (0, 90), 2: (20, 260), 3: (70, 160)},
    )
    kinds = [(p.type, len(p.lines)) for p in split_headings(column, "c")]
    assert kinds == [(RegionType.TEXT, 2), (RegionType.HEADLINE, 2), (RegionType.TEXT, 2)]


def test_a_heading_at_the_foot_of_a_block_is_cut_out_and_its_story_goes_on_in_the_next_column() -> (
    None
):
    # en-old-1003: "HOUSING COSTS SQUEEZE / YOUNG FAMILIES." set centred at the
    # foot of column 1, the story's text at the head of column 2.
    col1 = _old_column(
        "k1",
        100,
        100,
        [
            "STORY A.",
            "First story text runs down the",
            "column and ends here.",
            "HOUSING COSTS SQUEEZE",
            "YOUNG FAMILIES.",
        ],
        {0: (100, 100), 2: (0, 150), 3: (40, 220), 4: (70, 160)},
    )
    col2 = _old_column(
        "k2", 450, 100, ["The median price of a home", "reached a record in June."], {1: (0, 200)}
    )
    page = assemble(_page([col1, col2]), Settings())
    assert [a.headline for a in page.articles] == [
        "STORY A.",
        "HOUSING COSTS SQUEEZE YOUNG FAMILIES.",
    ]
    assert page.articles[1].paragraphs == ["The median price of a home reached a record in June."]


def test_a_two_line_heading_whose_second_line_fills_the_column_is_cut_out() -> None:
    # en-old-1003: "VOLUNTEERS SORT / DONATIONS FOR FOOD BANK." inside a block,
    # after a paragraph's end; only its first line stands centred.
    from newsprint.articles.roles import split_headings

    column = _old_column(
        "v",
        100,
        100,
        [
            "utility's emergency num-",
            "ber.",
            "VOLUNTEERS SORT",
            "DONATIONS FOR FOOD BANK.",
            "VOLUNTEERS at the regional",
            "food bank packed more than",
        ],
        {1: (0, 40), 2: (70, 160), 3: (5, 292)},
    )
    parts = split_headings(column, "v")
    assert [p.type for p in parts] == [RegionType.TEXT, RegionType.HEADLINE, RegionType.TEXT]
    assert [ln.text for ln in parts[1].lines] == ["VOLUNTEERS SORT", "DONATIONS FOR FOOD BANK."]


def test_a_name_set_flush_right_at_a_story_s_foot_signs_it_and_ends_it() -> None:
    # The dense old weekly signs a story with its writer's name in small
    # capitals, flush right ("SAMUEL BROOKS."); the next story may follow in
    # the same block with no heading, or the name may sit over the next
    # story's heading in one block (en-old-1003: "HENRY DAWSON. / SCHOOL
    # BOARD WEIGHS LATER / START TIMES.").
    col1 = _old_column(
        "s1",
        100,
        100,
        [
            "Plastic bags and foam con-",
            "tainers should never go in",
            "recycling carts, Chen said.",
            "SAMUEL BROOKS.",
            "Drivers who use the Lincoln",
            "Street Bridge should expect",
            "delays for much of the year.",
            "Chief Henry Dawson.",
        ],
        {2: (0, 200), 3: (150, 150), 6: (0, 220), 7: (0, 140)},
    )
    head = _old_column(
        "s2",
        450,
        100,
        ["HENRY DAWSON.", "SCHOOL BOARD WEIGHS", "START TIMES."],
        {0: (160, 140), 1: (40, 220), 2: (90, 120)},
    )
    head = head.model_copy(update={"type": RegionType.HEADLINE})
    story = _old_column(
        "s3", 450, 190, ["Supporters point to research", "showing that teenagers sleep."], {}
    )
    page = assemble(_page([col1, head, story]), Settings())
    by_headline = {a.headline: a for a in page.articles}
    first = page.articles[0]
    assert first.byline == "SAMUEL BROOKS."
    assert first.paragraphs[-1].endswith("recycling carts, Chen said.")
    # The next story starts after the name; a paragraph's last line that
    # ends in a name is no signature.
    second = page.articles[1]
    assert second.paragraphs[0].startswith("Drivers who use the Lincoln")
    assert second.paragraphs[-1].endswith("Chief Henry Dawson.")
    assert second.byline == "HENRY DAWSON."
    school = by_headline["SCHOOL BOARD WEIGHS START TIMES."]
    assert school.byline is None and school.paragraphs[0].startswith("Supporters point")


def test_a_block_of_capitals_over_the_text_of_its_column_is_its_heading() -> None:
    # Layout parted the heading from its story (white, a short rule between):
    # alone it is a block of capitals, which heads the story right under it;
    # the same capitals with no text under them stay text (a notice).
    from newsprint.articles.roles import headings_over_text

    heading = _old_column(
        "h", 100, 100, ["FARMERS MARKET MOVES", "TO RIVERFRONT."], {0: (30, 240), 1: (80, 140)}
    )
    story = _old_column(
        "s", 100, 170, ["AFTER 22 years in a downtown", "parking lot, the market moved."]
    )
    notice = _old_column("n", 500, 100, ["NOTICE TO SHAREHOLDERS.", "THE MEETING IS PUT OFF."])
    wide = _region(
        "w",
        RegionType.TEXT,
        (100, 600, 800, 620),
        [_line("A TITLE OVER TWO COLUMNS", 100, 600, 800)],
    )
    below = _old_column("b", 100, 640, ["text of one column under it", "and more of it."])
    # A line of small capitals over a poem (TTW 1867) is no story's heading.
    small = _region("m", RegionType.TEXT, (600, 600, 700, 610))
    small = small.model_copy(
        update={
            "lines": [
                TextLine(
                    text="TEREO",
                    confidence=0.9,
                    bbox=(600, 600, 700, 610),
                    work_bbox=(600, 600, 700, 610),
                )
            ]
        }
    )
    poem = _old_column("p", 500, 630, ["Donc un nouveau labour", "à tes armes s'apprête"])
    regions = [heading, story, notice, wide, below, small, poem]
    out = {r.id: r.type for r in headings_over_text(regions, BODY)}
    assert out == {
        "h": RegionType.HEADLINE,
        "s": RegionType.TEXT,
        "n": RegionType.TEXT,
        "w": RegionType.TEXT,
        "b": RegionType.TEXT,
        "m": RegionType.TEXT,
        "p": RegionType.TEXT,
    }


def test_a_page_in_plain_columns_reads_down_each_column_and_each_heading_starts_a_story() -> None:
    # An 1850s weekly: no headline spans the columns. Story B starts low in
    # column 1 and runs on at the head of column 2; C starts under it there.
    col1 = _old_column(
        "k1",
        100,
        100,
        [
            "STORY A.",
            "First story text runs down the",
            "column and ends here.",
            "STORY B.",
            "Second story begins low in",
            "the column and goes on",
        ],
        {0: (100, 100), 2: (0, 150), 3: (100, 100)},
    )
    col2 = _old_column(
        "k2",
        450,
        100,
        [
            "at the head of the next one.",
            "STORY C.",
            "Third story under its heading",
            "in the second column.",
        ],
        {1: (100, 100)},
    )
    page = assemble(_page([col1, col2]), Settings())
    heads = [a.headline for a in page.articles]
    assert heads == ["STORY A.", "STORY B.", "STORY C."]
    assert page.articles[1].paragraphs == [
        "Second story begins low in the column and goes on at the head of the next one."
    ]
    assert page.reading_order == ["k1", "k1h1", "k1h2", "k1h3", "k2", "k2h1", "k2h2"]


def test_a_price_at_the_end_of_a_line_is_read_in_its_row() -> None:
    # A catalogue: "6d." set apart at the right of its title line makes no
    # column of its own (it was read after the whole entry).
    entry = _column("e", 100, 100, [("Admission Book for Schools", 0, 290)] * 3)
    price = _region("p", RegionType.TEXT, (420, 124, 450, 144), [_line("6d.", 420, 124, 450)])
    more = _region(
        "m", RegionType.TEXT, (100, 200, 400, 220), [_line("Another entry follows.", 100, 200, 400)]
    )
    head = _region(
        "h",
        RegionType.HEADLINE,
        (100, 40, 400, 80),
        [_display_line("SCHOOL BOOKS", (100, 40, 400, 80))],
    )
    page = assemble(_page([head, entry, price, more]), Settings())
    assert page.articles[0].region_ids == ["h", "e", "p", "m"]


def test_a_title_over_both_columns_of_a_plain_page_is_read_first() -> None:
    # A small two-column page under a title that spans both: the title is
    # read before either column, and the columns run on from it.
    title = _region(
        "t",
        RegionType.HEADLINE,
        (160, 40, 760, 70),
        [_display_line("Harbour Bridge Reopens", (160, 40, 760, 70))],
    )
    left = _column("l", 100, 110, [("The bridge opened to traffic", 0, 290)] * 4)
    right = _column("r", 450, 110, [("again on Monday after repairs", 0, 290)] * 4)
    page = assemble(_page([right, title, left]), Settings())
    assert [a.region_ids for a in page.articles] == [["t", "l", "r"]]


@pytest.mark.parametrize("by_chance", [True, False])
def test_two_stories_starting_level_by_chance_leave_a_page_of_plain_columns(
    by_chance: bool,
) -> None:
    # Three columns of short stories (en-old-1003): one pair of headings set
    # level by chance keeps the page in plain columns; when most headings
    # stand level across the columns, stories start in bands (a modern page).
    from newsprint.articles.flow import is_column_page

    regions: list[Region] = []
    for c, x0 in enumerate((100, 450, 800)):
        for n in range(3):
            # Headings below the top: level across all columns, or only the
            # first two columns' second ones (the rest 2.5 body lines apart).
            level = not by_chance or (n == 1 and c < 2)
            y = 100 + 400 * n + (0 if level else 50 * c)
            head = f"STORY {c}{n}."
            box = (x0 + 80, y, x0 + 220, y + 20)
            regions.append(_region(f"h{c}{n}", RegionType.HEADLINE, box, [_line(head, *box[:3])]))
            regions.append(_old_column(f"t{c}{n}", x0, y + 40, ["Text of the story runs on"] * 12))
    assert is_column_page(regions, BODY) == by_chance


@pytest.mark.parametrize(
    ("items", "pitch", "offsets", "plain"),
    [
        (16, 80, (0, 0, 0, 50), True),  # three in four level, as chance has it
        (16, 80, (0, 0, 0, 0), False),  # all level
        (3, 440, (0, 0, 50, 80), False),  # half level, few: not by chance
    ],
)
def test_a_page_of_many_short_items_level_as_often_as_chance_has_it_stays_in_columns(
    items: int, pitch: int, offsets: tuple[int, ...], plain: bool
) -> None:
    # NCSE's TTW 1867 p12: 47 adverts in 4 columns, half of whose headings
    # stand level with one in another column as it happens (32 to 34 of 65,
    # 0.49 by chance): plain columns. On a page denser still, three in four
    # stand level by chance. Every heading level, or half of a few far
    # apart, is more than chance: the stories start in bands.
    from newsprint.articles.flow import is_column_page

    regions: list[Region] = [_old_column("top", 100, 40, ["The page's first lines"] * 2)]
    for c, x0 in enumerate((100, 450, 800, 1150)):
        for n in range(items):
            y = 100 + pitch * n + offsets[c]
            box = (x0 + 80, y, x0 + 220, y + 20)
            head = f"ITEM {c}{n}."
            regions.append(_region(f"h{c}{n}", RegionType.HEADLINE, box, [_line(head, *box[:3])]))
            regions.append(_old_column(f"t{c}{n}", x0, y + 30, ["Text of the advert runs"] * 2))
    assert is_column_page(regions, BODY) == plain


def test_the_share_of_headings_level_by_chance_is_that_of_a_random_scatter() -> None:
    # Two columns of n headings scattered down a page of height H: a heading
    # misses the other column's n within +-w with probability exp(-2nw/H).
    from newsprint.articles.flow import _level_by_chance

    rng = np.random.default_rng(0)
    n, height, within = 10, 2000.0, 20.0
    tops = rng.uniform(0, height, size=(4000, 2, n))
    near = np.abs(tops[:, 0, :, None] - tops[:, 1, None, :]) <= within
    simulated = near.any(axis=2).mean()
    expected = _level_by_chance([0] * n + [1] * n, height, within)
    assert expected == pytest.approx(1 - np.exp(-2 * n * within / height))
    assert expected == pytest.approx(simulated, abs=0.01)
    assert _level_by_chance([0] * n, height, within) == 0.0  # one column: none
    assert _level_by_chance([], height, within) == 0.0


def test_a_dash_inside_the_padded_box_of_a_storys_last_line_ends_the_story() -> None:
    # Synthetic en-old-1003 (body 12): the block over the dash reaches to its
    # last line's detected box, 8 pixels past the dash; the story under it
    # ran on from the one above.
    above, below = Box(769, 199, 1001, 644), Box(770, 643, 1002, 934)
    dash = Box(872, 636, 907, 639)
    assert cut_off_rule(above, below, [dash], 234.0, body=12.0) == dash


def test_a_rule_on_the_ink_of_the_first_line_below_ends_nothing() -> None:
    # Synthetic en-old-1000: the x-height of heavy type run solid ("announced")
    # found as a short rule, lying on the first line of the block under it.
    above, below = Box(2195, 1800, 2536, 1832), Box(2189, 1828, 2537, 1940)
    on_type = Box(2196, 1836, 2264, 1844)
    assert cut_off_rule(above, below, [on_type], 350.0, body=14.0) is None


@pytest.mark.parametrize(
    "name", ["ROBERT HUGHES.", ". ROBERT HUGHES.", "SAMUEL BROOKS:", "- Henry Dawson."]
)
def test_a_signature_is_found_through_a_speck_or_a_misread_full_stop(name: str) -> None:
    """A writer's name set flush right under a story's last line is a byline,
    though a speck before it reads as punctuation or its full stop as a colon
    (small type on an old page); a sentence ending the same way is not."""

    def line(text: str, x0: float, y0: float) -> TextLine:
        box = (x0, y0, 330.0, y0 + 20)
        return TextLine(text=text, confidence=0.95, bbox=box, work_bbox=box)

    def block(lines: list[TextLine]) -> Region:
        box = (20.0, 100.0, 330.0, max(ln.bbox[3] for ln in lines))
        return Region(id="r1", type=RegionType.TEXT, bbox=box, work_bbox=box, lines=lines)

    body = [
        line("the council voted on tuesday to approve a new", 20, 100 + 22 * i) for i in range(3)
    ]
    next_story = line("The next story starts here with more", 20, 188)
    parts = split_signatures(block([*body, line(name, 190, 166), next_story]), "r1s")
    assert [p.type for p in parts] == [RegionType.TEXT, RegionType.BYLINE, RegionType.TEXT]
    assert parts[1].lines[0].text == name
    plain = block([*body, line("said Robert Hughes:", 20, 166)])
    assert [p.type for p in split_signatures(plain, "r1s")] == [RegionType.TEXT]


def test_a_column_whose_last_full_line_starts_with_the_word_reporter_runs_on() -> None:
    # Generated zh-hant-1004: "記者看到山路兩邊停" ends a column, set full
    # measure, and the sentence goes on at the head of the next; it was taken
    # for the story's byline. A byline at a column's foot stands short or flush right.
    regions = [
        _region(
            "h1",
            RegionType.HEADLINE,
            (100, 100, 720, 150),
            [_display_line("楊梅豐收果農笑開顏", (100, 100, 560, 150))],
        ),
        _column("a1", 100, 180, [("在餘姚楊梅專業村，", 0, 300), ("記者看到山路兩邊停", 0, 300)]),
        _column("a2", 420, 180, [("滿了前來採摘的遊客車輛。", 0, 300), ("今年大豐收。", 0, 200)]),
        _column("a3", 740, 180, [("本地楊梅遠銷各地，", 0, 300), ("記者 周建平", 160, 140)]),
    ]
    page = assemble(_page(regions, language="zh-Hant"), Settings())
    assert len(page.articles) == 1
    story = page.articles[0]
    assert story.byline == "記者 周建平"
    text = "".join(story.paragraphs)
    assert "記者看到山路兩邊停滿了前來採摘的遊客車輛。" in text


@pytest.mark.parametrize(
    "headline, text, credit",
    [
        (
            "志願服務走進千家萬戶",
            ("社區志願者每週上門，", "為老人送去溫暖。", "活動將持續一年。"),
            "記者 俞敏 通訊員 曹陽",
        ),
        # Generated zh-hant-1005: "記者 馮雪 通訊員 楊靜 朱建國", set full measure,
        # read with "楊靜朱建國" run together.
        (
            "警民攜手共建海陸平安",
            ("海上巡邏隊每週出海，", "守護漁民平安。", "活動持續一年。"),
            "記者馮雪通訊員楊靜朱建國",
        ),
    ],
)
def test_a_credit_set_full_measure_at_a_columns_foot_is_still_the_byline(
    headline: str, text: tuple[str, str, str], credit: str
) -> None:
    regions = [
        _region(
            "h1",
            RegionType.HEADLINE,
            (100, 100, 720, 150),
            [_display_line(headline, (100, 100, 560, 150))],
        ),
        _column("a1", 100, 180, [(text[0], 0, 300), (text[1], 0, 200)]),
        _column("a2", 420, 180, [(text[2], 0, 200), (credit, 0, 300)]),
    ]
    page = assemble(_page(regions, language="zh-Hant"), Settings())
    assert [a.byline for a in page.articles] == [credit]
    assert "記者" not in "".join(page.articles[0].paragraphs)


def test_a_captions_last_line_set_apart_by_layout_ends_the_caption() -> None:
    # Generated en-5000: the caption's second line measured smaller type and
    # became a text block of its own, read into the story's body.
    page = two_column_article_with_photo()
    regions = []
    for region in page.regions:
        if region.id == "c":
            regions.append(
                _region(
                    "c",
                    RegionType.CAPTION,
                    (100, 410, 400, 430),
                    [_line("Crews at work on the bridge on", 100, 410, 395)],
                )
            )
            regions.append(
                _region(
                    "c2",
                    RegionType.TEXT,
                    (100, 428, 330, 448),
                    [_line("Monday. (Photo by Ann Lee)", 102, 428, 330)],
                )
            )
        else:
            regions.append(region)
    done = assemble(page.model_copy(update={"regions": regions}), Settings())
    story = done.articles[0]
    assert story.captions == ["Crews at work on the bridge on Monday. (Photo by Ann Lee)"]
    assert "Photo by" not in " ".join(story.paragraphs)
    assert story.paragraphs[0].startswith("The bridge opened")


def test_body_text_under_a_caption_stays_body_text() -> None:
    page = assemble(two_column_article_with_photo(), Settings())
    story = page.articles[0]
    assert story.captions == ["Crews at work on Monday. (Photo by Ann Lee)"]
    assert story.paragraphs[0].startswith("The bridge opened to traffic")


def test_a_heading_in_small_capitals_read_in_mixed_case_comes_out_in_capitals() -> None:
    # Synthetic en-old-1003: the small capitals read as lower-case letters.
    read = "HIGH SCHoOL TeAm HeaDs To STATE FINAL."
    assert small_caps_as_capitals(read) == "HIGH SCHOOL TEAM HEADS TO STATE FINAL."
    assert small_caps_as_capitals("MAYOR'S PLAN FOR THE HaRBOUR") == "MAYOR'S PLAN FOR THE HARBOUR"


def test_headings_in_ordinary_case_keep_it() -> None:
    ordinary = (
        "McDonald Wins the Race",
        "City Council Meets Today",
        "iPhone sales up",
        "市政府",
        "McDonald Meets McCarthy",
        "YouTube and PayPal Merge",
    )
    for heading in ordinary:
        assert small_caps_as_capitals(heading) == heading


def test_a_photo_taken_in_does_not_move_its_article_up_the_order() -> None:
    # The NZZ 1940: a "photo" at the scan's edge (the next page's strip),
    # reaching up beside the running head, joined the rates box beside it,
    # and that story was read before the paper's name.
    from newsprint.articles.assembly import _order
    from newsprint.articles.draft import Draft

    nameplate = _region(
        "n", RegionType.HEADLINE, (100, 300, 1400, 500), [_line("Zeitung", 100, 300, 1400)]
    )
    under = _column("t", 100, 560, [("Daily, three editions", 0, 290)] * 3)
    rates = _column("r", 1100, 560, [("Adverts: per line 25 cents", 0, 290)] * 3)
    strip = _region("p", RegionType.PHOTO, (1450, 100, 1600, 700))
    first = Draft(headlines=[nameplate], members=[under])
    beside = Draft(members=[rates, strip])
    assert _order([beside, first], BODY) == [first, beside]
    # A story of photos alone still stands where its photos do.
    photos = Draft(members=[_region("q", RegionType.PHOTO, (1100, 100, 1400, 250))])
    assert _order([first, photos], BODY) == [photos, first]


def test_a_line_centred_over_a_letter_is_read_before_the_letter() -> None:
    # NCSE's EWJ 1859 p66: "To the Editor of the English Woman's Journal."
    # centred under the rule that ends the letter above, "MADAM," starting
    # the next letter under it. Both start in one band; read by their left
    # edges alone, the centred line (set in from the left) came after the
    # whole of the letter under it.
    above = _column("a", 20, 100, [("also sadly deficient in visitors", 0, 300)] * 4)
    to_the_editor = _region(
        "e",
        RegionType.TEXT,
        (120, 240, 260, 260),
        [_line("To the Editor of the Journal.", 120, 240, 260)],
    )
    rule = _region("s", RegionType.SEPARATOR, (140, 225, 240, 228))
    madam = _region("m", RegionType.HEADLINE, (20, 270, 320, 290), [_line("MADAM,", 40, 270, 110)])
    letter = _column("l", 20, 300, [("Perhaps the following suggestions", 0, 300)] * 4)
    page = assemble(_page([above, rule, to_the_editor, madam, letter]), Settings())
    order = page.reading_order
    assert order.index("e") < order.index("m") < order.index("l")
    # Stories side by side in one band are still read left to right.
    left = _region("hl", RegionType.HEADLINE, (20, 100, 320, 130), [_line("LEFT", 20, 100, 200)])
    right = _region("hr", RegionType.HEADLINE, (420, 95, 720, 125), [_line("RIGHT", 420, 95, 600)])
    texts = [_column("tl", 20, 140, [("left story", 0, 300)] * 3)]
    texts.append(_column("tr", 420, 135, [("right story", 0, 300)] * 3))
    page = assemble(_page([right, left, *texts]), Settings())
    assert [a.headline for a in page.articles] == ["LEFT", "RIGHT"]


def test_a_one_line_title_over_the_gutter_makes_no_column_of_its_own() -> None:
    # NCSE's MRP 1815 p29: a running title left as text, centred over the
    # gutter, counted as a column between the two; the right column's
    # blocks fell into it or the real one by their left edges, and a date
    # line in the right column was read after the blocks below it.
    title = _region(
        "t", RegionType.TEXT, (330, 40, 530, 60), [_line("Jesus-worship confuted.", 330, 40, 530)]
    )
    left = [_column("l1", 100, 100, [("left column text", 0, 300)] * 6)]
    left.append(_column("l2", 100, 300, [("more left column", 0, 300)] * 6))
    r1 = _column("r1", 440, 100, [("right column text", 0, 300)] * 4)
    date = _region(
        "d", RegionType.TEXT, (600, 230, 700, 250), [_line("July 9, 1815.", 600, 230, 700)]
    )
    r2 = _column("r2", 440, 260, [("the letter goes on", 0, 300)] * 6)
    page = assemble(_page([title, *left, r1, date, r2]), Settings())
    order = page.reading_order
    assert order.index("r1") < order.index("d") < order.index("r2")
    assert order.index("l2") < order.index("r1")


@pytest.mark.parametrize(
    "pieces",
    [
        [(100, 250, 300, 253), (260, 254, 600, 258), (560, 250, 750, 253)],
        [(100, 250, 300, 253), (340, 251, 750, 254)],
    ],
)
def test_a_rule_across_the_page_found_in_pieces_ends_the_band(pieces: list) -> None:
    # NCSE's MRP 1807 p54: the double rule over the obituaries, found as
    # three pieces each shorter than the band rule, left the page one band:
    # the top band's right column was read after the obituaries' left one.
    # The NZZ of 1921: a rule across the page broken inside a column, two
    # body lines wide.
    top_left = _column("tl", 100, 100, [("end of a review", 0, 300)] * 5)
    top_right = _column("tr", 450, 100, [("its last column", 0, 300)] * 5)
    rules = [_region(f"s{i}", RegionType.SEPARATOR, b) for i, b in enumerate(pieces)]
    low_left = _column("bl", 100, 280, [("an obituary here", 0, 300)] * 5)
    low_right = _column("br", 450, 280, [("another obituary", 0, 300)] * 5)
    page = assemble(_page([top_left, top_right, *rules, low_left, low_right]), Settings())
    order = page.reading_order
    assert order.index("tl") < order.index("tr") < order.index("bl") < order.index("br")


def test_a_page_of_adverts_named_in_display_type_reads_down_each_column() -> None:
    # NCSE's TTW 1867 p12: 47 small adverts in four columns, each named in
    # large type inside its column. Read in bands by the adverts' tops, the
    # page went across the columns and back (order 0.61 against people's).
    regions: list[Region] = []
    for c, x0 in enumerate((100, 450)):
        y = 100 + 40 * c
        for n in range(4):
            name = (x0 + 20, y, x0 + 280, y + 60)
            regions.append(
                _region(f"n{c}{n}", RegionType.HEADLINE, name, [_display_line(f"AD {c}{n}", name)])
            )
            regions.append(_old_column(f"t{c}{n}", x0, y + 70, ["The goods are sold by"] * 4))
            y += 70 + 24 * 3 + BODY + 30
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == [f"AD {c}{n}" for c in range(2) for n in range(4)]


def test_two_columns_closing_stories_on_one_row_make_no_band() -> None:
    # Rules that end a story in each of two columns on one row are a gutter
    # apart: no rule across the page, and the left column's second story
    # still runs on at the head of the right column. Rules at two heights
    # are no rule across either.
    a1 = _old_column("a1", 100, 100, ["story a text"] * 12)
    b1 = _old_column("b1", 100, 420, ["story b text"] * 20)
    b2 = _old_column("b2", 450, 100, ["story b goes on"] * 12)
    c = _old_column("c", 450, 420, ["story c text"] * 20)
    for first, second in (
        ((110, 390, 390, 392), (460, 390, 740, 392)),
        ((110, 390, 410, 392), (400, 300, 740, 302)),
    ):
        r1 = _region("r1", RegionType.SEPARATOR, first)
        r2 = _region("r2", RegionType.SEPARATOR, second)
        page = assemble(_page([a1, b1, b2, c, r1, r2]), Settings())
        assert page.reading_order == ["a1", "b1", "b2", "c"]


def test_stories_side_by_side_a_few_pixels_apart_are_read_left_to_right() -> None:
    # Two stories of a band whose tops overlap by a gutter's few pixels
    # stand side by side: the left one first, though the right one's top is
    # higher (a skewed page); a wide top over both goes first, and the two
    # under it stay left to right.
    from newsprint.articles.assembly import _order
    from newsprint.articles.draft import Draft

    def draft(rid: str, x0: float, y0: float, x1: float) -> Draft:
        line = _line(rid, x0, y0, x1)
        return Draft(members=[_region(rid, RegionType.TEXT, (x0, y0, x1, y0 + BODY), [line])])

    left, right = draft("A", 100, 100, 404), draft("B", 400, 94, 700)
    assert [d.members[0].id for d in _order([right, left], BODY)] == ["A", "B"]
    wide = draft("W", 150, 80, 650)
    assert [d.members[0].id for d in _order([right, left, wide], BODY)] == ["W", "A", "B"]


def _magazine_top(second_column_first: tuple[str, float], folio_text: str = "598") -> list[Region]:
    """A folio over column 1, set in its block 10 px above the first line, and
    beside it the page's title in a block of its own, or another line."""
    col1 = _column(
        "c1", 100, 150, [("wrest, as they also do the", 0, 300), ("other scrip-", 0, 120)]
    )
    folio = _line(folio_text, 100, 120, 100 + 12 * len(folio_text))
    col1 = col1.model_copy(update={"lines": [folio, *col1.lines], "bbox": (100, 120, 400, 200)})
    text, length = second_column_first
    title = _region(
        "t", RegionType.TEXT, (250, 120, 250 + length, 140), [_line(text, 250, 120, 250 + length)]
    )
    col2 = _column("c2", 420, 150, [("brated Ode of Aristotle,", 0, 300), ("on Virtue.", 0, 120)])
    return [col1, title, col2]


def test_a_folio_set_close_over_the_columns_heads_the_page_with_its_title() -> None:
    # NCSE's MRP 1822 p. 14: "598  Moral Duty of Jurymen." 13 px over the
    # columns; the folio had opened column 1 and the title was read as text.
    page = assemble(_page(_magazine_top(("Moral Duty of Jurymen.", 200))), Settings())
    kinds = {r.id: r.type for r in page.regions}
    assert kinds["c1f"] == RegionType.FOLIO and kinds["t"] == RegionType.RUNNING_HEAD
    text = render_articles_text(page.articles)
    assert "598" not in text and "Moral Duty" not in text
    assert text.index("wrest") < text.index("brated Ode")


def test_a_title_opening_the_next_column_s_block_is_the_running_head_with_its_folio() -> None:
    # NCSE's MRP 1807 p54: "278" opens column 1's block and "Obituary.",
    # centred, column 2's, 35 px over its first line where its lines are 12
    # apart. Both are the page's head, out of the text; the columns read on.
    col1, _, _ = _magazine_top(("Moral Duty of Jurymen.", 200), "278")

    def col2(top: float) -> Region:
        rows = [("He informs us in the preface that", 0, 300), ("he never enjoyed", 0, 300)]
        column = _column("c2", 420, top, [*rows, ("advantages of a liberal", 0, 300)])
        title = _line("Obituary.", 520, 118, 610)
        box = (420, 118, 720, top + 80)
        return column.model_copy(update={"lines": [title, *column.lines], "bbox": box})

    page = assemble(_page([col1, col2(165)]), Settings())
    kinds = {r.id: r.type for r in page.regions}
    assert kinds["c1f"] == RegionType.FOLIO and kinds["c2h"] == RegionType.RUNNING_HEAD
    assert kinds["c2"] == RegionType.TEXT
    text = render_articles_text(page.articles)
    assert "278" not in text and "Obituary" not in text
    assert text.index("wrest") < text.index("He informs")
    # Set as close over the column as its own lines are (10 px), it is the
    # column's first line, and the page has no running head.
    page = assemble(_page([col1, col2(148)]), Settings())
    assert {r.type for r in page.regions} & {RegionType.FOLIO, RegionType.RUNNING_HEAD} == set()


def test_a_folio_and_title_read_as_one_block_s_first_row_head_the_page() -> None:
    # NCSE's MRP 1831 p32, a one-column page: "32" at the left and "Letters
    # from Germany." centred, 20 px over the text (its lines 10 px apart),
    # both lines of its block.
    rows = [("become one, or a unity, in the thinking", 0, 600), ("be, an absolute unity", 0, 600)]
    column = _column("c1", 100, 160, [*rows, ("has its own subsistence", 0, 300)])
    folio, title = _line("32", 100, 120, 124), _line("Letters from Germany.", 330, 120, 560)
    block = column.model_copy(
        update={"lines": [folio, title, *column.lines], "bbox": (100, 120, 700, 230)}
    )
    page = assemble(_page([block]), Settings())
    kinds = {r.id: r.type for r in page.regions}
    assert kinds["c1f"] == RegionType.FOLIO and kinds["c1h"] == RegionType.RUNNING_HEAD
    assert kinds["c1"] == RegionType.TEXT
    # Side by side, each is as wide as its own line, not the block.
    boxes = {r.id: r.work_bbox for r in page.regions}
    assert boxes["c1f"][2] <= 124 < 330 <= boxes["c1h"][0]
    text = render_articles_text(page.articles)
    assert "32" not in text and "Germany" not in text and text.startswith("become one")


def _opening_line(column: Region, text: str, x0: float, x1: float) -> Region:
    """``column`` with a short first line (15 px high, 15 px over its lines)."""
    box = (x0, 120, x1, 135)
    line = TextLine(text=text, confidence=0.99, bbox=tuple(int(v) for v in box), work_bbox=box)
    bbox = (column.bbox[0], 120, column.bbox[2], column.bbox[3])
    return column.model_copy(update={"lines": [line, *column.lines], "bbox": bbox})


def test_a_column_s_own_short_first_line_or_a_year_over_it_is_no_running_head() -> None:
    # A paragraph's last line carried over to the column's head starts at its
    # left edge; a chronicle's years head its columns (the second centred, as
    # a title would be, but a number). Both stay in the text.
    col1, _, _ = _magazine_top(("Moral Duty of Jurymen.", 200))
    rows = [("Mr. Smith then moved that", 20, 280), ("the House do now adjourn,", 0, 300)]
    col2 = _column("c2", 420, 150, [*rows, ("which was carried.", 0, 200)])
    page = assemble(_page([col1, _opening_line(col2, "tion of the bill.", 420, 540)]), Settings())
    assert {r.type for r in page.regions} & {RegionType.FOLIO, RegionType.RUNNING_HEAD} == set()
    assert "tion of the bill." in render_articles_text(page.articles)
    entries = [("Jan. 3. Fire at the docks,", 0, 300), ("with loss of two lives.", 0, 300)]
    years = [
        _opening_line(
            _column(rid, x0, 155, [*entries, ("Feb. 9. A bridge", 0, 200)]), year, at, at + 60
        )
        for rid, x0, at, year in (("c1", 100, 100, "1884"), ("c2", 420, 540, "1885"))
    ]
    page = assemble(_page(years), Settings())
    assert {r.type for r in page.regions} & {RegionType.FOLIO, RegionType.RUNNING_HEAD} == set()


def test_a_folio_read_with_a_speck_before_it_or_of_four_figures_is_a_folio() -> None:
    from newsprint.articles.jump_lines import folio_label
    from newsprint.articles.roles import is_folio

    assert is_folio(".521") and is_folio("1366") and is_folio("598") and is_folio("Page 3")
    assert not is_folio("12345") and not is_folio("5.21 p.m.") and not is_folio("On the")
    assert not is_folio("1884.") and not is_folio("1.") and not is_folio("3-")
    assert is_folio("第二版") and is_folio("第十二版") and is_folio("第3頁")
    for text, label in ((".521", "521"), ("1366", "1366"), ("598", "598")):
        folio = _region("f", RegionType.FOLIO, (100, 120, 150, 140), [_line(text, 100, 120, 150)])
        assert folio_label(_page([folio])) == label


def test_a_number_opening_a_column_level_with_the_next_column_is_no_folio() -> None:
    # The folio's row holds the first line of column 2's block: no running head.
    col1, _, _ = _magazine_top(("Moral Duty of Jurymen.", 200))
    col2 = _column("c2", 420, 120, [("brated Ode of Aristotle,", 0, 300), ("on Virtue.", 0, 120)])
    page = assemble(_page([col1, col2]), Settings())
    assert {r.type for r in page.regions} & {RegionType.FOLIO, RegionType.RUNNING_HEAD} == set()


def test_a_one_figure_folio_heads_the_page_too() -> None:
    # A box round "7" is narrower than it is tall: still a folio.
    page = assemble(_page(_magazine_top(("Moral Duty of Jurymen.", 200), "7")), Settings())
    kinds = {r.id: r.type for r in page.regions}
    assert kinds["c1f"] == RegionType.FOLIO and kinds["t"] == RegionType.RUNNING_HEAD


def test_a_headline_level_with_a_page_number_is_no_running_head() -> None:
    # A story's headline in display type set level with the page number: the
    # number may be the folio, the headline stays the story's.
    regions = _magazine_top(("Moral Duty of Jurymen.", 200))
    regions[1] = _region(
        "t",
        RegionType.HEADLINE,
        (250, 110, 650, 150),
        [_display_line("GREAT FIRE AT THE DOCKS", (250, 110, 650, 150))],
    )
    page = assemble(_page(regions), Settings())
    assert {r.id: r.type for r in page.regions}["t"] == RegionType.HEADLINE
    assert page.articles[0].headline == "GREAT FIRE AT THE DOCKS"


def test_a_folio_in_a_region_of_its_own_keeps_its_id() -> None:
    regions = _magazine_top(("Moral Duty of Jurymen.", 200))
    col1 = regions[0]
    alone = _region("f", RegionType.TEXT, (100, 120, 136, 140), [col1.lines[0]])
    regions[0] = col1.model_copy(update={"lines": col1.lines[1:], "bbox": (100, 150, 400, 200)})
    page = assemble(_page([alone, *regions]), Settings())
    assert {r.id: r.type for r in page.regions}["f"] == RegionType.FOLIO


def test_a_signature_at_the_head_of_the_next_column_is_read_after_its_letter() -> None:
    # The letter runs down column 1 and its signature tops column 2, over the
    # next story's headline: read down the columns, the signature closes the
    # letter, though no text of its own stands above it.
    regions = [
        _region(
            "h",
            RegionType.HEADLINE,
            (100, 100, 400, 150),
            [_display_line("Letters", (100, 100, 300, 150))],
        ),
        _column(
            "t1",
            100,
            190,
            [
                ("Sir, the jury met on", 40, 260),
                ("Monday at ten and", 0, 300),
                ("heard the case.", 0, 200),
            ],
        ),
        _region(
            "b", RegionType.BYLINE, (520, 190, 720, 210), [_line("JOHN JONES.", 520, 190, 720)]
        ),
        _region(
            "h2",
            RegionType.HEADLINE,
            (420, 230, 720, 280),
            [_display_line("The Harbour", (420, 230, 700, 280))],
        ),
        _column("t2", 420, 300, [("The harbour board met", 40, 260), ("on Tuesday.", 0, 200)]),
    ]
    page = assemble(_page(regions), Settings())
    assert [a.byline for a in page.articles] == ["JOHN JONES.", None]
    assert page.reading_order == ["h", "t1", "b", "h2", "t2"]


def test_an_articles_headlines_are_read_row_by_row_and_along_each_row() -> None:
    # The Publishers' Circular 1883 p312: two headlines level over the two
    # columns of one advert, the right one's top 8 px higher, were read right
    # first (by their tops); a centred line over both comes first.
    from newsprint.articles.draft import headline_order
    from newsprint.core.page import TextDirection

    over = _region("over", RegionType.HEADLINE, (510, 387, 1072, 424))
    left = _region("left", RegionType.HEADLINE, (144, 423, 793, 453))
    right = _region("right", RegionType.HEADLINE, (855, 415, 1505, 460))
    deck = _region("deck", RegionType.HEADLINE, (144, 470, 700, 490))
    order = headline_order([over, right, left, deck])
    assert [h.id for h in order] == ["over", "left", "right", "deck"]
    # Vertical headlines side by side are read right to left.
    tall = [
        _region(n, RegionType.HEADLINE, (x, 100, x + 40, 500)).model_copy(
            update={"direction": TextDirection.VERTICAL_RL}
        )
        for n, x in (("a", 100), ("b", 300))
    ]
    assert [h.id for h in headline_order(tall)] == ["b", "a"]


def _masthead_page(rule_y: float) -> NewspaperPage:
    """A front page's head as the NZZ's of 1909-1943: the issue and date over
    the nameplate, rates boxes under its ends (each a column of lines), the
    subtitle and address under its middle, a long rule at ``rule_y``, and a
    story under it."""
    top = [
        _region("no", RegionType.HEADLINE, (100, 40, 500, 80), [_line("Nr. 641", 100, 40, 500)]),
        _region(
            "date", RegionType.HEADLINE, (1300, 40, 1700, 80), [_line("29. Juni", 1300, 40, 1700)]
        ),
    ]
    title = _region(
        "np", RegionType.NAMEPLATE, (100, 100, 1700, 300), [_line("Neue Zürcher", 100, 100, 1700)]
    )
    ears = [
        _column("sub", 100, 330, [("Abonnemente: Zürich Fr. 2.85", 0, 290)] * 5),
        _region(
            "st",
            RegionType.HEADLINE,
            (700, 330, 1100, 370),
            [_line("und Handelsblatt", 700, 330, 1100)],
        ),
        _column("ad", 750, 390, [("Redaktion: Falkenstrasse 11", 0, 290)] * 3),
        _column("ann", 1400, 330, [("Annoncen: die Zeile 50 Rp.", 0, 290)] * 4),
    ]
    rule = _region("rule", RegionType.SEPARATOR, (100, rule_y, 1700, rule_y + 8))
    head = _region(
        "h", RegionType.HEADLINE, (100, 520, 1000, 570), [_line("Die Lage", 100, 520, 1000)]
    )
    story = _column("s", 100, 600, [("Bern, 28. Juni. Der Bundesrat hat", 0, 300)] * 8)
    return _page([*top, title, *ears, rule, head, story], language="de")


def test_a_masthead_is_read_top_row_nameplate_then_each_ear() -> None:
    # People read (and annotate) a front page's head as one: the row over the
    # nameplate, the nameplate, then the ears from the left, each top down.
    # Read as columns of stories, the NZZ's rates box opened column 1 and
    # the nameplate and date came after the ears.
    page = assemble(_masthead_page(rule_y=500), Settings())
    head = page.articles[0]
    assert head.kind == ArticleKind.NAMEPLATE and head.headline == "Neue Zürcher"
    assert head.region_ids == ["no", "date", "np", "sub", "st", "ad", "ann"]
    assert head.paragraphs[0] == "Nr. 641" and head.paragraphs[-1].startswith("Annoncen")
    story = page.articles[1]
    assert story.headline == "Die Lage" and story.region_ids == ["h", "s"]
    assert page.reading_order[:3] == ["no", "date", "np"]
    assert "Redaktion: Falkenstrasse 11" in render_articles_text(page.articles[:1])


def test_a_rule_far_under_the_nameplate_closes_no_masthead() -> None:
    # A rule five nameplate heights down closes a story, not the page's head:
    # the nameplate stays an item of its own and the ears are not taken in.
    page = assemble(_masthead_page(rule_y=1400), Settings())
    plate = next(a for a in page.articles if a.kind == ArticleKind.NAMEPLATE)
    assert plate.region_ids == ["np"] and not plate.paragraphs


def _with_regions(page: NewspaperPage, **replace: list[Region]) -> NewspaperPage:
    """``page`` with each region named in ``replace`` put back as the given ones."""
    regions = [new for r in page.regions for new in replace.get(r.id, [r])]
    return page.model_copy(update={"regions": regions})


def test_a_rates_box_read_cell_by_cell_stays_in_the_masthead() -> None:
    # NZZ 1895, 1898, 1908: the rates box under the nameplate's left end is
    # read cell by cell (a country, then its three prices), 18-20 lines in
    # eight rows. Counted by its lines it looked a story's column over the
    # rule: no masthead, the subtitle a story's headline over columns 2-3,
    # and the page's first story read from column 2.
    page = _masthead_page(rule_y=500)
    cells = [
        _line(text, x, 330 + row * 30, x + width)
        for row in range(5)
        for text, x, width in (("Zürich", 100, 150), ("Fr. 5.50", 260, 60), ("Fr. 10", 330, 60))
    ]
    rates = _region("sub", RegionType.TEXT, (100, 330, 400, 470), cells)
    assert len(cells) > 12
    head = assemble(_with_regions(page, sub=[rates]), Settings()).articles[0]
    assert head.kind == ArticleKind.NAMEPLATE
    assert head.region_ids == ["no", "date", "np", "sub", "st", "ad", "ann"]


def test_a_closing_rule_found_in_pieces_still_closes_the_masthead() -> None:
    # NZZ 1881: the rule under the head was found as pieces end to end, the
    # issue number over the shortest; no piece alone ran across the page,
    # and the page had no masthead.
    page = _masthead_page(rule_y=500)
    pieces = [
        _region("rule1", RegionType.SEPARATOR, (100, 500, 380, 506)),
        _region("rule2", RegionType.SEPARATOR, (378, 498, 1000, 510)),
        _region("rule3", RegionType.SEPARATOR, (1004, 501, 1700, 507)),
    ]
    head = assemble(_with_regions(page, rule=pieces), Settings()).articles[0]
    assert head.kind == ArticleKind.NAMEPLATE
    assert head.region_ids == ["no", "date", "np", "sub", "st", "ad", "ann"]


def test_an_ear_under_the_low_end_of_a_rule_aslant_is_in_the_masthead() -> None:
    # NZZ 1900: the rule under the head drops across the page, so its box is
    # tall; the address under the rates box, over the rule's low end, stood
    # below the box's top and was read as a story of its own.
    page = _masthead_page(rule_y=500)
    aslant = _region("rule", RegionType.SEPARATOR, (100, 470, 1700, 530))
    address = _region(
        "addr", RegionType.TEXT, (100, 462, 400, 498), [_line("Goethestr. 10", 100, 470, 400)]
    )
    head = assemble(_with_regions(page, rule=[aslant, address]), Settings()).articles[0]
    assert head.kind == ArticleKind.NAMEPLATE
    assert "addr" in head.region_ids


def test_rules_closing_columns_a_gutter_apart_are_no_closing_rule() -> None:
    # Two rules ending the stories of two columns at one height, a gutter
    # between them: together they run across 0.6 of the page, but they are
    # not one rule, and the stories over them are no masthead.
    page = _masthead_page(rule_y=500)
    pieces = [
        _region("rule1", RegionType.SEPARATOR, (100, 500, 640, 506)),
        _region("rule2", RegionType.SEPARATOR, (680, 500, 1200, 506)),
    ]
    page = assemble(_with_regions(page, rule=pieces), Settings())
    plate = next(a for a in page.articles if a.kind == ArticleKind.NAMEPLATE)
    assert plate.region_ids == ["np"]


def test_a_story_beside_a_narrow_nameplate_is_no_part_of_a_masthead() -> None:
    # A tabloid's flag over the left half, the lead story's teaser beside it,
    # one rule under both: the story keeps its headline and text.
    title = _region(
        "np", RegionType.NAMEPLATE, (100, 100, 1000, 300), [_line("The Sun", 100, 100, 1000)]
    )
    teaser = _region(
        "th",
        RegionType.HEADLINE,
        (1200, 100, 1700, 150),
        [_line("Fire at the mill", 1200, 100, 1700)],
    )
    teaser_text = _column("tt", 1200, 170, [("Crews fought the blaze all night", 0, 300)] * 4)
    rule = _region("rule", RegionType.SEPARATOR, (100, 400, 1700, 408))
    head = _region(
        "h", RegionType.HEADLINE, (100, 430, 1000, 480), [_line("Council meets", 100, 430, 1000)]
    )
    story = _column("s", 100, 500, [("The council met on Monday to discuss", 0, 300)] * 8)
    page = assemble(_page([title, teaser, teaser_text, rule, head, story]), Settings())
    plate = next(a for a in page.articles if a.kind == ArticleKind.NAMEPLATE)
    assert plate.region_ids == ["np"]
    fire = next(a for a in page.articles if a.headline == "Fire at the mill")
    assert fire.region_ids == ["th", "tt"]


def _two_column_heads_page() -> NewspaperPage:
    """An advert's closing line across two columns, then a heading over each
    column, level (the right one a few pixels higher and reaching into its
    text's top), each over its column's text (The Publishers' Circular 1883
    p312)."""

    def head(rid: str, text: str, box: tuple[float, float, float, float]) -> Region:
        return _region(rid, RegionType.HEADLINE, box, [_line(text, box[0], box[1], box[2])])

    first = head("h0", "WORD MAKING AND WORD TAKING", (100, 100, 760, 120))
    first_text = _column("t0", 100, 140, [("In a neat box, 800 letters", 0, 300)] * 3)
    first_text = first_text.model_copy(
        update={"work_bbox": (100, 140, 760, 220), "bbox": (100, 140, 760, 220)}
    )
    across = head("x", "WITH FULL INSTRUCTIONS", (250, 230, 610, 252))
    left = head("hl", "THE ROYAL GAME OF SEQUENCE", (100, 256, 400, 276))
    right = head("hr", "FLORAL MOTTOES", (460, 250, 760, 290))
    left_text = _column("tl", 100, 282, [("Merry matches: a capital game", 0, 300)] * 12)
    right_text = _column("tr", 460, 276, [("Christmas and other festive", 0, 300)] * 11)
    rule = _region("rule", RegionType.SEPARATOR, (428, 256, 432, 620))
    return _page([first, first_text, across, left, right, left_text, right_text, rule])


def test_each_column_heading_under_a_heading_across_opens_its_columns_story() -> None:
    # Stacked as decks of the line across, both columns' headings were read
    # before either column's text: left head, right head, left text, right text.
    # The heading across goes on over the first column's story.
    page = assemble(_two_column_heads_page(), Settings())
    order = [rid for rid in page.reading_order if rid != "rule"]
    assert order.index("x") < order.index("hl") < order.index("tl")
    assert order.index("tl") < order.index("hr") < order.index("tr")
    by_head = {a.headline: a.region_ids for a in page.articles}
    assert by_head["WITH FULL INSTRUCTIONS THE ROYAL GAME OF SEQUENCE"] == ["x", "hl", "tl"]
    assert by_head["FLORAL MOTTOES"] == ["hr", "tr"]


def test_small_blocks_over_two_columns_do_not_join_them_into_one() -> None:
    # NZZ 1943: a map's place names, read into the lead story, lay across
    # columns 1 and 2; going down columns that chained through them, column
    # 2's top (a few pixels higher) was read before column 1.
    from newsprint.articles.draft import column_order

    col1 = _column("c1", 100, 205, [("Die deutsche Südfront", 0, 300)] * 30)
    col1b = _column("c1b", 100, 1120, [("Der Vorstoß an der Adria", 0, 300)] * 10)
    col2 = _column("c2", 420, 200, [("von Salerno die deutsche", 0, 300)] * 40)
    names = [
        _region("m1", RegionType.TEXT, (230, 1450, 590, 1490), [_line("Avellino", 230, 1450, 590)]),
        _region("m2", RegionType.TEXT, (300, 1500, 520, 1540), [_line("Foggia", 300, 1500, 520)]),
        _region("m3", RegionType.TEXT, (400, 1550, 600, 1590), [_line("Bari", 400, 1550, 600)]),
    ]
    order = [r.id for r in column_order([col2, *names, col1b, col1], BODY)]
    assert order.index("c1") < order.index("c1b") < order.index("c2")
    assert order[:2] == ["c1", "c1b"]
    # A lead set across both columns is read first, then each column.
    lead = _region("lead", RegionType.TEXT, (100, 100, 720, 180), [_line("Rome", 100, 100, 720)])
    order = [r.id for r in column_order([col2, col1b, lead, col1], BODY)]
    assert order == ["lead", "c1", "c1b", "c2"]


def test_pieces_of_one_line_in_an_article_read_left_to_right() -> None:
    # NCSE's TEC 1883 p312: an advert's line in three blocks side by side,
    # their tops on one pixel row; the narrow first goes down the column of
    # the wider second, and was read after it.
    from newsprint.articles.draft import column_order

    def block(rid: str, text: str, x0: int, y0: int, x1: int, y1: int) -> Region:
        return _region(rid, RegionType.TEXT, (x0, y0, x1, y1), [_line(text, x0, y0, x1)])

    now = block("now", "Now", 493, 1685, 568, 1724)
    ready = block("ready", "ready, crown 8vo.", 565, 1685, 1014, 1724)
    price = block("price", "Twopence.", 1011, 1685, 1159, 1724)
    assert [r.id for r in column_order([ready, price, now], BODY)] == ["now", "ready", "price"]
    # A one-line block level with a paragraph's first line, a little lower
    # and to its left, is no piece of that line: the paragraph comes first.
    para = _column("para", 500, 1680, [("the first lessons usually", 0, 300)] * 8)
    assert [r.id for r in column_order([now, para], BODY)] == ["para", "now"]

    # A display word level with two tight-set lines beside it is on a row
    # with neither of them together: the lines stay in their order.
    word, first = block("A", "A", 100, 99, 160, 129), block("B1", "B1", 200, 100, 300, 120)
    second = block("B2", "B2", 180, 117, 320, 137)
    under = _column("body", 100, 200, [("the text under them", 0, 300)] * 7)
    order = [r.id for r in column_order([word, first, second, under], BODY)]
    assert order == ["A", "B1", "B2", "body"]


def test_a_title_over_two_columns_is_read_in_the_first() -> None:
    # A title over two columns, even one narrower than a column centred over
    # the gutter (NCSE's MRP 1807 p54 "OBITUARY."), is read before both,
    # from the first.
    from newsprint.articles.flow import _column_of

    spans = [(100.0, 400.0), (420.0, 720.0)]
    assert _column_of(Box(250, 420, 720, 460), spans) == 0
    assert _column_of(Box(300, 420, 560, 460), spans) == 0
    assert _column_of(Box(500, 420, 600, 440), spans) == 1


def test_a_short_line_at_a_columns_edge_is_in_that_column() -> None:
    # NCSE's NS2 1843 p4: "yon.", a paragraph's last line at column 3's left
    # edge, lay 14 px (over a third of its width) under column 2's span,
    # which a long line carried past the gutter: it was read at the foot of
    # column 2.
    from newsprint.articles.flow import _column_of

    spans = [(510.0, 930.0), (914.0, 1322.0)]
    assert _column_of(Box(916, 1151, 953, 1174), spans) == 1
    assert _column_of(Box(840, 1151, 990, 1174), spans) == 0  # over the gutter


def _rates_head(table_top: float) -> NewspaperPage:
    """A front page's head without a nameplate block (its black-letter name
    taken for pictures, NZZ 1933): the date row, the subscription rates as a
    table (row label, then figures) at ``table_top``, the address and the
    advert rates beside it as running-head pieces, then a story."""
    date = _region(
        "date",
        RegionType.RUNNING_HEAD,
        (100, 40, 500, 60),
        [_line("3. Februar 1933", 100, 40, 500)],
    )
    rows = [("Zürich bei der Administration", "2.60 6.80"), ("Schweiz beim Postbureau", "3.30 9.-")]
    lines = [
        _line(f"{label} {figures}", 100, table_top + 30 * i, 560)
        for i, (label, figures) in enumerate(rows)
    ]
    table = _region("rates", RegionType.TABLE, (100, table_top, 560, table_top + 50), lines)
    address = _region(
        "addr",
        RegionType.RUNNING_HEAD,
        (700, 300, 1100, 350),
        [_line("Redaktion: Falkenstrasse 11", 700, 300, 1100)],
    )
    adverts = _region(
        "ads",
        RegionType.RUNNING_HEAD,
        (1300, 300, 1700, 350),
        [_line("Annoncen: die Zeile 60 Rp.", 1300, 300, 1700)],
    )
    rule = _region("rule", RegionType.SEPARATOR, (100, 400, 1700, 408))
    story = _column("s", 100, 600, [("Bern, 2. Februar. Der Bundesrat hat", 0, 300)] * 8)
    head = _region(
        "h", RegionType.HEADLINE, (100, 520, 1000, 570), [_line("Die Lage", 100, 520, 1000)]
    )
    return _page([date, table, address, adverts, rule, head, story], language="de")


def test_a_rates_table_among_the_running_head_is_read_with_it() -> None:
    # NZZ 1933: the rates, found a table, became a story of their own read
    # after the whole head; they are a piece of the head, read in its place
    # and row by row (a label, then its figures), and keep their cells.
    from newsprint.exports.alto import document_order

    page = _rates_head(table_top=300)
    cells = [[TableCell(text="Zürich", bbox=(100, 300, 300, 320), column=0)]]
    page.regions[1] = page.regions[1].model_copy(update={"rows": cells})
    page = assemble(page, Settings())
    rates = next(r for r in page.regions if r.id == "rates")
    assert rates.type == RegionType.RUNNING_HEAD and rates.rows == cells
    assert "rates" not in page.reading_order
    assert [a.headline for a in page.articles] == ["Die Lage"]
    orders = {a.id: a.region_ids for a in page.articles}
    assert [r.id for r in document_order(page, orders)][:4] == ["date", "rates", "addr", "ads"]


def test_a_table_under_a_story_in_the_columns_stays_a_table() -> None:
    page = assemble(_rates_head(table_top=900), Settings())
    assert next(r for r in page.regions if r.id == "rates").type == RegionType.TABLE
    assert "rates" in page.reading_order


def test_a_table_level_with_the_head_under_a_story_stays_a_table() -> None:
    # A story's text above the table's middle: the table is in the columns,
    # however level with a piece of the head beside it.
    page = _rates_head(table_top=300)
    above = _column("top", 100, 200, [("Kurz gemeldet: der Bundesrat", 0, 300)] * 2)
    page = assemble(page.model_copy(update={"regions": [*page.regions, above]}), Settings())
    assert next(r for r in page.regions if r.id == "rates").type == RegionType.TABLE


def test_a_table_a_few_pixels_into_the_heads_row_stays_a_table() -> None:
    # Its box reaches 2 px into the running head's row: no piece of the head
    # shares half its height with it.
    page = _rates_head(table_top=348)
    page = assemble(page, Settings())
    assert next(r for r in page.regions if r.id == "rates").type == RegionType.TABLE


def _lead_band() -> list[Region]:
    """A lead story across five 300-px columns over a rule, at the page's
    top: the bands under it are some of several (not a page of plain columns)."""
    rows = [("and the port handled more cargo than", 0, 300)]
    lead = _region(
        "hl", RegionType.HEADLINE, (100, 0, 1680, 40), [_line("Lead story", 100, 0, 1680)]
    )
    lead_text = [_column(f"l{i}", 100 + 320 * (i - 1), 50, rows) for i in range(1, 6)]
    return [lead, *lead_text, _region("rule", RegionType.SEPARATOR, (100, 80, 1680, 83))]


def _band_with_a_headline_at_a_column_s_head(headline_x: tuple[float, float]) -> NewspaperPage:
    """Story A's headline over columns 1 and 2 and its text in columns 1 to 3
    (column 3 under no headline, starting lower); a second headline at
    ``headline_x`` over columns 4 and 5."""
    a = _region(
        "ha", RegionType.HEADLINE, (100, 100, 700, 150), [_line("Harbour trade", 100, 100, 700)]
    )
    rows = [("and the port handled more cargo than", 0, 300)] * 8
    x0, x1 = headline_x
    b = _region(
        "hb", RegionType.HEADLINE, (x0, 100, x1, 190), [_line("Reading rooms", x0, 100, x1)]
    )
    columns = [_column(f"c{i}", 100 + 320 * (i - 1), 210, rows) for i in range(1, 6)]
    columns[2] = _column("c3", 740, 170, rows)
    return _page([*_lead_band(), a, b, *columns])


@pytest.mark.parametrize("headline_x1", [1250, 1330, 1360])
def test_a_headline_at_the_head_of_its_own_column_takes_no_column_on_its_left(
    headline_x1: int,
) -> None:
    # Generated 60-dpi broadsheet zh-hans-2001: 家门口的书房受欢迎, two lines at
    # the head of its column, set flush left; the column on its left went on
    # with the story beside it but was read as the headline's (the block's
    # mirror about the headline's centre ended mid-column, under no headline).
    # As wide as its column, the headline is centred on it and the mirror
    # lands on the next column: it still heads its own.
    page = assemble(_band_with_a_headline_at_a_column_s_head((1060, headline_x1)), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c3"] == owner["c2"] == owner["ha"]
    assert owner["c4"] == owner["hb"] != owner["ha"]


def test_a_headline_centred_over_two_columns_takes_the_left_one() -> None:
    # Centred over columns 3 and 4 (its centre on the gutter between them):
    # column 3's mirror is column 4, and column 3 opens the headline's story.
    page = assemble(_band_with_a_headline_at_a_column_s_head((850, 1250)), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c3"] == owner["c4"] == owner["hb"] != owner["ha"]


def test_a_headline_centred_over_four_columns_takes_the_first_though_it_starts_at_the_second() -> (
    None
):
    # zh-hant-5003: 港口貨物吞吐量穩步增長 centred over its story's four
    # columns starts 8 px in from the second one's edge; the first column is
    # the story's, not the one on its left.
    rows = [("and the port handled more cargo than", 0, 300)] * 8
    a = _region("ha", RegionType.HEADLINE, (100, 100, 380, 150), [_line("Trade", 100, 100, 380)])
    b = _region(
        "hb", RegionType.HEADLINE, (748, 100, 1352, 150), [_line("Harbour", 748, 100, 1352)]
    )
    columns = [_column(f"c{i}", 100 + 320 * (i - 1), 170, rows) for i in range(1, 6)]
    page = assemble(_page([*_lead_band(), a, b, *columns]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c1"] == owner["ha"] != owner["hb"]
    assert owner["c2"] == owner["c3"] == owner["c4"] == owner["c5"] == owner["hb"]


def test_a_slanting_rule_along_a_column_s_left_edge_does_not_part_it_from_its_headline() -> None:
    # zh-broad-1000: the rule between two stories, its box 12 px wide where it
    # slants, reached 4 px into the column beside it; the column went to the
    # story on the rule's other side.
    rows = [("and the port handled more cargo than", 0, 300)] * 8
    a = _region("ha", RegionType.HEADLINE, (100, 100, 600, 150), [_line("Trade", 100, 100, 600)])
    b = _region(
        "hb", RegionType.HEADLINE, (1000, 100, 1420, 150), [_line("Harbour", 1000, 100, 1420)]
    )
    columns = [_column(f"c{i}", 100 + 320 * (i - 1), 170, rows) for i in range(1, 6)]
    slanting = _region("cr", RegionType.SEPARATOR, (734, 95, 750, 420))
    page = assemble(_page([*_lead_band(), a, b, *columns, slanting]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c1"] == owner["c2"] == owner["ha"]
    assert owner["c3"] == owner["c4"] == owner["c5"] == owner["hb"] != owner["ha"]


def test_a_headline_centred_over_its_story_stands_over_a_photo_not_a_column() -> None:
    # zh-hans-2005: the headline over columns 3-7 stands over the story's
    # photo (columns 5-7), not over one column of its own.
    rows = [("and the port handled more cargo than", 0, 300)] * 8
    a = _region("ha", RegionType.HEADLINE, (100, 100, 380, 150), [_line("Trade", 100, 100, 380)])
    b = _region(
        "hb", RegionType.HEADLINE, (1064, 100, 1356, 150), [_line("Harbour", 1064, 100, 1356)]
    )
    photo = _region("ph", RegionType.PHOTO, (1060, 170, 1680, 400))
    columns = [_column(f"c{i}", 100 + 320 * (i - 1), 170, rows) for i in range(1, 4)]
    under = [_column(f"u{i}", 100 + 320 * (i - 1), 420, rows[:3]) for i in range(4, 6)]
    page = assemble(_page([*_lead_band(), a, b, photo, *columns, *under]), Settings())
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["c3"] == owner["hb"] != owner["ha"]


def test_a_heading_over_its_text_in_padded_boxes_stands_above_it() -> None:
    """Lines detected at a reduced scale come in boxes twice the body's
    height, each reaching 15 pixels into the next (Deseret News 1850 p7:
    21-pixel body, 45-pixel boxes, 31-pixel pitch): the heading cut out of
    its column (its box its line's, as ``roles.split_headings`` leaves it)
    whose box reaches 16 pixels into its text's first line still stands above that
    text, so the text is the heading's story (it was taken for text with
    nothing over it, and read as the story on its left)."""
    from newsprint.articles.bands import block_over

    body, tall = 21.0, 45.0

    def padded(text: str, y0: float) -> TextLine:
        box = (50.0, y0, 460.0, y0 + tall)
        return TextLine(text=text, confidence=0.99, bbox=tuple(int(v) for v in box), work_bbox=box)

    above = _region("r1", RegionType.TEXT, (50, 600, 460, 996), [padded("x", 951)])
    head_line = padded("WASHINGTON, Tues. Jan. 8, 1850.", 1013)
    head = _region("r2", RegionType.HEADLINE, (50, 1013, 460, 1058), [head_line])
    lines = [padded(f"line {i}", 1042 + 31 * i) for i in range(6)]
    text = _region("r3", RegionType.TEXT, (50, 1042, 460, 1042 + 31 * 5 + tall), lines)
    flow = [above, head, text]
    assert block_over(text, flow, body) is head
    # Boxes that overlap by more than half a line are one over the other no more.
    deep = _region("r4", RegionType.TEXT, (50, 1030, 460, 1300), [padded("y", 1030)])
    assert block_over(deep, [above, head, deep], body) is above


def test_a_headline_in_the_next_column_does_not_part_a_deck_from_its_text() -> None:
    """The Port Gibson Reveille of 1921: a story's deck and its text, a dash
    and 2.6 body lines of white between them, were parted as two bands
    because the next column's one-column headline stood level with that
    white. A headline across two columns or more still starts a band there."""
    from newsprint.articles.bands import block_over

    body, width = 12.0, 278.0

    def block(rid: str, kind: RegionType, x0: float, y0: float, x1: float, y1: float) -> Region:
        return _region(rid, kind, (x0, y0, x1, y1), [_line(rid, x0, y0, x1)])

    deck = block("deck", RegionType.TEXT, 634, 536, 904, 617)
    text = block("text", RegionType.TEXT, 626, 648, 904, 922)
    beside = block("beside", RegionType.HEADLINE, 908, 623, 1187, 642)
    assert block_over(text, [deck, beside, text], body, width) is deck
    across = block("across", RegionType.HEADLINE, 908, 623, 1470, 642)
    assert block_over(text, [deck, across, text], body, width) is None
    # A headline over the next column's story and reaching well into this
    # column (generated en-1000: 6 body lines) heads a band here too.
    over_two = block("over two", RegionType.HEADLINE, 830, 623, 1187, 642)
    assert block_over(text, [deck, over_two, text], body, width) is None
    # The nameplate starting in the white between an ear over it and what
    # stands inside or under it (the NZZ of 1943: its arms, then its prices).
    nameplate = block("title", RegionType.NAMEPLATE, 100, 622, 2000, 700)
    assert block_over(text, [deck, text], body, width, [nameplate]) is None
    assert block_over(text, [deck, text], body, width) is deck


def test_a_deck_and_its_text_stay_one_story_across_a_headline_in_the_next_column() -> None:
    """The same through the whole assembly of a page in bands (the Port
    Gibson Reveille of 1921): a story's headline and deck in the first
    column, three body lines of white, its text; the second column's
    headline stands level with that white. The text is the first story's."""
    rows = [("the committee met on Saturday to hear the", 0, 300)] * 6
    head = _region(
        "h1", RegionType.HEADLINE, (100, 120, 400, 160), [_line("COMMITTEE HOLDS", 100, 120, 400)]
    )
    deck = _column("deck", 100, 180, rows[:3])
    text = _column("text", 100, 320, rows)
    other = _region(
        "h2", RegionType.HEADLINE, (420, 120, 720, 160), [_line("SCHOOL NEWS", 420, 120, 720)]
    )
    other_text = _column("o1", 420, 180, rows[:3])
    beside = _region(
        "h3", RegionType.HEADLINE, (420, 275, 720, 295), [_line("BUILDING RESORT", 420, 275, 720)]
    )
    beside_text = _column("o2", 420, 320, rows)
    page = assemble(
        _page([*_lead_band(), head, deck, text, other, other_text, beside, beside_text]),
        Settings(),
    )
    owner = {rid: a.id for a in page.articles for rid in a.region_ids}
    assert owner["text"] == owner["deck"] == owner["h1"]
    assert owner["o2"] == owner["h3"] != owner["h1"]


def test_article_ids_run_on_in_reading_order_when_a_stray_mark_is_left_out() -> None:
    # A mark read as a character or two is no story; the stories after it
    # were numbered past it (a8, a10), unlike the overlay's 8, 9.
    def story(x: float, head: str, rid: str) -> list[Region]:
        headline = _region(f"h{rid}", RegionType.HEADLINE, (x, 100, x + 300, 140))
        headline = headline.model_copy(update={"lines": [_line(head, x, 100, x + 280)]})
        text = _column(f"t{rid}", x, 160, [("Residents of the town met on", 0, 300)] * 6)
        return [headline, text]

    # An advert's frame under the first story, read as a bar.
    mark = _region("m", RegionType.ADVERTISEMENT, (100, 400, 400, 480), [_line("|", 120, 420, 140)])
    regions = [*story(100, "Harbour bridge reopens", "1"), mark]
    regions += story(460, "Council votes on budget", "2") + story(820, "Library opens", "3")
    page = assemble(_page(regions), Settings())
    assert [a.headline for a in page.articles] == [
        "Harbour bridge reopens",
        "Council votes on budget",
        "Library opens",
    ]
    assert [a.id for a in page.articles] == ["a1", "a2", "a3"]


def test_a_column_whose_edge_drifts_is_not_cut_into_one_line_paragraphs() -> None:
    # NCSE's CLD 1853 p2: the column starts 10-14 px further right at its head
    # than at its foot (a character and more), so measured from the block's one edge
    # every line at its head was "indented", each a paragraph of its own.
    from newsprint.articles.paragraphs import paragraphs_of

    words = ["the", "house", "went", "into", "committee", "again", "on", "the", "bill"]
    lines = []
    for i in range(24):
        x0 = 580 - 14 * i / 23 + (22 if i == 12 else 0)  # one paragraph's indent
        text = " ".join(words[(i % 3) :] + words[: (i % 3)])
        lines.append(_line(text, x0, 100 + 20 * i, 1040))
    block = _region("t", RegionType.TEXT, (560, 100, 1040, 100 + 20 * 24), lines)
    paragraphs = paragraphs_of([block], 17.0, "en", Settings())
    assert len(paragraphs) == 2
    assert paragraphs[1].startswith(lines[12].text)


def _dateline_page(row_height: float, below: float = 14) -> NewspaperPage:
    """An American weekly's head (Port Gibson Reveille, 1921): the nameplate,
    a long rule, a dateline row of three pieces ``row_height`` px tall, a
    second long rule ``below`` px under it, then two columns: a story under
    its headline, and the top of the next column, its story run on from the
    first."""
    title = _region(
        "np", RegionType.NAMEPLATE, (100, 40, 1700, 160), [_line("PORT GIBSON", 100, 40, 1700)]
    )
    rule_1 = _region("r1", RegionType.SEPARATOR, (100, 180, 1700, 186))
    y0 = 200
    row = [
        _region(rid, RegionType.HEADLINE, (x0, y0, x1, y0 + row_height), [_line(t, x0, y0, x1)])
        for rid, x0, x1, t in (
            ("est", 100, 400, "Established 1876"),
            ("date", 600, 1200, "PORT GIBSON, MISS., THURSDAY, MARCH 3, 1921"),
            ("vol", 1400, 1700, "VOL. XLV., NO. 6"),
        )
    ]
    y1 = y0 + row_height + below
    rule_2 = _region("r2", RegionType.SEPARATOR, (100, y1, 1700, y1 + 6))
    head = _region(
        "h",
        RegionType.HEADLINE,
        (100, y1 + 20, 400, y1 + 60),
        [_line("MEETING", 100, y1 + 20, 400)],
    )
    story = _column("s", 100, y1 + 80, [("The committee met on Monday", 0, 290)] * 10)
    tail = _column("t", 420, y1 + 20, [("and went on to the end of it.", 0, 290)] * 4)
    return _page([title, rule_1, *row, rule_2, head, story, tail])


def test_a_dateline_ruled_off_under_the_nameplate_is_the_masthead_s() -> None:
    # Left under the first rule, each piece of the dateline headed a story of
    # its own and took in the column tops under it.
    page = assemble(_dateline_page(row_height=BODY), Settings())
    head = page.articles[0]
    assert head.kind == ArticleKind.NAMEPLATE
    assert head.region_ids == ["np", "est", "date", "vol"]
    assert [a.headline for a in page.articles[1:]] == ["MEETING"]
    assert page.articles[1].region_ids == ["h", "s", "t"]


@pytest.mark.parametrize(
    ("row_height", "below"),
    [
        (2.6 * BODY, 14),  # display type between the rules: headlines, not a dateline
        (BODY, 80),  # the rules further apart than a dateline's
    ],
)
def test_a_row_between_two_rules_under_the_nameplate_is_a_dateline_only_when_thin(
    row_height: float, below: float
) -> None:
    page = assemble(_dateline_page(row_height, below), Settings())
    assert page.articles[0].region_ids == ["np"]


def test_regions_an_archivist_typed_keep_their_type() -> None:
    # A page number an archivist boxed as the running head, and a text block
    # ending in a credit line: the rules reading roles from the text (a folio,
    # a byline split off) pass them by, and do as before where no one typed.
    def page(typed: bool) -> NewspaperPage:
        head = _region(
            "rh", RegionType.RUNNING_HEAD, (100, 20, 160, 40), [_line("12", 100, 20, 160)]
        )
        story = _column("s", 100, 100, [("The council met on Monday", 0, 290)] * 6)
        story.lines.append(_line("By JOHN SMITH", 100, 100 + 6 * 30, 300))
        story = story.model_copy(
            update={"bbox": (100, 100, 400, 300), "work_bbox": (100, 100, 400, 300)}
        )
        regions = [head, story]
        if typed:
            regions = [r.model_copy(update={"typed_by_archivist": True}) for r in regions]
        return _page(regions)

    typed = assemble(page(typed=True), Settings())
    assert {r.id: r.type for r in typed.regions} == {
        "rh": RegionType.RUNNING_HEAD,
        "s": RegionType.TEXT,
    }
    found = assemble(page(typed=False), Settings())
    kinds = {r.id: r.type for r in found.regions}
    assert kinds["rh"] == RegionType.FOLIO and RegionType.BYLINE in kinds.values()


def test_only_a_page_number_named_as_one_is_a_folio_in_display_type() -> None:
    from newsprint.articles.roles import is_named_folio

    assert is_named_folio("第二版") and is_named_folio("Page 4") and is_named_folio("第 三 頁")
    # A year or a figure set large may be a headline's; a folio with a title
    # beside it is no folio alone.
    assert not is_named_folio("1921") and not is_named_folio("521")
    assert not is_named_folio("第二版 口吹羅自吹")


def _caption_beside_page(
    gap: float, last: str = "式投产运行 本报记者 陈帆 摄", foot: float = 500
) -> NewspaperPage:
    """东莞日报 of 2026, A03, in small: a story's headline over text on the
    left and a photo on the right; under a rule across the text column, a
    caption of two lines ending with the photographer's credit stands
    left of the photo's foot, ``gap`` pixels from it."""
    head = _region(
        "h",
        RegionType.HEADLINE,
        (100, 100, 900, 150),
        [_line("高效破解东莞污泥处置难题", 100, 110, 700)],
    )
    text = _column(
        "t", 100, 170, [("本报讯（记者刘敏珍）6月17日，东莞市污泥集中处理处置项目", 0, 290)] * 8
    )
    rule = _region("rule", RegionType.SEPARATOR, (100, 420, 400, 422))
    photo = _region("p", RegionType.PHOTO, (400 + gap, 170, 900, foot))
    credit = [
        _line("6月17日，东莞市污泥集中处理处置项目在沙田镇立沙岛", 100, 440, 400),
        _line(last, 100, 470, 400),
    ]
    caption = _region("c", RegionType.TEXT, (100, 440, 400, 490), credit)
    return _page([head, text, rule, photo, caption], language="zh")


def test_a_caption_beside_its_photo_s_foot_is_that_photo_s() -> None:
    page = assemble(_caption_beside_page(gap=26), Settings())
    story = next(a for a in page.articles if "p" in a.region_ids)
    assert "c" in story.region_ids
    assert story.captions == [
        "6月17日，东莞市污泥集中处理处置项目在沙田镇立沙岛式投产运行 本报记者 陈帆 摄"
    ]
    # Six body lines away, or two under the photo's foot, it is no caption
    # of that photo; nor is a block of text that ends no caption.
    for page in [
        _caption_beside_page(gap=120),
        _caption_beside_page(gap=26, foot=450),
        _caption_beside_page(gap=26, last="式投产运行，年处理污泥七十万吨。"),
    ]:
        story = next(a for a in assemble(page, Settings()).articles if "p" in a.region_ids)
        assert "c" not in story.region_ids


def test_a_short_block_ending_with_a_photographer_s_credit_is_a_caption() -> None:
    def block(*texts: str) -> Region:
        lines = [_line(t, 100, 100 + 30 * i, 400) for i, t in enumerate(texts)]
        return _region("x", RegionType.TEXT, (100, 100, 400, 100 + 30 * len(texts)), lines)

    two = split_roles(block("6月17日，东莞市污泥集中处理处置项目投产", "本报记者 陈帆 摄"), "x")
    assert [r.type for r in two] == [RegionType.CAPTION]
    # A credit alone is a byline; five lines are a story's, its credit its byline.
    assert [r.type for r in split_roles(block("本报记者 陈帆 摄"), "x")] == [RegionType.BYLINE]
    five = split_roles(
        block(*["记者昨天在市区几个主要路口看到，车流如织。"] * 4, "本报记者 陈帆 摄"), "x"
    )
    assert RegionType.CAPTION not in [r.type for r in five]
