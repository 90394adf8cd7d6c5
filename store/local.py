"""Scans in a local folder (walked recursively, hidden files skipped)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsprint.scans import scan_paths, sha256_file


@dataclass(frozen=True)
class LocalFolderStore:
    root: Path

    @property
    def location(self) -> str:
        return str(self.root)

    def list_scans(self) -> list[str]:
        if not self.root.is_dir():
            raise FileNotFoundError(f"{self.root}: inbox folder not found")
        return [str(p.resolve()) for p in scan_paths([self.root])]

    def sha256(self, uri: str) -> str:
        return sha256_file(Path(uri))

    def size(self, uri: str) -> int:
        return Path(uri).stat().st_size

    @contextmanager
    def local_path(self, uri: str) -> Iterator[Path]:
        yield Path(uri)
