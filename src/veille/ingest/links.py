"""The article links of a page listing articles (a section front, a "latest news" page)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

# Links in these are menus, not the list of articles.
_CHROME = frozenset({"nav", "header", "footer", "aside"})
_PAGE_SUFFIXES = frozenset({"", ".html", ".htm", ".shtml", ".php", ".asp", ".aspx"})
_SLUG_WORDS = re.compile(r"[-_]+")
_ARTICLE_ID = re.compile(r"\d{5,}")


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.hrefs: list[str] = []
        self.chrome = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CHROME:
            self.chrome += 1
        href = dict(attrs).get("href")
        if href is None:
            return
        if tag == "base" and self.base is None:
            self.base = href.strip()
        elif tag == "a" and not self.chrome:
            self.hrefs.append(href.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in _CHROME and self.chrome:
            self.chrome -= 1


def _site(host: str | None) -> str:
    return (host or "").lower().removeprefix("www.")


def looks_like_article(url: str) -> bool:
    """A path whose last part is a slug of three words or more, or that holds a long number (an id)."""
    path = urlsplit(url).path
    last = path.rstrip("/").rsplit("/", 1)[-1]
    stem, dot, suffix = last.rpartition(".")
    if not dot:
        stem, suffix = last, ""
    if f".{suffix}".lower() not in _PAGE_SUFFIXES and suffix:
        return False  # an image, a PDF, a feed
    words = [w for w in _SLUG_WORDS.split(stem) if w]
    return len(words) >= 3 or bool(_ARTICLE_ID.search(path))


def article_links(html: str, page_url: str, pattern: re.Pattern[str] | None = None) -> list[str]:
    """Absolute URLs of the page's links to articles of the same site, in page order, each once.

    Links in nav/header/footer/aside are menus and left out; a link is an article when it
    matches `pattern` (searched in the absolute URL), else when it looks like one."""
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    base = urljoin(page_url, parser.base) if parser.base else page_url
    site = _site(urlsplit(page_url).hostname)
    page = urldefrag(page_url).url
    found: dict[str, None] = {}
    for href in parser.hrefs:
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        url = urldefrag(urljoin(base, href)).url
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _site(parts.hostname) != site or url == page:
            continue
        if parts.path in ("", "/") and not parts.query:
            continue
        if pattern.search(url) if pattern is not None else looks_like_article(url):
            found.setdefault(url, None)
    return list(found)
