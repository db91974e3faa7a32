"""Article text as safe HTML: every text segment escaped, mentions and event sentences marked
with the stored character offsets. Never trusts the text: markup is only ever added around
escaped segments (`Markup.format` escapes its arguments)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from veille.model import TIME_LABELS


@dataclass
class Run:
    """A stretch of text covered by the same set of event sentences."""

    id: str
    events: tuple[str, ...]
    pieces: list[tuple[str, dict[str, Any] | None]] = field(default_factory=list)


def _spans(items: Iterable[dict[str, Any]], text: str, *, trim: bool = False) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, item) of the items whose offsets are valid in `text`; `trim` drops the
    whitespace at either end (a sentence's trailing line breaks are not part of what it says)."""
    out = []
    for item in items:
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        start, end = max(0, start), min(len(text), end)
        if trim:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        if start < end:
            out.append((start, end, item))
    return out


def runs(text: str, mentions: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]) -> list[Run]:
    """The text cut at every mention and event boundary (sweep over sorted boundaries), grouped
    into runs of equal event sets; inside a run, pieces carry the innermost mention covering them."""
    length = len(text)
    ment = _spans(mentions, text)
    evs = _spans(events, text, trim=True)
    cuts = sorted({0, length, *(s for s, _, _ in ment), *(e for _, e, _ in ment),
                   *(s for s, _, _ in evs), *(e for _, e, _ in evs)})
    starts_m: dict[int, list[tuple[int, int, dict[str, Any]]]] = {}
    starts_e: dict[int, list[tuple[int, int, dict[str, Any]]]] = {}
    for span in ment:
        starts_m.setdefault(span[0], []).append(span)
    for span in evs:
        starts_e.setdefault(span[0], []).append(span)
    active_m: list[tuple[int, int, dict[str, Any]]] = []
    active_e: list[tuple[int, int, dict[str, Any]]] = []
    out: list[Run] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active_m = [s for s in active_m if s[1] > left] + starts_m.get(left, [])
        active_e = [s for s in active_e if s[1] > left] + starts_e.get(left, [])
        event_ids = tuple(sorted({str(s[2].get("event_id")) for s in active_e}))
        mention = min(active_m, key=lambda s: (s[1] - s[0], not (s[2].get("code") or s[2].get("actor_id"))),
                      default=None)
        piece = (text[left:right], mention[2] if mention else None)
        if out and out[-1].events == event_ids:
            last = out[-1].pieces[-1]
            if last[1] is piece[1]:
                out[-1].pieces[-1] = (last[0] + piece[0], last[1])
            else:
                out[-1].pieces.append(piece)
        else:
            out.append(Run(f"r{len(out)}", event_ids, [piece]))
    return out


def mention_kind(mention: dict[str, Any]) -> str:
    if mention.get("actor_id") or mention.get("code"):
        return "actor"
    if mention.get("label") in TIME_LABELS:
        return "date"
    return "entity"


def mention_title(mention: dict[str, Any]) -> str:
    parts = [mention.get("label"), mention.get("code"), mention.get("actor_id"), mention.get("sector"),
             mention.get("value")]
    return " · ".join(str(p) for p in parts if p)


def render(article_runs: Sequence[Run]) -> Markup:
    """HTML of the runs: event sentences as <span class="sent">, mentions as <mark>."""
    html: list[Markup] = []
    for run in article_runs:
        inner = Markup("").join(
            Markup('<mark class="m m-{}" title="{}">{}</mark>').format(mention_kind(m), mention_title(m), text)
            if m else escape(text)
            for text, m in run.pieces
        )
        if run.events:
            html.append(Markup('<span class="sent" id="{}" data-events="{}" tabindex="-1">{}</span>').format(
                run.id, " ".join(run.events), inner))
        else:
            html.append(inner)
    return Markup("").join(html)


def anchors(article_runs: Sequence[Run]) -> dict[str, str]:
    """event_id → id of the first run of its sentence."""
    out: dict[str, str] = {}
    for run in article_runs:
        for event_id in run.events:
            out.setdefault(event_id, run.id)
    return out


def mark_terms(text: str, pattern: re.Pattern[str] | None) -> Markup:
    """`text` escaped, with the matches of `pattern` (search terms) in <mark>."""
    if pattern is None:
        return escape(text)
    html: list[Markup] = []
    last = 0
    for match in pattern.finditer(text):
        if match.end() == match.start():
            continue
        html.append(escape(text[last : match.start()]))
        html.append(Markup('<mark class="hit">{}</mark>').format(match.group()))
        last = match.end()
    html.append(escape(text[last:]))
    return Markup("").join(html)
