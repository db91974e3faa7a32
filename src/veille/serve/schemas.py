"""The API's models, derived from the declared model (model.yaml) and event vocabulary
(vocabulary.yaml).

A table's row model gets one optional field per declared field, typed from its declared
type and described by its `doc`; API shapes (pages, a document with its mentions and
events, a story with its merged events) are compositions of those. Aggregates that are
not tables (actor summaries, series, graph) are declared here.

`EventTypeName` and `StatusName` are the values the API's filters accept, one per type and
status of the vocabulary (OpenAPI lists them as the parameters' enums); a type is read in any case.
A field model.yaml declares with `values` lists the vocabulary's names as its enum too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from veille.model import load_model
from veille.model.vocabulary import load_vocabulary

PY_TYPES: dict[str, Any] = {
    "string": str,
    "integer": int,
    "float": float,
    "date": dt.date,
    "timestamp": dt.datetime,
    "boolean": bool,
    "json": Any,
    "list": list[str],
}


def _upper(value: Any) -> Any:
    return value.upper() if isinstance(value, str) else value


VOCABULARY = load_vocabulary()
EventTypeName = Annotated[Literal[VOCABULARY.type_names], BeforeValidator(_upper)]  # type: ignore[valid-type]
StatusName = Literal[VOCABULARY.status_order]  # type: ignore[valid-type]


def _py_type(f: Any) -> Any:
    """The field's Python type; for names of the vocabulary, documented with their enum (read as
    plain strings: a store coded with another vocabulary is still served)."""
    if f.values is None:
        return PY_TYPES[f.type]
    names = list(VOCABULARY.type_names if f.values == "types" else VOCABULARY.status_order)
    name = Annotated[str, Field(json_schema_extra={"enum": names})]
    return list[name] if f.type == "list" else name  # type: ignore[valid-type]


def row_model(table: str, name: str, *, include: Iterable[str] | None = None, exclude: Iterable[str] = (),
              extra: dict[str, Any] | None = None, doc: str | None = None) -> type[BaseModel]:
    """A pydantic model of `table`'s rows as model.yaml declares them (every field optional,
    as the store allows nulls), restricted to `include`, without `exclude`, plus `extra`
    fields ({name: (type, default or Field)})."""
    spec = load_model()[table]
    wanted = set(include) if include is not None else None
    skip = set(exclude)
    fields: dict[str, Any] = {}
    for f in spec.fields:
        if (wanted is not None and f.name not in wanted) or f.name in skip:
            continue
        fields[f.name] = (_py_type(f) | None, Field(None, description=f.doc or None))
    fields.update(extra or {})
    model = create_model(name, __config__=ConfigDict(extra="ignore"), **fields)
    model.__doc__ = doc or spec.doc or f"A row of the `{table}` table."
    return model


def page_model(item: type[BaseModel], name: str) -> type[BaseModel]:
    """A page of results: `items`, out of `total` matching, from `offset`, at most `limit`."""
    model = create_model(
        name,
        total=(int, Field(description="how many match in all")),
        limit=(int, Field(description="page size asked for")),
        offset=(int, Field(description="rows skipped before this page")),
        items=(list[item], Field(description="this page's rows")),  # type: ignore[valid-type]
    )
    model.__doc__ = f"A page of {item.__name__} rows and how many match in all."
    return model


DocumentRef = row_model("documents", "DocumentRef", include=("doc_id", "title", "outlet", "outlet_kind", "outlet_state",
                                                             "published", "url"),
                        extra={"lead": (str, Field("", description="the text's first words"))},
                        doc="The document an event was read in.")
Mention = row_model("mentions", "Mention")
Source = row_model("sources", "Source")
Event = row_model("events", "Event", extra={
    "document": (DocumentRef | None, Field(None, description="title, outlet and date of its document")),
})
DocumentHit = row_model("documents", "DocumentHit", exclude=("text",), extra={
    "snippet": (str, Field("", description="a passage of the text around the first match")),
    "lead": (str, Field("", description="the text's first words, to name a document without a title")),
})
DocumentDetail = row_model("documents", "DocumentDetail", extra={
    "mentions": (list[Mention], Field(default_factory=list, description="its mentions, by position")),
    "events": (list[Event], Field(default_factory=list, description="its events, by position")),
    "sources": (list[Source], Field(default_factory=list, description="every place it was read from")),
}, doc="A document with its mentions, events and sources.")
DocumentPage = page_model(DocumentHit, "DocumentPage")
EventPage = page_model(Event, "EventPage")

StorySummary = row_model("stories", "StorySummary", exclude=("profile", "keys"))
MergedEvent = row_model("merged_events", "MergedEvent")
StoryDetail = row_model("stories", "StoryDetail", exclude=("profile", "keys"), extra={
    "documents": (list[DocumentHit], Field(default_factory=list, description="its documents, by date")),
    "merged_events": (list[MergedEvent], Field(default_factory=list, description="its merged events, by date")),
}, doc="A story with its documents and merged events.")
StoryPage = page_model(StorySummary, "StoryPage")


# -- aggregates (not tables) ------------------------------------------------------------
class ActorSummary(BaseModel):
    """A code (every mention affiliated to it) or an actor id, as the store's mentions carry it."""

    key: str = Field(description="the code or actor_id; what actor and dyad routes take")
    kind: str = Field(description="'code' (state or IGO code) or 'actor' (a linked actor_id)")
    code: str | None = Field(None, description=load_model()["mentions"].field("code").doc)
    actor_id: str | None = Field(None, description=load_model()["mentions"].field("actor_id").doc)
    label: str | None = Field(None, description="display name (knowledge base, else the most frequent mention)")
    mentions: int = Field(description="mentions carrying it")
    documents: int = Field(description="documents mentioning it")
    names: list[str] = Field(default_factory=list, description="mention texts, most frequent first")


ActorPage = page_model(ActorSummary, "ActorPage")


class Role(BaseModel):
    """A dated role of a knowledge-base actor."""

    code: str | None = None
    sector: str | None = None
    title: str | None = None
    start: str | None = None
    end: str | None = None


class KnowledgeBaseActor(BaseModel):
    """What the actor knowledge base says about an actor."""

    id: str
    type: str
    code: str | None = None
    sector: str | None = None
    names: dict[str, list[str]] = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    members: list[dict[str, Any]] = Field(default_factory=list, description="IGO member states over time")


class Thresholds(BaseModel):
    """The floors the event filters offer by default, from the models the coder applies (null: no model installed)."""

    min_confidence: float | None = Field(description="the confidence model's threshold (events/data/confidence.json): "
                                         "an asserted or reported event under it is not emitted")
    min_confidence_nonfactual: float | None = Field(description="its lower threshold for planned, hypothetical or "
                                                    "negated events")
    min_politics: float | None = Field(description="the topic model's politics floor (its file's threshold, else "
                                       "even odds, 0.5)")


class ExplainRequest(BaseModel):
    """A text to code with its candidates explained, or a stored document to code again (`doc_id`)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=200_000, description="the French text to code")
    doc_id: str | None = Field(default=None, max_length=200, description="a stored document to code again (instead "
                               "of `text`), with its publication date and home state")
    published: str | None = Field(default=None, max_length=10, description="the text's publication date (ISO), to "
                                  "date its events")
    home: str | None = Field(default=None, max_length=3, description="the state its outlet publishes from (ISO "
                             "alpha-3): who \"le gouvernement\" is when the text names none")
    lang: Literal["en", "fr"] = Field(default="en", description="language of the explanations")


class ExplainedSide(BaseModel):
    text: str | None = Field(description="the words naming the party (empty when guessed from the document)")
    code: str | None = Field(description="its code (state ISO alpha-3, IGO)")


class ExplainedEvent(BaseModel):
    """An event a candidate gave: kept (its confidence passed `threshold`) or cut (`reason`)."""

    type: str
    mode: str | None = None
    actor: list[ExplainedSide]
    recipient: list[ExplainedSide]
    status: str
    date: str | None = None
    confidence: float
    threshold: float | None = Field(default=None, description="the threshold its status is held to (null: the "
                                    "event was cut before the confidence model judged it)")
    kept: bool = Field(description="whether the coder emits it")
    reason: str | None = Field(default=None, description="why it was cut (an id of events/data/reasons.yaml)")
    stage: str | None = None
    explanation: str | None = Field(default=None, description="the reason in words")
    age_days: int | None = Field(default=None, description="for an event cut as background: the days from its date "
                                 "to the article's")
    background_days: int | None = Field(default=None, description="for an event cut as background: the age from "
                                        "which an act is background")


class ExplainedCandidate(BaseModel):
    """A trigger word and what the coder made of it."""

    word: str
    start: int = Field(description="offset of the word in the text")
    end: int
    lemma: str
    type: str = Field(description="the PLOVER type its lexicon entry gives")
    mode: str | None = None
    outcome: Literal["event", "cut", "dropped", "set_aside"] = Field(
        description="event: it gave an emitted event; cut: its events were not emitted; dropped: coding it found no "
                    "event; set_aside: not coded (another trigger tells its act, or no act happened)")
    events: list[ExplainedEvent] = Field(default_factory=list)
    reason: str | None = Field(default=None, description="why it was dropped or set aside (an id of "
                               "events/data/reasons.yaml)")
    stage: str | None = Field(default=None, description="candidate, code or event")
    explanation: str | None = None
    by: str | None = Field(default=None, description="the trigger that took its place")
    actor: list[ExplainedSide] = Field(default_factory=list, description="the actor found before it was dropped")
    recipient: list[ExplainedSide] = Field(default_factory=list, description="the recipient found before it was "
                                           "dropped")
    drops: list[dict[str, Any]] = Field(default_factory=list, description="for a candidate that gave events, the "
                                        "counts or sides it gave none for, and why")


class ExplainedSentence(BaseModel):
    start: int
    end: int
    text: str
    candidates: list[ExplainedCandidate]


class Explanation(BaseModel):
    """Why each trigger word of a text became an event or did not."""

    doc_id: str | None = None
    published: str | None = None
    home: str | None = None
    threshold: float | None = Field(description="the confidence threshold of asserted and reported events")
    threshold_nonfactual: float | None = Field(description="the threshold of planned, hypothetical, negated events")
    sentences: list[ExplainedSentence]
    events: list[dict[str, Any]] = Field(description="the events the text gives, as an ingest codes them (without "
                                         "ids)")


class SeriesPoint(BaseModel):
    """Events of one period and their summed PLOVER score."""

    period: str = Field(description="YYYY, YYYY-MM, or the Monday (YYYY-MM-DD) of an ISO week")
    events: int
    score: float = Field(description="sum of the events' PLOVER scores")
    cooperation: float = Field(description="sum of the positive scores")
    conflict: float = Field(description="sum of the negative scores")


class Counterpart(BaseModel):
    """Another actor (code) an actor's events involve, with the summed score of those events."""

    code: str
    label: str | None = None
    events: int
    score: float
    cooperation: float
    conflict: float


class ActorDetail(ActorSummary):
    """An actor: its summary, what the knowledge base says, its events, their timeline and its
    strongest partners and adversaries (by summed PLOVER score)."""

    knowledge_base: KnowledgeBaseActor | None = None
    events: EventPage  # type: ignore[valid-type]
    interval: str
    series: list[SeriesPoint]
    imprecise: int = Field(description="events dated too coarsely for the interval")
    partners: list[Counterpart]
    adversaries: list[Counterpart]


class Direction(BaseModel):
    events: int
    score: float


class DyadPoint(SeriesPoint):
    a_to_b: Direction
    b_to_a: Direction


class Dyad(BaseModel):
    """Two actors: their events in both directions and, per period, their count and summed score."""

    a: str
    b: str
    a_label: str | None = None
    b_label: str | None = None
    interval: str
    total: int
    limit: int
    offset: int
    items: list[Event]  # type: ignore[valid-type]
    series: list[DyadPoint]
    imprecise: int
    totals: Direction


class GraphNode(BaseModel):
    code: str
    label: str | None = None
    events: int = Field(description="events on its edges")


class GraphEdge(BaseModel):
    source: str
    target: str
    events: int
    score: float = Field(description="summed PLOVER score: > 0 cooperation, < 0 conflict")
    cooperation: float
    conflict: float
    forward: int = Field(description="events from source to target")
    backward: int = Field(description="events from target to source")


class Graph(BaseModel):
    """Actors (codes) as nodes and their events as edges over a time window."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="true when more codes matched than max_nodes")


class Stats(BaseModel):
    counts: dict[str, int]
    published: dict[str, str | None]
    event_dates: dict[str, str | None]
    languages: list[dict[str, Any]] = Field(description="documents by language and status (lang, status, documents)")
    outlets: list[dict[str, Any]]


class Problem(BaseModel):
    """An error: what went wrong, in words."""

    error: str = Field(description="not_found, invalid_parameter or internal_error")
    message: str
    details: list[str] = Field(default_factory=list)
