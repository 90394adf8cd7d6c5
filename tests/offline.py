"""No network while the OCR models load and read: any attempt fails loudly and is recorded."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

import pytest


@contextlib.contextmanager
def no_network() -> Iterator[list[object]]:
    """Refuse every connection (and point the model hubs nowhere) inside the block;
    yields the list the refused attempts are recorded in."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted during an OCR test")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket, "create_connection", refuse)
        mp.setattr(socket, "getaddrinfo", refuse)
        for var, value in {
            "HF_HUB_OFFLINE": "1",
            "PADDLE_PDX_HUGGING_FACE_ENDPOINT": "http://127.0.0.1:9",
            "PADDLE_PDX_MODEL_SOURCE": "nowhere",
            "HTTPS_PROXY": "http://127.0.0.1:9",
            "HTTP_PROXY": "http://127.0.0.1:9",
        }.items():
            mp.setenv(var, value)
        yield attempts
