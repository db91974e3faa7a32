"""Document features and story profiles, and the similarity between them.

A document is described by six kinds of features, each a bag of terms:

- ``w`` content words (folded, lightly stemmed, stop words removed),
- ``e`` named actors: linked actor ids, else person surnames and organisation names,
- ``p`` places: location mentions and the events' location codes,
- ``c`` linked actor codes (states, IGOs) of its mentions and of its events' parties,
- ``t`` PLOVER types of its events,
- ``h`` content words of its title (a headline names the story: "Navalny:", "Brexit :").

A story's profile keeps, per term, how many of its documents have it, and the span
of their published dates. Similarity is a weighted mean, over the kinds both sides
have, of TF-IDF cosines (document frequencies from the whole store, kept in
`story_terms`, with PRIOR_DOCS more documents that have none of the terms so that a
young store does not take every shared word for a common one); content words always
count, and a document joins a story only when its words agree too, so two texts that
merely share a country do not join.

Time: the score a document needs to join a story grows with the log of the days
between its date and the story's span (`needed`): the next report of a story is
often a day or two later and worded differently, a report weeks later must match
more closely; beyond WINDOW_DAYS it never joins. A document joins the story it
passes by the widest margin; when it passes several that are within BRIDGE_DAYS of each
other and alike as stories (`stories_meet`), they are one story told apart only because
the text that links them came later, and they are merged.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from veille.model import PLACE_LABELS, TIME_LABELS
from veille.stories.text import content_terms, fold, name_key, words

KINDS = ("w", "e", "p", "c", "t", "h")
WEIGHTS: dict[str, float] = {"w": 0.2, "e": 0.27, "p": 0.22, "c": 0.13, "t": 0.02, "h": 0.16}
# a document joins a story when the score reaches `needed(gap)` (JOIN on the story's
# days, plus SLOPE for each doubling of 1 + gap / CLOSE_DAYS) and its words alone reach
# MIN_WORDS; documents published more than WINDOW_DAYS from a story's span never join it
# (see Story.in_window for undated ones). A story covers at most MAX_SPAN_DAYS of
# day-precise publication dates: a subject that runs longer goes on as a new story, so a
# story (and what merging its events holds in memory) stays bounded.
JOIN = 0.20
MIN_WORDS = 0.12
CLOSE_DAYS = 1
SLOPE = 0.011
WINDOW_DAYS = 90
MAX_SPAN_DAYS = 90
RECENT_DOCS = 5000
BRIDGE_DAYS = 7  # two stories a document joins both are merged when at most this many days apart
# profile size: terms kept per kind (by document count) and lookup keys per kind
PROFILE_TERMS: dict[str, int] = {"w": 300, "e": 60, "p": 40, "c": 30, "t": 16, "h": 60}
KEY_TERMS: dict[str, int] = {"w": 12, "e": 8, "p": 6, "c": 6, "t": 3, "h": 4}
CANDIDATES = 20
PRIOR_DOCS = 60

SKIP_LABELS = TIME_LABELS | frozenset(
    {
        "MONEY",
        "PERCENT",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "NUMBER",
        "TIMEX",
    }
)
N_KEY = ""  # story_terms row holding the number of documents counted


@functools.lru_cache(maxsize=4096)  # merging compares the same few dates again and again
def parse_published(value: str | None) -> tuple[dt.date, dt.date, bool] | None:
    """The interval a published date covers, and whether it is day-precise."""
    if not value:
        return None
    try:
        parts = [int(p) for p in str(value)[:10].split("-")]
        if len(parts) >= 3:
            day = dt.date(parts[0], parts[1], parts[2])
            return day, day, True
        if len(parts) == 2:
            start = dt.date(parts[0], parts[1], 1)
            following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return start, following - dt.timedelta(days=1), False
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), False
    except ValueError:
        return None


@dataclass
class DocFeatures:
    doc_id: str
    seq: int
    published: str | None
    terms: dict[str, Counter[str]]
    surface: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.interval = parse_published(self.published)
        self.days = (self.interval[0].toordinal(), self.interval[1].toordinal()) if self.interval else None
        self.day_precise = bool(self.interval and self.interval[2])
        self._keys: frozenset[str] | None = None  # the terms are not changed once computed

    def feature_keys(self) -> frozenset[str]:
        if self._keys is None:
            self._keys = frozenset(f"{kind}:{term}" for kind, counts in self.terms.items() for term in counts)
        return self._keys


def _codes(parties: Any) -> list[str]:
    if isinstance(parties, dict):
        parties = [parties]
    found = []
    for party in parties or []:
        if isinstance(party, dict) and party.get("code"):
            found.append(str(party["code"]).upper())
    return found


def doc_features(
    doc: Mapping[str, Any], mentions: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]]
) -> DocFeatures:
    """Features of one stored document from its text, mentions and events rows."""
    terms: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    surface: dict[str, str] = {}
    text = doc.get("text") or ""
    title = doc.get("title") or ""
    tokens = doc.get("words")
    tokens = words(text) if tokens is None else tokens
    terms["w"] = content_terms(words(title) + tokens if title and title not in text else tokens)
    if title:
        terms["h"] = content_terms(title)
    for mention in mentions:
        label = str(mention.get("label") or "")
        if label in SKIP_LABELS:
            continue
        if mention.get("code"):
            terms["c"][str(mention["code"]).upper()] += 1
        name = str(mention.get("text") or "")
        if label in PLACE_LABELS:
            kind, key = "p", name_key(name)
        elif mention.get("actor_id"):
            kind, key = "e", "@" + fold(str(mention["actor_id"]))
        else:
            kind, key = "e", name_key(name, surname=label == "PER")
        if len(key) < 2:
            continue
        terms[kind][key] += 1
        surface.setdefault(f"{kind}:{key}", name)
    for event in events:
        if event.get("type"):
            terms["t"][str(event["type"])] += 1
        for code in _codes(event.get("actor")) + _codes(event.get("recipient")):
            terms["c"][code] += 1
        location = event.get("location")
        if isinstance(location, dict) and location.get("code"):
            terms["p"]["@" + str(location["code"]).upper()] += 1
    return DocFeatures(
        str(doc["doc_id"]),
        int(doc["seq"]),
        doc.get("published"),
        {k: v for k, v in terms.items() if v},
        surface,
    )


class Idf:
    """Document frequencies of features, updated as documents are counted."""

    def __init__(self, df: dict[str, int], documents: int) -> None:
        self.df = df
        self.documents = documents

    def add(self, keys: Iterable[str]) -> None:
        self.documents += 1
        for key in keys:
            self.df[key] = self.df.get(key, 0) + 1

    @property
    def total(self) -> int:
        """The documents the frequencies are taken over: those counted, plus PRIOR_DOCS that
        have none of the terms (a young store, where every term is in a large share of the few
        documents seen, does not take the words two texts share for common ones)."""
        return 1 + self.documents + PRIOR_DOCS

    def __call__(self, key: str) -> float:
        return math.log(self.total / (1 + self.df.get(key, 0))) + 1.0

    def weights(self, kind: str, counts: Mapping[str, int]) -> dict[str, float]:
        """count × idf of each term of one kind (the same values as calling `self`)."""
        n, df, log, prefix = self.total, self.df, math.log, kind + ":"
        return {t: c * (log(n / (1 + df.get(prefix + t, 0))) + 1.0) for t, c in counts.items()}


@dataclass
class Story:
    story_id: str
    seq: int
    documents: int = 0  # documents whose features are in the profile
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)
    day_span: list[str] | None = None
    coarse_span: list[str] | None = None
    keys: list[str] = field(default_factory=list)
    norms: dict[str, float] = field(default_factory=dict)  # TF-IDF norms per kind, as of the last update
    # per kind, sum of count² and of count² × idf at the last update, and the idf's total then:
    # what the norm becomes as the store grows (see `norm`)
    moments: dict[str, list[float]] = field(default_factory=dict)
    idf_total: int = 0
    last_seq: int = -1  # seq of the last document added
    changed: bool = False
    _span_cache: tuple[list[str], tuple[int, int]] | None = field(
        default=None, repr=False, compare=False
    )

    # -- profile ------------------------------------------------------------------
    def add(self, doc: DocFeatures, idf: Idf) -> None:
        self.documents += 1
        for kind in KINDS:
            mine = self.counts.get(kind, {})
            for term in doc.terms.get(kind, ()):
                mine[term] = mine.get(term, 0) + 1
            if mine:
                self.counts[kind] = mine
        for key, text in doc.surface.items():
            self.surface.setdefault(key, text)
        self.add_date(doc.published)
        self.last_seq = max(self.last_seq, doc.seq)
        self._rank(idf)

    def absorb(self, other: Story, idf: Idf) -> None:
        """Take in the profile of another story, as if its documents had joined this one (a
        document bridged the two): counts added, spans joined."""
        self.documents += other.documents
        for kind, counts in other.counts.items():
            mine = self.counts.setdefault(kind, {})
            for term, count in counts.items():
                mine[term] = mine.get(term, 0) + count
        for key, text in other.surface.items():
            self.surface.setdefault(key, text)
        for attr in ("day_span", "coarse_span"):
            theirs = getattr(other, attr)
            if theirs:
                for day in theirs:
                    self._widen(attr, day, day)
        self.last_seq = max(self.last_seq, other.last_seq)
        self._rank(idf)

    def span_with(self, other: Story) -> int:
        """Days the day-precise spans of both stories would cover together (0 when either has none)."""
        if not self.day_span or not other.day_span:
            return 0
        first = min(self.day_span[0], other.day_span[0])
        last = max(self.day_span[1], other.day_span[1])
        return (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days

    def _rank(self, idf: Idf) -> None:
        """Keep the top terms of each kind by TF-IDF weight, and recompute keys and norms."""
        self.keys = []
        self.norms = {}
        self.moments = {}
        self.idf_total = idf.total
        for kind in KINDS:
            mine = self.counts.get(kind, {})
            if not mine:
                continue
            weight = idf.weights(kind, mine)
            ranked = sorted(weight, key=lambda t: (-weight[t], t))
            if len(ranked) > PROFILE_TERMS[kind]:
                ranked = ranked[: PROFILE_TERMS[kind]]
                mine = {t: mine[t] for t in ranked}
            self.counts[kind] = mine
            self.keys.extend(f"{kind}:{t}" for t in ranked[: KEY_TERMS[kind]])
            # rounded so that a profile read back from the store compares exactly the same
            self.norms[kind] = round(math.sqrt(sum(weight[t] ** 2 for t in ranked)), 9)
            self.moments[kind] = [
                round(float(sum(mine[t] ** 2 for t in ranked)), 9),
                round(sum(mine[t] * weight[t] for t in ranked), 9),
            ]
        self.surface = {k: v for k, v in self.surface.items() if k[2:] in self.counts.get(k[0], {})}
        self.changed = True

    def add_date(self, published: str | None) -> None:
        interval = parse_published(published)
        if interval is None:
            return
        start, end, day = interval
        self._widen("day_span" if day else "coarse_span", start.isoformat(), end.isoformat())

    def _widen(self, attr: str, start: str, end: str) -> None:
        span = getattr(self, attr)
        span = [start, end] if span is None else [min(span[0], start), max(span[1], end)]
        setattr(self, attr, span)

    @property
    def day_days(self) -> tuple[int, int] | None:
        """The date span (day ordinals) of its day-precise documents."""
        return self.span if self.day_span else None

    @property
    def span(self) -> tuple[int, int] | None:
        """The date span (day ordinals) of its day-precise documents, else of the others."""
        span = self.day_span or self.coarse_span
        if not span:
            return None
        if self._span_cache is None or self._span_cache[0] != span:
            days = (dt.date.fromisoformat(span[0]).toordinal(), dt.date.fromisoformat(span[1]).toordinal())
            self._span_cache = (list(span), days)
        return self._span_cache[1]

    def gap(self, doc: DocFeatures) -> int | None:
        """Days between the document's published date and the story's span (0 inside it), or
        None when either side has no date."""
        interval, span = doc.days, self.span
        if interval is None or span is None:
            return None
        return max(0, interval[0] - span[1], span[0] - interval[1])

    def in_window(self, doc: DocFeatures) -> bool:
        """Near enough in time: published dates at most WINDOW_DAYS apart, or, when either
        side has no date, the story took a document among the last RECENT_DOCS processed;
        and a day-precise document does not stretch the story's days beyond MAX_SPAN_DAYS."""
        interval, span = doc.days, self.span
        if interval is None or span is None:
            return self.last_seq >= doc.seq - RECENT_DOCS
        if max(interval[0] - span[1], span[0] - interval[1]) > WINDOW_DAYS:
            return False
        days = self.day_days
        if days is None or not doc.day_precise:
            return True
        return max(days[1], interval[1]) - min(days[0], interval[0]) <= MAX_SPAN_DAYS

    # -- persistence ----------------------------------------------------------------
    def profile(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "counts": self.counts,
            "surface": self.surface,
            "day_span": self.day_span,
            "coarse_span": self.coarse_span,
            "norms": self.norms,
            "moments": self.moments,
            "idf_total": self.idf_total,
            "last_seq": self.last_seq,
        }

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Story:
        profile = row["profile"] or {}
        return cls(
            row["story_id"],
            int(row["seq"]),
            int(profile.get("documents", 0)),
            {k: dict(v) for k, v in (profile.get("counts") or {}).items()},
            dict(profile.get("surface") or {}),
            profile.get("day_span"),
            profile.get("coarse_span"),
            list(row.get("keys") or []),
            {k: float(v) for k, v in (profile.get("norms") or {}).items()},
            {k: [float(x) for x in v] for k, v in (profile.get("moments") or {}).items()},
            int(profile.get("idf_total", 0)),
            int(profile.get("last_seq", -1)),
        )

    def norm(self, kind: str, total: int) -> float:
        """The TF-IDF norm of one kind of the profile with today's document frequencies, near
        enough: every idf grown by the log of how much the store has grown since the last
        update (the terms' own frequencies moved less), so that a story last updated long ago
        is not compared with a norm of smaller idfs, which makes every cosine too high."""
        norm = self.norms.get(kind, 0.0)
        moments = self.moments.get(kind)
        if not norm or not moments or not self.idf_total or total <= self.idf_total:
            return norm
        shift = math.log(total / self.idf_total)
        squares, weighted = moments
        return math.sqrt(norm * norm + 2 * shift * weighted + shift * shift * squares)

    def top(self, kind: str, n: int) -> list[str]:
        counts = self.counts.get(kind, {})
        return sorted(counts, key=lambda t: (-counts[t], t))[:n]

    def label_parts(self) -> tuple[list[str], list[str]]:
        actors = self.top("c", 3)
        if not actors:
            actors = [self.surface.get(f"e:{t}", t) for t in self.top("e", 3)]
            actors += [
                self.surface.get(f"p:{t}", t) for t in self.top("p", 3 - len(actors)) if not t.startswith("@")
            ]
        return actors, self.top("t", 3)

    def label(self) -> str:
        actors, types = self.label_parts()
        text = ", ".join(actors) or "?"
        return f"{text} — {', '.join(types[:2])}" if types else text


@dataclass
class DocVector:
    """A document's TF-IDF weights, computed once per document: `weights[kind][term]` is
    (1 + log tf) · idf², ready to be multiplied by a story's count of the term."""

    doc: DocFeatures
    weights: dict[str, dict[str, float]]
    norms: dict[str, float]
    total: int = 0  # the idf's total (see Idf.total)
    order: dict[str, dict[str, int]] = field(default_factory=dict)  # each kind's terms: their place in weights

    def dot(self, kind: str, counts: Mapping[str, int]) -> float:
        """Sum of weight × count over the terms of `kind` the counts have, added in the order of
        `weights` (the sum of the terms in that order, to the last bit, whatever the profile's size):
        the terms both have are found by a set intersection, not by looking up each of the
        document's terms."""
        mine = self.weights[kind]
        common = mine.keys() & counts.keys()
        dot = 0.0
        if common:
            for term in sorted(common, key=self.order[kind].__getitem__) if len(common) > 1 else common:
                count = counts[term]
                if count:
                    dot += mine[term] * count
        return dot


def doc_vector(doc: DocFeatures, idf: Idf) -> DocVector:
    weights: dict[str, dict[str, float]] = {}
    norms: dict[str, float] = {}
    for kind, counts in doc.terms.items():
        mine: dict[str, float] = {}
        total = 0.0
        for term, count in counts.items():
            w = idf(f"{kind}:{term}")
            a = (1.0 + math.log(count)) * w
            total += a * a
            mine[term] = a * w
        weights[kind] = mine
        norms[kind] = math.sqrt(total)
    order = {kind: {term: place for place, term in enumerate(mine)} for kind, mine in weights.items()}
    return DocVector(doc, weights, norms, idf.total, order)


def needed(gap: int | None) -> float:
    """The score a document must reach to join a story `gap` days away from it: JOIN within
    CLOSE_DAYS, then growing with the log of the distance (a story's next report is most
    often a day or two later; weeks later, only a close match is the same story)."""
    if not gap:
        return JOIN
    return JOIN + SLOPE * math.log2(1 + gap / CLOSE_DAYS)


def stories_meet(a: Story, b: Story, idf: Idf) -> bool:
    """Two stories that one document joins both are one story when their dates are at most
    BRIDGE_DAYS apart (the same news, told apart because the texts that link them came later; a
    subject that returns weeks later is a new story) and each, read as one document (its profile's
    counts), would join the other with the score a document needs at that distance (`needed`; words
    alone need not agree: the texts that link them do)."""
    span_a, span_b = a.span, b.span
    gap = None if span_a is None or span_b is None else max(0, span_a[0] - span_b[1], span_b[0] - span_a[1])
    if gap is not None and gap > BRIDGE_DAYS:
        return False
    for one, other in ((a, b), (b, a)):
        terms = {kind: Counter(counts) for kind, counts in one.counts.items()}
        score, _ = similarity(doc_vector(DocFeatures(one.story_id, one.last_seq, None, terms), idf), other)
        if score < needed(gap):
            return False
    return True


def similarity(vector: DocVector, story: Story) -> tuple[float, float]:
    """(score, content-word cosine) of a document against a story profile.

    The story's norms are those of its last update (document frequencies move a little
    between updates), so that a comparison costs one look-up per document term."""
    total = weight = 0.0
    words = 0.0
    for kind in KINDS:
        mine = vector.weights.get(kind)
        theirs = story.counts.get(kind)
        if kind != "w" and (not mine or not theirs):
            continue
        cosine = 0.0
        if mine and theirs and story.norms.get(kind):
            dot = vector.dot(kind, theirs)
            if dot:
                cosine = min(1.0, dot / (vector.norms[kind] * story.norm(kind, vector.total)))
        if kind == "w":
            words = cosine
        total += WEIGHTS[kind] * cosine
        weight += WEIGHTS[kind]
    return (total / weight if weight else 0.0), words
