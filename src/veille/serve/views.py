"""What the API routes and the HTML pages both build from the queries, built once.

- `parameters()`: the queries' `InvalidParameter` becomes a 422 with its message.
- `with_documents(db, events)`: each event gets `document`, a brief of the document it was read in.
- `labelled(state, entry, lang)`: an actor catalogue entry gets the knowledge base's `label`.
- `actor_detail(...)`: everything the actor route and page show (events, series, partners).
- `story_or_redirect(...)`: a story, or a 301 to the story an older id was merged into.

Imports no route module: `api` and `pages` import it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import RedirectResponse

from veille.serve.deps import ServeState
from veille.store import queries
from veille.store.queries import Cursor, EventFilter, InvalidParameter, Reader


@contextmanager
def parameters() -> Iterator[None]:
    """Turn the queries' parameter errors into 422 responses with their message."""
    try:
        yield
    except InvalidParameter as error:
        raise HTTPException(422, str(error)) from error


def with_documents(db: Cursor, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    refs = queries.documents_brief(db, (e["doc_id"] for e in events if e.get("doc_id")))
    for event in events:
        event["document"] = refs.get(event.get("doc_id") or "")
    return events


def labelled(state: ServeState, entry: dict[str, Any], lang: str = "fr") -> dict[str, Any]:
    entry["label"] = state.actors.label(entry["key"], lang) or (entry["names"][0] if entry.get("names") else None)
    return entry


def actor_detail(db: Cursor, state: ServeState, key: str, *, since: str | None, until: str | None,
                 interval: str, limit: int, offset: int, lang: str = "fr", min_confidence: float | None = None,
                 min_politics: float | None = None) -> dict[str, Any] | None:
    """Everything the actor route and page show; None for an actor the store does not know. The floors
    filter its events and every sum of them (timeline, partners) alike."""
    flt = EventFilter(actor=key, since=since, until=until, limit=limit, offset=offset,
                      min_confidence=min_confidence, min_politics=min_politics)
    with parameters():
        total, rows = queries.find_events(db, flt)
        entry = queries.actor_entry(db, key, state.catalogue(db))
        if entry is None and total == 0 and (
                not flt.thresholded or queries.find_events(db, replace(flt, min_confidence=None, min_politics=None,
                                                                       limit=1, offset=0))[0] == 0):
            return None
        series = queries.event_series(db, flt, interval)
        sides = queries.actor_partners(db, key, since=since, until=until, min_confidence=min_confidence,
                                       min_politics=min_politics)
    entry = entry or {"key": key, "kind": "code" if key.isupper() else "actor", "code": None, "actor_id": None,
                      "mentions": 0, "documents": 0, "names": []}
    for side in sides.values():
        for row in side:
            row["label"] = state.actors.label(row["code"], lang)
    return {**labelled(state, entry, lang), "knowledge_base": state.actors.describe(key),
            "events": {"total": total, "limit": limit, "offset": offset, "items": with_documents(db, rows)},
            "interval": interval, "series": series["series"], "imprecise": series["imprecise"], **sides}


MOVED = 301  # Moved Permanently: a merged story never comes back under its old id


def story_or_redirect(request: Request, db: Reader, story_id: str, route: str) -> dict[str, Any] | RedirectResponse:
    """The story `story_id` names; when it was merged into another (later texts bridged the two), a
    permanent redirect to that story's address under `route` (query string kept), which HTTP clients
    and browsers follow; 404 for an unknown id."""
    found = queries.get_story(db, story_id)
    if found is not None:
        return found
    into = queries.resolve_story(db, story_id)
    if into is None or into == story_id:
        raise HTTPException(404, f"no story {story_id!r}")
    url = request.url_for(route, story_id=into)
    if request.url.query:
        url = url.replace(query=request.url.query)
    return RedirectResponse(str(url), status_code=MOVED)
