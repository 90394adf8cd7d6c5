"""Jump lines ("转第二版", "Continued on Page 4", "See FIRE, Page A6") found as regions of
their own and kept out of the article text, and the two parts of a jumped article
linked within an issue. Hand-built regions, no OCR (the real pipeline over a generated
issue is in ``tests/exports/test_jump_issue.py``)."""

from __future__ import annotations

import pytest
from newsprint.articles import assemble
from newsprint.articles.issue_jumps import link_issue_jumps
from newsprint.articles.jump_lines import match_jump, page_label
from newsprint.articles.jumps import find_jumps
from newsprint.core.page import (
    Article,
    FlagCode,
    Jump,
    JumpDirection,
    NewspaperPage,
    Region,
    RegionType,
    TextLine,
)
from newsprint.core.settings import Settings
from newsprint.exports.text import render_articles_text

ON, FROM = JumpDirection.ON, JumpDirection.FROM
BODY = 20.0


@pytest.mark.parametrize(
    ("text", "direction", "label"),
    [
        ("转第二版", ON, "2"),
        ("转第2版", ON, "2"),
        ("下转第三版", ON, "3"),
        ("下转第12版", ON, "12"),
        ("（下转第二版）", ON, "2"),
        ("(下转第十二版)", ON, "12"),
        ("【下轉第四版】", ON, "4"),
        ("下转A2版", ON, "A2"),
        ("接第一版", FROM, "1"),
        ("接第1版", FROM, "1"),
        ("上接第一版", FROM, "1"),
        ("（上接第二十版）", FROM, "20"),
        ("(上接第３版)", FROM, "3"),
        ("（续第一版）", FROM, "1"),
        ("(續第2版)", FROM, "2"),
    ],
)
def test_chinese_jump_lines_are_found_with_their_page(
    text: str, direction: JumpDirection, label: str
) -> None:
    found = match_jump(text)
    assert found is not None
    assert (found.direction, found.page_label, found.keyword) == (direction, label, None)
    assert found.whole(text)


@pytest.mark.parametrize(
    ("text", "direction", "label", "keyword"),
    [
        ("Continued on Page 4", ON, "4", None),
        ("(Continued on page A6)", ON, "A6", None),
        ("CONTINUED ON PAGE TWO", ON, "2", None),
        ("Continued on A-6", ON, "A6", None),
        ("Continued from Page 1", FROM, "1", None),
        ("(Continued from Page A1)", FROM, "A1", None),
        ("See FIRE, Page A6", ON, "A6", "FIRE"),
        ("See FIRE on Page 6", ON, "6", "FIRE"),
        ("Please see SCHOOL BOARD, A3", ON, "A3", "SCHOOL BOARD"),
        ("From Page A1", FROM, "A1", None),
        ("From page 1", FROM, "1", None),
        ("FIRE, from Page A1", FROM, "A1", "FIRE"),
        ("See FIRE | A6", ON, "A6", "FIRE"),
        ("Turn to Page 12", ON, "12", None),
    ],
)
def test_english_jump_lines_are_found_with_their_page_and_keyword(
    text: str, direction: JumpDirection, label: str, keyword: str | None
) -> None:
    found = match_jump(text)
    assert found is not None
    assert (found.direction, found.page_label, found.keyword) == (direction, label, keyword)


@pytest.mark.parametrize(
    ("text", "direction", "jump"),
    [
        ("精准发力，主动进攻。（下转第二版）", ON, "（下转第二版）"),
        ("（上接第一版）本报讯 昨天上午，", FROM, "（上接第一版）"),
        ("the council voted 5-2. (Continued on Page 4)", ON, "(Continued on Page 4)"),
        ("(Continued from Page 1) The council said", FROM, "(Continued from Page 1)"),
    ],
)
def test_a_bracketed_jump_at_the_end_or_start_of_a_line_is_found_in_place(
    text: str, direction: JumpDirection, jump: str
) -> None:
    found = match_jump(text)
    assert found is not None and found.direction == direction
    assert text[found.start : found.end] == jump
    assert not found.whole(text)


@pytest.mark.parametrize(
    "text",
    [
        "迎接第三方检查组的到来",
        "工作转第二阶段后",
        "接第一批游客",
        "See you on Tuesday",
        "Page 5",
        "A6",
        "The company continued on its path",
        "Prices rose from 1990 to 2000",
        "he turned to page through the report",
        "the council voted to continue on page 2 of the plan",
    ],
)
def test_text_that_only_looks_like_a_jump_is_no_jump(text: str) -> None:
    assert match_jump(text) is None


@pytest.mark.parametrize(
    ("text", "label"),
    [("第十二版", "12"), ("二十三", "23"), ("一〇五", "105"), ("A06", "A6"), ("two", "2")],
)
def test_page_labels_are_normalised(text: str, label: str) -> None:
    assert page_label(text) == label


# --- a page: jump lines out of the article text ------------------------------------


def _line(text: str, x0: float, y0: float, x1: float) -> TextLine:
    box = (x0, y0, x1, y0 + BODY)
    return TextLine(text=text, confidence=0.99, bbox=tuple(int(v) for v in box), work_bbox=box)


def _region(rid: str, kind: RegionType, box: tuple[float, float, float, float], lines) -> Region:
    return Region(
        id=rid, type=kind, bbox=tuple(int(v) for v in box), work_bbox=box, lines=list(lines)
    )


def _column(rid: str, x0: float, y0: float, rows: list[tuple[str, float]]) -> Region:
    """rows: (text, line length in px), 30 px apart, in a column 300 px wide."""
    lines = [_line(text, x0, y0 + i * 30, x0 + length) for i, (text, length) in enumerate(rows)]
    return _region(
        rid, RegionType.TEXT, (x0, y0, x0 + 300, y0 + (len(rows) - 1) * 30 + BODY), lines
    )


def _page(regions: list[Region], language: str) -> NewspaperPage:
    return NewspaperPage(
        source="p.png",
        sha256="0",
        width=2000,
        height=2000,
        regions=regions,
        body_line_height=BODY,
        language=language,
    )


def _chinese_page(ascii_brackets: bool = False) -> NewspaperPage:
    """A story ending in a jump line of its own; another whose last line ends in
    one (``ascii_brackets``: read with ASCII brackets, as the recogniser often
    reads them)."""

    def read(text: str) -> str:
        return text.replace("（", "(").replace("）", ")") if ascii_brackets else text

    head1 = _region(
        "h1", RegionType.HEADLINE, (100, 100, 400, 150), [_line("暑期防溺水", 100, 100, 400)]
    )
    body1 = _column(
        "t1",
        100,
        180,
        [
            ("暑假到来，中小学生防溺水工", 300),
            ("作进入关键期。教育局发出通", 300),
            (read("（下转第二版）"), 140),
        ],
    )
    head2 = _region(
        "h2", RegionType.HEADLINE, (500, 100, 800, 150), [_line("垃圾分类", 500, 100, 800)]
    )
    body2 = _column(
        "t2",
        500,
        180,
        [("志愿者小陈已经在小区的垃圾", 300), (read("投放点站了半小时。（转第3版）"), 300)],
    )
    return _page([head1, body1, head2, body2], "zh-Hans")


def test_chinese_jump_lines_become_jump_regions_out_of_the_paragraphs() -> None:
    page = assemble(_chinese_page(), Settings())
    jumps = page.regions_of(RegionType.JUMP)
    assert sorted(r.text for r in jumps) == ["（下转第二版）", "（转第3版）"]
    first, second = page.articles
    assert first.paragraphs == ["暑假到来，中小学生防溺水工作进入关键期。教育局发出通"]
    assert second.paragraphs == ["志愿者小陈已经在小区的垃圾投放点站了半小时。"]
    assert [(j.text, j.direction, j.page_label) for j in first.jumps] == [
        ("（下转第二版）", ON, "2")
    ]
    assert [(j.text, j.direction, j.page_label) for j in second.jumps] == [("（转第3版）", ON, "3")]
    # The cut line keeps the text part; the jump gets the right end of the line's box.
    cut = page.region("t2")
    assert cut.lines[-1].text == "投放点站了半小时。"
    jump = page.region(second.jumps[0].region_id)
    assert jump.type == RegionType.JUMP and jump.id in second.region_ids
    assert cut.lines[-1].bbox[2] <= jump.bbox[0] < jump.bbox[2] == 800
    assert "下转" not in render_articles_text(page.articles).replace("→ continues on page 2", "")
    assert set(page.reading_order) == {rid for a in page.articles for rid in a.region_ids}


def test_jump_lines_read_with_ascii_brackets_are_cut_from_the_widened_paragraphs() -> None:
    # The articles' text is written with full-width brackets; the jump's is as read.
    page = assemble(_chinese_page(ascii_brackets=True), Settings())
    first, second = page.articles
    assert first.paragraphs == ["暑假到来，中小学生防溺水工作进入关键期。教育局发出通"]
    assert second.paragraphs == ["志愿者小陈已经在小区的垃圾投放点站了半小时。"]
    assert [j.text for a in page.articles for j in a.jumps] == ["(下转第二版)", "(转第3版)"]


def test_english_jump_lines_at_the_foot_and_head_of_a_story_are_kept_out() -> None:
    head = _region(
        "h", RegionType.HEADLINE, (100, 100, 700, 150), [_line("Fire Guts Mill", 100, 100, 700)]
    )
    col1 = _column(
        "c1",
        100,
        180,
        [
            ("(Continued from Page 1)", 200),
            ("The fire started in the", 300),
            ("boiler room late on", 300),
        ],
    )
    col2 = _column(
        "c2",
        420,
        180,
        [("Monday, and crews fought", 300), ("it until dawn.", 120), ("See FIRE, Page A6", 180)],
    )
    page = assemble(_page([head, col1, col2], "en"), Settings())
    (article,) = page.articles
    text = " ".join(article.paragraphs)
    assert "Continued" not in text and "See FIRE" not in text and "Page" not in text
    assert text.startswith("The fire started") and text.endswith("until dawn.")
    assert [(j.direction, j.page_label, j.keyword) for j in article.jumps] == [
        (FROM, "1", None),
        (ON, "A6", "FIRE"),
    ]
    assert {page.region(j.region_id).type for j in article.jumps} == {RegionType.JUMP}


def test_a_page_without_jump_lines_is_left_as_it_is() -> None:
    head = _region(
        "h", RegionType.HEADLINE, (100, 100, 700, 150), [_line("Budget Passes", 100, 100, 700)]
    )
    col = _column(
        "c", 100, 180, [("The council continued on", 300), ("to page two of the plan.", 250)]
    )
    page = _page([head, col], "en")
    page = page.model_copy(
        update={"articles": [Article(id="a1", region_ids=["h", "c"], paragraphs=["x"])]}
    )
    assert find_jumps(page) is page


# --- an issue: the two parts linked ----------------------------------------------------


def _jumped(aid: str, headline: str, *jumps: tuple[JumpDirection, str, str | None]) -> Article:
    return Article(
        id=aid,
        headline=headline,
        paragraphs=[f"{headline} text"],
        jumps=[
            Jump(region_id=f"{aid}j{n}", direction=d, text="…", page_label=label, keyword=keyword)
            for n, (d, label, keyword) in enumerate(jumps)
        ],
    )


def _issue_page(number: int, folio: str | None, articles: list[Article]) -> NewspaperPage:
    regions = []
    if folio is not None:
        regions.append(
            _region(f"f{number}", RegionType.FOLIO, (0, 0, 50, 20), [_line(folio, 0, 0, 50)])
        )
    return NewspaperPage(
        source=f"p{number}.tif",
        sha256=str(number),
        width=2000,
        height=2000,
        regions=regions,
        articles=articles,
    )


def test_continued_on_and_from_are_linked_by_page_and_keyword() -> None:
    front = _issue_page(
        1,
        "A1",
        [
            _jumped("a1", "Fire Guts Old Mill", (ON, "A6", "FIRE")),
            _jumped("a2", "Council Passes Budget", (ON, "A6", "BUDGET")),
            _jumped("a3", "水灾", (ON, "2", None)),
        ],
    )
    second = _issue_page(2, None, [_jumped("a1", "水灾过后", (FROM, "1", None))])
    inside = _issue_page(
        3,
        "A6",
        [
            _jumped("a1", "Budget", (FROM, "A1", None)),
            _jumped("a2", "Fire", (FROM, "A1", None)),
        ],
    )
    pages = [front, second, inside]
    linked = link_issue_jumps(pages)
    fire, budget, flood = linked[0].articles
    assert (fire.continues_on.page, fire.continues_on.article_id, fire.continues_on.folio) == (
        3,
        "a2",
        "A6",
    )
    assert (budget.continues_on.page, budget.continues_on.article_id) == (3, "a1")
    assert (flood.continues_on.page, flood.continues_on.article_id, flood.continues_on.folio) == (
        2,
        "a1",
        None,
    )
    assert (
        linked[2].articles[1].continued_from.page,
        linked[2].articles[1].continued_from.article_id,
    ) == (1, "a1")
    assert (
        linked[1].articles[0].continued_from.page,
        linked[1].articles[0].continued_from.folio,
    ) == (1, "A1")
    assert not any(f.code == FlagCode.JUMP_UNMATCHED for p in linked for f in p.flags)
    assert all(a.continues_on is None for p in pages for a in p.articles), "input changed"
    again = link_issue_jumps(linked)
    assert [p.model_dump() for p in again] == [p.model_dump() for p in linked]


def test_a_jump_without_its_other_half_is_kept_and_flagged_with_its_article() -> None:
    front = _issue_page(
        1, None, [_jumped("a1", "Fire", (ON, "4", None)), _jumped("a2", "Budget", (ON, "2", None))]
    )
    second = _issue_page(2, None, [_jumped("a1", "Weather", (FROM, "3", None))])
    linked = link_issue_jumps([front, second])
    assert all(
        a.continues_on is None and a.continued_from is None for p in linked for a in p.articles
    )
    flags = [
        (n, f.article_id)
        for n, p in enumerate(linked)
        for f in p.flags
        if f.code == FlagCode.JUMP_UNMATCHED
    ]
    assert flags == [(0, "a1"), (0, "a2"), (1, "a1")]
    assert [j.page_label for j in linked[0].articles[0].jumps] == ["4"]
    text = render_articles_text(linked[0].articles)
    assert "→ continues on page 4 (as printed; not linked)" in text


def test_articles_txt_says_where_a_linked_article_goes_on_and_comes_from() -> None:
    front = _issue_page(
        1,
        None,
        [
            _jumped(
                "a1",
                "Other",
            ),
            _jumped("a2", "水灾", (ON, "2", None)),
        ],
    )
    second = _issue_page(
        2, "A2", [_jumped("a1", "x"), _jumped("a2", "y"), _jumped("a3", "水灾", (FROM, "1", None))]
    )
    first, inside = link_issue_jumps([front, second])
    text = render_articles_text(first.articles)
    assert text.rstrip().endswith("水灾 text\n\n→ continues on page 2 (A2), article a3")
    assert "← continued from page 1, article a2\n\n水灾 text" in render_articles_text(
        inside.articles
    )


def test_a_jump_line_set_apart_under_the_byline_goes_to_the_story_above() -> None:
    head = _region(
        "h", RegionType.HEADLINE, (100, 100, 400, 150), [_line("Fire Guts Mill", 100, 100, 400)]
    )
    body = _column(
        "c", 100, 180, [("The fire started in the", 300), ("boiler room at night.", 280)]
    )
    byline = _region(
        "b", RegionType.BYLINE, (100, 250, 400, 270), [_line("By JOHN SMITH", 100, 250, 300)]
    )
    jump = _column("j", 100, 300, [("See FIRE, Page A6", 180)])
    other_head = _region(
        "h2", RegionType.HEADLINE, (500, 100, 800, 150), [_line("Budget Passes", 500, 100, 800)]
    )
    other = _column(
        "c2", 500, 180, [("The council voted on the", 300), ("budget on Tuesday.", 250)]
    )
    page = assemble(_page([head, body, byline, jump, other_head, other], "en"), Settings())
    assert [a.headline for a in page.articles] == ["Fire Guts Mill", "Budget Passes"]
    fire = page.articles[0]
    assert [(j.region_id, j.keyword, j.page_label) for j in fire.jumps] == [("j", "FIRE", "A6")]
    assert "j" in fire.region_ids and page.region("j").type == RegionType.JUMP
    assert fire.paragraphs == ["The fire started in the boiler room at night."]
    assert not page.articles[1].jumps


def test_an_article_of_nothing_but_a_jump_line_gives_it_to_the_story_before() -> None:
    head = _region(
        "h", RegionType.HEADLINE, (100, 100, 400, 150), [_line("水灾过后", 100, 100, 400)]
    )
    body = _column("c", 100, 180, [("记者昨天走访了受灾的村庄", 300)])
    jump = _column("j", 1500, 1800, [("（下转第二版）", 140)])
    articles = [
        Article(
            id="a1",
            headline="水灾过后",
            paragraphs=["记者昨天走访了受灾的村庄"],
            region_ids=["h", "c"],
        ),
        Article(id="a2", paragraphs=["（下转第二版）"], region_ids=["j"]),
    ]
    page = _page([head, body, jump], "zh-Hans").model_copy(update={"articles": articles})
    (article,) = find_jumps(page).articles
    assert article.region_ids == ["h", "c", "j"]
    assert [(j.region_id, j.page_label) for j in article.jumps] == [("j", "2")]
    assert article.paragraphs == ["记者昨天走访了受灾的村庄"]
