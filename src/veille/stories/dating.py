"""Dates from the story: the relative dates of a document without a day-precise publication date,
resolved against the publication days of the other documents of its story.

A dispatch without a publication day ("mardi", "dans la nuit de lundi à mardi", "hier") leaves
the tagger nothing to count from: those expressions stay unresolved ("XXXX-WXX-2") and the events
they date fall back to the partial publication date (a month, or nothing). The other documents of
the story were mostly published on known days, and the document is one more report of the same
news, so their days stand in for its own.

The anchor rule (:func:`story_anchor`):

- a document whose own publication date has day precision is never re-dated;
- witnesses are the day-precise publication dates of the other documents of the story that are
  *compatible* with the document's own partial date (same month for "2022-09", same year for
  "2022", any for none);
- when the document republishes, or is republished by, a witness (same original), the earliest
  such copy's day is the anchor: the same text, printed that day;
- otherwise the anchor is the lower median of the witnesses. A story's reports cluster around
  its news; the median is the day most of them are near and ignores the stray ones (a preview
  published the day before, a follow-up a week later), which the earliest or latest would not.
  With an even count the earlier middle day is taken, so the anchor is a real publication day.

A weekday then resolves as the tagger resolves it against a publication date: the latest such day
on or before the anchor, "hier" the day before it, "la veille" the day before the last date told, and so
on (the whole text is re-tagged with the anchor by :func:`veille.events.timex.tag`). Only
expressions the document's own publication date left without a day are taken ("newly placed");
expressions the text already placed keep their value.

Which events (:func:`redate`): those that fell back to the publication date (``date_fallback``
with no ``date_text``), plus those an earlier run re-dated (``date_anchor`` set), which are
recomputed from their original state so a run is idempotent and only depends on the story's
final membership. Without the parse the coder had, an event takes, like the coder does: a newly
placed expression of its own sentence (the nearest to its trigger), else the narrative date: the
first newly placed expression of the last sentence before it that has one (not one counting from
or to it: "depuis mardi", "avant lundi"). A re-dated event gets the day, ``date_text`` the expression,
``date_fallback`` false (the date is the text's own) and ``date_anchor`` the story day it was
counted from; an event left without such an expression gets back its publication fallback.
The DATE/TIME mentions of newly placed expressions get the re-resolved ``value`` too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from veille.events.dates import night_end, normalise, precision_of
from veille.events.timex import Timex, tag
from veille.model import load_model
from veille.store import derived
from veille.store.duckdb_store import ARROW_TYPES, quote
from veille.stories.merge import DocInfo
from veille.stories.text import story_words

# words before an expression that make it a bound, not the story's day ("depuis mardi")
_NOT_NARRATIVE = re.compile(
    "(?:" + "|".join(re.escape(w).replace("'", r"['’]\s*") for w in story_words("bound_words")) + r")\s*$",
    re.IGNORECASE)
_TIMEX_LABELS = ("DATE", "TIME")


@dataclass(frozen=True)
class Redated:
    """The date columns of an event after story dating."""

    date: str | None
    date_precision: str | None
    date_text: str | None
    date_fallback: bool
    date_anchor: str | None


def _day(published: str | None) -> bool:
    return precision_of(normalise(published)) == "day"


def compatible(published: str | None, day: str) -> bool:
    """A day another document was published on fits this document's own partial date."""
    own = normalise(published)
    return own is None or day.startswith(own)


def story_anchor(doc: DocInfo, members: Iterable[DocInfo]) -> str | None:
    """The day ``doc``'s relative dates count from, or None (see the module doc for the rule)."""
    return StoryAnchors(members).anchor(doc)


class StoryAnchors:
    """The witnesses of one story, sorted once, so that each of its documents finds its anchor
    by bisection (the days compatible with a partial date are a contiguous run of them)."""

    def __init__(self, members: Iterable[DocInfo]) -> None:
        witnesses = sorted(
            (normalise(m.published) or "", m.doc_id, m.original) for m in members if _day(m.published)
        )
        self.days = [day for day, _, _ in witnesses]
        self.by_original: dict[str | None, list[tuple[str, str]]] = {}
        for day, doc_id, original in witnesses:
            self.by_original.setdefault(original, []).append((day, doc_id))

    def anchor(self, doc: DocInfo) -> str | None:
        if _day(doc.published):
            return None
        own = normalise(doc.published) or ""
        copies = self.by_original.get(doc.original, [])
        first = bisect_left(copies, (own, ""))
        for day, doc_id in copies[first:]:
            if not day.startswith(own):
                break
            if doc_id != doc.doc_id:
                return day[:10]
        start, end = bisect_left(self.days, own), bisect_left(self.days, own + "\uffff")
        if start == end:
            return None
        return self.days[start + (end - start - 1) // 2][:10]


def _key(t: Timex) -> tuple[int, int]:
    return t.start, t.end


def newly_placed(text: str, published: str | None, anchor: str) -> tuple[list[Timex], list[Timex]]:
    """(original, placed): the text's temporal expressions as tagged with its own publication date,
    and those of them without a day that the anchor places on one, with their new value."""
    original = tag(text, published, tense="auto")
    unplaced = {_key(t) for t in original if t.label in _TIMEX_LABELS and t.precision != "day"}
    placed = [t for t in tag(text, anchor, tense="auto") if _key(t) in unplaced and t.precision == "day"]
    return original, placed


def _trigger_at(text: str, event: Mapping[str, Any]) -> int:
    start, end = int(event.get("start") or 0), int(event.get("end") or 0)
    trigger = str(event.get("trigger") or "")
    if trigger:
        found = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", text[start:end])
        if found:
            return start + found.start()
    return start


def event_timex(text: str, event: Mapping[str, Any], placed: Sequence[Timex],
                sentences: Sequence[tuple[int, int]] = ()) -> Timex | None:
    """The newly placed expression that dates an event: of its own sentence, the nearest to its
    trigger; else the narrative date: the first one of the last sentence before it that has one
    (a sentence names its own time first, "Mercredi, ..." / "a annoncé mercredi qu'...", before
    times relative to it, "la veille"), leaving out bounds ("depuis mardi", "avant lundi")."""
    start, end = int(event.get("start") or 0), int(event.get("end") or 0)
    own = [t for t in placed if start <= t.start and t.end <= end]
    if own:
        at = _trigger_at(text, event)
        return min(own, key=lambda t: (min(abs(t.start - at), abs(t.end - at)), t.start))
    before = [t for t in placed if t.end <= start and not _NOT_NARRATIVE.search(text[max(0, t.start - 12):t.start])]
    if not before:
        return None
    last = before[-1]
    sentence = next(((s, e) for s, e in sentences if s <= last.start < e), (last.start, last.end))
    return next(t for t in before if sentence[0] <= t.start)


def original_date(published: str | None) -> Redated:
    """The publication fallback the coder gave an event no expression dated."""
    value = normalise(published)
    return Redated(value, precision_of(value), None, True, None)


def is_candidate(event: Mapping[str, Any]) -> bool:
    """An event dated by the publication fallback, or already dated from the story."""
    return bool(event.get("date_anchor")) or (bool(event.get("date_fallback")) and not event.get("date_text"))


def redate(text: str, published: str | None, anchor: str | None, events: Sequence[Mapping[str, Any]],
           sentences: Sequence[tuple[int, int]] = ()) -> tuple[dict[str, Redated], dict[tuple[int, int, str], str]]:
    """Pure: the date of every candidate event of one document (by event_id), and the TIMEX3 value
    of each of its temporal expressions without an own day ((start, end, label) → value: re-resolved with
    the anchor, else the original one)."""
    if anchor is None:
        original, placed = tag(text, published, tense="auto"), []
    else:
        original, placed = newly_placed(text, published, anchor)
    values = {(t.start, t.end, t.label): t.value for t in original if t.label in _TIMEX_LABELS and t.precision != "day"}
    values.update({(t.start, t.end, t.label): t.value for t in placed})
    dates: dict[str, Redated] = {}
    for event in events:
        if not is_candidate(event):
            continue
        timex = event_timex(text, event, placed, sentences) if placed else None
        if timex is None:
            dates[str(event["event_id"])] = original_date(published)
        else:
            day = night_end(timex) or normalise(timex.value)
            dates[str(event["event_id"])] = Redated(day, "day", timex.text, False, anchor)
    return dates, values


# -- the store ---------------------------------------------------------------------------
_COLUMNS = ("date", "date_precision", "date_text", "date_fallback", "date_anchor")
REDATE_CHUNK = 200  # documents whose texts are held at once


def date_from_stories(con: duckdb.DuckDBPyConnection, docs: Mapping[str, Mapping[str, DocInfo]]) -> int:
    """Re-date, in the store, the events and temporal mentions of the documents of these stories
    (story id → doc id → DocInfo) that have no day-precise publication date. Returns the number of
    events whose date changed."""
    return len(date_documents(con, story_targets(docs)))


def story_targets(docs: Mapping[str, Mapping[str, DocInfo]],
                  upto: Mapping[str, int] | None = None) -> dict[str, str | None]:
    """The documents of these stories without a publication day, with the day each counts from.
    With `upto` (story id → the highest seq of the documents it held when last dated), only those
    of a story in it that came later or whose anchor moved with the newcomers: the others are dated
    already."""
    targets: dict[str, str | None] = {}
    for story_id, members in docs.items():
        undated = [doc for doc in members.values() if not _day(doc.published)]
        if not undated:
            continue
        anchors = StoryAnchors(members.values())
        limit = (upto or {}).get(story_id)
        before = None if limit is None else StoryAnchors(m for m in members.values() if m.seq <= limit)
        for doc in undated:
            anchor = anchors.anchor(doc)
            if before is None or limit is None or doc.seq > limit or before.anchor(doc) != anchor:
                targets[doc.doc_id] = anchor
    return targets


def date_documents(con: duckdb.DuckDBPyConnection, targets: Mapping[str, str | None]) -> list[tuple[str, str]]:
    """Re-date the events and temporal mentions of these documents (doc id → anchor) in the store;
    returns (event_id, doc_id) of the events whose date changed."""
    ids = list(targets)
    changed: list[tuple[str, str]] = []
    for i in range(0, len(ids), REDATE_CHUNK):
        changed += _redate(con, ids[i : i + REDATE_CHUNK], targets)
    return changed


def _redate(con: duckdb.DuckDBPyConnection, ids: list[str], targets: Mapping[str, str | None]
            ) -> list[tuple[str, str]]:
    candidates: dict[str, list[dict[str, Any]]] = {}
    cursor = con.execute(
        "SELECT event_id, doc_id, start, \"end\", trigger, date, date_precision, date_text, date_fallback, "
        "date_anchor FROM events WHERE doc_id IN (SELECT unnest(?)) "
        "AND (date_anchor IS NOT NULL OR (date_fallback AND date_text IS NULL)) ORDER BY event_id",
        [ids],
    )
    names = [c[0] for c in cursor.description]
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        candidates.setdefault(row["doc_id"], []).append(row)
    texts = {
        r[0]: (r[1], r[2])
        for r in con.execute("SELECT doc_id, text, published FROM documents WHERE doc_id IN (SELECT unnest(?))",
                             [ids]).fetchall()
    }
    stored: dict[str, list[tuple[int, int, str, str | None]]] = {}
    for doc_id, start, end, label, value in con.execute(
        "SELECT doc_id, start, \"end\", label, value FROM mentions WHERE doc_id IN (SELECT unnest(?)) "
        "AND label IN ('DATE', 'TIME')",
        [ids],
    ).fetchall():
        stored.setdefault(doc_id, []).append((int(start), int(end), label, value))
    sentences: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in con.execute(
        "SELECT doc_id, start, \"end\" FROM sentences WHERE doc_id IN (SELECT unnest(?)) ORDER BY doc_id, start",
        [[d for d in ids if targets[d] is not None]],
    ).fetchall():
        sentences.setdefault(doc_id, []).append((int(start), int(end)))
    event_updates: list[dict[str, Any]] = []
    changed: list[tuple[str, str]] = []
    mention_updates: dict[tuple[str, int, int, str], dict[str, Any]] = {}  # one value per mention
    for doc_id in ids:
        text, published = texts[doc_id]
        dates, values = redate(text or "", published, targets[doc_id], candidates.get(doc_id, []),
                               sentences.get(doc_id, []))
        for event in candidates.get(doc_id, []):
            new = dates.get(str(event["event_id"]))
            if new is not None and tuple(getattr(new, c) for c in _COLUMNS) != tuple(event[c] for c in _COLUMNS):
                event_updates.append({"event_id": event["event_id"], **{c: getattr(new, c) for c in _COLUMNS}})
                changed.append((str(event["event_id"]), doc_id))
        for (t_start, t_end, t_label), value in values.items():
            # the mention of the expression covers it (spaCy spans are expanded to whole tokens)
            for m_start, m_end, m_label, m_value in stored.get(doc_id, []):
                if m_label == t_label and m_start <= t_start and t_end <= m_end and m_value != value:
                    mention_updates.setdefault((doc_id, m_start, m_end, m_label), {
                        "doc_id": doc_id, "start": m_start, "end": m_end, "label": m_label, "value": value})
    if event_updates:
        with derived.changing(con, [u["event_id"] for u in event_updates]):  # the event index and sums follow
            _update(con, "events", ["event_id"], event_updates)
    if mention_updates:
        _update(con, "mentions", ["doc_id", "start", "end", "label"], list(mention_updates.values()))
    return changed


def _update(con: duckdb.DuckDBPyConnection, table: str, key: list[str], rows: list[dict[str, Any]]) -> None:
    """Set the other columns of ``rows`` on the rows of ``table`` matching their ``key``, in one statement."""
    spec = load_model()[table]
    names = list(rows[0])
    frame = pa.table({n: pa.array([r[n] for r in rows], ARROW_TYPES[spec.field(n).type]) for n in names})
    sets = ", ".join(f"{quote(n)} = u.{quote(n)}" for n in names if n not in key)
    where = " AND ".join(f"{quote(table)}.{quote(k)} = u.{quote(k)}" for k in key)
    con.register("_veille_dating", frame)
    try:
        con.execute(f"UPDATE {quote(table)} SET {sets} FROM _veille_dating u WHERE {where}")
    finally:
        con.unregister("_veille_dating")
