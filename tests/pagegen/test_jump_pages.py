"""The generated two-page issue with jumped stories (``pagegen.jumps``): its truth links
each jumped story's two halves, and the jump lines are drawn but never in the text."""

from __future__ import annotations

import pytest

from pagegen.jumps import jump_issue, jump_keyword


@pytest.fixture(scope="module")
def pages():
    return jump_issue(3)


def test_each_language_has_a_story_jumping_from_page_1_to_page_2(pages) -> None:
    first, second = (p.truth for p in pages)
    assert first["issue"] == {"page": 1, "pages": 2} and second["issue"]["page"] == 2
    assert first["running_head"][0] == second["running_head"][0], "one paper, one date"
    starts = [a for a in first["articles"] if "jump" in a]
    assert sorted(a["language"] for a in starts) == ["en", "zh-hans"]
    for start in starts:
        rest = second["articles"][start["jump"]["article"]]
        assert start["jump"]["direction"] == "on" and start["jump"]["page"] == 2
        assert rest["jump"] == {
            "text": rest["jump"]["text"],
            "direction": "from",
            "page": 1,
            "article": first["articles"].index(start),
        }
        assert rest["headline"] == start["headline"]
        expected = (
            ("（下转第二版）", "（上接第一版）")
            if start["language"] != "en"
            else (f"See {jump_keyword(start['headline'])}, Page 2", "Continued from Page 1")
        )
        assert (start["jump"]["text"], rest["jump"]["text"]) == expected
        for article in (start, rest):
            assert article["jump"]["text"] not in " ".join(article["paragraphs"])
        assert not set(start["paragraphs"]) & set(rest["paragraphs"]), "the rest is new text"


def test_the_jump_lines_are_drawn_inside_their_article(pages) -> None:
    for page in pages:
        drawn = [e for e in page.layout.elements if e.kind == "jump"]
        assert len(drawn) == 2
        for element in drawn:
            article = page.layout.articles[element.article]
            x0, y0, x1, y1 = article.bbox
            assert x0 <= element.box[0] < element.box[2] <= x1 and y0 <= element.box[1] <= y1
            assert element.text == page.truth["articles"][element.article]["jump"]["text"]


def test_the_same_seed_gives_the_same_issue(pages) -> None:
    again = jump_issue(3)
    assert [p.image.tobytes() for p in again] == [p.image.tobytes() for p in pages]
    assert [p.truth for p in again] == [p.truth for p in pages]
