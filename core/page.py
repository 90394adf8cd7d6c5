"""One typed model of a newspaper page, filled in stage by stage.

Every stage is ``stage(page, settings) -> page`` and returns a new page
(``page.model_copy(update=...)``) instead of mutating its input, so that a
failed stage never leaves a half-updated page behind (as in Kraken).

Coordinates: every ``bbox``/``polygon`` stored here is in the pixels of the
original scan as received (after EXIF orientation), whatever rotation or crop
a stage applied to its working image. ``PageGeometry`` carries the affine map
between the working (deskewed) image and the scan.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Self

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict, Field

BBox = tuple[int, int, int, int]
"""x0, y0, x1, y1 in original scan pixels (x1, y1 exclusive)."""

Point = tuple[float, float]


def _fresh(value: Any) -> Any:
    """``value`` with every list, dict and page model in it copied (arrays and
    other leaves shared), so that two copies of a model share nothing mutable."""
    if isinstance(value, list):
        return [_fresh(v) for v in value]
    if isinstance(value, dict):
        return {k: _fresh(v) for k, v in value.items()}
    if isinstance(value, tuple) and any(isinstance(v, list | dict | BaseModel) for v in value):
        return tuple(_fresh(v) for v in value)
    if isinstance(value, BaseModel):
        return value.model_copy()
    return value


class PageModel(BaseModel):
    """Base of the page models: ``model_copy`` gives a copy that shares no
    list or dict with the original (pydantic's shallow copy shares them, so
    appending to a copy's list would change the stage's input). Images
    (numpy arrays) are shared: the stages never write into them in place."""

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)
        if not deep:
            for name, value in copied.__dict__.items():
                copied.__dict__[name] = _fresh(value)
        return copied


class RegionType(StrEnum):
    HEADLINE = "headline"
    TEXT = "text"
    CAPTION = "caption"
    PHOTO = "photo"
    BYLINE = "byline"
    RUNNING_HEAD = "running_head"
    FOLIO = "folio"
    SEPARATOR = "separator"
    ADVERTISEMENT = "advertisement"
    TABLE = "table"
    JUMP = "jump"
    """A jump line: "转第二版", "Continued on Page 4", "See FIRE, Page A6"."""
    NAMEPLATE = "nameplate"
    """The paper's title across the top of the front page (the flag): read
    first, as an item of its own, never the headline of a story."""


class TextDirection(StrEnum):
    """Which way a region's text runs and its lines follow one another."""

    HORIZONTAL_LTR = "horizontal-ltr"
    """Lines run left to right and follow one another down (English, modern Chinese)."""
    HORIZONTAL_RTL = "horizontal-rtl"
    """A line read right to left (old Chinese mastheads and adverts: "報晶" for 晶報)."""
    VERTICAL_RL = "vertical-rl"
    """Lines run top to bottom and follow one another right to left (traditional Chinese)."""


DEFAULT_BODY_PX = 20.0
"""The body line height (working pixels) assumed where none could be
measured (a blank page, a page with almost no type): about 10-pt type at
200 dpi. Layout measures every page's own; this only keeps later stages'
tolerances finite."""

STORY_PART_TYPES = (
    RegionType.TEXT,
    RegionType.HEADLINE,
    RegionType.PHOTO,
    RegionType.CAPTION,
    RegionType.BYLINE,
    RegionType.TABLE,
)
"""The regions a story is made of, in the articles stage's reading order."""

TEXT_REGION_TYPES = frozenset(
    {
        RegionType.HEADLINE,
        RegionType.TEXT,
        RegionType.CAPTION,
        RegionType.BYLINE,
        RegionType.RUNNING_HEAD,
        RegionType.FOLIO,
        RegionType.ADVERTISEMENT,
        RegionType.JUMP,
        RegionType.NAMEPLATE,
    }
)


WorkBox = tuple[float, float, float, float]
"""x0, y0, x1, y1 in working-image pixels; never written to an output."""


class TextLine(PageModel):
    text: str
    confidence: float
    bbox: BBox
    polygon: list[Point] = Field(default_factory=list)
    work_bbox: WorkBox | None = Field(default=None, exclude=True)
    drop_capital: WorkBox | None = Field(default=None, exclude=True)
    """The box of the drop capital that opens this line (``articles.drop_capitals``),
    in the coordinates of ``work_bbox`` where that is set, else of ``bbox``;
    the lines beside it are indented to clear it (``articles.paragraphs``)."""


class TableCell(PageModel):
    """One cell of a table region, read as one piece (a number stays whole)."""

    text: str = ""
    confidence: float = 0.0
    bbox: BBox
    column: int
    """The table column the cell stands in, from 0 (an empty cell is left out)."""
    work_bbox: WorkBox | None = Field(default=None, exclude=True)


class Region(PageModel):
    id: str
    type: RegionType
    bbox: BBox
    polygon: list[Point] = Field(default_factory=list)
    work_bbox: WorkBox | None = Field(default=None, exclude=True)
    work_lines: list[WorkBox] = Field(default_factory=list, exclude=True)
    """The detected text lines layout gave this region, for the recogniser."""
    lines: list[TextLine] = Field(default_factory=list)
    column: int | None = None
    """Index of the first column the region sits in, left to right."""
    column_span: int = 1
    line_height: float | None = None
    """Typical height of the region's text lines, in working-image pixels."""
    language: str | None = None
    direction: TextDirection = TextDirection.HORIZONTAL_LTR
    """How the region's text runs (``layout.direction``); ``lines`` are in its reading order."""
    typed_by_archivist: bool = Field(default=False, exclude=True)
    """Its ``type`` is an archivist's (``pipeline.overrides.retype_regions``):
    rules that type regions from their text leave it as it is."""
    rows: list[list[TableCell]] = Field(default_factory=list)
    """A table's cells, row by row, left to right (``type`` is ``table``); each
    row is also one of ``lines``, its cells' text joined by spaces."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def cell_grid(self) -> list[list[str]]:
        """A table's text row by row, one entry per column ("" for an empty cell)."""
        width = 1 + max((c.column for row in self.rows for c in row), default=-1)
        grid = []
        for row in self.rows:
            texts = [""] * width
            for cell in row:
                texts[cell.column] = cell.text
            grid.append(texts)
        return grid


class ArticleTable(PageModel):
    """A table in an article's flow: kept out of its paragraphs."""

    region_id: str
    after: int
    """How many of the article's paragraphs come before the table."""
    rows: list[list[str]] = Field(default_factory=list)
    """The cells' text, row by row, one entry per column ("" for an empty cell)."""


class JumpDirection(StrEnum):
    ON = "on"
    """The article continues on another page ("转第二版", "Continued on Page 4", "See ...")."""
    FROM = "from"
    """The article is continued from another page ("接第一版", "Continued from Page 1")."""


class Jump(PageModel):
    """A jump line of an article, as printed (kept out of its paragraphs)."""

    region_id: str
    """The ``jump`` region holding the line."""
    direction: JumpDirection
    text: str
    """The jump line as read ("（下转第二版）")."""
    page_label: str
    """The other page as printed, normalised: Arabic numerals, section letter kept ("2", "A6")."""
    keyword: str | None = None
    """The continuation's keyword of "See FIRE, Page A6" ("FIRE"), or of "FIRE, from Page A1"."""


class ArticleLink(PageModel):
    """Where the other part of a jumped article is, within its issue."""

    page: int
    """The other page's place in the issue, from 1 (METS ``ORDER``)."""
    article_id: str
    folio: str | None = None
    """The other page's printed page number, where its folio was read."""


class ArticleKind(StrEnum):
    """What an item of the page's reading order is (METS ``div TYPE``)."""

    ARTICLE = "article"
    ADVERTISEMENT = "advertisement"
    """An advertisement (a ruled or boxed advert, a business card): its text is
    kept in reading order as an item of its own, never run into a story."""
    NAMEPLATE = "nameplate"
    """The paper's title (``RegionType.NAMEPLATE``): the first item of a front page."""


class Article(PageModel):
    id: str
    kind: ArticleKind = ArticleKind.ARTICLE
    headline: str | None = None
    paragraphs: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    tables: list[ArticleTable] = Field(default_factory=list)
    byline: str | None = None
    region_ids: list[str] = Field(default_factory=list)
    language: str | None = None
    jumps: list[Jump] = Field(default_factory=list)
    continues_on: ArticleLink | None = None
    """Set within an issue (``articles.issue_jumps.link_issue_jumps``): where the
    article goes on."""
    continued_from: ArticleLink | None = None
    """Set within an issue: the page and article this one continues."""


class FlagCode(StrEnum):
    LOW_CONFIDENCE = "low_confidence"
    UNUSUAL_SKEW = "unusual_skew"
    NO_ARTICLES = "no_articles"
    NO_TEXT = "no_text"
    BLANK = "blank"
    ROTATED = "rotated"
    NEGATIVE = "negative"
    FOLD_DOUBTFUL = "fold_doubtful"
    UNREAD_TEXT = "unread_text"
    JUMP_UNMATCHED = "jump_unmatched"


class Flag(PageModel):
    code: FlagCode
    message: str
    severity: float = 0.5
    """0..1, how badly the page needs a look; used to sort review lists."""
    article_id: str | None = None
    """The article the flag is about, where it is about one (``jump_unmatched``)."""


ENLARGED_BELOW = 0.9
"""Scan pixels per working pixel under which the working image is enlarged:
whole factors give 1/2 and 1/3; a rotation's matrix gives 1 within 1e-15."""


class PageGeometry(PageModel):
    """How the working image relates to the scan.

    ``to_scan`` is a 2x3 affine matrix mapping working-image pixels to scan
    pixels. ``work_size`` is (width, height) of the working image.
    """

    to_scan: list[list[float]] = Field(default_factory=lambda: [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    work_size: tuple[int, int] = (0, 0)
    content_box: BBox | None = None
    """The printed area inside the scanner's border, in working-image pixels."""

    def matrix(self) -> np.ndarray:
        return np.asarray(self.to_scan, dtype=np.float64)

    def to_scan_points(self, points: np.ndarray) -> np.ndarray:
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        m = self.matrix()
        return pts @ m[:, :2].T + m[:, 2]

    def scan_into_work(
        self, scan: np.ndarray, interpolation: int, paper: float | tuple[float, ...]
    ) -> np.ndarray:
        """``scan`` (the scan's pixels, any channels) resampled into the working
        image's pixels (``work_size``) in one warp, with ``interpolation`` (an
        OpenCV flag) and ``paper`` where the scan does not reach."""
        return cv2.warpAffine(
            scan,
            self.matrix(),
            tuple(self.work_size),
            flags=interpolation | cv2.WARP_INVERSE_MAP,
            borderMode=cv2.BORDER_CONSTANT,
            borderValue=paper,
        )

    def scan_per_work(self) -> float:
        """Scan pixels per working-image pixel: 1 (to within rounding: a turn
        or a deskew's rotation) unless the working image is the scan enlarged
        for small type (``ocr.detect``), 1/2 or 1/3 then."""
        m = self.matrix()
        return float(np.sqrt(abs(np.linalg.det(m[:, :2])))) or 1.0

    def is_enlarged(self) -> bool:
        """Whether the working image is the scan enlarged (by a whole factor)."""
        return self.scan_per_work() < ENLARGED_BELOW

    def enlarged(self, factor: float) -> PageGeometry:
        """This geometry for the working image enlarged ``factor`` times
        (its pixels' coordinates multiplied by ``factor``)."""
        m = self.matrix()
        box = self.content_box
        return self.model_copy(
            update={
                "to_scan": np.hstack([m[:, :2] / factor, m[:, 2:]]).tolist(),
                "work_size": (round(self.work_size[0] * factor), round(self.work_size[1] * factor)),
                "content_box": None if box is None else tuple(round(v * factor) for v in box),
            }
        )

    def to_work_points(self, points: np.ndarray) -> np.ndarray:
        m = np.vstack([self.matrix(), [0.0, 0.0, 1.0]])
        inv = np.linalg.inv(m)[:2]
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        return pts @ inv[:, :2].T + inv[:, 2]

    def box_to_scan(
        self, box: tuple[float, float, float, float], scan_size: tuple[int, int]
    ) -> tuple[BBox, list[Point]]:
        """Map a working-image box to (bbox, polygon) in scan pixels, clipped."""
        x0, y0, x1, y1 = box
        corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)
        poly = self.to_scan_points(corners)
        w, h = scan_size
        xs = np.clip(poly[:, 0], 0, w)
        ys = np.clip(poly[:, 1], 0, h)
        bbox = (
            int(np.floor(xs.min())),
            int(np.floor(ys.min())),
            int(np.ceil(xs.max())),
            int(np.ceil(ys.max())),
        )
        polygon = [(round(float(x), 1), round(float(y), 1)) for x, y in zip(xs, ys, strict=True)]
        return bbox, polygon


class NewspaperPage(PageModel):
    """A page of a scan and everything the stages found on it."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    source: str
    sha256: str
    page_index: int = 0
    page_count: int = 1
    part: BBox | None = None
    """The part of the scan this page is, in scan pixels: one page of a fold (two
    newspaper pages side by side in one image, ``layout.folds``); None for the whole scan."""
    width: int
    height: int
    dpi: tuple[float, float] | None = None
    mode: str | None = None
    """Pillow mode of the scan as received (``1``, ``L``, ``RGB``, ``I;16``...)."""

    skew_angle: float = 0.0
    """Skew of the scan as received, in degrees, positive counter-clockwise:
    the angle one would pass to ``PIL.Image.rotate`` to make this scan from a
    straight page."""
    orientation: int = 0
    """Clockwise quarter turns (0, 90, 180, 270) applied to read the page."""
    geometry: PageGeometry = Field(default_factory=PageGeometry)
    language: str | None = None
    body_line_height: float | None = None
    """Body type's line height (ink), in working-image pixels."""
    body_text_px: float | None = None
    """Body type's line height measured from the detected lines, in scan pixels:
    what the page's resolution means for its type."""
    detected_lines: list[WorkBox] = Field(default_factory=list, exclude=True)
    """Text line boxes from whole-page detection (``ocr.detect``), working pixels."""
    detection_scale: float | None = None
    """The scale the text detector ran at (detection pixels per working pixel)."""
    unread_areas: list[BBox] = Field(default_factory=list)
    """Type-like ink that no detected line covers, in scan pixels (flag ``unread_text``)."""
    columns: list[tuple[int, int]] = Field(default_factory=list)
    """Column x-ranges in working-image pixels, left to right."""

    regions: list[Region] = Field(default_factory=list)
    reading_order: list[str] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict)
    ocr_engine: dict[str, Any] = Field(default_factory=dict)

    image: np.ndarray | None = Field(default=None, exclude=True, repr=False)
    """The scan as received, 8-bit grey or RGB (never written back)."""
    work_image: np.ndarray | None = Field(default=None, exclude=True, repr=False)
    """The deskewed, orientation-corrected 8-bit grey image the stages read."""

    @property
    def body_px(self) -> float:
        """The body line height in working pixels, or ``DEFAULT_BODY_PX``
        where layout has not measured one."""
        return self.body_line_height or DEFAULT_BODY_PX

    @property
    def stem(self) -> str:
        from pathlib import Path

        base = Path(self.source).stem
        return f"{base}-p{self.page_index + 1}" if self.page_count > 1 else base

    def region(self, region_id: str) -> Region:
        for region in self.regions:
            if region.id == region_id:
                return region
        raise KeyError(region_id)

    def regions_of(self, *types: RegionType) -> list[Region]:
        return [r for r in self.regions if r.type in types]

    def add_flag(self, code: FlagCode, message: str, severity: float = 0.5) -> None:
        """Add a flag to this page (a copy the stage made, never its input)."""
        self.flags = [*self.flags, Flag(code=code, message=message, severity=severity)]
