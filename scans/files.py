"""Finding scan files, checking them before decoding, and hashing them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsprint.core.errors import ScanError

SCAN_SUFFIXES = frozenset(
    {
        ".jpg", ".jpeg", ".jpe", ".jfif",
        ".png",
        ".tif", ".tiff",
        ".jp2", ".j2k", ".j2c", ".jpf", ".jpx",
        ".bmp", ".gif", ".webp",
        ".pdf",
    }
)  # fmt: skip
"""File name endings (lower case) that ``scan_paths`` picks up inside a folder."""

HASH_CHUNK = 1 << 20


def scan_paths(inputs: list[Path]) -> list[Path]:
    """Expand folders to the scan files inside them; keep file paths as given.

    Folders are walked recursively, skipping hidden folders and hidden files;
    each folder's files come sorted by path. A path that is not a folder is
    kept even if it does not exist, so that ``load_scan`` reports it.
    Duplicates are dropped, first occurrence kept.
    """
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        found.extend(_scans_in_folder(path) if path.is_dir() else [path])
    return list(dict.fromkeys(found))


def _scans_in_folder(folder: Path) -> list[Path]:
    return sorted(path for path in _walk_visible(folder) if is_scan_name(path))


def _walk_visible(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        yield from (Path(root, name) for name in files if not name.startswith("."))


def is_scan_name(path: Path) -> bool:
    """True if the file name ends in one of ``SCAN_SUFFIXES`` (any case)."""
    return path.suffix.lower() in SCAN_SUFFIXES


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of the file's bytes, read in 1 MiB chunks."""
    with open_read_only(Path(path)) as stream:
        return sha256_stream(stream)


def sha256_stream(stream: BinaryIO) -> str:
    """Hex SHA-256 of a binary stream from its start; leaves it rewound."""
    stream.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(HASH_CHUNK), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def check_scan_file(path: Path, max_bytes: int) -> int:
    """Raise ``ScanError`` unless ``path`` is a non-empty regular file; return its size."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ScanError(path, "file not found") from None
    except PermissionError:
        raise ScanError(path, "permission denied (cannot reach the file)") from None
    except OSError as exc:
        raise ScanError(path, f"cannot access the file: {exc.strerror or exc}") from None
    if path.is_dir():
        raise ScanError(path, "is a directory, not a scan file")
    if not path.is_file():
        raise ScanError(path, "is not a regular file")
    if info.st_size == 0:
        raise ScanError(path, "empty file (0 bytes)")
    if info.st_size > max_bytes:
        raise ScanError(path, f"file is {info.st_size} bytes, over the {max_bytes}-byte limit")
    return info.st_size


def open_read_only(path: Path) -> BinaryIO:
    """Open ``path`` for binary reading, turning OS errors into ``ScanError``."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise ScanError(path, "file not found") from None
    except IsADirectoryError:
        raise ScanError(path, "is a directory, not a scan file") from None
    except PermissionError:
        raise ScanError(path, "permission denied (file is not readable)") from None
    except OSError as exc:
        raise ScanError(path, f"cannot open the file: {exc.strerror or exc}") from None
