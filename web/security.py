"""What keeps the review page safe: loopback binding, trusted hosts, a shared token,
CSRF, safe paths.

- ``check_bind``: serving on anything but loopback needs a token in the settings.
- ``trusted_hosts``: the ``Host`` names a request may carry (Starlette's
  ``TrustedHostMiddleware`` answers 400 to any other): localhost, 127.0.0.1,
  [::1], the address the server was started on and ``web.allowed_hosts``. A
  page on another site that rebinds its own name to 127.0.0.1 (DNS rebinding)
  sends its own name, and gets nothing.
- Token: checked on every request when set (cookie from the login form, or an
  ``Authorization: Bearer`` header for scripts), compared in constant time.
- CSRF: double-submit cookie (as Django's and Starlette-CSRF's): a random
  token in a ``SameSite=Strict`` cookie must come back in the form's hidden
  ``csrf_token`` field on every POST; a cross-site form cannot read the cookie.
- ``safe_path``: a path built from request parameters must resolve inside the
  output root, whatever ``..``, absolute parts or symbolic links it holds.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
from collections.abc import Iterable
from pathlib import Path

from fastapi import HTTPException, Request

CSRF_COOKIE = "newsprint_csrf"
CSRF_FIELD = "csrf_token"
TOKEN_COOKIE = "newsprint_token"
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_STEM = re.compile(r"^\w[\w. -]{0,199}$")
"""A page folder name as ``pipeline.run.safe_stem`` makes them: letters of any script,
digits, ``_ . - `` and spaces (``Daily News_20260102_p1``, ``人民日报_19500101_1``),
never a separator or a leading dot."""


class WebConfigError(ValueError):
    """The server must not start as configured (a public address without a token)."""


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``: only this machine can connect."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve on a non-loopback address without a token."""
    if not is_loopback(host) and not token:
        raise WebConfigError(
            f"refusing to serve on {host}: set web.token (NEWSPRINT_WEB__TOKEN) to serve "
            "on an address other than 127.0.0.1"
        )


def host_header_name(host: str) -> str | None:
    """``host`` as a ``Host`` header names it (lower case, an IPv6 address in
    brackets); None for a wildcard address (0.0.0.0, ::), which no client names."""
    name = host.strip().lower()
    try:
        address = ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return name or None
    if address.is_unspecified:
        return None
    return f"[{address}]" if address.version == 6 else str(address)


def trusted_hosts(bind: str, allowed: Iterable[str] = ()) -> list[str]:
    """The ``Host`` names the server started on ``bind`` answers: loopback's,
    ``bind``'s own and the ``allowed`` ones (``web.allowed_hosts``)."""
    names: list[str] = list(LOOPBACK_HOSTS)
    for host in (bind, *allowed):
        name = host_header_name(host)
        if name and name not in names:
            names.append(name)
    return names


def same_secret(given: str | None, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(str(given).encode(), expected.encode())


def request_token(request: Request) -> str | None:
    """The token a request carries: ``Authorization: Bearer …`` or the login cookie."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.cookies.get(TOKEN_COOKIE)


def csrf_token(request: Request) -> str:
    """This browser's CSRF token: the cookie's, or a new one (set by the middleware)."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


async def check_csrf(request: Request) -> None:
    """Reject an unsafe request whose form field does not match the CSRF cookie."""
    if request.method not in UNSAFE_METHODS:
        return
    cookie = request.cookies.get(CSRF_COOKIE)
    form = await request.form()
    sent = form.get(CSRF_FIELD) or request.headers.get("x-csrf-token")
    if not cookie or not isinstance(sent, str) or not same_secret(sent, cookie):
        raise HTTPException(403, "CSRF check failed: reload the page and submit the form again")


def valid_stem(stem: str) -> str:
    """A page folder name as the pipeline writes them (no separators, no leading dot)."""
    if not _STEM.fullmatch(stem) or ".." in stem:
        raise HTTPException(404, f"no page {stem!r}")
    return stem


def safe_path(root: Path, *parts: str) -> Path:
    """``root/parts…`` resolved; 404 unless it lies inside ``root`` (resolved too)."""
    base = Path(root).resolve()
    path = base.joinpath(*parts).resolve()
    if not path.is_relative_to(base):
        raise HTTPException(404, "not found")
    return path
