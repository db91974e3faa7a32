"""Polite HTTP for `veille watch`: a User-Agent naming veille, timeouts, conditional GET
(ETag / Last-Modified → 304), a size cap, robots.txt, and errors as one-line reasons."""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from veille import __version__

USER_AGENT = f"veille/{__version__} (news monitoring; polls feeds politely)"
ROBOTS_AGENT = "veille"
ROBOTS_TTL = 24 * 3600.0


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: no body)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch that gave nothing: `permanent` when asking again cannot help (404, 410...)."""

    def __init__(self, reason: str, *, permanent: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after


class Fetcher:
    """One HTTP client for every source; not thread-safe (the watcher polls from one thread)."""

    def __init__(self, *, timeout: float = 20.0, max_bytes: int = 10_000_000, user_agent: str = USER_AGENT,
                 robots: bool = True) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.robots = robots
        self._robots: dict[str, tuple[float, RobotFileParser | None]] = {}
        self.client = httpx.Client(headers={"User-Agent": user_agent},
                                   timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=5)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(str(response.url), 304, etag=response.headers.get("ETag") or etag,
                                   last_modified=response.headers.get("Last-Modified") or last_modified)
                if response.status_code >= 400:
                    raise _status_error(response)
                if response.status_code != 200:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.max_bytes:
                        raise FetchError(f"answer larger than {self.max_bytes:,} bytes", permanent=True)
                return Fetched(str(response.url), 200, bytes(body), response.headers.get("ETag"),
                               response.headers.get("Last-Modified"))
        except httpx.TimeoutException as error:
            raise FetchError(f"timed out after {self.timeout:g} s") from error
        except httpx.ConnectError as error:
            raise FetchError(f"cannot connect: {_short(error)}") from error
        except httpx.TooManyRedirects as error:
            raise FetchError("too many redirects", permanent=True) from error
        except httpx.UnsupportedProtocol as error:
            raise FetchError(f"not an http(s) URL: {url}", permanent=True) from error
        except httpx.HTTPError as error:
            raise FetchError(f"{type(error).__name__}: {_short(error)}") from error

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets veille fetch this URL (yes when it has none)."""
        if not self.robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL:
            cached = (time.monotonic(), self._read_robots(origin))
            self._robots[origin] = cached
        rules = cached[1]
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser | None:
        try:
            fetched = self.get(origin + "/robots.txt")
        except FetchError:
            return None  # none, or unreachable: the page fetch itself will tell
        rules = RobotFileParser()
        rules.parse(fetched.body.decode("utf-8", "replace").splitlines())
        return rules

    def close(self) -> None:
        self.client.close()


def _short(error: Exception) -> str:
    return (str(error) or type(error).__name__).replace("\n", " ")[:200]


def _status_error(response: httpx.Response) -> FetchError:
    reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    permanent = 400 <= response.status_code < 500 and response.status_code not in (408, 425, 429)
    return FetchError(reason, permanent=permanent, retry_after=_retry_after(response.headers.get("Retry-After")))


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait out of a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
