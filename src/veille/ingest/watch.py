"""Watching sources: feeds, pages listing articles and folders, polled politely into a store.

Each due source is polled in turn, in one thread: the feed or page is asked for with a
conditional GET, the entries and links not seen before are read (an entry carrying only a
summary has its article page fetched and extracted), and what was read goes through the
ingest flow (`Ingestor.ingest_raw`). Then, in one transaction, the URLs taken are recorded
in `watch_seen` (never fetched again) and the source's state in `watch_sources` (validators,
next poll, consecutive failures): a restarted watcher is as polite as a running one.

A source that fails is logged with its reason and backed off (exponentially, capped); the
others go on. A stop request (`threading.Event`) is honoured between sources and between
article fetches, never in the middle of a write.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from veille.ingest.decode import DecodeError, decode_bytes, normalize_text
from veille.ingest.fetch import Fetcher, FetchError
from veille.ingest.htmltext import html_to_text
from veille.ingest.links import article_links
from veille.ingest.readers import _XML_ENCODING, _entry_date, _entry_text, _person, _string, iter_raw, read_bytes
from veille.ingest.sources import Source
from veille.ingest.types import RawDocument, ReadFailure
from veille.pipeline import Ingestor, IngestReport
from veille.store import Store

log = logging.getLogger("veille.watch")

RETRY_MIN = 60.0  # seconds before the first retry of a failed source, however short its interval
MAX_BACKOFF = 6 * 3600.0  # the longest wait after failures (or the source's interval, when longer)
MAX_ARTICLES = 50  # article pages fetched per poll of one source; the rest wait for the next poll
MAX_TRIES = 3  # failed fetches of an article page (5xx, timeout) before it is given up
SUMMARY_WORDS = 120  # an entry with no content and a shorter description is a summary
FILE_SETTLE = 2.0  # seconds a file must have been left alone before it is read (not being written)
MAX_WAIT = 60.0  # the scheduler's longest sleep, so that a changed clock is noticed
READ = "read"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class SourceState:
    """The polling state of one source, as kept in `watch_sources`."""

    location: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: datetime | None = None
    next_poll: datetime | None = None
    failures: int = 0
    last_error: str | None = None


@dataclass
class PollResult:
    """What one poll of one source did."""

    source: Source
    status: str = "ok"  # ok | not modified | failed
    report: IngestReport = field(default_factory=IngestReport)
    fetched: int = 0  # article pages fetched
    pending: int = 0  # articles left for the next poll (a fetch failed, the cap was reached, a stop came)
    error: str | None = None
    next_poll: datetime | None = None

    @property
    def new(self) -> int:
        return self.report.new

    def summary(self) -> str:
        if self.status == "failed":
            return f"{self.source.name}: failed ({self.error}); next try at {self.next_poll:%H:%M:%S} UTC"
        if self.status == "not modified":
            return f"{self.source.name}: not modified"
        parts = [f"{self.report.new} new", f"{self.report.duplicates} duplicate"]
        if self.fetched:
            parts.append(f"{self.fetched} page{'s' * (self.fetched > 1)} fetched")
        if self.report.failed:
            parts.append(f"{self.report.failed} failed")
        if self.pending:
            parts.append(f"{self.pending} left for the next poll")
        return f"{self.source.name}: {', '.join(parts)}"


class WatchState:
    """`watch_seen` and `watch_sources` in a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self, location: str) -> SourceState:
        row = self.store.con.execute(
            "SELECT etag, last_modified, last_polled, next_poll, failures, last_error FROM watch_sources "
            "WHERE location = ?", [location]).fetchone()
        if row is None:
            return SourceState(location)
        return SourceState(location, row[0], row[1], row[2], row[3], int(row[4] or 0), row[5])

    def unseen(self, urls: Sequence[str]) -> dict[str, int]:
        """The URLs not taken yet, in order, each once, with their failed fetches so far."""
        ordered = list(dict.fromkeys(urls))
        if not ordered:
            return {}
        known = {r[0]: r[1] for r in self.store.con.execute(
            "SELECT url, CASE WHEN outcome IS NULL THEN coalesce(tries, 0) END FROM watch_seen "
            "WHERE url IN (SELECT unnest(?))", [ordered]).fetchall()}
        return {url: known.get(url) or 0 for url in ordered if url not in known or known[url] is not None}

    def save(self, state: SourceState, seen: dict[str, str | None], tries: dict[str, int], watched: str) -> None:
        """The source's state and the URLs it took (url → outcome; None: to be fetched again), in one transaction."""
        now = utc_now()
        with self.store.transaction() as con:
            if seen:
                con.executemany(
                    "INSERT OR REPLACE INTO watch_seen (url, watched, outcome, tries, seen_at) VALUES (?, ?, ?, ?, ?)",
                    [[url, watched, outcome, tries.get(url, 0), now] for url, outcome in seen.items()])
            con.execute(
                "INSERT OR REPLACE INTO watch_sources (location, etag, last_modified, last_polled, next_poll, "
                "failures, last_error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [state.location, state.etag, state.last_modified, state.last_polled, state.next_poll,
                 state.failures, state.last_error])


@dataclass
class _Harvest:
    """What polling one source gathered before ingesting."""

    items: list[RawDocument | ReadFailure] = field(default_factory=list)
    seen: dict[str, str | None] = field(default_factory=dict)  # url → outcome (None: again), recorded once ingested
    tries: dict[str, int] = field(default_factory=dict)  # failed fetches of the article pages, earlier polls included
    validators: tuple[str | None, str | None] | None = None  # (etag, last_modified) to keep, if all was taken
    not_modified: bool = False
    fetched: int = 0
    pending: int = 0


class Watcher:
    """Polls sources into a store. Not thread-safe: one thread runs it (`run` or `start`)."""

    def __init__(self, store: Store, sources: Sequence[Source], *, ingestor: Ingestor | None = None,
                 fetcher: Fetcher | None = None, clock: Clock = utc_now) -> None:
        self.store = store
        self.sources = list(sources)
        self.ingestor = ingestor or Ingestor(store)
        self.fetcher = fetcher or Fetcher()
        self.state = WatchState(store)
        self.clock = clock
        self.listeners: list[Callable[[PollResult], None]] = []  # told of every poll, in the watcher's thread
        self.stop_event = threading.Event()
        self._thread: threading.Thread | None = None

    # -- scheduling -------------------------------------------------------------------
    def due(self) -> list[Source]:
        now = self.clock()
        due = []
        for source in self.sources:
            when = self._due_at(source, self.state.load(source.location))
            if when is None or when <= now:
                due.append(source)
        return due

    @staticmethod
    def _due_at(source: Source, state: SourceState) -> datetime | None:
        """When the source is next due; a shorter interval in SOURCES.yaml counts at once (not during a back-off)."""
        if state.next_poll is None or state.failures or state.last_polled is None:
            return state.next_poll
        return min(state.next_poll, state.last_polled + timedelta(seconds=source.interval))

    def poll_due(self) -> list[PollResult]:
        """Every due source polled once (a stop request ends the round between two sources)."""
        results = []
        for source in self.due():
            if self.stop_event.is_set():
                break
            results.append(self.poll(source))
        return results

    def run(self, *, once: bool = False) -> list[PollResult]:
        """Poll due sources until stopped (or one round with `once`); the results of the last round."""
        results: list[PollResult] = []
        while not self.stop_event.is_set():
            results = self.poll_due()
            if once:
                break
            self.stop_event.wait(self.seconds_to_next())
        return results

    def seconds_to_next(self) -> float:
        now = self.clock()
        waits = [((when - now).total_seconds() if when else 0.0)
                 for when in (self._due_at(s, self.state.load(s.location)) for s in self.sources)]
        return min(MAX_WAIT, max(0.05, min(waits, default=MAX_WAIT)))

    def start(self) -> threading.Thread:
        """Run in a background thread (the server's); `stop` ends it between batches."""
        self.stop_event.clear()
        self._thread = threading.Thread(target=self._run_logged, name="veille-watch", daemon=True)
        self._thread.start()
        return self._thread

    def _run_logged(self) -> None:
        try:
            self.run()
        except Exception:
            log.exception("the watcher stopped on an error")

    def stop(self, timeout: float | None = None) -> None:
        self.stop_event.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def close(self) -> None:
        self.fetcher.close()

    # -- one source ---------------------------------------------------------------------
    def poll(self, source: Source) -> PollResult:
        """Poll one source now, ingest what it brings and record its state; never raises for the source's faults."""
        state = self.state.load(source.location)
        result = PollResult(source)
        try:
            harvest = self._harvest(source, state)
            if harvest.items:
                result.report = self.ingestor.ingest_raw(harvest.items)
        except FetchError as error:
            return self._failed(source, state, result, error.reason, error.retry_after)
        except (OSError, ValueError) as error:  # an unreadable file, a broken feed
            return self._failed(source, state, result, str(error) or type(error).__name__, None)
        except Exception as error:
            log.exception("%s: unexpected error", source.name)
            return self._failed(source, state, result, f"{type(error).__name__}: {error}", None)
        now = self.clock()
        result.status = "not modified" if harvest.not_modified else "ok"
        result.fetched, result.pending = harvest.fetched, harvest.pending
        if harvest.validators is not None:
            state.etag, state.last_modified = harvest.validators
        state.last_polled, state.failures, state.last_error = now, 0, None
        state.next_poll = result.next_poll = now + timedelta(seconds=source.interval)
        self.state.save(state, harvest.seen, harvest.tries, source.location)
        for failure in result.report.failures:
            log.info("%s: skipped %s: %s", source.name, failure.source, failure.reason)
        log.info("%s", result.summary())
        self._tell(result)
        return result

    def _failed(self, source: Source, state: SourceState, result: PollResult, reason: str,
                retry_after: float | None) -> PollResult:
        now = self.clock()
        state.failures += 1
        state.last_polled, state.last_error = now, reason
        state.next_poll = result.next_poll = now + timedelta(seconds=backoff(source.interval, state.failures,
                                                                               retry_after))
        result.status, result.error = "failed", reason
        self.state.save(state, {}, {}, source.location)
        where = "" if source.name == source.location else f" ({source.location})"
        log.warning("%s%s: failed (%s); next try at %s UTC", source.name, where, reason, f"{result.next_poll:%H:%M:%S}")
        self._tell(result)
        return result

    def _tell(self, result: PollResult) -> None:
        for listener in self.listeners:
            listener(result)

    def _harvest(self, source: Source, state: SourceState) -> _Harvest:
        if source.kind == "folder":
            return self._harvest_folder(source)
        harvest = _Harvest()
        body = self._read_source(source, state, harvest)
        if body is None:
            return harvest
        if source.kind == "feed":
            self._take_feed(source, body, harvest)
        else:
            html = normalize_text(decode_bytes(body))
            self._take_links(source, article_links(html, source.location, source.links), harvest)
        if harvest.pending:  # ask for the whole feed or page again next time: something is left in it
            harvest.validators = (state.etag, state.last_modified)
        return harvest

    def _read_source(self, source: Source, state: SourceState, harvest: _Harvest) -> bytes | None:
        """The feed's or page's bytes, or None (with harvest.not_modified) when unchanged since the last poll."""
        if not source.is_url:  # a feed file: its size and time stand for the validators
            path = Path(source.location)
            info = path.stat()
            stamp = f"{info.st_mtime_ns}-{info.st_size}"
            if stamp == state.etag:
                harvest.not_modified = True
                return None
            harvest.validators = (stamp, None)
            return path.read_bytes()
        if source.kind == "page" and not self.fetcher.allowed(source.location):
            raise FetchError("robots.txt disallows this page")
        fetched = self.fetcher.get(source.location, etag=state.etag, last_modified=state.last_modified)
        harvest.validators = (fetched.etag, fetched.last_modified)
        if fetched.not_modified:
            harvest.not_modified = True
            return None
        return fetched.body

    def _take_feed(self, source: Source, body: bytes, harvest: _Harvest) -> None:
        import feedparser

        try:
            text = normalize_text(decode_bytes(body))
        except DecodeError as error:
            raise ValueError(f"not a feed: {error}") from error
        text = _XML_ENCODING.sub(r"\g<1>utf-8", text, count=1)  # decoded already
        parsed = feedparser.parse(text.encode("utf-8"), sanitize_html=False, resolve_relative_uris=False)
        entries = parsed.get("entries") or []
        if not entries and parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception", "")).replace("\n", " ")
            raise ValueError(f"not a valid RSS/Atom feed ({reason})")
        base = source.location if source.is_url else None
        keyed = []
        for entry in entries:
            link = _string(entry.get("link"))
            link = urljoin(base, link) if link and base else link
            link = link if link and link.startswith(("http://", "https://")) else None
            keyed.append((link or _string(entry.get("id")), link, entry))
        unseen = self.state.unseen([key for key, _, _ in keyed if key])
        harvest.tries.update(unseen)
        for key, link, entry in keyed:
            if key is not None and key not in unseen:
                continue
            unseen.pop(key, None)  # an entry listed twice is taken once
            self._take_entry(source, key, link, entry, harvest)

    def _take_entry(self, source: Source, key: str | None, link: str | None, entry: Any, harvest: _Harvest) -> None:
        summary = _entry_text(entry)
        meta = {"title": _string(html_to_text(entry["title"]) if entry.get("title") else None),
                "byline": _person(entry.get("author")), "published": _entry_date(entry)}
        only_summary = not entry.get("content") and len((summary or "").split()) < SUMMARY_WORDS
        if link and only_summary:
            page = self._fetch_article(source, link, harvest)
            if page is None:  # left for the next poll
                return
            item, outcome = page
            if isinstance(item, RawDocument):
                harvest.items.append(_completed(item, source, link, meta))
                harvest.seen[link] = READ
                return
            if not summary:
                harvest.items.append(item)
                harvest.seen[link] = outcome
                return
            # the page has no article text (or may not be fetched): the summary is what there is
        if not summary:
            harvest.items.append(ReadFailure(key or source.location, "feed entry has no text"))
        else:
            harvest.items.append(RawDocument(source=link or key or source.location, text=summary, format="feed",
                                             outlet=source.outlet, url=link, **meta))
        if key:
            harvest.seen[key] = READ

    def _take_links(self, source: Source, links: list[str], harvest: _Harvest) -> None:
        unseen = self.state.unseen(links)
        harvest.tries.update(unseen)
        for link in unseen:
            page = self._fetch_article(source, link, harvest)
            if page is None:
                continue
            item, outcome = page
            harvest.items.append(_completed(item, source, link, {}) if isinstance(item, RawDocument) else item)
            harvest.seen[link] = outcome

    def _fetch_article(self, source: Source, url: str, harvest: _Harvest
                       ) -> tuple[RawDocument | ReadFailure, str] | None:
        """The article at `url` and the outcome to record; None when it is left for the next poll."""
        if self.stop_event.is_set() or harvest.fetched >= MAX_ARTICLES:
            harvest.pending += 1
            return None
        if not self.fetcher.allowed(url):
            return ReadFailure(url, "robots.txt disallows this page"), "disallowed by robots.txt"
        if harvest.fetched and source.delay:
            self.stop_event.wait(source.delay)
        harvest.fetched += 1
        try:
            fetched = self.fetcher.get(url)
        except FetchError as error:
            if error.permanent:
                return ReadFailure(url, error.reason), error.reason
            tries = harvest.tries[url] = harvest.tries.get(url, 0) + 1
            if tries >= MAX_TRIES:
                reason = f"{error.reason} ({tries} tries)"
                return ReadFailure(url, reason), reason
            log.warning("%s: %s: %s (try %d of %d, again at the next poll)", source.name, url, error.reason, tries,
                        MAX_TRIES)
            harvest.seen[url] = None
            harvest.pending += 1
            return None
        items = list(read_bytes(fetched.body, url, ".html"))
        item = items[0] if items else ReadFailure(url, "empty page")
        return item, READ if isinstance(item, RawDocument) else item.reason

    def _harvest_folder(self, source: Source) -> _Harvest:
        harvest = _Harvest()
        folder = Path(source.location)
        if not folder.is_dir():
            raise FetchError(f"no folder at {folder}")
        settled = time.time() - FILE_SETTLE
        files: dict[str, Path] = {}
        for path, info in _files(folder):
            if info.st_mtime > settled:
                harvest.pending += 1
            else:  # an edited file is read again (its text decides whether it is new)
                files[f"{path.as_uri()}#{info.st_mtime_ns}-{info.st_size}"] = path
        for key in self.state.unseen(list(files)):
            if self.stop_event.is_set():
                harvest.pending += 1
                continue
            for item in iter_raw([files[key]], max_bytes=self.ingestor.max_bytes):
                harvest.items.append(_completed(item, source, None, {}) if isinstance(item, RawDocument) else item)
            harvest.seen[key] = READ
        return harvest


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT (Ctrl-C) and SIGTERM set `stop`: the watcher ends after the batch in hand.
    A second Ctrl-C interrupts at once (the batch in flight is rolled back)."""

    def handle(number: int, frame: Any) -> None:
        if stop.is_set() and number == signal.SIGINT:
            raise KeyboardInterrupt
        log.info("stopping after the current batch (%s)", signal.Signals(number).name)
        stop.set()

    previous = {number: signal.signal(number, handle) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _files(folder: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Every visible file under the folder, sorted, with its stat."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(root) / name
            try:
                yield path, path.stat()
            except OSError:
                continue


def _completed(item: RawDocument, source: Source, link: str | None, meta: dict[str, str | None]) -> RawDocument:
    """The document with the source's declared outlet, and what the feed entry knew where the page did not."""
    item.outlet = source.outlet
    item.url = item.url or link
    for name, value in meta.items():
        if value and not getattr(item, name):
            setattr(item, name, value)
    return item


def backoff(interval: float, failures: int, retry_after: float | None = None) -> float:
    """Seconds before polling a source again after `failures` consecutive failures: doubling from
    its interval (at least RETRY_MIN), capped at MAX_BACKOFF (or the interval, when longer);
    never sooner than the server's Retry-After."""
    cap = max(MAX_BACKOFF, interval)
    wait = min(cap, max(interval, RETRY_MIN) * 2 ** max(0, failures - 1))
    return min(cap, max(wait, retry_after or 0.0))
