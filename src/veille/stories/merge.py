"""Merged events: one record per real-world event, across the documents of a story.

Two event mentions of the same story are the same real-world event when:

- their PLOVER types are of the same family (`family` of model/vocabulary.yaml: e.g. AID and MOBILIZE for a
  troop deployment, PROTEST/COERCE/ASSAULT for unrest and its repression);
- their statuses are of the same group (vocabulary.yaml): both factual (asserted, reported or
  denied) or both announced (future) or both hypothetical;
- their parties overlap: actor codes meet actor codes and recipient codes meet
  recipient codes (either side may be unknown, not both; any side for reciprocal
  types), or they are the very same sentence (a republication);
- their dates agree at the coarser precision, within a day (a week when one of them is
  only the report date), and their location codes, when both known, are equal; an
  undated mention only joins mentions of its own type whose figures agree with its own;
- they do not come from the same document with different figures (a text that gives
  two tolls is telling two events apart).

Mentions are taken in processing order, originals first; each joins the best
compatible merged event or starts one. Mentions from republications only ever join
(they are not new events), but their outlets are counted as carriers.

`Grouper` does the grouping one mention at a time, and may start from merged events grouped
earlier: the events of a story's new documents come after all its earlier ones, so adding them to
the stored merged events gives what grouping the whole story again would (`engine._add_events`).

Grouping only needs a few fields of each event (`Mention.slim`), so a long story is
grouped from slim mentions and its records are built a chunk of groups at a time
(`merge_story_chunks`): memory follows the story's number of events, not their text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from typing import Any

from veille.ingest.outlets import WEB_SCHEMES, scheme_of
from veille.ingest.readers import host_of
from veille.model.vocabulary import load_vocabulary
from veille.stories.profile import parse_published
from veille.stories.text import fold

VOCABULARY = load_vocabulary()  # types' families, statuses' groups and order (model/vocabulary.yaml)
RECIPROCAL = frozenset(t.family for t in VOCABULARY.types.values() if t.reciprocal)
STATUS_GROUP = {name: status.group for name, status in VOCABULARY.statuses.items()}
STATUS_ORDER = VOCABULARY.status_order
SIZE_KEYS = ("troops", "dead", "injured", "arrested")
SLIM_KEYS = ("event_id", "doc_id", "start", "type")
RECORD_CHUNK = 5_000  # mentions whose full events are held at once when building records
DAY_TOLERANCE = 1
FALLBACK_TOLERANCE = 7


def family(event_type: str | None) -> str:
    return VOCABULARY.family(event_type)


@dataclass(frozen=True)
class DocInfo:
    doc_id: str
    seq: int
    outlet: str | None
    source: str | None
    published: str | None
    original: str  # its own id, or the original's when a republication
    carriers: tuple[str, ...] = ()  # outlets of the exact copies (sources table)
    outlet_id: str | None = None  # its outlet profile (ingest.outlets), when known
    outlet_kind: str | None = None
    outlet_state: str | None = None  # the state whose government or ruling party controls the outlet

    @property
    def is_copy(self) -> bool:
        return self.original != self.doc_id


def _codes(parties: Any) -> set[str]:
    if isinstance(parties, dict):
        parties = [parties]
    return {str(p["code"]).upper() for p in parties or [] if isinstance(p, dict) and p.get("code")}


def _party_key(party: Mapping[str, Any]) -> str:
    if party.get("actor_id"):
        return "a:" + str(party["actor_id"])
    if party.get("code"):
        return "c:" + str(party["code"]).upper()
    return "t:" + fold(str(party.get("text") or ""))


def _sizes(size: Any) -> dict[str, int]:
    if not isinstance(size, dict):
        return {}
    return {k: int(v) for k, v in size.items() if k in SIZE_KEYS and isinstance(v, int | float)}


@dataclass(slots=True)
class Mention:
    event: dict[str, Any]
    doc: DocInfo
    family: str
    group: str
    actors: Set[str]
    recipients: Set[str]
    sizes: dict[str, int]
    sentence: str | int  # folded text, or its digest once slim
    # read from the event once: `fit` asks for them for every candidate
    date: str | None = None
    fallback: bool = False
    location_code: str | None = None
    type: str = ""

    @classmethod
    def of(cls, event: dict[str, Any], doc: DocInfo) -> Mention:
        location = event.get("location")
        code = location.get("code") if isinstance(location, dict) else None
        return cls(
            event,
            doc,
            family(event.get("type")),
            STATUS_GROUP.get(event.get("status") or "", "fact"),
            _codes(event.get("actor")),
            _codes(event.get("recipient")),
            _sizes(event.get("size")),
            sentence_key(event.get("sentence")),
            event.get("date") or None,
            bool(event.get("date_fallback")),
            str(code).upper() if code else None,
            str(event.get("type")),
        )

    def slim(self, shared: dict[Any, Any]) -> Mention:
        """The same mention holding only what grouping reads: a few fields of its event, a
        digest of its sentence, and party sets shared with the mentions that have the same."""
        self.event = {k: self.event.get(k) for k in SLIM_KEYS}
        if self.sentence:
            digest = hashlib.blake2b(str(self.sentence).encode(), digest_size=8).digest()
            self.sentence = int.from_bytes(digest, "big") or 1
        self.actors = shared.setdefault(frozenset(self.actors), frozenset(self.actors))
        self.recipients = shared.setdefault(frozenset(self.recipients), frozenset(self.recipients))
        return self


def sentence_key(sentence: Any) -> str:
    """A sentence as grouping compares it: folded, spaces normalised."""
    return fold(" ".join(str(sentence or "").split()))


def dates_agree(a: str | None, b: str | None, tolerance: int) -> bool:
    if not a or not b:
        return True
    size = min(len(a), len(b), 10)
    if a[:size] == b[:size]:
        return True
    if size < 10:
        return False
    ia, ib = parse_published(a), parse_published(b)
    if ia is None or ib is None:
        return False
    return abs((ia[0] - ib[0]).days) <= tolerance


class Merged:
    """A merged event being built: its mentions, and what `fit` needs, kept up to date."""

    def __init__(self, first: Mention) -> None:
        self.members: list[Mention] = []
        self.actors: set[str] = set()
        self.recipients: set[str] = set()
        self.sentences: set[str | int] = set()
        self.types: set[str] = set()
        self.dates: set[tuple[str | None, bool]] = set()
        self.date_values: set[str] = set()  # the dates of `dates` that are set
        self.places: set[str] = set()
        self.sizes: dict[str, set[int]] = {}
        self.doc_sizes: dict[str, list[dict[str, int]]] = {}
        self.add(first)

    @property
    def anchor(self) -> Mention:
        return self.members[0]

    def add(self, mention: Mention) -> None:
        self.members.append(mention)
        self.actors |= mention.actors
        self.recipients |= mention.recipients
        if mention.sentence:
            self.sentences.add(mention.sentence)
        self.types.add(mention.type)
        self.dates.add((mention.date, mention.fallback))
        if mention.date:
            self.date_values.add(mention.date)
        if mention.location_code:
            self.places.add(mention.location_code)
        for key, value in mention.sizes.items():
            self.sizes.setdefault(key, set()).add(value)
        if mention.sizes:
            self.doc_sizes.setdefault(mention.doc.doc_id, []).append(mention.sizes)

    def fit(self, mention: Mention) -> float | None:
        """How well `mention` fits this merged event; None when it cannot be the same event."""
        anchor = self.anchor
        if mention.family != anchor.family or mention.group != anchor.group:
            return None
        same_sentence = bool(mention.sentence) and mention.sentence in self.sentences
        actors, recipients = self.actors, self.recipients
        if mention.family in RECIPROCAL:
            mine, theirs = mention.actors | mention.recipients, actors | recipients
            shared = len(mine & theirs)
            clash = bool(mine and theirs and not shared)
        else:
            shared = len(mention.actors & actors) + len(mention.recipients & recipients)
            clash = bool(
                (mention.actors and actors and not mention.actors & actors)
                or (mention.recipients and recipients and not mention.recipients & recipients)
            )
        if not same_sentence and (clash or not shared):
            return None
        for date, fallback in self.dates:
            tolerance = FALLBACK_TOLERANCE if (fallback or mention.fallback) else DAY_TOLERANCE
            if not dates_agree(date, mention.date, tolerance):
                return None
        for sizes in self.doc_sizes.get(mention.doc.doc_id, ()):
            if any(sizes.get(k, v) != v for k, v in mention.sizes.items()):
                return None  # the same text gives two figures: two events
        if mention.location_code and self.places and mention.location_code not in self.places:
            return None
        exact_date = bool(mention.date) and mention.date in self.date_values
        same_type = mention.type in self.types
        undated = not mention.date or not self.date_values
        disagree = any(self.sizes.get(k, {v}) != {v} for k, v in mention.sizes.items())
        if undated and not same_sentence and (not same_type or disagree):
            return None  # no date to check: only the same type, with figures that agree
        return 3.0 * same_sentence + 2.0 * shared + exact_date + same_type


def _blocks(date: str | None) -> list[tuple[str, int]]:
    """Index keys of a date: its 8-day block (day dates) or its month (month dates)."""
    interval = parse_published(date) if date and date[:4].isdigit() else None
    if interval is None:
        return []
    start, end, day = interval
    if day:
        return [("d", start.toordinal() // 8)]
    if (end - start).days > 31:
        return []  # a year: compared with everything
    return [("m", start.year * 12 + start.month)]


def _neighbours(date: str | None) -> list[tuple[str, int]] | None:
    """Index keys a mention dated `date` may agree with (None: any)."""
    interval = parse_published(date) if date and date[:4].isdigit() else None
    if interval is None:
        return None
    start, end, day = interval
    if not day and (end - start).days > 31:
        return None
    first, last = start.toordinal() - FALLBACK_TOLERANCE, end.toordinal() + FALLBACK_TOLERANCE
    keys = [("d", block) for block in range(first // 8, last // 8 + 1)]
    days = (dt.date.fromordinal(first), start, end, dt.date.fromordinal(last))
    months = {d.year * 12 + d.month for d in days}
    return keys + [("m", month) for month in sorted(months)]


class _Bucket:
    """The merged events of one (family, status group), indexed so that a mention is only
    compared with those it could join: sharing a party code or its sentence, and dated
    near it or without a precise date. Keeps long stories near-linear."""

    def __init__(self) -> None:
        self.all: list[Merged] = []
        self.order: dict[int, int] = {}
        self.by_date: dict[tuple[str, int] | None, set[int]] = {}
        self.by_code: dict[str, set[int]] = {}
        self.by_sentence: dict[str | int, set[int]] = {}
        self.by_type: dict[str, set[int]] = {}

    def register(self, merged: Merged, mention: Mention) -> None:
        ident = id(merged)
        if ident not in self.order:
            self.order[ident] = len(self.all)
            self.all.append(merged)
        for key in _blocks(mention.date) or [None]:
            self.by_date.setdefault(key, set()).add(ident)
        for code in mention.actors | mention.recipients:
            self.by_code.setdefault(code, set()).add(ident)
        if mention.sentence:
            self.by_sentence.setdefault(mention.sentence, set()).add(ident)
        self.by_type.setdefault(str(mention.event.get("type")), set()).add(ident)

    def candidates(self, mention: Mention) -> list[Merged]:
        found: set[int] = set()
        for code in mention.actors | mention.recipients:
            found |= self.by_code.get(code, set())
        if not mention.date:  # an undated mention only joins its own type
            found &= self.by_type.get(str(mention.event.get("type")), set())
        found |= self.by_sentence.get(mention.sentence, set())
        keys = _neighbours(mention.date)
        if keys is not None and found:
            near = set(self.by_date.get(None, ()))
            for key in keys:
                near |= self.by_date.get(key, set())
            found &= near
        return [self.all[i] for i in sorted(self.order[f] for f in found)]


def order_key(mention: Mention) -> tuple[bool, int, int, str]:
    """The order mentions are grouped in: originals first then copies, in processing order."""
    return mention.doc.is_copy, mention.doc.seq, mention.event.get("start") or 0, str(mention.event.get("event_id"))


class Grouper:
    """Groups mentions, one at a time in `order_key` order, into merged events. It may start from
    merged events built earlier (in the order they were created), when every mention it is given
    comes after theirs: new mentions then join them or start new ones exactly as a grouping of all
    the mentions at once would (those earlier merged events that no new mention can join may be
    left out)."""

    def __init__(self, groups: Iterable[Merged] = ()) -> None:
        self.merged: list[Merged] = []
        self.buckets: dict[tuple[str, str], _Bucket] = {}
        for group in groups:
            self.merged.append(group)
            bucket = self.buckets.setdefault((group.anchor.family, group.anchor.group), _Bucket())
            for mention in group.members:
                bucket.register(group, mention)

    def add(self, mention: Mention) -> Merged | None:
        """The merged event the mention joins or starts (None: a copy's mention that joins none)."""
        bucket = self.buckets.setdefault((mention.family, mention.group), _Bucket())
        best: Merged | None = None
        best_fit = -1.0
        for candidate in bucket.candidates(mention):
            fit = candidate.fit(mention)
            if fit is not None and fit > best_fit:
                best, best_fit = candidate, fit
        if best is not None:
            best.add(mention)
            bucket.register(best, mention)
        elif not mention.doc.is_copy:
            best = Merged(mention)
            self.merged.append(best)
            bucket.register(best, mention)
        return best


def merge_mentions(mentions: Iterable[Mention]) -> list[Merged]:
    """Group mentions into merged events, originals first then copies, in processing order."""
    grouper = Grouper()
    for mention in sorted(mentions, key=order_key):
        grouper.add(mention)
    return grouper.merged


def _union_parties(lists: Iterable[Any]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for parties in lists:
        if isinstance(parties, dict):
            parties = [parties]
        for party in parties or []:
            if isinstance(party, dict):
                seen.setdefault(
                    _party_key(party), {k: party.get(k) for k in ("text", "actor_id", "code", "sector")}
                )
    return list(seen.values())


def _pick_date(members: list[Mention]) -> tuple[str | None, str | None]:
    dated = [m for m in members if m.date]
    if not dated:
        return None, None
    exact = [m for m in dated if not m.fallback] or dated
    if exact is dated and all(m.fallback for m in dated):
        chosen = min(dated, key=lambda m: str(m.date))
        return chosen.date, chosen.event.get("date_precision")
    counts = Counter(str(m.date) for m in exact)
    chosen = min(exact, key=lambda m: (-len(str(m.date)), -counts[str(m.date)], str(m.date)))
    return chosen.date, chosen.event.get("date_precision")


def _outlet(doc: DocInfo) -> str:
    """The outlet a document is shown under: the name it carries, else its source."""
    return doc.outlet or doc.source or doc.doc_id


def source_key(doc: DocInfo) -> str:
    """The source a document counts as among the sources of a story or an event: its outlet profile when the
    ingest linked it to one (ingest.outlets: every article of one outlet is one source, whatever name, domain or
    record identifier each carries), else the outlet name it carries, else its web address's host, else the
    scheme of its record identifier ("agence:123"), else the document itself."""
    if doc.outlet_id:
        return f"outlet:{doc.outlet_id}"
    if doc.outlet and doc.outlet.strip():
        return f"name:{fold(doc.outlet)}"
    host = host_of(doc.source)
    if host:
        return f"host:{host}"
    scheme = scheme_of(doc.source)
    if scheme and scheme not in WEB_SCHEMES:
        return f"scheme:{scheme}"
    return f"doc:{doc.source or doc.doc_id}"


def count_sources(docs: Iterable[DocInfo]) -> int:
    """How many distinct sources (`source_key`) the documents come from."""
    return len({source_key(d) for d in docs})


def independent_outlets(docs: Iterable[DocInfo], parties: Set[str]) -> set[str]:
    """The sources (`source_key`) of `docs` that are not the state media of one of the `parties` (state codes):
    not state_controlled or party_government media of their state. An unknown outlet counts as independent."""
    return {source_key(d) for d in docs if not (d.outlet_state and d.outlet_state in parties)}


def record(
    story_id: str, merged: Merged, docs: Mapping[str, DocInfo], copies: Mapping[str, list[DocInfo]]
) -> dict[str, Any]:
    """The merged_events row of one merged event; `copies` lists, by original, the original
    and its republications in processing order."""
    members = merged.members
    statuses = {str(m.event.get("status") or "asserted") for m in members}
    status = next((s for s in STATUS_ORDER if s in statuses), "asserted")
    disputed = "negated" in statuses and bool(statuses & {"asserted", "reported"})

    reporters: dict[str, dict[str, Any]] = {}
    for m in members:
        who = m.event.get("reported_by")
        if isinstance(who, dict) and (who.get("text") or who.get("code")):
            entry = reporters.setdefault(
                _party_key(who),
                {
                    "text": who.get("text"),
                    "actor_id": who.get("actor_id"),
                    "code": who.get("code"),
                    "outlets": [],
                },
            )
            if _outlet(m.doc) not in entry["outlets"]:
                entry["outlets"].append(_outlet(m.doc))

    size: dict[str, Any] = {}
    conflicting = False
    for key in SIZE_KEYS:
        values: dict[int, dict[str, Any]] = {}
        for m in members:
            if key not in m.sizes:
                continue
            entry = values.setdefault(
                m.sizes[key],
                {"value": m.sizes[key], "outlets": [], "doc_ids": [], "reported_by": [], "statuses": []},
            )
            for name, value in (
                ("outlets", _outlet(m.doc)),
                ("doc_ids", m.doc.doc_id),
                ("statuses", m.event.get("status")),
            ):
                if value not in entry[name]:
                    entry[name].append(value)
            who = m.event.get("reported_by")
            if isinstance(who, dict) and who.get("text") and who["text"] not in entry["reported_by"]:
                entry["reported_by"].append(who["text"])
        if values:
            clash = len(values) > 1
            conflicting |= clash
            size[key] = {
                "value": None if clash else next(iter(values)),
                "conflicting": clash,
                "values": list(values.values()),
            }
    vague = sorted(
        {
            str(m.event["size"]["vague"])
            for m in members
            if isinstance(m.event.get("size"), dict) and m.event["size"].get("vague")
        }
    )
    if vague:
        size["vague"] = vague

    originals = sorted({m.doc.original for m in members})
    original_docs = [docs[d] for d in originals if d in docs]
    carriers: list[str] = []
    for doc in sorted((d for o in originals for d in copies.get(o, [])), key=lambda d: d.seq):
        for outlet in (_outlet(doc), *doc.carriers):
            if outlet not in carriers:
                carriers.append(outlet)
    published = [d.published for d in original_docs if d.published]
    published += [m.doc.published for m in members if m.doc.published]
    types = Counter(str(m.event.get("type")) for m in members)
    top = max(types.values())
    main_type = next(str(m.event.get("type")) for m in members if types[str(m.event.get("type"))] == top)
    locations = [m.event["location"] for m in members if isinstance(m.event.get("location"), dict)]
    location_counts = Counter(str(loc.get("code") or loc.get("name")) for loc in locations)
    location = max(
        locations, key=lambda loc: location_counts[str(loc.get("code") or loc.get("name"))], default=None
    )
    date, precision = _pick_date(members)
    actors = _union_parties(m.event.get("actor") for m in members)
    recipients = _union_parties(m.event.get("recipient") for m in members)
    independent = independent_outlets(original_docs, _codes(actors) | _codes(recipients))
    return {
        "merged_id": f"M-{merged.anchor.event.get('event_id')}",
        "story_id": story_id,
        "type": main_type,
        "types": sorted(types),
        "actor": actors,
        "recipient": recipients,
        "date": date,
        "date_precision": precision,
        "location": location,
        "status": status,
        "disputed": disputed,
        "reported_by": list(reporters.values()),
        "size": size,
        "conflicting": conflicting,
        "num_documents": len(originals),
        "num_sources": count_sources(original_docs),
        "independent_sources": len(independent),
        "state_media_only": bool(original_docs) and not independent,
        "carriers": carriers,
        "first_reported": min(published) if published else None,
        "provenance": [
            {
                "event_id": m.event.get("event_id"),
                "doc_id": m.doc.doc_id,
                "source": m.event.get("source") or m.doc.source,
                "outlet": m.doc.outlet,
                "outlet_id": m.doc.outlet_id,
                "outlet_kind": m.doc.outlet_kind,
                "outlet_state": m.doc.outlet_state,
                "published": m.doc.published,
                "republication_of": m.doc.original if m.doc.is_copy else None,
                "type": m.event.get("type"),
                "status": m.event.get("status"),
                "reported_by": m.event.get("reported_by"),
                "date": m.date,
                "size": m.event.get("size"),
                "sentence": m.event.get("sentence"),
            }
            for m in members
        ],
    }


def copies_of(docs: Mapping[str, DocInfo]) -> dict[str, list[DocInfo]]:
    copies: dict[str, list[DocInfo]] = {}
    for doc in sorted(docs.values(), key=lambda d: d.seq):
        copies.setdefault(doc.original, []).append(doc)
    return copies


def merge_story(
    story_id: str, docs: Mapping[str, DocInfo], events: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """merged_events rows of one story from its documents and their events rows."""
    mentions = [Mention.of(e, docs[e["doc_id"]]) for e in events if e.get("doc_id") in docs and e.get("type")]
    copies = copies_of(docs)
    return [record(story_id, m, docs, copies) for m in merge_mentions(mentions)]


def merge_story_chunks(
    story_id: str,
    docs: Mapping[str, DocInfo],
    events: Iterable[dict[str, Any]],
    fetch: Callable[[list[str]], Mapping[str, dict[str, Any]]],
    chunk: int = RECORD_CHUNK,
) -> Iterator[list[dict[str, Any]]]:
    """The rows of `merge_story`, in lists, holding little at once: `events` (an iterator
    is fine) only needs the fields `Mention.of` reads; `fetch(event_ids)` gives the full
    events rows by id, asked for about `chunk` mentions at a time."""
    shared: dict[Any, Any] = {}
    mentions = (
        Mention.of(e, docs[e["doc_id"]]).slim(shared) for e in events if e.get("doc_id") in docs and e.get("type")
    )
    groups = merge_mentions(mentions)
    copies = copies_of(docs)
    start = 0
    while start < len(groups):
        end, size = start, 0
        while end < len(groups) and (end == start or size + len(groups[end].members) <= chunk):
            size += len(groups[end].members)
            end += 1
        part = groups[start:end]
        full = fetch([str(m.event["event_id"]) for g in part for m in g.members])
        rows = []
        for group in part:
            members = [Mention.of(full[str(m.event["event_id"])], m.doc) for m in group.members]
            merged = Merged(members[0])
            for mention in members[1:]:
                merged.add(mention)
            rows.append(record(story_id, merged, docs, copies))
        del full
        yield rows
        start = end
