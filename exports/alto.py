"""``page.alto.xml``: the page as ALTO 4.4, following the NDNP profile where it applies.

- Coordinates are pixels of the original scan (``MeasurementUnit`` ``pixel``);
  every block, line, word and space has ``HPOS/VPOS/WIDTH/HEIGHT``; blocks and
  lines keep their exact (rotated) outline as a ``Shape``/``BASELINE``.
- One ``TextBlock`` per text region (its ID is the region's ID in
  ``page.json``), ``Illustration`` for photos, ``GraphicalElement`` for rules.
  A table is a ``ComposedBlock`` ``TYPE="table"`` (the region's ID) holding one
  ``TextBlock`` per cell, row by row (``<region>_R<row>C<column>``, from 1).
- Each block's role (headline, caption, byline, text, running head...) is a
  ``LayoutTag``; each article is a ``StructureTag`` labelled with its headline.
- ``ReadingOrder`` holds one ``OrderedGroup`` per article (blocks in reading
  order: headlines, bylines, body column by column, photos, captions), and each
  block links to the next one of its article with ``IDNEXT``, so an article can
  be rebuilt from the ALTO alone.
- English: one ``String`` per word, ``SP`` between, ``HYP`` at a hyphenated line
  end (with ``SUBS_TYPE``/``SUBS_CONTENT`` on both halves). Chinese: one
  ``String`` per word group as recognised (usually the whole line), with
  ``LANG``. Word boxes are estimated from character widths along the line
  (:mod:`exports.words`); ``WC`` is the recogniser's line confidence, and
  ``CC`` is left out because the recogniser gives no per-character scores.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import numpy as np
from lxml import etree
from newsprint.articles.text import broken_word
from newsprint.core.page import (
    TEXT_REGION_TYPES,
    Article,
    NewspaperPage,
    Region,
    RegionType,
    TableCell,
    TextDirection,
    TextLine,
)
from newsprint.core.script import CJK_CHAR
from newsprint.exports.atomic import atomic_write_bytes
from newsprint.exports.words import (
    Word,
    char_width,
    is_hyphenated,
    line_corners,
    span_box,
    split_words,
)
from newsprint.layout.boxes import xy_cut

ALTO_XML = "page.alto.xml"
ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ALTO_SCHEMA_LOCATION = f"{ALTO_NS} http://www.loc.gov/alto/v4/alto-4-4.xsd"
OCR_PROCESSING_ID = "OCR_0"
HYPHEN = "-"
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
_FIRST_ROLES = (RegionType.RUNNING_HEAD, RegionType.FOLIO)
"""Blocks written before the articles, as they stand above them on the page."""

LineKey = tuple[str, int]


def write_alto(page: NewspaperPage, folder: Path) -> Path:
    """Write ``folder/page.alto.xml`` atomically and return its path."""
    return atomic_write_bytes(Path(folder) / ALTO_XML, alto_xml(page))


def alto_xml(page: NewspaperPage) -> bytes:
    """The page as an ALTO 4.4 document (UTF-8 bytes with an XML declaration)."""
    root = etree.Element(_q("alto"), nsmap={None: ALTO_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", ALTO_SCHEMA_LOCATION)
    root.set("SCHEMAVERSION", "4.4")
    orders = {a.id: article_block_order(page, a) for a in page.articles}
    root.append(_description(page))
    root.append(_tags(page))
    if page.articles:
        root.append(_reading_order(page.articles, orders))
    root.append(_layout(page, orders))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def block_id(region_id: str) -> str:
    """The ALTO (and METS ``BEGIN``) ID of a region: its own ID when that is a valid XML ID."""
    return region_id if _NCNAME.match(region_id) else "R_" + re.sub(r"[^\w.\-]", "_", region_id)


def layout_tag_id(kind: RegionType) -> str:
    return f"LAYOUT_{kind.value.upper()}"


def direction_tag_id(direction: TextDirection) -> str:
    """The ``LayoutTag`` naming a text direction (``TAG_DIR_vertical-rl``)."""
    return f"TAG_DIR_{direction.value}"


def article_tag_id(article_id: str) -> str:
    return f"ARTICLE_{block_id(article_id)}"


def article_block_order(page: NewspaperPage, article: Article) -> list[str]:
    """The article's region IDs in reading order: headlines top to bottom, then the
    rest as article assembly listed them, captions row by row (as their text was built)."""
    known = {r.id: r for r in page.regions}
    regions = [known[rid] for rid in article.region_ids if rid in known]
    heads = sorted(
        (r for r in regions if r.type == RegionType.HEADLINE),
        key=lambda r: work_box(page, r)[:2][::-1],
    )
    captions = _caption_rows(page, [r for r in regions if r.type == RegionType.CAPTION])
    rest = [r for r in regions if r.type not in (RegionType.HEADLINE, RegionType.CAPTION)]
    body = [r for r in rest if r.type != RegionType.PHOTO]
    photos = [r for r in rest if r.type == RegionType.PHOTO]
    return [r.id for r in [*heads, *body, *photos, *captions]]


def work_box(page: NewspaperPage, item: Region | TextLine) -> tuple[float, float, float, float]:
    """A region's or line's box in the deskewed image (where assembly measured positions
    and what the PDF shows), from its polygon when it was read back from ``page.json``."""
    if item.work_bbox is not None:
        return item.work_bbox
    x0, y0, x1, y1 = item.bbox
    outline = item.polygon or [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    points = page.geometry.to_work_points(np.asarray(outline, dtype=np.float64))
    return (*points.min(axis=0).tolist(), *points.max(axis=0).tolist())


def _caption_rows(page: NewspaperPage, captions: list[Region]) -> list[Region]:
    rows: list[list[tuple[Region, tuple[float, float, float, float]]]] = []
    boxes = sorted(((c, work_box(page, c)) for c in captions), key=lambda cb: (cb[1][1], cb[1][0]))
    for cap, box in boxes:
        if rows:
            last = rows[-1][-1][1]
            overlap = min(last[3], box[3]) - max(last[1], box[1])
            if overlap > 0.5 * (box[3] - box[1]):
                rows[-1].append((cap, box))
                continue
        rows.append([(cap, box)])
    return [cap for row in rows for cap, _ in sorted(row, key=lambda cb: cb[1][0])]


def _q(name: str) -> str:
    return f"{{{ALTO_NS}}}{name}"


def _sub(
    parent: etree._Element, name: str, text: str | None = None, **attrs: object
) -> etree._Element:
    element = etree.SubElement(parent, _q(name))
    for key, value in attrs.items():
        if value is not None:
            element.set(key, _attr(value))
    if text is not None:
        element.text = text
    return element


def _attr(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1 else str(round(value, 2))
    return str(value)


def _box_attrs(bbox: tuple[int, int, int, int]) -> dict[str, object]:
    x0, y0, x1, y1 = bbox
    return {"HPOS": x0, "VPOS": y0, "WIDTH": max(0, x1 - x0), "HEIGHT": max(0, y1 - y0)}


def software_version() -> str:
    try:
        return metadata.version("newsprint")
    except metadata.PackageNotFoundError:
        return "unknown"


def _description(page: NewspaperPage) -> etree._Element:
    desc = etree.Element(_q("Description"))
    _sub(desc, "MeasurementUnit", "pixel")
    source = _sub(desc, "sourceImageInformation")
    _sub(source, "fileName", page.source)
    _sub(source, "fileIdentifier", page.sha256, fileIdentifierLocation="sha256")
    ocr = _sub(desc, "OCRProcessing", ID=OCR_PROCESSING_ID)
    _step(
        ocr,
        "preProcessingStep",
        "preOperation",
        f"orientation {page.orientation} degrees clockwise; "
        f"deskew by {page.skew_angle:.3f} degrees; "
        "scanner border and punch holes masked; layout analysis (rules, photos, columns, blocks)",
        None,
    )
    engine = page.ocr_engine
    _step(
        ocr,
        "ocrProcessingStep",
        "contentGeneration",
        "text detection and recognition per layout block with PaddleOCR "
        f"{engine.get('paddleocr_version', '?')} ({engine.get('engine', '?')}), models "
        f"{engine.get('det_model', '?')} and {engine.get('rec_model', '?')}",
        json.dumps(engine, ensure_ascii=False, sort_keys=True),
    )
    _step(
        ocr,
        "postProcessingStep",
        "postOperation",
        "roles from text (captions, bylines, folio), reading order and article assembly",
        None,
    )
    return desc


def _step(
    parent: etree._Element, name: str, category: str, description: str, settings: str | None
) -> None:
    step = _sub(parent, name)
    _sub(step, "processingCategory", category)
    _sub(step, "processingDateTime", datetime.now(UTC).isoformat(timespec="seconds"))
    _sub(step, "processingStepDescription", description)
    if settings:
        _sub(step, "processingStepSettings", settings)
    software = _sub(step, "processingSoftware")
    _sub(software, "softwareCreator", "newsprint")
    _sub(software, "softwareName", "newsprint")
    _sub(software, "softwareVersion", software_version())
    _sub(
        software,
        "applicationDescription",
        "OCR pipeline for scanned newspaper pages (deskew, layout, PaddleOCR, articles)",
    )


def _tags(page: NewspaperPage) -> etree._Element:
    tags = etree.Element(_q("Tags"))
    for kind in RegionType:
        if any(r.type == kind for r in page.regions):
            _sub(tags, "LayoutTag", ID=layout_tag_id(kind), TYPE="region", LABEL=kind.value)
    # ALTO has no writing mode: a text block read other than left to right carries
    # a tag naming its direction (a block without one reads horizontal-ltr).
    for direction in TextDirection:
        if direction != TextDirection.HORIZONTAL_LTR and any(
            r.direction == direction for r in page.regions
        ):
            _sub(
                tags,
                "LayoutTag",
                ID=direction_tag_id(direction),
                TYPE="direction",
                LABEL=direction.value,
            )
    for number, article in enumerate(page.articles, start=1):
        label = article.headline or f"article {number} (no headline)"
        _sub(tags, "StructureTag", ID=article_tag_id(article.id), TYPE="article", LABEL=label)
    return tags


def _reading_order(articles: list[Article], orders: dict[str, list[str]]) -> etree._Element:
    reading = etree.Element(_q("ReadingOrder"))
    page_group = _sub(reading, "OrderedGroup", ID="RO_PAGE")
    for article in articles:
        if not orders[article.id]:
            continue
        gid = f"RO_{block_id(article.id)}"
        group = _sub(page_group, "OrderedGroup", ID=gid, TAGREFS=article_tag_id(article.id))
        for n, rid in enumerate(orders[article.id], start=1):
            _sub(group, "ElementRef", ID=f"{gid}_{n}", REF=block_id(rid))
    return reading


def _layout(page: NewspaperPage, orders: dict[str, list[str]]) -> etree._Element:
    layout = etree.Element(_q("Layout"))
    lines = [ln for r in page.regions for ln in r.lines]
    page_el = _sub(
        layout,
        "Page",
        ID=f"P{page.page_index + 1}",
        PHYSICAL_IMG_NR=page.page_index + 1,
        WIDTH=page.width,
        HEIGHT=page.height,
        PROCESSING=OCR_PROCESSING_ID,
        PC=round(_mean_confidence(lines), 4) if lines else None,
        LANG=page.language,
    )
    space = _sub(page_el, "PrintSpace", HPOS=0, VPOS=0, WIDTH=page.width, HEIGHT=page.height)
    article_of = {rid: a for a in page.articles for rid in orders[a.id]}
    next_block = {
        rid: order[i + 1] for order in orders.values() for i, rid in enumerate(order[:-1])
    }
    hyphens = hyphenated_words(page, orders)
    for region in document_order(page, orders):
        article = article_of.get(region.id)
        tags = [layout_tag_id(region.type)] + ([article_tag_id(article.id)] if article else [])
        if region.direction != TextDirection.HORIZONTAL_LTR:
            tags.append(direction_tag_id(region.direction))
        _block(space, page, region, " ".join(tags), next_block.get(region.id), hyphens)
    return layout


def _mean_confidence(lines: list[TextLine]) -> float:
    weights = np.array([max(1, len(ln.text)) for ln in lines], dtype=float)
    return float(np.average([ln.confidence for ln in lines], weights=weights))


HEAD_SLACK = 0.25
"""Running head pieces overlapping by up to this many body lines count as
parted by white when they are cut into bands and boxes (``xy_cut``), as in
``articles.masthead``. × body."""


def document_order(page: NewspaperPage, orders: dict[str, list[str]]) -> list[Region]:
    """Running head and folio, then the articles' blocks in reading order, then the rest."""
    known = {r.id: r for r in page.regions}
    in_articles = [known[rid] for order in orders.values() for rid in order]
    placed = {r.id for r in in_articles}
    first = [r for r in page.regions if r.type in _FIRST_ROLES and r.id not in placed]
    # The running head's pieces along its row, not by their tops (the NZZ's
    # "Mittagausgabe Nr. 641", at the right end, stands 8 pixels higher
    # than the paper's name in the middle); a head in rows and boxes (the
    # NZZ 1925's rates boxes under its name) box by box, by X-Y cut.
    rtl = bool(first) and all(r.direction == TextDirection.HORIZONTAL_RTL for r in first)
    slack = HEAD_SLACK * page.body_px * page.geometry.scan_per_work()
    first = [first[i] for i in xy_cut([r.bbox for r in first], right_to_left=rtl, slack=slack)]
    last = [r for r in page.regions if r.id not in placed and r.type not in _FIRST_ROLES]
    return [*first, *in_articles, *last]


def _following_lines(page: NewspaperPage, orders: dict[str, list[str]]) -> dict[LineKey, LineKey]:
    """The line read after each line: the next in its block, and across an article's
    body blocks the first line of the next block (where a hyphenated word continues)."""
    after: dict[LineKey, LineKey] = {}
    for region in page.regions:
        if region.type == RegionType.TABLE:
            continue  # a table's rows are no running text
        for i in range(len(region.lines) - 1):
            after[(region.id, i)] = (region.id, i + 1)
    known = {r.id: r for r in page.regions}
    for order in orders.values():
        body = [known[rid] for rid in order if known[rid].type == RegionType.TEXT]
        body = [r for r in body if r.lines]
        for block, nxt in itertools.pairwise(body):
            after[(block.id, len(block.lines) - 1)] = (nxt.id, 0)
    return after


def hyphenated_words(
    page: NewspaperPage, orders: dict[str, list[str]]
) -> dict[LineKey, tuple[LineKey, str]]:
    """Lines that end in a broken word: the line that continues it and the whole word."""
    lines = {(r.id, i): ln for r in page.regions for i, ln in enumerate(r.lines)}
    found = {}
    for key, nxt in _following_lines(page, orders).items():
        text, next_text = lines[key].text, lines[nxt].text
        if text.split() and next_text.split() and is_hyphenated(text, next_text):
            found[key] = (nxt, broken_word(text, next_text))
    return found


def _block(
    parent: etree._Element,
    page: NewspaperPage,
    region: Region,
    tags: str,
    idnext: str | None,
    hyphens: dict[LineKey, tuple[LineKey, str]],
) -> None:
    if region.type in TEXT_REGION_TYPES:
        name = "TextBlock"
    elif region.type == RegionType.TABLE:
        name = "ComposedBlock"
    elif region.type == RegionType.PHOTO:
        name = "Illustration"
    else:
        name = "GraphicalElement"
    attrs: dict[str, object] = {"ID": block_id(region.id), **_box_attrs(region.bbox)}
    attrs |= {"TAGREFS": tags, "IDNEXT": block_id(idnext) if idnext else None}
    if name == "Illustration":
        attrs["TYPE"] = "photo"
    if name == "ComposedBlock":
        attrs["TYPE"] = "table"
    if name == "TextBlock":
        attrs["LANG"] = region.language or page.language
    block = _sub(parent, name, **attrs)
    if len(region.polygon) >= 3:
        shape = _sub(block, "Shape")
        _sub(shape, "Polygon", POINTS=_points(region.polygon))
    if name == "ComposedBlock":
        for r, row in enumerate(region.rows, start=1):
            for cell in row:
                _cell_block(
                    block, page, region, f"{block_id(region.id)}_R{r}C{cell.column + 1}", cell
                )
    if name == "TextBlock":
        continued = {nxt: word for nxt, word in hyphens.values()}
        owner = block_id(region.id)
        vertical = region.direction == TextDirection.VERTICAL_RL
        for i, line in enumerate(region.lines):
            key = (region.id, i)
            broken = hyphens[key][1] if key in hyphens else None
            _text_line(block, page, owner, i, line, broken, continued.get(key), vertical)


def _cell_block(
    parent: etree._Element, page: NewspaperPage, table: Region, cid: str, cell: TableCell
) -> None:
    """One cell of a table: a ``TextBlock`` of one line."""
    lang = table.language or page.language
    block = _sub(parent, "TextBlock", ID=cid, **_box_attrs(cell.bbox), LANG=lang)
    line = TextLine(text=cell.text, confidence=cell.confidence, bbox=cell.bbox)
    _text_line(block, page, cid, 0, line, None, None)


def _points(points: list[tuple[float, float]] | np.ndarray) -> str:
    return " ".join(f"{round(float(x))},{round(float(y))}" for x, y in points)


def _text_line(
    block: etree._Element,
    page: NewspaperPage,
    owner: str,
    index: int,
    line: TextLine,
    broken: str | None,
    continued: str | None,
    vertical: bool = False,
) -> None:
    """Write one ``TextLine`` of the block ``owner`` (its ALTO ID). ``broken``: the whole
    word when the line ends in its first half; ``continued``: the whole word when the line
    starts with its second half. A ``vertical`` line (read top to bottom) keeps its tall
    box, its word boxes are cut down it and its baseline runs down its middle."""
    size = (page.width, page.height)
    lid = f"{owner}_L{index + 1}"
    corners = line_corners(line, vertical)
    if vertical:  # the middle of the column, top to bottom
        baseline = np.array([(corners[0] + corners[3]) / 2, (corners[1] + corners[2]) / 2])
    else:
        baseline = corners[[3, 2]]
    element = _sub(block, "TextLine", ID=lid, **_box_attrs(line.bbox), BASELINE=_points(baseline))
    words = split_words(line, size, vertical)
    hyphenated = bool(words) and broken is not None
    for j, word in enumerate(words):
        if j:
            _space(element, words[j - 1], word)
        text, box = word.text, word.bbox
        subs: dict[str, object] = {}
        if j == len(words) - 1 and hyphenated:
            text, box = text[: -len(HYPHEN)], _without_hyphen(corners, word, size)
            subs = {"SUBS_TYPE": "HypPart1", "SUBS_CONTENT": broken}
        elif j == 0 and continued:
            subs = {"SUBS_TYPE": "HypPart2", "SUBS_CONTENT": continued}
        _sub(
            element,
            "String",
            ID=f"{lid}_S{j + 1}",
            CONTENT=text,
            **_box_attrs(box),
            WC=round(float(line.confidence), 4),
            LANG=_string_lang(word.text, page.language),
            **subs,
        )
    if hyphenated:
        hyphen_box = span_box(corners, _hyphen_start(words[-1]), words[-1].end, size)
        _sub(element, "HYP", CONTENT=HYPHEN, **_box_attrs(hyphen_box))


def _hyphen_start(word: Word) -> float:
    share = char_width(HYPHEN) / max(1e-6, sum(char_width(ch) for ch in word.text))
    return word.end - share * (word.end - word.start)


def _without_hyphen(
    corners: np.ndarray, word: Word, size: tuple[int, int]
) -> tuple[int, int, int, int]:
    return span_box(corners, word.start, _hyphen_start(word), size)


def _space(line: etree._Element, before: Word, after: Word) -> None:
    x = before.bbox[2]
    _sub(line, "SP", HPOS=x, VPOS=before.bbox[1], WIDTH=max(0, after.bbox[0] - x))


def _string_lang(text: str, page_language: str | None) -> str | None:
    """``LANG`` on Chinese word groups (the page's Chinese variant); Latin words inherit."""
    if not CJK_CHAR.search(text):
        return None
    return page_language if page_language and page_language.startswith("zh") else "zh"
