"""Generated pages of vertical traditional Chinese through the real pipeline (real OCR)."""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np
import pytest
from newsprint.core.page import NewspaperPage, RegionType, TextDirection
from newsprint.core.settings import Settings
from newsprint.exports.text import render_articles_text
from newsprint.ocr.engine import OcrEngine
from newsprint.pipeline.run import process_page
from newsprint.scans import load_scan
from PIL import Image

from pagegen.vertical import VerticalSpec, generate_vertical_page


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def _page(image: Image.Image) -> NewspaperPage:
    arr = np.asarray(image.convert("L"))
    return NewspaperPage(
        source="vertical.png", sha256="0" * 64, width=arr.shape[1], height=arr.shape[0], image=arr
    )


@pytest.fixture(scope="module")
def read(engine: OcrEngine) -> tuple[NewspaperPage, dict]:
    """Two bands of two stories; the first (top right) with its headline set across
    over it and a photo at its left with a vertical caption beside it."""
    image, truth = generate_vertical_page(VerticalSpec(seed=1, headline_across=True))
    return process_page(_page(image), Settings(), engine), truth


def test_vertical_body_blocks_are_found_vertical(read: tuple[NewspaperPage, dict]) -> None:
    page, _ = read
    body = [r for r in page.regions if r.type == RegionType.TEXT]
    assert body and all(r.direction == TextDirection.VERTICAL_RL for r in body)
    photos = [r for r in page.regions if r.type == RegionType.PHOTO]
    assert len(photos) == 1


def test_stories_come_top_right_first_each_read_down_and_leftward(
    read: tuple[NewspaperPage, dict],
) -> None:
    page, truth = read
    assert len(page.articles) == len(truth["articles"]) == 4
    for got, want in zip(page.articles, truth["articles"], strict=True):
        assert _similar(got.headline or "", want["headline"]) >= 0.8, (got.headline, want)
        text, expected = "".join(got.paragraphs), "".join(want["paragraphs"])
        # Lines read in the wrong order (left to right, or across the bands) would
        # scramble the text far below this.
        assert _similar(text, expected) >= 0.9, (text, expected)
    assert len(page.articles[0].paragraphs) == len(truth["articles"][0]["paragraphs"])


def test_the_photo_caption_goes_with_its_story(read: tuple[NewspaperPage, dict]) -> None:
    page, truth = read
    first = page.articles[0]
    assert len(first.captions) == 1
    assert _similar(first.captions[0], truth["articles"][0]["captions"][0]) >= 0.8
    assert not any(_similar(p, truth["articles"][0]["captions"][0]) > 0.6 for p in first.paragraphs)
    photo = next(r.id for r in page.regions if r.type == RegionType.PHOTO)
    assert photo in first.region_ids
    text = render_articles_text(page.articles)
    assert text.index(first.captions[0]) > text.index(first.paragraphs[-1])


def test_a_fold_is_read_as_its_two_pages_in_the_scans_pixels(engine: OcrEngine, tmp_path) -> None:
    spec = {"width": 1000, "height": 900, "bands": 2, "stories_per_band": 1, "photo": False}
    right, right_truth = generate_vertical_page(VerticalSpec(seed=11, **spec))
    left, left_truth = generate_vertical_page(VerticalSpec(seed=12, **spec))
    sheet = Image.new("L", (2060, 900), 255)
    sheet.paste(left, (0, 0))
    sheet.paste(right, (1060, 0))
    path = tmp_path / "fold.png"
    sheet.save(path)
    pages = [process_page(p, Settings(), engine) for p in load_scan(path, Settings().scan)]
    assert [p.stem for p in pages] == ["fold-p1", "fold-p2"]
    for page, truth in zip(pages, (right_truth, left_truth), strict=True):
        x0, _, x1, _ = page.part
        assert (page.width, page.height) == (2060, 900)  # the whole scan's pixels
        for region in page.regions:
            assert x0 - 2 <= region.bbox[0] and region.bbox[2] <= x1 + 2, region
        got = [a.headline or "" for a in page.articles]
        want = [a["headline"] for a in truth["articles"]]
        assert len(got) == len(want)
        assert all(_similar(g, w) >= 0.8 for g, w in zip(got, want, strict=True)), (got, want)


def test_a_story_signed_at_the_foot_of_its_titles_column_is_one_story(engine: OcrEngine) -> None:
    # Every story signed "（翁丹）" in half-size type under its title: the name
    # is the story's byline, and the text beside it stays with the title.
    image, truth = generate_vertical_page(VerticalSpec(seed=2, photo=False, pen_names=1.0))
    signed = [a for a in truth["articles"] if a["byline"]]
    assert signed
    page = process_page(_page(image), Settings(), engine)
    assert len(page.articles) == len(truth["articles"])
    for got, want in zip(page.articles, truth["articles"], strict=True):
        assert _similar(got.headline or "", want["headline"]) >= 0.8, (got.headline, want)
        assert _similar("".join(got.paragraphs), "".join(want["paragraphs"])) >= 0.9
        if want["byline"]:
            # The name as read (half-size type: one of its two characters may be misread).
            read_name = (got.byline or "").strip("()（） ")
            assert _similar(read_name, want["byline"].strip("（）")) >= 0.5, (got.byline, want)
