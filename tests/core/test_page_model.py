"""The page model's contract: a stage returns a new page and never changes its input."""

from __future__ import annotations

import numpy as np
from newsprint.core.page import (
    Article,
    Flag,
    FlagCode,
    NewspaperPage,
    Region,
    RegionType,
    TextLine,
)
from newsprint.core.settings import Settings
from newsprint.layout import deskew
from PIL import Image
from synth import column_page


def _page() -> NewspaperPage:
    line = TextLine(text="Harbour", confidence=0.9, bbox=(0, 0, 10, 5), polygon=[(0, 0), (10, 0)])
    return NewspaperPage(
        source="page.png",
        sha256="0" * 64,
        width=100,
        height=80,
        regions=[Region(id="r001", type=RegionType.TEXT, bbox=(0, 0, 10, 5), lines=[line])],
        articles=[Article(id="a1", paragraphs=["one"], region_ids=["r001"])],
        flags=[Flag(code=FlagCode.ROTATED, message="turned")],
        timings={"load": 0.1},
        image=np.zeros((80, 100), dtype=np.uint8),
    )


def test_add_flag_on_a_copy_leaves_the_original_alone() -> None:
    page = _page()
    copy = page.model_copy(update={"skew_angle": 1.0})
    copy.add_flag(FlagCode.UNUSUAL_SKEW, "skewed")
    assert [f.code for f in page.flags] == [FlagCode.ROTATED]
    assert [f.code for f in copy.flags] == [FlagCode.ROTATED, FlagCode.UNUSUAL_SKEW]


def test_a_copy_shares_no_mutable_list_or_dict_with_its_original() -> None:
    page = _page()
    copy = page.model_copy()
    copy.flags.append(Flag(code=FlagCode.NO_TEXT, message="x"))
    copy.regions[0].lines.append(copy.regions[0].lines[0])
    copy.regions[0].lines[0].polygon.append((5.0, 5.0))
    copy.articles[0].paragraphs.append("two")
    copy.timings["ocr"] = 1.0
    copy.geometry.to_scan[0][2] = 7.0
    assert len(page.flags) == 1
    assert len(page.regions[0].lines) == 1
    assert page.regions[0].lines[0].polygon == [(0, 0), (10, 0)]
    assert page.articles[0].paragraphs == ["one"]
    assert page.timings == {"load": 0.1}
    assert page.geometry.to_scan[0][2] == 0.0
    # Lists handed in through ``update`` are the copy's own as well.
    regions = list(page.regions)
    updated = page.model_copy(update={"regions": regions})
    updated.regions[0].lines.clear()
    assert len(page.regions[0].lines) == 1
    # The images are shared, not copied (they can be hundreds of megabytes).
    assert copy.image is page.image


def test_a_stage_that_flags_the_page_does_not_change_its_input() -> None:
    img = column_page(columns=3, lines_per_column=8, size=20, col_width=260)
    skewed = img.rotate(5.0, resample=Image.BICUBIC, expand=True, fillcolor=255)
    arr = np.asarray(skewed.convert("L"))
    page = NewspaperPage(
        source="skewed.png", sha256="0" * 64, width=arr.shape[1], height=arr.shape[0], image=arr
    )
    out = deskew(page, Settings())
    assert FlagCode.UNUSUAL_SKEW in {f.code for f in out.flags}
    assert page.flags == []
