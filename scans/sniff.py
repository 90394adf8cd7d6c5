"""Naming what a file is from its first bytes, for clear error messages."""

from __future__ import annotations

MAGIC = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
    (b"\xffO\xffQ", "JPEG 2000"),
)
HEAD_BYTES = 1024


def is_pdf(head: bytes) -> bool:
    """PDF files may carry a few bytes of junk before ``%PDF-``."""
    return b"%PDF-" in head[:HEAD_BYTES]


def image_format(head: bytes) -> str | None:
    """The image format the magic number announces, if any."""
    return next((name for magic, name in MAGIC if head.startswith(magic)), None)


def describe_unreadable(head: bytes) -> str:
    """Reason for a file no image decoder recognised."""
    announced = image_format(head)
    if announced:
        return f"damaged or truncated {announced} file (its header cannot be read)"
    if _looks_like_html(head):
        return "an HTML page, not an image"
    if _looks_like_text(head):
        return "a text file, not an image"
    return "not an image (unrecognised file format)"


def _looks_like_html(head: bytes) -> bool:
    text = head[:HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<!doctype html", b"<html")) or b"<html" in text


def _looks_like_text(head: bytes) -> bool:
    sample = head[:HEAD_BYTES]
    try:
        decoded = sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:
            return False
        decoded = sample[: exc.start].decode("utf-8")
    return all(ch.isprintable() or ch in "\t\r\n\f" for ch in decoded)
