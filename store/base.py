"""``ScanStore``: list scans, hash them, and lend each as a local file."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol, runtime_checkable


@runtime_checkable
class ScanStore(Protocol):
    """A read-only source of scans; a scan is named by a URI the store understands."""

    location: str

    def list_scans(self) -> list[str]:
        """URIs of every scan in the store, in a stable order."""
        ...

    def sha256(self, uri: str) -> str:
        """Hex SHA-256 of the scan's bytes (its identity in the catalog)."""
        ...

    def size(self, uri: str) -> int:
        """Size in bytes."""
        ...

    def local_path(self, uri: str) -> AbstractContextManager[Path]:
        """The scan as a local file for the duration of the ``with`` block
        (an object store downloads it to a temporary file)."""
        ...


def open_store(location: str | Path) -> ScanStore:
    """The store for ``location``: a folder path (or ``file://`` URL) for now."""
    text = str(location)
    if "://" in text and not text.startswith("file://"):
        scheme = text.split("://", 1)[0]
        raise ValueError(f"{text}: no scan store for {scheme}:// yet (only local folders)")
    from newsprint.store.local import LocalFolderStore

    return LocalFolderStore(Path(text.removeprefix("file://")))
