"""Giving freed memory back to the system between pages.

ONNX Runtime's CPU arena keeps the largest tensors it ever held and carves
later requests out of them; with detection inputs of a new shape for every
block of every page it only grows. newsprint's sessions run without the
arena, so tensors come from ``malloc`` and are freed after each run, but
glibc keeps freed heap memory (in every thread's arena) for reuse instead of
returning it, and the process still grows page by page. ``malloc_trim(0)``
after each page hands all of it back (the remedy also used by Python servers
that process large images). Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging

log = logging.getLogger(__name__)


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


def release_free_memory() -> bool:
    """Return the C heap's free memory to the system; False where not possible."""
    libc = _libc()
    if libc is None:
        return False
    return bool(libc.malloc_trim(0))
