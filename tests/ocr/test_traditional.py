"""Traditional forms on a traditional-Chinese page (ocr.traditional, OpenCC)."""

from __future__ import annotations

from newsprint.core.page import Region, RegionType, TableCell, TextLine
from newsprint.core.settings import Settings
from newsprint.ocr.stage import in_page_script
from newsprint.ocr.traditional import simplified_only, to_traditional_forms


def test_simplified_only_characters_become_traditional():
    # Read off a worn 1-bit traditional page: the right characters in simplified forms.
    assert to_traditional_forms("气温下降，镇上纪念册") == "氣溫下降，鎮上紀念冊"


def test_the_form_is_chosen_by_the_phrase():
    assert to_traditional_forms("头发") == "頭髮"
    assert to_traditional_forms("发展") == "發展"


def test_characters_that_are_also_traditional_are_kept():
    # 里 于 后 台 only are simplified for some words: as read, they may well be right.
    text = "公里 于是 皇后 台北"
    assert to_traditional_forms(text) == text
    assert not set("里于后台") & simplified_only()


def test_taiwan_standard_forms_are_not_turned_to_older_variants():
    # OpenCC's s2t table gives only 峯 for 峰, 羣 for 群, 牀 for 床: read
    # right off a traditional page, they were "corrected" into errors
    # (generated zh-hant-1004: the byline "記者 董曉峰" became "董曉峯").
    text = "記者董曉峰 群眾 起床"
    assert to_traditional_forms(text) == text
    assert not set("峰群床") & simplified_only()
    assert to_traditional_forms("董晓峰在群里") == "董曉峰在群里"


def test_latin_digits_and_punctuation_are_left_as_read():
    text = "PP-OCR 3.5%，“温”。"
    folded = to_traditional_forms(text)
    assert folded == "PP-OCR 3.5%，“溫”。"
    assert len(folded) == len(text)


def _region(rid: str, texts: list[str], cells: list[str] = ()) -> Region:
    lines = [
        TextLine(text=t, confidence=0.9, bbox=(0, 20 * i, 200, 20 * i + 18))
        for i, t in enumerate(texts)
    ]
    rows = (
        [[TableCell(text=c, bbox=(0, 0, 10, 10), column=n) for n, c in enumerate(cells)]]
        if cells
        else []
    )
    kind = RegionType.TABLE if cells else RegionType.TEXT
    return Region(id=rid, type=kind, bbox=(0, 0, 200, 200), lines=lines, rows=rows)


def test_a_traditional_page_has_its_lines_and_cells_folded():
    regions = [
        _region("r1", ["這個城市書房裡", "今年气温偏高"]),
        _region("t1", ["银行 3.5"], ["银行", "3.5"]),
    ]
    out = in_page_script(regions, "zh-Hant", Settings())
    assert [ln.text for ln in out[0].lines] == ["這個城市書房裡", "今年氣溫偏高"]
    assert [c.text for c in out[1].rows[0]] == ["銀行", "3.5"]
    assert out[1].lines[0].text == "銀行 3.5"


def test_a_page_given_as_zh_is_folded_only_when_its_text_is_traditional():
    traditional = [_region("r1", ["這個時候們對說國過發後還點開學於", "气温"])]
    simplified = [_region("r1", ["这个时候们对说国过发后还点开学于", "气温"])]
    assert in_page_script(traditional, "zh", Settings())[0].lines[1].text == "氣溫"
    assert in_page_script(simplified, "zh", Settings())[0].lines[1].text == "气温"


def test_simplified_and_english_pages_and_the_switch_leave_text_as_read():
    regions = [_region("r1", ["气温 warm"])]
    assert in_page_script(regions, "zh-Hans", Settings())[0].lines[0].text == "气温 warm"
    assert in_page_script(regions, "en", Settings())[0].lines[0].text == "气温 warm"
    off = Settings(ocr={"traditional_forms": False})
    assert in_page_script(regions, "zh-Hant", off)[0].lines[0].text == "气温 warm"
