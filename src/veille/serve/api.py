"""REST API routes (/api/...): thin handlers over `veille.store.queries`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse

from veille.serve import schemas
from veille.serve.deps import ServeState, reader, serve_state
from veille.serve.views import actor_detail, labelled, parameters, story_or_redirect, with_documents
from veille.store import queries
from veille.store.queries import Cursor, DocumentFilter, EventFilter, StoryFilter

router = APIRouter(prefix="/api", responses={
    404: {"model": schemas.Problem, "description": "unknown id"},
    422: {"model": schemas.Problem, "description": "a parameter is invalid; the message says which and why"},
})

Reader = Annotated[Cursor, Depends(reader)]
State = Annotated[ServeState, Depends(serve_state)]
DATE_DOC = "ISO date: YYYY, YYYY-MM or YYYY-MM-DD"
Since = Annotated[str | None, Query(description=f"on or after this date ({DATE_DOC})", max_length=10)]
Until = Annotated[str | None, Query(description=f"on or before this date ({DATE_DOC}; a month or year includes it "
                                                "whole)", max_length=10)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="rows per page")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
Key = Annotated[str | None, Query(description="actor code (KAZ, CSTO) or actor id (tokayev)", max_length=200)]
Status = Annotated[schemas.StatusName | None, Query(description="event status")]
EventType = Annotated[schemas.EventTypeName | None, Query(description="PLOVER event type, e.g. MOBILIZE (any case)")]
Interval = Annotated[Literal["week", "month", "year"], Query(description="period of the series")]
_FLOORS = queries.thresholds()
MinConfidence = Annotated[float | None, Query(
    ge=0.0, le=1.0, description="events whose confidence is at least this (0 to 1); the confidence model's threshold "
    f"is {_FLOORS['min_confidence']} (planned, hypothetical and negated events: "
    f"{_FLOORS['min_confidence_nonfactual']}), see /api/thresholds")]
MinPolitics = Annotated[float | None, Query(
    ge=0.0, le=1.0, description="events of documents whose politics probability (topic model) is at least this "
    f"(0 to 1; suggested {_FLOORS['min_politics']}, see /api/thresholds); a document without one does not pass")]


@router.get("/stats", response_model=schemas.Stats, summary="What the store holds")
def stats(db: Reader) -> dict[str, Any]:
    return queries.store_stats(db)


@router.get("/documents", response_model=schemas.DocumentPage, summary="Search documents")
def documents(
    db: Reader,
    q: Annotated[str | None, Query(description='words (all must occur, accents and case ignored) or "a phrase"',
                                   max_length=500)] = None,
    outlet: Annotated[str | None, Query(description="publishing outlet, exactly", max_length=300)] = None,
    since: Since = None,
    until: Until = None,
    actor: Annotated[str | None, Query(description="documents mentioning this code or actor id",
                                       max_length=200)] = None,
    story: Annotated[str | None, Query(description="documents of this story", max_length=200)] = None,
    lang: Annotated[str | None, Query(description="ISO 639-1 language of the text", max_length=8)] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents matching every filter, newest first, with a snippet around the first match."""
    flt = DocumentFilter(query=q, outlet=outlet, since=since, until=until, actor=actor, story=story, lang=lang,
                         limit=limit, offset=offset)
    with parameters():
        total, rows = queries.find_documents(db, flt)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@router.get("/documents/{doc_id}", response_model=schemas.DocumentDetail, summary="One document")
def document(db: Reader, doc_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """A document with its clean text, its mentions and events (offsets into the text) and its sources."""
    found = queries.get_document(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found


def event_filter(actor: Key = None, recipient: Key = None,
                 type: EventType = None,
                 status: Status = None, since: Since = None, until: Until = None,
                 story: Annotated[str | None, Query(description="events of this story's documents",
                                                    max_length=200)] = None,
                 doc_id: Annotated[str | None, Query(description="events of this document", max_length=200)] = None,
                 min_confidence: MinConfidence = None, min_politics: MinPolitics = None,
                 limit: Limit = 50, offset: Offset = 0) -> EventFilter:
    return EventFilter(actor=actor, recipient=recipient, type=type, status=status, since=since, until=until,
                       story=story, doc_id=doc_id, min_confidence=min_confidence, min_politics=min_politics,
                       limit=limit, offset=offset)


@router.get("/thresholds", response_model=schemas.Thresholds, summary="The event filters' default floors")
def thresholds() -> dict[str, Any]:
    """The floors the event filters (`min_confidence`, `min_politics`) offer by default, from the models the coder
    applies: the confidence model's thresholds and the topic model's politics floor."""
    return queries.thresholds()


@router.get("/events", response_model=schemas.EventPage, summary="Search events")
def events(db: Reader, flt: Annotated[EventFilter, Depends(event_filter)]) -> dict[str, Any]:
    """Events matching every filter, newest first. `actor` alone matches either side; with
    `recipient`, the actor side."""
    with parameters():
        total, rows = queries.find_events(db, flt)
    return {"total": total, "limit": flt.limit, "offset": flt.offset, "items": with_documents(db, rows)}


@router.get("/events/{event_id}", response_model=schemas.Event, summary="One event")
def event(db: Reader, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    found = queries.get_event(db, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return with_documents(db, [found])[0]


@router.get("/actors", response_model=schemas.ActorPage, summary="Search actors")
def actors(db: Reader, state: State,
           q: Annotated[str | None, Query(description="part of a code, actor id or mention text", max_length=200)]
           = None,
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Codes and actor ids the store's mentions carry, matching the query; most mentioned first."""
    with parameters():
        total, rows = queries.find_actors(db, q, limit=limit, offset=offset, catalogue=state.catalogue(db))
    return {"total": total, "limit": limit, "offset": offset, "items": [labelled(state, r) for r in rows]}


@router.get("/actors/{key}", response_model=schemas.ActorDetail, summary="One actor")
def actor(db: Reader, state: State, key: Annotated[str, Path(max_length=200)], since: Since = None,
          until: Until = None, interval: Interval = "month", min_confidence: MinConfidence = None,
          min_politics: MinPolitics = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """An actor (code or actor id): what the knowledge base says (roles), its events (either side),
    their timeline, and its strongest partners and adversaries by summed PLOVER score. The floors filter
    the events, the timeline and the partners alike."""
    found = actor_detail(db, state, key, since=since, until=until, interval=interval, limit=limit, offset=offset,
                         min_confidence=min_confidence, min_politics=min_politics)
    if found is None:
        raise HTTPException(404, f"no actor {key!r} in this store")
    return found


@router.post("/explain", response_model=schemas.Explanation, summary="Why a text's trigger words became events or not",
             description="Codes the `text` (or the stored document `doc_id` again) with the ingest's pipeline and "
                         "thresholds, and gives per sentence each trigger candidate with its outcome: the events it "
                         "gave (confidence, threshold, or why it was cut), or why it was dropped or set aside. Nothing "
                         "is stored. The first call loads the French model.")
def explain(db: Reader, state: State, body: Annotated[schemas.ExplainRequest, Body()]) -> dict[str, Any]:
    if (body.text is None) == (body.doc_id is None):
        raise HTTPException(422, "give one of text or doc_id")
    if body.doc_id is not None and (body.published is not None or body.home is not None):
        raise HTTPException(422, "published and home go with a text: a stored document has its own")
    from veille.explain import UnknownDocument, explain_document
    from veille.explain import explain as explain_text

    with state.parsing() as nlp:
        if body.doc_id is not None:
            try:
                return explain_document(db, body.doc_id, lang=body.lang, nlp=nlp)
            except UnknownDocument as error:
                raise HTTPException(404, f"no document {body.doc_id!r}") from error
        try:
            return explain_text(body.text or "", published=body.published, home=body.home, lang=body.lang, nlp=nlp)
        except ValueError as error:  # a date or a state code it cannot read
            raise HTTPException(422, str(error)) from error


@router.get("/stories", response_model=schemas.StoryPage, summary="Search stories")
def stories(db: Reader,
            q: Annotated[str | None, Query(description="words of the story label", max_length=200)] = None,
            actor: Annotated[str | None, Query(description="one of its main actor codes", max_length=200)] = None,
            since: Since = None, until: Until = None,
            min_documents: Annotated[int, Query(ge=1, description="hide smaller stories")] = 1,
            limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Stories (clusters of documents reporting the same news), latest first."""
    with parameters():
        total, rows = queries.find_stories(db, StoryFilter(query=q, actor=actor, since=since, until=until,
                                                           min_documents=min_documents, limit=limit, offset=offset))
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@router.get("/stories/{story_id}", response_model=schemas.StoryDetail, summary="One story",
            responses={301: {"description": "The story was merged into another one (later texts bridged "
                                            "them): `Location` is the surviving story's address."}})
def story(request: Request, db: Reader, story_id: Annotated[str, Path(max_length=200)]) -> Any:
    """A story with its documents and its merged events (each with its provenance). An id of a story
    since merged into another answers 301 Moved Permanently to the surviving story."""
    return story_or_redirect(request, db, story_id, "story")


@router.get("/dyads/{a}/{b}", response_model=schemas.Dyad, summary="Two actors over time")
def dyad(db: Reader, state: State, a: Annotated[str, Path(max_length=200)], b: Annotated[str, Path(max_length=200)],
         interval: Interval = "month", since: Since = None, until: Until = None,
         min_confidence: MinConfidence = None, min_politics: MinPolitics = None, limit: Limit = 50,
         offset: Offset = 0) -> dict[str, Any]:
    """Events between `a` and `b` (either direction), newest first, and per period their count and
    summed PLOVER score, overall and per direction. The floors filter the events and every sum alike."""
    if a == b:
        raise HTTPException(422, "b: a dyad needs two different actors")
    with parameters():
        found = queries.dyad(db, a, b, interval=interval, since=since, until=until, limit=limit, offset=offset,
                             min_confidence=min_confidence, min_politics=min_politics)
    if found["total"] == 0:
        catalogue = state.catalogue(db)
        unknown = [k for k in (a, b) if queries.actor_entry(db, k, catalogue) is None
                   and queries.find_events(db, EventFilter(actor=k, limit=1))[0] == 0]
        if unknown:
            raise HTTPException(404, f"no actor {unknown[0]!r} in this store")
    found["items"] = with_documents(db, found["items"])
    found["a_label"], found["b_label"] = state.actors.label(a), state.actors.label(b)
    return found


def window_filter(type: EventType = None,
                  status: Status = None, since: Since = None, until: Until = None,
                  story: Annotated[str | None, Query(description="events of this story's documents",
                                                     max_length=200)] = None,
                  min_confidence: MinConfidence = None, min_politics: MinPolitics = None) -> EventFilter:
    return EventFilter(type=type, status=status, since=since, until=until, story=story,
                       min_confidence=min_confidence, min_politics=min_politics)


@router.get("/graph", response_model=schemas.Graph, summary="Actor graph")
def graph(db: Reader, state: State, flt: Annotated[EventFilter, Depends(window_filter)],
          max_nodes: Annotated[int, Query(ge=1, le=500, description="keep the codes with most events")] = 60,
          min_events: Annotated[int, Query(ge=1, description="hide edges with fewer events")] = 1) -> dict[str, Any]:
    """Codes as nodes, events between two codes as edges (count and summed score), over the events
    matching the filters (e.g. a time window with `since`/`until`)."""
    with parameters():
        found = queries.graph(db, flt, max_nodes=max_nodes, min_events=min_events)
    for node in found["nodes"]:
        node["label"] = state.actors.label(node["code"])
    return found


@router.get("/brief", summary="The brief of a period")
def brief(request: Request, db: Reader, state: State,
          since: Annotated[str, Query(description="length of the period: 24h, 7d, 2w", max_length=10)] = "24h",
          as_of: Annotated[str | None, Query(description="end of the period: a date (its whole day, UTC) or date "
                                                         "and time; now by default", max_length=32)] = None,
          by: Annotated[Literal["ingested", "published"], Query(description="what makes an item new")] = "ingested",
          watchlist: Annotated[str | None, Query(description="one watchlist; all by default",
                                                 max_length=200)] = None) -> JSONResponse:
    """Per watchlist: the new merged events, the followed dyads' score change against the previous
    period of the same length, and the new stories, each with links to its articles."""
    from veille.serve.briefs import brief_request

    found, _ = brief_request(request, db, state, since=since, as_of=as_of, by=by, watchlist=watchlist)
    return JSONResponse(found)  # plain JSON data already: FastAPI's encoder walks it again (a third of the time)
