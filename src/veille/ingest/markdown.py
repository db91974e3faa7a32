"""Markdown detection and removal, line by line, keeping the block structure cleaning needs."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_SIGNALS = [
    re.compile(r"^\s{0,3}#{1,6}\s+\S", re.MULTILINE),  # ATX heading
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # strong emphasis
    re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"),  # link or image
    re.compile(r"<(?:https?|ftp)://[^>\s]+>"),  # autolink
    re.compile(r"^\s{0,3}[^\n]+\n\s{0,3}(?:=+|-{3,})\s*$", re.MULTILINE),  # setext heading
]

_HR = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_ATX = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE = re.compile(r"`+([^`]*)`+")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\s*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\s*\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^@>\s<]+@[^>\s<]+\.[a-z]{2,})>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"]+")
_STRONG = re.compile(r"\*+(?=\S)|(?<=\S)\*+")
_UNDERSCORE = re.compile(r"(?<![\w\\])_+(?=\S)|(?<=\S)_+(?!\w)")
_STRIKE = re.compile(r"~~")
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009\u3000]+")


def looks_like_markdown(text: str) -> bool:
    """True when the text uses Markdown syntax: headings, strong emphasis, links or autolinks."""
    sample = text[:200_000]
    return any(signal.search(sample) for signal in _SIGNALS)


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def strip_inline(text: str) -> str:
    """Remove inline Markdown from one line: emphasis, links, images, autolinks, code, escapes."""
    text = _ESCAPE.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFLINK.sub(r"\1", text)
    text = _FOOTNOTE.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    # URLs keep their '*' and '_': set them aside while emphasis is removed.
    urls: list[str] = []

    def _keep(match: re.Match[str]) -> str:
        urls.append(match.group(0))
        return f"\ue000{len(urls) - 1}\ue001"

    text = _URL.sub(_keep, text)
    text = _STRIKE.sub("", text)
    text = _STRONG.sub("", text)
    text = _UNDERSCORE.sub("", text)
    text = re.sub("\ue000(\\d+)\ue001", lambda m: urls[int(m.group(1))], text)
    return collapse_spaces(text)


@dataclass
class Line:
    """One source line: its raw form, its text without Markdown, and what kind of block it is."""

    raw: str
    text: str
    kind: str  # blank | heading | item | text
    hard_break: bool = False


def split_lines(text: str, markdown: bool) -> list[Line]:
    """Lines of a document; with markdown=True, block syntax is interpreted and inline syntax removed."""
    lines: list[Line] = []
    for raw in text.split("\n"):
        if not markdown:
            body = collapse_spaces(raw)
            lines.append(Line(raw, body, "text" if body else "blank"))
            continue
        if _HR.match(raw) or _REFDEF.match(raw):
            lines.append(Line(raw, "", "blank"))
            continue
        if _SETEXT.match(raw) and lines and lines[-1].kind == "text" and not lines[-1].hard_break:
            lines[-1].kind = "heading"
            lines.append(Line(raw, "", "blank"))
            continue
        hard_break = raw.endswith(("  ", "\\")) and bool(raw.strip())
        body = _QUOTE.sub("", raw).rstrip()
        if body.endswith("\\") and not body.endswith("\\\\"):
            body = body[:-1]
        kind = "text"
        heading = _ATX.match(body)
        if heading:
            kind, body = "heading", heading.group(1)
        elif _BULLET.match(body):
            kind, body = "item", _BULLET.sub("", body, count=1)
        body = strip_inline(body)
        lines.append(Line(raw, body, kind if body else "blank", hard_break))
    return lines
