"""The brief for the web: the /brief page and /api/brief take the same parameters and the same data
(`veille.brief.build_brief`). The watchlists file is read at each request (edits show at once), from
`veille serve --watchlists FILE` (`app.state.watchlists`) or the default places."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request

from veille.brief import Watchlist, WatchlistsError, Window, WindowError, build_brief, watchlists_for
from veille.brief.watchlists import kb_resolver, select
from veille.serve.deps import ServeState
from veille.store.queries import Cursor


def brief_request(request: Request, db: Cursor, state: ServeState, *, since: str | None, as_of: str | None,
                  by: str | None, watchlist: str | None, lang: str = "fr", base_url: str = "") -> tuple[
                      dict[str, Any], list[Watchlist]]:
    """The brief asked for, and every watchlist of the file (for choosing one); 422 for a bad
    parameter or watchlist name, 500 for a watchlists file that cannot be used."""
    try:
        window = Window.of(since or "24h", as_of, by or "ingested")
    except WindowError as error:
        raise HTTPException(422, str(error)) from error
    resolve = kb_resolver(state.actors.kb) if state.actors.kb is not None else (lambda key: frozenset({key}))
    try:
        every = watchlists_for(getattr(request.app.state, "watchlists", None), (), resolve)
    except WatchlistsError as error:
        raise HTTPException(500, str(error)) from error
    try:
        chosen = select(every, [watchlist] if watchlist else [])
    except WatchlistsError as error:
        raise HTTPException(422, f"watchlist: {error}") from error
    data = build_brief(db, chosen, window, label=lambda key: state.actors.label(key, lang), base_url=base_url)
    return data, every
