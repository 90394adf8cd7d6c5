"""The OCR stage: read every text region of a page with the engine.

The lines that text detection found and layout fitted are cut one by one
(``line_crops``: from the scan, with a margin of paper above and below) and
recognised together, so PaddleOCR never reads across a gutter and small type
keeps its full resolution; a region without detected lines is cropped from the
working image with a margin, detected and read as one crop.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

import numpy as np
from newsprint.core.page import (
    FlagCode,
    NewspaperPage,
    Region,
    RegionType,
    TextDirection,
    TextLine,
    WorkBox,
)
from newsprint.core.script import detect_language, is_cjk
from newsprint.core.settings import Settings
from newsprint.layout.binarize import is_bitonal, to_grey
from newsprint.layout.boxes import Box
from newsprint.layout.direction import transpose, untranspose
from newsprint.layout.lines import row_reach
from newsprint.ocr.engine import OcrEngine, OcrLine
from newsprint.ocr.grids import grids_read_down
from newsprint.ocr.margins import with_paper_margin
from newsprint.ocr.noise import without_noise
from newsprint.ocr.orientation import positive_scan
from newsprint.ocr.paddle import crop_line, crop_quad, to_bgr
from newsprint.ocr.row_ends import rows_with_their_ends
from newsprint.ocr.tables import read_tables
from newsprint.ocr.traditional import TRADITIONAL, to_traditional_forms
from newsprint.ocr.vertical_marks import marks_joined_to_lines
from rapidfuzz.distance import Levenshtein

log = logging.getLogger(__name__)

_READ = (
    RegionType.TEXT,
    RegionType.HEADLINE,
    RegionType.CAPTION,
    RegionType.BYLINE,
    RegionType.RUNNING_HEAD,
    RegionType.FOLIO,
    RegionType.ADVERTISEMENT,
    RegionType.NAMEPLATE,
)


def recognize(page: NewspaperPage, settings: Settings, engine: OcrEngine) -> NewspaperPage:
    """Stage: fill every text region's ``lines``; detect the page language.

    A region that layout gave detected lines (``Region.work_lines``) has just
    those lines recognised, all the page's lines in one batch: detection ran
    once over the whole page and is never repeated per block. A region without
    them (layout run without detection) is detected and read as a crop.
    Raises ValueError when deskew has not run.
    """
    if page.work_image is None:
        raise ValueError(f"{page.source}: deskew must run before OCR")
    work = page.work_image
    body = page.body_px
    read = _read_detected_lines(page, engine)
    targets = [r for r in page.regions if r.type in _READ and r.work_bbox and r.id not in read]
    crops, offsets = [], []
    for region in targets:
        crop, offset = _crop(work, region.work_bbox, body)
        crops.append(crop)
        offsets.append(offset)
    results = engine.read_many(crops) if crops else []
    for region, offset, lines in zip(targets, offsets, results, strict=True):
        merged = _merge_fragments(lines, region.direction == TextDirection.VERTICAL_RL, body)
        read[region.id] = _to_text_lines(page, merged, offset, body)
    regions = [
        r.model_copy(update={"lines": read[r.id]}) if r.id in read else r for r in page.regions
    ]
    regions = grids_read_down(page, regions, engine, line_cutter)
    regions = without_noise(read_tables(page, regions, engine), body)
    regions = [r for r in regions if r.id not in read or r.lines or r.type == RegionType.PHOTO]
    texts = [ln.text for r in regions if r.type != RegionType.PHOTO for ln in r.lines]
    language = page.language if settings.language == "auto" else settings.language
    language = language or detect_language(texts)
    regions = in_page_script(regions, language, settings)
    page = page.model_copy(
        update={"regions": regions, "language": language, "ocr_engine": engine.info()}
    )
    _flag_confidence(page, settings)
    return page


def in_page_script(regions: list[Region], language: str, settings: Settings) -> list[Region]:
    """``regions`` with their text in the page's script: on a page in traditional
    Chinese (``language`` ``zh-Hant``, or ``zh`` with traditional text), characters
    read in simplified-only forms become traditional (``ocr.traditional``), unless
    ``settings.ocr.traditional_forms`` is off. Other pages are returned as they are."""
    if not settings.ocr.traditional_forms:
        return regions
    if language == "zh":
        language = detect_language([ln.text for r in regions for ln in r.lines])
    if language != TRADITIONAL:
        return regions
    return [_in_traditional_forms(r) for r in regions]


def _in_traditional_forms(region: Region) -> Region:
    """``region`` with its lines' and cells' text in traditional forms (``ocr.traditional``)."""
    if not region.lines and not region.rows:
        return region
    lines = [ln.model_copy(update={"text": to_traditional_forms(ln.text)}) for ln in region.lines]
    rows = [
        [c.model_copy(update={"text": to_traditional_forms(c.text)}) for c in row]
        for row in region.rows
    ]
    return region.model_copy(update={"lines": lines, "rows": rows})


def _read_detected_lines(page: NewspaperPage, engine: OcrEngine) -> dict[str, list[TextLine]]:
    """Text lines of every region that carries detected lines, recognised in
    one batch (photos included: their words stay with the picture), cut as
    ``line_crops`` cuts them."""
    body = page.body_px
    owners, boxes, crops = line_crops(page)
    results = engine.recognize_lines(crops) if crops else []
    results = without_show_through(crops, results, engine)
    found: dict[str, list[OcrLine]] = {}
    for owner, box, (text, conf) in zip(owners, boxes, results, strict=True):
        if text.strip():
            found.setdefault(owner, []).append(OcrLine(text, conf, box_corners(box), tuple(box)))
    vertical = {r.id: r.direction == TextDirection.VERTICAL_RL for r in page.regions}
    with_lines = {r.id for r in page.regions if r.work_lines and r.type != RegionType.TABLE}
    return {
        rid: _to_text_lines(
            page, _merge_fragments(found.get(rid, []), vertical[rid], body), (0, 0), body
        )
        for rid in with_lines
    }


def line_crops(page: NewspaperPage) -> tuple[list[str], list[WorkBox], list[np.ndarray]]:
    """The line crops the recogniser reads: for every line of the page's regions
    that are read (photos included), its region's id, its working-image box
    and its crop (BGR), in region order.

    Lines are cut as ``line_cutter`` says: from the scan itself, in one
    resampling at most, as PaddleOCR cuts its lines from the page it is
    given; cut from the straightened working image they were resampled twice,
    and small type blurred by the first (a generated Chinese page shrunk to
    8-pixel type, skewed 0.57°: 0.81 of its characters read, 0.95 now).
    Each crop has a margin of the paper above and below its line
    (``ocr.margins``); a vertical block of text's punctuation marks that
    the detector boxed alone are read with their lines
    (``ocr.vertical_marks.marks_joined_to_lines``). Raises ValueError when
    the page has no image loaded."""
    cut = line_cutter(page)
    grey, scan_per_work = to_grey(page.work_image), page.geometry.scan_per_work()
    owners, boxes, crops = [], [], []
    for region in page.regions:
        if region.type not in _READ and region.type != RegionType.PHOTO:
            continue
        lines = region.work_lines
        if region.direction == TextDirection.VERTICAL_RL and region.type == RegionType.TEXT:
            lines = marks_joined_to_lines(lines)
        for box in lines:
            owners.append(region.id)
            boxes.append(box)
            crops.append(cut(with_paper_margin(grey, box, scan_per_work)))
    return owners, boxes, crops


def line_cutter(page: NewspaperPage) -> Callable[[tuple[float, float, float, float]], np.ndarray]:
    """How the page's lines are cut for the recogniser: a line's working-image box
    to its crop (BGR).

    From the scan (``scan_for_crops``) in one resampling at most, its box mapped
    there (``ocr.paddle.crop_quad``); a line set down the page is always turned
    level, never cut square. A 1-bit scan's lines are cut from the straightened
    working image instead: its resampling greys the hard edges of faded and
    broken type, which the recogniser, trained on grey images, reads better
    (NCSE's 1853 CLD page: coverage of plain PaddleOCR 0.997 cut from the
    working image, 0.980 from the scan)."""
    if page.image is None or page.work_image is None:
        raise ValueError(f"{page.source}: page has no image loaded")
    grey = to_grey(page.image)
    if is_bitonal(grey):
        work = to_bgr(page.work_image)
        return lambda box: crop_line(work, box_corners(box).astype(np.float32))
    scan = scan_for_crops(page, grey)

    def from_scan(box: tuple[float, float, float, float]) -> np.ndarray:
        quad = page.geometry.to_scan_points(box_corners(box))
        tall = box[3] - box[1] > box[2] - box[0]
        return crop_quad(scan, quad, square=not tall)

    return from_scan


def scan_for_crops(page: NewspaperPage, grey: np.ndarray | None = None) -> np.ndarray:
    """The page's scan (``page.image``), grey as the working image is and as
    positive print (a negative's inverted, ``ocr.orientation``), in BGR for the
    recogniser. Its pixels are the ones ``page.geometry.to_scan`` maps to.
    ``grey``: the scan in grey when the caller has it already."""
    return to_bgr(positive_scan(page, grey))


def box_corners(box: tuple[float, float, float, float]) -> np.ndarray:
    """The 4 x 2 corners of an x0, y0, x1, y1 box, clockwise from top-left."""
    x0, y0, x1, y1 = box
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)


SHOW_THROUGH_SAMPLE = 8
"""Lines read mirrored to tell print from the verso showing through."""
MIRROR_MARGIN = 0.1
"""A line is show-through when it reads this much more confidently mirrored."""


def without_show_through(
    crops: list[np.ndarray], results: list[tuple[str, float]], engine: OcrEngine
) -> list[tuple[str, float]]:
    """``results`` with the lines that are the verso's print showing through
    the paper made empty: such lines are mirror images, and a line of real
    print never reads better mirrored. A sample of the longest lines is read
    mirrored first; only when some of them are show-through is every line
    tested (a second recognition of the page). Only lines read at under
    ``1 - MIRROR_MARGIN`` can read that much better mirrored (a confidence is
    at most 1), so only those are read mirrored: the same decision, and a
    page read confidently throughout is not read again."""
    suspects = [i for i, (_, conf) in enumerate(results) if conf < 1 - MIRROR_MARGIN]
    longest = sorted(range(len(crops)), key=lambda i: -crops[i].shape[1])[:SHOW_THROUGH_SAMPLE]
    sample = [i for i in longest if i in set(suspects)]
    if not sample or not _mirrored_better(crops, results, sample, engine):
        return results
    mirrored = _mirrored_better(crops, results, suspects, engine)
    log.info("%d of %d lines are show-through from the verso", len(mirrored), len(crops))
    return [("", 0.0) if i in mirrored else r for i, r in enumerate(results)]


def _mirrored_better(
    crops: list[np.ndarray],
    results: list[tuple[str, float]],
    which: list[int],
    engine: OcrEngine,
) -> set[int]:
    flipped = engine.recognize_lines([np.ascontiguousarray(crops[i][:, ::-1]) for i in which])
    return {
        i
        for i, (_, conf) in zip(which, flipped, strict=True)
        if conf > results[i][1] + MIRROR_MARGIN
    }


def _crop(
    work: np.ndarray, box: tuple[float, float, float, float], body: float
) -> tuple[np.ndarray, tuple[int, int]]:
    pad = round(0.35 * body)
    h, w = work.shape[:2]
    x0, y0 = max(0, int(box[0]) - pad), max(0, int(box[1]) - pad)
    x1, y1 = min(w, int(np.ceil(box[2])) + pad), min(h, int(np.ceil(box[3])) + pad)
    return work[y0:y1, x0:x1], (x0, y0)


def _merge_fragments(
    lines: list[OcrLine], vertical: bool = False, body: float | None = None
) -> list[OcrLine]:
    """One text line that detection cut in two (a wide space) becomes one again,
    unless its pieces stand further apart than layout ever joins the pieces
    of one line (``_beyond_reach``; ``body``: the body line height in the
    lines' pixels, None for no such bound): those stay lines of their own,
    left to right.

    Vertical lines (Chinese set top to bottom) are joined the same way turned
    a quarter (``_merge_columns``) and given right to left, the order they are
    read in: all of a region's lines when it is ``vertical`` (its direction,
    ``layout.direction``) or most of its lines are tall. Elsewhere a tall line
    is never joined into a row: a band of short vertical lines side by side
    shares one height, and was read as one "line" of 315 characters across
    a vertical story, left to right (ECPO 1940, p2, where the fragments of a
    worn block beside it made its region's tall lines a minority), unless
    it is the ends of rows boxed down (``ocr.row_ends``): its characters
    go back to their rows."""
    tall = [ln for ln in lines if _is_tall(ln)]
    if vertical or len(tall) > len(lines) / 2:
        return _merge_columns(lines)
    rows = _row_runs([ln for ln in lines if not _is_tall(ln)], body)
    if body is not None:
        joined, tall = rows_with_their_ends([ln for _, ln in rows], tall, body)
    else:
        joined = [ln for _, ln in rows]
    keyed = [(middle, ln) for (middle, _), ln in zip(rows, joined, strict=True)]
    keyed += [(_middle(ln), ln) for ln in tall]
    return [ln for _, ln in sorted(keyed, key=lambda item: item[0])]


def _middle(line: OcrLine) -> float:
    return (line.bbox[1] + line.bbox[3]) / 2


def _is_tall(line: OcrLine) -> bool:
    return line.bbox[3] - line.bbox[1] > 1.5 * (line.bbox[2] - line.bbox[0])


def _merge_rows(lines: list[OcrLine]) -> list[OcrLine]:
    """Lines whose middles lie at one height joined left to right, top to
    bottom; each row's middle is its first line's, so that a row cannot drift
    from line to line (vertical lines only: ``_merge_columns``)."""
    return [line for _, line in _row_runs(lines, None, anchored=True)]


def _row_runs(
    lines: list[OcrLine], body: float | None, anchored: bool = False
) -> list[tuple[float, OcrLine]]:
    """``_merge_rows``, each row's pieces joined in runs that no gap beyond
    ``_beyond_reach`` parts (all of them for ``body`` None), each run with
    its row's middle height: the runs of a row in reading order, left to
    right, however their own middles differ. A line joins the row whose last
    line's middle is near its own, or its first line's when ``anchored``:
    lines sorted by their middles step a few pixels at a time, and the
    columns of two tiers of a vertical story set at different places across
    were chained into one "line" of four or five columns (ECPO's 1921-01-15
    fold, p2: 座客已不少…非舊劇之魔障耶、女伶戲…, 134 pixels wide over
    columns of 30)."""
    ordered = sorted(lines, key=_middle)
    rows: list[list[OcrLine]] = []
    for line in ordered:
        h = line.bbox[3] - line.bbox[1]
        if rows:
            last = rows[-1][0] if anchored else rows[-1][-1]
            # Detection boxes are padded, so the boxes of two close-set lines
            # overlap; pieces of one line share their middle.
            shift = abs((line.bbox[1] + line.bbox[3]) - (last.bbox[1] + last.bbox[3])) / 2
            if shift < 0.3 * min(h, last.bbox[3] - last.bbox[1]):
                rows[-1].append(line)
                continue
        rows.append([line])
    out = []
    for row in rows:
        middle = _middle(row[0])
        row_sorted = sorted(row, key=lambda ln: ln.bbox[0])
        runs = [[row_sorted[0]]]
        end = row_sorted[0].bbox[2]  # the run's right end so far, as layout measures a gap
        for piece in row_sorted[1:]:
            if body is not None and _beyond_reach(end, piece, body):
                runs.append([piece])
                end = piece.bbox[2]
            else:
                runs[-1].append(piece)
                end = max(end, piece.bbox[2])
        out += [(middle, _join_row(run)) for run in runs]
    return out


def _beyond_reach(end: float, right: OcrLine, body: float) -> bool:
    """Whether a piece of a row (``right``) starts further past the row's
    pieces before it (which end at x = ``end``) than layout ever joins the
    pieces of one line (``layout.lines.row_reach``): a folio and a
    running head's title on one row, which layout keeps as two lines (NCSE's
    MRP 1831 p32, 343 px apart at a body of 30: "32 Letters from Germany."
    was read as one line and the folio never found)."""
    return right.bbox[0] - end > row_reach(body, right.bbox[3] - right.bbox[1])


def _merge_columns(lines: list[OcrLine]) -> list[OcrLine]:
    """Vertical lines, pieces of one line joined top to bottom, right to left:
    ``_merge_fragments`` on the boxes turned a quarter (``layout.direction.transpose``)."""

    def turned(line: OcrLine, turn: Callable[[Box], Box]) -> OcrLine:
        box = turn(Box(*line.bbox)).as_tuple()
        return OcrLine(line.text, line.confidence, box_corners(box), box)

    # All wide once turned: rows top to bottom are the lines right to left.
    merged = _merge_rows([turned(ln, transpose) for ln in lines])
    return [turned(ln, untranspose) for ln in merged]


def _join_row(row: list[OcrLine]) -> OcrLine:
    if len(row) == 1:
        return row[0]
    text = row[0].text
    for left, piece in itertools.pairwise(row):
        rest = piece.text.lstrip()
        if repeated := _read_twice(left, piece):
            # The piece goes on where the repeat ends, inside a word or after
            # a space as it reads: "trees an" + "and flowers".
            text = text.rstrip() + rest[repeated:]
        elif rest:
            sep = "" if is_cjk(text[-1:]) or is_cjk(rest[:1]) else " "
            text += sep + rest
    weights = np.array([max(1, len(p.text)) for p in row], dtype=float)
    conf = float(np.average([p.confidence for p in row], weights=weights))
    x0 = min(p.bbox[0] for p in row)
    y0 = min(p.bbox[1] for p in row)
    x1 = max(p.bbox[2] for p in row)
    y1 = max(p.bbox[3] for p in row)
    box = (x0, y0, x1, y1)
    return OcrLine(text=text, confidence=conf, polygon=box_corners(box), bbox=box)


OVERLAP_MIN = 0.25
"""× the line's height: two pieces of a line overlapping less share no
character (a letter is about half as wide as its line is high) ..."""
OVERLAP_MIN_CJK = 0.45
"""... nor, where the characters at the join are Chinese (nearly square),
less than this: five "保" set in a row overlap by a third of one."""
CHAR_WIDTH_MIN = 0.4
"""× the line's height: the narrowest a character is taken to be (Latin; a
Chinese character is about 0.8), so the overlap bounds how many characters
two pieces can share."""


def _read_twice(left: OcrLine, right: OcrLine) -> int:
    """How many of ``right``'s first characters are ``left``'s last ones read
    again: the detector's pieces of one line overlap, and the character under
    the overlap is read in both ("象山公安创新发展展“海上", "ce the" + "he
    grew"). The repeat is looked for only over as many characters as the
    overlap can hold, and taken when the two readings agree (one character
    in three or more may differ: "and" + "und")."""
    overlap = left.bbox[2] - right.bbox[0]
    height = min(left.bbox[3] - left.bbox[1], right.bbox[3] - right.bbox[1])
    tail, head = left.text.rstrip(), right.text.lstrip()
    square = is_cjk(tail[-1:]) and is_cjk(head[:1])
    if height <= 0 or overlap < (OVERLAP_MIN_CJK if square else OVERLAP_MIN) * height:
        return 0
    most = max(1, int(overlap / (CHAR_WIDTH_MIN * height)))
    for k in range(min(most, len(tail), len(head)), 0, -1):
        allowed = 0 if k <= 2 else 1 + (k - 3) // 5
        if Levenshtein.distance(tail[-k:], head[:k]) <= allowed:
            return k
    return 0


def _to_text_lines(
    page: NewspaperPage, lines: list[OcrLine], offset: tuple[int, int], body: float
) -> list[TextLine]:
    ox, oy = offset
    out = []
    for line in lines:
        if not line.text.strip():
            continue
        x0, y0, x1, y1 = line.bbox
        work_box = (x0 + ox, y0 + oy, x1 + ox, y1 + oy)
        poly = np.asarray(line.polygon, dtype=float).reshape(-1, 2) + np.array([ox, oy])
        scan_poly = page.geometry.to_scan_points(poly)
        bbox, _ = page.geometry.box_to_scan(work_box, (page.width, page.height))
        out.append(
            TextLine(
                text=line.text.strip(),
                confidence=round(float(line.confidence), 4),
                bbox=bbox,
                polygon=[(round(float(x), 1), round(float(y), 1)) for x, y in scan_poly],
                work_bbox=tuple(round(v, 1) for v in work_box),
            )
        )
    return out


def _flag_confidence(page: NewspaperPage, settings: Settings) -> None:
    lines = [ln for r in page.regions for ln in r.lines]
    if not lines:
        # A skew measured where there is no print is the dust's: no flag of it.
        page.flags = [f for f in page.flags if f.code != FlagCode.UNUSUAL_SKEW]
        page.add_flag(
            FlagCode.BLANK,
            "the page holds no text (blank, or only speckle or print showing through)",
            severity=0.6,
        )
        return
    weights = np.array([max(1, len(ln.text)) for ln in lines], dtype=float)
    mean = float(np.average([ln.confidence for ln in lines], weights=weights))
    if mean < settings.ocr.low_confidence:
        page.add_flag(
            FlagCode.LOW_CONFIDENCE,
            f"mean OCR confidence {mean:.2f} is below {settings.ocr.low_confidence:.2f}",
            severity=min(1.0, 1.0 - mean),
        )
