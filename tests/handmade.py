"""A hand-built page (a Chinese and an English article, no OCR) for the writers' and
the page model's tests."""

from __future__ import annotations

import numpy as np
from newsprint.core.page import (
    Article,
    Flag,
    FlagCode,
    NewspaperPage,
    PageGeometry,
    Region,
    RegionType,
    TextLine,
)

SCAN_W, SCAN_H = 1600, 2400

CHINESE = Article(
    id="a1",
    headline="宁波公安扫黑除恶专项斗争推进会召开",
    paragraphs=[
        "7月18日上午，全市公安机关深化扫黑除恶专项斗争推进大会召开。",
        "会议充分肯定了今年以来扫黑除恶专项斗争所取得的成绩。",
    ],
    captions=["▲民警对办事群众提交的材料进行视频远程审批。 黄冯 摄"],
    byline="记者 张贻富 通讯员 黄冯",
    region_ids=["r1", "r2", "r3", "r4"],
    language="zh",
)
ENGLISH = Article(
    id="a2",
    headline=None,
    paragraphs=["  The harbour reopened on Monday after the storm.  ", "", "Ferries run hourly."],
    byline="By A. Reporter ",
    region_ids=["r5"],
    language="en",
)


def region(rid: str, kind: RegionType, bbox: tuple[int, int, int, int], text: str = "") -> Region:
    x0, y0, x1, y1 = bbox
    lines = [TextLine(text=text, confidence=0.93, bbox=bbox, work_bbox=(1.0, 2.0, 3.0, 4.0))]
    return Region(
        id=rid,
        type=kind,
        bbox=bbox,
        polygon=[(x0, y0), (x1, y0), (x1, y1), (x0, y1)],
        lines=lines if text else [],
        work_bbox=(0.0, 0.0, 1.0, 1.0),
    )


REGIONS = [
    region("r1", RegionType.HEADLINE, (100, 100, 1500, 300), CHINESE.headline or ""),
    region("r2", RegionType.TEXT, (100, 400, 700, 2200), CHINESE.paragraphs[0]),
    region("r3", RegionType.CAPTION, (800, 1300, 1500, 1400), CHINESE.captions[0]),
    region("r4", RegionType.BYLINE, (100, 2220, 700, 2300), CHINESE.byline or ""),
    region("r5", RegionType.TEXT, (800, 1500, 1500, 2300), "The harbour reopened"),
    region("r6", RegionType.PHOTO, (800, 400, 1500, 1250)),
]


def make_page(
    geometry: PageGeometry | None = None, work: np.ndarray | None = None
) -> NewspaperPage:
    scan = np.full((SCAN_H, SCAN_W), 230, np.uint8)
    return NewspaperPage(
        source="/archive/1918/ningbo-0718.tif",
        sha256="ab" * 32,
        width=SCAN_W,
        height=SCAN_H,
        dpi=(300.0, 300.0),
        mode="L",
        skew_angle=0.7,
        geometry=geometry or PageGeometry(work_size=(SCAN_W, SCAN_H)),
        regions=REGIONS,
        reading_order=["r1", "r2", "r3", "r4", "r5"],
        articles=[CHINESE, ENGLISH],
        flags=[Flag(code=FlagCode.LOW_CONFIDENCE, message="mean confidence 0.71", severity=0.6)],
        timings={"load": 0.12},
        image=scan,
        work_image=scan if work is None else work,
    )
