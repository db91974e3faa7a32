"""SOURCES.yaml: the sources `veille watch` polls, read and checked before anything runs.

    sources:
      - feed: https://www.example.org/monde/rss.xml     # RSS or Atom, a URL or a file
        outlet: example-monde
        interval: 10m
      - page: https://www.example.org/international/    # a page listing articles
        outlet: example-monde
        links: "/international/20\\d\\d/"                 # optional: which links are articles
      - folder: depeches/                                # files dropped there
        outlet: agence-locale
        interval: 1m

Relative paths are read from the SOURCES.yaml's folder. Every error names the file and the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from veille.datafile import DataFileError, read_yaml

KINDS = ("feed", "page", "folder")
OPTIONS = ("name", "outlet", "interval", "links", "delay")
DEFAULT_INTERVAL = 15 * 60.0
DEFAULT_DELAY = 1.0  # seconds between two requests of one source
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


class SourcesError(ValueError):
    """A SOURCES.yaml that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Source:
    kind: str  # feed | page | folder
    location: str  # URL, or absolute path of a feed file or folder
    outlet: str
    name: str
    interval: float = DEFAULT_INTERVAL  # seconds between polls
    links: re.Pattern[str] | None = None  # pages: the links that are articles (searched in the absolute URL)
    delay: float = DEFAULT_DELAY

    @property
    def is_url(self) -> bool:
        return self.location.startswith(("http://", "https://"))


def parse_duration(value: Any) -> float:
    """Seconds out of 90, "90s", "15m", "1h", "1d"."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if match is None:
            raise ValueError(f"{value!r} is not a duration (such as 90, 30s, 15m, 1h)")
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if seconds < 0:
        raise ValueError(f"{value!r} is negative")
    return seconds


def load_sources(path: str | Path) -> list[Source]:
    """The sources declared in a SOURCES.yaml; SourcesError naming the file and the entry otherwise."""
    path = Path(path)
    try:
        data = read_yaml(path)
    except DataFileError as error:
        raise SourcesError(str(error)) from error
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"sources"})
        if unknown:
            raise SourcesError(f"{path}: unknown top-level key {unknown[0]!r} (expected 'sources')")
        data = data.get("sources")
    if not isinstance(data, list) or not data:
        raise SourcesError(f"{path}: expected a list of sources under 'sources:', each with "
                           "feed, page or folder, and outlet")
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(data, 1):
        source = _source(entry, path.parent, lambda problem, n=number, e=entry: _error(path, n, e, problem))
        if source.location in seen:
            raise _error(path, number, entry, f"same {source.kind} as entry {seen[source.location]}")
        seen[source.location] = number
        sources.append(source)
    return sources


def _error(path: Path, number: int, entry: Any, problem: str) -> SourcesError:
    label = ""
    if isinstance(entry, dict):
        named = entry.get("name") or next((entry.get(k) for k in KINDS if entry.get(k)), None)
        label = f" ({named})" if named else ""
    return SourcesError(f"{path}: entry {number}{label}: {problem}")


def _source(entry: Any, base: Path, error: Any) -> Source:
    if not isinstance(entry, dict):
        raise error(f"expected a mapping with feed, page or folder, and outlet; got {entry!r}")
    unknown = sorted(set(entry) - set(KINDS) - set(OPTIONS))
    if unknown:
        raise error(f"unknown key {unknown[0]!r} (expected one of {', '.join(KINDS + OPTIONS)})")
    kinds = [k for k in KINDS if k in entry]
    if len(kinds) != 1:
        raise error("give exactly one of feed, page or folder")
    kind = kinds[0]
    where = entry[kind]
    if not isinstance(where, str) or not where.strip():
        raise error(f"{kind}: expected a URL or a path")
    where = where.strip()
    if "://" in where:
        parsed = urlparse(where)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise error(f"{kind}: {where!r} is not an http(s) URL")
        if kind == "folder":
            raise error("folder: expected a path, not a URL")
        location = where
    elif kind == "page":
        raise error(f"page: {where!r} is not an http(s) URL")
    else:
        location = str((base / Path(where).expanduser()).resolve())
    outlet = entry.get("outlet")
    if not isinstance(outlet, str) or not outlet.strip():
        raise error("outlet: required, the name or id of the outlet publishing this source")
    options: dict[str, Any] = {}
    for key in ("interval", "delay"):
        if key in entry:
            try:
                options[key] = parse_duration(entry[key])
            except ValueError as problem:
                raise error(f"{key}: {problem}") from problem
    if "links" in entry:
        if kind != "page":
            raise error("links: only for a page")
        try:
            options["links"] = re.compile(str(entry["links"]))
        except re.error as problem:
            raise error(f"links: not a regular expression ({problem})") from problem
    name = entry.get("name")
    if name is not None and not isinstance(name, str):
        raise error("name: expected text")
    return Source(kind=kind, location=location, outlet=outlet.strip(), name=(name or where).strip(), **options)
