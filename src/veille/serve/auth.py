"""Access token for serving beyond this machine: who may serve without one, reading the
token file, and the gate every request passes.

A request is let in with the header `Authorization: Bearer <token>` or with the session
cookie the login form sets. The cookie is not the token: it is `<issued>.<HMAC>`, the HMAC
keyed with the token over a secret drawn when the server starts and the issue time, so it
expires (SESSION_SECONDS), dies with the server, and logging out revokes it. Static files
(the shipped CSS, scripts and icon, the same for every store) and the login page are open.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

SESSION_COOKIE = "veille_session"
SESSION_SECONDS = 12 * 3600
MIN_TOKEN_CHARS = 16
OPEN_PATHS = ("/login",)
OPEN_PREFIXES = ("/static/",)
NEW_TOKEN = "python -c 'import secrets; print(secrets.token_urlsafe(32))'"


class AccessError(ValueError):
    """Serving as asked would not be safe, or the token file is not usable; the message says why."""


def is_local(host: str) -> bool:
    """Whether only this machine can reach an address (loopback, 'localhost')."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def load_token(path: Path) -> str:
    """The token in `path` (one line, surrounding blanks ignored). Refuses a file every user of
    this machine can read: the token would then protect nothing from them."""
    try:
        info = path.stat()
        text = path.read_text("utf-8")
    except FileNotFoundError as error:
        raise AccessError(f"token file {path} not found (create one with: {NEW_TOKEN} > {path}; "
                          f"chmod 600 {path})") from error
    except (OSError, UnicodeDecodeError) as error:
        raise AccessError(f"token file {path} cannot be read: {error}") from error
    if os.name == "posix" and info.st_mode & stat.S_IROTH:
        raise AccessError(f"token file {path} is readable by every user of this machine "
                          f"(mode {stat.filemode(info.st_mode)}): run chmod 600 {path}")
    token = text.strip()
    if not token:
        raise AccessError(f"token file {path} is empty: put a random token in it ({NEW_TOKEN})")
    if not token.isascii() or not token.isprintable() or any(ch.isspace() for ch in token):
        raise AccessError(f"token file {path} must hold one token: printable ASCII, no spaces, on one line")
    if len(token) < MIN_TOKEN_CHARS:
        raise AccessError(f"the token in {path} is too short ({len(token)} characters; at least "
                          f"{MIN_TOKEN_CHARS}): use a random one ({NEW_TOKEN})")
    return token


def serving_token(host: str, token_file: Path | None, public: bool) -> str | None:
    """The token `veille serve` requires, or None when it serves without one (a local address,
    or --public). Raises AccessError for a non-local address with neither."""
    if token_file is not None:
        return load_token(token_file)
    if is_local(host) or public:
        return None
    raise AccessError(f"{host} can be reached from other machines: give an access token with --token-file FILE, "
                      "or --public to let anyone who reaches it read the store")


class Gate:
    """Checks a request's credentials against the token, issues and revokes session cookies."""

    def __init__(self, token: str, *, clock: Callable[[], float] = time.time) -> None:
        self._token = token.encode("ascii")
        self._secret = secrets.token_bytes(32)
        self._clock = clock
        self._revoked: dict[str, float] = {}  # cookie value -> when it would expire anyway
        self._lock = threading.Lock()

    def token_matches(self, given: str) -> bool:
        return hmac.compare_digest(self._token, given.encode("utf-8", "surrogateescape"))

    def bearer_matches(self, header: str | None) -> bool:
        scheme, _, given = (header or "").partition(" ")
        return scheme.lower() == "bearer" and self.token_matches(given.strip())

    def _mac(self, issued: str) -> str:
        return hmac.new(self._token, self._secret + b"|" + issued.encode("ascii"), hashlib.sha256).hexdigest()

    def new_session(self) -> str:
        issued = str(int(self._clock()))
        return f"{issued}.{self._mac(issued)}"

    def session_matches(self, value: str | None) -> bool:
        issued, _, mac = (value or "").partition(".")
        if not issued.isdigit() or not issued.isascii():
            return False
        if not hmac.compare_digest(self._mac(issued), mac):
            return False
        with self._lock:
            if value in self._revoked:
                return False
        return 0 <= self._clock() - int(issued) < SESSION_SECONDS

    def revoke(self, value: str | None) -> None:
        if not value or not self.session_matches(value):
            return
        now = self._clock()
        with self._lock:
            self._revoked = {v: until for v, until in self._revoked.items() if until > now}
            self._revoked[value] = int(value.partition(".")[0]) + SESSION_SECONDS


def is_open(path: str) -> bool:
    """Paths anyone may fetch: the login page and the shipped static files."""
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


def local_target(value: str | None) -> str:
    """Where to go after logging in: a path of this site only, never another host."""
    value = (value or "").strip()
    if not value.startswith("/") or value.startswith("//") or "\\" in value or any(ord(ch) < 32 for ch in value):
        return "/"
    return value
