"""Which scans are one issue (a title's pages of one date): the folder layout, the archive
file names, one pattern in the settings for other layouts; pages in natural order."""

from __future__ import annotations

import datetime as dt

import pytest
from newsprint.core.settings import IssueSettings, Settings, load_settings
from newsprint.pipeline.issues import find_issue, given_issue, issue_key, scan_stem
from pydantic import ValidationError

INBOX = "/archive/inbox"


def _found(path: str, settings: IssueSettings | None = None):
    return find_issue(f"{INBOX}/{path}", INBOX, settings or IssueSettings())


def test_folders_title_then_date_make_an_issue() -> None:
    ref = _found("The Herald/1926-11-26/p3.tif")
    assert (ref.title, ref.date, ref.key) == (
        "The Herald",
        dt.date(1926, 11, 26),
        "The Herald/1926-11-26",
    )
    assert ref.from_folders
    assert scan_stem(f"{INBOX}/The Herald/1926-11-26/p3.tif", ref) == "The Herald_19261126_p3"


def test_archive_file_names_make_an_issue() -> None:
    ref = _found("batch 7/herald_19261126_0012.jp2")
    assert (ref.title, ref.date, ref.key) == ("herald", dt.date(1926, 11, 26), "herald/1926-11-26")
    assert not ref.from_folders
    assert scan_stem(f"{INBOX}/batch 7/herald_19261126_0012.jp2", ref) == "herald_19261126_0012"


def test_pages_sort_as_people_count() -> None:
    names = ["p10.tif", "p2.tif", "p1.tif"]
    keys = {name: _found(f"Herald/1926-11-26/{name}").order_key for name in names}
    assert sorted(names, key=keys.__getitem__) == ["p1.tif", "p2.tif", "p10.tif"]


@pytest.mark.parametrize(
    "path",
    [
        "front.png",  # a loose scan
        "Herald/1926-13-40/p1.tif",  # no calendar date
        "Herald/1926-11-26/section/p1.tif",  # a folder too deep for the layout
        "herald-1926-11-26-1.tif",  # another naming scheme
    ],
)
def test_scans_outside_the_layouts_belong_to_no_issue(path: str) -> None:
    assert _found(path) is None
    assert scan_stem(f"{INBOX}/{path}", None) == path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def test_an_inbox_that_is_one_issue_folder_is_found_from_the_whole_path() -> None:
    ref = find_issue(
        "/archive/Herald/1926-11-26/p1.tif", "/archive/Herald/1926-11-26", IssueSettings()
    )
    assert ref is not None and ref.key == "Herald/1926-11-26"


def test_one_pattern_in_the_settings_takes_another_layout(tmp_path, monkeypatch) -> None:
    (tmp_path / "newsprint.toml").write_text(
        "[issues]\n"
        "pattern = '^(?P<title>[a-z]+)-(?P<date>\\d{4}-\\d{2}-\\d{2})-(?P<page>\\d+)\\.tif$'\n",
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "newsprint.toml").issues
    ref = _found("herald-1926-11-26-7.tif", settings)
    assert ref is not None and (ref.key, ref.order_key) == ("herald/1926-11-26", "00000007")
    assert _found("Herald/1926-11-26/p1.tif", settings) is None
    monkeypatch.setenv("NEWSPRINT_ISSUES__ENABLED", "false")
    assert _found("Herald/1926-11-26/p1.tif", Settings().issues) is None


@pytest.mark.parametrize(
    ("pattern", "why"),
    [("(?P<title>[a-z]+)_(?P<page>\\d+)", "missing: date"), ("(?P<title>[a-z", "not a regular")],
)
def test_a_pattern_without_title_and_date_is_refused(pattern: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        IssueSettings(pattern=pattern)


def test_an_issue_named_on_the_command_line_keeps_the_order_given() -> None:
    refs = [given_issue("1926-11-26 No 7", n) for n in (1, 2, 10)]
    assert [r.key for r in refs] == ["1926-11-26 No 7"] * 3
    assert sorted(refs, key=lambda r: r.order_key) == refs
    key = issue_key("../../escape", None)  # an issue's folder never climbs out of issues/
    assert "/" not in key and not key.startswith(".")
