"""An archivist's overrides: parsing, crop geometry, regions, article edits, and the
column grid's cuts in the text detector's lines."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from newsprint.core.page import Article, NewspaperPage, PageGeometry, Region, RegionType, TextLine
from newsprint.core.settings import Settings
from newsprint.layout.segmentation import analyse
from newsprint.ocr.engine import OcrEngine
from newsprint.pipeline.overrides import (
    OverrideError,
    Overrides,
    RegionOverride,
    crop_page,
    edit_articles,
    parse_box,
    retype_regions,
    settings_for,
    uncrop_page,
)
from synth import column_page


def _page(width: int = 1000, height: int = 800) -> NewspaperPage:
    image = np.full((height, width), 240, np.uint8)
    return NewspaperPage(source="p.png", sha256="0" * 64, width=width, height=height, image=image)


def _region(rid: str, kind: RegionType, box: tuple[int, int, int, int], text: str = "") -> Region:
    lines = [TextLine(text=t, confidence=0.99, bbox=box) for t in text.split("\n") if t]
    return Region(id=rid, type=kind, bbox=box, work_bbox=tuple(map(float, box)), lines=lines)


def test_boxes_and_overrides_parse() -> None:
    assert parse_box("10, 20,300,400") == (10, 20, 300, 400)
    with pytest.raises(ValueError):
        parse_box("10,20,300")
    with pytest.raises(ValueError):
        Overrides(crop=(300, 20, 10, 400))
    stored = Overrides(skew=1.2, columns=5).as_dict()
    assert stored == {"skew": 1.2, "columns": 5}
    newer = Overrides.model_validate(stored).updated(Overrides(lang="en", columns=4))
    assert newer.as_dict() == {"skew": 1.2, "columns": 4, "lang": "en"}
    # A region drawn by box stays one when added to stored overrides (it
    # came back a plain dict, and ``reprocess --region`` failed on it).
    drawn = newer.updated(Overrides(regions=[RegionOverride(type="photo", bbox=(1, 2, 30, 40))]))
    assert drawn.regions[0].bbox == (1, 2, 30, 40) and drawn.columns == 4
    assert Overrides().is_empty()


def test_settings_take_the_column_count_and_language() -> None:
    settings = settings_for(Settings(), Overrides(columns=5, lang="zh"))
    assert settings.layout.columns == 5 and settings.language == "zh"


def test_a_crop_keeps_coordinates_in_scan_pixels() -> None:
    page = _page()
    cropped = crop_page(page, (100, 50, 600, 450))
    assert (cropped.width, cropped.height) == (500, 400) and cropped.image.shape == (400, 500)
    # A stage found a region at (10, 20)-(110, 60) of the crop, with an identity geometry.
    found = cropped.model_copy(
        update={
            "geometry": PageGeometry(work_size=(500, 400)),
            "regions": [_region("r001", RegionType.TEXT, (10, 20, 110, 60), "text")],
        }
    )
    whole = uncrop_page(found, page, (100, 50, 600, 450))
    assert (whole.width, whole.height) == (1000, 800) and whole.image.shape == (800, 1000)
    assert whole.regions[0].bbox == (110, 70, 210, 110)
    assert whole.regions[0].lines[0].bbox == (110, 70, 210, 110)
    assert whole.geometry.to_scan_points(np.array([[10, 20]])).tolist() == [[110.0, 70.0]]
    with pytest.raises(OverrideError):
        crop_page(page, (0, 0, 1200, 100))


def test_drawn_boxes_retype_or_add_regions() -> None:
    page = _page().model_copy(
        update={
            "regions": [
                _region("r001", RegionType.TEXT, (100, 100, 300, 140), "a"),
                _region("r002", RegionType.TEXT, (100, 150, 300, 400), "b"),
                _region("r003", RegionType.TEXT, (400, 100, 600, 400), "c"),
            ]
        }
    )
    drawn = [
        RegionOverride(type="headline", bbox=(90, 90, 310, 145)),
        RegionOverride(type="photo", bbox=(390, 90, 610, 410)),
        RegionOverride(type="caption", bbox=(100, 500, 300, 530)),
    ]
    out = retype_regions(page, drawn)
    kinds = {r.id: r.type for r in out.regions}
    assert kinds["r001"] == RegionType.HEADLINE and kinds["r002"] == RegionType.TEXT
    assert "r003" not in kinds  # inside the photo box
    photo = next(r for r in out.regions if r.type == RegionType.PHOTO)
    assert photo.bbox == (390, 90, 610, 410)
    caption = next(r for r in out.regions if r.type == RegionType.CAPTION)
    assert caption.work_bbox == (100.0, 500.0, 300.0, 530.0)
    # What the archivist typed is marked so that rules typing regions from
    # their text leave it alone; what layout typed is not.
    typed = {r.id: r.typed_by_archivist for r in out.regions}
    assert typed["r001"] and typed[photo.id] and typed[caption.id] and not typed["r002"]


def _articles_page() -> NewspaperPage:
    regions = [
        _region("r001", RegionType.HEADLINE, (0, 0, 500, 40), "Council votes"),
        _region("r002", RegionType.TEXT, (0, 50, 240, 400), "the council voted\non tuesday"),
        _region("r003", RegionType.TEXT, (260, 50, 500, 400), "Residents asked\nfor buses"),
        _region("r004", RegionType.TEXT, (0, 450, 500, 700), "A second story"),
    ]
    articles = [
        Article(
            id="a1",
            headline="Council votes",
            paragraphs=["the council voted on tuesday", "Residents asked for buses"],
            region_ids=["r001", "r002", "r003"],
        ),
        Article(id="a2", paragraphs=["A second story"], region_ids=["r004"]),
    ]
    return _page().model_copy(update={"regions": regions, "articles": articles})


def test_articles_are_split_at_a_region_and_merged_again() -> None:
    page = _articles_page()
    split = edit_articles(page, Overrides(split=["300,100"]))
    assert [a.id for a in split.articles] == ["a1", "a2", "a3"]
    assert split.articles[0].paragraphs == ["the council voted on tuesday"]
    assert split.articles[1].paragraphs == ["Residents asked for buses"]
    assert split.articles[1].region_ids == ["r003"]
    assert split.reading_order == ["r001", "r002", "r003", "r004"]

    merged = edit_articles(page, Overrides(merge=[["a1", "10,500"]]))
    assert len(merged.articles) == 1
    assert merged.articles[0].paragraphs[-1] == "A second story"
    assert merged.articles[0].headline == "Council votes"
    with pytest.raises(OverrideError):
        edit_articles(page, Overrides(split=["r999"]))
    # An unknown article is named as one, with the page's articles.
    with pytest.raises(OverrideError, match=r"no article 'a9' \(its articles: a1, a2\)"):
        edit_articles(page, Overrides(merge=[["a1", "a9"]]))


def test_merged_articles_keep_the_later_ones_headline_and_byline_in_their_text() -> None:
    # ``reprocess --merge a1+a2``: the second story's headline and byline were
    # dropped from the joined article, though its regions were listed.
    page = _articles_page()
    second = page.articles[1].model_copy(
        update={"headline": "Library opens", "byline": "By HELEN MURPHY"}
    )
    page = page.model_copy(update={"articles": [page.articles[0], second]})
    merged = edit_articles(page, Overrides(merge=[["a1", "a2"]])).articles[0]
    assert merged.headline == "Council votes" and merged.byline == "By HELEN MURPHY"
    assert merged.paragraphs == [
        "the council voted on tuesday",
        "Residents asked for buses",
        "Library opens",
        "A second story",
    ]


def test_a_chinese_article_read_with_ascii_punctuation_is_split_at_its_region() -> None:
    # The paragraphs are written full-width; the region's first line is as read.
    regions = [
        _region("r001", RegionType.HEADLINE, (0, 0, 500, 40), "市政新聞"),
        _region("r002", RegionType.TEXT, (0, 50, 240, 400), "今日天晴,\n氣溫上升。"),
        _region("r003", RegionType.TEXT, (260, 50, 500, 400), "記者(北京)報道:\n會議開幕。"),
    ]
    article = Article(
        id="a1",
        headline="市政新聞",
        paragraphs=["今日天晴，氣溫上升。記者（北京）報道：會議開幕。"],
        region_ids=["r001", "r002", "r003"],
    )
    page = _page().model_copy(update={"regions": regions, "articles": [article]})
    split = edit_articles(page, Overrides(split=["r003"]))
    assert [a.paragraphs for a in split.articles] == [
        ["今日天晴，氣溫上升。"],
        ["記者（北京）報道：會議開幕。"],
    ]


def test_a_forced_column_count_is_honoured_by_layout() -> None:
    grey = np.asarray(column_page(columns=3, lines_per_column=12, headline=None))
    settings = Settings()
    assert len(analyse(grey, None, settings.layout).columns) == 3
    forced = settings.layout.model_copy(update={"columns": 4})
    columns = analyse(grey, None, forced).columns
    assert len(columns) == 4
    assert all(x0 < x1 for x0, x1 in columns)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(columns))


@pytest.mark.models
def test_a_forced_column_count_cuts_no_letters_off_a_line_across_the_gutter(
    engine: OcrEngine,
) -> None:
    # ``reprocess --columns 6`` on en-6col: a caption set across two columns
    # lost the letters under the gutter ("on Wa r Street", "recy ing"). The
    # grid parts a line only where the line itself is white.
    from newsprint.layout import deskew, segment
    from newsprint.ocr.detect import detect_text
    from PIL import ImageDraw
    from synth import font

    image = column_page(columns=2, lines_per_column=10, headline=None)
    draw = ImageDraw.Draw(image)
    caption_top = image.height - 50
    # Centred on the page: the grid's gutter falls inside its words.
    draw.text((230, caption_top), "Crowds gathered on Water Street", font=font(22), fill=10)
    arr = np.asarray(image.convert("L"))
    page = NewspaperPage(
        source="cap.png", sha256="0" * 64, width=arr.shape[1], height=arr.shape[0], image=arr
    )
    settings = settings_for(Settings(), Overrides(columns=2))
    page = segment(detect_text(deskew(page, settings), settings, engine), settings)
    row = arr[caption_top : caption_top + 30] < 128
    inked = np.flatnonzero(row.any(axis=0))
    covered = np.zeros(arr.shape[1], bool)
    for region in page.regions:
        for x0, y0, x1, y1 in region.work_lines:
            if y0 < caption_top + 20 and y1 > caption_top + 5:
                covered[int(x0) : int(np.ceil(x1)) + 1] = True
    assert covered[inked].all(), np.flatnonzero(~covered[inked])
