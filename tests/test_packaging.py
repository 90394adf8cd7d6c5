"""The wheel installs one import package, newsprint, and nothing of the checkout's tools."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_has_newsprint_as_its_only_top_level_package(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            str(ROOT),
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("newsprint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"newsprint"}
    assert "newsprint/layout/deskew.py" in names
    assert "newsprint/web/templates/base.html" in names
    # The catalog's migrations: newsprint upgrades a catalog whenever it opens one.
    assert "newsprint/catalog/migrations/env.py" in names
    assert "newsprint/catalog/migrations/versions/0001_initial.py" in names
    assert not any(name.startswith(("newsprint/bench/", "newsprint/pagegen/")) for name in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "newsprint.flows.cli:app" in zipfile.ZipFile(wheel).read(entry_points).decode()
