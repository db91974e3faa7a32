"""The daily brief: what changed on the actors an analyst follows.

`watchlists.py` reads and checks watchlists.yaml, `window.py` says which period is new (and the
previous one), and `build.py` makes the brief as data from the store (through `store.queries`);
`serve/brief_render.py` writes it as Markdown or as one self-contained HTML file for mail, and the
UI's /brief page renders the same data (serve/pages.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from veille.brief.build import build_brief
from veille.brief.watchlists import (
    EVERYTHING,
    Resolver,
    Watchlist,
    WatchlistsError,
    default_path,
    load_watchlists,
    select,
)
from veille.brief.window import Window, WindowError

__all__ = ["EVERYTHING", "Watchlist", "WatchlistsError", "Window", "WindowError", "build_brief", "default_path",
           "load_watchlists", "watchlists_for"]


def watchlists_for(path: Path | None, names: Sequence[str] = (), resolve: Resolver | None = None) -> list[Watchlist]:
    """The watchlists to brief on: those named (all when none is) of the file at `path`, or of the
    default file; without any file, one covering everything (and naming a watchlist is an error)."""
    path = path or default_path()
    if path is None:
        if names:
            raise WatchlistsError(f"no watchlists file (give --watchlists FILE) to take {names[0]!r} from")
        return [EVERYTHING]
    return select(load_watchlists(path, resolve), names, path)
