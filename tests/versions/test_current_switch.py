"""Making a version current is one atomic step: a reader of ``<stem>/page.json``,
``<stem>/articles.txt``... sees one version or the other, never a mix, and no file
is written over."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from newsprint.core.page import Article, NewspaperPage
from newsprint.core.settings import Settings
from newsprint.versions import current_version, make_current, version_dir, write_version

READ = ("page.json", "articles.txt", "version.json")


def _write(folder: Path, headline: str, **output: bool) -> int:
    grey = np.full((60, 80), 230, np.uint8)
    page = NewspaperPage(
        source="scan.png",
        sha256="ab" * 32,
        width=80,
        height=60,
        articles=[Article(id="a1", headline=headline, paragraphs=["text"])],
        image=grey,
        work_image=grey,
    )
    settings = Settings().output.model_copy(
        update={"write_alto": False, "write_pdf": False, **output}
    )
    return write_version(page, folder, settings, {"stem": folder.name})


def _seen(folder: Path) -> set[int]:
    """The versions the files a reader opens under ``<stem>/`` belong to."""
    found = set()
    for name in READ:
        path = folder / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if name == "version.json":
            found.add(json.loads(text)["version"])
        else:
            found.add(1 if "Version one" in text else 2)
    return found


def _digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


@pytest.mark.parametrize("start", [1, 2])
def test_a_reader_never_sees_two_versions_mixed(tmp_path: Path, monkeypatch, start: int) -> None:
    folder = tmp_path / "front"
    assert _write(folder, "Version one") == 1
    assert _write(folder, "Version two") == 2
    make_current(folder, start)
    other = 3 - start
    versions = _digests(folder / "versions")

    # Look at the folder after every rename the switch makes, as a reader would.
    seen: list[set[int]] = []
    real_replace, real_rename = os.replace, os.rename

    def replace(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        seen.append(_seen(folder))

    def rename(src, dst, *args, **kwargs):
        real_rename(src, dst, *args, **kwargs)
        seen.append(_seen(folder))

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "rename", rename)
    make_current(folder, other)
    monkeypatch.undo()

    assert seen and all(len(s) == 1 for s in seen), seen
    assert _seen(folder) == {other} and current_version(folder) == other
    assert (folder / "current").resolve() == version_dir(folder, other).resolve()
    assert _digests(folder / "versions") == versions  # no version was written into


def test_names_only_one_version_has_come_and_go_with_it(tmp_path: Path) -> None:
    folder = tmp_path / "front"
    _write(folder, "Version one", write_alto=True)
    _write(folder, "Version two")
    make_current(folder, 1)
    assert (folder / "page.alto.xml").is_file()
    make_current(folder, 2)
    assert not os.path.lexists(folder / "page.alto.xml")
    assert "Version two" in (folder / "articles.txt").read_text(encoding="utf-8")
    make_current(folder, 1)
    assert (folder / "page.alto.xml").is_file() and current_version(folder) == 1
    # What a reader opens are links into current/, never copies.
    assert os.readlink(folder / "page.json") == "current/page.json"
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_folder_an_earlier_release_wrote_with_copies_is_switched_to_links(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "front"
    _write(folder, "Version one")
    _write(folder, "Version two")
    for name in [*READ, "overlay.png"]:  # the earlier release copied v1's files in
        shutil.copyfile(version_dir(folder, 1) / name, folder / name)
    assert current_version(folder) == 1
    make_current(folder, 2)
    assert current_version(folder) == 2 and _seen(folder) == {2}
    assert all((folder / name).is_symlink() for name in READ)
    assert "Version one" in (version_dir(folder, 1) / "articles.txt").read_text(encoding="utf-8")


def test_a_pages_first_version_never_shows_a_name_leading_nowhere(
    tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "front"
    _write(folder, "Version one")
    dangling: list[list[str]] = []
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        names = [p.name for p in folder.iterdir() if p.is_symlink() and not p.exists()]
        dangling.append([n for n in names if not n.endswith(".tmp")])

    monkeypatch.setattr(os, "replace", replace)
    make_current(folder, 1)
    monkeypatch.undo()
    assert dangling and not any(dangling), dangling
    assert _seen(folder) == {1}
