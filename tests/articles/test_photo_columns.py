"""A column headed by a photo goes on from the foot of the column on its left."""

from __future__ import annotations

from newsprint.articles import assemble
from newsprint.core.page import NewspaperPage, Region, RegionType, TextLine
from newsprint.core.settings import Settings

BODY = 20.0


def _line(text: str, x0: float, y0: float, x1: float) -> TextLine:
    box = (x0, y0, x1, y0 + BODY)
    return TextLine(text=text, confidence=0.99, bbox=tuple(int(v) for v in box), work_bbox=box)


def _region(
    rid: str, kind: RegionType, box: tuple[float, float, float, float], texts: list[str] = ()
) -> Region:
    x0, y0, x1, _ = box
    lines = [_line(t, x0, y0 + 30 * i, x1) for i, t in enumerate(texts)]
    return Region(id=rid, type=kind, bbox=tuple(int(v) for v in box), work_bbox=box, lines=lines)


def _column(rid: str, x0: float, y0: float, first: str, last: str, rows: int) -> Region:
    texts = [first] + ["the works burn the sludge of the city"] * (rows - 2) + [last]
    return _region(rid, RegionType.TEXT, (x0, y0, x0 + 300, y0 + 30 * (rows - 1) + BODY), texts)


def _page_of(regions: list[Region]) -> NewspaperPage:
    return NewspaperPage(
        source="t.png",
        sha256="0",
        width=1200,
        height=1200,
        regions=regions,
        body_line_height=BODY,
        language="en",
    )


def _first_story() -> list[Region]:
    """A story in the first column only, breaking off at its foot."""
    return [
        _region("h1", RegionType.HEADLINE, (100, 100, 400, 150), ["FIRST STORY"]),
        _column("a", 100, 170, "The first story runs down", "and breaks off here at", 20),
    ]


def _city_news() -> list[Region]:
    """Another story's headline across the page below: a page in bands."""
    return [
        _region("h9", RegionType.HEADLINE, (100, 800, 1100, 850), ["CITY NEWS"]),
        _column("z", 100, 870, "The council met on Monday", "and rose at noon.", 3),
    ]


def _feature(
    opening: str = "as long as the rules ask, and more",
    col1_ends: str = "holds its gas three times",
) -> NewspaperPage:
    """东莞日报 2026 A03's 污泥 feature in small: a headline over three
    columns; the lead over column 1, closed by its byline; column 1 under
    it; a drawing over columns 2 and 3 under the headline, its caption
    under it, and the two columns' text under that; another story's
    headline across the page under them."""
    regions = [
        _region("h", RegionType.HEADLINE, (100, 100, 1100, 150), ["SLUDGE REBORN"]),
        _region(
            "lead", RegionType.TEXT, (100, 170, 400, 250), ["On June 17 the works opened."] * 3
        ),
        _region("by", RegionType.BYLINE, (250, 260, 400, 280), ["By Liu Minzhen"]),
        _column("a", 100, 300, "Breaking ground two years ago", col1_ends, 14),
        _region("photo", RegionType.PHOTO, (450, 170, 1100, 400)),
        _region("cap", RegionType.CAPTION, (450, 405, 700, 425), ["The flue gas works"]),
        _column("b", 450, 440, opening, "and the power it makes is over", 10),
        _column("c", 800, 420, "half of what it needs.", "to the landfill.", 10),
        *_city_news(),
    ]
    return _page_of(regions)


def _owners(page: NewspaperPage) -> dict[str, str]:
    return {rid: a.id for a in page.articles for rid in a.region_ids}


def test_columns_under_a_drawing_go_on_from_the_column_on_the_left() -> None:
    page = assemble(_feature(), Settings())
    owner = _owners(page)
    assert owner["b"] == owner["c"] == owner["a"]
    assert owner["photo"] == owner["cap"] == owner["h"] == owner["lead"]
    order = page.reading_order
    assert order.index("a") < order.index("b") < order.index("c")


def test_a_column_under_a_drawing_opening_a_sentence_stays_with_the_drawing() -> None:
    for opening in ("The flue gas is held there", "as long as the rules ask."):
        page = assemble(_feature(col1_ends="three times.", opening=opening), Settings())
        owner = _owners(page)
        assert owner["b"] == owner["photo"] != owner["a"]
    page = assemble(_feature(opening="The flue gas is held there"), Settings())
    assert _owners(page)["b"] == _owners(page)["photo"]


def test_text_under_a_photo_set_into_its_column_goes_on_from_the_text_over_it() -> None:
    regions = [
        *_first_story(),
        _region("h2", RegionType.HEADLINE, (450, 100, 750, 150), ["SECOND STORY"]),
        _column("t", 450, 170, "The second story opens", "and runs on under the", 5),
        _region("photo", RegionType.PHOTO, (450, 310, 750, 450)),
        _column("b", 450, 470, "picture of the works, as", "to the end.", 8),
        *_city_news(),
    ]
    owner = _owners(assemble(_page_of(regions), Settings()))
    assert owner["b"] == owner["t"] == owner["h2"] != owner["a"]


def test_text_under_photos_stacked_in_its_column_goes_on_from_the_text_over_them() -> None:
    regions = [
        *_first_story(),
        _region("h2", RegionType.HEADLINE, (450, 100, 750, 150), ["SECOND STORY"]),
        _column("t", 450, 170, "The second story opens", "and runs on under the", 3),
        _region("p1", RegionType.PHOTO, (450, 250, 750, 400)),
        _region("c1", RegionType.CAPTION, (450, 405, 700, 425), ["The old works"]),
        _region("p2", RegionType.PHOTO, (450, 440, 750, 560)),
        _column("b", 450, 580, "pictures of the works, as", "to the end.", 5),
        *_city_news(),
    ]
    owner = _owners(assemble(_page_of(regions), Settings()))
    assert owner["b"] == owner["t"] == owner["h2"] != owner["a"]


def test_a_story_s_photo_column_does_not_go_on_from_another_story_on_its_left() -> None:
    # The photo's headline stands over its own columns only: the column on
    # the left, breaking off mid-sentence, is another story's.
    regions = [
        *_first_story(),
        _region("h2", RegionType.HEADLINE, (450, 100, 1100, 150), ["SECOND STORY"]),
        _region("photo", RegionType.PHOTO, (450, 170, 1100, 400)),
        _region("cap", RegionType.CAPTION, (450, 405, 700, 425), ["The flue gas works"]),
        _column("b", 450, 440, "as long as the rules ask, and more", "to the end.", 10),
        *_city_news(),
    ]
    owner = _owners(assemble(_page_of(regions), Settings()))
    assert owner["b"] == owner["photo"] == owner["h2"] != owner["a"]


def test_a_closed_lead_on_the_left_does_not_take_a_column_running_on_under_its_photos() -> None:
    # One headline over both columns; column 1 a lead closed by its byline,
    # then text breaking off at its foot; column 2 runs on under two photos.
    regions = [
        _region("h", RegionType.HEADLINE, (100, 100, 750, 150), ["ONE STORY"]),
        _region(
            "lead", RegionType.TEXT, (100, 170, 400, 250), ["On June 17 the works opened."] * 3
        ),
        _region("by", RegionType.BYLINE, (250, 260, 400, 280), ["By Liu Minzhen"]),
        _column("a", 100, 300, "Breaking ground two years ago", "and breaks off here at", 15),
        _column("t", 450, 170, "The second column opens", "and runs on under the", 3),
        _region("p1", RegionType.PHOTO, (450, 250, 750, 400)),
        _region("c1", RegionType.CAPTION, (450, 405, 700, 425), ["The old works"]),
        _region("p2", RegionType.PHOTO, (450, 440, 750, 560)),
        _column("b", 450, 580, "pictures of the works, as", "to the end.", 5),
        *_city_news(),
    ]
    owner = _owners(assemble(_page_of(regions), Settings()))
    assert owner["b"] == owner["t"] == owner["h"]


def test_a_column_under_a_photo_with_no_headline_over_it_goes_on_from_the_left() -> None:
    regions = [
        *_first_story(),
        _region("photo", RegionType.PHOTO, (450, 100, 750, 300)),
        _region("cap", RegionType.CAPTION, (450, 305, 700, 325), ["The works"]),
        _column("b", 450, 340, "the foot of the first column", "to the end.", 10),
        *_city_news(),
    ]
    page = assemble(_page_of(regions), Settings())
    owner = _owners(page)
    assert owner["b"] == owner["a"]
    assert page.reading_order.index("a") < page.reading_order.index("b")


def test_a_column_s_run_ends_at_its_byline() -> None:
    # Generated en-1004: the next story's second column stands under the
    # byline that closes a column under a photo; the column's run reached
    # down into it, and the column went on from that story's first column.
    from newsprint.articles.bands import run_of

    top = _column("b", 450, 440, "the hospital have climbed", "last year.", 4)
    byline = _region("by", RegionType.BYLINE, (450, 560, 700, 580), ["By NINA PATEL"])
    under = _column("c", 450, 600, "45 at the old site.", "on opening day.", 4)
    below = {"b": byline, "by": under}
    assert [r.id for r in run_of(top, below)] == ["b", "by"]
