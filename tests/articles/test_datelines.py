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
    assert {r.id: r.type for r in page.regions}["date"] == RegionType.HEADLINE


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("AND WAIKERIE, FRIDAY, JAN. 20, 1922.", True),
        ("08/06/2023", True),
        ("農曆癸卯年四月廿一日", True),
        ("星期四", True),
        ("Jyväskylässä Tiistaina Heinäkuun 14 p:nä 1908", True),
        ("Zürich, Montag, 29. April 1940", True),
        ("Vol. 29, No. 3", False),
        ("PRICE 4d.", False),
        ("They may be back by 1922", False),
        ("THE COBDOGLA KANGAROO HOP KING", False),
    ],
)
def test_what_names_a_date(text: str, dated: bool) -> None:
    assert names_a_date(text) is dated
