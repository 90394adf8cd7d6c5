"""Page segmentation: the layout stage, from the detected text lines and the ink.

Runs on the deskewed working image. The text detector (``ocr.detect``) says
where the lines of type are; OpenCV finds the rest in the classical way of
newspaper layout analysis: rules (``layout.rules``), photos (``layout.photos``),
gutters and rows (``layout.lines``, ``layout.textlines``,
``layout.line_cuts``, ``layout.gutter_votes``), blocks
(``layout.blocks``), their roles (``layout.roles``) and the column grid
(``layout.columns``). Every measure is in units of the page's own body type size.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import cv2
import numpy as np
from newsprint.core.page import NewspaperPage, Region, RegionType
from newsprint.core.settings import LayoutSettings, Settings
from newsprint.layout.binarize import ink_mask, is_bitonal
from newsprint.layout.blocks import (
    Block,
    group_lines,
    merge_overlapping_blocks,
    rows_across_rule_ends,
)
from newsprint.layout.boxes import Box, joined_line, union_all
from newsprint.layout.caption_heads import caption_rows_apart
from newsprint.layout.columns import find_columns
from newsprint.layout.direction import (
    group_vertical_lines,
    is_vertical,
    split_by_direction,
    vertical_pieces,
    with_directions,
    without_rows_across,
    without_strokes,
)
from newsprint.layout.faint_rules import faint_column_rules
from newsprint.layout.gutter_votes import gutter_between, hairline_between
from newsprint.layout.line_cuts import cut_at_separators
from newsprint.layout.lines import (
    ABOVE,
    BELOW,
    LineStarts,
    Spans,
    find_lines,
    forced_grid,
    grid_gutters,
    gutters,
    line_boxes,
    row_groups,
    without_specks,
)
from newsprint.layout.metrics import body_line_height, glyph_height
from newsprint.layout.nested_heads import parted_under_headings
from newsprint.layout.ornaments import find_borders
from newsprint.layout.params.blocks import BODY_MEASURE, INK_LINES, REGION_COLUMNS
from newsprint.layout.params.textlines import INK_FIT
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.photo_edges import off_column_lines
from newsprint.layout.photos import (
    absorb_frames,
    blank_photos,
    find_photos,
    frames_of_no_photo,
    hatched_within,
    merge_photo_pieces,
    without_page_photos,
    without_type,
)
from newsprint.layout.picture_labels import with_picture_labels
from newsprint.layout.roles import classify_blocks, find_adverts, mark_bold_heads, within
from newsprint.layout.rules import find_rules, rules_mask, with_borders
from newsprint.layout.scratches import without_scratches
from newsprint.layout.set_solid import solid_blocks_read_down
from newsprint.layout.tables import body_beside_tables, find_tables, settle_tables, with_cells
from newsprint.layout.textlines import (
    LinePiece,
    fit_to_ink,
    pieces_from_detection,
    without_repeats,
)

log = logging.getLogger(__name__)


@dataclass
class Layout:
    """Everything segmentation found, in working-image pixels."""

    body: float
    """Body line height, the unit every measure here is taken in."""
    blocks: list[Block]
    photos: list[Box]
    h_rules: list[Box]
    v_rules: list[Box]
    columns: list[tuple[int, int]]
    adverts: list[Box] = field(default_factory=list)
    picture_text: list[LinePiece] = field(default_factory=list)
    """Detected lines inside photos: they stay with the picture, out of articles."""
    detected_of: dict[int, list[Box]] = field(default_factory=dict)
    """The detector's box of each line (by the ``id`` of its ink box in a block):
    what the recogniser reads. Empty when layout ran without detection."""


def segment(page: NewspaperPage, settings: Settings) -> NewspaperPage:
    """Stage: find the page's regions (before OCR gives them text)."""
    if page.work_image is None:
        raise ValueError(f"{page.source}: deskew must run before segmentation")
    detected = np.asarray(page.detected_lines).reshape(-1, 4) if page.detected_lines else None
    # A working image enlarged for its small type (``ocr.detect``) is not halved again.
    enlarged = page.geometry.is_enlarged()
    # A 1-bit scan has no faint print: its ink is all there is (``analyse``).
    scan = page.image if page.image is not None else page.work_image
    bitonal = scan.ndim == 2 and is_bitonal(scan)
    layout = analyse(
        page.work_image, page.geometry.content_box, settings.layout, detected, enlarged, bitonal
    )
    regions = with_directions(with_cells(page, _to_regions(page, layout), layout.blocks))
    return page.model_copy(
        update={
            "regions": regions,
            "body_line_height": round(layout.body, 2),
            "columns": layout.columns,
        }
    )


def analyse(
    work: np.ndarray,
    content: tuple[int, int, int, int] | None,
    settings: LayoutSettings,
    detected: np.ndarray | None = None,
    enlarged: bool = False,
    bitonal: bool = False,
) -> Layout:
    """The page's layout in working-image pixels.

    ``detected`` holds the text detector's line boxes (N x 4, ``ocr.detect``):
    they decide where the text is. Without them (layout alone, no OCR engine)
    lines are found from the ink by run-length smearing. ``enlarged``: the
    working image is the scan enlarged for its small type (rules are then
    searched at its full size, ``layout.rules.find_rules``). ``bitonal``: the
    scan is 1-bit (no faint rules are looked for, ``layout.faint_rules``).
    """
    ink = ink_mask(work, detected)
    box = content or (0, 0, work.shape[1], work.shape[0])
    if content is not None:
        x0, y0, x1, y1 = content
        keep = np.zeros_like(ink)
        keep[y0:y1, x0:x1] = 255
        ink = cv2.bitwise_and(ink, keep)
    pieces = pieces_from_detection(detected, ink) if detected is not None else None
    if pieces:
        aspect = BODY_MEASURE.min_aspect
        body = body_line_height(
            [p.ink.thickness for p in pieces if p.ink.length > aspect * p.ink.thickness]
        )
    else:
        em = glyph_height(ink) * BODY_MEASURE.em_per_glyph
        # A first smear measures the body line height, the unit everything else
        # is measured in; glyph height alone misjudges Latin type.
        rough = line_boxes(ink, np.zeros_like(ink), em * BODY_MEASURE.rough_smear)
        wide = [ln.height for ln in rough if ln.width > BODY_MEASURE.rough_min_aspect * ln.height]
        body = body_line_height(wide)
    type_lines = [p.ink for p in pieces] if pieces else None
    rule_ink = ink
    if not bitonal:
        length = settings.min_rule_length_lines
        rule_ink = _with_faint_rules(ink, work, pieces, box, body, length, enlarged)
    display = _display_lines(pieces or [], body)
    h_rules, v_rules, rule_mask = find_rules(
        rule_ink, body, settings, type_lines, enlarged, display_lines=display
    )
    v_rules = without_strokes(v_rules, pieces, body)  # strokes of vertical type
    borders = find_borders(ink, body)
    h_rules, v_rules, rule_mask = with_borders(h_rules, v_rules, rule_mask, borders, body)
    text_ink = cv2.bitwise_and(ink, cv2.bitwise_not(rule_mask))
    h_rules = without_scratches(h_rules, pieces, text_ink, body)  # across vertical type
    if pieces:
        # Rules aslant along their own ink (type beside them stays); the
        # borders of ornaments among them as their boxes.
        plain = [r for r in h_rules if r not in borders]
        on_h_rules = cv2.bitwise_or(
            rules_mask(ink.shape, plain, 1, ink, body),
            rules_mask(ink.shape, [r for r in h_rules if r in borders], 1),
        )
        on_borders = rules_mask(ink.shape, borders, 1)
        pieces = [
            q for p in pieces if (q := _off_the_rules(p, ink, on_h_rules, on_borders)) is not None
        ]
    photos = find_photos(text_ink, work, body, settings)
    found = (h_rules, v_rules)
    h_rules, v_rules, photos = absorb_frames(h_rules, v_rules, photos, body)
    photos = merge_photo_pieces(photos, body, ink)
    line_art: list[Box] = []
    if pieces:  # only detected lines are read apart on line art
        line_art = [p for p in photos if hatched_within(text_ink, p, body)]
        photos = without_type(photos, pieces, line_art, body)
        photos = without_page_photos(photos, pieces, box)  # print run together
        trimmed = off_column_lines(photos, pieces, text_ink, body)  # a column's line taken in
        line_art = [t for p, t in zip(photos, trimmed, strict=True) if p in line_art]
        photos, untrimmed = trimmed, photos
    else:
        untrimmed = photos
    # A frame a photo took in stays with it, drawn back or not.
    h_rules, v_rules = frames_of_no_photo(found, (h_rules, v_rules), untrimmed, body)
    blank_photos(text_ink, photos, body)
    forced = forced_grid(box, settings.columns, body, work.shape[1]) if settings.columns else None
    detected_of: dict[int, list[Box]] = {}
    boxed: dict[int, float] = {}
    if pieces:
        across, down, down_in_pictures = vertical_pieces(pieces, text_ink, photos, h_rules, body)
        across, down = solid_blocks_read_down(across, down, ink)
        set_across = len(across) > len(down)
        text_pieces, picture_text = _detected_lines(
            across, text_ink, photos, v_rules, body, forced, set_across, line_art
        )
        text_pieces, picture_text = text_pieces + down, picture_text + down_in_pictures
        text_pieces, picture_text, photos = with_picture_labels(
            text_pieces, picture_text, photos, body
        )
        lines = [p.ink for p in text_pieces]
        detected_of = {id(p.ink): p.read_boxes() for p in text_pieces}
        boxed = {id(p.ink): p.detected.height for p in text_pieces}
    else:
        lines, picture_text = find_lines(text_ink, rule_mask, photos, v_rules, body, forced), []
        # Whole lines measure the body type better than the rough first pieces.
        wide = [ln.height for ln in lines if ln.width > BODY_MEASURE.min_aspect * ln.height]
        body = body_line_height(wide) or body
        lines = [ln for ln in lines if ln.height >= INK_LINES.min_height * body or ln.width >= body]
    across, down = split_by_direction(lines)  # vertical Chinese stacks right to left
    across = without_rows_across(across, down)
    blocks = merge_overlapping_blocks(
        group_lines(across, h_rules, body, rows_joined=bool(pieces), v_rules=v_rules, boxed=boxed)
        + group_vertical_lines(down, v_rules, body)
    )
    blocks = parted_under_headings(blocks, body)  # a story's headline inside the band
    if not pieces:
        # A lone tall sliver (a stroke of a picture, a bracket) is not type;
        # a line the detector found is type whatever its shape.
        sliver = INK_LINES.sliver_aspect
        blocks = [b for b in blocks if len(b.lines) > 1 or b.box.width >= sliver * b.box.height]
    if find_tables(blocks, text_ink, body, detected_of):
        body = body_beside_tables(blocks, body)
    blocks = caption_rows_apart(blocks, photos, body)  # a caption's piece over a column
    mark_bold_heads(blocks, text_ink, body, settings)
    classify_blocks(blocks, photos, h_rules, body, settings, box, v_rules)
    adverts = find_adverts(work.shape, h_rules + v_rules, blocks, photos, body)
    adverts = settle_tables(blocks, adverts, body)
    columns = find_columns(blocks, body, settings.columns)
    return Layout(
        body, blocks, photos, h_rules, v_rules, columns, adverts, picture_text, detected_of
    )


def _display_lines(pieces: list[LinePiece], body: float) -> list[Box]:
    """The detector's boxes of the lines of display type set across the page
    (their ink ``TYPE_SIZE.display`` body lines tall or more)."""
    return [
        p.detected
        for p in pieces
        if not is_vertical(p.detected) and p.ink.height >= TYPE_SIZE.display * body
    ]


def _with_faint_rules(
    ink: np.ndarray,
    work: np.ndarray,
    pieces: list[LinePiece] | None,
    content: tuple[int, int, int, int],
    body: float,
    min_length: float,
    enlarged: bool,
) -> np.ndarray:
    """``ink`` (H x W) with the faint column rules of ``work`` inside the
    ``content`` box added, for the rule search (``layout.faint_rules``;
    ``min_length``: in body lines; ``enlarged``: ``work`` is enlarged for its
    small type, searched at full size). Only on a page of detected lines
    (``pieces``) set across: in vertical type, stems stacked down a line
    could pass for a rule, and without detected lines nothing tells a
    rule through a line read across a gutter from a glyph's stem."""
    if not pieces:
        return ink
    if 2 * sum(is_vertical(p.detected) for p in pieces) >= len(pieces):
        return ink
    lines = [p.ink for p in pieces]
    faint = faint_column_rules(work, body, lines, min_length, enlarged)
    x0, y0, x1, y1 = content
    inside = np.zeros_like(faint)
    inside[y0:y1, x0:x1] = faint[y0:y1, x0:x1]
    return cv2.bitwise_or(ink, inside)


def _off_the_rules(
    piece: LinePiece, ink: np.ndarray, on_h_rules: np.ndarray, on_borders: np.ndarray
) -> LinePiece | None:
    """``piece`` as it is when its ink is type; fitted again to its box's ink
    off the rules when what it was fitted to lies on a rule (a short boxed
    heading fitted to its frame's edge, whose rows hold more ink than its
    characters: ECPO 1919's "經華織襪廠" was dropped as a rule); None when
    only rule is left (a dash the detector boxed). A vertical line is not
    fitted again: its ink on a horizontal rule is a stroke across it. A piece
    is dropped when nearly all of it lies on a border of ornaments
    (``on_borders``: their mask; ``layout.ornaments``): the border down an
    advert's side on the Port Gibson Reveille of 1921, boxed by the detector
    piece by piece and read "I H 2 I 0 a". Not on any vertical rule: a
    column of figures in a table passes for a dotted rule."""
    box = piece.detected
    if _on_a_rule(piece.ink, ink, on_borders):
        return None
    if not _on_a_rule(piece.ink, ink, on_h_rules):
        return piece
    if is_vertical(box):
        return None
    # Only the box's own ink is taken off the rules, not the page's.
    x0, y0 = max(0, int(box.x0)), max(0, int(box.y0))
    x1, y1 = int(np.ceil(box.x1)), int(np.ceil(box.y1))
    off_rules = cv2.bitwise_and(ink[y0:y1, x0:x1], cv2.bitwise_not(on_h_rules[y0:y1, x0:x1]))
    refit = fit_to_ink(off_rules, Box(box.x0 - x0, box.y0 - y0, box.x1 - x0, box.y1 - y0))
    if refit is None or refit.height < INK_FIT.min_refit_share * box.height:
        return None
    ink_box = Box(refit.x0 + x0, refit.y0 + y0, refit.x1 + x0, refit.y1 + y0)
    return LinePiece(ink_box, box, piece.parent, piece.parts, piece.read)


def _on_a_rule(line: Box, ink: np.ndarray, on_rules: np.ndarray) -> bool:
    """Whether a detected "line" is a rule: nearly all its ink lies on a
    found one (``on_rules``: the mask of the rules asked about,
    ``rules.rules_mask``; the detector boxes a short dash as a line of
    type, read "1" or "—"; a title's dash on TTW 1867 then stood as a
    story's first line). Callers ask of horizontal rules and borders only:
    in vertical Chinese the strokes of characters set one under another
    pass for vertical rules (``without_strokes``), and a column of figures
    for a dotted one."""
    x0, y0, x1, y1 = (int(v) for v in line.as_tuple())
    crop = ink[y0 : y1 + 1, x0 : x1 + 1] > 0
    inked = np.count_nonzero(crop)
    on_rule = np.count_nonzero(crop & (on_rules[y0 : y1 + 1, x0 : x1 + 1] > 0))
    return inked > 0 and on_rule >= 0.8 * inked


def _detected_lines(
    pieces: list[LinePiece],
    text_ink: np.ndarray,
    photos: list[Box],
    v_rules: list[Box],
    body: float,
    grid: np.ndarray | None,
    set_across: bool = True,
    line_art: list[Box] | None = None,
) -> tuple[list[LinePiece], list[LinePiece]]:
    """Detected lines cut at the column separators, and apart from them the
    lines inside pictures, which stay with the picture (``set_across``: see
    ``cut_at_separators``; ``line_art``: see ``_join_row_pieces``)."""
    obstacles = without_specks(text_ink, body)
    for p in photos:
        obstacles[int(p.y0) : int(p.y1), int(p.x0) : int(p.x1)] = 255
    corridors = gutters(obstacles, body)
    cut = without_repeats(
        cut_at_separators(pieces, text_ink, v_rules, corridors, grid, body, set_across)
    )
    cut = _join_row_pieces(
        cut, text_ink, corridors, body, v_rules, grid, photos, line_art, set_across
    )
    in_picture = [p for p in cut if any(ph.contains_point(p.ink.cx, p.ink.cy) for ph in photos)]
    picture_ids = {id(p) for p in in_picture}
    return [p for p in cut if id(p) not in picture_ids], in_picture


def _join_row_pieces(
    pieces: list[LinePiece],
    text_ink: np.ndarray,
    corridors: np.ndarray,
    body: float,
    v_rules: list[Box],
    grid: np.ndarray | None,
    photos: list[Box],
    line_art: list[Box] | None = None,
    set_across: bool = True,
) -> list[LinePiece]:
    """The detector's pieces of one line (it parts a line at a wide word space)
    joined again, never across a gutter or a rule, nor where a cut at a
    separator parted them (``join_rows``), nor inside ``line_art`` (hatched
    pictures: a map's labels stand in rows as words do, each read on its own;
    joined, the unseen NZZ 1943 map's were read "EbolAConturPotenza"). A row
    set across a column rule's gutter under the rule's foot
    (``blocks.rows_across_rule_ends``: its pieces parted by less white than
    the gutter) is one line over both columns, though a word space may leave
    white where the gutter ran above. A line joined on a page set across
    measures its tallest piece's type size (``boxes.joined_line``); on a
    vertical page, whose lines across are headings and adverts' lines set
    right to left as often as not, their union (its tiers and headings are
    measured so)."""
    if grid is None:
        grid = grid_gutters(corridors, photos, body)
    of_ink = {id(p.ink): p for p in pieces}
    spanning: list[list[LinePiece]] = []
    for _, row in rows_across_rule_ends([p.ink for p in pieces], v_rules, body):
        # A row of one piece has nothing to be joined to over the rule's end,
        # and row_groups may join it to the rest of its line (a headline the
        # detector parted over two rules' feet).
        members = [of_ink.pop(id(box)) for box in row if id(box) in of_ink] if len(row) > 1 else []
        if members:
            spanning.append(members)
    pieces = [p for p in pieces if id(p.ink) in of_ink]
    piece_of = {id(p.ink): p for p in pieces}
    spans = Spans([p.detected for p in pieces])
    starts = LineStarts([p.ink for p in pieces], body, grid)

    def in_picture(box: Box) -> bool:
        return any(art.contains_point(box.cx, box.cy) for art in line_art or [])

    def apart(left: Box, right: Box) -> bool:
        same_line = piece_of[id(left)].parent == piece_of[id(right)].parent
        # A display line's word space may fall over a gutter of the body below
        # it: whether headline pieces are one line is row_groups' to say.
        display = min(left.height, right.height) > TYPE_SIZE.display * body
        return (
            same_line
            or in_picture(left)
            or in_picture(right)
            or hairline_between(text_ink, left, right, body)
            or (not display and gutter_in_space(left, right))
        )

    def gutter_in_space(left: Box, right: Box) -> bool:
        above, below = _open_sides(spans, starts, piece_of[id(left)], piece_of[id(right)])
        return gutter_between(
            text_ink, corridors, left, right, body, open_above=above, open_below=below
        )

    groups = row_groups([p.ink for p in pieces], corridors, body, v_rules, grid, apart=apart)
    out = []
    for members in [[pieces[i] for i in group] for group in groups] + spanning:
        if len(members) == 1:
            out.append(members[0])
        else:
            inks = [p.ink for p in members]
            ink = joined_line(inks) if set_across else union_all(inks)
            parts = [box for p in members for box in p.read_boxes()]
            out.append(LinePiece(ink, union_all(parts), members[0].parent, parts))
    return out


def _open_sides(
    spans: Spans, starts: LineStarts, left: LinePiece, right: LinePiece
) -> tuple[bool, bool]:
    """Whether the corridor through the space between two pieces of a row
    may run on above the line and below it (``spans``: the pieces' detected
    boxes, which measure type size more steadily than ink; ``starts``:
    their ink). The space is closed below where it is a word space of a
    block's first line: no line of its size stands near above it, and the
    nearest row below is one line that runs on across it
    (``Spans.next_row_runs_across``: the white over the block joins the
    space to a tall corridor, yet no column's lines stand beside it);
    closed above for a block's last line. Never where lines start or end at
    its sides (``LineStarts.column_edge``): the line next to it may be one
    the detector ran over a rule that layout missed (Weekly Chicago Democrat
    1853 p3: a column's first line was read on into the next column's)."""
    if starts.column_edge(left.ink, right.ink):
        return True, True
    a, b = left.detected, right.detected
    first = not spans.any_near(a, b, ABOVE) and spans.next_row_runs_across(a, b, BELOW)
    last = not spans.any_near(a, b, BELOW) and spans.next_row_runs_across(a, b, ABOVE)
    return not last, not first


def _to_regions(page: NewspaperPage, layout: Layout) -> list[Region]:
    scan_size = (page.width, page.height)
    items: list[tuple[RegionType, Box, float | None, list[Box]]] = []
    advert_lines = _advert_lines(layout)
    # An advertisement is one region, read as a whole; its pieces are not listed.
    items += [
        (RegionType.PHOTO, p, None, _picture_lines(p, layout))
        for p in layout.photos
        if not any(within(p, a, layout.body) for a in layout.adverts)
    ]
    items += [(RegionType.SEPARATOR, r, None, []) for r in layout.h_rules + layout.v_rules]
    items += [
        (b.kind, b.box, b.line_height, read_boxes(b, layout.detected_of))
        for b in layout.blocks
        if b.kind != RegionType.ADVERTISEMENT
    ]
    items += [
        (RegionType.ADVERTISEMENT, a, None, advert_lines[i]) for i, a in enumerate(layout.adverts)
    ]
    items.sort(key=lambda it: (it[1].y0, it[1].x0))
    regions = []
    for n, (kind, box, line_h, lines) in enumerate(items, start=1):
        bbox, polygon = page.geometry.box_to_scan(box.as_tuple(), scan_size)
        regions.append(
            Region(
                id=f"r{n:03d}",
                type=kind,
                bbox=bbox,
                polygon=polygon,
                work_bbox=tuple(round(v, 1) for v in box.as_tuple()),
                work_lines=[tuple(round(v, 1) for v in ln.as_tuple()) for ln in lines],
                line_height=round(line_h, 1) if line_h else None,
                column=_column_of(box, layout.columns),
                column_span=_column_span(box, layout.columns),
            )
        )
    return regions


def _picture_lines(photo: Box, layout: Layout) -> list[Box]:
    return [p.detected for p in layout.picture_text if photo.contains_point(p.ink.cx, p.ink.cy)]


def read_boxes(block: Block, detected_of: dict[int, list[Box]]) -> list[Box]:
    """The boxes the recogniser reads for ``block``: each of its lines' read
    boxes (``LinePiece.read_boxes``; none where layout ran without detected
    lines), but the nameplate's, read as one line over all of them. The
    detector boxes a title of display type in pieces, each reaching a
    title's height above and below its letters and over its neighbours'
    ends; read apart, NZZ 1929's title gave "Jeüe : Julüer. Zeitmug",
    1919's "Ieue | Zeituna", read whole "Rene Zürcher Zeitung" both (the
    recogniser reads black letter's N as R). All boxes in working pixels."""
    if not detected_of:
        return []
    boxes = [d for ln in block.lines for d in detected_of[id(ln)]]
    if block.kind == RegionType.NAMEPLATE and len(boxes) > 1:
        return [union_all(boxes)]
    return boxes


def _advert_lines(layout: Layout) -> list[list[Box]]:
    """The detected lines each advertisement holds: its blocks' and its pictures'."""
    out: list[list[Box]] = [[] for _ in layout.adverts]
    if not layout.detected_of:
        return out
    for block in layout.blocks:
        if block.kind != RegionType.ADVERTISEMENT:
            continue
        for i, advert in enumerate(layout.adverts):
            if within(block.box, advert, layout.body):
                out[i] += [d for ln in block.lines for d in layout.detected_of[id(ln)]]
                break
    for piece in layout.picture_text:
        for i, advert in enumerate(layout.adverts):
            if advert.contains_point(piece.ink.cx, piece.ink.cy):
                out[i] += piece.read_boxes()
                break
    return out


def _column_of(box: Box, columns: list[tuple[int, int]]) -> int | None:
    for i, (x0, x1) in enumerate(columns):
        if box.x_overlap(Box(x0, 0, x1, 1)) > REGION_COLUMNS.in_column * (x1 - x0) or box.x0 < x1:
            return i
    return None


def _column_span(box: Box, columns: list[tuple[int, int]]) -> int:
    spans = REGION_COLUMNS.spans
    n = sum(1 for x0, x1 in columns if box.x_overlap(Box(x0, 0, x1, 1)) > spans * (x1 - x0))
    return max(1, n)
