"""ALTO 4.4: schema-valid, unique IDs, boxes on every word, and articles rebuilt from ALTO
alone equal the articles in page.json.

No OCR: the sample issue's committed pages through the writers (``archival.written_issue``);
``test_issue_end_to_end.py`` checks the same files from a real run."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from importlib import metadata

import pytest
from archival import PAGES, SCHEMAS, written_page, written_page_folder
from lxml import etree
from newsprint.core.page import RegionType, TextLine
from newsprint.core.script import CJK_CHAR
from newsprint.exports.words import is_hyphenated, split_words

NS = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "alto-4-4.xsd")))


def _alto(name: str) -> etree._ElementTree:
    return etree.parse(str(written_page_folder(name) / "page.alto.xml"))


def _tags(alto: etree._ElementTree) -> dict[str, str]:
    return {t.get("ID"): t.get("LABEL") for t in alto.iterfind(".//a:Tags/*", NS)}


@pytest.mark.parametrize("name", PAGES)
def test_alto_is_valid_and_its_ids_unique_and_resolved(schema: etree.XMLSchema, name: str) -> None:
    alto = _alto(name)
    schema.assertValid(alto)
    ids = [e.get("ID") for e in alto.iter() if e.get("ID")]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    known = set(ids)
    for element in alto.iter():
        for attr in ("TAGREFS", "REF", "IDNEXT", "PROCESSING"):
            for ref in (element.get(attr) or "").split():
                assert ref in known, f"{attr}={ref} of {element.get('ID')}"


@pytest.mark.parametrize("name", PAGES)
def test_blocks_are_the_regions_of_page_json_typed(name: str) -> None:
    alto, page = _alto(name), written_page(name)
    expected = {
        r.id: "Illustration"
        if r.type == RegionType.PHOTO
        else "GraphicalElement"
        if r.type == RegionType.SEPARATOR
        else "TextBlock"
        for r in page.regions
    }
    space = alto.find(".//a:PrintSpace", NS)
    got = {b.get("ID"): etree.QName(b).localname for b in space}
    assert got == expected
    tags = _tags(alto)
    for region in page.regions:
        block = space.find(f"*[@ID='{region.id}']")
        labels = {tags[t] for t in block.get("TAGREFS").split()}
        assert region.type.value in labels
        assert (int(block.get("HPOS")), int(block.get("VPOS"))) == region.bbox[:2]


@pytest.mark.parametrize("name", PAGES)
def test_every_string_has_a_box_inside_its_line_and_a_confidence(name: str) -> None:
    alto, page = _alto(name), written_page(name)
    strings = alto.findall(".//a:String", NS)
    assert len(strings) > 50
    for line in alto.iterfind(".//a:TextLine", NS):
        lx, ly = float(line.get("HPOS")), float(line.get("VPOS"))
        lw, lh = float(line.get("WIDTH")), float(line.get("HEIGHT"))
        for s in line.iterfind("a:String", NS):
            x, y, w, h = (float(s.get(k)) for k in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
            assert w > 0 and h > 0 and 0 <= float(s.get("WC")) <= 1
            assert lx - 1 <= x and x + w <= lx + lw + 1, s.get("ID")
            assert ly - 1 <= y and y + h <= ly + lh + 1, s.get("ID")
            assert x + w <= page.width and y + h <= page.height


@pytest.mark.parametrize("name", PAGES)
def test_lines_hold_the_recognised_text(name: str) -> None:
    """Words (and SP, HYP) of each ALTO line give back the line's text in page.json."""
    alto, page = _alto(name), written_page(name)
    for region in page.regions:
        block = alto.find(f".//a:TextBlock[@ID='{region.id}']", NS)
        if block is None:
            continue
        lines = block.findall("a:TextLine", NS)
        assert len(lines) == len(region.lines)
        for element, line in zip(lines, region.lines, strict=True):
            assert _line_text(element) == " ".join(line.text.split())


def _line_text(line: etree._Element) -> str:
    parts = []
    for child in line:
        kind = etree.QName(child).localname
        if kind == "String":
            parts.append(child.get("CONTENT"))
        elif kind == "SP":
            parts.append(" ")
        elif kind == "HYP":
            parts.append(child.get("CONTENT"))
    return "".join(parts)


def test_chinese_strings_are_word_groups_with_lang() -> None:
    alto = _alto("zh-hans-4col-small")
    strings = [s for s in alto.iterfind(".//a:String", NS) if CJK_CHAR.search(s.get("CONTENT"))]
    assert len(strings) > 30
    assert all(s.get("LANG") == "zh-Hans" for s in strings)
    # A group is what the recogniser gave between spaces: whole lines, mostly.
    assert sum(len(s.get("CONTENT")) for s in strings) / len(strings) > 6


def test_english_words_spaces_and_hyphenation() -> None:
    alto, page = _alto("en-4col-bitonal"), written_page("en-4col-bitonal")
    strings = alto.findall(".//a:String", NS)
    assert all(" " not in s.get("CONTENT") for s in strings)
    words = sum(len(ln.text.split()) for r in page.regions for ln in r.lines)
    assert len(strings) == words
    hyphens = alto.findall(".//a:HYP", NS)
    assert hyphens, "the sample page has hyphenated line ends"
    for hyp in hyphens:
        first = hyp.getprevious()
        assert first.get("SUBS_TYPE") == "HypPart1"
        second = [s for s in strings if s.get("SUBS_TYPE") == "HypPart2"]
        whole = first.get("SUBS_CONTENT")
        head = first.get("CONTENT").lstrip("(\"'‘“")
        assert whole.startswith(head)
        # The whole word, without the punctuation around it.
        assert whole.replace("'", "").isalnum(), whole
        assert any(
            s.get("SUBS_CONTENT") == whole and s.get("CONTENT").startswith(whole[len(head) :])
            for s in second
        )


@pytest.mark.parametrize("name", PAGES)
def test_articles_rebuilt_from_alto_alone_match_page_json(name: str) -> None:
    alto, page = _alto(name), written_page(name)
    rebuilt = _articles_from_alto(alto)
    assert [a["label"] for a in rebuilt] == [a.headline for a in page.articles]
    zh = (page.language or "").startswith("zh")
    for got, article in zip(rebuilt, page.articles, strict=True):
        sep = "" if zh else " "
        assert got["headline"] == article.headline
        assert _norm(got["body"], zh) == _norm(sep.join(article.paragraphs), zh)
        assert got["captions"] == " ".join(article.captions)
        assert (got["byline"] or None) == article.byline


def _norm(text: str, zh: bool) -> str:
    return "".join(text.split()) if zh else " ".join(text.split())


def _articles_from_alto(alto: etree._ElementTree) -> list[dict[str, str]]:
    """What a consumer does: ReadingOrder groups → blocks → lines, joined by script."""
    tags = _tags(alto)
    blocks = {b.get("ID"): b for b in alto.iterfind(".//a:PrintSpace/*", NS)}
    articles = []
    for group in alto.iterfind(".//a:ReadingOrder/a:OrderedGroup/a:OrderedGroup", NS):
        parts: dict[str, list[etree._Element]] = {}
        for ref in group.iterfind("a:ElementRef", NS):
            block = blocks[ref.get("REF")]
            role = next(tags[t] for t in block.get("TAGREFS").split() if t.startswith("LAYOUT_"))
            parts.setdefault(role, []).append(block)
        text = {
            role: [_join(b.findall("a:TextLine", NS)) for b in found]
            for role, found in parts.items()
        }
        body = [ln for b in parts.get("text", []) for ln in b.findall("a:TextLine", NS)]
        articles.append(
            {
                "label": tags[group.get("TAGREFS")],
                "headline": " ".join(text.get("headline", [])) or None,
                "body": _join(body),
                "captions": " ".join(text.get("caption", [])),
                "byline": " ".join(text.get("byline", [])),
            }
        )
    return articles


def _join(lines: list[etree._Element]) -> str:
    """Lines into running text: HYP joins the word halves; Chinese lines join without spaces."""
    out, broken = "", False
    for line in lines:
        text = " ".join(s.get("CONTENT") for s in line.iterfind("a:String", NS))
        if not text:
            continue
        if not out or broken or CJK_CHAR.match(out[-1]) or CJK_CHAR.match(text[0]):
            out += text
        else:
            out += " " + text
        broken = line.find("a:HYP", NS) is not None
    return out


def test_description_names_the_source_software_models_and_settings() -> None:
    alto, page = _alto("en-4col-bitonal"), written_page("en-4col-bitonal")
    assert alto.findtext(".//a:MeasurementUnit", namespaces=NS) == "pixel"
    assert alto.findtext(".//a:sourceImageInformation/a:fileName", namespaces=NS) == page.source
    assert alto.findtext(".//a:fileIdentifier", namespaces=NS) == page.sha256
    step = alto.find(".//a:ocrProcessingStep", NS)
    assert step.findtext(".//a:softwareName", namespaces=NS) == "newsprint"
    assert step.findtext(".//a:softwareVersion", namespaces=NS) == metadata.version("newsprint")
    settings = json.loads(step.findtext("a:processingStepSettings", namespaces=NS))
    assert settings == page.ocr_engine
    assert "PP-OCRv6_small_rec" in step.findtext("a:processingStepDescription", namespaces=NS)
    page_el = alto.find(".//a:Page", NS)
    assert (int(page_el.get("WIDTH")), int(page_el.get("HEIGHT"))) == (page.width, page.height)


# --- word boxes and hyphenation, on hand-made lines ---------------------------------


def test_word_boxes_follow_a_skewed_line_in_proportion() -> None:
    # A line rising 40 px over 1000 px: later words sit higher.
    poly = [(100.0, 240.0), (1100.0, 200.0), (1100.0, 240.0), (100.0, 280.0)]
    line = TextLine(text="one two three", confidence=0.9, bbox=(100, 200, 1100, 280), polygon=poly)
    words = split_words(line, (2000, 2000))
    assert [w.text for w in words] == ["one", "two", "three"]
    xs = [w.bbox[0] for w in words]
    assert xs == sorted(xs) and words[0].bbox[0] == 100 and words[-1].bbox[2] == 1100
    assert words[-1].bbox[1] < words[0].bbox[1] - 20
    for a, b in itertools.pairwise(words):
        assert a.bbox[2] < b.bbox[0]  # a space between
    # "three" is wider than "one": boxes follow character widths, not word counts.
    assert words[2].bbox[2] - words[2].bbox[0] > words[0].bbox[2] - words[0].bbox[0]


def test_chinese_characters_take_a_full_em() -> None:
    line = TextLine(text="城市书房 ab", confidence=0.9, bbox=(0, 0, 500, 50))
    first, second = split_words(line, (1000, 1000))
    assert first.bbox[2] - first.bbox[0] > 3 * (second.bbox[2] - second.bbox[0])


@pytest.mark.parametrize(
    ("line", "following", "expected"),
    [
        ("doubling the number of treat-", "ment rooms", True),
        ("a well-", "Known face", False),
        ("pages 12-", "14 and", False),
        ("no hyphen", "here", False),
        ("the end -", "of it", False),
    ],
)
def test_hyphenated_line_ends(line: str, following: str, expected: bool) -> None:
    assert is_hyphenated(line, following) is expected


def test_the_running_head_is_written_along_its_row() -> None:
    # The NZZ 1940: "Mittagausgabe Nr. 641" at the right end of the running
    # head stands 8 pixels higher than the paper's name in the middle, and
    # was written first.
    from newsprint.exports.alto import document_order

    page = written_page(PAGES[0])
    template = page.regions[0]
    pieces = [
        template.model_copy(update={"id": rid, "type": RegionType.RUNNING_HEAD, "bbox": box})
        for rid, box in (
            ("h-right", (3022, 157, 3625, 210)),
            ("h-left", (143, 163, 983, 210)),
            ("h-middle", (1532, 165, 2265, 220)),
            ("folio-below", (143, 250, 300, 290)),
        )
    ]
    page = page.model_copy(update={"regions": [*pieces, *page.regions[1:]], "articles": []})
    mine = {piece.id for piece in pieces}
    order = [r.id for r in document_order(page, {}) if r.id in mine]
    assert order == ["h-left", "h-middle", "h-right", "folio-below"]


def test_a_running_head_in_boxes_is_written_box_by_box() -> None:
    # The NZZ 1925: the whole head over its closing rule is running head, with
    # a rates box under the name's left end (its labels, and their prices in
    # a narrower box beside them) and the advert rates under its right end.
    # Along rows, the labels' box, its prices and the advert rates were
    # written line by line across each other.
    from newsprint.exports.alto import document_order

    page = written_page(PAGES[0])
    template = page.regions[0]
    pieces = [
        template.model_copy(update={"id": rid, "type": RegionType.RUNNING_HEAD, "bbox": box})
        for rid, box in (
            ("ads", (2477, 767, 2712, 884)),
            ("prices", (1150, 798, 1209, 906)),
            ("date", (200, 264, 1031, 319)),
            ("labels", (160, 799, 1017, 910)),
            ("more-labels", (196, 890, 1017, 996)),
            ("edition", (2700, 254, 3497, 296)),
        )
    ]
    page = page.model_copy(update={"regions": [*pieces, *page.regions[1:]], "articles": []})
    mine = {piece.id for piece in pieces}
    order = [r.id for r in document_order(page, {}) if r.id in mine]
    assert order == ["date", "edition", "labels", "more-labels", "prices", "ads"]
