"""`veille watch`: feeds, a page listing articles and a folder polled from a real HTTP server on
127.0.0.1 (tests/watch_site.py), into a real store through the real pipeline."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import watch_site as ws
from conftest import ROOT
from watch_site import Served, Site

from veille.ingest.fetch import USER_AGENT, Fetcher
from veille.ingest.links import article_links
from veille.ingest.sources import Source, SourcesError, load_sources
from veille.ingest.watch import MAX_BACKOFF, RETRY_MIN, Watcher, backoff
from veille.pipeline import Ingestor
from veille.store import Store


@pytest.fixture()
def site() -> Iterator[Site]:
    site = Site()
    served = Served(site)
    for item in (ws.RSS_SUMMARY, *ws.LISTED, ws.LATER_SUMMARY, ws.LATER_LISTED):
        site.put(item["path"], ws.article_html(item["title"], item["page"]))
    site.put("/rss.xml", ws.rss(site, [ws.RSS_FULL, ws.RSS_SUMMARY]), "application/rss+xml")
    site.put("/atom.xml", ws.atom(site, [ws.ATOM_FULL]), "application/atom+xml")
    site.put("/international/", ws.listing(site, ws.LISTED), validator="last-modified")
    yield site
    served.close()


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 3, 15, 12, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _source(kind: str, location: str, outlet: str) -> Source:
    return Source(kind=kind, location=location, outlet=outlet, name=location, interval=0.0, delay=0.0)


def _documents(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.con.execute("SELECT source, title, outlet, text FROM documents").fetchall()
    return {r[0]: {"title": r[1], "outlet": r[2], "text": r[3]} for r in rows}


def _refused_url() -> str:
    import socket

    with socket.socket() as sock:  # bound, never listening: connections are refused
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/flux.xml"


# -- the whole round: new entries, seen URLs, 304, summary-only entries, failures ------------------
def test_watching_feeds_and_a_listing_page(site: Site, tmp_path: Path, veille_nlp: Any,
                                           caplog: pytest.LogCaptureFixture) -> None:
    site.fail("/broken.xml", 500)
    site.hang("/slow.xml", 3.0)
    refused = _refused_url()
    sources = [
        _source("feed", site.url("/rss.xml"), "monde-exemple"),
        _source("feed", site.url("/broken.xml"), "cassé"),
        _source("feed", site.url("/atom.xml"), "europe-exemple"),
        _source("feed", site.url("/slow.xml"), "lent"),
        _source("page", site.url("/international/"), "inter-exemple"),
        _source("feed", refused, "absent"),
    ]
    clock = Clock()
    store = Store(tmp_path / "watch.duckdb")
    watcher = Watcher(store, sources, ingestor=Ingestor(store, nlp=veille_nlp), fetcher=Fetcher(timeout=1.0),
                      clock=clock)
    caplog.set_level("INFO", logger="veille.watch")

    first = {r.source.location: r for r in watcher.poll_due()}
    docs = _documents(store)
    full, summary, atom = (site.url(ws.RSS_FULL["path"]), site.url(ws.RSS_SUMMARY["path"]),
                           site.url(ws.ATOM_FULL["path"]))
    listed = [site.url(item["path"]) for item in ws.LISTED]
    assert set(docs) == {full, summary, atom, *listed}
    assert docs[full]["outlet"] == docs[summary]["outlet"] == "monde-exemple"
    assert docs[atom]["outlet"] == "europe-exemple" and docs[listed[0]]["outlet"] == "inter-exemple"
    assert "réouverture de sa frontière" in docs[full]["text"]
    assert "commission mixte" in docs[summary]["text"]  # only on the page: the summary-only entry's page was read
    assert docs[listed[1]]["title"] == ws.LISTED[1]["title"] and "grève générale" in docs[listed[1]]["text"]
    assert site.count(ws.RSS_FULL["path"]) == 0  # full content in the feed: its page is not fetched
    assert site.count(ws.ATOM_FULL["path"]) == 0
    assert site.count("/international/un-lien-de-menu-vers-une-page-de-la-rubrique.html") == 0  # a menu link
    assert site.agents == {USER_AGENT} and USER_AGENT.startswith("veille/")
    sources_rows = store.con.execute("SELECT source, outlet FROM sources").fetchall()
    assert (summary, "monde-exemple") in sources_rows

    # the failing sources are logged with their reason and backed off; the others went on
    assert first[site.url("/broken.xml")].error == "HTTP 500 Internal Server Error"
    assert first[site.url("/slow.xml")].error.startswith("timed out")
    assert first[refused].error.startswith("cannot connect")
    for location in (site.url("/broken.xml"), site.url("/slow.xml"), refused):
        assert first[location].status == "failed"
        assert first[location].next_poll == clock.now + timedelta(seconds=RETRY_MIN)
        assert any(location in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)
    assert "HTTP 500" in caplog.text and "timed out" in caplog.text and "cannot connect" in caplog.text
    assert all(first[s.location].status == "ok" for s in sources if s.kind == "page" or "exemple" in s.outlet)

    # second round, nothing changed: conditional GETs answered 304, no article fetched again,
    # the failing sources not asked (backed off)
    pages_before = {path: site.count(path) for path in site.pages}
    second = {r.source.location: r for r in watcher.poll_due()}
    assert set(second) == {site.url("/rss.xml"), site.url("/atom.xml"), site.url("/international/")}
    assert all(r.status == "not modified" for r in second.values())
    assert site.not_modified["/rss.xml"] == site.not_modified["/atom.xml"] == 1
    assert site.not_modified["/international/"] == 1  # Last-Modified → If-Modified-Since
    for path, count in pages_before.items():
        expected = count + 1 if path in ("/rss.xml", "/atom.xml", "/international/") else count
        assert site.count(path) == expected, path
    assert len(_documents(store)) == 5

    # the site gains entries: only they are fetched
    site.put("/rss.xml", ws.rss(site, [ws.LATER_SUMMARY, ws.RSS_FULL, ws.RSS_SUMMARY]), "application/rss+xml")
    site.put("/international/", ws.listing(site, [ws.LATER_LISTED, *ws.LISTED]), validator="last-modified")
    third = {r.source.location: r for r in watcher.poll_due()}
    assert third[site.url("/rss.xml")].new == 1 and third[site.url("/rss.xml")].fetched == 1
    assert third[site.url("/international/")].new == 1 and third[site.url("/international/")].fetched == 1
    docs = _documents(store)
    assert len(docs) == 7
    assert "gazoduc" in docs[site.url(ws.LATER_SUMMARY["path"])]["text"]
    assert "quatre cents policiers" in docs[site.url(ws.LATER_LISTED["path"])]["text"]
    for item in (ws.RSS_SUMMARY, *ws.LISTED, ws.LATER_SUMMARY, ws.LATER_LISTED):
        assert site.count(item["path"]) == 1, item["path"]  # every article page fetched once, ever

    # the back-off doubles with each failure, up to its cap; a source that comes back is polled at its interval
    clock.advance(RETRY_MIN)
    site.put("/slow.xml", ws.rss(site, [ws.RSS_FULL]), "application/rss+xml")
    fourth = {r.source.location: r for r in watcher.poll_due()}
    assert set(fourth) >= {site.url("/broken.xml"), refused, site.url("/slow.xml")}
    assert fourth[site.url("/broken.xml")].next_poll == clock.now + timedelta(seconds=2 * RETRY_MIN)
    assert fourth[site.url("/slow.xml")].status == "ok"
    assert fourth[site.url("/slow.xml")].report.read == 0  # its entry was taken from another feed already
    assert site.count("/broken.xml") == 2
    assert backoff(60, 30) == MAX_BACKOFF and backoff(60, 1, retry_after=600) == 600
    state = store.con.execute("SELECT failures, last_error FROM watch_sources WHERE location = ?",
                              [site.url("/broken.xml")]).fetchone()
    assert state == (2, "HTTP 500 Internal Server Error")
    store.close()

    # a restarted watcher is as polite: its state and the URLs seen are in the store
    store = Store(tmp_path / "watch.duckdb")
    restarted = Watcher(store, sources[:1] + sources[2:3] + sources[4:5], ingestor=Ingestor(store, nlp=veille_nlp),
                        fetcher=Fetcher(timeout=1.0), clock=clock)
    assert all(r.status == "not modified" for r in restarted.poll_due())
    site.put("/rss.xml", ws.rss(site, [ws.LATER_SUMMARY, ws.RSS_FULL, ws.RSS_SUMMARY]), "application/rss+xml")
    again = restarted.poll_due()
    assert [r.new for r in again if r.status == "ok"] == [0]  # a changed feed, nothing new in it
    assert site.count(ws.LATER_SUMMARY["path"]) == 1
    assert len(_documents(store)) == 7
    store.close()


def test_an_article_that_fails_is_tried_again_at_the_next_poll(site: Site, tmp_path: Path, veille_nlp: Any) -> None:
    site.fail(ws.RSS_SUMMARY["path"], 503)
    gone = {"path": "/international/une-page-retiree-par-la-redaction-du-site.html", "title": "Retirée"}
    site.fail(gone["path"], 404)
    private = {"path": "/international/prive-un-article-reserve-aux-abonnes-du-site.html", "title": "Privé"}
    site.put(private["path"], ws.article_html("Privé", ws.LISTED[1]["page"]))
    site.put("/robots.txt", "User-agent: veille\nDisallow: /international/prive-\n", "text/plain")
    site.put("/international/", ws.listing(site, [gone, private, ws.LISTED[0]]), validator="last-modified")
    store = Store(tmp_path / "retry.duckdb")
    watcher = Watcher(store, [_source("feed", site.url("/rss.xml"), "monde-exemple"),
                              _source("page", site.url("/international/"), "inter-exemple")],
                      ingestor=Ingestor(store, nlp=veille_nlp), fetcher=Fetcher(timeout=2.0), clock=Clock())
    feed, page = watcher.poll_due()
    assert feed.status == "ok" and feed.new == 1 and feed.pending == 1
    row = store.con.execute("SELECT outcome, tries FROM watch_seen WHERE url = ?",
                            [site.url(ws.RSS_SUMMARY["path"])]).fetchone()
    assert row == (None, 1)  # to be fetched again
    assert page.status == "ok" and page.new == 1 and page.report.failed == 2
    assert site.count(private["path"]) == 0 and site.count("/robots.txt") == 1  # robots.txt is obeyed
    site.put(ws.RSS_SUMMARY["path"], ws.article_html(ws.RSS_SUMMARY["title"], ws.RSS_SUMMARY["page"]))
    feed, page = watcher.poll_due()  # the feed is asked for in full again (not 304): an entry was left in it
    assert site.not_modified["/rss.xml"] == 0 and site.not_modified["/international/"] == 1
    assert feed.new == 1 and feed.pending == 0
    assert "commission mixte" in _documents(store)[site.url(ws.RSS_SUMMARY["path"])]["text"]
    site.put("/international/", ws.listing(site, [gone, private, ws.LISTED[0], ws.LISTED[1]]),
             validator="last-modified")
    watcher.poll_due()
    assert site.count(gone["path"]) == 1  # a permanent error (404) is recorded: never asked again
    assert site.count(private["path"]) == 0 and site.count(ws.LISTED[1]["path"]) == 1
    assert site.count(ws.RSS_SUMMARY["path"]) == 2
    outcome = store.con.execute("SELECT outcome FROM watch_seen WHERE url = ?", [site.url(gone["path"])]).fetchone()
    assert outcome == ("HTTP 404 Not Found",)
    outcome = store.con.execute("SELECT outcome FROM watch_seen WHERE url = ?", [site.url(private["path"])]).fetchone()
    assert outcome == ("disallowed by robots.txt",)

    # a page that keeps failing is given up at the third try: the entry's summary is what there is
    site.fail(ws.LATER_SUMMARY["path"], 502)
    site.put("/rss.xml", ws.rss(site, [ws.LATER_SUMMARY, ws.RSS_FULL, ws.RSS_SUMMARY]), "application/rss+xml")
    assert [watcher.poll_due()[0].new for _ in range(3)] == [0, 0, 1]
    watcher.poll_due()
    assert site.count(ws.LATER_SUMMARY["path"]) == 3
    text = _documents(store)[site.url(ws.LATER_SUMMARY["path"])]["text"]
    assert ws.LATER_SUMMARY["summary"] in text and "gazoduc" not in text
    store.close()


def test_a_folder_source(tmp_path: Path, veille_nlp: Any) -> None:
    inbox = tmp_path / "depeches"
    inbox.mkdir()
    (inbox / "senegal.txt").write_text(ws.RSS_FULL["title"] + "\n\n" + ws.RSS_FULL["text"], "utf-8")
    old = time.time() - 60
    os.utime(inbox / "senegal.txt", (old, old))
    store = Store(tmp_path / "folder.duckdb")
    watcher = Watcher(store, [Source("folder", str(inbox), "agence-locale", "dépêches", interval=0.0)],
                      ingestor=Ingestor(store, nlp=veille_nlp), clock=Clock())
    [first] = watcher.poll_due()
    assert first.new == 1
    (inbox / "georgie.txt").write_text(ws.ATOM_FULL["title"] + "\n\n" + ws.ATOM_FULL["text"], "utf-8")
    [second] = watcher.poll_due()  # just written: left until it has settled
    assert second.new == 0 and second.pending == 1
    os.utime(inbox / "georgie.txt", (old, old))
    [third] = watcher.poll_due()
    assert third.new == 1 and third.report.read == 1  # the first file is not read again
    outlets = {r[0] for r in store.con.execute("SELECT outlet FROM documents").fetchall()}
    assert outlets == {"agence-locale"}
    store.close()


# -- SOURCES.yaml ---------------------------------------------------------------------------------
def test_sources_yaml(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n"
                    "  - feed: https://www.example.org/rss.xml\n    outlet: exemple\n    interval: 10m\n"
                    "  - page: https://www.example.org/international/\n    outlet: exemple\n"
                    "    links: '/international/.+\\.html$'\n    delay: 2s\n"
                    "  - folder: depeches\n    outlet: agence\n    name: Dépêches\n", "utf-8")
    feed, page, folder = load_sources(path)
    assert (feed.kind, feed.interval, feed.outlet) == ("feed", 600.0, "exemple")
    assert page.links is not None and page.delay == 2.0 and page.interval == 15 * 60
    assert folder.location == str(tmp_path / "depeches") and folder.name == "Dépêches"
    assert load_sources(ROOT / "examples" / "sources.yaml")  # the README's example is valid

    def error(text: str) -> str:
        path.write_text(text, "utf-8")
        with pytest.raises(SourcesError) as caught:
            load_sources(path)
        message = str(caught.value)
        assert message.startswith(f"{path}: "), message
        return message

    assert "entry 2 (https://b.example.org/f.xml): outlet: required" in error(
        "sources:\n  - feed: https://a.example.org/f.xml\n    outlet: a\n  - feed: https://b.example.org/f.xml\n")
    assert "entry 1 (https://a.example.org/f.xml): unknown key 'intervall'" in error(
        "- feed: https://a.example.org/f.xml\n  outlet: a\n  intervall: 5m\n")
    assert "entry 1 (x): interval: 'souvent' is not a duration" in error(
        "- {feed: https://a.example.org/f.xml, outlet: a, interval: souvent, name: x}\n")
    assert "entry 2 (https://a.example.org/f.xml): same feed as entry 1" in error(
        "- {feed: https://a.example.org/f.xml, outlet: a}\n- {feed: https://a.example.org/f.xml, outlet: b}\n")
    assert "entry 1: give exactly one of feed, page or folder" in error("- {outlet: a}\n")
    assert "entry 1 (ftp://a.example.org/): page: 'ftp://a.example.org/' is not an http(s) URL" in error(
        "- {page: 'ftp://a.example.org/', outlet: a}\n")
    assert "not valid YAML (line 2, column 1)" in error("sources:\n\t- feed: x\n")
    assert "expected a list of sources" in error("sources: []\n")
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "nowhere.yaml")


def test_article_links_are_same_site_articles() -> None:
    html = ws.listing(Site(base="https://www.example.org"), ws.LISTED)
    links = article_links(html, "https://www.example.org/international/")
    assert links == [f"https://www.example.org{item['path']}" for item in ws.LISTED]
    import re

    only = article_links(html, "https://example.org/international/", re.compile(r"japonais"))
    assert only == [f"https://example.org{ws.LISTED[0]['path']}"]  # www. or not: the same site


# -- the command ------------------------------------------------------------------------------------
def _veille(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "veille.cli", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "160"}, **kwargs)


def test_veille_watch_once_then_until_sigterm(site: Site, tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"sources:\n  - feed: {site.url('/rss.xml')}\n    outlet: monde-exemple\n    interval: 0.2\n"
                       f"    delay: 0\n  - page: {site.url('/international/')}\n    outlet: inter-exemple\n"
                       "    interval: 0.2\n    delay: 0\n", "utf-8")
    db = tmp_path / "cli.duckdb"
    first = _veille("watch", str(sources), "--db", str(db), "--once")
    assert first.returncode == 0, first.stderr
    assert "2 new" in first.stderr and "1 page fetched" in first.stderr  # the feed, then the page
    again = _veille("watch", str(sources), "--db", str(db), "--once")
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("not modified") == 2
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 4
        assert store.counts()["watch_seen"] == 4
    assert site.count(ws.RSS_SUMMARY["path"]) == site.count(ws.LISTED[0]["path"]) == 1

    # a bad SOURCES.yaml: a clear error naming the file and the entry, the store untouched
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"- feed: {site.url('/rss.xml')}\n  outlet: a\n- page: {site.url('/')}\n", "utf-8")
    failed = _veille("watch", str(bad), "--db", str(db), "--once")
    assert failed.returncode == 2
    assert f"{bad}: entry 2 ({site.url('/')}): outlet: required" in " ".join(failed.stderr.split())
    refused = _veille("serve", "--watch", str(bad), "--db", str(db), "--port", "9")
    assert refused.returncode == 2 and "entry 2" in refused.stderr

    # running until stopped: SIGTERM ends it cleanly between polls
    process = subprocess.Popen([sys.executable, "-m", "veille.cli", "watch", str(sources), "--db", str(db)],
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while site.not_modified["/international/"] < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert site.not_modified["/international/"] >= 3, "the watcher did not poll"
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    assert "stopping after the current batch (SIGTERM)" in stderr and "veille: stopped" in stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 4
