"""`veille serve --watch`: the real command (uvicorn on 127.0.0.1) watches a feed of the local test
site while serving; headless Chromium (Debian's, driven by Playwright) sees a new article appear on
the search page without a restart. Screenshot in artifacts/screenshots/."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import watch_site as ws
from watch_site import Served, Site

from test_api_server import Tab, free_port

pytest_plugins = ["test_api_server"]


def _until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout:g} s")
        time.sleep(0.2)


def _titles(tab: Tab, base: str, query: str) -> list[str]:
    tab.open(base, f"/?q={query}")
    return [title.strip() for title in tab.page.locator(".hit-item h3").all_text_contents()]


def test_serve_watch_shows_new_articles_without_a_restart(tmp_path: Path, tab: Tab) -> None:
    site = Site()
    served = Served(site)
    site.put(ws.RSS_SUMMARY["path"], ws.article_html(ws.RSS_SUMMARY["title"], ws.RSS_SUMMARY["page"]))
    site.put("/rss.xml", ws.rss(site, [ws.RSS_FULL]), "application/rss+xml")
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"- feed: {site.url('/rss.xml')}\n  outlet: monde-exemple\n  interval: 0.5s\n", "utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "veille.cli", "serve", "--watch", str(sources), "--db", str(tmp_path / "live.duckdb"),
         "--port", str(port)], stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "160"})
    try:
        def up() -> bool:
            try:
                return httpx.get(base + "/api/stats", timeout=2).status_code == 200
            except httpx.HTTPError:
                return process.poll() is not None  # exited: the assertion below tells
        _until(up, 60, "the server did not start")
        assert process.poll() is None, process.stderr.read() if process.stderr else ""

        # the feed's first article arrives (the watcher thread loads the model first)
        _until(lambda: ws.RSS_FULL["title"] in _titles(tab, base, "frontière"), 120, "the first article")
        assert _titles(tab, base, "Rabat") == []

        # a new entry in the feed (a summary only: its page is fetched) shows up on the same server
        site.put("/rss.xml", ws.rss(site, [ws.RSS_SUMMARY, ws.RSS_FULL]), "application/rss+xml")
        _until(lambda: ws.RSS_SUMMARY["title"] in _titles(tab, base, "Rabat"), 60, "the new article")
        tab.shot("serve-watch-new-article")
        tab.page.get_by_role("link", name=ws.RSS_SUMMARY["title"]).click()
        tab.page.wait_for_load_state()
        assert "commission mixte" in tab.page.locator("main").inner_text()  # the article page's text
        assert httpx.get(base + "/api/documents", timeout=10).json()["total"] == 2
        assert site.count(ws.RSS_SUMMARY["path"]) == 1
        assert not tab.errors and not tab.dialogs

        process.send_signal(signal.SIGTERM)  # uvicorn stops, and the watcher with it
        _, stderr = process.communicate(timeout=60)
        # uvicorn shuts down gracefully, then exits by the signal it caught
        assert process.returncode in (0, -signal.SIGTERM), stderr
        assert "Application shutdown complete" in stderr and "Traceback" not in stderr, stderr
        assert f"{site.url('/rss.xml')}: 1 new" in stderr, stderr  # the watcher's log
    finally:
        process.kill()
        served.close()
