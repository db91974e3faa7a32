"""HTML pages: search, article, events, actors, actor, stories, story, dyad, graph.

Rendered on the server with Jinja2 (autoescape on for every template); the few scripts in
static/ only add behaviour (highlighting an event's sentence, laying out the graph).
Every link keeps the UI language (`?lang=en`)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from veille.model.vocabulary import load_vocabulary
from veille.serve import highlight
from veille.serve.deps import ServeState, reader, serve_state
from veille.serve.i18n import Translator, language
from veille.serve.rendering import make_href, render, seg
from veille.serve.views import actor_detail, labelled, parameters, story_or_redirect, with_documents
from veille.store import queries
from veille.store.queries import Cursor, DocumentFilter, EventFilter, StoryFilter

router = APIRouter(include_in_schema=False)
Reader = Annotated[Cursor, Depends(reader)]
State = Annotated[ServeState, Depends(serve_state)]
Text = Annotated[str | None, Query(max_length=500)]
Offset = Annotated[int, Query(ge=0)]
PLOVER_TYPES = load_vocabulary().type_names  # the types of model/vocabulary.yaml, in its order


def blank(value: str | None) -> str | None:
    """Form fields come back empty when unused: empty means absent."""
    value = (value or "").strip()
    return value or None


def translator(lang: Annotated[str | None, Query(max_length=5)] = None) -> Translator:
    return Translator(language(lang))


T = Annotated[Translator, Depends(translator)]


def pager(request: Request, total: int, limit: int, offset: int, lang: str) -> dict[str, Any]:
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "lang")}
    href = make_href(lang)
    return {
        "total": total, "first": offset + 1 if total else 0, "last": min(total, offset + limit),
        "prev": href(request.url.path, **params, offset=max(0, offset - limit)) if offset > 0 else None,
        "next": href(request.url.path, **params, offset=offset + limit) if offset + limit < total else None,
    }


# -- charts (geometry computed here, drawn by the templates as SVG) -------------------------
def bar_chart(series: list[dict[str, Any]], width: int = 720, height: int = 160) -> dict[str, Any]:
    """Bars per period: cooperation (sum of positive scores) up, conflict (sum of negative) down."""
    if not series:
        return {"bars": [], "width": width, "height": height, "axis": height / 2, "ticks": [], "peak": 0.0}
    peak = max(max(abs(p["cooperation"]), abs(p["conflict"])) for p in series) or 1.0
    step = min(width / len(series), 64.0)
    axis = height / 2
    bars = []
    for i, point in enumerate(series):
        up = (point["cooperation"] / peak) * (axis - 14)
        down = (-point["conflict"] / peak) * (axis - 14)
        bars.append({"x": round(i * step + step * 0.1, 1), "w": round(max(1.0, step * 0.8), 1),
                     "up": round(up, 1), "down": round(down, 1), "period": point["period"],
                     "events": point["events"], "score": point["score"], "cooperation": point["cooperation"],
                     "conflict": point["conflict"]})
    every = max(1, math.ceil(len(series) / 8))
    ticks = [{"x": round(i * step + step / 2, 1), "label": p["period"]} for i, p in enumerate(series) if i % every == 0]
    return {"bars": bars, "width": width, "height": height, "axis": axis, "ticks": ticks, "peak": peak}


def date_axis(dates: Iterable[str | None], width: int = 720) -> tuple[Callable[[str | None], float | None], str, str]:
    """x position of an ISO date (partial allowed: its first day) on an axis spanning the given
    dates, and the first and last date of the axis."""
    import datetime as dt

    def day(value: str | None) -> int | None:
        if not value:
            return None
        full = value + "-01-01" if len(value) == 4 else value + "-01" if len(value) == 7 else value[:10]
        try:
            return dt.date.fromisoformat(full).toordinal()
        except ValueError:
            return None

    known = [d for d in (day(v) for v in dates) if d is not None]
    low, high = (min(known), max(known)) if known else (0, 1)
    span = max(1, high - low)

    def x(value: str | None) -> float | None:
        found = day(value)
        return None if found is None else round(20 + (found - low) / span * (width - 40), 1)

    first = dt.date.fromordinal(low).isoformat() if known else ""
    last = dt.date.fromordinal(high).isoformat() if known else ""
    return x, first, last


def _within(value: str | None, first: str, last: str, *, margin_days: int) -> bool:
    import datetime as dt

    if not value or not first or not last:
        return False
    try:
        day = dt.date.fromisoformat((value + "-01-01")[:10] if len(value) == 4 else
                                    (value + "-01")[:10] if len(value) == 7 else value[:10])
    except ValueError:
        return False
    margin = dt.timedelta(days=margin_days)
    return dt.date.fromisoformat(first) - margin <= day <= dt.date.fromisoformat(last) + margin


# -- pages ------------------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, db: Reader, state: State, t: T, q: Text = None, outlet: Text = None,
                since: Text = None, until: Text = None, actor: Text = None, story: Text = None,
                offset: Offset = 0) -> HTMLResponse:
    flt = DocumentFilter(query=blank(q), outlet=blank(outlet), since=blank(since), until=blank(until),
                         actor=blank(actor), story=blank(story), limit=20, offset=offset)
    with parameters():
        total, rows = queries.find_documents(db, flt)
        matching_actors: list[dict[str, Any]] = []
        if flt.query:
            _, matching_actors = queries.find_actors(db, flt.query, limit=6, catalogue=state.catalogue(db))
    pattern = queries.highlight_regex(flt.query)
    for row in rows:
        row["snippet_html"] = highlight.mark_terms(row["snippet"], pattern)
    return render(state, request, t, "search.html", flt=flt, total=total, rows=rows,
                  outlets=queries.outlets(db), stats=queries.store_stats(db),
                  actors=[labelled(state, a, t.lang) for a in matching_actors],
                  pages=pager(request, total, flt.limit, offset, t.lang))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, db: Reader, state: State, t: T) -> HTMLResponse:
    doc = queries.get_document(db, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    runs = highlight.runs(doc["text"] or "", doc["mentions"], doc["events"])
    actors: dict[str, dict[str, Any]] = {}
    for mention in doc["mentions"]:
        key = mention.get("code") or mention.get("actor_id")
        if key:
            entry = actors.setdefault(key, {"key": key, "label": state.actors.label(key, t.lang) or mention["text"],
                                            "count": 0, "names": []})
            entry["count"] += 1
            if mention["text"] not in entry["names"]:
                entry["names"].append(mention["text"])
    story = queries.get_story(db, doc["story_id"]) if doc.get("story_id") else None
    heading = doc.get("title") or queries.lead(doc.get("text") or "") or t("untitled")
    return render(state, request, t, "document.html", doc=doc, heading=heading, article=highlight.render(runs),
                  anchors=highlight.anchors(runs), actors=sorted(actors.values(), key=lambda a: -a["count"]),
                  story=story)


@router.get("/documents/{doc_id}/explain", response_class=HTMLResponse)
def explain_page(request: Request, doc_id: str, db: Reader, state: State, t: T) -> HTMLResponse:
    """Why these events: the document coded again, each trigger word with what became of it (POST /api/explain's
    answer for the document, as a page)."""
    from veille.explain import UnknownDocument, explain_document

    doc = queries.get_document(db, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    with state.parsing() as nlp:
        try:
            report = explain_document(db, doc_id, lang=t.lang, nlp=nlp)
        except UnknownDocument as error:
            raise HTTPException(404, f"no document {doc_id!r}") from error
    heading = doc.get("title") or queries.lead(doc.get("text") or "") or t("untitled")
    sentences = [s for s in report["sentences"] if s["candidates"]]
    return render(state, request, t, "explain.html", doc=doc, heading=heading, report=report, sentences=sentences)


def floor(name: str, value: str | None, default: float | None = None) -> float | None:
    """A form's probability floor: a number from 0 to 1 (a decimal comma taken), `default` when empty."""
    value = blank(value)
    if value is None:
        return default
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a number from 0 to 1") from None
    with parameters():
        queries.check_share(name, number)
    return number


Floors = Annotated[Literal["model"] | None, Query()]


def floors(min_confidence: str | None, min_politics: str | None, thresholds: str | None) -> dict[str, float | None]:
    """A form's confidence and politics floors (EventFilter's); `thresholds=model` (the forms' "model thresholds"
    button) fills those left empty with the models' (queries.thresholds)."""
    defaults = queries.thresholds() if thresholds == "model" else {}
    return {"min_confidence": floor("min_confidence", min_confidence, defaults.get("min_confidence")),
            "min_politics": floor("min_politics", min_politics, defaults.get("min_politics"))}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, db: Reader, state: State, t: T, actor: Text = None, recipient: Text = None,
                type: Text = None, status: Text = None, since: Text = None, until: Text = None, story: Text = None,
                min_confidence: Text = None, min_politics: Text = None, thresholds: Floors = None,
                offset: Offset = 0) -> HTMLResponse:
    """Events with their filters, the floors among them (`floors`)."""
    flt = EventFilter(actor=blank(actor), recipient=blank(recipient), type=blank(type), status=blank(status),
                      since=blank(since), until=blank(until), story=blank(story),
                      **floors(min_confidence, min_politics, thresholds), limit=30, offset=offset)
    with parameters():
        total, rows = queries.find_events(db, flt)
    return render(state, request, t, "events.html", flt=flt, total=total, events=with_documents(db, rows),
                  types=PLOVER_TYPES, statuses=queries.STATUSES, thresholds=queries.thresholds(),
                  pages=pager(request, total, flt.limit, offset, t.lang))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, db: Reader, state: State, t: T, q: Text = None, offset: Offset = 0) -> HTMLResponse:
    with parameters():
        total, rows = queries.find_actors(db, blank(q), limit=50, offset=offset, catalogue=state.catalogue(db))
    return render(state, request, t, "actors.html", q=blank(q), total=total,
                  rows=[labelled(state, r, t.lang) for r in rows], pages=pager(request, total, 50, offset, t.lang))


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: str, db: Reader, state: State, t: T, since: Text = None, until: Text = None,
               min_confidence: Text = None, min_politics: Text = None, thresholds: Floors = None,
               offset: Offset = 0) -> HTMLResponse:
    """An actor; the floors (`floors`) filter its events, its timeline and its partners alike."""
    chosen = floors(min_confidence, min_politics, thresholds)
    found = actor_detail(db, state, key, since=blank(since), until=blank(until), interval="month", limit=20,
                         offset=offset, lang=t.lang, **chosen)
    if found is None:
        raise HTTPException(404, f"no actor {key!r} in this store")
    return render(state, request, t, "actor.html", actor=found, chart=bar_chart(found["series"]),
                  since=blank(since), until=blank(until), floors=chosen, thresholds=queries.thresholds(),
                  pages=pager(request, found["events"]["total"], 20, offset, t.lang))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, db: Reader, state: State, t: T, q: Text = None, actor: Text = None,
                 offset: Offset = 0) -> HTMLResponse:
    with parameters():
        total, rows = queries.find_stories(db, StoryFilter(query=blank(q), actor=blank(actor), limit=30,
                                                           offset=offset))
    return render(state, request, t, "stories.html", q=blank(q), actor=blank(actor), total=total, rows=rows,
                  has_stories=queries.has_table(db, "stories"), pages=pager(request, total, 30, offset, t.lang))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, db: Reader, state: State, t: T) -> Response:
    found = story_or_redirect(request, db, story_id, "story_page")
    if isinstance(found, Response):
        return found  # merged into another story: its page
    events = found["merged_events"]
    # The axis spans the story's publication dates widened by a month, and the event dates inside
    # that; events dated outside (history recalled, announced plans) sit at an edge, marked as such.
    story_span = [d for d in (found.get("first_date"), found.get("last_date")) if d]
    x_story, low, high = date_axis(story_span)
    inside = [e.get("date") for e in events if _within(e.get("date"), low, high, margin_days=30)]
    x, axis_first, axis_last = date_axis(inside + story_span)
    marks = []
    stacks: dict[float, int] = {}
    for number, event in enumerate(events, 1):
        position = x(event.get("date"))
        if position is None:
            continue
        outside = not (20 <= position <= 700)
        position = min(708.0, max(12.0, position))
        level = stacks.get(position, 0)
        stacks[position] = level + 1
        marks.append({"x": position, "level": level, "n": number, "id": event["merged_id"], "outside": outside,
                      "type": event.get("type"), "date": event.get("date"), "status": event.get("status")})
    height = 30 + 22 * max(stacks.values(), default=1)
    for mark in marks:
        mark["y"] = height - 8 - 22 * mark["level"]
    titles = queries.documents_brief(db, (p.get("doc_id") for e in events for p in (e.get("provenance") or [])
                                         if isinstance(p, dict) and p.get("doc_id")))
    return render(state, request, t, "story.html", story=found, marks=marks, titles=titles, height=height,
                  axis_first=axis_first, axis_last=axis_last)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, db: Reader, state: State, t: T, interval: Text = None,
              since: Text = None, until: Text = None, min_confidence: Text = None, min_politics: Text = None,
              thresholds: Floors = None, offset: Offset = 0) -> HTMLResponse:
    """Two actors; the floors (`floors`) filter their events and every sum of them alike."""
    chosen = floors(min_confidence, min_politics, thresholds)
    with parameters():
        found = queries.dyad(db, a, b, interval=blank(interval) or "month", since=blank(since), until=blank(until),
                             limit=30, offset=offset, **chosen)
    found["items"] = with_documents(db, found["items"])
    labels = {a: state.actors.label(a, t.lang) or a, b: state.actors.label(b, t.lang) or b}
    return render(state, request, t, "dyad.html", dyad=found, labels=labels, chart=bar_chart(found["series"]),
                  since=blank(since), until=blank(until), floors=chosen, thresholds=queries.thresholds(),
                  pages=pager(request, found["total"], 30, offset, t.lang))


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, db: Reader, state: State, t: T, since: Text = None, until: Text = None,
               type: Text = None, status: Text = None, min_confidence: Text = None, min_politics: Text = None,
               thresholds: Floors = None, max_nodes: Annotated[int, Query(ge=1, le=500)] = 60) -> HTMLResponse:
    """The actor graph; the floors (`floors`) choose the events its nodes and edges count, and its links to the
    actor and dyad pages keep them."""
    chosen = floors(min_confidence, min_politics, thresholds)
    flt = EventFilter(type=blank(type), status=blank(status), since=blank(since), until=blank(until), **chosen)
    with parameters():
        found = queries.graph(db, flt, max_nodes=max_nodes)
    href = make_href(t.lang)
    for node in found["nodes"]:
        node["label"] = state.actors.label(node["code"], t.lang) or node["code"]
        node["url"] = href(f"/actors/{seg(node['code'])}", since=flt.since, until=flt.until, **chosen)
    for edge in found["edges"]:
        edge["url"] = href(f"/dyads/{seg(edge['source'])}/{seg(edge['target'])}", since=flt.since, until=flt.until,
                           **chosen)
    return render(state, request, t, "graph.html", flt=flt, graph=found, max_nodes=max_nodes, types=PLOVER_TYPES,
                  statuses=queries.STATUSES, floors=chosen, thresholds=queries.thresholds())


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request, db: Reader, state: State, t: T, since: Text = None, as_of: Text = None,
               by: Text = None, watchlist: Text = None) -> HTMLResponse:
    from veille.serve.briefs import brief_request

    form = {"since": blank(since) or "24h", "as_of": blank(as_of), "by": blank(by) or "ingested",
            "watchlist": blank(watchlist)}
    found, every = brief_request(request, db, state, since=form["since"], as_of=form["as_of"], by=form["by"],
                                 watchlist=form["watchlist"], lang=t.lang)
    return render(state, request, t, "brief.html", brief=found, form=form, mail=False, styles={},
                  names=[w.name for w in every if w.name != "*"])
