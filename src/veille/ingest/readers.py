"""Files, folders and stdin → RawDocuments (or ReadFailures, never exceptions).

Formats: plain text and Markdown, HTML pages (trafilatura), JSON Lines and JSON records,
RSS/Atom feeds (feedparser). Unknown extensions and stdin are sniffed.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import warnings
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO
from urllib.parse import urlparse

from veille.ingest.dates import normalize_date
from veille.ingest.decode import DecodeError, decode_bytes, is_binary, normalize_text
from veille.ingest.htmltext import html_to_text, looks_like_html
from veille.ingest.markdown import looks_like_markdown
from veille.ingest.types import RawDocument, ReadFailure

STDIN = "-"
MIN_ARTICLE_WORDS = 6
STDIN_SOURCE = "<stdin>"

Item = RawDocument | ReadFailure

_TEXT_EXT = {".txt", ".text", ".md", ".markdown", ".mdown", ".mkd"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
_JSON_EXT = {".json"}
_FEED_EXT = {".xml", ".rss", ".atom", ".rdf"}

TEXT_KEYS = ("text", "content", "body")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link")
DATE_KEYS = ("published", "date", "published_at", "pubDate", "datePublished")
AUTHOR_KEYS = ("author", "byline", "authors")
OUTLET_KEYS = ("outlet", "site", "sitename", "site_name", "publisher", "source")
LIST_KEYS = ("items", "articles", "records", "documents", "entries", "data", "results")

_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']+""")
_FEED_HEAD = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_HEAD = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_XML_PROLOGUE = re.compile(r"^(?:<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*", re.DOTALL | re.IGNORECASE)


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


def _too_large(size: int, max_bytes: int) -> str:
    return f"file too large ({human_size(size)} > {human_size(max_bytes)} limit)"


def _os_reason(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"


# --- entry point --------------------------------------------------------------------------


def iter_raw(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = 10_000_000,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Item]:
    """Every document found in the given files, folders (recursively) and '-' (stdin).

    Yields a ReadFailure, with a one-line reason, for each file or record that cannot be read.
    """
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, max_bytes)
        else:
            yield from _read_path(Path(path), max_bytes)


def _read_stdin(stream: TextIO | BinaryIO, max_bytes: int) -> Iterator[Item]:
    try:
        binary = getattr(stream, "buffer", None)
        if binary is not None:
            data: bytes = binary.read(max_bytes + 1)
        else:
            chunk = stream.read(max_bytes + 1)
            data = chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk
    except (OSError, ValueError) as error:
        yield ReadFailure(STDIN_SOURCE, f"cannot read standard input: {error}")
        return
    if len(data) > max_bytes:
        yield ReadFailure(STDIN_SOURCE, f"input too large (more than {human_size(max_bytes)} limit)")
        return
    yield from read_bytes(data, STDIN_SOURCE)


def _read_path(path: Path, max_bytes: int, seen: set[str] | None = None) -> Iterator[Item]:
    try:
        info = path.stat()
    except OSError as error:
        yield ReadFailure(str(path), _describe_stat_error(path, error))
        return
    if stat.S_ISDIR(info.st_mode):
        seen = set() if seen is None else seen
        real = os.path.realpath(path)
        if real not in seen:  # folders linked from inside themselves are read once
            seen.add(real)
            yield from _read_folder(path, max_bytes, seen)
    else:
        yield from _read_file(path, info, max_bytes)


def _describe_stat_error(path: Path, error: OSError) -> str:
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"{_os_reason(error)} (symbolic link to {target})"
    return _os_reason(error)


def _read_folder(folder: Path, max_bytes: int, seen: set[str]) -> Iterator[Item]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield ReadFailure(str(folder), _os_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        yield from _read_path(Path(entry.path), max_bytes, seen)


def _read_file(path: Path, info: os.stat_result, max_bytes: int) -> Iterator[Item]:
    source = str(path)
    if not stat.S_ISREG(info.st_mode):
        yield ReadFailure(source, "not a regular file")
        return
    if path.suffix.lower() in JSONL_EXTENSIONS:
        yield from _stream_jsonl(path, max_bytes)
        return
    if info.st_size > max_bytes:
        yield ReadFailure(source, _too_large(info.st_size, max_bytes))
        return
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        yield ReadFailure(source, _os_reason(error))
        return
    if len(data) > max_bytes:  # grew since stat
        yield ReadFailure(source, _too_large(len(data), max_bytes))
        return
    yield from read_bytes(data, source, path.suffix.lower())


# --- bytes → documents ----------------------------------------------------------------------


def read_bytes(data: bytes, source: str, extension: str = "") -> Iterator[Item]:
    """The documents in one file's bytes; the format comes from the extension, else is sniffed."""
    if is_binary(data):
        yield ReadFailure(source, "binary file, not text")
        return
    try:
        text = normalize_text(decode_bytes(data))
    except DecodeError as error:
        yield ReadFailure(source, str(error))
        return
    if not text.strip():
        yield ReadFailure(source, "empty file")
        return
    kind = _kind(text, extension)
    try:
        if kind == "feed":
            yield from _read_feed(text, source)
        elif kind == "html":
            yield _read_html(text, source)
        elif kind == "jsonl":
            yield from _read_jsonl(text, source)
        elif kind == "json":
            yield from _read_json(text, source)
        else:
            yield _read_text(text, source)
    except Exception as error:  # a parser bug on odd input must not stop the run
        yield ReadFailure(
            source, f"could not parse as {kind} ({type(error).__name__}: {error})".replace("\n", " ")
        )


def sniff(text: str) -> str:
    """The format of content with no telling extension: feed, html, json, jsonl or text."""
    head = _XML_PROLOGUE.sub("", text[:8192], count=1)
    if _FEED_HEAD.match(head):
        return "feed"
    if _HTML_HEAD.match(head) or (head.startswith("<") and looks_like_html(text[:8192])):
        return "html"
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        try:
            json.loads(stripped)
            return "json"
        except ValueError:
            pass
        first_line = stripped.split("\n", 1)[0]
        if first_line.startswith("{"):
            try:
                json.loads(first_line)
                return "jsonl"
            except ValueError:
                pass
    if text.lstrip().startswith("<?xml"):
        return "feed"
    return "text"


def _kind(text: str, extension: str) -> str:
    if extension in _JSONL_EXT:
        return "jsonl"
    if extension in _JSON_EXT:
        return "json"
    if extension in _FEED_EXT:
        return "feed"
    if extension in _HTML_EXT:
        return "html"
    if _FEED_HEAD.match(_XML_PROLOGUE.sub("", text[:8192], count=1)):
        return "feed"  # a feed saved under any name
    if extension in _TEXT_EXT:
        return "text"
    return sniff(text)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.{0,4000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter of a Markdown/text file (Jekyll, Hugo, Obsidian...) and the text after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return data, text[match.end() :]


def _read_text(text: str, source: str) -> RawDocument:
    meta, text = _front_matter(text)
    url = _string(_first(meta, URL_KEYS))
    return RawDocument(
        source=source,
        text=text,
        format="markdown" if looks_like_markdown(text) else "text",
        title=_string(_first(meta, TITLE_KEYS)),
        byline=_string(_first(meta, AUTHOR_KEYS)),
        published=normalize_date(_first(meta, DATE_KEYS)),
        outlet=_string(_first(meta, OUTLET_KEYS)),
        url=url,
    )


# --- HTML -----------------------------------------------------------------------------------


def _read_html(text: str, source: str) -> Item:
    import trafilatura

    # No extensive date search: it takes dates of events in the body for the publication date.
    date_params = {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = trafilatura.bare_extraction(
            text,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            deduplicate=False,
            date_extraction_params=date_params,
        )
    data: dict[str, Any] = {}
    if result is not None:
        data = result if isinstance(result, dict) else result.as_dict()
    body = data.get("text") or ""
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:  # a menu item, a form label…
        return ReadFailure(source, "no article text found in HTML page")
    return RawDocument(
        source=source,
        text="\n\n".join(paragraphs),
        format="html",
        title=_string(data.get("title")),
        byline=_string(data.get("author")),
        published=normalize_date(data.get("date")),
        outlet=_string(data.get("sitename")) or host_of(data.get("url")),
        url=_string(data.get("url")),
    )


# --- JSON -----------------------------------------------------------------------------------


def _string(value: Any) -> str | None:
    """A metadata value as one clean string: lists are joined, {'name'|'rendered'|…} unwrapped."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):
        for key in ("name", "rendered", "value", "text", "title"):
            if key in value:
                return _string(value[key])
        return None
    if isinstance(value, list):
        parts = [part for part in (_string(item) for item in value) if part]
        return ", ".join(parts) or None
    text = normalize_text(str(value)).strip()
    return text or None


def _first(record: dict[str, Any], keys: Sequence[str]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _body(value: Any) -> str | None:
    if isinstance(value, list):
        parts = [part for part in (_body(item) for item in value) if part]
        return "\n\n".join(parts) or None
    text = _string(value)
    if text and looks_like_html(text):
        text = html_to_text(text)
    return text.strip() if text and text.strip() else None


def record_to_raw(record: Any, fallback_source: str) -> Item:
    """One JSON record → RawDocument; source is its url, else its id, else `fallback_source`."""
    if not isinstance(record, dict):
        return ReadFailure(fallback_source, f"record is not a JSON object but {type(record).__name__}")
    url = _string(_first(record, URL_KEYS))
    ident = _string(record.get("id"))
    source = url or ident or fallback_source
    text = _body(_first(record, TEXT_KEYS))
    if not text:
        return ReadFailure(source, "record has no text (no 'text', 'content' or 'body' field)")
    return RawDocument(
        source=source,
        text=text,
        format="record",
        title=_string(_first(record, TITLE_KEYS)),
        byline=_string(_first(record, AUTHOR_KEYS)),
        published=normalize_date(_first(record, DATE_KEYS)),
        outlet=_string(_first(record, OUTLET_KEYS)) or host_of(url),
        url=url,
    )


def _json_error(error: json.JSONDecodeError) -> str:
    where = "column" if error.msg.endswith(" at") else "at column"
    return f"invalid JSON ({error.msg} {where} {error.colno})"


JSONL_EXTENSIONS = (".jsonl", ".ndjson")


def _stream_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """A JSON Lines file read one record at a time: memory does not grow with the file,
    and the size limit applies to each record."""
    source = str(path)
    found = False
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                if number == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                if not raw.strip():
                    continue
                found = True
                if len(raw) > max_bytes:
                    yield ReadFailure(f"{source}:{number}", _too_large(len(raw), max_bytes))
                    continue
                if is_binary(raw):
                    yield ReadFailure(f"{source}:{number}", "binary data, not text")
                    continue
                try:
                    line = normalize_text(decode_bytes(raw))
                except DecodeError as error:
                    yield ReadFailure(f"{source}:{number}", str(error))
                    continue
                yield from _read_jsonl(line, source, first_line=number)
    except OSError as error:
        yield ReadFailure(source, _os_reason(error))
        return
    if not found:
        yield ReadFailure(source, "empty file")


def _read_jsonl(text: str, source: str, first_line: int = 1) -> Iterator[Item]:
    for number, line in enumerate(text.split("\n"), first_line):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadFailure(f"{source}:{number}", _json_error(error))
            continue
        yield record_to_raw(record, f"{source}#{number}")


def _read_json(text: str, source: str) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield ReadFailure(f"{source}:{error.lineno}", _json_error(error))
        return
    if isinstance(data, dict) and _first(data, TEXT_KEYS) is None:
        nested = next((data[key] for key in LIST_KEYS if isinstance(data.get(key), list)), None)
        if nested is not None:
            data = nested
    if isinstance(data, list):
        if not data:
            yield ReadFailure(source, "empty JSON array")
        for number, record in enumerate(data, 1):
            yield record_to_raw(record, f"{source}#{number}")
    else:
        yield record_to_raw(data, source)


# --- feeds ----------------------------------------------------------------------------------


def host_of(url: Any) -> str | None:
    """The lower-case host of a web address, without a leading www. (None when it is none)."""
    if not isinstance(url, str) or "://" not in url:
        return None
    try:
        host = urlparse(url.strip()).hostname or ""
    except ValueError:  # a malformed address ("http://[::1")
        return None
    return host.rstrip(".").removeprefix("www.") or None


def _entry_text(entry: Any) -> str | None:
    candidates: list[str] = [part.get("value", "") for part in entry.get("content") or []]
    candidates.append(entry.get("summary") or entry.get("description") or "")
    best = max(candidates, key=len)
    if not best.strip():
        return None
    text = html_to_text(best) if "<" in best else best
    return text.strip() or None


def _person(value: Any) -> str | None:
    """A name out of 'mail@host (Name)', 'Name <mail@host>' or a bare name; a bare address is no name."""
    text = _string(value)
    if not text:
        return None
    for pattern in (r"^\S+@\S+\s*\((?P<name>[^()]+)\)$", r"^(?P<name>[^<>]+?)\s*<\S+@\S+>$"):
        match = re.match(pattern, text)
        if match:
            return match.group("name").strip() or None
    return None if re.fullmatch(r"\S+@\S+", text) else text


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created", "dc_date"):
        value = normalize_date(entry.get(key))
        if value:
            return value
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _read_feed(text: str, source: str) -> Iterator[Item]:
    import feedparser

    # The text is decoded already: say so, or feedparser decodes it again with the declared charset.
    text = _XML_ENCODING.sub(r"\g<1>utf-8", text, count=1)
    parsed = feedparser.parse(text.encode("utf-8"), sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception", "")).replace("\n", " ")
            yield ReadFailure(source, f"not a valid RSS/Atom feed ({reason})")
        else:
            yield ReadFailure(source, "feed has no entries")
        return
    feed = parsed.get("feed", {})
    feed_outlet = _string(feed.get("title")) or host_of(feed.get("link"))
    feed_site = _string(feed.get("link"))
    for number, entry in enumerate(entries, 1):
        link = _string(entry.get("link"))
        link = link if link and link.startswith(("http://", "https://")) else None
        entry_source = link or _string(entry.get("id")) or f"{source}#{number}"
        body = _entry_text(entry)
        if not body:
            yield ReadFailure(entry_source, "feed entry has no text")
            continue
        yield RawDocument(
            source=entry_source,
            text=body,
            format="feed",
            title=_string(html_to_text(entry["title"]) if entry.get("title") else None),
            byline=_person(entry.get("author")),
            published=_entry_date(entry),
            outlet=feed_outlet or host_of(link),
            url=link,
            site=feed_site,
        )
