"""Small image files made in the tests: a good one, and the ways a file goes bad."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
from PIL import Image

W, H = 120, 80
"""The size of the small images the scan tests make."""


def good_bytes(fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (H, W), np.uint8)).save(
        buffer, fmt, **options
    )
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def bomb_png(width: int, height: int) -> bytes:
    """A valid PNG header declaring a huge grey image, with a tiny IDAT."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def half(data: bytes) -> bytes:
    return data[: len(data) // 2]
