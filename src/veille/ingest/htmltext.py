"""HTML fragments (feed entries, record fields) to plain text with paragraphs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = (
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td th thead tr ul"
)
_SKIP_TAGS = "script style noscript template iframe svg head object embed canvas"
_BLOCK = frozenset(_BLOCK_TAGS.split())
_SKIP = frozenset(_SKIP_TAGS.split())
_TAG = re.compile(
    r"<(?:p|div|br|span|a|b|i|em|strong|ul|ol|li|h[1-6]|img|blockquote|table|figure)\b[^>]*>", re.IGNORECASE
)


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup (at least two tags)."""
    return len(_TAG.findall(text[:20000])) >= 2


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(re.sub(r"\s+", " ", data))  # HTML white space, line breaks included


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment; block elements become paragraphs separated by a blank line."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    raw = "".join(collector.parts)
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)
