"""Errors a stage raises for one scan; the batch records them and goes on."""

from __future__ import annotations


class NewsprintError(Exception):
    """Base class: something about one input or one stage failed."""


class ScanError(NewsprintError):
    """A scan cannot be read: the message names the file and the reason."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Raised in the child process a page runs in, it must reach the parent whole.
        return (type(self), (self.path, self.reason))


class ScanChangedError(ScanError):
    """The file no longer holds the bytes that were catalogued under its name."""


class PageDecodeError(ScanError):
    """The file holds the catalogued bytes, but the page asked for cannot be decoded."""


class ModelMissingError(NewsprintError):
    """An OCR model's weights are not on disk; nothing is ever downloaded."""
