"""The brief as data: per watchlist, the new merged events, the followed dyads' score change and the
new stories of a period. The Markdown, the HTML mail and the UI page only render what this returns.

- New merged event: the first document carrying it is in the period (`Window`: ingested or published).
- Dyad score: the summed PLOVER score of the events between the two actors (either direction) coded in
  the original documents of the period, against the same sum over the period of the same length just
  before; `change` is the difference. Like the dyad page, it counts what was reported in the period.
- New story: its first document is in the period.
Each item links to its articles: the article's web address when it has one, else its page in the UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from veille.brief.watchlists import Watchlist
from veille.brief.window import Window
from veille.store import derived, queries
from veille.store.queries import Reader

Labeller = Callable[[str], str | None]
MAX_EVENTS = 50  # per watchlist; the brief says how many more there are
MAX_STORIES = 30
MAX_LINKS = derived.BRIEF_LINKS  # articles listed under an item (first_seen holds theirs)


def build_brief(reader: Reader, watchlists: Sequence[Watchlist], window: Window, *, label: Labeller | None = None,
                base_url: str = "", max_events: int = MAX_EVENTS, max_stories: int = MAX_STORIES,
                scan: bool = False) -> dict[str, Any]:
    """The brief of `window` for each watchlist. `label` names actors (knowledge base), `base_url`
    prefixes the links to the UI ("" for relative links, as the UI page uses). The new items and their
    documents are read from first_seen (`queries.brief_items`), or found from the documents, merged events
    and stories with `scan` (for tests)."""
    label = label or (lambda key: None)
    base = base_url.rstrip("/")
    previous = window.previous()
    if scan:
        events = queries.new_merged_events(reader, window.basis, window.bounds(), scan=True)
        stories = queries.new_stories(reader, window.basis, window.bounds(), scan=True)
        for event in events:
            event["doc_ids"] = _doc_ids(event)
        items: queries.BriefItems | None = None
    else:
        items = queries.brief_items(reader, window.basis, window.bounds())
        events, stories = items.events, items.stories
    event_docs = {e["merged_id"]: list(e["doc_ids"]) for e in events}
    story_docs = {s["story_id"]: list(s.get("doc_ids") or []) for s in stories}
    keywords = sorted({k for w in watchlists for k in w.keywords})
    all_ids = {d for ids in [*event_docs.values(), *story_docs.values()] for d in ids}
    with_keyword = {k: queries.documents_matching(reader, all_ids, [k]) for k in keywords}
    hits = [{d for k in w.keywords for d in with_keyword[k]} for w in watchlists]
    # a story a watchlist follows by itself is told without its merged events: those of the others only are read
    itself = {(i, s["story_id"]) for i, w in enumerate(watchlists) for s in stories
              if story_matches(w, s, story_docs[s["story_id"]], hits[i])}
    story_events = queries.merged_events_of_stories(reader, sorted(
        {s["story_id"] for i in range(len(watchlists)) for s in stories if (i, s["story_id"]) not in itself}))
    picked = []
    for i, watchlist in enumerate(watchlists):
        chosen = [e for e in events if matches(watchlist, e, event_docs[e["merged_id"]], hits[i])]
        told = [s for s in stories if (i, s["story_id"]) in itself
                or any(matches(watchlist, e, _doc_ids(e), hits[i]) for e in story_events.get(s["story_id"], []))]
        picked.append((watchlist, chosen, told))
    # the documents linked: the first MAX_LINKS of each item shown (first_seen holds them)
    shown_events = {e["merged_id"] for _, chosen, _ in picked for e in chosen[:max_events]}
    shown_stories = {s["story_id"] for _, _, told in picked for s in told[:max_stories]}
    if items is not None:
        documents = items.documents(shown_events, shown_stories)
    else:
        documents = queries.documents_brief(reader, {d for ids in [*(event_docs[e] for e in shown_events),
                                                                   *(story_docs[s] for s in shown_stories)]
                                                     for d in ids[:MAX_LINKS]})
    sections = []
    for watchlist, chosen, told in picked:
        sections.append({
            "watchlist": watchlist.as_dict(),
            "events": [_event(e, event_docs[e["merged_id"]], documents, label, base) for e in chosen[:max_events]],
            "events_total": len(chosen),
            "dyads": [_dyad(reader, watchlist, pair, window, previous, label, base) for pair in watchlist.dyads],
            "stories": [_story(s, story_docs[s["story_id"]], documents, label, base) for s in told[:max_stories]],
            "stories_total": len(told),
        })
    return {"generated_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "window": window.as_dict(),
            "previous": previous.as_dict(), "base_url": base, "sections": sections}


# -- which items a watchlist follows ----------------------------------------------------------------
def _keys(parties: Any) -> set[str]:
    if isinstance(parties, dict):
        parties = [parties]
    return {str(p[k]) for p in parties or [] if isinstance(p, dict) for k in ("code", "actor_id") if p.get(k)}


def _follows_parties(watchlist: Watchlist, keys: set[str]) -> bool:
    if any(watchlist.keys_of(a) & keys for a in watchlist.actors):
        return True
    return any(watchlist.keys_of(a) & keys and watchlist.keys_of(b) & keys for a, b in watchlist.dyads)


def matches(watchlist: Watchlist, event: dict[str, Any], doc_ids: Iterable[str], keyword_docs: set[str]) -> bool:
    """Whether a merged event is on the watchlist: of its types and statuses (when it names some),
    and involving one of its actors, both ends of one of its dyads, or an article with a keyword."""
    if watchlist.types and not ({event.get("type"), *(event.get("types") or [])} & set(watchlist.types)):
        return False
    if watchlist.statuses and event.get("status") not in watchlist.statuses:
        return False
    if not (watchlist.actors or watchlist.dyads or watchlist.keywords):
        return True
    if _follows_parties(watchlist, _keys(event.get("actor")) | _keys(event.get("recipient"))):
        return True
    return bool(keyword_docs.intersection(doc_ids))


def story_matches(watchlist: Watchlist, story: dict[str, Any], doc_ids: Iterable[str], keyword_docs: set[str]) -> bool:
    """A story is on a watchlist without types or statuses when its main actors are followed (an actor,
    both ends of a dyad) or one of its articles holds a keyword; else through its merged events."""
    if watchlist.types or watchlist.statuses:
        return False
    if not (watchlist.actors or watchlist.dyads or watchlist.keywords):
        return True
    return _follows_parties(watchlist, set(story.get("actors") or [])) or bool(keyword_docs.intersection(doc_ids))


# -- items --------------------------------------------------------------------------------------------
def _doc_ids(event: dict[str, Any]) -> list[str]:
    """The event's documents, originals first, each once."""
    return derived.provenance_docs(event.get("provenance"))


def web_url(url: str | None) -> str | None:
    """A document's URL when it is a web address (http/https), else None: never a javascript: link."""
    if not url:
        return None
    return url.strip() if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _link(doc_id: str, documents: dict[str, dict[str, Any]], base: str) -> dict[str, Any]:
    doc = documents.get(doc_id) or {"doc_id": doc_id}
    url = web_url(doc.get("url"))
    return {"doc_id": doc_id, "title": doc.get("title") or doc.get("lead") or doc_id, "outlet": doc.get("outlet"),
            "outlet_kind": doc.get("outlet_kind"), "outlet_state": doc.get("outlet_state"),
            "published": doc.get("published"), "href": url or f"{base}/documents/{quote(doc_id, safe='')}",
            "original": url is not None}


def _names(parties: Any, label: Labeller) -> list[str]:
    if isinstance(parties, dict):
        parties = [parties]
    names: list[str] = []
    for party in parties or []:
        if not isinstance(party, dict):
            continue
        key = party.get("actor_id") or (None if party.get("text") else party.get("code"))
        name = (label(str(key)) if key else None) or party.get("text") or key or "?"
        code = party.get("code")
        text = f"{name} ({code})" if code and code != name else str(name)
        if text not in names:
            names.append(text)
    return names


def _figures(size: Any) -> list[dict[str, Any]]:
    """Each count (dead, troops...) with the figures its sources give, side by side."""
    figures = []
    for key, detail in (size or {}).items():
        if isinstance(detail, dict) and isinstance(detail.get("values"), list):
            values = [{"value": v.get("value"), "outlets": list(v.get("outlets") or []),
                       "reported_by": list(v.get("reported_by") or [])}
                      for v in detail["values"] if isinstance(v, dict)]
            figures.append({"key": key, "conflicting": bool(detail.get("conflicting")), "values": values})
        elif key == "vague" and detail:
            figures.append({"key": key, "conflicting": False,
                            "values": [{"value": v, "outlets": [], "reported_by": []} for v in detail]})
    return figures


def _event(event: dict[str, Any], doc_ids: list[str], documents: dict[str, dict[str, Any]], label: Labeller,
           base: str) -> dict[str, Any]:
    location = event.get("location")
    return {
        "merged_id": event["merged_id"], "story_id": event.get("story_id"), "type": event.get("type"),
        "status": event.get("status"), "disputed": bool(event.get("disputed")), "date": event.get("date"),
        "first_seen": event.get("first_seen"), "first_reported": event.get("first_reported"),
        "actors": _names(event.get("actor"), label), "recipients": _names(event.get("recipient"), label),
        "reported_by": _names(event.get("reported_by"), label),
        "location": location.get("name") if isinstance(location, dict) else None,
        "num_documents": event.get("num_documents"), "num_sources": event.get("num_sources"),
        "independent_sources": event.get("independent_sources"),
        "state_media_only": bool(event.get("state_media_only")),
        "conflicting": bool(event.get("conflicting")), "figures": _figures(event.get("size")),
        "documents": [_link(d, documents, base) for d in doc_ids[:MAX_LINKS]], "more_documents":
            max(0, len(doc_ids) - MAX_LINKS),
        "href": f"{base}/stories/{quote(str(event.get('story_id')), safe='')}#me-{event['merged_id']}",
    }


def _dyad(reader: Reader, watchlist: Watchlist, pair: tuple[str, str], window: Window, previous: Window,
          label: Labeller, base: str) -> dict[str, Any]:
    a, b = pair
    keys = watchlist.keys_of(a), watchlist.keys_of(b)
    now = queries.dyad_score(reader, *keys, window.basis, window.bounds())
    before = queries.dyad_score(reader, *keys, previous.basis, previous.bounds())
    change = now["score"] - before["score"]
    if not now["events"] and not before["events"]:
        trend = "quiet"
    else:
        trend = "cooperation" if change > 0 else "conflict" if change < 0 else "steady"
    span = {"since": window.first_day, "until": window.last_day} if window.basis == "published" else {}
    return {"a": a, "b": b, "a_label": label(a) or a, "b_label": label(b) or b, "current": now, "previous": before,
            "change": change, "trend": trend,
            "href": f"{base}/dyads/{quote(a, safe='')}/{quote(b, safe='')}" + (f"?{urlencode(span)}" if span else "")}


def _story(story: dict[str, Any], doc_ids: list[str], documents: dict[str, dict[str, Any]], label: Labeller,
           base: str) -> dict[str, Any]:
    return {
        "story_id": story["story_id"], "label": story.get("label"), "first_seen": story.get("first_seen"),
        "first_date": story.get("first_date"), "last_date": story.get("last_date"),
        "num_documents": story.get("num_documents"), "num_sources": story.get("num_sources"),
        "actors": [label(str(a)) or str(a) for a in story.get("actors") or []],
        "event_types": list(story.get("event_types") or []),
        "documents": [_link(d, documents, base) for d in doc_ids[:MAX_LINKS]],
        "more_documents": max(0, len(doc_ids) - MAX_LINKS),
        "href": f"{base}/stories/{quote(str(story['story_id']), safe='')}",
    }
