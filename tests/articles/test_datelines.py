"""The dateline row at a page's head is the page's, in no story's title."""

from __future__ import annotations

import pytest
from newsprint.articles import assemble
from newsprint.articles.datelines import names_a_date
from newsprint.core.page import NewspaperPage, Region, RegionType, TextLine
from newsprint.core.settings import Settings

BODY = 20.0


def _one_line(
    rid: str, kind: RegionType, text: str, x0: float, y0: float, x1: float, tall: float = BODY
) -> Region:
    box = (x0, y0, x1, y0 + tall)
    line = TextLine(text=text, confidence=0.99, bbox=tuple(int(v) for v in box), work_bbox=box)
    return Region(id=rid, type=kind, bbox=line.bbox, work_bbox=box, lines=[line])


def _column(rid: str, x0: float, y0: float, words: str) -> Region:
    lines = [
        TextLine(
            text=f"{words} {n}.",
            confidence=0.99,
            bbox=(int(x0), int(y0 + 30 * n), int(x0 + 280), int(y0 + 30 * n + BODY)),
            work_bbox=(x0, y0 + 30 * n, x0 + 280, y0 + 30 * n + BODY),
        )
        for n in range(8)
    ]
    box = (x0, y0, x0 + 280, y0 + 30 * 7 + BODY)
    return Region(
        id=rid, type=RegionType.TEXT, bbox=tuple(int(v) for v in box), work_bbox=box, lines=lines
    )


def _page(date_height: float = 1.5 * BODY) -> NewspaperPage:
    """A weekly's head: a dateline row over two stories side by side, each
    headline over its own column (the Murray Pioneer of 1922's)."""
    regions = [
        _one_line("vol", RegionType.HEADLINE, "Vol. 29, No. 3", 100, 100, 200, date_height),
        _one_line(
            "date",
            RegionType.HEADLINE,
            "RENMARK, FRIDAY, JAN. 20, 1922.",
            260,
            100,
            560,
            date_height,
        ),
        _one_line("price", RegionType.HEADLINE, "PRICE 4d.", 600, 100, 680, date_height),
        _one_line("h1", RegionType.HEADLINE, "KANGAROO HOP KING.", 110, 160, 370, 1.4 * BODY),
        _column("c1", 100, 200, "The story of a convivial party"),
        _one_line("h2", RegionType.HEADLINE, "RECORD HOTEL PROFIT.", 410, 160, 670, 1.4 * BODY),
        _column("c2", 400, 200, "The profit made by the hotel"),
    ]
    for n in range(3):  # more page under the head: the head is its top share
        regions.append(_column(f"f{n}", 100 + 300 * n, 1200, "Further down the page"))
    return NewspaperPage(
        source="t.png",
        sha256="0",
        width=1000,
        height=1500,
        regions=regions,
        body_line_height=BODY,
        language="en",
    )


def test_a_dateline_row_heads_no_story() -> None:
    page = assemble(_page(), Settings())
    kinds = {r.id: r.type for r in page.regions}
    assert {kinds["vol"], kinds["date"], kinds["price"]} == {RegionType.RUNNING_HEAD}
    headlines = [a.headline for a in page.articles]
    assert "KANGAROO HOP KING." in headlines and "RECORD HOTEL PROFIT." in headlines
    assert not any("1922" in (h or "") or "PRICE" in (h or "") for h in headlines)


def test_a_date_in_display_type_stays_a_story_s_headline() -> None:
    page = assemble(_page(date_height=3.5 * BODY), Settings())
    kinds = {r.id: r.type for r in page.regions}
    assert kinds["date"] == RegionType.HEADLINE
    assert kinds["vol"] != RegionType.RUNNING_HEAD


def test_a_story_s_headline_that_names_a_date_stays_its_headline() -> None:
    # No dateline row: the first story's one-line headline names a date and
    # stands right over its column, level with the other story's.
    page = _page()
    regions = [r for r in page.regions if r.id not in ("vol", "date", "price")]
    dated = _one_line(
        "h1", RegionType.HEADLINE, "ANZAC DAY, APRIL 25, 1922.", 110, 160, 370, 1.4 * BODY
    )
    regions = [dated if r.id == "h1" else r for r in regions]
    page = assemble(page.model_copy(update={"regions": regions}), Settings())
    kinds = {r.id: r.type for r in page.regions}
    assert kinds["h1"] == kinds["h2"] == RegionType.HEADLINE
    headlines = [a.headline for a in page.articles]
    assert "ANZAC DAY, APRIL 25, 1922." in headlines and "RECORD HOTEL PROFIT." in headlines


def test_a_page_with_its_running_head_found_has_no_dateline_to_find() -> None:
    page = _page()
    folio = _one_line("folio", RegionType.FOLIO, "4", 900, 60, 920)
    done = assemble(page.model_copy(update={"regions": [folio, *page.regions]}), Settings())
    assert {r.id: r.type for r in done.regions}["date"] == RegionType.HEADLINE
    # A running foot is no running head found.
    foot = _one_line("foot", RegionType.RUNNING_HEAD, "Printed and published by", 100, 1450, 500)
    done = assemble(page.model_copy(update={"regions": [*page.regions, foot]}), Settings())
    assert {r.id: r.type for r in done.regions}["date"] == RegionType.RUNNING_HEAD


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("AND WAIKERIE, FRIDAY, JAN. 20, 1922.", True),
        ("08/06/2023", True),
        ("農曆癸卯年四月廿一日", True),
        ("Jyväskylässä Tiistaina Heinäkuun 14 p:nä 1908", True),
        ("Zürich, Montag, 29. April 1940", True),
        ("中華民國八年三月六日", True),
        ("1922-01-20", True),
        ("Vol. 29, No. 3", False),
        ("星期四", False),
        ("The march of 1922", False),
        ("ARMY MARCH ON BERLIN 1918", False),
        ("MARS 2020 ROVER LANDS", False),
        ("Sunday school picnic: 1500 attend", False),
        ("Tel. 12-34-2000", False),
        ("Score 3/41/2000", False),
        ("首相今年五月訪問日本", False),
        ("青年人月入萬元日增", False),
        ("今年3月5日起加價", False),
        ("PRICE 4d.", False),
        ("They may be back by 1922", False),
        ("THE COBDOGLA KANGAROO HOP KING", False),
    ],
)
def test_what_names_a_date(text: str, dated: bool) -> None:
    assert names_a_date(text) is dated


def _retyped(regions: list[Region]) -> set[str]:
    page = _page()
    page = page.model_copy(update={"regions": regions})
    done = assemble(page, Settings())
    return {r.id for r in done.regions if r.type == RegionType.RUNNING_HEAD}


def _brief(rid: str, x0: float, y0: float, rows: int) -> Region:
    region = _column(rid, x0, y0, "The Council met on Monday")
    return region.model_copy(update={"lines": region.lines[:rows]})


def test_a_dated_headline_over_a_short_brief_or_a_dated_kicker_is_no_dateline() -> None:
    lower = [r for r in _page().regions if r.id.startswith("f")]
    # A one-line headline naming a date across the page's head, over a
    # brief of two lines.
    head = _one_line("h", RegionType.HEADLINE, "COUNCIL MEETING, MAY 3, 1900.", 100, 100, 900)
    assert _retyped([head, _brief("b", 100, 140, 2), *lower]) == set()
    # A dated kicker over a story's headline, neither across the page nor
    # beside a nameplate.
    kicker = _one_line("k", RegionType.TEXT, "WASHINGTON, MAY 3, 1900.", 100, 100, 300)
    title = _one_line("t", RegionType.HEADLINE, "THE TREATY SIGNED", 100, 125, 400, 3 * BODY)
    assert _retyped([kicker, title, _column("c", 100, 200, "The treaty"), *lower]) == set()


def test_a_dateline_beside_the_nameplate_or_over_a_headline_s_decks_is_the_page_s() -> None:
    lower = [r for r in _page().regions if r.id.startswith("f")]
    # 頭條日報 2023: a short date row and the lunar date under it, level
    # with a nameplate nine body lines tall that layout typed a headline.
    plate = _one_line("p", RegionType.HEADLINE, "頭條日報", 100, 40, 500, 9 * BODY)
    day = _one_line("d", RegionType.TEXT, "08/06/2023", 520, 60, 620)
    weekday = _one_line("w", RegionType.TEXT, "星期四", 640, 60, 700)
    lunar = _one_line("l", RegionType.TEXT, "農曆癸卯年四月廿一日", 520, 86, 700)
    story = [_one_line("h", RegionType.HEADLINE, "LEAD", 100, 240, 900, 2 * BODY)]
    story.append(_column("c", 100, 300, "The lead story"))
    assert _retyped([plate, day, weekday, lunar, *story, *lower]) == {"d", "w", "l"}
    # A dateline across the page with a headline of three decks right under
    # it: decks are no column's text.
    date = _one_line("date", RegionType.HEADLINE, "FRIDAY, JAN. 20, 1922.", 100, 100, 900)
    decks = [
        TextLine(
            text=t, confidence=0.99, bbox=(100, y, 400, y + 20), work_bbox=(100, y, 400, y + 20)
        )
        for t, y in (("RECORD PROFIT.", 140), ("Over £4,600.", 164), ("SHOWS 21 PER CENT.", 188))
    ]
    deck = Region(
        id="deck",
        type=RegionType.HEADLINE,
        bbox=(100, 140, 400, 208),
        work_bbox=(100, 140, 400, 208),
        lines=decks,
    )
    assert _retyped([date, deck, _column("c", 100, 260, "The profit"), *lower]) == {"date"}
